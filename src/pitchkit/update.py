"""The follow-up progress update for one director, or its fill-in template.

``make_update(project, director)`` takes the latest entry of the progress
log (or the period asked for), works out where each measure stands
(:mod:`pitchkit.progress`), what the project has delivered toward this
director's objectives (:mod:`pitchkit.recast`), draws a chart for each
measure with enough points (:mod:`pitchkit.charts`), and fills the update
template. With no entry for the period it makes a fill-in template instead:
everything known filled in, and a short prompt in square brackets wherever
the team still has to write something.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from babel.dates import format_skeleton

from pitchkit import charts, fmt, wording
from pitchkit.context import Context, brief_context
from pitchkit.facts import Director, Facts, Impact, Settings, Update
from pitchkit.i18n import N_, Language
from pitchkit.lenstext import localise_pitch
from pitchkit.notes import Project, builtin_template, properties
from pitchkit.output import safe_stem
from pitchkit.progress import (
    MeasureProgress,
    Period,
    Series,
    measure_progress,
    next_update_date,
    parse_period,
    period_at,
    previous_score,
    scale,
    series,
)
from pitchkit.recast import Pitch, Quantity, Statement, recast, share_of_target
from pitchkit.render import Picture, render

#: At most this many charts, so the update stays within two pages.
MAX_CHARTS = 3
#: Longer lists of periods with no figure are counted rather than named.
MAX_LISTED_GAPS = 3
PLURALS = {
    "month": N_("months"),
    "quarter": N_("quarters"),
    "year": N_("years"),
    "period": N_("periods"),
}
#: At most this many rows of delivery toward the director's objectives.
MAX_DELIVERED = 4
CHART_WIDTH_CM = 16.5
CHART_HEIGHT_CM = 4.3

STATUS_WORDS = {
    "green": N_("Green: on track"),
    "amber": N_("Amber: some risk, being managed"),
    "red": N_("Red: off track, your help needed"),
}
#: Cell shading for each status: mid tones, so black words stay readable.
STATUS_COLOURS = {"green": "7BC47F", "amber": "FFC845", "red": "F28B82", "": "E8EDEE"}

#: The IHI project progress scale, in pitchkit's own words.
SCORE_MEANINGS = {
    0.5: N_("intends to take part"),
    1.0: N_("charter agreed and team formed"),
    1.5: N_("planning under way"),
    2.0: N_("work started, no changes tested yet"),
    2.5: N_("changes tested, no improvement yet"),
    3.0: N_("modest improvement"),
    3.5: N_("improvement in the measures"),
    4.0: N_("significant improvement"),
    4.5: N_("improvement sustained"),
    5.0: N_("outstanding results, sustained"),
}


@dataclass(frozen=True)
class UpdateInfo:
    """What :func:`make_update` made: for which period, and whether it is to be filled in."""

    period: str
    period_label: str
    fill_in: bool
    charts: int
    pitch: Pitch


@dataclass(frozen=True)
class Situation:
    """Everything the update is worked out from."""

    facts: Facts
    pitch: Pitch
    period: Period
    entry: Update | None
    run: Series
    progress: tuple[MeasureProgress, ...]
    lang: Language

    @property
    def fill_in(self) -> bool:
        """Whether there is no log entry for the period, so the team fills it in."""
        return self.entry is None

    @property
    def terms(self) -> dict[str, str]:
        """The director's own words."""
        return dict(self.pitch.director.terms)


# ---------------------------------------------------------------- the document


def make_update(
    project: Project,
    director: Director,
    *,
    period: str | None = None,
    template: Path | None = None,
    today: dt.date | None = None,
) -> tuple[bytes, UpdateInfo]:
    """Render the progress update for ``director``: for ``period``, or the latest logged.

    A period with no entry in the log (or an empty log) gives the fill-in
    template. Raises :class:`~pitchkit.errors.InputError` for a period that
    is not written as YYYY-MM, YYYY-Qn or YYYY.
    """
    today = today or dt.date.today()
    situation = situate(project.facts, director, project.lang, period=period, today=today)
    context = update_document_context(situation, today=today)
    source: Path | bytes = template if template is not None else builtin_template("update")
    data = render(
        source,
        context,
        lang=project.lang,
        properties=properties(situation.pitch, project.lang, "update", today),
    )
    info = UpdateInfo(
        period=situation.period.text,
        period_label=context["update"]["period_label"],
        fill_in=situation.fill_in,
        charts=len(context["update"]["charts"]),
        pitch=situation.pitch,
    )
    return data, info


