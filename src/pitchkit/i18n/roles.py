"""A director's English job title in Welsh, for a Welsh note when no Welsh title is given.

Only titles pitchkit recognises are worded, from the parts an NHS Wales board
writes them with (docs/glossary-cy.md, "Director titles"): "Executive
Director of Finance" is "Cyfarwyddwr Gweithredol Cyllid", "Chief Operating
Officer" "Prif Swyddog Gweithredu". Any other title is left as written, and
the note's English-text warning names it.
"""

from __future__ import annotations

import re

#: Whole titles, by their English (case and spacing aside).
_TITLES = {
    "chief executive": "Prif Weithredwr",
    "chief executive officer": "Prif Weithredwr",
    "chief operating officer": "Prif Swyddog Gweithredu",
    "medical director": "Cyfarwyddwr Meddygol",
    "executive medical director": "Cyfarwyddwr Meddygol Gweithredol",
    "chief digital and information officer": "Prif Swyddog Digidol a Gwybodaeth",
    "executive director": "Cyfarwyddwr Gweithredol",
    "chief nurse": "Prif Nyrs",
    # Two titles held together, as English NHS boards often write the nurse's (reader21 #11).
    "chief nurse and director of nursing": "Prif Nyrs a Chyfarwyddwr Nyrsio",
}

#: What a "Director of ..." title is director of, in Welsh.
_OF = {
    "finance": "Cyllid",
    "finance and procurement": "Cyllid a Chaffael",
    "nursing": "Nyrsio",
    "nursing and midwifery": "Nyrsio a Bydwreigiaeth",
    "nursing, midwifery and patient services": "Nyrsio, Bydwreigiaeth a Gwasanaethau Cleifion",
    "workforce": "y Gweithlu",
    "workforce and od": "y Gweithlu a Datblygu Sefydliadol",
    "workforce and organisational development": "y Gweithlu a Datblygu Sefydliadol",
    "people": "Pobl",
    "strategy": "Strategaeth",
    "strategy and planning": "Strategaeth a Chynllunio",
    "strategy and partnerships": "Strategaeth a Phartneriaethau",
    "planning": "Cynllunio",
    "operations": "Gweithrediadau",
    "public health": "Iechyd y Cyhoedd",
    "therapies and health science": "Therapïau a Gwyddor Iechyd",
    "therapies and health sciences": "Therapïau a Gwyddor Iechyd",
    "primary, community and mental health": "Gofal Sylfaenol, Cymunedol ac Iechyd Meddwl",
    "primary care": "Gofal Sylfaenol",
    "mental health": "Iechyd Meddwl",
    "digital": "Digidol",
    "quality": "Ansawdd",
    "corporate governance": "Llywodraethu Corfforaethol",
}

_DIRECTOR_OF = re.compile(r"(executive )?director of (the )?(?P<of>.+)")


def welsh_role(role: str) -> str | None:
    """The Welsh of ``role`` when pitchkit recognises the title, else ``None``."""
    plain = " ".join(role.replace("&", "and").split()).casefold().rstrip(".")
    if plain in _TITLES:
        return _TITLES[plain]
    found = _DIRECTOR_OF.fullmatch(plain)
    if found is None or found["of"] not in _OF:
        return None
    head = "Cyfarwyddwr Gweithredol" if found.group(1) else "Cyfarwyddwr"
    return f"{head} {_OF[found['of']]}"


#: Each Welsh title pitchkit words, back to its English: by the whole title, then by its
#: "Cyfarwyddwr (Gweithredol) ..." part.
_ENGLISH_TITLES = {welsh.casefold(): english for english, welsh in reversed(_TITLES.items())}
_ENGLISH_OF = {welsh.casefold(): english for english, welsh in reversed(_OF.items())}
_CYFARWYDDWR = re.compile(r"cyfarwyddwr (?P<executive>gweithredol )?(?P<of>.+)")


def english_role(role: str) -> str | None:
    """The English of a Welsh title pitchkit words (:func:`welsh_role`), else ``None``.

    "Cyfarwyddwr Cyllid" is "Director of Finance", so ``pitchkit init`` in Welsh
    makes the id a team sheet in English makes, ``dof`` (newuser41 #4).
    """
    plain = " ".join(role.split()).casefold().rstrip(".")
    if plain in _ENGLISH_TITLES:
        return _ENGLISH_TITLES[plain]
    found = _CYFARWYDDWR.fullmatch(plain)
    if found is None or found["of"] not in _ENGLISH_OF:
        return None
    head = "Executive Director of" if found["executive"] else "Director of"
    return f"{head} {_ENGLISH_OF[found['of']]}"
