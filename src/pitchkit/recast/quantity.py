"""What a measure or an objective quantifies, read from its words and unit.

The measure map says what a text is *about* (vacancies, clinic letters, day
surgery); this module says what it *measures* about it: a gap between
groups, a sum of money, a time (a wait, or how soon something is done), a
share or rate, or a count; and whether it counts a step of care done
("smokers offered treatment") or what came of it ("quit at 28 days"). Two
texts about one topic can measure different things: the registered nurse
vacancy rate does not move the time to hire; the share of letters read in
the NHS App does not move how soon clinic letters are typed.

:func:`read` gives a :class:`Reading`; :func:`mismatch` says why an
impact's measure cannot move an objective's quantity when the measure map
links the two in one step or none, or ``None`` when it can. The linker
(:mod:`pitchkit.recast.align`) then offers the link as possible, never
claims it.
"""

from __future__ import annotations

import math
import re
from functools import cache, lru_cache
from typing import Literal, NamedTuple

from pitchkit.pounds import is_pounds
from pitchkit.recast.words import phrase

Kind = Literal["money", "gap", "time", "share", "count"]
Stage = Literal["process", "result"]

_TIME_UNIT = r"(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|working days)"
#: The same units as a facts file's ``unit:`` may give them in Welsh.
_WELSH_TIME_UNITS = frozenset(
    {"munud", "awr", "oriau", "diwrnod", "dyddiau", "wythnos", "wythnosau", "mis", "misoedd"}
)
#: Money: a sum spent, saved or earned.
_MONEY = re.compile(
    r"£|\bspend(?!(?:s|ing)? (?:more|less|over|under|longer|up to|at least|\d)\b)|"
    r"\b(?:gbp|spending(?! (?:more|less|over|under|longer|up to|at least|\d)\b)|"
    r"expenditure|costs?|income|savings?|deficit|surplus|"
    r"efficienc(?:y|ies)|cip|budget|pay ?bill|financial plan|financial balance|"
    r"balanced financial|tariff|reimburse\w*)\b",
    re.IGNORECASE,
)
#: A gap: the difference between two groups, not the level of either.
_GAP = re.compile(
    r"\bgaps?\b|\bbetween (?:the |our )?(?:most|least|highest|lowest)\b|\binequalit(?:y|ies)\b|"
    r"\bdisparit(?:y|ies)\b|\bdisproportionate(?:ly)?\b",
    re.IGNORECASE,
)
#: A time: how long something takes, or how soon it happens against a standard.
_TIME = re.compile(
    r"\btime (?:to|from|taken)\b|\bwait(?:s|ing|ed)?\b|\bturnaround\b|\bdoor[- ]to[- ]\w+|"
    r"\blength of stay\b|\blos\b|\bbefore (?:noon|midday|\d)|"
    r"\b(?:median|mean|average)\b[\w\s-]{0,40}?\btimes?\b|"
    r"\b(?:handover|response|turnaround|reporting|treatment|journey|hire|hiring) times?\b|"
    rf"\b(?:median|mean|average) (?:{_TIME_UNIT}|wait|time)\b|\b{_TIME_UNIT} from\b|"
    r"\b(?:within|over|under|more than|longer than|less than|inside|beyond) "
    rf"(?:\d+|one|two|three|four|six|twelve)[- ]?{_TIME_UNIT}\b|"
    rf"\b\d+[- ]{_TIME_UNIT}\b(?! (?:list|lists|session|sessions|block|blocks))",
    re.IGNORECASE,
)
#: A span of time that frames a count rather than timing a step of care: "in the last 12
#: months", "readmissions within 30 days", "still in post 12 months after arrival".
_WINDOW = re.compile(
    rf"\b(?:in|over|during) the (?:last|past|previous|next|first) (?:\d+|one|two|three|six|twelve) "
    rf"{_TIME_UNIT}|\b(?:readmi\w*|deaths?|died|mortality|surviv\w*|still|remain\w*|"
    rf"smoke-free|quit\w*|relaps\w*|reattend\w*|return\w*|re-?presenta\w*)\b[^,;()]*",
    re.IGNORECASE,
)


#: A number of minutes, hours, days ... with what says "within" or "over" it.
@cache
def _span() -> re.Pattern[str]:
    return re.compile(
        rf"\b(?:(?:within|over|under|more than|less than|after) )?(?:\d+|one|two|three|six|twelve)"
        rf"[- ]?{_TIME_UNIT}\b",
        re.IGNORECASE,
    )


