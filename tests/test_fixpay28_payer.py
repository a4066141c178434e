"""fixpay28: the payers leads write (NHS England, Welsh health boards, the Welsh Government).

A lead wrote ``payer: NHS England`` for specialised commissioning's high-cost
drugs and was refused. Each word now names its body, and a note never counts
another body's money as the organisation's own saving: the finance director's
cash for the plan leaves it out, the money block says whose budget it is in, and
a statement that claims it for a savings objective says so beside its worth.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pitchkit.api.previewing import PreviewRequest, preview
from pitchkit.errors import PitchkitError
from pitchkit.facts.schema import Objective, load_facts
from pitchkit.notes.preview import plain_preview
from pitchkit.recast.whose import home_of, payer, same_payer

TODAY = dt.date(2026, 4, 20)


def facts_file(tmp: Path, organisation: str, payer_word: str, objective: str) -> Path:
    """A biosimilar switch whose drug savings are ``payer_word``'s, beside agency shifts."""
    text = f"""project:
  title: Biosimilar switch for high-cost drugs
  organisation: {organisation}
  lead: {{name: Ann Lee, role: Lead Pharmacist, email: ann.lee@example.nhs.uk}}
  problem: Patients on adalimumab still receive the originator brand, which costs far more.
  change: Pharmacists switch each patient to the biosimilar at their next clinic.
  start: 2026-04-01
  end: 2027-03-31
  funding: {{amount: 40000, source: Transformation fund, status: requested}}
impacts:
  - id: hcd
    measure: Patients on originator adalimumab
    unit: patients
    per: year
    baseline: 300
    target: 60
    value:
      amount: 2000
      source: Originator less biosimilar cost, 2026/27
      price_year: 2026/27
      payer: "{payer_word}"
    releases: cash
    supports: [dof.savings]
  - id: agency
    measure: Agency pharmacist shifts
    unit: shifts
    per: year
    baseline: 100
    target: 60
    value: {{amount: 400, source: Agency invoices 2026/27, price_year: 2026/27}}
    releases: cash
    supports: [dof.savings]
asks: [Back the switch at the medicines optimisation committee]
meeting: {{date: 2026-05-01, director: dof}}
directors:
  - id: dof
    name: Alex Jones
    role: Director of Finance
    objectives:
      - id: savings
        text: {objective}
        themes: [finance]
"""
    path = tmp / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def note(path: Path, locale: str | None = None) -> str:
    result = preview(PreviewRequest(facts=path, director="dof", today=TODAY, locale=locale))
    return " ".join(plain_preview(result.preview, result.lang).split())


TRUST = "Northshire Hospitals NHS Foundation Trust"
BOARD = "Betsi Cadwaladr University Health Board"
CIP = "Deliver the £14m cost improvement programme"


@pytest.mark.parametrize(
    "word", ["NHS England", "NHSE", "specialised commissioning", "NHS England's", "GIG Lloegr"]
)
def test_nhs_englands_money_is_never_the_trusts_saving(tmp_path: Path, word: str) -> None:
    text = note(facts_file(tmp_path, TRUST, word, CIP))
    # 240 patients x £2,000 = £480,000 a year, NHS England's; 40 shifts x £400 = £16,000.
    assert "cash for the financial plan: £16,000 a year (40 fewer shifts a year)" in text
    assert (
        "Not the trust's cash: £480,000 a year from patients on originator adalimumab, "
        "which is NHS England's budget."
    ) in text
    # Claimed for the CIP by the lead's own link, its worth says whose budget it is in.
    assert "an 80% reduction, worth £480,000 a year in NHS England's budget" in text
    assert "£496,000 a year of cash" not in text


def test_welsh_names_nhs_englands_budget(tmp_path: Path) -> None:
    text = note(facts_file(tmp_path, TRUST, "GIG Lloegr", CIP), locale="cy_GB")
    assert "gwerth £480,000 y flwyddyn yng nghyllideb GIG Lloegr" in text
    assert "sydd yng nghyllideb GIG Lloegr" in text


