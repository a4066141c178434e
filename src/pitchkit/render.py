"""Fill a Word template with a context, behind safe defaults.

docxtpl does the Word-specific work (tags split across runs, loops over
paragraphs and table rows); pitchkit supplies the Jinja environment:

- sandboxed, so a template from anywhere cannot reach Python internals;
- autoescaped, so ``R&D <b>`` in a value stays text;
- strict, so a misspelt variable is an error naming its dotted path;
- with pitchkit's formatting filters and translations bound to one language.

Document properties (title, author) are set by pitchkit after rendering,
never rendered through Jinja (docxtpl would escape them twice).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from docx.shared import Cm
from docxtpl import DocxTemplate, InlineImage
from jinja2.exceptions import SecurityError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from pitchkit import fmt
from pitchkit.errors import TemplateError
from pitchkit.factserrors import did_you_mean
from pitchkit.i18n import Language


@dataclass(frozen=True)
class Picture:
    """A PNG to place in the document where the template says ``{{ chart }}``."""

    data: bytes
    width_cm: float = 16.0
    description: str = ""


class Scope(dict[str, Any]):
    """A context dict that knows its dotted path, to name missing variables."""

    def __init__(self, values: Mapping[str, Any], path: str) -> None:
        super().__init__(values)
        self.path = path


def scoped(value: Any, path: str = "", document: Any = None) -> Any:
    """Wrap every dict in ``value`` as a :class:`Scope` carrying its dotted path.

    With ``document``, each :class:`Picture` becomes an image docxtpl can place.
    """
    if isinstance(value, Mapping):
        return Scope(
            {k: scoped(v, f"{path}.{k}" if path else str(k), document) for k, v in value.items()},
            path,
        )
    if isinstance(value, list | tuple):
        return [scoped(item, f"{path}[{index}]", document) for index, item in enumerate(value)]
    if isinstance(value, Picture) and document is not None:
        return InlineImage(document, io.BytesIO(value.data), width=Cm(value.width_cm))
    return value


class NamedUndefined(jinja2.StrictUndefined):
    """Strict undefined whose message names the full dotted path."""

    @property
    def dotted_name(self) -> str:
        """``project.titel`` for a missing attribute of ``project``."""
        owner = self._undefined_obj
        name = str(self._undefined_name)
        if isinstance(owner, Scope) and owner.path:
            return f"{owner.path}.{name}"
        return name

    @property
    def _undefined_message(self) -> str:
        owner = self._undefined_obj
        known = list(owner) if isinstance(owner, Scope) else []
        hint = did_you_mean(str(self._undefined_name), known)
        return f"unknown variable '{self.dotted_name}'{hint}"


def make_environment(lang: Language) -> SandboxedEnvironment:
    """The one Jinja environment templates are filled with, bound to ``lang``."""
    env = SandboxedEnvironment(
        autoescape=True,
        undefined=NamedUndefined,
        extensions=["jinja2.ext.i18n"],
        keep_trailing_newline=True,
    )
    env.filters.update(fmt.filters(lang))
    env.install_gettext_translations(lang.translations, newstyle=True)  # type: ignore[attr-defined]
    return env


class _PitchkitDocxTemplate(DocxTemplate):  # type: ignore[misc]
    """docxtpl with two unsafe behaviours turned off.

    - Values containing ``{_{`` or ``%_}`` are left as written (docxtpl would
      rewrite them into template syntax after rendering).
    - Core properties are not rendered through Jinja.
    """

    def render_xml_part(self, src_xml: str, part: Any, context: Any, jinja_env: Any = None) -> str:
        marked = src_xml.replace("<w:p>", "\n<w:p>").replace("<w:p ", "\n<w:p ")
        self.current_rendering_part = part
        rendered: str = jinja_env.from_string(marked).render(context)
        rendered = rendered.replace("\n<w:p>", "<w:p>").replace("\n<w:p ", "<w:p ")
        return str(self.resolve_listing(rendered))

    def render_properties(self, context: Any, jinja_env: Any = None) -> None:
        """Leave core properties alone; :func:`render` sets them itself."""


@dataclass(frozen=True)
class Properties:
    """Document properties pitchkit sets on every document it writes."""

    title: str
    author: str
    subject: str
    language: str
    created: dt.date


def _template_name(template: Path | bytes) -> str:
    return str(template) if isinstance(template, Path) else "template"


def check_template_file(path: Path) -> None:
    """Refuse a template that is missing, a folder, or not a Word document."""
    if not path.exists():
        raise TemplateError(f"{path}: template not found: check the path")
    if path.is_dir():
        raise TemplateError(f"{path}: this is a folder: give the path of a .docx template")
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            broken = archive.testzip()
    except (zipfile.BadZipFile, OSError, EOFError):
        raise TemplateError(
            f"{path}: not a Word .docx file (or it is damaged, or password-protected): "
            "open it in Word and save it as .docx"
        ) from None
    if broken is not None or "word/document.xml" not in names:
        raise TemplateError(
            f"{path}: not a Word .docx document (no word/document.xml): save it from Word as .docx"
        )


def render(
    template: Path | bytes,
    context: Mapping[str, Any],
    *,
    lang: Language,
    properties: Properties,
) -> bytes:
    """Fill ``template`` with ``context`` and return the .docx bytes.

    Raises :class:`TemplateError` with a one-line message naming the
    template and what to fix.
    """
    name = _template_name(template)
    if isinstance(template, Path):
        check_template_file(template)
        source: Any = str(template)
    else:
        source = io.BytesIO(template)
    env = make_environment(lang)
    try:
        document = _PitchkitDocxTemplate(source)
        document.render(scoped(dict(context), document=document), env, autoescape=True)
    except UndefinedError as error:
        raise TemplateError(f"{name}: {error}: check the spelling in the template") from None
    except TemplateSyntaxError as error:
        raise TemplateError(
            f"{name}: template tag error near line {error.lineno}: {error.message}"
        ) from None
    except SecurityError as error:
        raise TemplateError(f"{name}: refused an unsafe template expression: {error}") from None
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise TemplateError(f"{name}: cannot be read as a Word template ({error})") from None
    _set_properties(document, properties)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _set_properties(document: Any, properties: Properties) -> None:
    core = document.docx.core_properties
    core.title = properties.title[:250]
    core.author = properties.author[:250]
    core.last_modified_by = properties.author[:250]
    core.subject = properties.subject[:250]
    core.language = properties.language
    core.comments = "Made with pitchkit"
    moment = dt.datetime.combine(properties.created, dt.time(9, 0))
    core.created = moment
    core.modified = moment
    core.revision = 1
