"""The kind of organisation a project is in, read from its name.

An ambulance service, a mental health trust, a community trust, an integrated
care board, a Welsh health board or another NHS Wales trust each say so in
their name (in English or Welsh). ``init`` offers objectives that fit the
kind (:mod:`pitchkit.init.orgkind`); the notes name a Welsh body's regulator
and partners. One reader serves both.
"""

from __future__ import annotations

import re
from functools import cache

from pitchkit.i18n.welshbodies import is_welsh_body

ACUTE = "acute"
AMBULANCE = "ambulance"
MENTAL_HEALTH = "mental-health"
COMMUNITY = "community"
ICB = "icb"
#: A Welsh health board (its name says so, and says it is in Wales: "health board"
#: alone does not): an acute hospital's objectives, and the primary care directorate's
#: clusters and mental health measure.
HEALTH_BOARD = "health-board"
#: Another NHS Wales trust (Velindre, Public Health Wales; its ambulance service is
#: read as an ambulance service): Wales's standards, as a health board's.
WELSH_TRUST = "welsh-trust"


@cache
def _named() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Words in an organisation's name (English or Welsh) that say its kind, tried in order.

    Compiled on first use: a brief reads an organisation's kind only for some gains.
    """
    return (
        (AMBULANCE, re.compile(r"\bambulance|\bambiwlans", re.IGNORECASE)),
        (ICB, re.compile(r"\bICB\b|\bintegrated care board\b|\bbwrdd gofal integredig\b", re.I)),
        (MENTAL_HEALTH, re.compile(r"\bmental health\b|\biechyd meddwl\b", re.IGNORECASE)),
        (COMMUNITY, re.compile(r"\bcommunity\b|\bcymunedol\b", re.IGNORECASE)),
        (HEALTH_BOARD, re.compile(r"\bhealth board\b|\bbwrdd iechyd\b|\b[UT]?HB\b", re.I)),
        (ACUTE, re.compile(r"\bhospitals?\b", re.IGNORECASE)),
    )


def kind_of(organisation: str) -> str | None:
    """The kind of organisation its name says, or ``None`` when the name does not say.

    "Northern Counties Ambulance Service NHS Trust" is an ambulance service;
    "Riverside Mental Health NHS Foundation Trust" a mental health trust;
    "Bwrdd Iechyd Prifysgol Hywel Dda" a health board, read as acute care
    with Wales's standards; "Velindre University NHS Trust" an NHS Wales trust.
    """
    welsh = is_welsh_body(organisation)
    for kind, words in _named():
        # A health board is Wales's (the one reader, i18n.welshbodies); a board elsewhere
        # (Scotland's, an English committee's) says nothing of the kind of body.
        if words.search(organisation) and (kind != HEALTH_BOARD or welsh):
            return kind
    return WELSH_TRUST if welsh else None
