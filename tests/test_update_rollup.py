"""A quarter or a year of a log kept month by month, as its reader sees it.

The new user's case (report A3): a cataract project that starts on 1 February
2027 logs February and March, and asks for ``--period 2027-Q1``. The update
is built from those months, not a fill-in; a total over the quarter with
January missing names January; a waiting list is the latest month's figure
(never half a patient); a percentage is an average and says so. A year built
from twelve months reads the same way, in its table, its "Delivered so far"
and its sentence for the board, and names a month with no figure by month.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from typer.testing import Result

from docchecks import docx_text

FACTS = """\
project:
  title: High-volume cataract lists
  organisation: Northbrook Hospitals NHS Trust
  lead: {{name: Priya Raman, role: Consultant Ophthalmologist}}
  problem: 210 people have waited over 52 weeks for cataract surgery.
  change: Two dedicated high-volume lists a week in theatre 4.
  start: 2027-02-01
  end: 2028-01-31
impacts:
  - id: long-waits
    measure: Patients waiting over 52 weeks for cataract surgery
    unit: patients
    baseline: 210
    target: 0
    better: lower
    supports: [coo.rtt]
  - id: cases-per-list
    measure: Cataract operations per theatre session
    unit: operations
    baseline: 6
    target: 10
    supports: [coo.theatres]
  - id: day-cases
    measure: Cataract day cases done in house
    unit: day cases
    per: month
    baseline: 20
    target: 60
  - id: cancellations
    measure: On-the-day cancellations of cataract operations
    unit: "%"
    baseline: 9
    target: 3
    better: lower
directors:
  - id: coo
    name: Mark Hughes
    role: Chief Operating Officer
    objectives:
      - id: rtt
        text: Eliminate waits over 52 weeks for planned care
        kind: organisational
      - id: theatres
        text: Raise theatre utilisation to 85% across all sites
        kind: organisational
updates:
{log}"""

#: February and March 2027: the project's first two months, January not logged.
FIRST_QUARTER = """\
  - period: 2027-02
    status: amber
    summary: First four high-volume lists ran
    measures: {long-waits: 205, cases-per-list: 7, day-cases: 24, cancellations: 8}
  - period: 2027-03
    status: green
    summary: Eight lists ran at 9 cases each
    measures: {long-waits: 170, cases-per-list: 9, day-cases: 41, cancellations: 5}
"""


def unrehearsed(stderr: str) -> str:
    """``stderr`` without the line saying the log is wholly after today (it is, until 2027)."""
    return "".join(
        line for line in stderr.splitlines(keepends=True) if "as for a rehearsal" not in line
    )


def write(tmp: Path, log: str) -> Path:
    path = tmp / "facts.yaml"
    path.write_text(FACTS.format(log=log), encoding="utf-8")
    return path


def year_log(*, missing_day_cases: str = "") -> str:
    """Every month of 2027: waits fall 200 → 90, operations rise, cancellations fall."""
    lines = ""
    for month in range(1, 13):
        period = f"2027-{month:02d}"
        figures = {
            "long-waits": 210 - 10 * month,
            "cases-per-list": 6 + month // 3,
            "cancellations": 9 - month // 2,
        }
        if period != missing_day_cases:
            figures["day-cases"] = 20 + 3 * month
        shown = ", ".join(f"{key}: {value}" for key, value in figures.items())
        lines += f"  - period: {period}\n    status: green\n    measures: {{{shown}}}\n"
    return lines


def update(cli: Callable[..., Result], facts: Path, *args: str) -> tuple[Result, Path]:
    out = facts.parent / "update.docx"
    result = cli("update", str(facts), "-d", "coo", "-o", str(out), "--force", *args)
    assert result.exit_code == 0, result.stderr
    return result, out


def measure_row(path: Path, measure: str) -> list[str]:
    """The progress table's row for ``measure``: its six cells, as the reader sees them."""
    for table in docx.Document(str(path)).tables:
        for row in table.rows:
            cells = [cell.text.replace("\u00a0", " ") for cell in row.cells]
            if cells[0] == measure and len(cells) == 6:
                return cells
    raise AssertionError(f"no row for {measure}")


