"""Reading the answers typed during ``pitchkit init``: tidy text, numbers, dates and ids."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable

from pitchkit.facts.yamlsource import clean_text
from pitchkit.i18n.welsh import WELSH_SMALL_WORDS, reads_as_welsh

_NUMBER = re.compile(r"^[-+]?£?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?$")
_SLUG_STOP = frozenset(
    {"a", "an", "and", "the", "of", "in", "on", "at", "for", "to", "with", "by", "per"}
)
#: A Welsh text's little words, as :func:`slug` splits them ("i'r" is "i" and "r").
_WELSH_SLUG_STOP = frozenset(
    part
    for word in WELSH_SMALL_WORDS | {"i", "a", "o", "mewn", "yng", "ym", "wrth", "dros", "heb"}
    for part in re.findall(r"[a-z0-9]+", word)
)
#: Words an id does not end on, as they start a phrase it would cut: "done as" (newuser11).
_SLUG_NOT_LAST = frozenset(
    {"as", "from", "into", "over", "under", "within", "about", "after", "before", "than"}
    | {"who", "which", "that", "while", "when", "where", "or", "not", "no"}
    # Prepositions since newuser28 (#13): "paramedics beyond two years" is not
    # ``paramedics-beyond``.
    | {"beyond", "despite", "upon", "near", "past", "along", "via", "throughout", "inside"}
    | {"outside", "onto", "between", "among", "during", "until", "since", "without"}
    | {"across", "through", "towards", "toward", "against", "around", "below", "above"}
)
#: A ratio, "1:1 observation" or "2:1 care": a way of working, not a number worth an id's
#: place (newuser27 #10: not ``bank-agency-1``).
_RATIO = re.compile(r"\b\d+\s*:\s*\d+\b")
_ID_STOP = frozenset({"and", "the", "&", "ac", "a", "y", "yr"})
#: An age band qualifying whom a measure counts: "aged 75 and over", "aged 65+", "over-65s".
_AGE_BAND = re.compile(
    r"\baged\s+\d+\s*(?:\+|(?:and|or)\s+(?:over|above|older|under|younger)\b|"
    r"(?:to|-)\s*\d+\b)|\bover[- ]\d+s\b"
)
#: A comparison before a span of time: "waiting over 12 hours" is ``waiting-12-hours``.
_MORE_THAN = re.compile(
    r"\b(?:over|more\s+than|longer\s+than|under|less\s+than|within)\s+(?=\d+\s*[a-z])"
)
#: People a measure counts, said first and qualified after ("People aged 75 and over
#: waiting...", "Patients who felt safe..."): the id starts with what is said of them.
_PEOPLE = frozenset(
    {"people", "patients", "adults", "children", "women", "men", "residents", "service", "users"}
)


def tidy(answer: str) -> str:
    """An answer on one line: characters a document cannot hold removed, spaces single."""
    text, _ = clean_text(unicodedata.normalize("NFC", answer))
    text = "".join(c for c in text if unicodedata.category(c) not in {"Cs", "Co", "Cn"})
    text = text.replace("\ufeff", "").replace("\u200b", "")
    return " ".join(text.split())


def parse_number(text: str) -> float | None:
    """``1,200``, ``£1,590``, ``87.5%`` or ``1 200`` as a number; None if it is not one."""
    compact = text.replace(" ", "").replace("\u00a0", "")
    if not _NUMBER.match(compact):
        return None
    return float(compact.replace(",", "").replace("£", "").rstrip("%"))


def parse_date(text: str) -> dt.date | None:
    """``2026-12-03`` or ``3/12/2026`` (day first, as in the UK) as a date; None otherwise."""
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    return None


def slug(text: str, *, words: int = 3, fallback: str = "item") -> str:
    """A short id from the first words of ``text``: ``Bed days used`` → ``bed-days-used``.

    At most ``words`` words, skipping little words such as "of", and not ending on a word
    that starts a phrase: "Hysteroscopies done as day cases" → ``hysteroscopies-done``.
    "A&E attendances in mental health crisis" → ``ae-attendances-mental``.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    # "A&E" is one word, ``ae``, not "a" (a little word, skipped) and "e" (newuser16 #8).
    ascii_text = re.sub(r"\b([a-z])\s*&\s*([a-z])\b", r"\1\2", ascii_text)
    # The telling words first (newuser25 #8): not "people-aged-75" nor "patients-who-felt".
    ascii_text = _MORE_THAN.sub("", _AGE_BAND.sub(" ", _RATIO.sub(" ", ascii_text)))
    every = re.findall(r"[a-z0-9]+", ascii_text)
    # A Welsh text's little words too (newuser41 #4: "Diwrnodau gwely mewn lleoliadau ..."
    # was ``diwrnodau-gwely-mewn``, ending on "in"); only a Welsh text's, as "i" or "am"
    # may be English words.
    welsh = _WELSH_SLUG_STOP if reads_as_welsh(text) else frozenset()
    headed = None if welsh else _head_and_qualifier(every, words)
    if headed is not None:
        return "-".join(headed)[:40].strip("-") or fallback
    start = 0
    while start < len(every) - 1 and every[start] in _PEOPLE:
        start += 1
    if start and every[start] in {"who", "whose", "that"}:
        start += 1
    elif start and not every[start].endswith(("ing", "ed")):
        start = 0  # the people are what is counted: "Patients on the waiting list"
    found: list[str] = []
    for word in every[start:] if start < len(every) else every:
        if word == "and" and len(found) >= 2:
            break  # "felt safe and cared for": a second phrase, not more of the first
        if word not in _SLUG_STOP and word not in welsh:
            found.append(word)
    kept = found[:words]
    while len(kept) > 1 and kept[-1] in _SLUG_NOT_LAST:
        kept.pop()
    return "-".join(kept)[:40].strip("-") or fallback


