"""A run killed outright (kill -9, power loss) leaves a true record, and the next run cleans up.

``kill -9`` gives pitchkit no chance to tidy up, so two things must hold by
construction: a batch rewrites ``manifest.csv`` after every note, so the
manifest on disk always lists the notes finished so far; and temporary files
carry the id of the process that made them, so the next run writing to the
folder removes those whose process is gone -- and nothing else.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import signal
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from docchecks import check_docx
from pitchkit.batch import note_paths, run_batch
from pitchkit.cli import app
from pitchkit.facts.project import open_project
from pitchkit.output.files import remove_stale_temporaries
from pitchkit.output.manifest import BatchItem
from test_interrupt import STOP_TIMEOUT, many_directors, wait_for_first_note

BROKEN = Path(__file__).resolve().parent / "broken"


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
    facts = many_directors(tmp_path)
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
    assert len(rows) == 41  # every director, listed from the start
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