def test_a_quarter_half_logged_at_the_start_is_built_and_the_warning_says_so(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    facts = write(tmp_path, FIRST_QUARTER)
    result, out = update(cli, facts, "--period", "2027-Q1")
    assert "fill-in" not in result.stderr
    assert " ".join(unrehearsed(result.stderr).split()) == (
        "warning: the update for January to March 2027 is built from the progress log's "
        "entries for 2 of its 3 months; with none for January 2027, its totals are left blank"
    )
    text = docx_text(out)
    assert "[" not in text  # nothing to fill in
    assert "Green: on track" in text
    assert "Eight lists ran at 9 cases each." in text


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        (
            "en_GB",
            "warning: the progress log has no entry for June 2027, so the update for April to "
            "June 2027 is a fill-in template: replace each part in [square brackets]",
        ),
        (
            "cy_GB",
            "rhybudd: nid oes cofnod ar gyfer Mehefin 2027 yn y log cynnydd, felly templed i'w "
            "lenwi yw'r diweddariad ar gyfer Ebrill i Fehefin 2027: rhowch eich geiriau eich hun "
            "yn lle pob rhan mewn [cromfachau sgwâr]",
        ),
    ],
)
def test_a_quarter_to_fill_in_names_only_the_months_it_lacks(
    tmp_path: Path, cli: Callable[..., Result], locale: str, expected: str
) -> None:
    # newuser6 F8: with April and May logged, the warning said "no entry for April to June".
    log = "".join(year_log().split("  - period: 2027-06")[0])
    result, out = update(cli, write(tmp_path, log), "--period", "2027-Q2", "--locale", locale)
    warnings = [" ".join(line.split()) for line in result.stderr.splitlines()]
    assert expected in warnings, warnings
    assert "[" in docx_text(out)
    # With no month of the quarter logged, the quarter itself is what the log lacks.
    result, _ = update(cli, write(tmp_path, FIRST_QUARTER), "--period", "2027-Q3")
    assert (
        "warning: the progress log has no entry for July to September 2027, so this is a "
        "fill-in template: replace each part in [square brackets]"
    ) in [" ".join(line.split()) for line in result.stderr.splitlines()]


