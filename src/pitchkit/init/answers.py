"""Reading the answers typed during ``pitchkit init``: tidy text, numbers, dates and ids."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable

from pitchkit.facts.yamlsource import clean_text

_NUMBER = re.compile(r"^[-+]?£?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?$")
_SLUG_STOP = frozenset(
    {"a", "an", "and", "the", "of", "in", "on", "at", "for", "to", "with", "by", "per"}
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
_ID_STOP = frozenset({"and", "the", "&"})
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
        if word not in _SLUG_STOP:
            found.append(word)
    kept = found[:words]
    while len(kept) > 1 and kept[-1] in _SLUG_NOT_LAST:
        kept.pop()
    return "-".join(kept)[:40].strip("-") or fallback


def role_id(role: str) -> str:
    """An id from a job title's initials: ``Director of Finance`` → ``dof``."""
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
