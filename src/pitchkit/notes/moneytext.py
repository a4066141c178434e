"""The money block of a note, worded: what a Director of Finance signs off.

:func:`money_lines` words a :class:`~pitchkit.recast.money.Ledger` for the
finance director (the price base, cash apart from capacity, what is
counted once, and benefit against investment by financial year) and
:func:`money_line` gives every other director one line of it. Every figure
shown together is rounded to one step first, so the parts add up to the
totals shown.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import NamedTuple

from pitchkit.facts.schema import Impact
from pitchkit.i18n import fmt
from pitchkit.i18n.translation import N_, Language
from pitchkit.i18n.welshbodies import welsh_cost_sources
from pitchkit.i18n.welshtitle import named_again
from pitchkit.notes.foreign import foreign
from pitchkit.notes.targetchange import changed_from, last_was
from pitchkit.notes.wording import in_sentence, lower_measure
from pitchkit.period import Period
from pitchkit.recast.money import (
    DAYS_IN_YEAR,
    PER_YEAR,
    Kind,
    Ledger,
    Line,
    YearShare,
    beds,
    benefit_start,
    fy_bounds,
    fy_label,
    is_cost,
    quantum_for,
    round_money,
    shipped_index,
    shown_cost,
    spends,
)

#: What has to be taken out for capacity to become money, by what an impact counts.
TAKEN_OUT = {
    "episodes": N_("beds or escalation capacity close"),
    "bed days": N_("beds close"),
    "sessions": N_("clinic sessions or outsourced activity stop"),
    "emergency": N_("emergency department shifts or staffed hours are no longer paid for"),
    "visits": N_("the bank shifts or posts that make those visits are no longer paid for"),
    "hours": N_("bank and agency shifts or vacant posts are no longer paid for"),
    "other": N_("what it frees is stopped or used for paid work"),
}


@dataclass
class Figures:
    """The ledger's totals, rounded to one step so that the parts add up."""

    quantum: float
    cash: float
    capacity: float
    years: tuple[tuple[int, float, float], ...]  # year, benefit, investment
    benefit: float  # within the project: the sum of the years' benefit
    investment: float  # the sum of the years' investment
    #: New spend the change adds a year (``releases: cost``), as a positive sum.
    cost: float = 0.0
    #: The step the years and their total are rounded to: :attr:`quantum`, or £1 when the
    #: years each rounded to it would not add up to their total so rounded (see :func:`figures`).
    years_quantum: float = 0.0

    @property
    def annual(self) -> float:
        """A year's counted benefit: cash plus capacity, less new spend, as shown."""
        return self.cash + self.capacity - self.cost

    @property
    def net(self) -> float:
        """Benefit within the project less the investment."""
        return self.benefit - self.investment


def _split(total: float, parts: list[float], quantum: float) -> list[float]:
    """``parts`` rounded to ``quantum`` so that they add up to ``total`` rounded."""
    whole = round_money(total, quantum)
    if not all(math.isfinite(p / quantum) for p in [whole, *parts]):
        return parts
    floors = [math.floor(p / quantum) * quantum for p in parts]
    left = round((whole - sum(floors)) / quantum)
    order = sorted(range(len(parts)), key=lambda i: -(parts[i] - floors[i]))
    for i in order[: max(0, left)]:
        floors[i] += quantum
    return floors


def _whole_year(benefit: float, annual: float) -> bool:
    """Whether a year's benefit is a whole year's (within a penny in a million)."""
    return annual > 0 and math.isclose(benefit, annual, rel_tol=1e-9, abs_tol=0.01)


def figures(ledger: Ledger) -> Figures:
    """Round the ledger's totals to one step, parts first."""
    cost = -sum(line.annual for line in costs(ledger))
    cash, capacity = ledger.annual("cash") + cost, ledger.annual("capacity")
    invest = ledger.investment or 0.0
    benefit = [share.benefit for share in ledger.years]
    spend = [share.investment for share in ledger.years]
    quantum = quantum_for(cash, capacity, invest, sum(benefit), cost)
    # Each part the note names on its own (the trust's own cash, each other body's, the
    # trust's own capacity, each other body's staff time) is rounded on its own, as the
    # statements above give the same impact's money, and a total is the sum of the parts
    # as shown: a finance director never reads £62,000 here for the £61,000 said above.
    cash_r = sum(round_money(part, quantum) for part in _cash_parts(ledger))
    capacity_r = sum(round_money(part, quantum) for part in _capacity_parts(ledger))
    cost_r = round_money(cost, quantum)
    # A whole financial year's benefit is the year's figure shown above it (cash plus
    # capacity), so that two whole years never read £800,000 and £799,000; any other
    # year is rounded on its own, so that a finance director working it out by hand
    # (£212,684 x 80 / 365 = £46,616) reads £47,000, not a figure moved to make a
    # total come out, and a year the log delivered reads as a progress update rounds
    # the same money (750 x £53 = £39,750 reads £40,000 in both). The total is what
    # the years shown add up to.
    whole = [
        not share.logged
        and share.so_far is None
        and _whole_year(share.benefit, cash + capacity - cost)
        for share in ledger.years
    ]
    benefit_r = [
        cash_r + capacity_r - cost_r if full else round_money(share.benefit, quantum)
        for share, full in zip(ledger.years, whole, strict=True)
    ]
    step = quantum
    part_years = not any(
        share.logged
        or share.so_far is not None
        or _whole_year(share.benefit, cash + capacity - cost)
        for share in ledger.years
    )
    if part_years and len(benefit_r) > 1 and sum(benefit_r) != round_money(sum(benefit), quantum):
        # Part years, each rounded on its own, would add up to a total their money does not
        # make: the hub's £46,616 and £159,804 read £47,000 and £160,000, "over the project
        # £207,000", beside the £206,420 they are. The years, their funding and the total
        # then take the coarsest finer step (£100, £10, at worst £1) at which the years
        # add up to their total so rounded: £46,600 and £159,800, over the project
        # £206,400 (reader24 #14; to the pound, the brief read as exact where every other
        # note rounds). A whole year keeps the year's figure shown above it, and a year the
        # log delivered the update's rounding, as before.
        step = years_step(benefit, quantum)
        benefit_r = [round_money(share.benefit, step) for share in ledger.years]
    spend_step = step
    loose = [i for i, full in enumerate(whole) if not full]
    if (
        not part_years
        and len(loose) > 1
        and sum(benefit_r[i] for i in loose) != round_money(sum(benefit[i] for i in loose), quantum)
    ):
        # The same for years the log delivered or forecasts (reader28 #10): the total is
        # made from the unrounded years, and the years shown add up to it. £844,423 and
        # £422,211 each to £1,000 make £1,266,000, where their £1,266,634 makes £1,267,000;
        # to £100 they read £844,400 and £422,200, over the project £1,266,600. A whole
        # year the plan gives keeps the year's figure shown above it (a multiple of the
        # coarser step), and the funding its own step (see docs/money.md, "Rounding").
        # Only one step finer: where the years add up at no step short of the pound, they
        # read as exact beside every other note's rounding (reader24 #14), and a year the log
        # delivered no longer rounds as the update does (the transport desk's £12,619 beside
        # the update's £175,000), so they keep the quantum and the total is their sum.
        finer = years_step([benefit[i] for i in loose], quantum)
        if finer >= quantum / 10:
            step = finer
            for i in loose:
                benefit_r[i] = round_money(benefit[i], step)
    halves = [
        (i, share.so_far, share.benefit - share.so_far)
        for i, share in enumerate(ledger.years)
        if i in loose
        and share.so_far is not None
        and share.upto is not None
        and not share.unshown
        and share.young is None
        and 0 < share.so_far < share.benefit
    ]
    if step == quantum and not _halves_add(halves, benefit_r, step):
        # The year under way's parts, "£204,000 delivered …, then £116,000 at the average
        # so far", are each their own money rounded (4 x £29,131 = £116,525 reads £117,000,
        # reader30 #4), and add up to the year shown: where at the quantum they do not, the
        # years take the step one finer when both they and the parts add up there.
        finer = max(quantum / 10, 1.0)
        trial = list(benefit_r)
        for i in loose:
            trial[i] = round_money(benefit[i], finer)
        if sum(trial[i] for i in loose) == round_money(
            sum(benefit[i] for i in loose), finer
        ) and _halves_add(halves, trial, finer):
            step, benefit_r = finer, trial
    spend_r = _split(invest, spend, spend_step) if ledger.years else []
    years = tuple(
        (share.year, b, s) for share, b, s in zip(ledger.years, benefit_r, spend_r, strict=True)
    )
    return Figures(
        quantum, cash_r, capacity_r, years, sum(benefit_r), sum(spend_r), cost_r, years_quantum=step
    )


def _halves_add(
    halves: Sequence[tuple[int, float, float]], shown: Sequence[float], step: float
) -> bool:
    """Whether each year's money delivered and after it, rounded at ``step``, add to it as shown."""
    return all(
        round_money(done, step) + round_money(rest, step) == shown[i] for i, done, rest in halves
    )


def years_step(benefit: Sequence[float], quantum: float) -> float:
    """The coarsest step finer than ``quantum`` at which the years add up, £1 at the finest.

    A tenth at a time: the years in ``benefit``, each rounded on its own to the step, add
    up to their total so rounded (£46,616 and £159,804: £100, £206,400).
    """
    step = quantum
    while step > 1.0:
        step /= 10
        rounded = sum(round_money(part, step) for part in benefit)
        if rounded == round_money(sum(benefit), step):
            break
    return max(step, 1.0)


def _cash_parts(ledger: Ledger) -> list[float]:
    """The cash a note names apart, a year of each: the trust's own, then :func:`_apart`'s."""
    groups = _apart(ledger)
    if not groups:
        return [sum(line.annual for line in ledger.counted if line.releases == "cash")]
    own = [line for line in ledger.counted if trust_cash(line)]
    return [sum(line.annual for line in lines) for lines in [own, *(g for _, g in groups)]]


def _capacity_parts(ledger: Ledger) -> list[float]:
    """The capacity a note names apart, each a year: the trust's own, then each other body's."""
    groups = _elsewhere(ledger)
    if not groups:
        return [ledger.annual("capacity")]
    own = [line for line in _capacity(ledger) if line.elsewhere is None]
    return [sum(line.annual for line in lines) for lines in [own, *(g for _, g in groups)]]


def costs(ledger: Ledger) -> list[Line]:
    """The counted lines that are new spend the change adds (``releases: cost``)."""
    return [line for line in ledger.counted if is_cost(line)]


def cost_line(ledger: Ledger, shown: Figures, lang: Language, *, after: bool = False) -> str:
    """The new spend the change adds a year, said as spend, never as cash for the plan.

    ``Extra spend the change adds: £231,000 a year (6,300 more items a year),
    netted against the benefits.`` Empty when no impact is marked ``releases: cost``.
    The benefit against the funding below does not say the netting again: said
    in both it read as two cuts (reader25 #10).
    """
    spend = costs(ledger)
    if not spend:
        return ""
    if after and ledger.investment:
        # After another director's money line, whose paybacks are already net of it: said as
        # netted, never as "less" after them, which reads as a further cut (reader25 #9).
        return lang.gettext(
            "Each payback here is net of the {money} a year of extra spend the change adds "
            "({what})."
        ).format(money=_money(shown.cost, lang), what=_names(spend, lang))
    if after:
        return lang.gettext("The change also adds {money} a year of extra spend ({what}).").format(
            money=_money(shown.cost, lang), what=_names(spend, lang)
        )
    return lang.gettext(
        "Extra spend the change adds: {money} a year ({what}), netted against the benefits."
    ).format(money=_money(shown.cost, lang), what=_names(spend, lang))


def _capacity(ledger: Ledger) -> list[Line]:
    return [line for line in ledger.counted if line.releases == "capacity"]


def _elsewhere(ledger: Ledger) -> list[tuple[str, list[Line]]]:
    """The capacity freed in other bodies' staff, by body, in :data:`_FREED`'s order."""
    capacity = _capacity(ledger)
    groups = [(body, [line for line in capacity if line.elsewhere == body]) for body in _FREED]
    return [(body, lines) for body, lines in groups if lines]


#: The project's own organisation, by its kind (:attr:`Ledger.kind`): whose cash it is,
#: and for whom money is or is not. A name that says no kind is a trust's.
_ORG_OWN = {
    "trust": N_("the trust's"),
    "health board": N_("the health board's"),
    "ICB": N_("the ICB's"),
    "council": N_("the council's"),
    "GP federation": N_("the GP federation's"),
    "primary care network": N_("the primary care network's"),
    "collaborative": N_("the collaborative's"),
}
_ORG_FOR = {
    "trust": N_("for the trust"),
    "health board": N_("for the health board"),
    "ICB": N_("for the ICB"),
    "council": N_("for the council"),
    "GP federation": N_("for the GP federation"),
    "primary care network": N_("for the primary care network"),
    "collaborative": N_("for the collaborative"),
}
#: Time freed in another body's staff, by body (:attr:`Line.elsewhere`).
_FREED = {
    "general practice": N_("time freed in general practice"),
    "ambulance service": N_("time freed in the ambulance service"),
    "council": N_("time freed in the council's social care"),
    "police": N_("time freed in the police"),
    "acute hospital": N_("time and beds freed in acute hospitals"),
    # Attendances avoided take no bed (newuser29 #7).
    "emergency department": N_("time freed in the emergency department"),
}


#: Who pays for capacity freed in another body's staff or beds (:attr:`Line.body`).
_PAID_BY = {
    "ICB": N_("which the ICB pays for"),
    "council": N_("which the council pays for"),
    "Cancer Alliance": N_("which the Cancer Alliance pays for"),
}


def freed_words(body: str, lang: Language) -> str:
    """``time freed in the emergency department``: capacity freed in another body's staff."""
    return lang.gettext(_FREED[body]) if body in _FREED else ""


def org_own(ledger: Ledger, lang: Language) -> str:
    """``the trust's``, ``the ICB's``: the project's own organisation, as owner.

    In Welsh, a body named by a common noun pitchkit knows is named by it again: "arian y
    Fenter" for a Menter Iaith (:func:`~pitchkit.i18n.welshtitle.named_again`).
    """
    again = named_again(ledger.organisation) if lang.lang == "cy" else None
    return again or lang.gettext(_ORG_OWN.get(ledger.kind, _ORG_OWN["trust"]))


def org_for(ledger: Ledger, lang: Language) -> str:
    """``for the trust``, ``for the health board``: money for the project's own organisation.

    In Welsh, "i'r Fenter" for a Menter Iaith, as :func:`org_own` names it.
    """
    again = named_again(ledger.organisation) if lang.lang == "cy" else None
    if again is not None:
        return "i'r " + again.split(" ", 1)[1]
    return lang.gettext(_ORG_FOR.get(ledger.kind, _ORG_FOR["trust"]))


def _money(value: float, lang: Language) -> str:
    """``£12,000``; a negative sum, should one reach the page, with a true minus sign."""
    text = fmt.money(value, lang, precision="exact")
    return text.replace("-", "\u2212", 1) if text.startswith("-") else text


def _unit_cost(value: float, lang: Language) -> str:
    """A unit cost as the note shows it: to the penny under £100 (``£4.00``), else ``£196.93``."""
    return fmt.money(value, lang, precision="unit")


def _gain(line: Line, lang: Language) -> str:
    """``200 fewer admissions a year``: what a line counts, briefly."""
    from pitchkit.notes.wording import gain_phrase
    from pitchkit.recast.pitch import quantify

    gain = gain_phrase(quantify(line.impact), lang)
    was = last_was(line.impact)
    start = changed_from(line.impact)
    if was is None or start is None:
        return gain
    # The plan's gain is worked from the target in force now: a finance director whose
    # capacity moved from £381,000 to £508,000 is told why (newuser26 #2).
    return lang.gettext("{gain}; target from {period}, was {value}").format(
        gain=gain, period=fmt.period_label(start.text, lang), value=fmt.number(was.value, lang)
    )


def _names(lines: list[Line], lang: Language) -> str:
    return fmt.join_list([_gain(line, lang) for line in lines], lang)


def _priced_lines(ledger: Ledger, impacts: Collection[str] | None) -> list[Line]:
    """The ledger's lines that have a unit cost, for ``impacts`` only when given."""
    return [
        line
        for line in (*ledger.lines, *ledger.levels)
        if line.unit_cost is not None
        and line.impact.value is not None
        and (impacts is None or line.impact.id in impacts)
    ]


