"""An objective that names the impact's own measure in words the map does not know.

The measure map links what it has names for. A project's measure is often
one the map has never heard of, and the director's objective sets a target
for that very measure in nearly the same words: "Hearing aid repairs not
done within a week" and "Cut hearing aid repairs not done within a week by
20%"; "Babies given breast milk as their first feed" and "Breast milk at
first feed above 80%". (Physical assaults on staff were such a measure
until the breadth pass gave the map their names.) Shared words alone never make a link (they are the
weakest evidence there is), but a shared *phrase* that is the impact's
measure itself is not a word match: it is the same measure.

:func:`named_measure` finds such a phrase. It must

* be two or more words long (after filler such as "the", "of", "on"), at
  least two of them telling: no stop word, generic word ("patients",
  "care", a specialty name), weak word ("time", "bed") or number counts;
* start in the part of each text before its first qualifying word ("for",
  "with", "on", "in" ...), so it is what each counts, not whose or where:
  "Agency nursing shifts booked to cover sickness *in community nursing*"
  does not name "community nursing shifts staffed to the establishment".
  When the words before it are only whom the measure counts, with no
  telling or weak word ("Children *in* participating settings seen by an
  NHS dentist"), the head runs on to the next qualifying word after a
  telling one, but a phrase may not start on the words straight after the
  first qualifying word, which describe the population ("People *with*
  severe frailty ..." does not name the GP contract's severe frailty
  requirements);
* hold the impact's head noun: the last telling word before its first
  qualifying word ("assaults" in "Physical assaults on staff by patients"),
  so "District nurse home visits" does not name "District nurse vacancy
  rate" (the visits are not the vacancies);
* read "not X" as "unX" and "without" as "no", so "Abnormal results not
  acknowledged" is named by "No abnormal result unacknowledged" (plurals and
  verb forms already share a stem: "discharged" and "discharges");
* not be only names the measure map knows: a shared concept is the map's
  business, and the map decides it with its own rules (a topic name, which
  names an area and never a measure, is not such a name).

The linker (:mod:`pitchkit.recast.align`) also asks that the two texts
measure the same kind of quantity, state no different qualifiers (staff
group, age group ...) and aim the same way (:func:`aim`).

Measured on the seven labelled sets (docs/linking-evaluation.md, "The
naming pass"): over 4,221 impact-objective pairs the rule holds for six,
of which five are labelled links; the four it adds to the claims are all
right.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal, NamedTuple

from pitchkit.recast.lenses import lens_data
from pitchkit.recast.measures import (
    _QUALIFIER,
    RULES,
    _spelt,
    content_tokens,
    key_of,
    measure_map,
    mentions,
)
from pitchkit.recast.stems import shipped

#: The fewest telling words a shared phrase must hold to name a measure.
TELLING_WORDS = 2
#: The longest phrase, in words, looked for in both texts: far longer than any measure a
#: board names, and it keeps the search linear in a text's length (a 100 kB measure and
#: objective, as the hostile-input tests make, searched at every length ran past ten minutes).
LONGEST_NAMED = 24


class Named(NamedTuple):
    """The phrase an impact's measure and an objective share, as each writes it."""

    impact: str
    objective: str


class _Word(NamedTuple):
    stem: str
    start: int
    end: int
    head: bool  # before the text's first qualifying word (after a telling word)
    lead: bool = True  # before the text's very first qualifying word


#: "90% of", "100 per cent of": a share of what follows, which is still what the text counts.
_SHARE_OF = re.compile(r"(?:\d%|\bper ?cent)\s*$", re.IGNORECASE)
#: A part in brackets: how or where the measure is counted ("(RCA)", "(IV and oral)").
_BRACKETS = re.compile(r"\([^()]*\)")


def _words(text: str) -> tuple[tuple[_Word, ...], str]:
    """The content words of ``text`` (spelt out), each marked when it is in the head.

    The head ends at the first qualifying word ("for", "with", "of" ...), but
    not at "of" after a share ("90% of requests answered" counts requests
    answered); words in brackets are never in it.
    """
    spelt = _spelt(text)
    content = content_tokens(text)
    cut = first = len(spelt)
    for qualifier in _QUALIFIER.finditer(spelt):
        if RULES["naming heads"] and (
            qualifier.group(0).lower() == "of" and _SHARE_OF.search(spelt[: qualifier.start()])
        ):
            continue
        first = min(first, qualifier.start())
        before = [t.stem for t in content if t.end <= qualifier.start()]
        if (
            RULES["naming populations"]
            and not any(_telling(stem) for stem in before)
            and not any(stem in lens_data().weak_words for stem in before)
        ):
            # "Children in participating settings seen by an NHS dentist": the words before
            # "in" say only who is counted, so the head runs on to what is counted of them.
            continue
        cut = qualifier.start()
        break
    bracketed = [(m.start(), m.end()) for m in _BRACKETS.finditer(spelt)]
    if not RULES["naming heads"]:
        bracketed = []
    found = tuple(
        _Word(
            t.stem,
            t.start,
            t.end,
            t.start < cut and not any(s <= t.start < e for s, e in bracketed),
            t.start < first,
        )
        for t in content
    )
    if RULES["naming negations"]:
        found = _negations(found)
    return found, spelt


#: "not" before a word: "not acknowledged" is read as "unacknowledged" ("non-face-to-face" is
#: a name of its own and keeps its "non").
_NOT = frozenset({"not"})
#: Words that say "none of": "without a plan" and "no plan" are the same absence.
_WITHOUT = "without"


