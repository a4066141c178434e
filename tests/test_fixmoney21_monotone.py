"""Better figures never count less money (fixmoney21 #2).

The frailty example with its log cut after August 2027, in a note of December
2027: with June's admissions as shipped (93) the finance block counted
"2027/28 £0 forecast … do not show the change"; with a weaker June of 97,
£253,000. June at 93 completes six falling points from March (103, 99, 96,
93, 88, 85), and a signal that began before the change had been read as "an
improvement that began before the change", so the figures were not "too
young" and counted nothing. Whether an improvement began before the change
is now read from the figures before it alone (``actuals._improving_before``).

The property: for the same log, making one figure since the change better
never lowers the money the notes count (the benefit over the project, each
year delivered or forecast). Figures before the change are the baseline the
change is measured from: a better one there may fairly count less.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from pitchkit.api.previewing import PreviewRequest, preview
from pitchkit.facts.schema import load_facts
from pitchkit.notes.context import shown_ledger
from pitchkit.notes.preview import plain_preview
from pitchkit.recast.pitch import recast

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DATA = Path(__file__).resolve().parent / "data"
FRAILTY = EXAMPLES / "frailty-virtual-ward" / "facts.yaml"


def _yaml() -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    return yaml


def _read(path: Path) -> Any:
    return _yaml().load(path.read_text(encoding="utf-8"))


def _write(data: Any, tmp: Path, name: str = "facts.yaml") -> Path:
    buffer = io.StringIO()
    _yaml().dump(data, buffer)
    path = tmp / name
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def frailty_cut(tmp: Path, last: str = "2027-08", june: int | None = None) -> Path:
    """The frailty example's facts, its log cut after ``last``, June's admissions ``june``."""
    data = _read(FRAILTY)
    data["updates"] = [u for u in data["updates"] if str(u["period"]) <= last]
    if june is not None:
        [update] = [u for u in data["updates"] if str(u["period"]) == "2027-06"]
        update["measures"]["admissions"] = june
    return _write(data, tmp)


def block(path: Path, today: dt.date) -> str:
    result = preview(PreviewRequest(facts=path, director="dof", today=today))
    text = " ".join(plain_preview(result.preview, result.lang).split())
    start = text.index("Benefit against")
    return text[start : text.index(".", text.index("per £1", start)) + 1]


@pytest.mark.parametrize("june", [93, 97])
def test_a_better_june_counts_no_less(tmp_path: Path, june: int) -> None:
    line = block(frailty_cut(tmp_path, june=june), dt.date(2027, 12, 3))
    # Three figures since June against 100 a month before: 93, 88, 85 (a gain of 11.3 a month)
    # or 97, 88, 85 (10.0), each at least half the plan's 16.7: too young to show the change,
    # on course. Nothing is counted for June to August, and the plan's full rate for September
    # to March: £434,207 x 213 / 366 = £252,694, so £253,000 either way. It had read "£0
    # forecast ... do not show the change" for 93.
    assert (
        # fixbrief28: a year's funding is "against £X" alone, "of funding" once in the lead.
        "2027/28 £253,000 forecast against £202,000 (nothing counted to the end of "
        "August 2027, as "
        "the log's figures do not yet show the change; the plan's full rate for the rest of the "
        "year); over the project £253,000, net £3,000"
    ) in line


def _money(path: Path, today: dt.date) -> float:
    """The benefit over the project the notes count: each year delivered or forecast."""
    loaded = load_facts(path)
    [director] = [d for d in loaded.facts.directors if d.id == "dof"]
    ledger = shown_ledger(recast(loaded.facts, director, today=today))
    assert ledger is not None
    return ledger.project_benefit


def _since_change(data: Any, impact: Any, today: dt.date) -> list[int]:
    """The positions in ``updates`` of ``impact``'s figures from its change on, before today."""
    changed = str(impact.get("changed") or data["project"]["start"])[:7]
    found = []
    for i, update in enumerate(data["updates"]):
        period = str(update["period"])
        measures = update.get("measures") or {}
        if measures.get(impact["id"]) is None or period[:7] < changed:
            continue
        if "Q" not in period and dt.date.fromisoformat(period[:7] + "-01") >= today:
            continue
        found.append(i)
    return found


