"""A priced rise can be new spend (``releases: cost``): never counted as a saving (newuser15 #1).

Each test builds a small project, runs pitchkit on it as a user would and reads
the note, the check or the interview back as text. Every figure is worked out
here by hand from the facts given, never by pitchkit's money code.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from typer.testing import CliRunner

from docchecks import docx_text
from pitchkit.advice import check
from pitchkit.cli import app
from pitchkit.facts.project import open_project, pick_director
from pitchkit.facts.schema import load_facts
from pitchkit.i18n.translation import language
from pitchkit.notes.brief import make_brief_note
from pitchkit.recast.align import money_for_finance

TODAY = dt.date(2026, 12, 3)  # 2026/27: every cost below is at 2026/27 prices
EN = language("en_GB")

ITEMS = """\
  - id: items
    measure: SGLT2 inhibitor prescription items
    unit: items
    per: year
    baseline: 4000
    target: 10000
    value: {{amount: 40, source: Drug Tariff 2026/27, price_year: 2026/27}}
    releases: {releases}
"""
ADMISSIONS = """\
  - id: admissions
    measure: Emergency admissions for heart failure
    unit: admissions
    per: year
    baseline: 600
    target: 400
    value: {{amount: 2000, source: Local tariff 2026/27, price_year: 2026/27}}
    releases: cash
