"""Whether a text a user wrote reads as Welsh or as English.

Two kinds of evidence are weighed. Small words count most: English ones
(the, and, of, with ...) against Welsh ones (y, yr, yn, mae, gyda ...). Then
each word's spelling: Welsh has w and y as vowels (*salwch*, *nyrsys*,
*gwyliau*, *ysbyty*), dd, ll- and ff- at the start of a word, a circumflex
(*tŵr*), gw- (*gwasanaeth*), and endings such as -au, -iau, -aeth, -ydd,
-iad, -wch, -ig and a verb's -u or -i (*cynyddu*, *cyflawni*); English has
k, q, v, x, z and j, sh, wh, ck, ee, oo and ou, and endings such as -ing,
-tion, -ment, -ness, -ity, -ic, -ology, a silent -e (*care*, *rate*) and
plurals in -ls and -rs (*referrals*, *doctors*). A word counts for the
language with more marks, by how many more (at most as much as a small
word). Names count for neither: words written in capitals (NHS, HSMR, XmR),
Welsh places and health boards (Hywel Dda, Gwent, Rhyl), and capitalised
words inside a sentence ("Ysbyty Gwynedd bed days").

A text with no evidence either way ("Frailty virtual ward" has a little;
"Staff" has none) is taken as English, the language of pitchkit's data. A
text is surely Welsh (:func:`reads_as_welsh`) only when its Welsh leads by
more than one mark: one Welsh-looking word ("Symptom burden", "Nylon") is
not enough, though such a text is not taken as English either.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from pathlib import Path

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
        "o",
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
    r"^sg|[bdf]ion$|siant$|(?<!v)ariant$",  # sgrinio, cleifion, arbedion, llesiant, gwariant
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
    r"[bcdgkmnpt]s$|[eo]rs$|[aeiou][lr]s$",  # plurals: beds, patients, referrals, wards
    r"thm|ica$|gia$",  # rhythm, rheumatica, neuralgia
)


@functools.cache
def _marks() -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    """The Welsh and the English marks, compiled on first use (not at start-up)."""
    return tuple(map(re.compile, _WELSH_MARKS)), tuple(map(re.compile, _ENGLISH_MARKS))


def _is_name(word: str) -> bool:
    """Whether ``word`` is written as a name or an abbreviation (NHS, XmR, HbA1c)."""
    return any(letter.isupper() for letter in word[1:])


#: Welsh places and health boards: names, not language, in an English text ("Hywel Dda wards").
PLACE_NAMES = frozenset(
    [
        "aberhonddu",
        "abertawe",
        "aberystwyth",
        "aneurin",
        "bangor",
        "betsi",
        "bevan",
        "blaenau",
        "brecon",
        "bridgend",
        "bronglais",
        "caerdydd",
        "caerffili",
        "caerfyrddin",
        "caernarfon",
        "caerphilly",
        "cadwaladr",
        "cardiff",
        "carmarthen",
        "casnewydd",
        "ceredigion",
        "clwyd",
        "colwyn",
        "conwy",
        "cwm",
        "cwmbran",
        "cwmbrân",
        "cymru",
        "cynon",
        "denbighshire",
        "dinbych",
        "dolgellau",
        "dyfed",
        "ebbw",
        "fflint",
        "glangwili",
        "gwent",
        "gwynedd",
        "hywel",
        "llandough",
        "llandudno",
        "llanelli",
        "llangollen",
        "llantrisant",
        "llwynhelyg",
        "machynlleth",
        "maelor",
        "merthyr",
        "môn",
        "morgannwg",
        "morriston",
        "penfro",
        "penybont",
        "pontypridd",
        "powys",
        "pwllheli",
        "rhondda",
        "rhyl",
        "taf",
        "torfaen",
        "treforys",
        "tudful",
        "tydfil",
        "withybush",
        "wrecsam",
        "wrexham",
        "ynys",
        "ystrad",
    ]
)
#: The most one word's spelling counts: two, as much as a small word.
WORD_MOST = 2
#: How far Welsh must lead for :func:`reads_as_welsh`: more than one word's worth of marks.
WELSH_LEAD = 2


def _spelling(word: str) -> int:
    """How Welsh ``word``'s spelling is: Welsh marks less English ones, at most 2 either way."""
    if _is_name(word) or len(word) < 2:
        return 0
    folded = word.casefold().replace("’", "'")
    if folded in PLACE_NAMES:
        return 0
    welsh_marks, english_marks = _marks()
    welsh = sum(bool(mark.search(folded)) for mark in welsh_marks)
    english = sum(bool(mark.search(folded)) for mark in english_marks)
    return max(-WORD_MOST, min(WORD_MOST, welsh - english))


def _names(words: list[str]) -> set[int]:
    """Which of ``words`` are a proper name in running text, so count for neither language.

    In a text written with small letters (sentence case), a capitalised word
    after the first is a name ("Hywel Dda wards", "Lleihau arosiadau yn Ysbyty
    Gwynedd"), and so is a first word that begins a run of capitals ("Ysbyty
    Gwynedd bed days"). In a text whose every long word is capitalised (a
    title), capitals say nothing.
    """
    capital = [word[:1].isupper() and not _is_name(word) for word in words]
    if all(capital[n] or len(word) < 3 for n, word in enumerate(words)):
        return set()
    found = {n for n in range(1, len(words)) if capital[n]}
    if len(words) > 1 and capital[0] and capital[1]:
        found.add(0)
    return found


