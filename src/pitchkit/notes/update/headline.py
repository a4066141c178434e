"""A lead's headline for a period that claims a change the figures do not show.

An update prints the lead's own words for the period (``summary:``) above
pitchkit's reading of the charts. "Missed visits well down" above "no change
from baseline can be told apart yet" is a claim the same page takes back
(newuser26 #4). ``check`` flags it, at the summary's line and column
(:func:`pitchkit.advice.headline.headline_unsupported`), and ``update`` warns
of it for the period it writes and prints a sentence beneath it; the lead's
words are never rewritten. The reading lives here, beside the charts' own
reading it relies on, so the update needs nothing from the advice layer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from pitchkit.facts.schema import Facts, Impact
from pitchkit.i18n.translation import Language
from pitchkit.period import Period, parse_period
from pitchkit.recast.words import plain_words

if TYPE_CHECKING:
    from pitchkit.notes.update.progress import Point


#: Words that say a measure moved: down, up, improved, reduced, fallen, halved ...
#: (and their Welsh: i lawr, wedi gostwng, wedi codi, wedi gwella, llai, mwy).
@cache
def _change() -> re.Pattern[str]:
    return re.compile(
        r"\b(?:down|up|improv\w*|reduc\w*|fall\w*|fell|fallen|drop\w*|declin\w*|decreas\w*"
        r"|increas\w*|ris(?:e|es|en|ing)|rose|lower|higher|better|worse|cut|halved|doubled"
        r"|gostwng\w*|gostyngiad|codi|cynydd|cynnydd|gwell\w*|llai|mwy|lawr|haneru)\b",
        re.IGNORECASE,
    )


#: Words too common in a measure's name to say which measure a headline means.
_COMMON = frozenset(
    [
        "the",
        "and",
        "for",
        "with",
        "from",
        "that",
        "this",
        "than",
        "per",
        "of",
        "in",
        "on",
        "to",
        "a",
        "an",
        "by",
        "or",
        "at",
        "as",
        "its",
        "their",
        "number",
        "numbers",
        "rate",
        "rates",
        "total",
        "all",
        "any",
        "each",
        "who",
        "which",
        "were",
        "was",
        "are",
        "is",
        "be",
        "been",
        "being",
        "patients",
        "patient",
        "people",
        "month",
        "months",
        "week",
        "weeks",
        "year",
        "years",
        "day",
        "days",
        "lack",
        "capacity",
        "planned",
        "caseload",
        "service",
        "services",
        "team",
        "teams",
        "trust",
        "care",
        "nhs",
        "our",
        "new",
    ]
)


class Headline(NamedTuple):
    """An update's summary claiming a change in a measure whose chart shows none.

    A NamedTuple, not a dataclass: a record nothing mutates, made on every start
    (docs/performance.md).
    """

    entry: int  # the update's place in the facts' updates list
    period: Period
    impact: Impact
    word: str
    #: Set when the chart shows the change but the latest figure, from this period, is
    #: worse than the average before the change (a typo of 9,900 for 990; newuser37 #10).
    latest_worse: Period | None = None


def _words(text: str) -> list[str]:
    """The words of ``text`` longer than two letters, case folded, plurals dropped."""
    return [word for word in plain_words(text) if len(word) > 2 and word.isalpha()]


def named_measures(summary: str, facts: Facts) -> list[Impact]:
    """The impacts a headline names: two of their measure's own words, or all of one word.

    When it names more than one, those it names by a word that tells them
    apart from the others are the ones it means: "foot ulcer admissions
    already well down" names "Emergency admissions with a diabetic foot
    ulcer" by "admissions", and not "Patients with a new active foot ulcer
    seen … within 2 working days", which shares only "foot ulcer" with it
    (newuser36 #6). A headline that names them only by the words they share
    ("foot ulcers down") names them all.
    """
    said = set(_words(summary))
    owned = {impact.id: _own_words(impact) for impact in facts.impacts}
    found = []
    apart = []
    for impact in facts.impacts:
        own = owned[impact.id]
        shared = own & said
        if len(shared) >= 2 or (shared and len(own) == 1):
            found.append(impact)
            others = set().union(*(w for i, w in owned.items() if i != impact.id))
            if shared - others:
                apart.append(impact)
    return apart or found


def _own_words(impact: Impact) -> set[str]:
    """The words of an impact's measure and id that can name it, common words left out."""
    own = {w for w in _words(impact.measure) if w not in _COMMON}
    return own | {w for w in _words(impact.id.replace("-", " ")) if w not in _COMMON}


def unsupported(facts: Facts, only: Period | None = None) -> Iterator[Headline]:
    """Each update's summary that claims a change for a measure the figures show none for.

    A measure counts when the log has figures for it from the change on, up
    to the update's period, and its chart, as the update reads it, does not
    show the change. With ``only``, just that period's entry.
    """
    if not any(update.summary for update in facts.updates):
        return  # nothing to read: a plain brief loads no update code (test_startup)
    # Imported here: the update package builds on the advice rules' modules.
    from pitchkit.notes.update.situation import claims_for, log_runs

    for index, update in enumerate(facts.updates):
        if not update.summary:
            continue
        period = parse_period(update.period)
        if only is not None and period != only:
            continue
        said = claimed_words(update.summary, facts)
        if not said:
            continue
        _, run, chart_run = log_runs(facts, period)
        claims = claims_for(facts, chart_run or run, frozenset())
        for impact, word in said:
            claim = claims.get(impact.id)
            if claim is None or not claim.counted:
                continue
            if not claim.shown:
                yield Headline(entry=index, period=period, impact=impact, word=word)
                continue
            worse = _latest_worse(claim.points, claim.reference, impact, word)
            if worse is not None:
                yield Headline(
                    entry=index, period=period, impact=impact, word=word, latest_worse=worse
                )


_FALL = re.compile(
    r"^(?:down|reduc\w*|fall\w*|fell|drop\w*|declin\w*|decreas\w*|lower|cut|halved"
    r"|gostwng\w*|gostyngiad|llai|lawr|haneru)$",
    re.IGNORECASE,
)
_RISE = re.compile(
    r"^(?:up|increas\w*|ris(?:e|es|en|ing)|rose|higher|doubled|codi|cynydd|cynnydd|mwy)$",
    re.IGNORECASE,
)


def claimed_direction(word: str) -> str:
    """What a headline's word of change claims: "fall", "rise" or "change"."""
    if _FALL.match(word):
        return "fall"
    if _RISE.match(word):
        return "rise"
    return "change"


def _latest_worse(
    points: Sequence[Point], reference: float | None, impact: Impact, word: str
) -> Period | None:
    """The latest figure's period when it is worse than the average before the change.

    Only for a headline that claims the measure moved the better way (or just
    "changed"): "waits up" over a worse latest figure is what the figures show.
    """
    present = [p for p in points if p.value is not None]
    if reference is None or not present:
        return None
    latest = present[-1]
    assert latest.value is not None
    lower = impact.direction == "lower"
    claimed = claimed_direction(word)
    if claimed == ("rise" if lower else "fall"):
        return None
    worse = latest.value > reference if lower else latest.value < reference
    return latest.period if worse else None


#: Where a headline's clauses part: a semicolon, "while", "whereas", "but", and their Welsh
#: ("tra", "ond", "gan fod", "wrth i").
_CLAUSE = re.compile(
    r";|\bwhile\b|\bwhereas\b|\bbut\b|\btra\b|\bond\b|\bgan fod\b|\bwrth i\b",
    re.IGNORECASE,
)
_AS = re.compile(r"\bas\b", re.IGNORECASE)


def clauses(summary: str) -> list[str]:
    """A headline's clauses: "Locum sessions below target; day cases falling" is two.

    "as" parts a clause only where it gives a reason for a change already said
    ("falling as theatre lists were lost"), not where it describes the measure
    ("admissions, as a share of all referrals, falling" is one clause: review23).
    """
    return [piece for part in _CLAUSE.split(summary) for piece in _reasons(part) if piece.strip()]


def _reasons(part: str) -> list[str]:
    """``part`` split at each "as" that follows a word of change."""
    pieces, start = [], 0
    for found in _AS.finditer(part):
        if _change().search(part, start, found.start()):
            pieces.append(part[start : found.start()])
            start = found.end()
    return [*pieces, part[start:]]


def claimed_words(summary: str, facts: Facts) -> list[tuple[Impact, str]]:
    """Each measure a headline says moved, with the word that says so, clause by clause.

    A word of change belongs to the measure named in its own clause:
    "Locum sessions below target; day-case procedures still falling as
    theatre lists were lost" says "falling" of the day cases, not of the
    locum sessions (newuser32 #6). A measure named in more than one clause
    that says it moved is listed once, with the first such word.
    """
    found: dict[str, tuple[Impact, str]] = {}
    for clause in clauses(summary):
        for part, word in _said_of(clause):
            for impact in named_measures(part, facts):
                found.setdefault(impact.id, (impact, word))
    return list(found.values())


#: Where a clause lists things: "and", a comma (Welsh "ac").
_AND = re.compile(r",|\band\b|\bac\b", re.IGNORECASE)
#: Words that say something was done, not that a measure moved: "Crisis house open",
#: "step-down flats let", "new rota in place" (Welsh: ar agor, wedi agor, wedi dechrau).
_DONE = re.compile(
    r"\b(?:open|opened|opening|launched|started|began|begun|live|running|in place|set up"
    r"|let|recruited|appointed|agreed|signed|ar agor|wedi agor|wedi dechrau|yn fyw)\b",
    re.IGNORECASE,
)


def _said_of(clause: str) -> list[tuple[str, str]]:
    """The parts of ``clause`` that say a measure moved, each with the word that says so.

    "Admissions and bed days falling" says "falling" of both: a part with no
    word of its own takes the next part's. "Crisis house open and out-of-area
    bed days already falling" says it only of the bed days: a part that says
    what was done ("open", "launched", "in place") claims no movement, though
    it names a measure's words (newuser35 #9).
    """
    said: list[tuple[str, str]] = []
    waiting: list[str] = []
    for part in _AND.split(clause):
        word = _change().search(part)
        if word is not None:
            said.append((" ".join([*waiting, part]), word[0]))
            waiting = []
        elif _DONE.search(part):
            waiting = []
        else:
            waiting.append(part)
    return said


def headline_text(found: Headline, lang: Language) -> tuple[str, str, str]:
    """The finding's message, evidence and fix, in ``lang``."""
    from pitchkit.i18n import fmt

    period = fmt.period_label(found.period.text, lang)
    if found.latest_worse is not None:
        message = lang.gettext(
            "The headline for {period} claims a change in '{measure}' that its latest figure "
            "does not show."
        ).format(period=period, measure=found.impact.measure)
        evidence = lang.gettext(
            "The summary says '{word}', but the latest figure of '{measure}', for {latest}, is "
            "worse than the average before the change."
        ).format(
            word=found.word,
            measure=found.impact.measure,
            latest=fmt.period_label(found.latest_worse.text, lang),
        )
        fix = lang.gettext(
            "If the figure is a typo, correct it in the log; otherwise say in the headline "
            "what was done rather than what the figures show."
        )
        return message, evidence, fix
    message = lang.gettext(
        "The headline for {period} claims a change in '{measure}' that its figures do not show yet."
    ).format(period=period, measure=found.impact.measure)
    evidence = lang.gettext(
        "The summary says '{word}', but the chart of '{measure}' to {period} cannot yet tell "
        "a change from normal variation, and the update says so under the headline."
    ).format(word=found.word, measure=found.impact.measure, period=period)
    fix = lang.gettext(
        'Say in the headline what was done ("two more teams went live") rather than what '
        "the figures show, or wait for the chart to show the change before it claims one."
    )
    return message, evidence, fix
