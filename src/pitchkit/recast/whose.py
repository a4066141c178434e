"""Whose cash an impact's money is: the trust's own, another body's, or nobody's.

One reading, used by the finance director's note (what counts as "cash for
the financial plan", pays back, or is "not the trust's cash") and by the
linker (which money claims it makes on a cost improvement programme or a
financial balance), so that the two never disagree about whose budget a
saving falls in (docs/money.md §2, docs/linking.md).

- The body is read from the 'whose budget' qualifier family of
  ``measures.yaml`` (and :data:`_MORE_NAMES`): the impact's measure first,
  then its unit cost's source
  ("ICB contract prices" are what the ICB pays; a "Cancer Alliance mobile CT
  hire contract" is paid from the Alliance's allocation).
- Money is cash only when it releases cash (``releases:``, or the default
  from what the impact counts, :func:`~pitchkit.recast.money.default_releases`);
  capacity is nobody's cash.
- Cash with no other body named is the trust's when the impact does less of
  what it counts, or when the lead marks it ``releases: cash`` (income
  earned). More of something bought in, cash only by default, is more
  activity, not less spending: nobody's saving.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from pitchkit.facts.fields import PAYERS as FACTS_PAYERS
from pitchkit.facts.fields import payer_key
from pitchkit.facts.schema import Impact, Objective
from pitchkit.i18n.welshbodies import is_welsh_body

if TYPE_CHECKING:
    from pitchkit.recast.money import Releases

#: The 'whose budget' member for the trust's own budget.
TRUST: Final[str] = "trust"
#: The other bodies a budget can be, as the 'whose budget' family names them.
OTHER_BODIES: Final[tuple[str, ...]] = ("ICB", "council", "Cancer Alliance")
#: A Welsh health board's own budget: it runs the hospitals and holds primary care
#: prescribing, so money an English project would call the trust's or the ICB's is its own.
HEALTH_BOARD: Final[str] = "health board"
_FAMILY = "whose budget"


#: Titles of published unit costs, which name a body without saying who pays: PSSRU's
#: "Unit Costs of Health and Social Care" prices a GP consultation, not the council's spend.
_PUBLICATIONS = re.compile(r"unit costs of health and social care", re.IGNORECASE)


#: A body named after "with" is a partner, not whose money it is: "Break-even 2026/27 as
#: agreed with the ICB" is the trust's plan, and "vitamin D tests (paid within our block
#: contract with the ICB)" the trust's reagents. The clause runs to the next stop.
_PARTNER = re.compile(r"\bwith\b[^,;:.()]*", re.IGNORECASE)
#: A system's money is every body's in it: the ICS's financial balance, a system plan.
_SYSTEM = re.compile(
    r"\b(?:ICS|integrated care system|system|systems|system-wide|STP)\b", re.IGNORECASE
)
#: A pooled budget is the council's and the ICB's together (the Better Care Fund, a
#: section 75 agreement).
_POOLED = re.compile(
    r"\b(?:Better Care Fund|BCF|pooled budget|pooled fund|section 75)\b", re.IGNORECASE
)


#: Bodies, and names of their money, that the 'whose budget' family does not list, read
#: here only so that the linker's learned evidence (which reads the family) is unchanged: a
#: Cancer Alliance holds NHS England's allocations for its programmes (lung screening among
#: them), and ePACT2 is NHSBSA's data on prescriptions dispensed in the community, which
#: is primary care prescribing, the ICB's.
_MORE_NAMES = (
    ("Cancer Alliance", re.compile(r"\bcancer alliances?\b", re.IGNORECASE)),
    ("ICB", re.compile(r"\bePACT2?\b", re.IGNORECASE)),
)


def _said(text: str) -> frozenset[str]:
    """The 'whose budget' members ``text`` names, a partner after "with" left out."""
    text = _PARTNER.sub("", text)
    from pitchkit.recast.measures import qualifiers  # the map loads only when it is read

    named = qualifiers(text).get(_FAMILY, frozenset())
    return named | {body for body, name in _MORE_NAMES if name.search(text)}


def named_body(text: str | None) -> str | None:
    """The other body whose budget ``text`` names, when it names one and not the trust."""
    if not text:
        return None
    budget = _said(text)
    if TRUST in budget:
        return None
    return next((body for body in OTHER_BODIES if body in budget), None)


#: What the lead may write as an impact's ``value.payer`` (read in the facts layer, which
#: checks it: :data:`pitchkit.facts.fields.PAYERS`), and the 'whose budget' member each names.
PAYERS: Final[dict[str, str]] = FACTS_PAYERS


def stated_payer(impact: Impact) -> str | None:
    """The body the lead names as whose ``impact``'s money is (``value.payer``), if any."""
    value = impact.value
    given = value.payer if value is not None else None
    return PAYERS.get(payer_key(given)) if given else None