def source_lines(
    ledger: Ledger, lang: Language, impacts: Collection[str] | None = None, *, short: bool = False
) -> list[str]:
    """Every unit cost with its source, restated at the ledger's prices, and the index used.

    ``£1,590 per admission at 2016/17 prices (£2,116 at 2026/27), from
    Non-elective episode, NHS reference costs 2016/17`` (:func:`costing`, then
    :func:`with_source`); the last item names the index and any year it
    projects. With ``impacts``, only those impacts' unit costs
    (the ones behind a figure the note shows).

    ``short`` is for a progress update, whose two pages hold charts a long
    line would push out (reader25 #16): each cost at its own year's prices and
    restated, "£1,878 per fall at 2016/17 prices (£2,631.45 at 2028/29)",
    then the index, with the sources left to the briefing note, which says so.
    """
    if short:
        return _short_source_lines(ledger, lang, impacts)
    parts: list[str] = []
    projected: set[int] = set()
    restated_any = False
    listed = _priced_lines(ledger, impacts)
    # One format for the costs given: pence for all when any has them, else none
    # (newuser31 #8); a restated cost is worked to the penny and says so.
    pence = fmt.any_pence([line.unit_cost for line in listed if line.unit_cost is not None])
    clash = _clashing_units(listed)
    for line in listed:
        value = line.impact.value
        if line.unit_cost is None or value is None:
            continue
        if line.uplift is not None and line.price_year not in (None, ledger.price_year):
            restated_any = True
            projected |= set(line.uplift.projected)
        named = line.impact.unit in clash
        text = with_source(costing(line, ledger, lang, pence=pence, named=named), line, lang)
        if text not in parts:  # two impacts priced with one unit cost name it once
            parts.append(text)
    if not restated_any:
        return parts
    return [*parts, _index_note(ledger, lang, projected)]


def _clashing_units(listed: Sequence[Line]) -> set[str]:
    """Units two of ``listed`` price at different costs: a bed day out of area and on a ward."""
    costs: dict[str, set[float | None]] = {}
    for line in listed:
        costs.setdefault(line.impact.unit, set()).add(line.unit_cost)
    return {unit for unit, found in costs.items() if len(found) > 1}


def costing(line: Line, ledger: Ledger, lang: Language, *, pence: bool, named: bool = False) -> str:
    """A unit cost as a finance director reads a costing: price, unit, price base, today's price.

    "£1,878 per fall resulting in any harm at 2016/17 prices (£2,498.82 at
    2026/27)"; "£210 per night at 2026/27 prices" when already at the note's
    prices; "£95 per visit, price year not stated" (reader26 #11: "£1,878 per
    fall: Local finance team estimate, 2025: …, £2,498.82 at 2026/27 prices"
    nested colons and read the restated price as part of the source). The unit
    keeps the measure's qualifier, as the cost is of that unit only.
    ``named``: another cost in the line is per the same unit, so the unit is
    named by its measure, "£620 per inappropriate out-of-area placement bed
    day", "£450 per bed day of adult acute inpatients clinically ready for
    discharge" (reader28 #14: two "per bed day" costs told apart only by their
    sources).
    """
    value = line.impact.value
    assert value is not None
    assert line.unit_cost is not None
    dated = line.price_year is not None and line.uplift is not None
    known = fmt.singular_known(line.impact.unit, lang)
    if dated:
        head = (
            lang.gettext("{cost} per {unit} at {year} prices")
            if known
            else lang.gettext("{cost} each ({unit}) at {year} prices")
        )
    else:
        head = lang.gettext("{cost} per {unit}") if known else lang.gettext("{cost} each ({unit})")
    text = head.format(
        cost=fmt.listed_unit_cost(line.unit_cost, lang, pence=pence),
        unit=(measure_unit(line.impact, lang) if named else None)
        or qualified_unit(line.impact, lang),
        year=fy_label(line.price_year or ledger.price_year),
    )
    if not dated:
        return lang.gettext("{cost}, price year not stated").format(cost=text)
    if line.price_year != ledger.price_year:
        return lang.gettext("{cost} ({restated} at {base})").format(
            cost=text,
            restated=_unit_cost(shown_cost(line.restated_cost or 0.0, value.amount), lang),
            base=fy_label(ledger.price_year),
        )
    return text


def with_source(text: str, line: Line, lang: Language) -> str:
    """``text`` (a :func:`costing`), then where the cost comes from: ", from …".

    A source that ends with the price year the costing names already leaves
    it off ("Trust average out-of-area spot purchase price, 2025/26" after
    "at 2025/26 prices").
    """
    value = line.impact.value
    source = (value.source or "").strip() if value is not None else ""
    if not source:
        return lang.gettext("{cost}, source not given").format(cost=text)
    if line.price_year is not None and line.uplift is not None:
        year = fy_label(line.price_year)
        if source.endswith(f", {year}") and len(source) > len(year) + 2:
            source = source[: -len(year) - 2].rstrip()
    if lang.lang == "cy" and not foreign(source, lang):
        # A Welsh source naming a national one in English: its Welsh name (newuser41 #4).
        source = welsh_cost_sources(source)
    if foreign(source, lang):
        # An English source in a Welsh note is quoted, not mutated: "o “Cost of a fall”",
        # never "o Gost of a fall".
        said = lang.gettext("from {source}").format(source=fmt.quoted(source))
    else:
        said = fmt.from_source(_source_mid_sentence(source, lang), lang)
    return f"{text}, {said}"


#: First words that already say whose or which source it is: no "the" before them.
_DETERMINERS = frozenset({"the", "a", "an", "our", "their", "its", "this", "each", "every"})


def _source_mid_sentence(source: str, lang: Language) -> str:
    """A unit cost's source as the line runs it in after "from" (reader28 #14).

    A capital that only starts the facts' phrase is lowered, as a measure's is
    (:func:`~pitchkit.notes.wording.lower_measure`, which keeps names and
    acronyms), and in English the phrase takes "the": "from the local finance
    team estimate", not "from Local finance team estimate"; "from NHS reference
    costs" and "from Friends and Family Test returns" as written. Welsh "o
    bresenoldeb mewn adran achosion brys", not "o Bresenoldeb".
    """
    lowered = lower_measure(source)
    if lowered == source:
        # A name kept as written ("Band 5", a pay band's grade name; "NHS"; "Westmoor General
        # Hospital") still takes "the" before one thing it costs: "from the Band 5 hourly
        # cost, trust payroll", as "from the homecare delivery contract" beside it (pinsH);
        # "from NHS reference costs" and "from NHS England" as written.
        if lang.lang == "en" and _one_common_thing(source):
            return f"the {source}"
        return source
    if lang.lang == "en" and lowered.split(maxsplit=1)[0] not in _DETERMINERS:
        return f"the {lowered}"
    return lowered


#: A year a source ends its phrase with: "2025/26", "2025".
_SOURCE_YEAR = re.compile(r"\s*\(?\b(?:19|20)\d{2}(?:\s*[/-]\s*\d{2,4})?\)?\s*$")


def _one_common_thing(source: str) -> bool:
    """Whether ``source``'s phrase (to its first comma, less a closing year) ends in one thing.

    Its last word in small letters and not a plural: "Band 5 hourly cost", "NHS Supply
    Chain catalogue price 2025/26"; not "NHS reference costs 2016/17" nor "NHS England".
    """
    words = source.split(",", 1)[0].split()
    if not words or words[0].casefold() in _DETERMINERS:
        return False
    head = _SOURCE_YEAR.sub("", " ".join(words)).split()
    if not head:
        return False
    last = head[-1]
    plural = last.endswith("s") and not last.endswith("ss")
    return last.isalpha() and last.islower() and not plural


def measure_unit(impact: Impact, lang: Language) -> str | None:
    """One of ``impact``'s units, named by the words its measure puts around it.

    "Inappropriate out-of-area placement bed days, adult acute" gives
    "inappropriate out-of-area placement bed day"; "Bed days of adult acute
    inpatients clinically ready for discharge" gives "bed day of adult acute
    inpatients clinically ready for discharge". English only; ``None`` when
    the measure does not name the unit, or would take more than ten words.
    """
    if lang.lang != "en":
        return None
    plural = impact.unit.strip()
    found = re.search(rf"\b{re.escape(plural)}\b", impact.measure, re.IGNORECASE)
    if found is None or not plural:
        return None
    unit = fmt.singular_unit(impact.unit, lang)
    before = impact.measure[: found.start()].strip()
    after = impact.measure[found.end() :].split(",", 1)[0].split("(", 1)[0].strip()
    if before:
        text = f"{lower_measure(before)} {unit}"
    elif re.match(r"(?:of|for|in|on)\s", after, re.IGNORECASE):
        text = f"{unit} {after}"
    else:
        return None
    return text if len(text.split()) <= 10 else None


#: What narrows a measure's unit to the one a unit cost prices: "falls resulting in any harm".
_QUALIFIER = re.compile(
    r"^\s+((?:with|resulting in|causing|leading to|that (?:cause|causes|result in|lead to))"
    r"\s+[^,;:()]+?)\s*(?=$|[,;:(])",
    re.IGNORECASE,
)


def qualified_unit(impact: Impact, lang: Language) -> str:
    """One of ``impact``'s units, with the measure's qualifier when it narrows the unit.

    "fall resulting in any harm" for falls counted as "Inpatient falls
    resulting in any harm": a fall with no harm costs nothing, so "£1,878
    per fall" misread the cost (reader26 #11). English only; up to six words.
    """
    unit = fmt.singular_unit(impact.unit, lang)
    if lang.lang != "en":
        return unit
    plural = impact.unit.strip()
    found = re.search(rf"\b{re.escape(plural)}\b", impact.measure, re.IGNORECASE)
    if found is None:
        return unit
    qualifier = _QUALIFIER.match(impact.measure[found.end() :])
    if qualifier is None or len(qualifier.group(1).split()) > 6:
        return unit
    return f"{unit} {qualifier.group(1)}"


def _short_source_lines(
    ledger: Ledger, lang: Language, impacts: Collection[str] | None
) -> list[str]:
    """:func:`source_lines` for a progress update: no sources, each price year said.

    Two costs for one unit (a bed day out of area and one in the trust's own
    beds) are told apart by what each is per, as the brief tells them apart:
    "£620 per inappropriate out-of-area placement bed day …; £450 per bed day
    of adult acute inpatients clinically ready for discharge …" (reader26 #11,
    fixbrief29). Their sources, which once told them apart, are left to the
    briefing note like the rest: given in full they took the two lines that cost
    the crisis house's update the chart its sentences rely on (reader30 #1).
    """
    listed = _priced_lines(ledger, impacts)
    clash = _clashing_units(listed)
    pence = fmt.any_pence([line.unit_cost for line in listed if line.unit_cost is not None])
    parts: list[str] = []
    projected: set[int] = set()
    restated_any = False
    for line in listed:
        if line.unit_cost is None or line.impact.value is None:
            continue
        if line.uplift is not None and line.price_year not in (None, ledger.price_year):
            restated_any = True
            projected |= set(line.uplift.projected)
        text = costing(line, ledger, lang, pence=pence, named=line.impact.unit in clash)
        if text not in parts:
            parts.append(text)
    if not parts:
        return parts
    if restated_any:
        parts.append(_index_note(ledger, lang, projected))
    return [*parts, lang.gettext("sources as in the briefing note")]


def _index_note(ledger: Ledger, lang: Language, projected: Collection[int]) -> str:
    """The index line: "prices restated with the NHS Cost Inflation Index, PSSRU 2025", and more.

    A year past the published index is a projection, and a finance director
    is told so in the update as in the brief: "…; 2027/28 and 2028/29
    projected at 2.62% a year" (reader27 #1).
    """
    index = ledger.own_rates_source or lang.gettext("NHS Cost Inflation Index, PSSRU 2025")
    note = lang.gettext("prices restated with the {index}").format(index=index)
    if not projected:
        return note
    return lang.gettext("{source}; {years} projected at {rate} a year").format(
        source=note,
        years=fmt.join_list([fy_label(y) for y in sorted(projected)], lang),
        rate=fmt.percent(shipped_index().projection / 100, lang, decimals=2),
    )


#: Budgets that are not the trust's, as the 'whose budget' qualifier family names them
#: (:data:`pitchkit.recast.whose.OTHER_BODIES`).
OTHER_BUDGETS = {
    "ICB": N_("the ICB's budget"),
    "council": N_("the council's budget"),
    "Cancer Alliance": N_("the Cancer Alliance's budget"),
    # Bodies only a lead's `payer:` names (pitchkit.facts.fields.PAYERS): specialised
    # commissioning's high-cost drugs, a Welsh health board's money in an English trust's
    # or a Welsh trust's project, a Welsh Government grant.
    "NHS England": N_("NHS England's budget"),
    "health board": N_("the health board's budget"),
    "Welsh Government": N_("the Welsh Government's budget"),
    # An ICB's project: what a provider pays for (its agency shifts, its wards) (newuser29 #1).
    "trust": N_("the trust's budget"),
}


def trust_cash(line: Line) -> bool:
    """Whether ``line``'s cash is the trust's own, for its financial plan.

    Read once, in the ledger, by the rule the linker follows for a money claim
    on a whole budget (:func:`pitchkit.recast.whose.whose_cash`): cash from an
    impact that does less of what it counts, or one the lead marks ``releases:
    cash`` (income earned); never money in another body's budget, which the
    measure or the unit cost's source names ("ICB contract prices").
    """
    return line.releases == "cash" and line.own


def _apart(ledger: Ledger) -> list[tuple[str | None, list[Line]]]:
    """The cash that is not the trust's: each other body's, then more activity.

    ``(body, lines)`` for each body whose budget some cash is in (:attr:`Line.body`),
    then ``(None, lines)`` for cash that is more activity, not less spending.
    """
    cash = [line for line in ledger.counted if line.releases == "cash"]
    groups: list[tuple[str | None, list[Line]]] = []
    for other in OTHER_BUDGETS:
        mine = [line for line in cash if line.body == other]
        if mine:
            groups.append((other, mine))
    more = [line for line in cash if not trust_cash(line) and line.body is None]
    if more:
        groups.append((None, more))
    return groups


def _own_and_apart(
    ledger: Ledger, shown: Figures
) -> tuple[float, list[tuple[str | None, list[Line]]], list[float]]:
    """The shown cash split: the trust's own, and each group :func:`_apart` gives, each rounded."""
    groups = _apart(ledger)
    if not groups:
        return shown.cash, [], []
    own = [line for line in ledger.counted if trust_cash(line)]
    # Each part rounded on its own, as the statement above gives the same impact's money:
    # £307,330 is £307,000 beside "worth £307,000 a year", never moved to £308,000 so
    # that the parts add up to the rounded whole (newuser12 #5).
    money, *parts = [
        round_money(sum(line.annual for line in lines), shown.quantum)
        for lines in [own, *(lines for _, lines in groups)]
    ]
    return money, groups, parts


def _apart_text(
    groups: list[tuple[str | None, list[Line]]],
    parts: list[float],
    ledger: Ledger,
    lang: Language,
) -> str:
    """The sentences naming cash that is not the trust's, each with its money and whose it is."""
    sentences = []
    own = org_own(ledger, lang)
    for (whose, lines), part in zip(groups, parts, strict=True):
        what = _measures([line.impact.measure for line in lines], lang)
        if lang.lang == "cy":  # "o wariant", not "o gwariant": the money is "o {what}"
            what = fmt.after_o(what)
        if whose is not None:
            sentence = lang.gettext("Not {org} cash: {money} a year from {what}, which is {whose}.")
            sentence = sentence.format(
                org=own,
                money=_money(part, lang),
                what=what,
                whose=lang.gettext(OTHER_BUDGETS[whose]),
            )
        else:
            sentence = lang.gettext(
                "Not cash for {org} plan: {money} a year from {what}, which is more "
                "activity, not less spending, unless it earns income."
            ).format(org=own, money=_money(part, lang), what=what)
        sentences.append(sentence)
    return " ".join(sentences)


