"""The progress update as a new user meets it: their own small facts file, one fix a test.

The facts below are written from design.md alone, as the acceptance tester
wrote theirs: a discharge project whose bed days serve the Chief Operating
Officer's length-of-stay objective, an ED measure (no figures yet) that
serves their four-hour objective, agency shifts with no change planned, and
a Chief Digital Officer whom nothing serves.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from docchecks import check_docx, docx_text
from pitchkit.cli import app
from test_fixread25b import room_for_every_chart

FACTS = """\
project:
  title: Discharge to assess
  organisation: Example NHS Trust
  lead: {name: Jo Bloggs, role: Discharge lead, email: jo@example.nhs.uk}
  problem: Patients wait in hospital for care packages.
  change: A discharge-to-assess team assesses people at home.
  start: 2027-01-01
impacts:
  - id: beddays
    measure: Occupied bed days, patients with no criteria to reside
    unit: bed days
    per: month
    baseline: 500
    target: 400
    better: lower
    supports: [coo.los]
  - id: ed
    measure: ED attendances seen within four hours
    unit: "%"
    baseline: 70
    target: 78
    better: higher
    supports: [coo.fourhour]
  - id: agency
    measure: Agency shifts on the discharge wards
    unit: shifts
    per: month
    baseline: 300
    target: 300
    better: lower
    supports: [coo.los]  # the lead's link: no map chain from agency shifts to length of stay
advice:
  - Which committee should hear about delays in care packages?
directors:
  - id: coo
    name: Pat Smith
    role: Chief Operating Officer
    objectives:
      - id: los
        text: Reduce length of stay
        kind: organisational
      - id: fourhour
        text: Meet the 78% four-hour standard
        kind: organisational
      - id: team
        text: Build a stronger operations team
        kind: personal
  - id: cio
    name: Lee Hughes
    role: Chief Digital Officer
    objectives:
      - id: epr
        text: Roll out the electronic patient record
        kind: organisational
"""

# Nine quarters before the change (the project starts in January 2027) make the
# baseline: a mean of 1,500 bed days and 900 agency shifts a quarter, with limits
# close around them. The three quarters after it are all below the lower limit:
# special-cause improvement the update may report.
BASELINE_QUARTERS = """\
  - period: 2024-Q4
    status: green
    measures: {beddays: 1490, agency: 895}
  - period: 2025-Q1
    status: green
    measures: {beddays: 1510, agency: 905}
  - period: 2025-Q2
    status: green
    measures: {beddays: 1505, agency: 902}
  - period: 2025-Q3
    status: green
    measures: {beddays: 1495, agency: 898}
  - period: 2025-Q4
    status: green
    measures: {beddays: 1500, agency: 900}
  - period: 2026-Q1
    status: green
    measures: {beddays: 1492, agency: 896}
  - period: 2026-Q2
    status: green
    measures: {beddays: 1508, agency: 904}
  - period: 2026-Q3
    status: green
    measures: {beddays: 1497, agency: 899}
  - period: 2026-Q4
    status: green
    measures: {beddays: 1503, agency: 901}
"""

QUARTERS = (
    """\
updates:
"""
    + BASELINE_QUARTERS
    + """\
  - period: 2027-Q1
    status: green
    summary: Team started
    measures: {beddays: 1400, agency: 800}
  - period: 2027-Q2
    status: amber
    measures: {beddays: 1450, agency: 850}
  - period: 2027-Q3
    status: green
    measures: {beddays: 1375, agency: 799}
"""
)


def write_facts(tmp: Path, log: str = "", name: str = "facts.yaml") -> Path:
    """Write the facts above, with ``log`` (an ``updates:`` block) after them."""
    path = tmp / name
    path.write_text(FACTS + log, encoding="utf-8")
    return path


def run(*args: str) -> tuple[int, str, str]:
    """Run ``pitchkit`` in-process; return exit code, stdout and stderr."""
    result = CliRunner().invoke(app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(autouse=True)
def _written_after_the_logs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Write every update on a day after these logs end, whatever the real date.

    An update reads only the periods over by the day it is written; these
    logs run from 2024 to 2028 and are read whole.
    """
    monkeypatch.setattr("pitchkit.api.update.written_on", lambda: dt.date(2029, 1, 15))


