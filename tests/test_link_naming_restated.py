"""An objective that restates the impact's own measure in another spelling (pass 43b).

* "Children in participating settings seen by an NHS dentist": the words before "in"
  say only who is counted, so the head runs on to what is counted of them, and
  "Children seen by an NHS dentist in the previous 12 months" names it.
* The words straight after that first qualifying word describe the population; a
  phrase that starts there ("severe frailty") names the population, not the measure.
* "not acknowledged" is read as "unacknowledged", and "without" as "no".

See docs/linking.md ("An objective that restates the measure") and
docs/linking-evaluation.md, "Pass 43b".
"""

from __future__ import annotations

import pytest

from linkcases import linked
from pitchkit.recast.measures import RULES
from pitchkit.recast.naming import named_measure

DENTIST = "Children in participating settings seen by an NHS dentist in the last 12 months"
CHILD_ACCESS = "Children seen by an NHS dentist in the previous 12 months back to 2019 levels"
UNACKNOWLEDGED = "Abnormal results not acknowledged 14 days after reporting"
NO_UNACKNOWLEDGED = "No abnormal result unacknowledged for more than 14 days by March 2027"


def test_a_head_of_only_whom_runs_on_to_what_is_counted() -> None:
    found = linked(DENTIST, CHILD_ACCESS, unit="%", baseline=40, target=60)
    assert found is not None
    assert found.confidence == "confident"
    assert found.words == (("seen by an NHS dentist", "seen by an NHS dentist"),)


def test_the_population_is_not_the_measure() -> None:
    # "severe frailty" says whom the reviews are for; the GP contract's frailty
    # requirements are another measure (blind42: wrong when claimed).
    assert (
        named_measure(
            "People with severe frailty with a ReSPECT plan visible on the shared care record",
            "Every PCN delivering the GP contract severe frailty requirements by Q2",
        )
        is None
    )
    assert (
        named_measure(
            "People on the learning disability register with their reasonable adjustments "
            "recorded in the Welsh Clinical Portal alert",
            "75% of adults on the GP learning disability register receiving an annual "
            "health check (LD DES)",
        )
        is None
    )


def test_a_head_with_a_wait_in_it_does_not_run_on() -> None:
    # "Patients waiting" counts a wait: the hip and knee replacements it waits for are
    # what the objective counts, not the wait (blind89).
    assert (
        named_measure(
            "Patients waiting more than 52 weeks for a primary hip or knee replacement",
            "5,200 primary hip and knee replacements a year across the ICS's NHS elective hubs",
        )
        is None
    )


def test_not_acknowledged_is_unacknowledged() -> None:
    found = linked(UNACKNOWLEDGED, NO_UNACKNOWLEDGED, unit="results", baseline=40, target=5)
    assert found is not None
    assert found.confidence == "confident"
    assert found.words == (
        ("Abnormal results not acknowledged 14 days",
         "abnormal result unacknowledged for more than 14 days"),
    )  # fmt: skip


def test_non_face_to_face_keeps_its_non() -> None:
    # "non-face-to-face" is a name of its own: face-to-face checks cut are the non-face-to-face
    # share raised, and the words still say so (blind68, right).
    assert named_measure(
        "Routine device checks done face to face in the device clinic",
        "25% of outpatient activity delivered non-face-to-face",
    )


@pytest.mark.parametrize("rule", ["naming populations", "naming negations"])
def test_without_the_rule_the_old_reading_returns(
    monkeypatch: pytest.MonkeyPatch, rule: str
) -> None:
    measure, objective = (
        (DENTIST, CHILD_ACCESS) if rule == "naming populations" else
        (UNACKNOWLEDGED, NO_UNACKNOWLEDGED)
    )  # fmt: skip
    assert named_measure(measure, objective) is not None
    monkeypatch.setitem(RULES, rule, False)
    named_measure.cache_clear()
    try:
        assert named_measure(measure, objective) is None
    finally:
        named_measure.cache_clear()
