"""Guided set-up: plain-language questions that become a commented facts file.

The questions are asked through an ``ask`` callable that receives a
:class:`Question` and returns the answer as typed, so the same flow runs in
a terminal (see ``pitchkit init``) and in tests (:func:`scripted`). Every
answer is checked as it comes; a wrong one is asked again with a friendly
``problem`` on the question. Nothing is written here: :func:`new_facts_text`
and :func:`extended_facts_text` return the YAML text, already validated
with :func:`pitchkit.facts.load_facts`, for the caller to write atomically.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import tempfile
import textwrap
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from pitchkit.facts import load_facts
from pitchkit.i18n import N_, Language
from pitchkit.lenses import all_lenses, match_role
from pitchkit.yamlsource import clean_text, read_text

# ---------------------------------------------------------------- questions


@dataclass(frozen=True)
class Question:
    """One question for the user, already in their language.

    ``key`` names where the answer goes (``project.title``); ``choices`` are
    shown numbered before the question; ``problem`` says why the previous
    answer was not taken; ``yes_no`` marks a yes/no question.
    """

    key: str
    text: str
    default: str = ""
    hint: str = ""
    choices: tuple[str, ...] = ()
    problem: str = ""
    yes_no: bool = False


Ask = Callable[[Question], str]


def scripted(answers: Iterable[str]) -> Ask:
    """An ``ask`` that gives ``answers`` in order, then raises ``EOFError`` like a closed input."""
    remaining: Iterator[str] = iter(answers)

    def ask(question: Question) -> str:
        try:
            answer = next(remaining)
        except StopIteration:
            raise EOFError(f"no answer left for {question.key}") from None
        return answer if answer != "" else question.default

    return ask


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
YES = frozenset({"y", "yes", "ie", "do", "oes", "ydy", "true", "1"})
NO = frozenset({"n", "no", "na", "nage", "naddo", "false", "0"})
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_NUMBER = re.compile(r"^[-+]?£?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?$")
_SLUG_STOP = frozenset(
    {"a", "an", "and", "the", "of", "in", "on", "at", "for", "to", "with", "by", "per"}
)
_ID_STOP = frozenset({"and", "the", "&"})


def tidy(answer: str) -> str:
    """An answer on one line: characters a document cannot hold removed, spaces single."""
    text, _ = clean_text(unicodedata.normalize("NFC", answer))
    text = "".join(c for c in text if unicodedata.category(c) not in {"Cs", "Co", "Cn"})
    text = text.replace("\ufeff", "").replace("\u200b", "")
    return " ".join(text.split())


def parse_number(text: str) -> float | None:
    """``1,200``, ``£1,590``, ``87.5%`` or ``1 200`` as a number; None if it is not one."""
    compact = text.replace(" ", "").replace("\u00a0", "")
    if not _NUMBER.match(compact):
        return None
    return float(compact.replace(",", "").replace("£", "").rstrip("%"))


def parse_date(text: str) -> dt.date | None:
    """``2026-12-03`` or ``3/12/2026`` (day first, as in the UK) as a date; None otherwise."""
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    return None


def slug(text: str, *, words: int = 3, fallback: str = "item") -> str:
    """A short id from the first words of ``text``: ``Bed days used`` → ``bed-days-used``.

    At most ``words`` words, skipping little words such as "of".
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    found = [w for w in re.findall(r"[a-z0-9]+", ascii_text) if w not in _SLUG_STOP]
    return "-".join(found[:words])[:40].strip("-") or fallback


def role_id(role: str) -> str:
    """An id from a job title's initials: ``Director of Finance`` → ``dof``."""
    ascii_text = unicodedata.normalize("NFKD", role).encode("ascii", "ignore").decode().lower()
    initials = [w[0] for w in re.findall(r"[a-z0-9]+", ascii_text) if w not in _ID_STOP]
    return "".join(initials)[:12] or "director"


