"""Figures far outside their measure's others: a typo, most likely (1,740 typed for 174).

A progress log's figure more than three times the largest of its measure's
others (with its baseline and target), or under a third of the smallest, is
named where it is written: a spreadsheet's cell, or the facts file's
``updates[].measures`` at its ``file:line:col``. It is still used as it
stands; ``update`` says so again beside "Wrote ...". Kept apart from the
spreadsheet reader so a brief whose facts file holds the log loads only this.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from pitchkit.errors import PitchkitError
from pitchkit.facts.schema import Facts, Impact, logged_factor
from pitchkit.i18n import fmt
from pitchkit.i18n.messages import Located, Message, Renderable, Worded
from pitchkit.i18n.translation import N_
from pitchkit.period import Period, parse_period

if TYPE_CHECKING:
    from pitchkit.facts.project import Project
    from pitchkit.i18n.translation import Language
    from pitchkit.notes.update.measuresheet import MeasureSheet

#: A figure more than this many times the largest of its measure's other figures (with
#: its baseline and target), or under the smallest divided by it, is named as a likely typo.
FAR_OUTSIDE = 3


_ABOVE = N_(
    "{figure} for {measure} in {period} is more than 3 times the largest of its "
    "other figures, baseline and target ({other}): a typo? It is used as it stands"
)
_BELOW = N_(
    "{figure} for {measure} in {period} is under a third of the smallest of its "
    "other figures, baseline and target ({other}): a typo? It is used as it stands"
)


_USED_IN_SHEET = N_(
    "the update uses {figure} for {measure} in {period} as it stands. If it is a typo, "
    "correct the cell and run update again with --force to replace the update."
)
_USED_IN_FACTS = N_(
    "the update uses {figure} for {measure} in {period} as it stands. If it is a typo, "
    "correct it in the facts file and run update again with --force to replace the update."
)


def used_far_outside(warnings: Iterable[object], when: Period) -> list[Located]:
    """For an update of ``when``: each of :func:`far_outside`'s figures that it prints.

    The warning comes when the spreadsheet is read, before anything else is
    said; said again last, beside "Wrote ...", with what to do, the lead
    sees that 1,740 admissions typed for 174 went to the sponsor (newuser29 #2).
    """
    found: list[Located] = []
    for warning in warnings:
        if not isinstance(warning, Located) or not isinstance(warning.message, Message):
            continue
        if warning.message.text not in (_ABOVE, _BELOW):
            continue
        period = warning.message.args["period"]
        try:
            start = parse_period(str(getattr(period, "value", period))).start
        except PitchkitError:
            continue
        if when.start <= start <= when.end:
            args = warning.message.args
            # A cell is named as a Message ("row 3: column ..."); the facts file as file:line:col.
            text = _USED_IN_FACTS if isinstance(warning.where, str) else _USED_IN_SHEET
            found.append(
                Located(
                    warning.where,
                    Message(text, figure=args["figure"], measure=args["measure"], period=period),
                )
            )
    return found


#: Where ``updates[entry].measures[impact]`` is written in the facts file (``file:line:col``).
FactsPlace = Callable[[int, str], str]


def far_outside(
    facts: Facts, sheet: MeasureSheet | None, place: FactsPlace | None = None
) -> list[Located]:
    """A warning for each figure far outside the rest of its measure's: a typo, most likely.

    2310 typed for 231 in a log whose other figures run from 262 to 441
    (baseline 420, target 150) passed without a word (newuser27 #6). A figure
    more than :data:`FAR_OUTSIDE` times the largest of the measure's other
    figures, its baseline and its target, or under a third of the smallest of
    them, is named at its row and column; it is still used as it stands. Only
    figures for periods of the same length are compared (a quarter's total is
    not a month's), the baseline and target only when the period is the one
    they are given for; a measure with a figure, baseline or target of zero or
    below is not checked on the low side, nor one of fewer than three figures
    besides its baseline and target.

    The spreadsheet's figures are checked, and with ``place`` the facts file's
    ``updates[].measures`` too, named at their ``file:line:col``: 1,740 typed
    there is as likely a slip as in a cell. Where both give a figure for the
    same period and measure, the facts file's is the one compared, as it is
    the one used.
    """
    from pitchkit.i18n.messages import Worded
    from pitchkit.period import PER_MONTHS

    impacts = {impact.id: impact for impact in facts.impacts}
    series: dict[tuple[str, float], dict[str, float]] = {}

    def months(period: str) -> float | None:
        try:
            return parse_period(period).months
        except PitchkitError:
            return None

    def add(impact_id: str, period: str, value: float | None) -> None:
        length = months(period)
        if value is None or length is None or impact_id not in impacts:
            return
        scaled = value * logged_factor(impacts[impact_id], period)
        series.setdefault((impact_id, length), {}).setdefault(period, scaled)

    # Each figure to check: its measure, period, figure as written and where it is written.
    checked: list[tuple[str, str, float, Renderable | str]] = []
    for entry, update in enumerate(facts.updates):
        for impact_id, value in update.measures.items():
            add(impact_id, update.period, value)
            if place is not None and value is not None:
                checked.append((impact_id, update.period, value, place(entry, impact_id)))
    for figure in sheet.figures if sheet is not None else ():
        add(figure.impact, figure.period, figure.value)
        if figure.value is not None and sheet is not None:
            from pitchkit.facts.tabular import cell_place  # only with a spreadsheet

            cell = cell_place(sheet.path, figure.row, figure.column)
            checked.append((figure.impact, figure.period, figure.value, cell))
    found: list[Located] = []
    for impact_id, written, figure_value, where in checked:
        impact = impacts.get(impact_id)
        length = months(written)
        if impact is None or length is None:
            continue
        values = series.get((impact.id, length), {})
        others = [value for period, value in values.items() if period != written]
        if len(others) < 3:
            continue
        if impact.per is None or PER_MONTHS[impact.per] == length:
            others += [float(impact.baseline), float(impact.target)]
        factor = logged_factor(impact, written)
        value = figure_value * factor
        largest, smallest = max(others), min(others)
        shown = {
            "figure": Worded(fmt.number, figure_value),
            "measure": impact.id,
            "period": Worded(fmt.period_label, written),
        }
        if largest > 0 and value > FAR_OUTSIDE * largest:
            message = Message(_ABOVE, other=Worded(fmt.number, largest / factor), **shown)
        elif smallest > 0 and 0 <= value < smallest / FAR_OUTSIDE:
            message = Message(_BELOW, other=Worded(fmt.number, smallest / factor), **shown)
        else:
            continue
        found.append(Located(where, message))
    return found


def facts_place(project: Project) -> FactsPlace:
    """Where ``project``'s facts file writes ``updates[entry].measures[impact]``."""
    source = project.loaded.source
    return lambda entry, impact: source.where(("updates", entry, "measures", impact))


# --- a baseline or target far from the log's own figures before the change ------------

#: Ratios a slip of the keyboard makes: a nought too many or too few.
_TYPO_FACTORS = (10.0, 100.0, 1000.0)
#: How far from a typo's factor a ratio may be and still be named (3,446 a year in the log
#: against 34,200 is 9.9 times; an honest difference is seldom near a power of ten).
_TYPO_SLACK = 1.35
#: The same for a rate written for one length but given ``per:`` another (a month's figure
#: with ``per: year`` is a twelfth): ratios of 4 or more only, as 2 or 3 may be honest.
_PER_SLACK = 1.12

_BASELINE_TYPO = N_(
    "{field} {figure} is about {factor} times the log's average before the change "
    "({first} to {last}: {average}): a typo? It is used as it stands"
)
_BASELINE_TYPO_BELOW = N_(
    "{field} {figure} is far below the log's average before the change "
    "({first} to {last}: {average}), which is about {factor} times as much: a typo? "
    "It is used as it stands"
)
_BASELINE_PER = N_(
    "{field} {figure} is about {factor} times the log's average before the change "
    "({first} to {last}: {average}): is it a figure {written}, not {per}? "
    "Check the impact's 'per:'"
)
_BASELINE_PER_BELOW = N_(
    "{field} {figure} is far below the log's average before the change "
    "({first} to {last}: {average}), which is about {factor} times as much: is it a "
    "figure {written}, not {per}? "
    "Check the impact's 'per:'"
)

#: Where ``impacts[index].field`` is written in the facts file (``file:line:col``).
FieldPlace = Callable[[int, str], str]


def _per_words(per: str, lang: Language) -> str:
    from pitchkit.notes.wording import PER_WORDS

    return lang.gettext(PER_WORDS[per])


def _rate(value: tuple[float, str, str | None], lang: Language) -> str:
    """``34,200 bed days a year``; ``14%`` for a level."""
    figure, unit, per = value
    text = fmt.quantity(figure, unit, lang)
    return f"{text} {_per_words(per, lang)}" if per else text


def _near(ratio: float, factor: float, slack: float) -> bool:
    return factor / slack <= ratio <= factor * slack


def _named_factor(ratio: float, per: str | None) -> tuple[float, str | None] | None:
    """The typo's factor ``ratio`` is near (above 1), with the ``per`` it suggests, if any."""
    from pitchkit.period import PER_MONTHS

    above = ratio if ratio >= 1 else 1 / ratio
    found: list[tuple[float, float, str | None]] = []
    for factor in _TYPO_FACTORS:
        if _near(above, factor, _TYPO_SLACK):
            found.append((abs(math.log(above / factor)), factor, None))
    if per is not None:
        for other, months in PER_MONTHS.items():
            # Baseline ``ratio`` times the log: as written for ``other`` but given ``per``.
            factor = months / PER_MONTHS[per] if ratio >= 1 else PER_MONTHS[per] / months
            if other != per and factor >= 4 and _near(above, factor, _PER_SLACK):
                found.append((abs(math.log(above / factor)), factor, other))
    if not found:
        return None
    _, factor, meant = min(found, key=lambda each: each[0])
    return factor, meant


def far_from_log(facts: Facts, place: FieldPlace) -> list[Located]:
    """A warning for each baseline (or target) a typo's factor away from the log before the change.

    ``baseline: 34200`` typed for 3,420 bed days a year reached every note
    ("£14,306,000 a year in capacity") though the log's six months before the
    change averaged 287 a month, 3,446 a year (newuser38 #1). The log's
    figures before the change (each period ending before the impact's
    ``changed``, else the project's start) are averaged as a rate ``per`` the
    impact's length (a level as they are); a baseline about 10, 100 or 1,000
    times that average, or that fraction of it, is named at its
    ``file:line:col``, as is one about 12 times (or a twelfth, or another
    ratio of 4 or more between two lengths) when the impact has ``per:``: a
    month's figure given ``per: year``. An honest difference (an audit's
    count against the log's, a pilot's wards against the trust's) is seldom
    near a power of ten, and is not named. A target is named only when the
    impact says which way is ``better`` and the target is on the worse side
    of the log's average by such a factor. At least two figures before the
    change are needed, and both numbers must be above zero.
    """
    from pitchkit.period import PER_MONTHS

    found: list[Located] = []
    for index, impact in enumerate(facts.impacts):
        if impact.balancing:
            continue
        before = _before_change(facts, impact)
        if len(before) < 2:
            continue
        if impact.per is None:
            average = sum(value for _, value in before) / len(before)
        else:
            length = PER_MONTHS[impact.per]
            average = sum(value / period.months * length for period, value in before) / len(before)
        if average <= 0:
            continue
        before.sort()
        checked = [("baseline", float(impact.baseline))]
        if impact.better is not None:
            worse = impact.target > average if impact.better == "lower" else impact.target < average
            if worse:
                checked.append(("target", float(impact.target)))
        for name, figure in checked:
            if figure <= 0:
                continue
            named = _named_factor(figure / average, impact.per)
            if named is None:
                continue
            factor, meant = named
            shown: dict[str, object] = {
                "field": f"impacts[{index}].{name}",
                "figure": Worded(_rate, (figure, impact.unit, impact.per)),
                "factor": Worded(fmt.number, round(factor)),
                "average": _average_words(before, average, impact.unit, impact.per),
                "first": Worded(fmt.period_label, before[0][0].text),
                "last": Worded(fmt.period_label, before[-1][0].text),
            }
            kinds = (_BASELINE_TYPO, _BASELINE_TYPO_BELOW, _BASELINE_PER, _BASELINE_PER_BELOW)
            message = _far_message(kinds, figure > average, meant, impact.per, shown)
            found.append(Located(place(index, name), message))
    return found


def _before_change(facts: Facts, impact: Impact) -> list[tuple[Period, float]]:
    """The log's figures for ``impact`` in periods that end before its change."""
    change = impact.changed[0] if impact.changed else facts.project.start
    before: list[tuple[Period, float]] = []
    for written, value in _logged(facts, impact.id).items():
        if value is None:
            continue
        try:
            period = parse_period(written)
        except PitchkitError:
            continue
        if change is not None and period.end < change:
            before.append((period, float(value)))
    return before


# --- a baseline far from the figure the evidence or the problem quotes --------------------

_QUOTED_TYPO = N_(
    "{field} {figure} is about {factor} times the {quoted} quoted in {text} ({where}): "
    "a typo? It is used as it stands"
)
_QUOTED_TYPO_BELOW = N_(
    "{field} {figure} is far below the {quoted} quoted in {text} ({where}), which is about "
    "{factor} times as much: a typo? It is used as it stands"
)
_QUOTED_PER = N_(
    "{field} {figure} is about {factor} times the {quoted} quoted in {text} ({where}): "
    "is it a figure {written}, not {per}? Check the impact's 'per:'"
)
_QUOTED_PER_BELOW = N_(
    "{field} {figure} is far below the {quoted} quoted in {text} ({where}), which is about "
    "{factor} times as much: is it a figure {written}, not {per}? Check the impact's 'per:'"
)
#: The texts a figure may be quoted in, and what the warning calls each.
_QUOTING = {"problem": N_("the problem"), "evidence": N_("the evidence")}
#: A figure as people write it: ``3,420``, ``3420``, ``4.6``.
_FIGURE = r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?"
#: The length a quoted figure is counted over, after its unit and within its clause: ``a
#: year``, ``per month``; ``4,800 attendances and 1,400 emergency admissions a year``.
_QUOTED_PER_WORDS = re.compile(
    r"(?:(?!\.\s)[^;:!?\n]){0,60}?"
    r"(?:\s(?:a|an|per|each|every|in\s+a)\s+|\s*/\s*)(year|quarter|month|week|day)\b",
    re.IGNORECASE,
)
#: The words between a unit and its length that let the quote run on to it (`` a ``, ``/``).
_CONNECTOR = re.compile(r"\s(?:a|an|per|each|every|in\s+a)\s+|\s*/\s*", re.IGNORECASE)
#: How near a quoted figure must be to the baseline to bear it out, so nothing is named.
_AGREES = 1.35


def _quoted(text: str, unit: str) -> list[tuple[float, str | None, str]]:
    """Each figure ``text`` writes in ``unit``: its value, the length it is per, its words."""
    words = unit.strip().split()
    if not words:
        return []
    last = re.escape(words[-1].removesuffix("s"))
    head = r"\s+".join(re.escape(word) for word in words[:-1])
    name = (head + r"\s+" if head else "") + last + r"s?"
    pattern = re.compile(_FIGURE + r"\s+" + name + r"\b", re.IGNORECASE)
    found: list[tuple[float, str | None, str]] = []
    for match in pattern.finditer(text):
        value = float(match.group(1).replace(",", "") + (match.group(2) or ""))
        per = _QUOTED_PER_WORDS.match(text, match.end())
        # Quoted as written to its unit, and its length when that follows at once.
        gap = text[match.end() : per.start(1)] if per else ""
        end = per.end() if per and _CONNECTOR.fullmatch(gap) else match.end()
        found.append((value, per.group(1).lower() if per else None, text[match.start() : end]))
    return found


def far_from_quoted(
    facts: Facts, place: FieldPlace, where: Callable[[tuple[str | int, ...]], str]
) -> list[Located]:
    """A warning for each baseline a typo's factor from the figure the facts' own words quote.

    Without a log, ``baseline: 34200`` reached every note though the evidence
    two dozen lines above says "3,420 bed days a year" (newuser38 #1). Each
    figure the problem or the evidence writes in the impact's unit (``3,420
    bed days``, with ``a year`` or ``per month`` after it, else counted per the
    impact's own length) is set against the baseline. When none bears it out
    (within ×/÷1.35) and one is about 10, 100 or 1,000 times it, or that
    fraction (or a ratio between two lengths, with ``per:``), the baseline is
    named at its ``file:line:col``, as :func:`far_from_log` names it, with the
    figure and where it is written. An impact the log itself has two figures for
    before the change is left to :func:`far_from_log`, so it is named once.
    A percentage is left alone: a text quotes many, of other things.
    """
    from pitchkit.period import PER_MONTHS

    texts: list[tuple[str, tuple[str | int, ...], str]] = []
    if facts.project.problem:
        texts.append(("problem", ("project", "problem"), facts.project.problem))
    texts += [
        ("evidence", ("project", "evidence", i), line)
        for i, line in enumerate(facts.project.evidence)
    ]
    found: list[Located] = []
    for index, impact in enumerate(facts.impacts):
        baseline = float(impact.baseline)
        if impact.balancing or baseline <= 0 or "%" in impact.unit:
            continue
        if len(_before_change(facts, impact)) >= 2:
            continue
        quoted: list[tuple[float, str, tuple[str | int, ...], str]] = []
        for kind, loc, text in texts:
            for value, per, words in _quoted(text, impact.unit):
                if value <= 0:
                    continue
                if per is not None and impact.per is not None:
                    value = value / PER_MONTHS[per] * PER_MONTHS[impact.per]
                quoted.append((value, kind, loc, words))
        if not quoted or any(1 / _AGREES <= baseline / value <= _AGREES for value, *_ in quoted):
            continue
        named = [
            (abs(math.log(baseline / value)), value, kind, loc, words, typo)
            for value, kind, loc, words in quoted
            if (typo := _named_factor(baseline / value, impact.per)) is not None
        ]
        if not named:
            continue
        _, value, kind, loc, words, (factor, meant) = min(named, key=lambda each: each[0])
        shown: dict[str, object] = {
            "field": f"impacts[{index}].baseline",
            "figure": Worded(_rate, (baseline, impact.unit, impact.per)),
            "factor": Worded(fmt.number, round(factor)),
            "quoted": Worded(_as_written, words),
            "text": Message(_QUOTING[kind]),
            "where": where(loc),
        }
        kinds = (_QUOTED_TYPO, _QUOTED_TYPO_BELOW, _QUOTED_PER, _QUOTED_PER_BELOW)
        message = _far_message(kinds, baseline > value, meant, impact.per, shown)
        found.append(Located(place(index, "baseline"), message))
    return found


def _far_message(
    kinds: tuple[str, str, str, str],
    above: bool,
    meant: str | None,
    per: str | None,
    shown: dict[str, object],
) -> Message:
    """The warning of a figure far from another: a typo's factor, or a period misread.

    ``kinds`` are the messages for a figure above, below, and (with ``meant``,
    the period the figure reads as written for) above and below when the
    figure looks like one of another period.
    """
    typo, typo_below, other_per, other_per_below = kinds
    if meant is None:
        return Message(typo if above else typo_below, **shown)
    return Message(
        other_per if above else other_per_below,
        written=Worded(_per_words, meant),
        per=Worded(_per_words, per),
        **shown,
    )


def _as_written(words: str, lang: Language) -> str:
    """A figure quoted from the lead's own text, as they wrote it (one line)."""
    return " ".join(words.split())


def _logged(facts: Facts, impact_id: str) -> dict[str, float | None]:
    """Each period's figure for ``impact_id``: the facts file's, else the spreadsheet's."""
    logged = {
        period: values[impact_id] for period, values in facts.figures.items() if impact_id in values
    }
    for update in facts.updates:
        if impact_id in update.measures:
            logged[update.period] = update.measures[impact_id]
    return logged


def _average_words(
    before: list[tuple[Period, float]], average: float, unit: str, per: str | None
) -> Renderable:
    """``287.2 a month, 3,446 a year``: the log's average as logged, then as the impact's rate."""
    from pitchkit.i18n.messages import Joined

    if per is None:
        return Worded(_rate, (average, unit, None))
    kinds = {period.kind for period, _ in before}
    kind = next(iter(kinds)) if len(kinds) == 1 else per
    if kind == per:
        return Worded(_rate, (average, unit, per))
    from pitchkit.period import PER_MONTHS

    logged = average * PER_MONTHS[kind] / PER_MONTHS[per]
    return Joined(
        [Worded(_rate, (round(logged, 1), unit, kind)), Worded(_rate, (round(average), "", per))],
        ", ",
    )


def text_place(project: Project) -> Callable[[tuple[str | int, ...]], str]:
    """Where ``project``'s facts file writes the field at a path (``project.evidence[1]``)."""
    source = project.loaded.source
    return lambda loc: source.where(loc)


def fields_place(project: Project) -> FieldPlace:
    """Where ``project``'s facts file writes ``impacts[index].field``."""
    source = project.loaded.source
    return lambda index, name: source.where(("impacts", index, name))
