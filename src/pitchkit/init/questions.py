"""The questions of ``pitchkit init``, section by section, and the facts they make.

:func:`interview_facts` asks about the project, its impacts, the directors
and what the note asks for, and returns the facts as plain data, ready to be
written as a commented file (:mod:`pitchkit.init.yamlfile`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

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
from pitchkit.facts.schema import measure_problem, unit_problem
from pitchkit.facts.validation import may_be_negative, may_pass_100
from pitchkit.i18n.funding import status_key
from pitchkit.i18n.messages import Message
from pitchkit.i18n.translation import N_, Language
from pitchkit.init.answers import number_text, role_id, slug, unique
from pitchkit.init.interview import Ask, Interview
from pitchkit.init.orgkind import (
    COMMISSIONER,
    KIND_NAMES,
    role_kind,
    typical_objectives,
)
from pitchkit.pounds import is_pounds
from pitchkit.recast.lenses import all_lenses, match_role
from pitchkit.recast.money import fy_label, year_named


@dataclass(frozen=True)
class UnitCost:
    """A dated national unit cost a user may start from."""

    name: str
    amount: int
    collection: str


REFERENCE_COSTS = N_("NHS reference costs 2016/17")
COST_COLLECTION = N_("National Cost Collection 2020/21")
UNIT_COSTS = (
    UnitCost(N_("Excess bed day"), 313, REFERENCE_COSTS),
    UnitCost(N_("Non-elective episode"), 1590, REFERENCE_COSTS),
    UnitCost(N_("Elective episode"), 3684, REFERENCE_COSTS),
    UnitCost(N_("Day case"), 738, REFERENCE_COSTS),
    UnitCost(N_("Outpatient attendance"), 120, REFERENCE_COSTS),
    UnitCost(N_("A&E attendance"), 148, REFERENCE_COSTS),
    UnitCost(N_("Standard bed day"), 345, COST_COLLECTION),
    UnitCost(N_("Non-elective bed day"), 901, COST_COLLECTION),
    UnitCost(N_("Elective bed day"), 2349, COST_COLLECTION),
    UnitCost(N_("Critical care bed day"), 1881, COST_COLLECTION),
)
PERIODS = (
    ("year", N_("a year")),
    ("quarter", N_("a quarter")),
    ("month", N_("a month")),
    ("week", N_("a week")),
    ("", N_("none: it is a level, such as a percentage")),
)
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def ask_project(interview: Interview) -> dict[str, Any]:
    """The project: title, organisation, lead, problem, change, strategy, dates and funding."""
    lang = interview.lang
    project: dict[str, Any] = {
        "title": interview.text("project.title", lang.gettext("What is the project called?")),
        "organisation": interview.text(
            "project.organisation",
            lang.gettext("Which organisation is it in (the trust, health board or ICB)?"),
            hint=lang.gettext(
                "Its full name: 'Ambulance Service', 'Mental Health', 'Community' or 'ICB' in "
                "it tells pitchkit which objectives to offer each director."
            ),
        ),
    }
    interview.organisation_kind = kind_of(project["organisation"])
    lead = {
        "name": interview.text(
            "project.lead.name", lang.gettext("Who leads it? Your name, as it should appear.")
        ),
        "role": interview.text(
            "project.lead.role", lang.gettext("The lead's role?"), required=False
        ),
        "email": interview.text(
            "project.lead.email",
            lang.gettext("The lead's email address? (leave blank to skip)"),
            required=False,
            check=lambda answer: (
                ""
                if EMAIL.fullmatch(answer)
                else lang.gettext(
                    "That does not look like an email address (name@example.nhs.uk): type it "
                    "again, or leave it blank to skip."
                )
            ),
        ),
    }
    project["lead"] = {k: v for k, v in lead.items() if v}
    project["problem"] = interview.text(
        "project.problem",
        lang.gettext("What is the problem, as senior managers already see it?"),
        hint=lang.gettext(
            "Use the words the board uses: a risk, a target missed, a cost that worries them."
        ),
    )
    project["change"] = interview.text(
        "project.change",
        lang.gettext("What is the change, in one or two sentences?"),
        hint=lang.gettext("Keep it short: the note talks mostly about the impact, not the change."),
    )
    strategy = interview.items(
        "project.strategy",
        lang.gettext(
            "Which strategic objective or board risk does it serve? (leave blank to skip)"
        ),
        hint=(
            lang.gettext(
                "For example: IMTP 2025-28, planned care priority; corporate risk register, "
                "risk 1482; an NHS Wales Performance Framework measure."
            )
            if interview.organisation_kind in WALES
            else lang.gettext("For example: Trust strategy 2025-30, ambition 2; BAF risk SR3.")
        ),
    )
    if strategy:
        project["strategy"] = strategy
    # Asked for, so that a line of evidence is not typed at the start date (newuser11 item 10).
    evidence = interview.items(
        "project.evidence",
        lang.gettext(
            "What evidence is there that it works: a pilot, an audit, a study or a guideline? "
            "(leave blank to skip)"
        ),
        hint=lang.gettext(
            "For example: Pilot in ward 7 cut readmissions by 18% (2025). The note shows the "
            "first; more strengthen the case in check."
        ),
    )
    if evidence:
        project["evidence"] = evidence
    start = interview.date(
        "project.start", lang.gettext("When does it start? (leave blank if not known)")
    )
    end = interview.date(
        "project.end", lang.gettext("When does it end? (leave blank if not known)"), after=start
    )
    project.update({k: v for k, v in (("start", start), ("end", end)) if v})
    funding = ask_funding(interview)
    if funding:
        project["funding"] = funding
    return project


def ask_funding(interview: Interview) -> dict[str, Any] | None:
    """The funding sought: amount, where from, and how far it has got."""
    lang = interview.lang
    amount = interview.number(
        "project.funding.amount",
        lang.gettext("How much funding does it need, in pounds? (leave blank if none)"),
        required=False,
        check=lambda number: _not_negative(number, lang),
    )
    if amount is None:
        return None
    funding: dict[str, Any] = {"amount": number_text(amount), "currency": "GBP"}
    source = interview.text(
        "project.funding.source", lang.gettext("Where would the money come from?"), required=False
    )
    status = interview.text(
        "project.funding.status",
        lang.gettext("How far has the funding got: requested, agreed, or something else?"),
        default=lang.gettext("requested"),
        required=False,
    )
    # Kept in English, which every note words in its own language (newuser41 #3: a Welsh
    # init wrote "status: cytunwyd arno", which an English note then showed as written).
    status = status_key(status) or status
    funding.update({k: v for k, v in (("source", source), ("status", status)) if v})
    return funding


def _not_negative(number: float, lang: Language) -> str:
    """Why a sum of money cannot be ``number``, or "" when it can (newuser34 #1)."""
    if number >= 0:
        return ""
    return lang.gettext("Please give the amount without a minus sign, such as 1200.")


def ask_impact(interview: Interview, taken: Iterable[str]) -> dict[str, Any]:
    """One impact: measure, unit, period, baseline, target and an optional money value."""
    lang = interview.lang
    measure = interview.text(
        "impact.measure",
        lang.gettext("What will the change improve? Name the measure."),
        hint=lang.gettext("For example: Emergency admissions of people aged 75 and over."),
        check=lambda answer: _sentence(measure_problem(answer), lang),
    )
    unit = interview.text(
        "impact.unit",
        lang.gettext("What is it counted in? A plural noun, or % or £."),
        hint=lang.gettext("For example: admissions, bed days, falls, %."),
        check=lambda answer: _sentence(unit_problem(answer), lang),
    )
    impact: dict[str, Any] = {"id": unique(slug(measure, fallback="impact"), taken)}
    impact.update({"measure": measure, "unit": unit})
    periods = [lang.gettext(label) for _key, label in PERIODS]
    period = interview.choice(
        "impact.per",
        lang.gettext("Is that a number per period?"),
        periods,
        default="5" if unit == "%" else "1",
        hint=lang.gettext(
            "Each progress update logs the figure for the month or quarter it covers; "
            "pitchkit scales the baseline and target to that period."
        ),
        none=len(PERIODS) - 1,  # "no": not per period, so a level
    )
    if PERIODS[period][0]:
        impact["per"] = PERIODS[period][0]
    signed = may_be_negative(measure, unit)

    share = not may_pass_100(measure, unit)

    def not_below_zero(number: float) -> str:
        if number > 100 and share:
            return lang.gettext(
                "A share cannot be more than 100%: give the share itself, such as 48."
            )
        if number >= 0 or signed:
            return ""
        return lang.gettext(
            "This measure cannot be below zero: give the level itself, such as 1200."
        )

    baseline = interview.number(
        "impact.baseline", lang.gettext("What is it now (the baseline)?"), check=not_below_zero
    )
    target = interview.number(
        "impact.target", lang.gettext("What do you aim for (the target)?"), check=not_below_zero
    )
    assert baseline is not None
    assert target is not None
    impact.update({"baseline": number_text(baseline), "target": number_text(target)})
    if baseline == target:
        higher = interview.yes("impact.better", lang.gettext("Is higher better for this measure?"))
        impact["better"] = "higher" if higher else "lower"
    # A level (a percentage, no number per period) or money itself has no unit to price:
    # the note would leave a value out of every total, so it is not asked for.
    if "per" in impact and unit.strip() != "%" and not is_pounds(unit):
        value = ask_value(interview, unit)
        if value:
            impact["value"] = value
            rises = target > baseline or impact.get("better") == "higher"
            impact["releases"] = ask_releases(interview, measure, unit, rises=rises)
    source = interview.text(
        "impact.source",
        lang.gettext("Where do these figures come from? (leave blank to skip)"),
        required=False,
    )
    if source:
        impact["source"] = source
    return impact


def _sentence(problem: Message | None, lang: Language) -> str:
    """A problem the schema would find, as the interview says it: a sentence, or ""."""
    if problem is None:
        return ""
    text = problem.render(lang)
    return f"{text[:1].upper()}{text[1:]}."


#: What an impact's money releases, as ``releases:`` writes it, with its words in init.
RELEASES = (
    ("cash", N_("cash: money that leaves a budget, such as agency shifts or outsourcing stopped")),
    (
        "capacity",
        N_("capacity: time or space freed for other work, such as bed days or theatre time"),
    ),
)


#: The same, for a measure where more is better: the value of each extra one may be what
#: it costs (new spend), which pitchkit cannot tell from the words (newuser15 #1).
RISE_RELEASES = (
    (
        "cost",
        N_("it costs: each extra one is new spend, such as more drug items, tests or staff hours"),
    ),
    (
        "cash",
        N_("it saves cash: each one takes money out of a budget elsewhere, or earns income"),
    ),
    (
        "capacity",
        N_(
            "it frees capacity: each one frees beds, time or space elsewhere, such as a "
            "virtual ward patient who avoids an admission"
        ),
    ),
)


#: Words that say a measure is money already spent on someone else's service, in English or
#: Welsh: out-of-area placements, agency and locum staff, private and independent-sector
#: care, outsourced work and spot purchases. What is bought is stopped when it falls, so its
#: value is cash, though it is counted in bed days (newuser41 #5).
_SPENT = re.compile(
    r"\bout[- ]of[- ]area\b|\bagency\b|\blocums?\b|\bprivate(?:ly)?\b|\bindependent[- ]sector\b"
    r"|\boutsourc|\bspot[- ]purchas|\bspot[- ]contract|\bbought[- ]in\b"
    r"|\btu allan i'r ardal\b|\basiantaeth|\blocwm|\bpreifat\b|\bsector annibynnol\b"
    r"|\b[cg]ontract allanol\b|\ballanoli|\bpryniant yn y fan a'r lle\b|\bprynu yn y fan a'r lle\b",
    re.IGNORECASE,
)


def spent_money(measure: str, unit: str) -> bool:
    """Whether a measure counts money paid out to another's service: its value is then cash.

    "Bed days in out-of-area mental health placements", "Diwrnodau gwely mewn
    lleoliadau y tu allan i'r ardal", "Agency nursing shifts", "Patients sent
    to the independent sector": each one fewer is money that stays in the budget.
    """
    return _SPENT.search(f"{measure} {unit}".replace("\u2019", "'")) is not None


def ask_releases(interview: Interview, measure: str, unit: str, *, rises: bool = False) -> str:
    """Whether the money is cash or capacity: the first question a finance director asks.

    With ``rises`` (more is better), whether the value is what each extra one
    costs, or what each one saves: said in plain words, with no default.
    """
    from types import SimpleNamespace

    from pitchkit.recast.money import default_releases

    lang = interview.lang
    if rises:
        keys = [key for key, _label in RISE_RELEASES]
        picked = interview.choice(
            "impact.releases",
            lang.gettext(
                "More {unit} is the aim. Is that value what each extra one costs, or what "
                "each one saves?"
            ).format(unit=unit),
            [lang.gettext(label) for _key, label in RISE_RELEASES],
            # Left blank, the safe reading: new spend is never counted as a saving unasked.
            default="1",
            hint=lang.gettext(
                "A cost is shown as extra spend and netted against the benefits; it is never "
                "counted as a saving."
            ),
        )
        return keys[picked]
    # pitchkit's own guess, from the measure and unit, is the default: cash where the
    # measure is money paid out (out-of-area beds are paid for, newuser41 #5).
    guess = default_releases(SimpleNamespace(measure=measure, unit=unit))  # type: ignore[arg-type]
    if spent_money(measure, unit):
        guess = "cash"
    keys = [key for key, _label in RELEASES]
    picked = interview.choice(
        "impact.releases",
        lang.gettext("Can that money leave a budget (cash), or does it free capacity?"),
        [lang.gettext(label) for _key, label in RELEASES],
        default=str(keys.index(guess) + 1),
        hint=lang.gettext(
            "Cash can count in the financial plan; capacity is money only when what it frees "
            "is stopped or used for paid work. The notes keep the two apart."
        ),
    )
    return keys[picked]


def ask_value(interview: Interview, unit: str) -> dict[str, Any] | None:
    """The money value of one unit: a dated national cost, your own figure, or none."""
    lang = interview.lang
    options = [
        lang.gettext("{name}: £{amount:,} ({collection})").format(
            name=lang.gettext(c.name), amount=c.amount, collection=lang.gettext(c.collection)
        )
        for c in UNIT_COSTS
    ]
    options.append(lang.gettext("Another amount, with its source"))
    picked = interview.choices(
        "impact.value",
        lang.gettext(
            "Is each one of these ({unit}) worth money? Pick a cost, or leave blank for none."
        ).format(unit=unit),
        options,
        hint=_unit_cost_hint(interview.organisation_kind, lang),
    )
    if not picked:
        return None
    if picked[0] < len(UNIT_COSTS):
        cost = UNIT_COSTS[picked[0]]
        source = f"{lang.gettext(cost.name)}, {lang.gettext(cost.collection)}"
        if interview.organisation_kind in WALES:
            # Said in the notes' sources too: a Welsh board's director sees whose cost it is.
            source = lang.gettext("{source}, England's").format(source=source)
        value: dict[str, Any] = {"amount": cost.amount, "currency": "GBP", "source": source}
        year = year_named(cost.collection)
        if year is not None:
            value["price_year"] = fy_label(year)
        return value
    amount = interview.number(
        "impact.value.amount",
        lang.gettext("How many pounds is one worth?"),
        check=lambda number: _not_negative(number, lang),
    )
    assert amount is not None
    source = interview.text(
        "impact.value.source",
        lang.gettext("Where does that figure come from?"),
        hint=(
            lang.gettext(
                "For example: your health board's patient-level costing (PLICS) 2024/25, or "
                "the Welsh Costing Return."
            )
            if interview.organisation_kind in WALES
            else lang.gettext("For example: NHS Payment Scheme 2025/26, or your own costing.")
        ),
    )
    value = {"amount": number_text(amount), "currency": "GBP", "source": source}
    year = year_named(source)
    if year is None:  # asked on its own, so a year is not taken for the next answer
        year = _price_year(interview)
    if year is not None:
        value["price_year"] = fy_label(year)
    return value


def _price_year(interview: Interview) -> int | None:
    """The financial year a cost's prices are from, asked alone; ``None`` when left blank."""
    lang = interview.lang

    def check(answer: str) -> str:
        if year_named(answer) is not None:
            return ""
        return lang.gettext(
            "Please give a financial year, such as 2025/26, or leave it blank if not known."
        )

    answer = interview.text(
        "impact.value.price_year",
        lang.gettext("Which financial year are its prices from? (leave blank if not known)"),
        hint=lang.gettext("For example: 2025/26. The note restates old prices at today's."),
        required=False,
        check=check,
    )
    return year_named(answer)


def ask_director(interview: Interview, taken: Iterable[str]) -> dict[str, Any]:
    """One director: role, name, id, objectives (typical ones offered) and concerns."""
    lang = interview.lang
    role = interview.text(
        "director.role",
        lang.gettext("Which director could sponsor the project? Their role:"),
        hint=lang.gettext(
            "For example: Director of Finance, Chief Operating Officer, Director of Nursing."
        ),
    )
    name = interview.text("director.name", lang.gettext("Their name?"))
    used = {t.casefold() for t in taken}

    def check_id(answer: str) -> str:
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}", answer):
            return lang.gettext("Please use only letters, digits and dashes, such as dof.")
        if answer.casefold() in used:
            return lang.gettext("Another director already has that id: choose another.")
        return ""

    ident = interview.text(
        "director.id",
        lang.gettext("A short id to name them by on the command line:"),
        hint=lang.gettext(
            "Made from the role's initials. If a team sheet already names them (such as dof "
            "for a finance director), give its id here, so --directors finds the same person."
        ),
        default=unique(role_id(role), used),
        check=check_id,
    )
    director: dict[str, Any] = {"id": ident, "name": name, "role": role}
    objectives = ask_objectives(interview, role)
    if objectives:
        director["objectives"] = objectives
    concerns = interview.items(
        "director.concerns",
        lang.gettext("What worries them at the moment? One at a time (leave blank to skip)."),
        hint=lang.gettext("For example: Agency spend; Bed occupancy above 95%."),
    )
    if concerns:
        director["concerns"] = concerns
    return director