def update_file_name(facts: Facts, director: Director, period: str, lang: Language) -> str:
    """A safe file name such as ``Frailty virtual ward - update 2028-03 - Helen Marsh.docx``."""
    label = lang.gettext("update")
    stem = safe_stem(
        f"{facts.project.title} - {label} {period} - {director.name}",
        fallback=f"update-{period}-{director.id}",
    )
    return f"{stem}.docx"


def chosen_period(facts: Facts, period: str | None, today: dt.date) -> Period:
    """The period asked for, or by default the latest logged (see :func:`default_period`)."""
    return parse_period(period) if period else default_period(facts, today)


def situate(
    facts: Facts, director: Director, lang: Language, *, period: str | None, today: dt.date
) -> Situation:
    """Choose the period and work out the progress of every measure up to it."""
    chosen = chosen_period(facts, period, today)
    entry = next((u for u in facts.updates if u.period == chosen.text), None)
    run = series(facts.updates, until=chosen)
    return Situation(
        facts=facts,
        pitch=localise_pitch(recast(facts, director), lang),
        period=chosen,
        entry=entry,
        run=run,
        progress=tuple(measure_progress(i, run) for i in facts.impacts),
        lang=lang,
    )


def default_period(facts: Facts, today: dt.date) -> Period:
    """The latest logged period; with no log, the last full period before ``today``.

    Never earlier than the period the project starts in.
    """
    if facts.updates:
        return max(parse_period(u.period) for u in facts.updates)
    kind = facts.settings.cadence or "month"
    current = period_at(today, kind)
    previous = period_at(current.start - dt.timedelta(days=1), kind)
    start = facts.project.start
    if start is not None and previous.end < start:
        return period_at(start, kind)
    return previous


def update_document_context(situation: Situation, *, today: dt.date) -> Context:
    """Every variable the update template sees: the brief's, with ``update`` filled."""
    context = brief_context(situation.pitch, situation.lang, today=today)
    context["update"] = update_context(situation)
    return context


def update_context(situation: Situation) -> Context:
    """The ``update`` variable: period, status, measures, delivery, charts and next steps."""
    lang, entry, period = situation.lang, situation.entry, situation.period
    label = fmt.period_label(period.text, lang)
    context: Context = {
        "period": period.text,
        "period_label": label,
        "fill_in": situation.fill_in,
        "date": entry.date if entry else None,
        "status": status_context(entry, lang),
        "headline": headline(situation),
        "measures": [measure_row(p, situation) for p in situation.progress],
        "missing": missing_notes(situation),
        "delivered": delivered_rows(situation),
        "board_sentence": board_sentence_text(situation),
        "score": score_context(situation),
        "next_update": next_update_text(situation),
    }
    context.update(log_parts(situation))
    context.update(chart_context(situation))
    return context


def prompt(text: str) -> str:
    """A part for the team to write, shown in square brackets."""
    return f"[{text}]"


# ---------------------------------------------------------------- status and headline


def status_context(entry: Update | None, lang: Language) -> Context:
    """The RAG status as a word, a phrase and a cell colour."""
    if entry is None:
        return {
            "word": "",
            "text": prompt(lang.gettext("Green, amber or red, and why in a few words")),
            "colour": STATUS_COLOURS[""],
        }
    return {
        "word": entry.status,
        "text": lang.gettext(STATUS_WORDS[entry.status]),
        "colour": STATUS_COLOURS[entry.status],
    }


def headline(situation: Situation) -> str:
    """The period's news in one sentence: the logged summary, or a prompt for it."""
    entry = situation.entry
    if entry is not None and entry.summary:
        return wording.apply_terms(entry.summary.rstrip(".") + ".", situation.terms)
    if entry is not None:
        return situation.lang.gettext("Progress this period is set out below.")
    return prompt(
        situation.lang.gettext("One sentence: the most important news of this period for you")
    )


