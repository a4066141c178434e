"""What an update shows backs what it says (reader27 #6, #7 and fixupd27's leftovers).

Each test writes an update as the reader did and reads its text back.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from docchecks import docx_text
from pitchkit.api import UpdateRequest, write_update

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CRISIS = Path(__file__).resolve().parent / "data" / "fixnew35"


def _charted(text: str) -> list[str]:
    return re.findall(r"([^\n]+?) \((?:XmR|run) chart\)", text)


def _frailty_dof(tmp_path: Path) -> str:
    request = UpdateRequest(
        facts=EXAMPLES / "frailty-virtual-ward" / "facts.yaml",
        director="dof",
        period="2028-03",
        out=tmp_path / "frailty",
        today=dt.date(2028, 4, 6),
    )
    [path] = write_update(request).written
    return docx_text(path)


def _crisis_dof(tmp_path: Path) -> str:
    request = UpdateRequest(
        facts=CRISIS / "facts.yaml",
        director="dof",
        period="2026-11",
        out=tmp_path / "crisis",
        directors=CRISIS / "team.csv",
        today=dt.date(2026, 12, 6),
    )
    [path] = write_update(request).written
    return docx_text(path)


def test_a_chart_behind_a_line_since_the_last_update_is_kept(tmp_path: Path) -> None:
    # reader27 #7: "the lowest figure yet (14.2% in March 2028)" with the readmissions chart
    # left out, and the usual-residence chart no sentence relies on kept instead.
    text = _frailty_dof(tmp_path)
    joined = " ".join(text.split())
    assert "the lowest figure yet (14.2% in March 2028)" in joined
    charted = _charted(text)
    assert "Emergency readmissions within 30 days, patients aged 75 and over" in charted
    assert "Patients aged 75 and over discharged to their usual place of residence" not in charted


def test_the_finance_directors_update_charts_the_bed_days_it_counts_as_delivered(
    tmp_path: Path,
) -> None:
    # reader27 #6: 1 chart of 5, none for the ready-for-discharge bed days "Since the last
    # update" counts as delivered (£164,000).
    text = _crisis_dof(tmp_path)
    joined = " ".join(text.split())
    assert _charted(text)[:2] == [
        "Inappropriate out-of-area placement bed days, adult acute",
        "Bed days of adult acute inpatients clinically ready for discharge",
    ]
    # The second chart's words do not repeat the first's limits word for word, and a trend's
    # note names the points it means, as a shift's does.
    assert (
        "so the points beyond them within it (April and May 2026, above the upper limit; "
        "November 2026, below the lower limit) are part of that trend, not separate signals."
    ) in joined
    # fixupd29: a chart note opens with where its limits come from ("the same N months").
    assert (
        "Limits from the same 8 months as the chart above (trial limits), from figures that are "
        "themselves a trend, with no assurance icon yet; the points beyond them (April 2026, "
        "above the upper limit; October "
        "and November 2026, below the lower limit) are part of that trend, not separate "
        "signals."
    ) in joined
    assert joined.count("Limits from fewer than 12 points are trial limits") == 1
    # The advice sits under "Where we need your help", after the line that names it.
    # fixupd29: the meeting date is said once, in the advice lead-in.
    assert (
        "Nothing is asked of you this period beyond your advice below, for our meeting on 15 "
        "December 2026: thank you for your support. Which cost improvement line should "
        "out-of-area savings count against?"
    ) in joined


def test_a_rise_that_is_extra_spend_has_no_good_news_icon(tmp_path: Path) -> None:
    # reader27 #17: a blue improvement icon beside "rising as planned; each one is extra spend".
    # Making Data Count's purple icon (special cause, neither better nor worse) is used.
    import zipfile

    request = UpdateRequest(
        facts=CRISIS / "facts.yaml",
        director="dof",
        period="2026-11",
        out=tmp_path / "icons",
        directors=CRISIS / "team.csv",
        today=dt.date(2026, 12, 6),
    )
    [path] = write_update(request).written
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    described = re.findall(r'descr="([^"]*)"', xml)
    # The table's icons in its rows' order: out-of-area, agency, ready, nights, readmissions.
    assert described[3] == "Latest point: special cause variation."
    assert described[0] == "Latest point: special cause variation: improvement."
