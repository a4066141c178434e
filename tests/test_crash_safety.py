"""A run killed outright (kill -9, power loss) leaves a true record, and the next run cleans up.

``kill -9`` gives pitchkit no chance to tidy up, so two things must hold by
construction: a batch rewrites ``manifest.csv`` after every note, so the
manifest on disk always lists the notes finished so far; and temporary files
carry the id of the process that made them, so the next run writing to the
folder removes those whose process is gone -- and nothing else.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from docchecks import check_docx
from pitchkit.batch import making, note_paths, run_batch
from pitchkit.cli import app
from pitchkit.facts.project import open_project
from pitchkit.i18n.messages import render
from pitchkit.output.files import remove_stale_temporaries
from pitchkit.output.manifest import BatchItem
from test_interrupt import INTERRUPTED, STOP_TIMEOUT, many_directors, wait_for_first_note

BROKEN = Path(__file__).resolve().parent / "broken"
TODAY = dt.date(2026, 5, 1)


def read_manifest(path: Path) -> list[dict[str, str]]:
    """The manifest's rows as dicts."""
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def dead_pid() -> int:
    """The id of a process that has ended."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def temporary(folder: Path, pid: int | None, age_seconds: float = 0) -> Path:
    """A file named as pitchkit names its temporaries, ``age_seconds`` old."""
    middle = f"{pid}-" if pid is not None else ""
    path = folder / f".~pitchkit-{middle}0123456789abcdef.tmp"
    path.write_bytes(b"half a note")
    moment = path.stat().st_mtime - age_seconds
    os.utime(path, (moment, moment))
    return path


def test_a_batch_killed_outright_leaves_a_manifest_of_its_finished_notes(tmp_path: Path) -> None:
    """kill -9 after the first note: the manifest lists every finished note; the rerun cleans."""
    facts = many_directors(tmp_path, INTERRUPTED)
    notes = tmp_path / "notes"
    command = [sys.executable, "-m", "pitchkit", "batch", str(facts), "--out", str(notes)]
    process = subprocess.Popen(
        [*command, "-j", "1"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for_first_note(process, notes)
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=STOP_TIMEOUT)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == -signal.SIGKILL

    rows = read_manifest(notes / "manifest.csv")
    assert len(rows) == INTERRUPTED + 1  # every director, listed from the start
    listed = {row["file"] for row in rows if row["status"] == "ok"}
    finished = {path.name for path in notes.glob("*.docx")}
    assert listed <= finished
    # At most the note being renamed when the kill came is on disk but not yet listed.
    assert len(finished - listed) <= 1
    for name in sorted(finished):
        check_docx(notes / name)

    planted = temporary(notes, dead_pid())
    rerun = subprocess.run(
        [*command, "--force"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert rerun.returncode == 0, rerun.stderr
    assert not planted.exists()
    assert not [path.name for path in notes.iterdir() if path.name.startswith(".~pitchkit-")]
    rows = read_manifest(notes / "manifest.csv")
    assert {row["status"] for row in rows} == {"ok"}


def test_the_manifest_on_disk_lists_each_note_as_soon_as_it_is_written(tmp_path: Path) -> None:
    """At every step of a batch, the manifest on disk says ``ok`` for exactly the notes done."""
    project = open_project(many_directors(tmp_path))
    notes = tmp_path / "notes"
    seen: list[int] = []

    def progress(item: BatchItem, done: int, total: int) -> None:
        rows = read_manifest(notes / "manifest.csv")
        ok = [row for row in rows if row["status"] == "ok"]
        assert len(ok) == done
        for row in ok:
            check_docx(notes / row["file"])
        seen.append(done)

    result = run_batch(
        project=project,
        directors=project.facts.directors[:4],
        kind="brief",
        out_dir=notes,
        jobs=1,
        today=dt.date(2026, 5, 1),
        on_progress=progress,
    )
    assert result.ok
    assert seen == [1, 2, 3, 4]


def test_a_note_that_cannot_be_placed_is_listed_as_it_turned_out(tmp_path: Path) -> None:
    """A file appearing mid-batch where a note goes: refused, and every manifest stays true.

    The batch flushes each manifest ahead, listing the notes before it as
    written; a note refused at the last moment must not be listed as written.
    """
    project = open_project(many_directors(tmp_path))
    directors = project.facts.directors[:8]
    notes = tmp_path / "notes"
    paths = note_paths(project, directors, "brief", notes)
    planted = {paths[3]: b"someone else's", paths[4]: b"another"}
    listed: list[int] = []

    def progress(item: BatchItem, done: int, total: int) -> None:
        if done == 1:
            for path, data in planted.items():
                path.write_bytes(data)
        rows = read_manifest(notes / "manifest.csv")
        listed.append(sum(row["status"] == "ok" for row in rows))
        for row in rows:
            if row["status"] == "ok":
                check_docx(notes / row["file"])

    result = run_batch(
        project=project,
        directors=directors,
        kind="brief",
        out_dir=notes,
        jobs=1,
        today=dt.date(2026, 5, 1),
        on_progress=progress,
    )
    statuses = [item.status for item in result.items]
    assert statuses == ["ok", "ok", "ok", "refused", "refused", "ok", "ok", "ok"]
    assert listed == [1, 2, 3, 3, 3, 4, 5, 6]
    for path, data in planted.items():
        assert path.read_bytes() == data
    rows = read_manifest(notes / "manifest.csv")
    assert [row["status"] for row in rows] == statuses
    assert not [path.name for path in notes.iterdir() if path.name.startswith(".~pitchkit-")]


def test_only_stale_temporaries_of_pitchkits_own_naming_are_removed(tmp_path: Path) -> None:
    """A dead process's temporary goes; a live one's, a recent old-style one and others stay."""
    gone = temporary(tmp_path, dead_pid())
    old_style = temporary(tmp_path, None, age_seconds=3600)
    living = temporary(tmp_path, os.getppid())
    recent_old_style = tmp_path / ".~pitchkit-fedcba9876543210.tmp"
    recent_old_style.write_bytes(b"x")
    abandoned_but_alive = tmp_path / f".~pitchkit-{os.getppid()}-00000000000000ff.tmp"
    abandoned_but_alive.write_bytes(b"x")
    moment = abandoned_but_alive.stat().st_mtime - 2 * 86_400
    os.utime(abandoned_but_alive, (moment, moment))
    others = [tmp_path / name for name in (".~lock.note.docx#", "note.tmp", ".~pitchkit-x.tmp")]
    for path in others:
        path.write_bytes(b"someone else's")

    removed = remove_stale_temporaries(tmp_path)

    assert sorted(removed) == sorted([gone, old_style, abandoned_but_alive])
    assert living.exists()
    assert recent_old_style.exists()
    assert all(path.exists() for path in others)


def test_brief_removes_a_killed_runs_temporary_from_its_folder(tmp_path: Path) -> None:
    """The next ``brief`` writing to a folder removes a dead run's temporary file there."""
    out = tmp_path / "out"
    out.mkdir()
    planted = temporary(out, dead_pid())
    result = CliRunner().invoke(
        app, ["brief", str(BROKEN / "valid.yaml"), "--out", str(out / "note.docx")]
    )
    assert result.exit_code == 0, result.stderr
    assert not planted.exists()
    assert sorted(path.name for path in out.iterdir()) == ["note.docx"]


