"""What the linker offers the lead to confirm, and in what order: the offer pass's rules."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from linkcases import linked
from pitchkit.advice.ranking import link_reason, offer_reason
from pitchkit.facts.schema import Impact, Objective, load_facts
from pitchkit.i18n.translation import language
from pitchkit.init.linkedit import candidates
from pitchkit.recast.align import Link, link, offer_order, offer_rank
from pitchkit.recast.lenses import all_lenses
from pitchkit.recast.measures import Chain, families_disagree
from pitchkit.recast.pitch import recast

DATA = Path(__file__).parent / "data"


def offered(releases: str | None) -> tuple[str, str] | None:
    """How an impact with a money value is linked to a CIP objective, when it is at all."""
    impact = Impact.model_validate(
        {
            "id": "visits",
            "measure": "Unplanned district nursing visits for blocked catheters",
            "unit": "visits",
            "baseline": 900,
            "target": 600,
            "value": {"amount": 45000, "source": "Community nursing unit cost"},
            "releases": releases,
        }
    )
    objective = Objective(id="cip", text="Deliver the £11m cost improvement plan in 2027/28")
    found = link(impact, objective, director_id="dof", lens=all_lenses()["finance"])
    return None if found is None else (found.reason, found.confidence)


@pytest.mark.parametrize("releases", ["cash", None])
def test_money_that_can_be_cash_is_offered_to_a_financial_objective(releases: str | None) -> None:
    assert offered(releases) == ("value", "possible")


def test_money_the_lead_marks_as_capacity_is_not_offered_to_a_financial_objective() -> None:
    # Time freed for other work is not money the trust takes out: labellers accepted such a
    # link once in 88 offers on the eleven labelled sets.
    assert offered("capacity") is None


def test_the_lead_is_asked_about_the_likeliest_links_first() -> None:
    path = DATA / "linkeval-blind10" / "discharge-to-assess-p1"
    proposed = candidates(load_facts(path / "facts.yaml").facts)
    possible = [c for c in proposed if not c.link.claimed]
    # Claimed links first, then the possible ones by the scorer's chance, likeliest first.
    assert [c.link.confidence for c in proposed[: len(proposed) - len(possible)]] == [
        "confident"
    ] * (len(proposed) - len(possible))
    chances = [c.link.chance for c in possible]
    assert None not in chances
    assert chances == sorted(chances, reverse=True)
    assert [offer_order(c.link) for c in possible] == sorted(offer_order(c.link) for c in possible)
    # Days from ready for discharge to leaving, pathway 1, is a cause chain to the
    # operations director's NCTR objective; it is asked before any pair of shared words.
    # (Home care hours -> the Better Care Fund, the chain this test once used, has money
    # behind it and is claimed from the money chance: linking-evaluation.md, "The
    # claim-recall pass".)
    keys = [c.key for c in possible]
    chain = keys.index("p1-delay:coo.nctr")
    words = next(n for n, c in enumerate(possible) if c.link.reason == "words")
    assert possible[chain].link.mismatch == "cause"
    assert chain < words


def test_offer_rank_orders_kinds_of_evidence() -> None:
    chain = Chain("a", ())
    claimed = Link("i", "o", 0.9, "map", (), (), "confident", chain)
    cause = Link("i", "o", 0.5, "map", (), (), "possible", chain, "cause")
    topic = Link("i", "o", 0.5, "map", (), (), "possible", chain, "topic")
    cash = Link("i", "o", 0.45, "value", ("finance",), (), "possible")
    backed = Link("i", "o", 0.5, "words", ("flow",), (("a", "a"),), "possible")
    bare = Link("i", "o", 0.5, "words", (), (("a", "a"),), "possible")
    themes = Link("i", "o", 0.4, "themes", ("flow",), (), "possible")
    other = Link("i", "o", 0.5, "map", (), (), "possible", chain, "time")
    assert [offer_rank(x) for x in (claimed, cause, topic, cash, backed, bare, themes, other)] == [
        0, 1, 2, 2, 2, 3, 3, 3,
    ]  # fmt: skip


def test_a_link_to_an_objective_of_a_year_the_project_misses_is_offered_not_claimed() -> None:
    path = DATA / "money" / "critical-care.yaml"
    facts = load_facts(path).facts
    finance = facts.director("dof")
    assert finance is not None
    # The project delivers nothing in 2026/27, the year of "agency spend within the cap
    # by March 2027": the note does not claim the link (out_of_year), but the lead sees it.
    pitch = recast(facts, finance, today=dt.date(2026, 12, 3))
    assert {(s.impact.id, s.objective.id) for s in pitch.out_of_year} >= {
        ("agency-spend", "agency")
    }
    [offered] = [x for x in pitch.links if (x.impact, x.objective) == ("agency-spend", "agency")]
    assert (offered.confidence, offered.mismatch) == ("possible", "year")
    assert offered not in [s.link for s in pitch.statements]
    english = language("en_GB")
    assert link_reason(offered, english, director_id="dof").startswith(
        "possible -- confirm with supports: [dof.agency]: measure map: both measure agency spend"
    )
    assert offer_reason(offered, english).endswith(
        "but none of this impact's benefit falls in the financial year the objective is for, "
        "so the note does not claim it"
    )
    welsh = offer_reason(offered, language("cy_GB"))
    assert welsh.startswith("posibl: ")
    assert "mlwyddyn ariannol yr amcan" in welsh


@pytest.mark.parametrize(
    ("measure", "text"),
    [
        # Bank shifts for nurses against bank shifts for doctors: both 'bank shifts filled'.
        ("Registered nurse bank shifts filled", "Doctors bank shifts filled at the agreed rate"),
        # Children against adults: both 'mental health beds out of area'.
        (
            "Children placed in mental health beds out of area",
            "No adults placed in mental health beds out of area",
        ),
    ],
)
def test_shared_words_do_not_offer_a_link_the_qualifiers_rule_out(measure: str, text: str) -> None:
    assert families_disagree(measure, text)
    assert linked(measure, text) is None


@pytest.mark.parametrize(
    ("measure", "text"),
    [
        ("Women booked for antenatal care by 10 weeks", "Fewer complaints from women about labour"),
        (
            "Mental health patients waiting over 12 hours in ED",
            "Open the mental health crisis house by April",
        ),
    ],
)
def test_a_group_or_service_shared_alone_offers_no_link(measure: str, text: str) -> None:
    # Like a specialty name, the group or service a measure is about supports a link
    # but cannot make one, not even a possible one.
    assert linked(measure, text) is None


def test_check_does_not_ask_to_confirm_a_link_the_note_could_not_claim_anyway() -> None:
    facts = load_facts(DATA / "money" / "critical-care.yaml").facts
    finance = facts.director("dof")
    assert finance is not None
    pitch = recast(facts, finance, today=dt.date(2026, 12, 3))
    year = [x for x in pitch.links if x.mismatch == "year"]
    assert year
    # Confirming it in supports: would not make the note claim it: check's
    # impact-possible finding leaves it out; objective-year says why instead.
    assert not set(year) & set(pitch.possible)


def test_an_infection_prevented_is_offered_to_an_antibiotic_use_objective() -> None:
    found = linked(
        "Hospital-onset E. coli bloodstream infections",
        "Cut total antibiotic use by 10% in line with the national AMR action plan",
    )
    assert found is not None
    assert (found.confidence, found.mismatch) == ("possible", "cause")
    assert found.chain is not None
    assert found.chain.labels()[-2:] == (
        "healthcare-associated infections",
        "antimicrobial stewardship",
    )