#: What a provider pays for and an ICB does not, in a measure or a unit cost's source: an
#: ICB employs no ward staff and runs no wards, so staff time bought by the shift (agency,
#: bank, overtime, locum shifts, WTE), a ward's or a bed's running costs, and anything the
#: measure says is a trust's or a hospital's ("on Northshire Hospitals NHS Foundation
#: Trust's escalation ward", "paid by the trust") are the provider's money (newuser29 #1).
_PROVIDER_PAYS: Final = re.compile(
    r"\b(?:agency|locum|overtime|WTEs?|whole[- ]time equivalents?)\b"
    r"|\bbank (?:staff|nurses?|nursing|shifts?|hours?|spend|usage|workers?|HCAs?)\b"
    r"|\b(?:nurse|nursing|medical|doctor|staff|HCA) shifts?\b"
    r"|\b(?:wards?|bed ?days?|beds|escalation)\b"
    r"|\b(?:trust|hospitals?|provider|foundation trust)(?:'s|s'|’s|s’)"
    r"|\bpaid (?:for )?by (?:the |our )?[\w ]*?(?:trust|hospitals?|provider)\b"
    r"|\b(?:trust|provider) (?:budget|spend|costs?)\b",
    re.IGNORECASE,
)
#: What an ICB pays for itself, which no provider word above makes a provider's: a
#: contract's variable element, placements and continuing healthcare, prescribing.
_ICB_PAYS: Final = re.compile(
    r"\b(?:variable element|contract(?:ed|s)?|commissioned|placements?|continuing (?:health)?care"
    r"|CHC|prescri\w*|tariff)\b",
    re.IGNORECASE,
)


def provider_pays(impact: Impact) -> bool:
    """Whether ``impact``'s money is a provider's, not an ICB's, by its measure or source."""
    value = impact.value
    source = _PUBLICATIONS.sub("", value.source) if value is not None and value.source else ""
    texts = (impact.measure, source)
    if any(_ICB_PAYS.search(text) for text in texts):
        return False
    return any(_PROVIDER_PAYS.search(text) for text in texts)


def _read_payer(impact: Impact, home: str) -> str | None:
    """Whose budget ``impact``'s money is in, as read: the lead's word, the text's, or none.

    The lead's ``value.payer`` first; then another body the measure or the unit
    cost's source names (:func:`other_budget`); then, for an ICB's own project, a
    provider's cost (:func:`provider_pays`) is the trust's.
    """
    stated = stated_payer(impact)
    if stated == "ICB" and isinstance(home, WelshTrustHome):
        # In Wales a trust's commissioner is a health board: there is no ICB (fixpay28).
        value = impact.value
        if value is not None and value.payer and payer_key(value.payer) in _COMMISSIONER_WORDS:
            return HEALTH_BOARD
    if stated is not None:
        return home if stated == "own" else stated
    body = other_budget(impact)
    if body is None and home == "ICB" and provider_pays(impact):
        return TRUST
    return body


