"""A map reason must not say the opposite of the impact's direction (newuser11 #3).

The hysteroscopy project moves day cases out of main theatre (900 to 350 a
year) and runs fewer weekend lists (40 to 10); a community trust's nail
surgery avoids referrals to the acute trust's minor operations list. The
map's reasons from day cases and theatre utilisation count on more of them
("day-case lists treat more patients from the waiting list", "more operations
per list treats more patients"), so such an impact takes none of those edges
(``better: higher`` in measures.yaml). A measure that counts the concept's
failures (cancelled day cases, late starts) still does: fewer of them is more.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from linkcases import linked
from pitchkit.api.previewing import PreviewRequest, preview
from pitchkit.notes.preview import plain_preview

RTT = "Reach 65% of patients treated within 18 weeks"
HYS = Path(__file__).resolve().parent / "data" / "newuser11" / "hys" / "facts.yaml"


def test_fewer_day_cases_in_main_theatre_do_not_treat_more_from_the_waiting_list() -> None:
    assert (
        linked("Hysteroscopies done as day cases in main theatre", RTT, baseline=900, target=350)
        is None
    )
    # More day cases: the map's reason holds.
    found = linked(
        "Hysteroscopies done as day cases in main theatre", RTT, baseline=350, target=900
    )
    assert found is not None
    assert found.chain is not None
    assert "day-case lists treat more patients" in found.chain.steps[0].why


def unchained(measure: str, objective: str, baseline: float, target: float) -> bool:
    """Whether the map gives no chain from ``measure`` to ``objective`` (shared words may offer)."""
    found = linked(measure, objective, baseline=baseline, target=target)
    return found is None or (found.chain is None and found.confidence == "possible")


def test_fewer_theatre_lists_or_referrals_to_a_list_are_not_utilisation() -> None:
    weekend = "Weekend waiting list initiative theatre lists for gynaecology"
    assert unchained(weekend, RTT, 40, 10)
    assert unchained(weekend, "Eliminate waits of over 52 weeks for planned treatment", 40, 10)
    referrals = "Referrals of ingrown toenails to the acute trust's minor operations list"
    assert unchained(referrals, "Reduce the number waiting over 18 weeks for treatment", 1100, 250)
    # Before: each took "more operations per list treats more patients from the waiting list".
    found = linked(weekend, RTT, baseline=10, target=40)
    assert found is not None
    assert found.chain is not None


def test_fewer_failures_of_the_concept_still_reach_its_objectives() -> None:
    for measure in (
        "Theatre late starts",
        "Booked day cases cancelled on the day for non-clinical hospital reasons",
        "Theatre sessions delayed or cancelled because a tray was not available",
    ):
        found = linked(measure, RTT, baseline=40, target=10)
        assert found is not None, measure
        assert found.chain is not None, measure
        assert found.chain.steps, measure


def test_the_coo_note_gives_no_reason_the_impact_contradicts() -> None:
    request = PreviewRequest(facts=HYS, director="coo", today=dt.date(2026, 12, 5))
    result = preview(request)
    text = " ".join(plain_preview(result.preview, result.lang).split())
    # fixnu39a: the plan's bullet has a verb ("will fall from").
    assert (
        "hysteroscopies done as day cases in main theatre will fall from 900 to 350"
        in text.casefold()
    )
    assert "Day-case lists treat more patients from the waiting list" not in text
    assert "more operations per list" not in text.casefold()
