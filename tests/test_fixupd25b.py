"""reader24 #10-#13, #17: an update claims only what its figures show.

Each test renders an update from an example and reads its words back.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from docchecks import body_and_cells
from pitchkit.cli import app
from test_fixread25b import room_for_every_chart

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FRAILTY = EXAMPLES / "frailty-virtual-ward" / "facts.yaml"
FALLS = EXAMPLES / "falls-prevention" / "facts.yaml"
WELSH = EXAMPLES / "ysbyty-cymunedol" / "facts.yaml"


def update(tmp: Path, facts: Path, director: str, period: str, *options: str) -> list[str]:
    out = tmp / f"{director}-{period}-{len(list(tmp.iterdir()))}.docx"
    args = ["update", str(facts), "--director", director, "--period", period, *options]
    result = CliRunner().invoke(app, [*args, "--out", str(out)])
    assert result.exit_code == 0, result.output
    return body_and_cells(out)


def since_lines(words: list[str], heading: str = "Since the last update") -> list[str]:
    """The lines under "Since the last update (…)", up to the next heading."""
    start = next(i for i, t in enumerate(words) if t.startswith(heading))
    lines: list[str] = []
    for text in words[start + 1 :]:
        if ":" not in text:
            break
        lines.append(text)
    return lines


def test_since_the_last_update_leaves_out_noise_in_either_direction(tmp_path: Path) -> None:
    # reader24 #10: December 2027 said pressure ulcers "fell from 4 … to 3", on a measure
    # the same page calls within normal variation, and left out the falls rate's rise
    # (6.4 to 6.6) and blood pressure's fall (83% to 81%). A move is news only as a
    # signal, a new low or high, a target met or lost, or a figure after a gap.
    lines = since_lines(update(tmp_path, FALLS, "dof", "2027-12"))
    text = "\n".join(lines)
    assert "fell from" not in text
    assert "rose from" not in text
    assert not any(line.startswith("Category 2 or worse pressure ulcers") for line in lines)
    assert any(line.startswith("Inpatient falls resulting in any harm") for line in lines)
    # A survey each quarter has no figure in the months between: no "gap" to report.
    assert "after none for" not in text


def test_a_new_low_or_high_is_reported_either_way(tmp_path: Path) -> None:
    # February 2028: falls with harm at 3, the lowest yet (was "fell from 4 to 3"), and
    # blood pressure at 88%, the highest yet.
    lines = since_lines(update(tmp_path, FALLS, "don", "2028-02"))
    text = "\n".join(lines)
    assert "fell from" not in text
    assert "the lowest figure yet (3 falls in February 2028)" in text
    assert "the highest figure yet (88% in February 2028)" in text


def test_a_count_from_zero_is_judged_by_its_level_not_a_run_above_zero(tmp_path: Path) -> None:
    # reader24 #11: GP appointments released by the new hub have a baseline of 0, so any
    # figure is "above" it: "now above the baseline for 8 months running, so we count the
    # increase as delivered" proved nothing. Its level against the target is said instead,
    # beside the month's real news (ED attendances at their lowest yet).
    words = update(tmp_path, WELSH, "dof", "2027-10", "--locale", "en_GB")
    lines = since_lines(words)
    text = "\n".join(words)
    assert "above the baseline for" not in text
    assert "above the baseline of 0" not in text
    gp = next(line for line in lines if line.startswith("GP appointments released"))
    # reader25 #17: news as a record, as for every measure, not progress to the target.
    assert gp.endswith(": the highest figure yet (440 appointments in October 2027)."), gp
    assert any("the lowest figure yet (338 attendances in October 2027)" in ln for ln in lines)
    cy = since_lines(update(tmp_path, WELSH, "dof", "2027-10"), "Ers y diweddariad")
    assert any("y ffigur uchaf hyd yma (440 apwyntiad, Hydref 2027)" in ln for ln in cy), cy
    assert not any("o'r ffordd at y targed" in ln for ln in cy), cy


def test_a_run_above_a_zero_baseline_is_no_shift() -> None:
    from pitchkit.notes.update import spc

    figures = [None, None, 100.0, 120.0, 150.0, 140.0, 160.0, 150.0, 170.0, 165.0]
    analysis = spc.analyse(
        figures, better="higher", target=600.0, rules=spc.Rules(), changes=[2], baseline=0.0
    )
    assert analysis.baseline_shift is None
    # Against a baseline above zero the same run is a shift.
    analysis = spc.analyse(
        figures, better="higher", target=600.0, rules=spc.Rules(), changes=[2], baseline=50.0
    )
    assert analysis.baseline_shift is not None


def test_a_point_beyond_limits_that_hold_a_shift_is_weak_evidence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # reader24 #12: usual residence's limits come from 15 rising months with a shift below
    # their mean at the start ("These limits … hold a shift"); a point above the upper limit
    # was "new on the chart: 1 point above the upper limit (improvement)". It is weak
    # evidence: not news, not an improvement. The "?" assurance icon is said in words.
    words = update(tmp_path, FRAILTY, "dof", "2028-03")
    lines = since_lines(words)
    assert not any("usual place of residence" in line for line in lines), lines
    text = "\n".join(words)
    assert "1 point above the upper limit (improvement)" not in text
    # fixupd27 (reader26 #5): the points above the upper limit lie within the shift above the
    # baseline, so they are said to be part of it rather than listed as weak evidence.
    assert "points above the upper limit (weak evidence" not in text
    # fixupd28: the charts behind claims come first, so the update as written no longer charts
    # usual residence; its chart's words are read from an update with room for all four.
    room_for_every_chart(monkeypatch)
    (tmp_path / "room").mkdir()
    text = "\n".join(update(tmp_path / "room", FRAILTY, "dof", "2028-03"))
    assert "1 point above the upper limit (improvement)" not in text
    assert "points above the upper limit (weak evidence" not in text
    # reader27 #11: the points are named, and said to show the shift (test_fixupd27b.py).
    assert "the points above the upper limit (January and March 2028) show the shift" in text
    # reader25 #6: limits that hold a shift give no assurance icon (tests/test_fixread25b.py).
    assert "No assurance icon until limits can be made from figures that have settled" in text


def test_a_question_the_log_has_answered_is_not_carried_over(tmp_path: Path) -> None:
    # reader24 #13: the October 2027 entry did "Released bed days recorded in the cost
    # improvement programme tracker"; the DoF's standing question on which line of the cost
    # improvement programme they count against was still "(carried over)" in March 2028.
    question = "Which line of the cost improvement programme"
    september = "\n".join(update(tmp_path, FRAILTY, "dof", "2027-09"))
    assert question in september  # not answered yet
    for period in ("2027-10", "2028-02"):
        assert question not in "\n".join(update(tmp_path, FRAILTY, "dof", period))
    # The other question, not answered, is still carried over until the last period.
    assert "savings release cash, not only capacity? (carried over)" in "\n".join(
        update(tmp_path, FRAILTY, "dof", "2028-02")
    )


def test_the_last_period_carries_no_question_over(tmp_path: Path) -> None:
    # The falls project ends in March 2028: the CQC action plan question was still
    # "(carried over)" in the chief nurse's last update.
    assert "(carried over)" in "\n".join(update(tmp_path, FALLS, "don", "2028-02"))
    for director in ("don", "dof"):
        assert "(carried over)" not in "\n".join(update(tmp_path, FALLS, director, "2028-03"))
    assert "(carried over)" not in "\n".join(update(tmp_path, FRAILTY, "dof", "2028-03"))


def test_answered_by_shares_most_of_the_question_s_subject_words() -> None:
    from pitchkit.facts.schema import Update
    from pitchkit.notes.update.carryover import answered_by
    from pitchkit.period import parse_period

    question = "Which line of the cost improvement programme should the released bed days count?"
    log = [
        Update(period="2027-09", status="green", done=["Cost of the ward reviewed"]),
        Update(
            period="2027-10",
            status="green",
            done=["Released bed days recorded in the cost improvement programme tracker"],
        ),
    ]
    assert answered_by(question, log, parse_period("2027-09")) is None
    found = answered_by(question, log, parse_period("2027-12"))
    assert found is not None
    assert found.period == "2027-10"


def test_an_objective_with_a_number_is_judged_against_the_figures(tmp_path: Path) -> None:
    # reader24 #17: "Reduce avoidable harm from falls and pressure ulcers by a quarter by
    # March 2028" was never compared with the figures, even in the last month. April 2027
    # to March 2028: falls with harm 64 against 84 (7 a month), pressure ulcers 36 against
    # 40; together 100 against 124, 19% fewer, short of a quarter.
    text = "\n".join(update(tmp_path, FALLS, "don", "2028-03"))
    assert (
        "Against the objective: in the 12 months to March 2028, 64 inpatient falls resulting "
        "in any harm (84 at the baseline rate), 24% fewer; 36 Category 2 or worse pressure "
        "ulcers that developed in our care (40 at the baseline rate), 10% fewer; together 100 "
        "(124 at the baseline rate), 19% fewer; short of a quarter." in text
    ), text
    # Before the objective's date (and not the project's last period) it is not judged yet.
    assert "Against the objective" not in "\n".join(update(tmp_path, FALLS, "don", "2027-12"))


def test_the_aim_of_an_objective_is_read_from_its_words() -> None:
    from pitchkit.notes.update.aim import aim_of

    aim = aim_of("Reduce avoidable harm from falls and pressure ulcers by a quarter by March 2028")
    assert aim is not None
    assert (aim.direction, aim.share, aim.words) == ("lower", 0.25, "a quarter")
    raised = aim_of("Increase day-case rates by 10% by 2027")
    assert raised is not None
    assert (raised.direction, raised.share) == ("higher", 0.1)
    assert aim_of("Complete the CQC action plan for community inpatient services") is None
