"""Turn a pitch into the plain variables a Word template sees.

Built-in and users' own templates get the same documented variables (see
``docs/template-variables.md``): ``project``, ``lead``, ``director``,
``pitch``, ``impacts``, ``asks``, ``advice``, ``offer``, ``funding``,
``meeting``, ``update`` and ``today``. Values are plain dicts, lists,
strings, numbers and dates: templates never reach pitchkit's objects.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import re
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from pitchkit.facts.ids import id_key
from pitchkit.facts.schema import Director, Facts, Impact, Objective
from pitchkit.i18n import fmt
from pitchkit.i18n.fmt import quoted
from pitchkit.i18n.funding import FUNDING_STATUSES, status_key
from pitchkit.i18n.translation import N_, Language
from pitchkit.i18n.welshbodies import is_welsh_body
from pitchkit.notes import moneytext, together, wording
from pitchkit.notes.conversions import conversion_note, conversion_phrase, named_conversion_note
from pitchkit.notes.foreign import foreign
from pitchkit.notes.shown import money_shown, shown_statements
from pitchkit.period import Period
from pitchkit.recast.align import claimable_chain
from pitchkit.recast.audience import is_others, items_for
from pitchkit.recast.conversions import Conversion, convert
from pitchkit.recast.english import english_director, english_impact, english_of, in_english
from pitchkit.recast.lenses import PROJECT_PARTS, GainSetting, lens_data
from pitchkit.recast.measures import chain, concepts_in, linkable, measure_map, measured, setting_of
from pitchkit.recast.measures_cy import chain_words
from pitchkit.recast.money import (
    Ledger,
    Line,
    counts,
    default_releases,
    fy_bounds,
    fy_label,
    quantum_for,
    round_money,
    target_year,
)
from pitchkit.recast.pitch import (
    BY_PERCENT,
    Pitch,
    Quantity,
    Statement,
    ceded,
    figures_held,
    money_target,
    quantify,
)
from pitchkit.recast.words import same_scope

if TYPE_CHECKING:
    from pitchkit.notes.update.actuals import Shown, Standing

#: Funding at or above this calls for the whole executive team.
WHOLE_TEAM_THRESHOLD = 250_000

Context = dict[str, Any]


def inline(text: str) -> str:
    """Text to show inside a sentence: without its closing full stop."""
    return text.rstrip().removesuffix(".") if not text.rstrip().endswith("..") else text.rstrip()


def project_context(facts: Facts) -> Context:
    """The project's own facts."""
    project = facts.project
    return {
        "title": project.title,
        "organisation": project.organisation,
        "problem": project.problem,
        "change": project.change,
        # Shown inline as "A, B and C.": their own full stops would double up.
        "strategy": [inline(item) for item in project.strategy],
        "evidence": [inline(item) for item in project.evidence],
        "start": project.start,
        "end": project.end,
    }


def lead_context(facts: Facts) -> Context:
    """The project lead's contact details (empty strings when not given)."""
    lead = facts.project.lead
    return {
        "name": lead.name if lead else "",
        "role": (lead.role or "") if lead else "",
        "email": (lead.email or "") if lead else "",
        "phone": (lead.phone or "") if lead else "",
    }


def funding_context(facts: Facts, lang: Language) -> Context:
    """The funding sought, with a ready-made sentence."""
    funding = facts.project.funding
    if funding is None:
        return {
            "amount": None,
            "currency": "GBP",
            "source": "",
            "status": "",
            "text": "",
            "whole_team": False,
        }
    money = fmt.money(funding.amount, lang, currency=funding.currency)
    status = funding_status(funding.status, lang)
    source = funding.source or ""
    if foreign(source, lang):
        source = quoted(source)
    elif lang.lang == "en" and re.match(r"ICB [A-Z]", source):
        # A fund the ICB holds, named by its title: "from the ICB's Mental Health Investment
        # Standard", not "from ICB Mental Health Investment Standard" (reader28 #14).
        source = "the ICB's " + source[4:]
    if source and status:
        # {origin} is "from <source>" in the note's language, Welsh "o" mutating the source
        # (fmt.from_source).
        text = lang.gettext("{money} ({status}) {origin}.").format(
            money=money, status=status, origin=fmt.from_source(source, lang)
        )
    elif source:
        text = lang.gettext("{money} {origin}.").format(
            money=money, origin=fmt.from_source(source, lang)
        )
    elif status:
        text = f"{money} ({status})."
    else:
        text = f"{money}."
    return {
        "amount": funding.amount,
        "currency": funding.currency,
        "source": funding.source or "",
        "status": funding.status or "",
        "text": text,
        "whole_team": funding.amount >= WHOLE_TEAM_THRESHOLD,
    }


def funding_status(status: str | None, lang: Language) -> str:
    """A funding status in the note's language when pitchkit knows it, else as written."""
    if not status:
        return ""
    key = status_key(status)
    if key is not None:
        return lang.gettext(FUNDING_STATUSES[key])
    return quoted(status) if foreign(status, lang) else status


def timeline_text(facts: Facts, lang: Language) -> str:
    """``Runs from 4 January 2027 to 17 December 2027.`` or what is known of it."""
    start, end = facts.project.start, facts.project.end
    if start and end:
        return lang.gettext("Runs from {start} to {end}.").format(
            start=fmt.date(start, lang), end=fmt.date(end, lang)
        )
    if start:
        return lang.gettext("Starts on {start}.").format(start=fmt.date(start, lang))
    if end:
        return lang.gettext("Due to finish by {end}.").format(end=fmt.date(end, lang))
    return ""


def impact_context(
    impact: Impact, lang: Language, terms: dict[str, str], pitch: Pitch | None = None
) -> Context:
    """One impact with its numbers worked out and worded (at the pitch's prices)."""
    ledger = pitch.ledger if pitch is not None else None
    line = ledger.priced(impact.id) if ledger is not None else None
    read = english_impact(impact, pitch.facts.english) if pitch is not None else None
    quantity = quantify(impact, line, read=read)
    return {
        "id": impact.id,
        "measure": wording.apply_terms(impact.measure, terms),
        "unit": impact.unit,
        "per": impact.per or "",
        "baseline": impact.baseline,
        "target": impact.target,
        "better": impact.direction,
        # "120 doses a month", as the note's own sentence says it: a table of a template's
        # own reads "120 doses" as a total otherwise (newuser23 #9).
        "baseline_text": _amount_per(impact.baseline, quantity, lang),
        "target_text": _amount_per(impact.target, quantity, lang),
        # A balancing measure has no gain and no money: its target is a limit (its sentence).
        "gain_text": "" if impact.balancing else wording.gain_phrase(quantity, lang),
        "money": None if impact.balancing else quantity.money,
        "money_text": "" if impact.balancing else wording.money_phrase(quantity, lang),
        "source": impact.source or "",
        "value_source": quantity.money_source or "",
        "sentence": wording.measure_sentence(impact, quantity, lang, terms),
        # A balancing measure: watched within the limit its target sets, never a gain.
        "balancing": impact.balancing,
        "releases": line.releases if line is not None else "",
        "counted_in": (line.within or "") if line is not None else "",
    }


def _amount_per(value: float, quantity: Quantity, lang: Language) -> str:
    """A value in the impact's unit with its period: ``120 doses a month``, ``87%``."""
    return " ".join(
        (wording.amount(value, quantity, lang), wording.per_phrase(quantity.per, lang))
    ).strip()


def money_said(statements: Sequence[Context]) -> frozenset[str]:
    """The impacts whose money the shown statements give (``worth £423,000 a year …``)."""
    return frozenset(impact for s in statements for impact in s.get("money_of", ()))


def shown_ledger(pitch: Pitch) -> Ledger | None:
    """The money the notes show: the plan's, with the years the progress log delivered.

    A closed financial year shows what the progress log delivered, not a
    forecast, and the year under way what it delivered so far and the rest at
    that rate. Every director's note reads the same years, so that the one
    line's payback is the finance director's and never one the log disproves
    (docs/money.md).
    """
    ledger = pitch.ledger
    if ledger is None:
        return None
    facts = pitch.facts
    if (facts.updates or facts.figures) and (ledger.closed_years or ledger.under_way is not None):
        # Imported here, and only then: the update package builds on this module.
        from pitchkit.notes.update.actuals import logged_ledger

        return logged_ledger(ledger, facts)
    return ledger


def money_context(pitch: Pitch, lang: Language, said: Collection[str] = ()) -> Context:
    """The money block: every line for the finance director, one line for the others.

    A figure a statement shown above already gave (the money of the impacts
    in ``said``) is referred to rather than restated.
    """
    ledger = shown_ledger(pitch)
    finance = pitch.lens.lens.id == "finance"
    if ledger is None:
        return {"lines": [], "finance": finance, "price_year": "", "repeats": []}
    unborne = {
        line.impact.id
        for line in ledger.counted
        if line.releases == "cash" and log_standing(pitch, line.impact.id) is not None
    }
    if finance:
        funding = pitch.facts.project.funding
        lines = moneytext.money_lines(
            ledger,
            lang,
            said,
            unborne,
            nested_so_far(pitch, lang),
            fund=(funding.source or "") if funding is not None else "",
        )
        repeats: list[Context] = []
        worse = _worse_cash(pitch, ledger, lang)
        falling = " ".join(sentence for _impact, sentence in worse)
        if lines and falling:
            # With the cash line, which the page never cuts: a fall in income or a rise in
            # spend is said, not left as a silent £0 in the years (newuser32 #4). Only a
            # statement shown above that says it already may give it way to fit the page
            # (``repeats``, reader26 #2).
            lines[0] = f"{lines[0]} {falling}"
            repeats = [
                {"impact": impact, "text": sentence} for impact, sentence in worse if impact in said
            ]
        repeats += _flat_repeats(pitch, ledger, lines, said, lang)
        averages = _log_averages(ledger, pitch, lang)
        if lines and averages:
            # Beside the years "delivered": what they are counted against (newuser15 #5).
            lines[-1] = f"{lines[-1]} {averages}"
    else:
        one = moneytext.money_line(ledger, lang, said, logged=ledger.logged, unborne=unborne)
        lines = [lang.gettext("Money: {line}").format(line=one)] if one else []
        repeats = []
    return {
        "lines": lines,
        "finance": finance,
        "price_year": fy_label(ledger.price_year),
        # Sentences of the lines that repeat what a shown statement says of its own impact
        # (``{"impact": …, "text": …}``).
        "repeats": repeats,
    }


def _below_baseline(pitch: Pitch, impact_id: str) -> Standing | None:
    """:func:`pitchkit.notes.update.actuals.below_baseline`, with a log of past periods."""
    ledger = pitch.ledger
    if ledger is None or ledger.today is None or not pitch.facts.ended_periods(ledger.today):
        return None
    from pitchkit.notes.update.actuals import below_baseline, forecast_in_year

    if ledger.under_way is not None:
        # "None of it is forecast" only where the year under way counts none of it.
        forecast = forecast_in_year(ledger, pitch.facts, impact_id, ledger.under_way)
        if forecast is not None and forecast > 0:
            return None
    return below_baseline(ledger, pitch.facts, impact_id)


