"""Money a Director of Finance would sign off: the finance director's note, read back.

Every figure in the money block is worked out here by hand from the facts
file, with the test's own copy of the published index and its own
arithmetic, never by calling pitchkit's money code.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from docchecks import docx_text, pdf_pages
from pitchkit.advice import check
from pitchkit.errors import FactsError
from pitchkit.facts.project import open_project, pick_director
from pitchkit.facts.schema import load_facts
from pitchkit.i18n.translation import language
from pitchkit.notes.brief import make_brief_note
from pitchkit.notes.moneytext import whole_months
from pitchkit.recast.money import months_between

ROOT = Path(__file__).resolve().parent.parent
FRAILTY = ROOT / "examples" / "frailty-virtual-ward" / "facts.yaml"
CRITICAL = ROOT / "tests" / "data" / "money" / "critical-care.yaml"
MEDICINES = ROOT / "tests" / "data" / "money" / "medicines.yaml"
TODAY = dt.date(2026, 12, 3)  # financial year 2026/27
EN = language("en_GB")

#: NHS Cost Inflation Index, pay and prices, % change into each year (PSSRU 2025 Manual).
NHSCII = {
    2015: 0.40,
    2016: 2.09,
    2017: 1.24,
    2018: 1.60,
    2019: 2.14,
    2020: 2.49,
    2021: 2.58,
    2022: 7.32,
    2023: 2.47,
    2024: 4.02,
}
#: The projected rate, kept to the two decimals the note shows (2.62%), as a reader restating a
#: cost by hand would use it (fixfit44: the unrounded mean, 2.6195%, gave £2,115.62 for £2,115.64).
_MEAN = math.prod(1 + r / 100 for r in NHSCII.values()) ** (1 / len(NHSCII)) - 1
PROJECTED = round(100 * _MEAN, 2) / 100


def factor(start: int, end: int, own: dict[int, float] | None = None) -> float:
    """Restate prices of financial year ``start`` in those of ``end``."""
    result = 1.0
    for year in range(start + 1, end + 1):
        if own and year in own:
            rate = own[year] / 100
        else:
            rate = NHSCII[year] / 100 if year in NHSCII else PROJECTED
        result *= 1 + rate
    return result


def pounds(value: float) -> str:
    """£1,234 or £12.50, as the note writes exact money."""
    if round(value, 2) != round(value):
        return f"£{value:,.2f}"
    return f"£{round(value):,}"


def to_step(value: float, step: float) -> float:
    return math.floor(value / step + 0.5) * step


def split(total: float, parts: list[float], step: float) -> list[float]:
    """Round parts to ``step`` so they add up to the total rounded (largest remainders).

    The funding is shared out so: its years add up to the sum asked for.
    """
    whole = to_step(total, step)
    low = [math.floor(p / step) * step for p in parts]
    extra = round((whole - sum(low)) / step)
    for i in sorted(range(len(parts)), key=lambda i: low[i] - parts[i])[:extra]:
        low[i] += step
    return low


def fy_days(start: dt.date, end: dt.date) -> list[tuple[str, int, int]]:
    """(label, days of the project in it, days in it) for each financial year."""
    out = []
    year = start.year if start.month >= 4 else start.year - 1
    while dt.date(year, 4, 1) <= end:
        first, last = dt.date(year, 4, 1), dt.date(year + 1, 3, 31)
        days = (min(last, end) - max(first, start)).days + 1
        out.append((f"{year}/{(year + 1) % 100:02d}", days, (last - first).days + 1))
        year += 1
    return out


def money_block(path: Path, director: str, tmp_path: Path) -> tuple[list[str], Path]:
    """The lines of the note's money block, read back from the rendered Word file."""
    project = open_project(path)
    note = make_brief_note(project, pick_director(project.facts, director), today=TODAY)
    out = tmp_path / f"{path.stem}-{director}.docx"
    out.write_bytes(note.data)
    text = docx_text(out).splitlines()
    start = text.index("Funding and timeline")
    block = []
    for line in text[start + 1 :]:
        if line in {"Contact"} or line.startswith("At this level"):
            break
        block.append(line)
    return block, out


