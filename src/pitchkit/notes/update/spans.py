"""The stretch of time a delivery covers, in words that read naturally.

Figures logged by quarter would read badly if each end were named in full
("January to March 2027 to July to September 2027"), so a stretch is named
by its first and last months instead: "January to September 2027",
"between January and September 2027", "January 2027 to March 2028". A run
of whole years is named by its years ("2026 to 2028"). One period alone is
named as the period ("in January to March 2027").
"""

from __future__ import annotations

from collections.abc import Sequence

from babel.dates import get_month_names

from pitchkit.i18n import fmt
from pitchkit.i18n.translation import Language
from pitchkit.period import Period


def month_label(year: int, month: int, lang: Language, *, with_year: bool) -> str:
    """``September 2027``, or ``September`` alone when the year is said elsewhere."""
    if with_year:
        return fmt.period_label(f"{year}-{month:02d}", lang)
    return str(get_month_names("wide", "stand-alone", locale=lang.locale)[month])


def ends(first: Period, last: Period, lang: Language) -> tuple[str, str]:
    """The words for where a stretch from ``first`` to ``last`` begins and ends.

    Whole years by their years; otherwise by the first month of ``first``
    and the last month of ``last``, the year said once when both fall in it.
    """
    if first.kind == "year" and last.kind == "year":
        return first.text, last.text
    start, end = first.start, last.end
    begin = month_label(start.year, start.month, lang, with_year=start.year != end.year)
    return begin, month_label(end.year, end.month, lang, with_year=True)


def gaps(periods: Sequence[Period]) -> list[Period]:
    """The periods inside the stretch ``periods`` (oldest first) covers that it leaves out.

    Only for a stretch of one kind of period (months, or quarters): a log
    that moved from months to quarters is not a gap.
    """
    if len({period.kind for period in periods}) != 1:
        return []
    present = {period.start for period in periods}
    found: list[Period] = []
    period = periods[0]
    while period.start < periods[-1].start:
        if period.start not in present:
            found.append(period)
        period = period.following()
    return found


def gap_labels(missing: Sequence[Period], lang: Language) -> str:
    """``May 2026 and April 2025 to March 2026``: periods with no figure, runs as stretches.

    Three or more in a row read as one stretch, so that a year with no figure
    is not listed month by month (twelve months named one after another).
    """
    runs: list[list[Period]] = []
    for period in missing:
        if runs and runs[-1][-1].following() == period:
            runs[-1].append(period)
        else:
            runs.append([period])
    labels: list[str] = []
    for run in runs:
        if len(run) >= 3:
            labels.append(span_text(run, lang))
        else:
            labels.extend(fmt.period_label(p.text, lang) for p in run)
    return fmt.join_list(labels, lang)


def gaps_text(periods: Sequence[Period], lang: Language) -> str:
    """``no figure for May 2026``, for the periods a stretch leaves out; else empty."""
    missing = gaps(periods)
    if not missing:
        return ""
    return lang.gettext("no figure for {periods}").format(periods=gap_labels(missing, lang))


def _with_gaps(text: str, periods: Sequence[Period], lang: Language) -> str:
    """``… (no figure for May 2026)``: a stretch counted from fewer periods than it names."""
    missing = gaps(periods)
    if not missing:
        return text
    return lang.gettext("{span} (no figure for {missing})").format(
        span=text, missing=gap_labels(missing, lang)
    )


def span_text(periods: Sequence[Period], lang: Language) -> str:
    """``January to September 2027``: the stretch ``periods`` (oldest first) cover.

    A period inside it with no figure is named, so that a total counted
    without it does not read as the whole stretch's.
    """
    first, last = periods[0], periods[-1]
    if first == last:
        return fmt.period_label(first.text, lang)
    begin, end = ends(first, last, lang)
    text = lang.gettext("{first} to {last}").format(first=begin, last=end)
    return _with_gaps(text, periods, lang)


def between_text(periods: Sequence[Period], lang: Language, *, with_gaps: bool = True) -> str:
    """``between January and September 2027``, or ``in March 2028`` for one period.

    A period inside it with no figure is named, as :func:`span_text` names it,
    unless ``with_gaps`` is false (the caller names it with :func:`gaps_text`).
    """
    first, last = periods[0], periods[-1]
    if first == last:
        return lang.gettext("in {period}").format(period=fmt.period_label(last.text, lang))
    begin, end = ends(first, last, lang)
    text = lang.gettext("between {first} and {last}").format(first=begin, last=end)
    return _with_gaps(text, periods, lang) if with_gaps else text


def period_count(n: int, kind: str, lang: Language) -> str:
    """``7 months``, ``3 quarters`` or ``2 years``, in the plural form the language uses."""
    if kind == "quarter":
        text = lang.ngettext("{n} quarter", "{n} quarters", n)
    elif kind == "year":
        text = lang.ngettext("{n} year", "{n} years", n)
    else:
        text = lang.ngettext("{n} month", "{n} months", n)
    return text.format(n=n)