def unique(wanted: str, taken: Iterable[str]) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3``… if already taken (ignoring case)."""
    used = {t.casefold() for t in taken}
    candidate, n = wanted, 2
    while candidate.casefold() in used:
        candidate, n = f"{wanted}-{n}", n + 1
    return candidate


def number_text(value: float) -> int | float:
    """A whole number as ``int`` so the file says ``1200``, not ``1200.0``."""
    return int(value) if value == int(value) and abs(value) < 1e15 else value


# ---------------------------------------------------------------- the interview


@dataclass
class Interview:
    """Asks questions through ``ask`` and checks each answer, re-asking when needed."""

    ask: Ask
    lang: Language

    def raw(self, question: Question) -> str:
        """Ask once and tidy the answer."""
        return tidy(self.ask(question))

    def text(
        self,
        key: str,
        text: str,
        *,
        hint: str = "",
        default: str = "",
        required: bool = True,
        check: Callable[[str], str] | None = None,
    ) -> str:
        """A line of text; asked again while empty if ``required`` or while ``check`` objects.

        ``check`` returns a message saying what is wrong, or "" when the answer will do.
        """
        question = Question(key, text, default=default, hint=hint)
        while True:
            answer = self.raw(question) or tidy(default)
            if not answer and required:
                problem = self.lang.gettext(
                    "This one is needed: type a short answer, then press Enter."
                )
            else:
                problem = check(answer) if check and answer else ""
            if not problem:
                return answer
            question = _with_problem(question, problem)

    def number(self, key: str, text: str, *, hint: str = "", required: bool = True) -> float | None:
        """A number such as ``1200``, ``1,200`` or ``£1,590``."""
        question = Question(key, text, hint=hint)
        while True:
            answer = self.raw(question)
            if not answer and not required:
                return None
            value = parse_number(answer)
            if value is not None:
                return value
            question = _with_problem(
                question,
                self.lang.gettext("Please give a number, such as 1200, 1,200 or £1,590.")
                if answer
                else self.lang.gettext("This one is needed: please give a number, such as 1200."),
            )

    def date(
        self, key: str, text: str, *, hint: str = "", after: dt.date | None = None
    ) -> dt.date | None:
        """An optional date, written 2026-12-03 or 3/12/2026, not before ``after``."""
        question = Question(key, text, hint=hint)
        while True:
            answer = self.raw(question)
            if not answer:
                return None
            value = parse_date(answer)
            if value is not None and (after is None or value >= after):
                return value
            problem = (
                self.lang.gettext(
                    "Please give the date as 2026-12-03 or 3/12/2026, or leave it blank."
                )
                if value is None
                else self.lang.gettext("That is before {date}: please check it.").format(date=after)
            )
            question = _with_problem(question, problem)

    def yes(self, key: str, text: str, *, default: bool = False) -> bool:
        """A yes/no answer; Enter takes ``default``."""
        shown = self.lang.gettext("yes") if default else self.lang.gettext("no")
        question = Question(key, text, default=shown, yes_no=True)
        while True:
            answer = (self.raw(question) or shown).casefold()
            if answer in YES or answer == self.lang.gettext("yes").casefold():
                return True
            if answer in NO or answer == self.lang.gettext("no").casefold():
                return False
            question = _with_problem(
                question, self.lang.gettext("Please answer yes or no (y or n).")
            )

    def choices(
        self,
        key: str,
        text: str,
        options: list[str],
        *,
        hint: str = "",
        many: bool = False,
        default: str = "",
    ) -> list[int]:
        """Numbers picked from ``options`` (1-based on screen, 0-based returned); blank is none."""
        question = Question(key, text, default=default, hint=hint, choices=tuple(options))
        while True:
            picked = _picked(self.raw(question) or default, len(options))
            if picked is not None and (many or len(picked) <= 1):
                return picked
            problem = (
                self.lang.gettext("Please type one or more of the numbers 1 to {n}, such as 1,3.")
                if many
                else self.lang.gettext("Please type one number from 1 to {n}.")
            )
            question = _with_problem(question, problem.format(n=len(options)))

    def items(self, key: str, text: str, *, hint: str = "", required: bool = False) -> list[str]:
        """Several answers, one at a time; a blank answer ends the list."""
        found: list[str] = []
        problem = ""
        while True:
            if found:
                question = Question(key, self.lang.gettext("Another? (leave blank when done)"))
            else:
                question = Question(key, text, hint=hint, problem=problem)
            answer = self.raw(question)
            if answer:
                found.append(answer)
            elif found or not required:
                return found
            else:
                problem = self.lang.gettext("Please give at least one; you can change it later.")


def _with_problem(question: Question, problem: str) -> Question:
    return Question(
        question.key,
        question.text,
        default=question.default,
        hint=question.hint,
        choices=question.choices,
        problem=problem,
        yes_no=question.yes_no,
    )


def _picked(answer: str, count: int) -> list[int] | None:
    """Parse ``1, 3`` or ``all`` into 0-based indices; None if anything is out of range."""
    if not answer:
        return []
    if answer.casefold() in {"all", "pob un", "y cyfan"}:
        return list(range(count))
    parts = [p for p in re.split(r"[,\s]+", answer) if p]
    if not all(p.isdigit() and 1 <= int(p) <= count for p in parts):
        return None
    return list(dict.fromkeys(int(p) - 1 for p in parts))


# ---------------------------------------------------------------- sections


def ask_project(interview: Interview) -> dict[str, Any]:
    """The project: title, organisation, lead, problem, change, strategy, dates and funding."""
    lang = interview.lang
    project: dict[str, Any] = {
        "title": interview.text("project.title", lang.gettext("What is the project called?")),
        "organisation": interview.text(
            "project.organisation",
            lang.gettext("Which organisation is it in (the trust or health board)?"),
        ),
    }
    lead = {
        "name": interview.text(
            "project.lead.name", lang.gettext("Who leads it? Your name, as it should appear.")
        ),
        "role": interview.text(
            "project.lead.role", lang.gettext("The lead's role?"), required=False
        ),
        "email": interview.text(
            "project.lead.email",
            lang.gettext("The lead's email address?"),
            required=False,
            check=lambda answer: (
                ""
                if EMAIL.fullmatch(answer)
                else lang.gettext("That does not look like an email address: name@example.nhs.uk.")
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
        hint=lang.gettext("For example: Trust strategy 2025-30, ambition 2; BAF risk SR3."),
    )
    if strategy:
        project["strategy"] = strategy
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
    funding.update({k: v for k, v in (("source", source), ("status", status)) if v})
    return funding


def ask_impact(interview: Interview, taken: Iterable[str]) -> dict[str, Any]:
    """One impact: measure, unit, period, baseline, target and an optional money value."""
    lang = interview.lang
    measure = interview.text(
        "impact.measure",
        lang.gettext("What will the change improve? Name the measure."),
        hint=lang.gettext("For example: Emergency admissions of people aged 75 and over."),
    )
    unit = interview.text(
        "impact.unit",
        lang.gettext("What is it counted in? A plural noun, or % or £."),
        hint=lang.gettext("For example: admissions, bed days, falls, %."),
    )
    impact: dict[str, Any] = {"id": unique(slug(measure, fallback="impact"), taken)}
    impact.update({"measure": measure, "unit": unit})
    periods = [lang.gettext(label) for _key, label in PERIODS]
    [period] = interview.choices(
        "impact.per",
        lang.gettext("Is that a number per period?"),
        periods,
        default="5" if unit == "%" else "1",
    )
    if PERIODS[period][0]:
        impact["per"] = PERIODS[period][0]
    baseline = interview.number("impact.baseline", lang.gettext("What is it now (the baseline)?"))
    target = interview.number("impact.target", lang.gettext("What do you aim for (the target)?"))
    assert baseline is not None
    assert target is not None
    impact.update({"baseline": number_text(baseline), "target": number_text(target)})
    if baseline == target:
        higher = interview.yes("impact.better", lang.gettext("Is higher better for this measure?"))
        impact["better"] = "higher" if higher else "lower"
    value = ask_value(interview, unit)
    if value:
        impact["value"] = value
    source = interview.text(
        "impact.source",
        lang.gettext("Where do these figures come from? (leave blank to skip)"),
        required=False,
    )
    if source:
        impact["source"] = source
    return impact


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
        hint=lang.gettext("The note prints the source and year of every cost it uses."),
    )
    if not picked:
        return None
    if picked[0] < len(UNIT_COSTS):
        cost = UNIT_COSTS[picked[0]]
        source = f"{lang.gettext(cost.name)}, {lang.gettext(cost.collection)}"
        return {"amount": cost.amount, "currency": "GBP", "source": source}
    amount = interview.number("impact.value.amount", lang.gettext("How many pounds is one worth?"))
    assert amount is not None
    source = interview.text(
        "impact.value.source",
        lang.gettext("Where does that figure come from, and from which year?"),
    )
    return {"amount": number_text(amount), "currency": "GBP", "source": source}


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


def ask_objectives(interview: Interview, role: str) -> list[dict[str, Any]]:
    """The director's objectives: typical ones for the role to pick, then their own words."""
    lang = interview.lang
    matched = match_role(role)
    lens = all_lenses()[matched[0] if matched else "general"]
    typical = list(lens.objectives)
    options = [
        lang.gettext("{text} (personal)").format(text=lang.gettext(o.text))
        if o.kind == "personal"
        else lang.gettext(o.text)
        for o in typical
    ]
    picked = interview.choices(
        "director.objectives",
        lang.gettext(
            "Which of these typical objectives of a {title} are theirs? "
            "Numbers such as 1,3, or blank."
        ).format(title=lang.gettext(lens.title)),
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
        ident = unique(slug(text, fallback="objective"), (o["id"] for o in chosen))
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


# ---------------------------------------------------------------- writing YAML

#: Comments written above each section of a new facts file.
SECTION_NOTES: dict[str, str] = {
    "project": N_(
        "The project, in the words senior managers already use. 'problem' is the "
        "problem as they see it; 'change' is what you will do, in a sentence or two."
    ),
    "impacts": N_(
        "What the change improves, with numbers. Each impact has a baseline (now) and a "
        "target; 'per' says the figures are counted per year, quarter, month or week "
        "(leave it out for a level such as a percentage). 'value' is what one unit is "
        "worth, with its dated source. Progress entries refer to impacts by 'id'."
    ),
    "asks": N_("What you ask the sponsor to do: the first one opens the note."),
    "advice": N_("Questions on which you would value the director's advice."),
    "offer": N_("What the sponsor gains by championing the project."),
    "meeting": N_("The meeting the briefing note prepares for, and with which director."),
    "directors": N_(
        "The directors you might ask to sponsor the project. Objectives marked "
        "'personal' are what they want for themselves this year; the others are the "
        "organisation's. With no objectives listed, the typical ones for the role are used."
    ),
    "settings": N_("How documents are written: the language (en_GB or cy_GB)."),
}
HEADER = N_(
    "Facts for {title}, written by 'pitchkit init' on {date}.\n"
    "Edit freely: add evidence, concerns, or 'supports' links (director_id.objective_id).\n"
    "See the note before opening Word: pitchkit preview {file} --director {director}\n"
    "Write it: pitchkit brief {file} --director {director}"
)
_PLAIN_START = re.compile(r"^[A-Za-z0-9£(\u00c0-\uffff]")
_WORD = re.compile(r"[a-z][a-z-]{0,30}")
_SPECIAL_WORDS = frozenset({"true", "false", "null", "yes", "no", "on", "off", "~"})
FOLD_AT = 60


def yaml_scalar(value: Any) -> str:
    """``value`` as a YAML 1.2 scalar: plain when that reads back the same, else quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if _plain_is_safe(text):
        return text
    return '"' + _escaped(text) + '"'


def _plain_is_safe(text: str) -> bool:
    return bool(
        _PLAIN_START.match(text)
        and text == text.strip()
        and text.isprintable()
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and text.casefold() not in _SPECIAL_WORDS
        and parse_number(text) is None
        and parse_date(text) is None
        and not any(c in text for c in "\ufeff\u2028\u2029\x85")
    )


def _escaped(text: str) -> str:
    """Escape ``text`` for a YAML double-quoted scalar."""
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif not char.isprintable() or char in "\ufeff\u2028\u2029\x85":
            code = ord(char)
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
        else:
            out.append(char)
    return "".join(out)


def _text_lines(key: str, text: str, indent: int) -> list[str]:
    """A long answer as a folded block (``>-``), wrapped; short ones stay on one line."""
    pad = " " * indent
    if len(text) <= FOLD_AT or not _foldable(text):
        return [f"{pad}{key}: {yaml_scalar(text)}"]
    wrapped = textwrap.wrap(
        text, width=max(40, 88 - indent - 2), break_long_words=False, break_on_hyphens=False
    )
    return [f"{pad}{key}: >-"] + [f"{pad}  {line}" for line in wrapped]


def _foldable(text: str) -> bool:
    return (
        text == " ".join(text.split())
        and text.isprintable()
        and not any(c in text for c in "\ufeff\u2028\u2029\x85\u00a0")
    )


def yaml_lines(data: Any, indent: int = 0, notes: Mapping[str, str] | None = None) -> list[str]:
    """Block-style YAML for plain dicts, lists and scalars, with ``notes`` above top-level keys."""
    lines: list[str] = []
    pad = " " * indent
    if isinstance(data, dict):
        for key, value in data.items():
            if notes and key in notes:
                lines.append("")
                lines.extend(_comment(notes[key], pad))
            lines.extend(_entry(str(key), value, indent))
    else:
        for item in data:
            inner = yaml_lines(item, indent + 4) if isinstance(item, dict) else []
            if inner:
                lines.append(f"{pad}  - {inner[0].lstrip()}")
                lines.extend(inner[1:])
            else:
                lines.append(f"{pad}  - {yaml_scalar(item)}")
    return lines


def _entry(key: str, value: Any, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(value, dict):
        return [f"{pad}{key}:", *yaml_lines(value, indent + 2)]
    if isinstance(value, list) and _is_word_list(value):
        return [f"{pad}{key}: [{', '.join(value)}]"]
    if isinstance(value, list):
        return [f"{pad}{key}:", *yaml_lines(value, indent)]
    if isinstance(value, str):
        return _text_lines(key, value, indent)
    return [f"{pad}{key}: {yaml_scalar(value)}"]


def _is_word_list(items: list[Any]) -> bool:
    """Whether ``items`` are a few short words (themes), written on one line as ``[a, b]``."""
    return bool(items) and all(isinstance(i, str) and _WORD.fullmatch(i) for i in items)


def _comment(text: str, pad: str) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(f"{pad}# {line}" for line in textwrap.wrap(paragraph, 86) or [""])
    return lines


def facts_yaml(data: Mapping[str, Any], lang: Language, *, file_name: str, today: dt.date) -> str:
    """The commented facts file for ``data``: a header, then each section explained."""
    meeting = data.get("meeting") or {}
    director = meeting.get("director") or next((d["id"] for d in data.get("directors", [])), "ID")
    header = lang.gettext(HEADER).format(
        title=data["project"]["title"], date=today.isoformat(), file=file_name, director=director
    )
    notes = {key: lang.gettext(note) for key, note in SECTION_NOTES.items()}
    lines = _comment(header, "") + yaml_lines(dict(data), notes=notes)
    return "\n".join(lines).rstrip() + "\n"


def validated(text: str, name: str) -> str:
    """Return ``text`` once :func:`load_facts` accepts it (raises ``FactsError`` otherwise)."""
    with tempfile.TemporaryDirectory(prefix="pitchkit-init-") as folder:
        path = Path(folder) / (Path(name).name or "facts.yaml")
        path.write_text(text, encoding="utf-8")
        load_facts(path)
    return text


@dataclass(frozen=True)
class Written:
    """The text of a facts file made by :func:`new_facts_text` and who it names."""

    text: str
    director_ids: tuple[str, ...] = field(default=())


def new_facts_text(
    ask: Ask, lang: Language, *, file_name: str, today: dt.date, locale: str | None = None
) -> Written:
    """Interview the user and return a commented, validated facts file."""
    data = interview_facts(ask, lang, locale=locale)
    text = facts_yaml(data, lang, file_name=file_name, today=today)
    ids = tuple(d["id"] for d in data["directors"])
    return Written(validated(text, file_name), ids)


# ---------------------------------------------------------------- extending a file


def round_trip_yaml() -> YAML:
    """A ruamel.yaml round-trip reader/writer that keeps comments and the examples' layout."""
    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    yaml.preserve_quotes = True
    return yaml


def extended_facts_text(path: Path, ask: Ask, lang: Language) -> Written:
    """Ask for more impacts or directors and return ``path``'s text with them added.

    The file is validated first; its comments and layout are kept
    (ruamel.yaml round trip). Raises ``FactsError`` if it does not validate.
    """
    loaded = load_facts(path)
    yaml = round_trip_yaml()
    document = yaml.load(read_text(path))
    interview = Interview(ask, lang)
    added: list[str] = []
    options = [
        lang.gettext("An impact: another measure the change improves"),
        lang.gettext("A director"),
    ]
    while True:
        picked = interview.choices(
            "extend.what", lang.gettext("What would you like to add?"), options
        )
        if picked == [1]:
            directors = _section(document, "directors")
            item = ask_director(interview, [str(d.get("id", "")) for d in directors])
            directors.append(_commented(item))
            added.append(str(item["id"]))
        elif picked == [0]:
            impacts = _section(document, "impacts")
            item = ask_impact(interview, [i.id for i in loaded.facts.impacts] + added)
            impacts.append(_commented(item))
            added.append(str(item["id"]))
        if not interview.yes("extend.more", lang.gettext("Add something else?")):
            break
    stream = io.StringIO()
    yaml.dump(document, stream)
    return Written(validated(stream.getvalue(), path.name), tuple(added))


def _section(document: Any, key: str) -> Any:
    """The list under ``key`` in the top-level mapping, made if missing."""
    if document.get(key) is None:
        document[key] = CommentedSeq()
    return document[key]


def _commented(value: Any) -> Any:
    """Plain data as ruamel.yaml's commented containers, so it dumps in block style."""
    if isinstance(value, dict):
        mapping = CommentedMap()
        for key, item in value.items():
            mapping[key] = _commented(item)
        return mapping
    if isinstance(value, list):
        sequence = CommentedSeq(_commented(item) for item in value)
        if _is_word_list(value):
            sequence.fa.set_flow_style()
        return sequence
    return value