#: A statistic said before what it is of ("Median time from ..."): it tells how the measure
#: is summed up, not what it counts, so an id does not lead with it (newuser38 #12).
_STATISTICS = frozenset({"median", "mean", "average"})
#: Heads that say little until their qualifier says of what ("time from X to Y").
_BARE_HEADS = frozenset({"time", "times", "wait", "waits", "delay", "delays", "duration"})
#: A qualifier that says which of the things counted are meant: "discharges before noon".
#: Not "by", which names who or what does it ("used by patients with sepsis").
_CUT_OFF = frozenset({"before", "after", "within"})


def _head_and_qualifier(every: list[str], words: int) -> list[str] | None:
    """The head noun and its main qualifier, where the first words would miss the qualifier.

    "Median time from discharge prescription written to medicines ready" gave
    ``median-time`` and "Adult inpatient discharges before noon"
    ``adult-inpatient-discharges``, which say neither of what nor which
    (newuser38 #12). A statistic before a bare head (``time``, ``wait``) gives
    way to the head and the telling words after it: ``time-discharge-prescription``.
    A noun phrase of three words or more cut off by ``before``, ``after`` or
    ``within`` keeps its head and the cut-off: ``discharges-noon``.
    Otherwise ``None``: the first words (see :func:`slug`).
    """
    if len(every) >= 3 and every[0] in _STATISTICS and every[1] in _BARE_HEADS:
        rest = [w for w in every[2:] if w not in _SLUG_STOP and w not in _SLUG_NOT_LAST]
        if rest:
            kept = [every[1], *rest[: words - 1]]
            while len(kept) > 2 and kept[-1] in _SLUG_NOT_LAST:
                kept.pop()
            return kept
    cut = next((i for i, w in enumerate(every) if w in _CUT_OFF), None)
    if cut is not None and cut >= 3 and cut + 1 < len(every):
        phrase = every[:cut]
        if not any(w in _SLUG_STOP or w in _SLUG_NOT_LAST for w in phrase):
            after = [w for w in every[cut + 1 :] if w not in _SLUG_STOP]
            if after and not after[0].isdigit():
                # "inpatients discharged before midday": a participle keeps its noun.
                head = phrase[-2:] if phrase[-1].endswith("ed") else phrase[-1:]
                return [*head, after[0]]
    return None


def role_id(role: str) -> str:
    """An id from a job title's initials: ``Director of Finance`` → ``dof``.

    A Welsh title pitchkit knows takes its English title's initials ("Cyfarwyddwr
    Cyllid" is ``dof``, as a team sheet in English has it); another Welsh one skips
    its little words ("ac", "y"), as an English one skips "and" and "the".
    """
    from pitchkit.i18n.roles import english_role

    role = english_role(role) or role
    ascii_text = unicodedata.normalize("NFKD", role).encode("ascii", "ignore").decode().lower()
    initials = [w[0] for w in re.findall(r"[a-z0-9]+", ascii_text) if w not in _ID_STOP]
    return "".join(initials)[:12] or "director"


def unique(wanted: str, taken: Iterable[str]) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3``… if already taken (ignoring case)."""
    used = {t.casefold() for t in taken}
    candidate, n = wanted, 2
    while candidate.casefold() in used:
        candidate, n = f"{wanted}-{n}", n + 1
    return candidate


def number_text(value: float) -> int | float:
    """A whole number as ``int`` so the file says ``1200``, not ``1200.0``."""
    return int(value) if value == int(value) and abs(value) < 1e15 else value