def update_text(facts: Path, director: str, *extra: str) -> str:
    """Make the update with the real command and return the words of the document."""
    out = facts.parent / f"{facts.stem}-{director}.docx"
    code, _, err = run("update", str(facts), "-d", director, "-o", str(out), "--force", *extra)
    assert code == 0, err
    check_docx(out)
    return docx_text(out)


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """The line number of the ``occurrence``-th line containing ``needle``."""
    lines = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    return lines[occurrence - 1]


# ---------------------------------------------------------------- overlapping periods


OVERLAPPING = """\
updates:
  - period: 2027-01
    status: green
    measures: {beddays: 480}
  - period: 2027-02
    status: green
    measures: {beddays: 470}
  - period: 2027-03
    status: green
    measures: {beddays: 460}
  - period: 2027-Q1
    status: green
    measures: {beddays: 1400}
  - period: 2027
    status: green
    measures: {beddays: 5000}
"""


def test_a_quarter_over_logged_months_is_an_error_where_it_is(tmp_path: Path) -> None:
    facts = write_facts(tmp_path, OVERLAPPING)
    source = facts.read_text(encoding="utf-8")
    code, out, err = run("update", str(facts), "-d", "coo", "-p", "2027-Q1", "-o", str(tmp_path))
    assert code == 1
    assert "Wrote" not in out
    first, second = err.splitlines()[:2]
    quarter = line_of(source, "period: 2027-Q1")
    assert first.startswith(f"error: {facts}:{quarter}:13: updates[3].period: 2027-Q1 overlaps ")
    assert "2027-01, already logged at updates[0]" in first
    assert "merge the two entries or remove one" in first
    year = line_of(source, "period: 2027", occurrence=5)
    assert second.startswith(f"error: {facts}:{year}:13: updates[4].period: 2027 overlaps ")
    assert not list(tmp_path.glob("*.docx"))


def test_a_month_inside_a_logged_quarter_is_an_error_in_welsh_too(tmp_path: Path) -> None:
    log = QUARTERS + "  - period: 2027-08\n    status: green\n"
    facts = write_facts(tmp_path, log)
    code, _, err = run("update", str(facts), "-d", "coo", "--locale", "cy", "-o", str(tmp_path))
    assert code == 1
    assert "updates[12].period: mae 2027-08 yn gorgyffwrdd â 2027-Q3" in err
    assert err.startswith("gwall: ")


def test_months_after_logged_quarters_are_still_fine(tmp_path: Path) -> None:
    log = QUARTERS + "  - period: 2027-10\n    status: green\n    measures: {beddays: 450}\n"
    text = update_text(write_facts(tmp_path, log), "coo")
    assert "450 bed days (October 2027)" in text


# ---------------------------------------------------------------- the advice sought


def test_a_logged_update_shows_the_projects_advice_sought(tmp_path: Path) -> None:
    text = update_text(write_facts(tmp_path, QUARTERS), "coo")
    lines = text.splitlines()
    # fixupd28: with nothing else asked, the advice sits under "Where we need your help" after
    # its lead, without a "Your advice" heading of its own.
    assert "Your advice" not in lines
    heading = lines.index("Where we need your help")
    assert lines[heading + 1].startswith(
        "Nothing is asked of you this period beyond your advice below"
    )
    assert lines[heading + 2] == (
        "Which committee should hear about delays in care packages? (carried over)"
    )


def test_a_periods_own_advice_comes_before_the_projects(tmp_path: Path) -> None:
    log = QUARTERS.replace(
        "status: amber\n", "status: amber\n    advice: [Should we add a weekend service?]\n"
    )
    text = update_text(write_facts(tmp_path, log), "coo", "--period", "2027-Q2")
    assert "Should we add a weekend service?" in text
    assert "Which committee should hear" not in text


