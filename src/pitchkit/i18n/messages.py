"""Words for people that are translated only when shown.

Errors and warnings are raised deep in pitchkit, where nobody knows which
language the person at the terminal reads; the command line does. So they
carry a :class:`Message`, an English text with ``{name}`` placeholders and
the values to put in them, and the command line renders it in the user's
language. ``str(message)`` is the English.

Write ``Message("no director has the id {wanted}", wanted=...)`` (never an
f-string: the catalog is keyed on the text before the values go in) and
``Plural("{n} row", "{n} rows", n)`` where a count decides the form. Both
names are extraction keywords in ``babel.cfg``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from pitchkit.i18n.translation import Language


class Translator(Protocol):
    """What rendering needs of a language: :class:`pitchkit.i18n.translation.Language` has it."""

    def gettext(self, message: str) -> str:
        """Translate ``message``."""
        ...

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """Translate with the plural form for ``n``."""
        ...


class Renderable:
    """Anything that turns into text in a language; ``str()`` gives the English."""

    def render(self, lang: Translator | None = None) -> str:
        """The text in ``lang`` (English when ``None``)."""
        raise NotImplementedError

    def __str__(self) -> str:
        return self.render()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Renderable):
            return type(self) is type(other) and str(self) == str(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(str(self))


class Worded(Renderable):
    """A value put into words in the reader's language, by a :mod:`pitchkit.i18n.fmt` function.

    ``Worded(fmt.date, day)`` in a :class:`Message` shows the date in the
    language the message is finally shown in.
    """

    __slots__ = ("value", "word")

    def __init__(self, word: Callable[[Any, Language], str], value: object) -> None:
        self.word = word
        self.value = value

    def render(self, lang: Translator | None = None) -> str:
        """The value in ``lang``'s words (English when ``lang`` is not a pitchkit language)."""
        from pitchkit.i18n.translation import Language, language  # imports this module

        return self.word(self.value, lang if isinstance(lang, Language) else language(None))

    def __repr__(self) -> str:
        return f"Worded({self.word!r}, {self.value!r})"


def render(value: object, lang: Translator | None = None) -> str:
    """``value`` as text: a :class:`Renderable` in ``lang``, anything else with ``str``."""
    if isinstance(value, Renderable):
        return value.render(lang)
    return str(value)


class Message(Renderable):
    """A translatable text and the values for its placeholders.

    A value may itself be a :class:`Renderable`, rendered in the same
    language, so a message can be built from parts.
    """

    __slots__ = ("args", "text")

    def __init__(self, text: str, /, **args: object) -> None:
        self.text = text
        self.args = args

    def render(self, lang: Translator | None = None) -> str:
        """The text in ``lang`` with the values put in."""
        template = lang.gettext(self.text) if lang is not None else self.text
        return fill(template, self.args, lang)

    def __repr__(self) -> str:
        return f"Message({self.text!r}, **{self.args!r})"


class Plural(Renderable):
    """A message whose wording depends on a count ``n`` (also a placeholder)."""

    __slots__ = ("args", "n", "plural", "singular")

    def __init__(self, singular: str, plural: str, n: int, /, **args: object) -> None:
        self.singular = singular
        self.plural = plural
        self.n = n
        self.args = {"n": n, **args}

    def render(self, lang: Translator | None = None) -> str:
        """The form for ``n`` in ``lang`` with the values put in."""
        if lang is not None:
            template = lang.ngettext(self.singular, self.plural, self.n)
        else:
            template = self.singular if self.n == 1 else self.plural
        return fill(template, self.args, lang)

    def __repr__(self) -> str:
        return f"Plural({self.singular!r}, {self.plural!r}, {self.n!r}, **{self.args!r})"


class Located(Renderable):
    """A message with where it applies in front: ``facts.yaml:3:5: message``.

    A place given as text (a file position, a field path) is never
    translated; one given as a :class:`Message` (``{file}:row {row}``) has
    its words translated and its values kept.
    """

    __slots__ = ("message", "where")

    def __init__(self, where: Renderable | str, message: Renderable | str) -> None:
        self.where = where
        self.message = message

    def render(self, lang: Translator | None = None) -> str:
        """``where: message`` with the message in ``lang``."""
        text = render(self.message, lang)
        where = render(self.where, lang)
        return f"{where}: {text}" if where else text

    def __repr__(self) -> str:
        return f"Located({self.where!r}, {self.message!r})"


class Joined(Renderable):
    """Several parts shown together, separated by ``separator``."""

    __slots__ = ("parts", "separator")

    def __init__(self, parts: Iterable[Renderable | str], separator: str = "; ") -> None:
        self.parts = tuple(parts)
        self.separator = separator

    def render(self, lang: Translator | None = None) -> str:
        """Each part in ``lang``, joined."""
        return self.separator.join(render(part, lang) for part in self.parts)

    def __repr__(self) -> str:
        return f"Joined({self.parts!r}, {self.separator!r})"


def fill(template: str, args: dict[str, object], lang: Translator | None) -> str:
    """Put ``args`` into ``template``'s ``{name}`` placeholders, rendering parts in ``lang``.

    A template that does not fit its values (a bug the catalog check is
    there to catch) is shown as it stands rather than failing in front of
    the user.
    """
    values = {
        name: value.render(lang) if isinstance(value, Renderable) else value
        for name, value in args.items()
    }
    try:
        text = template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template
    from pitchkit.i18n.translation import Language  # imports this module

    if isinstance(lang, Language) and lang.lang == "cy":
        from pitchkit.i18n.fmt import welsh_figures

        # "a"/"ac" and "na"/"nag" before a figure, by how the figure is read ("ac 8").
        return welsh_figures(text)
    return text