#: Working time is capacity, not a wait: "release nursing time to care", "theatre time".
_WORK_TIME = re.compile(
    r"\b(?:nursing|nurse|staff|clinical|clinician|consultant|medical|doctor|therapist|therapy|"
    r"admin\w*|coding|theatre|list|session|crew) time\b|\btime (?:to|for) care\b",
    re.IGNORECASE,
)
#: A share or a rate: a part of a whole, not a number of things.
_SHARE = re.compile(
    r"%|\bper ?cent\b|\b(?:rate|rates|ratio|proportion|share|percentage|prevalence|"
    r"per (?:1,?000|10,?000|100,?000|100)|fill rate|compliance|utilisation|occupancy)\b",
    re.IGNORECASE,
)
#: A step of care done, counted as a share of those who should have it.
_PROCESS = re.compile(
    r"\b(?:offered|given|giving|assessed|screened|reviewed|referred|completed|received|"
    r"prescribed|recorded|approved|booked|start|starts|started|starting|invited|"
    r"signed off|seen within|(?:full )?complian(?:ce|t)|present (?:for|at|in)|in attendance|"
    r"with (?:a|an|the) [\w -]*(?:plan|bundle|review|assessment|check|buddy|passport))\b",
    re.IGNORECASE,
)


class Reading(NamedTuple):
    """What a text quantifies: its kind, and for an impact whether it counts care done."""

    kind: Kind
    stage: Stage = "result"


#: A gap said to lie between groups: "the gap in screening coverage between the most and
#: least deprived practices", "ethnic disparity in ...". A gap in a rota ("locum shifts
#: booked to cover rota gaps") is a shortfall of staff, not a gap between groups.
_BETWEEN_GROUPS = re.compile(
    r"\bgaps?\b[^,;()]*\bbetween\b|\bbetween (?:the |our )?(?:most|least|highest|lowest)\b|"
    r"\binequalit(?:y|ies)\b|\bdisparit(?:y|ies)\b",
    re.IGNORECASE,
)


def between_groups(measure: str) -> bool:
    """Whether an impact's measure is a gap between groups, not the level of either.

    "Gap in lipid-lowering therapy for CVD between the most and least deprived
    fifths of practices" narrows when the worse-off catch up or the better-off
    fall back: it does not show how many are treated overall.
    """
    return read(measure).kind == "gap" and _BETWEEN_GROUPS.search(measure) is not None


def _timed(text: str) -> str:
    """``text`` without working time, nor the spans that only frame a count."""
    if _WINDOW.search(text):
        # "30-day emergency readmissions": the span says which are counted.
        text = _span().sub(" ", _WINDOW.sub(" ", text))
    return _WORK_TIME.sub(" ", text)


@lru_cache(maxsize=8192)
def read(text: str, unit: str = "") -> Reading:
    """What ``text`` (with its ``unit``, if any) measures.

    In order: a gap between groups, money, a time (not working time, and not
    a span that only frames a count, such as "readmissions within 30 days"),
    a share or rate, and otherwise a count. The stage is ``process`` when
    the text counts a step of care done ("offered", "assessed", "with a
    plan"), else ``result``.
    """
    both = f"{text} ({unit})" if unit else text
    stage: Stage = "process" if _PROCESS.search(text) else "result"
    if _GAP.search(text):
        return Reading("gap", stage)
    if _MONEY.search(both):
        return Reading("money", stage)
    if _TIME.search(_timed(text)):
        return Reading("time", stage)
    if _SHARE.search(both):
        return Reading("share", stage)
    return Reading("count", stage)


def time_unit(unit: str) -> bool:
    """Whether ``unit`` is a unit of time (``hours``, ``days``; Welsh ``awr``)."""
    name = unit.strip().lower()
    return re.fullmatch(_TIME_UNIT, name) is not None or name in _WELSH_TIME_UNITS


def is_duration(measure: str, unit: str) -> bool:
    """Whether ``measure`` is a length of time given in a unit of time (a wait in weeks).

    A count of days ("days lost to sickness", "bed days") is not: the measure
    must read as a time (:func:`read`) and the unit must be one of time.
    """
    return time_unit(unit) and read(measure, unit).kind == "time"