def test_a_fill_in_template_offers_the_projects_advice_in_brackets(tmp_path: Path) -> None:
    text = update_text(write_facts(tmp_path), "coo")
    assert (
        "[Carried over, keep or delete: Which committee should hear about delays in care packages?]"
    ) in text.splitlines()
    assert "[A question on which you would value their advice]" in text
    source = FACTS.replace(
        "advice:\n  - Which committee should hear about delays in care packages?\n", ""
    )
    bare = tmp_path / "bare.yaml"
    bare.write_text(source, encoding="utf-8")
    assert "[A question on which you would value their advice]" in update_text(bare, "coo")


# ---------------------------------------------------------------- periods in words


MONTHS_THEN_QUARTERS = (
    """\
updates:
"""
    + BASELINE_QUARTERS
    + """\
  - period: 2027-01
    status: green
    measures: {beddays: 450, agency: 280}
  - period: 2027-02
    status: green
    measures: {beddays: 460}
  - period: 2027-03
    status: green
    measures: {beddays: 470}
  - period: 2027-Q2
    status: green
    measures: {beddays: 1400}
  - period: 2027-Q3
    status: green
    measures: {beddays: 1375, agency: 799}
"""
)


def test_a_run_of_quarters_is_named_by_its_months(tmp_path: Path) -> None:
    text = update_text(write_facts(tmp_path, QUARTERS), "coo")
    assert (
        "275 bed days fewer between January and September 2027 than before the change (an "
        "average of 1,500 bed days a quarter, October 2024 to December 2026)."
    ) in text
    assert "January to March 2027 to" not in text
    assert "between January to March" not in text


def test_months_then_quarters_read_as_one_stretch(tmp_path: Path) -> None:
    text = update_text(write_facts(tmp_path, MONTHS_THEN_QUARTERS), "coo")
    # 3 months at 500 and 2 quarters at 1,500: 4,500 bed days expected, 4,155 observed.
    assert (
        "345 bed days fewer between January and September 2027 than before the change (an "
        "average of 1,500 bed days a quarter, October 2024 to December 2026)."
    ) in text
    assert "January 2027 to July" not in text


def test_stretches_across_years_keep_both_years_and_welsh_uses_a_dash(tmp_path: Path) -> None:
    log = QUARTERS + "  - period: 2028-Q1\n    status: green\n    measures: {beddays: 1300}\n"
    facts = write_facts(tmp_path, log)
    assert "January 2027 to March 2028" in update_text(facts, "coo")
    welsh = update_text(facts, "coo", "--locale", "cy")
    assert "Ionawr 2027 – Mawrth 2028" in welsh


def test_a_target_at_the_baseline_says_no_change_was_planned(tmp_path: Path) -> None:
    text = update_text(write_facts(tmp_path, QUARTERS), "coo")
    assert "target met (no change planned)" in text
    assert "0 more" not in text
    log = QUARTERS.replace("agency: 799", "agency: 950")
    worse = update_text(write_facts(tmp_path, log, name="worse.yaml"), "coo")
    assert "worse than the target (no change planned)" in worse


# ---------------------------------------------------------------- the board sentence


def board_sentence(text: str, start: str = "As executive sponsor") -> str:
    """The board sentence: the line of the document that starts with ``start``."""
    [line] = [line for line in text.splitlines() if line.startswith(start)]
    return line


def test_the_board_sentence_credits_only_the_objective_the_change_serves(tmp_path: Path) -> None:
    sentence = board_sentence(update_text(write_facts(tmp_path, QUARTERS), "coo"))
    assert sentence.startswith(
        "As executive sponsor of Discharge to assess, I can report that it has delivered "
        "275 fewer occupied bed days"
    )
    assert sentence.endswith(
        "between January and September 2027, contributing to our objective to reduce "
        "length of stay."
    )
    assert "four-hour" not in sentence
    assert "objectives" not in sentence