def other_budget(impact: Impact) -> str | None:
    """The body whose budget ``impact``'s money is in, when it is not the trust's.

    The measure first ("GP prescribing spend on inhalers in primary care" is
    the ICB's), then the unit cost's source, when the measure names no other
    body: activity avoided at "ICB contract prices" saves the ICB's money,
    though the measure names "the acute trust's" list (newuser11 #5).
    """
    value = impact.value
    source = _PUBLICATIONS.sub("", value.source) if value is not None and value.source else None
    for text in (impact.measure, source):
        body = named_body(text)
        if body is not None:
            return body
    return None


class WelshTrustHome(str):
    """:data:`TRUST`, for an NHS Wales trust (Velindre, the Welsh Ambulance Services).

    Equal to "trust" wherever a home is compared, so every budget reading is a
    trust's; apart only where a lead's word means another body in Wales: its
    commissioner is a health board (or the Joint Commissioning Committee, which
    commissions out of the health boards' own allocations), not an ICB (fixpay28).
    """

    __slots__ = ()


#: What a lead may call the body that commissions the project's service (``value.payer``).
_COMMISSIONER_WORDS: Final = frozenset(
    {"commissioner", "commissioners", "comisiynydd", "comisiynwyr"}
)


def home_of(organisation: str | None) -> str:
    """Whose money a project's own is: its organisation's, else a trust's.

    "NHS Three Rivers Integrated Care Board" is an ICB: primary care prescribing
    switched in its project is its own money, though the measure names no body.
    A Welsh health board's is :data:`HEALTH_BOARD`, which holds both a trust's
    budgets and an ICB's.
    """
    if organisation_kind(organisation) == HEALTH_BOARD:
        return HEALTH_BOARD
    body = named_body(organisation)
    if body is None and organisation and is_welsh_body(organisation):
        return WelshTrustHome(TRUST)
    return body or TRUST


def _as_home(body: str, home: str) -> str:
    """``body``, or ``home`` when ``home`` holds that budget (a health board's ICB money)."""
    if home == HEALTH_BOARD and body in (TRUST, "ICB"):
        return home
    return body


def other_payer(impact: Impact, home: str = TRUST) -> str | None:
    """The body other than ``home`` whose budget ``impact``'s money is in, if there is one."""
    body = _read_payer(impact, home)
    if body is None or _as_home(body, home) == home:
        return None
    return body


def payer(impact: Impact, home: str = TRUST) -> str:
    """Whose budget ``impact``'s money falls in: another body's it names, else ``home``'s."""
    return other_payer(impact, home) or home


def whose_cash(impact: Impact, releases: Releases | None = None, home: str = TRUST) -> str | None:
    """Whose cash ``impact``'s money is: :data:`TRUST`, another body, or ``None``.

    ``None`` when it is not cash (capacity), or when it is cash only by
    default and the impact does more of what it counts (more outsourced
    activity is more spending, not less, unless it earns income).
    ``releases`` is what the ledger already decided (read in English), else
    the impact's own, else the default from what it counts.
    """
    from pitchkit.recast.money import default_releases  # the ledger reads this module

    if (releases or impact.releases or default_releases(impact)) != "cash":
        return None
    other = other_payer(impact, home)
    if other is not None:
        return other
    if impact.direction == "lower" or impact.releases == "cash":
        return home
    return None


def budgets_of(objective: Objective, role: str | None = None, home: str = TRUST) -> frozenset[str]:
    """Whose budgets ``objective`` is about: those its text names, else its director's.

    "ICB financial plan delivered at break-even" is the ICB's; "Deliver the
    £22.6m CIP" and "Break-even as agreed with the ICB" the trust's; a system's
    balance ("ICS financial balance") every body's; the Better Care Fund the
    council's and the ICB's. An objective that names no body is its director's
    (``role``: an "ICB Chief Finance Officer"'s breakeven is the ICB's), else
    the project's own organisation's (``home``: a trust's unless it says).
    """
    return frozenset(_as_home(body, home) for body in _budgets_named(objective, role, home))


