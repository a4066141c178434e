"""Lines the commands print are the same whether rich prints them or they are written plainly.

``pitchkit.cli.console`` writes a line of ordinary text straight to a
stream that is not a terminal, and leaves everything else to rich. Each
line must come out exactly as rich would print it, colour labels and all.
"""

from __future__ import annotations

import io
import random

import pytest
from rich.console import Console

from pitchkit.cli import console
from pitchkit.i18n.translation import language

#: Characters lines are made of: ordinary text, and what rich treats its own way.
PIECES = [
    *"abc XYZ…é’“”\n  —£%()'\":;,.-_/",
    "漢",
    "👍",
    "e\u0301",
    "\u200b",
    "\u00a0",
    "[",
    "]",
    "[bold]",
    "\\",
    "\t",
    "\r",
    "\x1b[31m",
    ":smile:",
]


class Pipe(io.StringIO):
    """A stream that is not a terminal, as when output is piped or captured."""

    def isatty(self) -> bool:
        return False


def samples(count: int) -> list[str]:
    generator = random.Random(5)
    return ["".join(generator.choices(PIECES, k=generator.randint(0, 60))) for _ in range(count)]


def rich_prints(*lines: tuple[str, bool]) -> str:
    """What rich prints for ``lines``, each with whether it is markup."""
    stream = Pipe()
    printer = Console(file=stream, highlight=False, soft_wrap=True, emoji=False)
    for text, markup in lines:
        printer.print(text, markup=markup)
    return stream.getvalue()


def pipes(monkeypatch: pytest.MonkeyPatch) -> tuple[Pipe, Pipe]:
    """Standard output and error as pipes (set in the test itself: pytest sets them per phase)."""
    out, err = Pipe(), Pipe()
    monkeypatch.setattr("sys.stdout", out)
    monkeypatch.setattr("sys.stderr", err)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    monkeypatch.setattr(console.Verbosity, "level", 1)
    monkeypatch.setattr(console.Interface, "lang", language("en_GB"))
    monkeypatch.setattr(console.Streams, "out_to_err", False)
    return out, err


def test_every_line_is_printed_as_rich_prints_it(monkeypatch: pytest.MonkeyPatch) -> None:
    out, err = pipes(monkeypatch)
    for text in samples(2000):
        out.seek(0)
        out.truncate()
        err.seek(0)
        err.truncate()
        console.say(text)
        console.warn(text)
        console.fail(text)
        assert out.getvalue() == rich_prints((text, False)), repr(text)
        # A warning is one line: its line breaks become spaces (test_one_line_warnings).
        one_line = " ".join(text.splitlines())
        assert err.getvalue() == rich_prints(
            (f"[yellow]warning:[/] {console.escape(one_line)}", True),
            (f"[red]error:[/] {console.escape(text)}", True),
        ), repr(text)


def test_ordinary_text_is_written_without_rich(monkeypatch: pytest.MonkeyPatch) -> None:
    out, err = pipes(monkeypatch)
    monkeypatch.setattr(console.Streams, "consoles", None)
    console.warn("to fit one page the note shortens project.evidence (1 of 4 shown)")
    console.say("Wrote notes/note.docx")
    assert console.Streams.consoles is None
    assert (
        err.getvalue()
        == "warning: to fit one page the note shortens project.evidence (1 of 4 shown)\n"
    )
    assert out.getvalue() == "Wrote notes/note.docx\n"


def test_colour_asked_for_goes_through_rich(monkeypatch: pytest.MonkeyPatch) -> None:
    _, err = pipes(monkeypatch)
    monkeypatch.setattr(console.Streams, "consoles", None)
    monkeypatch.setenv("FORCE_COLOR", "1")
    console.warn("plain words")
    assert "\x1b[" in err.getvalue()