def _flat_repeats(
    pitch: Pitch, ledger: Ledger, lines: Sequence[str], said: Collection[str], lang: Language
) -> list[Context]:
    """The years' clauses a statement shown above says already, each with its separator.

    "nothing counted for X, whose chart does not show the change", where the
    statement on X says "So far the log's figures … do not show the change,
    so no money is counted for it yet" (reader26 #2).
    """
    found = []
    for line in ledger.counted:
        if line.impact.id not in said or log_standing(pitch, line.impact.id) is None:
            continue
        clause = moneytext.flat_clause([line.impact.measure], lang)
        for text in lines:
            if f"; {clause})" in text:
                found.append({"impact": line.impact.id, "text": f"; {clause}"})
            elif f" ({clause})" in text:
                found.append({"impact": line.impact.id, "text": f" ({clause})"})
    return found


def _worse_cash(pitch: Pitch, ledger: Ledger, lang: Language) -> list[tuple[str, str]]:
    """A sentence for each of the trust's own cash impacts the log shows worse than baseline.

    Income under the payment scheme that falls, or spend that rises, is counted
    as nothing in the years below; the finance director is told so plainly,
    with how much worse and the plan's money a year none of which is forecast:
    "Cataract procedures …: the log's figures to the end of November 2026 are
    worse than the baseline (45 procedures fewer), so none of the £270,000 a
    year in the plan is forecast."
    """
    sentences = []
    for line in ledger.counted:
        worse = worse_cash_text(pitch, line, lang)
        if not worse:
            continue
        measure = line.impact.measure
        sentence = lang.gettext("{measure}: {worse}.").format(
            measure=quoted(measure) if foreign(measure, lang) else measure, worse=worse
        )
        sentences.append((line.impact.id, sentence))
    return sentences


def worse_cash_text(pitch: Pitch, line: Line, lang: Language) -> str:
    """Why none of a trust's own cash impact's money is forecast: its figures are worse.

    "the log's figures to the end of November 2026 are worse than the
    baseline (24 procedures fewer), so none of the £295,000 a year in the plan
    is forecast": the brief's finance block and the update's delivered row
    both say it in these words (newuser33 N3). ``""`` when the impact is not
    the trust's own cash, or its figures are not worse.
    """
    ledger = pitch.ledger
    if ledger is None or not moneytext.trust_cash(line) or line.annual <= 0:
        return ""
    found = _below_baseline(pitch, line.impact.id)
    if found is None:
        return ""
    quantum = moneytext.figures(ledger).quantum
    values = {
        "month": fmt.period_label(f"{found.upto:%Y-%m}", lang),
        "amount": _worse_amount(found.amount, line.impact, lang),
        "money": fmt.money(round_money(line.annual, quantum), lang, precision="exact"),
    }
    if values["amount"] and found.periods:
        # "23 shifts more" read as a month's figure, and "worse" as a deterioration, beside
        # a table saying "within normal variation" (newuser35 #4): the total is said over
        # its months, as a share of the baseline's, and a chart that shows no change either
        # way is said so.
        from pitchkit.notes.update.spans import span_text

        values["amount"] = lang.gettext("{amount} over {span}").format(
            amount=values["amount"], span=span_text(found.periods, lang)
        )
        if found.baseline > 0:
            share = found.amount / found.baseline
            values["amount"] += lang.gettext(", {share}").format(
                share=fmt.percent(share, lang, decimals=1 if share < 0.1 else 0)
            )
    if found.normal:
        return (
            lang.gettext(
                "the log's figures to the end of {month} show no change from the baseline "
                "beyond normal variation ({amount}), so none of the {money} a year in the "
                "plan is forecast"
            )
            if values["amount"]
            else lang.gettext(
                "the log's figures to the end of {month} show no change from the baseline "
                "beyond normal variation, so none of the {money} a year in the plan is forecast"
            )
        ).format(**values)
    return (
        lang.gettext(
            "the log's figures to the end of {month} are worse than the baseline ({amount}), "
            "so none of the {money} a year in the plan is forecast"
        )
        if values["amount"]
        else lang.gettext(
            "the log's figures to the end of {month} are worse than the baseline, so none of "
            "the {money} a year in the plan is forecast"
        )
    ).format(**values)


def nested_so_far(pitch: Pitch, lang: Language) -> dict[str, str]:
    """For each impact counted within another: what the log shows of it, when the other lags.

    An impact whose chart shows the change, counted within one whose chart
    does not, is not lost in the year's "do not show the change": "So far
    the log's figures show 117 fewer admissions than before the change,
    October 2025 to November 2026; they are counted within inappropriate
    out-of-area placement bed days, which have not yet fallen, so no money
    is counted for them yet" (newuser14 P2).
    """
    ledger = pitch.ledger
    if ledger is None:
        return {}
    found: dict[str, str] = {}
    for line in ledger.lines:
        kept = ledger.line(line.within) if line.within is not None else None
        if kept is None or log_standing(pitch, kept.impact.id) is None:
            continue
        shown = log_shown(pitch, line.impact.id)
        if shown is None or shown.delivered is None or shown.delivered <= 0:
            continue
        from pitchkit.notes.update.spans import span_text

        measure = wording.in_sentence(kept.impact.measure, lang)
        found[line.impact.id] = (
            lang.gettext(
                "So far the log's figures show {amount} than before the change, {span}; they are "
                "counted within {kept}, which have not yet fallen, so no money is counted for "
                "them yet."
            )
            if kept.impact.direction == "lower"
            else lang.gettext(
                "So far the log's figures show {amount} than before the change, {span}; they are "
                "counted within {kept}, which have not yet risen, so no money is counted for "
                "them yet."
            )
        ).format(
            amount=gained_amount(shown.delivered, line.impact, lang),
            span=span_text(shown.counted, lang),
            kept=measure,
        )
    return found


def _log_averages(ledger: Ledger, pitch: Pitch, lang: Language) -> str:
    """The log's means before the change that "delivered" is counted against, if any."""
    if not ledger.logged:
        return ""
    # Imported here, and only then: the update package builds on this module.
    from pitchkit.notes.update.actuals import log_averages

    return log_averages(ledger, pitch.facts, lang)


def statement_conversion(statement: Statement, pitch: Pitch) -> Conversion | None:
    """The statement's impact in the director's own units, where one applies."""
    return convert(
        pitch.facts,
        statement.impact,
        statement.quantity.gain,
        lens=pitch.lens.lens.id,
        objective=statement.objective,
    )


def conversion_notes(shown: Sequence[Statement], pitch: Pitch, lang: Language) -> list[str]:
    """The small print's conversion notes for the statements shown, each once.

    Two notes of one kind (two WTE notes, for support workers' 12-hour shifts
    and nurses' 7.5-hour ones) each name the measure they are for, so that a
    reader can tell which figure each explains (newuser20 #9).
    """
    found = [
        (conversion, statement)
        for statement in shown
        if (conversion := statement_conversion(statement, pitch)) is not None
    ]
    notes = {conversion: conversion_note(conversion, lang) for conversion, _ in found}
    distinct: dict[str, set[str]] = {}
    for conversion, _ in found:
        distinct.setdefault(conversion.kind, set()).add(notes[conversion])
    shown_notes = []
    for conversion, statement in found:
        note = notes[conversion]
        if len(distinct[conversion.kind]) > 1:
            note = named_conversion_note(note, statement.impact.measure, lang)
        shown_notes.append(note)
    return list(dict.fromkeys(shown_notes))


#: "A&E" after a word that takes an article before a place: "in A&E", "leave A&E".
_A_AND_E_PLACE = re.compile(r"\b(in|from|leave|attend|to|at|reach) A&E\b")


def in_welsh_words(reason: str) -> str:
    """A map reason in the words NHS Wales uses: "emergency department", not "A&E".

    The map's reasons are England's; a director of operations in a Welsh health
    board reads "A&E" as another country's term (newuser39 #1).
    """
    said = _A_AND_E_PLACE.sub(r"\1 the emergency department", reason)
    return said.replace("A&E", "emergency department")


def how_text(statement: Statement, lang: Language, *, wales: bool = False) -> str:
    """Why the statement's link holds, from the measure map's reasons: ``""`` when not needed.

    A director reading "bed days … fewer" under an agency-spend objective
    needs the step between them ("bed days saved let escalation beds close;
    escalation beds are mostly staffed with bank and agency staff"). The
    reasons are given for a chain with a step that is more than one measure
    counted inside another, in the note's language: a Welsh note gives the
    map's Welsh reasons (``measures_cy.yaml``), and none for a chain whose
    Welsh is missing, rather than splice English into a Welsh sentence. With
    ``wales``, English reasons say "emergency department" (:func:`in_welsh_words`).
    """
    chain = statement.link.chain
    if statement.link.reason == "words":
        return ""  # the objective names the measure itself: nothing stands between them
    if chain is None or all(step.part for step in chain.steps):
        return ""
    words = chain_words(chain, lang)
    if words is None:
        return ""
    reasons = [why.strip().rstrip(".") for why in words[1] if why.strip()]
    if wales and lang.lang == "en":
        reasons = [in_welsh_words(why) for why in reasons]
    if not reasons:
        return ""
    said = "; ".join(_not_said_twice(list(dict.fromkeys(reasons))))
    return f"{said[:1].upper()}{said[1:]}."


#: Words too common to tell two reasons apart, English and Welsh.
_COMMON = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "in",
        "it",
        "its",
        "of",
        "on",
        "to",
        "for",
        "is",
        "are",
        "be",
        "by",
        "as",
        "at",
        "or",
        "that",
        "this",
        "there",
        "with",
        "who",
        "y",
        "yr",
        "r",
        "i",
        "o",
        "ac",
        "yn",
        "ei",
        "eu",
        "sy",
        "n",
    ]
)


def _reason_words(reason: str) -> frozenset[str]:
    """A reason's words that carry its meaning, lower-cased, a plural's ``s`` dropped.

    A Welsh word's aspirate mutation is undone ("phobl" is "pobl"), so that a
    mutated word still matches the same word unmutated.
    """
    words = re.findall(r"[^\W\d_]+", reason.lower())
    found = set()
    for word in words:
        if word in _COMMON:
            continue
        if len(word) > 3 and word[:2] in ("ph", "th", "ch"):
            word = word[0] + word[2:]
        found.add(word.removesuffix("s"))
    return frozenset(found)


def _not_said_twice(reasons: list[str]) -> list[str]:
    """``reasons`` without one whose every word another of them already says.

    The steps of a chain can give one reason twice in other words ("a person
    in mental health crisis cared for outside the emergency department does
    not wait there, and people in crisis wait longest in it", then "people
    in mental health crisis wait longest in the emergency department"): the
    second says nothing the first has not (newuser16 #8).
    """
    words = [_reason_words(r) for r in reasons]
    kept = []
    for index, reason in enumerate(reasons):
        covered = any(
            other != index
            and words[index] <= words[other]
            and (words[index] < words[other] or other < index)
            for other in range(len(reasons))
        )
        if not covered or not words[index]:
            kept.append(reason)
    return kept


def with_how(claim: str, how: str) -> str:
    """A statement's text: the claim, then the reason its link holds, when there is one."""
    return f"{claim} {how}" if how else claim


