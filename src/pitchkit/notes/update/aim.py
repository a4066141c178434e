"""An objective with a number ("reduce … by a quarter by March 2028") judged against the figures.

reader24 #17: the chief nurse's objective "Reduce avoidable harm from falls
and pressure ulcers by a quarter by March 2028" was never compared with the
update's own figures, even in the project's last month. When the objective
states a share to reduce (or increase) by, and the update's measures set
against it count things (``per:``) the same way, the update says how far
they have got: over the 12 months to the update's period, each measure's
count against its baseline for those months, its share fewer (or more), and
the measures together when there are several, reaching the aim or short of
it. It is said once the objective's own date has come, or in the project's
last period, and only from whole years of figures (no month missing).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from pitchkit.datewords import deadlines
from pitchkit.facts.schema import Impact, Objective
from pitchkit.i18n import fmt
from pitchkit.i18n.translation import Language
from pitchkit.notes.update.progress import MeasureProgress, Point
from pitchkit.notes.wording import in_sentence
from pitchkit.period import Period

#: The shares an objective's words name, and what each is.
SHARES = {"a quarter": 0.25, "a third": 1 / 3, "a half": 0.5, "half": 0.5, "a fifth": 0.2}
_AIM = re.compile(
    r"\b(?P<verb>reduce|cut|lower|decrease|increase|raise|grow)\b[^.;]*?\bby\s+"
    r"(?P<share>a quarter|a third|a half|half|a fifth|(?P<pct>\d+(?:\.\d+)?)\s*(?:%|per cent))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Aim:
    """What an objective aims at: ``lower`` or ``higher``, by ``share``, said as ``words``."""

    direction: str
    share: float
    words: str


def aim_of(text: str) -> Aim | None:
    """The share an objective's words aim to reduce (or increase) by, or ``None``."""
    match = _AIM.search(text)
    if match is None:
        return None
    verb, words = match["verb"].lower(), match["share"]
    share = float(match["pct"]) / 100 if match["pct"] else SHARES[words.lower()]
    if not 0 < share < 10:
        return None
    return Aim("higher" if verb in ("increase", "raise", "grow") else "lower", share, words)


def due(objective: Objective, period: Period, project_end: dt.date | None) -> bool:
    """Whether the objective's date has come by ``period``, or ``period`` is the project's last."""
    if project_end is not None and period.end >= project_end:
        return True
    dates = deadlines(objective.text)
    return bool(dates) and period.end >= min(dates)


def year_of(progress: MeasureProgress, period: Period) -> list[Point] | None:
    """The points of the 12 months to ``period``, every one with a figure; else ``None``."""
    points = [
        p
        for p in progress.points
        if p.period.end <= period.end
        and p.period.start.year * 12 + p.period.start.month
        > period.end.year * 12 + period.end.month - 12
    ]
    if sum(p.period.months for p in points) != 12 or any(p.value is None for p in points):
        return None
    return points


@dataclass(frozen=True)
class Judged:
    """An objective's aim against the 12 months of counts set against it."""

    aim: Aim
    counted: tuple[tuple[Impact, float, float], ...]  # each impact, its count, its baseline
    share: float  # the share fewer (or more) of them all together, the aim's way
    met: bool


def judged(
    objective: Objective,
    impacts: Sequence[Impact],
    progress: dict[str, MeasureProgress],
    period: Period,
) -> Judged | None:
    """The objective's aim judged over the 12 months to ``period``; ``None`` when it cannot be."""
    aim = aim_of(objective.text)
    if aim is None:
        return None
    counted: list[tuple[Impact, float, float]] = []
    for impact in impacts:
        if impact.per is None or impact.direction != aim.direction or impact.id not in progress:
            continue
        points = year_of(progress[impact.id], period)
        if points is None:
            return None  # a month missing: no whole year to judge by
        actual = sum(p.value or 0.0 for p in points)
        base = sum(p.baseline for p in points)
        if base <= 0:
            continue
        counted.append((impact, actual, base))
    if not counted:
        return None
    actual = sum(a for _, a, _ in counted)
    base = sum(b for _, _, b in counted)
    share = (base - actual) / base if aim.direction == "lower" else (actual - base) / base
    return Judged(aim, tuple(counted), share, share >= aim.share - 1e-9)


def change_text(share: float, fewer: bool, lang: Language) -> str:
    """``24% fewer`` (or ``more``), the share signed the aim's way."""
    if share >= 0:
        said = lang.gettext("{share} fewer") if fewer else lang.gettext("{share} more")
    else:
        said = lang.gettext("{share} more") if fewer else lang.gettext("{share} fewer")
    return said.format(share=fmt.percent(abs(share), lang))


def aim_text(
    objective: Objective,
    impacts: Sequence[Impact],
    progress: dict[str, MeasureProgress],
    period: Period,
    lang: Language,
) -> str:
    """``in the 12 months to March 2028, 64 inpatient falls … (84 at the baseline rate), …``.

    Or ``""``. Each measure is named after its count, not only its unit ("falls"), as
    one objective may be judged by falls with harm while the note also gives all falls.
    """
    found = judged(objective, impacts, progress, period)
    if found is None:
        return ""
    aim, counted = found.aim, found.counted
    fewer = aim.direction == "lower"

    def change(actual: float, base: float) -> str:
        share = (base - actual) / base if fewer else (actual - base) / base
        return change_text(share, fewer, lang)

    # Each measure named, its count first and the baseline's in brackets: "64 falls against
    # 84" in a line "in the 12 months … against the baseline rate" said "against" three times,
    # and "falls" where the measure is falls with harm (reader25 #21).
    parts = [
        lang.gettext("{count} {measure} ({base} at the baseline rate), {change}").format(
            count=fmt.number(round(actual), lang),
            measure=_counted(impact.measure, lang),
            base=fmt.number(round(base), lang),
            change=change(actual, base),
        )
        for impact, actual, base in counted
    ]
    actual = sum(a for _, a, _ in counted)
    base = sum(b for _, _, b in counted)
    if len(counted) > 1:
        parts.append(
            lang.gettext("together {actual} ({base} at the baseline rate), {change}").format(
                actual=fmt.number(round(actual), lang),
                base=fmt.number(round(base), lang),
                change=change(actual, base),
            )
        )
    verdict = (
        lang.gettext("meeting the aim of {aim}") if found.met else lang.gettext("short of {aim}")
    ).format(aim=aim.words)
    return lang.gettext("in the 12 months to {period}, {parts}; {verdict}").format(
        period=fmt.period_label(period.text, lang), parts="; ".join(parts), verdict=verdict
    )


#: A count's measure named as "the number of …": the count says the number already.
_NUMBER_OF = re.compile(r"^(?:the\s+)?(?:number|count|total)\s+of\s+", re.IGNORECASE)


def _counted(measure: str, lang: Language) -> str:
    """A count's measure after its figure: ``64 inpatient falls resulting in any harm``."""
    return in_sentence(_NUMBER_OF.sub("", measure), lang)
