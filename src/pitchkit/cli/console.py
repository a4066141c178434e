"""What the commands print, and in which language: without loading rich until it is needed.

Every line a command prints goes through :func:`say`, :func:`warn`,
:func:`fail` or :func:`stopped`. They print through rich's consoles
(:func:`rich_consoles`, made on first use), which colour the labels on a
terminal. When the stream is not a terminal and nothing asks rich for
colour, rich would print a plain line exactly as given, so a line of
ordinary text (no markup brackets, backslashes or control characters) is
written straight to the stream instead, and a command that prints only
such lines never imports rich (about 20 ms of a ``brief``; see
docs/performance.md). ``tests/test_cli_console.py`` checks the two agree.
"""

from __future__ import annotations

import os
import re
import sys
from typing import IO, TYPE_CHECKING

from pitchkit.i18n.messages import Renderable, render
from pitchkit.i18n.translation import Language, language

if TYPE_CHECKING:
    from rich.console import Console


class Verbosity:
    """How much the commands say: -q only errors, -v more detail."""

    level = 1


class Interface:
    """The language the current command speaks to the terminal in."""

    lang: Language = language(None)


class Streams:
    """Where the commands' output goes, and rich's consoles once made."""

    #: Whether progress and results go to standard error (``--json``, ``--out -``).
    out_to_err = False
    consoles: tuple[Console, Console] | None = None


class JsonMode:
    """While a command runs with ``--json``: its name and the warnings printed so far.

    Standard output then carries one JSON object and nothing else: the
    progress and result lines are left out, warnings and errors still go to
    standard error (and into the object), and an error prints an object
    with ``"ok": false`` (see docs/json.md).
    """

    command: str | None = None
    warnings: list[str] | None = None

    @classmethod
    def start(cls, command: str) -> None:
        """Collect warnings for ``command``'s JSON from now on."""
        cls.command, cls.warnings = command, []
        Verbosity.level = 0
        output_to_stderr(True)

    @classmethod
    def stop(cls) -> None:
        """Back to printing for people."""
        cls.command, cls.warnings = None, None


def rich_consoles() -> tuple[Console, Console]:
    """Rich's consoles for standard output and standard error (made once)."""
    if Streams.consoles is None:
        from rich.console import Console

        out = Console(highlight=False, soft_wrap=True, emoji=False)
        err = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)
        if Streams.out_to_err:
            out.file = sys.stderr
        Streams.consoles = (out, err)
    return Streams.consoles


def output_to_stderr(on: bool) -> None:
    """Send progress and results to standard error (``on``) or back to standard output."""
    Streams.out_to_err = on
    if Streams.consoles is not None:
        Streams.consoles[0].file = sys.stderr if on else None  # type: ignore[assignment]


#: Text rich prints unchanged: no markup bracket or backslash, no control character but
#: the line break (rich drops some and expands tabs).
_PLAIN = re.compile(r"[^\[\\\x00-\x09\x0b-\x1f\x7f]*")
#: Settings that make rich colour output that is not a terminal.
_COLOUR_SETTINGS = ("FORCE_COLOR", "TTY_COMPATIBLE")


def _plain_stream(stream: IO[str]) -> bool:
    """Whether rich would print to ``stream`` without colour or control codes."""
    if any(os.environ.get(name) is not None for name in _COLOUR_SETTINGS):
        return False
    if "IPython" in sys.modules or "idlelib" in sys.modules:
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return isatty is not None and not isatty()
    except (ValueError, OSError):
        return False


def speak(lang: Language) -> None:
    """Say everything from here on in ``lang``."""
    Interface.lang = lang


def words(message: Renderable | str) -> str:
    """``message`` in the command's language."""
    return render(message, Interface.lang)


def escape(text: str) -> str:
    """Escape rich markup in user text."""
    return text.replace("[", "\\[")


def say(message: Renderable | str, *, level: int = 1) -> None:
    """Print a progress or result line unless --quiet."""
    if Verbosity.level < level:
        return
    text = words(message)
    stream = sys.stderr if Streams.out_to_err else sys.stdout
    if _PLAIN.fullmatch(text) is not None and _plain_stream(stream):
        stream.write(text + "\n")
        stream.flush()
        return
    rich_consoles()[0].print(text, markup=False)


def labelled(colour: str, label: str, text: str) -> None:
    """Print ``label`` in ``colour`` and ``text`` after it, on standard error.

    As rich prints ``[colour]label[/] text`` with the text's markup escaped
    (the label holds none).
    """
    if "[" not in label and _PLAIN.fullmatch(label + text) is not None:
        stream = sys.stderr
        if _plain_stream(stream):
            stream.write(f"{label} {text}\n")
            stream.flush()
            return
    rich_consoles()[1].print(f"[{colour}]{label}[/] {escape(text)}")


def warn(message: Renderable | str) -> None:
    """Print a warning on stderr (even with --quiet); with --json, keep it for the JSON too."""
    label = Interface.lang.gettext("warning:")
    # One warning, one line: a name typed with a line break in it ("line one\r\nline two")
    # must not start a line that reads as something else.
    text = " ".join(words(message).splitlines())
    if JsonMode.warnings is not None:
        JsonMode.warnings.append(text)
    labelled("yellow", label, text)


def fail(message: Renderable | str) -> None:
    """Print an error line on stderr (the command then exits 1)."""
    labelled("red", Interface.lang.gettext("error:"), words(message))


def stopped(message: Renderable | str) -> None:
    """Print the line that says the command was interrupted."""
    labelled("red", Interface.lang.gettext("stopped:"), words(message))
