"""Notes for many directors at once: names, refusals, manifest, pack, PDFs, interrupts."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import hashlib
import os
import signal
import subprocess
import sys
import time
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from openpyxl import Workbook
from pypdf import PdfReader
from typer.testing import CliRunner

from docchecks import check_docx, docx_text, pdf_pages, validate_ooxml
from pitchkit.batch import run_batch
from pitchkit.cli import app
from pitchkit.errors import ConversionError, DirectorsError
from pitchkit.facts.project import open_project
from pitchkit.facts.schema import Director
from pitchkit.i18n.messages import render
from pitchkit.notes.brief import builtin_template, make_brief_note
from pitchkit.output.manifest import MANIFEST_COLUMNS
from test_interrupt import many_directors

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "frailty-virtual-ward"
FACTS = EXAMPLE / "facts.yaml"
TODAY = dt.date(2026, 12, 1)
HOSTILE_NAMES = [
    "../../x",
    "CON",
    " AUX",
    "..",
    "...",
    "a/b",
    "\u202eevil\u202c.docx",
    "é" * 300,
    "Anna Smith",
    "ANNA SMITH",
]


def manifest(folder: Path) -> list[dict[str, str]]:
    """The rows of ``folder``'s manifest."""
    with (folder / "manifest.csv").open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def directors_csv(path: Path, rows: list[str]) -> Path:
    """A directors CSV as Excel writes it."""
    text = "id,name,role,objectives\r\n" + "".join(f"{row}\r\n" for row in rows)
    path.write_bytes(text.encode("utf-8-sig"))
    return path


GOOD_ROWS = [
    "dof,Helen Marsh,Director of Finance,Deliver the £14m cost improvement programme",
    "coo,Tom Okafor,Chief Operating Officer,Keep bed occupancy below 92%",
    "md,James Whitfield,Medical Director,",
]


def test_a_batch_writes_one_sound_note_per_director_and_a_manifest(tmp_path: Path) -> None:
    project = open_project(FACTS)
    result = run_batch(
        project=project,
        directors=project.facts.directors,
        kind="brief",
        out_dir=tmp_path,
        today=TODAY,
        jobs=2,
    )
    assert result.ok
    names = [d.name for d in project.facts.directors]
    assert [item.name for item in result.items] == names
    for item, name in zip(result.items, names, strict=True):
        assert item.status == "ok"
        assert item.file is not None
        check_docx(item.file)
        assert name in docx_text(item.file)
    rows = manifest(tmp_path)
    assert list(rows[0]) == list(MANIFEST_COLUMNS)
    assert [(r["director_id"], r["status"]) for r in rows] == [
        (d.id, "ok") for d in project.facts.directors
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [r["file"] for r in rows] + ["manifest.csv"]
    )


@pytest.mark.tools
def test_notes_are_valid_and_the_pack_has_every_page(
    tmp_path: Path, ooxml_validator: str, soffice: str
) -> None:
    project = open_project(FACTS)
    pack = tmp_path / "pack.docx"
    result = run_batch(
        project=project,
        directors=project.facts.directors,
        kind="brief",
        out_dir=tmp_path / "notes",
        today=TODAY,
        pdf=True,
        pack=pack,
    )
    assert result.ok
    assert result.pack == pack
    written = [item.file for item in result.items if item.file is not None]
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(validate_ooxml, [*written, pack]))
    note_pages = [len(PdfReader(item.pdf).pages) for item in result.items if item.pdf]
    assert len(note_pages) == len(written)
    assert pdf_pages(pack) == sum(note_pages)
    pack_text = docx_text(pack)
    for director in project.facts.directors:
        assert director.name in pack_text
    assert [r["pdf"] for r in manifest(tmp_path / "notes")] == [
        i.pdf.name for i in result.items if i.pdf
    ]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_broken_director_row_is_reported_and_the_others_are_written(
    tmp_path: Path, kind: str
) -> None:
    rows = [GOOD_ROWS[0], "coo,,Chief Operating Officer,", ",Sam Green,Director of Workforce,"]
    rows.append(GOOD_ROWS[2])
    if kind == "csv":
        team = directors_csv(tmp_path / "team.csv", rows)
    else:
        workbook = Workbook()
        workbook.active.append(["id", "name", "role", "objectives"])
        for row in rows:
            workbook.active.append(row.split(","))
        team = tmp_path / "team.xlsx"
        workbook.save(team)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["batch", str(FACTS), "--directors", str(team), "--out", str(out)]
    )
    assert result.exit_code == 1, result.output
    assert f"{team}:row 3: column name: empty, but required" in result.stderr
    assert f"{team}:row 4: column id: empty, but required" in result.stderr
    # The manifest accounts for every row: the notes written, then the rows skipped and why.
    rows_written = manifest(out)
    assert [(r["director_id"], r["status"]) for r in rows_written] == [
        ("dof", "ok"),
        ("md", "ok"),
        ("coo", "skipped"),  # the id the row gives, so the row is easy to find
        ("", "skipped"),
    ]
    assert rows_written[2]["error"].startswith(f"{team}:row 3: column name: empty, but required")
    assert rows_written[3]["error"].startswith(f"{team}:row 4: column id: empty, but required")
    assert rows_written[2]["file"] == rows_written[3]["file"] == ""
    assert (
        f"Wrote 2 of 4 notes in {out}; 2 rows of the directors file were skipped" in result.stdout
    )
    assert len(list(out.glob("*.docx"))) == 2