#: An English title said with a vowel sound first, so "an" goes before it (newuser29 #3).
_VOWEL_SOUND = re.compile(r"(?!(?:uni|use|eu|one\b))[aeiou]", re.IGNORECASE)


def ask_objectives(interview: Interview, role: str) -> list[dict[str, Any]]:
    """The director's objectives: typical ones for the role to pick, then their own words."""
    lang = interview.lang
    matched = match_role(role)
    lens = all_lenses()[matched[0] if matched else "general"]
    kind = interview.organisation_kind or role_kind(role) or ACUTE
    if COMMISSIONER.search(role):
        kind = ICB
    fitting = typical_objectives(kind, lens.id, role)
    typical: list[Any] = list(lens.objectives if fitting is None else fitting)
    if fitting is None and _VOWEL_SOUND.match(lens.title):  # "an Executive Director"
        question = lang.gettext(
            "Which of these typical objectives of an {title} are theirs? "
            "Numbers such as 1,3, or blank."
        ).format(title=lang.gettext(lens.title))
    elif fitting is None:
        question = lang.gettext(
            "Which of these typical objectives of a {title} are theirs? "
            "Numbers such as 1,3, or blank."
        ).format(title=lang.gettext(lens.title))
    else:  # an acute trust's would not fit (newuser24 #5)
        question = lang.gettext(
            "Which of these typical objectives of the {role} in {kind} are theirs? "
            "Numbers such as 1,3, or blank."
        ).format(role=role, kind=lang.gettext(KIND_NAMES[kind]))
    options = [
        lang.gettext("{text} (personal)").format(text=lang.gettext(o.text))
        if o.kind == "personal"
        else lang.gettext(o.text)
        for o in typical
    ]
    picked = interview.choices(
        "director.objectives",
        question,
        options,
        hint=lang.gettext(
            "'personal' marks what they want for themselves this year, not the organisation."
        ),
        many=True,
    )
    chosen: list[dict[str, Any]] = [_objective_data(typical[i], interview.lang) for i in picked]
    first = lang.gettext(
        "Any objective of theirs in their own words? One at a time (leave blank when done)."
    )
    while text := interview.text(
        "director.objective",
        lang.gettext("Another objective? (leave blank when done)")
        if len(chosen) > len(picked)
        else first,
        required=False,
    ):
        personal = interview.yes(
            "director.objective.kind",
            lang.gettext("Is that personal to them, rather than the organisation's?"),
        )
        # The id a team spreadsheet would give the same words, so both read alike.
        from pitchkit.facts.directors import objective_id

        ident = objective_id(text, (o["id"] for o in chosen))
        kind = "personal" if personal else "organisational"
        chosen.append({"id": ident, "text": text, "kind": kind})
    return chosen


