"""The Jinja environment templates are filled with, and the values a template sees.

pitchkit supplies docxtpl's Jinja environment:

- sandboxed (and immutable), so a template from anywhere cannot reach
  Python internals or change the context;
- autoescaped, so ``R&D <b>`` in a value stays text;
- strict, so a misspelt variable is an error naming its dotted path
  (:class:`NamedUndefined`, with the context wrapped by :func:`scoped`);
- with pitchkit's formatting filters and translations bound to one language.

Filling itself is in :mod:`pitchkit.render`; describing a failure is in
:mod:`pitchkit.templatefile`.
"""

from __future__ import annotations

import contextlib
import contextvars
import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import jinja2
from docx.shared import Cm
from docxtpl import InlineImage
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedEnvironment
from markupsafe import Markup

from pitchkit import fmt
from pitchkit.factserrors import did_you_mean
from pitchkit.i18n import Language
from pitchkit.messages import Message, Renderable

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


class DescribedImage(InlineImage):  # type: ignore[misc]
    """docxtpl's inline image with alt text for screen readers (``wp:docPr descr``)."""

    def __init__(self, tpl: Any, image: Any, *, width: Any, description: str) -> None:
        super().__init__(tpl, image, width=width)
        self.description = description

    def _insert_image(self) -> str:
        text = str(super()._insert_image())
        if not self.description:
            return text
        head, found, rest = text.partition("<wp:docPr ")
        if not found:
            return text
        return f'{head}<wp:docPr descr="{xml_attribute(self.description)}" {rest}'


def xml_attribute(text: str) -> str:
    """``text`` escaped for an XML attribute in double quotes."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("\n", "&#10;")
    )


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
        return DescribedImage(
            document,
            io.BytesIO(value.data),
            width=Cm(value.width_cm),
            description=value.description,
        )
    return value


class Wording(str):
    """English text for one of Jinja's exceptions that keeps its message, to translate later.

    Jinja builds its exceptions from a string; this one is the English of
    ``message``, so Jinja's own handling is unchanged, and
    :func:`~pitchkit.templatefile.describe_failure` can show the message
    in the user's language.
    """

    message: Renderable

    def __new__(cls, message: Renderable) -> Wording:
        """The English of ``message``, remembering ``message``."""
        text = super().__new__(cls, str(message))
        text.message = message
        return text


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


#: The most characters or items one ``*`` in a template may make, and the
#: largest power ``**`` may raise to: far beyond any note, far below what
#: would exhaust memory before a limit could stop it.
MOST_MADE = 1_000_000
LARGEST_POWER = 1_000


class TooLarge(SecurityError):
    """A template expression would build a value far larger than any note needs.

    ``made`` is the characters or items a repetition would make, or, with
    ``power`` set, the exponent asked for.
    """

    def __init__(self, made: int, *, power: bool = False) -> None:
        super().__init__(f"{'a power of' if power else 'a value of size'} {made}")
        self.made = made
        self.power = power


class BoundedEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox, with ``*`` and ``**`` checked before they run.

    Intercepting the two operators also stops Jinja from working out
    ``'x' * 4000000000`` while compiling the template, before any limit
    is in force.
    """

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        """Refuse a repetition or power too large, then do the sum."""
        if operator == "*":
            for sized, times in ((left, right), (right, left)):
                repeats = isinstance(sized, str | list | tuple) and isinstance(times, int)
                if repeats and len(sized) * times > MOST_MADE:
                    raise TooLarge(len(sized) * times)
        huge_power = isinstance(right, int) and abs(right) > LARGEST_POWER
        if operator == "**" and huge_power and isinstance(left, int) and abs(left) > 1:
            raise TooLarge(right, power=True)
        return super().call_binop(context, operator, left, right)


def make_environment(lang: Language) -> SandboxedEnvironment:
    """The one Jinja environment templates are filled with, bound to ``lang``."""
    env = BoundedEnvironment(
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


def _no_files(name: str) -> None:
    """Loader for ``{% include %}`` and ``{% import %}``: templates get no files."""
    return None