def investment_text(
    project: dict,
    annual: float,
    step: float,
    *,
    capacity: bool = True,
    changed: dt.date | None = None,
    too_few: str | None = None,
    upto: dt.date | None = None,
) -> tuple[str, float, float]:
    """The 'Benefit against … funding' line, by hand; and the rounded benefit and funding.

    With ``capacity`` (some of the benefit is capacity, not cash) the line says
    it counts capacity as if it were cash. The benefit counts from ``changed``
    (when the change reached the measure) when it is later than the start.
    With ``too_few`` (the log's figures, e.g. "2 figures") the log is too young
    for a chart: every year is a forecast, the year under way counting nothing
    to ``upto`` (the last day its figures cover) and the plan's full rate after
    it, and it says why (newuser32 #3: it had the plan's rate for the months
    logged too); a later year says it is the plan's rate.
    """
    start, end = project["start"], project["end"]
    funding = project["funding"]["amount"]
    years = fy_days(start, end)
    total_days = sum(days for _, days, _ in years)
    after = upto + dt.timedelta(days=1) if upto is not None else None
    earning = fy_days(max(start, changed or start, after or start), end)
    earned = {label: days for label, days, _ in earning}
    benefit = [annual * earned.get(label, 0) / length for label, _, length in years]
    invest = [funding * days / total_days for _, days, _ in years]
    benefit_r = [to_step(b, step) for b in benefit]  # each year on its own
    invest_r = split(funding, invest, step)
    forecast = " forecast" if too_few else ""
    parts = "; ".join(
        f"{label} {pounds(b)}{forecast} against {pounds(i)}"
        + (
            f" (nothing counted to the end of {upto:%B %Y}: the log has {too_few}, too few to "
            "show a change yet, and a chart needs 8; the plan's full rate for the rest of the "
            "year)"
            if too_few and upto is not None and n == 0
            # A later year, all at the plan's rate, says so (newuser33 N5).
            else " (the plan's rate)"
            if too_few and b > 0
            else ""
        )
        for n, ((label, _, _), b, i) in enumerate(zip(years, benefit_r, invest_r, strict=True))
    )
    months = whole_months(12 * funding / annual)  # to one decimal place
    if after is not None:
        # Nothing back to ``upto``; then the plan's rate, by the months of the calendar.
        months = whole_months(
            months_between(start, after - dt.timedelta(days=1)) + 12 * funding / annual
        )
    # Months at the full rate: when that starts after the project, the line says from when.
    begins = changed if changed is not None and changed > start else None
    when = f" once the benefit starts ({begins:%B %Y})" if begins else ""
    when += " on the benefit delivered and forecast" if too_few else ""
    back = sum(benefit) / sum(invest)  # from the unrounded figures (reader20 #7)
    counting = ", counting capacity as if it were cash" if capacity else ""
    text = (
        f"Benefit against {pounds(sum(invest_r))} of funding{counting}: {parts}; over the project "
        f"{pounds(sum(benefit_r))}, net {pounds(sum(benefit_r) - sum(invest_r))}; payback "
        f"{months} months{when}; £{back:.2f} per £1."
    )
    if too_few is None:
        # The plan's years say from when they count the benefit at its full target (fixbrief25).
        text += (
            f" Counted at the full target from {begins:%B %Y}, when the change is in place."
            if begins
            else f" Counted at the full target from {start.day} {start:%B %Y}, the project's start."
        )
        # fixnu41 (newuser41 #3): a part year is its days of the year's, said so.
        parts = [
            f"{earned[label]} of {length} in {label}"
            for label, _, length in years
            if 0 < earned.get(label, 0) < length
        ]
        text += f" Benefit split by days: {', '.join(parts)}." if parts else ""
    whole = start.day == 1 and (end + dt.timedelta(days=1)).day == 1
    if len(years) > 1 and not whole:
        # Part months: the funding is split by the project's days in each year (newuser40 #5).
        text += " Funding split by days: " + ", ".join(
            f"{days} in {label}" for label, days, _ in years
        )
        text += "."
    return text, sum(benefit_r), sum(invest_r)


def cash_payback(investment: float, cash: float) -> str:
    """The sentence the finance block ends its money with, beside cash and capacity.

    Months at the full rate, to one decimal place (fixbrief25), from
    the cash alone: the years before it give the payback counting the capacity as cash, so it
    is not said twice (newuser19 #8).
    """
    months = whole_months(12 * investment / cash)
    return f"Payback from the cash alone: {months} months."


def small_print(path: Path, tmp_path: Path) -> str:
    """The note's 'Unit costs used' line."""
    _, out = money_block(path, "dof", tmp_path)
    return next(line for line in docx_text(out).splitlines() if line.startswith("Unit costs used"))


def load(path: Path) -> dict:
    """The facts file as plain data, read without pitchkit."""
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- the three notes