def delivered_statement(statement: Statement, pitch: Pitch) -> Statement:
    """``statement`` with its share of a money target's year as the log gives that year.

    An objective that names a financial year which ended before the note's
    date ("the £14m CIP for 2027/28", in a note of April 2028) is credited
    with what the progress log shows the impact delivered in that year,
    counted as the finance block counts a closed year, not with the forecast
    part of a year's rate, which would give the same year two figures in one
    note. The year under way, when the log has figures in it, is credited
    with the log's forecast for it (delivered so far and the rest at that
    rate, or the full rate while its figures do not yet show the change), as
    the finance block gives it. Unchanged when the log has no figure.
    """
    ledger = pitch.ledger
    objective = statement.objective
    if ledger is None or statement.share_of_target is None or not money_target(objective):
        return statement
    year = target_year(objective.text)
    facts = pitch.facts
    if year is None or not (facts.updates or facts.figures):
        return statement  # no log: the forecast at the full rate stands
    if year != ledger.under_way and not ledger.closed(year):
        return statement
    # Imported here, and only with a log: the update package builds on this module.
    from pitchkit.notes.update.actuals import (
        delivered_in_year,
        forecast_in_year,
        forecast_unshown,
    )

    assert objective.target is not None
    under_way = year == ledger.under_way and not ledger.closed(year)
    in_year = forecast_in_year if under_way else delivered_in_year
    money = in_year(ledger, facts, statement.impact.id, year)
    if money is None:
        return statement
    if money <= 0 and log_standing(pitch, statement.impact.id) is not None:
        # Nothing counted, for the reason the statement's "So far …" gives: no "0.0% of your
        # £3m target" beside the plan's "worth £1.01m a year".
        return replace(statement, share_of_target=None)
    return replace(
        statement,
        # Of the money as the note shows it, as recast.pitch.share_of_target takes it.
        share_of_target=round_money(max(money, 0.0), quantum_for(max(money, 0.0)))
        / abs(objective.target.value),
        target_year=fy_label(year),
        target_forecast=under_way,
        target_delivered=not under_way,
        plan_share_of_target=statement.share_of_target if under_way else None,
        target_unshown=under_way and forecast_unshown(ledger, facts, statement.impact.id, year),
    )


def statement_context(
    statement: Statement, lang: Language, pitch: Pitch, *, reasons: bool = True
) -> Context:
    """One linked statement, worded for the note (in the director's units too).

    ``text`` is the claim followed by ``how``, the reason the link holds
    (see :func:`how_text`; empty without ``reasons``); ``claim`` is the
    claim alone.
    """
    statement = delivered_statement(statement, pitch)
    quantity = statement.quantity
    text = wording.statement_text(statement, lang, pitch.director)
    conversion = statement_conversion(statement, pitch)
    if conversion is not None:
        text = lang.gettext("{sentence}, {converted}.").format(
            sentence=text.removesuffix("."),
            converted=conversion_phrase(conversion, lang, quantity.per),
        )
    planned = with_so_far(text, statement, pitch, lang)
    if planned == text:
        # Nothing said so far (a project not started yet): still the plan, with its verb as a
        # started project's bullet has it, "Inpatient falls … will come down from 84 to 50",
        # not "Inpatient falls … from 84 to 50" (fixread31 #3).
        planned = planned_claim(text, statement, lang, pitch.director.terms, lead=True)
    text = with_own_target(planned, statement, pitch, lang)
    how = how_text(statement, lang, wales=in_wales(pitch)) if reasons else ""
    return {
        "text": with_how(text, how),
        "claim": text,
        "how": how,
        "conversion": conversion_note(conversion, lang) if conversion is not None else "",
        "objective": (
            quoted(statement.objective.text)
            if foreign(statement.objective.text, lang)
            else statement.objective.text
        ),
        "objective_id": statement.objective.id,
        "kind": statement.objective.kind,
        "impact": statement.impact.id,
        "measure": wording.apply_terms(statement.impact.measure, pitch.director.terms),
        "money": quantity.money,
        "money_text": wording.money_phrase(quantity, lang),
        # The impacts whose money this statement's text gives.
        "money_of": [statement.impact.id] if wording.money_phrase(quantity, lang) else [],
        "share": statement.share_of_target,
        # Whether the objective is the director's own with a money target (a CIP, a budget):
        # the page keeps the first such bullet beside the strongest (reader26 #2).
        "money_target": money_target(statement.objective)
        and statement.objective.kind in ("organisational", "personal")
        and any(o.id == statement.objective.id for o in pitch.director.objectives),
        "reason": statement.link.reason,
        "score": statement.link.score,
        # Whether the lead sentence above names this objective (then the bullet does not again).
        "in_headline": False,
    }


def log_standing(pitch: Pitch, impact_id: str) -> Standing | None:
    """What the progress log shows of ``impact_id`` when it does not bear the plan out.

    ``None`` with no log, or when the log bears the plan out or is too young
    to tell (:func:`pitchkit.notes.update.actuals.standing`).
    """
    facts = pitch.facts
    ledger = pitch.ledger
    if ledger is None or ledger.today is None or not facts.ended_periods(ledger.today):
        return None  # a log of periods still to come shows nothing yet
    # Imported here, and only with a log of past periods: the update package builds on this
    # module, and a brief with no past log need not load its analysis (issue 13).
    from pitchkit.notes.update.actuals import standing

    return standing(ledger, facts, impact_id)


def _better_text(periods: Sequence[Period], lang: Language) -> str:
    """``one better month (June 2026)`` (imported here: see :func:`log_standing`)."""
    from pitchkit.notes.update.claims import better_text

    return better_text(periods, lang)


def with_own_target(text: str, statement: Statement, pitch: Pitch, lang: Language) -> str:
    """``text``, then the same impact against an objective of its own that the note does not head.

    An impact claimed for two of the director's objectives is shown under one
    (the strongest: "the £32m savings plan"); when the other sets a target of
    its own, as a ``target:`` or in its words ("Reduce agency nurse spend by
    40%"), the director reads the plan against it too: "Against your
    objective “Reduce agency nurse spend by 40%”: the plan's 52% meets the
    40% it asks for." (newuser25 #3). Only the first such objective, and
    none the note shows a bullet for already, nor one read against another
    impact the lead linked to it (:func:`~pitchkit.recast.pitch.ceded`).
    """
    shown = shown_statements(pitch)
    headed = {s.objective.id for s in shown}
    for other in pitch.statements:
        if other.impact.id != statement.impact.id or other.objective.id in headed:
            continue
        if ceded(other, pitch.statements, shown, pitch.facts.english):
            continue  # the impact the lead linked to it is read against it instead
        objective = quoted(other.objective.text)
        if other.objective.target is not None:
            share = wording.share_phrase(delivered_statement(other, pitch), lang)
            if share and log_standing(pitch, statement.impact.id) is not None:
                # Straight after "so no money is counted for it yet", the share is the plan's
                # and says so, not read as delivered (newuser37 #7).
                return lang.gettext(
                    "{sentence} Against your objective {objective}, in the plan: {share}."
                ).format(sentence=text, objective=objective, share=share)
            if share:
                return lang.gettext(
                    "{sentence} Against your objective {objective}: {share}."
                ).format(sentence=text, objective=objective, share=share)
            continue
        asked = BY_PERCENT.search(english_of(other.objective.text, pitch.facts.english))
        relative = other.quantity.relative
        if asked is None or relative is None or relative <= 0:
            continue
        wanted = float(asked.group(1)) / 100
        if not same_scope(
            english_of(statement.impact.measure, pitch.facts.english), asked.group(0)
        ):
            # The impact's measure is a part of what the objective counts (1:1 observation
            # shifts on the acute wards, against the trust's bank and agency spend): its share
            # is not the objective's, so no "meets" (newuser27 #3).
            return lang.gettext(
                "{sentence} It contributes to your objective {objective}: the {share} is of "
                "this measure alone, not of all that the objective counts."
            ).format(
                sentence=text, objective=objective, share=fmt.percent(relative, lang, decimals=0)
            )
        said = (
            N_("{sentence} Against your objective {objective}: the plan's {share} meets the "
               "{target} it asks for.")
            if round(relative, 2) >= wanted
            else N_("{sentence} Against your objective {objective}: the plan's {share} goes part "
                    "of the way to the {target} it asks for.")
        )  # fmt: skip
        return lang.gettext(said).format(
            sentence=text,
            objective=objective,
            share=fmt.percent(relative, lang, decimals=0),
            target=fmt.percent(wanted, lang, decimals=0),
        )
    return text


def with_so_far(text: str, statement: Statement, pitch: Pitch, lang: Language) -> str:
    """A statement's plan, marked as the plan, and what the log shows so far, when it differs.

    A brief written after months of log does not present a plan the figures
    contradict as if it were happening: "In the plan, agency nursing spend
    … £36,000 less a year, a 38% reduction. So far the log's figures, to the
    end of November 2026, show it worse than before the change (£18,000
    more), so no money is counted for it." ``text`` unchanged when the log
    bears the plan out, is too young to tell, or has no figures for it.
    """
    found = log_standing(pitch, statement.impact.id)
    if found is None:
        shown = shown_text(pitch, statement.impact, lang) or early_text(
            pitch, statement.impact, lang
        )
        if not shown:
            return text
        return lang.gettext("In the plan, {claim} {so_far}").format(
            claim=planned_claim(text, statement, lang, pitch.director.terms), so_far=shown
        )
    impact = statement.impact
    month = fmt.period_label(f"{found.upto:%Y-%m}", lang)
    line = pitch.ledger.line(impact.id) if pitch.ledger is not None else None
    valued = line is not None and line.counted and line.annual > 0
    if found.kind == "flat" and found.better:
        # One good month among months at the old level: named, and not counted (newuser13 #1).
        so_far = (
            lang.gettext(
                "So far the log's figures, to the end of {month}, show {better}, not yet a "
                "sustained change, so no money is counted for it yet."
            )
            if valued
            else lang.gettext(
                "So far the log's figures, to the end of {month}, show {better}, not yet a "
                "sustained change."
            )
        ).format(month=month, better=_better_text(found.better, lang))
    elif found.kind == "flat":
        so_far = (
            lang.gettext(
                "So far the log's figures, to the end of {month}, do not show the change, so no "
                "money is counted for it yet."
            )
            if valued
            else lang.gettext(
                "So far the log's figures, to the end of {month}, do not show the change."
            )
        ).format(month=month)
    else:
        amount = _worse_amount(found.amount, impact, lang)
        so_far = (
            lang.gettext(
                "So far the log's figures, to the end of {month}, show it worse than before the "
                "change ({amount}), so no money is counted for it."
            )
            if valued and amount
            else lang.gettext(
                "So far the log's figures, to the end of {month}, show it worse than before the "
                "change, so no money is counted for it."
            )
            if valued
            else lang.gettext(
                "So far the log's figures, to the end of {month}, show it worse than before the "
                "change ({amount})."
            )
            if amount
            else lang.gettext(
                "So far the log's figures, to the end of {month}, show it worse than before the "
                "change."
            )
        ).format(month=month, amount=amount)
    return lang.gettext("In the plan, {claim} {so_far}").format(
        claim=planned_claim(text, statement, lang, pitch.director.terms), so_far=so_far
    )