ED_BASELINE = (69.5, 70.5, 70, 69.5, 70.5, 70, 69.5, 70.5, 70)


def test_changes_serving_different_objectives_are_credited_each_to_its_own(
    tmp_path: Path,
) -> None:
    # The four-hour share, 70% on average before the change, is above its upper limit after it.
    log = QUARTERS.replace("agency: 799}", "agency: 799, ed: 75}")
    log = log.replace("agency: 800}", "agency: 800, ed: 76}")
    log = log.replace("agency: 850}", "agency: 850, ed: 75}")
    for before, ed in zip((895, 905, 902, 898, 900, 896, 904, 899, 901), ED_BASELINE, strict=True):
        log = log.replace(f"agency: {before}}}", f"agency: {before}, ed: {ed}}}")
    facts = write_facts(tmp_path, log)
    # Without the lead's link for agency shifts, only the two changes with objectives count.
    agency_link = "    supports: [coo.los]  # the lead's link: no map chain from agency shifts"
    text = facts.read_text(encoding="utf-8")
    assert agency_link in text
    facts.write_text(
        "\n".join(line for line in text.splitlines() if not line.startswith(agency_link)) + "\n",
        encoding="utf-8",
    )
    sentence = board_sentence(update_text(facts, "coo"))
    assert (
        "275 fewer occupied bed days, patients with no criteria to reside between "
        "January and September 2027, contributing to our objective to reduce length of stay. "
        "It has also delivered an improvement in ED attendances seen within four hours from an "
        "average of 70% before the change to 75%, contributing to our objective to meet the 78% "
        "four-hour standard."
    ) in sentence
    welsh = board_sentence(update_text(facts, "coo", "--locale", "cy"), "Fel noddwr")
    # The objectives are in English: the Welsh sentence names each whole, in quotes.
    assert "gan gyfrannu at ein hamcan, sef “Reduce length of stay”. Mae hefyd wedi cyflawni" in (
        welsh
    )


def test_a_director_no_objective_links_to_still_hears_what_was_delivered(
    tmp_path: Path,
) -> None:
    text = update_text(write_facts(tmp_path, QUARTERS), "cio")
    sentence = board_sentence(text)
    assert sentence == (
        "As executive sponsor of Discharge to assess, I can report that it has delivered 275 "
        "fewer occupied bed days, patients with no criteria to reside and 251 fewer agency "
        "shifts on the discharge wards between January and September 2027."
    )
    assert "do not yet show a change" not in text
    assert "What this has delivered toward your objectives" not in text


def test_with_nothing_delivered_the_sentence_says_so(tmp_path: Path) -> None:
    log = QUARTERS.replace("1400", "1600").replace("1450", "1550").replace("1375", "1500")
    log = log.replace("800}", "900}").replace("850}", "950}").replace("799}", "900}")
    text = update_text(write_facts(tmp_path, log), "cio")
    assert "its figures do not yet show a change we can report" in text


# ---------------------------------------------------------------- the fill-in template


def delivered_table(path: Path) -> list[list[str]]:
    """The rows of the table under "What this has delivered toward your objectives"."""
    document = docx.Document(str(path))
    for table in document.tables:
        cells = [[cell.text for cell in row.cells] for row in table.rows]
        if cells and cells[0] == ["Your objective", "Delivered so far"]:
            return cells[1:]
    return []


def test_a_fill_in_with_no_log_lists_the_directors_objectives(tmp_path: Path) -> None:
    facts = write_facts(tmp_path)
    out = tmp_path / "fill-in.docx"
    assert run("update", str(facts), "-d", "coo", "-o", str(out))[0] == 0
    text = docx_text(out)
    assert "Draft to complete" in text
    assert "What this has delivered toward your objectives" in text
    prompt = "[What has been delivered toward this so far, in numbers]."
    assert delivered_table(out) == [
        [
            "Reduce length of stay",
            f"Occupied bed days, patients with no criteria to reside: {prompt}",
        ],
        # Agency shifts plan no change (300 to 300), so they serve no objective, even the one
        # their 'supports:' names, and are not asked about (check says why: impact-no-change).
        ["Meet the 78% four-hour standard", f"ED attendances seen within four hours: {prompt}"],
        [
            "Build a stronger operations team",
            f"[The measure that shows progress on this, if any]: {prompt}",
        ],
    ]


