"""Where recalculated limits start when a series is still moving after the change.

newuser21 #4: district nurse visits fell with wobbles after the change, no strict trend was
found, the limits were made over the whole fall, and months early in it read "above the upper
limit (concern)" on a measure that was improving. Points between the change and where the new
level begins are on the way to it, judged against the limits before the change; a point that
breaks the new limits once the figures have reached the new level is a concern.

Each case is a small series in newuser21's wound-care project (tests/data/newuser21), its
12 months of baseline from October 2024, the change in October 2025: the update is rendered
and its chart caption read back.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

DATA = Path(__file__).resolve().parent / "data" / "newuser21"
COLUMNS = ("dressings-spend", "dn-visits", "ulcer-healing", "cellulitis-admissions")
# The baseline months, October 2024 to September 2025 (mean 6,178 visits; 37% healed).
VISITS = [6102, 6096, 6198, 6324, 6104, 6063, 6149, 6240, 6309, 6193, 6053, 6310]
HEALED = [40, 35, 41, 37, 37, 41, 36, 35, 36, 35, 37, 36]


def _months(count: int) -> list[str]:
    return [f"{2024 + (9 + n) // 12}-{(9 + n) % 12 + 1:02d}" for n in range(count)]


def _caption(
    cli: Callable[..., Result], tmp_path: Path, column: str, after: list[int], *more: str
) -> str:
    """The caption under the XmR chart of ``column``: the baseline, then ``after``."""
    shutil.copy(DATA / "a.yaml", tmp_path / "a.yaml")
    series = (VISITS if column == "dn-visits" else HEALED) + after
    periods = _months(len(series))
    rows = ["period," + ",".join(COLUMNS)]
    for period, value in zip(periods, series, strict=True):
        rows.append(",".join([period, *(str(value) if c == column else "" for c in COLUMNS)]))
    (tmp_path / "log.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = cli(
        "preview", str(tmp_path / "a.yaml"), "-d", "dof", "--kind", "update",
        "--period", periods[-1], "-q", *more,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    at = next(n for n, line in enumerate(lines) if line.endswith(("(XmR chart)", "(siart XmR)")))
    return " ".join(lines[at + 2].split())


# (name, column, figures from October 2025, words the caption must hold, words it must not)
CASES = [
    # A clean step: limits from the change, nothing on the way.
    (
        "clean step",
        "dn-visits",
        [5480, 5530, 5470, 5510, 5560, 5490, 5520, 5450, 5500, 5530],
        ["so the limits are recalculated from October 2025.", "No other signal"],
        ["(concern)", "falling until"],
    ),
    # A ramp (a strict fall of five steps or more) then a level: unchanged by this rule.
    (
        "ramp",
        "dn-visits",
        [6000, 5850, 5700, 5600, 5500, 5400, 5420, 5380, 5410, 5390, 5400, 5370],
        ["falling until March 2026, so the limits are recalculated from April 2026"],
        ["(concern)"],
    ),
    # newuser21's visits: a fall with wobbles (5,811 then 5,829; 5,610 then 5,642). It was
    # "1 point above the upper limit (concern), ending February 2026".
    (
        "wobbling decline",
        "dn-visits",
        [6083, 5998, 5850, 5811, 5829, 5610, 5642, 5640, 5532, 5481, 5401, 5336, 5363, 5332],
        ["falling until May 2026, so the limits are recalculated from June 2026, where it"],
        ["(concern)", "above the upper limit"],
    ),
    # The same fall, then a real rebound: still a concern (it was only "two of three points
    # close to the upper limit (concern)" with limits made over the fall and the rebound).
    (
        "wobbling decline, then a rebound",
        "dn-visits",
        [6083, 5998, 5850, 5811, 5829, 5610, 5642, 5640, 5532, 5481, 5401, 5900, 5950, 5920],
        [
            "recalculated from December 2025",
            "3 points above the upper limit (concern), September to November 2026",
        ],
        [],
    ),
    # A fall to a new level and a rebound from it: the rebound stays a concern.
    (
        "decline, then a rebound",
        "dn-visits",
        [6000, 5700, 5500, 5400, 5400, 5420, 5390, 5410, 5400, 5380, 5900, 5950, 5920],
        ["recalculated from October 2025", "3 points above the upper limit (concern)"],
        [],
    ),
    # Still falling at the last point, a trend of seven or more: the baseline limits stand.
    (
        "still falling",
        "dn-visits",
        [6100, 6000, 5900, 5800, 5700, 5600, 5500, 5400],
        ["still falling, so the limits are not recalculated until it settles"],
        ["(concern)", "at the improved level"],
    ),
    # Four months on the way, then four at the new level: too few to make limits from yet.
    (
        "too few points after the fall",
        "dn-visits",
        [6000, 5950, 5960, 5900, 5500, 5510, 5490, 5500],
        ["falling until January 2026; the limits are recalculated once enough points after"],
        ["(concern)", "on the way to the new level"],
    ),
    # A change that did nothing: no sustained shift, the baseline limits carry on.
    (
        "no change",
        "dn-visits",
        [6150, 6230, 6120, 6290, 6180, 6100, 6260, 6200, 6140, 6210],
        ["No signal: the variation so far is what chance alone would give."],
        ["recalculated"],
    ),
    # Higher is better: a rise with wobbles (44 then 43, 47 then 46). March 2026's 46 read
    # "1 point below the lower limit (concern)" with limits from the change.
    (
        "wobbling rise, higher is better",
        "ulcer-healing",
        [40, 42, 44, 43, 47, 46, 50, 52, 51, 53, 52, 51, 53, 52],
        ["rising until March 2026, so the limits are recalculated from April 2026"],
        ["(concern)"],
    ),
    # Lower is better, and the figures rose: the rise is a concern against the baseline,
    # never "on the way to the new level" nor an improvement.
    (
        "a rise that is worse",
        "dn-visits",
        [6300, 6400, 6550, 6520, 6700, 6680, 6850, 6860, 6840, 6870, 6830, 6850],
        [
            "(12 months above the mean before it, concern), rising until March 2026",
            "4 points above the upper limit (concern)",
        ],
        ["(improvement)", "on the way to the new level"],
    ),
]


@pytest.mark.parametrize(
    ("column", "after", "said", "unsaid"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_where_the_recalculated_limits_start(
    cli: Callable[..., Result],
    tmp_path: Path,
    column: str,
    after: list[int],
    said: list[str],
    unsaid: list[str],
) -> None:
    caption = _caption(cli, tmp_path, column, after)
    for words in said:
        assert words in caption, caption
    for words in unsaid:
        assert words not in caption, caption


def test_the_wobbling_decline_reads_the_same_in_welsh(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    after = [6083, 5998, 5850, 5811, 5829, 5610, 5642, 5640, 5532, 5481, 5401, 5336, 5363, 5332]
    caption = _caption(cli, tmp_path, "dn-visits", after, "--locale", "cy_GB")
    assert "(pwynt olaf y gostyngiad: Mai 2026)" in caption, caption
    assert "o'r pwynt nesaf ymlaen (Mehefin 2026)" in caption, caption
    assert "pryder" not in caption, caption