def _negations(words: tuple[_Word, ...]) -> tuple[_Word, ...]:
    """``words`` with "not X" read as one word, "unX", and "without" as "no".

    "Abnormal results not acknowledged" and "No abnormal result unacknowledged" name the
    same results; without this the one reads "acknowledged" where the other reads
    "unacknowledged" and the phrase breaks. The merged word spans both.
    """
    merged: list[_Word] = []
    skip = False
    for i, word in enumerate(words):
        if skip:
            skip = False
            continue
        after = words[i + 1] if i + 1 < len(words) else None
        if word.stem in _NOT and after is not None and after.stem.isalpha():
            merged.append(after._replace(stem="un" + after.stem, start=word.start))
            merged[-1] = merged[-1]._replace(head=word.head, lead=word.lead)
            skip = True
        elif word.stem == _WITHOUT:
            merged.append(word._replace(stem="no"))
        else:
            merged.append(word)
    return tuple(merged)


@lru_cache(maxsize=1)
def dull_words() -> frozenset[str]:
    """Stop, weak and generic words: none of them tells one measure from another."""
    data = lens_data()
    return data.stop_words | data.weak_words | measure_map().generic_words


def _telling(stem: str) -> bool:
    return len(stem) > 1 and stem not in dull_words() and not any(char.isdigit() for char in stem)


def _all_named(text: str, words: tuple[_Word, ...]) -> bool:
    """Whether every one of ``words`` lies inside a name of a measure-map concept.

    A topic name does not count: it names an area, never a measure, so the map
    never claims through it, and an objective may still name the impact's own
    measure in its words ("autism diagnostic assessment").
    """
    topics = measure_map().topic_keys
    spans = [
        (m.start, m.end)
        for m in mentions(text)
        if key_of(m.words, shipped()) not in topics.get(m.concept, frozenset())
    ]
    return all(any(s <= w.start and w.end <= e for s, e in spans) for w in words)


@lru_cache(maxsize=8192)
def named_measure(measure: str, objective: str) -> Named | None:
    """The phrase of ``measure`` that ``objective`` names as its own aim, or ``None``.

    The longest such phrase (see the module's notes for what counts).
    """
    mine, my_text = _words(measure)
    theirs, their_text = _words(objective)
    heads = [w for w in mine if w.head and _telling(w.stem)]
    if not heads:
        return None
    noun = heads[-1]
    # When the head runs on past whom the measure counts ("Children in participating
    # settings seen by ..."), the telling words straight after the first qualifying word
    # describe them: a phrase starting there names the population ("People with severe
    # frailty"), not what is counted of it.
    whom: set[int] = set()
    if not any(w.lead and _telling(w.stem) for w in mine):
        start = next((i for i, w in enumerate(mine) if not w.lead), len(mine))
        end = start
        while end < len(mine) and _telling(mine[end].stem) and mine[end].head:
            whom.add(end)
            end += 1
    for size in range(min(len(mine), len(theirs), LONGEST_NAMED), 1, -1):
        # The objective's runs of this size that start on a head word, by their stems, in
        # order: one look-up a run of the measure, not a scan of the objective each time.
        starts: dict[tuple[str, ...], list[int]] = {}
        for j in range(len(theirs) - size + 1):
            if theirs[j].head:
                starts.setdefault(tuple(w.stem for w in theirs[j : j + size]), []).append(j)
        for i in range(len(mine) - size + 1):
            run = mine[i : i + size]
            if not run[0].head or noun not in run or i in whom:
                continue
            found = starts.get(tuple(w.stem for w in run))
            if found is None:
                continue
            telling = tuple(w for w in run if _telling(w.stem))
            if len(telling) < TELLING_WORDS or _all_named(measure, telling):
                continue
            for j in found:
                other = theirs[j : j + size]
                if RULES["naming asides"] and _bracketed_telling(their_text, run, other):
                    continue
                return Named(
                    my_text[run[0].start : run[-1].end],
                    their_text[other[0].start : other[-1].end],
                )
    return None


def _bracketed_telling(text: str, run: tuple[_Word, ...], other: tuple[_Word, ...]) -> bool:
    """Whether the objective holds too few of the phrase's telling words outside its brackets.

    Brackets say how a measure is counted: "Total antimicrobial use (DDD/1,000
    admissions)" shares with "Carbapenem use, DDD per 1,000 admissions" the way both
    are counted, and only "use" outside the brackets, so it does not name carbapenem
    use (one wrong claim on blind24, none right on any read set; linking-evaluation.md,
    "The fifth first-look pass").
    """
    bracketed = [(m.start(), m.end()) for m in _BRACKETS.finditer(text)]
    outside = [
        mine
        for mine, theirs in zip(run, other, strict=True)
        if _telling(mine.stem) and not any(s <= theirs.start < e for s, e in bracketed)
    ]
    return len(outside) < TELLING_WORDS


Aim = Literal["lower", "higher"]
_LOWER = re.compile(
    r"\b(?:cut|cuts|reduce[sd]?|reducing|reduction|halve[sd]?|lower|fewer|less|below|under|"
    r"down|decrease[sd]?|no more than|no|zero|none|eliminate[sd]?|end|stop|minimi[sz]e)\b",
    re.IGNORECASE,
)
_HIGHER = re.compile(
    r"\b(?:every|all|above|at least|increase[sd]?|increasing|raise[sd]?|more|grow|double|"
    r"100%|full|fully)\b",
    re.IGNORECASE,
)


def aim(text: str) -> Aim | None:
    """Which way an objective wants its measure to move, when its words say only one way.

    "Cut physical assaults on staff by 20%" is lower; "Breast milk at first
    feed above 80%" and "Every new HCSW awarded the Care Certificate" are
    higher. ``None`` when the words say neither or both.
    """
    lower, higher = bool(_LOWER.search(text)), bool(_HIGHER.search(text))
    if lower == higher:
        return None
    return "lower" if lower else "higher"
