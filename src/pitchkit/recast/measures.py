"""The measure map: NHS measures and aims, and which of them move which.

``measures.yaml`` beside this module lists concepts (SHMI, length of stay,
agency spend ...) with the names staff write them by, their themes and
directed "contributes to" edges, each with a reason a director would accept.
:func:`concepts_in` finds the concepts a text names; :func:`chain` finds how
an impact's concepts reach an objective's in at most two edges.

Matching uses the light stemming of :mod:`pitchkit.recast.lenses`, with stop words
left out on both sides, so "patients waiting more than 52 weeks" and
"52-week waits" meet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from pitchkit.recast.datafile import compile_data_file, read_data_file
from pitchkit.recast.quantity import read
from pitchkit.recast.stems import Stems, known, shipped
from pitchkit.recast.words import (
    PhraseMatcher,
    Token,
    _normal,
    _strip_plural,
    has_run,
    phrase,
    stem,
    tokens,
)

#: The most edges a chain may take from an impact's concept to an objective's.
MAX_STEPS = 2
#: ``measures.yaml`` saved as JSON, which loads far faster; remade by ``make lenses``.
COMPILED = "measures.json"
#: Abbreviations with ``&`` the tokenizer would split, spelt out before matching, and words
#: read otherwise before a determiner ("a falling use of force" is not about falls).
_AMPERSANDS = (
    (re.compile(r"\bA\s*&\s*G\b", re.IGNORECASE), "advice and guidance"),
    (re.compile(r"\bG\s*&\s*A\b", re.IGNORECASE), "general and acute"),
    # "A falling use of force" is use of force going down, not falls.
    (re.compile(r"\b(a|an|the) falling\b", re.IGNORECASE), r"\1 reducing"),
)


# The map's records are named tuples rather than frozen dataclasses: as immutable and compared
# and hashed by value the same way, but far cheaper to define when a command starts (issue 13).


class Edge(NamedTuple):
    """One "contributes to" edge: improving one concept moves ``target``."""

    target: str
    why: str
    source: str | None
    #: The source is counted inside the target (sepsis deaths in SHMI), not only a cause of it.
    part: bool = False
    #: The group of patients the reason holds for (``edge_populations``), if only one: the
    #: edge is taken only by an impact whose measure names that group (see :func:`chain`).
    population: str | None = None


class Concept(NamedTuple):
    """A measure or aim pitchkit recognises."""

    id: str
    label: str
    names: tuple[str, ...]
    themes: tuple[str, ...]
    broad: bool
    edges: tuple[Edge, ...]
    #: "measure" (the default), "population" or "setting" (whose or where: never a link on its
    #: own), or "frame" (a programme or process an objective is about, such as PSIRF).
    kind: str = "measure"
    #: Names of the area of care or work the concept belongs to ("procurement", "palliative
    #: care"), not of anything counted: found like names, but a text that names the concept
    #: only by them is about its topic, not its measure (see :func:`topic_only`).
    topics: tuple[str, ...] = ()
    #: A sum of money that does not say what it is spent on ("spend", "expenditure"): in an
    #: objective, a concept named after it across "on", "with" or "for" is what it aims at too
    #: ("spend with independent sector providers" is outsourcing's spend). See :func:`_heads`.
    open: bool = False
    #: Whether a chain may pass through the concept, not only start or end at it, when the
    #: board does not worry about it (see :func:`chain`): escalation beds close when bed days
    #: are saved only where they are open.
    through: bool = True
    #: ``"higher"`` when more of the concept is better and its edges' reasons count on more
    #: of it ("day-case lists treat more patients"): an impact whose measure of it falls
    #: (work moved elsewhere, fewer lists) takes none of them. ``"lower"`` for a sum of money
    #: whose edges count on less of it ("spending less for the same work is a saving"): an
    #: impact counted in pounds that rises (safer devices that cost more) takes none of
    #: them. See :func:`falling`.
    better: str | None = None
    #: Whether a measure that names it counts it alone: "Surveillance gastroscopies sent to
    #: the independent sector" counts work bought from another provider; the gastroscopies
    #: only say which work, so the trust's own endoscopy lists are not what it moves.
    sole: bool = False


class Step(NamedTuple):
    """One step of a chain: from one concept to the next, and why."""

    source: str
    target: str
    why: str
    reference: str | None
    part: bool = False


class Chain(NamedTuple):
    """How an impact's concept reaches an objective's: no steps when they are the same."""

    start: str
    steps: tuple[Step, ...]

    @property
    def end(self) -> str:
        """The concept the chain arrives at."""
        return self.steps[-1].target if self.steps else self.start

    def labels(self) -> tuple[str, ...]:
        """The concepts along the chain by their labels, first to last."""
        concepts = measure_map().concepts
        ids = (self.start, *(step.target for step in self.steps))
        return tuple(concepts[concept_id].label for concept_id in ids)


class MeasureMap(NamedTuple):
    """Every concept by id, and the table for finding their names."""

    concepts: Mapping[str, Concept]
    phrases: Mapping[tuple[str, ...], frozenset[str]]
    generic_words: frozenset[str]
    #: For each concept with topic names, the stems they are matched by.
    topic_keys: Mapping[str, frozenset[tuple[str, ...]]]


@cache
def read_measure_file() -> dict[str, Any]:
    """The contents of ``measures.yaml``: from its compiled copy when that is current.

    Read once: the measure map, its filler words and its qualifier families all use it.
    """
    return read_data_file("measures.yaml", COMPILED)


def compile_measure_file() -> str:
    """The JSON copy of ``measures.yaml`` that :func:`read_measure_file` prefers."""
    return compile_data_file("measures.yaml")


def content_tokens(text: str) -> tuple[Token, ...]:
    """The tokens of ``text`` that carry meaning: stop words left out."""
    for pattern, spelt in _AMPERSANDS:
        text = pattern.sub(spelt, text)
    filler = _filler_words()
    return tuple(token for token in tokens(text) if token.stem not in filler)


@cache
def _filler_words() -> frozenset[str]:
    """The stems :func:`content_tokens` leaves out."""
    return frozenset(stem(_normal(word)) for word in read_measure_file().get("filler_words") or ())


def name_key(name: str) -> tuple[str, ...]:
    """The stems a concept name is matched by.

    The measure map's own names come stemmed with pitchkit (:mod:`pitchkit.recast.stems`).
    """
    return key_of(name, shipped())


def key_of(name: str, table: Stems) -> tuple[str, ...]:
    """:func:`name_key` of ``name``: from ``table`` when it holds ``name``, else worked out."""
    found = known(table.name_keys, name)
    if found is not None:
        return found
    return tuple(token.stem for token in content_tokens(name))


def _concept(item: Mapping[str, Any]) -> Concept:
    names = tuple(str(name) for name in item["names"])
    edges = tuple(
        Edge(
            str(edge["id"]),
            str(edge["why"]),
            edge.get("source"),
            bool(edge.get("part", False)),
            str(edge["for"]) if edge.get("for") else None,
        )
        for edge in item.get("to") or ()
    )
    return Concept(
        id=str(item["id"]),
        label=str(item.get("label") or (names or tuple(item.get("topics") or ("",)))[0]),
        names=names,
        themes=tuple(item.get("themes") or ()),
        broad=bool(item.get("broad", False)),
        edges=edges,
        kind=str(item.get("kind") or "measure"),
        topics=tuple(str(name) for name in item.get("topics") or ()),
        open=bool(item.get("open", False)),
        through=bool(item.get("through", True)),
        better=str(item["better"]) if item.get("better") else None,
        sole=bool(item.get("sole", False)),
    )


@cache
def measure_map() -> MeasureMap:
    """Read ``measures.yaml`` once; its name table comes shipped in ``stems.json`` when current."""
    raw = read_measure_file()
    concepts = {item["id"]: _concept(item) for item in raw["concepts"]}
    saved = shipped().map_table
    table = name_table(raw, shipped()) if saved is None else _restored(saved)
    return MeasureMap(concepts=MappingProxyType(concepts), **table)


def name_table(raw: Mapping[str, Any], stems: Stems) -> dict[str, Any]:
    """The measure map's ``phrases``, ``generic_words`` and ``topic_keys``, worked out.

    Names are keyed with :func:`key_of` from ``stems``.
    """
    table: dict[tuple[str, ...], set[str]] = {}
    groups = _staff_groups(raw)
    topic_keys: dict[str, frozenset[tuple[str, ...]]] = {}
    for item in raw["concepts"]:
        concept = _concept(item)
        for name in (*concept.names, *concept.topics):
            key = key_of(name, stems)
            for variant in (key, *(key_of(text, stems) for text in staffed_names(name, groups))):
                if variant:
                    table.setdefault(variant, set()).add(concept.id)
        if concept.topics:
            topic_keys[concept.id] = frozenset(key_of(name, stems) for name in concept.topics)
    generic = frozenset(
        stem for word in raw.get("generic_words") or () for stem in key_of(word, stems)
    )
    return {
        "phrases": MappingProxyType({key: frozenset(ids) for key, ids in table.items()}),
        "generic_words": generic,
        "topic_keys": MappingProxyType(topic_keys),
    }


def saved_name_table(table: Mapping[str, Any]) -> dict[str, Any]:
    """:func:`name_table`'s result as JSON data (read back by :func:`_restored`)."""
    return {
        "phrases": [[" ".join(key), sorted(ids)] for key, ids in table["phrases"].items()],
        "generic_words": sorted(table["generic_words"]),
        "topic_keys": {
            concept: sorted(" ".join(key) for key in keys)
            for concept, keys in table["topic_keys"].items()
        },
    }


def _split(joined: str) -> tuple[str, ...]:
    """A key :func:`saved_name_table` joined by spaces, as a tuple again."""
    return tuple(joined.split(" ")) if joined else ()


def _restored(saved: Mapping[str, Any]) -> dict[str, Any]:
    """The table :func:`saved_name_table` saved, as :func:`name_table` gives it."""
    return {
        "phrases": MappingProxyType({_split(key): frozenset(ids) for key, ids in saved["phrases"]}),
        "generic_words": frozenset(saved["generic_words"]),
        "topic_keys": MappingProxyType(
            {
                concept: frozenset(_split(key) for key in keys)
                for concept, keys in saved["topic_keys"].items()
            }
        ),
    }


#: The word in a concept's name that any staff group may stand for: "staff leaving".
_STAFF = re.compile(r"\bstaff\b", re.IGNORECASE)


def _staff_groups(raw: Mapping[str, Any]) -> tuple[str, ...]:
    """Every phrase of the staff group family ("HCSWs", "doctors" ...)."""
    members = (raw.get("qualifier_families") or {}).get("staff group") or {}
    return tuple(sorted({str(p) for phrases in members.values() for p in phrases}))


