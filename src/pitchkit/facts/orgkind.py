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

from pitchkit.i18n.welshbodies import is_nhs_wales_body

ACUTE = "acute"
AMBULANCE = "ambulance"
MENTAL_HEALTH = "mental-health"
COMMUNITY = "community"
ICB = "icb"
#: A Welsh health board (its name says so): an acute hospital's objectives, and
#: the primary care directorate's clusters and mental health measure.
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
        (HEALTH_BOARD, re.compile(r"\bhealth board\b|\bbwrdd iechyd\b", re.IGNORECASE)),
        (ACUTE, re.compile(r"\bhospitals?\b", re.IGNORECASE)),
        # A trust whose name says it is in Wales ("... NHS Trust" with Wales or Cymru, or "GIG").
        (
            WELSH_TRUST,
            re.compile(
                r"\b(?:Wales|Welsh|Cymru)\b.*\bNHS Trust\b|\bNHS Trust\b.*\b(?:Wales|Cymru)\b"
                r"|\bYmddiriedolaeth GIG\b",
                re.IGNORECASE,
            ),
        ),
    )


def kind_of(organisation: str) -> str | None:
    """The kind of organisation its name says, or ``None`` when the name does not say.

    "Northern Counties Ambulance Service NHS Trust" is an ambulance service;
    "Riverside Mental Health NHS Foundation Trust" a mental health trust;
    "Bwrdd Iechyd Prifysgol Hywel Dda" a health board, read as acute care
    with Wales's standards; "Velindre University NHS Trust" an NHS Wales trust.
    """
    *named, (welsh_trust, welsh_words) = _named()
    for kind, words in named:
        if words.search(organisation):
            return kind
    if is_nhs_wales_body(organisation) or welsh_words.search(organisation):
        return welsh_trust
    return None