CASES = [
    # (facts, log cut after, note's date)
    (FRAILTY, "2027-08", dt.date(2027, 12, 3)),
    (FRAILTY, "2027-07", dt.date(2027, 12, 3)),
    pytest.param(
        FRAILTY,
        "2027-11",
        dt.date(2027, 12, 1),
        # Known and left: July's 88 a quarter of the plan's gain better is 83.8, below
        # August's 85, and breaks the seven falling months from May that show the change:
        # the chart then has no signal (five months below its median of 93, where a shift
        # needs six), and the year counts nothing to November and the plan's rate after it,
        # £144,735 where the log as written counts £314,799. A trend is broken by a month
        # better than the one after it; no rule on the money alone can mend that.
        marks=pytest.mark.xfail(strict=True, reason="a better month breaks a trend"),
    ),
    (FRAILTY, "2028-03", dt.date(2028, 4, 15)),
    (EXAMPLES / "falls-prevention" / "facts.yaml", None, dt.date(2028, 1, 10)),
    (EXAMPLES / "ysbyty-cymunedol" / "facts.yaml", None, dt.date(2027, 10, 10)),
    (DATA / "money" / "improving-before-the-project.yaml", None, dt.date(2026, 12, 5)),
    (DATA / "money" / "two-impacts-one-young.yaml", None, dt.date(2026, 12, 5)),
    (DATA / "money-year-under-way" / "stroke.yaml", None, dt.date(2026, 12, 5)),
    (DATA / "newuser9-money" / "preop.yaml", None, dt.date(2026, 12, 5)),
]


def _cut(facts: Path, cut: str | None) -> Any:
    data = _read(facts)
    if cut is not None:
        data["updates"] = [u for u in data["updates"] if str(u["period"]) <= cut]
    return data


@pytest.mark.parametrize(("facts", "cut", "today"), CASES)
def test_a_better_figure_since_the_change_never_counts_less(
    tmp_path: Path, facts: Path, cut: str | None, today: dt.date
) -> None:
    # Each figure since the change is moved a quarter of the plan's gain a period each way:
    # the log as written must count no less than with that figure worse, and no more than
    # with it better. The frailty ward's June of 93, a quarter of 16.7 worse, is 97.2: the
    # case the finance director queried.
    data = _cut(facts, cut)
    shipped = _money(_write(data, tmp_path, "shipped.yaml"), today)
    tried = 0
    for impact in data["impacts"]:
        if impact.get("value") is None or impact.get("baseline") is None:
            continue
        lower = impact.get("better", "lower") == "lower"
        per = 12 if str(impact.get("per", "year")) == "year" else 1
        planned = abs(float(impact["baseline"]) - float(impact.get("target", 0))) / per
        step = planned / 4 or 1.0
        for i in _since_change(data, impact, today):
            money = {}
            for way in (-1, 1):
                changed = _cut(facts, cut)
                measures = changed["updates"][i]["measures"]
                figure = float(measures[impact["id"]])
                measures[impact["id"]] = max(figure + (-way if lower else way) * step, 0.0)
                money[way] = _money(_write(changed, tmp_path, "changed.yaml"), today)
            period = data["updates"][i]["period"]
            assert money[-1] - 0.5 <= shipped <= money[1] + 0.5, (
                f"{facts.name}: {impact['id']} in {period} a quarter of the plan's gain worse, "
                f"as logged, and better counted £{money[-1]:,.0f}, £{shipped:,.0f}, "
                f"£{money[1]:,.0f}"
            )
            tried += 1
    assert tried