def staffed_names(name: str, groups: tuple[str, ...]) -> list[str]:
    """``name`` with its word "staff" written as each staff group (none if it has no "staff").

    "Healthcare support workers leaving" is staff leaving (turnover), and
    "agency healthcare support worker shifts" agency staff: a name that says
    "staff" holds for any one group of them. Whose staff it is stays a
    qualifier (the staff group family), read from the text as before.
    "Staffing" is not "staff": "nurse staffing" is not "nurse nurses".
    Their keys ship in ``stems.json`` with the names' own (about 2,000 of
    them: working them out took about 20 ms of every recast).
    """
    if _STAFF.search(name) is None:
        return []
    return [_STAFF.sub(group, name, count=1) for group in groups]


def every_staffed_name(raw: Mapping[str, Any]) -> set[str]:
    """:func:`staffed_names` of every concept name and topic name in ``raw`` (``measures.yaml``)."""
    groups = _staff_groups(raw)
    return {
        staffed
        for item in raw["concepts"]
        for name in (*(item.get("names") or ()), *(item.get("topics") or ()))
        for staffed in staffed_names(str(name), groups)
    }


@cache
def _matcher() -> PhraseMatcher:
    # A specialty, setting or group word, or a number, between a name's words only says
    # whose or how many: "discharges from medical wards before noon", "free up 40 beds".
    return PhraseMatcher(measure_map().phrases, skippable=measure_map().generic_words)


class Mention(NamedTuple):
    """A concept named in a text, and the words that named it."""

    concept: str
    words: str
    start: int  # where the words are in the text (after ``A&G``-style spelling out)
    end: int


@lru_cache(maxsize=8192)
def mentions(text: str) -> tuple[Mention, ...]:
    """Every concept ``text`` names, in order, each once."""
    found = content_tokens(text)
    seen: dict[str, Mention] = {}
    spelt = text
    for pattern, replacement in _AMPERSANDS:
        spelt = pattern.sub(replacement, spelt)
    for hit in _matcher().find(found):
        start, end = found[hit.first].start, found[hit.last].end
        if RULES["time words"] and _time_not_name(spelt, start, end):
            continue
        if RULES["plural counts"] and hit.size == 1 and _specialty_not_count(spelt[start:end]):
            continue
        if RULES["change nouns"] and hit.size == 1 and _change_not_name(spelt, start, end):
            continue
        if RULES["clock times"] and hit.size > 1 and _CLOCK.search(spelt, start, end):
            continue
        for concept_id in sorted(hit.labels):
            if (
                RULES["other senses"]
                and hit.size == 1
                and _other_sense(spelt, start, end, concept_id)
            ):
                continue
            seen.setdefault(concept_id, Mention(concept_id, spelt[start:end], start, end))
    found_all = _waits_for_tests(spelt, tuple(seen.values()))
    if RULES["scans of a part"]:
        found_all = _scans_of_a_part(spelt, found_all)
    found_all = _tests_done(spelt, found_all)
    if RULES["heading waits"]:
        found_all = _heading_waits(spelt, found_all)
    return found_all


#: A scan of a part of the body, the modality first: "MRI knee scans", "CT chest scans",
#: "MRI internal auditory meatus scans", "CT and MRI head scans".
_SCAN_OF_A_PART = re.compile(
    r"\b(?:CT|MRI|ultrasound)(?:\s+(?:and|or)\s+(?:CT|MRI|ultrasound))?"
    r"(?:\s+(?!scans?\b|examinations?\b)[A-Za-z-]+){1,3}\s+(?:scans?|examinations?)\b",
    re.IGNORECASE,
)