def cash_line(ledger: Ledger, shown: Figures, lang: Language, unborne: Collection[str] = ()) -> str:
    """The cash the financial plan can count, and any counted as cash that is not the trust's.

    Money in another body's budget (an ICB's primary care prescribing) and an
    impact that does more of something without ``releases: cash`` are not
    cash for the trust's plan (review14): they are said apart, after it, with
    their money, each rounded on its own (so the same impact's money reads the
    same figure here as in the statements above it).

    ``unborne`` are the impacts the progress log does not bear out (figures
    worse than before the change, or a chart that does not show it). When the
    trust's cash is all theirs, it is the plan's, and the line says the log
    shows none of it so far, not "cash for the financial plan" beside a
    statement that counts no money for it (newuser10 #6).
    """
    base = fy_label(ledger.price_year)
    own = [line for line in ledger.counted if trust_cash(line)]
    # Apart from the trust's cash: each other body's budget, then more activity.
    money, groups, parts = _own_and_apart(ledger, shown)
    single = len(own) == 1 and own[0].counts == "money" and own[0].impact.per == "year"
    if not own:
        # A whole sentence, not "At 2026/27 prices, no cash for …" (reader25 #15).
        text = lang.gettext(
            "None of the benefit is cash for the financial plan (figures at {base} prices)."
        ).format(base=base)
    elif all(line.impact.id in unborne for line in own) and single:
        text = lang.gettext(
            "At {base} prices, the plan counts {money} a year of cash, but the progress log "
            "shows none of it so far."
        ).format(base=base, money=_money(money, lang))
    elif all(line.impact.id in unborne for line in own):
        text = lang.gettext(
            "At {base} prices, the plan counts {money} a year of cash ({what}), but the "
            "progress log shows none of it so far."
        ).format(base=base, money=_money(money, lang), what=_names(own, lang))
    elif (cash := log_cash_parts(ledger, unborne)) is not None and round_money(
        cash.total, shown.quantum
    ) < round_money(money, shown.quantum):
        # The log shows less cash than the plan: the plan's figure is the plan's, and beside
        # it what the log's rate gives, the rate the years below are forecast at, so that
        # no "cash for the financial plan" reads beside "not paid back" (newuser26 #1).
        short, planned = cash.total, cash.planned
        so_far = _money(round_money(short, shown.quantum), lang)
        if planned > 0:
            # Some of that is the plan's rate for measures whose figures cannot show the
            # change yet: said as the plan's, not "at the log's rate" (newuser32 #2: the
            # £214,000 "at the log's rate" was the plan's rate for two measures and £0).
            logged = round_money(short, shown.quantum) - round_money(planned, shown.quantum)
            pattern = (
                lang.gettext(
                    "At {base} prices, cash in the plan: {money} a year; forecast {so_far} a "
                    "year: {logged} at the log's rate so far and {planned} at the plan's rate "
                    "where the log's figures cannot show the change yet."
                )
                if single
                else lang.gettext(
                    "At {base} prices, cash in the plan: {money} a year ({what}); forecast "
                    "{so_far} a year: {logged} at the log's rate so far and {planned} at the "
                    "plan's rate where the log's figures cannot show the change yet."
                )
            )
            text = pattern.format(
                base=base,
                money=_money(money, lang),
                what=_names(own, lang),
                so_far=so_far,
                logged=_money(max(logged, 0.0), lang),
                planned=_money(round_money(planned, shown.quantum), lang),
            )
        elif single:
            text = lang.gettext(
                "At {base} prices, cash in the plan: {money} a year; so far, at the log's rate, "
                "{so_far} a year."
            )
        else:
            text = lang.gettext(
                "At {base} prices, cash in the plan: {money} a year ({what}); so far, at the "
                "log's rate, {so_far} a year."
            )
        if not planned > 0:
            text = text.format(
                base=base, money=_money(money, lang), what=_names(own, lang), so_far=so_far
            )
    elif len(own) == 1 and own[0].counts == "money" and own[0].impact.per == "year":
        # A measure that is itself money a year (spend on dressings): what it counts is the
        # sum just given, and "£140,000 a year (£140,000 less a year)" would say it twice.
        # A month's or a quarter's spend keeps its own figure in brackets.
        text = lang.gettext("At {base} prices, cash for the financial plan: {money} a year.")
        text = text.format(base=base, money=_money(money, lang))
    else:
        text = lang.gettext(
            "At {base} prices, cash for the financial plan: {money} a year ({what})."
        ).format(base=base, money=_money(money, lang), what=_names(own, lang))
    if groups:
        text = f"{text} {_apart_text(groups, parts, ledger, lang)}"
    return text


class LogCash(NamedTuple):
    """The trust's own cash a year as the progress log forecasts it, in its two parts."""

    #: At the rate the log shows (an impact it does not bear out counts nothing).
    logged: float
    #: The plan's rate, for impacts the log gives no rate for yet.
    planned: float

    @property
    def total(self) -> float:
        """The whole forecast a year: the two parts, which the cash line adds up."""
        return self.logged + self.planned


def log_cash_parts(ledger: Ledger, unborne: Collection[str] = ()) -> LogCash | None:
    """The trust's own cash a year at the rate the progress log shows, if it shows a rate.

    Each own cash impact the log carries on at its rate in the year under way
    counts twelve months of that rate (the ``logged`` part); one the log does
    not bear out (``unborne``) counts nothing; the others, whose figures are
    too few or too young to show the change or not logged yet, their plan's
    money a year (the ``planned`` part). One loop for both parts, so that the
    cash line's "{logged} … and {planned} …" always adds up to its forecast
    (review23 #7). ``None`` when the log gives no rate for any of them: the
    plan is all there is to say.
    """
    running = next((s for s in ledger.years if s.year == ledger.under_way), None)
    rates = dict(running.rates) if running is not None else {}
    own = [line for line in ledger.counted if trust_cash(line)]
    if not any(line.impact.id in rates for line in own):
        return None
    logged = planned = 0.0
    for line in own:
        if line.impact.id in rates:
            logged += max(rates[line.impact.id], 0.0) * 12
        elif line.impact.id not in unborne:
            planned += line.annual
    return LogCash(logged, planned)


def log_cash(ledger: Ledger, unborne: Collection[str] = ()) -> float | None:
    """:func:`log_cash_parts`' whole forecast a year, or ``None`` when the log gives no rate."""
    parts = log_cash_parts(ledger, unborne)
    return parts.total if parts is not None else None


def said_already(lines: list[Line], said: Collection[str]) -> bool:
    """Whether a total of ``lines`` is a figure the note's statements already gave.

    It is when it is one impact's money a year and a statement shown above
    gave that impact's money (a statement gives it in the impact's own
    period, so only a yearly figure is the same figure).
    """
    return len(lines) == 1 and lines[0].impact.id in said and lines[0].impact.per == "year"


def capacity_line(
    ledger: Ledger, shown: Figures, lang: Language, said: Collection[str] = ()
) -> str:
    """The capacity released, and what must be taken out for it to be money.

    When a statement above already gave the capacity's money, it is not
    restated: the line says only what must be taken out.
    """
    capacity = _capacity(ledger)
    if not capacity:
        return ""
    groups = _elsewhere(ledger)
    if not groups:
        return _trust_capacity_line(capacity, ledger, shown, lang, said)
    own = [line for line in capacity if line.elsewhere is None]
    sentences = []
    if own:
        mine = round_money(sum(line.annual for line in own), shown.quantum)
        sentences.append(
            _trust_capacity_line(own, ledger, replace(shown, capacity=mine), lang, said)
        )
    sentences += _elsewhere_sentences(ledger, shown, lang, said, first=not own)
    return " ".join(sentences)


def _elsewhere_sentences(
    ledger: Ledger, shown: Figures, lang: Language, said: Collection[str], *, first: bool
) -> list[str]:
    """Each other body's staff time freed, named as theirs, with its money rounded on its own.

    ``first``: the first sentence opens the capacity ("Capacity: ..."), there
    being none of the trust's own before it.
    """
    groups = _elsewhere(ledger)
    sentences = []
    for index, (body, lines) in enumerate(groups):
        freed = lang.gettext(_FREED[body])
        payers = {line.body for line in lines}
        if len(payers) == 1 and (payer := payers.pop()) in _PAID_BY:
            # Whose money the capacity is, when another body pays for it: the ICB, for the
            # acute beds a community trust's project frees (newuser36 #5).
            freed = lang.gettext("{freed}, {paid}").format(
                freed=freed, paid=lang.gettext(_PAID_BY[str(payer)])
            )
        money = _money(round_money(sum(line.annual for line in lines), shown.quantum), lang)
        values = {"money": money, "what": _names(lines, lang), "freed": freed}
        values["org"] = org_for(ledger, lang)
        if first and index == 0 and len(groups) == 1 and said_already(lines, said):
            text = lang.gettext("The capacity above is {freed}, not money {org}.")
        elif first and index == 0:
            text = lang.gettext("Capacity: {money} a year ({what}), {freed}, not money {org}.")
        else:
            text = lang.gettext("Also {money} a year of {freed} ({what}), not money {org}.")
        sentences.append(text.format(**values))
    return sentences


def _trust_capacity_line(
    capacity: list[Line], ledger: Ledger, shown: Figures, lang: Language, said: Collection[str]
) -> str:
    """The trust's own capacity, and what must be taken out for it to be money."""
    takes: list[str] = []
    # One line's bed days named already in "Capacity: £900,000 a year (1,900 fewer bed days a
    # year)" are not said again beside its beds; only the occupancy is (fixbrief28).
    named = len(capacity) == 1 and not said_already(capacity, said)
    for line in capacity:
        bed_days = _bed_days(ledger, line)
        if bed_days is not None and named and line.counts == "bed days":
            takes.append(
                lang.gettext("about {beds} close (at {occupancy} occupancy)").format(
                    beds=fmt.counted(
                        fmt.about(beds(bed_days, ledger.occupancy), lang), "beds", lang
                    ),
                    occupancy=fmt.percent(ledger.occupancy / 100, lang),
                )
            )
        elif bed_days is not None:
            takes.append(
                lang.gettext("about {beds} close ({days} a year at {occupancy} occupancy)").format(
                    beds=fmt.counted(
                        fmt.about(beds(bed_days, ledger.occupancy), lang), "beds", lang
                    ),
                    days=fmt.counted(fmt.number(fmt.whole(bed_days), lang), "bed days", lang),
                    occupancy=fmt.percent(ledger.occupancy / 100, lang),
                )
            )
        else:
            takes.append(lang.gettext(TAKEN_OUT[_taken_out_kind(line)]))
    # Each Welsh condition is a clause of its own ("pan fydd gwelyau'n cau"); join_list
    # mutates the last one's "pan" after "a": "pan …, pan … a phan …".
    taken = fmt.join_list(list(dict.fromkeys(takes)), lang)
    if said_already(capacity, said):
        return lang.gettext("The capacity above is money only when {taken}.").format(taken=taken)
    return lang.gettext("Capacity: {money} a year ({what}), money only when {taken}.").format(
        money=_money(shown.capacity, lang), what=_names(capacity, lang), taken=taken
    )


def _taken_out_kind(line: Line) -> str:
    """Which :data:`TAKEN_OUT` text a capacity line takes.

    Home visits and contacts count like clinic sessions, but no clinic closes
    when fewer are made: the staff time that makes them is what can stop. Nor
    does one when fewer people attend an emergency department (or an urgent
    treatment centre), which stays open: its shifts and staffed hours are
    what can stop being paid for.
    """
    if line.counts == "sessions" and _VISITS.search(line.impact.unit):
        return "visits"
    if line.counts == "sessions" and _emergency().search(
        f"{line.impact.measure} {line.impact.unit}"
    ):
        return "emergency"
    return line.counts if line.counts in TAKEN_OUT else "other"


#: Home visits and contacts.
_VISITS = re.compile(r"\b(?:visit|contact)", re.I)


#: An emergency department, A&E or urgent treatment centre, in English or Welsh.
@cache
def _emergency() -> re.Pattern[str]:
    return re.compile(
        r"\b(?:emergency department|emergency attendance|A ?& ?E\b|ED\b|urgent treatment"
        r"|urgent care|minor injur|walk-in"
        r"|achosion brys|adran frys|gofal brys|mân anafiadau)",
        re.I,
    )


def _bed_days(ledger: Ledger, line: Line) -> float | None:
    """Bed days a year behind a capacity line: its own, or those of a line counted within it."""
    candidates = [line] + [other for other in ledger.lines if other.within == line.impact.id]
    for candidate in candidates:
        impact = candidate.impact
        if candidate.counts == "bed days" and impact.per is not None:
            gain = abs(impact.baseline - impact.target)
            return gain * PER_YEAR[impact.per]
    return None


def overlap_lines(
    ledger: Ledger, lang: Language, nested: Mapping[str, str] | None = None
) -> list[str]:
    """What is counted once, and why.

    ``nested`` gives, for an impact counted within another, what the log
    shows of it so far when its own chart shows the change and the other's
    does not: said after the line, so that a change the log proves is not
    lost in "do not show the change" (newuser14 P2).
    """
    texts = []
    for line in ledger.lines:
        if line.within is None:
            continue
        kept = ledger.line(line.within)
        if kept is None:
            continue
        if line.overlap == "episode":
            why = lang.gettext("the episode price includes the stay")
        elif line.overlap == "agency":
            why = lang.gettext("the spend is what the shifts cost")
        elif line.overlap == "cash":
            why = lang.gettext("the cash saving includes it")
        else:
            why = lang.gettext("the facts file says so")
        text = lang.gettext("Not counted again: {dropped}, within {kept} ({why}).").format(
            dropped=_gain(line, lang), kept=_gain(kept, lang), why=why
        )
        so_far = (nested or {}).get(line.impact.id)
        texts.append(f"{text} {so_far}" if so_far else text)
    return texts


def verdict_gaps(ledger: Ledger) -> tuple[Period, ...]:
    """The periods with no figure in the log that could turn "not paid back" into paid back.

    Each gap is counted at the rate of the rest of its year (the year's
    benefit over the days the log covers); when the benefit over the project
    with the gaps so filled would reach the funding, the verdict rests on
    them, and the note says so (docs/money.md, Payback). Empty when the
    verdict stands whatever the gaps hold at that rate, or there are none.
    """
    if not ledger.investment:
        return ()
    gaps: list[Period] = []
    filled = 0.0
    for share in ledger.years:
        if not share.unlogged:
            continue
        first, last = fy_bounds(share.year)
        missing = sum(
            (min(p.end, last) - max(p.start, first)).days + 1
            for p in share.unlogged
            if p.end >= first and p.start <= last
        )
        covered = share.days - missing
        if missing <= 0 or covered <= 0 or share.benefit <= 0:
            continue
        filled += share.benefit * missing / covered
        gaps.extend(share.unlogged)
    total = sum(share.benefit for share in ledger.years)
    if not gaps or total >= ledger.investment or total + filled < ledger.investment:
        return ()
    return tuple(gaps)


def gaps_words(gaps: Sequence[Period], lang: Language) -> str:
    """``March 2026``, ``September 2025 and March 2026``: the gaps a verdict rests on."""
    return fmt.join_list([fmt.period_label(p.text, lang) for p in gaps], lang)


def _ends_in(ledger: Ledger, year: int) -> dt.date | None:
    """The project's last day, when it falls inside financial year ``year``."""
    last = ledger.year_end(year)
    return last if last < fy_bounds(year)[1] else None


def _follows_average(ledger: Ledger, index: int) -> bool:
    """Whether year ``index`` carries on the average a month the year just before it names.

    The year under way says "… then £281,000 at the average so far, about
    £70,000 a month"; the year after it, at that same average, says so
    ("at the same average") rather than naming its months again.
    """
    if index == 0:
        return False
    before, share = ledger.years[index - 1], ledger.years[index]
    return (
        before.year == ledger.under_way
        and before.so_far is not None
        and before.upto is not None
        and sum(rate for _, rate in before.rates) > 0
        and not before.unshown
        and not before.unfigured
        and not before.worse
        and share.rate_span is not None
        and share.rate_span[1] == before.upto
    )


