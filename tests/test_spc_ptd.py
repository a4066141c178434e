"""The Making Data Count rules against NHSRplotthedots' own test cases.

The cases (``cases.json``) restate the R package's own tests (MIT
licence; credit, and how to get them, in ``tests/data/nhsrplotthedots``'s
README). They come from a public repository, so they are not kept in
pitchkit's history: the tests read them from ``$PITCHKIT_PTD_CASES``, from
``../shared/nhsrplotthedots/`` beside the checkout or from this machine's
notes, and skip (saying why) where none of these is present.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from pitchkit.notes.update import spc

ROOT = Path(__file__).resolve().parent.parent
PLACES = [
    Path(os.environ.get("PITCHKIT_PTD_CASES", "") or ROOT / "missing"),
    ROOT.parent / "shared" / "nhsrplotthedots" / "cases.json",
    Path("/work/notes/nhsrplotthedots/cases.json"),
]
FOUND = next((place for place in PLACES if place.is_file()), None)
CASES: dict[str, Any] = json.loads(FOUND.read_text("utf-8")) if FOUND else defaultdict(list)
pytestmark = pytest.mark.skipif(
    FOUND is None,
    reason="NHSRplotthedots' cases.json is not on this machine (see tests/data/nhsrplotthedots)",
)
PTD_NAMES = {
    "above_ucl": "Above UCL",
    "below_lcl": "Below LCL",
    "trend_up": "7 Point Trend (Increasing)",
    "trend_down": "7 Point Trend (Decreasing)",
    "two_of_three_above": "2 in 3 Above CL",
    "two_of_three_below": "2 in 3 Below CL",
    "shift_above": "7 Points Above CL",
    "shift_below": "7 Points Below CL",
    "common": "Common Cause",
}
DIRECTIONS = {"increase": "higher", "decrease": "lower", "neutral": None}
ASSURANCE = {"pass": "consistent_pass", "fail": "consistent_fail", "hit_and_miss": "inconsistent"}
ANY_LENGTH = spc.Rules(min_run_points=2, min_spc_points=2, min_baseline_points=2)


@pytest.mark.parametrize("case", CASES["seven_point_one_side_mean"])
def test_seven_points_one_side_of_the_mean(case: dict[str, Any]) -> None:
    assert spc.run_ends(case["sides"], 7) == case["expected"]


@pytest.mark.parametrize("case", CASES["part_of_seven_trend"])
def test_part_of_a_run_of_seven(case: dict[str, Any]) -> None:
    assert spc.part_of_run(case["flags"], 7) == case["expected"]


@pytest.mark.parametrize("case", CASES["seven_point_trend"])
def test_seven_point_trend(case: dict[str, Any]) -> None:
    assert spc.trend_ends(case["values"], 7) == case["expected"]


@pytest.mark.parametrize("case", CASES["two_in_three"])
def test_two_in_three(case: dict[str, Any]) -> None:
    assert spc.two_in_three(case["close"], case["sides"]) == case["expected"]


@pytest.mark.parametrize("case", CASES["part_of_two_in_three"])
def test_part_of_two_in_three(case: dict[str, Any]) -> None:
    flags = spc.two_in_three(case["close"], case["sides"])
    assert spc.part_of_two_in_three(flags, case["close"]) == case["expected"]


def test_special_cause_type_weighs_the_rules_as_nhsrplotthedots_does() -> None:
    case = CASES["special_cause_type"]
    types = spc.classify(
        case["values"],
        case["sides"],
        case["outside"],
        in_trend=case["in_trend"],
        in_two=case["in_two"],
        in_shift=case["in_shift"],
    )
    assert [PTD_NAMES[t] for t in types] == case["expected"]


@pytest.mark.parametrize("case", CASES["assurance"])
def test_assurance(case: dict[str, Any]) -> None:
    found = spc.assurance(case["target"], case["upl"], case["lpl"], DIRECTIONS[case["direction"]])
    assert (ASSURANCE[found] if found else None) == case["expected"]


def test_assurance_reads_the_latest_limits_after_a_rebase() -> None:
    case = CASES["assurance_latest_row"]
    for order, expected in zip(case["orders"], case["expected"], strict=True):
        lower, upper = case["rows"][order[-1]]
        found = spc.assurance(case["target"], upper, lower, DIRECTIONS[case["direction"]])
        assert found is not None
        assert ASSURANCE[found] == expected


@pytest.mark.parametrize("case", CASES["spc_standard"], ids=lambda c: c["case"])
def test_mean_and_limits_with_and_without_outlier_screening(case: dict[str, Any]) -> None:
    values = list(CASES["rnorm_123_20"])
    if case["change"]:
        position, value = case["change"]
        values[position - 1] = value  # R counts from 1
    rules = spc.Rules(screen_outliers=case["screen_outliers"])
    analysis = spc.analyse(values, better="higher", rules=rules)
    (segment,) = analysis.segments
    assert segment.centre == pytest.approx(case["mean"], abs=5e-7)
    assert segment.lower == pytest.approx(case["lpl"], abs=5e-6)
    assert segment.upper == pytest.approx(case["upl"], abs=5e-6)
    sides = next((v for k, v in case.items() if k.startswith("relative_to_mean")), None)
    if sides is not None:
        assert [1 if v > segment.centre else -1 for v in values][: len(sides)] == sides


def test_screening_and_fixing_change_the_limits() -> None:
    values = list(CASES["rnorm_123_20"])
    everything = spc.analyse(values, better="higher", rules=spc.Rules(fix_after=0)).segments[0]
    n = CASES["fix_after_n_points"]["n"]
    fixed = spc.analyse(values, better="higher", rules=spc.Rules(fix_after=n)).segments[0]
    assert fixed.lower != everything.lower
    assert fixed.upper != everything.upper
    assert fixed.basis == n
    outlier = [*values[:14], 10.0, *values[15:]]
    screened = spc.analyse(outlier, better="higher").segments[0]
    unscreened = spc.analyse(
        outlier, better="higher", rules=spc.Rules(screen_outliers=False)
    ).segments[0]
    assert unscreened.upper - unscreened.lower > screened.upper - screened.lower


@pytest.mark.parametrize("case", CASES["summary"], ids=lambda c: str(c["slice"]))
def test_summary_of_each_group(case: dict[str, Any]) -> None:
    first, last = case["slice"]
    values = CASES["rnorm_123_20"][first:last]
    analysis = spc.analyse(values, better="higher", rules=ANY_LENGTH)
    (segment,) = analysis.segments
    assert f"{segment.centre:.3g}" == f"{case['mean']:.3g}"
    assert f"{segment.lower:.3g}" == f"{case['lpl']:.3g}"
    assert f"{segment.upper:.3g}" == f"{case['upl']:.3g}"
    flagged = {i for s in analysis.signals for i in s.points}
    assert analysis.count == case["n"]
    assert analysis.count - len(flagged) == case["common_cause"]
    improving = {i for s in analysis.signals if s.improvement for i in s.points}
    assert len(improving) == case["improvement"]
    assert len(flagged - improving) == case["concern"]
    assert analysis.variation == "common"


def test_two_of_three_needs_the_three_points_on_one_side_of_the_mean() -> None:
    case = CASES["two_of_three_opposite_sides"]
    analysis = spc.analyse(case["values"], better=DIRECTIONS[case["direction"]])
    last_two = {len(case["values"]) - 2, len(case["values"]) - 1}
    assert not [s for s in analysis.signals if last_two & set(s.points)]
    assert analysis.variation == "common"