def planned_claim(
    text: str,
    statement: Statement,
    lang: Language,
    terms: Mapping[str, str],
    *,
    lead: bool = False,
) -> str:
    """A statement's claim after "In the plan,", with a verb.

    With ``lead``, the claim leads its bullet, as the plan of a project with
    nothing to show yet: "Inpatient falls … will come down from 84 to 50 …"
    ("Bydd derbyniadau brys yn gostwng …"), ``text`` unchanged when no verb
    fits it (fixread31 #3).

    "In the plan, emergency admissions will fall from 1,200 to 1,000 a year: …"
    (newuser39 #11); Welsh too: "Yn ôl y cynllun, bydd derbyniadau brys yn
    gostwng o 1,200 i 1,000 …" (newuser31). The measure is the statement's own,
    as :func:`wording.movement_phrase` wrote it, not read back from ``text``: a
    measure may hold " o 75 oed" itself (review23).
    """
    claim = wording.lower_measure(text)
    if lang.lang not in ("cy", "en"):
        return text if lead else claim
    # English too: "agency nursing shifts … will fall from 118 to 60", not a bullet with no
    # verb (newuser39 #11).
    word = " o " if lang.lang == "cy" else " from "
    shown = wording.shown_measure(statement.impact, lang, terms)
    # As the claim shows it: lower_measure read the measure's first word with the words after.
    measure, rest = claim[: len(shown)], claim[len(shown) :]
    if rest.startswith(f",{word}"):
        # A measure closed by a comma before its figures (wording.closed_by_comma).
        measure, rest = f"{measure},", rest[1:]
    if measure.rstrip(",").lower() != shown.lower() or not rest.startswith(word):
        return text if lead else claim
    rest = rest.removeprefix(word)
    quantity = statement.quantity
    # A measure of falls does not "fall": "inpatient falls … will come down from 84 to 50".
    named = set(re.findall(r"[a-z]+", measure.lower()))
    if quantity.target < quantity.baseline and named & {"fall", "falls"}:
        moved = lang.gettext("{measure} will come down from {rest}")
    elif quantity.target < quantity.baseline:
        moved = lang.gettext("{measure} will fall from {rest}")
    elif quantity.target > quantity.baseline and named & {"rise", "rises"}:
        moved = lang.gettext("{measure} will go up from {rest}")
    elif quantity.target > quantity.baseline:
        moved = lang.gettext("{measure} will rise from {rest}")
    else:
        moved = lang.gettext("{measure} will go from {rest}")
    said = moved.format(measure=measure, rest=rest)
    if not lead:
        return said
    if said.startswith(measure):
        # The measure leads, as the text wrote it: "ED attendances", "Inpatient falls".
        return text[: len(measure)] + said[len(measure) :]
    return said[:1].upper() + said[1:]  # "Bydd derbyniadau brys yn gostwng …"


def early_text(pitch: Pitch, impact: Impact, lang: Language) -> str:
    """What a brief says of an impact whose log is too short for its chart to show the change.

    "Too early to count so far: 3 figures since the change, to the end of
    October 2026, where a chart needs 6 in a row to show a shift; no money is
    counted for it yet." (newuser27 #4), so that a brief says why nothing is
    counted yet rather than a plan alone, and never "no return". ``""``
    otherwise.
    """
    facts, ledger = pitch.facts, pitch.ledger
    if ledger is None or ledger.today is None or not facts.ended_periods(ledger.today):
        return ""
    # Imported here, as in log_standing: the update package builds on this module.
    from pitchkit.notes.update.actuals import too_early_count

    found = too_early_count(ledger, facts, impact.id)
    if found is None:
        return ""
    count, needs, upto = found
    line = ledger.line(impact.id)
    values = {
        "n": count,
        "needs": needs,
        "month": fmt.period_label(f"{upto:%Y-%m}", lang),
    }
    if line is not None and line.counted and line.annual > 0:
        return lang.ngettext(
            "Too early to count so far: {n} figure since the change, to the end of {month}, "
            "where a chart needs {needs} in a row to show a shift; no money is counted for it "
            "yet.",
            "Too early to count so far: {n} figures since the change, to the end of {month}, "
            "where a chart needs {needs} in a row to show a shift; no money is counted for it "
            "yet.",
            count,
        ).format(**values)
    return lang.ngettext(
        "Too early to count so far: {n} figure since the change, to the end of {month}, where "
        "a chart needs {needs} in a row to show a shift.",
        "Too early to count so far: {n} figures since the change, to the end of {month}, where "
        "a chart needs {needs} in a row to show a shift.",
        count,
    ).format(**values)


def shown_text(pitch: Pitch, impact: Impact, lang: Language) -> str:
    """What the log shows so far of an impact whose chart shows the change: ``""`` if not.

    The good news is said as the bad is (:func:`with_so_far`), not left as
    the plan alone: "So far the log's figures show 103 fewer shifts than
    before the change, April to November 2026, and the target met in
    November 2026." A level gives its latest figure: "So far 10 days in
    November 2026, a sustained change since April 2026, the target met"
    (newuser14 P6).
    """
    found = log_shown(pitch, impact.id)
    if found is None:
        return ""
    # Imported here, and only with a log: the update package builds on this module.
    from pitchkit.notes.update.measures import amount_text
    from pitchkit.notes.update.spans import span_text

    month = fmt.period_label(found.latest.period.text, lang)
    # "Met" by the update's rule (newuser28 #7): for good only when the chart's limits lie
    # wholly on the target's better side; else met in the latest month, or since the first
    # of a run, "not yet shown to last", as the update's table says it.
    first = fmt.period_label(found.met_from.text, lang) if found.met_from is not None else ""
    if found.delivered is not None:
        if found.delivered <= 0:
            return ""
        if not found.met:
            said = lang.gettext("So far {amount}, {span}.")
        elif found.held:
            said = lang.gettext("So far {amount}, {span}; the target met.")
        elif first:
            said = lang.gettext(
                "So far {amount}, {span}; the target met since {first}, not yet shown to last."
            )
        else:
            said = lang.gettext(
                "So far {amount}, {span}; the target met in {month}, not yet shown to last."
            )
        said = said.format(
            amount=gained_amount(found.delivered, impact, lang),
            span=span_text(found.counted, lang),
            month=month,
            first=first,
        )
        against = _counted_from(found, pitch, impact, lang)
        return f"{said} {against}" if against else said
    assert found.latest.value is not None
    if not found.met:
        said = lang.gettext("So far {latest} in {month}: a sustained change since {since}.")
    elif found.held:
        said = lang.gettext("So far {latest} in {month}: a sustained change, the target met.")
    elif first:
        said = lang.gettext(
            "So far {latest} in {month}: a sustained change since {since}; the target met "
            "since {first}, not yet shown to last."
        )
    else:
        said = lang.gettext(
            "So far {latest} in {month}: a sustained change since {since}; the target met "
            "in {month}, not yet shown to last."
        )
    return said.format(
        latest=amount_text(found.latest.value, impact, lang),
        month=month,
        since=fmt.period_label((found.began or found.counted[0]).text, lang),
        first=first,
    )


def gained_amount(amount: float, impact: Impact, lang: Language) -> str:
    """``117 fewer admissions``, ``£11,000 less``: a count's gain since the change, in words."""
    # Imported here: the update package builds on this module.
    from pitchkit.notes.update.progress import is_money

    figure = fmt.whole(abs(amount))
    if is_money(impact):
        pattern = (
            lang.gettext("{amount} less")
            if impact.direction == "lower"
            else lang.gettext("{amount} more")
        )
        return pattern.format(amount=fmt.money(figure, lang))
    counted = fmt.quantity(figure, impact.unit, lang)
    number = fmt.number(figure, lang)
    unit = counted.removeprefix(number).strip() if counted.startswith(number) else ""
    pattern = (
        lang.gettext("{number} fewer {unit}")
        if impact.direction == "lower"
        else lang.gettext("{number} more {unit}")
    )
    return pattern.format(number=number, unit=unit).strip()


def _counted_from(found: Shown, pitch: Pitch, impact: Impact, lang: Language) -> str:
    """What a "so far" count is counted from, where it is not the baseline the note shows.

    "So far 237 fewer referrals" is counted from the log's mean before the
    change (140.2 a month), while the note's plan reads "from 140": a
    director checking by hand gets 236 (newuser31 #6). Named as the finance
    note and the update name it; ``""`` where the mean, to one decimal
    place, is the baseline shown, or in the finance note, whose money lines
    already name it.
    """
    if found.reference is None or not found.reference_periods:
        return ""
    if pitch.lens.lens.id == "finance":
        return ""
    from pitchkit.notes.rates import scale
    from pitchkit.notes.update.measures import mean_text

    period = found.reference_periods[-1]
    if fmt.half_up(found.reference, 1) == fmt.half_up(scale(impact.baseline, impact, period), 1):
        return ""
    said = lang.gettext("Counted against the average before the change: {rate} {per}.")
    return said.format(
        rate=mean_text(found.reference, impact, lang),
        per=wording.per_phrase(period.kind, lang),
    )


def log_shown(pitch: Pitch, impact_id: str) -> Shown | None:
    """What the log shows so far of ``impact_id`` when its chart shows the change, else ``None``."""
    facts = pitch.facts
    ledger = pitch.ledger
    if ledger is None or ledger.today is None or not facts.ended_periods(ledger.today):
        return None
    from pitchkit.notes.update.actuals import shown_so_far

    return shown_so_far(ledger, facts, impact_id)


def _worse_amount(amount: float, impact: Impact, lang: Language) -> str:
    """``£18,000 more``, ``120 more bed days``: how much worse a count is since the change.

    Empty for a level (a rate or a share), whose figures do not add up.
    """
    if impact.per is None or amount <= 0:
        return ""
    # Imported here: the update package builds on this module.
    from pitchkit.notes.update.progress import is_money

    if is_money(impact):
        figure = fmt.money(amount, lang)
        return (
            lang.gettext("{amount} more")
            if impact.direction == "lower"
            else lang.gettext("{amount} less")
        ).format(amount=figure)
    figure = fmt.quantity(fmt.whole(amount), impact.unit, lang)
    return (
        lang.gettext("{amount} more")
        if impact.direction == "lower"
        else lang.gettext("{amount} fewer")
    ).format(amount=figure)


def sources(statements: tuple[Statement, ...], lang: Language) -> list[str]:
    """Every unit cost used, with its source and year: ``£1,590 per admission: …``."""
    found: list[str] = []
    # One format for the list: pence for every cost when any has them (newuser31 #8).
    pence = fmt.any_pence([s.impact.value.amount for s in statements if s.impact.value])
    for statement in statements:
        value = statement.impact.value
        if value is None:
            continue
        said = (
            N_("{cost} per {unit}: {source}")
            if fmt.singular_known(statement.impact.unit, lang)
            else N_("{cost} each ({unit}): {source}")  # a Welsh unit that may be a plural
        )
        line = lang.gettext(said).format(
            cost=fmt.listed_unit_cost(value.amount, lang, pence=pence, currency=value.currency),
            unit=fmt.singular_unit(statement.impact.unit, lang),
            source=value.source or lang.gettext("source not given"),
        )
        if line not in found:
            found.append(line)
    return found


def relevant_concerns(pitch: Pitch, lang: Language | None = None) -> list[str]:
    """The director's concerns the project addresses: those the measure map links an impact to.

    A shared theme is not enough ("ambulance handover delays" and bed days
    are both about flow): the note claims a concern on the same evidence it
    claims an objective on. The concerns are read as one sentence, so each
    after the first starts in lower case (acronyms stay as written).

    With a progress log, a concern no impact reaching it has shown the
    change for (:func:`only_planned`) is addressed in the plan only, and
    says so, as the statements above it do: "Serious harm from falls (in the
    plan; the log's figures do not show it yet)". ``lang`` words that
    (English without it).
    """
    planned = lang.gettext(PLANNED_CONCERN) if lang is not None else PLANNED_CONCERN
    addressed = [
        planned.format(concern=inline(concern)) if only_planned(pitch, concern) else inline(concern)
        for concern in concerns_reached(pitch.facts, pitch.director)
    ]
    # Shown as one sentence ("A, b and c"): later items lose a capital that only began a line.
    return addressed[:1] + [wording.lower_first(concern) for concern in addressed[1:]]