def investment_line(
    ledger: Ledger, shown: Figures, lang: Language, *, net_said: bool = False
) -> str:
    """Benefit against investment, by financial year, with payback and return per £1.

    ``net_said``: the line before says the extra spend is netted against the
    benefits, so this one does not say it again.
    """
    if not ledger.investment or not ledger.years:
        return ""
    years = "; ".join(
        year_text(
            share,
            benefit,
            spent,
            ledger.logged,
            lang,
            quantum=shown.years_quantum,
            closed=ledger.closed(share.year),
            under_way=share.year == ledger.under_way,
            ends=_ends_in(ledger, share.year),
            same_average=_follows_average(ledger, index),
        )
        for index, (share, (_, benefit, spent)) in enumerate(
            zip(ledger.years, shown.years, strict=True)
        )
    )
    if len(shown.years) == 1 and not ledger.logged and shown.years[0][2] == shown.investment:
        # One year with all the funding in it: "2027/28 £85,000 against £48,000" after
        # "against £48,000 of funding" says the funding twice (reader25 #15).
        years = lang.gettext("{year} {benefit}").format(
            year=fy_label(ledger.years[0].year), benefit=_money(shown.years[0][1], lang)
        )
    elif len(shown.years) == 1 and shown.years[0][2] == shown.investment:
        # The same once the log has figures: "2027/28 £31,000 forecast (…)" after "Benefit
        # against £48,000 of funding", not "forecast against £48,000" again (reader28 #11).
        against = " " + lang.gettext("against {invested}").format(
            invested=_money(shown.investment, lang)
        )
        years = years.replace(against, "", 1)
    months = whole_months(ledger.payback_months)
    begins = full_rate_from(ledger)
    if ledger.logged:
        # Some year is what the log delivered: the payback follows the years shown, so
        # that "£53,000 delivered for £48,000" is never followed by "payback 6 months".
        repaid = ledger.payback_logged()
        months = whole_months(repaid[0]) if repaid else None
        begins = repaid[1] if repaid and ledger.start and repaid[1] > ledger.start else None
    gaps = verdict_gaps(ledger) if months is None and ledger.logged else ()
    if gaps:
        # A yes/no that a month missing from the log could turn is not given as settled.
        payback = lang.gettext(
            "not paid back within the project with {gaps} not yet logged"
        ).format(gaps=gaps_words(gaps, lang))
    elif months is None and ledger.logged:
        payback = lang.gettext("not paid back within the project")
    elif months is None:
        payback = lang.gettext("no payback")
    elif ledger.logged:
        # Not the full rate the other directors' notes give (they say so), but the years
        # above: named, so that "11 months" beside their "6 months" is not read as a slip.
        forecast = not all(share.delivered_only for share in ledger.years)
        payback = _payback_on_the_log(
            months,
            begins,
            lang,
            forecast=forecast,
            start=ledger.start,
            delivered=delivered_any(ledger),
        )
    elif beyond_end(ledger, ledger.payback_months) and ledger.end is not None:
        # A payback after the project ends is not a payback the project makes: said so,
        # with the months at the full rate beside it for the finance director to weigh.
        end = fmt.period_label(f"{ledger.end:%Y-%m}", lang)
        payback = (
            lang.gettext(
                "not paid back by the end of the project in {end}; at the full rate it would take "
                "{span} from {month}"
            ).format(
                end=end,
                span=full_rate_span(months, lang),
                month=fmt.period_label(f"{begins:%Y-%m}", lang),
            )
            if begins is not None
            else lang.gettext(
                "not paid back by the end of the project in {end}; at the full rate it would take "
                "{span}"
            ).format(end=end, span=full_rate_span(months, lang))
        )
    elif begins is not None:
        # Months at the full rate, counted from when the benefit starts: a reader counting
        # from the project's start would look for the money back before any of it came.
        payback = lang.ngettext(
            "payback {n} month once the benefit starts ({month})",
            "payback {n} months once the benefit starts ({month})",
            months,
        ).format(n=months, month=fmt.period_label(f"{begins:%Y-%m}", lang))
    else:
        payback = lang.ngettext("payback {n} month", "payback {n} months", months).format(n=months)
    back = return_text(ledger, shown, lang)
    exact = exact_payback(ledger, shown)
    if exact is not None:
        line = _exact_line(ledger, shown, years, exact, lang)
        spread = benefit_spread(ledger, lang)
        return f"{line} {spread}" if spread else line
    if len(shown.years) == 1:
        # One financial year: the total over the project would only repeat that year's figure.
        template = (
            lang.gettext(
                "Benefit against {investment} of funding, counting capacity as if it were cash: "
                "{years}, {net}; {payback}; {back}."
            )
            if shown.capacity
            else lang.gettext(
                "Benefit against {investment} of funding: {years}, {net}; {payback}; {back}."
            )
        )
    else:
        template = (
            lang.gettext(
                "Benefit against {investment} of funding, counting capacity as if it were cash: "
                "{years}; over the project {benefit}, {net}; {payback}; {back}."
            )
            if shown.capacity
            else lang.gettext(
                "Benefit against {investment} of funding: {years}; over the project {benefit}, "
                "{net}; {payback}; {back}."
            )
        )
    line = template.format(
        investment=_money(shown.investment, lang),
        years=years,
        benefit=_money(shown.benefit, lang),
        net=net_text(shown.net, lang),
        payback=payback,
        back=back,
    )
    line = f"{line} {netted_note(lang, ledger)}" if _netted_elsewhere(ledger, shown) else line
    basis = counted_from(ledger, lang)
    line = f"{line} {basis}" if basis else line
    spread = benefit_spread(ledger, lang)
    line = f"{line} {spread}" if spread else line
    return line if net_said else _net_of_cost(line, shown, lang)


def funding_spread(ledger: Ledger, lang: Language, fund: str) -> str:
    """How the funding is split between the years: by the project's days in each.

    "2026/27 £0 against £61,000; 2027/28 £448,000 against £259,000" left a
    finance director asking how £320,000 was split (newuser40 #5): a project
    that starts or ends part way through a month has each year's share of its
    days (87 and 366 of 453), and the sentence gives the days, so the split can
    be checked by hand. One of whole months splits alike by its months, which
    a reader counts without help: said only when the ``fund`` is named for one
    year ("… Recovery Fund 2026/27"), where a finance director would expect the
    money all in that year (newuser37 #8). Empty otherwise, for a project within
    one financial year, or without dates.
    """
    from pitchkit.recast.money import months_between, year_named

    if len(ledger.years) < 2 or ledger.start is None or ledger.end is None:
        return ""
    months = months_between(ledger.start, ledger.end)
    if abs(months - round(months)) > 0.01 or ledger.start.day != 1:
        # Brief, as the line is long already and a note has one page: "Funding split by
        # days: 87 in 2026/27, 366 in 2027/28."
        days = ", ".join(
            lang.gettext("{days} in {year}").format(
                days=fmt.number(share.days, lang), year=fy_label(share.year)
            )
            for share in ledger.years
        )
        return lang.gettext("Funding split by days: {days}.").format(days=days)
    if year_named(fund) is None:
        return ""
    return lang.ngettext(
        "The funding is spread evenly over the project's {n} month.",
        "The funding is spread evenly over the project's {n} months.",
        round(months),
    ).format(n=round(months))


def counted_from(ledger: Ledger, lang: Language) -> str:
    """From when, and at what rate, the plan's years count the benefit (reader24 #14).

    Every year at the plan's rate counts each impact's benefit at its full
    target from the day its change reaches the measure (its ``changed:`` date,
    else the project's start), with no time to build up; a finance director
    checking a year by hand needs that date, and one who knows the service
    opened later can see what the figures assume. Empty once a year is what
    the log delivered (each year then says what it counts) or without dates.
    """
    if ledger.logged or ledger.start is None or not ledger.years:
        return ""
    start = ledger.start
    starts = sorted({benefit_start(line.impact, start) for line in ledger.counted if line.annual})
    if not starts:
        return ""
    if starts == [start]:
        return lang.gettext("Counted at the full target from {day}, the project's start.").format(
            day=fmt.date(start, lang)
        )
    months = [fmt.period_label(f"{day:%Y-%m}", lang) for day in starts]
    if len(months) == 1:
        return lang.gettext(
            "Counted at the full target from {month}, when the change is in place."
        ).format(month=months[0])
    return lang.gettext(
        "Counted at each measure's full target from when its change is in place: {months}."
    ).format(months=fmt.join_list(months, lang, style="or"))


def benefit_spread(ledger: Ledger, lang: Language) -> str:
    """How the plan's benefit is split between the years: by the days each year counts.

    "2025/26 £120,500" for the one month of March, beside "worth £118,200 a
    month", left a finance director asking how it was worked out (newuser41
    #3): a part year at the plan's rate is the year's benefit times its days
    (31 of 365), not its months. Said as the funding's split is ("Funding split
    by days: …"), giving each part year's days from when the benefit counts, of
    the year's, so that it can be checked by hand, a leap year too: "Benefit
    split by days: 31 of 365 in 2025/26, 153 of 366 in 2027/28" (£1,419,000 x
    153 / 366 is £593,000). Empty when every year is whole, once a year
    is what the log delivered (each year then says what it counts), when the
    impacts count from different days, or without dates.
    """
    from pitchkit.recast.money import earning_days, fy_bounds

    if ledger.logged or ledger.start is None or ledger.end is None or len(ledger.years) < 2:
        return ""
    start, end = ledger.start, ledger.end
    starts = {benefit_start(line.impact, start) for line in ledger.counted if line.annual}
    if len(starts) != 1:
        return ""
    (begins,) = starts
    days = []
    for share in ledger.years:
        first, last = fy_bounds(share.year)
        counted, length = earning_days(first, last, begins, end), (last - first).days + 1
        if 0 < counted < length:
            days.append((counted, length, share.year))
    if not days:
        return ""
    said = ", ".join(
        lang.gettext("{days} of {length} in {year}").format(
            days=fmt.number(n, lang), length=fmt.number(length, lang), year=fy_label(year)
        )
        for n, length, year in days
    )
    return lang.gettext("Benefit split by days: {days}.").format(days=said)


def _net_of_cost(line: str, shown: Figures, lang: Language) -> str:
    """``line``, saying that its benefit is net of the new spend the change adds, if any."""
    if not shown.cost:
        return line
    note = lang.gettext("Each year's benefit is net of the extra spend the change adds.")
    return f"{line} {note}"


def _netted_elsewhere(ledger: Ledger, shown: Figures) -> bool:
    """Whether a progress update's total for some measure is lower than these years count.

    A closed year counts £0 for a measure whose figures that year are worse
    than before the change; a progress update counts the measure from the
    change on, that loss netted against its later gains. A finance director
    holding both papers sees two totals for one thing, so the block says why
    (merge17's open decision). Only a loss an update does net (:attr:`YearShare.lost`:
    a measure whose chart shows the change) makes the two differ.
    """
    return (
        ledger.logged
        and shown.benefit > 0
        and len(shown.years) > 1
        and any(share.lost and share.logged for share in ledger.years)
    )


def netted_note(lang: Language, ledger: Ledger) -> str:
    """The sentence after the block when a worse year counts £0 here but is netted in an update.

    It says by how much, and from what, so that the two totals reconcile by
    hand: "… is lower by £2,696 (13 attendances at £207.38 in 2026/27)".
    """
    parts: list[str] = []
    total = 0.0
    for share in ledger.years:
        if not share.logged:
            continue
        for lost in share.lost:
            total += lost.money
            year = fy_label(share.year)
            parts.append(
                lang.gettext("{money} in {year}").format(
                    money=_money(_pound(lost.money), lang), year=year
                )
                if lost.cost is None
                else lang.gettext("{count} at {cost} in {year}").format(
                    count=fmt.quantity(lost.size, lost.unit, lang),
                    cost=_unit_cost(lost.cost, lang),
                    year=year,
                )
            )
    return lang.gettext(
        "Each year counts £0, not a loss, for a measure whose figures that year are worse than "
        "before the change; a progress update takes that loss off what the measure delivered "
        "since the change, so its total for the measure is lower by {amount} ({details})."
    ).format(amount=_money(_pound(total), lang), details=fmt.join_list(parts, lang))


def _pound(value: float) -> float:
    """``value`` to the pound, a half rounded up: a sum priced at a cost with pence."""
    return float(math.floor(value + 0.5))


def exact_payback(ledger: Ledger, shown: Figures) -> int | None:
    """The months over which the benefit pays back the funding exactly, when it does.

    When the benefit over the project, as shown, is the funding as shown, a
    finance director reads "net £0; not paid back within the project; £1 per
    £1" as a riddle (a few pounds short by the days of a leap year, or a few
    over): the benefit pays the funding back exactly, by the project's end.
    Whole months from the first day of benefit to the project's last day;
    ``None`` in any other case.
    """
    if (
        not ledger.investment
        or shown.benefit <= 0
        or shown.benefit != shown.investment
        or ledger.start is None
        or ledger.end is None
    ):
        return None
    starts = [benefit_start(line.impact, ledger.start) for line in ledger.counted if line.annual]
    if not starts:
        return None
    begins = min(starts)
    # The benefit equals the funding over the whole project: the payback is its length, in
    # the nearest whole months (a leap year's 366 days are 12 months, not 13).
    return nearest_months(12 * ((ledger.end - begins).days + 1) / DAYS_IN_YEAR)


def exact_words(ledger: Ledger, shown: Figures, months: int, lang: Language) -> str:
    """``the benefit pays back the funding exactly, in 12 months``, and on what basis.

    "Exactly" means to the pound: when the benefit and the funding agree only
    once rounded (£59,918 against £60,000, both shown £60,000), the clause
    says to what they agree and gives the benefit to the pound, so that a
    finance director does not read a rounding as a payback. When some of the
    benefit is forecast beside years the log delivered, the clause keeps the
    basis, as every other payback in the block does ("the benefit delivered
    and forecast"): a forecast is not stated as fact. With nothing delivered
    yet (:func:`delivered_any`) it is "the benefit forecast".
    """
    forecast = ledger.logged and not all(share.delivered_only for share in ledger.years)
    # With nothing delivered yet, all of it is forecast, and says only that (fixfit44).
    basis = ("delivered" if delivered_any(ledger) else "forecast") if forecast else "plan"
    benefit = sum(share.benefit for share in ledger.years)
    investment = ledger.investment or 0.0
    if fmt.whole(benefit) == fmt.whole(investment):
        exactly = {
            "delivered": lang.ngettext(
                "the benefit delivered and forecast pays back the funding exactly, in {n} month",
                "the benefit delivered and forecast pays back the funding exactly, in {n} months",
                months,
            ),
            "forecast": lang.ngettext(
                "the benefit forecast pays back the funding exactly, in {n} month",
                "the benefit forecast pays back the funding exactly, in {n} months",
                months,
            ),
            "plan": lang.ngettext(
                "the benefit pays back the funding exactly, in {n} month",
                "the benefit pays back the funding exactly, in {n} months",
                months,
            ),
        }
        return exactly[basis].format(n=months)
    nearest = {
        "delivered": lang.ngettext(
            "the benefit delivered and forecast matches the funding to the nearest {step}, "
            "over {n} month: {benefit} to the pound, against {investment}",
            "the benefit delivered and forecast matches the funding to the nearest {step}, "
            "over {n} months: {benefit} to the pound, against {investment}",
            months,
        ),
        "forecast": lang.ngettext(
            "the benefit forecast matches the funding to the nearest {step}, over {n} month: "
            "{benefit} to the pound, against {investment}",
            "the benefit forecast matches the funding to the nearest {step}, over {n} months: "
            "{benefit} to the pound, against {investment}",
            months,
        ),
        "plan": lang.ngettext(
            "the benefit matches the funding to the nearest {step}, over {n} month: {benefit} "
            "to the pound, against {investment}",
            "the benefit matches the funding to the nearest {step}, over {n} months: {benefit} "
            "to the pound, against {investment}",
            months,
        ),
    }
    template = nearest[basis]
    return template.format(
        n=months,
        step=_money(shown.quantum, lang),
        benefit=_money(fmt.whole(benefit), lang),
        investment=_money(fmt.whole(investment), lang),
    )


def _exact_line(ledger: Ledger, shown: Figures, years: str, months: int, lang: Language) -> str:
    """The finance block's last line when the benefit is the funding exactly.

    No "net £0" and no "£1 per £1": the line says it plainly.
    """
    if len(shown.years) == 1:
        template = (
            lang.gettext(
                "Benefit against {investment} of funding, counting capacity as if it were cash: "
                "{years}; {exact}."
            )
            if shown.capacity
            else lang.gettext("Benefit against {investment} of funding: {years}; {exact}.")
        )
    else:
        template = (
            lang.gettext(
                "Benefit against {investment} of funding, counting capacity as if it were cash: "
                "{years}; over the project {benefit}: {exact}."
            )
            if shown.capacity
            else lang.gettext(
                "Benefit against {investment} of funding: {years}; over the project {benefit}: "
                "{exact}."
            )
        )
    return template.format(
        investment=_money(shown.investment, lang),
        years=years,
        benefit=_money(shown.benefit, lang),
        exact=exact_words(ledger, shown, months, lang),
    )


def return_text(ledger: Ledger, shown: Figures, lang: Language) -> str:
    """``£1.41 per £1``, ``62p per £1``, or ``no return on the £90,000 of funding``.

    A return under £1 is in pence, as a finance director says it; nothing
    back is said in words, not as "£0 per £1". The ratio is worked from the
    benefit and funding the line shows, as a finance director checking it
    on the page does: "£1.07 per £1" beside £51,000 and £48,000 (which give
    £1.06) read as a slip (reader27). A small benefit is shown to £100, fine
    enough for the pence (£206,400 ÷ £96,000 is £2.15). To the penny below £20,
    as below £10: "£12 per £1" for £11.53 moved the return by 4% (newuser41 #2);
    from £20, a whole pound moves it by 2.5% at most ("£24 per £1").
    """
    invested = shown.investment or ledger.investment or 0.0
    per_pound = shown.benefit / invested if invested else 0.0
    pence = fmt.whole(per_pound * 100)
    if shown.benefit <= 0:
        return lang.gettext("no return on the {investment} of funding").format(
            investment=_money(shown.investment, lang)
        )
    if pence < 1:
        return lang.gettext("less than 1p per £1")
    if pence < 100:
        return lang.gettext("{pence}p per £1").format(pence=pence)
    money = (
        fmt.money(per_pound, lang, precision="exact")
        if per_pound < 20
        else _money(fmt.whole(per_pound), lang)
    )
    return lang.gettext("{money} per £1").format(money=money)


def _basis_months(ledger: Ledger, kind: Kind | None) -> Months | None:
    """The payback of ``kind`` as the notes give it: on the log's years once it has any."""
    if ledger.logged:
        repaid = ledger.payback_logged(kind)
        return whole_months(repaid[0]) if repaid else None
    months = ledger.payback_from(kind)
    return None if beyond_end(ledger, months) else whole_months(months)


