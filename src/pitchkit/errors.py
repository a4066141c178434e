"""The errors pitchkit raises for people to read.

Anything derived from :class:`PitchkitError` is a problem with the user's
input or surroundings: the CLI prints its message on one line and exits 1.
Any other exception is a bug in pitchkit and keeps its traceback.

Messages are :class:`~pitchkit.i18n.messages.Message` objects, so the command
line can show them in the user's language; ``str(error)`` is the English.
"""

from __future__ import annotations

from collections.abc import Iterable

from pitchkit.i18n.messages import Renderable, Translator, render


class PitchkitError(Exception):
    """A problem the user can fix; ``render(lang)`` is the message to show."""

    def __init__(self, message: Renderable | str) -> None:
        self.text = message
        self.message = render(message)
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message

    def render(self, lang: Translator | None = None) -> str:
        """The message in ``lang`` (English when ``None``)."""
        return render(self.text, lang)


class FactsError(PitchkitError):
    """The facts file cannot be read or does not follow the schema.

    ``problems`` holds every located message found, one per line, so a user
    can fix them all in one pass.
    """

    def __init__(self, problems: Iterable[Renderable | str], *, locale: str | None = None) -> None:
        self.parts = tuple(problems)
        self.problems = [render(part) for part in self.parts]
        #: ``settings.locale`` as the file gives it, when it could be read:
        #: the language to report in when the command was given none.
        self.locale = locale
        super().__init__("\n".join(self.problems))

    def render(self, lang: Translator | None = None) -> str:
        """Every problem in ``lang``, one a line."""
        return "\n".join(render(part, lang) for part in self.parts)


class DirectorsError(PitchkitError):
    """A directors file (YAML, CSV or XLSX) or a director id is wrong."""


class MeasuresError(PitchkitError):
    """A measures spreadsheet (CSV or XLSX) cannot be read, or a cell in it is wrong."""


class TemplateError(PitchkitError):
    """A Word template is missing, broken, unsafe or cannot be filled."""


class RenderLimitError(TemplateError):
    """Filling a template took more time or memory than allowed."""


class OutputError(PitchkitError):
    """An output file cannot be written, or would overwrite one without --force."""


class ConversionError(PitchkitError):
    """LibreOffice is missing or could not turn a document into PDF."""


class LocaleError(PitchkitError):
    """The locale asked for is not one pitchkit supports."""


class InputError(PitchkitError):
    """Any other bad input: an unknown period, a bad option value and so on."""
