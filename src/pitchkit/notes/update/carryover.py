"""Which of the project's standing asks and questions still belong in a progress update.

An update's asks and advice come from its period's log entry. Without
them, the project's own ``asks:`` and ``advice:`` (written for the first
approach) may be carried over, marked as such, but only those still true
for the period: once the project has started, nothing about the first
approach or the funding bid (signing a bid, acting as sponsor of an
application, who should hear before the bid goes in), and nothing tied to
a date already past ("by 31 January 2027", "in October 2027"). Dates that
open a stretch ("from January 2027", "starting April 2027") do not make an
item stale.

A standing question is also stale once the progress log has answered it
(reader24 #13: "Which line of the cost improvement programme should the
released bed days count against? (carried over)" in March 2028, when the
October 2027 entry had done "Released bed days recorded in the cost
improvement programme tracker"). The test, :func:`answered_by`, is plain
and general: an entry up to the update's period has a done item (or a
summary) that shares at least :data:`ANSWER_WORDS` of the question's
content words and at least half of them (words of three letters or more,
less question words and other common words, a plural read as its
singular). And in the project's last period nothing is carried over: a
question for a project that is ending is not a question about its work.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from pitchkit.datewords import deadlines
from pitchkit.facts.schema import Update
from pitchkit.period import Period, parse_period

#: Words that tie an ask or a question to the first approach or the bid (English and Welsh).
APPROACH_WORDS = re.compile(
    r"\b(bids?|applications?|apply|applying|submit\w*|sign|signs|signed|signing|charter|"
    r"expression of interest|executive sponsor|be our sponsor|goes in|go in|"
    r"cais|ceisiadau|gais|nghais|noddwr|llofnod\w*|cyflwyno'r cais)\b",
    re.IGNORECASE,
)


def still_current(text: str, period: Period, start: dt.date | None) -> bool:
    """Whether a standing ask or question can be carried into the update for ``period``."""
    started = start is None or period.end >= start
    if started and APPROACH_WORDS.search(text):
        return False
    return not any(day < period.start for day in deadlines(text))


def carried(items: Sequence[str], period: Period, start: dt.date | None) -> list[str]:
    """The ``items`` still current for ``period``, in order."""
    return [item for item in items if still_current(item, period, start)]


#: Shared content words that make a log entry's done item the answer to a standing question.
ANSWER_WORDS = 4

#: Words that carry no subject: question words, and common ones (English and Welsh).
_COMMON_TEXT = """
    which what when where who whom whose why how should would could can will shall may might
    must does did the and for with from into onto that this these those than then there their
    our your you they them its are was were been being have has had not only also any all each
    per against about over under more most less very
    beth pwy pryd ble sut pam dylai dylem gallai byddai gall fydd ydy yw oes mae sydd
    ein eich eu y yr a ac ar am at o i yn gan gyda heb neu ond hefyd pob"""
_COMMON = frozenset(_COMMON_TEXT.split())


def content_words(text: str) -> frozenset[str]:
    """The words of ``text`` that say what it is about, lower case, a plural as its singular."""
    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*", text.lower())
    found = set()
    for word in words:
        if len(word) < 3 or word in _COMMON:
            continue
        if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        found.add(word)
    return frozenset(found)


def answered_by(question: str, updates: Sequence[Update], period: Period) -> Update | None:
    """The first log entry up to ``period`` that answers ``question``, or ``None``.

    An entry answers it when one of its done items, or its summary, shares at
    least :data:`ANSWER_WORDS` of the question's content words and at least
    half of them (:func:`content_words`).
    """
    asked = content_words(question)
    if len(asked) < ANSWER_WORDS:
        return None
    logged = sorted(
        (u for u in updates if parse_period(u.period).end <= period.end),
        key=lambda u: parse_period(u.period),
    )
    for update in logged:
        for text in [*update.done, *([update.summary] if update.summary else [])]:
            shared = asked & content_words(text)
            if len(shared) >= ANSWER_WORDS and 2 * len(shared) >= len(asked):
                return update
    return None


def last_period(period: Period, end: dt.date | None) -> bool:
    """Whether ``period`` is the project's last: it takes in (or passes) the project's end."""
    return end is not None and period.end >= end
