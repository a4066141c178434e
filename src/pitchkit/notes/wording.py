"""Sentences pitchkit writes about a pitch, in the reader's language.

Recasting decides *what* to say (:mod:`pitchkit.recast.pitch`); this module
decides *how*: the headline, one sentence per statement, the ask and what
the sponsor gains, in the director's own terms where they gave them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import cache

from pitchkit.facts.schema import Director, Impact, Objective
from pitchkit.i18n import fmt
from pitchkit.i18n.englishtitle import english_subject, finished
from pitchkit.i18n.fmt import quoted
from pitchkit.i18n.translation import N_, Language
from pitchkit.i18n.welshtitle import welsh_subject
from pitchkit.notes import objectives
from pitchkit.notes.foreign import foreign
from pitchkit.notes.shown import shown_statements
from pitchkit.recast.money import quantum_for, round_money
from pitchkit.recast.pitch import (
    Pitch,
    Quantity,
    Statement,
    capacity_against_cash,
    money_target,
    reaches_target,
)
from pitchkit.recast.quantity import measure_decimals, per_rate, rate_said_by

PER_WORDS = {
    "year": N_("a year"),
    "quarter": N_("a quarter"),
    "month": N_("a month"),
    "week": N_("a week"),
    "day": N_("a day"),
}


#: Words that may stand before a term without qualifying it: a director's term that
#: only adds a qualifier ("occupied bed days" for "bed days") replaces the project's
#: word after these (or at the start, or after a figure), and nowhere else.
_PLAIN_BEFORE = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "for",
        "to",
        "from",
        "and",
        "or",
        "with",
        "by",
        "per",
        "fewer",
        "more",
        "less",
        "than",
        "all",
        "our",
        "their",
        "its",
        "total",
        "number",
        "reduce",
        "reducing",
        "cut",
        "cutting",
        "increase",
        "increasing",
        "improve",
        "improving",
        "release",
        "released",
        "save",
        "saved",
        "avoid",
        "avoided",
        "how",
        "what",
        "which",
        "when",
        "where",
        "why",
        "count",
        "counted",
        "counting",
    ]
)


#: Words that qualify a measure's noun the way a director's own qualifier would
#: ("emergency admissions", "hospital bed days").
_QUALIFIERS = frozenset(
    [
        "emergency",
        "elective",
        "non-elective",
        "unplanned",
        "planned",
        "hospital",
        "inpatient",
        "acute",
        "occupied",
        "urgent",
        "routine",
    ]
)


def _already_qualified(text: str, start: int) -> bool:
    """Whether the word before ``start`` in ``text`` qualifies what follows it.

    It does when it opens the text (a measure's own name: "Hospital bed
    days used by …") or is a word measures are qualified with; a question
    word or a figure before the term ("how bed days", "1,600 bed days")
    qualifies nothing.
    """
    before = re.search(r"([\w'-]+)\W*$", text[:start])
    if before is None:
        return False
    word = before.group(1).lower()
    if word in _PLAIN_BEFORE or any(char.isdigit() for char in word):
        return False
    return word in _QUALIFIERS or not text[: before.start()].strip()


def apply_terms(text: str, terms: Mapping[str, str]) -> str:
    """Replace the project's words with the director's own (``patients`` → ``service users``).

    Whole words only, case-insensitively; a capital first letter is kept. A
    term that only puts a qualifier before the project's word ("occupied bed
    days" for "bed days") is not put where the text already qualifies it:
    "Hospital bed days" stays, rather than becoming "Hospital occupied bed days".
    """
    for theirs, ours in _ordered_terms(terms):
        pattern = re.compile(rf"\b{re.escape(theirs)}\b", re.IGNORECASE)
        qualifier_only = ours.lower().endswith(" " + theirs.lower())

        def replace(
            match: re.Match[str], ours: str = ours, qualifier_only: bool = qualifier_only
        ) -> str:
            found = match.group()
            if qualifier_only and _already_qualified(match.string, match.start()):
                return found
            return ours[:1].upper() + ours[1:] if found[:1].isupper() else ours

        text = pattern.sub(replace, text)
    return text


#: Nouns that are plural without an -s (British usage: "staff are").
_PLURAL_WITHOUT_S = frozenset(
    {"people", "children", "staff", "personnel", "men", "women", "feet", "teeth", "police"}
)


#: Plural nouns, English and Welsh, that lead a measure before a number without being a
#: name ("People 75 and over …", "Pobl 75 oed a hŷn …": newuser25 #7), as "Patients" does.
_PLURAL_FIRST = _PLURAL_WITHOUT_S | frozenset(
    {"pobl", "cleifion", "plant", "babanod", "menywod", "dynion", "oedolion"}
)


#: Words that end a noun phrase's head and begin what follows it ("people *in* our care").
_AFTER_HEAD = frozenset(
    {"in", "of", "with", "for", "on", "at", "from", "under", "who", "that", "which", "living"}
)


def is_plural(phrase: str) -> bool:
    """Whether a noun phrase is plural, by its head noun.

    The head is the last word before anything that follows it: ``savings``
    and ``people in our care`` are plural, ``cost improvement`` is not. A
    hyphenated word is one word, so the "of" inside ``out-of-hours
    admissions`` does not end the phrase before its head.
    """
    words = re.findall(r"[A-Za-z']+(?:-[A-Za-z']+)*", phrase.lower())
    cut = next((n for n, word in enumerate(words) if n and word in _AFTER_HEAD), len(words))
    if not cut:
        return False
    head = words[cut - 1]
    if head in _PLURAL_WITHOUT_S:
        return True
    return head.endswith("s") and not head.endswith(("ss", "us", "is"))


def names_its_unit(measure: str, unit: str) -> bool:
    """Whether ``measure`` opens with its own unit, or one word and then it.

    "Hours adult patients wait in ED" in hours, "Emergency admissions for
    falls" in admissions: such a measure counts its unit, so a figure goes
    straight in front of it ("3,290 fewer hours adult patients wait", "50
    fewer emergency admissions for falls"). A percentage is never one.
    """
    words = re.findall(r"[^\W\d_]+", unit.casefold())
    if not words or unit.strip() == "%":
        return False
    opening = re.findall(r"[^\W\d_]+", measure.casefold())
    return any(opening[start : start + len(words)] == words for start in (0, 1))


def apply_terms_in_sentence(text: str, terms: Mapping[str, str]) -> str:
    """The director's own words in a sentence the team wrote, where its grammar survives.

    Only a term that keeps the word's number is used (``patients`` →
    ``service users``, ``bed days`` → ``occupied bed days``). One that
    changes it (``savings`` → ``cost improvement``) would leave the verbs,
    pronouns and determiners the team wrote agreeing with their word ("the
    savings release cash" would read "the cost improvement release cash"),
    and pitchkit does not parse the team's sentences to mend them, so their
    own word stays. Measure names, which are labels rather than sentences,
    take every term (:func:`apply_terms`).
    """
    kept = {ours: theirs for ours, theirs in terms.items() if is_plural(ours) == is_plural(theirs)}
    return apply_terms(text, kept)


def _ordered_terms(terms: Mapping[str, str]) -> list[tuple[str, str]]:
    # Longer phrases first, so "patients' families" wins over "patients".
    return sorted(((k, v) for k, v in terms.items() if k.strip()), key=lambda kv: -len(kv[0]))


def per_phrase(per: str | None, lang: Language) -> str:
    """``a year`` for ``per: year``; empty for a level measure."""
    return lang.gettext(PER_WORDS[per]) if per else ""


def amount(value: float, quantity: Quantity, lang: Language) -> str:
    """A value in the impact's own unit: ``1,200 admissions``, ``87%``, ``£4,000``."""
    places = measure_decimals(quantity.baseline, quantity.target)
    return fmt.quantity(value, quantity.unit, lang, decimals=places)


def money_figures(quantity: Quantity, lang: Language) -> tuple[str, str, str]:
    """A money measure's baseline, target and gain, rounded together so that they add up.

    ``£412,500``, ``£330,000`` and ``£82,500``: not a baseline of £413,000 beside
    a gain of £82,500 (:func:`pitchkit.i18n.fmt.money_together`; newuser21 #2).
    """
    baseline, target, gain = fmt.money_together(
        [quantity.baseline, quantity.target, abs(quantity.gain)], lang, adding_up=True
    )
    return baseline, target, gain


def gain_phrase(quantity: Quantity, lang: Language, *, with_unit: bool = True) -> str:
    """How much better, plainly: ``200 fewer admissions a year`` or ``7 points higher``.

    A wait in a unit of time names it: ``12 weeks shorter``, not ``12 fewer``.
    A target at the baseline level plans no change, and says so.
    """
    if quantity.gain == 0:
        return lang.gettext("no change planned")
    per = per_phrase(quantity.per, lang)
    lower = quantity.target < quantity.baseline
    places = measure_decimals(quantity.baseline, quantity.target)
    if quantity.is_percentage:
        points = fmt.number(abs(quantity.gain), lang, decimals=places)
        pattern = (
            lang.gettext("{points} percentage points lower")
            if lower
            else lang.gettext("{points} percentage points higher")
        )
        text = pattern.format(points=points)
    elif quantity.is_money:
        size = money_figures(quantity, lang)[2]
        pattern = lang.gettext("{amount} less") if lower else lang.gettext("{amount} more")
        text = pattern.format(amount=size)
    else:
        size = fmt.number(abs(quantity.gain), lang, decimals=places)
        # A wait names its unit even where a count leaves it to the sentence:
        # "from 16 to 4 weeks: 12 weeks shorter", not "12 fewer".
        # A time counted over a period ("hours a month" that patients wait, all told) is
        # an amount, so fewer of them: "600 fewer hours a month", not "600 hours shorter".
        duration = quantity.duration and not quantity.per
        unit = quantity.unit.strip() if with_unit or duration else ""
        if not quantity.unit.strip() or per_rate(quantity.unit):
            # A rate or ratio: its figure is lower or higher, never "fewer" of anything
            # ("2.5 lower", not "2.5 fewer"); a rate per so many says what it is per
            # where the sentence has not ("2.1 lower per 1,000 occupied bed days").
            pattern = lang.gettext("{number} lower") if lower else lang.gettext("{number} higher")
            rate = quantity.unit.strip() if with_unit else ""
            if foreign(rate, lang):
                # The measure's own English words in a Welsh sentence, shown as written.
                rate = quoted(rate)
            return " ".join(f"{pattern.format(number=size)} {rate} {per}".split())
        if unit and (abs(quantity.gain) == 1 or lang.lang != "en"):
            # One item takes the singular; so does every number in Welsh (5,000 diwrnod).
            unit = fmt.singular_unit(unit, lang)
        if duration and unit:
            pattern = (
                lang.gettext("{number} {unit} shorter")
                if lower
                else lang.gettext("{number} {unit} longer")
            )
        else:
            pattern = (
                lang.gettext("{number} fewer {unit}")
                if lower
                else lang.gettext("{number} more {unit}")
            )
        text = " ".join(pattern.format(number=size, unit=unit).split())
    return f"{text} {per}".strip()


def reads_with_an(figure: str) -> bool:
    """Whether an English figure is said with a vowel sound first: ``an 18%``, ``an 8%``.

    Eight and every number said from it (80, 800, 8.5), eleven and eighteen
    (and their thousands and millions: 11,000) begin with a vowel sound.
    """
    found = re.match(r"\d+", figure.strip())
    if not found:
        return False
    first = found.group()
    return first.startswith("8") or first in {"11", "18"}


def relative_phrase(quantity: Quantity, lang: Language) -> str:
    """``a 17% reduction``, ``an 18% reduction`` or ``a 12% increase``.

    Empty for percentages and zero baselines.
    """
    if quantity.relative is None or quantity.relative <= 0:
        return ""
    share = fmt.percent(quantity.relative, lang)
    an = reads_with_an(share)
    if quantity.target < quantity.baseline:
        if an:
            return lang.gettext("an {share} reduction").format(share=share)
        return lang.gettext("a {share} reduction").format(share=share)
    if an:
        return lang.gettext("an {share} increase").format(share=share)
    return lang.gettext("a {share} increase").format(share=share)


def money_phrase(quantity: Quantity, lang: Language) -> str:
    """What the gain is worth: ``worth £318,000 a year``; empty without a value.

    Rounded as the money block rounds it (:func:`pitchkit.recast.money.round_money`:
    to the nearest £1,000 from £10,000, else to the pound), so that the same
    money reads the same in every note of a project: the medical director's
    "worth £96,600 a year" was the finance director's "£97,000 a year". From a
    million it is written as the note writes other millions (£3.48m).
    """
    if quantity.money is None or quantity.is_money or quantity.money <= 0:
        return ""
    per = per_phrase(quantity.per, lang)
    pattern = (
        lang.gettext("worth {money} {per} in capacity")
        if quantity.releases == "capacity"
        # New spend is never "worth" anything: said as what the change adds to spend.
        else lang.gettext("adding {money} {per} to spend")
        if quantity.releases == "cost"
        else lang.gettext("worth {money} {per}")
    )
    money = worth(quantity.money, lang, within_year=quantity.per not in (None, "year"))
    whose = other_budget_words(quantity.body, lang) if quantity.releases == "cash" else None
    if whose is not None:
        # Cash in another body's budget is never the trust's saving, under whichever
        # objective it is claimed for ("worth £480,000 a year in NHS England's budget").
        pattern = lang.gettext("worth {money} {per} in {whose}")
    return " ".join(pattern.format(money=money, per=per, whose=whose).split())


def other_budget_words(body: str | None, lang: Language) -> str | None:
    """``the ICB's budget``, ``NHS England's budget``: another body's, as the note names it."""
    from pitchkit.notes.moneytext import OTHER_BUDGETS

    return lang.gettext(OTHER_BUDGETS[body]) if body in OTHER_BUDGETS else None


def worth(money: float, lang: Language, *, within_year: bool = False) -> str:
    """What a gain is worth, as every note writes it: ``£97,000``, ``£4,350``, ``£1,011,000``.

    To the nearest £1,000 from £10,000, else to the pound, written in full
    (:func:`pitchkit.recast.money.round_money`, as the money block rounds),
    a million too: the money block and the other directors' money line write
    it so, and one note must not give one figure two ways (£1.01m beside
    £1,011,000). A briefing note and a progress update so give the same
    money alike (docs/money.md, section 6). ``within_year`` money (a month's,
    a week's) is to the nearest £100 from £10,000, so that twelve months of
    it read as the year the finance block gives.
    """
    quantum = quantum_for(money)
    if within_year and quantum > 100:
        # A month's money a step finer: "£17,700 a month" beside the finance block's
        # "£213,000 a year", where "£18,000 a month" made £216,000 (reader26 #8).
        quantum = 100.0
    return fmt.money(round_money(money, quantum), lang, precision="exact")


def part_of_target(value: float, unit: str | None, lang: Language) -> str:
    """The part of a year's benefit a target counts: money as :func:`worth` writes it."""
    if (unit or "").strip().upper() in ("£", "GBP"):
        return worth(value, lang)
    return fmt.quantity(value, unit, lang)


def shown_measure(impact: Impact, lang: Language, terms: Mapping[str, str]) -> str:
    """An impact's measure as :func:`movement_phrase` writes it.

    In the director's terms, and quoted when it is in the other language.
    """
    measure = apply_terms(impact.measure, terms)
    return quoted(measure) if foreign(measure, lang) else measure


def closed_by_comma(measure: str) -> bool:
    """Whether a measure's name needs a comma before the "from" that follows it.

    A name with a comma of its own ("inappropriate out-of-area placement bed
    days, adult acute") ran into "from 7,400", reading "adult acute from
    7,400" (reader27); one ending in a figure or a sign ("HbA1c over 58",
    "Staff turnover %") ran its last figure into the first. A name ending in
    a word or a bracket reads on without one.
    """
    # Not a bracket's commas, nor a figure's ("per 1,000 occupied bed days").
    outside = re.sub(r"(?<=\d),(?=\d)", "", re.sub(r"\([^()]*\)", "", measure))
    last = measure.rstrip()[-1:]
    return "," in outside or last.isdigit() or (bool(last) and last in "%£$€")


def movement_phrase(
    impact: Impact, quantity: Quantity, lang: Language, terms: Mapping[str, str]
) -> str:
    """``Emergency admissions from 1,200 to 1,000 admissions a year``."""
    places = measure_decimals(quantity.baseline, quantity.target)
    baseline = (
        fmt.number(quantity.baseline, lang, decimals=places)
        if not (quantity.is_percentage or quantity.is_money)
        else amount(quantity.baseline, quantity, lang)
    )
    target = amount(quantity.target, quantity, lang)
    if quantity.is_money:
        baseline, target, _ = money_figures(quantity, lang)
    measure = apply_terms(impact.measure, terms)
    return (
        (
            lang.gettext("{measure}, from {baseline} to {target} {per}")
            if closed_by_comma(shown_measure(impact, lang, terms))
            else lang.gettext("{measure} from {baseline} to {target} {per}")
        )
        .format(
            measure=shown_measure(impact, lang, terms),
            baseline=baseline,
            # A rate's words are in the measure already: "Falls per 1,000 occupied bed
            # days from 8.1 to 6", not "… to 6 per 1,000 occupied bed days".
            target=(
                fmt.number(quantity.target, lang, decimals=places)
                if rate_said_by(measure, quantity.unit)
                else target
            ),
            per=per_phrase(quantity.per, lang),
        )
        .strip()
    ) + target_was_phrase(impact, lang)


def target_was_phrase(impact: Impact, lang: Language) -> str:
    """`` (target from November 2026; was 80)`` for a target changed part way; else ``""``."""
    from pitchkit.notes.targetchange import changed_from, last_was

    start, was = changed_from(impact), last_was(impact)
    if was is None or start is None:
        return ""
    return lang.gettext(" (target from {period}; was {value})").format(
        period=fmt.period_label(start.text, lang), value=fmt.number(was.value, lang)
    )


def measure_sentence(
    impact: Impact, quantity: Quantity, lang: Language, terms: Mapping[str, str]
) -> str:
    """One sentence: the measure from baseline to target, the gain and its worth.

    A balancing measure's is :func:`watched_sentence`: its target is a limit, not a gain.
    """
    if impact.balancing:
        return watched_sentence(impact, quantity, lang, terms)
    details = [gain_phrase(quantity, lang, with_unit=False)]
    relative = relative_phrase(quantity, lang)
    if relative:
        details.append(relative)
    worth = money_phrase(quantity, lang)
    if worth:
        details.append(worth)
    return lang.gettext("{movement}: {details}.").format(
        movement=movement_phrase(impact, quantity, lang, terms), details=", ".join(details)
    )


def watched_sentence(
    impact: Impact, quantity: Quantity, lang: Language, terms: Mapping[str, str]
) -> str:
    """A balancing measure, as the brief says it: watched, and kept within its limit.

    "We will also watch median time children spend in the emergency department, a
    balancing measure: the change may make it a little worse, and we will keep it to
    no more than 4.0 hours (3.5 hours before the change)." Never a gain, never money.
    """
    measure = apply_terms(impact.measure, terms)
    shown = quoted(measure) if foreign(measure, lang) else lower_measure(measure)
    per = per_phrase(quantity.per, lang)
    limit = " ".join((amount(quantity.target, quantity, lang), per)).strip()
    baseline = " ".join((amount(quantity.baseline, quantity, lang), per)).strip()
    pattern = (
        lang.gettext(
            "We will also watch {measure}, a balancing measure: the change may make it a "
            "little worse, and we will keep it to no more than {limit} ({baseline} before "
            "the change)."
        )
        if impact.direction == "lower"
        else lang.gettext(
            "We will also watch {measure}, a balancing measure: the change may make it a "
            "little worse, and we will keep it to no less than {limit} ({baseline} before "
            "the change)."
        )
    )
    return pattern.format(measure=shown, limit=limit, baseline=baseline)


def share_phrase(statement: Statement, lang: Language) -> str:
    """``1.5% of your £14m target``, where the units agree; else empty.

    When the objective names a financial year that only part of a year's
    benefit falls in, the share counts that part and names it first
    (``of which £155,000 falls in 2026/27: 0.5% of your £31m target``), so
    the share is not read against the whole year's figure beside it.
    """
    share = statement.share_of_target
    target = statement.objective.target
    if target is not None and reaches_target(statement.quantity, statement.objective):
        return lang.gettext("reaching your {target} target").format(
            target=fmt.quantity(target.value, target.unit, lang)
        )
    if share is None or target is None:
        return ""
    if statement.target_prices:
        text = repriced_share(share * target.value, statement, lang)
    else:
        text = share_of_target_text(share, fmt.quantity(target.value, target.unit, lang), lang)
    if statement.target_delivered and statement.target_year:
        # A year that has closed: what the log shows it delivered, as the finance block
        # and the progress update give it, not the forecast part of a year's rate.
        text = lang.gettext("of which {part} was delivered in {year}: {share}").format(
            share=text,
            part=part_of_target(share * target.value, target.unit, lang),
            year=statement.target_year,
        )
    elif statement.target_forecast and statement.target_year:
        # The year under way: the log's forecast for it, the figure the finance block gives.
        part = part_of_target(share * target.value, target.unit, lang)
        planned = statement.plan_share_of_target
        plan = "" if planned is None else part_of_target(planned * target.value, target.unit, lang)
        if plan and plan != part and statement.target_unshown:
            # Its figures cannot show the change yet: the forecast is not the log's but the
            # plan's rate for the months still to come, nothing for those logged (newuser32
            # #2: "the forecast from the log is £54,000" was £0 so far and the plan's rate).
            text = lang.gettext(
                "of which the plan puts {plan} in {year}; with nothing counted until the log "
                "shows the change, and the plan's rate for the rest of the year, the forecast "
                "is {part}: {share}"
            ).format(share=text, plan=plan, part=part, year=statement.target_year)
        elif plan and plan != part:
            # The sentence is the plan's: its own part of the year goes with it, and the
            # log's forecast is named as the log's (reader21 #2), never read as the plan's.
            text = lang.gettext(
                "of which the plan puts {plan} in {year} and the forecast from the log is "
                "{part}: {share}"
            ).format(share=text, plan=plan, part=part, year=statement.target_year)
        else:
            text = lang.gettext("of which {part} is forecast for {year}: {share}").format(
                share=text, part=part, year=statement.target_year
            )
    elif statement.target_year:
        # The part first, then its share: "0.5% of your £31m target" straight after
        # "worth £374,000 a year" would read as a share of the whole year's figure.
        text = lang.gettext("of which {part} falls in {year}: {share}").format(
            share=text,
            part=part_of_target(share * target.value, target.unit, lang),
            year=statement.target_year,
        )
    if capacity_against_cash(statement.quantity, statement.objective):
        text = if_taken_as_cash(text, lang)
    return text


def repriced_share(money: float, statement: Statement, lang: Language) -> str:
    """``£864,000 at 2027/28 prices, 3.6% of your £24m target``: a target of another year.

    ``money`` (at the note's prices, as the note gives it) is restated at the
    prices of the year the objective's money target is in
    (``statement.target_prices``), rounded as the note rounds money, and the
    share is of that figure, so a finance director re-adding the page gets it.
    """
    target = statement.objective.target
    assert target is not None
    assert statement.target_prices is not None
    restated = money * statement.target_factor
    restated = round_money(restated, quantum_for(restated))
    return lang.gettext("{money} at {year} prices, {share}").format(
        money=part_of_target(restated, target.unit, lang),
        year=statement.target_prices,
        share=share_of_target_text(
            restated / abs(target.value), fmt.quantity(target.value, target.unit, lang), lang
        ),
    )


def if_taken_as_cash(share: str, lang: Language) -> str:
    """A share of a cash target that capacity would make only once it is turned into cash."""
    return lang.gettext("{share}, if the capacity is turned into cash").format(share=share)


def share_of_target_text(share: float, target: str, lang: Language) -> str:
    """``1.5% of your £14m target``; ``less than 0.1% …`` for a sliver of it.

    Shares under 10% keep one decimal place, so 1.52% reads 1.5%, never
    "about 2%".
    """
    shown = fmt.percent(share, lang, decimals=1 if abs(share) < 0.095 else 0)
    if shown.startswith("<"):
        text = lang.gettext("less than {share} of your {target} target")
        shown = shown[1:]
    elif shown.startswith(">"):
        text = lang.gettext("more than {share} of your {target} target")
        shown = shown[1:]
    else:
        text = lang.gettext("{share} of your {target} target")
    # "llai nag 8%" in Welsh (fmt.welsh_figures).
    return fmt.settled(text.format(share=shown, target=target), lang)


def statement_text(statement: Statement, lang: Language, director: Director) -> str:
    """The sentence a note shows for one statement."""
    text = measure_sentence(statement.impact, statement.quantity, lang, director.terms)
    share = share_phrase(statement, lang)
    if share:
        text = text[:-1] + lang.gettext(", {share}.").format(share=share)
    return text


#: Small words a proper name may hold between its capitalised words ("Friends and Family Test").
_NAME_JOINS = frozenset({"and", "of", "the", "for", "in", "on", "to", "&", "a"})


def lower_first(text: str) -> str:
    """``Deliver the CIP`` → ``deliver the CIP``, leaving acronyms alone.

    An acronym is a first word with a capital after its first letter: ``CIP``,
    ``HbA1c``, ``A&E``, and Welsh ones spelt with a digraph, ``FfA`` (ffibriliad
    atrïaidd), which would read ``ffA`` lowered.
    """
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    if len(text) > 1 and first[:1].isupper() and not any(c.isupper() for c in first[1:]):
        return text[0].lower() + text[1:]
    return text


def lower_measure(text: str) -> str:
    """A measure (or a sentence it leads) mid-sentence: :func:`lower_first`, keeping names.

    A measure is a noun phrase, so a capitalised first word is a name when
    (newuser24 #6) a number follows it, as a category or a stage is named
    (``Category 2 mean response time``, ``Stage 3 pressure ulcers``; not a
    plural, ``Patients 65 and over``), or another capitalised word follows
    it, perhaps after a joining word (``Friends and Family Test score``,
    ``Emergency Department attendances``), but not an acronym
    (``Out-of-area PICU bed days`` is an ordinary phrase). Not for texts led by a verb
    (objectives, asks): "Reduce Category 2 times" is not a name.
    """
    words = text.split()
    if words and words[0][:1].isupper() and _names(words[0], words[1:]):
        return text
    return lower_first(text)


def _names(first: str, rest: list[str]) -> bool:
    """Whether a capitalised first word begins a name, by the words after it."""
    if not rest:
        return False
    word = first.lower()
    plural = (word.endswith("s") and not word.endswith("ss")) or word in _PLURAL_FIRST
    if re.fullmatch(r"\d{1,2}[a-z]?[,.:;]?", rest[0]) and not plural:
        return True
    for word in rest:
        if word.lower() in _NAME_JOINS:
            continue
        # An acronym after an ordinary word makes no name of it: "Out-of-area PICU bed
        # days" is run into a sentence as "out-of-area PICU bed days" (newuser27 #10).
        return word[:1].isupper() and not _acronym(word)
    return False


def _acronym(word: str) -> bool:
    """Whether ``word`` is an acronym: ``PICU``, ``A&E``, ``GPs``.

    Two or more capitals and no small letter but a plural's s.
    """
    letters = [c for c in word.removesuffix("s") if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


#: First words that make a title read as a negative or a command when it leads a sentence
#: ("No off-framework nurse agency shifts does not yet link ...").
_NOT_A_SUBJECT = frozenset({"no", "not", "zero", "stop", "end", "ending", "never"})
#: Titles longer than this lead the headline as "This project": the title is just above.
SUBJECT_WORDS = 8


def in_sentence(measure: str, lang: Language) -> str:
    """A measure as a sentence names it: lower-cased, or quoted as written.

    Quoted when it is in another language than the sentence (an English
    measure in a Welsh note), rather than run into it.
    """
    return quoted(measure) if foreign(measure, lang) else lower_measure(measure)


def headline_subject(title: str, lang: Language) -> str:
    """The project as the subject of the headline: its title, or "This project".

    A long title, one in two parts (``Safer steps: preventing falls ...``) or one
    that starts with a negative reads badly as the subject of a sentence; the note's
    heading gives it just above, so the sentence says "This project" instead.
    """
    words = title.split()
    if not (
        len(words) > SUBJECT_WORDS
        or ":" in title
        or (words and words[0].casefold() in _NOT_A_SUBJECT)
    ):
        return title
    return lang.gettext("This project")


def proposed_objective(pitch: Pitch) -> str | None:
    """The director's own objective the measure map links the project to, unconfirmed.

    The likeliest possible link with a chain through the map (not one on shared
    words alone), to one of the objectives the director gave; ``None`` when there
    is none, or when the director gave no objectives of their own.
    """
    if not pitch.director.objectives:
        return None
    texts = {objective.id: objective.text.strip() for objective in pitch.objectives}
    found = [
        link
        for link in pitch.possible
        if link.chain is not None and link.reason == "map" and link.objective in texts
    ]
    if not found:
        return None
    best = max(found, key=lambda link: (link.chance or 0.0, link.score))
    return texts[best.objective]


#: Words that say nothing of which plan an objective or a strategy line means.
_PLAN_FILLER = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "to",
        "for",
        "in",
        "on",
        "by",
        "at",
        "our",
        "its",
        "their",
        "with",
        "deliver",
        "delivering",
        "achieve",
        "implement",
        "meet",
        "support",
        "supporting",
    ]
)
#: Words that make a text a plan's name: an objective about one names it.
_PLAN_WORDS = frozenset(
    [
        "plan",
        "plans",
        "strategy",
        "strategies",
        "programme",
        "programmes",
        "framework",
        "frameworks",
    ]
)


def _plan_words(text: str) -> set[str]:
    words = re.findall(r"[a-z0-9][a-z0-9/-]*", text.casefold().replace("\u2019", "'"))
    return {word for word in words if word not in _PLAN_FILLER}


def named_plan(pitch: Pitch) -> tuple[str, str] | None:
    """The strategy line's plan one of the director's objectives names, with that objective.

    "Deliver the trust strategy 2024-29" names the line "Trust strategy
    2024-29, ambition 3: timely care, every day"; "Deliver the ICB joint
    forward plan's discharge ambitions" names "North Midlands ICB joint forward
    plan 2025-30: ...". An objective names a line when it has a plan's word
    (plan, strategy, programme, framework) the line has too, and the line has
    at least two of the objective's words and four in five of them. The plan
    is the line's words before its first colon.
    """
    for objective in pitch.director.objectives:
        wanted = _plan_words(objective.text.replace("'s ", " "))
        if len(wanted) < 2 or not wanted & _PLAN_WORDS:
            continue
        for line in pitch.facts.project.strategy:
            plan = line.split(": ", 1)[0].strip()
            have = _plan_words(line)
            shared = wanted & have
            if shared & _PLAN_WORDS and len(shared) >= 2 and len(shared) >= 0.8 * len(wanted):
                return plan, objective.text.strip()
    return None


def headline(pitch: Pitch, lang: Language) -> str:
    """One sentence that leads the note: the project helps this director with their objective.

    It names the objective in a frame that fits how it is written (see
    :mod:`pitchkit.notes.objectives`) and leaves the figures to the
    statements below it, so no figure is said twice.
    """
    title = headline_subject(pitch.facts.project.title, lang)
    if lang.lang == "cy" and title != pitch.facts.project.title:
        title = title[:1].lower() + title[1:]  # "Bydd y prosiect hwn": never first in Welsh
    elif lang.lang == "cy":
        # "Bydd y gwasanaeth gofal clust ...", not "Bydd Gwasanaeth gofal clust ..." (newuser31).
        title = welsh_subject(title, english=foreign(title, lang))
    elif title == pitch.facts.project.title:
        # "The theatre scheduling hub will help you ...", not "Theatre scheduling hub will
        # help you ..." (newuser40 #1); a name ("Project Phoenix") as it is.
        title = english_subject(title, names=[pitch.facts.project.organisation])
    shown = shown_statements(pitch)
    proposed = proposed_objective(pitch) if not shown else None
    if proposed is not None:
        # The measure map found a link the lead has not confirmed: the note names the
        # objective as a link for the director to confirm, not as one the project serves,
        # rather than telling a director whose objective it plainly touches that it does
        # not link to them (reader20 #3).
        sentence = lang.gettext(
            "{title} may help with this objective of yours, a link we ask you to confirm:"
        ).format(title=title)
        return "\n".join((finished(sentence, lang.lang), objectives.as_quoted(proposed)))
    named = named_plan(pitch) if not shown else None
    if named is not None:
        # A strategy line names the plan this objective is about: "does not yet link to
        # your objectives" beside "Links to: ... ICB joint forward plan" is not true
        # (newuser38 #4), so the note says what is: the plan, and no figures yet.
        plan, objective_text = named
        sentence = lang.gettext(
            "{title} links to a plan this objective of yours names ({plan}); we would value "
            "your advice on how its figures can count towards it:"
        ).format(title=title, plan=plan)
        return "\n".join((finished(sentence, lang.lang), objectives.as_quoted(objective_text)))
    if not shown and not pitch.director.objectives:
        # Their own objectives are not known: the note was judged against what the role
        # usually holds, and says so, not that it misses objectives of theirs (newuser40 #5).
        return finished(
            lang.gettext(
                "{title} does not yet link to the objectives your role usually holds (we do "
                "not have your own objectives): we would value your advice on where it fits."
            ).format(title=title),
            lang.lang,
        )
    if not shown:
        return finished(
            lang.gettext(
                "{title} does not yet link to your objectives: we would value your advice on "
                "where it fits."
            ).format(title=title),
            lang.lang,
        )
    objective = shown[0].objective.text.strip()
    if not pitch.director.objectives:
        # The lens's defaults: what the role usually holds, never said to be the
        # director's own (newuser22 #1, #2).
        return finished(
            lang.gettext(
                "{title} will help with an objective your role usually holds (we do not "
                "have your own objectives): {objective}."
            ).format(title=title, objective=objectives.as_quoted(objective)),
            lang.lang,
        )
    # The bullet below gives this objective's figures without naming it again, so a
    # personal objective is said to be one here.
    personal = (
        " ({})".format(lang.gettext("your personal objective"))
        if shown[0].objective.kind == "personal"
        else ""
    )
    capacity = capacity_towards_cash(pitch)
    if foreign(objective, lang):
        # No English inside the Welsh sentence: the objective follows, quoted, on a line
        # of its own.
        if capacity:
            sentence = lang.gettext(
                "{title} could help you with this objective of yours, once the capacity it "
                "releases is turned into cash:"
            ).format(title=title)
        else:
            sentence = lang.gettext("{title} will help you with this objective of yours:").format(
                title=title
            )
        return "\n".join((finished(sentence, lang.lang), quoted(objective.rstrip(".")) + personal))
    partial = part_way_sentence(title, shown[0], lang)
    if partial:
        sentence = partial
    elif capacity:
        sentence = capacity_objective_sentence(title, objective, lang)
    else:
        sentence = objective_sentence(title, objective, lang)
    sentence = finished(sentence, lang.lang)
    if personal and sentence.endswith("."):
        return sentence[:-1] + personal + "."
    return sentence + personal


#: An objective that keeps a spend inside a budget: "Bring … spend within the £2m budget".
_WITHIN_BUDGET = re.compile(r"\bwithin\b[^.;]*\bbudget\b", re.IGNORECASE)
#: An objective that ends something altogether: "Stop sending anyone out of area …".
_TO_NONE = re.compile(
    r"^\s*(?:stop|end|eliminate|eradicate)\b|\b(?:zero|no one|nobody)\b", re.IGNORECASE
)


def part_way_sentence(title: str, statement: Statement, lang: Language) -> str:
    """The headline when the plan at its target cannot reach the objective (reader25 #3); or "".

    A director will do the sum: "help you bring out-of-area spend within the £2m budget" when
    the spend at the target is still £2.29m a year, or "help you stop sending anyone out of
    area" when the target leaves 3,600 bed days a year, claims what the plan cannot give.
    The sentence says how far toward it the plan gets instead. Only for an objective written
    as something to do, of a count that falls (``per: year``).
    """
    objective, quantity = statement.objective, statement.quantity
    text = objective.text.strip()
    if objectives.grammar(text) != "verb" or foreign(text, lang):
        return ""
    if quantity.per != "year" or quantity.gain <= 0 or quantity.target >= quantity.baseline:
        return ""
    named = objectives.verb_phrase(text)
    budget = budget_of(objective)
    if _WITHIN_BUDGET.search(text) and budget is not None and quantity.money_per_year:
        each = quantity.money_per_year / quantity.gain  # at the note's price base
        spend = quantity.target * each
        if quantity.baseline * each <= budget or spend <= budget:
            return ""
        return lang.gettext(
            "{title} will take you part of the way to your objective to {objective}: at its "
            "target the spend falls to about {spend} a year, {gap} above that budget."
        ).format(
            title=title,
            objective=named,
            spend=worth(spend, lang),
            gap=worth(spend - budget, lang),
        )
    if _TO_NONE.search(text) and quantity.target > 0 and budget_of(objective) is None:
        # The plan's from and to, as the director would ask "how far, then?" (reader28 #13:
        # "reduces …, adult acute, but not to none" read badly and said neither).
        measure = in_sentence(statement.impact.measure, lang)
        places = measure_decimals(quantity.baseline, quantity.target)
        template = (
            lang.gettext(
                "{title} will take you part of the way to your objective to {objective}: the plan "
                "brings {measure}, down from {baseline} to {target} a year, but does not end them."
            )
            if closed_by_comma(measure)
            else lang.gettext(
                "{title} will take you part of the way to your objective to {objective}: the plan "
                "brings {measure} down from {baseline} to {target} a year, but does not end them."
            )
        )
        return template.format(
            title=title,
            objective=named,
            measure=measure,
            baseline=fmt.number(quantity.baseline, lang, decimals=places),
            target=fmt.number(quantity.target, lang, decimals=places),
        )
    return ""


_POUNDS = re.compile(r"£\s?(?P<value>\d+(?:,\d{3})*(?:\.\d+)?)\s*(?P<scale>bn|m|k)?\b", re.I)
_SCALE = {"bn": 1e9, "m": 1e6, "k": 1e3}


def budget_of(objective: Objective) -> float | None:
    """The objective's amount of money: its own target in pounds, else ``£2m`` in its words."""
    target = objective.target
    if target is not None and money_target(objective):
        return target.value
    match = _POUNDS.search(objective.text)
    if match is None:
        return None
    value = float(match["value"].replace(",", ""))
    return value * _SCALE.get((match["scale"] or "").lower(), 1.0)


#: An objective that is a cash target in its words: a CIP, savings, the financial plan.
@cache
def _cash_words() -> re.Pattern[str]:
    return re.compile(
        r"\b(?:cost improvement|CIP|savings?|financial plan|efficiency (?:programme|plan|target)"
        r"|arbedion|rhaglen gwella costau|cynllun ariannol)\b",
        re.IGNORECASE,
    )


def cash_objective(objective: Objective) -> bool:
    """Whether an objective is a cash target: its target is in pounds, or its words say so."""
    return money_target(objective) or bool(_cash_words().search(objective.text))


def capacity_towards_cash(pitch: Pitch) -> bool:
    """Whether the headline's objective is a cash target that the project meets with capacity alone.

    Bed days or staff time freed count towards a CIP or a savings plan only once
    what they free is taken out; a headline "will help you deliver the £14m cost
    improvement programme" above "no cash for the financial plan" promises what
    the note then takes back (reader20 #4). So when every impact linked to that
    objective releases capacity, none cash, the headline says "could", and when.
    """
    if not shown_statements(pitch):
        return False
    first = shown_statements(pitch)[0].objective
    if not cash_objective(first):
        return False
    linked = [s for s in pitch.statements if s.objective.id == first.id]
    return bool(linked) and all(s.quantity.releases == "capacity" for s in linked)


def capacity_objective_sentence(title: str, objective: str, lang: Language) -> str:
    """``{title} could help you …, once the capacity it releases is turned into cash``."""
    if objectives.grammar(objective) == "verb":
        return lang.gettext(
            "{title} could help you {objective}, once the capacity it releases is turned into cash."
        ).format(title=title, objective=objectives.verb_phrase(objective))
    return lang.gettext(
        "{title} could help with your objective {objective}, once the capacity it releases is "
        "turned into cash."
    ).format(title=title, objective=objectives.as_quoted(objective))


def objective_sentence(title: str, objective: str, lang: Language) -> str:
    """``{title} will help you …`` in the frame the objective's grammar needs."""
    shape = objectives.grammar(objective)
    if shape == "verb":
        return lang.gettext("{title} will help you {objective}.").format(
            title=title, objective=objectives.verb_phrase(objective)
        )
    if shape == "risk":
        plain = objectives.risk_clause(objective)
        if plain:  # "the risk that we cannot meet …": it reads on as it is
            return lang.gettext("{title} will help reduce the {risk}.").format(
                title=title, risk=plain
            )
    named = objectives.as_quoted(objective)
    if shape == "question":
        # The question keeps its own question mark, inside the quotes.
        text = lang.gettext("{title} will help answer your question {objective}")
    elif shape == "risk":
        text = lang.gettext("{title} will help reduce the risk {objective}.")
    else:
        text = lang.gettext("{title} will help with your objective {objective}.")
    return text.format(title=title, objective=named)


#: How an ask that is itself the request to sponsor begins (``Sponsor the move to …``).
_SPONSORSHIP = re.compile(
    r"^(?:please\s+)?(?:sponsor\b|(?:be|act as|become)\s+(?:our|the|its|an?)?\s*"
    r"(?:executive\s+|named\s+|board\s+)?sponsor\b)",
    re.IGNORECASE,
)
#: The same request written in Welsh: "Noddi …", "Bod yn noddwr gweithredol …",
#: "Dod yn noddwr …", "Gweithredu fel noddwr …" (a softened "fod" too).
_NODDI = re.compile(
    r"^(?:noddi\b|(?:(?:bod|fod|dod|ddod)\s+yn|(?:gweithredu|weithredu)\s+fel)\s+"
    r"(?:ein\s+|eich\s+|y\s+)?(?:prif\s+)?noddwr\b)",
    re.IGNORECASE,
)


def is_sponsorship(ask: str) -> bool:
    """Whether an ask is the request to sponsor, in English or in Welsh.

    ``Sponsor …``, ``Be our executive sponsor …``; ``Noddi …``, ``Bod yn
    noddwr gweithredol …``.
    """
    text = ask.strip()
    return bool(_SPONSORSHIP.match(text) or _NODDI.match(text))


def sponsorship_first(asks: list[str]) -> list[str]:
    """The asks with the first request to sponsor leading, so the note makes it once."""
    lead = next((a for a in asks if is_sponsorship(a)), None)
    if lead is None:
        return list(asks)
    return [lead, *(a for a in asks if a is not lead)]


def advice_ask(lang: Language) -> str:
    """The request that opens a note to a director the project does not yet serve.

    Advice, and news of how it goes, rather than sponsorship (newuser36 #4).
    """
    return lang.gettext(
        "We are not asking you to sponsor this project: we would value 20 minutes of your "
        "advice, and we will keep you informed as it goes."
    )


def ask_sentence(asks: list[str], lang: Language) -> str:
    """The request that opens the note: to sponsor, said once, with the first ask."""
    if not asks:
        return lang.gettext("We would like you to sponsor this project.")
    if is_sponsorship(asks[0]) and not foreign(asks[0], lang):
        first = lower_first(asks[0].strip().rstrip(".").removeprefix("Please ").strip())
        if lang.lang == "cy":
            # "Hoffem i chi fod yn noddwr …": the verb-noun after "i chi" takes the soft
            # mutation (bod → fod, dod → ddod, gweithredu → weithredu; noddi stays).
            verb, _, rest = first.partition(" ")
            first = " ".join(part for part in (fmt.soft_mutation(verb), rest) if part)
        return lang.gettext("We would like you to {first}.").format(first=first)
    if foreign(asks[0], lang):
        lead = (
            lang.gettext("We would like you to do this:")  # the ask is itself the request
            if is_sponsorship(asks[0])
            else lang.gettext("We would like you to sponsor this project, and to do this:")
        )
        return "\n".join([lead, quoted(asks[0])])
    first = asks[0].strip().rstrip(".")
    if objectives.grammar(first) != "verb" and first.split(maxsplit=1)[0].casefold() in _THINGS:
        # "Funding of £40,000 from the charity": a thing wanted, not something to do.
        return lang.gettext(
            "We would like you to sponsor this project, and we ask for {first}."
        ).format(first=lower_first(first))
    if lang.lang == "cy":
        return _welsh_sponsor_and(first, lang)
    return lang.gettext("We would like you to sponsor this project and to {first}.").format(
        first=lower_first(first)
    )


def own_ask_sentence(asks: list[str], lang: Language) -> str:
    """The request that opens a note asking the director for their own asks, not sponsorship.

    A batch asks one director to sponsor the project (the ranking's first, or
    the meeting's); another with an ask written ``for:`` them is asked for that
    alone, with no sponsor's words before it (fixnu38c: "We would like you to
    sponsor this project and to …" opened a note to the finance director,
    whom the ranking put second). ``asks`` is not empty.
    """
    ask = asks[0].strip()
    first = ask.rstrip(".")
    if foreign(ask, lang):
        return "\n".join([lang.gettext("We would like you to do this:"), quoted(ask)])
    if objectives.grammar(first) != "verb" and first.split(maxsplit=1)[0].casefold() in _THINGS:
        # "Funding of £40,000 from the charity": a thing wanted, not something to do.
        return lang.gettext("We would like to ask you for {first}.").format(
            first=lower_first(first)
        )
    first = lower_first(first.removeprefix("Please ").strip())
    if lang.lang == "cy":
        # "Hoffem i chi gytuno …": the verb-noun after "i chi" takes the soft mutation.
        verb, _, rest = first.partition(" ")
        if not _welsh_verb_noun(verb):
            return "\n".join([lang.gettext("We would like you to do this:"), quoted(ask)])
        first = " ".join(part for part in (fmt.soft_mutation(verb), rest) if part)
    return lang.gettext("We would like you to {first}.").format(first=first)


def _welsh_sponsor_and(ask: str, lang: Language) -> str:
    """The Welsh ask joined by "a", as said: "Hoffem i chi noddi'r prosiect hwn a chadeirio …".

    A verb-noun after "a" takes the aspirate mutation (cadeirio → chadeirio,
    talu → thalu, trafod → thrafod), and "a" is "ac" before a vowel
    ("ac arwain"). An ask that does not open with a verb-noun ("Cyllid o
    £40,000") is quoted after the request instead, as a foreign ask is, so no
    noun is joined to "noddi" as if it were something to do (newuser39 #9: "Rydym
    hefyd yn gofyn i chi: cadeirio …" read as a form).
    """
    verb, _, rest = lower_first(ask).partition(" ")
    if not _welsh_verb_noun(verb):
        lead = lang.gettext("We would like you to sponsor this project, and to do this:")
        return "\n".join([lead, quoted(ask)])
    joined = " ".join(part for part in (fmt.aspirate_mutation(verb), rest) if part)
    joiner = "ac" if unicodedata.normalize("NFD", verb)[:1].lower() in "aeiouy" else "a"
    return lang.gettext("We would like you to sponsor this project and to {first}.").format(
        first=f"{joiner} {joined}"
    )


def _welsh_verb_noun(word: str) -> bool:
    """Whether ``word`` reads as a Welsh verb-noun: *cadeirio*, *cefnogi*, *bod*, *arwain*.

    By the common verb-noun endings (-io, -u, -i, -o, -ed, -hau, -eu, -yd,
    -ael), not a plural's -au, or one of the common verb-nouns that end
    otherwise.
    """
    folded = re.split(r"['’]", word.casefold().strip(",.;:"))[0]  # cadeirio'r: cadeirio
    if folded in _WELSH_VERB_NOUNS:
        return True
    if folded.endswith("au") and not folded.endswith("hau"):
        return False
    return len(folded) > 3 and folded.endswith(
        ("io", "u", "i", "o", "ed", "hau", "eu", "yd", "ael", "áu")
    )


#: Common Welsh verb-nouns whose endings :func:`_welsh_verb_noun` would not know.
_WELSH_VERB_NOUNS = frozenset(
    {
        "bod", "dod", "mynd", "gwneud", "cadw", "rhoi", "cymryd", "cynnal", "arwain",
        "annog", "trafod", "cwrdd", "cyfarfod", "siarad", "gweld", "dweud", "derbyn",
        "gosod", "eistedd", "ystyried", "dechrau", "cau", "aros", "dilyn", "rhannu",
        "helpu", "llunio", "ymuno", "caniatáu", "cytuno", "agor", "darllen", "ateb",
        "gofyn", "ennill", "dal", "troi", "gadael", "galw", "rhedeg", "sefyll",
    }
)  # fmt: skip


#: First words of an ask that names a thing wanted rather than something to do.
_THINGS = frozenset(
    {
        "a",
        "an",
        "the",
        "some",
        "more",
        "our",
        "any",
        "your",
        "funding",
        "money",
        "resources",
        "approval",
        "backing",
        "buy-in",
        "investment",
        "time",
        "access",
        "help",
        "support",
    }
)
