"""Output, PDF, batch, pack, progress, chart and formatting errors in the user's language.

Each error is made in English deep in pitchkit and shown by the command
line in the language of the command (``--locale cy_GB`` here): one line,
exit code 1, no traceback. The unit tests below raise every message these
modules can raise and check its Welsh reads differently from its English.
"""

from __future__ import annotations

import csv
import datetime as dt
import errno
import os
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner, Result

from pitchkit.batch import OneLine, choose, run_batch
from pitchkit.cli import app
from pitchkit.errors import ConversionError, FactsError, PitchkitError
from pitchkit.facts.project import open_project
from pitchkit.i18n import fmt
from pitchkit.i18n.messages import Located, Message, Renderable
from pitchkit.i18n.translation import language
from pitchkit.notes.update import spc
from pitchkit.output.files import _failure_message, check_writable, inside
from pitchkit.output.manifest import MANIFEST_COLUMNS
from pitchkit.output.pdf import SOFFICE_ENV, convert_to_pdf, find_soffice
from pitchkit.period import parse_period
from pitchkit.word.pack import check_pack_path

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "examples" / "frailty-virtual-ward" / "facts.yaml"
EN = language("en_GB")
CY = language("cy_GB")


def run(*args: str, env: dict[str, str] | None = None, given: str | None = None) -> Result:
    """Run pitchkit as a user would, and insist it never shows a traceback."""
    result = CliRunner().invoke(app, list(args), env=env, input=given)
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result


def error_lines(result: Result) -> list[str]:
    """The lines the command printed on stderr."""
    return result.stderr.strip().splitlines()


def one_error(result: Result, label: str = "error: ") -> str:
    """The single error line of a failed command, without its label."""
    assert result.exit_code == 1, result.output
    lines = error_lines(result)
    assert len(lines) == 1, lines
    assert lines[0].startswith(label)
    return lines[0].removeprefix(label)


def welsh(*args: str, env: dict[str, str] | None = None) -> str:
    """The one error line of a command run with ``--locale cy_GB``, without ``gwall:``."""
    return one_error(run(*args, "--locale", "cy_GB", env=env), "gwall: ")


# ---------------------------------------------------------------- at the terminal


def test_an_existing_file_is_refused_in_welsh_and_in_english(tmp_path: Path) -> None:
    taken = tmp_path / "taken.docx"
    taken.write_bytes(b"mine")
    args = ("brief", str(FACTS), "-d", "dof", "--out", str(taken))

    assert welsh(*args) == (
        f"mae {taken} yn bodoli eisoes: rhowch --force i gymryd ei le, neu dewiswch --out arall"
    )
    assert one_error(run(*args)) == (
        f"{taken} already exists: pass --force to replace it, or choose another --out"
    )
    assert taken.read_bytes() == b"mine"


def test_a_libreoffice_that_cannot_run_is_explained_in_welsh(tmp_path: Path) -> None:
    env = {SOFFICE_ENV: "no-such-libreoffice"}
    args = ("batch", str(FACTS), "--out", str(tmp_path / "notes"), "--pdf")

    line = welsh(*args, env=env)

    assert line.startswith(
        "mae PITCHKIT_SOFFICE wedi'i osod i 'no-such-libreoffice', nad yw'n rhaglen"
    )
    assert (
        "(i gael LibreOffice, gosodwch ef o'ch dosbarthiad (Debian neu Ubuntu: sudo apt-get" in line
    )
    assert one_error(run(*args, env=env)).startswith(
        "PITCHKIT_SOFFICE is set to 'no-such-libreoffice', which is not a program"
    )
    assert not (tmp_path / "notes").exists()


def test_an_unknown_director_for_only_is_refused_in_welsh(tmp_path: Path) -> None:
    args = ("batch", str(FACTS), "--out", str(tmp_path), "--only", "cfo")

    line = welsh(*args)

    assert line.startswith("--only: nid oes gan unrhyw gyfarwyddwr yr id 'cfo': dewiswch o blith")
    assert one_error(run(*args)).startswith("--only: no director has the id 'cfo': choose from")