def test_a_fill_in_for_a_director_nothing_serves_still_lists_their_objective(
    tmp_path: Path,
) -> None:
    out = tmp_path / "cio.docx"
    assert run("update", str(write_facts(tmp_path)), "-d", "cio", "-o", str(out))[0] == 0
    [(objective, delivered)] = delivered_table(out)
    assert objective == "Roll out the electronic patient record"
    assert delivered.startswith("[The measure that shows progress on this, if any]: [")


def test_a_fill_in_after_logged_periods_prompts_for_measures_without_figures(
    tmp_path: Path,
) -> None:
    facts = write_facts(tmp_path, QUARTERS)
    out = tmp_path / "q4.docx"
    assert run("update", str(facts), "-d", "coo", "-p", "2027-Q4", "-o", str(out))[0] == 0
    rows = delivered_table(out)
    assert rows[0] == [
        "Reduce length of stay",
        # A draft's row is as at the last period logged (newuser32 #8).
        "Occupied bed days, patients with no criteria to reside: as at July to September 2027, "
        "275 bed days fewer between January and September 2027 than before the change (an "
        "average of 1,500 bed days a quarter, October 2024 to December 2026).",
    ]
    assert [
        "Meet the 78% four-hour standard",
        "ED attendances seen within four hours: "
        "[What has been delivered toward this so far, in numbers].",
    ] in rows
    # With figures to report, objectives no measure serves are not asked about again (and
    # agency shifts, planned to stay at 300, serve none).
    assert len(rows) == 2
    assert "[The measure that shows progress on this, if any]" not in str(rows)


FRAILTY = (
    Path(__file__).resolve().parent.parent / "examples" / "frailty-virtual-ward" / "facts.yaml"
)


def test_a_fill_in_template_leaves_out_charts_that_stop_before_its_period(tmp_path: Path) -> None:
    # A draft for April has no April figures: charts ending in March would be last
    # month's, so they come with the update once April is logged.
    out = tmp_path / "april.docx"
    assert run("update", str(FRAILTY), "-d", "coo", "-p", "2028-04", "-o", str(out))[0] == 0
    assert chart_pictures(out) == []
    text = docx_text(out)
    assert "The charts are drawn once the figures for April 2028 are logged" in text
    assert "Charts are shown for" not in text


# ---------------------------------------------------------------- chart signals


def chart_pictures(path: Path) -> list[str]:
    """The alt text of each chart picture in the document (not the icons)."""
    document = docx.Document(str(path))
    texts = [shape._inline.docPr.get("descr", "") for shape in document.inline_shapes]
    return [t for t in texts if t.startswith(("XmR chart of", "Run chart of"))]


def test_points_outside_the_limits_on_the_wrong_side_are_mentioned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "march.docx"
    # fixupd28: no director's March 2028 update draws the discharges chart now (the three
    # charts behind its claims come first), so it is read from one given room for all four.
    room_for_every_chart(monkeypatch)
    assert run("update", str(FRAILTY), "-d", "don", "-o", str(out))[0] == 0
    text = docx_text(out)
    # fixupd29: the readmissions chart's note now also says "Limits from all 15
    # months" (its limits hold 2 shifts), so the residence chart's note is picked by its baseline.
    [residence] = [
        line
        for line in text.splitlines()
        if "Limits from all 15 months" in line and "the baseline of 78%" in line
    ]
    # Since fixupd27/fixupd27b (reader26 #5, reader27 #11) limits that straddle the improvement
    # against the baseline are read by that shift alone: the months below their mean and the
    # points above the upper limit are that shift, named once, not signals of their own (they
    # were "a shift of 7 months below the mean (the old level)" and "2 points above the upper
    # limit (weak evidence …)"). The limits' source is named, and no assurance icon is given.
    assert residence.startswith(
        "From April 2027, a sustained shift (12 months above the baseline of 78%, improvement). "
        "Limits from all 15 months, January 2027 to March 2028, either side of that shift. The "
        "early figures below the mean and the points above the upper limit (January and March "
        "2028) show the shift, not separate signals. No assurance icon until "
    )
    assert "below the lower limit" not in residence
    assert "the old level" not in residence
    assert "weak evidence" not in residence