def _budgets_named(objective: Objective, role: str | None, home: str) -> frozenset[str]:
    """:func:`budgets_of` before a health board's own budgets are read as its own."""
    text = _PARTNER.sub("", objective.text)
    if _SYSTEM.search(text):
        return frozenset({TRUST, *OTHER_BODIES})
    if _POOLED.search(text):
        return frozenset({"ICB", "council"})
    named = _said(objective.text)
    bodies = frozenset(body for body in (TRUST, *OTHER_BODIES) if body in named)
    if not bodies and role:
        body = named_body(role)
        bodies = frozenset({body}) if body is not None else bodies
    return bodies or frozenset({home})


def same_payer(
    impact: Impact, objective: Objective, role: str | None = None, home: str = TRUST
) -> bool:
    """Whether ``impact``'s money falls in a budget ``objective`` is about (``role``: whose)."""
    return payer(impact, home) in budgets_of(objective, role, home)


#: Kinds of organisation a project's own can be, each with the words that name it in the
#: organisation's name (English or Welsh), first match wins: "North West Ambulance Service
#: NHS Trust" is a trust, "Bwrdd Iechyd Prifysgol Betsi Cadwaladr" a health board.
_KINDS: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    ("trust", re.compile(r"\b(?:trust|ymddiriedolaeth)\b", re.IGNORECASE)),
    ("health board", re.compile(r"\b(?:health board|bwrdd iechyd)\b", re.IGNORECASE)),
    (
        "ICB",
        re.compile(r"\b(?:integrated care board|ICB|bwrdd gofal integredig)\b", re.IGNORECASE),
    ),
    (
        "GP federation",
        re.compile(r"\b(?:GP federation|federation of (?:GP )?practices)\b", re.IGNORECASE),
    ),
    (
        "primary care network",
        re.compile(
            r"\b(?:primary care network|PCN|rhwydwaith gofal sylfaenol|primary care cluster"
            r"|clwstwr gofal sylfaenol)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "collaborative",
        re.compile(r"\b(?:primary care|GP|general practice) collaborative\b", re.IGNORECASE),
    ),
    ("council", re.compile(r"\b(?:council|cyngor)\b", re.IGNORECASE)),
)


def organisation_kind(organisation: str | None) -> str:
    """What kind of body the project's organisation is, to name it by: "trust" unless it says.

    Read from the organisation's name ("NHS Three Rivers Integrated Care
    Board" is an ICB, "Cyngor Sir Ddinbych" a council); a name that says
    none of them is taken as a trust, as pitchkit always has.
    """
    for kind, pattern in _KINDS:
        if organisation and pattern.search(organisation):
            return kind
    return TRUST


def names_kind(words: str, organisation: str | None) -> bool:
    """Whether ``words`` name the project's own organisation or its kind of body.

    "ICB" and "integrated care board" in an ICB's project, "PCN" in a primary
    care network's, or any words its name holds ("Northshire"): an ask "at the
    ICB executive" in an ICB is the whole team's business, not one director's.
    """
    if not organisation:
        return False
    if re.search(rf"(?<!\w){re.escape(words)}(?!\w)", organisation, re.IGNORECASE):
        return True
    own = organisation_kind(organisation)
    return any(kind == own and pattern.fullmatch(words) for kind, pattern in _KINDS)


