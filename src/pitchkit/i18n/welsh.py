"""Whether a text a user wrote reads as Welsh or as English.

Two kinds of evidence are weighed. Small words count most: English ones
(the, and, of, with ...) against Welsh ones (y, yr, yn, mae, gyda ...). Then
each word's spelling: Welsh has w and y as vowels (*salwch*, *nyrsys*,
*gwyliau*, *ysbyty*), dd, ll- and ff- at the start of a word, a circumflex
(*tŵr*), gw- (*gwasanaeth*), and endings such as -au, -iau, -aeth, -ydd,
-iad, -wch, -ig and a verb's -u or -i (*cynyddu*, *cyflawni*); English has
k, q, v, x, z and j, sh, wh, ck, ee, oo and ou, and endings such as -ing,
-tion, -ment, -ness, -ity, -ic, -ology and a silent -e (*care*, *rate*).
A word with more Welsh marks than English ones counts for Welsh, and the
other way round. Words written in capitals (NHS, HSMR, XmR) are names and
count for neither.

A text with no evidence either way ("Frailty virtual ward" has a little;
"Staff" has none) is taken as English, the language of pitchkit's data.
"""

from __future__ import annotations

import functools
import re

#: Small English words: each counts :data:`SMALL_WORD_WEIGHT` towards English.
ENGLISH_SMALL_WORDS = frozenset(
    [
        "the",
        "and",
        "of",
        "to",
        "with",
        "for",
        "our",
        "we",
        "by",
        "is",
        "are",
        "that",
        "this",
        "will",
        "from",
        "at",
        "be",
        "on",
        "in",
        "an",
        "as",
        "it",
        "their",
        "your",
        "you",
        "who",
        "which",
        "not",
        "or",
        "can",
        "per",
        "than",
        "into",
    ]
)
#: Small Welsh words: each counts :data:`SMALL_WORD_WEIGHT` towards Welsh.
WELSH_SMALL_WORDS = frozenset(
    [
        "y",
        "yr",
        "yn",
        "ac",
        "mae",
        "gyda",
        "ein",
        "eich",
        "bydd",
        "ar",
        "ei",
        "eu",
        "i'r",
        "o'r",
        "i'w",
        "o'i",
        "hwn",
        "hon",
        "sy",
        "sydd",
        "sy'n",
        "neu",
        "am",
        "wedi",
        "ddim",
        "nid",
        "gan",
        "ond",
        "fel",
        "ym",
        "yng",
        "pan",
        "bod",
        "fod",
        "mewn",
        "hefyd",
        "trwy",
        "drwy",
        "rhwng",
        "erbyn",
        "gyfer",
        "yw",
        "oes",
        "nad",
        "heb",
        "dros",
        "wrth",
    ]
)
#: How much a small word counts against one word's spelling.
SMALL_WORD_WEIGHT = 2

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_CONSONANT = "bcdfghjklmnpqrstvxz"
#: Spellings that mark a word as Welsh (each found counts once).
_WELSH_MARKS: tuple[str, ...] = (
    "[ŵŷâêîôû]",  # a circumflex: tŵr, tŷ
    "dd",  # ffordd, cynnydd, ddiwrnod
    r"^ll|^ff|^chw|^ngh|^mh|^nh",  # lles, ffigur, chwarter, Nghymru, mhob, nhw
    r"^gw[aeiouyrln]|^rh[aeiouwy]",  # gwasanaeth, gwella, rheoli
    rf"(?<=[{_CONSONANT}])w(?=[{_CONSONANT}]|$)",  # w as a vowel: salwch, cwm, enw
    r"(?<![aeiou])wy|yw(?![aeiou])",  # wy, yw: mwy, gwyliau, byw, rhywbeth
    rf"^y[{_CONSONANT}]",  # y as a vowel, first: ysbyty, ymarfer, ystod
    rf"(?<=[{_CONSONANT}])y(?=[{_CONSONANT}w])",  # y as a vowel: nyrsys, cyllid, symud
    r"iw",  # diwrnod, niwed, cwestiwn
    r"(?<!e)au$|iau$|aeth$|ydd$|iad$|wch$|wyr$",  # endings: -au, -aeth, -ydd, -iad ...
    rf"\w{{2}}[{_CONSONANT}]ig$|[dgns]ol$|thol$",  # -ig, -ol: diabetig, strategol
    rf"\w{{3}}[{_CONSONANT}]u$",  # a verb's -u: cynyddu, datblygu
    rf"\w{{3}}[{_CONSONANT}]i$",  # a verb's -i: cyflawni, cefnogi
    r"\w{3}(?:[lr]|at)eg$",  # a subject's -eg: Podiatreg, Seicoleg
)
#: Spellings that mark a word as English (each found counts once).
_ENGLISH_MARKS: tuple[str, ...] = (
    "[kqvxzj]",  # letters Welsh does not have
    "sh|wh|ck|ee|oo|ou|ph",
    r"(?<=.)yst|psy|hyp|yc(?!h)",  # y in words from Greek: system, psychiatry, glycaemia
    r"^add$|^odd$|ddle$|dder$|dden$|ddress",  # English dd: add, middle, bladder
    r"ing$|tion$|sion$|ment$|ness$|ity$|ical$|ic$|ology$|ous$|ise$|ize$|able$|ible$",
    r"ful$|sis$|tis$",
    rf"\w{{2}}[{_CONSONANT}]e$",  # a silent -e: care, rate, centre
    rf"\w{{2}}[{_CONSONANT}]y$",  # -y after a consonant: safety, therapy
    r"[bcdgkmnpt]s$|[eo]rs$",  # plurals: beds, patients, hours
)


@functools.cache
def _marks() -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    """The Welsh and the English marks, compiled on first use (not at start-up)."""
    return tuple(map(re.compile, _WELSH_MARKS)), tuple(map(re.compile, _ENGLISH_MARKS))


def _is_name(word: str) -> bool:
    """Whether ``word`` is written as a name or an abbreviation (NHS, XmR, HbA1c)."""
    return any(letter.isupper() for letter in word[1:])


def _spelling(word: str) -> int:
    """+1 if ``word``'s spelling is Welsh, -1 if English, 0 if it cannot be told."""
    if _is_name(word) or len(word) < 2:
        return 0
    folded = word.casefold().replace("’", "'")
    welsh_marks, english_marks = _marks()
    welsh = sum(bool(mark.search(folded)) for mark in welsh_marks)
    english = sum(bool(mark.search(folded)) for mark in english_marks)
    return (welsh > english) - (english > welsh)


def welsh_weight(text: str) -> int:
    """How strongly ``text`` reads as Welsh: above 0 Welsh, below 0 English, 0 unknown."""
    weight = 0
    for word in _WORD.findall(str(text)):
        folded = word.casefold().replace("’", "'")
        if folded in WELSH_SMALL_WORDS:
            weight += SMALL_WORD_WEIGHT
        elif folded in ENGLISH_SMALL_WORDS:
            weight -= SMALL_WORD_WEIGHT
        else:
            weight += _spelling(word)
    return weight


def reads_as_welsh(text: str) -> bool:
    """Whether ``text`` reads as Welsh (:func:`welsh_weight` above 0)."""
    return welsh_weight(text) > 0


def reads_as_english(text: str) -> bool:
    """Whether ``text`` has words and does not read as Welsh (English is the default)."""
    return bool(_WORD.search(str(text))) and welsh_weight(text) <= 0
