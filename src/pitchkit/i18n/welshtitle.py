"""A project's title as the subject of a Welsh sentence.

Welsh puts the article before a common noun that is definite: "Bydd y
gwasanaeth gofal clust cymunedol yn helpu", not "Bydd Gwasanaeth gofal
clust cymunedol yn helpu" (newuser31). A proper name takes none: "Bydd
Cwtsh yn helpu". pitchkit cannot always tell the two apart, so the rule
is a safe one:

- a title that begins with a common noun pitchkit knows (gwasanaeth,
  rhaglen, canolfan ...) takes the article, with the mutation a feminine
  noun takes after it ("y ganolfan", "yr uned"), and is lower-cased when
  typed as a phrase ("Gwasanaeth gofal clust" → "y gwasanaeth gofal
  clust"); one in title case keeps its capitals ("y Ganolfan Ddysgu");
  A noun typed in capitals keeps them ("yr HWB GOFAL"). A title in English
  (the caller says so: ``english``) never takes this branch, though its
  first word is spelt as a Welsh noun ("Model of care");
- any other title in sentence case, of more than one word, is written
  after "y prosiect", in the quotes every item shown as written takes: "y
  prosiect “Ysbyty yn y Cartref”", "y prosiect “Model of care”",
  which is right whatever the title is;
- a single word, even a noun above ("Hwb"), and any other title whose
  second word is capitalised ("Ear Care Wales"), is a name and is left as
  it is; so is the name of a Menter Iaith ("Menter Iaith Conwy"), though
  "menter" is a noun above: a title is quoted as written, and only a later
  mention shortens it ("y Fenter").

After a word that ends in a vowel (mae, yw, gallai) the article is elided:
:func:`elided` makes "Mae y gwasanaeth" "Mae'r gwasanaeth".
"""

from __future__ import annotations

import re

from pitchkit.i18n.fmt import quoted

#: Nouns a project's title often begins with, and how each reads after the article:
#: a feminine singular noun mutates softly ("y ganolfan"), though not ll- or rh-
#: ("y rhaglen"); a vowel takes "yr".
ARTICLE_FORMS = {
    "gwasanaeth": "y gwasanaeth",
    "gwasanaethau": "y gwasanaethau",
    "prosiect": "y prosiect",
    "cynllun": "y cynllun",
    "clinig": "y clinig",
    "clinigau": "y clinigau",
    "tîm": "y tîm",
    "model": "y model",
    "llwybr": "y llwybr",
    "peilot": "y peilot",
    "rhwydwaith": "y rhwydwaith",
    "rhaglen": "y rhaglen",
    "canolfan": "y ganolfan",
    "menter": "y fenter",
    "system": "y system",
    "ward": "y ward",
    "uned": "yr uned",
    "adolygiad": "yr adolygiad",
    "ymyriad": "yr ymyriad",
    "hwb": "yr hwb",
    "hyb": "yr hyb",
    "fferyllfa": "y fferyllfa",
    "cymorth": "y cymorth",
    "cyswllt": "y cyswllt",
    "pecyn": "y pecyn",
}

#: The first words of a title that is the name of a body of its kind, never a common noun:
#: the Mentrau Iaith ("Menter Iaith Conwy").
_BODY_NAMES = frozenset({"menter iaith"})

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_ELIDED = re.compile(r"\b(Mae|mae|yw|Gallai|gallai) y(?:r)? ")


def _sentence_case(words: list[str]) -> bool:
    """Whether the title is typed as a phrase: its second word has no capital.

    "Gwasanaeth gofal clust yng Nghaerfyrddin" is (a place name later on is a
    name inside the phrase); "Canolfan Ddysgu Glan Clwyd" is not.
    """
    return len(words) > 1 and not any(ch.isupper() for ch in words[1])


def welsh_subject(title: str, *, english: bool = False) -> str:
    """``title`` as the subject (or the possessor) in a Welsh sentence (see the module).

    ``english``: the title is in English (:func:`pitchkit.notes.foreign.foreign`), so a
    phrase is quoted whatever its first word: "Model of care" is not "y model of care"
    (review23); "Ear Care Wales" is a name.
    """
    words = _WORD.findall(title)
    if len(words) < 2:
        return title
    if english:
        # Never a Welsh noun, though spelt as one ("Model of care"); a name stays a name.
        return f"y prosiect {quoted(title)}" if _sentence_case(words) else title
    if words[0].casefold() in {"y", "yr"}:
        # Its own article, lower case inside the sentence: "Mae'r Tîm Rhyddhau".
        return title[:1].lower() + title[1:]
    if " ".join(words[:2]).casefold() in _BODY_NAMES and words[1][:1].isupper():
        # The name of a body, quoted as written at its first mention: "Bydd Menter Iaith
        # Conwy yn helpu", not "y Fenter Iaith Conwy"; only a later mention shortens it
        # (:func:`named_again`: "y Fenter").
        return title
    first = title.split(maxsplit=1)
    form = ARTICLE_FORMS.get(first[0].casefold())
    if form is not None:
        rest = first[1] if len(first) > 1 else ""
        article, noun = form.split(" ", 1)
        if first[0].isupper():
            noun = noun.upper()  # "HWB GOFAL" → "yr HWB GOFAL"
        elif not _sentence_case(words) and first[0][:1].isupper():
            noun = noun[:1].upper() + noun[1:]
        return f"{article} {noun} {rest}".rstrip()
    if _sentence_case(words) and not any(c.isupper() for c in words[0][1:]):
        return f"y prosiect {quoted(title)}"
    return title


def elided(sentence: str, lang: str = "cy") -> str:
    """``sentence`` with the article elided after a vowel: "Mae'r", "Nid yw'r", "Gallai'r".

    Only Welsh elides: a sentence in another language (``lang``) is returned as it is.
    """
    return _ELIDED.sub(r"\1'r ", sentence) if lang == "cy" else sentence


#: Bodies a Welsh organisation's name may begin with that pitchkit has no kind for, and
#: the noun a sentence names it by again after its first mention, with its article: a
#: Menter Iaith is "y Fenter", a Welsh charity "yr Elusen". Capitalised, as the short
#: name of a named body is ("Mae'r Fenter yn ..."). A trust, a health board, a council and
#: an ICB are named by their kind, as before.
_NAMED_AGAIN = {
    "menter": "y Fenter",
    "canolfan": "y Ganolfan",
    "cymdeithas": "y Gymdeithas",
    "elusen": "yr Elusen",
    "hosbis": "yr Hosbis",
    "coleg": "y Coleg",
    "prifysgol": "y Brifysgol",
}


def named_again(organisation: str) -> str | None:
    """How a Welsh sentence names ``organisation`` after its first mention, if by its noun.

    "Menter Iaith Sir Benfro" is "y Fenter" (the Mentrau Iaith are called so
    after the first mention, never "yr ymddiriedolaeth" nor "y Fenter Iaith
    Sir Benfro"); "Canolfan Byw'n Iach Dyffryn" is "y Ganolfan". ``None`` for
    any other name, and for a phrase in sentence case, which is not a name.
    """
    words = _WORD.findall(organisation)
    if len(words) < 2 or not words[1][:1].isupper():
        return None
    return _NAMED_AGAIN.get(words[0].casefold())
