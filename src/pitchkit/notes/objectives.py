"""How an objective is written, and the sentence frame that fits it.

Directors write objectives every way a board paper does: as something to
do (``Reduce avoidable deaths``), as a thing (``Clinical harm review for
every patient waiting``), as a target sentence (``No patient comes to harm
while waiting``), as a question (``How do we cut waits for children?``) or
as a Board Assurance Framework risk (``BAF 4: failure to recruit enough
nurses``). Only the first reads after "help you …" or "our objective to
…"; :func:`grammar` tells them apart, and the frames here quote the others
whole, so no sentence breaks on an objective's wording.
"""

from __future__ import annotations

import functools
import re
from typing import Literal

Grammar = Literal["verb", "noun", "clause", "question", "risk"]

#: Words an objective written as something to do starts with.
VERBS = frozenset(
    [
        "achieve",
        "adopt",
        "attract",
        "avoid",
        "balance",
        "become",
        "bring",
        "build",
        "close",
        "create",
        "cut",
        "decrease",
        "deliver",
        "develop",
        "digitise",
        "double",
        "eliminate",
        "embed",
        "empower",
        "enable",
        "end",
        "ensure",
        "establish",
        "exceed",
        "expand",
        "extend",
        "get",
        "give",
        "grow",
        "halve",
        "help",
        "hit",
        "implement",
        "improve",
        "increase",
        "integrate",
        "introduce",
        "invest",
        "keep",
        "launch",
        "lead",
        "lift",
        "lower",
        "maintain",
        "make",
        "meet",
        "modernise",
        "move",
        "narrow",
        "offer",
        "open",
        "prevent",
        "protect",
        "provide",
        "put",
        "raise",
        "reach",
        "recover",
        "recruit",
        "redesign",
        "reduce",
        "release",
        "remove",
        "reshape",
        "restore",
        "retain",
        "return",
        "roll",
        "save",
        "see",
        "shift",
        "shorten",
        "show",
        "stop",
        "strengthen",
        "support",
        "sustain",
        "tackle",
        "transform",
        "treat",
        "triple",
        "upskill",
        "use",
        "work",
    ]
)
#: Words that turn a leading verb back into a noun: "Support for carers", "Increase in …".
_NOUN_AFTER = frozenset({"for", "in", "of", "to", "from", "across"})
#: Finite verbs that make a sentence of a subject: "No patient comes to harm".
_FINITE = re.compile(
    r"\b(?:is|are|was|were|will|shall|can|must|should|has|have|does|do|gets?|comes?|feels?|"
    r"receives?|meets?|waits?|stays?|goes?|leaves?|achieves?|lives?|dies?|knows?|"
    r"happens?|becomes?|remains?)\b",
    re.IGNORECASE,
)


#: Labels before a risk (``BAF 4:``, ``Risk SR3 -``) and how risks begin.
@functools.cache
def _risk_label() -> re.Pattern[str]:
    return re.compile(
        r"^\s*(?:(?:BAF|board assurance framework|strategic|corporate)\s*)?(?:risk\s*)?"
        r"(?:[A-Z]{0,3}\d+[a-z]?)?\s*[:\-–]\s*",
        re.IGNORECASE,
    )


_RISK_START = re.compile(
    r"^(?:risk\b|there is a risk|if we (?:do not|don't|fail|cannot|can't)|if (?:the|our)\b.*"
    r"\bthen\b|failure to|failure of|inability to|insufficient|inadequate|loss of|lack of)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


#: What a level to reach reads like: a share or sum, a level to get below or back within,
#: a date to reach it by (``vacancies below 5% by March 2027``).
@functools.cache
def _target() -> re.Pattern[str]:
    return re.compile(
        r"\d\s*%|£\s*\d|\b(?:below|under|above|within|at least|at most|no more than|"
        r"fewer than|less than|down to|up to|back to)\b|\bby\s+(?:[A-Za-z]+\s+)?(?:19|20)\d\d\b",
        re.IGNORECASE,
    )


#: Words that make a labelled text a risk after all: what might go wrong.
@functools.cache
def _negative() -> re.Pattern[str]:
    return re.compile(
        r"\b(?:not|no longer|cannot|can't|unable|fail\w*|insufficient|inadequate|shortfall|"
        r"risks?|threats?|breach\w*|unsafe|deteriorat\w*|loss)\b",
        re.IGNORECASE,
    )


def without_label(text: str) -> str:
    """A risk without its register label: ``BAF 4: failure to …`` → ``failure to …``."""
    stripped = text.strip()
    if re.match(
        r"^\s*(?:BAF|risk|SR|board assurance|strategic risk|corporate risk)", stripped, re.I
    ):
        rest = _risk_label().sub("", stripped, count=1)
        if rest and rest != stripped:
            return rest
    return stripped


def grammar(text: str) -> Grammar:
    """Which of the five shapes an objective is written in."""
    stripped = text.strip().rstrip(".").strip()
    if stripped.endswith("?"):
        return "question"
    bare = without_label(stripped)
    if _RISK_START.match(bare):
        return "risk"
    if bare != stripped:
        # A register label before a level to reach (``BAF risk 2: vacancies below 5% by
        # March 2027``) heads the objective that answers the risk, not the risk: it is
        # quoted whole, label and all, as a noun would be.
        if _target().search(bare) and not _negative().search(bare):
            return "noun"
        return "risk"
    words = [w.casefold() for w in _WORD.findall(stripped)]
    if not words:
        return "noun"
    if words[0] in VERBS and not (len(words) > 1 and words[1] in _NOUN_AFTER):
        return "verb"
    if words[0] in {"to"} and len(words) > 1 and words[1] in VERBS:
        return "verb"
    if _FINITE.search(stripped):
        return "clause"
    return "noun"


def verb_phrase(text: str) -> str:
    """A verb-phrase objective ready to follow "to": lower first letter, no "to", no stop."""
    stripped = text.strip().rstrip(".").strip()
    if stripped[:3].casefold() == "to ":
        stripped = stripped[3:].strip()
    if len(stripped) > 1 and stripped[0].isupper() and not stripped[1].isupper():
        stripped = stripped[0].lower() + stripped[1:]
    return stripped


def as_quoted(text: str) -> str:
    """An objective of any shape quoted whole (a risk without its register label)."""
    stripped = text.strip()
    if grammar(stripped) == "risk":
        stripped = without_label(stripped)
        stripped = stripped[:1].upper() + stripped[1:]
    if not stripped.endswith("?"):
        stripped = stripped.rstrip(".")
    return f"“{stripped}”"


@functools.cache
def _risk_that() -> re.Pattern[str]:
    return re.compile(r"^(?:there is an?\s+)?(risk (?:that|of)\s+.+)$", re.IGNORECASE)


def risk_clause(text: str) -> str:
    """``risk that we cannot …`` from a risk written that way (after any label); else empty."""
    found = _risk_that().match(without_label(text).rstrip(".").strip())
    if not found:
        return ""
    return "risk" + found.group(1)[4:]
