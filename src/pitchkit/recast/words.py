"""Words and matching: what role matching and linking share.

Tokens with their place in the text, light stemming (so "admissions" and
"admitted" meet), and longest-first phrase matching over tables of word groups.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import NamedTuple

from pitchkit.recast.stems import Stems, known, shipped

_TOKEN = re.compile(r"a\s*&\s*e\b|£|[^\W_]+%?", re.IGNORECASE)
_NUMBER_WORDS = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "fourteen": "14",
    "eighteen": "18",
    "twenty": "20",
    "thirty": "30",
    "sixty": "60",
}


class Token(NamedTuple):
    """One word of a text: its stem and where it sits in the original."""

    stem: str
    start: int
    end: int


@lru_cache(maxsize=16384)
def stem(word: str) -> str:
    """Reduce a lower-case word to a light stem: ``nursing``/``nurses`` → ``nurs``.

    Plural endings, ``-ing``, ``-ed``, ``-ly``, ``-ment``, ``-al``/``-ial``,
    ``-ion`` after *s* or *t*, and a final *e* are stripped in that order,
    each at most once. Numbers and short words are left alone.
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    word = _strip_plural(word)
    word = _strip_verb(word)
    for endings in ((("ly", 4), ("ment", 4)), (("ial", 4), ("al", 5))):
        for suffix, keep in endings:
            if word.endswith(suffix) and len(word) - len(suffix) >= keep:
                word = word[: -len(suffix)]
                break
    if word.endswith(("tion", "sion")) and len(word) > 6:
        word = word[:-3]
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