def test_a_refused_note_is_reported_in_welsh_and_the_manifest_stays_machine_readable(
    tmp_path: Path,
) -> None:
    args = ("batch", str(FACTS), "--out", str(tmp_path), "--only", "dof", "--locale", "cy_GB")
    assert run(*args).exit_code == 0
    [note] = [p for p in tmp_path.iterdir() if p.suffix == ".docx"]
    record = tmp_path / "manifest.csv"
    assert one_error(run(*args), "gwall: ") == (
        f"mae swp eisoes yn {tmp_path}, wedi'i gofnodi yn manifest.csv: rhowch --resume i "
        "wneud dim ond y nodiadau y mae'n eu rhestru fel rhai na wnaed, gan gadw'r rhai a "
        "orffennwyd; --force i ysgrifennu'r swp cyfan eto; neu dewiswch --out arall"
    )
    record.unlink()  # the note is left, as if written some other way

    result = run(*args)

    line = one_error(result, "gwall: ")
    assert line == (
        f"dof: mae {note} yn bodoli eisoes: rhowch --force i gymryd ei le, neu dewiswch --out arall"
    )
    with (tmp_path / "manifest.csv").open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert list(rows[0]) == list(MANIFEST_COLUMNS)
    assert [(r["director_id"], r["status"]) for r in rows] == [("dof", "refused")]
    assert rows[0]["error"] == line.removeprefix("dof: ")


def test_a_pack_name_that_is_not_a_docx_is_refused_in_welsh(tmp_path: Path) -> None:
    pack = tmp_path / "pack.pdf"
    args = ("batch", str(FACTS), "--out", str(tmp_path / "notes"), "--pack", str(pack))

    assert welsh(*args) == f"--pack {pack}: rhowch enw ffeil sy'n gorffen â .docx"
    assert one_error(run(*args)) == f"--pack {pack}: give a file name ending in .docx"


def test_an_unknown_period_is_refused_in_welsh(tmp_path: Path) -> None:
    args = ("update", str(FACTS), "-d", "dof", "--period", "2027-13", "--out", str(tmp_path))

    assert welsh(*args) == (
        "cyfnod anhysbys '2027-13': ysgrifennwch YYYY-MM (2027-03), YYYY-Qn (2027-Q1, chwarter "
        "calendr: Ionawr i Fawrth), Qn YYYY/YY (Q1 2027/28, chwarter ariannol y GIG: Ebrill i "
        "Fehefin 2027) neu YYYY (2027)"
    )
    assert one_error(run(*args)).startswith("unknown period '2027-13': write YYYY-MM (2027-03)")