def payback_bases(
    ledger: Ledger,
    shown: Figures,
    lang: Language,
    said: Kind | bool | None = False,
    whole: Kind | None = None,
) -> str:
    """Both paybacks, said alike in every director's note (newuser15 #7).

    Beside cash and capacity the finance director's block gives the payback
    counting the capacity as if it were cash, and the other directors' line
    the cash's alone: side by side, "16 months" and "not paid back" read as
    notes that disagree. Each note so ends with both, in the same words, as
    plain finance language ("Payback: 16 months counting capacity as if it
    were cash; not within the project from the cash alone."), not a remark on
    the notes themselves (newuser16 #8).
    ``said`` is the basis the sentence before already gave a payback on
    (``None``: the whole benefit, as the finance block's years do; ``"cash"``:
    the cash alone, as the other directors' bracket does): only the other is
    given then, so that no note says one payback twice (newuser19 #8).
    Empty without funding, unless the plan has both cash and capacity, and
    when even the whole benefit does not repay the funding: every note then
    says "not paid back" in the finance block's words already.

    The cash alone is the trust's own (kind ``"own"``), as every other
    director's line counts it: another body's cash (the ICB's budget at its
    contract prices) does not repay the trust's funding. Where some of the
    cash is another body's, the finance block says whose ("Payback from the
    trust's own cash alone: …"), or says nothing when the trust has no
    capacity of its own, since :func:`apart_payback` before it gives that
    same payback already ("without it, not paid back within the project"),
    fixmoney21: it had read "Payback from the cash alone: 23 months" there,
    12 x 265,000 / 141,000 with the ICB's £126,000 in it.

    ``whole`` is the kind the payback counting capacity as cash counts: the
    other directors' line, beside another body's money it names apart, counts
    the trust's own (``"trust"``), as the finance block's "without it" does
    (newuser32 #1: that line had dropped this payback altogether).
    """
    if not ledger.investment or not shown.cash or not shown.capacity:
        return ""
    if _basis_months(ledger, whole) is None:
        return ""
    parts = []
    for kind in (whole, "own"):
        months = _basis_months(ledger, kind)
        parts.append(
            lang.gettext("not within the project")
            if months is None
            else lang.ngettext("{n} month", "{n} months", months).format(n=months)
        )
    if said is None:
        if any(spends(line) and not line.own for line in ledger.counted):
            if _basis_months(ledger, "trust") == _basis_months(ledger, "own") and apart_payback(
                ledger, shown, lang
            ):
                return ""
            return lang.gettext("Payback from {org} own cash alone: {cash}.").format(
                org=org_own(ledger, lang), cash=parts[1]
            )
        return lang.gettext("Payback from the cash alone: {cash}.").format(cash=parts[1])
    if said == "cash":
        return lang.gettext("Payback counting capacity as if it were cash: {whole}.").format(
            whole=parts[0]
        )
    return lang.gettext(
        "Payback: {whole} counting capacity as if it were cash; {cash} from the cash alone."
    ).format(whole=parts[0], cash=parts[1])


def beyond_end(ledger: Ledger, months: float | None) -> bool:
    """Whether a payback of ``months`` at the full rate would come after the project ends.

    The months count from when the full rate is reached (:func:`full_rate_from`,
    else the project's start) to the project's last day.
    """
    if months is None or ledger.start is None or ledger.end is None:
        return False
    begins = full_rate_from(ledger) or ledger.start
    available = 12 * ((ledger.end - begins).days + 1) / DAYS_IN_YEAR
    return months > available + 1e-9


def pays_back(ledger: Ledger) -> bool:
    """Whether the finance block gives a payback within the project.

    On the years the log delivered when some are (:meth:`Ledger.payback_logged`),
    else at the full rate, counted from when it is reached, before the
    project's end. With no funding there is nothing to pay back.
    """
    if not ledger.investment:
        return True
    if ledger.logged:
        return ledger.payback_logged() is not None
    months = ledger.payback_months
    return whole_months(months) is not None and not beyond_end(ledger, months)


def cash_pays_back(ledger: Ledger) -> bool:
    """Whether the cash alone pays the funding back within the project.

    As every other director's line reads it beside cash and capacity: on the
    years the log delivered when some are, else at the full rate, before the
    project's end. The finance block counts capacity as cash too, so its
    payback can be shorter; "an investment case that pays back" needs this one.
    The cash is the trust's own: another body's budget (an ICB's contract
    prices) does not pay back the trust's funding.
    """
    if not ledger.investment:
        return True
    if ledger.logged:
        return ledger.payback_logged("own") is not None
    months = ledger.payback_from("own")
    return whole_months(months) is not None and not beyond_end(ledger, months)


def net_text(net: float, lang: Language) -> str:
    """``net £12,000``, or ``a net cost of £12,000`` when the investment is the larger.

    A director reads what the money comes to in words, never a figure with a
    minus sign before the pound sign.
    """
    if net < 0 and _money(-net, lang) != _money(0, lang):
        return lang.gettext("a net cost of {money}").format(money=_money(-net, lang))
    return lang.gettext("net {money}").format(money=_money(abs(net), lang))


def year_text(
    share: YearShare,
    benefit: float,
    spent: float,
    marked: bool,
    lang: Language,
    *,
    quantum: float = 1.0,
    closed: bool = False,
    under_way: bool = False,
    ends: dt.date | None = None,
    same_average: bool = False,
) -> str:
    """``2026/27 £181,000 against £28,000``: one financial year's benefit and funding.

    When some year is what the progress log delivered (``marked``), each
    says which it is: ``2024/25 £55,000 delivered against £29,000 (no figure for
    January to March 2025)``, ``2026/27 £181,000 forecast against £28,000``. The
    year under way with figures in the log says what they delivered so far
    and what the rest of the year adds at the log's average: ``2026/27 £844,000
    forecast against £320,000 (£563,000 delivered to the end of November 2026,
    then £281,000 at the average so far, about £70,000 a month)``. ``quantum`` is the step
    the block's figures are rounded to. ``ends`` is the project's last day
    when it falls inside the year: the forecast runs to it, and the line says
    "to the project's end on 31 December 2026", not "the
    rest of the year" (newuser10 #8), with no bracket inside the line's own (fixleft24a #3). "For
    £28,000" read as a forecast of £28,000: the line opens "Benefit against £96,000 of
    funding", so each year's "against £28,000" is its share of that funding (reader26 #14),
    without "of funding" again in every year (fixbrief28).
    ``same_average``: the year before names the average a month this year carries on.
    """
    values = {
        "year": fy_label(share.year),
        "benefit": _money(benefit, lang),
        "invested": _money(spent, lang),
    }
    if not marked:
        return lang.gettext("{year} {benefit} against {invested}").format(**values)
    # The log's rate the rest of the year is forecast at, named: "at that rate" could be the
    # average so far or the latest month (reader25 #8).
    rate, about, step = _monthly_rate(share, quantum, benefit)
    values["rate"] = (
        lang.gettext("about {money}").format(money=_money(rate, lang))
        if about
        else _money(rate, lang)
    )
    if share.so_far is not None and step != quantum:
        values["so_far"] = _money(round_money(share.so_far, step), lang)
    plain = _plain_rate(share)
    if plain is not None:
        values["rest_rate"] = (
            lang.gettext("about {money}").format(money=_money(plain[0], lang))
            if plain[1]
            else _money(plain[0], lang)
        )
    if share.worse:
        return _worse_text(
            share,
            benefit,
            spent,
            lang,
            quantum=quantum,
            closed=closed,
            under_way=under_way,
            ends=ends,
        )
    text = _marked_year(
        share,
        benefit,
        values,
        lang,
        quantum,
        closed=closed,
        under_way=under_way,
        ends=ends,
        same_average=same_average,
    )
    if share.flat:
        # A closed year's measure whose chart does not show the change counts nothing beside
        # the others' money, and is named, as a worse one is (newuser10 #7a).
        clause = flat_clause(share.flat, lang)
        text = f"{text[:-1]}; {clause})" if text.endswith(")") else f"{text} ({clause})"
    if share.too_few and not (share.why == "young" and not share.benefit):
        # Beside others' money, a measure whose figures in the year are too few for any
        # chart counts nothing, and is named, as a flat one is (fixleft24a #6).
        clause = lang.gettext(
            "nothing counted for {measures}, whose figures are too few to show a change yet"
        ).format(measures=_measures(share.too_few, lang))
        text = f"{text[:-1]}; {clause})" if text.endswith(")") else f"{text} ({clause})"
    if share.unfigured and not closed and text.endswith(")"):
        # Beside figures for other impacts, one the log has none for in the year yet is at
        # the plan's full rate: "the rest of the year at that rate" must not cover it.
        clause = lang.gettext(
            "at the plan's full rate for {measures}, with no figure for the year yet"
        ).format(measures=_measures(share.unfigured, lang))
        text = f"{text[:-1]}; {clause})"
    return text


def _monthly_rate(
    share: YearShare, quantum: float, shown: float | None = None
) -> tuple[float, bool, float]:
    """The average a month the log shows so far, over the impacts carried on at it, rounded.

    To two significant figures, and finer (down to £10) until the sum a
    finance director works by hand, the money delivered so far as shown plus
    the months left at the rate as shown, rounds to the year's forecast as
    ``shown``: "£23,000 delivered …, the rest of the year at the average so
    far, about £2,600 a month" for £31,000 (£2,564 a month), where "£3,000 a
    month" made £32,000 (reader27 #5). When no such rate adds up with the
    money so far rounded as the line's other figures are, that money is given
    a step finer too ("£237,500 delivered …, about £33,900 a month" for
    £373,000). Returns the rate, whether it is rounded ("about"), and the
    step the money so far is given to.
    """
    rate = sum(r for _, r in share.rates)
    if not rate:
        return 0.0, False, quantum
    if share.so_far is None or shown is None or share.unshown or share.unfigured:
        # Beside money at the plan's rate, the forecast is not the log's rate alone.
        rounded = round_money(rate, quantum)
        return (rounded if rounded else float(round(rate))), False, quantum
    rest = (share.benefit - share.so_far) / rate
    top = max(10.0 ** (math.floor(math.log10(abs(rate))) - 1), 1.0)
    for so_far_step in (quantum, max(quantum / 10, 1.0)):
        so_far = round_money(share.so_far, so_far_step)
        step = top
        while True:
            candidate = round_money(rate, step)
            if round_money(so_far + rest * candidate, quantum) == shown:
                return candidate, abs(candidate - rate) >= 0.5, so_far_step
            if step <= 10.0:
                break
            step /= 10
    first = round_money(rate, top)
    return first, abs(first - rate) >= 0.5, quantum


def _plain_rate(share: YearShare) -> tuple[float, bool] | None:
    """The log's average a month to two significant figures, and whether that rounds it.

    For a year whose forecast after the log's last month is the log's rate
    alone, said beside that money as a sum (see :func:`_marked_year`): the
    rate is then a guide, rounded as the note rounds, not a figure to multiply
    out. ``None`` when other money (the plan's rate) is in the forecast too.
    """
    rate = sum(r for _, r in share.rates)
    if not rate or share.so_far is None or share.unshown or share.unfigured:
        return None
    rounded = round_money(rate, max(10.0 ** (math.floor(math.log10(abs(rate))) - 1), 1.0))
    return rounded, abs(rounded - rate) >= 0.5


def _rate_span(span: tuple[dt.date, dt.date], lang: Language) -> str:
    """``April to November 2026``: the months a rate the log shows averages."""
    from pitchkit.notes.update.spans import ends
    from pitchkit.period import period_at

    first, last = (period_at(day, "month") for day in span)
    if first == last:
        return fmt.period_label(first.text, lang)
    begin, end = ends(first, last, lang)
    return lang.gettext("{first} to {last}").format(first=begin, last=end)


def flat_clause(measures: Sequence[str], lang: Language) -> str:
    """A year's clause for measures whose chart does not show the change: nothing counted."""
    return lang.gettext(
        "nothing counted for {measures}, whose chart does not show the change"
    ).format(measures=_measures(measures, lang))


def _measures(measures: Sequence[str], lang: Language) -> str:
    """The measures named in a year's line, each lower-cased as in a sentence.

    A measure written only in English is quoted in a Welsh line (“…”), as the
    rest of the Welsh note quotes it, not lower-cased into a Welsh sentence.
    """
    return fmt.join_list([_measure(measure, lang) for measure in measures], lang)


def _measure(measure: str, lang: Language) -> str:
    """One measure as a year's line names it: quoted when foreign, else lower-cased."""
    return in_sentence(measure, lang)


def parts_shown(shown: float, delivered: float, rest: float, step: float) -> tuple[float, float]:
    """The money delivered and the money after it, at ``step``, adding up to the year ``shown``.

    Each part is its own money rounded, as a finance director redoing it gets
    it (the rest is the average so far times the months left), with the
    pounds the rounding leaves over going to the part with the larger
    remainder (largest remainders, as the funding's years are split): the
    crisis house's £562,952 and 4 × £70,369 = £281,476 read "£562,900 …, then
    £281,500", adding up to the year's £844,400, never a rest worked out as
    what is left, "£281,400" (reader30 #4). Where no such split adds up (the
    year shown is the plan's figure, or a part is a net cost), the delivered
    money is rounded and the rest is what is left.
    """
    if delivered >= 0 and rest >= 0 and step > 0:
        low = [math.floor(delivered / step) * step, math.floor(rest / step) * step]
        left = round((shown - low[0] - low[1]) / step)
        if 0 <= left <= 2:
            order = sorted(range(2), key=lambda i: -((delivered, rest)[i] - low[i]))
            for index in order[:left]:
                low[index] += step
            return low[0], low[1]
    first = round_money(delivered, step)
    return first, shown - first


