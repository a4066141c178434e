"""The broken-input corpus: every case in tests/broken/cases.yaml, through the real CLI.

Each case names a file in tests/broken/, the command line to run, the exit
code, and the first line users see on stderr. Every case also checks what
must hold whatever went wrong: no traceback, every stderr line starts with
``error:`` or ``warning:``, and a failed run leaves the working folder
exactly as it was (no document, no temporary file, nothing overwritten).

Cases run in-process through typer's CliRunner, except those marked
``via: subprocess``, which run ``python -m pitchkit`` for real so that
stderr is exactly what a terminal would show. A case with ``runs:`` is run
again with each of those command lines (the same input through every
command that reads it), each with the same expectations; a case with
``make:`` has its file made at test time by :mod:`hostile_files` (zip
bombs and the like are not committed).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import importlib
import os
import pkgutil
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

import pitchkit
from docchecks import check_docx, docx_text
from hostile_files import MAKERS
from pitchkit.authoring.variables import demo_facts
from pitchkit.cli import app

BROKEN = Path(__file__).resolve().parent / "broken"
NOBODY = 65534
SENTINEL = b"last month's note, which must survive\n"


@dataclass(frozen=True)
class Case:
    """One row of cases.yaml."""

    name: str
    file: str | None
    args: list[str]
    exit: int
    stderr: str | None = None
    stderr_contains: str | None = None
    setup: str | None = None
    via: str = "runner"
    shows: list[str] = field(default_factory=list)
    writes: str | list[str] | None = None
    may_change: list[str] = field(default_factory=list)
    runs: list[list[str]] = field(default_factory=list)
    make: str | None = None


def load_cases() -> list[Case]:
    """Read the expectations table."""
    rows: list[dict[str, Any]] = YAML(typ="safe").load((BROKEN / "cases.yaml").read_text("utf-8"))
    cases = []
    for row in rows:
        args = [str(arg) for arg in row.pop("args", ["brief", "{file}", "--out", "out/note.docx"])]
        runs = [[str(arg) for arg in run] for run in row.pop("runs", [])]
        cases.append(Case(args=args, runs=runs, **row))
    return cases


CASES = load_cases()


@dataclass
class Outcome:
    """What a run of the CLI showed."""

    exit_code: int
    stdout: str
    stderr: str


def snapshot(folder: Path) -> dict[str, str]:
    """Every file and folder under ``folder``, with a hash of each file's bytes."""
    found: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if path.is_symlink() or not path.is_file():
            found[relative] = "folder" if path.is_dir() else "other"
            continue
        try:
            found[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
        except PermissionError:
            found[relative] = "unreadable"
    return found


@contextlib.contextmanager
def as_ordinary_user(when: bool) -> Iterator[None]:
    """Run the body as user 'nobody' when ``when`` (root reads and writes anything)."""
    if not when:
        yield
        return
    # pitchkit imports its modules as each command needs them; import them all
    # now, while Python's own library (perhaps under /root) can still be read.
    for module in pkgutil.walk_packages(pitchkit.__path__, "pitchkit."):
        importlib.import_module(module.name)
    os.setegid(NOBODY)
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


def disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every write to a file (not stdin, stdout or stderr) fail as on a full disk."""
    real_write = os.write

    def write(fd: int, data: Any) -> int:
        if fd > 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", write)


def prepare(case: Case, work: Path, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Put the case's files in ``work`` and apply its setup; return True to run as nobody."""
    shutil.copyfile(BROKEN / "valid.yaml", work / "valid.yaml")
    if case.make is not None:
        assert case.file is not None
        MAKERS[case.make](work / case.file)
    elif case.file is not None:
        shutil.copyfile(BROKEN / case.file, work / case.file)
    root = os.geteuid() == 0
    match case.setup:
        case None:
            return False
        case "folder-as-facts":
            (work / "facts").mkdir()
            shutil.copyfile(BROKEN / "valid.yaml", work / "facts" / "facts.yaml")
        case "unreadable":
            (work / "valid.yaml").chmod(0)
            return root
        case "locked-folder":
            (work / "locked").mkdir()
            shutil.copyfile(BROKEN / "valid.yaml", work / "locked" / "facts.yaml")
            (work / "locked").chmod(0o700 if root else 0)
            return root
        case "needs-dev-zero":
            if not Path("/dev/zero").exists():
                pytest.skip("no /dev/zero here")
        case "file-in-the-way":
            (work / "reports").write_text("a file where a folder should be\n")
        case "read-only-folder":
            (work / "out").mkdir()
            (work / "out").chmod(0o555)
            return root
        case "existing-output":
            (work / "out").mkdir()
            (work / "out" / "note.docx").write_bytes(SENTINEL)
        case "existing-batch-note":
            (work / "notes").mkdir()
            (work / "notes" / "Home first - brief - Helen Marsh.docx").write_bytes(SENTINEL)
        case "disk-full":
            disk_full(monkeypatch)
        case "demo-facts":  # a project with charts in its update
            shutil.copyfile(demo_facts(), work / "demo.yaml")
        case "endless-directors-file":
            if not Path("/dev/zero").exists():
                pytest.skip("no /dev/zero here")
            (work / "team.csv").symlink_to("/dev/zero")
        case other:
            raise AssertionError(f"unknown setup {other!r}")
    return False


def run_cli(case: Case, args: list[str], work: Path) -> Outcome:
    """Run pitchkit with ``args`` in ``work``, in-process or as a real subprocess."""
    if case.via == "subprocess":
        done = subprocess.run(
            [sys.executable, "-m", "pitchkit", *args],
            cwd=work,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        return Outcome(done.returncode, done.stdout, done.stderr)
    result = CliRunner().invoke(app, args, catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"pitchkit crashed on {case.name}") from result.exception
    return Outcome(result.exit_code, result.stdout, result.stderr)


@pytest.fixture
def work(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh working folder that user 'nobody' may enter, as the current folder."""
    folder = Path(tempfile.mkdtemp(prefix="pitchkit-broken-"))
    folder.chmod(0o755)
    monkeypatch.chdir(folder)
    yield folder
    for path in [folder, *folder.rglob("*")]:
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    (folder / "valid.yaml").chmod(0o644)
    shutil.rmtree(folder)


def first_line(text: str) -> str:
    """The first non-empty line of ``text``."""
    return next((line for line in text.splitlines() if line.strip()), "")


def check_stderr(case: Case, stderr: str) -> None:
    """Every line is a one-line error or warning, and the first is the one expected."""
    assert "Traceback" not in stderr, stderr
    for line in stderr.splitlines():
        assert line.startswith(("error: ", "warning: ")), f"unexpected stderr line: {line!r}"
    if case.stderr is not None:
        assert first_line(stderr) == case.stderr
    if case.stderr_contains is not None:
        assert case.stderr_contains in first_line(stderr), stderr


def check_files(
    case: Case, outcome: Outcome, before: dict[str, str], after: dict[str, str], work: Path
) -> None:
    """A failure changes nothing; a success adds exactly the one document, which opens."""
    assert not [name for name in after if ".~pitchkit-" in name], after
    if outcome.exit_code != 0:
        kept = {name: digest for name, digest in after.items() if name not in case.may_change}
        assert kept == before, f"{case.name} changed files although it failed"
        return
    written = [case.writes] if isinstance(case.writes, str) else case.writes
    if written is None:
        written = ["out/note.docx"]
    folders = {Path(name).parent.as_posix() for name in written}
    added = sorted(set(after) - set(before) - folders)
    assert added == sorted(written)
    assert {name: after[name] for name in before} == before
    documents = [name for name in written if name.endswith(".docx")]
    for name in documents:
        check_docx(work / name)
    text = docx_text(work / documents[0]) if documents else outcome.stdout
    for expected in case.shows:
        assert expected in text, f"{expected!r} is not in the document"


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_broken_input(case: Case, work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """pitchkit answers each broken input with its one-line message and leaves files safe."""
    if case.setup == "disk-full" and case.via == "subprocess":
        pytest.fail("a full disk is simulated in-process only")
    as_nobody = prepare(case, work, monkeypatch)
    for command in [case.args, *case.runs]:
        args = [arg.replace("{file}", case.file or "") for arg in command]
        with as_ordinary_user(as_nobody):
            before = snapshot(work)
            outcome = run_cli(case, args, work)
            after = snapshot(work)
        assert outcome.exit_code == case.exit, (args, outcome.stderr)
        check_stderr(case, outcome.stderr)
        check_files(case, outcome, before, after, work)


def test_the_corpus_is_large_and_every_file_is_used() -> None:
    """At least 40 cases, each file in tests/broken/ belongs to one, and names are unique."""
    assert len(CASES) >= 40
    assert len({case.name for case in CASES}) == len(CASES)
    used = {case.file for case in CASES if case.make is None} | {"cases.yaml", "valid.yaml"}
    assert {path.name for path in BROKEN.iterdir()} <= used
    assert {case.make for case in CASES if case.make} == set(MAKERS)
    assert any(case.via == "subprocess" for case in CASES)
