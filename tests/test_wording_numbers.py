"""Figures read as a careful writer puts them, in English and in Welsh.

- A time counted over a period is an amount: "600 fewer a month", not
  "600 hours shorter a month"; a wait is still "12 days shorter".
- A delivered figure goes straight before a measure that opens with its unit:
  "20 fewer inpatient falls", not "a reduction of 20 in inpatient falls".
- Welsh puts a noun after a numeral in the singular: "19,000 diwrnod",
  "5 nyrs", "800 diwrnod gwely", whether the facts file gives the unit in
  Welsh (diwrnodau, nyrsys) or in English (bed days).
- A restated unit cost is written to the pound like the figures beside it
  (£62 → £68), to the penny under £10 or when the cost as given has pence.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from docchecks import docx_text
from pitchkit.notes.wording import names_its_unit

Cli = Callable[..., Result]
ROOT = Path(__file__).resolve().parent.parent

ENGLISH = """\
project:
  title: Discharge lounge open from 8am
  organisation: Example Hospitals NHS Trust
  lead: {name: Sam Hale, role: Discharge Lounge Manager}
  problem: Patients wait in ED for a bed because beds free up late in the day.
  change: A discharge lounge open from 8am.
  start: 2026-01-05
  end: 2027-03-31
impacts:
  - id: boarding
    measure: Hours adult patients wait in ED for a bed after the decision to admit
    unit: hours
    per: month
    baseline: 2400
    target: 1800
    supports: [coo.twelve-hour]
  - id: wait
    measure: Days from referral to first appointment
    unit: days
    baseline: 16
    target: 4
    supports: [coo.twelve-hour]
  - id: refits
    measure: Second fittings of orthotic devices
    unit: appointments
    per: year
    baseline: 1800
    target: 900
    value:
      amount: 62
      source: "Orthotist appointment, local tariff"
      price_year: 2023/24
    supports: [coo.twelve-hour]
  - id: tests
    measure: Repeat blood tests
    unit: tests
    per: year
    baseline: 9000
    target: 6000
    value: {amount: 3, currency: GBP, source: "Phlebotomy consumables", price_year: 2023/24}
    supports: [coo.twelve-hour]
  - id: calls
    measure: Chasing calls to the transport desk
    unit: calls
    per: year
    baseline: 9000
    target: 6000
    value: {amount: 12.40, currency: GBP, source: "Call handling cost", price_year: 2023/24}
    supports: [coo.twelve-hour]
asks:
  - Sponsor the lounge's second year
directors:
  - id: coo
    name: Mark Ellison
    role: Chief Operating Officer
    objectives:
      - id: twelve-hour
        text: Eliminate 12-hour waits in ED from decision to admit
settings: {prices: {year: 2026/27}}
"""

WELSH = """\
project:
  title: Hwb lles staff
  organisation: Bwrdd Iechyd Prifysgol Enghreifftiol
  lead: {name: Elin Morgan, role: Pennaeth Lles Staff}
  problem: Mae absenoldeb salwch staff yn uchel.
  change: Hwb lles staff ym mhob ysbyty mawr.
  start: 2026-01-05
  end: 2027-12-31
impacts:
  - id: mh-days
    measure: Diwrnodau gwaith a gollwyd i salwch iechyd meddwl
    unit: diwrnodau
    per: year
    baseline: 24000
    target: 19000
    value: {amount: 180, currency: GBP, source: "Cost diwrnod o salwch", price_year: 2023/24}
    releases: capacity
    supports: [dof.savings]
  - id: leavers
    measure: Nyrsys newydd sy'n gadael o fewn blwyddyn
    unit: nyrsys
    per: month
    baseline: 7
    target: 5
    supports: [dof.savings]
asks:
  - Noddi'r cais i'r elusen erbyn 31 Ionawr 2027
directors:
  - id: dof
    name: Gareth Price
    role: Cyfarwyddwr Cyllid
    objectives:
      - id: savings
        text: Cyflawni'r rhaglen arbedion £20m ar gyfer 2026/27
