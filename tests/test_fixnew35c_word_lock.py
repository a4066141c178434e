"""fixnew35c (newuser35, not tested by the trial): a note open in Word is never replaced.

Word keeps a lock file, ``~$`` and the document's name (its first one or two
characters replaced for a long name), beside a document it has open. With
``--force`` pitchkit used to replace the note silently; Word then saves its
own copy over the new one. Now brief, update and batch stop with one line,
exit 1, even with ``--force``, and the note is left as it was.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pitchkit.cli import app

DATA = Path(__file__).parent / "data" / "fixnew35"
TITLE = "Crisis house and step-down flats for adult acute mental health"
TEAM = ["--directors", "team.csv"]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("facts.yaml", "team.csv", "figures.csv"):
        shutil.copy(DATA / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def lock_beside(note: Path) -> Path:
    lock = note.with_name("~$" + note.name[2:])  # Word's name for a long one
    lock.write_bytes(b"\x0bGraham Pike" + bytes(150))
    return lock


def refused(code: int, output: str, note: Path) -> None:
    assert code == 1, output
    errors = [line for line in output.splitlines() if line.strip()]
    assert errors == [
        f"error: {note} is open in Word: close it and run again (if Word is not running, "
        f"delete ~${note.name[2:]}, the lock file it left)"
    ]


@pytest.mark.parametrize(
    ("command", "name"),
    [
        (["brief", "facts.yaml", *TEAM, "-d", "dof"], f"{TITLE} - brief - Graham Pike.docx"),
        (
            ["update", "facts.yaml", *TEAM, "-d", "dof", "--period", "2026-11"],
            f"{TITLE} - update 2026-11 - Graham Pike.docx",
        ),
    ],
    ids=["brief", "update"],
)
def test_a_note_open_in_word_is_not_replaced_even_with_force(
    project: Path, command: list[str], name: str
) -> None:
    code, output = run(*command, "--out", "out")
    assert code == 0, output
    note = project / "out" / name
    before = note.read_bytes()
    lock_beside(note)
    code, output = run(*command, "--out", "out", "--force", "-q")
    refused(code, output, Path("out") / name)
    assert note.read_bytes() == before


def test_batch_leaves_the_open_note_and_says_so(project: Path) -> None:
    command = ["batch", "facts.yaml", *TEAM, "--out", "batch", "--only", "dof,coo"]
    code, output = run(*command)
    assert code == 0, output
    note = project / "batch" / f"{TITLE} - brief - Graham Pike.docx"
    other = project / "batch" / f"{TITLE} - brief - Kieran Shah.docx"
    before, other_before = note.read_bytes(), other.stat().st_mtime_ns
    lock_beside(note)
    code, output = run(*command, "--force")
    assert code == 1, output
    assert "is open in Word: close it and run again" in output
    assert note.read_bytes() == before
    assert other.stat().st_mtime_ns != other_before  # the others are still made


def test_word_names_its_lock_by_the_length_of_the_name(tmp_path: Path) -> None:
    from pitchkit.output.files import word_lock

    for name, lock in [
        ("note.docx", "~$note.docx"),
        ("abcdefg.docx", "~$bcdefg.docx"),
        ("Document1.docx", "~$cument1.docx"),
    ]:
        (tmp_path / lock).write_bytes(b"x")
        assert word_lock(tmp_path / name) == tmp_path / lock
    assert word_lock(tmp_path / "note.pdf") is None
    assert word_lock(tmp_path / "other.docx") is None


def test_the_line_is_in_welsh_for_a_welsh_note(project: Path) -> None:
    command = ["brief", "facts.yaml", *TEAM, "-d", "dof", "--out", "out", "--locale", "cy_GB"]
    code, output = run(*command)
    assert code == 0, output
    [note] = (project / "out").glob("*.docx")
    lock_beside(note)
    code, output = run(*command, "--force", "-q")
    assert code == 1, output
    assert f"mae out/{note.name} ar agor yn Word: caewch ef a rhedwch eto" in output
