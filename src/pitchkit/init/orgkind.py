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

from pitchkit.facts.orgkind import (
    ACUTE,
    AMBULANCE,
    COMMUNITY,
    HEALTH_BOARD,
    ICB,
    MENTAL_HEALTH,
    WELSH_TRUST,
    kind_of,
)
from pitchkit.i18n.translation import N_

#: How each kind is named in a question: "objectives of a {title} in {kind}".
KIND_NAMES = {
    ACUTE: N_("a hospital trust or health board"),
    AMBULANCE: N_("an ambulance service"),
    MENTAL_HEALTH: N_("a mental health trust"),
    COMMUNITY: N_("a community health trust"),
    ICB: N_("an integrated care board"),
    HEALTH_BOARD: N_("a health board"),
    WELSH_TRUST: N_("an NHS Wales trust"),
}

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

#: An integrated care board's place or strategy director's typical objectives.
_ICB_PLACE = _objectives(
    (
        "neighbourhood-teams",
        N_("Build integrated neighbourhood teams in every place"),
        _ORG,
        ("strategy", "access"),
    ),
    (
        "joint-forward-plan",
        N_("Deliver the joint forward plan with the system's partners"),
        _ORG,
        ("strategy",),
    ),
    ("inequalities", N_("Reduce health inequalities"), _ORG, ("equity",)),
    ("closer-to-home", N_("Move care closer to home"), _OWN, ("strategy", "access")),
)

#: An integrated care board's executives: it holds the allocation and the
#: contracts, commissions across providers and has no wards of its own, so a
#: trust's cost improvement programme, GIRFT and safe staffing do not fit (newuser29 #3).
BY_KIND[ICB] = {
    "finance": _objectives(
        (
            "financial-plan",
            N_("Deliver the ICB's financial plan within its allocation"),
            _ORG,
            ("finance",),
        ),
        (
            "efficiency",
            N_("Meet the ICB's efficiency (QIPP) target"),
            _ORG,
            ("finance",),
        ),
        (
            "prescribing-spend",
            N_("Keep prescribing spend within budget"),
            _ORG,
            ("finance",),
        ),
        (
            "contract-spend",
            N_("Hold acute and other contract spend to plan"),
            _OWN,
            ("finance", "flow"),
        ),
    ),
    "medical": _objectives(
        (
            "population-health",
            N_("Improve the population's health and prevent ill health"),
            _ORG,
            ("outcomes", "equity"),
        ),
        (
            "unwarranted-variation",
            N_("Reduce unwarranted variation between practices and providers"),
            _ORG,
            ("equity", "outcomes"),
        ),
        (
            "prescribing-quality",
            N_("Improve the quality and safety of prescribing"),
            _ORG,
            ("safety", "outcomes"),
        ),
        (
            "clinical-engagement",
            N_("Involve more clinicians in quality improvement"),
            _OWN,
            ("workforce", "outcomes"),
        ),
    ),
    "nursing": _objectives(
        (
            "provider-quality",
            N_("Assure the quality and safety of care across providers"),
            _ORG,
            ("safety", "compliance"),
        ),
        (
            "continuing-healthcare",
            N_("Assess people for NHS Continuing Healthcare on time"),
            _ORG,
            ("access", "finance"),
        ),
        (
            "safeguarding",
            N_("Keep children and adults at risk safe"),
            _ORG,
            ("safety", "compliance"),
        ),
        (
            "patient-voice",
            N_("Bring patients' and carers' voices into commissioning"),
            _OWN,
            ("experience",),
        ),
    ),
    "primary-community": _objectives(
        ("gp-access", N_("Improve patients' access to general practice"), _ORG, ("access",)),
        (
            "practice-resilience",
            N_("Keep general practices resilient and sustainable"),
            _ORG,
            ("workforce", "access"),
        ),
        (
            "pcn-delivery",
            N_("Help primary care networks deliver what they are funded for"),
            _ORG,
            ("access", "strategy"),
        ),
        (
            "neighbourhood-teams",
            N_("Build integrated neighbourhood teams in every place"),
            _OWN,
            ("strategy", "access"),
        ),
    ),
    "strategy": _ICB_PLACE,
}