def _strip_plural(word: str) -> str:
    """Drop a plural ending: ``injuries`` → ``injury``, ``falls`` → ``fall``."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _strip_verb(word: str) -> str:
    """Drop ``-ing`` or ``-ed``, undoubling a final consonant: ``admitted`` → ``admit``."""
    for suffix in ("ing", "ed"):
        base = word[: -len(suffix)]
        if word.endswith(suffix) and len(base) >= 3 and any(v in base for v in "aeiouy"):
            if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "aeioulsfz":
                base = base[:-1]
            return base
    return word


def word_form(raw: str) -> tuple[str, bool]:
    """A word's stem, and whether the stem drops more than an inflection from it.

    ``secondment`` is ``("second", True)``: its stem drops *-ment*, so it is
    another word than ``second`` (``("second", False)``), though both stem
    alike. ``nurses`` and ``nursing`` are ``("nurs", False)``, as ``nurse`` is.
    """
    word = _normal(raw)
    found = stem(word)
    light = word
    if len(light) > 3 and light.isalpha():
        light = _strip_verb(_strip_plural(light))
        if light.endswith("e") and len(light) > 4:
            light = light[:-1]
    return found, found != light


def same_word(one: str, other: str) -> bool:
    """Whether two raw words that stem alike are one word, not a word and another made from it.

    Inflections meet ("patient" and "patients", "nurses" and "nursing"), as do
    two words that carry the same suffix ("placements" and "placement"). A word
    and a longer word that merely starts with it do not ("place" and
    "placement", "person" and "personal", "state" and "station"), except that a
    noun made from a verb with *-ment* or *-ion* meets that verb when it is
    written as one ("assessed" and "assessment", "operating" and "operation").
    """
    mine, theirs = word_form(one), word_form(other)
    if mine == theirs:
        return True
    if mine[0] != theirs[0]:
        return False
    derived, plain = (one, other) if mine[1] else (other, one)
    return _as_noun(_normal(derived)) and _as_verb(_normal(plain))


def _as_noun(word: str) -> bool:
    """Whether ``word`` ends in a suffix that makes a noun of a verb: *-ment*, *-ion*."""
    return _strip_plural(word).endswith(("ment", "ion"))


def _as_verb(word: str) -> bool:
    """Whether ``word`` is written as a verb, ending in *-ed* or *-ing*."""
    single = _strip_plural(word)
    return len(single) > 3 and single.isalpha() and _strip_verb(single) != single


def _normal(raw: str) -> str:
    """The matching form of one raw token (before stemming)."""
    lowered = raw.casefold()
    if lowered == "£":
        return "gbp"
    if "&" in lowered:
        return "a&e"
    return _NUMBER_WORDS.get(lowered, lowered)


@lru_cache(maxsize=8192)
def tokens(text: str) -> tuple[Token, ...]:
    """Split ``text`` into stemmed tokens, keeping each one's span in ``text``.

    Case is folded, ``A&E`` is one token, ``£`` becomes ``gbp``, number
    words become digits (``four-hour`` → ``4 hour``) and ``78%`` keeps its
    sign so a phrase can name it. The tokens of the last 8,192 texts are
    remembered (as are the stems of 16,384 words): a project's impacts,
    asks and offers are read again for every director of a batch.
    """
    found: list[Token] = []
    for match in _TOKEN.finditer(text):
        found.append(Token(stem(_normal(match.group())), match.start(), match.end()))
    return tuple(found)


@lru_cache(maxsize=8192)
def plain_words(text: str) -> tuple[str, ...]:
    """The words of ``text`` as written, case folded and plurals dropped, not stemmed.

    For words whose other forms mean something else: "staff" are people, "staffing"
    a level of them; "mothers" and "mother" are one word.
    """
    return tuple(_strip_plural(_normal(m.group())) for m in _TOKEN.finditer(text))


def has_run(words: tuple[str, ...], key: tuple[str, ...]) -> bool:
    """Whether ``key`` stands in ``words`` as a run, in order and side by side."""
    width = len(key)
    return any(words[index : index + width] == key for index in range(len(words) - width + 1))


@lru_cache(maxsize=8192)
def phrase(text: str) -> tuple[str, ...]:
    """The stems of ``text`` as a phrase to look for in other texts.

    Remembered: every lens's phrase table holds the shared synonym groups again.
    The data files' own phrases come stemmed with pitchkit (:mod:`pitchkit.recast.stems`).
    """
    return stems_of(text, shipped())


def stems_of(text: str, table: Stems) -> tuple[str, ...]:
    """:func:`phrase` of ``text``: from ``table`` when it holds ``text``, else worked out."""
    found = known(table.phrases, text)
    if found is not None:
        return found
    return tuple(token.stem for token in tokens(text))


#: Stems of units of time: a number before one is a span ("antibiotics within 24 hours" is
#: not "antibiotics within the hour"), never skipped.
_TIME_UNITS = frozenset({"minut", "hour", "day", "week", "month", "year"})
#: A number the matcher may pass over: "40" or a percentage, whose decimal point splits it
#: ("the 3.2% cap" is "3" and "2%").
_NUMBER = re.compile(r"\d+%?")
#: The most words or numbers :class:`PhraseMatcher` lets stand between a phrase's words.
MAX_SKIPPED = 2


class Found(NamedTuple):
    """A phrase found in a text: what it stands for and where it is."""

    labels: frozenset[str]
    first: int
    last: int
    size: int


class PhraseMatcher:
    """Finds known phrases in token sequences, longest first, left to right.

    With ``skippable``, a phrase of two words or more is also found when up to
    :data:`MAX_SKIPPED` of those words, or numbers, stand between its words:
    "discharges from medical wards before noon" names "discharges before
    noon", and "free up 40 beds" names "free up beds". A phrase found word for
    word wins over one found across skipped words.
    """

    def __init__(
        self,
        phrases: Mapping[tuple[str, ...], frozenset[str]],
        skippable: frozenset[str] = frozenset(),
    ) -> None:
        self._skippable = skippable
        by_first: dict[str, list[tuple[tuple[str, ...], frozenset[str]]]] = {}
        for words, labels in phrases.items():
            if words:
                by_first.setdefault(words[0], []).append((words, labels))
        for options in by_first.values():
            options.sort(key=lambda option: (-len(option[0]), option[0]))
        self._by_first = by_first

    def find(self, found: tuple[Token, ...]) -> tuple[Found, ...]:
        """Every phrase in ``found``; each token belongs to at most one phrase."""
        stems = [token.stem for token in found]
        hits: list[Found] = []
        index = 0
        while index < len(stems):
            hit = self._longest_at(stems, index)
            if hit is None:
                index += 1
                continue
            hits.append(hit)
            index += hit.size
        return tuple(hits)

    def _longest_at(self, stems: list[str], index: int) -> Found | None:
        options = self._by_first.get(stems[index], ())
        for words, labels in options:
            if tuple(stems[index : index + len(words)]) == words:
                return Found(labels, index, index + len(words) - 1, len(words))
        if not self._skippable:
            return None
        for words, labels in options:
            last = self._across(stems, index, words)
            if last is not None:
                return Found(labels, index, last, last - index + 1)
        return None

    def _across(self, stems: list[str], index: int, words: tuple[str, ...]) -> int | None:
        """Where ``words`` ends when found at ``index`` across skippable words, if it is."""
        if len(words) < 2:
            return None
        at, skipped = index + 1, 0
        for word in words[1:]:
            while at < len(stems) and stems[at] != word and skipped < MAX_SKIPPED:
                number = _NUMBER.fullmatch(stems[at]) is not None and word not in _TIME_UNITS
                if stems[at] not in self._skippable and not number:
                    return None
                at, skipped = at + 1, skipped + 1
            if at >= len(stems) or stems[at] != word:
                return None
            at += 1
        return at - 1


def phrase_table(
    groups: Iterable[tuple[str, Iterable[str]]],
) -> dict[tuple[str, ...], frozenset[str]]:
    """Map each phrase's stems to the labels of every group it belongs to."""
    table: dict[tuple[str, ...], set[str]] = {}
    for label, members in groups:
        for member in members:
            table.setdefault(phrase(member), set()).add(label)
    return {words: frozenset(labels) for words, labels in table.items()}


#: Words that do not narrow what a measure counts: "the trust's agency spend" is agency spend.
_SCOPE_FILLER = frozenset({
    "a", "an", "the", "of", "on", "in", "for", "and", "to", "at", "by", "with", "from", "our",
    "all", "any", "every", "its", "their", "trust", "trusts", "total", "number",
    "resulting", "causing", "leading", "that", "which", "who", "is", "are", "was", "were",
    "reduce", "cut", "lower", "decrease", "halve", "increase", "raise", "improve", "grow",
})  # fmt: skip


def _scope_words(text: str) -> set[str]:
    """The words of ``text`` that say what it counts (:func:`plain_words`, filler left out)."""
    return {word for word in plain_words(text) if word and word not in _SCOPE_FILLER}


def same_scope(measure: str, asked: str) -> bool:
    """Whether an impact's ``measure`` is what an objective's ``asked`` ("Reduce X by 15%") counts.

    The same words, filler aside: "Agency nurse spend" is the objective's
    "agency nurse spend", so its share can meet the objective's; "Bank and
    agency 1:1 observation shifts on acute wards" is a part of "bank and
    agency spend", and "Agency nurse spend on the older people's wards" a part
    of "agency nurse spend", so their shares are not the objective's.
    """
    wanted = _scope_words(re.sub(r"\bby\s+\d+(?:\.\d+)?\s?%.*$", "", asked))
    return bool(wanted) and _scope_words(measure) == wanted