def concerns_reached(facts: Facts, director: Director) -> list[str]:
    """``director``'s concerns one of the project's impacts reaches (:func:`reaches_concern`).

    The map reads English: the impacts and each concern are read in English.
    """
    impacts = in_english(facts).impacts
    return [
        concern
        for concern in director.concerns
        if concern_addressed(impacts, english_of(concern, facts.english))
        or any(reaches_concern(impact, concern, facts, director) for impact in impacts)
    ]


def reaches_concern(
    impact: Impact, concern: str, facts: Facts, director: Director, setting: str | None = None
) -> bool:
    """Whether ``impact`` reaches ``director``'s ``concern``, by the map or by the lead's word.

    The measure map's chain to the concern, read as an objective, is one way.
    The other is the lead's: ``impact`` ``supports`` one of the director's
    objectives that names the concern ("Reduce pathway of care delays to under
    250 …" for the concern "Pathway of care delays"), as a link the lead
    confirmed holds where the map has no chain (newuser39 #1). ``impact`` is
    read in English.
    """
    english = facts.english
    if claimable_chain(impact, _concern(english_of(concern, english)), setting) is not None:
        return True
    if impact.target == impact.baseline:  # a planned change of nothing serves nothing
        return False
    confirmed = {id_key(ref) for ref in impact.supports}
    return any(
        id_key(f"{director.id}.{objective.id}") in confirmed
        and names_concern(english_of(objective.text, english), english_of(concern, english))
        for objective in director.objectives
    )


def names_concern(objective: str, concern: str) -> bool:
    """Whether the objective's text names what the concern does.

    Either its words hold the concern's ("Reduce pathway of care delays …"
    and "Pathway of care delays"), or the measure map finds in it every
    concept it finds in the concern and it has two in three of the concern's
    words: "Improve the staff survey score for learning and development" names
    "Low scores for learning and development in the staff survey", while "Move
    the trust's CQC rating for safe to good" does not name "CQC well-led
    review in 2027", though the map reads both as the CQC's rating.
    """
    if f" {' '.join(_words(concern))} " in f" {' '.join(_words(objective))} ":
        return True
    wanted = set(concepts_in(concern))
    if not wanted or not wanted <= set(concepts_in(objective, broad=True)):
        return False
    theirs = {_stem(word) for word in _words(objective)}
    mine = [_stem(word) for word in _words(concern) if len(word) > 2 and word.isalpha()]
    mine = [word for word in mine if word not in _SMALL_WORDS]
    return bool(mine) and 3 * sum(word in theirs for word in mine) >= 2 * len(mine)


#: Words that say nothing of what a concern is about.
_SMALL_WORDS = frozenset({"the", "and", "for", "with", "our", "their", "from", "into", "its"})


def _words(text: str) -> list[str]:
    """``text``'s words, case-folded."""
    return re.findall(r"[^\W_]+", text.casefold())


