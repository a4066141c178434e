"""The Jinja environment templates are filled with, and the values a template sees.

pitchkit supplies docxtpl's Jinja environment:

- sandboxed (and immutable), so a template from anywhere cannot reach
  Python internals or change the context;
- given data only: every value a template sees is text, a number, a date,
  true/false, empty, a list or a group of them (:func:`scoped` refuses
  anything else), and a chart is an :class:`ImageSlot`, a token with no
  public attribute that the renderer replaces with the picture itself;
- allowed to call only pitchkit's own globals (``_``, ``gettext``, ...),
  its own macros and Jinja's loop helpers: a value's methods
  (``title.upper``) are refused as soon as they are named;
- autoescaped, so ``R&D <b>`` in a value stays text;
- strict, so a misspelt variable is an error naming its dotted path
  (:class:`NamedUndefined`, with the context wrapped by :func:`scoped`);
- with pitchkit's formatting filters and translations bound to one language.

Filling itself is in :mod:`pitchkit.word.render`; describing a failure is in
:mod:`pitchkit.word.templatefile`.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import decimal
import inspect
import io
import os
import re
import warnings
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.runtime import BlockReference, LoopContext, Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedEnvironment
from jinja2.utils import Cycler, Joiner
from markupsafe import Markup

from pitchkit.facts.validation import closest
from pitchkit.i18n import fmt
from pitchkit.i18n.messages import Message, Renderable
from pitchkit.i18n.translation import Language

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


class ImageSlot:
    """Where a picture goes: all a template sees of a chart.

    It has no public attribute and nothing to call; written into the
    document (``{{ c.picture }}``) it leaves a marker that
    :meth:`PictureShelf.place` replaces with the picture once the part is
    filled. The marker holds a number chosen afresh for each document, so
    text cannot forge one.
    """

    __slots__ = ("_marker",)

    def __init__(self, marker: str) -> None:
        self._marker = marker

    def __str__(self) -> str:
        return self._marker

    def __html__(self) -> str:
        return self._marker

    def __repr__(self) -> str:
        return "<image>"


@dataclass
class PictureShelf:
    """The pictures of one document, handed to the template as :class:`ImageSlot` tokens."""

    pictures: list[Picture] = field(default_factory=list)
    nonce: str = field(default_factory=lambda: os.urandom(8).hex())

    def slot(self, picture: Picture) -> ImageSlot:
        """A token for ``picture``, to put in the template's values."""
        self.pictures.append(picture)
        return ImageSlot(f"[[pitchkit-image {self.nonce} {len(self.pictures) - 1}]]")

    @property
    def _markers(self) -> re.Pattern[str]:
        return re.compile(rf"\[\[pitchkit-image {self.nonce} (\d+)\]\]")

    def place(self, xml: str, part: Any) -> str:
        """Replace each marker in the filled ``xml`` of ``part`` with its picture.

        The picture is added to ``part`` as an inline image, as docxtpl's
        own images are: the text run is closed, the drawing gets a run of
        its own, and a new text run takes the rest. Its description is the
        drawing's alt text for screen readers (``wp:docPr descr``).
        """
        if not self.pictures or self.nonce not in xml:
            return xml
        from docx.shared import Cm

        def drawing(match: re.Match[str]) -> str:
            picture = self.pictures[int(match[1])]
            element = part.new_pic_inline(io.BytesIO(picture.data), Cm(picture.width_cm), None)
            if picture.description:
                element.docPr.set("descr", picture.description)
            inline = element.xml
            return (
                f"</w:t></w:r><w:r><w:drawing>{inline}</w:drawing></w:r><w:r>"
                '<w:t xml:space="preserve">'
            )

        return self._markers.sub(drawing, xml)

    def strip(self, text: str) -> str:
        """``text`` without markers (for a place, such as a property, that holds no picture)."""
        return self._markers.sub("", text) if self.pictures else text


#: The kinds of value a template may see, besides lists, groups and :class:`ImageSlot`.
DATA_TYPES = (str, bool, int, float, decimal.Decimal, dt.date, dt.datetime, type(None))


#: The same as a set, for the quick test each value meets first.
_PLAIN = frozenset(DATA_TYPES)


def scoped(value: Any, path: str = "", shelf: PictureShelf | None = None) -> Any:
    """The values a template sees: plain data, each dict a :class:`Scope` knowing its path.

    Each :class:`Picture` becomes an :class:`ImageSlot` on ``shelf``. A
    value of any other kind is refused (``TypeError``): it is a mistake in
    pitchkit, never something a template should be able to reach.

    Plain values (most of a context: its strings) are given back as they
    are before anything else is asked of them, and without working out
    their path, which is only needed for a dict or a refusal.
    """
    if type(value) in _PLAIN:
        return value
    if isinstance(value, Mapping):
        return Scope(
            {
                str(k): v
                if type(v) in _PLAIN
                else scoped(v, f"{path}.{k}" if path else str(k), shelf)
                for k, v in value.items()
            },
            path,
        )
    if isinstance(value, list | tuple):
        return [
            item if type(item) in _PLAIN else scoped(item, f"{path}[{index}]", shelf)
            for index, item in enumerate(value)
        ]
    if isinstance(value, Picture):
        if shelf is None:
            raise TypeError(f"{path}: a picture needs a PictureShelf to be placed")
        return shelf.slot(value)
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return str.__str__(value)
    raise TypeError(f"{path}: a template may only see plain data, not {type(value).__name__}")