#: A health board's or NHS Wales trust's executives: Wales's own standards where
#: the lens names England's (newuser31 #2). Referral to treatment is counted to
#: 36 weeks, not 18; emergency departments to four and twelve hours; urgent and
#: emergency care is planned by the Six Goals, and each body by its Integrated
#: Medium Term Plan. Healthcare Inspectorate Wales inspects, not the CQC.
WALES: dict[str, tuple[KindObjective, ...]] = {
    "operations": _objectives(
        (
            "four-hour",
            N_("Meet the 4-hour and 12-hour waiting targets in emergency departments"),
            _ORG,
            ("flow", "access"),
        ),
        (
            "rtt",
            N_("Treat patients within 36 weeks of referral, with no one waiting over 104 weeks"),
            _ORG,
            ("access",),
        ),
        (
            "six-goals",
            N_("Deliver the Six Goals for Urgent and Emergency Care"),
            _ORG,
            ("flow", "access"),
        ),
        (
            "handover",
            N_("Cut ambulance handover delays at the emergency department"),
            _ORG,
            ("flow",),
        ),
        (
            "winter",
            N_("Get through winter without escalation beds"),
            _OWN,
            ("flow", "finance"),
        ),
    ),
    "chief-executive": _objectives(
        (
            "strategy",
            N_("Deliver the organisation's strategic objectives"),
            _ORG,
            ("strategy",),
        ),
        (
            "balance",
            N_("Break even and have an approved Integrated Medium Term Plan (IMTP)"),
            _ORG,
            ("finance", "strategy"),
        ),
        (
            "well-led",
            N_("Show Healthcare Inspectorate Wales a safe, well-run organisation"),
            _ORG,
            ("compliance", "safety"),
        ),
        (
            "legacy",
            N_("Leave a visible improvement for patients and staff"),
            _OWN,
            ("outcomes", "experience", "workforce"),
        ),
    ),
    "medical": _objectives(
        ("mortality", N_("Reduce avoidable mortality"), _ORG, ("outcomes", "safety")),
        (
            "effectiveness",
            N_("Improve clinical effectiveness against national clinical audits"),
            _ORG,
            ("outcomes", "compliance"),
        ),
        ("safety", N_("Eliminate never events and avoidable harm"), _ORG, ("safety",)),
        (
            "clinical-engagement",
            N_("Involve more doctors in quality improvement"),
            _OWN,
            ("workforce", "outcomes"),
        ),
    ),
    "strategy": _objectives(
        (
            "strategy",
            N_("Deliver the organisation's Integrated Medium Term Plan (IMTP)"),
            _ORG,
            ("strategy",),
        ),
        ("inequalities", N_("Reduce health inequalities"), _ORG, ("equity",)),
        ("closer-to-home", N_("Move care closer to home"), _ORG, ("strategy", "access")),
        (
            "partnerships",
            N_("Build lasting partnerships through the regional partnership board"),
            _OWN,
            ("strategy",),
        ),
    ),
    "digital": _objectives(
        (
            "epr",
            N_("Make full use of the electronic patient record"),
            _ORG,
            ("digital",),
        ),
        ("maturity", N_("Raise the organisation's digital maturity"), _ORG, ("digital",)),
        (
            "cyber",
            N_("Keep systems and data secure"),
            _ORG,
            ("digital", "compliance"),
        ),
        (
            "adoption",
            N_("Show clinicians using digital tools to improve care"),
            _OWN,
            ("digital", "outcomes"),
        ),
    ),
}
BY_KIND[HEALTH_BOARD] = WALES
BY_KIND[WELSH_TRUST] = WALES

#: A director of primary and community care outside Wales: the lens's own
#: objectives speak of clusters and the Mental Health Measure, a Welsh health
#: board's, and fit only where the organisation's name says it is one.
PRIMARY_COMMUNITY = _objectives(
    (
        "access",
        N_("Improve timely access to primary and community care"),
        _ORG,
        ("access",),
    ),
    ("community-waits", N_("Cut waiting times for community services"), _ORG, ("access",)),
    (
        "care-at-home",
        N_("Help people stay well at home with joined-up community care"),
        _ORG,
        ("flow", "outcomes"),
    ),
    ("closer-to-home", N_("Move care closer to home"), _OWN, ("strategy", "access")),
)

#: Words in a role that name a place director in an integrated care board.
_PLACE = re.compile(r"\bplace\b|\bneighbourhood|\blle\b|\bcymdogaeth", re.IGNORECASE)

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
    whose objectives are much the same in any trust. A director of primary
    and community care is offered the lens's (a Welsh health board's) only in
    a health board.
    """
    if COMMISSIONER.search(role):
        return COMMISSIONER_OBJECTIVES
    if kind == ICB and _PLACE.search(role) and lens_id in {"general", "strategy", "commissioner"}:
        return _ICB_PLACE
    fitting = BY_KIND.get(kind, {}).get(lens_id)
    if fitting is None and lens_id == "primary-community" and kind != HEALTH_BOARD:
        return PRIMARY_COMMUNITY
    return fitting
