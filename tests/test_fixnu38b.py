"""newuser38's discharge medicines project: a baseline's typo, teams and a brief's choices.

``tests/data/newuser38b`` holds the lead's facts file (bed days lost waiting for
discharge medicines, 3,420 a year, at £345), the log (``figures.csv``: July
2026 to June 2027, the change in January 2027) and the team, exported from
Excel (``team.csv``) and with a misspelt column (``team-typo.csv``).
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
from typer.testing import CliRunner

from pitchkit.cli import app

DATA = Path(__file__).resolve().parent / "data" / "newuser38b"
FACTS = DATA / "facts.yaml"
FIGURES = DATA / "figures.csv"
TEAM = DATA / "team.csv"
TODAY = "2027-07-10"


def run(*args: str) -> str:
    """What ``pitchkit`` prints, both streams together (warnings go to stderr)."""
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())


def typed(tmp: Path, old: str, new: str, name: str = "facts.yaml") -> Path:
    """The lead's facts file with ``old`` typed as ``new``, in ``tmp``."""
    text = FACTS.read_text(encoding="utf-8")
    assert old in text
    path = tmp / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def document_text(path: Path) -> str:
    document = docx.Document(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(p.text for p in document.paragraphs).split())


# --- #1: a baseline a nought too big, against the log's own figures --------------------

TENFOLD = (
    "facts.yaml:48:15: impacts[0].baseline 34,200 bed days a year is about 10 times the "
    "log's average before the change (July 2026 to December 2026: 287.2 bed days a month, "
    "3,446 a year): a typo?"
)


def test_check_brief_and_update_warn_of_a_tenfold_baseline(tmp_path: Path) -> None:
    facts = typed(tmp_path, "baseline: 3420", "baseline: 34200")
    log = ["--directors", str(TEAM), "--measures", str(FIGURES), "--today", TODAY]
    assert TENFOLD in run("check", str(facts), *log)
    out = tmp_path / "brief.docx"
    assert TENFOLD in run("brief", str(facts), "-d", "coo", "--out", str(out), *log)
    assert TENFOLD in run(
        "update", str(facts), "-d", "coo", "--period", "2027-06", "--out", str(tmp_path), *log
    )


def test_the_lead_s_own_baseline_and_an_honest_difference_are_not_named(tmp_path: Path) -> None:
    log = ["--directors", str(TEAM), "--measures", str(FIGURES), "--today", TODAY]
    assert "log's average before the change" not in run("check", str(FACTS), *log)
    # 4,500 a year against the log's 3,446 is an audit that counted more, not a typo.
    honest = typed(tmp_path, "baseline: 3420", "baseline: 4500")
    assert "log's average before the change" not in run("check", str(honest), *log)


def test_a_baseline_a_nought_short_and_a_year_given_per_month(tmp_path: Path) -> None:
    log = ["--directors", str(TEAM), "--measures", str(FIGURES), "--today", TODAY]
    short = typed(tmp_path, "baseline: 3420", "baseline: 342")
    assert (
        "impacts[0].baseline 342 bed days a year is far below the log's average before the "
        "change (July 2026 to December 2026: 287.2 bed days a month, 3,446 a year), which is "
        "about 10 times as much: a typo?"
    ) in run("check", str(short), *log)
    monthly = typed(tmp_path, "per: year\n    baseline: 3420", "per: month\n    baseline: 3420")
    assert (
        "impacts[0].baseline 3,420 bed days a month is about 12 times the log's average "
        "before the change (July 2026 to December 2026: 287.2 bed days a month): is it a "
        "figure a year, not a month? Check the impact's 'per:'"
    ) in run("check", str(monthly), *log)


# --- #4: a strategy line names the plan a director's objective is about ----------------


def test_a_plan_the_strategy_names_is_not_said_to_link_to_nothing() -> None:
    # Before: "does not yet link to your objectives" beside "Links to: ... North Midlands
    # ICB joint forward plan 2025-30" on the same page.
    dsp = run("preview", str(FACTS), "--directors", str(TEAM), "-d", "dsp")
    assert "does not yet link to your objectives" not in dsp
    assert (
        "Discharge medicines in a day links to a plan this objective of yours names (North "
        "Midlands ICB joint forward plan 2025-30); we would value your advice on how its "
        "figures can count towards it: “Deliver the ICB joint forward plan's discharge "
        "ambitions”"
    ) in dsp
    ceo = run("preview", str(FACTS), "--directors", str(TEAM), "-d", "ceo")
    assert "does not yet link to your objectives" not in ceo
    assert "(Trust strategy 2024-29, ambition 3)" in ceo
    assert "“Deliver the trust strategy 2024-29”" in ceo


# --- #6: a misspelt numbered objective column ------------------------------------------


