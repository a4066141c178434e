"""Fill a Word template with a context, behind safe defaults.

docxtpl does the Word-specific work (tags split across runs, loops over
paragraphs and table rows); pitchkit supplies the Jinja environment:

- sandboxed (and immutable), so a template from anywhere cannot reach
  Python internals or change the context;
- autoescaped, so ``R&D <b>`` in a value stays text;
- strict, so a misspelt variable is an error naming its dotted path;
- with pitchkit's formatting filters and translations bound to one language.

A user's template (given as a path) is filled under a time and memory
limit (see :mod:`pitchkit.limits`); the built-in templates, given as
bytes, are filled in-process unless limits are passed.

Besides the body, headers and footers docxtpl fills, pitchkit fills
footnotes and endnotes once each, and document properties that contain
tags. Properties without tags are set by pitchkit after rendering (docxtpl
would escape them twice).
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import functools
import html
import io
import re
import traceback
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from docx.opc.exceptions import PackageNotFoundError
from docx.shared import Cm
from docxtpl import DocxTemplate, InlineImage
from jinja2.exceptions import SecurityError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedEnvironment
from markupsafe import Markup

from pitchkit import fmt
from pitchkit.errors import PitchkitError, TemplateError
from pitchkit.factserrors import did_you_mean
from pitchkit.i18n import Language
from pitchkit.limits import Limits, run_limited
from pitchkit.messages import Located, Message, Renderable

#: The first bytes of an OLE compound file: an encrypted .docx or an old .doc.
OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_ENDNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"
NOTE_PARTS = {_FOOTNOTES: "footnotes", _ENDNOTES: "endnotes"}
#: Core properties a template may fill with tags; the rest pitchkit sets.
PROPERTY_FIELDS = ("title", "subject", "author", "keywords", "category", "comments")
#: Quotes Word and LibreOffice type automatically, and what they mean inside a tag.
TAG_QUOTES = str.maketrans(
    {"“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "‘": "'", "’": "'", "‚": "'", "‛": "'"}
)
_TAG_BODY = re.compile(r"(?<=\{[\{%])(.*?)(?=[\}%]\})", re.DOTALL)
_XML_TAG = re.compile(r"<[^>]*>")
_PARAGRAPH_START = re.compile(r"<w:p([ >])")
_MARKED_PARAGRAPH = re.compile(r"\n<w:p([ >])")
_SHOWN_CHARS = 100
#: Exceptions a template's own tags cause (``{{ 1/0 }}``, ``{{ "a" + 1 }}``, a bad filter option).
_USER_MADE = (
    PitchkitError,
    jinja2.TemplateError,
    ArithmeticError,
    LookupError,
    TypeError,
    ValueError,
    AttributeError,
)

#: Top-level variable names of the context being rendered (for suggestions).
_TOP_LEVEL: contextvars.ContextVar[tuple[str, ...]] = contextvars.ContextVar(
    "pitchkit_top_level", default=()
)


@contextlib.contextmanager
def known_names(context: Mapping[str, Any]) -> Iterator[None]:
    """While filling, remember the context's top-level names to suggest for a misspelling."""
    token = _TOP_LEVEL.set(tuple(context))
    try:
        yield
    finally:
        _TOP_LEVEL.reset(token)


@dataclass(frozen=True)
class Picture:
    """A PNG to place in the document where the template says ``{{ chart }}``."""

    data: bytes
    width_cm: float = 16.0
    description: str = ""


class Scope(dict[str, Any]):
    """A context dict that knows its dotted path, to name missing variables.

    The path is kept in an underscore attribute, which the sandbox refuses
    to show to templates.
    """

    def __init__(self, values: Mapping[str, Any], path: str) -> None:
        super().__init__(values)
        self._path = path

    @property
    def dotted_path(self) -> str:
        """Where this dict sits in the context: ``project``, ``pitch.statements[0]``."""
        return self._path


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


class Wording(str):
    """English text for one of Jinja's exceptions that keeps its message, to translate later.

    Jinja builds its exceptions from a string; this one is the English of
    ``message``, so Jinja's own handling is unchanged, and
    :func:`describe_failure` can show the message in the user's language.
    """

    message: Renderable

    def __new__(cls, message: Renderable) -> Wording:
        """The English of ``message``, remembering ``message``."""
        text = super().__new__(cls, str(message))
        text.message = message
        return text


def _problem(error: BaseException) -> Renderable | str:
    """What went wrong, as the message it was raised with (translatable where it was made)."""
    if isinstance(error, PitchkitError):
        return error.text
    first = error.args[0] if error.args else None
    if isinstance(first, Wording):
        return first.message
    return str(error)


