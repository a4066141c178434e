"""Link proposals a director would laugh at, from a new user's trial (newuser35).

A mental health trust's crisis house and step-down flats: out-of-area placement bed
days, agency nurse shifts, ready-for-discharge bed days, crisis-house nights and
readmissions, put to seven directors. The facts (before ``link``) and the team sheet
are the trial's own (tests/data/fixnew35).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from pitchkit.recast.align import shared_words, wording
from pitchkit.recast.lenses import lens_data
from pitchkit.recast.words import same_word

DATA = Path(__file__).parent / "data" / "fixnew35"
Cli = Callable[..., Result]


@pytest.fixture
def shown(cli: Cli) -> str:
    """What ``pitchkit directors`` prints for the trial's project and team."""
    result = cli("directors", str(DATA / "facts.orig.yaml"), "--directors", str(DATA / "team.csv"))
    assert result.exit_code == 0, result.stderr
    return " ".join(result.stdout.split())


# ------------------------------------------------- 1. a word and a longer word made from it


def test_placement_is_not_offered_on_the_word_place(shown: str) -> None:
    # "Make our trust a place junior doctors choose to train" was offered for
    # out-of-area placement bed days on 'placement' ~ 'place'.
    assert "'placement' ~ 'place'" not in shown
    assert "oap-bed-days → junior-doctors" not in shown


@pytest.mark.parametrize(
    ("impact", "objective", "word"),
    [
        ("Out-of-area placement bed days", "Make our trust a place junior doctors choose", "place"),
        ("Personal health budgets agreed", "Put the person at the centre of care", "person"),
        ("Station turnaround time", "Report the state of the estate to the board", "state"),
        ("Clinical coding backlog", "Open a new eye clinic in the north", "clinic"),
        ("Medicines statement errors", "State the trust's position on restraint", "state"),
    ],
)
def test_a_word_does_not_meet_a_longer_word_that_starts_with_it(
    impact: str, objective: str, word: str
) -> None:
    lens = next(iter(lens_data().lenses.values()))
    pairs, _ = shared_words(wording(impact, lens), wording(objective, lens))
    assert all(theirs.casefold() != word for _, theirs in pairs), pairs


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("patient", "patients"),
        ("nurses", "nursing"),
        ("placements", "placement"),
        ("assessment", "assessed"),
        ("operation", "operating"),
        ("admissions", "admission"),
    ],
)
def test_inflections_and_a_verb_written_as_one_still_meet(one: str, other: str) -> None:
    assert same_word(one, other)
    assert same_word(other, one)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("placement", "place"),
        ("personal", "person"),
        ("station", "state"),
        ("assessment", "assess"),
    ],
)
def test_a_word_and_a_longer_word_made_from_it_do_not_meet(one: str, other: str) -> None:
    assert not same_word(one, other)
    assert not same_word(other, one)


def test_a_noun_still_meets_its_verb_in_a_link() -> None:
    lens = next(iter(lens_data().lenses.values()))
    pairs, _ = shared_words(
        wording("Wait from referral to assessment (days)", lens),
        wording("75% of referrals assessed within 4 weeks", lens),
    )
    assert ("assessment", "assessed") in pairs


# ------------------------------------------- 2. money offered to another kind of spend


def test_placement_money_is_not_offered_to_an_agency_staffing_objective(shown: str) -> None:
    # "Reduce reliance on agency staff" was offered out-of-area placement money because
    # "the objective is financial"; the agency shifts impact still links to it.
    assert "oap-bed-days → reliance-agency-staff" not in shown
    assert "agency-shifts → reliance-agency-staff: measure map" in shown


@pytest.mark.parametrize(
    ("measure", "objective", "offered"),
    [
        ("Out-of-area placement bed days", "Reduce reliance on agency staff", False),
        ("Agency nurse shifts", "Cut out-of-area placements", False),
        ("Out-of-area placement bed days", "Break even in 2026/27", True),
        ("Agency nurse shifts", "Deliver the cost improvement programme", True),
        ("Agency nurse shifts", "Reduce reliance on agency staff", True),
    ],
)
def test_money_goes_to_a_general_money_aim_or_its_own_kind_of_spend(
    measure: str, objective: str, offered: bool
) -> None:
    from pitchkit.facts.models import Impact, Objective
    from pitchkit.recast.align import money_for_finance

    impact = Impact.model_validate(
        {
            "id": "saving",
            "measure": measure,
            "unit": "a year",
            "baseline": 100,
            "target": 50,
            "value": {"amount": 600, "currency": "GBP", "source": "average price"},
            "releases": "cash",
        }
    )
    aim = Objective.model_validate({"id": "aim", "text": objective, "themes": ["finance"]})
    assert money_for_finance(impact, aim) is offered