#: Capacity freed in another body's staff time, by the words of the measure (English or
#: Welsh): GP appointments are general practice's, ambulance hours the ambulance
#: service's, home care hours the council's social care. None of them is money for a
#: trust, whatever it does.
_ELSEWHERE: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    (
        "general practice",
        re.compile(
            r"\b(?:GPs?|general practi(?:ce|tioners?)|practice nurses?|primary care"
            r"|meddyg(?:on)? teulu|practis(?:au)? cyffredinol|gofal sylfaenol)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "ambulance service",
        re.compile(
            r"\b(?:ambulance (?:hours?|crews?|conveyances?|call-?outs?|journeys?|responses?|"
            r"handovers?|job cycle)|hours lost to (?:ambulance )?handover"
            r"|oriau ambiwlans|criwiau ambiwlans)",
            re.IGNORECASE,
        ),
    ),
    (
        "council",
        re.compile(
            r"\b(?:social care|home care|domiciliary care|care packages?|care home placements?"
            r"|gofal cymdeithasol|gofal cartref|pecynnau gofal)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "police",
        re.compile(
            r"\b(?:police (?:officer |staff )?(?:hours|time)|police officers?'? time"
            r"|oriau(?:'r)? heddlu|amser (?:yr )?heddlu)\b",
            re.IGNORECASE,
        ),
    ),
)
#: An acute hospital's emergency department and beds, named as such in a measure: for a
#: mental health, community or ambulance trust's project (or an ICB's) they are another
#: body's capacity, however many attendances the project avoids there.
_ACUTE: Final = (
    "acute hospital",
    re.compile(
        r"\b(?:acute (?:hospital|trust)s?|emergency departments?|A&E|accident and emergency"
        r"|ysbyty(?:tai)? acíwt|adran(?:nau)? achosion brys)\b",
        re.IGNORECASE,
    ),
)
#: Attendances, not stays: an emergency department's attendances avoided free its
#: staff's time and take no bed (newuser29 #7), unless the measure counts admissions or
#: bed days too. English or Welsh, in the measure or its unit.
_ATTENDS: Final = re.compile(
    r"\b(?:attendances?|attenders?|attends|presentations?|arrivals?|visits?"
    r"|presenoldeb(?:au)?|ymweliad(?:au)?)\b",
    re.IGNORECASE,
)
_STAYS: Final = re.compile(
    r"\b(?:admissions?|admitted|admits|beds?|bed ?days?|stays?|spells?|derbyniadau"
    r"|derbyn|gwely|gwelyau|diwrnodau gwely)\b",
    re.IGNORECASE,
)
#: The organisation kinds whose own staff each of :data:`_ELSEWHERE`'s bodies are.
_OWN_STAFF: Final[dict[str, frozenset[str]]] = {
    "general practice": frozenset({"GP federation", "primary care network", "collaborative"}),
    "ambulance service": frozenset(),
    "council": frozenset({"council"}),
    "police": frozenset(),
    "acute hospital": frozenset({TRUST, HEALTH_BOARD}),
}


def capacity_elsewhere(
    measure: str, kind: str = TRUST, organisation: str | None = None, unit: str = ""
) -> str | None:
    """The other body whose staff time a measure's capacity frees, if it is not ``kind``'s own.

    "GP appointments for infected ingrown toenails" free general practice's
    time, which no clinic or ward of a trust's can close; for a GP
    federation's own project they are its own. "Attendances at the acute
    trust's emergency department" are an acute hospital's capacity: a trust's
    or a health board's own, unless its name (``organisation``) puts it in a
    setting that runs none (a mental health, community, ambulance or learning
    disability trust: ``settings`` in ``measures.yaml``, as the linker reads it).
    Attendances there (the measure's or its ``unit``'s word) free the emergency
    department's time and no bed: :data:`EMERGENCY_DEPARTMENT`.
    """
    for body, pattern in _ELSEWHERE:
        if pattern.search(measure):
            return None if kind in _OWN_STAFF[body] else body
    body, pattern = _ACUTE
    if pattern.search(measure):
        from pitchkit.recast.measures import setting_of  # the map loads only when it is read

        acute = kind in _OWN_STAFF[body] and setting_of(organisation) is None
        if acute:
            return None
        return EMERGENCY_DEPARTMENT if attendances(measure, unit) else body
    return None


#: Time freed in an acute hospital's emergency department, by attendances avoided there.
EMERGENCY_DEPARTMENT: Final[str] = "emergency department"


def attendances(measure: str, unit: str = "") -> bool:
    """Whether a measure counts attendances (at an emergency department), not stays in a bed."""
    return bool(_ATTENDS.search(f"{measure} {unit}")) and not _STAYS.search(measure)