def test_a_misspelt_objective_column_is_named_before_any_other_objective() -> None:
    result = CliRunner().invoke(
        app, ["directors", str(FACTS), "--directors", str(DATA / "team-typo.csv")]
    )
    output = " ".join(result.output.split())
    # Before: "did you mean 'objectives'?", then "did you mean 'cfo.capital-spend'?", the
    # very link the lead excluded.
    assert "column 'Objectve 2' was ignored: did you mean 'Objective 2'?" in output
    assert (
        "'cfo.agency-spend' names no objective of that director: the team file's column "
        "'Objectve 2' was ignored, which may hold it"
    ) in output
    assert "capital-spend" not in output


# --- #7: cutting to fit keeps the board's own risk last --------------------------------


def test_the_finance_director_s_brief_keeps_the_board_s_risk(tmp_path: Path) -> None:
    out = tmp_path / "cfo.docx"
    run(
        "brief", str(FACTS), "--directors", str(TEAM), "-d", "cfo", "--measures", str(FIGURES),
        "--today", TODAY, "--out", str(out),
    )  # fmt: skip
    text = document_text(out)
    # Before: "Links to: North Midlands ICB joint forward plan 2025-30: ..." alone.
    assert "Links to: BAF risk BAF-04: patient flow cannot meet emergency demand (score 20)." in (
        text
    )
    assert "North Midlands ICB joint forward plan" not in text


# --- #11: dates a UK spreadsheet holds ---------------------------------------------------


def _dated(tmp: Path, first: str, second: str) -> Path:
    """``figures.csv`` with its first two months dated ``first`` and ``second``."""
    lines = FIGURES.read_text(encoding="utf-8-sig").splitlines()
    lines[1] = first + lines[1][lines[1].index(",") :]
    lines[2] = second + lines[2][lines[2].index(",") :]
    path = tmp / "figs-date.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_two_digit_year_and_a_month_end_date_are_read(tmp_path: Path) -> None:
    # Before: "'01/07/26' is not a period pitchkit knows" and "the date 2026-08-31 is not
    # the first of a month". Now July 2026 and August 2026, as Jul-26 and Aug-26 were.
    for first, second in (("01/07/26", "31/08/26"), ("31/07/2026", "2026-08-31")):
        figures = _dated(tmp_path, first, second)
        output = run(
            "check", str(FACTS), "--directors", str(TEAM), "--measures", str(figures),
            "--today", TODAY, "-q",
        )  # fmt: skip
        assert "figs-date.csv" not in output


def test_a_mid_month_date_says_what_pitchkit_reads(tmp_path: Path) -> None:
    figures = _dated(tmp_path, "15/07/26", "Aug-26")
    result = CliRunner().invoke(
        app, ["check", str(FACTS), "--measures", str(figures), "--today", TODAY]
    )
    assert result.exit_code == 1
    assert (
        "the date 2026-07-15 is not the first or the last day of a month: give each month's "
        "figure on its first day (or its last), or write the month as 2026-07"
    ) in " ".join(result.output.split())
    figures = _dated(tmp_path, "July the first", "Aug-26")
    result = CliRunner().invoke(
        app, ["check", str(FACTS), "--measures", str(figures), "--today", TODAY]
    )
    assert "Apr-27, April 2027 or 01/04/2027" in " ".join(result.output.split())


# --- #12: a figures workbook open in Excel -----------------------------------------------


def test_a_workbook_open_in_excel_is_said_to_be(tmp_path: Path) -> None:
    workbook = tmp_path / "figures.xlsx"
    workbook.write_bytes((DATA / "figures.xlsx").read_bytes())
    log = ["--directors", str(TEAM), "--measures", str(workbook), "--today", TODAY, "-q"]
    note = "figures.xlsx: the file is open in Excel: changes not yet saved there are not read"
    assert note not in run("check", str(FACTS), *log)
    (tmp_path / "~$figures.xlsx").write_bytes(b"\0" * 165)  # Excel's owner file
    assert note in run("check", str(FACTS), *log)


def test_a_misnamed_column_s_question_is_not_followed_by_a_colon() -> None:
    # Before: "did you mean 'median-time'?: name each column ...".
    result = CliRunner().invoke(
        app, ["check", str(FACTS), "--measures", str(DATA / "figs-col.csv"), "--today", TODAY]
    )
    assert (
        "'Median TTO time' is not one of the project's measures: did you mean 'median-time'? "
        "If not, name each column after an impact id or its measure"
    ) in " ".join(result.output.split())


def test_directors_says_which_left_out_director_s_plan_the_project_links_to() -> None:
    output = run("directors", str(FACTS), "--directors", str(TEAM))
    assert (
        "Tom Lindqvist's objective names a plan the project links to (North Midlands ICB "
        "joint forward plan 2025-30): ask them how its figures can count towards it."
    ) in output
    assert "Dr Helen Okoro's objective names a plan the project links to (Trust strategy" in (
        output
    )