def test_hostile_names_stay_inside_the_folder_with_distinct_names(tmp_path: Path) -> None:
    project = open_project(FACTS)
    team = [
        Director(id=f"d{number}", name=name, role="Director of Finance")
        for number, name in enumerate(HOSTILE_NAMES)
    ]
    out = tmp_path / "out"
    result = run_batch(project=project, directors=team, kind="brief", out_dir=out, today=TODAY)
    assert result.ok, result.failed
    files = [item.file for item in result.items]
    assert all(f is not None and f.parent == out.resolve() for f in files)
    folded = {unicodedata.normalize("NFC", f.name).casefold() for f in files if f is not None}
    assert len(folded) == len(HOSTILE_NAMES)
    for file in files:
        assert file is not None
        assert len(file.name.encode("utf-8")) <= 255
        assert "\u202e" not in file.name
        check_docx(file)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert len(list(out.iterdir())) == len(HOSTILE_NAMES) + 1  # and the manifest


def test_a_users_template_is_filled_by_the_workers_too(tmp_path: Path) -> None:
    """Worker processes fill a user's template, each note under the limits, as one process does."""
    template = tmp_path / "ours.docx"
    template.write_bytes(builtin_template("brief"))
    project = open_project(many_directors(tmp_path))
    directors = project.facts.directors[:14]
    result = run_batch(
        project=project,
        directors=directors,
        kind="brief",
        out_dir=tmp_path / "notes",
        template=template,
        today=TODAY,
        jobs=2,
    )
    assert result.ok, [render(item.error) for item in result.failed]
    for item, director in zip(result.items, directors, strict=True):
        assert item.file is not None
        check_docx(item.file)
        assert director.name in docx_text(item.file)