def test_an_impact_that_plans_no_change_is_left_out_and_check_says_why(tmp_path: Path) -> None:
    # Agency shifts from 300 to 300: nothing about them changes, so no note may say they help
    # an objective, even the one the lead named in 'supports:' (newuser18 #2); check says so.
    facts = write_facts(tmp_path, QUARTERS)
    out = tmp_path / "brief.docx"
    code, _, err = run("brief", str(facts), "-d", "coo", "-o", str(out))
    assert code == 0, err
    text = docx_text(out)
    assert "Agency shifts" not in text
    assert "0 more" not in text
    code, said, _ = run("check", str(facts))
    assert (
        "impact-no-change: The impact 'Agency shifts on the discharge wards' plans no change"
        in said
    )


@pytest.mark.parametrize(
    ("status", "said"),
    [
        ("green", "Nothing needs your help this period: thank you for your support."),
        ("amber", "Nothing needs your help this period: we will tell you at once if the risks"),
        ("red", "Nothing specific is asked of you this period, although the work is off track"),
    ],
)
def test_a_period_that_asks_nothing_says_so_true_to_its_status(
    tmp_path: Path, status: str, said: str
) -> None:
    log = QUARTERS.replace("status: amber\n", f"status: {status}\n")
    path = write_facts(tmp_path, log)
    # No standing question either: with one carried over, the sentence says so (below).
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "advice:\n  - Which committee should hear about delays in care packages?\n", ""
        ),
        encoding="utf-8",
    )
    text = update_text(path, "coo", "--period", "2027-Q2")
    assert said in text
    if status != "green":
        assert "thank you for your support" not in text


@pytest.mark.parametrize(
    ("status", "said"),
    [
        ("green", "Nothing is asked of you this period beyond your advice below: thank you"),
        ("amber", "beyond your advice below: we will tell you at once if the risks"),
        ("red", "beyond your advice below, although the work is off track"),
    ],
)
def test_a_period_that_asks_only_advice_does_not_say_nothing_needs_help(
    tmp_path: Path, status: str, said: str
) -> None:
    # newuser23 #7: "Nothing needs your help this period" above a question carried over
    # under "Your advice" contradicted itself.
    log = QUARTERS.replace("status: amber\n", f"status: {status}\n")
    text = update_text(write_facts(tmp_path, log), "coo", "--period", "2027-Q2")
    assert "Which committee should hear about delays in care packages? (carried over)" in text
    assert said in text
    assert "Nothing needs your help" not in text


# ---------------------------------------------------------------- a fill-in's period length


MONTHS = """\
updates:
  - period: 2027-01
    status: green
    measures: {beddays: 480}
  - period: 2027-02
    status: green
    measures: {beddays: 470}
"""


def measure_rows(path: Path) -> dict[str, list[str]]:
    """The progress table's rows by measure: baseline, target, latest, along, direction."""
    document = docx.Document(str(path))
    for table in document.tables:
        cells = [[cell.text for cell in row.cells] for row in table.rows]
        if cells and cells[0][:3] == ["Measure", "Baseline", "Target"]:
            return {row[0]: row[1:] for row in cells[1:]}
    return {}


def fill_in_row(tmp_path: Path, log: str, period: str, *extra: str) -> list[str]:
    """The bed days row of the fill-in template for ``period``."""
    facts = write_facts(tmp_path, log)
    out = tmp_path / f"{period}.docx"
    code, _, err = run("update", str(facts), "-d", "coo", "-p", period, "-o", str(out), *extra)
    assert code == 0, err
    check_docx(out)
    return measure_rows(out)["Occupied bed days, patients with no criteria to reside"]


