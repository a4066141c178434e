"""A chart with no baseline of its own claims a change only against the facts' baseline.

Cases from a money and updates trial: when a project's log starts at its change, the chart's mean
and limits come from the months since the change, so its own signals compare
those months with one another. The first months of a measure that then got
worse sit below its mean (a "shift below the mean"), and a measure flat at its
baseline with one bad month sits below a mean that month pulls up. Neither is
a change the project made: the finance director's note must not count money
"delivered" from them, and the update must not call the measure "at the
improved level". Each test writes a facts file, writes the note as a user
does (through the API, on a fixed date) and reads the words back.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from docchecks import docx_text
from pitchkit.api import BriefRequest, UpdateRequest, write_brief, write_update

#: Face-to-face follow-ups, April 2025 to November 2026: a little under the baseline
#: of 900 a month for two months, then higher every month.
WORSENING = [880, 870, 905, 890, 910, 920, 915, 930, 940, 925]
WORSENING += [950, 960, 955, 970, 980, 975, 990, 1000, 995, 1010]
#: Readmissions per 100 discharges, flat at the baseline of 12 but for one month.
FLAT = [12.1, 11.6, 12.4, 11.9, 12.2, 12.0, 11.7, 12.3, 17.5, 12.1, 11.8, 12.2, 11.9]
FOLLOW_UPS = {
    "id": "follow-ups",
    "measure": "Face-to-face dermatology follow-up appointments",
    "unit": "appointments",
    "per": "month",
    "baseline": 900,
    "target": 700,
    "better": "lower",
    "value": {"amount": 120, "source": "Outpatient attendance, NHS reference costs 2016/17"},
    "releases": "capacity",
    "supports": ["dof.cip"],
}
READMISSIONS = {
    "id": "readmissions",
    "measure": "Readmissions within 30 days per 100 discharges",
    "unit": "readmissions per 100 discharges",
    "baseline": 12,
    "target": 9,
    "better": "lower",
    "supports": ["dof.cip"],
}


def _facts(tmp_path: Path, impact: dict[str, Any], figures: list[float]) -> Path:
    """A project from April 2025 to March 2027, logged monthly from April 2025."""
    updates = []
    for n, value in enumerate(figures):
        year, month = 2025 + (3 + n) // 12, (3 + n) % 12 + 1
        updates.append(
            {
                "period": f"{year}-{month:02d}",
                "date": f"{year + (month == 12)}-{month % 12 + 1:02d}-06",
                "status": "amber",
                "summary": "Monthly report",
                "measures": {impact["id"]: value},
            }
        )
    facts = {
        "version": 1.1,
        "project": {
            "title": "Virtual follow-up",
            "organisation": "Example Hospitals NHS Trust",
            "lead": {"name": "Dr Tom Reid", "role": "Consultant", "email": "tom@example.nhs.uk"},
            "problem": "Follow-up waits are long.",
            "change": "Patients send photographs instead of coming to clinic.",
            "start": dt.date(2025, 4, 1),
            "end": dt.date(2027, 3, 31),
            "funding": {"amount": 90000, "source": "Elective recovery fund", "status": "agreed"},
        },
        "impacts": [impact],
        "asks": ["Help us find out why follow-ups are rising"],
        "directors": [
            {
                "id": "dof",
                "name": "Helen Carter",
                "role": "Director of Finance",
                "objectives": [
                    {
                        "id": "cip",
                        "text": "Deliver the £9m cost improvement programme",
                        "kind": "organisational",
                        "target": {"value": 9000000, "unit": "GBP"},
                    }
                ],
            }
        ],
        "updates": updates,
    }
    path = tmp_path / "facts.yaml"
    YAML().dump(facts, path)
    return path


def test_a_measure_that_got_worse_delivered_nothing_in_the_finance_note(tmp_path: Path) -> None:
    facts = _facts(tmp_path, FOLLOW_UPS, WORSENING)
    result = write_brief(BriefRequest(facts, "dof", tmp_path / "out", today=dt.date(2026, 12, 5)))
    text = docx_text(result.written[0])
    # 2025/26 is closed: its benefit is what the log shows, and the log shows the measure
    # worse, which the line says, naming it (truth15, newuser9 §2): nothing counted, not
    # "£0 delivered", nor negative money.
    assert (
        # fixbrief28: a year's funding is "against £X" alone, "of funding" once in the lead.
        "2025/26 £0 counted against £45,000 (the log's figures for that year do not "
        "show the "
        "change, and show face-to-face dermatology follow-up appointments worse than before "
        "it, so nothing is counted)"
    ) in " ".join(text.split())
    assert not re.search(r"[-\u2212]£[\d,]+ delivered", text)


def test_a_flat_measure_with_one_bad_month_is_not_at_an_improved_level(tmp_path: Path) -> None:
    facts = _facts(tmp_path, READMISSIONS, FLAT)
    request = UpdateRequest(facts, "dof", tmp_path / "out", today=dt.date(2026, 5, 10))
    text = docx_text(write_update(request).written[0])
    assert "within normal variation" in text
    assert "at the improved level" not in text
    assert "improving" not in text


def test_the_first_step_down_to_a_new_level_is_not_a_concern(tmp_path: Path) -> None:
    # The stroke case: agency spend about £12,580 a month for five months, then
    # £11,000 in the month of the change and about £9,500 after it. The limits are
    # recalculated from the change (8 months below the mean before it); the month it
    # first fell sits above them, yet £1,580 better than before the change.
    stroke = Path(__file__).parent / "data" / "money-year-under-way" / "stroke.yaml"
    request = UpdateRequest(stroke, "dof", tmp_path, period="2026-11", today=dt.date(2026, 12, 5))
    text = docx_text(write_update(request).written[0])
    [words] = [line for line in text.splitlines() if "level), March 2026" in line]
    assert "1 point above the upper limit (on the way to the new level), March 2026" in words
    assert "(concern)" not in words


def test_the_first_step_up_to_a_worse_level_is_not_an_improvement(tmp_path: Path) -> None:
    # The stroke case the other way round (a sickle cell trial's agency spend): about
    # £12,580 a month for five months, then £14,160 in the month of the change and about
    # £15,700 after it. The limits are recalculated from the change (8 months above the
    # mean before it); the month it first rose sits below them, yet £1,580 worse than
    # before the change. It read "1 point below the lower limit (improvement)", and the
    # update counted the overspend as delivered.
    yaml = YAML()
    facts = yaml.load(Path(__file__).parent / "data" / "money-year-under-way" / "stroke.yaml")
    rise = {"2026-03": 14160, "2026-04": 15360, "2026-05": 15660, "2026-07": 15960}
    rise |= {"2026-08": 15260, "2026-09": 15760, "2026-10": 16060, "2026-11": 15860}
    for entry in facts["updates"]:
        entry["measures"]["agency"] = rise.get(str(entry["period"]), entry["measures"]["agency"])
    path = tmp_path / "facts.yaml"
    yaml.dump(facts, path)
    request = UpdateRequest(
        path, "dof", tmp_path / "out", period="2026-11", today=dt.date(2026, 12, 5)
    )
    lines = docx_text(write_update(request).written[0]).splitlines()
    chart = lines.index("Agency nurse spend on the stroke unit (XmR chart) ")
    words = next(line for line in lines[chart + 1 :] if line.strip())
    assert "a sustained shift (8 months above the mean before it, concern)" in words
    assert "1 point below the lower limit (on the way to the new level), March 2026" in words
    assert "(improvement)" not in words
    assert (
        "Agency nurse spend on the stroke unit: worse than at the baseline: its chart shows a "
        "change the wrong way (concern), so there is no improvement to count."
    ) in lines


def test_a_measure_that_got_worse_is_said_to_have_got_worse(tmp_path: Path) -> None:
    # Sixteen months above the baseline of 900 from August 2025: a sustained shift the
    # wrong way. "No change can be told apart from normal variation yet; 1 more month
    # better than the baseline could show one" hid that change and promised too much.
    facts = _facts(tmp_path, FOLLOW_UPS, WORSENING)
    request = UpdateRequest(facts, "dof", tmp_path / "out", today=dt.date(2026, 12, 5))
    text = docx_text(write_update(request).written[0])
    assert "no change can be told apart" not in text
    assert "could show one" not in text
    assert (
        "Face-to-face dermatology follow-up appointments: worse than at the baseline: its chart "
        "shows a change the wrong way (concern), so there is no improvement to count."
    ) in text
    assert (
        "Virtual follow-up is under way; its figures show no improvement we can report yet, and "
        "those for face-to-face dermatology follow-up appointments have got worse."
    ) in text


def test_the_months_before_a_measure_got_worse_are_not_an_improvement(tmp_path: Path) -> None:
    # Agency spend that only ever got worse: £12,500 a month at the baseline (£150,000 a
    # year), then rising month by month to £17,400. With no months before the change, the
    # mean is worked out over them all, so the early months sit below it and beyond the
    # lower limit: the chart read "a shift of 7 months below the mean (improvement)", though
    # no month was better than the baseline.
    yaml = YAML()
    facts = yaml.load(Path(__file__).parent / "data" / "money-year-under-way" / "stroke.yaml")
    del facts["impacts"][1]["changed"]
    rising = [12500, 12700, 12800, 13000, 13300, 13500, 13600, 14200, 14900, 15600, 16300]
    rising += [17000, 17400]
    for entry, spend in zip(facts["updates"], rising, strict=True):
        entry["measures"]["agency"] = spend
    path = tmp_path / "facts.yaml"
    yaml.dump(facts, path)
    request = UpdateRequest(
        path, "dof", tmp_path / "out", period="2026-11", today=dt.date(2026, 12, 5)
    )
    lines = docx_text(write_update(request).written[0]).splitlines()
    chart = lines.index("Agency nurse spend on the stroke unit (XmR chart) ")
    words = next(line for line in lines[chart + 1 :] if line.strip())
    assert "(improvement" not in words
    assert re.search(r"a shift of \d+ months below the mean \(before the rise\)", words), words
    # The limits come from the rise itself (newuser34 #2): its early months below them are
    # part of that trend, not a finding of their own, and the words say so.
    assert "below the lower limit" not in words, words
    assert "themselves a trend" in words, words
    assert "(concern)" in words