def log_parts(situation: Situation) -> Context:
    """Done, next, barriers, asks and advice: as logged, or prompts to fill in."""
    lang, entry = situation.lang, situation.entry
    if entry is None:
        return {
            "done": [prompt(lang.gettext("What the team did this period: two to four points"))],
            "next": [prompt(lang.gettext("What happens next period"))],
            "barriers": [
                prompt(lang.gettext("Any barrier the team cannot remove alone, or 'none'"))
            ],
            "asks": [prompt(lang.gettext("What exactly you would like the sponsor to do"))],
            "advice": [prompt(lang.gettext("A question on which you would value their advice"))],
            "no_barriers": "",
        }
    terms = situation.terms
    barriers = [wording.apply_terms(b, terms) for b in entry.barriers]
    asks = [wording.apply_terms(a, terms) for a in entry.asks]
    return {
        "done": [wording.apply_terms(d, terms) for d in entry.done],
        "next": [wording.apply_terms(n, terms) for n in entry.next],
        "barriers": barriers,
        "asks": asks,
        "advice": [wording.apply_terms(a, terms) for a in entry.advice],
        "no_barriers": (
            lang.gettext("Nothing needs your help this period: thank you for your support.")
            if not barriers and not asks
            else ""
        ),
    }


def next_update_text(situation: Situation) -> str:
    """The date of the next update, from the log or the cadence."""
    due = next_update_date(situation.entry, situation.period, situation.facts.settings.cadence)
    return fmt.date(due, situation.lang)


# ---------------------------------------------------------------- measures


def amount_text(value: float, impact: Impact, lang: Language) -> str:
    """A value in the impact's unit, with the period it covers for a rate."""
    return fmt.quantity(value, impact.unit, lang)


def measure_row(progress: MeasureProgress, situation: Situation) -> Context:
    """One row of the progress table: baseline, target, latest, how far along, direction."""
    lang, impact = situation.lang, progress.impact
    scale_at = progress.latest.period if progress.latest else situation.period
    per = per_period_words(scale_at, lang) if impact.per else ""
    baseline = scale(impact.baseline, impact, scale_at)
    target = scale(impact.target, impact, scale_at)
    row: Context = {
        "id": impact.id,
        "measure": wording.apply_terms(impact.measure, situation.terms),
        "baseline_text": f"{amount_text(baseline, impact, lang)} {per}".strip(),
        "target_text": f"{amount_text(target, impact, lang)} {per}".strip(),
        "latest_text": latest_text(progress, lang),
        "along_text": along_text(progress, lang),
        "direction_text": direction_text(progress, lang),
        "missing_text": missing_text(progress, lang),
    }
    if situation.fill_in:
        row["latest_text"] = prompt(
            lang.gettext("figure for {period}").format(
                period=fmt.period_label(situation.period.text, lang)
            )
        )
        last = latest_text(progress, lang)
        row["along_text"] = (
            lang.gettext("Last known: {value}").format(value=last)
            + (f"; {along_text(progress, lang)}" if progress.latest else "")
            if progress.latest
            else lang.gettext("No figures logged yet")
        )
        row["direction_text"] = prompt(lang.gettext("improving, worsening or no change"))
    return row


def per_period_words(period: Period, lang: Language) -> str:
    """``a month``, ``a quarter`` or ``a year``: the length a rate is shown for."""
    return wording.per_phrase(period.kind, lang)


def latest_text(progress: MeasureProgress, lang: Language) -> str:
    """``81 admissions (March 2028)``; or that there is no figure yet."""
    latest = progress.latest
    if latest is None or latest.value is None:
        return lang.gettext("no figure yet")
    return lang.gettext("{value} ({period})").format(
        value=amount_text(latest.value, progress.impact, lang),
        period=fmt.period_label(latest.period.text, lang),
    )


def along_text(progress: MeasureProgress, lang: Language) -> str:
    """How far from baseline to target the latest value has come, in words."""
    fraction = progress.fraction
    if progress.latest is None:
        return ""
    if fraction is None:
        return lang.gettext("no target change set")
    if fraction >= 1:
        return lang.gettext("target met")
    if fraction <= 0:
        return lang.gettext("not yet better than baseline")
    return lang.gettext("{share} of the way to target").format(share=fmt.percent(fraction, lang))


DIRECTION_WORDS = {
    "improving": N_("improving"),
    "worsening": N_("worsening"),
    "no change": N_("no change"),
}


def direction_text(progress: MeasureProgress, lang: Language) -> str:
    """``improving`` / ``worsening`` / ``no change`` since the previous figure."""
    if progress.direction is None:
        return lang.gettext("first figure") if progress.latest else ""
    return lang.gettext(DIRECTION_WORDS[progress.direction])