def test_a_template_filter_given_a_bad_option_says_so_in_welsh(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("{{ 5 | number(decimals=-1) }}")
    template = tmp_path / "mine.docx"
    document.save(str(template))
    args = ("brief", str(FACTS), "-d", "dof", "-t", str(template), "--out", str(tmp_path))

    assert "ni ellir dangos -1 lle degol: defnyddiwch 0 neu fwy" in welsh(*args)
    assert "cannot show -1 decimal places: use 0 or more" in one_error(run(*args))


def test_preview_refuses_an_unknown_kind_in_welsh() -> None:
    args = ("preview", str(FACTS), "-d", "dof", "--kind", "memo")

    assert welsh(*args) == "--kind memo: dewiswch brief neu update"
    assert one_error(run(*args)) == "--kind memo: choose brief or update"


def test_init_stopped_early_says_so_in_welsh(tmp_path: Path) -> None:
    target = tmp_path / "facts.yaml"

    result = run("init", str(target), "--locale", "cy_GB", given="")

    assert result.exit_code == 1
    assert error_lines(result)[-1] == (
        "wedi stopio: daeth y cwestiynau i ben yn gynnar, felly ni ysgrifennwyd ffeil"
    )
    assert not target.exists()


def test_the_ranking_table_has_welsh_headings() -> None:
    result = CliRunner().invoke(
        app, ["directors", str(FACTS), "--locale", "cy_GB"], env={"COLUMNS": "250"}
    )

    assert result.exit_code == 0, result.output
    for heading in ("Rôl", "Sgôr", "Amcanion"):
        assert heading in result.stdout
    assert "Objectives" not in result.stdout


def test_check_words_where_evidence_and_fix_in_welsh() -> None:
    result = CliRunner().invoke(app, ["check", str(FACTS), "--locale", "cy_GB"])

    assert result.exit_code == 0, result.output
    assert "    tystiolaeth: " in result.stdout
    assert "    evidence: " not in result.stdout


# ---------------------------------------------------------------- every message, unit by unit


def raised(action: Callable[[], object]) -> PitchkitError:
    """The PitchkitError that ``action`` raises."""
    with pytest.raises(PitchkitError) as caught:
        action()
    return caught.value


def assert_welsh(message: Renderable | PitchkitError) -> None:
    """``message`` has Welsh that differs from its English and fills every placeholder."""
    english, cymraeg = message.render(EN), message.render(CY)
    assert english == str(message)
    assert cymraeg != english
    assert "{" not in cymraeg.replace("{{", "")


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
def test_a_folder_the_system_makes_no_files_in_says_how_to_fix_it() -> None:
    # newuser4 C5: --out /proc/x.docx gave the system's "No such file or directory", no fix.
    args = ("brief", str(FACTS), "-d", "dof", "--out", "/proc/x.docx")
    assert one_error(run(*args)) == (
        "cannot write /proc/x.docx: the system cannot make a file there: "
        "choose a folder you can write to with --out"
    )
    assert welsh(*args) == (
        "ni ellir ysgrifennu /proc/x.docx: ni all y system greu ffeil yno: "
        "dewiswch ffolder y gallwch ysgrifennu iddo gyda --out"
    )


def test_every_output_message_has_welsh(tmp_path: Path) -> None:
    taken = tmp_path / "taken.docx"
    taken.write_bytes(b"x")
    a_file = tmp_path / "plain"
    a_file.write_text("x")
    assert_welsh(raised(lambda: inside(tmp_path, "../escape.docx")))
    assert_welsh(raised(lambda: check_writable(tmp_path, force=False)))
    assert_welsh(raised(lambda: check_writable(taken, force=False)))
    assert_welsh(raised(lambda: check_writable(a_file / "note.docx", force=True)))
    for number in (
        errno.ENOSPC,
        errno.EACCES,
        errno.EROFS,
        errno.ENAMETOOLONG,
        errno.EISDIR,
        errno.ENOTDIR,
        errno.ENOENT,
    ):
        assert_welsh(_failure_message(taken, OSError(number, os.strerror(number))))


def test_every_pdf_message_has_welsh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SOFFICE_ENV, "no-such-libreoffice")
    assert_welsh(raised(find_soffice))
    with monkeypatch.context() as nowhere:
        nowhere.setenv(SOFFICE_ENV, "")
        nowhere.setenv("PATH", str(tmp_path / "empty"))
        nowhere.setattr("pitchkit.output.soffice.usual_places", list)
        assert_welsh(raised(find_soffice))

    unrunnable = tmp_path / "unrunnable"
    unrunnable.write_bytes(b"\x00\x01 not a program")
    unrunnable.chmod(0o755)
    monkeypatch.setenv(SOFFICE_ENV, str(unrunnable))
    docx.Document().save(str(tmp_path / "first.docx"))
    assert_welsh(raised(lambda: convert_to_pdf([tmp_path / "first.docx"])))

    for name, script in (
        ("stuck", "sleep 30"),
        ("failing", "echo 'Fatal: no display'\nexit 3"),
        ("silent", "exit 3"),
        ("idle", "exit 0"),
    ):
        program = tmp_path / name
        program.write_text(f"#!/bin/sh\n{script}\n")
        program.chmod(0o755)
        monkeypatch.setenv(SOFFICE_ENV, str(program))
        note = tmp_path / "note.docx"
        docx.Document().save(str(note))
        if name == "idle":
            missing = tmp_path / "missing.docx"
            noise = tmp_path / "noise.docx"
            noise.write_bytes(b"not a zip")
            (tmp_path / "note.pdf").write_bytes(b"old")
            results = convert_to_pdf([note, missing, noise])
            assert [r.pdf for r in results] == [None, None, None]
            for result in results:
                assert result.error is not None
                assert_welsh(result.error)
            fresh = tmp_path / "fresh.docx"
            docx.Document().save(str(fresh))
            [empty] = convert_to_pdf([fresh])
            assert empty.error is not None
            assert_welsh(empty.error)
            continue
        error = raised(lambda note=note: convert_to_pdf([note], timeout=0.3))
        assert isinstance(error, ConversionError)
        assert_welsh(error)