class NamedUndefined(jinja2.StrictUndefined):
    """Strict undefined whose message names the full dotted path and a likely fix."""

    @property
    def dotted_name(self) -> str:
        """``project.titel`` for a missing attribute of ``project``."""
        owner = self._undefined_obj
        name = str(self._undefined_name)
        if isinstance(owner, Scope) and owner.dotted_path:
            return f"{owner.dotted_path}.{name}"
        return name

    @property
    def _undefined_message(self) -> str:
        if self._undefined_hint:  # the sandbox's "access to attribute ... is unsafe"
            return str(self._undefined_hint)
        owner = self._undefined_obj
        if isinstance(owner, Scope):
            known: list[str] = list(owner)
        elif owner is jinja2.utils.missing:
            known = list(_TOP_LEVEL.get())
        else:
            known = []
        hint = did_you_mean(str(self._undefined_name), known)
        return Wording(Message("unknown variable '{name}'{hint}", name=self.dotted_name, hint=hint))


def _gettext(lang: Language) -> Any:
    """``_("...")`` for templates: the translation, escaped like any other text."""

    @jinja2.pass_context
    def gettext(context: jinja2.runtime.Context, message: str, **variables: Any) -> str:
        text = lang.gettext(str(message))
        if context.eval_ctx.autoescape:
            text = Markup.escape(text)
        return text % variables if variables else text

    return gettext


def _ngettext(lang: Language) -> Any:
    """``ngettext(singular, plural, n)`` for templates, escaped like ``_``."""

    @jinja2.pass_context
    def ngettext(
        context: jinja2.runtime.Context, singular: str, plural: str, n: int, **variables: Any
    ) -> str:
        variables.setdefault("num", n)
        text = lang.ngettext(str(singular), str(plural), int(n))
        if context.eval_ctx.autoescape:
            text = Markup.escape(text)
        return text % variables

    return ngettext


def make_environment(lang: Language) -> SandboxedEnvironment:
    """The one Jinja environment templates are filled with, bound to ``lang``."""
    env = ImmutableSandboxedEnvironment(
        autoescape=True,
        undefined=NamedUndefined,
        extensions=["jinja2.ext.i18n"],
        keep_trailing_newline=True,
    )
    env.loader = jinja2.FunctionLoader(_no_files)
    env.filters.update(fmt.filters(lang))
    env.install_gettext_callables(  # type: ignore[attr-defined]
        lang.gettext, lang.ngettext, newstyle=True
    )
    env.globals.update(_=_gettext(lang), gettext=_gettext(lang), ngettext=_ngettext(lang))
    return env


def normalise_tags(xml: str) -> str:
    """Straighten curly quotes inside ``{{ }}`` and ``{% %}`` tags (Word's smart quotes)."""
    return _TAG_BODY.sub(lambda match: match.group(0).translate(TAG_QUOTES), xml)


def mark_paragraphs(xml: str) -> str:
    """Put each ``<w:p>`` on its own line, so Jinja's line numbers point at paragraphs."""
    return _PARAGRAPH_START.sub(r"\n<w:p\1", xml)


def paragraph_text(marked_xml: str, lineno: int | None) -> str:
    """The visible text of line ``lineno`` of a marked part, shortened for a message."""
    lines = marked_xml.splitlines()
    if lineno is None or not 1 <= lineno <= len(lines):
        return ""
    text = " ".join(html.unescape(_XML_TAG.sub("", lines[lineno - 1])).split())
    if len(text) > _SHOWN_CHARS:
        text = text[: _SHOWN_CHARS - 1] + "…"
    return text


def part_label(partname: str) -> str:
    """``body``, ``header``, ``footer``, ``footnotes`` or ``endnotes`` for a part name."""
    stem = partname.rsplit("/", 1)[-1].removesuffix(".xml")
    for label in ("header", "footer", "footnotes", "endnotes"):
        if stem.startswith(label):
            return label
    return "body"


def _template_line(error: BaseException) -> int | None:
    """The template line Jinja was running when ``error`` happened."""
    lines = [
        frame.lineno
        for frame in traceback.extract_tb(error.__traceback__)
        if frame.filename == "<template>"
    ]
    return lines[-1] if lines else None


def describe_failure(
    error: BaseException, name: str, where: str, marked_xml: str
) -> Renderable | None:
    """A one-line message for a template that failed to fill, or None if it is not one.

    The message starts with the place (template, part and paragraph), which
    is shown as it is; what went wrong and what to do are translatable.
    """
    if isinstance(error, TemplateSyntaxError):
        line: int | None = error.lineno
    else:
        line = _template_line(error)
    text = paragraph_text(marked_xml, line)
    place = f'{name} ({where}, paragraph "{text}")' if text else f"{name} ({where})"
    message = _failure_message(error)
    return None if message is None else Located(place, message)