settings: {locale: cy_GB, prices: {year: 2026/27}}
"""


def brief_text(cli: Cli, tmp_path: Path, facts: str, director: str) -> str:
    """The text of the briefing note ``facts`` gives ``director``."""
    path = tmp_path / "facts.yaml"
    path.write_text(facts, encoding="utf-8")
    result = cli("brief", str(path), "-d", director, "-o", f"{tmp_path}/out/", "-q")
    assert result.exit_code == 0, result.output
    [written] = (tmp_path / "out").glob("*.docx")
    return docx_text(written)


def test_hours_counted_a_month_are_fewer_and_a_wait_is_shorter(cli: Cli, tmp_path: Path) -> None:
    text = brief_text(cli, tmp_path, ENGLISH, "coo")
    assert "from 2,400 to 1,800 hours a month: 600 fewer a month, a 25% reduction" in text
    assert "hours shorter" not in text
    assert "from 16 to 4 days: 12 days shorter" in text


def test_restated_unit_costs_are_to_the_penny(cli: Cli, tmp_path: Path) -> None:
    text = brief_text(cli, tmp_path, ENGLISH, "coo")
    # Each names the year its price_year gives (newuser6 F6), so the uplift can be checked,
    # and is written (and used) to the penny, never first rounded to the pound (newuser20 #7).
    # Since fixbrief27 (reader26 #11) a costing reads price, base, today's price, then source.
    # fixbrief29: each source is lower-cased after "from the" (the figures are as before).
    assert (
        "£62.00 per appointment at 2023/24 prices (£67.92 at 2026/27), from the orthotist "
        "appointment, local tariff;"
    ) in text
    assert (
        "£3.00 per test at 2023/24 prices (£3.29 at 2026/27), from the phlebotomy consumables"
        in text
    )
    assert (
        "£12.40 per call at 2023/24 prices (£13.58 at 2026/27), from the call handling cost" in text
    )
    assert "£68 at" not in text


def test_a_welsh_note_puts_the_noun_after_a_numeral_in_the_singular(
    cli: Cli, tmp_path: Path
) -> None:
    text = brief_text(cli, tmp_path, WELSH, "dof")
    assert "o 24,000 i 19,000 diwrnod y flwyddyn: 5,000 yn llai y flwyddyn" in text
    assert "o 7 i 5 nyrs y mis: 2 yn llai y mis" in text
    assert "£180 am bob diwrnod" in text
    assert "diwrnodau y flwyddyn" not in text
    assert "nyrsys y mis" not in text


def test_a_welsh_note_words_an_english_unit_in_welsh_in_its_money(cli: Cli, tmp_path: Path) -> None:
    facts = ROOT / "tests" / "data" / "cymraeg_noddwr.yaml"
    # The money line words the unit only when no claimed statement gives the figure: since
    # session 12 "Release 40 beds through length of stay reductions" aims at beds too and
    # the bed days are claimed for it, so the director here has another objective.
    written = facts.read_text(encoding="utf-8").replace(
        "en: Release 40 beds through length of stay reductions",
        "en: Deliver the 2026/27 financial plan",
    )
    text = brief_text(cli, tmp_path, written, "dof")
    assert "(800 diwrnod gwely yn llai y flwyddyn)" in text
    assert "bed days yn llai" not in text


def test_an_update_puts_the_figure_before_a_measure_that_counts_its_unit(
    cli: Cli, tmp_path: Path
) -> None:
    facts = ROOT / "examples" / "falls-prevention" / "facts.yaml"
    result = cli("update", str(facts), "-d", "don", "--period", "2028-03", "-o", f"{tmp_path}/")
    assert result.exit_code == 0, result.output
    [written] = tmp_path.glob("*.docx")
    text = docx_text(written)
    assert "it has delivered 20 fewer inpatient falls resulting in any harm" in text
    assert "a reduction of 20 in inpatient falls" not in text


@pytest.mark.parametrize(
    ("measure", "unit", "counts"),
    [
        ("Hours adult patients wait in ED for a bed", "hours", True),
        ("Emergency admissions for falls", "admissions", True),
        ("Occupied bed days lost waiting for discharge", "bed days", True),
        ("Patients seen within 18 weeks", "%", False),
        ("Agency spend", "£", False),
        ("Time from referral to assessment", "days", False),
    ],
)
def test_names_its_unit(measure: str, unit: str, counts: bool) -> None:
    assert names_its_unit(measure, unit) is counts
