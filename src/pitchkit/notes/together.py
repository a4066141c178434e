"""Keep a date, or a figure and its unit, on one line of the note.

Word wraps a line at any space, so "meeting on 10 February 2027" can end a
line with "10" and start the next with "February 2027", and "1,600 bed
days" can leave "days" alone on a line. A director reading that stumbles.
:func:`keep_together` puts a non-breaking space (U+00A0) between the day,
month and year of a date and between a figure and the word after it (and
the two words of a unit such as "bed days"), where Word would otherwise be
free to wrap them apart; :func:`bind` does so for every text of a note's
context. A non-breaking space looks like a space, and in the document's
XML it is a plain character, so escaping is unchanged.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import babel
from babel.dates import get_month_names

from pitchkit.i18n.fmt import soft_mutation
from pitchkit.i18n.translation import Language

NBSP = "\u00a0"

#: Words a figure is not bound to: they start a new phrase rather than name a unit.
_LOOSE = frozenset(
    {
        # English
        "a",
        "an",
        "the",
        "and",
        "or",
        "to",
        "for",
        "of",
        "in",
        "on",
        "at",
        "by",
        "from",
        "with",
        "than",
        "is",
        "are",
        "was",
        "were",
        "will",
        # Welsh
        "o",
        "y",
        "yr",
        "i",
        "ac",
        "am",
        "ar",
        "yn",
        "tan",
        "gyda",
        "mewn",
    }
)

#: Units of two words, kept whole wherever they stand ("1,600 bed days").
_TWO_WORDS = re.compile(r"\b(bed|percentage|pwynt) (days?|points?|canran)\b", re.IGNORECASE)

#: A figure (``1,600``, ``£250,000``, ``4.8``, ``92%``, ``14p``, Welsh ``14c``) and the word
#: after it.
_FIGURE = re.compile(
    r"(?<![\w.,/£-])(£?\d[\d,]*(?:\.\d+)?(?:%|(?<=\d)[pc]\b)?) ([^\W\d_][\w'\u00a0-]*)"
)
#: "per £1", "per 1,000", "net £37,000": the word stays with the figure it qualifies.
_PER = re.compile(r"\b(per|net) (?=£?\d)")
_YEAR = re.compile(r"(?:19|20)\d\d")


#: The Welsh month names as Babel gives them (``get_month_names("wide", locale="cy")``),
#: written out so an English note need not load Babel's Welsh data (about 4 ms of
#: every brief); used only under the Babel version they were read from, and
#: ``tests/test_together.py`` fails when they differ from Babel's.
WELSH_MONTHS = (
    "Ionawr",
    "Chwefror",
    "Mawrth",
    "Ebrill",
    "Mai",
    "Mehefin",
    "Gorffennaf",
    "Awst",
    "Medi",
    "Hydref",
    "Tachwedd",
    "Rhagfyr",
)
WELSH_MONTHS_BABEL = "2.19.0"


def welsh_months() -> tuple[str, ...]:
    """The Welsh month names: :data:`WELSH_MONTHS`, or Babel's own under another version."""
    if babel.__version__ == WELSH_MONTHS_BABEL:
        return WELSH_MONTHS
    return tuple(str(name) for name in get_month_names("wide", locale="cy").values())


@lru_cache(maxsize=8)
def _date_pattern(code: str) -> re.Pattern[str]:
    """Dates in a note in ``code``: ``10 February 2027``, ``10 February``, ``February 2027``."""
    months: set[str] = set()
    for locale in {code, "en_GB"}:
        months |= {str(name) for name in get_month_names("wide", locale=locale).values()}
    # Welsh month names after a soft mutation ("i Fawrth 2027"), as well as the plain ones.
    months |= {soft_mutation(name) for name in welsh_months()}
    names = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))
    return re.compile(
        rf"(?<![\w.,])(\d{{1,2}}) ({names})\b(?: (\d{{4}})\b)?|\b({names}) (\d{{4}})\b"
    )


def _date(match: re.Match[str]) -> str:
    return NBSP.join(part for part in match.groups() if part)


def _figure(match: re.Match[str]) -> str:
    number, word = match.group(1), match.group(2)
    if word.casefold() in _LOOSE or _YEAR.fullmatch(number):
        return match.group(0)
    return f"{number}{NBSP}{word}"


def keep_together(text: str, lang: Language) -> str:
    """``text`` with non-breaking spaces inside its dates and between figures and their units."""
    return _kept_together(text, lang.code)


@lru_cache(maxsize=8192)
def _kept_together(text: str, code: str) -> str:
    """:func:`keep_together` in the language ``code``.

    A pure function of its arguments, remembered (bounded): a project's
    texts recur in every director's note of a batch, and each fit of a note
    binds its context again.
    """
    if not any(char.isdigit() for char in text):
        return text
    text = _date_pattern(code).sub(_date, text)
    text = _TWO_WORDS.sub(lambda match: f"{match.group(1)}{NBSP}{match.group(2)}", text)
    text = _PER.sub(lambda match: f"{match.group(1)}{NBSP}", text)
    return _FIGURE.sub(_figure, text)


def bind(value: Any, lang: Language) -> Any:
    """Every text in ``value`` (a context of dicts and lists) put through :func:`keep_together`."""
    if isinstance(value, str):
        return keep_together(value, lang)
    if isinstance(value, dict):
        return {key: bind(item, lang) for key, item in value.items()}
    if isinstance(value, list):
        return [bind(item, lang) for item in value]
    return value
