"""A batch stopped part-way is finished with ``--resume``, and a missing ``--out`` folder
is made with a line saying so (newuser18 #9, #11, #13)."""

from __future__ import annotations

import csv
import io
import json
import signal
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from pitchkit.cli import app
from pitchkit.cli.batching import interrupted_message
from pitchkit.i18n.translation import language
from test_interrupt import INTERRUPTED, STOP_TIMEOUT, many_directors, wait_for_first_note


def pk(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [str(arg) for arg in args])
    return result.exit_code, result.stdout, result.stderr


def rows(manifest: Path) -> list[dict[str, str]]:
    with manifest.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def stopped_after(notes: Path, made: int) -> list[Path]:
    """``notes`` as a batch stopped after ``made`` notes leaves it: the rest unmade, listed so.

    Returns the notes kept. The manifest is what an interrupted batch writes: every
    director, the ones not reached ``skipped``, "not made: the batch stopped".
    """
    manifest = notes / "manifest.csv"
    with manifest.open(encoding="utf-8-sig", newline="") as stream:
        table = list(csv.reader(stream))
    for row in table[1 + made :]:
        (notes / row[2]).unlink()
        row[2:5] = ["", "skipped", "not made: the batch stopped"]
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(table)
    manifest.write_bytes(buffer.getvalue().encode("utf-8-sig"))
    return [notes / row[2] for row in table[1 : 1 + made]]


def test_a_stopped_batch_is_refused_with_how_to_resume_and_resume_makes_only_the_rest(
    tmp_path: Path,
) -> None:
    facts = many_directors(tmp_path, 5)
    notes = tmp_path / "notes"
    assert pk("batch", facts, "--out", notes)[0] == 0
    kept = stopped_after(notes, 2)
    before = {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in kept}

    code, _, err = pk("batch", facts, "--out", notes)
    assert code == 1
    assert "pass --resume to make only the notes it lists as not made" in err
    assert "--force to write the whole batch again" in err

    code, out, err = pk("batch", facts, "--out", notes, "--resume")
    assert code == 0, err
    assert f"Wrote 4 of 6 notes in {notes}; 2 notes written before were kept" in out
    # The finished notes are not touched, not even rewritten with the same bytes.
    assert {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in kept} == before
    listed = rows(notes / "manifest.csv")
    assert [row["director_id"] for row in listed] == ["dof"] + [
        f"director-{n:02d}" for n in range(5)
    ]
    assert {row["status"] for row in listed} == {"ok"}
    assert {row["error"] for row in listed} == {""}
    on_disk = {path.name for path in notes.iterdir()}
    assert on_disk == {row["file"] for row in listed} | {"manifest.csv"}

    # Nothing left to make: nothing is written, and the manifest stays whole.
    code, out, _ = pk("batch", facts, "--out", notes, "--resume")
    assert code == 0
    assert f"Wrote 0 of 6 notes in {notes}; 6 notes written before were kept" in out
    assert rows(notes / "manifest.csv") == listed


def test_resume_with_a_pack_packs_every_note_kept_or_made(tmp_path: Path) -> None:
    facts = many_directors(tmp_path, 3)
    notes = tmp_path / "notes"
    assert pk("batch", facts, "--out", notes)[0] == 0
    stopped_after(notes, 1)
    pack = tmp_path / "pack.docx"
    code, _, err = pk("batch", facts, "--out", notes, "--resume", "--pack", pack)
    assert code == 0, err
    from docx import Document

    text = "\n".join(p.text for p in Document(str(pack)).paragraphs)
    for name in ("Helen Marsh", "Director Number 0", "Director Number 1", "Director Number 2"):
        assert name in text


def test_resume_leaves_a_pack_already_there_and_says_how_to_remake_it(tmp_path: Path) -> None:
    # --force cannot go with --resume, so the message must not offer it.
    facts = many_directors(tmp_path, 2)
    notes = tmp_path / "notes"
    pack = tmp_path / "pack.docx"
    assert pk("batch", facts, "--out", notes, "--pack", pack)[0] == 0
    before = pack.read_bytes()
    stopped_after(notes, 1)
    code, _, err = pk("batch", facts, "--out", notes, "--resume", "--pack", pack)
    assert code == 1
    assert "--force" not in err
    assert "move or delete it, or give --pack another name" in err
    assert pack.read_bytes() == before
    assert [row["status"] for row in rows(notes / "manifest.csv")].count("ok") == 1


def test_resume_is_refused_where_it_cannot_mean_anything(tmp_path: Path) -> None:
    facts = many_directors(tmp_path, 2)
    code, _, err = pk("batch", facts, "--out", tmp_path / "none", "--resume")
    assert code == 1
    assert "holds no batch to finish (there is no manifest.csv)" in err
    assert not (tmp_path / "none").exists()
    notes = tmp_path / "notes"
    assert pk("batch", facts, "--out", notes)[0] == 0
    code, _, err = pk("batch", facts, "--out", notes, "--resume", "--force")
    assert code != 0
    assert "--resume keeps the notes an earlier run finished" in err
    assert "choose one" in err