def _failure_message(error: BaseException) -> Renderable | None:
    """What went wrong in a template's tag and how to fix it, without the place."""
    if isinstance(error, TemplateSyntaxError):
        return Message("tag error: {problem}: correct the tag in Word", problem=error.message)
    if isinstance(error, SecurityError):
        return Message(
            "refused an unsafe expression ({problem}): "
            "templates may only use the documented variables",
            problem=str(error),
        )
    if isinstance(error, UndefinedError):
        if "did you mean" in str(error):
            return Message(
                "{problem} ('pitchkit template check' lists the variables)",
                problem=_problem(error),
            )
        return Message(
            "{problem}: check the spelling ('pitchkit template check' lists the variables)",
            problem=_problem(error),
        )
    if isinstance(error, jinja2.TemplateNotFound):
        return Message(
            "refused to import or include '{name}': "
            "templates cannot use other files, so remove that tag",
            name=error.name,
        )
    if isinstance(error, RecursionError):
        return Message("a macro calls itself too deeply: remove the loop")
    if isinstance(error, _USER_MADE):
        return Message(
            "the tag could not be filled ({problem}): correct it in Word", problem=_problem(error)
        )
    return None


def unreadable(name: str | Path, error: BaseException) -> TemplateError:
    """The error for a file that opens but is not a Word template python-docx can read."""
    return TemplateError(
        Located(
            str(name),
            Message(
                "cannot be read as a Word template ({problem}): "
                "save it from Word as Word Document (.docx)",
                problem=str(error),
            ),
        )
    )


def broken_xml(name: str, error: BaseException) -> TemplateError:
    """The error for a template whose tags, once filled, leave Word's XML broken."""
    return TemplateError(
        Located(
            name,
            Message(
                "filling the template made broken Word XML ({problem}): "
                "check that {{%p %}}, {{%tr %}} and {{%tc %}} tags open and close "
                "in matching places",
                problem=str(error),
            ),
        )
    )


def _no_files(name: str) -> None:
    """Loader for ``{% include %}`` and ``{% import %}``: templates get no files."""
    return None


class PitchkitTemplate(DocxTemplate):  # type: ignore[misc]
    """docxtpl with its unsafe or lossy behaviours replaced.

    - Values containing ``{_{`` or ``%_}`` are left as written (docxtpl would
      rewrite them into template syntax after rendering).
    - Curly quotes inside tags are straightened.
    - Footnotes and endnotes are filled once each (docxtpl fills footnotes
      once per section, so a value holding ``{{`` would be run).
    - Core properties are filled only where they hold tags, without
      escaping them twice; :func:`render` sets the others.
    - Failures become :class:`TemplateError` naming the part and paragraph.
    """

    def __init__(self, source: Any, name: str = "template") -> None:
        super().__init__(source)
        self.template_name = name
        self.filled_properties: set[str] = set()

    def patch_xml(self, src_xml: str) -> str:
        """Clean Word's XML as docxtpl does, then straighten quotes inside tags."""
        return normalise_tags(str(super().patch_xml(src_xml)))

    def note_parts(self) -> Iterator[tuple[str, Any]]:
        """Yield ``(label, part)`` for the footnotes and endnotes parts."""
        for part in self.docx.part.package.parts:
            label = NOTE_PARTS.get(part.content_type)
            if label is not None:
                yield label, part

    def render_xml_part(self, src_xml: str, part: Any, context: Any, jinja_env: Any = None) -> str:
        """Fill one part; a failure names the part and the paragraph it happened in."""
        marked = mark_paragraphs(src_xml)
        self.current_rendering_part = part
        where = part_label(str(part.partname))
        with known_names(context):
            try:
                rendered: str = jinja_env.from_string(marked).render(context)
            except Exception as error:
                message = describe_failure(error, self.template_name, where, marked)
                if message is None:
                    raise
                raise TemplateError(message) from None
        return str(self.resolve_listing(_MARKED_PARAGRAPH.sub(r"<w:p\1", rendered)))

    def render_footnotes(self, context: Any, jinja_env: Any = None) -> None:
        """Fill footnotes and endnotes, once each."""
        for _label, part in self.note_parts():
            xml = self.patch_xml(part.blob.decode("utf-8"))
            part._blob = self.render_xml_part(xml, part, context, jinja_env).encode("utf-8")

    def render_properties(self, context: Any, jinja_env: Any = None) -> None:
        """Fill the core properties that contain tags, escaped once (by python-docx)."""
        plain = jinja_env.overlay(autoescape=False)
        core = self.docx.core_properties
        for field in PROPERTY_FIELDS:
            value = getattr(core, field) or ""
            if "{{" not in value and "{%" not in value:
                continue
            source = normalise_tags(value)
            try:
                text = plain.from_string(source).render(context)
            except Exception as error:
                message = describe_failure(error, self.template_name, "document properties", "")
                if message is None:
                    raise
                raise TemplateError(message) from None
            setattr(core, field, text[:255])
            self.filled_properties.add(field)


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
    """Refuse a template that is missing, a folder, encrypted, or not a Word document."""
    if not path.exists():
        raise TemplateError(Located(str(path), Message("template not found: check the path")))
    if path.is_dir():
        raise TemplateError(
            Located(str(path), Message("this is a folder: give the path of a .docx template"))
        )
    try:
        with path.open("rb") as stream:
            start = stream.read(8)
    except OSError as error:
        raise TemplateError(
            Located(
                str(path),
                Message("cannot be read ({reason}): check its permissions", reason=error.strerror),
            )
        ) from None
    check_template_bytes(start, path)
    broken: Renderable | str | None
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            broken = archive.testzip()
    except (zipfile.BadZipFile, OSError, EOFError, zipfile.LargeZipFile):
        broken = Message("the zip directory")
        names = set()
    if broken is not None:
        raise TemplateError(
            Located(
                str(path),
                Message(
                    "the .docx is damaged ({part} cannot be read): "
                    "open it in Word, let it repair the file, and save it again",
                    part=broken,
                ),
            )
        )
    if "word/document.xml" not in names:
        raise TemplateError(
            Located(
                str(path),
                Message(
                    "a zip file but not a Word document (no word/document.xml): "
                    "save your template from Word as a .docx"
                ),
            )
        )