@pytest.mark.parametrize(
    ("log", "period", "baseline", "target", "asked"),
    [
        (
            MONTHS,
            "2027-Q2",
            "1,500 bed days a quarter",
            "1,200 bed days a quarter",
            "April to June 2027",
        ),
        (MONTHS, "2027", "6,000 bed days a year", "4,800 bed days a year", "2027"),
        (QUARTERS, "2027-10", "500 bed days a month", "400 bed days a month", "October 2027"),
    ],
)
def test_a_fill_in_shows_baseline_and_target_for_the_period_asked_about(
    tmp_path: Path, log: str, period: str, baseline: str, target: str, asked: str
) -> None:
    row = fill_in_row(tmp_path, log, period)
    assert row[:3] == [baseline, target, f"[figure for {asked}]"]


# ---------------------------------------------------------------- money measures


PREMIUM = """\
  - id: premium
    measure: Premium pay
    unit: "£"
    per: month
    baseline: 180000
    target: 90000
    better: lower
    supports: [coo.los]
"""

# Ten months before the change average £180,000; both months after it are below
# the lower limit, so the chart shows the saving.
PREMIUM_LOG = """\
updates:
  - period: 2026-03
    status: green
    measures: {premium: 178000}
  - period: 2026-04
    status: green
    measures: {premium: 182000}
  - period: 2026-05
    status: green
    measures: {premium: 180000}
  - period: 2026-06
    status: green
    measures: {premium: 179000}
  - period: 2026-07
    status: green
    measures: {premium: 181000}
  - period: 2026-08
    status: green
    measures: {premium: 180000}
  - period: 2026-09
    status: green
    measures: {premium: 178000}
  - period: 2026-10
    status: green
    measures: {premium: 182000}
  - period: 2026-11
    status: green
    measures: {premium: 181000}
  - period: 2026-12
    status: green
    measures: {premium: 179000}
  - period: 2027-01
    status: green
    measures: {premium: 170000}
  - period: 2027-02
    status: green
    measures: {premium: 150000}
"""


def test_money_delivered_reads_as_less_and_is_not_said_to_be_worth_itself(
    tmp_path: Path,
) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text(FACTS.replace("advice:\n", PREMIUM + "advice:\n", 1) + PREMIUM_LOG)
    out = tmp_path / "premium.docx"
    code, _, err = run("update", str(facts), "-d", "coo", "-o", str(out))
    assert code == 0, err
    check_docx(out)
    text = docx_text(out)
    assert [
        "Reduce length of stay",
        "Premium pay: £40,000 less between January and February 2027 than before the change "
        "(an average of £180,000 a month, March to December 2026).",
    ] in delivered_table(out)
    assert "a reduction of £40,000 in premium pay" in board_sentence(text)
    assert "fewer than at the baseline" not in text
    assert "worth £40,000" not in text


def test_a_period_after_the_project_ends_is_warned_about(tmp_path: Path) -> None:
    out = tmp_path / "late.docx"
    code, _, err = run("update", str(FRAILTY), "-d", "coo", "--period", "2031-07", "-o", str(out))
    assert code == 0, err
    assert "warning: July 2031 starts after the project ends (31 March 2028): check --period" in err
    assert "warning: the progress log has no entry for July 2031, so this is a fill-in" in err


def test_a_batch_of_fill_in_updates_says_so(tmp_path: Path) -> None:
    out = tmp_path / "notes"
    code, stdout, err = run(
        "batch", str(FRAILTY), "--kind", "update", "--period", "2030-Q4", "--out", str(out)
    )
    assert code == 0, err
    assert "the progress log has no entry for October to December 2030, so these are" in err
    code, stdout, err = run(
        "batch", str(FRAILTY), "--kind", "update", "--out", str(tmp_path / "logged")
    )
    assert code == 0, err
    assert "fill-in" not in err + stdout