def missing_text(progress: MeasureProgress, lang: Language) -> str:
    """``no figure for August 2027`` when periods lack a value; else empty."""
    if not progress.missing or progress.latest is None:
        return ""
    missing = progress.missing
    if len(missing) > MAX_LISTED_GAPS:
        kinds = {p.kind for p in missing}
        kind = kinds.pop() if len(kinds) == 1 else "period"
        return lang.gettext("no figure for {missing} of the {total} {periods} logged").format(
            missing=len(missing), total=len(progress.points), periods=lang.gettext(PLURALS[kind])
        )
    labels = [fmt.period_label(p.text, lang) for p in missing]
    return lang.gettext("no figure for {periods}").format(periods=fmt.join_list(labels, lang))


def missing_notes(situation: Situation) -> list[str]:
    """One plain sentence per measure with missing periods, saying they are not zero."""
    notes: list[str] = []
    lang = situation.lang
    for progress in situation.progress:
        text = missing_text(progress, lang)
        if not text:
            continue
        measure = wording.apply_terms(progress.impact.measure, situation.terms)
        if progress.is_rate:
            note = lang.gettext(
                "{measure}: {missing}, so totals to date leave it out rather than count it as zero."
            )
        else:
            note = lang.gettext("{measure}: {missing}; gaps are left blank, not taken as zero.")
        notes.append(note.format(measure=measure, missing=text))
    return notes


# ---------------------------------------------------------------- delivery


def progress_for(situation: Situation, impact_id: str) -> MeasureProgress:
    """The progress of the impact with ``impact_id``."""
    return next(p for p in situation.progress if p.impact.id == impact_id)


def chosen_statements(pitch: Pitch) -> list[tuple[Impact, list[Statement]]]:
    """Each linked impact once, strongest first, with the objectives it serves."""
    grouped: dict[str, list[Statement]] = {}
    for statement in pitch.statements:
        grouped.setdefault(statement.impact.id, []).append(statement)
    ordered = sorted(grouped.values(), key=lambda group: -group[0].rank)
    return [(group[0].impact, group) for group in ordered][:MAX_DELIVERED]


def delivered_rows(situation: Situation) -> list[Context]:
    """What the project has delivered toward this director's objectives, impact by impact."""
    rows: list[Context] = []
    for impact, statements in chosen_statements(situation.pitch):
        progress = progress_for(situation, impact.id)
        if progress.latest is None:
            continue
        rows.append(
            {
                "measure": wording.apply_terms(impact.measure, situation.terms),
                "objectives": [s.objective.text for s in statements[:2]],
                "objectives_text": "; ".join(s.objective.text for s in statements[:2]),
                "text": delivered_text(progress, situation),
                "money": progress.delivered_money,
                "money_text": delivered_money_text(progress, situation.lang),
                "share_text": share_text(progress, statements, situation.lang),
            }
        )
    return rows


def span_text(progress: MeasureProgress, lang: Language) -> str:
    """``January 2027 to March 2028``: the periods the figures cover."""
    periods = progress.with_data
    first = fmt.period_label(periods[0].text, lang)
    last = fmt.period_label(periods[-1].text, lang)
    if first == last:
        return first
    return lang.gettext("{first} to {last}").format(first=first, last=last)


def counted_amount(value: float, impact: Impact, lang: Language) -> str:
    """``282 admissions``, ``£4,000`` or ``1 fall``: an amount in the impact's unit."""
    return fmt.quantity(round(abs(value)), impact.unit, lang)


def delivered_text(progress: MeasureProgress, situation: Situation) -> str:
    """The cumulative (rate) or current (level) difference from baseline, in words."""
    lang, impact = situation.lang, progress.impact
    if progress.delivered is not None:
        size = counted_amount(progress.delivered, impact, lang)
        span = span_text(progress, lang)
        if progress.delivered > 0:
            better = (
                lang.gettext("{amount} fewer than at the baseline rate, {span}")
                if impact.direction == "lower"
                else lang.gettext("{amount} more than at the baseline rate, {span}")
            )
        elif progress.delivered < 0:
            better = (
                lang.gettext("{amount} more than at the baseline rate so far, {span}")
                if impact.direction == "lower"
                else lang.gettext("{amount} fewer than at the baseline rate so far, {span}")
            )
        else:
            better = lang.gettext("the same as the baseline rate so far, {span}")
        return better.format(amount=size, span=span)
    latest = progress.latest
    assert latest is not None
    assert latest.value is not None
    return lang.gettext(
        "now {latest}, against a baseline of {baseline} and a target of {target}"
    ).format(
        latest=amount_text(latest.value, impact, lang),
        baseline=amount_text(impact.baseline, impact, lang),
        target=amount_text(impact.target, impact, lang),
    )


