"""The errors pitchkit raises for people to read.

Anything derived from :class:`PitchkitError` is a problem with the user's
input or surroundings: the CLI prints its message on one line and exits 1.
Any other exception is a bug in pitchkit and keeps its traceback.
"""

from __future__ import annotations


class PitchkitError(Exception):
    """A problem the user can fix; ``str(error)`` is the message to show."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class FactsError(PitchkitError):
    """The facts file cannot be read or does not follow the schema.

    ``problems`` holds every located message found, one per line, so a user
    can fix them all in one pass.
    """

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = list(problems)


class DirectorsError(PitchkitError):
    """A directors file (YAML, CSV or XLSX) or a director id is wrong."""


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