@pytest.mark.parametrize("word", ["health board", "local health board", "LHB", "bwrdd iechyd"])
def test_a_health_boards_own_money_is_its_own(tmp_path: Path, word: str) -> None:
    # In Wales the lead's own health board provides and commissions: its money is its own,
    # whichever objective of its finance director's says it in a trust's words ("CIP").
    text = note(facts_file(tmp_path, BOARD, word, CIP))
    assert "cash for the financial plan: £496,000 a year" in text
    assert "Not the health board's cash" not in text
    assert "in the health board's budget" not in text


def test_a_welsh_government_grant_is_not_the_boards_cash(tmp_path: Path) -> None:
    text = note(facts_file(tmp_path, BOARD, "Welsh Government", "Deliver the £25m savings plan"))
    assert "cash for the financial plan: £16,000 a year" in text
    assert (
        "Not the health board's cash: £480,000 a year from patients on originator "
        "adalimumab, which is the Welsh Government's budget."
    ) in text
    path = facts_file(tmp_path, BOARD, "Llywodraeth Cymru", "Deliver the £25m savings plan")
    welsh = note(path, locale="cy_GB")
    assert "yng nghyllideb Llywodraeth Cymru" in welsh


def test_an_english_trusts_commissioner_is_its_icb(tmp_path: Path) -> None:
    text = note(facts_file(tmp_path, TRUST, "commissioner", CIP))
    assert "which is the ICB's budget." in text
    assert "worth £480,000 a year in the ICB's budget" in text


def test_a_welsh_boards_money_in_an_english_trust_is_the_boards(tmp_path: Path) -> None:
    # An English trust near the border treats Welsh patients their health board pays for.
    text = note(
        facts_file(
            tmp_path, "Countess of Chester Hospital NHS Foundation Trust", "health board", CIP
        )
    )
    assert "which is the health board's budget." in text
    assert "cash for the financial plan: £16,000 a year" in text


@pytest.mark.parametrize(
    ("organisation", "word", "objective", "same"),
    [
        # A health board's own money serves its own savings plan, a trust-style one too.
        (BOARD, "LHB", "Deliver the £14m CIP", True),
        (BOARD, "commissioner", "Deliver the £14m CIP", True),
        (BOARD, "own", "Deliver the £14m CIP", True),
        (BOARD, "NHS England", "Deliver the £14m CIP", False),
        (BOARD, "Welsh Government", "Deliver the £14m CIP", False),
        # An NHS Wales trust is commissioned by the health boards: their money is not its.
        ("Velindre University NHS Trust", "health board", "Deliver the £14m CIP", False),
        (TRUST, "NHSE", CIP, False),
        (TRUST, "council", CIP, False),
        (TRUST, "provider", CIP, True),
    ],
)
def test_same_payer(
    tmp_path: Path, organisation: str, word: str, objective: str, same: bool
) -> None:
    facts = load_facts(facts_file(tmp_path, organisation, word, objective)).facts
    impact = next(i for i in facts.impacts if i.id == "hcd")
    home = home_of(organisation)
    found = same_payer(impact, Objective(id="savings", text=objective), None, home)
    assert found is same, payer(impact, home)


def test_the_refusal_lists_the_words(tmp_path: Path) -> None:
    path = facts_file(tmp_path, TRUST, "the Department of Health", CIP)
    with pytest.raises(PitchkitError) as raised:
        load_facts(path)
    message = str(raised.value)
    assert "'payer' says whose budget the money is in: write one of" in message
    for word in ("NHS England", "NHSE", "health board", "LHB", "Welsh Government", "ICB"):
        assert f" {word}," in message
    assert "GIG Lloegr, bwrdd iechyd" in message


def test_every_word_the_refusal_lists_is_accepted() -> None:
    from pitchkit.facts.fields import _PAYERS_SHOWN, PAYERS, payer_key

    assert all(payer_key(word) in PAYERS for word in _PAYERS_SHOWN)