def test_frailty_finance_note_states_prices_cash_capacity_once_and_investment(
    tmp_path: Path,
) -> None:
    facts = load(FRAILTY)
    admissions, bed_days = facts["impacts"][0], facts["impacts"][1]
    block, out = money_block(FRAILTY, "dof", tmp_path)

    adm_cost = 1590 * factor(2016, 2026)
    bed_cost = 345 * factor(2020, 2026)
    # reader26 #11: a costing (price, unit, price base, today's price), then its source.
    assert small_print(FRAILTY, tmp_path) == (
        f"Unit costs used: £1,590 per admission at 2016/17 prices ({pounds(round(adm_cost, 2))} "
        # fixbrief29 (reader28 #14): the source's capital lowered mid-sentence.
        "at 2026/27), from the non-elective episode, NHS reference costs 2016/17; "
        "prices restated with the NHS Cost Inflation Index, PSSRU 2025; 2025/26 and 2026/27 "
        f"projected at {100 * PROJECTED:.2f}% a year."
    )
    # The bed day's cost is behind no figure the note shows (the stays are not counted
    # again), so it is not listed.
    avoided = admissions["baseline"] - admissions["target"]  # 200 a year
    released = bed_days["baseline"] - bed_days["target"]  # 1,600 a year
    capacity = avoided * adm_cost
    beds = released / (365 * 0.92)
    # The statement above already gives the capacity's money: the block does not restate it.
    assert f"worth {pounds(to_step(capacity, 1000))} a year in capacity" in docx_text(out)
    assert block[2] == (
        "None of the benefit is cash for the financial plan (figures at 2026/27 prices). "
        "The capacity above is money only "
        f"when about {beds:.1f} beds close (1,600 bed days a year at 92% occupancy)."
    )
    # The bed days are the avoided admissions' stays: their money is not added.
    # The bed days are not valued beside the admissions that hold them.
    assert block[3] == (
        "Not counted again: 1,600 fewer bed days a year, within 200 fewer admissions a year "
        "(the episode price includes the stay)."
    )
    assert pounds(to_step(released * bed_cost, 1000)) not in " ".join(block)
    # The admissions count from their change (changed: 2027-06), not the project's start
    # (4 January 2027): nothing in 2026/27; in 2027/28 the 305 days from 1 June 2027 to
    # 31 March 2028 of its 366: £423,123 × 305 / 366 = £352,603, shown £353,000.
    changed = dt.date.fromisoformat(f"{admissions['changed']}-01")
    expected, benefit, invest = investment_text(facts["project"], capacity, 1000, changed=changed)
    assert block[4] == expected
    assert invest == 250_000
    assert ("2026/27 £0 against £48,000; 2027/28 £353,000 against £202,000") in expected
    assert benefit == to_step(capacity * 305 / 366, 1000) == 353_000


def test_frailty_finance_note_claims_only_the_part_of_the_year_it_delivers_in(
    tmp_path: Path,
) -> None:
    project = open_project(FRAILTY)
    note = make_brief_note(project, pick_director(project.facts, "dof"), today=TODAY)
    out = tmp_path / "dof.docx"
    out.write_bytes(note.data)
    text = docx_text(out)
    annual = 200 * 1590 * factor(2016, 2026)
    # The CIP is for 2027/28; the admissions count from their change, 1 June 2027: 305 of
    # 2027/28's 366 days (to 31 March 2028).
    in_year = annual * 305 / 366
    part = to_step(in_year, 1000)
    # The CIP is 2027/28's money and the note's is at 2026/27 prices: the part is restated at
    # 2027/28's before the share is taken, and the note says so (session 30).
    restated = to_step(part * factor(2026, 2027), 1000)
    share = 100 * restated / 14_000_000
    assert (
        f"of which {pounds(part)} falls in 2027/28: {pounds(restated)} at 2027/28 prices, "
        f"{share:.1f}% of your £14m target"
    ) in text
    assert "about 2%" not in text
    # Capacity is not offered as recurrent savings for the financial plan.
    assert "recurrent savings" not in text.lower()
    assert f"worth {pounds(to_step(annual, 1000))} a year in capacity" in text


AGENCY = {
    "id": "agency",
    "measure": "Agency nurse spend on the frailty wards",
    "unit": "£",
    "per": "year",
    "baseline": 500_000,
    "target": 400_000,
    "better": "lower",
    "releases": "cash",
    "supports": ["dof.cip"],
    "source": "Ledger, 2025/26",
    "changed": "2026-10",
}


def changed_part_way(tmp_path: Path, *, agency: bool = False) -> tuple[Path, dict]:
    """The frailty facts running all of 2026/27 and 2027/28, the change reaching the
    admissions on 1 January 2027 (nine months in), the CIP for 2026/27; with ``agency``,
    agency spend too, its change reaching it on 1 October 2026."""
    yaml = YAML()
    data = yaml.load(FRAILTY.read_text(encoding="utf-8"))
    data["project"]["start"] = dt.date(2026, 4, 1)
    for impact in data["impacts"][:2]:
        impact["changed"] = "2027-01"
    [dof] = [d for d in data["directors"] if d["id"] == "dof"]
    dof["objectives"][0]["text"] = "Deliver the £14m cost improvement programme for 2026/27"
    if agency:  # its saving counted toward the CIP, not an agency objective of its own
        data["impacts"].append(dict(AGENCY))
        dof["objectives"] = [o for o in dof["objectives"] if o["id"] != "agency"]
    path = tmp_path / "facts.yaml"
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    return path, load(path)


def test_a_change_part_way_through_a_year_counts_only_from_its_date(tmp_path: Path) -> None:
    path, facts = changed_part_way(tmp_path)
    block, out = money_block(path, "dof", tmp_path)
    annual = 200 * 1590 * factor(2016, 2026)  # £423,123 a year of capacity
    # 2026/27 counts 1 January to 31 March 2027 only: 90 of its 365 days, £104,332,
    # shown £104,000 (a whole year's £423,000 before); 2027/28 is a whole year, £423,000.
    # The funding is spread over the project's 731 days: £124,829 and £125,171.
    expected, benefit, invest = investment_text(
        facts["project"], annual, 1000, changed=dt.date(2027, 1, 1)
    )
    assert block[4] == expected
    assert invest == 250_000
    assert ("2026/27 £104,000 against £125,000; 2027/28 £423,000 against £125,000") in expected
    assert benefit == to_step(annual * 90 / 365, 1000) + to_step(annual, 1000) == 527_000
    assert (
        "over the project £527,000, net £277,000; payback 7.1 months once the benefit starts "
        "(January 2027); £2.11 per £1."
    ) in block[4]
    # The CIP's year is the year the change came part-way through: only that part counts.
    text = docx_text(out)
    assert "of which £104,000 falls in 2026/27: 0.7% of your £14m target" in text