#: The words before a number that make a rate per so many: English "per", and Welsh "fesul",
#: "am bob" and "i bob" ("Cwympiadau fesul 1,000 diwrnod gwely").
_PER_WORDS = r"(?:per|fesul|am bob|i bob)"
#: A rate "per" a number of something: "per 1,000 occupied bed days", "per 100,000 population",
#: "fesul 1,000 diwrnod gwely", "fesul mil o'r boblogaeth".
_PER_RATE = re.compile(
    rf"\b{_PER_WORDS} (?:\d[\d,.]*(?:k|m)?|hundred|thousand|million|one hundred|one thousand"
    r"|ten thousand|cant|mil|miliwn|can mil|deng mil)\b[^,;:()]*",
    re.IGNORECASE,
)
#: A measure that names itself a rate, share or ratio, whatever its unit counts; in Welsh
#: too, mutated as a measure may write it ("cyfradd", "gyfradd", "canran", "y cant", "cymhareb").
_RATE_WORDS = re.compile(
    r"%|\bper ?cent|\bpercentage\b|\bproportion\b|\bshare of\b|\brates?\b|\bratios?\b"
    r"|\by cant\b|\b(?:c|g|ch|ngh)(?:yfradd|yfraddau|yfran|yfrannau)\b|\b(?:c|g|ch|ngh)anran"
    r"|\b(?:c|g|ngh)ymhareb",
    re.IGNORECASE,
)
_PER_CENT = re.compile(
    r"%|\bper ?cent|\bpercentage\b|\by cant\b|\b(?:c|g|ch|ngh)anran", re.IGNORECASE
)
_PER_UNIT = re.compile(rf"{_PER_WORDS} ", re.IGNORECASE)


def figure_unit(measure: str, unit: str) -> str:
    """The unit a figure of ``measure`` is written in: a rate's, never a count's.

    A measure "per 1,000 occupied bed days" counts falls but its figures are
    a rate: 8.1 is not 8.1 falls, so it is written "8.1 per 1,000 occupied
    bed days" (the rate's words, as the measure gives them). A measure that
    names itself a percentage ("% of patients …", "percentage of …") is
    written in per cent; one that names itself a rate, a proportion, a
    share or a ratio with no words for what it is per, bare ("from 12 to
    9"), since the count its unit names would be wrong. Any other measure,
    a share (``%``) and money keep their unit.
    """
    name = unit.strip()
    if name == "%" or is_pounds(name):
        return unit
    per = _PER_RATE.search(measure)
    if per is not None:
        return per.group(0).strip()
    if _RATE_WORDS.search(measure) is None:
        return unit
    return "%" if _PER_CENT.search(measure) else ""


def measure_decimals(*values: float | None) -> int | None:
    """The decimal places a measure's figures keep: 1 when any of ``values`` has one.

    A rate written 8.1 at baseline and 6.0 as its target is shown "from 8.1 to
    6.0", not "to 6" (reader20 #7): every figure of the measure keeps its
    place. ``None`` (whole numbers bare, others to one place) otherwise.
    """
    for value in values:
        if value is not None and math.isfinite(value) and round(value, 1) != round(value):
            return 1
    return None


def per_rate(unit: str) -> bool:
    """Whether a figure's unit (:func:`figure_unit`) is a rate per so many: ``per 1,000 …``.

    In Welsh too: ``fesul 1,000 …``, ``am bob 1,000 …``.
    """
    return _PER_UNIT.match(unit.strip()) is not None


def rate_said_by(measure: str, unit: str) -> bool:
    """Whether ``measure`` says the rate's words of ``unit`` itself, as a measure's name may.

    "Falls per 1,000 occupied bed days" does: a sentence that names it need
    not say them again after its figures. "Inpatient falls on our wards" in
    ``per 1,000 occupied bed days`` does not, and its figures keep them.
    """
    return per_rate(unit) and unit.strip().casefold() in measure.casefold()


#: Which rule set a link apart, as :func:`mismatch` returns it.
Mismatch = Literal[
    "gap",
    "level",
    "time",
    "process",
    "money",
    "spend",
    "work",
    "handled",
    "step",
    "used",
    "trained",
    "mix",
]
TIME_STEPS = 1