def test_an_existing_note_is_left_untouched_without_force(tmp_path: Path) -> None:
    out = tmp_path / "out"
    team = directors_csv(tmp_path / "team.csv", GOOD_ROWS)
    mine = out / "Frailty virtual ward - brief - Tom Okafor.docx"
    out.mkdir()
    mine.write_bytes(b"my own edits")
    before = hashlib.sha256(mine.read_bytes()).hexdigest()
    runner = CliRunner()
    args = ["batch", str(FACTS), "--directors", str(team), "--out", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert f"error: coo: {mine} already exists: pass --force" in result.stderr
    assert hashlib.sha256(mine.read_bytes()).hexdigest() == before
    assert [r["status"] for r in manifest(out)] == ["ok", "refused", "ok"]
    assert not [p for p in out.iterdir() if p.name.startswith(".")]
    forced = runner.invoke(app, [*args, "--force"])
    assert forced.exit_code == 0, forced.output
    assert "Tom Okafor" in docx_text(mine)


def test_only_picks_directors_and_an_unknown_id_is_refused(tmp_path: Path) -> None:
    project = open_project(FACTS)
    result = run_batch(
        project=project,
        directors=project.facts.directors,
        kind="brief",
        out_dir=tmp_path,
        only=["COO", "md"],
        today=TODAY,
    )
    assert [item.director_id for item in result.items] == ["coo", "md"]
    with pytest.raises(DirectorsError, match="--only: no director has the id 'cfo'"):
        run_batch(
            project=project,
            directors=project.facts.directors,
            kind="brief",
            out_dir=tmp_path / "other",
            only=["cfo"],
        )
    assert not (tmp_path / "other").exists()


def test_a_missing_libreoffice_is_a_clear_error_before_anything_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PITCHKIT_SOFFICE", "no-such-libreoffice")
    project = open_project(FACTS)
    with pytest.raises(ConversionError, match="LibreOffice"):
        run_batch(
            project=project,
            directors=project.facts.directors,
            kind="brief",
            out_dir=tmp_path / "out",
            pdf=True,
        )
    assert not (tmp_path / "out").exists()


def test_the_manifest_never_holds_a_formula(tmp_path: Path) -> None:
    project = open_project(FACTS)
    team = [Director(id="x", name='=HYPERLINK("http://evil")', role="Director of Finance")]
    run_batch(project=project, directors=team, kind="brief", out_dir=tmp_path, today=TODAY)
    assert manifest(tmp_path)[0]["name"] == '\'=HYPERLINK("http://evil")'


def test_a_batch_note_reads_the_same_as_the_brief_command_in_welsh(tmp_path: Path) -> None:
    """A director with no objectives of their own gets the role's, in Welsh, either way."""
    project = open_project(ROOT / "examples" / "ysbyty-cymunedol" / "facts.yaml")
    finance = Director(id="cyllid", name="Siân Lloyd", role="Director of Finance")
    # Since issue 14 a money value alone is only a possible link, never claimed in a note:
    # the lead confirms the ED attendances impact serves the role's cost improvement programme.
    facts = project.facts
    impacts = [
        i.model_copy(update={"supports": ["cyllid.cip"]}) if i.id == "ed-attendances" else i
        for i in facts.impacts
    ]
    loaded = dataclasses.replace(
        project.loaded, facts=facts.model_copy(update={"impacts": impacts})
    )
    project = dataclasses.replace(project, loaded=loaded)
    result = run_batch(
        project=project, directors=[finance], kind="brief", out_dir=tmp_path / "batch", today=TODAY
    )
    single = tmp_path / "single.docx"
    single.write_bytes(make_brief_note(project, finance, today=TODAY).data)
    assert result.items[0].file is not None
    text = docx_text(result.items[0].file)
    assert text == docx_text(single)
    assert "Cyflawni'r rhaglen gwella costau" in text
    assert "Deliver the cost improvement programme" not in text


def test_update_notes_for_the_team(tmp_path: Path) -> None:
    project = open_project(FACTS)
    result = run_batch(
        project=project,
        directors=project.facts.directors[:2],
        kind="update",
        out_dir=tmp_path,
        today=TODAY,
    )
    assert result.ok, result.failed
    for item in result.items:
        assert item.file is not None
        assert " - update " in item.file.name
        check_docx(item.file)


def test_an_interrupted_batch_leaves_complete_notes_and_a_manifest(tmp_path: Path) -> None:
    team = tmp_path / "team.yaml"
    team.write_text(
        "".join(
            f"- {{id: d{n}, name: Director {n}, role: Director of Finance}}\n" for n in range(600)
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    command = [sys.executable, "-m", "pitchkit", "batch", str(FACTS), "--directors", str(team)]
    process = subprocess.Popen(
        [*command, "--out", str(out), "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(out.glob("*.docx"))) < 3:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGINT)
    _stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    rows = manifest(out)
    assert len(rows) == 600
    done = {r["file"] for r in rows if r["status"] == "ok"}
    assert {r["status"] for r in rows} <= {"ok", "skipped"}
    assert "skipped" in {r["status"] for r in rows}
    on_disk = {p.name for p in out.iterdir()}
    assert on_disk == done | {"manifest.csv"}
    for name in done:
        check_docx(out / name)


def fake_libreoffice(folder: Path, body: str) -> Path:
    """A program standing in for LibreOffice: it runs ``body`` and makes no PDF."""
    program = folder / "fake-soffice"
    program.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    program.chmod(0o755)
    return program


@pytest.mark.skipif(os.name == "nt", reason="the stand-in LibreOffice is a shell script")
@pytest.mark.parametrize(
    ("body", "why"),
    [
        ("exit 0", "LibreOffice could not convert"),  # says it worked, wrote nothing
        ("echo 'Fatal: no display' >&2\nexit 3", "failed with exit code 3: Fatal: no display"),
    ],
)
def test_pdfs_that_were_not_made_fail_the_batch_and_the_notes_stay(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str, why: str
) -> None:
    monkeypatch.setenv("PITCHKIT_SOFFICE", str(fake_libreoffice(tmp_path, body)))
    team = directors_csv(tmp_path / "team.csv", GOOD_ROWS[:2])
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["batch", str(FACTS), "--directors", str(team), "--out", str(out), "--pdf"]
    )
    assert result.exit_code == 1, result.output
    assert f"Wrote 2 of 2 notes in {out}; 2 notes have no PDF" in result.stdout
    assert "error: dof: no PDF: " in result.stderr
    assert why in result.stderr
    rows = manifest(out)
    assert [(r["director_id"], r["status"], r["pdf"]) for r in rows] == [
        ("dof", "ok", ""),
        ("coo", "ok", ""),
    ]
    assert all(r["error"].startswith("no PDF: ") and why in r["error"] for r in rows)
    assert len(list(out.glob("*.docx"))) == 2
    assert not list(out.glob("*.pdf"))


def test_a_second_batch_into_the_same_folder_keeps_the_first_ones_record(tmp_path: Path) -> None:
    out = tmp_path / "out"
    team = directors_csv(tmp_path / "team.csv", GOOD_ROWS)
    runner = CliRunner()
    first = runner.invoke(app, ["batch", str(FACTS), "--directors", str(team), "--out", str(out)])
    assert first.exit_code == 0, first.output
    record = (out / "manifest.csv").read_bytes()
    notes = sorted(p.name for p in out.iterdir())

    again = runner.invoke(
        app, ["batch", str(FACTS), "--directors", str(team), "--out", str(out), "--only", "md"]
    )
    assert again.exit_code == 1
    # The team's row with no objectives is warned of first (newuser22 #2); one error follows.
    assert [line for line in again.stderr.splitlines() if not line.startswith("warning:")] == [
        f"error: {out} already holds a batch, recorded in manifest.csv: pass --resume to make "
        "only the notes it lists as not made, keeping those finished; --force to write the "
        "whole batch again; or choose another --out"
    ]
    assert (out / "manifest.csv").read_bytes() == record
    assert sorted(p.name for p in out.iterdir()) == notes

    forced = runner.invoke(
        app, ["batch", str(FACTS), "--directors", str(team), "--out", str(out), "--force"]
    )
    assert forced.exit_code == 0, forced.output
    assert [r["status"] for r in manifest(out)] == ["ok", "ok", "ok"]


def test_each_version_of_a_rewritten_manifest_lists_every_item_as_it_then_stands(
    tmp_path: Path,
) -> None:
    """A batch asks its manifest writer for a version after every note: each reads as new.

    The writer joins its rows in blocks and keeps a block that has not
    changed, so notes recorded out of order, across blocks, a failure after
    a success and a shorter list must each still read as every item then is.
    """
    import random

    from pitchkit.output.manifest import BatchItem, ManifestWriter

    def rows(data: bytes) -> list[list[str]]:
        return list(csv.reader(data.decode("utf-8-sig").splitlines()))

    items = [
        BatchItem(f"d{n}", f"Director {n}", None, "skipped", "not made: the batch stopped")
        for n in range(100)
    ]
    writer = ManifestWriter(tmp_path / "manifest.csv")
    order = list(range(100))
    random.Random(13).shuffle(order)
    for step, n in enumerate(order):
        if step % 9 == 4:
            items[n] = BatchItem(f"d{n}", f"Director {n}", None, "failed", f"reason {step}")
        else:
            items[n] = BatchItem(f"d{n}", f"Director {n}", tmp_path / f"note-{n}.docx", "ok")
        version = rows(writer.contents(items))
        assert version == rows(ManifestWriter(tmp_path / "fresh.csv").contents(items))
        assert [row[0] for row in version[1:]] == [f"d{k}" for k in range(100)]
        assert version[1 + n][3] == items[n].status
    shorter = rows(writer.contents(items[:40]))
    assert len(shorter) == 41
    assert shorter[1:] == rows(writer.contents(items))[1:41]