def _marked_year(
    share: YearShare,
    benefit: float,
    values: dict[str, str],
    lang: Language,
    quantum: float,
    *,
    closed: bool,
    under_way: bool,
    ends: dt.date | None = None,
    same_average: bool = False,
) -> str:
    """One year's line once some year is read from the log (see :func:`year_text`)."""
    if share.young is not None and share.upto is not None:
        # Too few figures for a chart: nothing counted for the months they cover, the plan's
        # rate for the rest of the year, and why, in one clause (newuser32 #3).
        figures_now, needs = share.young
        return lang.ngettext(
            "{year} {benefit} forecast against {invested} "
            "(nothing counted to the end of {month}: "
            "the log has {n} figure, too few to show a change yet, and a chart needs {needs}; "
            "the plan's full rate for the rest of the year)",
            "{year} {benefit} forecast against {invested} "
            "(nothing counted to the end of {month}: "
            "the log has {n} figures, too few to show a change yet, and a chart needs {needs}; "
            "the plan's full rate for the rest of the year)",
            figures_now,
        ).format(
            n=figures_now,
            needs=needs,
            month=fmt.period_label(f"{share.upto:%Y-%m}", lang),
            **values,
        )
    if share.unshown and share.upto is not None:
        return _assumed_text(
            _unshown_text(share, values, lang, quantum, ends), share, benefit, lang, quantum
        )
    if share.so_far is not None and share.upto is not None:
        values.setdefault("so_far", _money(round_money(share.so_far, quantum), lang))
        values["month"] = fmt.period_label(f"{share.upto:%Y-%m}", lang)
        # The money forecast after the log's last month, said as a sum: the money delivered
        # and it add up to the year's figure as shown, and the monthly rate beside it is
        # rounded as the note rounds ("then £281,000 at the average so far, about £70,000 a
        # month", not "about £70,370 a month" to make the months add up, fixbrief28).
        so_far, rest = parts_shown(benefit, share.so_far, share.benefit - share.so_far, quantum)
        values["rest"] = _money(rest, lang)
        onward = rest > 0 and "rest_rate" in values
        if onward:
            values["rate"] = values["rest_rate"]
            values["so_far"] = _money(so_far, lang)
        if ends is not None and (share.benefit or share.so_far):
            # The project ends inside the year: the forecast runs to its end, not the year's.
            values["end"] = fmt.date(ends, lang)
            if not share.unlogged and onward:
                return lang.gettext(
                    "{year} {benefit} forecast against {invested} "
                    "({so_far} delivered to the end of {month}, then {rest} at the average so "
                    "far, {rate} a month, to the project's end on {end})"
                ).format(**values)
            if not share.unlogged:
                return lang.gettext(
                    "{year} {benefit} forecast against {invested} "
                    "({so_far} delivered to the end of "
                    "{month}, then at the average so far, {rate} a month, to the project's end "
                    "on {end})"
                ).format(**values)
            if onward:
                return lang.gettext(
                    "{year} {benefit} forecast against {invested} "
                    "({so_far} delivered to the end of {month}, no figure for {gaps}; then "
                    "{rest} at the average so far, {rate} a month, to the project's end on {end})"
                ).format(gaps=_gap_text(share, lang), **values)
            return lang.gettext(
                "{year} {benefit} forecast against {invested} "
                "({so_far} delivered to the end of "
                "{month}, no figure for {gaps}; then at the average so far, {rate} a month, to "
                "the project's end on {end})"
            ).format(gaps=_gap_text(share, lang), **values)
        if share.benefit == 0 and share.so_far == 0:
            # Figures in the year, none showing the change: nothing counted for it, and why,
            # not "£0 delivered", which would read as if the project had done nothing.
            return lang.gettext(
                "{year} {benefit} forecast against {invested} "
                "(the log's figures to the end of "
                "{month} do not show the change, so nothing is counted for the year)"
            ).format(**values)
        if not share.unlogged and onward:
            return lang.gettext(
                "{year} {benefit} forecast against {invested} "
                "({so_far} delivered to the end of {month}, then {rest} at the average so far, "
                "{rate} a month)"
            ).format(**values)
        if not share.unlogged:
            return lang.gettext(
                "{year} {benefit} forecast against {invested} "
                "({so_far} delivered to the end of "
                "{month}, the rest of the year at the average so far, {rate} a month)"
            ).format(**values)
        if onward:
            return lang.gettext(
                "{year} {benefit} forecast against {invested} "
                "({so_far} delivered to the end of {month}, no figure for {gaps}; then {rest} at "
                "the average so far, {rate} a month)"
            ).format(gaps=_gap_text(share, lang), **values)
        return lang.gettext(
            "{year} {benefit} forecast against {invested} "
            "({so_far} delivered to the end of "
            "{month}, no figure for {gaps}; the rest of the year at the average so far, {rate} a "
            "month)"
        ).format(gaps=_gap_text(share, lang), **values)
    if not share.logged and closed:
        # A closed year the log has no figure in: no evidence either way, so the plan's
        # rate, and the line says why, apart from a year whose figures show no change.
        return lang.gettext(
            "{year} {benefit} forecast against {invested} "
            "(at the plan's full rate: the log has no "
            "figures for that year)"
        ).format(**values)
    if not share.logged and under_way and share.benefit > 0 and not share.unfigured:
        # The year under way with no figure in the log for any impact earning in it: the
        # plan's full rate, and the line says so (review13 L1), as for a closed year.
        return lang.gettext(
            "{year} {benefit} forecast against {invested} "
            "(at the plan's full rate: the log has no "
            "figure for the year yet)"
        ).format(**values)
    if not share.logged and share.at_log_rate and share.rate_span is not None:
        # Which months the rate averages (newuser35 #13): "the rate the log shows" left a
        # finance director asking whether it was the latest month's or the year's average.
        values["span"] = _rate_span(share.rate_span, lang)
        if same_average and not share.at_full_rate:
            # The year before has just named that average and its money (fixbrief28).
            return lang.gettext(
                "{year} {benefit} forecast against {invested} (at the same average)"
            ).format(**values)
        if not share.at_full_rate:
            return lang.gettext(
                "{year} {benefit} forecast against {invested} "
                "(at the monthly average the log "
                "shows for {span})"
            ).format(**values)
        return lang.gettext(
            "{year} {benefit} forecast against {invested} "
            "(at the monthly average the log shows "
            "for {span}; at the plan's full rate for {measures})"
        ).format(measures=_measures(share.at_full_rate, lang), **values)
    if not share.logged and share.at_log_rate and not share.at_full_rate:
        # A year after the one under way says whose rate it carries on (newuser19 #6), as
        # the year under way says "the rest of the year at that rate".
        return lang.gettext(
            "{year} {benefit} forecast against {invested} "
            "(at the rate the log shows in the year "
            "under way)"
        ).format(**values)
    if not share.logged and share.at_log_rate:
        return lang.gettext(
            "{year} {benefit} forecast against {invested} "
            "(at the rate the log shows in the year "
            "under way; at the plan's full rate for {measures})"
        ).format(measures=_measures(share.at_full_rate, lang), **values)
    if not share.logged and not under_way and not closed and share.benefit > 0 and not share.worse:
        # A year after the one under way, all at the plan's rate: labelled as such, as the
        # year under way names the plan's rate (newuser33 N5).
        return lang.gettext(
            "{year} {benefit} forecast against {invested} (the plan's rate)"
        ).format(**values)
    if not share.logged:
        return lang.gettext("{year} {benefit} forecast against {invested}").format(**values)
    if share.planned_for and share.why != "young":
        return _planned_text(share, benefit, values, lang, quantum)
    if share.why == "before" and share.changed is not None:
        # Nothing to count: the change came after the year. Not "delivered nothing".
        return lang.gettext(
            "{year} {benefit} against {invested} (the change came in {month})"
        ).format(month=fmt.period_label(f"{share.changed:%Y-%m}", lang), **values)
    if share.why == "young" and share.young is not None and share.too_few and not share.benefit:
        # Figures in the year, too few for any chart: nothing counted for them, and why, as
        # the year under way says of the months its figures cover (fixleft24a #6).
        figures_now, needs = share.young
        return lang.ngettext(
            "{year} {benefit} counted against {invested} "
            "(nothing counted: the log has {n} "
            "figure, too few to show a change yet, and a chart needs {needs})",
            "{year} {benefit} counted against {invested} "
            "(nothing counted: the log has {n} "
            "figures, too few to show a change yet, and a chart needs {needs})",
            figures_now,
        ).format(n=figures_now, needs=needs, **values)
    if share.why == "young" and share.young is not None:
        # Figures, but too few for any chart: the plan's rate, as in the year under way.
        figures_now, needs = share.young
        return lang.ngettext(
            "{year} {benefit} forecast against {invested} "
            "(at the plan's full rate: the log has "
            "{n} figure, too few to show a change yet; a chart needs {needs})",
            "{year} {benefit} forecast against {invested} "
            "(at the plan's full rate: the log has "
            "{n} figures, too few to show a change yet; a chart needs {needs})",
            figures_now,
        ).format(n=figures_now, needs=needs, **values)
    if share.why == "young":
        # Figures, but too few for any chart: nothing can be told from them yet.
        return lang.gettext(
            "{year} {benefit} counted against {invested} "
            "(the log has too few figures yet to show "
            "a change, so nothing is counted)"
        ).format(**values)
    if share.why == "unshown":
        # Figures, none showing the change: £0 counted because the chart did not show it.
        return lang.gettext(
            "{year} {benefit} counted against {invested} "
            "(the log's figures for that year do not "
            "show the change, so nothing is counted)"
        ).format(**values)
    if share.why == "level":
        return _level_text(share, values, lang)
    if not share.unlogged:
        return lang.gettext("{year} {benefit} delivered against {invested}").format(**values)
    gaps = _gap_text(share, lang)
    return lang.gettext(
        "{year} {benefit} delivered against {invested} (no figure for {gaps})"
    ).format(gaps=gaps, **values)


def _worse_text(
    share: YearShare,
    benefit: float,
    spent: float,
    lang: Language,
    *,
    quantum: float,
    closed: bool,
    under_way: bool,
    ends: dt.date | None = None,
) -> str:
    """A logged year with some measure worse than before the change: it counts nothing, named.

    A measure that got worse is not negative money netted silently into
    what the others delivered: ``2025/26 £20,000 delivered for £90,000
    (nothing counted for agency nursing spend on the haematology ward, whose
    figures are worse than before the change)``. A year that counts nothing
    else says so in one clause. This holds for a measure whose chart shows
    the change too, in a year whose own figures net to a loss: that year
    counts nothing for it, not a shortfall taken off the rest.
    """
    # A measure written only in English is quoted in a Welsh line, as statements quote it.
    names = _measures(share.worse, lang)
    values = {
        "year": fy_label(share.year),
        "benefit": _money(benefit, lang),
        "invested": _money(spent, lang),
        "measures": names,
    }
    if share.logged and share.why == "unshown" and not share.planned_for:
        if share.unlogged:
            return lang.gettext(
                "{year} {benefit} counted against {invested} "
                "(the log's figures for that year do not "
                "show the change, and show {measures} worse than before it, so nothing is "
                "counted; no figure for {gaps})"
            ).format(gaps=_gap_text(share, lang), **values)
        return lang.gettext(
            "{year} {benefit} counted against {invested} "
            "(the log's figures for that year do not "
            "show the change, and show {measures} worse than before it, so nothing is counted)"
        ).format(**values)
    if (
        not share.logged
        and not share.unshown
        and share.upto is not None
        and share.so_far == 0
        and share.benefit == 0
    ):
        return lang.gettext(
            "{year} {benefit} forecast against {invested} "
            "(the log's figures to the end of {month} "
            "do not show the change, and show {measures} worse than before it, so nothing is "
            "counted for the year)"
        ).format(month=fmt.period_label(f"{share.upto:%Y-%m}", lang), **values)
    text = year_text(
        replace(share, worse=()),
        benefit,
        spent,
        True,
        lang,
        quantum=quantum,
        closed=closed,
        under_way=under_way,
        ends=ends,
    )
    clause = lang.gettext(
        "nothing counted for {measures}, whose figures are worse than before the change"
    ).format(measures=names)
    return f"{text[:-1]}; {clause})" if text.endswith(")") else f"{text} ({clause})"


def _level_text(share: YearShare, values: dict[str, str], lang: Language) -> str:
    """A closed year that nets to nothing against the baseline, though the chart shows the change.

    Its figures are counted as they are, as the update counts them: ``2026/27
    £0 delivered for £22,000 (the log's figures for that year are no better
    than the baseline on balance; no figure for January 2027)``. A year whose
    figures net to a loss is not this: it counts nothing for that measure,
    named as worse than before the change (:func:`_worse_text`), never a
    shortfall taken off the rest.
    """
    if share.unlogged:
        return lang.gettext(
            "{year} {benefit} delivered against {invested} "
            "(the log's figures for that year are no "
            "better than the baseline on balance; no figure for {gaps})"
        ).format(gaps=_gap_text(share, lang), **values)
    return lang.gettext(
        "{year} {benefit} delivered against {invested} "
        "(the log's figures for that year are no "
        "better than the baseline on balance)"
    ).format(**values)


def _planned_text(
    share: YearShare, benefit: float, values: dict[str, str], lang: Language, quantum: float
) -> str:
    """A closed year the log delivered some of, with the rest at the plan's full rate.

    An impact whose figures are too few for any chart keeps the plan's rate
    in a closed year, as it does in the year under way and in the update,
    beside the others' money as the log delivered it: ``2025/26 £132,000 for
    £27,000 (£96,000 delivered; £36,000 at the plan's full rate for
    outsourced homecare medicines deliveries, whose figures are too few to
    show a change yet: a chart needs 8)``. The two parts shown add up to the
    year's figure.
    """
    delivered = round_money(share.benefit - share.planned, quantum)
    planned = _plan_rate_text(share, benefit - delivered, lang)
    if share.unlogged:
        return lang.gettext(
            "{year} {benefit} against {invested} "
            "({delivered} delivered, no figure for {gaps}; "
            "{planned})"
        ).format(
            delivered=_money(delivered, lang),
            gaps=_gap_text(share, lang),
            planned=planned,
            **values,
        )
    if delivered == 0 and share.why == "worse":
        # Every charted measure is worse that year, and is named after this (_worse_text).
        return lang.gettext("{year} {benefit} against {invested} ({planned})").format(
            planned=planned, **values
        )
    if delivered == 0 and share.why == "level":
        # The chart shows the change, but the year nets to nothing against the baseline:
        # the level case's words, not "do not show the change" (review14 #5).
        return lang.gettext(
            "{year} {benefit} against {invested} "
            "(nothing delivered: the log's figures for that "
            "year are no better than the baseline on balance; {planned})"
        ).format(planned=planned, **values)
    if delivered == 0:
        return lang.gettext(
            "{year} {benefit} against {invested} "
            "(nothing counted where the log's figures do not "
            "show the change; {planned})"
        ).format(planned=planned, **values)
    return lang.gettext(
        "{year} {benefit} against {invested} ({delivered} delivered; {planned})"
    ).format(delivered=_money(delivered, lang), planned=planned, **values)


def _plan_rate_text(share: YearShare, money: float, lang: Language) -> str:
    """The part of a closed year at the plan's full rate, and why, for the measures it covers.

    Too few figures for a chart is not the same as none: a measure the log
    has never had a figure for is said to have none yet (review14 #6), not
    figures "too few to show a change".
    """
    none = [measure for measure in share.planned_for if measure in share.unfigured]
    few = [measure for measure in share.planned_for if measure not in share.unfigured]
    if few and none:
        return lang.gettext(
            "{money} at the plan's full rate for {measures}, whose figures are too few to show "
            "a change yet (a chart needs {needs}), and for {unlogged}, with no figure in the "
            "log yet"
        ).format(
            money=_money(money, lang),
            measures=_measures(few, lang),
            needs=share.needs,
            unlogged=_measures(none, lang),
        )
    if none:
        return lang.gettext(
            "{money} at the plan's full rate for {measures}, with no figure in the log yet"
        ).format(money=_money(money, lang), measures=_measures(none, lang))
    return lang.gettext(
        "{money} at the plan's full rate for {measures}, whose figures are too few to show a "
        "change yet: a chart needs {needs}"
    ).format(money=_money(money, lang), measures=_measures(few, lang), needs=share.needs)


def _assumed_text(
    text: str, share: YearShare, benefit: float, lang: Language, quantum: float
) -> str:
    """``text``, a year's line, with how much of its forecast is the plan's rate alone.

    A forecast that rests mostly on measures whose figures do not yet show the
    change must say so in pounds (newuser17 #2): "£402,000 of the £545,000
    is the plan's rate for measures whose figures do not yet show the change,
    £143,000 what the log's figures bear". Both are rounded as the year's
    figure is, the log's part taken as the rest, so that they add up to it.
    """
    assumed = min(round_money(share.assumed, quantum), benefit)
    if (
        assumed <= 0
        or assumed >= benefit
        or share.so_far is None
        or round_money(share.so_far, quantum) == 0
        or not text.endswith(")")
    ):
        # All of it the plan's (nothing counted so far): the line already says so.
        return text
    if share.unfigured:
        # Part of the rest is the plan's rate for a measure with no figure yet, named after.
        clause = lang.gettext(
            "{assumed} of the {benefit} is the plan's rate for measures whose figures do not "
            "yet show the change"
        ).format(assumed=_money(assumed, lang), benefit=_money(benefit, lang))
    else:
        clause = lang.gettext(
            "{assumed} of the {benefit} is the plan's rate for measures whose figures do not "
            "yet show the change, {borne} what the log's figures bear"
        ).format(
            assumed=_money(assumed, lang),
            benefit=_money(benefit, lang),
            borne=_money(benefit - assumed, lang),
        )
    return f"{text[:-1]}; {clause})"


def _unshown_text(
    share: YearShare,
    values: dict[str, str],
    lang: Language,
    quantum: float,
    ends: dt.date | None = None,
) -> str:
    """The year under way when some impact's figures in it do not yet show the change.

    That impact counts nothing for the months its figures cover, and the
    plan's full rate only for the months still to come, and the line says
    so: ``2027/28 £253,000 forecast for £202,000 (nothing counted to the end
    of August 2027, as the log's figures do not yet show the change; the
    plan's full rate for the rest of the year)``.
    """
    assert share.upto is not None
    values["month"] = fmt.period_label(f"{share.upto:%Y-%m}", lang)
    if share.so_far is None or (
        round_money(share.so_far, quantum) == 0 and not share.unlogged and ends is None
    ):
        # Nothing delivered at the log's rate either: "£0 delivered …, the rest of the year at
        # that rate" and "£243,000 of the £243,000 is the plan's rate" said the plan's rate
        # three times around a £0 rate (newuser33 N4). One clause says it.
        return lang.gettext(
            "{year} {benefit} forecast against {invested} "
            "(nothing counted to the end of {month}, "
            "as the log's figures do not yet show the change; the plan's full rate for the rest "
            "of the year)"
        ).format(**values)
    values["so_far"] = _money(round_money(share.so_far, quantum), lang)
    if ends is not None:
        # The project ends inside the year: both rates run to its end, not the year's.
        values["end"] = fmt.date(ends, lang)
        values["gaps"] = _gap_text(share, lang) if share.unlogged else ""
        if not share.unlogged:
            return lang.gettext(
                "{year} {benefit} forecast against {invested} "
                "({so_far} delivered to the end of "
                "{month}, then at the average so far, {rate} a month, to the project's end on "
                "{end}; where the log's "
                "figures do not yet show the change, nothing counted so far and the plan's full "
                "rate to the end of the project)"
            ).format(**values)
        return lang.gettext(
            "{year} {benefit} forecast against {invested} "
            "({so_far} delivered to the end of "
            "{month}, no figure for {gaps}; then at the average so far, {rate} a month, to the "
            "project's end on {end}; "
            "where the log's figures do not yet show the change, nothing counted so far and the "
            "plan's full rate to the end of the project)"
        ).format(**values)
    if not share.unlogged:
        return lang.gettext(
            "{year} {benefit} forecast against {invested} "
            "({so_far} delivered to the end of "
            "{month}, the rest of the year at the average so far, {rate} a month; where the "
            "log's figures do not yet "
            "show the change, nothing counted so far and the plan's full rate for the rest of "
            "the year)"
        ).format(**values)
    return lang.gettext(
        "{year} {benefit} forecast against {invested} ({so_far} delivered to the end of "
        "{month}, no figure for {gaps}; the rest of the year at the average so far, {rate} a "
        "month; where the log's "
        "figures do not yet show the change, nothing counted so far and the plan's full rate "
        "for the rest of the year)"
    ).format(gaps=_gap_text(share, lang), **values)


def _gap_text(share: YearShare, lang: Language) -> str:
    """The periods of ``share`` with no figure, each with its measure when the year has several.

    ``January to March 2025`` for a year with one earning impact;
    ``January to March 2025 for outsourced homecare medicines deliveries``
    when another impact has figures for those months.
    """
    if not share.unlogged_by:
        return _gaps(share.unlogged, lang)
    # A measure with no figure at all in the year reads "the whole year for …", not its months
    # run together as "April 2025 to March 2026" after another's, which read as a year with
    # no figures for any measure.
    return fmt.join_list(
        [
            lang.gettext("the whole year for {measure}").format(measure=_measure(measure, lang))
            if measure in share.unlogged_whole
            else lang.gettext("{periods} for {measure}").format(
                periods=_gaps(periods, lang), measure=_measure(measure, lang)
            )
            for measure, periods in share.unlogged_by
        ],
        lang,
    )