#: Amounts a share may divide up: money spent, medicines used or prescribed, goods bought.
_AMOUNT = (
    r"(?:spend|spending|expenditure|use|usage|consumption|prescribing|prescriptions|"
    r"items|purchases|purchasing|orders)"
)
#: A share of a whole amount: which part of it goes where, not how much there is. "Share of
#: gown and drape spend with Wales-based suppliers", "Access group antibiotics at least 60%
#: of total use", "proportion of prescribing from the Watch group".
#: ("Share of patients who use the app" is people, not an amount: no "who", "that" or "to"
#: between; "10% of attendances spending more than 12 hours in ED" is time, not money.)
_MIX = re.compile(
    rf"\b(?:share|proportion|percentage|mix)\s+of\s+(?:(?!who\b|that\b|which\b|to\b)[^,;:()])*?"
    rf"\b{_AMOUNT}\b|"
    rf"\bof (?:total|all|overall)\s+(?:[^,;:()]*?\s)?{_AMOUNT}\b|"
    r"%\s+of\s+(?:(?!who\b|that\b|which\b)[^,;:()])*?\b(?:spend|expenditure)\b"
    # A kind named, then its per cent of the whole amount: "Co-amoxiclav, cephalosporins and
    # quinolones at or below 10% of antibiotic items" (pass 41); not a level against a year's
    # ("items at 80% of 2019/20 items").
    rf"|\b(?:at|below|above|under|over)\s+(?:or\s+(?:below|above|under|over)\s+)?"
    rf"\d+(?:\.\d+)?\s*%\s+of\s+(?!(?:the\s+)?(?:19|20)\d{{2}}\b)"
    rf"(?:(?!who\b|that\b|which\b)[^,;:()])*?\b{_AMOUNT}\b",
    re.IGNORECASE,
)
#: Spend named with whom or through what it is spent: "Addressable non-pay spend with SMEs
#: and VCSE suppliers", "spend through the regional framework". It is the part of the
#: spend that goes there, whether given in pounds or in per cent. ("Spend from the capital
#: allocation" is the allocation itself, and is not read so.)
#: Only spend with a kind of supplier a buyer shifts its spend towards (local firms, SMEs,
#: the voluntary sector, a framework) is read so: "Reduce spend with independent sector
#: providers" is how much is spent on outsourcing, not how it is divided (newuser9).
_SPEND_WITH = re.compile(
    r"\b(?:spend|spending|expenditure)\s+(?:with|through|via)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:local|SMEs?|VCSE|voluntary|social enterprises?|[\w-]*based|Welsh|regional|"
    r"framework)\b",
    re.IGNORECASE,
)


def mixed(text: str) -> bool:
    """Whether ``text`` is a share of a whole amount: how it is divided, not how much.

    "Share of gown and drape spend with Wales-based suppliers" and "Access group
    antibiotics at least 60% of total use" say which part of the spend or the use goes
    where; so does spend named with whom it is spent ("Addressable non-pay spend with
    SMEs"). Buying from other suppliers saves no money, and fewer antibiotic days leave
    the Access share where it was.
    """
    return _MIX.search(text) is not None or _SPEND_WITH.search(text) is not None


#: Words that say a measure is a payment: "charges paid to commercial compounders", "fees".
_PAID = re.compile(r"\b(?:charges?|fees?|paid|payments?)\b", re.IGNORECASE)


def spent(measure: str) -> bool:
    """Whether an impact's measure says in its own words that it is a sum spent or earned.

    "Claimant legal costs", "compounding charges paid": yes. "High-risk backlog
    maintenance" given in pounds: no, the pounds value the backlog itself.
    """
    return _MONEY.search(measure) is not None or _PAID.search(measure) is not None


#: A unit of people's working time: "hours", "staff days", "sessions", "shifts".
_WORK_UNIT = re.compile(
    r"(?:staff |working |clinician |clinical |nurse |nursing |medical )?"
    r"(?:hours?|hrs?|days?|sessions?|shifts?)",
    re.IGNORECASE,
)


#: Someone whose time a measure counts, just before the unit: "crew hours", "investigator
#: days", "psychologist sessions", "consultant and senior nurse hours". Besides a few staff
#: nouns (GPs, AHPs and HCSWs among them: "ad hoc GP sessions"), any agent noun (-er, -or, -ist,
#: -ian) but the function words that end so.
@cache
def _worker() -> re.Pattern[str]:
    return re.compile(
        r"\b(?:staff|crews?|workforce|nurses?|midwi(?:fe|ves)|consultants?|surgeons?|hcas?|gps?|ahps?|hcsws?|"
        r"locums?|paramedics?|physios?|registrars?|(?!(?:after|over|under|other|fewer|longer|"
        r"shorter|later|earlier|per|winter|summer|number|quarter|order|border|water|better|"
        r"greater|lower|higher|fewer|register|calendar|regular|similar|prior|major|minor|"
        r"interior|exterior|senior|junior|colour|floor|door|indoor|outdoor)\b)"
        r"\w{2,}(?:er|or|ist|ian)s?)"
        r"(?:'s|s')? (?:hours?|hrs?|days?|sessions?|shifts?|time)\b",
        re.IGNORECASE,
    )