def test_the_timeout_message_counts_documents_in_both_languages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    program = tmp_path / "stuck"
    program.write_text("#!/bin/sh\nsleep 30\n")
    program.chmod(0o755)
    monkeypatch.setenv(SOFFICE_ENV, str(program))
    notes = [tmp_path / "a.docx", tmp_path / "b.docx"]
    for note in notes:
        docx.Document().save(str(note))

    error = raised(lambda: convert_to_pdf(notes, timeout=0.3))

    assert "to convert 2 documents and was stopped" in str(error)
    assert "i drosi 2 ddogfen, felly cafodd ei atal" in error.render(CY)


def test_every_batch_and_pack_message_has_welsh(tmp_path: Path) -> None:
    project = open_project(FACTS)
    directors = project.facts.directors
    a_file = tmp_path / "plain"
    a_file.write_text("x")
    assert_welsh(raised(lambda: choose([], None)))
    assert_welsh(raised(lambda: choose(directors, ["cfo"])))
    for bad in (
        {"kind": "memo", "out_dir": tmp_path},
        {"kind": "brief", "out_dir": a_file},
        {"kind": "brief", "out_dir": a_file / "below"},
    ):
        assert_welsh(raised(lambda bad=bad: run_batch(project=project, directors=directors, **bad)))
    assert_welsh(raised(lambda: check_pack_path(tmp_path / "pack.txt", force=False)))
    for message in (
        Message("not made: the batch stopped"),
        Message("the worker process making this note stopped unexpectedly"),
        Message("no notes were written, so there is nothing to pack"),
        Message("no PDF: {why}", why=Message("it printed nothing")),
        Message(
            "{name} has footnotes, endnotes or comments, which a pack cannot merge: "
            "remove them from the template, or print the notes one by one",
            name="a.docx",
        ),
    ):
        assert_welsh(message)


def test_a_failed_note_keeps_every_problem_on_one_line_in_either_language() -> None:
    error = FactsError(
        [Located("f.yaml:1:1", Message("not made: the batch stopped")), "as written"]
    )
    line = OneLine(error.parts)

    assert str(line) == "f.yaml:1:1: not made: the batch stopped as written"
    assert line.render(CY) == "f.yaml:1:1: heb ei wneud: daeth y swp i ben as written"


def test_every_progress_chart_and_format_message_has_welsh() -> None:
    errors = [
        raised(lambda: parse_period("2027-13")),
        raised(lambda: spc.Rules(run_shift=1)),
        raised(lambda: spc.Rules(min_run_points=12, min_spc_points=8)),
        raised(lambda: spc.analyse([1.0, float("nan")], better="lower")),
        raised(lambda: fmt.money(5, EN, precision="odd")),
        raised(lambda: fmt.number(5, EN, decimals=-1)),
        raised(lambda: fmt.date("tomorrow", EN)),
        raised(lambda: fmt.date(dt.date(2027, 1, 1), EN, format="odd")),
        raised(lambda: fmt.period_label("2027-13", EN)),
        raised(lambda: fmt.join_list(["a"], EN, style="oxford")),
        raised(lambda: fmt.money("lots", EN)),
        raised(lambda: fmt.percent("most", EN)),
        raised(lambda: fmt.change(float("inf"), EN)),
        raised(lambda: fmt.number(float("nan"), EN)),
    ]
    for error in errors:
        assert_welsh(error)
    assert str(errors[-4]) == "cannot format 'lots' as an amount of money: give a number"
    assert errors[-4].render(CY) == "ni ellir fformatio 'lots' fel swm o arian: rhowch rif"