def delivered_money_text(progress: MeasureProgress, lang: Language) -> str:
    """``worth £448,000``, where the delivery has a positive money value."""
    money = progress.delivered_money
    if money is None or money <= 0:
        return ""
    return lang.gettext("worth {money}").format(money=fmt.money(money, lang))


def share_text(progress: MeasureProgress, statements: list[Statement], lang: Language) -> str:
    """``about 3% of your £14m target``, where an objective's target is in the same terms."""
    if progress.delivered is None or progress.delivered <= 0:
        return ""
    for statement in statements:
        target = statement.objective.target
        if target is None:
            continue
        delivered = _delivered_quantity(statement, progress)
        share = share_of_target(delivered, statement.objective)
        if share is not None:
            return lang.gettext("about {share} of your {target} target").format(
                share=fmt.percent(share, lang),
                target=fmt.quantity(target.value, target.unit, lang),
            )
    return ""


def _delivered_quantity(statement: Statement, progress: MeasureProgress) -> Quantity:
    """The statement's quantity with the gain replaced by what has been delivered."""
    delivered = progress.delivered or 0.0
    return replace(
        statement.quantity,
        per=None,
        gain=delivered,
        money=progress.delivered_money,
        money_per_year=None,
    )


def board_sentence_text(situation: Situation) -> str:
    """A sentence the director can say at the board, or a prompt when there are no figures."""
    lang = situation.lang
    delivered = delivered_summary(situation)
    if not delivered:
        if situation.fill_in:
            return prompt(
                lang.gettext(
                    "A sentence the sponsor can use at the board: what the project has "
                    "delivered so far, in numbers"
                )
            )
        return lang.gettext(
            "{title} is under way; its figures do not yet show a change we can report."
        ).format(title=situation.facts.project.title)
    return wording.board_sentence(situation.pitch, delivered, lang)


def delivered_summary(situation: Situation) -> str:
    """Up to two deliveries toward the director's objectives, with when, in one phrase.

    Deliveries over the same periods share one ``between … and …``.
    """
    lang = situation.lang
    by_span: dict[str, list[str]] = {}
    levels: list[str] = []
    for impact, _statements in chosen_statements(situation.pitch):
        progress = progress_for(situation, impact.id)
        phrase = delivered_phrase(progress, situation)
        if not phrase:
            continue
        if progress.delivered is None:
            levels.append(phrase)
        else:
            by_span.setdefault(between_text(progress, lang), []).append(phrase)
        if len(levels) + sum(len(p) for p in by_span.values()) == 2:
            break
    parts = [f"{fmt.join_list(phrases, lang)} {span}" for span, phrases in by_span.items()]
    return fmt.join_list(parts + levels, lang)


def between_text(progress: MeasureProgress, lang: Language) -> str:
    """``between January 2027 and March 2028``, or ``in March 2028`` for one period."""
    periods = progress.with_data
    first = fmt.period_label(periods[0].text, lang)
    last = fmt.period_label(periods[-1].text, lang)
    if first == last:
        return lang.gettext("in {period}").format(period=last)
    return lang.gettext("between {first} and {last}").format(first=first, last=last)


def delivered_phrase(progress: MeasureProgress, situation: Situation) -> str:
    """``a reduction of 173 in emergency admissions … (worth £275,000)``; empty if none."""
    lang, impact = situation.lang, progress.impact
    measure = wording.lower_first(wording.apply_terms(impact.measure, situation.terms))
    if progress.delivered is not None:
        if progress.delivered <= 0:
            return ""
        size = fmt.number(round(progress.delivered), lang)
        if impact.unit.strip().lower() in {"£", "gbp", "pounds"}:
            size = fmt.money(progress.delivered, lang)
        phrase = (
            lang.gettext("a reduction of {amount} in {measure}")
            if impact.direction == "lower"
            else lang.gettext("an increase of {amount} in {measure}")
        ).format(amount=size, measure=measure)
        worth = delivered_money_text(progress, lang)
        return f"{phrase} ({worth})" if worth else phrase
    latest = progress.latest
    gap = progress.latest_gap
    if latest is None or latest.value is None or gap is None or gap <= 0:
        return ""
    return lang.gettext("an improvement in {measure} from {baseline} to {latest}").format(
        measure=measure,
        baseline=amount_text(impact.baseline, impact, lang),
        latest=amount_text(latest.value, impact, lang),
    )