#: An objective that times how soon each thing is dealt with: "85% of complaints answered
#: within 25 working days", "70% of referrals responded to within 2 hours", "Respond to 90%
#: of complaints within 25 working days", "Every falls referral triaged within 5 days",
#: "Every exception report closed within the contractual timescale" (closing a case is
#: resolving it: blind65, three claims of how many reports there are, labelled wrong).
#: The plural nouns say the same: "Complaint responses within 40 working days for 85%",
#: "replies within 20 days" (blind76: complaints to the ICO claimed for it). A singular
#: "response within 8 minutes" is an ambulance response standard, not each one answered.
_HANDLED = re.compile(
    r"\b(?:answer(?:ed|s)?|respond(?:ed)?|responses|repl(?:ied|ies)|acknowledged|triaged|"
    r"resolved|closed)\b"
    r"[^,;:()]{0,40}?\bwithin\b",
    re.IGNORECASE,
)


def handled(text: str) -> bool:
    """Whether an objective counts things dealt with in time: answered, responded to, triaged.

    What it measures is how soon each one is dealt with (a time), not how
    many there are: fewer complaints about one service, or more calls passed
    to a team, say nothing of how soon the rest are answered.
    """
    return _HANDLED.search(text) is not None


#: An objective that times a step of care done to each of the things it counts, as a share
#: of them: "80% of hip fractures operated on within 36 hours", "Hip fracture: 85% to
#: theatre within 36 hours", "72% of hip fracture patients operated on by the day after
#: admission". The step is the word just before the deadline: a participle ("operated on",
#: "seen") or where the thing is taken ("to theatre").
_TIMED_STEP = re.compile(
    r"(?:\d ?%|\bper ?cent\b|\bevery\b|\ball\b)[^,;:()]{0,60}?"
    r"\b(?P<step>\w+ed|seen|done|given|taken|to (?:a |the )?\w+)(?: on| to| in)? "
    r"(?:within\b|by (?:the )?(?:day|next day|end of the (?:next )?day)\b|by day \d)",
    re.IGNORECASE,
)
#: Verbs that time the counted activity itself, not a step done to it: "autism diagnostic
#: assessment started within 3 months" is moved by more assessments done (blind8, right).
_ASPECT = frozenset({"started", "begun", "commenced", "completed", "finished"})


def step_untold(measure: str, objective: str) -> bool:
    """Whether the objective times a step of care that the impact's measure does not say.

    "80% of hip fractures operated on within 36 hours" counts how soon each
    fracture is operated on; "Hip fractures in residents aged 65 and over", or
    "Intravenous morphine given to hip fracture patients", name the fractures
    but not the operation, so they say nothing of how soon it is done (fewer
    fractures leave the share where it is). An impact that says the step
    ("FOI requests answered within 20 working days") is the objective's own
    measure. Asked of claims made because the objective names the impact's
    measure (:func:`pitchkit.recast.align.named_link`); map chains have
    :func:`handled`.
    """
    found = _TIMED_STEP.search(objective)
    if found is None:
        return False
    word = found.group("step").split()[-1]
    if word.lower() in _ASPECT:
        return False
    return not set(phrase(word)) & set(phrase(measure))


#: An objective on the share of planned capacity used: "Outpatient clinic slot utilisation
#: of 90%", "90% of outpatient clinic slots used", "Endoscopy list utilisation at 90%".
_USED = re.compile(r"\butili[sz]ation\b|\bslots? (?:used|filled)\b", re.IGNORECASE)


#: A measure of capacity or of time used or lost in it: "theatre sessions lost", "lists
#: started late", "virtual ward beds occupied", "touch time", "cases per list".
@cache
def _capacity() -> re.Pattern[str]:
    return re.compile(
        r"\b(?:sessions?|lists?|slots?|beds?|capacity|utili[sz]ation|hours?|minutes?|time|"
        r"late|early|overr(?:a|u)n|per list)\b",
        re.IGNORECASE,
    )


#: Capacity counted as the units it is planned in: sessions, lists, slots.
_SUPPLIED = re.compile(r"\b(?:sessions?|lists?|slots?)\b", re.IGNORECASE)
#: Words that say how planned capacity is used or filled, or what fills it.
_IN_USE = re.compile(
    r"\b(?:beds?|capacity|utili[sz]ation|hours?|minutes?|time|late|early|overr(?:a|u)n|"
    r"per list|used|filled|unfilled|booked|full|empty|cases|patients|procedures|operations)\b",
    re.IGNORECASE,
)