def test_each_impact_falls_in_its_objectives_year_from_its_own_change(tmp_path: Path) -> None:
    path, _ = changed_part_way(tmp_path, agency=True)
    block, out = money_block(path, "dof", tmp_path)
    text = docx_text(out)
    admissions = 200 * 1590 * factor(2016, 2026)
    # Each statement's part of 2026/27 is its own impact's: the admissions from 1 January
    # 2027 (90 of 365 days, £104,332); the agency spend from 1 October 2026 (182 of 365 days:
    # £100,000 × 182 / 365 = £49,863, to the nearest £1,000 as every sum of money the note
    # works out, docs/money.md section 6). One share for both would give them the same
    # fraction of a year.
    assert "of which £104,000 falls in 2026/27: 0.7% of your £14m target" in text
    assert "of which £50,000 falls in 2026/27: 0.4% of your £14m target" in text
    # The year's money is the sum of the two, each from its own date.
    in_year = admissions * 90 / 365 + 100_000 * 182 / 365  # £154,195
    # fixbrief28: each year's funding without "of funding" again after the line's lead.
    assert f"2026/27 {pounds(to_step(in_year, 1000))} against £125,000;" in block[-1]
    # 2027/28 is a whole year of both: £423,000 of capacity and £100,000 of cash.
    assert "2027/28 £523,000 against £125,000; over the project £677,000" in block[-1]


def test_critical_care_note_keeps_cash_apart_and_counts_agency_once(tmp_path: Path) -> None:
    facts = load(CRITICAL)
    block, _ = money_block(CRITICAL, "dof", tmp_path)
    bed_cost = 1881 * factor(2020, 2026)
    shift_cost = 420 * factor(2025, 2026)
    assert small_print(CRITICAL, tmp_path).startswith(
        "Unit costs used: £1,881 per bed day at 2020/21 prices "
        # fixbrief29: the unit cost's source is lower-cased after "from the".
        f"({pounds(round(bed_cost, 2))} at 2026/27), from the critical care bed day, National Cost "
        "Collection; prices restated with the NHS Cost Inflation Index"
    )
    # The shifts are counted within the spend, at no price of their own.
    assert f"{pounds(round(shift_cost))} at 2026/27" not in small_print(CRITICAL, tmp_path)
    cash = (25_200 - 16_800) * 12
    capacity = 250 * bed_cost
    beds = 250 / (365 * 0.85)
    assert block[2] == (
        f"At 2026/27 prices, cash for the financial plan: {pounds(to_step(cash, 1000))} a year "
        f"(£8,400 less a month). Capacity: {pounds(to_step(capacity, 1000))} a year (250 fewer "
        # fixbrief28: the capacity's bed days are said once, before the beds (250 / (365 x 0.85)
        # = 0.8 beds), so the beds give the occupancy alone.
        f"bed days a year), money only when about {beds:.1f} beds close (at 85% occupancy)."
    )
    assert block[3] == (
        "Not counted again: 20 fewer shifts a month, within £8,400 less a month (the spend is "
        "what the shifts cost)."
    )
    expected, _, invest = investment_text(facts["project"], cash + capacity, 1000)
    assert block[4] == f"{expected} {cash_payback(invest, cash)}"
    assert invest == 120_000


