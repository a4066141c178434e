"""The quick ``brief`` and ``batch``: parsed without typer, yet read and run as typer's.

``pitchkit.cli.quick`` parses a plain ``brief`` or ``batch`` command line
from the options declared in ``pitchkit.cli.flags`` and runs it without
loading typer or rich; anything else it leaves to typer. These tests hold
it to typer: every command line it accepts gives the command the same
values typer gives, every one typer refuses it leaves to typer, and a
brief or batch run either way prints the same lines, exits with the same
code and writes the same documents.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pitchkit.cli import app, common, flags, quick

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "examples" / "frailty-virtual-ward" / "facts.yaml"

#: Words a command line is made of: option names, values, odd forms typer reads its own way.
VALUES = ["dof", "notes/", "note.docx", "cy_GB", "30", "a b", "é.yaml", "-", "", "x=y", "0", "2",
          "02", "update", "-1", "٢", "+2", " 2", "1_0", "2.0", "1٠", "dof\n"]  # fmt: skip
ODD = [
    "--help",
    "-h",
    "--nope",
    "-qf",
    "--out=x.docx",
    "--",
    "-",
    "--version",
    "-d=dof",
    "--no-force",
]


def typer_values(
    argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[int, dict[str, Any] | None]:
    """The exit code typer gives ``argv`` and the values it hands the command (if it runs it)."""
    seen: list[dict[str, Any]] = []

    def record(name: str, command: Any, args: Any, kwargs: dict[str, Any]) -> int:
        seen.append(dict(kwargs))
        return 0

    monkeypatch.setattr(common, "run_guarded", record)
    result = CliRunner().invoke(app, argv)
    assert len(seen) <= 1
    return result.exit_code, seen[0] if seen else None


def command_lines(command: str, count: int) -> list[list[str]]:
    """``count`` command lines for ``command``: options in any order, some odd, some plain."""
    generator = random.Random(13)
    table = quick.COMMANDS[command]
    names = [name for flag in table.values() if isinstance(flag, flags.Flag) for name in flag.names]
    lines = []
    for _ in range(count):
        words: list[str] = []
        for _ in range(generator.randint(0, 6)):
            choice = generator.random()
            if choice < 0.6:
                words.append(generator.choice(names))
                if generator.random() < 0.8:
                    words.append(generator.choice(VALUES))
            elif choice < 0.75:
                words.append(generator.choice(ODD))
            else:
                words.append(generator.choice(VALUES))
        if generator.random() < 0.8:
            words.insert(generator.randint(0, len(words)), "facts.yaml")
        lines.append([command, *words])
    return lines


@pytest.mark.parametrize("command", ["brief", "batch"])
def test_parses_every_command_line_as_typer_does_or_leaves_it(
    command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    accepted = 0
    for argv in command_lines(command, 400):
        quick_values = quick.parse(argv)
        code, values = typer_values(argv, monkeypatch)
        if quick_values is None:
            continue
        accepted += 1
        assert code == 0, argv
        assert quick_values == values, argv
    assert accepted >= 40  # the sample holds plenty of plain command lines


@pytest.mark.parametrize(
    "argv",
    [
        ["brief", "facts.yaml"],
        ["brief", "facts.yaml", "-d", "dof", "-o", "notes/", "-f", "-q"],
        ["brief", "--director", "dof", "facts.yaml", "--locale", "cy_GB", "--pdf", "--verbose"],
        ["brief", "facts.yaml", "--template", "own.docx", "--time-limit", "10", "--no-cuts"],
        ["brief", "facts.yaml", "--directors", "team.csv", "--strict", "--bilingual"],
        ["batch", "facts.yaml", "--directors", "team.csv", "-o", "notes", "-f", "-q"],
        ["batch", "facts.yaml", "--out", "notes", "--kind", "update", "-p", "2027-03", "-j", "2"],
        ["batch", "facts.yaml", "-o", "notes", "--only", "dof,cn", "--pack", "pack.docx"],
    ],
)
def test_plain_command_lines_are_quick(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    values = quick.parse(argv)
    assert values is not None
    assert typer_values(argv, monkeypatch) == (0, values)


@pytest.mark.parametrize(
    "argv",
    [
        ["brief"],
        ["brief", "--help"],
        ["brief", "facts.yaml", "--json"],
        ["brief", "facts.yaml", "-qf"],
        ["brief", "facts.yaml", "--out=x.docx"],
        ["brief", "facts.yaml", "-d"],
        ["brief", "facts.yaml", "-d", "dof", "-d", "cn"],
        ["brief", "facts.yaml", "other.yaml"],
        ["brief", "facts.yaml", "--", "-d"],
        ["-q", "brief", "facts.yaml"],
        ["update", "facts.yaml"],
        ["batch", "facts.yaml", "-o", "notes", "--jobs", "0"],
        ["batch", "facts.yaml", "-o", "notes", "--jobs", "02"],
        ["batch", "facts.yaml", "-o", "notes", "--kind", "foo"],
        ["batch", "facts.yaml", "-o", "notes", "--json"],
        [],
    ],
)
def test_anything_else_is_left_to_typer(argv: list[str]) -> None:
    assert quick.parse(argv) is None


def test_shell_completion_is_left_to_typer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(quick.COMPLETION_VARIABLE, "complete_bash")
    assert quick.parse(["brief", "facts.yaml"]) is None


TYPER = "import sys; from pitchkit.cli import app; app(prog_name='pitchkit')"
#: A terminal wide enough for a usage error's box to hold its line whole.
WIDE = {"COLUMNS": "200"}


def run(
    way: str, *args: str, python: tuple[str, ...] = (), env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``pitchkit ARGS`` the quick way (``python -m pitchkit``) or typer's way."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PITCHKIT_MEASURE": "0", **(env or {})}
    start = ["-m", "pitchkit"] if way == "quick" else ["-c", TYPER]
    return subprocess.run(
        [sys.executable, *python, *start, *args], capture_output=True, text=True, env=env, cwd=ROOT
    )


def body(path: Path) -> bytes:
    with zipfile.ZipFile(path) as document:
        return document.read("word/document.xml")


@pytest.mark.parametrize(
    "options",
    [
        ["-d", "dof", "-q"],
        ["-d", "dof"],
        ["--director", "cn", "--locale", "cy_GB"],
        ["-d", "nobody"],
        ["-d", "dof", "--locale", "xx_XX"],
        ["-d", "dof", "--time-limit", "soon"],
    ],
)
def test_a_quick_brief_prints_and_writes_what_typers_does(
    options: list[str], tmp_path: Path
) -> None:
    results = {}
    for way in ("typer", "quick"):
        out = tmp_path / way / "note.docx"
        out.parent.mkdir()
        result = run(way, "brief", str(FACTS), *options, "-o", str(out))
        text = (result.stdout + result.stderr).replace(str(out.parent), "FOLDER")
        results[way] = (result.returncode, text, body(out) if out.exists() else None)
    assert results["quick"] == results["typer"]
    assert "Traceback" not in results["quick"][1]


def test_a_quick_brief_refuses_what_typers_refuses(tmp_path: Path) -> None:
    out = tmp_path / "note.docx"
    out.write_bytes(b"mine")
    missing = tmp_path / "missing.yaml"
    for args in (["-d", "dof", "-o", str(out)], ["-o", str(tmp_path / "x.docx")]):
        facts = str(FACTS) if args[0] == "-d" else str(missing)
        quick_result, typer_result = (
            run("quick", "brief", facts, *args),
            run("typer", "brief", facts, *args),
        )
        assert quick_result.returncode == typer_result.returncode == 1
        assert (quick_result.stdout, quick_result.stderr) == (
            typer_result.stdout,
            typer_result.stderr,
        )
    assert out.read_bytes() == b"mine"


def test_a_kind_of_note_pitchkit_does_not_write_is_a_usage_error_either_way(
    tmp_path: Path,
) -> None:
    # newuser4 C5: `batch --kind foo` ran the batch and exited 1; a bad option value is usage (2).
    results = {}
    for way in ("typer", "quick"):
        out = tmp_path / way
        result = run(way, "batch", str(FACTS), "--kind", "foo", "-o", str(out), env=WIDE)
        results[way] = (result.returncode, result.stdout, result.stderr)
        assert not out.exists(), way
    assert results["quick"] == results["typer"]
    code, stdout, stderr = results["quick"]
    assert stdout == ""
    assert code == 2
    assert "Invalid value for '--kind' / '-k': give brief or update, not 'foo'" in stderr
    assert "Traceback" not in stderr


@pytest.mark.parametrize("command", ["brief", "batch"])
def test_a_quick_command_loads_neither_typer_nor_rich_nor_pydantic(
    command: str, tmp_path: Path
) -> None:
    out = tmp_path / ("note.docx" if command == "brief" else "notes")
    who = ["-d", "dof"] if command == "brief" else []
    argv = [command, str(FACTS), *who, "-o", str(out), "-q"]
    result = run("quick", *argv, python=("-X", "importtime"))
    assert result.returncode == 0
    assert out.exists()
    loaded = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if "|" in line}
    assert f"pitchkit.cli.{command}ing" in loaded
    assert not loaded & {"typer", "rich", "rich.console", "click", "pydantic"}


@pytest.mark.parametrize(
    "options", [["-q"], [], ["--only", "dof,cn", "--jobs", "1"], ["--only", "dof,nobody"]]
)
def test_a_quick_batch_prints_and_writes_what_typers_does(
    options: list[str], tmp_path: Path
) -> None:
    results = {}
    for way in ("typer", "quick"):
        out = tmp_path / way / "notes"
        result = run(way, "batch", str(FACTS), "-o", str(out), *options)
        text = (result.stdout + result.stderr).replace(str(out), "FOLDER")
        notes = {path.name: body(path) for path in sorted(out.glob("*.docx"))}
        listed = out / "manifest.csv"
        manifest = listed.read_text(encoding="utf-8") if listed.exists() else None
        results[way] = (result.returncode, text, notes, manifest)
    assert results["quick"] == results["typer"]
    assert "Traceback" not in results["quick"][1]


@pytest.mark.parametrize("locale", ["en_GB", "cy_GB"])
def test_an_output_encoding_without_pounds_or_welsh_letters_never_ends_in_a_traceback(
    locale: str, tmp_path: Path
) -> None:
    out = tmp_path / "note.docx"
    options = ["-d", "dof", "-l", locale, "-o", str(out)]
    result = run("quick", "brief", str(FACTS), *options, env={"PYTHONIOENCODING": "ascii"})
    assert "Traceback" not in result.stderr
    assert result.returncode == 0, result.stderr
    assert out.exists()
    assert "\\xa3" in result.stdout + result.stderr  # the advice's £, as an escape
