"""reader25 #5, #6: a chart's markers, icons and words say the same thing, once.

Each test renders an update from an example and reads its text back, pictures'
descriptions included.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from documenttext import document_text
from pitchkit.cli import app
from pitchkit.notes.update import charting, making, spc

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FRAILTY = EXAMPLES / "frailty-virtual-ward" / "facts.yaml"
FALLS = EXAMPLES / "falls-prevention" / "facts.yaml"


def update(tmp: Path, facts: Path, director: str, period: str) -> list[str]:
    out = tmp / f"{facts.parent.name}-{director}-{period}.docx"
    args = ["update", str(facts), "--director", director, "--period", period]
    result = CliRunner().invoke(app, [*args, "--out", str(out)])
    assert result.exit_code == 0, result.output
    return document_text(out.read_bytes()).splitlines()


def row(lines: list[str], measure: str) -> str:
    """The progress table's row for ``measure`` (the first line that starts with it)."""
    return next(line for line in lines if line.startswith(measure) and " | " in line)


def room_for_every_chart(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let an update draw all four frailty charts, on up to three pages.

    fixupd28 (reader27 #7): the charts behind the update's claims come first, so March 2028's
    three charts are admissions, bed days and readmissions in every director's update, and
    usual residence's chart, which no claim rests on, is left out. Its words are read here
    from an update with room for it.
    """
    monkeypatch.setattr(charting, "MAX_CHARTS", 4)
    monkeypatch.setattr(making, "UPDATE_PAGES", 3)


def test_weak_evidence_is_not_marked_or_iconed_as_an_improvement(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # reader25 #5: usual residence's January and March 2028 points, "weak evidence, not
    # counted as an improvement", were drawn as blue improvement squares and the table showed
    # the improvement icon and "improving" for them. A weak point is a plain signal; what the
    # icon and the table say rests on what the words claim (the shift above the baseline).
    residence = "Patients aged 75 and over discharged to their usual place of residence"
    # fixupd28: the update as written no longer charts usual residence; its row is unchanged.
    drawn = update(tmp_path, FRAILTY, "dof", "2028-03")
    assert "(weak evidence, not counted as an improvement)" not in "\n".join(drawn)
    # fixupd29 (reader28 #6): the icon reads the baseline shift as improvement, so the row
    # says "holding at the improved level", not "within normal variation" beside it.
    assert row(drawn, residence).endswith("| holding at the improved level")
    room_for_every_chart(monkeypatch)
    (tmp_path / "room").mkdir()
    lines = update(tmp_path / "room", FRAILTY, "dof", "2028-03")
    text = "\n".join(lines)
    # fixupd27 (reader26 #5): those two points lie within the shift above the baseline, which
    # the limits straddle, so they are part of that shift and no longer listed as weak evidence.
    assert "(weak evidence, not counted as an improvement)" not in text
    assert "a sustained shift (12 months above the baseline of 78%, improvement)" in text
    assert row(lines, residence).endswith("| holding at the improved level")  # fixupd29
    # With no baseline to read the climb by, the same points are still weak evidence.
    climb = [77, 79, 78, 80, 79, 81, 82, 83, 82, 84, 85, 84, 86, 85, 86]
    analysis = spc.analyse(climb, better="higher", target=85, changes=[0], baseline=None)
    assert [s.start for s in analysis.signals if s.weak] == [12, 14]
    assert all(s.improvement is None for s in analysis.signals if s.weak)


def test_limits_that_hold_a_shift_give_no_assurance_icon(tmp_path: Path) -> None:
    # reader25 #6: falls with harm showed "?" although its limits "hold a shift", while the
    # next chart, its limits from a trend, said "No assurance icon until limits … settled".
    lines = update(tmp_path, FALLS, "don", "2028-03")
    harm = row(lines, "Inpatient falls resulting in any harm")
    assert "Assurance:" not in harm
    chart = next(
        line
        for line in lines
        # fixupd29 (reader28 #4): the note opens with where its limits come from, joined to
        # the sentence on the shift they hold (8, 7, 8, 6, 6, 5, 5, 4, 5, 4, 3, 3 falls).
        if line.startswith("Limits from all 12 months, figures that themselves hold a shift")
    )
    assert "No assurance icon until limits can be made from figures that have settled." in chart


def test_lone_points_alike_are_said_once_in_time_order(tmp_path: Path) -> None:
    # reader25 #5, #6: "1 point above the upper limit (the old level), June 2027; 1 point
    # above the upper limit (the old level), April 2027" said one thing twice, latest first.
    falls = "\n".join(update(tmp_path, FALLS, "don", "2028-03"))
    assert "2 points above the upper limit (the old level), April and June 2027" in falls
    assert "1 point above the upper limit (the old level)" not in falls
    # fixupd27: the frailty ward's "2 points above the upper limit (weak evidence, …), January
    # and March 2028" are now part of the shift above the baseline (reader26 #5), not listed.


def test_a_target_met_as_long_as_a_shift_says_how_long(tmp_path: Path) -> None:
    # reader25 #19: admissions at the target 7 months running (and 9 points below the lower
    # limit) read "met since September 2027; not yet shown to last", underselling it. A run
    # at the target as long as a sustained shift says how long it has held; a shorter run
    # (usual residence, 3 months) is still not yet shown to last.
    lines = update(tmp_path, FRAILTY, "dof", "2028-03")
    admissions = row(lines, "Emergency admissions of people aged 75 and over")
    assert "| met for 7 months running, since September 2027 |" in admissions, admissions
    residence = row(lines, "Patients aged 75 and over discharged to their usual place")
    assert "| met since January 2028; not yet shown to last |" in residence, residence


def test_delivered_rows_are_ranked_as_the_brief_ranks_statements(tmp_path: Path) -> None:
    # reader25 #4: the agency row, which delivered nothing, led the out-of-area row, which
    # delivered £727,000 of cash on the same cost improvement objective; and its joined
    # objectives read "…for 2026/27; Cut agency spend…", a capital after a semicolon.
    from test_fixnew35b import copy_project
    from test_fixnew35b import update as update35

    text = update35(copy_project(tmp_path), "dof", "2026-11")
    table = text[text.index("What this has delivered") :]
    out_of_area = table.index("Inappropriate out-of-area placement bed days")
    agency = table.index("Registered nurse agency shifts")
    assert out_of_area < agency
    # fixread31a #2: the agency row leads with its nearest objective, agency spend (one step),
    # then the cost improvement programme (two), which the out-of-area row above names, so
    # the agency row points to it by its place (fixnu40, newuser40 #2: each objective once;
    # pinsD re-pin).
    assert (
        "Cut agency spend to 3.2% of the pay bill, and the second objective above Registered "
        "nurse agency shifts" in table
    )
    assert "; Deliver the £9.5m" not in table