def test_medicines_note_uses_the_trusts_own_rates_and_leaves_a_yearless_cost_as_given(
    tmp_path: Path,
) -> None:
    facts = load(MEDICINES)
    block, _ = money_block(MEDICINES, "dof", tmp_path)
    own = {2025: 3.6, 2026: 3.0}
    delivery = 18.4 * factor(2024, 2026, own)
    assert small_print(MEDICINES, tmp_path) == (
        # fixfit44: "Band 5" (a grade name) keeps its capital, and takes "the" before one cost.
        "Unit costs used: £27.50 per hour, price year not stated, from the Band 5 hourly cost, "
        "trust payroll; £18.40 per delivery at 2024/25 prices "
        # fixbrief29: the unit cost's source is lower-cased after "from the".
        f"({pounds(round(delivery, 2))} at 2026/27), from the homecare delivery contract; prices "
        "restated with the Trust planning assumptions, 2026/27."
    )
    cash = 150 * 12 * delivery + 2500 * 12
    capacity = 48 * 52 * 27.5
    assert block[2] == (
        f"At 2026/27 prices, cash for the financial plan: {pounds(to_step(cash, 1000))} a year "
        "(150 fewer deliveries a month and £2,500 less a month). Capacity: "
        f"{pounds(to_step(capacity, 1000))} a year (48 fewer hours a week), money only when "
        "bank and agency shifts or vacant posts are no longer paid for."
    )
    expected, _, _ = investment_text(
        facts["project"], cash + capacity, 1000, too_few="2 figures", upto=dt.date(2026, 11, 30)
    )
    # The payback crosses in 2027/28, after 2026/27's forecast, which counts its 121 days from
    # December at the year's rate by days (docs/money.md): £60,000 less that, at 2027/28's rate
    # over its 183 days to September, is 7.26 months from 5 October 2026; the months-only
    # reckoning the helper above uses gives 7.24. One decimal shows the difference.
    annual = cash + capacity
    first_year = annual * 121 / 365
    by_days = months_between(dt.date(2026, 10, 5), dt.date(2027, 3, 31)) + (60_000 - first_year) / (
        annual * 183 / 365 / 6
    )
    assert round(by_days, 1) == 7.3
    expected = expected.replace("payback 7.2 months", "payback 7.3 months")
    # Since fixupd27b (reader27 #8) a payback counted from the project's start says so; since
    # fixfit44 (pins4 (c)) it rests on "the benefit forecast": nothing is counted to November.
    expected = expected.replace(
        "on the benefit delivered and forecast;",
        "on the benefit forecast, from the project's start (5 October 2026);",
    )
    # fixbrief28: per £1 worked from the figures shown, £111,000 / £60,000 = £1.85 (the unrounded
    # benefit gave £1.86).
    assert "£111,000, net £51,000" in expected
    expected = expected.replace("£1.86 per £1", "£1.85 per £1")
    # The cash alone, at 12 × £60,000 ÷ its rate a year, needs about 12 months from December
    # 2026, nothing being counted for October and November: past the end in September 2027.
    assert block[3] == f"{expected} Payback from the cash alone: not within the project."


@pytest.mark.parametrize("path", [FRAILTY, CRITICAL, MEDICINES], ids=lambda p: p.stem)
def test_money_shown_adds_up(path: Path, tmp_path: Path) -> None:
    """Cash plus capacity, and each year's benefit and funding, add up to the totals shown."""
    block, _ = money_block(path, "dof", tmp_path)
    against = next(line for line in block if line.startswith("Benefit against "))

    def amounts(text: str) -> list[int]:
        return [int(a.replace(",", "")) for a in re.findall(r"£([\d,]+)(?!\.\d)", text)]

    years = re.findall(r"\d{4}/\d{2} £([\d,]+)(?: forecast)? against £([\d,]+)", against)
    benefit = sum(int(b.replace(",", "")) for b, _ in years)
    invest = sum(int(i.replace(",", "")) for _, i in years)
    assert f"over the project £{benefit:,}, net £{benefit - invest:,}" in against
    assert amounts(against)[0] == invest


@pytest.mark.parametrize("path", [FRAILTY, CRITICAL, MEDICINES], ids=lambda p: p.stem)
def test_finance_note_stays_one_page(path: Path, tmp_path: Path) -> None:
    _, out = money_block(path, "dof", tmp_path)
    assert pdf_pages(out) == 1


def test_other_directors_get_one_line(tmp_path: Path) -> None:
    # The nursing director's statements give no money: the line gives the capacity's figure.
    block, _ = money_block(FRAILTY, "don", tmp_path)
    money = [line for line in block if line.startswith("Money:")]
    capacity = 200 * 1590 * factor(2016, 2026)
    months = whole_months(12 * 250_000 / capacity)  # 7.09: 7.1
    assert money == [
        f"Money: {pounds(to_step(capacity, 1000))} a year of capacity, no cash, at 2026/27 "
        f"prices, against £250,000 of funding (payback in {months} months if the capacity is "
        # fixbrief29 (and mine after it): the count starts at the change (June 2027), after the
        # project's start (4 January 2027), so the line says where it counts from.
        "turned into cash, counted from June 2027)."
    ]
    assert not any(line.startswith("Not counted again") for line in block)
    # The operations director's statements give it already: the line refers to it.
    block, _ = money_block(FRAILTY, "coo", tmp_path)
    assert [line for line in block if line.startswith("Money:")] == [
        "Money: the benefit above, all of it capacity and none of it cash, at 2026/27 prices, "
        "against £250,000 of funding "
        f"(payback in {months} months if the capacity is turned into cash, counted from June 2027)."
    ]


# ---------------------------------------------------------------- check findings


def findings(path: Path, director: str = "dof") -> dict[str, list]:
    found: dict[str, list] = {}
    for finding in check(load_facts(path), director_id=director, today=TODAY, lang=EN):
        found.setdefault(finding.rule, []).append(finding)
    return found


def test_check_says_which_money_was_kept_and_why() -> None:
    found = findings(CRITICAL)
    [once] = found["counted-once"]
    assert once.severity == "warning"
    assert "Kept 'agency-spend'" in once.evidence
    assert "left out 'agency-shifts'" in once.evidence
    assert "overlaps: [agency-spend]" in once.fix
    assert once.where is not None
    assert once.where.endswith(":46:5")
    # The frailty example states its overlap: a note, not a warning.
    [stated] = findings(FRAILTY)["counted-once"]
    assert stated.severity == "info"