def check_template_bytes(start: bytes, path: Path | str) -> None:
    """Refuse by its first bytes a file that is not a zip (.docx files are zips)."""
    if start.startswith(OLE_SIGNATURE):
        raise TemplateError(
            Located(
                str(path),
                Message(
                    "this document is password-protected (or an old Word 97-2003 .doc): "
                    "open it in Word, remove the password, and save it as .docx"
                ),
            )
        )
    if not start.startswith(b"PK"):
        raise TemplateError(
            Located(
                str(path),
                Message(
                    "not a Word .docx file: open it in Word and save it as Word Document (.docx)"
                ),
            )
        )


def render(
    template: Path | bytes,
    context: Mapping[str, Any],
    *,
    lang: Language,
    properties: Properties,
    limits: Limits | None = None,
) -> bytes:
    """Fill ``template`` with ``context`` and return the .docx bytes.

    A template given as a path is a user's: it is filled in a child process
    under ``limits`` (default :meth:`Limits.from_environment`: 30 s, 1 GiB).
    Bytes (the built-in templates) are filled in-process unless ``limits``
    is given. Raises :class:`TemplateError` (or its subclass
    :class:`~pitchkit.errors.RenderLimitError`) with a one-line message
    naming the template and what to fix.
    """
    name = _template_name(template)
    if isinstance(template, Path):
        check_template_file(template)
        data = template.read_bytes()
        limits = limits or Limits.from_environment()
    else:
        data = template
    work = functools.partial(fill, data, context, lang=lang, properties=properties, name=name)
    if limits is None:
        return work()
    return run_limited(work, limits=limits, name=name)


def fill(
    data: bytes,
    context: Mapping[str, Any],
    *,
    lang: Language,
    properties: Properties,
    name: str = "template",
) -> bytes:
    """Fill the template ``data`` in this process, with no limits: see :func:`render`."""
    env = make_environment(lang)
    try:
        document = PitchkitTemplate(io.BytesIO(data), name)
        document.init_docx()
        document.render(scoped(dict(context), document=document), env, autoescape=True)
    except TemplateError:
        raise
    except SyntaxError as error:  # lxml's XMLSyntaxError
        raise broken_xml(name, error) from None
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as error:
        raise unreadable(name, error) from None
    _set_properties(document, properties)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _set_properties(document: PitchkitTemplate, properties: Properties) -> None:
    core = document.docx.core_properties
    filled = document.filled_properties
    values = {
        "title": properties.title,
        "author": properties.author,
        "subject": properties.subject,
        "comments": "Made with pitchkit",
    }
    for field, value in values.items():
        if field not in filled:
            setattr(core, field, value[:250])
    core.last_modified_by = properties.author[:250]
    core.language = properties.language
    moment = dt.datetime.combine(properties.created, dt.time(9, 0))
    core.created = moment
    core.modified = moment
    core.revision = 1


#: The name this class had before it became public (kept for existing callers).
_PitchkitDocxTemplate = PitchkitTemplate
