"""The kind of organisation a project is in, and the role objectives that fit it.

The role lenses' typical objectives are an acute hospital's: a Director of
Operations is offered the four-hour standard in A&E and a Director of
Nursing safe staffing on the wards. In an ambulance service, a mental
health trust, a community trust or an integrated care board those read as
a mistake (newuser24 #5), so ``init`` reads the kind of organisation from
its name (or, when the name does not say, from the director's role) and
offers objectives that fit the role there. Like the acute ones, they carry
no dated national figure: the director's own targets are theirs to add.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pitchkit.i18n.translation import N_

ACUTE = "acute"
AMBULANCE = "ambulance"
MENTAL_HEALTH = "mental-health"
COMMUNITY = "community"
ICB = "icb"

#: How each kind is named in a question: "objectives of a {title} in {kind}".
KIND_NAMES = {
    ACUTE: N_("a hospital trust or health board"),
    AMBULANCE: N_("an ambulance service"),
    MENTAL_HEALTH: N_("a mental health trust"),
    COMMUNITY: N_("a community health trust"),
    ICB: N_("an integrated care board"),
}

#: Words in an organisation's name (English or Welsh) that say its kind, tried in order.
_NAMED = (
    (AMBULANCE, re.compile(r"\bambulance|\bambiwlans", re.IGNORECASE)),
    (ICB, re.compile(r"\bICB\b|\bintegrated care board\b|\bbwrdd gofal integredig\b", re.I)),
    (MENTAL_HEALTH, re.compile(r"\bmental health\b|\biechyd meddwl\b", re.IGNORECASE)),
    (COMMUNITY, re.compile(r"\bcommunity\b|\bcymunedol\b", re.IGNORECASE)),
    (ACUTE, re.compile(r"\bhealth board\b|\bbwrdd iechyd\b|\bhospitals?\b", re.IGNORECASE)),
)

#: Words in a role that say the organisation's kind when its name does not.
_ROLE_SAYS = (
    (AMBULANCE, re.compile(r"\bparamedic", re.IGNORECASE)),
    (ICB, re.compile(r"\bcommission", re.IGNORECASE)),
)

#: A role in an integrated care board that commissions services.
COMMISSIONER = re.compile(r"\bcommission|\bcomisiyn", re.IGNORECASE)


@dataclass(frozen=True)
class KindObjective:
    """A typical objective of a role in one kind of organisation, as a lens objective is."""

    id: str
    text: str
    kind: str
    themes: tuple[str, ...]


def kind_of(organisation: str) -> str | None:
    """The kind of organisation its name says, or ``None`` when the name does not say.

    "Northern Counties Ambulance Service NHS Trust" is an ambulance service;
    "Riverside Mental Health NHS Foundation Trust" a mental health trust;
    "Bwrdd Iechyd Prifysgol Hywel Dda" a health board, read as acute care.
    """
    for kind, words in _NAMED:
        if words.search(organisation):
            return kind
    return None


def role_kind(role: str) -> str | None:
    """The kind of organisation a role implies (a paramedic director, a commissioner), if any."""
    for kind, words in _ROLE_SAYS:
        if words.search(role):
            return kind
    return None


def _objectives(*rows: tuple[str, str, str, tuple[str, ...]]) -> tuple[KindObjective, ...]:
    return tuple(KindObjective(*row) for row in rows)


_ORG = "organisational"
_OWN = "personal"

#: Typical objectives by kind of organisation and role lens. A lens not named
#: for a kind keeps its own (a Director of Finance's are much the same anywhere).
BY_KIND: dict[str, dict[str, tuple[KindObjective, ...]]] = {
    AMBULANCE: {
        "operations": _objectives(
            (
                "response-times",
                N_("Improve response times in every call category"),
                _ORG,
                ("access", "safety"),
            ),
            (
                "handover",
                N_("Cut the hours crews lose waiting to hand patients over at hospital"),
                _ORG,
                ("flow",),
            ),
            (
                "hear-see-treat",
                N_("Resolve more calls by hear and treat or see and treat"),
                _ORG,
                ("flow", "access"),
            ),
            (
                "conveyance",
                N_("Take to an emergency department only the patients who need one"),
                _OWN,
                ("flow",),
            ),
        ),
        "nursing": _objectives(
            (
                "harm-waiting",
                N_("Reduce harm to patients while they wait for an ambulance"),
                _ORG,
                ("safety",),
            ),
            (
                "care-at-scene",
                N_("Raise the standard of clinical care given at the scene"),
                _ORG,
                ("outcomes", "safety"),
            ),
            (
                "infection",
                N_("Keep vehicles and stations clean to infection prevention standards"),
                _ORG,
                ("safety", "compliance"),
            ),
            (
                "clinical-careers",
                N_("Develop paramedics' and nurses' clinical careers"),
                _OWN,
                ("workforce",),
            ),
        ),
        "medical": _objectives(
            (
                "cardiac-arrest",
                N_("Improve survival from out-of-hospital cardiac arrest"),
                _ORG,
                ("outcomes",),
            ),
            (
                "time-critical",
                N_("Improve care for stroke and heart attack before hospital"),
                _ORG,
                ("outcomes", "safety"),
            ),
            ("harm-delays", N_("Reduce avoidable harm from delayed responses"), _ORG, ("safety",)),
            (
                "clinical-engagement",
                N_("Involve more clinicians in quality improvement"),
                _OWN,
                ("workforce", "outcomes"),
            ),
        ),
    },
    MENTAL_HEALTH: {
        "operations": _objectives(
            (
                "out-of-area",
                N_("End inappropriate out-of-area placements"),
                _ORG,
                ("flow", "experience"),
            ),
            (
                "community-waits",
                N_("Cut waiting times for community mental health services"),
                _ORG,
                ("access",),
            ),
            (
                "crisis",
                N_("Respond quickly to people in a mental health crisis"),
                _ORG,
                ("access", "safety"),
            ),
            (
                "delayed-discharge",
                N_("Reduce delayed discharges from mental health wards"),
                _OWN,
                ("flow",),
            ),
        ),
        "nursing": _objectives(
            (
                "restrictive-practice",
                N_("Reduce restrictive practice such as restraint"),
                _ORG,
                ("safety", "experience"),
            ),
            (
                "experience",
                N_("Improve patients' and carers' experience of care"),
                _ORG,
                ("experience",),
            ),
            (
                "staffing",
                N_("Keep every ward and community team safely staffed"),
                _ORG,
                ("workforce", "safety"),
            ),
            (
                "nurse-leadership",
                N_("Grow nurse-led improvement in every team"),
                _OWN,
                ("workforce", "experience"),
            ),
        ),
        "medical": _objectives(
            (
                "physical-health",
                N_("Improve the physical health of people with serious mental illness"),
                _ORG,
                ("outcomes", "equity"),
            ),
            (
                "suicide-prevention",
                N_("Reduce suicide and self-harm among the people we care for"),
                _ORG,
                ("safety", "outcomes"),
            ),
            ("learning", N_("Learn from every serious incident"), _ORG, ("safety",)),
            (
                "clinical-engagement",
                N_("Involve more clinicians in quality improvement"),
                _OWN,
                ("workforce", "outcomes"),
            ),
        ),
    },
    COMMUNITY: {
        "operations": _objectives(
            ("community-waits", N_("Cut waiting times for community services"), _ORG, ("access",)),
            (
                "urgent-response",
                N_("Respond quickly to urgent referrals so people can stay at home"),
                _ORG,
                ("flow", "access"),
            ),
            (
                "discharge-support",
                N_("Help hospitals discharge patients sooner with support at home"),
                _ORG,
                ("flow",),
            ),
            (
                "virtual-wards",
                N_("Make full use of virtual wards and intermediate care"),
                _OWN,
                ("flow",),
            ),
        ),
        "nursing": _objectives(
            (
                "harm",
                N_("Reduce avoidable harm such as pressure ulcers and falls at home"),
                _ORG,
                ("safety",),
            ),
            ("experience", N_("Improve patients' experience of care"), _ORG, ("experience",)),
            (
                "staffing",
                N_("Keep every community team and ward safely staffed"),
                _ORG,
                ("workforce", "safety"),
            ),
            (
                "nurse-leadership",
                N_("Grow nurse-led improvement in every team"),
                _OWN,
                ("workforce", "experience"),
            ),
        ),
    },
}

#: A commissioner's typical objectives, in an integrated care board.
COMMISSIONER_OBJECTIVES = _objectives(
    (
        "population-needs",
        N_("Commission services that meet the population's needs"),
        _ORG,
        ("strategy", "outcomes"),
    ),
    (
        "contracts",
        N_("Hold providers to the standards in their contracts"),
        _ORG,
        ("compliance", "access"),
    ),
    ("value", N_("Get the best value from the system's budget"), _ORG, ("finance",)),
    (
        "variation",
        N_("Reduce unwarranted variation between places and providers"),
        _OWN,
        ("equity", "strategy"),
    ),
)


def organisation_kind(organisation: str, role: str = "") -> str:
    """The kind of organisation from its name, else from a role, else acute care."""
    return kind_of(organisation) or role_kind(role) or ACUTE


def typical_objectives(kind: str, lens_id: str, role: str) -> tuple[KindObjective, ...] | None:
    """The typical objectives of ``role`` in this kind of organisation.

    A commissioner's, whatever the project's organisation (an ICB's
    commissioner may sponsor a trust's project); ``None`` where the lens's
    own objectives fit: in an acute trust, and for roles such as finance
    whose objectives are much the same anywhere.
    """
    if COMMISSIONER.search(role):
        return COMMISSIONER_OBJECTIVES
    return BY_KIND.get(kind, {}).get(lens_id)