def _objective_data(objective: Any, lang: Language) -> dict[str, Any]:
    data: dict[str, Any] = {"id": objective.id, "text": lang.gettext(objective.text)}
    data["kind"] = objective.kind
    if objective.themes:
        data["themes"] = list(objective.themes)
    return data


def ask_pitch(interview: Interview, director_ids: list[str]) -> dict[str, Any]:
    """What the note asks for, the advice sought, what the sponsor gains, and the meeting."""
    lang = interview.lang
    parts: dict[str, Any] = {
        "asks": interview.items(
            "asks",
            lang.gettext("What will you ask the sponsor to do? One request at a time."),
            hint=lang.gettext(
                "Concrete and small: chair the project board each quarter; unblock one thing."
            ),
            required=True,
        ),
        "advice": interview.items(
            "advice",
            lang.gettext("What would you like their advice on? (leave blank to skip)"),
            hint=lang.gettext("Asking for advice invites them to shape the work."),
        ),
        "offer": interview.items(
            "offer",
            lang.gettext("What does the sponsor gain? (leave blank to skip)"),
            hint=lang.gettext(
                "For example: a case study for the board; time with the frontline team."
            ),
        ),
    }
    when = interview.date(
        "meeting.date", lang.gettext("When do you meet them? (leave blank if not set)")
    )
    meeting: dict[str, Any] = {"date": when} if when else {}
    who = 0
    if len(director_ids) > 1:
        picked = interview.choices(
            "meeting.director", lang.gettext("Which director is the meeting with?"), director_ids
        )
        who = picked[0] if picked else 0
    if director_ids:
        meeting["director"] = director_ids[who]
    if meeting:
        parts["meeting"] = meeting
    return {k: v for k, v in parts.items() if v}