def _gaps(periods: Sequence[Period], lang: Language) -> str:
    """``May 2027 to March 2028 and June 2028``: the periods with no figure, runs as spans.

    Three or more periods in a row read as one stretch, in the words an update
    names a stretch with (:func:`~pitchkit.notes.update.spans.gap_labels`), so
    that a log with most of a year missing does not fill the finance
    director's line month by month.
    """
    # Imported here: the update package builds on this module. Periods without a figure
    # come only from a ledger the progress log was read into, which loaded it already.
    from pitchkit.notes.update.spans import gap_labels

    return gap_labels(periods, lang)


def money_lines(
    ledger: Ledger | None,
    lang: Language,
    said: Collection[str] = (),
    unborne: Collection[str] = (),
    nested: Mapping[str, str] | None = None,
    *,
    fund: str = "",
) -> list[str]:
    """The finance director's money block: every line, figures adding up.

    ``said`` are the impacts whose money a statement shown above gives: a
    figure said there is not said again here. ``unborne`` are the impacts
    the progress log does not bear out (:func:`cash_line`). ``fund`` is
    where the funding comes from (:func:`funding_spread`).
    """
    if ledger is None or not ledger.lines:
        return []
    shown = figures(ledger)
    # The extra spend says it is netted against the benefits, where it is given, and the
    # benefit against the funding does not say it again: "Each year's benefit is net of the
    # extra spend the change adds" after it took the line the page needed for the finance
    # director's second objective (fixbrief28).
    invested = investment_line(ledger, shown, lang, net_said=True)
    spread = funding_spread(ledger, lang, fund) if invested else ""
    invested = f"{invested} {spread}" if spread else invested
    whole_said = bool(invested) and exact_payback(ledger, shown) is None
    lines = [
        " ".join(
            part
            for part in (
                cash_line(ledger, shown, lang, unborne),
                capacity_line(ledger, shown, lang, said),
                cost_line(ledger, shown, lang),
            )
            if part
        ),
        *overlap_lines(ledger, lang, nested),
        " ".join(
            part
            for part in (
                invested,
                apart_payback(ledger, shown, lang),
                # The years above give the payback counting capacity as cash already.
                payback_bases(ledger, shown, lang, None if whole_said else False),
            )
            if part
        ),
    ]
    return [line for line in lines if line]


def apart_payback(ledger: Ledger, shown: Figures, lang: Language) -> str:
    """After the benefit against the funding: what is not the trust's, and the payback without.

    The benefit is the project's: another body's cash in it (the ICB's budget
    at its contract prices), and time freed in another body's staff (GP
    appointments); the trust's own cash and capacity are what repay the
    trust's funding, so a finance director is given that payback too, on
    the same years: "Of the plan's benefit of £202,000 a year, £187,000 is not
    the trust's own; without it, not paid back within the project (at the full
    rate it would take 212 months)" (12 x 265,000 / 15,000 = 212). The sum is
    the parts named above it, as shown, and the whole is the plan's year. When
    none of the benefit is the organisation's own, "without it" would mean
    without anything: the sentence says instead that none of it pays back the
    funding (reader24 #3).
    """
    if not ledger.investment or not ledger.years:
        return ""
    if not any(year.benefit for year in ledger.years):
        return ""  # no benefit counted (the log shows none yet): there is no "of that"
    _, groups, parts = _own_and_apart(ledger, shown)
    elsewhere = [
        round_money(sum(line.annual for line in lines), shown.quantum)
        for _, lines in _elsewhere(ledger)
    ]
    if not groups and not elsewhere:
        return ""
    apart = sum(parts) + sum(elsewhere)
    values = {"money": _money(apart, lang), "org": org_own(ledger, lang)}
    if not any(
        trust_cash(line) or (line.releases == "capacity" and line.elsewhere is None)
        for line in ledger.counted
    ):
        # All of the benefit is another body's: "without it" would mean without anything
        # (reader24 #3). Say so plainly: none of it repays the funder's own money.
        values["investment"] = _money(ledger.investment, lang)
        if not groups and _payback_given(ledger):
            # The benefit against the funding above counts this capacity as if it were cash
            # and gives its payback: said so, not taken back (newuser36 #3).
            return lang.gettext(
                "All of the plan's benefit, {money} a year, is capacity in other "
                "organisations, not {org} own money: the payback above counts it as if it "
                "were cash, and none of it comes back to {org} own budget."
            ).format(**values)
        if not groups:
            return lang.gettext(
                "All of the plan's benefit, {money} a year, is capacity in other "
                "organisations, not {org} own money, so none of it pays back the "
                "{investment} of funding."
            ).format(**values)
        bodies = {whose for whose, _ in groups}
        if len(bodies) == 1 and not elsewhere and None not in bodies and _payback_given(ledger):
            # One other body's money: the payback just given is in its money, not a figure
            # the next words take back ("payback 9.7 months" then "none of it pays back",
            # newuser36 #3): whose money repays the funding is said once.
            [whose] = bodies
            return lang.gettext(
                "All of the plan's benefit, {money} a year, is in {whose}, not {org}: the "
                "payback above is in that money, and none of it comes back to {org} own budget."
            ).format(whose=lang.gettext(OTHER_BUDGETS[str(whose)]), **values)
        return lang.gettext(
            "All of the plan's benefit, {money} a year, is not {org} own money, so none of "
            "it pays back the {investment} of funding."
        ).format(**values)
    # Only part is another body's: name the whole it is part of (reader24 #3).
    values["total"] = _money(round_money(shown.cash + shown.capacity, shown.quantum), lang)
    if ledger.logged:
        repaid = ledger.payback_logged("trust")
        months = whole_months(repaid[0]) if repaid else None
        beyond = False
    else:
        exact = ledger.payback_from("trust")
        months = whole_months(exact)
        beyond = beyond_end(ledger, exact)
    if months is None:
        return lang.gettext(
            "Of the plan's benefit of {total} a year, {money} is not {org} own; without it, not "
            "paid back within the project."
        ).format(**values)
    if beyond:
        return lang.gettext(
            "Of the plan's benefit of {total} a year, {money} is not {org} own; without it, not "
            "paid back within the project (at the full rate it would take {span})."
        ).format(span=full_rate_span(months, lang), **values)
    return lang.ngettext(
        "Of the plan's benefit of {total} a year, {money} is not {org} own; without it, "
        "payback {n} month.",
        "Of the plan's benefit of {total} a year, {money} is not {org} own; without it, "
        "payback {n} months.",
        months,
    ).format(n=months, **values)


def _payback_given(ledger: Ledger) -> bool:
    """Whether the benefit against the funding (:func:`investment_line`) gives a payback.

    Worked as that line works it: on the years the log shows, else at the full rate
    within the project.
    """
    if ledger.logged:
        repaid = ledger.payback_logged()
        return repaid is not None and whole_months(repaid[0]) is not None
    months = whole_months(ledger.payback_months)
    return months is not None and not beyond_end(ledger, ledger.payback_months)


def money_line(
    ledger: Ledger | None,
    lang: Language,
    said: Collection[str] = (),
    *,
    logged: bool = False,
    unborne: Collection[str] = (),
) -> str:
    """Every other director's one line: cash, capacity and payback at the price base.

    Capacity whose money a statement shown above already gave (``said``) is
    referred to, not restated. With ``logged`` (the finance director's block
    takes some years from the progress log, and its payback follows them),
    the payback says it is at the full rate, so the two are not read as one
    figure given twice, and the year's rate says it is the plan's ("£96,000 a
    year of cash in the plan, at 2026/27 prices"). Beside cash and capacity
    the payback is the cash's own, unless even the whole benefit does not
    repay the funding within the project: the line then says so in the
    finance block's words. ``unborne`` are the impacts the progress log does not
    bear out (:func:`cash_line`): cash from them alone is said to be none so far.
    """
    if ledger is None or not ledger.counted:
        return ""
    shown = figures(ledger)
    # New spend the change adds is said as spend, after the paybacks it is netted into
    # (newuser15 #1, reader25 #9).
    spend = cost_line(ledger, shown, lang, after=True)
    own, groups, parts = _own_and_apart(ledger, shown)
    elsewhere = _elsewhere(ledger)
    if not groups and not elsewhere:
        # The line's bracket gives the cash's own payback already, when it gives one.
        bases = payback_bases(
            ledger, shown, lang, "cash" if cash_payback_said(ledger, shown, logged) else False
        )
        return " ".join(
            part
            for part in (
                _money_line(ledger, shown, lang, said, logged=logged, unborne=unborne),
                bases,
                spend,
            )
            if part
        )
    # Some cash is not the trust's (an ICB's contract prices, a council's budget), or some
    # capacity is another body's staff time (GP appointments): the line's cash and capacity,
    # and every payback in it, are the trust's own, and the rest is named after it, as the
    # finance block names it (newuser11 #5, review14).
    mine = [line for line in _capacity(ledger) if line.elsewhere is None]
    capacity = round_money(sum(line.annual for line in mine), shown.quantum)
    text = _money_line(
        ledger,
        replace(shown, cash=own, capacity=capacity),
        lang,
        said,
        logged=logged,
        cash="own",
        whole="trust",
        unborne=unborne,
    )
    rest = [_apart_text(groups, parts, ledger, lang)] if groups else []
    rest += _elsewhere_sentences(ledger, shown, lang, (), first=False)
    # Both paybacks, as in the line without another body's money: the trust's own capacity
    # counted as cash beside the trust's own cash alone (newuser32 #1).
    mine_shown = replace(shown, cash=own, capacity=capacity)
    said_cash = cash_payback_said(ledger, mine_shown, logged, whole="trust", cash="own")
    bases = payback_bases(ledger, mine_shown, lang, "cash" if said_cash else False, "trust")
    return " ".join([part for part in (text, bases, *rest, spend) if part])


def cash_payback_said(
    ledger: Ledger,
    shown: Figures,
    logged: bool,
    *,
    whole: Kind | None = None,
    cash: Kind = "cash",
) -> bool:
    """Whether :func:`_money_line`'s bracket gives the payback from the cash alone.

    It does beside cash and capacity, when the whole benefit pays the funding
    back within the project and the line's payback is not the exact one.
    """
    if not ledger.investment or not (shown.cash and shown.capacity):
        return False
    if whole is None and exact_payback(ledger, shown) is not None:
        return False
    if logged:
        return bool(ledger.payback_logged(whole))
    exact = ledger.payback_from(whole)
    return not beyond_end(ledger, exact) and whole_months(ledger.payback_from(cash)) is not None


def _no_cash_logged(ledger: Ledger, unborne: Collection[str]) -> bool:
    """Whether every impact the trust's own cash comes from is one the log does not bear out.

    Not when the log shows none of the whole benefit either: the payback's bracket then
    says "the log shows none of it so far" of all of it (newuser37 #9), once is enough.
    """
    own = [line for line in ledger.counted if trust_cash(line)]
    return (
        bool(own) and ledger.project_benefit > 0 and all(line.impact.id in unborne for line in own)
    )


def _money_line(
    ledger: Ledger,
    shown: Figures,
    lang: Language,
    said: Collection[str],
    *,
    logged: bool,
    cash: Kind = "cash",
    whole: Kind | None = None,
    unborne: Collection[str] = (),
) -> str:
    """:func:`money_line` on ``shown``'s cash, the paybacks on ``cash`` and ``whole``.

    ``cash`` is the kind a payback "from the cash alone" counts, ``whole`` the
    kind every other payback counts (``None``: the whole benefit). When every
    impact the trust's cash comes from is in ``unborne`` (the log does not bear
    it out), the plan's cash says the log shows none of it, as the finance
    director's note in the same pack does (newuser39 #6).
    """
    base = fy_label(ledger.price_year)
    capacity = [line for line in _capacity(ledger) if whole is None or line.elsewhere is None]
    # Beside a payback on the years the log delivered, the rate is the plan's, and says so:
    # "not paid back" beside a bare £96,000 a year reads as if that were delivered.
    planned = logged and bool(ledger.investment)
    if not shown.cash and not shown.capacity and whole is not None:
        text = lang.gettext("no cash {org} at {base} prices")
        text = text.format(org=org_for(ledger, lang), base=base)
    elif not shown.cash and said_already(capacity, said):
        text = lang.gettext(
            "the benefit above, all of it capacity and none of it cash, at {base} prices"
        ).format(base=base)
    elif not shown.cash:
        text = (
            lang.gettext("{capacity} a year of capacity in the plan, no cash, at {base} prices")
            if planned
            else lang.gettext("{capacity} a year of capacity, no cash, at {base} prices")
        ).format(capacity=_money(shown.capacity, lang), base=base)
    elif not shown.capacity:
        if planned and _no_cash_logged(ledger, unborne):
            text = lang.gettext(
                "{cash} a year of cash in the plan (none of it shown by the log so far), at "
                "{base} prices"
            )
        elif planned:
            text = lang.gettext("{cash} a year of cash in the plan, at {base} prices")
        else:
            text = lang.gettext("{cash} a year of cash at {base} prices")
        text = text.format(cash=_money(shown.cash, lang), base=base)
    else:
        if planned and _no_cash_logged(ledger, unborne):
            text = lang.gettext(
                "{cash} of cash a year in the plan (none of it shown by the log so far) and "
                "{capacity} of capacity, at {base} prices"
            )
        elif planned:
            text = lang.gettext(
                "{cash} of cash and {capacity} of capacity a year in the plan, at {base} prices"
            )
        else:
            text = lang.gettext("{cash} of cash and {capacity} of capacity a year at {base} prices")
        text = text.format(
            cash=_money(shown.cash, lang), capacity=_money(shown.capacity, lang), base=base
        )
        text = fmt.settled(text, lang)  # "a £50,000" but "ac £80,000" in Welsh
    if not ledger.investment:
        return text + "."
    investment = _money(round_money(ledger.investment, shown.quantum), lang)
    matched = exact_payback(ledger, shown) if whole is None else None
    if matched is not None:
        # The benefit is the funding exactly, as the finance block says in the same words.
        pattern = (
            lang.gettext(
                "{text}, against {investment} of funding ({exact}, if the capacity is "
                "turned into cash)."
            )
            if shown.capacity
            else lang.gettext("{text}, against {investment} of funding ({exact}).")
        )
        return pattern.format(
            text=text, investment=investment, exact=exact_words(ledger, shown, matched, lang)
        )
    if logged:
        if shown.cash and shown.capacity and ledger.payback_logged(whole):
            return _logged_cash_payback(ledger, lang, text, investment, cash)
        # With no payback even counting the capacity as cash, the line gives the finance
        # block's own words: "not paid back from the cash alone" would suggest the capacity
        # repays it, which that block, read beside this note, says it does not.
        return _logged_payback(ledger, bool(shown.capacity), lang, text, investment, whole)
    exact = ledger.payback_from(whole)
    both = bool(shown.cash and shown.capacity)
    if both and not beyond_end(ledger, exact):
        # After cash and capacity the payback is the cash's alone, and says so: the
        # finance director's note counts the capacity too. Not when even that one runs past
        # the project's end: the line then says so in the finance block's words.
        exact = ledger.payback_from(cash)
    elif both:
        both = False
    months = whole_months(exact)
    if months is None:
        return text + "."
    if beyond_end(ledger, exact) and ledger.end is not None:
        # Never a payback the project does not reach: said so, the months beside it.
        pattern = (
            lang.gettext(
                "{text}, against {investment} of funding (not paid back from the cash alone by the "
                "end of the project in {end}; at the full rate it would take {span})"
            )
            if both
            else lang.gettext(
                "{text}, against {investment} of funding (not paid back by the end of the "
                "project in {end}; at the full rate it would take {span})"
            )
            if not shown.capacity
            else lang.gettext(
                "{text}, against {investment} of funding (not paid back by the end of the "
                "project in {end}; at the full rate it would take {span} if the capacity is "
                "turned into cash)"
            )
        )
        end = fmt.period_label(f"{ledger.end:%Y-%m}", lang)
        return (
            pattern.format(
                text=text, investment=investment, span=full_rate_span(months, lang), end=end
            )
            + "."
        )
    # Literal messages in each branch, so that extraction finds them all.
    pattern = (
        lang.ngettext(
            "{text}, against {investment} of funding (payback in {n} month from the cash alone)",
            "{text}, against {investment} of funding (payback in {n} months from the cash alone)",
            months,
        )
        if both
        else lang.ngettext(
            "{text}, against {investment} of funding (payback in {n} month)",
            "{text}, against {investment} of funding (payback in {n} months)",
            months,
        )
        if shown.cash
        else lang.ngettext(
            "{text}, against {investment} of funding (payback in {n} month if the "
            "capacity is turned into cash)",
            "{text}, against {investment} of funding (payback in {n} months if the "
            "capacity is turned into cash)",
            months,
        )
    )
    return _counted_from(
        pattern.format(text=text, investment=investment, n=months) + ".",
        lang,
        full_rate_from(ledger),
    )