def test_check_flags_defaults_missing_price_years_and_the_wrong_year() -> None:
    critical = findings(CRITICAL)
    assumed = {f.message for f in critical["releases-assumed"]}
    assert any("Agency nurse shifts" in m and "cash" in m for m in assumed)
    [year] = critical["objective-year"]
    assert "falls in 2026/27, the year of" in year.message
    assert year.message.startswith("None of the benefit of '")
    assert year.where is not None
    assert year.where.endswith(":94:9")
    medicines = findings(MEDICINES)
    [price] = medicines["unit-cost-price-year"]
    assert "Nurse time" in price.message
    assert price.where.endswith(":34:7")


def test_a_figure_logged_for_the_wrong_period_is_a_located_warning() -> None:
    [logged] = findings(MEDICINES)["logged-period"]
    assert logged.severity == "warning"
    assert "looks like a week's figure" in logged.message
    assert "118 is logged for October 2026" in logged.evidence
    # 120 hours a week is 520 a month; the target, 72 a week, is 312 a month.
    assert "from the baseline to the target, that period's figure would be about 312 to 520" in (
        logged.evidence
    )
    assert logged.where is not None
    assert logged.where.endswith(":79:29")


LOGGED = """\
project:
  title: Food challenge unit
  organisation: Example NHS Trust
  problem: Too few supervised food challenges.
  change: A nurse-led day unit.
  start: 2026-01-05
  end: 2027-03-31
impacts:
  - id: challenges
    measure: Supervised food challenges completed
    unit: challenges
    per: {per}
    baseline: {baseline}
    target: {target}
    better: {better}
    source: Day unit log, 2025
directors:
  - id: coo
    name: Dan Okoro
    role: Chief Operating Officer
    objectives:
      - {{id: activity, text: Deliver 107% of 2019/20 elective activity}}
updates:
{entries}
"""


def checked(tmp_path: Path, figures: dict[str, float], **impact: object) -> str:
    """What ``pitchkit check`` says of a monthly or quarterly log of ``figures``."""
    from typer.testing import CliRunner

    from pitchkit.cli import app

    fields = {"per": "month", "baseline": 12, "target": 40, "better": "higher", **impact}
    entries = "\n".join(
        f"  - {{period: {period}, date: 2027-01-08, status: green, summary: On track, "
        f"measures: {{challenges: {value}}}}}"
        for period, value in figures.items()
    )
    path = tmp_path / "facts.yaml"
    path.write_text(LOGGED.format(entries=entries, **fields), encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path)])
    assert result.exit_code in (0, 1), result.output
    return " ".join(result.output.split())


def test_figures_on_the_way_to_the_target_or_at_it_are_not_called_another_periods(
    tmp_path: Path,
) -> None:
    # A month's figures from the baseline (12) to the target (40), and just past it.
    said = checked(
        tmp_path, {"2026-07": 12, "2026-08": 25, "2026-09": 36, "2026-10": 40, "2026-11": 46}
    )
    assert "logged-period" not in said
    # Falling, a quarter at a time: 180 to 40 a quarter, logged 70, 52 and 40; and a target
    # of none, where any small figure is on the way.
    said = checked(
        tmp_path,
        {"2026-Q1": 70, "2026-Q2": 52, "2026-Q3": 40},
        per="year",
        baseline=720,
        target=160,
        better="lower",
    )
    assert "logged-period" not in said
    said = checked(
        tmp_path, {"2026-Q2": 5, "2026-Q3": 1}, per="year", baseline=240, target=0, better="lower"
    )
    assert "logged-period" not in said


def test_a_figure_well_off_both_the_baseline_and_the_target_is_still_questioned(
    tmp_path: Path,
) -> None:
    # 120 in a month is three months at the target's rate; 3 is a week at the baseline's.
    said = checked(tmp_path, {"2026-09": 120, "2026-10": 3})
    assert "looks like a quarter's figure" in said
    assert "120 is logged for September 2026; from the baseline to the target, that " in said
    assert "period's figure would be about 12 to 40" in said
    assert "looks like a week's figure" in said
    assert "3 is logged for October 2026" in said


@pytest.mark.parametrize(
    ("baseline", "target", "better"),
    [(400, 200, "lower"), (400, 0, "lower"), (400, 280, "lower"), (400, 400, "lower")],
)
def test_a_weeks_figure_after_months_at_the_baseline_is_questioned_for_any_cut(
    tmp_path: Path, baseline: int, target: int, better: str
) -> None:
    # review13 F2: 400 bed days a month logged three times, then 92, a week at that level.
    # A path to half or to none takes 92 in; the months logged before it do not.
    figures = {"2026-07": 400, "2026-08": 410, "2026-09": 395, "2026-10": 92}
    said = checked(tmp_path, figures, baseline=baseline, target=target, better=better)
    assert said.count("looks like a week's figure") == 1, said
    assert "92 is logged for October 2026" in said