#: What a unit cost not bundled with pitchkit might be, by kind of organisation.
_OWN_COSTS = {
    AMBULANCE: N_(
        "pitchkit holds no dated national unit costs for an ambulance service (a see and "
        "treat, a hear and treat or a conveyance): the costs listed are a hospital's. For "
        "yours, choose 'Another amount' and give the figure with its source and year, such "
        "as your trust's National Cost Collection return."
    ),
    MENTAL_HEALTH: N_(
        "pitchkit holds no dated national unit costs for a mental health trust (such as an "
        "out-of-area bed day): the costs listed are a hospital's. For yours, choose 'Another "
        "amount' and give the figure with its source and year, such as your trust's "
        "National Cost Collection return."
    ),
    COMMUNITY: N_(
        "pitchkit holds no dated national unit costs for community services (such as a "
        "district nursing visit): the costs listed are a hospital's. For yours, choose "
        "'Another amount' and give the figure with its source and year, such as your "
        "trust's National Cost Collection return."
    ),
}


#: The kinds of organisation in Wales: init offers Wales's examples, and says the listed
#: unit costs are England's (newuser39 #10: a health board was offered NHS reference costs
#: and "NHS Payment Scheme" with no word that they are England's).
WALES = frozenset({HEALTH_BOARD, WELSH_TRUST})