"""


def project(tmp_path: Path, *impacts: str, locale: str = "", releases: str = "cost") -> Path:
    """A one-year ICB project (2027/28) with the impacts given and a finance director."""
    settings = f"settings:\n  locale: {locale}\n" if locale else ""
    text = (
        "project:\n"
        "  title: Kidney health in primary care\n"
        "  organisation: NHS Mersey Vale Integrated Care Board\n"
        "  lead: {name: Tom Hargreaves, role: Clinical Pharmacist, email: tom@example.nhs.uk}\n"
        "  problem: Too few people with CKD take an SGLT2 inhibitor.\n"
        "  change: Pharmacists recall and start eligible patients.\n"
        "  start: 2027-04-01\n"
        "  end: 2028-03-31\n"
        "  funding: {amount: 100000, source: ICB transformation fund}\n"
        "impacts:\n"
        + "".join(impact.format(releases=releases) for impact in impacts)
        + "directors:\n"
        "  - id: cfo\n"
        "    name: Claire Dunn\n"
        "    role: Chief Finance Officer\n"
        "    objectives: [Deliver the ICB financial plan, Keep the prescribing budget in balance]\n"
        "  - id: cmo\n"
        "    name: Dr Funmi Adeyemi\n"
        "    role: Chief Medical Officer\n"
        "    objectives: [Reduce premature mortality from heart disease]\n" + settings
    )
    path = tmp_path / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def note_text(path: Path, director: str, tmp_path: Path) -> str:
    opened = open_project(path)
    note = make_brief_note(opened, pick_director(opened.facts, director), today=TODAY)
    out = tmp_path / f"{director}.docx"
    out.write_bytes(note.data)
    return docx_text(out)


def test_a_cost_impact_alone_is_extra_spend_never_cash_for_the_plan(tmp_path: Path) -> None:
    text = note_text(project(tmp_path, ITEMS), "cfo", tmp_path)
    spend = (10000 - 4000) * 40  # £240,000 a year of new spend
    # The netting is said once (reader25 #10); fixbrief28: on the spend's own line, which the
    # benefit against the funding follows.
    assert (
        f"Extra spend the change adds: £{spend:,} a year (6,000 more items a year), netted "
        "against the benefits."
    ) in text
    assert "cash for the financial plan:" not in text
    assert "None of the benefit is cash for the financial plan" in text
    assert "worth £240,000" not in text
    # Nothing but spend: the year is a net cost, never paid back, and less than £1 per £1.
    assert f"2027/28 −£{spend:,}, a net cost of £{spend + 100_000:,}" in text
    assert f"a net cost of £{spend + 100_000:,}" in text
    assert "no payback" in text or "not paid back" in text
    assert "Each year's benefit is net of the extra spend the change adds." not in text
    # The other director's money line names it as spend too.
    other = note_text(project(tmp_path, ITEMS), "cmo", tmp_path)
    assert f"Each payback here is net of the £{spend:,} a year of extra spend" in other
    assert "Less the extra spend" not in other
    assert "worth £240,000" not in other


def test_a_cost_is_netted_against_the_savings(tmp_path: Path) -> None:
    text = note_text(project(tmp_path, ITEMS, ADMISSIONS), "cfo", tmp_path)
    spend = 6000 * 40  # £240,000
    saving = 200 * 2000  # £400,000 of cash
    net = saving - spend  # £160,000 a year, the whole of 2027/28
    assert "cash for the financial plan: £400,000 a year (200 fewer admissions a year)" in text
    assert "Extra spend the change adds: £240,000 a year (6,000 more items a year)" in text
    assert f"2027/28 £{net:,}, net £{net - 100_000:,}" in text
    assert f"net £{net - 100_000:,}" in text
    months = 12 * 100_000 / net  # 7.5, given to one decimal place
    assert f"payback {months:.1f} months" in text
    assert "£1.60 per £1" in text
    # The statement of the items says it adds to spend, not what it is "worth".
    statement = note_text(project(tmp_path, ITEMS, ADMISSIONS), "cmo", tmp_path)
    assert "worth £240,000" not in statement


def test_welsh_says_the_spend_as_spend(tmp_path: Path) -> None:
    text = note_text(project(tmp_path, ITEMS, locale="cy_GB"), "cfo", tmp_path)
    # Netted once (reader25 #10); fixbrief28: on the spend's own line, as in English, with no
    # netting sentence after the benefit against the funding as well.
    assert (
        "Gwariant ychwanegol a ddaw gyda'r newid: £240,000 y flwyddyn (6,000 items yn fwy y "
        "flwyddyn), wedi'i dynnu o'r buddion."
    ) in text
    assert text.count("wedi'i dynnu o'r buddion") == 1
    assert "Mae budd pob blwyddyn yn net o'r gwariant ychwanegol a ddaw gyda'r newid." not in text


def test_check_warns_of_a_rise_priced_as_a_saving(tmp_path: Path) -> None:
    facts = load_facts(project(tmp_path, ITEMS, releases="cash"))
    found = [f for f in check(facts, director_id="cfo", today=TODAY, lang=EN)]
    [rise] = [f for f in found if f.rule == "rise-priced"]
    assert rise.severity == "warning"
    assert "'SGLT2 inhibitor prescription items' rises" in rise.message
    assert "priced at £40.00, counted as cash" in rise.message
    assert "what each extra one costs" in rise.evidence
    assert "what each one saves elsewhere" in rise.evidence
    assert "releases: cost" in rise.fix
    # Counted as capacity (a saving elsewhere, the usual reading), it is only a note.
    facts = load_facts(project(tmp_path, ITEMS, releases="capacity"))
    found = [f for f in check(facts, director_id="cfo", today=TODAY, lang=EN)]
    [rise] = [f for f in found if f.rule == "rise-priced"]
    assert rise.severity == "info"
    assert "counted as capacity" in rise.message
    # Marked as a cost, the warning goes; a fall priced as cash never gets it.
    facts = load_facts(project(tmp_path, ITEMS, ADMISSIONS))
    found = [f for f in check(facts, director_id="cfo", today=TODAY, lang=EN)]
    assert not [f for f in found if f.rule == "rise-priced"]


def test_a_cost_is_never_offered_to_a_financial_objective(tmp_path: Path) -> None:
    facts = load_facts(project(tmp_path, ITEMS)).facts
    [items] = facts.impacts
    [director] = [d for d in facts.directors if d.id == "cfo"]
    assert not any(money_for_finance(items, objective) for objective in director.objectives)
    saving = load_facts(project(tmp_path, ITEMS, releases="cash")).facts.impacts[0]
    assert any(money_for_finance(saving, objective) for objective in director.objectives)


ANSWERS = [
    "Kidney health in primary care",
    "NHS Mersey Vale Integrated Care Board",
    "Tom Hargreaves",
    "Clinical Pharmacist",
    "tom@example.nhs.uk",
    "Too few people with CKD take an SGLT2 inhibitor",
    "Pharmacists recall and start eligible patients",
    "",  # no strategy
    "",  # no evidence
    "2027-04-01",
    "2028-03-31",
    "100,000",
    "ICB transformation fund",
    "",
    "SGLT2 inhibitor prescription items",  # measure
    "items",
    "1",  # per year
    "4000",
    "10000",
]


def test_init_asks_whether_a_rise_costs_or_saves(tmp_path: Path) -> None:
    from test_init import DIRECTOR, PITCH, feed

    value = [str(len(_unit_costs()) + 1), "40", "Drug Tariff 2026/27"]
    answers = [*ANSWERS, *value, "1", "ePACT2", "no", *DIRECTOR, *PITCH]
    path = tmp_path / "facts.yaml"
    result = CliRunner().invoke(app, ["init", str(path)], input=feed(answers))
    assert "More items is the aim. Is that value what each extra one costs" in result.output
    assert "it costs: each extra one is new spend" in result.output
    assert "Can that money leave a budget" not in result.output
    assert load_facts(path).facts.impacts[0].releases == "cost"


def _unit_costs() -> tuple[object, ...]:
    from pitchkit.init.questions import UNIT_COSTS

    return tuple(UNIT_COSTS)


CLINICS = """\
  - id: clinics
    measure: Heart failure outpatient clinic sessions
    unit: sessions
    per: year
    baseline: 900
    target: 800
    value: {{amount: 4000, source: Local clinic session cost 2026/27, price_year: 2026/27}}
    releases: capacity