def test_the_stop_line_says_what_is_true_and_how_to_finish() -> None:
    lang = language("en_GB")

    def result(**given: object) -> SimpleNamespace:
        values = {"unmade": 0, "pdf_missing": (), "pack_asked": False, "pack": None}
        return SimpleNamespace(pack_error="", **{**values, **given})

    # Every note written, nothing asked for besides: nothing for the manifest to list.
    assert interrupted_message(result(), lang) == "interrupted after every note was written"
    # Every note written, but the pack was not: say so, and how to make it.
    assert interrupted_message(result(pack_asked=True), lang) == (
        "interrupted after every note was written; the pack was not made: run the same "
        "command with --resume to make it"
    )
    assert interrupted_message(result(unmade=3), lang) == (
        "interrupted before 3 notes were made; the notes written are whole; the manifest "
        "lists what was not made: run the same command with --resume to finish, keeping the "
        "notes written"
    )


def test_a_missing_out_folder_is_made_and_said_for_brief_update_and_batch(
    tmp_path: Path,
) -> None:
    facts = many_directors(tmp_path, 1)
    for command, extra in (("brief", ["-d", "dof"]), ("update", ["-d", "dof"])):
        out = tmp_path / command / "no" / "such" / "dir"
        code, stdout, err = pk(command, facts, *extra, "--out", out)
        assert code == 0, err
        assert stdout.splitlines()[0] == f"Made the folder {out}"
        assert len(list(out.iterdir())) == 1
        # Once it is there, nothing more is said of it.
        code, stdout, err = pk(command, facts, *extra, "--out", out, "--force")
        assert code == 0, err
        assert "Made the folder" not in stdout
    out = tmp_path / "batch" / "no" / "such" / "dir"
    code, stdout, _ = pk("batch", facts, "--out", out)
    assert code == 0
    assert stdout.splitlines()[0] == f"Made the folder {out}"


def test_the_made_folder_line_is_quiet_with_quiet_and_json(tmp_path: Path) -> None:
    facts = many_directors(tmp_path, 1)
    code, stdout, err = pk("brief", facts, "-d", "dof", "--out", tmp_path / "q" / "a", "-q")
    assert code == 0, err
    assert "Made the folder" not in stdout + err
    code, stdout, err = pk("batch", facts, "--out", tmp_path / "j" / "a", "--json")
    assert code == 0, err
    json.loads(stdout)
    assert "Made the folder" not in stdout


def test_resume_remakes_a_note_a_killed_run_left_on_disk_before_listing_it(
    tmp_path: Path,
) -> None:
    # kill -9 can land after a note is in place and before the manifest lists it.
    facts = many_directors(tmp_path, 3)
    notes = tmp_path / "notes"
    assert pk("batch", facts, "--out", notes)[0] == 0
    stopped_after(notes, 1)
    unlisted = notes / "Home first - brief - Director Number 0.docx"
    unlisted.write_bytes(b"a whole note the manifest does not list")
    code, out, err = pk("batch", facts, "--out", notes, "--resume")
    assert code == 0, err
    assert f"Wrote 3 of 4 notes in {notes}; 1 note written before was kept" in out
    assert unlisted.read_bytes().startswith(b"PK")
    assert {row["status"] for row in rows(notes / "manifest.csv")} == {"ok"}


@pytest.mark.slow
def test_a_batch_really_stopped_by_ctrl_c_is_finished_by_resume(tmp_path: Path) -> None:
    facts = many_directors(tmp_path, INTERRUPTED)
    notes = tmp_path / "notes"
    command = [sys.executable, "-m", "pitchkit", "batch", str(facts), "--out", str(notes)]
    process = subprocess.Popen(
        [*command, "-j", "2"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for_first_note(process, notes)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=STOP_TIMEOUT)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 130
    assert stderr.strip().endswith(
        "the manifest lists what was not made: run the same command with --resume to finish, "
        "keeping the notes written"
    )
    first = rows(notes / "manifest.csv")
    done = {row["file"]: (notes / row["file"]).stat().st_mtime_ns for row in first if row["file"]}
    assert done
    assert len(done) < len(first)

    finished = subprocess.run(
        [*command, "--resume", "-q"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert finished.returncode == 0, finished.stderr
    after = rows(notes / "manifest.csv")
    assert [row["director_id"] for row in after] == [row["director_id"] for row in first]
    assert {row["status"] for row in after} == {"ok"}
    assert {name: (notes / name).stat().st_mtime_ns for name in done} == done
    on_disk = {path.name for path in notes.iterdir()}
    assert on_disk == {row["file"] for row in after} | {"manifest.csv"}