class Wording(str):
    """English text for one of Jinja's exceptions that keeps its message, to translate later.

    Jinja builds its exceptions from a string; this one is the English of
    ``message``, so Jinja's own handling is unchanged, and
    :func:`~pitchkit.word.templatefile.describe_failure` can show the message
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
        refusal = self._undefined_hint
        if isinstance(refusal, Wording):  # a method refused by BoundedEnvironment
            return refusal
        if refusal:  # the sandbox's "access to attribute ... is unsafe"
            return str(refusal)
        owner = self._undefined_obj
        prefix = ""
        if isinstance(owner, Scope):
            known: list[str] = list(owner)
            prefix = f"{owner.dotted_path}." if owner.dotted_path else ""
        elif owner is jinja2.utils.missing:
            known = list(_TOP_LEVEL.get())
        else:
            known = []
        choice = closest(str(self._undefined_name), known)
        hint: Message | str = ""
        if choice is not None:
            hint = Message(" — did you mean '{choice}'?", choice=prefix + choice)
        # Worded as `template check` words it: filling stops here.
        return Wording(
            Message(
                "unknown variable '{name}': no note can be written while the template uses "
                "it{hint}",
                name=self.dotted_name,
                hint=hint,
            )
        )


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


class NotAllowed(SecurityError):
    """A template named or called something that acts: a method, or a callable not pitchkit's.

    Its argument is a :class:`Wording`, so the message can be translated.
    """


#: Methods of Jinja's loop and cycler helpers a template may call.
_HELPER_METHODS = frozenset({LoopContext.cycle, LoopContext.changed, Cycler.next, Cycler.reset})
#: Callables a template makes itself: its macros (and ``caller``), a recursive
#: ``loop(...)``, a block (``self.name()``) and a ``joiner``.
_TEMPLATE_MADE = (Macro, LoopContext, BlockReference, Joiner)


def _name_of(value: Any) -> str:
    """A short name for a callable, for a message."""
    name = getattr(value, "__name__", None)
    return name if isinstance(name, str) else type(value).__name__


class BoundedEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox, with calls limited to pitchkit's own, and ``*`` and ``**`` checked.

    Templates see data only (see :func:`scoped`); on top of that, naming a
    value's method (``project.title.upper``, ``x.items``) gives a refusal
    instead of the method, and a call is made only to one of the
    environment's globals, a macro or one of Jinja's loop helpers. A group's
    own keys come before dict methods, so ``project.items`` is the value of
    a key ``items`` when there is one.

    Intercepting the two operators also stops Jinja from working out
    ``'x' * 4000000000`` while compiling the template, before any limit
    is in force.
    """

    intercepted_binops = frozenset({"*", "**"})

    def _compile(self, source: str, filename: str) -> Any:
        """Compile a template's Python without Python's warnings about it.

        An expression such as ``1[1:]`` makes Python warn (or, where warnings
        are errors, fail) while compiling; the template then simply raises a
        template error when filled, which pitchkit reports in its own words.
        """
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SyntaxWarning)
            return super()._compile(source, filename)

    def may_call(self, value: Any) -> bool:
        """Whether a template may call ``value``: one of pitchkit's, or its own macros and loops."""
        if isinstance(value, jinja2.Undefined):  # calling it raises its own error
            return True
        if any(value is own for own in self.globals.values()):
            return True
        if isinstance(value, _TEMPLATE_MADE):
            return True
        return inspect.ismethod(value) and value.__func__ in _HELPER_METHODS

    def _acts(self, value: Any) -> bool:
        """Whether ``value`` is something that can act, which a template may not hold."""
        if isinstance(value, jinja2.Undefined):
            return False
        return callable(value) and not self.may_call(value)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """The sandbox's rules, and no method or other callable that is not pitchkit's."""
        return super().is_safe_attribute(obj, attr, value) and not self._acts(value)

    def getattr(self, obj: Any, attribute: str) -> Any:
        """``obj.attribute``: a group's key first, then a safe attribute."""
        if isinstance(obj, Scope) and attribute in obj:
            return obj[attribute]
        value = super().getattr(obj, attribute)
        return self.unsafe_undefined(obj, attribute) if self._acts(value) else value

    def getitem(self, obj: Any, argument: Any) -> Any:
        """``obj[argument]``, refusing what acts (as :meth:`getattr` does)."""
        value = super().getitem(obj, argument)
        return self.unsafe_undefined(obj, str(argument)) if self._acts(value) else value

    def unsafe_undefined(self, obj: Any, attribute: str) -> jinja2.Undefined:
        """A refusal: the sandbox's for a private name, pitchkit's own for a method."""
        if attribute.startswith("_"):
            return super().unsafe_undefined(obj, attribute)
        message = Message(
            "`{name}` is something a value can do, not a value, and templates may only "
            "read values: use a filter instead, such as |upper, |join or |dictsort",
            name=attribute,
        )
        return self.undefined(Wording(message), name=attribute, obj=obj, exc=NotAllowed)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """Call ``__obj`` only if it is pitchkit's own, a macro or a loop helper."""
        if not __self.may_call(__obj):
            message = Message(
                "`{name}(…)` calls something that is not one of pitchkit's labels or filters, "
                "which templates may not: use a filter instead, such as |upper or |join",
                name=_name_of(__obj),
            )
            raise NotAllowed(Wording(message))
        return super().call(__context, __obj, *args, **kwargs)

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
    # Every global can be called from a template: keep only those a note has a use for.
    for unused in ("lipsum", "pgettext", "npgettext"):
        env.globals.pop(unused, None)
    return env


def _no_files(name: str) -> None:
    """Loader for ``{% include %}`` and ``{% import %}``: templates get no files."""
    return None