def used(
    objective: str, measure: str, unit: str, *, supplied: bool = False, failing: bool = False
) -> bool:
    """Whether an objective counts capacity used and the impact counts something else.

    "Outpatient clinic slot utilisation of 90%" is the share of planned slots
    used; "Outpatient clinics starting without the patient's notes" or
    "Endoscopy procedures with a complete trace record" count clinics or
    procedures, not slots, sessions, lists or time used or lost, so fewer of
    them does not move the share.

    With ``supplied``, a measure that counts only the sessions, lists or slots
    run ("insourced weekend theatre lists", "job-planned theatre sessions that
    ran") counts capacity provided, not how full it is, and is something else
    too, unless it counts their failures (``failing``: the caller has found one
    of the map's shortfall words, as in "theatre sessions lost", "lists
    cancelled") or says how they are used ("late starts", "cases per list").
    On every set up to blind67 such claims were right 0 times in 3, in three
    domains of three sets (linking-evaluation.md, "The seventeenth pass").
    """
    if _USED.search(objective) is None:
        return False
    if _capacity().search(f"{measure} {unit}") is None:
        return True
    return (
        supplied
        and not failing
        and _SUPPLIED.search(measure) is not None
        and _IN_USE.search(measure) is None
    )


#: Training named as what is counted: "staff with in-date Level 3 safeguarding training",
#: "care home staff trained in MUST screening", "90% compliance with sepsis e-learning".
_TRAINING = re.compile(r"\btrain(?:ed|ing)\b|\be-?learning\b", re.IGNORECASE)
#: Uses of the word that count no one trained: a survey of doctors in training, people in
#: "employment, education or training", actions "rather than training", a wait for it.
_NOT_TRAINING = re.compile(
    r"\btraining survey\b|\bNTS\b|\beducation,? or training\b|\brather than training\b|"
    r"\bfor training\b|\bfoundation training\b|\bO&G training\b",
    re.IGNORECASE,
)


#: Before the training word in its clause, an objective names it as a means to another aim:
#: "Reduce restrictive interventions ..., *with* every clinical staff member trained".
@cache
def _training_means() -> re.Pattern[str]:
    return re.compile(r"(?<!compliance )\b(?:with|through|by|including)\b[^,;:]*$", re.IGNORECASE)


#: Before it in an impact's clause, a wait: the staff trained are what is waited for.
_TRAINING_WAITED = re.compile(r"\bwait\w*\b[^,;:]*$", re.IGNORECASE)
#: Any word about training or competence: a side that says one is about training too.
_ANY_TRAINING = re.compile(r"\btrain|\be-?learning\b|\bcompeten", re.IGNORECASE)
#: A regulator's action, which training is evidence for: "Close the CQC must-do on sepsis",
#: "Close the CQC Regulation 11 requirement notice".
_REGULATOR_ACTION = re.compile(
    r"\bCQC\b|\bmust-dos?\b|\brequirement notices?\b|\bRegulation \d+", re.IGNORECASE
)


def trained(text: str, *, objective: bool = False) -> bool:
    """Whether ``text`` counts staff trained, or training done, as its measure.

    "Registered ward staff with level 2 MCA and DoLS training in date", "IPC
    level 2 mandatory training at 90%": yes. "GMC National Training Survey
    burnout scores", "bed days waiting for a bed with trained staff" and an
    objective that names training only as its means ("reduce restrictive
    interventions, with every clinical staff member trained") do not.
    """
    if _NOT_TRAINING.search(text):
        return False
    before = _training_means() if objective else _TRAINING_WAITED
    return any(not before.search(text[: hit.start()]) for hit in _TRAINING.finditer(text))


def training_apart(measure: str, objective: str) -> bool:
    """Whether one side counts staff trained and the other does not speak of training at all.

    Staff trained in safeguarding do not by themselves lower a DoLS assessment
    backlog or inappropriate safeguarding referrals, and fewer C. difficile
    cases do not raise IPC training compliance: the two sides count different
    things about one topic. An objective that is a regulator's action ("close
    the CQC must-do on sepsis") takes training as evidence, and stays claimed.
    On every set up to blind61 such claims were right 0 times in 6, in four
    domains of four sets (linking-evaluation.md, "The fifteenth pass").
    """
    mine, theirs = trained(measure), trained(objective, objective=True)
    if mine and not theirs:
        return not _ANY_TRAINING.search(objective) and not _REGULATOR_ACTION.search(objective)
    if theirs and not mine:
        return not _ANY_TRAINING.search(measure)
    return False