def _logged_cash_payback(
    ledger: Ledger, lang: Language, text: str, investment: str, cash: Kind = "cash"
) -> str:
    """The one line's payback from the cash alone, on the years the finance block shows.

    Beside cash and capacity the payback is the cash's own, as it is before
    any year comes from the log: the finance director's block counts the
    capacity as cash too and so gives a shorter one. It follows the same
    years as that block (delivered, and forecast at the log's rate), each
    year's cash spread over its days of benefit, so that it is never a
    payback at the full rate the log disproves.
    """
    repaid = ledger.payback_logged(cash)
    months = whole_months(repaid[0]) if repaid else None
    forecast = not all(share.delivered_only for share in ledger.years)
    basis = forecast_basis(ledger) if forecast else None
    if months is None and basis == "log":
        return lang.gettext(
            "{text}, against {investment} of funding (not paid back from the cash alone "
            "within the project, at the rate delivered so far)."
        ).format(text=text, investment=investment)
    if months is None and basis == "mixed":
        return lang.gettext(
            "{text}, against {investment} of funding (not paid back from the cash alone "
            "within the project, at the rate delivered so far and the plan's rate where the "
            "log cannot tell yet)."
        ).format(text=text, investment=investment)
    if months is None and forecast and not delivered_any(ledger):
        return lang.gettext(
            "{text}, against {investment} of funding (not paid back from the cash alone "
            "within the project, on the benefit forecast)."
        ).format(text=text, investment=investment)
    if months is None:
        pattern = (
            lang.gettext(
                "{text}, against {investment} of funding (not paid back from the cash alone "
                "within the project, on the benefit delivered and forecast)."
            )
            if forecast
            else lang.gettext(
                "{text}, against {investment} of funding (not paid back from the cash alone "
                "within the project, on the benefit delivered)."
            )
        )
        return pattern.format(text=text, investment=investment)
    # The basis before the months: the year's figures just before are the plan's, and the
    # payback is the log's, so the bracket says so first (reader28 #13).
    pattern = (
        lang.ngettext(
            "{text}, against {investment} of funding (on the log's figures and forecast, "
            "payback in {n} month from the cash alone).",
            "{text}, against {investment} of funding (on the log's figures and forecast, "
            "payback in {n} months from the cash alone).",
            months,
        )
        if forecast
        else lang.ngettext(
            "{text}, against {investment} of funding (on the log's figures, payback in {n} "
            "month from the cash alone).",
            "{text}, against {investment} of funding (on the log's figures, payback in {n} "
            "months from the cash alone).",
            months,
        )
    )
    assert repaid is not None
    begins = repaid[1] if ledger.start and repaid[1] > ledger.start else None
    return _counted_from(pattern.format(text=text, investment=investment, n=months), lang, begins)


def _too_few_to(ledger: Ledger, lang: Language) -> str | None:
    """The month to which a year's figures are too few to count, named; else ``None``.

    The finance block's year says why it counts nothing for those months
    ("the log has 7 figures, too few to show a change yet, and a chart needs
    8"): a "not paid back" in any other note gives the same reason in fewer
    words, never none (fixleft24a #5).
    """
    share = next((s for s in ledger.years if s.young is not None and s.upto is not None), None)
    if share is None or share.upto is None:
        return None
    return fmt.period_label(f"{share.upto:%Y-%m}", lang)


def delivered_any(ledger: Ledger) -> bool:
    """Whether the log shows any money delivered, in a closed year or the one under way.

    A payback whose years have nothing delivered yet rests on the forecast
    alone, and says so: "on the benefit forecast", not "on the benefit
    delivered and forecast" beside "nothing counted to the end of November"
    (pins4 (c)). A closed year's benefit at the plan's rate for too few
    figures (``planned``) is not delivered.
    """
    for share in ledger.years:
        if share.so_far is not None and share.so_far > 0:
            return True
        if share.logged and share.why != "young" and share.benefit - share.planned > 0:
            return True
    return False


def forecast_basis(ledger: Ledger) -> str | None:
    """What the years' forecast rests on, when it is not the plan's rate alone.

    ``"log"``: the year under way carries on the rate its figures delivered so
    far, and no impact is at the plan's rate on no evidence; ``"mixed"``: some
    are at the log's rate and some at the plan's, since their figures cannot
    tell yet (too few, too young, or none in the year). ``None`` otherwise.
    """
    share = next((s for s in ledger.years if s.year == ledger.under_way), None)
    if share is None or share.so_far is None or not share.rates:
        return None
    if share.assumed or share.unfigured or share.young is not None or share.at_full_rate:
        return "mixed"
    later = [s for s in ledger.years if s.year > share.year]
    return "mixed" if any(s.at_full_rate for s in later) else "log"


def _logged_payback(
    ledger: Ledger,
    capacity: bool,
    lang: Language,
    text: str,
    investment: str,
    whole: Kind | None = None,
) -> str:
    """The one line's payback once the finance director's block follows the log.

    The same payback as that block's, on the benefit delivered (and
    forecast), so that no director is told a payback the log disproves.
    """
    repaid = ledger.payback_logged(whole)
    months = whole_months(repaid[0]) if repaid else None
    forecast = not all(share.delivered_only for share in ledger.years)
    gaps = verdict_gaps(ledger) if months is None and whole is None else ()
    if gaps:
        return lang.gettext(
            "{text}, against {investment} of funding (not paid back within the project with "
            "{gaps} not yet logged)."
        ).format(text=text, investment=investment, gaps=gaps_words(gaps, lang))
    basis = forecast_basis(ledger) if forecast else None
    if months is None and (month := _too_few_to(ledger, lang)) is not None:
        return lang.gettext(
            "{text}, against {investment} of funding (not paid back within the project, with "
            "nothing counted to the end of {month}: too few figures yet to show a change)."
        ).format(text=text, investment=investment, month=month)
    planned = whole_months(ledger.payback_from(whole))
    worse = any(share.worse for share in ledger.years)
    if months is None and basis == "log" and ledger.project_benefit <= 0 and planned and not worse:
        # A rate of nothing so far is said as nothing, with the plan's payback beside it:
        # "not paid back … at the rate delivered so far" read as if £842,000 a year would
        # not pay back £480,000 (newuser37 #9). Never where the log shows a measure worse
        # than before the change: the plan's payback is one the log disproves.
        return (
            lang.ngettext(
                "{text}, against {investment} of funding (the log shows none of it so far, so "
                "at that rate the funding is not paid back within the project; at the plan's "
                "rate it would be paid back in {n} month, if the capacity is turned into cash).",
                "{text}, against {investment} of funding (the log shows none of it so far, so "
                "at that rate the funding is not paid back within the project; at the plan's "
                "rate it would be paid back in {n} months, if the capacity is turned into cash).",
                planned,
            )
            if capacity
            else lang.ngettext(
                "{text}, against {investment} of funding (the log shows none of it so far, so "
                "at that rate the funding is not paid back within the project; at the plan's "
                "rate it would be paid back in {n} month).",
                "{text}, against {investment} of funding (the log shows none of it so far, so "
                "at that rate the funding is not paid back within the project; at the plan's "
                "rate it would be paid back in {n} months).",
                planned,
            )
        ).format(text=text, investment=investment, n=planned)
    if months is None and basis == "log":
        # The line's year is the plan's; the verdict rests on the log's rate, which only the
        # finance block shows: said in a few words, so the two do not read as a contradiction
        # (newuser31 #7: £329,000 a year against £286,000, "not paid back").
        return lang.gettext(
            "{text}, against {investment} of funding (not paid back within the project at the "
            "rate delivered so far)."
        ).format(text=text, investment=investment)
    if months is None and basis == "mixed":
        return lang.gettext(
            "{text}, against {investment} of funding (not paid back within the project at the "
            "rate delivered so far and the plan's rate where the log cannot tell yet)."
        ).format(text=text, investment=investment)
    delivered = delivered_any(ledger)
    if months is None and forecast and not delivered:
        return lang.gettext(
            "{text}, against {investment} of funding (not paid back within the project on "
            "the benefit forecast)."
        ).format(text=text, investment=investment)
    if months is None:
        pattern = (
            lang.gettext(
                "{text}, against {investment} of funding (not paid back within the project on "
                "the benefit delivered and forecast)."
            )
            if forecast
            else lang.gettext(
                "{text}, against {investment} of funding (not paid back within the project on "
                "the benefit delivered)."
            )
        )
        return pattern.format(text=text, investment=investment)
    if forecast and not delivered:
        pattern = (
            lang.ngettext(
                "{text}, against {investment} of funding (payback in {n} month on the benefit "
                "forecast, if the capacity is turned into cash).",
                "{text}, against {investment} of funding (payback in {n} months on the benefit "
                "forecast, if the capacity is turned into cash).",
                months,
            )
            if capacity
            else lang.ngettext(
                "{text}, against {investment} of funding (payback in {n} month on the benefit "
                "forecast).",
                "{text}, against {investment} of funding (payback in {n} months on the benefit "
                "forecast).",
                months,
            )
        )
    elif forecast:
        pattern = (
            lang.ngettext(
                "{text}, against {investment} of funding (payback in {n} month on the benefit "
                "delivered and forecast, if the capacity is turned into cash).",
                "{text}, against {investment} of funding (payback in {n} months on the benefit "
                "delivered and forecast, if the capacity is turned into cash).",
                months,
            )
            if capacity
            else lang.ngettext(
                "{text}, against {investment} of funding (payback in {n} month on the benefit "
                "delivered and forecast).",
                "{text}, against {investment} of funding (payback in {n} months on the benefit "
                "delivered and forecast).",
                months,
            )
        )
    else:
        pattern = (
            lang.ngettext(
                "{text}, against {investment} of funding (payback in {n} month on the benefit "
                "delivered, if the capacity is turned into cash).",
                "{text}, against {investment} of funding (payback in {n} months on the benefit "
                "delivered, if the capacity is turned into cash).",
                months,
            )
            if capacity
            else lang.ngettext(
                "{text}, against {investment} of funding (payback in {n} month on the benefit "
                "delivered).",
                "{text}, against {investment} of funding (payback in {n} months on the benefit "
                "delivered).",
                months,
            )
        )
    assert repaid is not None
    begins = repaid[1] if ledger.start and repaid[1] > ledger.start else None
    return _counted_from(pattern.format(text=text, investment=investment, n=months), lang, begins)


def _payback_on_the_log(
    months: Months,
    begins: dt.date | None,
    lang: Language,
    *,
    forecast: bool,
    start: dt.date | None = None,
    delivered: bool = True,
) -> str:
    """The finance block's payback once it follows the log, as a whole clause for each case.

    On the benefit delivered, or delivered and forecast when some year is
    still to come, or forecast alone when the log shows nothing delivered
    yet (``delivered`` false: :func:`delivered_any`); with the month it
    starts from when that is after the project's start, and from the
    project's ``start`` otherwise: "10.8
    months" counted from the start read as a slip beside "£12,000 a month"
    that repays the funding in 8 months from when the benefit began
    (reader27 #8). Each case is its own sentence, so Welsh can word it whole
    rather than from pieces.
    """
    if forecast and not delivered:
        return _payback_on_the_forecast(months, begins, lang, start)
    if begins is None and start is not None:
        template = (
            lang.ngettext(
                "payback {n} month on the benefit delivered and forecast, from the project's "
                "start ({start})",
                "payback {n} months on the benefit delivered and forecast, from the project's "
                "start ({start})",
                months,
            )
            if forecast
            else lang.ngettext(
                "payback {n} month on the benefit delivered, from the project's start ({start})",
                "payback {n} months on the benefit delivered, from the project's start ({start})",
                months,
            )
        )
        return template.format(n=months, start=fmt.date(start, lang))
    if begins is None:
        template = (
            lang.ngettext(
                "payback {n} month on the benefit delivered and forecast",
                "payback {n} months on the benefit delivered and forecast",
                months,
            )
            if forecast
            else lang.ngettext(
                "payback {n} month on the benefit delivered",
                "payback {n} months on the benefit delivered",
                months,
            )
        )
        return template.format(n=months)
    template = (
        lang.ngettext(
            "payback {n} month on the benefit delivered and forecast, once it starts ({month})",
            "payback {n} months on the benefit delivered and forecast, once it starts ({month})",
            months,
        )
        if forecast
        else lang.ngettext(
            "payback {n} month on the benefit delivered, once it starts ({month})",
            "payback {n} months on the benefit delivered, once it starts ({month})",
            months,
        )
    )
    return template.format(n=months, month=fmt.period_label(f"{begins:%Y-%m}", lang))


def _payback_on_the_forecast(
    months: Months, begins: dt.date | None, lang: Language, start: dt.date | None
) -> str:
    """:func:`_payback_on_the_log` when the log shows nothing delivered yet: on the forecast."""
    if begins is None and start is not None:
        return lang.ngettext(
            "payback {n} month on the benefit forecast, from the project's start ({start})",
            "payback {n} months on the benefit forecast, from the project's start ({start})",
            months,
        ).format(n=months, start=fmt.date(start, lang))
    if begins is None:
        return lang.ngettext(
            "payback {n} month on the benefit forecast",
            "payback {n} months on the benefit forecast",
            months,
        ).format(n=months)
    return lang.ngettext(
        "payback {n} month on the benefit forecast, once it starts ({month})",
        "payback {n} months on the benefit forecast, once it starts ({month})",
        months,
    ).format(n=months, month=fmt.period_label(f"{begins:%Y-%m}", lang))


def _counted_from(line: str, lang: Language, begins: dt.date | None) -> str:
    """``line``, a payback bracket closing it, with where its months count from (fixbrief28).

    The finance director's block says where its payback counts from (the
    project's start, or the month the benefit starts); every other director's
    line now says it too, inside its bracket: "(payback in 6.8 months, counted
    from 1 April 2026)", "(…, counted from June 2027)". ``begins``: the month
    the count starts, when after the project's ``start``.

    A count from the project's own start is not said again: the note's
    timeline gives that day just above, and the words cost three full briefs a
    line each (a strategy link, an evidence item). Only a later start, which
    no other line gives, is said.
    """
    if begins is None:
        return line
    said = lang.gettext(", counted from {month}").format(
        month=fmt.period_label(f"{begins:%Y-%m}", lang)
    )
    for end in (").", ")"):
        if line.endswith(end):
            return f"{line[: -len(end)]}{said}{end}"
    return line


def full_rate_from(ledger: Ledger) -> dt.date | None:
    """The day the last counted benefit starts, when that is after the project's start.

    The payback is months of a year's benefit at its full rate, which is
    reached when every counted impact's change has reached its measure
    (``changed:``). ``None`` when that is the project's start (or unknown).
    """
    if ledger.start is None:
        return None
    starts = [benefit_start(line.impact, ledger.start) for line in ledger.counted if line.annual]
    latest = max(starts, default=None)
    return latest if latest is not None and latest > ledger.start else None


#: Above this many months a payback is given in whole months ("246 months", not "245.8").
WHOLE_MONTHS_FROM = 24
#: Above this many months a payback beyond the project's end is given in years.
MONTHS_IN_YEARS = 60


class Months(float):
    """A payback in months as every note writes it: to one decimal place, "7.1".

    A whole number reads without its decimal ("12 months"). The figure is the
    one a finance director works out by hand (12 × £250,000 ÷ £423,124 =
    7.09, so "7.1 months"), neither rounded up to the month it is reached
    ("8 months", which read as a slip: reader24 #14) nor down to one before
    the funding is back. In Welsh too: "ad-dalu mewn 7.1 mis".
    """

    def __format__(self, spec: str) -> str:
        if spec:
            return float.__format__(self, spec)
        if float(self) > WHOLE_MONTHS_FROM:
            # Past two years a tenth of a month is fussy: "246 months", not "245.8 months".
            return str(math.floor(float(self) + 0.5))
        text = f"{float(self):.1f}"
        return text.removesuffix(".0")

    def __str__(self) -> str:
        return format(self, "")


def whole_months(months: float | None) -> Months | None:
    """A payback as the notes give it (:class:`Months`): to one decimal place, at least 0.1.

    Rounded half up from the months worked out: 7.09 is 7.1, 6.75 is 6.8. A
    hair over or under a whole month, from adding days in floating point, is
    that month.
    """
    if months is None or not math.isfinite(months):
        return None
    tenths = math.floor(months * 10 + 0.5 + 1e-6)
    return Months(max(1, tenths) / 10)


def full_rate_span(months: Months, lang: Language) -> str:
    """How long the full rate would take to repay the funding: "30 months", "about 20 years".

    A payback beyond the project's end can run to years: "245.8 months"
    reads fussy (reader25), so above :data:`MONTHS_IN_YEARS` months it is
    given in whole years, "about", in the note's language.
    """
    if months > MONTHS_IN_YEARS:
        years = max(1, math.floor(months / 12 + 0.5))
        return lang.ngettext("about {n} year", "about {n} years", years).format(n=years)
    return lang.ngettext("{n} month", "{n} months", months).format(n=months)


def nearest_months(months: float) -> int:
    """A length of time in whole months, the nearest, at least one (not a payback)."""
    return max(1, math.floor(months + 0.5))