def test_a_quarters_figure_after_months_at_the_baseline_is_questioned_for_a_rise(
    tmp_path: Path,
) -> None:
    # A rise from 100 to 200 a month: 300 is a quarter at the level logged so far.
    figures = {"2026-07": 100, "2026-08": 105, "2026-09": 98, "2026-10": 300}
    said = checked(tmp_path, figures, baseline=100, target=200)
    assert "looks like a quarter's figure" in said, said
    assert (
        "300 is logged for October 2026; the figures logged just before it are about 100 "
        "for that period." in said
    )


@pytest.mark.parametrize(
    ("figures", "baseline", "target", "better"),
    [
        # Halving each month to none: every figure is near the one before it.
        ({"2026-07": 400, "2026-08": 200, "2026-09": 100, "2026-10": 50}, 400, 0, "lower"),
        # A cut to half, reached in a month: at the target, never questioned.
        ({"2026-07": 400, "2026-08": 410, "2026-09": 395, "2026-10": 200}, 400, 200, "lower"),
        # Steady progress to none, then the last few.
        ({"2026-07": 300, "2026-08": 150, "2026-09": 90, "2026-10": 60}, 400, 0, "lower"),
        # A rise reached at once: at the target.
        ({"2026-07": 100, "2026-08": 105, "2026-09": 98, "2026-10": 210}, 100, 200, "higher"),
        # A first figure, with nothing logged before it, small against a target of none.
        ({"2026-10": 92}, 400, 0, "lower"),
    ],
)
def test_figures_on_the_way_or_at_the_target_are_not_questioned_by_the_logs_level(
    tmp_path: Path, figures: dict[str, float], baseline: int, target: int, better: str
) -> None:
    said = checked(tmp_path, figures, baseline=baseline, target=target, better=better)
    assert "logged-period" not in said, said


def test_the_same_slip_in_several_entries_is_one_warning_naming_them_all(
    tmp_path: Path,
) -> None:
    # Three months logged as quarters (3 times the path of 12 to 40), one month as it should be.
    said = checked(tmp_path, {"2026-07": 120, "2026-08": 110, "2026-09": 36, "2026-10": 105})
    assert said.count("logged-period") == 1
    assert said.count("looks like a quarter's figure") == 1
    assert "120 is logged for July 2026" in said
    assert "Figures like it are logged too: 110 for August 2026 and 105 for October 2026." in said
    assert "36 for September 2026" not in said


def test_recurrent_savings_over_capacity_only_is_a_warning(tmp_path: Path) -> None:
    text = FRAILTY.read_text(encoding="utf-8").replace(
        "  - A morning on the virtual ward round",
        "  - Recurrent savings to count in the financial plan\n"
        "  - A morning on the virtual ward round",
    )
    path = tmp_path / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    [warning] = findings(path)["savings-over-capacity"]
    assert warning.severity == "warning"
    assert "beds closed" in warning.fix
    assert "savings-over-capacity" not in findings(CRITICAL)  # it has cash


def test_a_unit_cost_older_than_the_index_is_flagged(tmp_path: Path) -> None:
    text = FRAILTY.read_text(encoding="utf-8").replace("price_year: 2016/17", "price_year: 2012/13")
    path = tmp_path / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    [old] = findings(path)["unit-cost-price-year"]
    assert "older than the inflation index" in old.message
    assert "2012/13" in old.evidence
    assert "2014/15" in old.evidence


# ---------------------------------------------------------------- the schema