# ---------------------------------------------------------------- score


def score_context(situation: Situation) -> Context:
    """The IHI progress score with its meaning and its movement since the last update."""
    lang, entry = situation.lang, situation.entry
    empty: Context = {"value": None, "text": "", "movement": ""}
    if entry is None:
        empty["text"] = prompt(
            lang.gettext("Progress score from 0.5 to 5.0 on the IHI scale, if the team keeps one")
        )
        return empty
    if entry.score is None:
        return empty
    meaning = lang.gettext(SCORE_MEANINGS[float(entry.score)])
    text = lang.gettext("{score} out of 5: {meaning}").format(
        score=fmt.number(entry.score, lang, decimals=1), meaning=meaning
    )
    return {"value": entry.score, "text": text, "movement": score_movement(situation)}


def score_movement(situation: Situation) -> str:
    """``up from 3.0 in February 2028``, ``unchanged since …``, or the first score."""
    lang, entry = situation.lang, situation.entry
    assert entry is not None
    assert entry.score is not None
    found = previous_score(situation.facts.updates, situation.period)
    if found is None:
        return lang.gettext("the first score recorded")
    before, score = found
    values = {
        "score": fmt.number(score, lang, decimals=1),
        "period": fmt.period_label(before.period, lang),
    }
    if entry.score > score:
        return lang.gettext("up from {score} in {period}").format(**values)
    if entry.score < score:
        return lang.gettext("down from {score} in {period}").format(**values)
    return lang.gettext("unchanged since {period}").format(**values)


# ---------------------------------------------------------------- charts


def chart_rules(settings: Settings) -> charts.Rules:
    """The chart rules, with the SPC shift and trend lengths from the settings."""
    return charts.Rules(spc_shift=settings.spc_shift, spc_trend=settings.spc_trend)


def chart_context(situation: Situation) -> Context:
    """Charts for the measures with enough points, signals first, at most :data:`MAX_CHARTS`."""
    lang = situation.lang
    rules = chart_rules(situation.facts.settings)
    candidates = []
    for order, progress in enumerate(situation.progress):
        points = [p for p in progress.points if p.period.kind == situation.run.kind]
        analysis = charts.analyse(
            [p.value for p in points],
            better=progress.impact.direction,
            target=points[-1].target if points else None,
            rules=rules,
        )
        if analysis.kind != "none":
            candidates.append((not analysis.signals, order, progress, points, analysis))
    chosen = sorted(candidates, key=lambda c: (c[0], c[1]))[:MAX_CHARTS]
    chosen.sort(key=lambda c: c[1])
    note = ""
    if len(candidates) > len(chosen):
        note = lang.gettext(
            "Charts are shown for {shown} of the {total} measures with enough figures, "
            "those with a signal first, to keep this update to two pages."
        ).format(shown=len(chosen), total=len(candidates))
    return {
        "charts": [chart(p, pts, a, situation) for _, _, p, pts, a in chosen],
        "chart_note": note,
        "chart_rules": rules_text(rules, lang) if chosen else "",
    }


def short_label(period: Period, lang: Language) -> str:
    """``Jan 27``, ``Q1 27`` or ``2027``: a period label short enough for a chart axis."""
    if period.kind == "month":
        return str(format_skeleton("MMMyy", period.start, locale=lang.locale))
    if period.kind == "quarter":
        return f"Q{(period.start.month - 1) // 3 + 1} {period.start:%y}"
    return str(period.start.year)


