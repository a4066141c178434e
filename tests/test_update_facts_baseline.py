"""An update claims only what its figures show, also with few figures before the change.

Each test writes a facts file, runs ``pitchkit update`` as a user does and
reads the document back:

- with fewer than 5 figures before the change, a sustained run of months
  better than the facts' baseline (6 on a run chart, 7 on an XmR chart, as
  docs/spc.md sets them) is reported as delivered, and the promise "N more
  months better than the baseline could show one" comes true when N more
  months like the latest are logged;
- the limits of such a chart never mix the months before the change with
  those after it, and the months before the improvement are not called a
  concern;
- no "missed consistently" assurance sits beside "target met": while the
  limits wait to be recalculated (or the process has moved past them) the
  icon is left out and the words say why.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from docchecks import docx_text
from documenttext import document_text
from pitchkit.cli import app
from pitchkit.notes.update import spc

HAT = {
    "id": "hat",
    "measure": "Hospital-acquired thrombosis events",
    "unit": "events",
    "per": "year",
    "baseline": 61,
    "target": 40,
    "value": {"amount": 3500, "source": "Cost of treating one HAT", "price_year": "2026/27"},
    "changed": "2027-04-01",
}
ASSESSED = {
    "id": "assessed",
    "measure": "Adult admissions with a VTE risk assessment within 14 hours",
    "unit": "%",
    "baseline": 83,
    "target": 96,
}
#: From February 2027: two months before the change in April, then every month below
#: the baseline of 61 a year (5.08 a month).
HAT_FIGURES = [5, 6, 5, 3, 3, 2, 3, 2, 3, 2, 2, 3]
ASSESSED_FIGURES = [84, 82, 85, 93, 95, 96, 95, 97, 96, 96, 96, 96]
ROW = re.compile(r"^Hospital-acquired thrombosis events: (.*)$", re.MULTILINE)
#: newuser39 #8: the countdown names its rule ("in a row ... (a shift)").
MORE = re.compile(r"(\d+) more months? (?:in a row )?better than the baseline could show one")


def _month(n: int) -> str:
    """The nth month from February 2027, as ``2027-02``."""
    year, month = divmod(1 + n, 12)
    return f"{2027 + year}-{month + 1:02d}"


def _facts(
    tmp_path: Path,
    figures: dict[str, list[float | None]],
    impacts: list[dict[str, Any]],
    locale: str | None = None,
) -> Path:
    count = len(next(iter(figures.values())))
    updates = []
    for n in range(count):
        measures = {k: v[n] for k, v in figures.items() if v[n] is not None}
        period = _month(n)
        year, month = (int(x) for x in period.split("-"))
        reported = dt.date(year + (month == 12), month % 12 + 1, 3)
        updates.append(
            {
                "period": period,
                "date": reported.isoformat(),
                "status": "green",
                "summary": "Steady",
                "measures": measures,
            }
        )
    data: dict[str, Any] = {
        "project": {
            "title": "VTE risk assessment right first time",
            "organisation": "Westbrook Hospitals NHS Foundation Trust",
            "lead": {"name": "Dr Priya Raman", "role": "Thrombosis Lead"},
            "problem": "61 hospital-acquired thrombosis events last year.",
            "change": "An electronic prompt at the post-take ward round.",
            "start": "2027-02-01",
            "end": "2028-06-30",
            "funding": {"amount": 68000, "currency": "GBP", "source": "Charitable funds"},
        },
        "impacts": impacts,
        "asks": ["Champion the prompt at the Clinical Governance Committee"],
        "directors": [
            {
                "id": "don",
                "name": "Joanne Clarke",
                "role": "Chief Nurse",
                "objectives": [
                    {
                        "id": "harm",
                        "text": "Reduce hospital-acquired harm (falls, ulcers, HAT) by 20%",
                        "themes": ["safety"],
                    }
                ],
            }
        ],
        "updates": updates,
    }
    if locale is not None:
        data["settings"] = {"locale": locale}
    for impact in impacts:
        impact.setdefault("supports", ["don.harm"])
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / f"facts-{count}.yaml"
    with path.open("w", encoding="utf-8") as out:
        YAML().dump(data, out)
    return path


def _update(tmp_path: Path, facts: Path, period: str) -> str:
    out = facts.parent / f"update-{period}.docx"
    result = CliRunner().invoke(
        app, ["update", str(facts), "-d", "don", "-p", period, "-o", str(out), "-f"]
    )
    assert result.exit_code == 0, result.output
    return docx_text(out)


def _hat_row(text: str) -> str:
    # Page 1's "Since the last update" line for the measure, when it has one, comes first.
    *_, row = ROW.findall(text)
    return str(row)


def _row_after(tmp_path: Path, figures: list[float], name: str) -> str:
    """The delivered row for ``hat`` in the update for the latest of ``figures``."""
    facts = _facts(tmp_path / name, {"hat": list(figures)}, [dict(HAT)])
    return _hat_row(_update(tmp_path, facts, _month(len(figures) - 1)))


def test_the_months_promised_are_the_months_it_takes(tmp_path: Path) -> None:
    # newuser3 A1: with 2 months before the change, the HAT row said "1 more month" at 7, 8,
    # 10 and 11 months and never claimed the run of months below the baseline. Walk month
    # by month: each promise of N more months must come true after N more months like
    # the latest, and not after one fewer.
    delivered_at = None
    for count in range(7, 12):
        figures = [float(v) for v in HAT_FIGURES[:count]]
        row = _row_after(tmp_path, figures, f"walk{count}")
        found = MORE.search(row)
        if found is None:
            assert "fewer than at the baseline rate" in row, row
            delivered_at = delivered_at or count
            continue
        more = int(found.group(1))
        kept = _row_after(tmp_path, figures + [figures[-1]] * more, f"kept{count}")
        assert "fewer than at the baseline rate" in kept, (count, more, kept)
        if more > 1:
            early = _row_after(tmp_path, figures + [figures[-1]] * (more - 1), f"early{count}")
            assert "no change can be told apart" in early, (count, more, early)
    # Six months below the baseline from April (a run chart's shift) by September 2027.
    assert delivered_at == 8


def test_a_promise_after_a_month_worse_than_the_baseline_is_kept(tmp_path: Path) -> None:
    # The latest month is worse than the baseline (7 against 5.08): the run starts again.
    figures = [5.0, 6.0, 4.0, 3.0, 4.0, 3.0, 2.0, 7.0, 3.0, 4.0]
    row = _row_after(tmp_path, figures, "worse")
    found = MORE.search(row)
    assert found is not None, row
    more = int(found.group(1))
    assert more > 1
    kept = _row_after(tmp_path, figures + [figures[-1]] * more, "worse-kept")
    assert "fewer than at the baseline rate" in kept, kept
    early = _row_after(tmp_path, figures + [figures[-1]] * (more - 1), "worse-early")
    assert "no change can be told apart" in early, early


def test_a_run_below_the_facts_baseline_is_delivered_and_said(tmp_path: Path) -> None:
    facts = _facts(tmp_path, {"hat": [float(v) for v in HAT_FIGURES[:10]]}, [dict(HAT)])
    text = _update(tmp_path, facts, "2027-11")
    # 8 months from April at 61 / 12 = 5.083 a month (40.7), less the 23 logged: 17.7.
    assert (
        "Hospital-acquired thrombosis events: 18 events fewer than at the baseline rate, " in text
    )
    assert "April to November 2027" in _hat_row(text)
    # The chart says what the claim rests on, and the sentence for the board claims it.
    assert (
        "From April 2027, a sustained shift (8 months below the baseline of 5.1 events a month, "
        in text
    )
    assert "18 fewer hospital-acquired thrombosis events" in text


def test_the_shift_against_the_facts_baseline_is_said_in_welsh(tmp_path: Path) -> None:
    figures = {"hat": [float(v) for v in HAT_FIGURES]}
    text = _update(tmp_path, _facts(tmp_path, figures, [dict(HAT)], locale="cy_GB"), "2028-01")
    assert (
        "ni chaiff y 2 fis cyn hynny, sy'n rhy ychydig ar gyfer llinell sylfaen, eu barnu" in text
    )
    assert (
        "mae symudiad parhaus (10 mis islaw'r llinell sylfaen o 5.1 events y mis, gwelliant)"
        in text
    )


def test_limits_never_mix_the_months_before_the_change_with_those_after(tmp_path: Path) -> None:
    # newuser3 A2: 12 figures, 2 of them before the change in April 2027 (too few for a
    # baseline): limits from all 12 called March 2027 a concern above the upper limit.
    facts = _facts(
        tmp_path,
        {"hat": [float(v) for v in HAT_FIGURES], "assessed": [float(v) for v in ASSESSED_FIGURES]},
        [dict(HAT), dict(ASSESSED)],
    )
    text = _update(tmp_path, facts, "2028-01")
    [hat] = [line for line in text.splitlines() if line.startswith("Limits from the 10 months")]
    assert hat.startswith(
        "Limits from the 10 months since the change in April 2027; the 2 months before it, too "
        "few for a baseline, are not judged."
    ), hat
    assert "concern" not in hat
    assert (
        "sustained shift (10 months below the baseline of 5.1 events a month, improvement)" in hat
    )
    # assessed counts from the project's start: its first months, before the improvement took
    # hold, are the level it started from, not a concern.
    [assessed] = [line for line in text.splitlines() if "3 points below the lower limit" in line]
    assert "3 points below the lower limit (the old level), February to April 2027" in assessed
    assert "(concern)" not in assessed


def test_the_limits_come_from_the_points_since_the_change() -> None:
    values = [5.0, 6.0, 5.0, 3.0, 3.0, 2.0, 3.0, 2.0, 3.0, 2.0, 2.0, 3.0]
    analysis = spc.analyse(values, better="lower", changes=[2], baseline=61 / 12)
    [segment] = analysis.segments
    assert segment.start == 2
    assert segment.centre == sum(values[2:]) / 10
    assert analysis.baseline_shift is not None
    assert analysis.baseline_shift.improvement is True
    assert all(i >= 2 for s in analysis.signals for i in s.points)


WAITS = {
    "id": "waits",
    "measure": "Minutes from PE diagnosis to first anticoagulant dose",
    "unit": "minutes",
    "baseline": 60,
    "target": 40,
    "better": "lower",
    "changed": "2028-02",
    "supports": ["don.harm"],
}


def test_no_consistently_fail_icon_beside_target_met(tmp_path: Path) -> None:
    # newuser3 A4: 12 flat months, then a steady fall to 36 (target 40): the table said
    # "target met" beside the orange F of the baseline's limits.
    flat = [60.0, 59, 61, 60, 58, 61, 61, 61, 62, 61, 60, 58]
    falling = [58.0, 56, 55, 52, 51, 48, 47, 44, 42, 40, 38, 36]
    facts = _facts(tmp_path, {"waits": flat + falling}, [dict(WAITS, changed="2028-02")])
    text = _update(tmp_path, facts, _month(23))
    assert "36 minutes (January 2029)" in text
    # Met since November 2028 (40, 38, 36 against 40), while the limits are still the
    # baseline's: not shown to last; said since when, not as the latest month alone
    # (reader21 #9).
    assert "met since November 2028; not yet shown to last" in text
    assert "missed consistently" not in text
    assert (
        "still falling, so the limits are not recalculated until it settles. "
        "No assurance icon until the limits are recalculated at the new level."
    ) in text


def test_no_consistently_fail_icon_when_the_latest_point_is_past_the_limits(
    tmp_path: Path,
) -> None:
    # Steady around 60 since the change, then one month at 38 that meets the target of 40:
    # the limits put the target out of reach, but the process has moved past them.
    figures = [60.0, 59, 61, 60, 58, 61, 61, 61, 62, 61, 60, 58, 59, 38]
    facts = _facts(tmp_path, {"waits": figures}, [dict(WAITS, changed="2027-02")])
    text = _update(tmp_path, facts, _month(13))
    # One month at the target is that month's, not a process that meets it (truth18 #1).
    assert "met in March 2028; not yet shown to last" in text
    assert "target met" not in text
    assert "missed consistently" not in text
    # Said as the improvement it is, not as a fault (newuser8 #8).
    assert "No assurance icon yet: the figures have improved beyond their limits" in text
    assert "moved past its limits" not in text


LONG_WAITS = {
    "id": "long-waits",
    "measure": "Dermatology patients waiting more than 18 weeks for a first appointment",
    "unit": "patients",
    "baseline": 1900,
    "target": 900,
    "better": "lower",
}
#: newuser4 A2: 16 months falling steadily, the last points far below the lower limit.
LONG_WAITS_FIGURES = [1910.0, 1880, 1850, 1790, 1700, 1640, 1560, 1480, 1400]
LONG_WAITS_FIGURES += [1330, 1260, 1200, 1130, 1070, 1010, 960]


@pytest.mark.parametrize(
    ("locale", "missed", "moved"),
    [
        # A steady fall towards the target reads as the improvement it is (newuser8 #8).
        (None, "missed consistently", "No assurance icon until limits can be made from figures"),
        ("cy_GB", "fethu'n gyson", "Dim eicon sicrwydd nes y gellir gwneud terfynau o ffigurau"),
    ],
)
def test_no_consistently_fail_icon_while_the_latest_point_is_past_the_limits_short_of_target(
    tmp_path: Path, locale: str | None, missed: str, moved: str
) -> None:
    # No change date and no baseline stage: the limits come from the whole fall, and the
    # latest point (960, 94% of the way to 900) lies far below them. They no longer
    # describe the process, so they cannot say the target will be missed every time.
    # Made from one long fall, they describe the fall (newuser34 #2): the trend is the
    # signal, and its last points below the limits are part of it, not a second finding.
    figures = {"long-waits": list[float | None](LONG_WAITS_FIGURES)}
    facts = _facts(tmp_path, figures, [dict(LONG_WAITS)], locale=locale)
    text = _update(tmp_path, facts, _month(15))
    assert "below the lower limit" not in text
    assert "o dan y terfyn isaf" not in text
    assert "themselves a trend" in text or "eu hunain yn duedd" in text
    assert missed not in text
    assert moved in text


def _table_row(tmp_path: Path, facts: Path, period: str, measure: str) -> str:
    out = facts.parent / f"row-{period}.docx"
    result = CliRunner().invoke(
        app, ["update", str(facts), "-d", "don", "-p", period, "-o", str(out), "-f"]
    )
    assert result.exit_code == 0, result.output
    text = document_text(out.read_bytes())
    [row] = [line for line in text.splitlines() if line.startswith(measure) and " | " in line]
    return row


def test_direction_beside_a_delivered_change_says_it_holds(tmp_path: Path) -> None:
    # newuser3 C1: the board could report "an improvement from 83% to 96%" while the table
    # beside it said only "within normal variation" (the rising trend ended in July).
    figures = {
        "hat": [float(v) for v in HAT_FIGURES[:10]],
        "assessed": [float(v) for v in ASSESSED_FIGURES[:10]],
    }
    facts = _facts(tmp_path, figures, [dict(HAT), dict(ASSESSED)])
    row = _table_row(tmp_path, facts, "2027-11", "Adult admissions")
    # 96% against a target of 96%, with the target inside the new limits (hit and miss): the
    # months since September met it, which is not yet a process that meets it (truth18 #1;
    # since when, reader21 #9).
    assert row.endswith(
        "| met since September 2027; not yet shown to last | holding at the improved level"
    ), row
    # Ten figures make a run chart, which has no limits: its caption names the trend, and
    # "within normal variation" beside it read as a contradiction (reader20 #6).
    assert "within normal variation" not in row
    assert "an improvement in adult admissions with a VTE risk assessment within 14 hours" in (
        _update(tmp_path, facts, "2027-11")
    )


def test_direction_without_a_change_shown_stays_plain(tmp_path: Path) -> None:
    # A noisy measure whose chart shows no change keeps the plain words.
    noisy = [84.0, 82, 85, 83, 84, 82, 85, 83, 84, 83]
    facts = _facts(tmp_path, {"assessed": noisy}, [dict(ASSESSED)])
    row = _table_row(tmp_path, facts, "2027-11", "Adult admissions")
    assert row.endswith("| within normal variation"), row


@pytest.mark.parametrize(
    ("locale", "heading"), [(None, "This period and next"), ("cy_GB", "Y cyfnod hwn a")]
)
def test_an_entry_with_nothing_done_or_next_has_no_empty_heading_for_them(
    tmp_path: Path, locale: str | None, heading: str
) -> None:
    # newuser4 C3: an entry with no done: or next: printed the heading and nothing under it.
    figures = {"waits": list[float | None]([60.0, 59, 61, 60, 58, 61])}
    facts = _facts(tmp_path, figures, [dict(WAITS, changed="2027-04")], locale=locale)
    text = _update(tmp_path, facts, _month(5))
    assert heading not in text
    with_steps = facts.read_text(encoding="utf-8").replace(
        "summary: Steady", "summary: Steady\n  done: [Trained the night team]", 1
    )
    facts.write_text(with_steps, encoding="utf-8")
    text = _update(tmp_path, facts, _month(0))
    assert heading in text
    assert "Trained the night team" in text


def test_the_money_delivered_is_the_count_shown_times_its_unit_cost(tmp_path: Path) -> None:
    """A finance director multiplies the count the update shows by the unit cost it names."""
    facts = _facts(tmp_path, {"hat": [float(v) for v in HAT_FIGURES[:10]]}, [dict(HAT)])
    text = _update(tmp_path, facts, "2027-11")
    # 17.7 events worked out, 18 shown: 18 x £3,500 = £63,000 (17.7 x £3,500 was £61,800).
    row = "18 events fewer than at the baseline rate, April to November 2027, worth £63,000"
    assert row in text, text
    assert "18 fewer hospital-acquired thrombosis events (worth £63,000" in text