#: An objective whose aim is a report made: "Publish the 2025/26 duty of candour annual report
#: by 30 September 2026", "Elective waiting list reported to the board each quarter by IMD
#: quintile and ethnicity". "Published" before a noun ("within published turnaround times")
#: describes a standard, not an aim.
_REPORT_AIM = re.compile(
    r"^\W*publish(?:es|ed|ing)?\b(?! and)|"
    r"\breported (?:to (?:the |our |its )?(?:board|committee|public)|each|every|quarterly|"
    r"monthly|annually|yearly)\b",
    re.IGNORECASE,
)
#: What an objective says the figures in a report should do: "a falling use of force reported
#: to the board", "25% fewer restrictive interventions, reported under the Act". An
#: objective that asks for a level or a direction is about the figures, not the report.
_REPORT_FIGURE = re.compile(
    r"%|\b(?:fall|falls|falling|fewer|less|lower|down|reduc\w*|cut|halve\w*|below|above|under|"
    r"increas\w*|more|rise|rising|improv\w*|deliver\w*|implement\w*|achiev\w*|zero|no)\b",
    re.IGNORECASE,
)
#: An impact about the records a report is made from: "waiting list entries with ethnic
#: category recorded", "open RTT pathways with a data quality error".
_RECORDS = re.compile(
    r"\b(?:record\w*|report\w*|cod(?:ed|ing)|data|document\w*|submi\w*|publish\w*|"
    r"returns?|dashboards?|audit\w*)\b",
    re.IGNORECASE,
)


def report_aim(objective: str) -> bool:
    """Whether ``objective`` asks for a report to be made, and for no level of what it reports.

    "Publish the 2025/26 duty of candour annual report by 30 September 2026" and
    "Elective waiting list reported to the board each quarter by IMD quintile": yes.
    "Use of Force Act: full compliance and a falling use of force reported to the board"
    asks for the figures to fall, and "90% of tests reported within published turnaround
    times" counts tests reported (results given), so neither is.
    """
    return _REPORT_AIM.search(objective) is not None and _REPORT_FIGURE.search(objective) is None


def report_apart(measure: str, objective: str) -> bool:
    """Whether the objective is a report to make and the impact counts something else.

    A report to the board, or a published annual report, is made whatever the figures
    in it say: a shorter wait or more patients told of an incident do not make it, while
    better records for it ("waiting list entries with ethnic category recorded") do. On
    every set up to blind94 such claims were right 0 times in 3, in two domains of two
    sets (blind79, blind94; linking-evaluation.md, "Pass 44"), and the two claims on the
    same objectives whose impact counts records or data were right.
    """
    return report_aim(objective) and _RECORDS.search(measure) is None


def worked(measure: str, unit: str) -> bool:
    """Whether an impact's measure counts people's working time.

    Its unit is hours, days, sessions or shifts, and the measure names whose
    ("agency complaint investigator days", "ambulance crew hours lost",
    "consultant hours spent drafting responses").

    "Theatre sessions cancelled", "hours the suite is closed" and a wait in days are not:
    no one's time is named, or the measure reads as a time (:func:`read`).
    """
    if _WORK_UNIT.fullmatch(unit.strip()) is None or read(measure, unit).kind == "time":
        return False
    return _worker().search(measure) is not None