def test_a_quarter_total_with_a_month_missing_names_the_month(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    _, out = update(cli, write(tmp_path, FIRST_QUARTER), "--period", "2027-Q1")
    row = measure_row(out, "Cataract day cases done in house")
    assert row[1:] == [
        "60 day cases a quarter",
        "180 day cases a quarter",
        "no figure for January 2027",
        "",
        "",
    ]


def test_a_waiting_list_over_a_quarter_is_its_latest_month_never_half_a_patient(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    _, out = update(cli, write(tmp_path, FIRST_QUARTER), "--period", "2027-Q1")
    row = measure_row(out, "Patients waiting over 52 weeks for cataract surgery")
    # 170 in March, not the mean of 205 and 170. One quarter cannot show a change yet, so
    # the 40 of the 210 to clear is not called a share of the way (the board sentence
    # claims none either).
    assert row[3:5] == [
        "170 patients (as at March 2027)",
        "too few figures yet to show a change from baseline",
    ]
    assert "187.5" not in docx_text(out)


def test_a_percentage_over_a_quarter_is_an_average_of_the_months_logged_and_says_so(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    _, out = update(cli, write(tmp_path, FIRST_QUARTER), "--period", "2027-Q1")
    cancellations = measure_row(out, "On-the-day cancellations of cataract operations")
    assert cancellations[3] == "6.5% (average, February to March 2027)"
    operations = measure_row(out, "Cataract operations per theatre session")
    assert operations[3] == "8 operations (average, February to March 2027)"


def test_a_whole_quarter_says_what_it_is_built_from_and_json_says_it_is_no_fill_in(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    facts = write(tmp_path, year_log())
    result, out = update(cli, facts, "--period", "2027-Q2")
    assert result.stdout.splitlines()[-1] == (
        "The update for April to June 2027 is built from the progress log's entries for its "
        "3 months."
    )
    assert unrehearsed(result.stderr) == ""
    # April to June: 32 + 35 + 38 day cases; 150 waiting at the end of June.
    assert measure_row(out, "Cataract day cases done in house")[3] == (
        "105 day cases (April to June 2027)"
    )
    assert measure_row(out, "Patients waiting over 52 weeks for cataract surgery")[3] == (
        "150 patients (as at June 2027)"
    )
    shown = cli(
        "update", str(facts), "-d", "coo", "-o", str(tmp_path / "j.docx"), "-p", "2027-Q2", "--json"
    )
    assert json.loads(shown.stdout)["period"]["fill_in"] is False


def test_a_year_reads_its_levels_as_the_table_does_everywhere(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    facts = write(tmp_path, year_log(missing_day_cases="2027-09"))
    result, out = update(cli, facts, "--period", "2027")
    text = docx_text(out)
    waits = measure_row(out, "Patients waiting over 52 weeks for cataract surgery")
    assert waits[3] == "90 patients (as at December 2027)"  # the charts' last point
    # Operations per session: 6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 9, 10 average 7.8.
    operations = measure_row(out, "Cataract operations per theatre session")
    assert operations[3] == "7.8 operations (average, 2027)"
    assert measure_row(out, "Cataract day cases done in house")[3] == (
        "no figure for September 2027"
    )
    # Gaps are named month by month, as the charts count them: the gap is a month. No total
    # of day cases is on this page, so none is said to leave it out (fixupd25a #6).
    assert (
        "For cataract day cases done in house, no figure for September 2027; gaps are left blank, "
        "not taken as zero."
    ) in text
    assert "July to September 2027" not in text
    # "Delivered so far" and the board never call a year's average "now".
    assert "now 7.8" not in text
    assert (
        "Cataract operations per theatre session: an average of 7.8 operations over 2027, "
        "against a baseline of 6 operations and a target of 10 operations."
    ) in text
    assert "from 6 operations to an average of 7.8 operations over 2027" in text
    # A count of people at a time is the latest month's, there as in the table.
    assert "Patients waiting over 52 weeks for cataract surgery: now 90 patients" in text
    assert "from 210 patients to 90 patients" in text
    assert unrehearsed(result.stderr) == ""


def test_the_welsh_update_says_the_same(tmp_path: Path, cli: Callable[..., Result]) -> None:
    facts = write(tmp_path, FIRST_QUARTER)
    result, out = update(cli, facts, "--period", "2027-Q1", "--locale", "cy_GB")
    assert "heb gofnod ar gyfer Ionawr 2027, mae ei gyfansymiau wedi'u gadael yn wag" in (
        " ".join(result.stderr.split())
    )
    waits = measure_row(out, "Patients waiting over 52 weeks for cataract surgery")
    assert waits[3] == "170 claf (fel yr oedd ym mis Mawrth 2027)"
    cancellations = measure_row(out, "On-the-day cancellations of cataract operations")
    assert cancellations[3].startswith("6.5% (cyfartaledd, ")
    assert measure_row(out, "Cataract day cases done in house")[3] == (
        "dim ffigur ar gyfer Ionawr 2027"
    )


@pytest.mark.parametrize(
    ("measure", "unit", "latest"),
    [
        ("Beds occupied by patients with no criteria to reside", "beds", "170 beds (as at "),
        ("Vacancies in the theatre team", "vacancies", "170 vacancies (as at "),
        ("Average length of stay", "days", "187.5 days (average, "),
        # A rate is written as the rate it is, never as a count of falls.
        ("Falls per 1,000 bed days", "falls", "187.5 per 1,000 bed days (average, "),
        ("Falls rate", "falls", "187.5 (average, "),
    ],
)
def test_a_level_is_read_at_its_latest_month_only_when_it_counts_people_or_things(
    tmp_path: Path, cli: Callable[..., Result], measure: str, unit: str, latest: str
) -> None:
    source = FACTS.format(log=FIRST_QUARTER)
    source = source.replace("Patients waiting over 52 weeks for cataract surgery", measure)
    source = source.replace("unit: patients", f"unit: {unit}")
    facts = tmp_path / "facts.yaml"
    facts.write_text(source, encoding="utf-8")
    _, out = update(cli, facts, "--period", "2027-Q1")
    assert measure_row(out, measure)[3].startswith(latest)


def test_a_quarter_lists_work_done_in_several_of_its_months_once(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    log = ""
    for month, extra in (("04", "Audit shared with practices"), ("05", ""), ("06", "")):
        done = ["Weekly huddle held with the theatre team"] + ([extra] if extra else [])
        log += (
            f"  - period: 2027-{month}\n    status: green\n    done: {done}\n"
            "    measures: {long-waits: 150, cases-per-list: 8, day-cases: 30, cancellations: 6}\n"
        )
    _, out = update(cli, write(tmp_path, log), "--period", "2027-Q2")
    lines = docx_text(out).splitlines()
    # Three months logged the same huddle: the director reads it once, in the order logged.
    assert lines.count("Weekly huddle held with the theatre team") == 1
    done = lines.index("Done this period")
    assert lines[done + 1 : done + 3] == [
        "Weekly huddle held with the theatre team",
        "Audit shared with practices",
    ]


BOARD_FACTS = """\
project:
  title: Physio first
  organisation: Northbeck Trust
  lead: {name: Owen Prendergast, role: Consultant Physiotherapist}
  problem: One GP appointment in seven is for a muscle or joint problem.
  change: First contact physiotherapists in every practice.
  start: 2025-01-01
  end: 2026-12-31
impacts:
  - id: gp
    measure: GP appointments for MSK problems
    unit: appointments
    per: month
    baseline: 5000
    target: 3800
    better: lower
directors:
  - id: dof
    name: Simon Birtles
    role: Chief Finance Officer
    objectives:
      - id: estates
        text: Close two leased office buildings
updates:
"""


def test_the_line_under_the_board_sentence_says_how_its_totals_are_counted(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    # 2024 logs 5,100 and 4,900 in turn (mean 5,000); 2025 logs 4,200 a month.
    months = [(f"2024-{m:02d}", 5100 if m % 2 else 4900) for m in range(1, 13)]
    months += [(f"2025-{m:02d}", 4200) for m in range(1, 13)]
    log = "".join(f"  - {{period: {p}, status: green, measures: {{gp: {v}}}}}\n" for p, v in months)
    facts = tmp_path / "facts.yaml"
    facts.write_text(BOARD_FACTS + log, encoding="utf-8")
    out = tmp_path / "update.docx"
    result = cli("update", str(facts), "-d", "dof", "-p", "2025-Q4", "-o", str(out), "--force")
    assert result.exit_code == 0, result.stderr
    text = docx_text(out)
    # 12 months of 2025, each 5,000 - 4,200 = 800 fewer: 9,600, a figure nowhere above it.
    assert "9,600 fewer GP appointments for MSK problems" in text
    assert "What this has delivered" not in text
    assert "every figure is above" not in text
    # One total: the line names the average it is counted against, with its months, so that
    # the count reconciles by hand (newuser36 #7; it said "against the average before it").
    assert (
        "Use or adapt it in your own report; its total adds up every figure logged since "
        "the change, against the average before it of 5,000 appointments a month (January "
        "to December 2024)."
    ) in text
