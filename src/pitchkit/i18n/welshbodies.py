"""NHS Wales's health boards and trusts, and their official names in Welsh.

A facts file names its organisation once, usually in English ("Hywel Dda
University Health Board"). Every Welsh document shows it in its header, so
an English name reads as a slip on each page (newuser31 #3). The seven
health boards and the three NHS Wales trusts have official Welsh names, so
a Welsh document uses the Welsh one without asking; any other organisation
is shown as written and named by the English-text warning.
"""

from __future__ import annotations

import re

#: Each body's English names (as a user may write them) and its official Welsh name.
_BODIES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("Aneurin Bevan University Health Board",), "Bwrdd Iechyd Prifysgol Aneurin Bevan"),
    (("Betsi Cadwaladr University Health Board",), "Bwrdd Iechyd Prifysgol Betsi Cadwaladr"),
    (
        ("Cardiff and Vale University Health Board",),
        "Bwrdd Iechyd Prifysgol Caerdydd a'r Fro",
    ),
    (
        ("Cwm Taf Morgannwg University Health Board",),
        "Bwrdd Iechyd Prifysgol Cwm Taf Morgannwg",
    ),
    (("Hywel Dda University Health Board",), "Bwrdd Iechyd Prifysgol Hywel Dda"),
    (("Powys Teaching Health Board",), "Bwrdd Iechyd Addysgu Powys"),
    (("Swansea Bay University Health Board",), "Bwrdd Iechyd Prifysgol Bae Abertawe"),
    (
        ("Welsh Ambulance Services NHS Trust",),
        "Ymddiriedolaeth GIG Gwasanaethau Ambiwlans Cymru",
    ),
    (
        ("Welsh Ambulance Services University NHS Trust",),
        "Ymddiriedolaeth GIG Prifysgol Gwasanaethau Ambiwlans Cymru",
    ),
    (("Velindre University NHS Trust",), "Ymddiriedolaeth GIG Prifysgol Felindre"),
    (("Public Health Wales NHS Trust",), "Ymddiriedolaeth GIG Iechyd Cyhoeddus Cymru"),
    (("Public Health Wales",), "Iechyd Cyhoeddus Cymru"),
    (("Health Education and Improvement Wales",), "Addysg a Gwella Iechyd Cymru"),
    (("Digital Health and Care Wales",), "Iechyd a Gofal Digidol Cymru"),
)

#: A name that says it is in NHS Wales though pitchkit does not know it word for word:
#: a university or teaching health board ("Hywel Dda UHB", "Bwrdd Iechyd ..." in Welsh),
#: one of the seven boards by its place ("Betsi Cadwaladr Health Board"), an NHS trust
#: with Wales in its name, or NHS Wales itself. "Health board" alone does not: Scotland's
#: boards, and many an English committee, are health boards too.
_WELSH_WORDS = re.compile(
    r"\b(?:University|Teaching) Health Board\b|\b(?:UHB|THB)\b|\b(?:Bwrdd|Byrddau) Iechyd\b"
    r"|\b(?:Aneurin Bevan|Betsi Cadwaladr|Cardiff and Vale|Cwm Taf|Hywel Dda|Powys"
    r"|Swansea Bay)\b.*\b(?:Health Board|HB)\b"
    r"|\b(?:Wales|Welsh|Cymru)\b.*\bNHS Trust\b|\bNHS Trust\b.*\b(?:Wales|Cymru)\b"
    r"|\bYmddiriedolaeth GIG\b|\bNHS Wales\b|\bGIG Cymru\b",
    re.IGNORECASE,
)


def _key(name: str) -> str:
    """A name as compared: case, spacing, "&" for "and" and a leading "the" set aside."""
    text = re.sub(r"\s+", " ", name.replace("&", " and ")).strip().casefold()
    return text.removeprefix("the ")


_WELSH_NAME = {_key(english): welsh for names, welsh in _BODIES for english in names}
_KNOWN = {*_WELSH_NAME, *(_key(welsh) for _names, welsh in _BODIES)}


def welsh_name(organisation: str) -> str | None:
    """The official Welsh name of an NHS Wales body named in English, else ``None``.

    "Hywel Dda University Health Board" is "Bwrdd Iechyd Prifysgol Hywel
    Dda"; a name pitchkit does not know for certain (a hospital, a
    directorate, a misspelling) is left as written.
    """
    return _WELSH_NAME.get(_key(organisation))


def is_nhs_wales_body(organisation: str) -> bool:
    """Whether ``organisation`` is an NHS Wales health board or trust, in either language."""
    return _key(organisation) in _KNOWN


def is_welsh_body(organisation: str) -> bool:
    """Whether ``organisation`` is in NHS Wales: the one reader every part of pitchkit asks.

    A body pitchkit knows by name (:func:`is_nhs_wales_body`), or one whose
    name says so (see ``_WELSH_WORDS``): "Hywel Dda University Health Board",
    "Bwrdd Iechyd Prifysgol Hywel Dda", "Welsh Ambulance Services University
    NHS Trust". "NHS Example Health Board" is not, nor an English ICB's board.
    """
    return (
        is_nhs_wales_body(organisation)
        or _WELSH_WORDS.search(organisation.replace("&", " and ")) is not None
    )


#: National sources of unit costs by their English names, and their Welsh names, for a
#: source written in Welsh around an English name (init's Welsh list once gave
#: "Diwrnod gwely safonol, National Cost Collection 2020/21", newuser41 #4). The year after
#: a name is kept: "Casgliad Costau Cenedlaethol 2020/21". PSSRU is its own acronym in
#: Welsh too ("Mynegai Chwyddiant Costau'r GIG, PSSRU 2025").
_COST_SOURCES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bNational Cost Collection\b", re.IGNORECASE), "Casgliad Costau Cenedlaethol"),
    (re.compile(r"\bNHS reference costs\b", re.IGNORECASE), "costau cyfeirio'r GIG"),
)


def welsh_cost_sources(text: str) -> str:
    """``text`` with each national unit-cost source it names in English given its Welsh name.

    "Diwrnod gwely safonol, National Cost Collection 2020/21" is "Diwrnod gwely
    safonol, Casgliad Costau Cenedlaethol 2020/21"; a name starting the text
    keeps its capital ("Costau cyfeirio'r GIG 2016/17").
    """
    for pattern, welsh in _COST_SOURCES:

        def named(found: re.Match[str], welsh: str = welsh) -> str:
            # A capital of its own ("National"), or one that starts the text ("NHS ...").
            capital = found.start() == 0 or welsh[0].isupper()
            return welsh[0].upper() + welsh[1:] if capital else welsh

        text = pattern.sub(named, text)
    return text