def mismatch(
    impact: Reading,
    objective: Reading,
    *,
    steps: int,
    same_group: bool = False,
    spent: bool = False,
    worked: bool = False,
    handled: bool = False,
    stepped: bool = False,
    used: bool = False,
    divided: bool = False,
    mix: bool = False,
) -> Mismatch | None:
    """Why the impact's measure cannot move the objective's quantity, or ``None``.

    Asked of links the measure map makes in at most one step, where both
    texts are about one topic and may measure different things about it:

    * ``gap``: a gap between groups is moved only by a measure of a gap, or
      of one of the groups (``same_group``: the impact names a group the
      objective compares, such as the most deprived areas, or any group
      when the objective names none);
    * ``level``: the impact is a gap between groups (``divided``: "the gap in
      lipid-lowering therapy between the most and least deprived practices", see
      :func:`between_groups`) and the objective, on the same concept, is not a gap: a
      gap narrows when the worse-off catch up or the better-off fall back, so it does
      not show the level for everyone moving. On every set up to blind70 such claims
      were right 0 times in 3, in three domains of three sets (linking-evaluation.md,
      "Pass 38").
    * ``time``: a time (a wait, "sent within 7 days") is not moved by a share
      or rate of something else about the topic, when both are the same
      concept (fewer of the things waited for, a count, may move it);
    * ``money``: a sum of money is not moved by a wait on the same topic
      (the patients waiting are not the activity paid for, nor its cost);
    * ``spend``: a sum of money spent on a topic (``spent``: "claimant legal costs")
      does not count the topic itself, nor how well it is done: an
      objective about the same concept that is not a sum of money ("learn
      from claims", "biosimilar uptake") is another quantity. (A chain of
      one step or more, such as spend counted inside a CIP, is the map's.)
      On the nine first looks (blind12-20) such same-concept links were
      right 0 times in 7, in five sets.
    * ``work``: the working time people spend on a topic (``worked``: "agency
      complaint investigator days", "ambulance crew hours lost to handover
      delays") does not count the topic, nor how well or how soon it is done:
      an objective about the same concept that is not a sum of money (the
      time answers take, the handovers over 45 minutes) is another quantity.
      (The caller leaves out concepts that are themselves staff time, such as
      nursing time released to care or sickness absence.) On blind12-22 and
      the tuning sets such claims were right 0 times in 6, in four sets.
    * ``process``: a step of care to provide ("every nurse with a named
      buddy") is not moved by what follows it: the wrong direction.
    * ``handled``: the objective counts things dealt with in time
      (``handled``: "85% of complaints answered within 25 working days",
      "70% of UCR referrals responded to within 2 hours") and the impact
      counts how many there are, or a share of them, not how soon they are
      dealt with ("Complaints and PALS concerns about pain relief in
      labour", "999 calls passed to UCR"). On the first looks blind12-28
      and the tuning sets such claims were right once in 10, in six sets
      (linking-evaluation.md, "The seventh first-look pass").
    * ``step``: the impact counts a step of care done to each of the
      concept's things (``stepped``: "emergency admissions screened with
      AUDIT-C", "weekend discharges referred to community pharmacy"), and
      the objective, which is not a step of care, counts the things or what
      they add up to. On blind35-42 such claims were right 0 times in 8, in
      five domains of four sets (linking-evaluation.md, "The tenth
      first-look pass").

    * ``used``: the objective is the share of planned capacity used (``used``:
      "outpatient clinic slot utilisation of 90%", "endoscopy list utilisation")
      and the impact, about the same concept, counts neither capacity nor time
      used or lost in it ("outpatient clinics starting without the patient's
      notes"). On every set up to blind58 such claims were right 0 times in 3,
      in three domains of three sets (linking-evaluation.md, "The fourteenth
      pass").

    * ``mix``: one side is a share of a whole amount (``mix``: "share of gown and
      drape spend with Wales-based suppliers", "Access antibiotics at least 60% of
      total use", see :func:`mixed`) and the other is not: how an amount is divided
      does not move how much of it there is, nor the other way round. Read for one
      concept, or one step to a sum of money (spend with local suppliers counted in a
      savings plan), not for a step to another measure. On every set up
      to blind79 such claims were right 0 times in 3, in two domains of two sets
      (linking-evaluation.md, "Pass 40"); shares on both sides stay claimed.

    Otherwise money is left to the map and the qualifier families of
    ``measures.yaml``.
    """
    if objective.kind == "gap" and impact.kind != "gap" and not same_group:
        return "gap"
    if steps == 0 and divided and objective.kind != "gap":
        return "level"
    if steps <= TIME_STEPS and objective.kind == "time" and impact.kind == "share":
        return "time"
    if steps == 0 and objective.kind == "money" and impact.kind == "time":
        return "money"
    if steps == 0 and spent and impact.kind == "money" and objective.kind != "money":
        return "spend"
    if steps == 0 and worked and objective.kind != "money":
        return "work"
    if steps <= TIME_STEPS and handled and impact.kind in ("count", "share"):
        return "handled"
    if steps <= 1 and stepped and objective.stage != "process":
        return "step"
    if steps == 0 and used:
        return "used"
    if mix and (steps == 0 or (steps == 1 and objective.kind == "money")):
        return "mix"
    if (
        steps == 0
        and objective.stage == "process"
        and impact.stage == "result"
        and impact.kind in ("share", "count")
    ):
        return "process"
    return None