#: :func:`welsh_words` as ``scripts/i18n.py`` counts them whenever it compiles the catalog,
#: so that a run reads a list rather than tokenising the whole catalog and measure map.
WELSH_WORDS_FILE = Path(__file__).resolve().parent / "welshwords.json"


@functools.cache
def welsh_words() -> frozenset[str]:
    """Words pitchkit's own Welsh uses and its English never does: *plant*, *pobl*, *ifanc*.

    Read from :data:`WELSH_WORDS_FILE`; counted afresh (:func:`count_welsh_words`)
    only when that file is missing or unreadable.
    """
    try:
        words = json.loads(WELSH_WORDS_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        from pitchkit.i18n.translation import language

        catalog: dict[object, str] = getattr(language("cy").translations, "_catalog", {})
        return count_welsh_words(catalog)
    return frozenset(str(word) for word in words)


def count_welsh_words(catalog: Mapping[object, str]) -> frozenset[str]:
    """The words of the Welsh ``catalog`` (a compiled catalog's messages) and map, less English.

    Every word of the Welsh messages and of the measure map's Welsh names,
    less every word of the English messages and of the map's English names,
    so a word both languages write (*staff*, *data*) is not among them. Such a
    word may also be an English word (*plant*), and its spelling alone says
    nothing or reads English (*phobl*, ``ph``): found here, it counts as Welsh.
    """
    welsh: set[str] = set()
    english: set[str] = set()
    for key, value in catalog.items():
        msgid = key[0] if isinstance(key, tuple) else key
        if not isinstance(msgid, str) or not msgid:
            continue  # the catalog's header
        english.update(word.casefold() for word in _WORD.findall(msgid))
        welsh.update(word.casefold() for word in _WORD.findall(value))
    # The measure map's Welsh names (plant, cleifion ...) against its English ones.
    recast = Path(__file__).resolve().parent.parent / "recast"
    for name, found in (("measures_cy.json", welsh), ("measures.json", english)):
        try:
            data = json.loads((recast / name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        found.update(word.casefold() for text in _strings(data) for word in _WORD.findall(text))
    return frozenset(word for word in welsh - english if len(word) > 2)


def _strings(data: object) -> list[str]:
    """Every string value in ``data`` (a parsed JSON document), keys left out.

    A compiled file's ``source_sha256`` is left out too: the letters of a hash
    ("aab", "dfbfe") are no language's words, and would change with every edit.
    """
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [
            text
            for key, value in data.items()
            if key != "source_sha256"
            for text in _strings(value)
        ]
    if isinstance(data, list):
        return [text for value in data for text in _strings(value)]
    return []


#: A word's first letters after an aspirate or nasal mutation, and before it: *phobl* is *pobl*.
_MUTATED = (("ngh", "c"), ("mh", "p"), ("nh", "t"), ("ph", "p"), ("th", "t"), ("ch", "c"))


def _known_welsh(folded: str) -> bool:
    """Whether ``folded`` (or its unmutated form) is one of :func:`welsh_words`."""
    known = welsh_words()
    if folded in known:
        return True
    return any(
        folded.startswith(mutated) and plain + folded[len(mutated) :] in known
        for mutated, plain in _MUTATED
    )


def welsh_weight(text: str) -> int:
    """How strongly ``text`` reads as Welsh: above 0 Welsh, below 0 English, 0 unknown.

    A word of pitchkit's own Welsh (:func:`welsh_words`) counts at least one
    Welsh mark, whatever its spelling: *plant* (children) is not English text.
    """
    weight = 0
    words = _WORD.findall(str(text))
    names = _names(words)
    for number, word in enumerate(words):
        folded = word.casefold().replace("’", "'")
        if folded in WELSH_SMALL_WORDS:
            weight += SMALL_WORD_WEIGHT
        elif folded in ENGLISH_SMALL_WORDS:
            weight -= SMALL_WORD_WEIGHT
        elif number not in names:
            spelling = _spelling(word)
            if spelling < 1 and not _is_name(word) and _known_welsh(folded):
                spelling = 1
            weight += spelling
    return weight


def reads_as_welsh(text: str) -> bool:
    """Whether ``text`` is surely Welsh: its Welsh leads by :data:`WELSH_LEAD` or more.

    One word with a single Welsh mark ("Symptom burden", "Nylon") is not enough:
    such a text is neither surely Welsh nor English (see :func:`reads_as_english`).
    """
    return welsh_weight(text) >= WELSH_LEAD


def says_in_welsh(text: str) -> bool:
    """Whether ``text`` is Welsh by its small words too, not only by its spelling.

    "Nyrsys newydd sy'n gadael o fewn blwyddyn" is; "Absenoldeb salwch staff"
    (Welsh by spelling alone) and "Cwm Taf referrals" are not.
    """
    small = any(
        word.casefold().replace("’", "'") in WELSH_SMALL_WORDS for word in _WORD.findall(str(text))
    )
    return small and reads_as_welsh(text)


def reads_as_english(text: str) -> bool:
    """Whether ``text`` has words and does not read as Welsh (English is the default)."""
    return bool(_WORD.search(str(text))) and welsh_weight(text) <= 0