def write(tmp_path: Path, old: str, new: str) -> Path:
    path = tmp_path / "facts.yaml"
    path.write_text(CRITICAL.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    return path


def test_an_overlap_naming_no_impact_is_a_located_error_with_a_suggestion(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "    releases: capacity\n",
        "    releases: capacity\n    overlaps: [agency-spnd]\n",
    )
    with pytest.raises(FactsError) as raised:
        load_facts(path)
    text = str(raised.value)
    assert "impacts[0].overlaps[0]" in text
    assert "no impact has the id 'agency-spnd': did you mean 'agency-spend'?" in text
    assert re.search(r"facts\.yaml:\d+:\d+", text)


def test_a_bad_price_year_and_releases_are_located_errors(tmp_path: Path) -> None:
    path = write(tmp_path, "price_year: 2020/21", "price_year: 2020/22")
    with pytest.raises(FactsError, match=r"price_year: write the financial year as YYYY/YY"):
        load_facts(path)
    path = write(tmp_path, "releases: capacity", "releases: capcity")
    with pytest.raises(FactsError, match=r"impacts\[0\]\.releases"):
        load_facts(path)


def test_version_one_files_stay_valid_and_unknown_versions_are_refused(tmp_path: Path) -> None:
    assert load_facts(write(tmp_path, "version: 1.1", "version: 1")).facts.version == 1
    with pytest.raises(FactsError, match=r"version 1 or 1\.1"):
        load_facts(write(tmp_path, "version: 1.1", "version: 2"))


WHOLE_YEARS = """\
project:
  title: Physio first for back, joint and muscle problems
  organisation: Northbeck Primary Care Collaborative
  lead: {name: Owen Prendergast, role: Consultant Physiotherapist}
  problem: One GP appointment in seven is for a musculoskeletal problem.
  change: First contact physiotherapists see MSK patients in every practice.
  start: 2025-01-01
  end: 2027-12-31
  funding: {amount: 260000, currency: GBP, source: ICB fund, status: agreed}
impacts:
  - id: scans
    measure: Lumbar spine MRI requests
    unit: scans
    per: month
    baseline: 258
    target: 183
    value: {amount: 143.67, currency: GBP, source: Local MRI price}
    releases: cash
  - id: appts
    measure: GP appointments for MSK problems
    unit: appointments
    per: month
    baseline: 5080
    target: 3750
    value: {amount: 42, currency: GBP, source: Local GP appointment cost}
    releases: capacity
directors:
  - id: dof
    name: Simon Birtles
    role: Chief Finance Officer
    objectives:
      - id: plan
        text: Deliver the system financial plan
"""


def test_a_whole_financial_year_reads_as_the_years_cash_and_capacity_shown(
    tmp_path: Path,
) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text(WHOLE_YEARS, encoding="utf-8")
    block, _ = money_block(facts, "dof", tmp_path)
    text = " ".join(block).replace("\u00a0", " ")
    # Cash 75 × 12 × £143.67 = £129,303; capacity 1,330 × 12 × £42 = £670,320: shown
    # £129,000 and £670,000, so a whole year reads £799,000 (not £800,000, the
    # £799,623 a year rounded on its own, beside £799,000 for the other whole year).
    assert "£129,000 a year" in text
    assert "£670,000 a year" in text
    years = dict(re.findall(r"(\d{4}/\d{2}) £([\d,]+) against", text))
    assert years["2025/26"] == years["2026/27"] == "799,000"
    # The part years (90 of 2024/25's 365 days: £197,167; 275 of 2027/28's 366: £600,810)
    # share out the rest, and the total is the sum of the years shown.
    assert years["2024/25"] == "197,000"
    assert years["2027/28"] == "601,000"
    assert "over the project £2,396,000, net £2,136,000" in text


def test_another_directors_payback_says_it_is_from_the_cash_alone(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text(
        WHOLE_YEARS
        + "  - id: coo\n    name: Paul Deveney\n    role: Chief Operating Officer\n"
        + "    objectives:\n      - id: dm01\n        text: Diagnostic tests within 6 weeks\n",
        encoding="utf-8",
    )
    # The finance director's payback counts the capacity as cash: £260,000 against
    # £799,623 a year is 3.9 months, shown 4.
    block, _ = money_block(facts, "dof", tmp_path)
    assert "payback 3.9 months" in " ".join(block).replace("\u00a0", " ")
    # The operations director's line gives the cash's: £260,000 / £129,303 × 12 = 24.1
    # months, in whole months past two years since session 26 (fixupd26): "24 months";
    # without saying so it read as the same payback, six times as long.
    block, _ = money_block(facts, "coo", tmp_path)
    money = [line.replace("\u00a0", " ") for line in block if line.startswith("Money:")]
    assert money == [
        "Money: £129,000 of cash and £670,000 of capacity a year at 2026/27 prices, against "
        "£260,000 of funding (payback in 24 months from the cash alone). Payback counting "
        "capacity as if it were cash: 3.9 months."
    ]
    # The finance director's block gives the other one too (newuser15 #7), each once
    # (newuser19 #8): its years already give the 4 months.
    block, _ = money_block(facts, "dof", tmp_path)
    assert "Payback from the cash alone: 24 months." in " ".join(block).replace("\u00a0", " ")


@pytest.mark.parametrize(
    "objective",
    [
        {
            "en": "Deliver the £14m cost improvement programme for 2026/27",
            "cy": "Cyflawni'r rhaglen gwella costau £14m ar gyfer 2026/27",
        },
        "Cyflawni'r rhaglen gwella costau £14m erbyn diwedd mis Mawrth 2027",
    ],
)
def test_a_welsh_objectives_year_counts_only_its_part_as_the_english_does(
    tmp_path: Path, objective: object
) -> None:
    # The same note in Welsh: its objective names its year in Welsh ("ar gyfer 2026/27",
    # "erbyn diwedd mis Mawrth 2027"). The English note gives 90 of 2026/27's 365 days of the
    # admissions' benefit (£104,000, 0.7% of £14m); the Welsh gave the whole year's £423,000
    # as 3.0% of the target, a figure the finance director could not find in the block below.
    path, _ = changed_part_way(tmp_path)
    yaml = YAML()
    data = yaml.load(path.read_text(encoding="utf-8"))
    [dof] = [d for d in data["directors"] if d["id"] == "dof"]
    dof["objectives"][0]["text"] = objective
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    project = open_project(path, locale="cy_GB")
    note = make_brief_note(project, pick_director(project.facts, "dof"), today=TODAY)
    out = tmp_path / "dof-cy.docx"
    out.write_bytes(note.data)
    text = docx_text(out)
    assert "gyda £104,000 ohono yn perthyn i 2026/27: 0.7% o'ch targed o £14m" in text, text
    assert "3.0% o'ch targed" not in text