def _unit_cost_hint(kind: str | None, lang: Language) -> str:
    """The unit-cost question's hint: where a cost comes from, and whose the listed ones are."""
    printed = lang.gettext("The note prints the source and year of every cost it uses.")
    if kind in WALES:
        return (
            lang.gettext(
                "The costs listed are England's (NHS reference costs, the National Cost "
                "Collection): pitchkit holds no Welsh unit costs. For yours, choose 'Another "
                "amount' and give the figure with its source and year, such as your health "
                "board's patient-level costing (PLICS) or the Welsh Costing Return."
            )
            + " "
            + printed
        )
    if kind in _OWN_COSTS:
        return lang.gettext(_OWN_COSTS[kind]) + " " + printed
    return printed


def interview_facts(ask: Ask, lang: Language, *, locale: str | None = None) -> dict[str, Any]:
    """Ask every question of ``pitchkit init`` and return the facts as plain data.

    ``ask`` raising ``EOFError`` or ``KeyboardInterrupt`` stops the interview
    with nothing returned.
    """
    interview = Interview(ask, lang)
    data: dict[str, Any] = {"project": ask_project(interview)}
    impacts: list[dict[str, Any]] = []
    while True:
        impacts.append(ask_impact(interview, (i["id"] for i in impacts)))
        if not interview.yes("impacts.more", lang.gettext("Add another impact?")):
            break
    data["impacts"] = impacts
    directors: list[dict[str, Any]] = []
    while True:
        directors.append(ask_director(interview, [d["id"] for d in directors]))
        if not interview.yes("directors.more", lang.gettext("Add another director?")):
            break
    data.update(ask_pitch(interview, [d["id"] for d in directors]))
    data["directors"] = directors
    if locale and locale != "en_GB":
        data["settings"] = {"locale": locale}
    return data