def chart(
    progress: MeasureProgress,
    points: Sequence[Any],
    analysis: charts.Analysis,
    situation: Situation,
) -> Context:
    """One chart as a picture, with its kind and its signals in words."""
    lang, impact = situation.lang, progress.impact
    unit = (
        impact.unit
        if not impact.per
        else f"{impact.unit} {per_period_words(points[-1].period, lang)}"
    )
    data = charts.draw(
        analysis,
        labels=[short_label(p.period, lang) for p in points],
        title="",
        unit=unit,
        baseline=points[-1].baseline,
        target=points[-1].target,
        centre_label=lang.gettext("Median") if analysis.kind == "run" else lang.gettext("Mean"),
        limit_label=lang.gettext("Process limits"),
        baseline_label=lang.gettext("Baseline"),
        target_label=lang.gettext("Target"),
        improvement_label=lang.gettext("Improvement"),
        concern_label=lang.gettext("Concern"),
        special_label=lang.gettext("Signal"),
        width_cm=CHART_WIDTH_CM,
        height_cm=CHART_HEIGHT_CM,
    )
    measure = wording.apply_terms(impact.measure, situation.terms)
    kind = lang.gettext("run chart") if analysis.kind == "run" else lang.gettext("XmR chart")
    return {
        "measure": measure,
        "kind": kind,
        "picture": Picture(
            data=data,
            width_cm=CHART_WIDTH_CM,
            description=lang.gettext("{kind} of {measure}").format(kind=kind, measure=measure),
        ),
        "signals": signals_text(analysis, points, situation),
    }


def _count(n: int, kind: str, lang: Language) -> str:
    """``7 months``, with the plural form the language uses for ``n``."""
    if kind == "quarter":
        text = lang.ngettext("{n} quarter", "{n} quarters", n)
    elif kind == "year":
        text = lang.ngettext("{n} year", "{n} years", n)
    else:
        text = lang.ngettext("{n} month", "{n} months", n)
    return text.format(n=n)


def signal_words(
    signal: charts.Signal, analysis: charts.Analysis, kind: str, lang: Language
) -> str:
    """One signal in words: ``shift: 7 months below the median (improvement)``."""
    centre = lang.gettext("the median") if analysis.kind == "run" else lang.gettext("the mean")
    length = _count(signal.length, kind, lang)
    if signal.rule == "shift":
        text = (
            lang.gettext("shift: {length} above {centre}")
            if signal.direction == "up"
            else lang.gettext("shift: {length} below {centre}")
        ).format(length=length, centre=centre)
    elif signal.rule == "trend":
        text = (
            lang.gettext("trend: {length} rising")
            if signal.direction == "up"
            else lang.gettext("trend: {length} falling")
        ).format(length=length)
    elif signal.rule == "outside_limits":
        text = lang.ngettext(
            "{n} point outside the limits", "{n} points outside the limits", signal.length
        ).format(n=signal.length)
    elif signal.direction == "up":
        text = lang.gettext("two of three points close to the upper limit")
    else:
        text = lang.gettext("two of three points close to the lower limit")
    if signal.improvement is True:
        return lang.gettext("{signal} (improvement)").format(signal=text)
    if signal.improvement is False:
        return lang.gettext("{signal} (concern)").format(signal=text)
    return text


def signals_text(analysis: charts.Analysis, points: Sequence[Any], situation: Situation) -> str:
    """The latest few signals in words, ending with where they end; or that there are none."""
    lang = situation.lang
    if not analysis.signals:
        return lang.gettext("No signal: the variation so far is what chance alone would give.")
    latest = sorted(analysis.signals, key=lambda s: (s.end, s.start))[-3:]
    parts = []
    for signal in reversed(latest):
        words = signal_words(signal, analysis, situation.run.kind, lang)
        end = fmt.period_label(points[signal.end].period.text, lang)
        parts.append(lang.gettext("{signal}, ending {end}").format(signal=words, end=end))
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "."


def rules_text(rules: charts.Rules, lang: Language) -> str:
    """The chart rules used, for the small print."""
    return lang.gettext(
        "Run charts (from {run_min} points): median line; a shift is {run_shift} or more points "
        "on one side of it, a trend {run_trend} or more rising or falling. XmR charts (from "
        "{spc_min} points): mean and process limits at the mean ± 2.66 × the mean moving range; "
        "signals are a point outside the limits, a shift of {spc_shift} points, a trend of "
        "{spc_trend}, and two of three points beyond two-thirds of the way to a limit."
    ).format(
        run_min=rules.min_run_points,
        run_shift=rules.run_shift,
        run_trend=rules.run_trend,
        spc_min=rules.min_spc_points,
        spc_shift=rules.spc_shift,
        spc_trend=rules.spc_trend,
    )