def _stem(word: str) -> str:
    """``word`` without a plural's "s" ("scores" is "score")."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


#: A concern the measure map reaches only through impacts the progress log contradicts.
PLANNED_CONCERN = N_("{concern} (in the plan; the log's figures do not show it yet)")


def only_planned(pitch: Pitch, concern: str) -> bool:
    """Whether the log has figures for the impacts that reach ``concern`` but shows none of it.

    Some impact reaching it has figures from the change on, and no such
    impact's chart shows the change (flat, worse, or too few figures to
    tell): the note names the concern as the plan's, not as addressed.
    False with no log of past periods, or no figures for those impacts.
    """
    facts = pitch.facts
    ledger = pitch.ledger
    if ledger is None or ledger.today is None or not facts.ended_periods(ledger.today):
        return False
    # Imported here, as in log_standing: a brief with no past log need not load it.
    from pitchkit.notes.update.actuals import change_shown

    setting = setting_of(facts.project.organisation)
    shown = [
        change_shown(ledger, facts, impact.id)
        for impact in in_english(facts).impacts
        if reaches_concern(impact, concern, facts, pitch.director, setting)
    ]
    return any(s is not None for s in shown) and not any(shown)


@lru_cache(maxsize=4096)
def _concern(text: str) -> Objective:
    return Objective(id="concern", text=text)


def concern_addressed(impacts: Sequence[Impact], concern: str) -> bool:
    """Whether the measure map takes one of ``impacts`` to ``concern``, read as an objective."""
    objective = _concern(concern)
    return any(claimable_chain(impact, objective) is not None for impact in impacts)


def _ordered(pitch: Pitch, field: str, lens_own: list[str], *, others: bool = True) -> list[str]:
    """A director's items of ``field`` as written, the lens's own, then others' business.

    The lens's own come in only when nothing suits the director (see
    :func:`~pitchkit.recast.audience.has_own`); items for everyone that read
    as another role's business come last, so fitting a page drops them first.
    """
    suited: list[str] = []
    theirs: list[str] = []
    director = english_director(pitch.director, pitch.facts.english)  # its lens, from English
    terms = pitch.director.terms
    for item in items_for(pitch.facts, director, field):
        # In the director's own words, as their progress updates carry the same items
        # over: "the released occupied bed days" in both, not "bed days" in the brief.
        text = wording.apply_terms_in_sentence(item.text, terms) if terms else item.text
        (theirs if is_others(item, director) else suited).append(text)
    own = [] if suited else lens_own
    shown = suited + [text for text in own if text not in suited] + (theirs if others else [])
    return list(dict.fromkeys(shown))


def offer_written(pitch: Pitch) -> list[str]:
    """The offer items a director's note shows from the facts file, as the note words them.

    The note's gains (:func:`gains`) are these, then the role's typical gains
    pitchkit adds up to three in all; ``check`` counts only these against the
    offer's word budget, as only these can the lead shorten.
    """
    return _ordered(pitch, "offer", [])


#: The ids (case-folded) of the directors a batch asks to sponsor the project, while it makes
#: its notes (:func:`asking_to_sponsor`); ``None`` outside a batch, where every director the
#: project serves is asked, as ``pitchkit brief`` is for the one director the lead chose.
_SPONSORS: contextvars.ContextVar[frozenset[str] | None] = contextvars.ContextVar(
    "pitchkit_sponsors", default=None
)


@contextlib.contextmanager
def asking_to_sponsor(ids: Collection[str] | None) -> Iterator[None]:
    """Within the block, only the directors ``ids`` are asked to sponsor (a batch's notes)."""
    token = _SPONSORS.set(None if ids is None else frozenset(i.casefold() for i in ids))
    try:
        yield
    finally:
        _SPONSORS.reset(token)


def advice_only(pitch: Pitch) -> bool:
    """Whether the note asks the director for advice, not to sponsor (newuser36 #4).

    So when the project serves none of their objectives, the measure map proposes
    none for them to confirm, and no ask is written for them (``for:``): a batch
    asked all eight directors to sponsor the project and chair its board, the
    ones it does not yet link to among them. The guide asks one director to
    sponsor and the others for their advice, kept informed as it goes. The
    director the facts book the meeting with is always asked to sponsor: the
    lead chose them, and the note is for that conversation. In a batch
    (:func:`asking_to_sponsor`) a director it serves is asked to sponsor only
    when the batch chose them (the ranking's first, or the meeting's): every
    served director was asked to sponsor and chair (newuser38, fixnu36 #4).
    One it does not choose with asks written ``for:`` them is asked for those
    (:func:`own_asks`), not to sponsor (fixnu38c).
    """
    if _meeting_with(pitch):
        return False
    if not asked_to_sponsor(pitch):
        # Not the batch's sponsor: asked for what the lead wrote for them, else for advice.
        return not own_asks(pitch)
    director = english_director(pitch.director, pitch.facts.english)
    if any(item.targeted for item in items_for(pitch.facts, director, "asks")):
        return False
    return not shown_statements(pitch) and wording.proposed_objective(pitch) is None


def _meeting_with(pitch: Pitch) -> bool:
    meeting = pitch.facts.meeting
    booked = "" if meeting is None else (meeting.director or "")
    return booked.casefold() == pitch.director.id.casefold()


def asked_to_sponsor(pitch: Pitch) -> bool:
    """Whether the note may ask the director to sponsor the project.

    Always outside a batch; in one (:func:`asking_to_sponsor`), only for the
    director the batch chose (the ranking's first, or the meeting's). The
    director the facts book the meeting with always is.
    """
    sponsors = _SPONSORS.get()
    return sponsors is None or pitch.director.id.casefold() in sponsors or _meeting_with(pitch)


def own_asks(pitch: Pitch) -> list[str]:
    """The asks written ``for:`` the director that are not to sponsor, as the note words them.

    What a batch asks of a director it does not ask to sponsor (fixnu38c): an
    ask for everyone, such as chairing the project board, is a sponsor's.
    """
    director = english_director(pitch.director, pitch.facts.english)  # its lens, from English
    terms = pitch.director.terms
    found = [
        wording.apply_terms_in_sentence(item.text, terms) if terms else item.text
        for item in items_for(pitch.facts, director, "asks")
        if item.targeted and not wording.is_sponsorship(item.text)
    ]
    return list(dict.fromkeys(found))


def asks_for(pitch: Pitch) -> list[str]:
    """The asks a director's note makes: theirs, then everyone's; a sponsorship ask first.

    None for a director asked only for advice (:func:`advice_only`): the asks
    are a sponsor's, such as chairing the project board. A director a batch
    does not ask to sponsor is asked only what was written for them
    (:func:`own_asks`).
    """
    if advice_only(pitch):
        return []
    if not asked_to_sponsor(pitch):
        return own_asks(pitch)
    return wording.sponsorship_first(_ordered(pitch, "asks", []))


def advice_for(pitch: Pitch, lang: Language) -> list[str]:
    """The questions a director's note asks: theirs, everyone's, else the lens's own.

    The lens's own question is not asked about savings or outcomes a project does not show.
    """
    # Judged in English, then worded, as the gains are: a Welsh note's lens is in Welsh,
    # so "capacity" in the lens's question would not be found in its words.
    lens = lens_data().lenses.get(pitch.lens.lens.id, pitch.lens.lens)
    own = [lang.gettext(q) for q in lens.advice[:1] if supported(q, pitch)]
    # A director asked only for advice is not asked another role's question ("which
    # budget line ..." of the Director of People, newuser36 #4).
    return _ordered(pitch, "advice", own, others=not advice_only(pitch))


#: A role's typical gains that claim money, and what the project must show for them:
#: ``cash`` (money the financial plan can count), ``money`` (any money valued at all) or
#: ``payback`` (cash, and the funding repaid within the project, as the money block says).
MONEY_GAINS = {
    # Recurrent savings need cash the log bears out: beside "cash in the plan ...; so far,
    # at the log's rate, £159,000 a year" and "not paid back", the plan's
    # savings are more than the log shows (newuser26 #1). A log short of the plan whose
    # rate still pays the funding back keeps them.
    "recurrent savings": "recurrent",
    # The finance lens's question: which line of the plan the savings count against asks
    # nothing true of a project none of whose cash is the trust's (newuser11's nail surgery,
    # whose only cash is the ICB's).
    "line of the financial plan": "cash",
    "pays back": "payback",
    "value for money": "money",
    "savings": "money",
    "capacity": "capacity",
}

#: What an impact counts when fewer of them frees capacity (beds, clinics, staff time).
CAPACITY_COUNTS = frozenset({"bed days", "episodes", "sessions", "hours"})


def releases_capacity(pitch: Pitch) -> bool:
    """Whether the project frees capacity: valued as such, or counted in beds, slots or hours.

    Agency shifts and spend are cash, and a rate or a share frees nothing a
    manager can count, so a project of those has no capacity to offer.
    """
    ledger = pitch.ledger
    if ledger is not None and ledger.annual("capacity") > 0:
        return True
    return any(frees_capacity(impact, pitch) for impact in pitch.facts.impacts)


def frees_capacity(impact: Impact, pitch: Pitch) -> bool:
    """Whether ``impact`` frees capacity: valued as such, or counted in beds, slots or hours."""
    ledger = pitch.ledger
    if ledger is not None and any(
        line.impact.id == impact.id and line.releases == "capacity" and line.annual > 0
        for line in ledger.counted
    ):
        return True
    return (
        impact.per is not None
        and (impact.releases or default_releases(impact)) == "capacity"
        and counts(impact) in CAPACITY_COUNTS
    )


def claims_capacity(pitch: Pitch) -> bool:
    """Whether the note claims capacity for the director: one of its statements frees some.

    A project's capacity named only in the money line is not a claim made to
    this director: a note whose one claim is a share discharged at virtual
    review does not offer "capacity released ahead of winter".
    """
    return any(frees_capacity(statement.impact, pitch) for statement in pitch.statements)


#: Themes of the measure map's concepts that are outcomes a project measures (harm, waits,
#: retention, experience ...), as against where the work fits (strategy, the regulator, the
#: digital programme) or money (:data:`MONEY_GAINS`).
OUTCOME_THEMES = frozenset(
    {"safety", "outcomes", "workforce", "flow", "access", "experience", "equity", "sustainability"}
)


def supported(gain: str, pitch: Pitch) -> bool:
    """Whether a typical gain's (or question's) claims are borne out by the project.

    A money claim needs money (:data:`MONEY_GAINS`), a claim of capacity
    released needs capacity claimed in the note, a statement of it
    (:func:`claims_capacity`); an outcome named in
    pitchkit's measure map (staff wellbeing, retention, harm, outcomes,
    waits) needs an impact that measures it (:func:`measures_outcome`); one
    naming where the work is done or who leads it (the wards, nurse-led
    improvement) needs a project that says so (:func:`suits_setting`).
    """
    if not suits_setting(gain, pitch):
        return False
    ledger = pitch.ledger
    money = ledger is not None and bool(ledger.lines)
    has = {
        # The trust's own cash the log does not contradict: "recurrent savings" beside a
        # log that shows the only cash impact worse, or not changed at all, is a claim the
        # note disproves, and an ICB's money is not savings in the trust's plan.
        "cash": money
        and ledger is not None
        and any(
            line.releases == "cash"
            and line.annual > 0
            and moneytext.trust_cash(line)
            and log_standing(pitch, line.impact.id) is None
            for line in ledger.counted
        ),
        "money": money,
    }
    for need in {need for phrase, need in MONEY_GAINS.items() if phrase in gain}:
        if need == "recurrent":
            shown = shown_ledger(pitch) if has["cash"] else None
            has[need] = shown is not None and (
                not _log_cash_short(shown) or moneytext.pays_back(shown)
            )
        if need == "payback":
            # "An investment case that pays back" beside "not paid back within the
            # project" is a claim the note's own figures disprove; so is it beside "not
            # paid back from the cash alone" in another director's note (newuser11 #5).
            shown = shown_ledger(pitch) if has["cash"] else None
            has[need] = (
                shown is not None and moneytext.pays_back(shown) and moneytext.cash_pays_back(shown)
            )
        if need not in has:
            has[need] = releases_capacity(pitch) and claims_capacity(pitch)
        if not has[need]:
            return False
    return all(measures_outcome(pitch, concept) for concept in outcomes_named(gain))


def _log_cash_short(ledger: Ledger) -> bool:
    """Whether the progress log's rate gives less of the trust's own cash than the plan."""
    logged = moneytext.log_cash(ledger)
    if logged is None:
        return False
    planned = sum(line.annual for line in ledger.counted if moneytext.trust_cash(line))
    return logged < planned


def project_words(pitch: Pitch, parts: Iterable[str] = PROJECT_PARTS) -> str:
    """The project's own words, as a gain's setting is looked for in them (lower case).

    Those of ``parts`` (:data:`~pitchkit.recast.lenses.PROJECT_PARTS`): its
    title, problem, change, measures, lead's role and funding's source, in
    English where the facts file gives English, and as written.
    """
    facts = pitch.facts
    project = facts.project
    lead = project.lead
    funding = project.funding
    by_part = {
        "title": [project.title],
        "problem": [project.problem],
        "change": [project.change],
        "measures": [impact.measure for impact in facts.impacts],
        "lead": [(lead.role or "") if lead else ""],
        "funding": [(funding.source or "") if funding else ""],
    }
    texts = [text for part in parts for text in by_part[part]]
    english = facts.english
    return " ".join([*texts, *(english_of(text, english) for text in texts)]).casefold()


def suits_setting(gain: str, pitch: Pitch) -> bool:
    """Whether the project's own words name the setting or lead a gain names, if it names one.

    ``lenses.yaml``'s ``gain_settings``: "closeness to the wards" needs a
    project on the wards, "nurse-led improvement" one whose title, change or
    lead names nurses, "a fix that sticks" recurrent or permanent funding or
    change (newuser31 #4).
    """
    settings = lens_data().gain_settings
    for named, setting in settings.items():
        if not re.search(rf"(?<!\w){re.escape(named)}(?!\w)", gain.casefold()):
            continue
        parts = setting.parts
        if named in LED_BY and "change" in parts and _first_led_by(pitch, settings) != named:
            # The change names this profession only after another, one of a team's members
            # ("therapists, nurse and rehab support workers"): not who leads it (newuser39 #7).
            parts = tuple(part for part in parts if part != "change")
        words = project_words(pitch, parts)
        if not any(_said(w, words) for w in setting.words):
            return False
    return True


#: The ``gain_settings`` that say which profession leads the change: of a team the change
#: lists, the one named first leads it.
LED_BY = ("nurse-led", "therapists")


def _said(word: str, words: str) -> bool:
    """Whether ``word`` stands as a word or phrase in ``words`` (both folded)."""
    return re.search(rf"(?<!\w){re.escape(word.casefold())}(?!\w)", words) is not None


def _first_led_by(pitch: Pitch, settings: Mapping[str, GainSetting]) -> str | None:
    """Of :data:`LED_BY`, the profession the project's change names first, if any."""
    change = project_words(pitch, ("change",))
    found: list[tuple[int, str]] = []
    for named in LED_BY:
        setting = settings.get(named)
        if setting is None:
            continue
        places = [
            match.start()
            for word in setting.words
            if (match := re.search(rf"(?<!\w){re.escape(word.casefold())}(?!\w)", change))
        ]
        if places:
            found.append((min(places), named))
    return min(found)[1] if found else None


def outcomes_named(text: str) -> tuple[str, ...]:
    """The measure map's outcome concepts ``text`` names (see :data:`OUTCOME_THEMES`).

    A whole area the map counts no measure inside (clinical outcomes, care
    closer to home) is left out: pitchkit cannot tell which measures show
    it, so it does not judge a claim about it.
    """
    concepts = measure_map().concepts
    return tuple(
        c
        for c in concepts_in(text, broad=True)
        if set(concepts[c].themes) & OUTCOME_THEMES
        and (not concepts[c].broad or c in _counted_inside())
    )


@lru_cache(maxsize=1)
def _counted_inside() -> frozenset[str]:
    """Concepts the measure map counts another measure inside (a ``part`` edge into them)."""
    concepts = measure_map().concepts.values()
    return frozenset(e.target for c in concepts for e in c.edges if e.part)


def measures_outcome(pitch: Pitch, concept: str) -> bool:
    """Whether an impact measures ``concept``: itself, or a measure counted inside it.

    Falls count inside harm, so a falls project measures harm; a cause
    (stress leads to sickness absence) does not measure its effect.
    """
    for impact in in_english(pitch.facts).impacts:  # the map reads English
        found = chain(linkable(measured(impact.measure)), (concept,))
        if found is not None and all(step.part for step in found.steps):
            return True
    return False


#: The months the NHS plans for as winter (December to March): a note written in them
#: does not offer capacity "ahead of winter", for winter is already here.
WINTER_MONTHS = frozenset({12, 1, 2, 3})


def in_season(gain: str, today: dt.date | None, facts: Facts | None = None) -> str:
    """``gain`` (English, as the lens gives it) as it reads on the day the note is read.

    That day is the meeting's, when it is still to come, else ``today``. Read
    in winter, "capacity released ahead of winter" is "capacity released this
    winter", unless the change frees nothing until this winter is over (the
    project starts after it, or every measure that frees capacity changes after
    it: :func:`capacity_from`): then it is "ahead of next winter". ``pitchkit
    check`` words the gain the same way.
    """
    if today is None or "ahead of winter" not in gain:
        return gain
    meeting = facts.meeting.date if facts is not None and facts.meeting is not None else None
    day = meeting if meeting is not None and meeting > today else today
    if day.month not in WINTER_MONTHS:
        return gain
    winter_ends = dt.date(day.year + (day.month == 12), 3, 31)
    start = capacity_from(facts) if facts is not None else None
    if start is not None and start > winter_ends:
        return N_("capacity that could be freed ahead of next winter")
    return N_("capacity that could be freed this winter")


def capacity_from(facts: Facts) -> dt.date | None:
    """The first day the change can free capacity: when it takes effect for a measure that does.

    A measure's own ``changed:`` date, else the project's start. A project that starts
    in January but whose hub takes its first lists in June frees nothing this winter
    (newuser40 #3). With no measure that frees capacity, the project's start.
    """
    start = facts.project.start
    days = [
        impact.changed[0] if impact.changed else start
        for impact in facts.impacts
        if not impact.balancing
        and impact.per is not None
        and (impact.releases or default_releases(impact)) == "capacity"
    ]
    known = [day for day in days if day is not None]
    if not known or len(known) < len(days):
        return start
    return min(known)


#: England's name for the groups of GP practices Wales (and Scotland) call clusters.
PCN_GAIN = N_("a model to share with other primary care networks")
#: Wales has no "system" of ICBs: an NHS Wales body's partners are regional, and its
#: regulator is Healthcare Inspectorate Wales (newuser33).
HIW_GAIN = N_("a case study to show regional partners and Healthcare Inspectorate Wales")
#: An organisation in England: an ICB, or a trust that is not Welsh.
_ENGLISH_BODY = re.compile(r"\b(?:ICB|Integrated Care Board|(?:NHS|Foundation) Trust)\b")


def in_england(pitch: Pitch) -> bool:
    """Whether the project's organisation is in England, read from its name and language.

    An ICB or an NHS trust whose name is not Welsh, in a file not written
    in Welsh; a health board (Wales, Scotland) or a name that says neither is not.
    """
    facts = pitch.facts
    organisation = facts.project.organisation or ""
    return (
        (facts.settings.locale or "").split("_")[0] != "cy"
        and _ENGLISH_BODY.search(organisation) is not None
        and not is_welsh_body(organisation)
    )


def in_country(gain: str, pitch: Pitch) -> str:
    """``gain`` (English, as the lens gives it) in the words of the organisation's country.

    The primary care lens speaks of clusters, as Wales does; in England the
    practices work in primary care networks (newuser13 #13).
    """
    if gain == "a model to share with other clusters" and in_england(pitch):
        return PCN_GAIN
    if gain == "a case study to show system partners and the regulator" and in_wales(pitch):
        return HIW_GAIN
    return gain


def in_wales(pitch: Pitch) -> bool:
    """Whether the project's organisation is an NHS Wales body (:func:`is_welsh_body`)."""
    return is_welsh_body(pitch.facts.project.organisation or "")


def worded(gain: str, today: dt.date | None, facts: Facts, pitch: Pitch | None = None) -> str:
    """A lens's gain (English) as the note words it.

    For the day it is read (:func:`in_season`) and, given its ``pitch``, in the
    words of the organisation's country (:func:`in_country`). ``pitchkit check``
    words the gains it suggests the same way.
    """
    dated = in_season(gain, today, facts)
    return dated if pitch is None else in_country(dated, pitch)


def gains(pitch: Pitch, lang: Language, today: dt.date | None = None) -> list[str]:
    """What the sponsor gains: the offer meant for them, else the role's typical gains.

    A typical gain that claims money (savings, a payback, value for money) is
    left out of a project that shows none: capacity is not savings, and a
    project that has valued nothing has no value for money to report. One
    that claims an outcome (staff wellbeing and retention, harm-free care)
    is left out of a project that does not measure it.
    """
    # The lens's own (English) gains are judged, then worded: a Welsh note's lens is in Welsh.
    lenses = lens_data().lenses
    lens = lenses.get(pitch.lens.lens.id, pitch.lens.lens)

    def fits(gain: str) -> bool:
        # A note that says the project does not yet link to the director's objectives
        # claims no money for them as if it did: "recurrent savings to count in the
        # financial plan" under "does not yet link to your objectives" (newuser11 #5).
        return supported(gain, pitch) and (bool(shown_statements(pitch)) or not claims_money(gain))

    kept = [g for g in lens.gains if fits(g)]
    if not all(suits_setting(g, pitch) for g in lens.gains) and "general" in lenses:
        # A gain naming a setting the project is not in gives way to a neutral one.
        kept += [g for g in lenses["general"].gains if g not in kept and fits(g)]
    # Worded for the note's date: "this winter" rather than "ahead of winter" in December.
    typical = [(g, _capitalised(lang.gettext(worded(g, today, pitch.facts, pitch)))) for g in kept]
    offered = _ordered(pitch, "offer", [shown for _, shown in typical[:1]])
    english = {shown: gain for gain, shown in typical}
    said = [english.get(item) or english_of(item, pitch.facts.english) for item in offered]
    more: list[str] = []
    for gain, shown in typical:
        if shown in offered:
            continue
        if for_the_board(gain) and any(for_the_board(item) for item in said):
            # One thing for the board is enough: "Performance data for the board's integrated
            # report" then "A visible improvement to report to the board" said it twice, in
            # Welsh "… y Bwrdd" twice running (fixread31 #4).
            continue
        more.append(shown)
        said.append(gain)
    return offered + more[: max(0, 3 - len(offered))]


#: "the board" as whom a gain is shown or reported to ("for the board", "the board's
#: integrated report"; in Welsh "i'r Bwrdd", "y Bwrdd"), not a health or partnership board.
_THE_BOARD = re.compile(
    r"\bthe board\b(?! of)|\b(?:i'r|y) bwrdd\b(?! iechyd| partneriaeth| gofal| clwstwr)",
    re.IGNORECASE,
)


def for_the_board(text: str) -> bool:
    """Whether a gain is something for the board: to report, show or tell it."""
    return _THE_BOARD.search(text.replace("\u2019", "'")) is not None


def claims_money(gain: str) -> bool:
    """Whether a typical gain claims money: savings, a payback, value for money."""
    return any(
        phrase in gain.casefold() for phrase, need in MONEY_GAINS.items() if need != "capacity"
    )


def _capitalised(item: str) -> str:
    """A list item that starts with a capital, like the user's own items beside it."""
    return item[:1].upper() + item[1:]


def one_per_objective(
    statements: list[Context], lang: Language, holders: Mapping[str, str] | None = None
) -> list[Context]:
    """The shown statements with each objective once and each impact's figures once.

    Two impacts on one objective share its bullet, the second "Also, …"; an
    impact shown already, under another objective, is named there without its
    figures again. ``holders`` names, by impact, the objective whose own thing
    it measures (:func:`pitchkit.recast.pitch.figures_held`): the impact gives
    its figures there, wherever else it is shown (newuser38 #3).
    """
    merged: dict[str, Context] = {}
    said: set[str] = set()
    for statement in statements:
        holder = (holders or {}).get(statement["impact"])
        given: dict[str, Any] | None = None
        if statement["impact"] in said or holder not in (None, statement["objective_id"]):
            standin = lang.gettext("The same change in {measure} counts here too.").format(
                measure=quoted(statement["measure"])
                if foreign(statement["measure"], lang)
                else wording.lower_measure(statement["measure"])
            )
            # The figures this bullet gives up, kept so that fitting a page that cuts the
            # bullet holding them hands them back here (:func:`pitchkit.notes.fit.figures_back`).
            given = {
                "standin": standin,
                "claim": statement["claim"],
                "lower": wording.lower_measure(statement["claim"]),
                "money_of": list(statement["money_of"]),
            }
            statement = {**statement, "money_of": [], "claim": standin}
        else:
            said.add(statement["impact"])
        first = merged.get(statement["objective_id"])
        # Each impact's own claim and money, so that fitting a page can take a claim's
        # closing sentences off and drop an impact's money with its last one.
        if first is not None:
            # A second impact's figures after the first's read as one run of figures
            # ("… about 4.8 beds. Emergency admissions …", reader27): said as a reader adds
            # one, "Also, emergency admissions …".
            statement = {
                **statement,
                "claim": lang.gettext("Also, {claim}").format(
                    claim=wording.lower_measure(statement["claim"])
                ),
            }
        part: dict[str, Any] = {
            "claim": statement["claim"],
            "money_of": list(statement["money_of"]),
            "impact": statement["impact"],
        }
        if given is not None:
            part["given"] = given
        if first is None:
            merged[statement["objective_id"]] = {**statement, "parts": [part]}
        else:
            first["claim"] = f"{first['claim']} {statement['claim']}"
            first["money_of"] = [*first["money_of"], *statement["money_of"]]
            first["parts"] = [*first["parts"], part]
            if statement["how"] and statement["how"] not in first["how"]:
                first["how"] = " ".join(filter(None, (first["how"], statement["how"])))
    return [{**shown, "text": with_how(shown["claim"], shown["how"])} for shown in merged.values()]


def also_counted(
    statement: Context, shown: Sequence[Statement], pitch: Pitch, lang: Language
) -> Context:
    """``statement`` saying which other impacts, shown under other objectives, count to it too.

    A bullet names the impacts shown under its objective; an impact the lead
    linked to that objective as well but that the note shows under another
    one was left unsaid, so "Break even in 2026/27: in the plan, agency
    shifts …, so no money is counted for it yet" read as nothing towards
    break-even while the out-of-area bed days above count £2.4m a year to it
    (reader26 #3). The bullet ends by naming each, with its money at its target
    and, when the log shows it, so far: "This objective also gains from the
    change in inappropriate out-of-area placement bed days, adult acute (above),
    worth £2,418,000 a year once at its target, £727,000 so far." Only impacts with money
    and a link the lead gave; the other bullet keeps the figures.
    """
    objective = statement["objective_id"]
    order = [s.objective.id for s in shown]
    here = order.index(objective) if objective in order else len(order)
    own = {s.impact.id for s in shown if s.objective.id == objective}
    where = {s.impact.id: order.index(s.objective.id) for s in reversed(shown)}
    said: list[str] = []
    leads: list[str] = []
    for other in pitch.statements:
        impact = other.impact.id
        if (
            other.objective.id != objective
            or other.link.confidence != "explicit"
            or impact in own
            or impact not in where
            or other.quantity.releases == "cost"
        ):
            continue
        money = wording.money_phrase(other.quantity, lang)
        if not money:
            continue
        own.add(impact)
        measure = other.impact.measure
        measure = quoted(measure) if foreign(measure, lang) else wording.lower_measure(measure)
        delivered = money_shown(other, pitch).delivered
        above = where[impact] < here
        if delivered > 0:
            # Welsh "o" (from) mutates the lead's own measure after it: "hyd yma o
            # ddiwrnodau gwely", never "o diwrnodau"; a quoted English one is left as written.
            after_from = fmt.after_o(measure) if lang.lang == "cy" else measure
            net = net_so_far(other, pitch, delivered, after_from, above, lang)
            leads.append(
                net
                or (
                    lang.gettext("{delivered} so far from {measure} (above), {money} in the plan")
                    if above
                    else lang.gettext(
                        "{delivered} so far from {measure} (below), {money} in the plan"
                    )
                ).format(measure=after_from, money=money, delivered=wording.worth(delivered, lang))
            )
            said.append(
                (
                    lang.gettext(
                        "{measure} (above), {money} once at its target, {delivered} so far"
                    )
                    if above
                    else lang.gettext(
                        "{measure} (below), {money} once at its target, {delivered} so far"
                    )
                ).format(measure=measure, money=money, delivered=wording.worth(delivered, lang))
            )
        else:
            said.append(
                (
                    lang.gettext("{measure} (above), {money} once at its target")
                    if above
                    else lang.gettext("{measure} (below), {money} once at its target")
                ).format(measure=measure, money=money)
            )
    if not said:
        return statement
    mine = [s for s in shown if s.objective.id == objective]
    if len(leads) == len(said) and not any(money_shown(s, pitch).delivered for s in mine):
        # The bullet's own impacts have delivered nothing yet and the others have: the
        # money so far leads, "Break even in 2026/27: £727,000 so far from inappropriate
        # out-of-area placement bed days …. Also, in the plan, registered nurse agency
        # shifts …", not the impact with nothing to show (reader28 #13).
        lead = "; ".join(leads) + "."
        parts: list[dict[str, Any]] = [dict(part) for part in statement.get("parts") or ()]
        if not parts:
            parts = [{"claim": statement["claim"], "money_of": list(statement["money_of"])}]
        parts[0]["claim"] = lang.gettext("Also, {claim}").format(
            claim=wording.lower_measure(parts[0]["claim"])
        )
        # Its closing "so no money is counted for it yet" is the one place the page says
        # so (the money block leaves it to the bullet): cut last, as the closing "Also
        # towards this objective" is.
        parts[-1]["also"] = True
        parts = [{"claim": lead, "money_of": []}, *parts]
        claim = " ".join(part["claim"] for part in parts)
        return {
            **statement,
            "claim": claim,
            "text": with_how(claim, statement["how"]),
            "parts": parts,
        }
    # "This objective also gains from the change in …", not "Also towards this objective:
    # …, worth £44,800 a month in capacity in the plan" (newuser40 #4).
    sentence = lang.ngettext(
        "This objective also gains from the change in {impacts}.",
        "This objective also gains from the changes in {impacts}.",
        len(said),
    ).format(impacts="; ".join(said))
    parts = [*(statement.get("parts") or ()), {"claim": sentence, "money_of": [], "also": True}]
    claim = f"{statement['claim']} {sentence}"
    return {**statement, "claim": claim, "text": with_how(claim, statement["how"]), "parts": parts}


def net_so_far(
    other: Statement,
    pitch: Pitch,
    delivered: float,
    measure: str,
    above: bool,
    lang: Language,
) -> str | None:
    """A cash aim's money so far from ``other``, net of the extra spend the change adds.

    A project that adds spend (``releases: cost``) counts against a cash aim (a
    CIP, break-even) net of it, as the update does: "£399,000 so far, net of the
    extra spend: £727,000 from inappropriate out-of-area placement bed days, adult
    acute (above), less £328,000" with its share of the target, never the gross
    £727,000 the update does not credit (reader30 #2). Its money in the plan is
    the bullet's it points to, so not said again. ``None`` when the change adds
    no spend the log shows, ``other`` is not cash, the aim is not money itself,
    or the net is no gain.
    """
    from pitchkit.notes.update.actuals import shown_so_far
    from pitchkit.recast.align import aims_at_money

    ledger = pitch.ledger
    if ledger is None:
        return None
    line = ledger.line(other.impact.id)
    objective = other.objective
    if line is None or line.releases != "cash" or not aims_at_money(objective):
        return None
    spend = 0.0
    counted: list[Period] = []
    for cost in moneytext.costs(ledger):
        found = shown_so_far(ledger, pitch.facts, cost.impact.id)
        if found is None or not found.delivered or not cost.restated_cost:
            continue
        spend += abs(found.delivered) * cost.restated_cost
        counted.extend(found.counted)
    if spend <= 0:
        return None
    net = round_money(delivered - spend, quantum_for(delivered - spend))
    if net <= 0:
        return None
    found = shown_so_far(ledger, pitch.facts, other.impact.id)
    counted.extend(found.counted if found is not None else ())
    share = ""
    year = target_year(objective.text)
    target = objective.target
    if money_target(objective) and target is not None and target.value > 0 and year is not None:
        first, last = fy_bounds(year)
        if all(first <= period.start and period.end <= last for period in counted):
            # The share of the net as shown, so that it checks by hand, as the update gives
            # it; the objective just named its target, so the bare percentage says it.
            share = fmt.percent(
                net / target.value, lang, decimals=1 if net < 0.095 * target.value else 0
            )
            if share[:1] in "<>":
                share = ""
    values = {
        "net": wording.worth(net, lang),
        "delivered": wording.worth(delivered, lang),
        "measure": measure,
        "spend": wording.worth(spend, lang),
    }
    if share:
        values["net"] = lang.gettext("{net} ({share})").format(net=values["net"], share=share)
    return (
        lang.gettext(
            "{net} so far, net of the extra spend: {delivered} from {measure} (above), less {spend}"
        )
        if above
        else lang.gettext(
            "{net} so far, net of the extra spend: {delivered} from {measure} (below), less {spend}"
        )
    ).format(**values)


def lowered(statement: Context) -> Context:
    """``statement`` going on in small letters after its objective and a colon.

    Its claim (and its first part's) as well as its text: fitting puts the
    claim back as the text when it takes the reason off, and that must not
    bring the capital back.
    """
    parts = [dict(part) for part in statement.get("parts") or ()]
    if parts:
        parts[0]["claim"] = wording.lower_measure(parts[0]["claim"])
    return {
        **statement,
        "text": wording.lower_measure(statement["text"]),
        "claim": wording.lower_measure(statement["claim"]),
        **({"parts": parts} if parts else {}),
    }


def pitch_context(
    pitch: Pitch, lang: Language, *, reasons: bool = True, today: dt.date | None = None
) -> Context:
    """The recast content: headline, ranked statements and the ask (worded for ``today``).

    Without ``reasons`` no statement says why its link holds (see :func:`how_text`).
    """
    shown = shown_statements(pitch)
    statements = one_per_objective(
        [statement_context(s, lang, pitch, reasons=reasons) for s in shown],
        lang,
        figures_held(shown),
    )
    statements = [also_counted(statement, shown, pitch, lang) for statement in statements]
    if statements:
        # The headline names the strongest statement's objective: its bullet goes straight to
        # the figures rather than quoting the objective a second time.
        statements[0] = {**statements[0], "in_headline": True}
        # The others follow their objective and a colon ("Cut handover delays: in the plan,
        # ..."), so they go on in small letters, keeping a name's or acronym's (newuser28 #14).
        statements[1:] = [lowered(statement) for statement in statements[1:]]
    return {
        "heading": note_heading(pitch, lang),
        "headline": wording.headline(pitch, lang),
        "ask": (
            wording.advice_ask(lang)
            if advice_only(pitch)
            else wording.ask_sentence(asks_for(pitch), lang)
            if asked_to_sponsor(pitch)
            else wording.own_ask_sentence(asks_for(pitch), lang)
        ),
        "statements": statements,
        "all_statements": [
            statement_context(s, lang, pitch, reasons=reasons) for s in pitch.statements
        ],
        "objectives_served": [o.text for o in pitch.served],
        "concerns": relevant_concerns(pitch, lang),
        "gains": gains(pitch, lang, today),
        "sources": sources(shown, lang),
        "conversions": conversion_notes(shown, pitch, lang),
        # Balancing measures, each said as watched within its limit (never as a gain).
        "watched": watched(pitch, lang),
        "score": pitch.score,
        "lens": pitch.lens.lens.id,
    }


def sponsor_note(pitch: Pitch) -> bool:
    """Whether the briefing note asks the director to sponsor the project."""
    return asked_to_sponsor(pitch) and not advice_only(pitch)


def note_heading(pitch: Pitch, lang: Language) -> str:
    """What the briefing note is, for its header and properties: a sponsor's, or not.

    A batch asks one director to sponsor and the others for their advice or their own
    asks; their notes were headed "Sponsor briefing note" all the same (fixread31 #2).
    """
    if sponsor_note(pitch):
        return lang.gettext("Sponsor briefing note")
    return lang.gettext("Briefing note")


def watched(pitch: Pitch, lang: Language) -> list[str]:
    """A sentence for each balancing measure: watched, and kept within the limit it sets."""
    terms = pitch.director.terms
    return [
        wording.watched_sentence(impact, quantify(impact), lang, terms)
        for impact in pitch.facts.impacts
        if impact.balancing
    ]


def director_context(pitch: Pitch) -> Context:
    """The director the document is for."""
    director = pitch.director
    served = {o.id for o in pitch.served}
    return {
        "id": director.id,
        "name": director.name,
        "role": director.role,
        "greeting": director.greeting_name,
        # A template's "Dear {{ director.salutation }}" greets a director with none given
        # as the built-in notes do ("Margaret", "Dr Raman"), not by the full name.
        "salutation": director.greeting_name,
        "lens": pitch.lens.lens.id,
        "lens_title": pitch.lens.lens.title,
        "concerns": list(director.concerns),
        "objectives": [
            {"id": o.id, "text": o.text, "kind": o.kind, "served": o.id in served}
            for o in pitch.objectives
        ],
    }


def meeting_context(
    facts: Facts, lang: Language, director_id: str | None = None, today: dt.date | None = None
) -> Context:
    """The meeting the note prepares for.

    Empty in a note to anyone the meeting is not with, and once the meeting
    has passed: a note "Prepared on" the day after its meeting reads as if
    it came too late (``pitchkit check`` says ``meeting-passed``).
    """
    meeting = facts.meeting
    if (
        meeting
        and meeting.director
        and director_id
        and meeting.director.strip().casefold() != director_id.casefold()
    ):
        meeting = None  # ids are told apart regardless of case, as the facts are checked
    if meeting and meeting.date and today and meeting.date < today:
        meeting = None
    when = meeting.date if meeting else None
    return {
        "date": when,
        "date_text": fmt.date(when, lang) if when else "",
        "place": (meeting.place or "") if meeting else "",
    }


def brief_context(pitch: Pitch, lang: Language, *, today: dt.date, reasons: bool = True) -> Context:
    """Every variable the briefing note template sees.

    Without ``reasons`` no statement says why its link holds: the two pages of
    a bilingual note say the same, and the map's reasons are in English only.
    """
    facts = pitch.facts
    terms = dict(pitch.director.terms)
    shown = pitch_context(pitch, lang, reasons=reasons, today=today)
    if pitch.ledger is not None:
        # Each unit cost behind a figure the note shows, restated at the note's prices as the
        # figures are, so a director can work every figure out from the page.
        used = {line.impact.id for line in pitch.ledger.counted} | {
            statement.impact.id for statement in shown_statements(pitch) if statement.quantity.money
        }
        shown["sources"] = moneytext.source_lines(pitch.ledger, lang, used) or shown["sources"]
    money = money_context(pitch, lang, money_said(shown["statements"]))
    # Dates and figures with their units are kept on one line (non-breaking spaces).
    context: Context = {
        "project": project_context(facts),
        "lead": lead_context(facts),
        "director": director_context(pitch),
        "pitch": shown,
        "impacts": [impact_context(i, lang, terms, pitch) for i in facts.impacts],
        "asks": asks_for(pitch),
        "advice": advice_for(pitch, lang),
        "offer": _ordered(pitch, "offer", []),
        "funding": funding_context(facts, lang),
        "money": money,
        "timeline": timeline_text(facts, lang),
        "meeting": meeting_context(facts, lang, pitch.director.id, today),
        "update": None,
        "today": today,
        "locale": lang.code,
    }
    return together.bind(context, lang)  # type: ignore[no-any-return]


def refit_money(before: Context, fitted: Context, pitch: Pitch, lang: Language) -> Context:
    """``fitted`` with its money block and small print worded for the statements it still shows.

    Fitting a page may drop a statement whose money the block refers to as
    "above" (``before`` is the context as it was): the block then gives
    that figure itself again. A statement dropped takes its conversion note
    with it: "WTE: shifts a year × 7.5 hours …" under a note that no longer
    mentions WTE explains nothing (reader25 #10).
    """
    fitted = _refit_conversions(before, fitted, pitch, lang)
    said = money_said(fitted["pitch"]["statements"])
    if said == money_said(before["pitch"]["statements"]):
        return fitted
    money = together.bind(money_context(pitch, lang, said), lang)
    # A sentence the fit took off as said by a statement above stays off while one says it.
    kept = {repeat["text"] for repeat in fitted.get("money", {}).get("repeats", ())}
    for repeat in before.get("money", {}).get("repeats", ()):
        text = repeat["text"]
        if text not in kept and any(r["text"] == text for r in money["repeats"]):
            money["lines"] = [
                re.sub(r" {2,}", " ", line.replace(text, "", 1)).strip() for line in money["lines"]
            ]
            money["repeats"] = [r for r in money["repeats"] if r["text"] != text]
    return {**fitted, "money": money}


def _refit_conversions(before: Context, fitted: Context, pitch: Pitch, lang: Language) -> Context:
    """``fitted`` with the conversion notes of the statements it still shows, and no others."""
    kept = fitted["pitch"]["statements"]
    if len(kept) == len(before["pitch"]["statements"]) or not fitted["pitch"]["conversions"]:
        return fitted
    shown = {(s["impact"], s["objective_id"]) for s in kept}
    statements = [s for s in shown_statements(pitch) if (s.impact.id, s.objective.id) in shown]
    notes = conversion_notes(statements, pitch, lang)
    return {**fitted, "pitch": {**fitted["pitch"], "conversions": notes}}