"""


def test_every_note_gives_both_paybacks_each_once(tmp_path: Path) -> None:
    # £400,000 of cash and £400,000 of capacity a year against £100,000: 1.5 months counting
    # the capacity as cash (12 x 100 / 800), 3 months from the cash alone (12 x 100 / 400).
    # Each note gives both, each once (newuser19 #8): the finance block's years give the
    # payback counting capacity as cash, the other line's bracket the cash's own.
    path = project(tmp_path, ADMISSIONS, CLINICS)
    cfo = note_text(path, "cfo", tmp_path)
    cmo = note_text(path, "cmo", tmp_path)
    # The plan's years then say from when they count (fixbrief25), before the cash's payback.
    assert (
        "payback 1.5 months; £8 per £1. Counted at the full target from 1 April 2027, the "
        "project's start. Payback from the cash alone: 3 months."
    ) in cfo
    assert (
        "(payback in 3 months from the cash alone). "
        "Payback counting capacity as if it were cash: 1.5 months."
    ) in cmo
    for text in (cfo, cmo):
        assert text.count("1.5 months") == 1
        assert text.count("3 months") == 1


def test_check_warns_of_a_cost_linked_by_hand_to_a_financial_objective(tmp_path: Path) -> None:
    path = project(tmp_path, ITEMS)
    [cfo] = [d for d in load_facts(path).facts.directors if d.id == "cfo"]
    budget = next(o for o in cfo.objectives if "prescribing" in o.text)
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "    releases: cost\n", f"    releases: cost\n    supports: [cfo.{budget.id}]\n"
        ),
        encoding="utf-8",
    )
    found = list(check(load_facts(path), director_id="cfo", today=TODAY, lang=EN))
    [linked] = [f for f in found if f.rule == "cost-supports-finance"]
    assert linked.severity == "warning"
    assert linked.message == (
        "'SGLT2 inhibitor prescription items' is extra spend, but 'supports:' links it to "
        "'Keep the prescribing budget in balance'."
    )
    assert f"Take 'cfo.{budget.id}' out of its 'supports:'" in linked.fix
    assert linked.where is not None
    assert linked.where.startswith(str(path))
    # Without the hand-written link there is nothing to say.
    unlinked = load_facts(project(tmp_path, ITEMS))
    found = list(check(unlinked, director_id="cfo", today=TODAY, lang=EN))
    assert not [f for f in found if f.rule == "cost-supports-finance"]