def in_a_worker_at(position: int, then: Callable[[], object]) -> Callable[..., object]:
    """A stand-in for the note maker that calls ``then`` for note ``position`` in a worker.

    Every other note (and any note made in the main process) is made as usual.
    """
    main = os.getpid()
    make = making._make_one

    def making_note(maker: object, index: int, director: object) -> object:
        if index == position and os.getpid() != main:
            then()
        return make(maker, index, director)  # type: ignore[arg-type]

    return making_note


def test_a_worker_that_dies_loses_only_the_note_it_was_making(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker killed mid-note: that note fails and says why; the others are all written."""
    project = open_project(many_directors(tmp_path))
    directors = project.facts.directors[:30]
    notes = tmp_path / "notes"
    monkeypatch.setattr(making, "_make_one", in_a_worker_at(10, lambda: os._exit(9)))

    result = run_batch(
        project=project, directors=directors, kind="brief", out_dir=notes, jobs=2, today=TODAY
    )

    by_status: dict[str, list[BatchItem]] = {}
    for item in result.items:
        by_status.setdefault(item.status, []).append(item)
    assert set(by_status) == {"ok", "failed"}
    assert [n for n, item in enumerate(result.items) if item.status == "failed"] == [10]
    for item in by_status["failed"]:
        assert "the worker process making this note stopped unexpectedly" in render(item.error)
    assert result.items[-1].status == "ok", "the other worker went on to the end"
    written = {item.file.name for item in by_status["ok"] if item.file is not None}
    for name in written:
        check_docx(notes / name)
    rows = read_manifest(notes / "manifest.csv")
    assert [row["status"] for row in rows] == [item.status for item in result.items]
    assert {path.name for path in notes.iterdir()} == written | {"manifest.csv"}


def test_a_bug_in_a_worker_stops_the_batch_with_its_error_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An error that is not the user's, raised in a worker, ends the batch as it would in one."""
    project = open_project(many_directors(tmp_path))
    notes = tmp_path / "notes"

    def bug() -> None:
        raise ZeroDivisionError("a bug in a worker")

    monkeypatch.setattr(making, "_make_one", in_a_worker_at(12, bug))
    with pytest.raises(ZeroDivisionError, match="a bug in a worker"):
        run_batch(
            project=project,
            directors=project.facts.directors[:30],
            kind="brief",
            out_dir=notes,
            jobs=2,
            today=TODAY,
        )

    rows = read_manifest(notes / "manifest.csv")
    listed = {row["file"] for row in rows if row["status"] == "ok"}
    assert {path.name for path in notes.iterdir()} == listed | {"manifest.csv"}
    for name in listed:
        check_docx(notes / name)


def running(pid: int) -> bool:
    """Whether process ``pid`` still runs (an ended one waiting to be reaped does not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii")
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads processes from /proc")
def test_workers_stop_by_themselves_when_the_batch_is_killed_outright(tmp_path: Path) -> None:
    """kill -9 of a batch with two workers: they end by themselves, leaving only whole notes."""
    facts = many_directors(tmp_path, INTERRUPTED)
    notes = tmp_path / "notes"
    process = subprocess.Popen(
        [sys.executable, "-m", "pitchkit", "batch", str(facts), "--out", str(notes), "-j", "2"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    try:
        wait_for_first_note(process, notes)
        children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
        workers = [int(pid) for pid in children.read_text(encoding="ascii").split()]
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=STOP_TIMEOUT)
        deadline = time.monotonic() + STOP_TIMEOUT
        while any(running(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert workers, "the batch had forked its workers when its first note was written"
        assert not any(running(pid) for pid in workers), "the workers went on after the batch"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)

    rows = read_manifest(notes / "manifest.csv")
    listed = {row["file"] for row in rows if row["status"] == "ok"}
    finished = {path.name for path in notes.glob("*.docx")}
    assert listed <= finished
    assert len(finished - listed) <= 1
    for name in sorted(finished):
        check_docx(notes / name)
    # What the killed processes were flushing carries their ids: the next run removes it.
    left = [path.name for path in notes.iterdir() if path.name.startswith(".~pitchkit-")]
    assert {int(name.split("-")[1]) for name in left} <= {process.pid, *workers}