def _scans_of_a_part(spelt: str, found: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """``found``, with a scan named by its modality and a part of the body read as tests done.

    The map names "MRI scans" and "CT scans"; staff name the part scanned between
    the two words ("MRI knee scans", "CT head scans"), which the matcher does not
    skip. Such a scan is a test of a modality the diagnostic waiting list (DM01)
    counts, whatever part is scanned, so it is read as the map's tests done (and
    left unread, as those are, when it is an inpatient's or bought).
    """
    concept = _tests_done_rule()[0]
    if not concept or any(m.concept == concept for m in found):
        return found
    hit = _SCAN_OF_A_PART.search(spelt)
    if hit is None:
        return found
    if any(m.start < hit.end() and hit.start() < m.end for m in found):
        return found  # the words already name a measure ("CT colonography", "low-dose CT")
    if re.search(r"\bfrom\s+(?:an?\s+|the\s+)?$", spelt[: hit.start()], re.IGNORECASE):
        return found  # "Days from CT colonography scan to verified report": where a time starts
    added = Mention(concept, hit.group(), hit.start(), hit.end())
    return tuple(sorted((*found, added), key=lambda m: m.start))


#: A heading naming a service, then a wait aimed at under it: "Diagnostics: no patient
#: waiting longer than 8 weeks", "Therapies: nobody waits longer than 14 weeks".
_HEADING_WAIT = re.compile(
    r"^\s*(?P<head>[A-Za-z][A-Za-z&' -]{2,40}?)\s*:\s*[^:;()]*?\b(?:wait|waits|waiting|waited)\b",
    re.IGNORECASE,
)


def _heading_waits(spelt: str, found: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """``found``, with a wait aimed at under a heading read as that heading's waits.

    NHS Wales writes its waiting-time targets as a service and then the wait
    ("Diagnostics: no patient waiting longer than 8 weeks", "Therapies: nobody
    waits longer than 14 weeks"): the wait is the service's, as "diagnostic
    waits" or "therapy waits" would say. The heading is read with "waits"
    after it, and a concept that reading names is added when the text names
    no concept of its own after the heading.
    """
    hit = _HEADING_WAIT.match(spelt)
    if hit is None:
        return found
    head = hit.group("head")
    if any(m.start >= hit.end("head") for m in found):
        return found  # the wait names its own measure ("Cancer: 62-day waits")
    have = {m.concept for m in found}
    added = tuple(
        Mention(m.concept, spelt[hit.start("head") : hit.end()], hit.start("head"), hit.end())
        for m in mentions(f"{head} waits")
        if m.concept not in have
    )
    if not added:
        return found
    return tuple(sorted((*found, *added), key=lambda m: m.start))


#: A time counted from something other than the test's request or referral:
#: "within 12 weeks of the fracture", "within 24 hours of admission".
_AFTER_EVENT = re.compile(
    r"\bwithin\s+\S+\s+\w+\s+of\s+(?:the\s+|their\s+|a\s+|an\s+)?(?!request|referral|being\s+referred)\w",
    re.IGNORECASE,
)


@cache
def _tests_done_rule() -> tuple[str, re.Pattern[str] | None]:
    """``tests_done`` in ``measures.yaml``: the concept, and the words that keep it unread."""
    raw = read_measure_file().get("tests_done") or {}
    words = sorted((str(w) for w in raw.get("not_when") or ()), key=len, reverse=True)
    if not words:
        return str(raw.get("concept") or ""), None
    either = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return str(raw.get("concept") or ""), re.compile(rf"\b(?:{either})\b", re.IGNORECASE)


def _tests_done(spelt: str, found: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """``found``, without tests done that are an inpatient's, bought, or timed from an event.

    "CT scans done" count what the diagnostic waiting list (DM01) counts as its
    activity; "inpatient CT scans" and "echocardiograms bought from an
    independent provider" do not take a planned patient off that list (the
    first is not on it; the second is money spent).
    """
    concept, pattern = _tests_done_rule()
    if not any(m.concept == concept for m in found):
        return found
    waited = _tests_waited_for()[2]
    if waited is not None and waited.search(spelt) is not None:
        # "Waits for an echocardiogram": a test waited for, not done.
        return tuple(m for m in found if m.concept != concept)
    elsewhere = pattern is not None and pattern.search(spelt) is not None
    after_event = bool((read_measure_file().get("tests_done") or {}).get("after_event"))
    if elsewhere or (after_event and _AFTER_EVENT.search(spelt) is not None):
        return tuple(m for m in found if m.concept != concept)
    return found


_TIME_SPAN = (
    r"(?:\d+|one|two|three|four|five|six|seven|eight|ten|twelve|24|48)[- ]?"
    r"(?:minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|months?|years?)\b"
)


#: "spending more than 12 hours in the department": time spent, not money.
@cache
def _spent_time() -> re.Pattern[str]:
    return re.compile(
        rf"^\s+(?:(?:more|less|longer) than |over |under |up to |at least )?{_TIME_SPAN}",
        re.IGNORECASE,
    )


_MONEY_WORD = re.compile(r"^(?:spend|spends|spending|spent)$", re.IGNORECASE)
#: A name that is only a span of time ("52 weeks"), written after "at": a point in time
#: ("still taking bone therapy at 52 weeks"), not a wait of that length.
_BARE_SPAN = re.compile(rf"^{_TIME_SPAN}$", re.IGNORECASE)
_AT = re.compile(r"\bat\s*$", re.IGNORECASE)


#: One ``other_senses`` entry: its words, the words straight before them that give the other
#: sense, words anywhere in the text that give it, and words anywhere that keep the concept's
#: own sense (without one of them, the words are read in the other sense).
_Sense = tuple[
    frozenset[str], re.Pattern[str] | None, re.Pattern[str] | None, re.Pattern[str] | None
]


def _either(words: Iterable[object] | None) -> str:
    """``words`` as one alternation, each escaped ("" for none)."""
    return "|".join(re.escape(str(word)) for word in words or ())


@cache
def _senses() -> dict[str, tuple[_Sense, ...]]:
    """``other_senses`` of ``measures.yaml``: for each concept, its words and their patterns."""
    table: dict[str, list[_Sense]] = {}
    for entry in read_measure_file().get("other_senses") or ():
        words = frozenset(str(word).casefold() for word in entry["words"])
        after, about, only = (_either(entry.get(key)) for key in ("after", "about", "only_with"))
        table.setdefault(str(entry["concept"]), []).append(
            (
                words,
                re.compile(rf"\b(?:{after})\s+$", re.IGNORECASE) if after else None,
                re.compile(rf"\b(?:{about})\b", re.IGNORECASE) if about else None,
                re.compile(rf"\b(?:{only})\b", re.IGNORECASE) if only else None,
            )
        )
    return {concept_id: tuple(entries) for concept_id, entries in table.items()}


def _other_sense(spelt: str, start: int, end: int, concept_id: str) -> bool:
    """Whether the one word at ``start:end`` is read here in another sense than ``concept_id``.

    See ``other_senses`` in ``measures.yaml``: "a coded chief complaint" is what a patient
    comes with, not a complaint; "participants recruited to commercial studies" is research
    recruitment, not a vacancy filled; "prison leavers" have left a prison, not a job; and
    "retain" is staff kept only where the words near it name staff ("Retain Good for Well-led",
    "retained office buildings" keep a rating and buildings). Plain English senses, not any
    project's words.
    """
    word = spelt[start:end].casefold()
    for words, after, about, only in _senses().get(concept_id, ()):
        if word not in words:
            continue
        if after is not None and after.search(spelt[:start]):
            return True
        if about is not None and about.search(spelt):
            return True
        if only is not None and not only.search(_near(spelt, start, end)):
            return True
    return False


#: How many words either side of a word :func:`_near` gives: enough for what a verb keeps
#: ("retain our newly qualified nurses") or a noun's owner ("registered nurse retention").
NEAR_WORDS = 4


def _near(spelt: str, start: int, end: int) -> str:
    """The :data:`NEAR_WORDS` words either side of ``spelt[start:end]``, in one string.

    Only words this near say what a word is about: "Retain Good for Well-led, with WDES
    and WRES evidence for the workforce equality ... statement" names the workforce nine
    words on, about the evidence, and keeps a rating.
    """
    before = spelt[:start].split()[-NEAR_WORDS:]
    after = spelt[end:].split()[:NEAR_WORDS]
    return " ".join((*before, *after))


#: A span of working or waiting time named before a money word: "days men awaiting transfer
#: spend in the segregation unit", "nights spent in hospital".
_TIME_BEFORE = re.compile(
    r"\b(?:minutes?|hours?|days?|nights?|weeks?|months?|bed days|time)\b", re.IGNORECASE
)
#: A place after the money word: "spend in the unit", "spent at home". Money is spent on or
#: with something.
_IN_PLACE = re.compile(r"^\s+(?:in|at)\b", re.IGNORECASE)


def _time_not_name(spelt: str, start: int, end: int) -> bool:
    """Whether the words at ``start:end`` say a time where they stand, not the name they match.

    A money word followed by a span of time ("spending more than 12 hours") is
    time spent, not money; a bare span of time after "at" ("at 52 weeks") is a
    point in time, not a wait of that length. A money word after a span of time and before
    "in" or "at" ("days ... spend in the unit", "nights spent at home") is time spent
    in a place. Plain English, not any project's words.
    """
    words = spelt[start:end]
    if _MONEY_WORD.match(words) and _spent_time().match(spelt[end:]):
        return True
    if (
        RULES["time spent in"]
        and _MONEY_WORD.match(words)
        and _IN_PLACE.match(spelt[end:])
        and _TIME_BEFORE.search(spelt[:start])
    ):
        # "Days men awaiting transfer spend in the prison segregation unit": time spent in a
        # place, not money (blind78: claimed for a CIP).
        return True
    return bool(_BARE_SPAN.match(words) and _AT.search(spelt[:start]))


#: A noun of change heading a measure: "Fall in ED 4-hour performance", "a fall in
#: the length of stay". "Patients who fall in hospital" is a patient's fall (a verb,
#: after "who"), and "falls in hospital" is plural: both are read as the name.
_CHANGE_NOUN = re.compile(r"(?:rise|fall|drop|dip)$", re.IGNORECASE)
_CHANGE_BEFORE = re.compile(r"(?:^\s*|\b(?:a|an|the|any|no)\s+)$", re.IGNORECASE)
_CHANGE_AFTER = re.compile(r"\s+(?:in|of)\b", re.IGNORECASE)


#: A time of day ("by 10:00", "before 12:00"). Inside a name's words it says when
#: something is done, so the words either side are not one name: "TTOs ready by 10:00
#: for discharges planned the day before" are medicines ready, not patients ready for
#: discharge (blind71).
_CLOCK = re.compile(r"\b(?:[01]?\d|2[0-3]):[0-5]\d\b")


def _change_not_name(spelt: str, start: int, end: int) -> bool:
    """Whether the one word at ``start:end`` is a change in a measure, not the name it matches.

    "Fall in ED 4-hour performance in the go-live month" counts a drop in the
    four-hour standard, not patients who fell: a singular "fall" (or "rise",
    "drop", "dip") opening the text or after an article, and followed by "in" or
    "of", says how much a measure moved (blind73). Plain English, not any project's
    words.
    """
    return bool(
        _CHANGE_NOUN.fullmatch(spelt[start:end])
        and _CHANGE_BEFORE.search(spelt[:start])
        and _CHANGE_AFTER.match(spelt[end:])
    )


def _specialty_not_count(word: str) -> bool:
    """Whether a one-word name, written ``word``, is a specialty's name here, not a count.

    "Stroke" is a specialty (a generic word: "stroke unit", "stroke patients")
    and, in the plural, what is counted ("strokes in people with atrial
    fibrillation"). Stemming makes the two one word, so a generic word the map
    names a concept by in the plural only ("strokes") is found only where it is
    written in the plural. One it names in the singular ("experience",
    "safety") is found as written.
    """
    normal = _normal(word)
    return stem(normal) in _plural_names() and _strip_plural(normal) == normal


@cache
def _plural_names() -> frozenset[str]:
    """Stems of the generic words the map names a concept by in the plural, never the singular."""
    generic = measure_map().generic_words
    plural: set[str] = set()
    singular: set[str] = set()
    for concept in measure_map().concepts.values():
        for name in concept.names:
            normal = _normal(name)
            if " " in normal or stem(normal) not in generic:
                continue
            (plural if _strip_plural(normal) != normal else singular).add(stem(normal))
    return frozenset(plural - singular)


#: A word every wait :func:`_tests_waited_for`'s pattern finds holds, in any case.
_WAIT_WORD = re.compile(r"wait|breach|backlog", re.IGNORECASE)


@cache
def _tests_waited_for() -> tuple[str, frozenset[str], re.Pattern[str] | None]:
    """``waits_for_tests`` in ``measures.yaml``: the concept, the waits it replaces, a pattern.

    The pattern finds a wait for a diagnostic test: "waiting ... for a sleep
    study", "waits for an MRI", "MRI waits", "sleep study waiting list".
    """
    raw = read_measure_file().get("waits_for_tests") or {}
    tests = sorted((str(t) for t in raw.get("tests") or ()), key=len, reverse=True)
    if not tests:
        return "", frozenset(), None
    test = "|".join(re.escape(t).replace(r"\ ", r"[\s-]+") for t in tests)
    wait = r"(?:wait|waits|waiting|waited)"
    pattern = re.compile(
        rf"\b{wait}\b[^,;.()]*?\bfor\s+(?:(?:an?|the|their)\s+)?(?:[\w-]+\s+){{0,2}}?(?:{test})\b"
        rf"|\b(?:{test})[\s-]+(?:{wait}|breach|breaches|backlog)\b",
        re.IGNORECASE,
    )
    return str(raw.get("concept") or ""), frozenset(raw.get("waits") or ()), pattern


def _waits_for_tests(spelt: str, found: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """``found``, with a wait for a diagnostic test read as a diagnostic wait.

    "Patients waiting more than 18 weeks for a sleep study" names "18 weeks",
    a name of the RTT standard, but what is counted is a wait for a test of
    one of the modalities the six-week diagnostic standard (DM01) counts.
    A wait the map reads as RTT or a long wait is read as a diagnostic wait;
    a wait the map does not read at all ("waits for an MRI") is read so too.
    """
    if not _WAIT_WORD.search(spelt):
        return found  # no wait the pattern could find: it need not even be made
    concept, waits, pattern = _tests_waited_for()
    hit = pattern.search(spelt) if pattern is not None else None
    if hit is None or any(m.concept == concept for m in found):
        return found
    if _INPATIENT.search(spelt[max(0, hit.start() - 12) : hit.end()]):
        # A test for a patient already in a bed: labellers did not take it for a DM01 wait.
        return found
    relabelled = tuple(
        Mention(concept, m.words, m.start, m.end) if m.concept in waits else m for m in found
    )
    if any(m.concept == concept for m in relabelled):
        seen: dict[str, Mention] = {}
        for m in relabelled:
            seen.setdefault(m.concept, m)
        return tuple(seen.values())
    generic = measure_map().generic_words
    head = _NOBODY.sub("", spelt[: hit.start()])
    if RULES["wait statistics"]:
        # "Median weeks waiting for a DEXA scan" is the wait itself, told as a statistic.
        head = _WAIT_STATISTIC.sub("", head)
    if any(t.stem not in generic for t in content_tokens(head)):
        # Only a wait that heads the text is what it counts: "Bed days spent waiting for
        # an echo" count bed days, and "TIA patients admitted ... to wait for imaging"
        # admissions; the wait only says why.
        return found
    added = Mention(concept, hit.group(), hit.start(), hit.end())
    return tuple(sorted((*found, added), key=lambda m: m.start))


#: A wait aimed at for everyone: "No one waits over 8 weeks for a diagnostic test".
_NOBODY = re.compile(r"^\s*(?:no[\s-]*one|nobody|no\s+patients?)\s*$", re.IGNORECASE)

#: How long a wait is, told as a statistic of it: "Median weeks", "Average days", "Mean time".
_WAIT_STATISTIC = re.compile(
    r"^\s*(?:the\s+)?(?:median|mean|average|longest|maximum|90th\s+percentile)?\s*"
    r"(?:number\s+of\s+)?(?:weeks|days|hours|months|time)?\s*$",
    re.IGNORECASE,
)

#: An inpatient's test: "an inpatient MRI", "inpatients waiting for an echo".
_INPATIENT = re.compile(r"\binpatients?\b", re.IGNORECASE)


def focus(found: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """The concepts a text is about: its specific ones, or its broad ones when it has none.

    A population or setting is never more specific than a measure: "Reduce
    backlog maintenance risk in the estate" is about backlog maintenance.
    """
    concepts = measure_map().concepts
    specific = tuple(
        m
        for m in found
        if not concepts[m.concept].broad and concepts[m.concept].kind not in QUALIFYING_KINDS
    )
    return specific or found


def concepts_in(text: str, *, broad: bool = False) -> tuple[str, ...]:
    """The ids of the concepts ``text`` is about (see :func:`focus`).

    With ``broad``, every concept it names, broad ones included: an impact's
    broad concepts may reach an objective, an objective's only count when
    it names nothing more specific.
    """
    found = mentions(text)
    return tuple(m.concept for m in (found if broad else focus(found)))


#: The first word after a concept's name, written straight after it (a hyphen between allowed).
@cache
def _next_word() -> re.Pattern[str]:
    return re.compile(r"^[ \t]*-?[ \t]*([A-Za-z][A-Za-z'’-]*)")


#: Words after a concept's name that leave it the thing counted: they say of what, for whom,
#: when or how much ("Emergency admissions *for* ...", "Turnover *below* 10%"), or which
#: figure of it ("Vacancy *rate*", "agency *spend*").
_NOT_QUALIFIED = frozenset(
    {
        "of",
        "for",
        "in",
        "with",
        "to",
        "from",
        "by",
        "within",
        "at",
        "on",
        "as",
        "and",
        "or",
        "than",
        "over",
        "under",
        "per",
        "among",
        "after",
        "before",
        "between",
        "who",
        "whose",
        "which",
        "that",
        "while",
        "where",
        "when",
        "into",
        "across",
        "about",
        "including",
        "excluding",
        "not",
        "no",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "being",
        "rate",
        "rates",
        "score",
        "scores",
        "spend",
        "spending",
        "utilisation",
        "occupancy",
        "occupied",
        "compliance",
        "performance",
        "time",
        "times",
        "level",
        "levels",
        "number",
        "numbers",
        "count",
        "total",
        "percentage",
        "share",
        "below",
        "above",
        "down",
        "up",
        "fewer",
        "more",
        "less",
        "lower",
        "higher",
        "cost",
        "costs",
        "days",
        "ratio",
        "incidents",
        "figure",
        "figures",
        "position",
        "target",
        "targets",
        "waits",
    }
)


@lru_cache(maxsize=8192)
def qualifies_only(text: str, concept_id: str) -> bool:
    """Whether ``text`` names ``concept_id`` only as a word qualifying something else it counts.

    "Level 3 adult *safeguarding* training", "*Frailty* virtual ward 80% occupied",
    "Spend 95% of the *apprenticeship* levy": the name is followed straight away by a
    noun of its own, so what is counted is the training, the ward or the levy. A
    preposition, a verb form in -ed or -ing, or a word for a figure of the concept (rate,
    spend, occupancy ...) after the name leaves the concept the thing counted. Read at
    every place ``text`` names it; a text that does not name it is not qualified.
    """
    spelt = _spelt(text)
    for m in mentions(text):
        if m.concept != concept_id:
            continue
        found = _next_word().match(spelt[m.end :])
        if found is None:
            continue
        word = found.group(1).casefold()
        if word in _NOT_QUALIFIED or word.endswith(("ed", "ing")):
            continue
        return True
    return False


@lru_cache(maxsize=8192)
def qualifies_concept(text: str, concept_id: str, other: str) -> str | None:
    """The other concept ``text`` names ``concept_id`` only to qualify, when ``other`` lacks it.

    "*Community nursing* turnover below 12%", "Outpatient *letters* printed and
    posted", "95% positive in the *day surgery* FFT": straight after every name of
    the concept (nothing but a space or hyphen between) comes the name of another
    measure of the map, of none of the concept's themes, neither broad (harm) nor an
    open sum of money (spend), so what the text counts is that other measure (staff
    turnover, printing and postage, the Friends and Family Test) about the concept. A
    same-concept link through such a text stands on the qualifier alone, unless
    ``other`` (the other side of the link) names the qualified measure too. Gives the
    qualified measure's words as written, or ``None``.
    """
    if not RULES["qualified concepts"]:
        return None
    found = mentions(text)
    own = [m for m in found if m.concept == concept_id]
    if not own:
        return None
    spelt = _spelt(text)
    concepts = measure_map().concepts
    themes = set(concepts[concept_id].themes)
    named = {m.concept for m in mentions(other)}
    qualified: str | None = None
    for mention in own:
        after = [m for m in found if m.concept != concept_id and m.start >= mention.end]
        if not after:
            return None
        head = min(after, key=lambda m: m.start)
        if spelt[mention.end : head.start].strip(" -"):
            return None
        concept = concepts[head.concept]
        if (
            concept.kind != "measure"
            or concept.broad
            or concept.open
            or themes & set(concept.themes)
            or head.concept in named
        ):
            return None
        qualified = head.words
    return qualified


def counts_other_thing(text: str, concept_id: str, unit: str) -> bool:
    """Whether ``text`` names ``concept_id`` only before the goods its ``unit`` counts.

    "Single-use bed and chair falls sensor pads issued", counted in pads: the unit
    is one of the map's ``goods_words``, a word of the noun run straight after every
    name of the concept, and none of the concept's own words, so the measure counts
    pads for falls, not falls (newuser20 #1). Any unit at all was tried and cost 21
    right claims for 6 wrong ones (locum sessions, C. difficile cases: the thing a
    concept is counted in), docs/linking-evaluation.md, "New-user links, session 19".
    """
    unit_tokens = content_tokens(unit)
    if len(unit_tokens) != 1 or unit_tokens[0].stem not in _goods_words():
        return False
    counted = unit_tokens[0].stem
    own = [m for m in mentions(text) if m.concept == concept_id]
    if not own:
        return False
    spelt = _spelt(text)
    words = content_tokens(spelt)
    for mention in own:
        if counted in {t.stem for t in content_tokens(mention.words)}:
            return False
        end, found = mention.end, False
        for token in (t for t in words if t.start >= mention.end):
            if spelt[end : token.start].strip(" -"):
                break
            if token.stem == counted:
                found = True
                break
            end = token.end
        if not found:
            return False
    return True


def names_goods(text: str) -> bool:
    """Whether ``text`` names goods bought by a word of the map's ``goods_words``.

    "Spend on wound care *dressings*", "*Consumables* issued": what the money or the
    count is for is things bought, not pay.
    """
    goods = _goods_words()
    return any(token.stem in goods for token in content_tokens(_spelt(text)))


def names_payee(text: str) -> bool:
    """Whether ``text`` names a body paid that is not one's own staff (``payee_words``).

    "Spend on private ambulance *providers*", "Spend with local *suppliers*": what the
    money is paid to is another organisation, so it is not pay.
    """
    payees = _payee_words()
    return any(token.stem in payees for token in content_tokens(_spelt(text)))


@cache
def _payee_words() -> frozenset[str]:
    """The stems of ``payee_words`` in ``measures.yaml``."""
    return frozenset(stem(_normal(word)) for word in read_measure_file().get("payee_words") or ())


@cache
def _goods_words() -> frozenset[str]:
    """The stems of ``goods_words`` in ``measures.yaml``."""
    return frozenset(stem(_normal(word)) for word in read_measure_file().get("goods_words") or ())


def own_names(text: str, concept_id: str) -> tuple[str, ...]:
    """The words by which ``text`` names ``concept_id`` (none when it does not)."""
    return tuple(m.words for m in mentions(text) if m.concept == concept_id)


@lru_cache(maxsize=8192)
def topic_only(text: str, concept_id: str) -> bool:
    """Whether ``text`` names ``concept_id`` only by the names of its area, never of a measure.

    "Green Plan - supply chain (scope 3) emissions" and "Non-pay invoices
    raised against an approved purchase order" both name procurement, but
    only as the area they are about ("supply", "purchase"): what they count
    is emissions and invoices. "Addressable non-pay spend with local SMEs"
    names it by a measure (non-pay spend). ``False`` when ``text`` does not
    name the concept at all.
    """
    topics = measure_map().topic_keys.get(concept_id)
    if not topics:
        return False
    found = content_tokens(text)
    keys = [
        tuple(token.stem for token in found[hit.first : hit.last + 1])
        for hit in _matcher().find(found)
        if concept_id in hit.labels
    ]
    return bool(keys) and all(key in topics for key in keys)


#: An aside in an impact's measure: words in brackets, which say how, where or by what
#: it is counted ("(SSNAP six-month assessment)", "(alcohol or drugs, incl. after leave)").
#: An objective's brackets and lists ("Premium pay (bank, agency, WLI)", "the efficiency
#: programme, including ending outsourced spend") name the parts it is made of, which it
#: counts: they are not asides.
_BRACKETS = re.compile(r"\([^()]*\)")


def without_asides(measure: str) -> str:
    """An impact's ``measure`` with its asides (the words in brackets) blanked."""
    return _BRACKETS.sub(" ", measure)


def named_aside(measure: str, concept_id: str) -> bool:
    """Whether an impact's ``measure`` names ``concept_id`` only in an aside (in brackets).

    "Incidents of patients intoxicated on the ward (alcohol or drugs, incl. after
    leave)" counts incidents: alcohol is named only in brackets.
    """
    if not RULES["asides"]:
        return False
    if concept_id not in measured(measure) or concept_id in measured(without_asides(measure)):
        return False
    return not any(_glosses(bracket[1:-1], concept_id) for bracket in _BRACKETS.findall(measure))


def _glosses(words: str, concept_id: str) -> bool:
    """Whether bracketed ``words`` are wholly one of ``concept_id``'s names: the measure's own name.

    "Patients who would recommend our care (Friends and Family Test)" gives in
    brackets the name of what it counts, not how or where it is counted.
    """
    key = name_key(words)
    concept = measure_map().concepts[concept_id]
    return bool(key) and any(name_key(name) == key for name in concept.names)


@cache
def _instrument_words() -> frozenset[str]:
    """The stems of ``instrument_words`` in ``measures.yaml``."""
    words = read_measure_file().get("instrument_words") or ()
    return frozenset(stem(_normal(str(word))) for word in words)


@cache
def _own_words(concept_id: str) -> frozenset[str]:
    """Every stem in a concept's names and topic names."""
    concept = measure_map().concepts[concept_id]
    return frozenset(word for name in (*concept.names, *concept.topics) for word in name_key(name))


@lru_cache(maxsize=8192)
def instrument_head(text: str, concept_id: str) -> str | None:
    """The instrument ``text`` counts about ``concept_id``, when it names the concept only so.

    "Top 20% of trusts for the food questions in the Adult Inpatient Survey"
    and "5-star food hygiene rating" name hospital food only as a word
    before "questions" or "rating": what they count is survey answers and a
    rating. "Staff survey Q3h (adequate materials, supplies and equipment)"
    names procurement only after "survey", across a bracket. Returns the
    instrument word as written, or ``None`` when the concept heads the text
    (or the text does not name it, or the word is one of the concept's own
    names: "staff survey engagement score" is the staff survey's measure).
    """
    spelt = _spelt(text)
    found = content_tokens(text)
    own = [m for m in mentions(text) if m.concept == concept_id]
    if not own:
        return None
    instruments = _instrument_words() - _own_words(concept_id)
    mention = own[0]
    # A modifier: an instrument word in the same run of words after the name; a bracket
    # inside the run is passed over ("supply chain (scope 3) emissions").
    brackets = [b.span() for b in _BRACKET.finditer(spelt) if b.start() >= mention.end]
    end = mention.end
    for token in found:
        if token.start < end or any(a <= token.start < b for a, b in brackets):
            continue
        if _BRACKET.sub("", spelt[end : token.start]).strip(" -"):
            break
        if token.stem in instruments:
            return spelt[token.start : token.end]
        end = token.end
    # A complement: after an instrument word, across a qualifying word or a bracket.
    for token in found:
        if token.end > mention.start:
            break
        between = spelt[token.end : mention.start]
        if token.stem in instruments and (_QUALIFIER.search(between) or "(" in between):
            return spelt[token.start : token.end]
    return None


def named_as_mode(text: str, concept_id: str) -> bool:
    """Whether ``text`` names ``concept_id`` only as the way its things are done.

    "Elective inguinal hernia repairs done as day cases" counts repairs, and
    how they were done: doing the same operations as day cases is not more of
    what day-case activity is counted in (elective activity), though it may
    free beds. The name stands straight after "done as", "performed as",
    "carried out as", "treated as" or "operated on as"; or, when ``RULES["modes
    widened"]``, after "discharged on" ("knee replacements discharged on the day of
    surgery": the same operations, sent home sooner), or after "instead of",
    "rather than" or "in place of" when more of the concept is better (``better:
    higher``): "hysteroscopies done in the outpatient clinic instead of day-case
    theatre" are day cases no longer done, so the edges that count on more of them
    do not hold. On every set up to blind64 the widened forms read three claims,
    all labelled wrong, in three domains of three sets (linking-evaluation.md,
    "The sixteenth pass").
    """
    own = [m for m in mentions(text) if m.concept == concept_id]
    if not RULES["modes"] or not own:
        return False
    spelt = _spelt(text)
    if all(_MODE.search(spelt[: m.start]) for m in own):
        return True
    if not RULES["modes widened"]:
        return False
    if all(_DISCHARGED_ON.search(spelt[: m.start]) for m in own):
        return True
    return measure_map().concepts[concept_id].better == "higher" and all(
        _REPLACED.search(spelt[: m.start]) for m in own
    )


#: The words before a concept that name it as the event a count is taken before or after:
#: "appointments held *before the first* diagnostic test", "courses started *after a*
#: sharps injury", "time in ED *after* self-harm".
_EVENT = re.compile(
    r"\b(?:before|prior to|ahead of|after|following)\s+"
    r"(?:(?:an?|the|their|his|her|each|every|any)\s+)?(?:first\s+|next\s+)?$",
    re.IGNORECASE,
)


def named_as_event(text: str, concept_id: str) -> bool:
    """Whether ``text`` names ``concept_id`` only as the event its things come before or after.

    "Face-to-face respiratory clinic appointments held before the first
    diagnostic test" counts clinic appointments: the test only says when they
    are held, so fewer of them does not shorten diagnostic waits. "HIV
    post-exposure prophylaxis courses started after a sharps injury" counts
    courses, not injuries. An outcome measured after the event ("30-day
    mortality after emergency laparotomy": a broad concept before the word) is
    that event's outcome, and keeps it.
    """
    found = mentions(text)
    own = [m for m in found if m.concept == concept_id]
    if not RULES["events"] or not own:
        return False
    spelt = _spelt(text)
    concepts = measure_map().concepts
    for mention in own:
        hit = _EVENT.search(spelt[: mention.start])
        if hit is None:
            return False
        if any(concepts[m.concept].broad and m.end <= hit.start() for m in found):
            return False
    return True


#: The words before a concept that name it as what the counted things are for: "peripartum
#: hysterectomies *for* postpartum haemorrhage", "admissions *for suspected* sepsis". "Positive
#: for" and "negative for" give a test's result, which counts the concept found.
#: One hyphened word may stand between: "for suspected *early-onset* sepsis", "for
#: *hospital-acquired* pneumonia".
_FOR_REASON = re.compile(
    r"(?<!positive )(?<!negative )\bfor\s+(?:(?:an?|the|their)\s+)?"
    r"(?:(?:suspected|possible|presumed|probable|query|queried)\s+)?(?:\w+-\w+\s+)?$",
    re.IGNORECASE,
)
#: The words before a concept that name it as what people have ("patients *with a*
#: bloodstream infection"), when care given to them follows: what is counted is the care.
_WITH_REASON = re.compile(
    r"\b(?:with|who (?:have|had))\s+(?:(?:an?|the)\s+)?"
    r"(?:(?:suspected|possible|presumed|confirmed|known)\s+)?$",
    re.IGNORECASE,
)
#: Care given to people who have the concept, after it in the same clause: "on the optimal
#: antibiotic", "given IV antibiotics", "started on", "treated with".
_CARE_AFTER = re.compile(
    r"^[^,;:()]*?\b(?:on (?:the |an? )?(?:optimal|appropriate|right|correct|recommended)|"
    r"given|receiving|started on|treated with|prescribed|switched)\b",
    re.IGNORECASE,
)


def named_as_reason(text: str, concept_id: str) -> bool:
    """Whether ``text`` names ``concept_id`` only as what the things it counts are done for.

    "Peripartum hysterectomies for postpartum haemorrhage" counts operations done
    because of a haemorrhage, not haemorrhages; "admissions to the neonatal unit for
    suspected sepsis" counts admissions; "patients with a bloodstream infection on the
    optimal antibiotic within 24 hours" counts treatment given, which does not prevent
    the infections an objective counts. Every mention of the concept must be so: after
    "for" (not "positive for", a test's result), or after "with" when care given to
    them follows in the same clause. The caller asks whether the other side names it
    the same way (fewer admissions *for* self-harm against ED attendances *for*
    self-harm), which counts the same kind of thing.
    """
    own = [m for m in mentions(text) if m.concept == concept_id]
    if not RULES["reasons"] or not own:
        return False
    spelt = _spelt(text)
    return all(
        _FOR_REASON.search(spelt[: m.start]) is not None
        or (
            _WITH_REASON.search(spelt[: m.start]) is not None
            and _CARE_AFTER.search(spelt[m.end :]) is not None
        )
        for m in own
    )


def step_done_for(text: str, concept_id: str) -> str | None:
    """The step of care ``text`` counts as done to each of ``concept_id``'s things, if any.

    "Emergency admissions aged 16 and over screened with AUDIT-C within 24
    hours", "Weekend discharges referred to community pharmacy", "Deaths
    referred to the coroner": the concept is named, then narrowed by a step
    of care done to each of its things. Screening more admissions, or
    referring more discharges, does not change how many there are, nor what
    they add up to (the beds they fill, the weekend discharge rate). The
    step must follow the concept's last mention in the same clause, with no
    relative clause or doer between ("whose need was reviewed", "by people
    referred"), and the text must not name a step before the concept
    ("Patients referred ... whose admissions"). Gives the step's stem
    ("screen", "referr", "review", "assess"), so a caller can tell an
    objective about the same step.
    """
    own = [m for m in mentions(text) if m.concept == concept_id]
    if not RULES["steps done"] or not own:
        return None
    spelt = _spelt(text)
    first, last = min(m.start for m in own), max(m.end for m in own)
    if _STEP_DONE.search(spelt[:first]):
        return None
    hit = _STEP_AFTER.match(spelt[last:])
    if hit is None or _STEP_OTHERS.search(hit.group(1)):
        return None
    return hit.group(2).lower()


def names_step(text: str, stem: str) -> bool:
    """Whether ``text`` names the step of care ``stem`` ("referr": referrals, referred)."""
    return re.search(rf"\b{stem}\w*", text, re.IGNORECASE) is not None


#: Steps of care done to each thing a measure counts.
_STEP_DONE = re.compile(r"\b(?:screened|referred|reviewed|assessed)\b", re.IGNORECASE)
#: The words between a concept and the step done to its things (one clause).
_STEP_AFTER = re.compile(r"([^,;:()]*?)\b(screen|referr|review|assess)ed\b", re.IGNORECASE)
#: Between the concept and the step: the step is done to someone or something else.
_STEP_OTHERS = re.compile(
    r"\b(?:who|whose|which|that|was|were|is|are|been|by)\b",
    re.IGNORECASE,
)


#: The words before a concept that say it is the way things are done ("done as day cases").
_MODE = re.compile(
    r"\b(?:done|performed|carried out|treated|operated on)\s+as\s+(?:an?\s+)?$", re.IGNORECASE
)

#: The words before a concept that say the things counted were sent home in that way:
#: "knee replacements *discharged on the* day of surgery".
_DISCHARGED_ON = re.compile(r"\bdischarged\s+(?:home\s+)?on\s+(?:the\s+)?$", re.IGNORECASE)

#: The words before a concept that say the things counted replace it: "done in the
#: outpatient clinic *instead of* day-case theatre".
_REPLACED = re.compile(
    r"\b(?:instead of|rather than|in place of)\s+(?:(?:an?|the)\s+)?$", re.IGNORECASE
)


#: A bracketed aside inside a run of words: "supply chain (scope 3) emissions".
_BRACKET = re.compile(r"\([^()]*\)")


#: Words after which a measure's text narrows who or what is counted.
_QUALIFIER = re.compile(
    r"\b(for|per|with|in|on|of|from|after|among|at|during|used|who|whose|under|when|within"
    r"|caused by|due to|because of|to cover|to replace|spent treating|treating|to treat)\b",
    re.IGNORECASE,
)


#: After a broad aim ("mortality", "harm"), what follows these words names whose.
_AFTER = re.compile(r"\b(after|following)\b", re.IGNORECASE)


@lru_cache(maxsize=8192)
def measured(text: str) -> tuple[str, ...]:
    """The concepts an impact's measure counts: its head, not the words that narrow it.

    "Critical care bed days used by patients with sepsis" counts bed days:
    sepsis only says whose. The first concept named is the head; later ones
    count too unless a qualifying word ("for", "with", "of" ...) comes
    first. When the head is broad ("harm from falls"), the specific ones
    after it count as well. Remembered, like :func:`aimed`, for the last
    8,192 texts: each impact is read against every objective of a team.
    """
    found = mentions(text)
    if RULES["anchors"]:
        spelt = _spelt(text)
        found = tuple(m for m in found if not _ANCHOR.search(spelt[: m.start]))
    kept = _heads(text, found, lead=True)
    concepts = measure_map().concepts
    # Insourced lists are the trust's own lists worked by another provider's staff: they
    # still count as the work they are (an insourced endoscopy list is an endoscopy list).
    alone = tuple(
        m.concept for m in kept if concepts[m.concept].sole and not _BROUGHT_IN.match(m.words)
    )
    return alone or tuple(m.concept for m in kept)


#: Outsourcing's names that bring the provider in rather than send the work out.
_BROUGHT_IN = re.compile(r"insourc", re.IGNORECASE)


#: A time window's starting event: "within 6 weeks *of a* death", "within 3 months of a
#: missed appointment". What the measure counts is done after that event; the event is
#: what the window is measured from, so the measure cannot move how often it happens.
_ANCHOR = re.compile(
    r"\b(?:within|after)\s+"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|ten|twelve|a)[- ]"
    r"(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|working days)"
    r"\s+(?:of|after|from|following)\s+(?:an?\s+|the\s+|their\s+|each\s+)?$",
    re.IGNORECASE,
)


@lru_cache(maxsize=8192)
def aimed(text: str) -> tuple[str, ...]:
    """The concepts an objective aims at: its head, not the words that say for whom.

    "Personalised care and support planning for people with long-term
    conditions" aims at care planning, not at long-term conditions. The
    qualifying words are read as in :func:`measured`; of what is left, a
    broad concept counts only when nothing more specific is (see :func:`focus`).

    An objective that says how it is to be met ("Carbon reduction through
    the estates and capital programme") aims at that means when the map
    knows it: anaesthetic gases cut carbon, but not through the estate. One
    that opens with a measure of its own ("Reduce cardiac arrests on the
    wards through earlier recognition of deterioration") aims at both.
    """
    found = mentions(text)
    spelt = _spelt(text)
    means = _MEANS.search(spelt)
    parts: tuple[tuple[Mention, ...], ...] = (found,)
    if means is not None:
        after = tuple(m for m in found if m.start >= means.end())
        if _opens_with_measure(spelt, found, means.start()):
            # Its head measure stays what it aims at; the means is read as a second head.
            parts = (tuple(m for m in found if m.end <= means.start()), after)
        else:
            # A broad aim ("Carbon reduction"), or one that counts something else first
            # ("Support 200 staff to stop smoking through ..."), is narrowed to its means.
            parts = (after or found,)
    if RULES["frames"]:
        concepts = measure_map().concepts
        frames = tuple(m for part in parts for m in part if concepts[m.concept].kind == "frame")
        if frames:
            # "PSIRF fully embedded, with thematic learning on falls": the aim is
            # the framework; falls is only what its learning is about.
            return tuple(m.concept for m in frames)
    heads = {m.concept: m for part in parts for m in _heads(text, part, lead=False)}
    return tuple(m.concept for m in focus(tuple(heads.values())))


#: Words after which an objective names the means it is to be met by: "through", "via",
#: "by means of", and "by" before a verb in -ing ("by switching to LED lighting"; "by 20%"
#: and "by March" say how much and when).
_MEANS = re.compile(r"\b(through|via|by means of|by(?=\s+\w+ing\b))\b", re.IGNORECASE)


def _opens_with_measure(spelt: str, found: tuple[Mention, ...], cut: int) -> bool:
    """Whether an objective opens with a specific measure before ``cut`` (its means clause).

    Only an aim verb, filler and numbers may stand before it: "Reduce cardiac
    arrests ..." opens with its measure; "Support 200 staff to stop smoking ..."
    counts staff supported, and "Release 40 medical beds" beds released.
    """
    first = next((m for m in found if m.end <= cut), None)
    if first is None or not _names_a_measure((first,)):
        return False
    filler = _filler_words()
    return all(t.stem in filler or t.stem.isdigit() for t in tokens(spelt[: first.start]))


def _names_a_measure(found: Iterable[Mention]) -> bool:
    """Whether any of ``found`` is a specific measure: not broad, a population or a setting."""
    concepts = measure_map().concepts
    return any(
        not concepts[m.concept].broad and concepts[m.concept].kind not in QUALIFYING_KINDS
        for m in found
    )


def _spelt(text: str) -> str:
    """``text`` with ``A&G``-style abbreviations spelt out, as :func:`mentions` reads it."""
    for pattern, replacement in _AMPERSANDS:
        text = pattern.sub(replacement, text)
    return text


def about(text: str, concept_id: str, keep: frozenset[str] = frozenset()) -> str:
    """``text`` with the names of its other concepts blanked out, as far as ``concept_id`` goes.

    "Act on the GIRFT recommendations for length of stay and readmissions"
    is a time only through the name "length of stay": read for readmissions,
    it is not. Words that are no concept's name (within 7 days, the gap
    between) are kept, and so are the names of the concepts in ``keep``.
    Without a mention of ``concept_id``, ``text`` as spelt.
    """
    spelt = _spelt(text)
    found = mentions(text)
    own = [m for m in found if m.concept == concept_id]
    if not own:
        return spelt
    chars = list(spelt)
    for m in found:
        if m.concept == concept_id or m.concept in keep:
            continue
        if any(m.start < o.end and o.start < m.end for o in own):
            continue
        chars[m.start : m.end] = " " * (m.end - m.start)
    return "".join(chars)


#: Switches for the reading rules, so each can be measured on its own (scripts and tests only).
RULES = {
    "families": True,
    "kinds": True,
    "frames": True,
    "quantity": True,
    "cause": True,
    "broad": True,
    "naming": True,
    "topics": True,
    "instruments": True,
    "occupations": True,
    "subject": True,
    "gaps": True,
    "anchors": True,
    "payers": True,
    "naming heads": True,
    "asides": True,
    "time words": True,
    "plural counts": True,
    "settings": True,
    "naming asides": True,
    "naming negations": True,
    "naming populations": True,
    "open heads": True,
    "edge populations": True,
    "ethnic gaps": True,
    "through": True,
    "handled in time": True,
    "named step in time": True,
    "capacity used": True,
    "capacity supplied": True,
    "training apart": True,
    "reports": True,
    "events": True,
    "who and where": True,
    "modes": True,
    "modes widened": True,
    "steps done": True,
    "gap apart": True,
    "crowded concepts": True,
    "subset": False,
    "harm": True,
    "named plans": True,
    "doubted odds": True,
    "claim floor": True,
    "qualified concepts": True,
    "names apart": True,
    "team words": True,
    "unit words": True,
    "change nouns": True,
    "clock times": True,
    "mixes": True,
    "reasons": True,
    "other senses": True,
    "time spent in": True,
    "deadlines": True,
    "wait statistics": True,
    "bought": True,
    "heading waits": True,
    "scans of a part": True,
}

#: Kinds of concept that say whose or where, not what is counted: they never make a link alone.
QUALIFYING_KINDS = frozenset({"population", "setting"})
#: Every kind a concept may have.
KINDS = frozenset({"measure", "frame"}) | QUALIFYING_KINDS


def linkable(ids: tuple[str, ...]) -> tuple[str, ...]:
    """The concepts of ``ids`` a chain may start or end at: not populations or settings.

    "People with a learning disability" says whose measure it is; an impact
    and an objective that share only that are about different measures
    (annual health checks and LeDeR reviews).
    """
    if not RULES["kinds"]:
        return ids
    concepts = measure_map().concepts
    return tuple(i for i in ids if concepts[i].kind not in QUALIFYING_KINDS)


def _heads(text: str, found: tuple[Mention, ...], *, lead: bool) -> tuple[Mention, ...]:
    """The mentions of ``found`` that a measure counts or an objective aims at.

    With ``lead``, a concept after a qualifying word at the very start is
    passed over when a later one follows: right for a measure ("People in
    crisis waiting ..."), not for an objective ("80% of patients with
    hypertension treated to target").
    """
    if not found:
        return ()
    concepts = measure_map().concepts
    spelt = _spelt(text)
    # "People in mental health crisis waiting more than 12 hours": a concept
    # after a qualifying word at the start only says whose; what is counted
    # comes later, when the measure names something later.
    boundary = 0
    while lead and len(found) > 1 and _QUALIFIER.search(spelt[boundary : found[0].start]):
        boundary = found[0].end
        found = found[1:]
    head = found[0]
    kept = [head]
    for mention in found[1:]:
        between = spelt[head.end : mention.start]
        if not lead and concepts[head.concept].broad and _AFTER.search(between):
            # An aim at "mortality after emergency admission" is about the deaths; the
            # admissions only say whose, and fewer of them do not move it.
            continue
        if concepts[head.concept].broad or not _QUALIFIER.search(between):
            kept.append(mention)
        elif not lead and RULES["open heads"] and concepts[head.concept].open:
            # "Reduce spend with independent sector providers": the spend is outsourcing's.
            kept.append(mention)
    return tuple(kept)


@cache
def _family_table() -> dict[str, dict[str, tuple[tuple[str, ...], ...]]]:
    """For each qualifier family, each member's phrases as stem keys."""
    raw = read_measure_file().get("qualifier_families") or {}
    return {
        family: {
            member: tuple(key for key in (_family_key(p) for p in phrases) if key)
            for member, phrases in members.items()
        }
        for family, members in raw.items()
    }


def _family_key(text: str) -> tuple[str, ...]:
    """The stems a family phrase is matched by: every word counts, filler too."""
    return phrase(text)


def qualifiers(text: str) -> dict[str, frozenset[str]]:
    """The members of each qualifier family ``text`` states: {"staff group": {"medical"}}."""
    return dict(_qualifiers(text))


@lru_cache(maxsize=8192)
def _qualifiers(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """:func:`qualifiers` as pairs, remembered: each impact is read against every objective."""
    stems = tuple(token.stem for token in tokens(_spelt(text)))
    present = frozenset(stems)
    found: list[tuple[str, frozenset[str]]] = []
    for family, members in _family_table().items():
        said = frozenset(
            member
            for member, keys in members.items()
            if any(present.issuperset(key) and has_run(stems, key) for key in keys)
        )
        if said:
            found.append((family, said))
    return tuple(found)


def _measure_qualifiers(text: str) -> dict[str, frozenset[str]]:
    """:func:`qualifiers` of an impact's measure, with the members it means by default.

    "Bed days lost waiting for discharge transport" names beds and no bed type:
    the project's beds are general and acute beds. An objective that names beds
    without a type ("free up beds") is about the trust's beds as a whole, so it
    is read as it is written.
    """
    return dict(_measure_qualifier_pairs(text))


@lru_cache(maxsize=8192)
def _measure_qualifier_pairs(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """:func:`_measure_qualifiers` as pairs, remembered: each impact meets every objective."""
    found = qualifiers(text)
    stems = tuple(token.stem for token in tokens(_spelt(text)))
    for family, (member, keys) in _family_defaults().items():
        if family not in found and any(has_run(stems, key) for key in keys):
            found[family] = frozenset({member})
    return tuple(found.items())


#: The qualifier family of bed types (general and acute, critical care, mental health ...).
BED_TYPE = "bed type"


class Setting(NamedTuple):
    """Where a project is run, as ``settings`` in ``measures.yaml`` describes it."""

    name: str
    organisation: tuple[tuple[str, ...], ...]  # stem keys of the names that put a body in it
    others: tuple[tuple[str, ...], ...]  # stem keys of the names that keep it out
    aims: Mapping[str, str]  # an objective's concept, and the concept it is in the setting


@cache
def _settings() -> tuple[Setting, ...]:
    """``settings`` in ``measures.yaml``."""
    raw = read_measure_file().get("settings") or {}
    return tuple(
        Setting(
            name=str(name),
            organisation=tuple(
                k for k in (_family_key(p) for p in spec.get("organisation") or ()) if k
            ),
            others=tuple(k for k in (_family_key(p) for p in spec.get("not") or ()) if k),
            aims=MappingProxyType({str(a): str(b) for a, b in (spec.get("aims") or {}).items()}),
        )
        for name, spec in raw.items()
    )


@lru_cache(maxsize=256)
def setting_of(organisation: str | None) -> str | None:
    """The setting a body's name puts it in ("mental health"), or ``None``.

    "Pennine Vale Mental Health NHS Foundation Trust" and "Calderbrook
    Partnership NHS Foundation Trust" are mental health trusts; "Calderbrook
    Hospitals NHS Trust with Calderbrook Place Partnership" runs acute beds.
    """
    if not organisation or not RULES["settings"]:
        return None
    stems = tuple(token.stem for token in tokens(organisation))
    for setting in _settings():
        if any(has_run(stems, key) for key in setting.organisation) and not any(
            has_run(stems, key) for key in setting.others
        ):
            return setting.name
    return None


def _setting(name: str | None) -> Setting | None:
    return next((s for s in _settings() if s.name == name), None) if name else None


def in_setting(aims: tuple[str, ...], text: str, setting: str | None) -> tuple[str, ...]:
    """An objective's ``aims``, with what they are in its ``setting`` when it names no bed type.

    In a mental health trust, "Keep adult acute bed occupancy at or below 95%"
    aims at bed occupancy and at mental health beds (whose names include mental
    health bed occupancy), so admissions to its mental health beds reach it.
    """
    found = _setting(setting)
    if found is None or BED_TYPE in qualifiers(text):
        return aims
    more = tuple(found.aims[a] for a in aims if a in found.aims and found.aims[a] not in aims)
    return (*aims, *dict.fromkeys(more))


@cache
def _family_defaults() -> dict[str, tuple[str, tuple[tuple[str, ...], ...]]]:
    """``qualifier_defaults``: for a family, the member a measure means when it states none.

    An impact's "bed days" with no bed type are general and acute beds, as the
    national bed returns count them; a measure that does not name beds at all
    states no bed type.
    """
    raw = read_measure_file().get("qualifier_defaults") or {}
    return {
        family: (str(spec["member"]), tuple(k for k in (_family_key(w) for w in spec["when"]) if k))
        for family, spec in raw.items()
    }


def _nursing_budget(
    family: str, mine: Mapping[str, frozenset[str]], theirs: Mapping[str, frozenset[str]]
) -> bool:
    """Whether an objective's nursing *money* takes in the impact's support workers.

    Workforce counts keep registered nurses and healthcare support workers apart,
    but a nursing budget ("Cut nursing bank and agency spend by £2m") pays both:
    support worker shifts are nursing spend (newuser20 #2).
    """
    return (
        family == STAFF_GROUP
        and mine[family] == {_SUPPORT_WORKERS}
        and theirs[family] == {_NURSING}
        and _MONEY in theirs.get(_COUNTED_AS, frozenset())
    )


def families_disagree(impact_text: str, objective_text: str) -> str | None:
    """The qualifier family both texts state with no member in common, if any.

    "Medical agency shifts paid above the price cap" and "Zero off-framework
    nursing agency shifts" both say which staff group, and different ones:
    the map may not link them, however close their concepts are.
    """
    if not RULES["families"]:
        return None
    mine = _measure_qualifiers(_unpurposed(impact_text))
    theirs = qualifiers(_unpurposed(objective_text))
    for family in mine.keys() & theirs.keys():
        if not mine[family] & theirs[family] and not _nursing_budget(family, mine, theirs):
            return family
    if (
        RULES["payers"]
        and theirs.get(_BUDGET) == frozenset({_COUNCIL})
        and _BUDGET not in mine
        and read(objective_text).kind == "money"
    ):
        # "Contain the £6.2m adult social care overspend" is the council's money: what
        # the project counts moves it only if the council pays for it (social care, home
        # care ...). On the read sets such money objectives had no true link in four.
        return _BUDGET
    if RULES["gaps"] and _GAP not in mine and _DEPRIVED.search(objective_text):
        # "Access to CAMHS for children in the most deprived 20%" is about a gap
        # between areas: a measure that does not say whose it is does not show
        # the gap narrowing. (Core20PLUS5's clinical areas and services for
        # people with a learning disability are not gaps of this kind.)
        return _GAP
    if RULES["ethnic gaps"] and _GAP not in mine and _group_gap(objective_text, theirs):
        # "Halve the disproportionate use of restraint on Black patients", "Reduce health
        # inequalities on elective waiting lists": a gap between groups of people, which a
        # measure that counts no group cannot show narrowing. On the read sets every such
        # pair, 17 offered, was labelled wrong (linking-evaluation.md, session 14).
        return _GAP
    if RULES["occupations"] and (STAFF_GROUP in mine) != (STAFF_GROUP in theirs):
        # "Cardiac physiologist vacancies" and "registered nurse vacancies": one side
        # names a staff group the family does not list, the other one it does.
        other = objective_text if STAFF_GROUP in mine else impact_text
        if _occupation().search(other):
            return STAFF_GROUP
    return None


#: Words that start what a text is *for*, not what it counts: "Keep critical care bed
#: occupancy low enough for planned surgery to run" counts critical care beds, whatever
#: work they are kept free for.
_PURPOSE = re.compile(
    r"\b(?:so that|so as to|in order to|enough (?:for|to)|to allow|to let|to enable)\b.*",
    re.IGNORECASE | re.DOTALL,
)


def unpurposed(text: str) -> str:
    """``text`` without a clause saying what it is for (see :func:`families_disagree`)."""
    return _unpurposed(text)


def _unpurposed(text: str) -> str:
    """``text`` without a clause saying what it is for: its qualifiers say whose that is."""
    return _PURPOSE.sub("", text).strip() or text


#: The qualifier family of inequality groups.
_GAP = "inequality group"
#: Words that make an objective about the gap between deprived areas and the rest.
_DEPRIVED = re.compile(r"\b(?:deprived|deprivation|IMD)\b", re.IGNORECASE)
#: Words that make an objective about inequality between groups of people as such.
_INEQUALITY = re.compile(r"\b(?:inequalit(?:y|ies)|disproportionate)\b", re.IGNORECASE)


def _group_gap(objective_text: str, theirs: Mapping[str, frozenset[str]]) -> bool:
    """Whether an objective is a gap between ethnic groups, or names inequalities, as a gap.

    Read as a gap (:func:`pitchkit.recast.quantity.read`) and either stating an ethnic
    group or saying "inequalities" or "disproportionate". Core20PLUS5's clinical areas and
    services for people with a learning disability are not read so, as for deprivation.
    """
    if read(objective_text).kind != "gap":
        return False
    return "ethnicity" in theirs.get(_GAP, frozenset()) or bool(_INEQUALITY.search(objective_text))


#: The qualifier family of whose budget a sum of money is, and its member for a council's.
_BUDGET = "whose budget"
_COUNCIL = "council"
#: The qualifier family of staff groups, whose members an occupation stands apart from.
STAFF_GROUP = "staff group"
_NURSING = "nursing"
_SUPPORT_WORKERS = "support workers"
_COUNTED_AS = "counted as"
_MONEY = "money"


#: Job titles by their endings ("physiologist", "dietitian", "sonographer"), for an
#: occupation the staff group family does not list. "Clinician" names any group.
@cache
def _occupation() -> re.Pattern[str]:
    return re.compile(
        r"\b(?!clinician)\w+(?:ologist|ician|itian|grapher|therapist|scientist|technician"
        r"|practitioner)s?\b|\b(?:paramedics?|porters?)\b",
        re.IGNORECASE,
    )


@lru_cache(maxsize=8192)
def chain(
    starts: tuple[str, ...],
    ends: tuple[str, ...],
    named: frozenset[str] | None = None,
    worried: frozenset[str] = frozenset(),
    falling: frozenset[str] = frozenset(),
) -> Chain | None:
    """The shortest way from any of ``starts`` to any of ``ends``, in at most two edges.

    Shared concepts come first (no steps); among chains of one length the
    earliest start, then the order of the edges in the map, wins. A chain of
    two edges needs at least one ``part`` edge (one measure counted inside
    the other): two causes in a row ("engagement keeps staff, kept staff
    leave fewer vacancies") are each plausible, but too far to claim. A chain
    never passes through a broad concept, nor one marked ``through: false``
    unless it is among ``worried``, the concepts the board already worries
    about (escalation beds: bed days saved close them only where they are
    open, so "bed days → escalation beds → agency spend" is a chain only when
    the strategy or the director's concerns name escalation beds). With
    ``named``, the groups of patients the impact's measure names
    (:func:`populations`), an edge whose reason holds for one group only
    ("every day in a hospital bed costs an older patient strength") is taken
    only when that group is named. A start in ``falling`` (:func:`falling`)
    takes none of its edges, whose reasons count on more of it: "day-case lists
    treat more patients from the waiting list" is not why fewer day cases in
    main theatre help. It still meets an objective that names it. Remembered
    for the last 8,192 pairs: each impact meets every objective.
    """
    wanted = set(ends)
    concepts = measure_map().concepts
    for start in starts:
        if start in wanted:
            return Chain(start, ())
    frontier: list[tuple[str, tuple[Step, ...]]] = [(start, ()) for start in starts]
    for _ in range(MAX_STEPS):
        reached: list[tuple[str, tuple[Step, ...]]] = []
        for concept_id, steps in frontier:
            if not steps and concept_id in falling:
                continue
            for edge in concepts[concept_id].edges:
                if named is not None and edge.population and edge.population not in named:
                    continue
                step = Step(concept_id, edge.target, edge.why, edge.source, edge.part)
                path = (*steps, step)
                if edge.target in wanted and _close_enough(path):
                    return Chain(path[0].source, path)
                if not concepts[edge.target].broad and (
                    concepts[edge.target].through or edge.target in worried or not RULES["through"]
                ):
                    reached.append((edge.target, path))
        frontier = reached
    return None


def falling(
    concept_ids: tuple[str, ...], measure: str, direction: str, *, money: bool = False
) -> frozenset[str]:
    """Those of ``concept_ids`` an impact on ``measure``, moving ``direction``, moves the wrong way.

    A concept marked ``better: higher`` falls when the impact's measure goes down,
    unless the measure counts its failures by one of the map's ``shortfall_words``
    ("day cases cancelled on the day", "late starts"): fewer of those is more of it.
    A concept marked ``better: lower`` (a sum of money) rises when the impact is
    itself counted in ``money`` and goes up: "Annual spend on sharps devices" from
    £410,000 to £452,000 saves nothing, so it reaches no saving through spend. A
    measure of it in other units may rise for the better ("patients on the
    best-value biosimilar", a share of drug spend), so only money is read so.
    """
    concepts = measure_map().concepts
    if direction == "higher":
        if not money:
            return frozenset()
        return frozenset(c for c in concept_ids if concepts[c].better == "lower")
    if {token.stem for token in tokens(measure)} & _shortfall_words():
        return frozenset()
    return frozenset(c for c in concept_ids if concepts[c].better == "higher")


def counts_shortfall(measure: str) -> bool:
    """Whether ``measure`` counts failures by one of the map's ``shortfall_words`` ("lost")."""
    return bool({token.stem for token in tokens(measure)} & _shortfall_words())


@cache
def _shortfall_words() -> frozenset[str]:
    """The stems of ``shortfall_words`` in ``measures.yaml``."""
    words = read_measure_file().get("shortfall_words") or ()
    return frozenset(stem(_normal(str(word))) for word in words)


@cache
def _subset_keys() -> tuple[tuple[str, ...], ...]:
    """The stem keys of ``subset_words`` in ``measures.yaml``, longest first."""
    words = read_measure_file().get("subset_words") or ()
    keys = {tuple(token.stem for token in tokens(str(word))) for word in words}
    return tuple(sorted((key for key in keys if key), key=len, reverse=True))


def subset_named(text: str, concept_id: str | None = None) -> str | None:
    """The words by which ``text`` names only a part of what it counts, as written, if any.

    One of the map's ``subset_words`` ("avoidable", "ambulatory care sensitive",
    "ACSC"), the first it says: "Reduce avoidable emergency admissions" aims at the
    emergency admissions that could have been avoided, not at all of them. With
    ``concept_id``, only a subset word inside the words that name that concept, or
    straight before them: "avoidable *emergency admissions*" names a part of emergency
    admissions, while "avoidable harm from *falls*" says which harm, not which falls
    (every fall in our care counts towards it). ``None`` when it names none.
    """
    spelt = _spelt(text)
    found = tokens(spelt)
    stems = tuple(token.stem for token in found)
    spans: list[tuple[int, int]] = []
    if concept_id is not None:
        for mention in mentions(text):
            if mention.concept != concept_id:
                continue
            inside = [i for i, t in enumerate(found) if mention.start <= t.start < mention.end]
            if inside:
                spans.append((inside[0], inside[-1]))
        if not spans:
            return None
    for index in range(len(stems)):
        for key in _subset_keys():
            width = len(key)
            last = index + width - 1
            if stems[index : index + width] != key:
                continue
            if concept_id is None or any(
                first - 1 <= last and index <= end for first, end in spans
            ):
                return spelt[found[index].start : found[last].end]
    return None


@cache
def _harm_keys() -> tuple[tuple[str, ...], ...]:
    """The stem keys of ``harm_words`` in ``measures.yaml``, longest first."""
    words = read_measure_file().get("harm_words") or ()
    keys = {tuple(token.stem for token in tokens(str(word))) for word in words}
    return tuple(sorted((key for key in keys if key), key=len, reverse=True))


def harm_named(text: str, concept_id: str) -> str | None:
    """The words by which ``text`` counts only the ``concept_id`` events that caused harm.

    One of the map's ``harm_words`` ("causing harm", "resulting in moderate or
    severe harm", "harmful"), inside the words that name the concept or straight
    before or after them: "medication incidents *causing harm*" counts the
    incidents that harmed a patient, not every one reported. As written; ``None``
    when it names none.
    """
    spelt = _spelt(text)
    found = tokens(spelt)
    stems = tuple(token.stem for token in found)
    spans: list[tuple[int, int]] = []
    for mention in mentions(text):
        if mention.concept != concept_id:
            continue
        inside = [i for i, t in enumerate(found) if mention.start <= t.start < mention.end]
        if inside:
            spans.append((inside[0], inside[-1]))
    for index in range(len(stems)):
        for key in _harm_keys():
            last = index + len(key) - 1
            if stems[index : index + len(key)] != key:
                continue
            if any(first - 1 <= last and index <= end + 1 for first, end in spans):
                return spelt[found[index].start : found[last].end]
    return None


def names_harm(text: str) -> bool:
    """Whether ``text`` says anything of harm ("falls with harm", "harm-free care")."""
    return stem("harm") in {token.stem for token in tokens(_spelt(text))}


@cache
def _reporting_keys() -> tuple[tuple[str, ...], ...]:
    """The stem keys of ``reporting_words`` in ``measures.yaml``."""
    words = read_measure_file().get("reporting_words") or ()
    keys = {tuple(token.stem for token in tokens(str(word))) for word in words}
    return tuple(key for key in keys if key)


def counts_reported(text: str) -> bool:
    """Whether ``text`` counts events as they are reported ("incidents reported on Datix")."""
    stems = tuple(token.stem for token in tokens(_spelt(text)))
    return any(
        stems[index : index + len(key)] == key
        for key in _reporting_keys()
        for index in range(len(stems))
    )


def counts_subset(text: str) -> bool:
    """Whether ``text`` names a part of what it counts, or counts what was avoided or prevented.

    "Admissions avoided" and "falls prevented" count only those the change kept
    from happening, so they are the avoidable ones, as "avoidable admissions" are.
    """
    if subset_named(text) is not None:
        return True
    stems = {token.stem for token in tokens(text)}
    return bool(stems & {stem(_normal(word)) for word in ("avoided", "prevented", "averted")})


@cache
def _population_table() -> dict[str, tuple[tuple[str, ...], ...]]:
    """``edge_populations`` in ``measures.yaml``: each group's phrases as stem keys."""
    raw = read_measure_file().get("edge_populations") or {}
    return {
        name: tuple(key for key in (_family_key(p) for p in phrases) if key)
        for name, phrases in raw.items()
    }


@lru_cache(maxsize=8192)
def populations(text: str) -> frozenset[str]:
    """The groups of ``edge_populations`` that ``text`` names: {"older people"}.

    "Hospital bed days used by people aged 75 and over living with frailty"
    names older people; "Inpatient bed days for sickle cell pain crises" none.
    """
    stems = tuple(token.stem for token in tokens(_spelt(text)))
    return frozenset(
        name for name, keys in _population_table().items() if any(has_run(stems, k) for k in keys)
    )


def _close_enough(path: tuple[Step, ...]) -> bool:
    """Whether a chain is short enough to claim: one cause at most, the rest counted-in steps."""
    return sum(not step.part for step in path) <= 1


def problems(data: Mapping[str, Any]) -> list[str]:
    """What is wrong with the map's raw data, for its test: one line per problem."""
    found: list[str] = []
    items = data.get("concepts") or []
    ids = [item.get("id") for item in items]
    known = set(ids)
    themes = set(_themes())
    owners: dict[tuple[str, ...], str] = {}
    shared = {tuple(pair) for pair in data.get("shared_names") or ()}
    for item in items:
        concept_id = item.get("id")
        if ids.count(concept_id) > 1:
            found.append(f"{concept_id}: id used more than once")
        if not item.get("names") and not item.get("topics"):
            found.append(f"{concept_id}: no names")
        for theme in item.get("themes") or ["(none)"]:
            if theme not in themes:
                found.append(f"{concept_id}: unknown theme {theme!r}")
        for name in (*(item.get("names") or ()), *(item.get("topics") or ())):
            key = name_key(str(name))
            if not key:
                found.append(f"{concept_id}: name {name!r} is only stop words")
                continue
            owner = owners.setdefault(key, concept_id)
            if owner != concept_id and (owner, concept_id) not in shared:
                found.append(f"{concept_id}: name {name!r} is also a name of {owner}")
        if item.get("better") not in (None, "higher", "lower"):
            found.append(f"{concept_id}: better is {item.get('better')!r}, not 'higher' or 'lower'")
        if str(item.get("kind") or "measure") not in KINDS:
            found.append(f"{concept_id}: unknown kind {item.get('kind')!r}")
        fields = {"id", "label", "names", "topics", "themes", "broad", "kind", "to", "open"}
        fields |= {"through", "better", "sole"}
        for key in set(item) - fields:
            found.append(f"{concept_id}: unknown field {key!r}")
        for edge in item.get("to") or ():
            for key in set(edge) - {"id", "why", "source", "part", "for"}:
                found.append(f"{concept_id}: edge to {edge.get('id')} has unknown field {key!r}")
            if edge.get("for") and edge["for"] not in (data.get("edge_populations") or {}):
                target = edge.get("id")
                found.append(f"{concept_id}: edge to {target} is for unknown {edge['for']!r}")
            if edge.get("id") not in known:
                found.append(f"{concept_id}: edge to unknown concept {edge.get('id')!r}")
            if edge.get("id") == concept_id:
                found.append(f"{concept_id}: edge to itself")
            if not str(edge.get("why") or "").strip():
                found.append(f"{concept_id}: edge to {edge.get('id')} has no reason")
    for entry in data.get("other_senses") or ():
        if entry.get("concept") not in known:
            found.append(f"other_senses: unknown concept {entry.get('concept')!r}")
        if not entry.get("words") or not (
            entry.get("after") or entry.get("about") or entry.get("only_with")
        ):
            found.append(
                f"other_senses: {entry.get('concept')}: give words, and after, about or only_with"
            )
        for key in set(entry) - {"concept", "words", "after", "about", "only_with"}:
            found.append(f"other_senses: {entry.get('concept')}: unknown field {key!r}")
    return found


def _themes() -> tuple[str, ...]:
    from pitchkit.facts.schema import THEMES

    return THEMES


if __name__ == "__main__":  # python -m pitchkit.recast.measures: remake the compiled copy
    target = Path(__file__).with_name(COMPILED)
    target.write_text(compile_measure_file(), encoding="utf-8")
    print(f"wrote {target}")
