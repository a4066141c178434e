"""Directors from a file: YAML, CSV or an Excel workbook.

Many NHS offices keep their executive team in a spreadsheet, so pitchkit
reads the shape such a sheet naturally has: a header row naming the
columns ``id, name, role`` (required) and ``salutation, concerns,
objectives, themes, lens, email`` (optional), then one row per director. A
``concerns`` or ``objectives`` cell holds one item per line (or, on one
line, items separated by semicolons); an objective starting with
``personal:`` is personal. A ``themes`` cell holds one line of themes for
each objective, in order (``outcomes, safety``; ``-`` for none). A totals
row at the foot and a vacant post ("Vacant" or "TBC" where the name goes)
are left out with a warning, and a formula with no saved value is named as
such rather than as empty.

A bad row is reported with its row number and column and skipped, so one
typo does not hold up the whole executive team: :func:`load_directors`
returns the directors it could read and the problems it found, each
naming the director it leaves out. A skipped row's id still counts, so a
later row cannot take it. An id used twice is different: which of the two rows is the director meant
cannot be told, and leaving one out would lose a director without a
word, so it raises :class:`DirectorsError` naming the file, row and
column, as a duplicate id in the facts file does. A file that cannot be
read at all raises :class:`DirectorsError` too. Problems and
warnings are :class:`~pitchkit.i18n.messages.Located` messages: the file, row
and column stay as they are, the explanation is shown in the user's
language.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pitchkit.errors import DirectorsError, FactsError
from pitchkit.facts import tabular
from pitchkit.facts.ids import id_key
from pitchkit.facts.schema import (
    THEMES,
    Director,
    Facts,
    LoadedFacts,
    no_objectives_listed,
    no_objectives_warnings,
)
from pitchkit.facts.tabular import cell_place, row_place
from pitchkit.facts.validation import Problem, closest, describe_errors, did_you_mean
from pitchkit.facts.yamlsource import Loc, Source, clean_text, dotted, load_yaml, removed_warning
from pitchkit.i18n.messages import Joined, Located, Message, Plural, Renderable

REQUIRED_COLUMNS = ("id", "name", "role")
#: ``objectives_en`` and ``objectives_cy`` give each objective in the other language, item
#: for item, as a facts file's ``{en: ..., cy: ...}`` does (see :func:`_bilingual`).
OTHER_LANGUAGE_COLUMNS = {"objectives_en": "en", "objectives_cy": "cy"}
#: ``concerns_en`` and ``concerns_cy`` give each concern in the other language, item for
#: item, as the objectives' columns do (newuser37 #2).
CONCERNS_OTHER_LANGUAGE = {"concerns_en": "en", "concerns_cy": "cy"}
#: ``role_cy``: the director's job title in Welsh, for Welsh notes (see :meth:`DirectorsFile.team`).
ROLE_CY = "role_cy"
OPTIONAL_COLUMNS = (
    "salutation",
    "concerns",
    *CONCERNS_OTHER_LANGUAGE,
    "objectives",
    *OTHER_LANGUAGE_COLUMNS,
    "themes",
    "lens",
    "email",
    ROLE_CY,
)
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
#: Cells holding one item per line.
LIST_COLUMNS = frozenset(
    {"concerns", *CONCERNS_OTHER_LANGUAGE, "objectives", *OTHER_LANGUAGE_COLUMNS}
)
SHEET_NAME = "directors"
PERSONAL_PREFIX = "personal:"
_ORGANISATIONAL_PREFIXES = ("organisational:", "organizational:")
_BULLET = re.compile(r"^[-*•·–]\s+")
_APOSTROPHES = re.compile("['\u2019]")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
_ID_MAX = 64
_OBJECTIVE_ID_MAX = 32
#: The most rows read from a sheet or CSV: far more than any executive team.
MAX_ROWS = 10_000
#: Cells past this column are not read (a workbook may claim 16,384 columns).
_MAX_COLUMNS = 64
_SAVE_AS = Message(
    "save it from Excel as 'Excel Workbook (.xlsx)' or 'CSV UTF-8', or write a .yaml list"
)
#: What a required cell needs when it is empty.
_ADVICE = {
    "id": Message("give each director a short id such as 'dof'"),
    "name": Message("add the director's name"),
    "role": Message("add the director's job title, e.g. 'Director of Finance'"),
}

Row = tuple[int, dict[str, str]]


class RowProblem(Located):
    """What is wrong with one row of a team spreadsheet, with the row's id and name as given.

    A batch lists the row in its manifest as skipped under that id and name
    (empty when the row has none), so the row is easy to find.
    """

    __slots__ = ("director_id", "name")

    def __init__(
        self, where: Renderable | str, message: Renderable | str, *, director_id: str, name: str
    ) -> None:
        super().__init__(where, message)
        self.director_id = director_id
        self.name = name


@dataclass(frozen=True)
class DirectorsFile:
    """The directors read from a file, and the rows that had to be skipped.

    ``duplicated`` holds the problems in ``problems`` that are an id used
    twice: :func:`load_directors` refuses a file with any. ``former_ids``
    gives, for each director, the objective ids made from their text that
    an earlier pitchkit made differently (new id: former id), so that
    :func:`with_team` keeps a link written with the former one working.
    """

    path: Path
    directors: tuple[Director, ...]
    problems: tuple[Renderable | str, ...]
    warnings: tuple[Renderable | str, ...] = ()
    duplicated: tuple[Renderable | str, ...] = ()
    former_ids: Mapping[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict)
    #: The Welsh of objectives a sheet gives in both languages (``objectives_cy`` or
    #: ``objectives_en``), by director id then objective id; the directors hold the English.
    welsh: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    #: The sheet row of each director, by id (a YAML team file has none).
    rows: Mapping[str, int] = field(default_factory=dict)
    #: The ids of directors left out for a problem in their row or entry (each warned of).
    left_out: tuple[str, ...] = ()
    #: The Welsh job title a sheet's ``role_cy`` column gives, by director id.
    roles_cy: Mapping[str, str] = field(default_factory=dict)
    #: The Welsh of each director's concerns a sheet gives in both languages, by director id.
    concerns_cy: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def team(self, lang: str) -> tuple[Director, ...]:
        """The directors as a note in ``lang`` (``en`` or ``cy``) shows them.

        In Welsh, each objective the sheet gives in both languages reads in
        Welsh; matching still reads its English (:func:`with_team`). So does the
        role: the sheet's ``role_cy``, else the Welsh of a title pitchkit
        recognises (:func:`pitchkit.i18n.roles.welsh_role`), else as written;
        and the concerns, when the sheet gives them in Welsh too.
        """
        if lang != "cy":
            return self.directors
        return tuple(
            _in_welsh(
                d, self.welsh.get(d.id, {}), self.roles_cy.get(d.id), self.concerns_cy.get(d.id)
            )
            for d in self.directors
        )

    def english(self, lang: str) -> dict[str, str]:
        """The English of each objective and concern :meth:`team` gives in ``lang``, by its text."""
        if lang != "cy":
            return {}
        english: dict[str, str] = {}
        for director in self.directors:
            welsh = self.welsh.get(director.id, {})
            for objective in director.objectives:
                if objective.id in welsh:
                    english.setdefault(welsh[objective.id].strip(), objective.text.strip())
            # Concerns too: matching reads "Insourcing … above plan", the note its Welsh.
            for concern, cymraeg in zip(
                director.concerns, self.concerns_cy.get(director.id, ()), strict=False
            ):
                english.setdefault(cymraeg.strip(), concern.strip())
        return english

    def raise_if_none(self) -> None:
        """Raise :class:`DirectorsError`, located at the file, when no director could be read.

        The rows it "lists above" are :attr:`problems`, which the caller shows first.
        """
        if self.directors:
            return
        raise DirectorsError(
            Located(
                str(self.path),
                Message("no director could be read: fix the rows listed above")
                if self.problems
                else Message("the file lists no directors: add one per row"),
            )
        )


def load_directors(path: Path) -> DirectorsFile:
    """Read directors from a .yaml/.yml, .csv or .xlsx file.

    Rows (or YAML entries) with a problem are skipped and described in
    ``problems`` as ``FILE:row N: column X: what is wrong and how to fix
    it``. Raises :class:`DirectorsError` when the file cannot be read at
    all: missing, the wrong kind, empty, or without a required column; and
    when two rows (or entries) give the same id, naming each row the file
    could not use, one a line, so that no director is left out unnoticed.
    """
    found = _load_directors(Path(path))
    if found.duplicated:
        raise DirectorsError(Joined(found.problems, "\n"))
    return found


def _load_directors(path: Path) -> DirectorsFile:
    """The directors in ``path`` (see :func:`load_directors`), duplicates listed, not raised."""
    path = Path(path)
    if not path.exists():
        raise DirectorsError(
            Located(str(path), Message("directors file not found: check the path"))
        )
    if path.is_dir():
        raise DirectorsError(
            Located(str(path), Message("this is a folder: give the path of a directors file"))
        )
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return _load_yaml(path)
    if suffix == ".csv":
        return _from_rows(path, *_csv_rows(path))
    if suffix in (".xlsx", ".xlsm"):
        header, rows = _xlsx_rows(path)
        formulas = tabular.xlsx_formula_cells(
            path, (SHEET_NAME,), max_rows=MAX_ROWS, max_columns=_MAX_COLUMNS
        )
        return _from_rows(path, header, rows, formulas)
    if suffix == ".xls":
        raise DirectorsError(
            Located(str(path), Message("an old-style Excel file: {save_as}", save_as=_SAVE_AS))
        )
    raise DirectorsError(
        Located(
            str(path),
            Message(
                "pitchkit reads directors from .yaml, .csv or .xlsx: {save_as}", save_as=_SAVE_AS
            ),
        )
    )


def _in_welsh(
    director: Director,
    welsh: Mapping[str, str],
    role: str | None = None,
    concerns: Sequence[str] | None = None,
) -> Director:
    """``director`` with each objective in ``welsh`` (by id) given its Welsh text, and its role.

    The role is ``role`` (the sheet's ``role_cy``), else the Welsh of a title
    pitchkit recognises, else the sheet's own. ``concerns``, the Welsh of the
    director's concerns, replace them.
    """
    from pitchkit.i18n.roles import welsh_role

    objectives = [
        o.model_copy(update={"text": welsh[o.id]}) if o.id in welsh else o
        for o in director.objectives
    ]
    in_welsh = role or welsh_role(director.role) or director.role
    update: dict[str, Any] = {"objectives": objectives, "role": in_welsh}
    if concerns:
        update["concerns"] = list(concerns)
    return director.model_copy(update=update)


def with_directors(facts: Facts, directors: Sequence[Director]) -> Facts:
    """Return ``facts`` with its directors replaced by ``directors``, links unchecked.

    ``supports`` links in the facts that name a director or objective not
    in ``directors`` stay in the facts but link nothing: recasting uses
    only links that match. :func:`with_team` checks them first.
    """
    return facts.model_copy(update={"directors": list(directors)})


def with_team(
    loaded: LoadedFacts,
    directors: Sequence[Director],
    former_ids: Mapping[str, Mapping[str, tuple[str, ...]]] | None = None,
    *,
    team: DirectorsFile | None = None,
    lang: str = "en",
) -> LoadedFacts:
    """``loaded`` with its directors replaced by a team file's ``directors``.

    An objective whose id was made from its text keeps the id an earlier
    pitchkit made (``former_ids``, :attr:`DirectorsFile.former_ids`) when a
    ``supports`` or ``excludes`` link in the facts names that one: an id a
    user has written is never changed under them.

    A ``supports`` or ``excludes`` link naming no objective of the team is
    an error located in the facts file, with the nearest objective id, just
    as when the team is in the facts file: a mistyped link would otherwise
    link nothing without a word. A link to the facts file's own
    ``directors:`` (checked when the file was read) is not a mistake, so it
    is kept, linking nothing in the team file's notes. So with an ask,
    advice or offer ``for:`` a director: one the team does not have is an
    error, with the nearest id. So with ``meeting.director``: a meeting with
    a director neither the team nor the file's own ``directors:`` has would
    lose its line from every note without a word.

    With ``team``, the file ``directors`` came from, a note in ``lang``
    shows their objectives in that language where the sheet gives both
    (:meth:`DirectorsFile.team`), matching reads their English, and each
    director's sheet row is kept to locate warnings (:func:`team_place`).
    """
    from pitchkit.facts.schema import audience_problems, facts_error
    from pitchkit.facts.validation import meeting_problems

    if team is not None:
        directors = team.team(lang)
    directors = as_linked(loaded, directors, former_ids)
    problems = team_link_problems(loaded, directors, misspelt_objective_columns(team))
    if isinstance(loaded.source.data, dict):
        problems += audience_problems(loaded.source.data, [d.id for d in directors])
        # A director the team file left out (each warned of) is no mistake for the meeting.
        own = [d.id for d in loaded.facts.directors]
        own += team.left_out if team is not None else ()
        problems += meeting_problems(loaded.source.data, [*(d.id for d in directors), *own])
    if problems:
        raise facts_error(loaded.source, problems)
    facts = with_directors(loaded.facts, directors)
    if team is not None:
        facts = with_team_texts(facts, team, lang)
    return replace(loaded, facts=facts)


def with_team_texts(facts: Facts, team: DirectorsFile, lang: str) -> Facts:
    """``facts`` knowing the English of ``team``'s objectives shown in ``lang``, and its rows."""
    english = team.english(lang)
    rows = {d: (str(team.path), row) for d, row in team.rows.items()}
    update: dict[str, Any] = {"_team_rows": rows}
    if english:
        update["_english"] = {**facts.english, **english}
    return facts.model_copy(update=update)


def sheet_place(facts: Facts, loc: Loc) -> Message | None:
    """Where a director's field at ``loc`` (``directors[0].objectives[1].text``) is in a sheet.

    ``team.csv:row 3: column objectives`` for a director read from a team
    sheet (``team.csv:row 3`` for the director as a whole, ``directors[0]``);
    None for one from YAML, which ``loc`` locates itself.
    """
    if len(loc) < 2 or loc[0] != "directors" or not isinstance(loc[1], int):
        return None
    if loc[1] >= len(facts.directors):
        return None
    found = facts.team_rows.get(facts.directors[loc[1]].id)
    if found is None:
        return None
    return cell_place(found[0], found[1], str(loc[2])) if len(loc) > 2 else row_place(*found)


def as_linked(
    loaded: LoadedFacts,
    directors: Sequence[Director],
    former_ids: Mapping[str, Mapping[str, tuple[str, ...]]] | None,
) -> Sequence[Director]:
    """The team's ``directors``, each objective a link names by its former id given it back."""
    if not former_ids:
        return directors
    written = _links_written(loaded.source.data)
    return [_with_former_ids(d, former_ids.get(d.id, {}), written) for d in directors]


def team_link_problems(
    loaded: LoadedFacts, directors: Sequence[Director], ignored: Sequence[str] = ()
) -> list[Problem]:
    """``supports`` and ``excludes`` links naming no objective of the team or the file's own.

    ``ignored`` are the team file's misspelt objective columns (``Objectve 2``):
    a link naming no objective then says the column may hold it, rather than
    suggesting another objective, which may be one the lead excluded.
    """
    from pitchkit.facts.validation import link_problems

    objectives: dict[str, set[str]] = {}
    for director in (*loaded.facts.directors, *directors):
        objectives.setdefault(director.id, set()).update(o.id for o in director.objectives)
    roles = [(d.id, d.role) for d in (*loaded.facts.directors, *directors)]
    return link_problems(loaded.source.data, objectives, roles, ignored)


def _links_written(data: Any) -> set[str]:
    """Every ``supports`` and ``excludes`` link the facts' impacts write, case folded."""
    impacts = data.get("impacts") if isinstance(data, dict) else None
    found: set[str] = set()
    for impact in impacts if isinstance(impacts, list) else []:
        if not isinstance(impact, dict):
            continue
        for key in ("supports", "excludes"):
            value = impact.get(key)
            for link in value if isinstance(value, list) else [value]:
                if isinstance(link, str):
                    found.add(id_key(link))
    return found


def _with_former_ids(
    director: Director, former: Mapping[str, tuple[str, ...]], written: Set[str]
) -> Director:
    """``director`` with each objective a link names by a former id given that id back."""
    ids = {id_key(objective.id) for objective in director.objectives}
    named = id_key(f"{director.id}.")
    if not any(link.startswith(named) and link[len(named) :] not in ids for link in written):
        return director  # every link to this director names an id it has
    objectives = []
    for objective in director.objectives:
        if id_key(f"{director.id}.{objective.id}") not in written:
            for old in former.get(objective.id, ()):
                if id_key(f"{director.id}.{old}") in written and id_key(old) not in ids:
                    objective = objective.model_copy(update={"id": old})
                    ids.add(id_key(old))
                    break
        objectives.append(objective)
    return director.model_copy(update={"objectives": objectives})


# --- objectives and lists -------------------------------------------------------------


def cell_items(text: str) -> list[str]:
    """Split a cell into its items: one per line, bullets and blank lines dropped.

    A cell written on one line with items separated by semicolons, as
    spreadsheets are often kept (``Cut agency spend; Keep occupancy below
    92%``), holds one item between each pair of semicolons. In a cell of
    several lines, a semicolon followed by a capital letter also starts a new
    item, as a PA who joined two objectives on one line meant (newuser26 #5:
    ``Cut agency spend to 3.2% of the pay bill; Keep capital spend within the
    allocation``), while one followed by a small letter (``Cut waits; improve
    flow``) is punctuation inside one item.
    """
    items = []
    lines = text.split("\n")
    if len([line for line in lines if line.strip()]) == 1 and ";" in text:
        lines = text.split(";")
    else:
        lines = [part for line in lines for part in _capitalised_parts(line)]
    for line in lines:
        item = _BULLET.sub("", line.strip()).strip()
        if item:
            items.append(item)
    return items


def _capitalised_parts(line: str) -> list[str]:
    """``line`` cut at each semicolon that a capital letter follows.

    A line written as ``{en: ..., cy: ...}`` is one item, whatever it holds.
    """
    if line.lstrip().startswith("{"):
        return [line]
    first, *rest = line.split(";")
    parts = [first]
    for part in rest:
        if part.strip()[:1].isupper():
            parts.append(part)
        else:
            parts[-1] += ";" + part
    return parts


#: Words that tell one objective from another too little to name it by: little
#: words, the verbs every objective starts with, and their Welsh counterparts.
_UNTELLING_LINES = (
    "a an and the of in on at for to with by per from into out within across over under",
    "below above than as be is are our their its this that these those every all each any",
    "more less most least new own up down via through towards toward including so it we us",
    "not no year years month months week weeks day days trust trusts nhs what how which who",
    "one two three four five six seven eight nine ten",
    "achieve deliver reduce improve increase maintain ensure keep cut bring grow make",
    "support meet reach hit sustain lead develop build create embed establish implement",
    "agree return move see get stay stop start continue drive raise lower halve double",
    "eliminate refresh review transform modernise strengthen enable set go live roll",
    "hold protect secure provide put take give use act close",
    "y yr ac o i yn ar am gyda ein eu pob mewn gan heb erbyn",
    "gwella lleihau cynyddu cyflawni sicrhau cadw cyrraedd datblygu darparu torri",
)
_UNTELLING = frozenset(word for line in _UNTELLING_LINES for word in line.split())
#: Words passed over since newuser7 (F11): more verbs objectives start with, and Welsh's
#: small words ("y gellir ei osgoi", "that can be avoided"). Ids made before keep working.
_UNTELLING_SINCE_LINES = (
    "recover tackle prevent minimise minimize optimise optimize expand boost speed",
    "gellir ellir ei fydd bydd sydd fod bod na nad nid fel hyn hynny yw ydy wedi cael gael",
    "gwneud wneud",
)
_UNTELLING_NOW = _UNTELLING | frozenset(
    word for line in _UNTELLING_SINCE_LINES for word in line.split()
)
#: Words passed over since newuser11 (13): prepositions and pronouns ("complaints about
#: access" is not ``complaints-about``, "harm while they wait" not ``harm-while-they``).
_UNTELLING_SINCE_11_LINES = (
    "about while they them their whom whose against between among amongst around after",
    "before during until since because when where whether than though although unless",
    "need needs",
)
_UNTELLING_SINCE_11 = _UNTELLING_NOW | frozenset(
    word for line in _UNTELLING_SINCE_11_LINES for word in line.split()
)
#: Words passed over since newuser13 (12): Welsh prepositions an id ended on ("oedi wrth
#: drosglwyddo" is not ``oedi-wrth``) and verbs a Welsh objective opens with ("Dod â
#: gwariant ..." is not ``dod-gwariant``).
_UNTELLING_SINCE_13_LINES = (
    "wrth rhag ger oddi ers cyn tua ymysg ymhlith ag efo",
    "dod ddod mynd fynd",
)
_UNTELLING_SINCE_13 = _UNTELLING_SINCE_11 | frozenset(
    word for line in _UNTELLING_SINCE_13_LINES for word in line.split()
)
#: Verbs an objective opens with that are nouns or adjectives elsewhere (so passed over
#: only as its first word): "Shift planned care", "Offer every band 5", "Free GP time".
_OPENING_VERB_LINES = (
    "shift offer free balance become remain attract recruit retain train treat save avoid",
    "restore release transfer integrate align adopt launch spread scale widen narrow lift",
    "end address tackle",
)
_OPENING_VERBS = frozenset(word for line in _OPENING_VERB_LINES for word in line.split())
#: Verbs after which a participle is passed over too: "Be rated good", "Become recognised".
_BE_VERBS = frozenset({"be", "become", "remain", "stay", "get"})
#: A name written in capitals, of three or more words ("Faster Diagnosis Standard",
#: "Friends and Family Test"): known by its initials (FDS, FFT).
_TITLE_WORD = r"[A-Z][a-z]+(?:-[a-z]+)*"
_TITLE_NAME = re.compile(rf"\b{_TITLE_WORD}(?:\s+(?:(?:and|of|for|the)\s+)?{_TITLE_WORD})+\b")
#: How many telling words an objective's id starts with, and the most it grows to.
_ID_WORDS, _ID_MOST_WORDS = 2, 4
_WORD = re.compile(r"[A-Za-z0-9]+")
#: A word, hyphenated ones whole: ``follow-up``, ``4-hour``, ``COVID-19``.
_HYPHENATED = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")
#: A count of time that names a standard: ``52 week`` waits, the ``4 hour`` target.
_TIME_UNITS = frozenset(
    {"minute", "minutes", "hour", "hours", "day", "days", "week", "weeks"}
    | {"month", "months", "year", "years"}
)
#: ``A&E`` and ``R&D``: one abbreviation, not two letters.
_AMPERSAND_PAIR = re.compile(r"\b([A-Za-z])&([A-Za-z])\b")


#: Words that head an objective in board language without telling it from another: "the
#: number of patients with ...", "the share of ...", "rate", "the health board". They are
#: left out of a new id when other telling words remain.
_GENERIC_LINES = (
    "number numbers share proportion percentage rate rates level levels",
    "patient patients people board boards organisation organisations place",
)
#: The Welsh side of the same rule: the little words, the verbs an objective starts with and
#: the generic heads, with the mutated forms a sentence gives them ("cyfran y bobl",
#: "i gynyddu"). Apostrophes are gone by then: "sy'n" is "syn", "i'w" is "iw". They are
#: passed over only in a new id, not in a former one, so that a link written with an id an
#: earlier pitchkit made ("dn.niwed-gellir") keeps working.
_WELSH_LINES = (
    "r n w ei sy syn sydd bod fod mae yw ydy oes gellir gall iw ir or yr ym yng dros fewn tan hyd",
    "rhwng neu trwy drwy tuag dan uwch mwy llai newydd bob pawb holl cael gael chael",
    "un dau dwy tri tair pedwar pump chwech saith wyth naw deg",
    "blwyddyn flwyddyn blynedd mlynedd mis fis wythnos wythnosau diwrnod dydd",
    "wella gwneud wneud gyflawni gynyddu cynnal gynnal gadw dorri tyfu dyfu cefnogi gefnogi",
    "gyrraedd ddatblygu adeiladu creu greu sefydlu gweithredu weithredu ymgorffori cytuno",
    "dychwelyd symud parhau codi gostwng haneru dyblu dileu adolygu trawsnewid cryfhau",
    "gryfhau galluogi gosod rhoi defnyddio ddefnyddio ddarparu diogelu cyflwyno gyflwyno arwain",
    "bodloni cwrdd ehangu hyrwyddo",
    "nifer niferoedd cyfran gyfran chyfran canran ganran chanran cyfradd gyfradd chyfradd",
    "cyfraddau lefel lefelau claf glaf chlaf nghlaf cleifion gleifion chleifion nghleifion",
    "pobl bobl mhobl bwrdd fwrdd mwrdd byrddau sefydliad sefydliadau lle",
)
#: A Welsh "'r", "'n" or "'w" written onto the word before it: "cyflawni'r", "sy'n", "i'w".
_WELSH_CLITIC = re.compile(r"(\w)['\u2019]([rnw])\b", re.IGNORECASE)
#: What an id passes over while other words remain (see :func:`objective_id`): English
#: only until newuser7 F11, Welsh too since.
_GENERIC = frozenset(word for line in _GENERIC_LINES for word in line.split())
_PASSED_OVER = frozenset(word for line in _GENERIC_LINES + _WELSH_LINES for word in line.split())
#: "the health board", "y bwrdd iechyd": the organisation, not a telling word.
_HEALTH_BOARD = re.compile(
    r"\bhealth\s+boards?\b|\b(?:bwrdd|fwrdd|mwrdd|byrddau)\s+iechyd\b", re.IGNORECASE
)
#: An abbreviation the objective defines in brackets: "no criteria to reside (NCTR)".
_NAMED_ABBREVIATION = re.compile(r"\(([A-Z][A-Z0-9]{1,9})\)")


#: How ids have been made: before newuser6 F12, until newuser7 F11, until newuser11 (13),
#: until newuser12 (12), until newuser13 (12), until newuser15 (17), until newuser16 (17),
#: until newuser17 (18), until newuser25 (21), until newuser28 (22), until newuser37, and now.
_FIRST, _SECOND, _THIRD, _FOURTH, _FIFTH, _SIXTH, _SEVENTH, _EIGHTH = 1, 2, 3, 4, 5, 6, 7, 8
_NINTH, _TENTH, _ELEVENTH = 9, 10, 11
_NOW = 12
#: Prepositions passed over since newuser28 (22): "Retain paramedics beyond two years in
#: post" is not ``paramedics-beyond``.
_UNTELLING_SINCE_28_LINES = (
    "beyond despite upon near past along via throughout inside outside onto beside besides",
    "except versus amid amidst",
)
_UNTELLING_SINCE_28 = frozenset(word for line in _UNTELLING_SINCE_28_LINES for word in line.split())
#: A word in capitals a number names, since newuser28 (22): "Category 2", "Stage 3", "Band
#: 5" keep their number (``category-2-mean``, not ``category-mean``), as a measure keeps
#: its capital for them (notes.wording.lower_measure).
#: A name in capitals that starts by counting ("the Six Goals for Urgent and Emergency
#: Care") is known by its first two words since newuser25 (21): ``six-goals``, not its
#: initials ``sguec``, which no one says.
_COUNT_WORDS = frozenset(
    {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"}
    | {"twelve", "twenty", "fifty", "hundred"}
)
#: An English possessive, left out of an id since newuser17 (18): "the ICB's efficiency
#: plan" is ``icb-efficiency``, not ``icbs-efficiency``. The owner is an organisation,
#: not a standard known by its initials (SHMI), so it is read in small letters.
_POSSESSIVE = re.compile(r"\b(\w+)['’]s\b")
#: A code in capitals with digits in it, such as DM01 or NEWS2: an abbreviation, since
#: newuser16 (17), kept whole rather than left out as a number. A financial year (FY26)
#: is a date, which changes, not a code.
_CODE = re.compile(r"(?!FY[0-9])[A-Z]{2,}[0-9]+[A-Z0-9]*")
#: Phrases an id keeps whole, little words and all, since newuser15 (17): "Reduce length of
#: stay" is ``length-of-stay``, not ``length`` (the meaning is in the whole phrase).
_WHOLE_PHRASES = re.compile(r"\blength\s+of\s+stay\b", re.IGNORECASE)


def objective_id(text: str, taken: Iterable[str] = ()) -> str:
    """Make a short, stable id such as ``shmi`` or ``cost-improvement`` from an objective's text.

    The id is the first two telling words (not "the", not "deliver" and the
    like, not a number such as "14m"; a hyphenated word and a standard such
    as "4-hour" or "52 week" count as one), or the first alone when it is an
    abbreviation written in capitals, such as SHMI or VTE, or one the text
    defines in brackets ("no criteria to reside (NCTR)" gives ``nctr``).
    Words that head many objectives without telling them apart ("the
    number of patients", "share", "rate", "the health board") are passed
    over while others remain: "Reduce the number of patients with no
    criteria to reside" is ``criteria-reside``. Welsh follows the same
    rule through its own little words, verbs and generic heads: "Lleihau
    niwed y gellir ei osgoi" is ``niwed-osgoi``. A name in capitals of three
    words or more is known by its initials: "Meet the 28-day Faster
    Diagnosis Standard" is ``28-day-fds``; a code in capitals with digits is
    one too: "Meet the DM01 diagnostic standard" is ``dm01``. When the second word starts a
    phrase after a little word, the id takes the phrase's next word too, so
    as not to cut it: "Cut spend with independent sector providers" is
    ``spend-independent-sector``. When that id is in ``taken`` (the
    director's other objectives), the next telling words are added, then
    ``-2``, ``-3``. The same text, among the same objectives before it,
    always gives the same id.
    """
    return _made_id(text, taken, generation=_NOW)


def _plain(text: str) -> str:
    """``text`` in ASCII letters, without apostrophes, ``A&E`` as ``AE``."""
    plain = unicodedata.normalize("NFKD", _APOSTROPHES.sub("", text))
    return _AMPERSAND_PAIR.sub(r"\1\2", plain.encode("ascii", "ignore").decode("ascii"))


def _made_id(text: str, taken: Iterable[str], *, generation: int) -> str:
    """:func:`objective_id` as made in ``generation`` (see :func:`objectives_from_items`)."""
    candidates = _id_candidates(text, generation)
    used = {t.casefold() for t in taken}
    for candidate in candidates:
        if candidate.casefold() not in used:
            return candidate
    number = 2
    while f"{candidates[0]}-{number}".casefold() in used:
        number += 1
    return f"{candidates[0]}-{number}"


@functools.lru_cache(maxsize=4096)
def _id_candidates(text: str, generation: int) -> tuple[str, ...]:
    """The ids ``text`` may take in ``generation``, shortest first; the first free one is used.

    They depend on the text alone, so a team whose directors share objectives
    (a batch's repeated team, every generation of a former id) works them out once.
    """
    if generation >= _THIRD:
        # Welsh "cyflawni'r cynllun" is "cyflawni" and "r" (the), not "cyflawnir".
        text = _WELSH_CLITIC.sub(r"\1 \2", text)
    if generation >= _NINTH:
        text = _POSSESSIVE.sub(lambda found: found.group(1).lower(), text)
    plain = _plain(text)
    if generation >= _SEVENTH:
        plain = _WHOLE_PHRASES.sub(lambda found: "-".join(found.group(0).split()), plain)
    untelling = (
        _UNTELLING_SINCE_13
        if generation >= _SIXTH
        else _UNTELLING_SINCE_11
        if generation >= _FOURTH
        else _UNTELLING_NOW
        if generation >= _THIRD
        else _UNTELLING
    )
    if generation >= _ELEVENTH:
        untelling = untelling | _UNTELLING_SINCE_28
    if generation >= _THIRD:
        plain = _initials(plain, after_verb=generation >= _SIXTH, counted=generation >= _TENTH)
    codes = generation >= _EIGHTH
    numbered = generation >= _ELEVENTH
    spans = _telling_spans(plain, untelling, codes=codes, numbered=numbered)
    if generation >= _FOURTH:
        spans = _after_opening_verb(spans, plain)
    read = plain  # the text ``spans`` place their words in
    if generation >= _SECOND:
        kept = [
            span
            for span in _telling_spans(
                _HEALTH_BOARD.sub(" ", plain), untelling, codes=codes, numbered=numbered
            )
            if span[0].casefold() not in (_PASSED_OVER if generation >= _THIRD else _GENERIC)
        ]
        if generation >= _FOURTH:
            kept = _after_opening_verb(kept, _HEALTH_BOARD.sub(" ", plain))
        if kept:
            spans, read = kept, _HEALTH_BOARD.sub(" ", plain)
        named = _NAMED_ABBREVIATION.search(plain)
        if named is not None:
            spans = [(named.group(1), -9, -9), *(s for s in spans if s[0] != named.group(1))]
    words = [word for word, _start, _end in spans]
    slugs = [word.casefold() for word in words]
    if not slugs:
        slugs = [w.casefold() for w in _WORD.findall(plain) if not w.isdigit()][:_ID_WORDS]
    first = 1 if words and len(words[0]) > 1 and words[0].isupper() else _ID_WORDS
    if generation >= _TENTH and words and _counted_name(words[0]):
        first = 1  # "Six-Goals": the name on its own, as an abbreviation is
    if generation >= _FOURTH and first == 1 and len(words[0]) == 2 and _compound(spans):
        # An abbreviation is the id on its own (SHMI, VTE, A&E); since newuser11 (13) not
        # one of two letters that heads a noun: "Free GP time" is ``gp-time``, not ``gp``.
        first = _ID_WORDS
    if generation >= _SIXTH and first == 1 and len(words[0]) == 2:
        # Since newuser13 (12): a two-letter abbreviation before "and" names the noun after
        # both: "Free GP and practice nurse time" is ``gp-time``, as "Free GP time" is.
        shared = _shared_noun(spans, read)
        if shared is not None:
            spans, first = shared, _ID_WORDS
            slugs = [word.casefold() for word, _start, _end in spans]
    if generation >= _FIFTH and first == _ID_WORDS:
        # Since newuser12 (12): the id names the thing measured, not a phrase's start.
        named_thing = _thing_measured(spans, read)
        if named_thing is not None:
            spans = named_thing
            slugs = [word.casefold() for word, _start, _end in spans]
    if generation >= _THIRD and first == _ID_WORDS and _cuts_a_phrase(spans, read):
        first += 1
    cut = _cut_at_word if generation >= _NOW else _cut_anywhere
    candidates = [
        cut(slugs[:count])
        for count in range(first, max(first, min(len(slugs), _ID_MOST_WORDS)) + 1)
    ]
    return tuple(dict.fromkeys(c for c in candidates if c)) or ("objective",)


def _cut_anywhere(slugs: Sequence[str]) -> str:
    """The words joined, cut at :data:`_OBJECTIVE_ID_MAX` characters wherever that falls."""
    return "-".join(slugs)[:_OBJECTIVE_ID_MAX].strip("-")


def _cut_at_word(slugs: Sequence[str]) -> str:
    """The words joined, as many whole words as fit in :data:`_OBJECTIVE_ID_MAX` characters.

    Since newuser37: "Reduce vacancies in hard-to-recruit specialties" is
    ``vacancies-hard-to-recruit``, not ``vacancies-hard-to-recruit-specia``,
    which a lead has to type into ``supports:``. A first word longer than
    that is still cut.
    """
    kept = list(slugs)
    while len(kept) > 1 and len("-".join(kept)) > _OBJECTIVE_ID_MAX:
        kept.pop()
    return _cut_anywhere(kept)


_Span = tuple[str, int, int]


def _shared_noun(spans: Sequence[_Span], text: str) -> list[_Span] | None:
    """An abbreviation and the noun it shares across "and", first; ``None`` if not so written.

    "GP and practice nurse time": GP's time as much as the nurses', so the
    id is the abbreviation and the last word of the run after "and".
    """
    if len(spans) < 2 or spans[0][1] < 0:
        return None
    tokens = [t.casefold() for t in _HYPHENATED.findall(text)]
    run = [spans[1]]
    for span in spans[2:]:
        if span[1] != run[-1][2]:
            break
        run.append(span)
    if tokens[spans[0][2] : spans[1][1]] != ["and"] or len(run) < 2:
        return None
    thing = [spans[0], run[-1]]
    return [*thing, *(span for span in spans if span not in thing)]


def _thing_measured(spans: Sequence[_Span], text: str) -> list[_Span] | None:
    """The telling words that name what an objective measures, first; ``None`` to keep them.

    Three shapes whose first two words are not the thing (since newuser12 (12)):

    - words joined by "and" or "or" that describe a noun after them: "adult
      general and acute bed occupancy" is about ``bed-occupancy``; "the
      timeliness and quality of discharge summaries" about ``discharge-summaries``;
    - a move "from" one place "to" or "into" another: "Move care from
      hospital into the community" is ``care-community``;
    - a rating "by" whoever gives it: "Be rated good by the CQC" is ``cqc-good``.
    """
    if len(spans) < 2 or any(span[1] < 0 for span in spans[:2]):
        return None
    tokens = [t.casefold() for t in _HYPHENATED.findall(text)]
    runs: list[list[_Span]] = [[spans[0]]]
    for span in spans[1:]:
        if span[1] == runs[-1][-1][2]:
            runs[-1].append(span)
        else:
            runs.append([span])
    links = [tokens[before[-1][2] : after[0][1]] for before, after in itertools.pairwise(runs)]
    thing: list[_Span] | None = None
    if links and links[0] in (["and"], ["or"]):
        if len(runs[1]) >= 3:  # "general and acute bed occupancy": the noun after them
            thing = runs[1][-2:]
        elif len(runs) > 2 and len(runs[0]) == len(runs[1]) == 1 and links[1] == ["of"]:
            thing = runs[2][:2]  # "the timeliness and quality of discharge summaries"
    elif len(runs) > 2 and len(runs[0]) == len(runs[1]) == 1 and links[0] == ["from"]:
        if links[1][:1] in (["to"], ["into"]):
            thing = [runs[0][0], runs[2][0]]  # "care from hospital into the community"
    elif tokens[:1] in (["be"], ["become"]) and links and links[0] in (["by"], ["by", "the"]):
        thing = [runs[1][0], runs[0][-1]]  # "be rated good by the CQC"
    if thing is None:
        return None
    return [*thing, *(span for span in spans if span not in thing)]


def _compound(spans: Sequence[tuple[str, int, int]]) -> bool:
    """Whether the first two telling words stand side by side ("GP time")."""
    return len(spans) > 1 and spans[0][2] == spans[1][1] >= 0


def _after_opening_verb(
    spans: list[tuple[str, int, int]], plain: str
) -> list[tuple[str, int, int]]:
    """``spans`` without the verb an objective opens with ("Shift planned care ...").

    Only the text's first word, and only one of :data:`_OPENING_VERBS` (words
    that are nouns elsewhere: "night shift", "the offer"); after "be" or
    "become", the participle too ("Be rated good" is not ``rated-good``).
    Unchanged when nothing else would be left.
    """
    words = [token.casefold() for token in _HYPHENATED.findall(plain)[:2]]
    dropped = set()
    if words and words[0] in _OPENING_VERBS:
        dropped.add(0)
    if len(words) > 1 and words[0] in _BE_VERBS and words[1].endswith("ed"):
        dropped.add(1)
    kept = [span for span in spans if span[1] not in dropped]
    return kept if kept else spans


def _counted_name(word: str) -> bool:
    """Whether ``word`` is a counted name :func:`_initials` joined: ``Six-Goals``."""
    head, dash, _rest = word.partition("-")
    return bool(dash) and head.casefold() in _COUNT_WORDS and word[:1].isupper()


def _initials(plain: str, *, after_verb: bool = False, counted: bool = False) -> str:
    """``plain`` with each name in capitals of three words or more as its initials.

    Only in a text that is not itself written in capitals, and never taking
    the text's first word (a verb, capitalised as the sentence starts).
    With ``after_verb`` (since newuser13 (12)), a name right after the
    opening verb and "the" is a name too, though nothing else is left in
    small letters: "Embed the Patient and Carer Race Equality Framework"
    is "Embed the PCREF".
    """

    def shortened(match: re.Match[str]) -> str:
        words = match.group(0).split()
        if match.start() == 0:
            return words[0] + " " + _short(words[1:])
        return _short(words)

    def _short(words: list[str]) -> str:
        capitals = [w for w in words if w[:1].isupper()]
        if len(capitals) < 3:
            return " ".join(words)
        if counted and capitals[0].casefold() in _COUNT_WORDS:
            # With ``counted`` (since newuser25 (21)): "the Six Goals for ..." is "the
            # Six-Goals for ...".
            at = words.index(capitals[0])
            return " ".join([*words[:at], "-".join(words[at : at + 2]), *words[at + 2 :]])
        return "".join(w[0] for w in capitals)

    outside = _TITLE_NAME.sub(" ", plain)
    if not re.search(r"\b[a-z]", outside):
        opening = re.match(r"[A-Z][a-z]+\s+the\s+(?=[A-Z])", plain) if after_verb else None
        rest = plain[opening.end() :] if opening is not None else ""
        if opening is None or _TITLE_NAME.fullmatch(rest) is None:
            return plain
        return plain[: opening.end()] + _short(rest.split())
    return _TITLE_NAME.sub(shortened, plain)


def _cuts_a_phrase(spans: Sequence[tuple[str, int, int]], text: str) -> bool:
    """Whether an id of the first two words would end in the middle of a phrase.

    So when a preposition comes between them ("spend with independent") and
    the second runs straight on into a third ("independent sector"); not
    across "and" (there the id names the noun after: see :func:`_thing_measured`).
    """
    if len(spans) < 3:
        return False
    (_a, _s, first_end), (_b, second_start, second_end), (_c, third_start, _e) = spans[:3]
    if first_end < 0 or second_start <= first_end or third_start != second_end:
        return False
    between = {t.casefold() for t in _HYPHENATED.findall(text)[first_end:second_start]}
    return bool(between & _PREPOSITIONS)


#: Words that start a phrase of their own after the head word: "spend with ...".
_PREPOSITIONS = frozenset(
    [
        "with",
        "within",
        "for",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "from",
        "over",
        "under",
        "across",
        "into",
        "without",
    ]
)


def _telling_spans(
    plain: str, untelling: Set[str], *, codes: bool = False, numbered: bool = False
) -> list[tuple[str, int, int]]:
    """The words of ``plain`` that tell an objective apart, in order, each with its place.

    The place is the word's first token and the token after it, so two
    words are side by side when one ends where the other starts.

    A hyphenated word stays whole (``follow-up``, ``nurse-led``), and so
    does a count of time that names a standard: ``4-hour``, and ``52 week``
    as ``52-week``. Other numbers (``76%``, ``£11m``, ``2027``) are targets
    that change from year to year, so they are left out, as are the parts
    of a word that are numbers (``COVID-19`` gives ``COVID``). With
    ``codes``, a code in capitals with digits in it (``DM01``, ``NEWS2``) is
    an abbreviation, kept whole: "Meet the DM01 diagnostic standard" is
    ``dm01``. With ``numbered``, a number of one or two digits after a word in
    capitals that is not a plural names it with that word: "Improve Category 2
    mean response time" gives ``Category-2``.
    """
    tokens = _HYPHENATED.findall(plain)
    words: list[tuple[str, int, int]] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        after = tokens[index + 1] if index + 1 < len(tokens) else ""
        if numbered and _names_a_number(words, index, tokens):
            name, start, _end = words[-1]
            words[-1] = (f"{name}-{token}", start, index + 1)
            index += 1
            continue
        if token.isdigit() and after.casefold() in _TIME_UNITS:
            words.append((f"{token}-{after}", index, index + 2))
            index += 2
            continue
        index += 1
        parts = token.split("-")
        if parts[0].isdigit() and len(parts) > 1 and all(p.isalpha() for p in parts[1:]):
            words.append((token, index - 1, index))  # 4-hour, 62-day
            continue
        kept = [
            p
            for p in parts
            if not any(c.isdigit() for c in p) or (codes and _CODE.fullmatch(p) is not None)
        ]
        if kept and not all(p.casefold() in untelling for p in kept):
            words.append(("-".join(kept), index - 1, index))
    return words


def _names_a_number(words: Sequence[_Span], index: int, tokens: Sequence[str]) -> bool:
    """Whether ``tokens[index]`` is a number naming the word just before it: "Category 2"."""
    token = tokens[index]
    if not (token.isdigit() and len(token) <= 2) or not words or words[-1][2] != index:
        return False
    before = tokens[index - 1]
    after = tokens[index + 1] if index + 1 < len(tokens) else ""
    return (
        before[:1].isupper()
        and before[1:].islower()
        and not before.endswith("s")
        and after.casefold() not in _TIME_UNITS
        and index - 1 > 0  # not the opening word, a verb capitalised as the sentence starts
    )


def objective_from_text(
    text: str, taken: Iterable[str] = (), english: str | None = None
) -> dict[str, Any]:
    """Turn ``personal: Grow nurse-led care`` into an objective's fields.

    ``english``, the English of a text written ``{en: ..., cy: ...}`` and
    shown in Welsh, is what the id is made from (newuser13 #12), so the
    objective has the same id whichever language the file is read in.
    """
    kind, body = _kind_and_body(text)
    named = _kind_and_body(english)[1] if english else body
    made: dict[str, Any] = {"id": objective_id(named, taken), "text": body, "kind": kind}
    amount = cash_target_in(named)
    if amount is not None:
        made["target"] = {"value": amount, "unit": "GBP"}
    return made


#: Words of an objective that is a cash-releasing target (a CIP, a savings or efficiency plan),
#: in English and Welsh; and of one whose amount is not such a target (a budget to stay within,
#: income, capital, a deficit, spend), which no share of savings can be a share of.
_CASH_TARGET = re.compile(
    r"\b(?:cost improvement|CIP|QIPP|savings?|efficienc(?:y|ies)|save|"
    r"arbedion|arbed|rhaglen gwella costau|effeithlonrwydd)\b",
    re.IGNORECASE,
)
_NOT_A_SAVINGS_AMOUNT = re.compile(
    r"\b(?:budget|within|income|revenue|capital|deficit|overspend|spend|invest\w*|funding|"
    r"allocation|cyllideb|incwm|cyfalaf|diffyg|gwariant)\b",
    re.IGNORECASE,
)
_AMOUNT = re.compile(
    r"£\s?(?P<value>\d{1,3}(?:,\d{3})+|\d+)(?P<decimals>\.\d+)?\s*"
    r"(?P<scale>bn|billion|m|million|k|thousand|miliwn)?(?![\w.,]*\d)",
    re.IGNORECASE,
)
_SCALES = {"bn": 1e9, "billion": 1e9, "m": 1e6, "million": 1e6, "miliwn": 1e6, "k": 1e3}


def cash_target_in(text: str) -> float | None:
    """The amount of a savings target an objective's words name, else ``None``.

    "Deliver the £9.5m cost improvement programme" names £9.5m. A team sheet
    (or an objective written as text alone) has no ``target:`` field, so the
    amount is read from the words, but only where they make it a target for
    savings: one amount of money, beside words such as CIP, cost improvement,
    savings or efficiency, and none that make it a budget, income, capital or
    spend ("within the £2m budget" is a limit, not an amount a saving is a
    share of). An objective written in full keeps its own ``target:``.
    """
    amounts = list(_AMOUNT.finditer(text))
    if len(amounts) != 1 or not _CASH_TARGET.search(text) or _NOT_A_SAVINGS_AMOUNT.search(text):
        return None
    found = amounts[0]
    value = float(found["value"].replace(",", "") + (found["decimals"] or ""))
    value *= _SCALES.get((found["scale"] or "").lower(), 1.0)
    return value if value >= 1000 else None


def _kind_and_body(text: str) -> tuple[str, str]:
    """An objective's kind and its text without a ``personal:`` (or organisational) prefix."""
    kind = "organisational"
    body = text.strip()
    lowered = body.lower()
    if lowered.startswith(PERSONAL_PREFIX):
        kind, body = "personal", body[len(PERSONAL_PREFIX) :].strip()
    else:
        for prefix in _ORGANISATIONAL_PREFIXES:
            if lowered.startswith(prefix):
                body = body[len(prefix) :].strip()
    return kind, body


def objectives_from_items(
    items: Sequence[Any],
    former: FormerIds | None = None,
    english: Mapping[str, str] | None = None,
) -> list[Any]:
    """Give text objectives ids and kinds; leave objectives written in full alone.

    With ``former``, the ids earlier pitchkits made differently are recorded
    there against each made id, latest first: before newuser6 F12 generic
    words were not passed over (``coo.number-patients``); until newuser7
    F11 names were not shortened, phrases not kept whole, nor Welsh small
    words passed over (``coo.28-day-faster``, ``don.niwed-gellir``). A link a
    user wrote with one keeps working: :func:`with_team` gives it back.

    ``english`` gives the English of each text resolved from ``{en: ...,
    cy: ...}`` to another language: its id is made from the English.
    """
    taken = [str(item["id"]) for item in items if isinstance(item, dict) and "id" in item]
    if former is not None:
        former.given(taken)
    result: list[Any] = []
    for item in items:
        if isinstance(item, str):
            made = objective_from_text(item, taken, (english or {}).get(item.strip()))
            taken.append(made["id"])
            result.append(made)
            if former is not None:
                former.made(made["id"], made["text"])
        else:
            result.append(item)
    return result


def current_links(data: Any, english: Mapping[str, str] | None = None) -> None:
    """Rewrite, in ``data``, each link to a facts file's own objective by its former id.

    A director's objectives written as plain text in the facts file get their
    ids as a team file's do; when pitchkit has since made one differently
    (``cfo.icbs-efficiency`` is now ``cfo.icb-efficiency``, newuser17 #8), a
    ``supports:`` or ``excludes:`` link written with the former id is read as
    the current one, as :func:`with_team` keeps a team file's working. A former
    id that is also an objective's current id is left alone.
    """
    if not isinstance(data, dict) or not isinstance(data.get("directors"), list):
        return
    renamed: dict[str, str] = {}
    for director in data["directors"]:
        if not isinstance(director, dict) or not isinstance(director.get("objectives"), list):
            continue
        listed = director["objectives"]
        if not any(isinstance(item, str) for item in listed):
            continue
        former = FormerIds()
        made = objectives_from_items(listed, former=former, english=english)
        current = {str(item.get("id")).casefold() for item in made if isinstance(item, dict)}
        who = str(director.get("id", ""))
        for new, olds in former.items():
            for old in olds:
                if old.casefold() not in current:
                    renamed.setdefault(f"{who}.{old}".casefold(), f"{who}.{new}")
    if not renamed or not isinstance(data.get("impacts"), list):
        return
    for impact in data["impacts"]:
        if not isinstance(impact, dict):
            continue
        for key in ("supports", "excludes"):
            links = impact.get(key)
            if isinstance(links, list):
                for number, link in enumerate(links):
                    if isinstance(link, str) and link.strip().casefold() in renamed:
                        links[number] = renamed[link.strip().casefold()]
            elif isinstance(links, str) and links.strip().casefold() in renamed:
                impact[key] = renamed[links.strip().casefold()]


class FormerIds(Mapping[str, tuple[str, ...]]):
    """The ids earlier pitchkits made for one director's objectives, by the id made now.

    Worked out only when first asked for (:func:`as_linked` asks only when a
    link names one of the director's objectives by an id it does not have):
    a team file of many directors, none of them linked by a former id, does
    not pay for two more generations of every objective's id.
    """

    def __init__(self) -> None:
        self._given: list[str] = []
        self._made: list[tuple[str, str]] = []
        self._found: dict[str, tuple[str, ...]] | None = None

    @property
    def has_texts(self) -> bool:
        """Whether any objective was given an id from its text here."""
        return bool(self._made)

    def given(self, ids: Sequence[str]) -> None:
        """Note the ids the director's objectives were given in the file."""
        self._given = list(ids)

    def made(self, made_id: str, text: str) -> None:
        """Note an objective given ``made_id`` from ``text``, in the file's order."""
        self._made.append((made_id, text))
        self._found = None

    def _worked_out(self) -> dict[str, tuple[str, ...]]:
        if self._found is None:
            earlier = {
                generation: list(self._given)
                for generation in (
                    _ELEVENTH,
                    _TENTH,
                    _NINTH,
                    _EIGHTH,
                    _SEVENTH,
                    _SIXTH,
                    _FIFTH,
                    _FOURTH,
                    _THIRD,
                    _SECOND,
                    _FIRST,
                )
            }
            found: dict[str, tuple[str, ...]] = {}
            for made_id, text in self._made:
                olds: list[str] = []
                for generation, before in earlier.items():
                    old = _made_id(text, before, generation=generation)
                    before.append(old)
                    if old != made_id and old not in olds:
                        olds.append(old)
                if olds:
                    found[made_id] = tuple(olds)
            self._found = found
        return self._found

    def __getitem__(self, key: str) -> tuple[str, ...]:
        return self._worked_out()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._worked_out())

    def __len__(self) -> int:
        return len(self._worked_out())


# --- tabular files: CSV and XLSX ------------------------------------------------------


def _csv_rows(path: Path) -> tuple[tuple[int, list[str]], list[tuple[int, list[str]]]]:
    """Read a CSV into its header and numbered rows, as a spreadsheet numbers them."""
    records = tabular.csv_records(
        path, DirectorsError, _SAVE_AS, max_rows=MAX_ROWS, too_big=_too_large()
    )
    return _split_header(path, [[tabular.cell_text(cell) for cell in row] for _, row in records])


def _too_large() -> Message:
    """The message for a directors file past the size limit, or with too many rows."""
    return Message(
        "larger than {size} MB or {rows} rows, far more than any executive team: "
        "check that this is the file you meant",
        size=tabular.MAX_CSV_BYTES // 1_000_000,
        rows=format(MAX_ROWS, ","),
    )


def _xlsx_rows(path: Path) -> tuple[tuple[int, list[str]], list[tuple[int, list[str]]]]:
    """Read the 'directors' sheet (or the first one) of a workbook.

    A damaged workbook gives one line, whatever in it is wrong; a sheet past
    :data:`MAX_ROWS` rows is refused.
    """
    records = tabular.xlsx_records(
        path,
        DirectorsError,
        (SHEET_NAME,),
        max_rows=MAX_ROWS,
        max_columns=_MAX_COLUMNS,
        too_big=_too_large(),
    )
    return _split_header(path, [[tabular.cell_text(cell) for cell in row] for _, row in records])


#: How many filled rows above the header may be titles (such as a merged
#: "Executive team 2027/28" row) that are skipped.
TITLE_ROWS = 5


def _split_header(
    path: Path, records: list[list[str]]
) -> tuple[tuple[int, list[str]], list[tuple[int, list[str]]]]:
    """Find the header row and number the rows below it, as the spreadsheet numbers them.

    The header is the first row naming the columns id, name and role among
    the first few filled rows, so a title row above it (often merged across
    the sheet) is skipped; when no row names them all, the row among those
    that names most of pitchkit's columns is taken as the header (the first
    filled row when none names any), for :func:`_columns` to say what it
    lacks (newuser13 #10: not the title row, when a merged cell hid 'role').
    """
    numbered = [
        (number, row)
        for number, row in enumerate(records, start=1)
        if any(cell.strip() for cell in row)
    ]
    if not numbered:
        message = Message(
            "the file is empty: add a header row ({columns}) and one row per director",
            columns=", ".join(COLUMNS),
        )
        raise DirectorsError(Located(str(path), message))
    known = [set(_header_keys(row)) & set(COLUMNS) for _, row in numbered[: TITLE_ROWS + 1]]
    at = next(
        (index for index, keys in enumerate(known) if set(REQUIRED_COLUMNS) <= keys),
        max(range(len(known)), key=lambda index: (len(known[index]), -index)),
    )
    return numbered[at], numbered[at + 1 :]


def header_columns(path: Path, records: list[list[str]]) -> tuple[list[str], dict[int, str]]:
    """A team CSV's header row and where its known columns are, as reading it finds them.

    ``pitchkit init`` writes a new director's row under the same columns
    (:mod:`pitchkit.init.teamrow`); a header lacking a required column is refused
    as reading the file would refuse it.
    """
    numbered_header, _ = _split_header(path, records)
    positions, _ = _columns(path, numbered_header)
    return numbered_header[1], positions


#: Headers a team sheet often has for a required column, and the column they mean: named
#: in the message; only those in :data:`_READ_AS_ROLE` are read as that column.
_SYNONYMS = {
    "job_title": "role",
    "title": "role",
    "job": "role",
    "position": "role",
    "post": "role",
    "role_title": "role",
    "rôl": "role",
    "swydd": "role",
    "teitl_swydd": "role",
    "full_name": "name",
    "director": "name",
    "enw": "name",
    "code": "id",
    "initials": "id",
    "short_name": "id",
    "ref": "id",
}


#: Headers an executive office uses for the role, read as ``role`` when the sheet has
#: no column of that name (newuser36 #2: ``Job title``, which getting-started gives
#: as a sheet's own column). A bare ``Title`` is not among them: it may hold "Dr".
_READ_AS_ROLE = frozenset(key for key, column in _SYNONYMS.items() if column == "role") - {"title"}


def _header_keys(header: Sequence[str]) -> list[str]:
    """Each header cell's column key, with the first ``Job title`` (or the like) as ``role``.

    Only when no cell is ``role`` itself, so a sheet with both keeps its ``Job title``
    unread, as before.
    """
    keys = [_column_key(cell) for cell in header]
    if "role" in keys:
        return keys
    for index, key in enumerate(keys):
        if key in _READ_AS_ROLE or "_".join(_header_words(key.replace("_", " "))) in _READ_AS_ROLE:
            keys[index] = "role"
            break
    return keys


def _synonym(key: str) -> str | None:
    """The required column a header's key names in other words (``Rôl 2026/27``: role)."""
    return _SYNONYMS.get(key) or _SYNONYMS.get("_".join(_header_words(key.replace("_", " "))))


def _column_key(name: str) -> str:
    """``' Name '`` and ``'NAME'`` both mean ``name``; ``Objectives 2026/27`` means ``objectives``.

    A header a PA dates or qualifies (``Objectives (2026-27)``, ``2026/27 objectives``,
    ``Key objectives``, ``Concerns / risks``) is read as the one column it names: see
    :func:`_loose_key`.
    """
    plain = name.replace("\ufeff", "")
    key = "_".join(plain.replace("(", " ").replace(")", " ").strip().lower().split())
    if not key or key in COLUMNS:
        return key
    return _loose_key(plain) or key


#: A year or financial year in a header: ``2026/27``, ``2026-2027``, ``FY26``, ``2026``.
_HEADER_YEAR = re.compile(
    r"\b(?:fy\s*)?(?:19|20)?\d{2}\s*[/\-\u2013\u2014]\s*(?:19|20)?\d{2}\b"
    r"|\bfy\s*\d{2,4}\b|\b(?:19|20)\d{2}\b",
    re.IGNORECASE,
)
#: Words around a column's name that do not change what it holds.
_HEADER_FILLER = frozenset(
    {
        "key",
        "main",
        "current",
        "our",
        "annual",
        "agreed",
        "for",
        "in",
        "the",
        "this",
        "year",
        "year's",
        "years",
        "director",
        "director's",
        "directors",
        "exec",
        "executive",
    }
)
#: A singular header for a list column.
_SINGULAR = {"objective": "objectives", "concern": "concerns", "theme": "themes"}
_HEADER_PARTS = re.compile(r"\s*(?:/|&|\+|;|,|\band\b)\s*", re.IGNORECASE)


def _undated(header: str) -> str:
    """``header`` without what its brackets hold and without its years."""
    return _HEADER_YEAR.sub(" ", re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", header))


def _header_words(text: str) -> list[str]:
    """The words of a header without its years, brackets and filler, in lower case."""
    words = re.sub(r"[^\w'\u2019]+", " ", _undated(text).lower()).split()
    return [word for word in words if word.replace("\u2019", "'") not in _HEADER_FILLER]


def _loose_key(header: str) -> str | None:
    """The one column a dated or qualified header names, else ``None``.

    ``Objectives 2026/27`` and ``Key objectives`` name ``objectives``;
    ``Concerns / risks`` names ``concerns`` (risks are no column of their own);
    ``Name and role`` names two, so neither.
    """
    found: set[str] = set()
    for part in _HEADER_PARTS.split(_undated(header)):
        key = "_".join(_header_words(part))
        key = _SINGULAR.get(key, key)
        if key in COLUMNS:
            found.add(key)
    return found.pop() if len(found) == 1 else None


#: Headers that mean the director's objectives but are not read as them: naming them
#: is an error when the sheet has no objectives column, since every director would
#: otherwise get their role's usual objectives without a word (English and Welsh).
_OBJECTIVES_LOOKALIKES = frozenset(
    {
        "goals",
        "goal",
        "aims",
        "aim",
        "priorities",
        "priority",
        "targets",
        "amcanion",
        "amcan",
        "nodau",
        "nod",
        "blaenoriaethau",
        "targedau",
    }
)


def _means_objectives(header: str) -> bool:
    """Whether a header pitchkit does not read looks like the director's objectives."""
    words = _header_words(header)
    if not words:
        return False
    if any(word in _OBJECTIVES_LOOKALIKES for word in words):
        return True
    return any(closest(word, ("objectives", "objective")) is not None for word in words)


def _merged_away(path: Path, row: int, header: list[str], missing: list[str]) -> list[Message]:
    """Each empty header cell of a workbook merged into a filled neighbour, said as such.

    A merged cell keeps its text in the first cell only: 'name' merged over
    B3:C3 leaves C3, where 'role' should be, empty (newuser13 #10). With one
    such cell and one column ``missing``, that column is the one to write there.
    """
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return []
    hidden = [
        (cell, into)
        for cell, into in tabular.xlsx_merged_into(path, (SHEET_NAME,), row)
        if tabular.column_index(cell) >= len(header)
        or not header[tabular.column_index(cell)].strip()
    ]
    if len(hidden) == 1 and len(missing) == 1:
        [(cell, into)] = hidden
        return [
            Message(
                "{cell} is merged into {into}: unmerge them and write '{column}' in {cell}",
                cell=cell,
                into=into,
                column=missing[0],
            )
        ]
    return [
        Message(
            "{cell} is merged into {into}: unmerge them and give {cell} its own column name",
            cell=cell,
            into=into,
        )
        for cell, into in hidden
    ]


def _columns(
    path: Path, numbered_header: tuple[int, list[str]]
) -> tuple[dict[int, str], list[Renderable | str]]:
    """Map cell positions to known columns; refuse a header without the required ones."""
    header_row, header = numbered_header
    keys = _header_keys(header)
    missing = [name for name in REQUIRED_COLUMNS if name not in keys]
    if missing:
        found = ", ".join(cell.strip() for cell in header if cell.strip())
        message: Renderable = Plural(
            "the header row needs the column {missing} (found: {found}): "
            "name the columns {columns}",
            "the header row needs the columns {missing} (found: {found}): "
            "name the columns {columns}",
            len(missing),
            missing=", ".join(missing),
            found=found or Message("nothing"),
            columns=", ".join(COLUMNS),
        )
        renames = [
            Message("'{cell}' to '{column}'", cell=header[keys.index(key)].strip(), column=column)
            for column in missing
            if (key := next((k for k in keys if _synonym(k) == column), None)) is not None
        ]
        if renames:
            message = Message(
                "{problem}; rename {renames}", problem=message, renames=Joined(renames, ", ")
            )
        hidden = _merged_away(path, header_row, header, missing)
        if hidden:
            message = Joined([message, *hidden], "; ")
        raise DirectorsError(Located(row_place(path, header_row), message))
    positions: dict[int, str] = {}
    warnings: list[Renderable | str] = []
    for index, key in enumerate(keys):
        if key in COLUMNS and key not in positions.values():
            positions[index] = key
    positions.update(_numbered_columns(header, positions))
    if not {"objectives", *OTHER_LANGUAGE_COLUMNS} & set(positions.values()):
        _refuse_objectives_lookalike(path, header_row, header, positions)
        warnings.append(Located(str(path), _NO_OBJECTIVES_COLUMN))
    for index, key in enumerate(keys):
        if index in positions:
            continue
        if key and key not in COLUMNS:
            meant = misspelt_numbered(header[index])
            # "Objectve 2" is "Objective 2" misspelt, not 'objectives' (newuser38 #6).
            hint = (
                Message(": did you mean '{choice}'?", choice=meant)
                if meant
                else did_you_mean(key, COLUMNS)
            )
            if not hint and _for_notes(header[index]):
                continue  # a PA's notes column is meant for people, not for pitchkit
            ignored = Message(
                "column '{column}' was ignored{hint}",
                column=header[index].strip(),
                hint=hint,
            )
            warnings.append(Located(str(path), ignored))
    return positions, warnings


#: The words of a numbered header (``Objective 1``, ``Obj 2``, ``Concern 3``) that name a
#: list column, whose numbered columns are read as its items in order (newuser28 #8).
_NUMBERED_NAMES = {
    "objective": "objectives",
    "objectives": "objectives",
    "obj": "objectives",
    "objs": "objectives",
    "amcan": "objectives",
    "amcanion": "objectives",
    "concern": "concerns",
    "concerns": "concerns",
    "pryder": "concerns",
    "pryderon": "concerns",
}
_NUMBERED_WORD = re.compile(r"^(?:no\.?|nos|number)?(\d{1,2})$")


def _numbered(header: str) -> tuple[str, int] | None:
    """The list column a numbered header names and its number, else ``None``.

    ``Objective 1``, ``Objective 2 (2026/27)``, ``Obj 3`` and ``Objective #4``
    name ``objectives``; ``Concern 1`` names ``concerns``; ``Priority 2`` (or
    goal, aim, target) names ``objectives`` as a look-alike (see
    :func:`_numbered_columns`), given as ``priority``. A year is not a number here.
    """
    words = _header_words(header.replace("#", " "))
    numbers = [match for word in words if (match := _NUMBERED_WORD.match(word))]
    if len(numbers) != 1 or len(words) != 2:
        return None
    [name] = [word for word in words if not _NUMBERED_WORD.match(word)]
    column = _NUMBERED_NAMES.get(name) or ("priority" if name in _OBJECTIVES_LOOKALIKES else None)
    return (column, int(numbers[0].group(1))) if column else None


#: The words a numbered list column's header is a misspelling of, as a PA would write them.
_NUMBERED_SPELT = {"objective": "Objective", "concern": "Concern"}


def misspelt_numbered(header: str) -> str | None:
    """``Objective 2`` for ``Objectve 2``: a numbered list column's header misspelt, else None.

    A header of a word and a number whose word is a letter or two from
    ``objective`` or ``concern`` (and not itself one pitchkit reads) is the
    numbered column misspelt; it is ignored, and named as that column.
    """
    import difflib

    if _numbered(header) is not None:
        return None
    words = _header_words(header.replace("#", " "))
    numbers = [match for word in words if (match := _NUMBERED_WORD.match(word))]
    if len(numbers) != 1 or len(words) != 2:
        return None
    [name] = [word for word in words if not _NUMBERED_WORD.match(word)]
    singular = name[:-1] if name.endswith("s") else name
    close = difflib.get_close_matches(singular, list(_NUMBERED_SPELT), n=1, cutoff=0.8)
    return f"{_NUMBERED_SPELT[close[0]]} {numbers[0].group(1)}" if close else None


def misspelt_objective_columns(team: DirectorsFile | None) -> list[str]:
    """The headers of ``team`` ignored as misspelt ``Objective N`` columns, as written."""
    if team is None:
        return []
    found: list[str] = []
    for warning in team.warnings:
        message = warning.message if isinstance(warning, Located) else warning
        if not isinstance(message, Message) or "column" not in message.args:
            continue
        column = str(message.args["column"])
        if (misspelt_numbered(column) or "").startswith("Objective "):
            found.append(column)
    return found


def _numbered_columns(header: Sequence[str], positions: Mapping[int, str]) -> dict[int, str]:
    """The numbered list columns of a header, by position, each read as its list column.

    A PA who keeps each director's objectives in ``Objective 1``, ``Objective 2``
    and ``Objective 3`` means one list: each is read as an item of
    ``objectives``, in the order of the numbers (blank cells skipped), after
    any ``objectives`` column's own. Numbered ``Priority``/``Goal``/``Aim``
    columns are read as the objectives only when the sheet has no other
    objectives, and otherwise ignored with a warning as before.
    """
    found = [
        (number, index, column)
        for index, cell in enumerate(header)
        if index not in positions and (named := _numbered(cell)) is not None
        for column, number in [named]
    ]
    has_objectives = {"objectives", *OTHER_LANGUAGE_COLUMNS} & set(positions.values()) or any(
        column == "objectives" for _, _, column in found
    )
    columns: dict[int, str] = {}
    for _, index, column in sorted(found):
        if column == "priority":
            if has_objectives:
                continue
            column = "objectives"
        columns[index] = column
    return columns


#: Words of a header plainly meant for notes to people, in English and Welsh: such a
#: column is passed over without a warning (newuser26 #7: "column 'Notes' was ignored"
#: on every run, for a column every PA's sheet has).
_NOTES_WORDS = frozenset(
    {
        "note",
        "notes",
        "comment",
        "comments",
        "remark",
        "remarks",
        "nodyn",
        "nodiadau",
        "sylw",
        "sylwadau",
    }
)


def _for_notes(header: str) -> bool:
    """Whether ``header`` names a column of notes or comments (``Notes``, ``PA notes``)."""
    return any(word in _NOTES_WORDS for word in _header_words(header))


def _blank_objectives_cell(director: Director) -> Message:
    """A blank objectives cell's warning: what the note says instead, and what to write there."""
    return Message(
        "empty: {name}'s note will say what their role usually answers for, not objectives of "
        "their own: write their objectives here, one a line",
        name=director.name,
    )


_NO_OBJECTIVES_COLUMN = Message(
    "there is no objectives column, so each note says what a director in that role usually "
    "answers for, not the director's own objectives: add a column headed 'objectives' with "
    "each director's objectives, one a line"
)


def _refuse_objectives_lookalike(
    path: Path, header_row: int, header: Sequence[str], positions: Mapping[int, str]
) -> None:
    """Raise when a column pitchkit ignores looks like the missing objectives column.

    Ignoring it with a warning would give every director their role's usual
    objectives, each note saying the project helps with them (newuser22 #1).
    """
    for index, cell in enumerate(header):
        if index in positions or not cell.strip() or not _means_objectives(cell):
            continue
        where = (
            f"{path}:{tabular.column_letter(index)}{header_row}"
            if path.suffix.lower() in (".xlsx", ".xlsm")
            else row_place(path, header_row)
        )
        message = Message(
            "column '{column}' is not one pitchkit reads, and there is no objectives column, "
            "so no director's own objectives would be used: rename '{column}' to 'objectives'",
            column=cell.strip(),
        )
        raise DirectorsError(Located(where, message))


def _from_rows(
    path: Path,
    header: tuple[int, list[str]],
    rows: list[tuple[int, list[str]]],
    formulas: Set[tuple[int, int]] = frozenset(),
) -> DirectorsFile:
    """Turn numbered rows into directors, skipping and reporting bad rows.

    ``formulas`` holds the (row, column index) of the cells that hold a
    formula, so one with no saved result is not called empty. A totals row
    (see :func:`_totals_row`) or a vacant post (:func:`_vacancy_row`) is
    left out with a warning.
    """
    positions, warnings = _columns(path, header)
    if not rows:
        raise DirectorsError(
            Located(str(path), Message("no directors below the header row: add one row each"))
        )
    directors: list[Director] = []
    problems: list[Renderable | str] = []
    duplicated: list[Renderable | str] = []
    former: dict[str, FormerIds] = {}
    welsh: dict[str, dict[str, str]] = {}
    roles_cy: dict[str, str] = {}
    concerns_cy: dict[str, tuple[str, ...]] = {}
    placed: dict[str, int] = {}
    seen: dict[str, int] = {}
    skipped: list[str] = []
    unlisted: list[tuple[Renderable | str, Director]] = []
    # The column a director's objectives are written in: 'objectives', or the
    # two-language sheet's 'objectives_en' (its English is the objectives).
    objectives_at = next(
        (column for column in ("objectives", "objectives_en") if column in positions.values()),
        None,
    )
    # Where a blank objectives cell is: the first numbered column when there is no other.
    objectives_label = objectives_at
    if objectives_at == "objectives" and "objectives" not in (
        _column_key(header[1][index]) for index in positions
    ):
        first = min(index for index, column in positions.items() if column == "objectives")
        objectives_label = header[1][first].strip()
    for number, row in rows:
        cells, removed = _row_cells(row, positions)
        warnings += [removed_warning(cell_place(path, number, col), what) for col, what in removed]
        unsaved = {
            column
            for index, column in positions.items()
            if not cells[column] and (number, index) in formulas
        }
        left_out = _totals_row(cells, unsaved) or _vacancy_row(cells)
        if left_out is not None:
            warnings.append(Located(row_place(path, number), left_out))
            continue
        warnings += [
            Located(cell_place(path, number, column), _UNSAVED_FORMULA)
            for column in OPTIONAL_COLUMNS
            if column in unsaved
        ]
        found = _row_problem(cells, seen, unsaved)
        made = FormerIds()
        in_welsh: dict[str, str] = {}
        welsh_concerns: list[str] = []
        director = (
            _director_or_problem(cells, made, in_welsh, welsh_concerns) if found is None else found
        )
        if isinstance(director, Director):
            seen[id_key(director.id)] = number
            placed[director.id] = number
            directors.append(director)
            if not director.objectives and objectives_at is not None:
                unlisted.append((cell_place(path, number, objectives_label or ""), director))
            if made.has_texts:
                former[director.id] = made
            if in_welsh:
                welsh[director.id] = in_welsh
            if cells.get(ROLE_CY, "").strip():
                roles_cy[director.id] = " ".join(cells[ROLE_CY].split())
            if welsh_concerns:
                concerns_cy[director.id] = tuple(welsh_concerns)
        else:
            column, what = director
            twice = column == "id" and id_key(cells["id"]) in seen
            if found is None:
                # Skipped for another column: its id still counts, so a later row cannot
                # take it and stand in for this director unnoticed.
                seen.setdefault(id_key(cells["id"]), number)
            problem = RowProblem(
                cell_place(path, number, column),
                what if twice else _left_out(what, cells.get("name", ""), cells.get("id", "")),
                director_id=cells.get("id", ""),
                name=cells.get("name", ""),
            )
            problems.append(problem)
            if twice:
                duplicated.append(problem)
            elif cells.get("id", "").strip():
                skipped.append(cells["id"].strip())
    warnings += no_objectives_warnings(unlisted, _blank_objectives_cell)
    return DirectorsFile(
        path,
        tuple(directors),
        tuple(problems),
        tuple(warnings),
        tuple(duplicated),
        former,
        welsh,
        placed,
        tuple(skipped),
        roles_cy,
        concerns_cy,
    )


def _row_cells(
    row: list[str], positions: Mapping[int, str]
) -> tuple[dict[str, str], list[tuple[str, list[Message | str]]]]:
    """The known columns of one row as cleaned text, and what cleaning removed from each."""
    cells: dict[str, str] = {}
    removed: list[tuple[str, list[Message | str]]] = []
    for index, column in positions.items():
        value, dropped = clean_text(
            unicodedata.normalize("NFC", row[index] if index < len(row) else "")
        )
        if dropped:
            removed.append((column, dropped))
        if cells.get(column) and column in LIST_COLUMNS:
            # A numbered column (Objective 2) adds its item to the column's others.
            cells[column] = "\n".join(part for part in (cells[column], value.strip()) if part)
        elif column not in cells or value.strip():
            cells[column] = value.strip()
    return cells, removed


#: What ``id`` or ``name`` says on a totals row at the foot of a team sheet.
_TOTALS_WORDS = frozenset(
    {"total", "totals", "grand total", "subtotal", "sub-total", "sum", "count", "cyfanswm"}
)
_NUMBER = re.compile(r"^[-+]?\d+(?:[.,]\d+)?$")
_UNSAVED_FORMULA = Message(
    "holds a formula with no saved value, so it reads as empty: open the file in Excel and "
    "save it (Excel saves each formula's value), or type the value in"
)


def _totals_row(cells: Mapping[str, str], unsaved: Set[str]) -> Message | None:
    """Why a row with no role is a totals row rather than a director, else ``None``.

    Its id or name says "Total" (or "Totals", "Grand total", "Count",
    "Cyfanswm"), or it has no id and its name is a number or a formula, as
    ``=COUNTA(B2:B9)`` is.
    """
    if cells.get("role"):
        return None
    for column in ("id", "name"):
        text = " ".join(cells.get(column, "").split()).rstrip(":").strip()
        if text.casefold() in _TOTALS_WORDS:
            return Message(
                "'{text}' with no role looks like a totals row, not a director, so it was left out",
                text=text,
            )
    name = cells.get("name", "")
    if not cells.get("id") and ("name" in unsaved or _NUMBER.match(name)):
        return Message(
            "a row with no id or role and a number or formula for a name looks like a totals "
            "row, not a director, so it was left out"
        )
    return None


#: Words a team sheet uses for a post with nobody in it (English and Welsh).
_VACANCY = re.compile(
    r"\b(?:vacant|vacancy|tbc|tba|tbd|to be (?:confirmed|appointed|announced|advised|"
    r"decided|recruited)|not yet appointed|gwag|i['\u2019]w (?:gadarnhau|benodi|phenodi))\b",
    re.IGNORECASE,
)


def _vacancy_row(cells: Mapping[str, str]) -> Message | None:
    """Why a row is a vacant post rather than a director, else ``None``.

    Its name is empty or says "Vacant" or "TBC" (or "to be appointed", and
    the like), and its name, role or id says so: a vacancy gets no note, so
    it is left out with a warning rather than reported as a broken row. A
    row with no name and a plain role is still a problem: the name may
    simply be missing.
    """
    name = cells.get("name", "")
    if name and not _VACANCY.search(name):
        return None
    marked = next(
        (
            cells[column]
            for column in ("name", "role", "id")
            if _VACANCY.search(cells.get(column, ""))
        ),
        None,
    )
    if marked is None:
        return None
    return Message(
        "'{text}' looks like a vacant post, not a director, so it was left out: when someone "
        "is in post, put their name in the row",
        text=" ".join(marked.split()),
    )


def _row_problem(
    cells: Mapping[str, str], seen: Mapping[str, int], unsaved: Set[str] = frozenset()
) -> tuple[str, Renderable | str] | None:
    """The first thing wrong with a row's id, name or role, as (column, message)."""
    for column in REQUIRED_COLUMNS:
        if not cells.get(column) and column in unsaved:
            return column, _UNSAVED_FORMULA
        if not cells.get(column):
            found: Renderable = Message("empty, but required: {advice}", advice=_ADVICE[column])
            # The other empty cells too, so one fix mends the row (no id and no name).
            for other in REQUIRED_COLUMNS[REQUIRED_COLUMNS.index(column) + 1 :]:
                if not cells.get(other) and other not in unsaved:
                    found = Message(
                        "{found}; column {column} is empty too: {advice}",
                        found=found,
                        column=other,
                        advice=_ADVICE[other],
                    )
            return column, found
    director_id = cells["id"]
    if not _ID_PATTERN.match(director_id) or len(director_id) > _ID_MAX:
        return "id", Message(
            "'{id}' is not a usable id: use up to {most} letters, digits, '-' or '_' with no "
            "spaces, e.g. 'dof'",
            id=director_id,
            most=_ID_MAX,
        )
    if id_key(director_id) in seen:
        return "id", Message(
            "'{id}' is already used on row {row}: give each director their own id",
            id=director_id,
            row=seen[id_key(director_id)],
        )
    return None


_THEME_SEPARATORS = re.compile(r"[,/&+\s]+|\band\b", re.IGNORECASE)
#: What a line of the themes cell says for an objective with no themes.
_NO_THEMES = frozenset({"-", "–", "none", "dim"})


def _objective_themes(cell: str, objectives: int) -> list[list[str]] | Renderable:
    """The themes each objective of a row declares, from its ``themes`` cell, or what is wrong.

    The cell holds one line of themes for each objective, in the order of
    the objectives cell (or, on one line, one item between semicolons for
    each), such as ``outcomes, safety``; ``-`` is an objective with none.
    """
    lines = cell_items(cell)
    if not lines:
        return []
    if len(lines) != objectives:
        return Plural(
            "has {n} line of themes for {objectives} objectives: give one line of themes for "
            "each objective, in the same order (a line '-' for one with none)",
            "has {n} lines of themes for {objectives} objectives: give one line of themes for "
            "each objective, in the same order (a line '-' for one with none)",
            len(lines),
            objectives=objectives,
        )
    found: list[list[str]] = []
    for line in lines:
        if line.strip().casefold() in _NO_THEMES:
            found.append([])
            continue
        words = [word.casefold() for word in _THEME_SEPARATORS.split(line) if word]
        for word in words:
            if word not in THEMES:
                hint = did_you_mean(word, THEMES)
                if hint:
                    return Message(
                        "'{word}' is not one of pitchkit's themes{hint}", word=word, hint=hint
                    )
                return Message(
                    "'{word}' is not one of pitchkit's themes: use {themes}",
                    word=word,
                    themes=", ".join(THEMES),
                )
        found.append(list(dict.fromkeys(words)))
    return found


def _director_or_problem(
    cells: Mapping[str, str],
    former: FormerIds | None = None,
    welsh: dict[str, str] | None = None,
    welsh_concerns: list[str] | None = None,
) -> Director | tuple[str, Renderable | str]:
    """Validate one row as a director, or say which column is wrong.

    ``former`` receives the former ids of the objectives given ids here
    (:func:`objectives_from_items`); ``welsh`` the Welsh of each objective
    the row gives in both languages, by id (:func:`_bilingual`);
    ``welsh_concerns`` the Welsh of its concerns (:func:`_concerns`).
    """
    data: dict[str, Any] = {}
    for column, value in cells.items():
        if column == "themes" or column in OTHER_LANGUAGE_COLUMNS:
            continue  # given to the objectives below
        if column in CONCERNS_OTHER_LANGUAGE:
            continue  # given to the concerns below
        if column == ROLE_CY:
            continue  # kept apart for Welsh notes (DirectorsFile.roles_cy)
        if column in LIST_COLUMNS:
            data[column] = cell_items(value)
        elif value:
            data[column] = value
    english, in_welsh, wrong = _bilingual(data.get("objectives", []), cells)
    if wrong is not None:
        return wrong
    concerns = _concerns(cells)
    if isinstance(concerns, tuple):
        return concerns
    if concerns[0]:
        data["concerns"] = concerns[0]
    if welsh_concerns is not None:
        welsh_concerns[:] = concerns[1]
    data["objectives"] = objectives_from_items(english, former)
    if welsh is not None:
        for objective, text in zip(data["objectives"], in_welsh, strict=True):
            if text is not None and text != objective["text"]:
                welsh[objective["id"]] = text
    themes = _objective_themes(cells.get("themes", ""), len(data["objectives"]))
    if isinstance(themes, Renderable):
        return "themes", themes
    for objective, declared in zip(data["objectives"], themes, strict=False):
        if declared:
            objective["themes"] = declared
    checked = _checked_director(data)
    if isinstance(checked, Director):
        return checked
    column = str(checked.loc[0]) if checked.loc else "id"
    return column, checked.message


def _concerns(cells: Mapping[str, str]) -> list[list[str]] | tuple[str, Renderable]:
    """The row's concerns in English and their Welsh (empty when not given), or a problem.

    ``concerns_cy`` gives the Welsh of the concerns in ``concerns``, item for
    item; ``concerns_en`` the English of concerns written in Welsh there
    (or the concerns themselves, with no ``concerns`` column).
    """
    given = cell_items(cells.get("concerns", ""))
    given_en = cell_items(cells.get("concerns_en", ""))
    given_cy = cell_items(cells.get("concerns_cy", ""))
    if given_en and given:  # the concerns in Welsh, their English in concerns_en
        english, welsh, column, other = given_en, given, "concerns_en", "concerns"
    elif given_en:
        english, welsh, column, other = given_en, given_cy, "concerns_cy", "concerns_en"
    else:
        english, welsh, column, other = given, given_cy, "concerns_cy", "concerns"
    if welsh and len(welsh) != len(english):
        here, there = (english, welsh) if column == "concerns_en" else (welsh, english)
        return (
            column,
            Message(
                "give each concern in '{other}' in the other language here, in the same "
                "order, one a line or separated by ';' ({count} in '{other}', {given} here)",
                other=other,
                count=len(there),
                given=len(here),
            ),
        )
    return [english, welsh]


def _bilingual(
    items: list[str], cells: Mapping[str, str]
) -> tuple[list[str], list[str | None], tuple[str, Renderable] | None]:
    """The row's objectives in English, the Welsh of each (None when not given), any problem.

    ``objectives_en`` gives the English of the items in ``objectives`` (then
    written in Welsh), ``objectives_cy`` their Welsh (then written in
    English), item for item: the same number, in the same order. An item
    written ``{en: ..., cy: ...}``, as in a facts file, gives both itself. A
    ``personal:`` mark in ``objectives`` carries over. Or the column that
    does not match, and how to make it match, as the third item.
    """
    given_en = cell_items(cells.get("objectives_en", ""))
    if not items and given_en:
        # No 'objectives' column (or an empty cell), but the English in objectives_en: the
        # natural two-column sheet. Its English is the objectives; objectives_cy their Welsh.
        return _from_english(given_en, cell_items(cells.get("objectives_cy", "")))
    english: list[str] = list(items)
    welsh: list[str | None] = [None] * len(items)
    for index, item in enumerate(items):  # {en: ..., cy: ...} typed into the cell, as in YAML
        pair = _PAIR.match(item) or _PAIR_CY_FIRST.match(item)
        if pair is not None:
            mark = f"{PERSONAL_PREFIX} " if item.lower().startswith(PERSONAL_PREFIX) else ""
            english[index], welsh[index] = mark + pair["en"], pair["cy"]
    for column, code in OTHER_LANGUAGE_COLUMNS.items():
        other = cell_items(cells.get(column, ""))
        if not other:
            continue
        if not items:
            return (
                english,
                welsh,
                (
                    column,
                    Message(
                        "this column gives the Welsh of each objective: write them in English "
                        "in 'objectives_en' (or 'objectives') too, in the same order"
                    )
                    if code == "cy"
                    else Message(
                        "this column gives each objective in the other language: write the "
                        "objectives themselves in 'objectives' too"
                    ),
                ),
            )
        if len(other) != len(items):
            return (
                english,
                welsh,
                (
                    column,
                    Message(
                        "give each objective in 'objectives' in the other language here, in "
                        "the same order, separated by ';' ({count} in 'objectives', {given} "
                        "here)",
                        count=len(items),
                        given=len(other),
                    ),
                ),
            )
        for index, text in enumerate(other):
            text = _unmarked(text)
            marked = english[index].lower().startswith(PERSONAL_PREFIX)
            if code == "en":
                welsh[index] = _unmarked(english[index])
                english[index] = f"{PERSONAL_PREFIX} {text}" if marked else text
            else:
                welsh[index] = text
    return english, welsh, None


def _from_english(
    english: list[str], given_cy: list[str]
) -> tuple[list[str], list[str | None], tuple[str, Renderable] | None]:
    """A row whose objectives are in ``objectives_en``, with their Welsh in ``objectives_cy``."""
    if given_cy and len(given_cy) != len(english):
        return (
            english,
            [None] * len(english),
            (
                "objectives_cy",
                Message(
                    "give each objective in 'objectives_en' in Welsh here, in the same order, "
                    "separated by ';' ({count} in 'objectives_en', {given} here)",
                    count=len(english),
                    given=len(given_cy),
                ),
            ),
        )
    welsh: list[str | None] = [_unmarked(text) for text in given_cy] or [None] * len(english)
    return english, welsh, None


_PAIR = re.compile(
    r"^(?:personal:\s*)?\{\s*en\s*:\s*(?P<en>.+?)\s*,\s*cy\s*:\s*(?P<cy>.+?)\s*\}$",
    re.IGNORECASE | re.DOTALL,
)
_PAIR_CY_FIRST = re.compile(
    r"^(?:personal:\s*)?\{\s*cy\s*:\s*(?P<cy>.+?)\s*,\s*en\s*:\s*(?P<en>.+?)\s*\}$",
    re.IGNORECASE | re.DOTALL,
)


def _unmarked(text: str) -> str:
    """``text`` without a ``personal:`` or ``organisational:`` mark."""
    lowered = text.strip().lower()
    for prefix in (PERSONAL_PREFIX, *_ORGANISATIONAL_PREFIXES):
        if lowered.startswith(prefix):
            return text.strip()[len(prefix) :].strip()
    return text.strip()


def _checked_director(data: dict[str, Any]) -> Director | Problem:
    """The director ``data`` describes, or the first problem with it (as the model words it).

    A clean director is built without pydantic (:mod:`pitchkit.facts.quickfacts`).
    """
    from pitchkit.facts.quickfacts import build

    built = build(Director, data)
    if built is not None:
        return built
    from pydantic import ValidationError

    from pitchkit.facts import models
    from pitchkit.facts.schema import as_record

    try:
        return as_record(models.Director.model_validate(data))  # type: ignore[no-any-return]
    except ValidationError as error:
        return describe_errors(error, models.Director)[0]


# --- YAML ------------------------------------------------------------------------------


def _load_yaml(path: Path) -> DirectorsFile:
    """Read a YAML list of directors, or a mapping with a ``directors:`` list."""
    try:
        source = load_yaml(path)
    except FactsError as error:
        raise DirectorsError(Joined(error.parts, "\n")) from None
    items, where = _yaml_items(source)
    directors: list[Director] = []
    problems: list[Renderable | str] = []
    duplicated: list[Renderable | str] = []
    former: dict[str, FormerIds] = {}
    seen: dict[str, str] = {}
    left_out: list[str] = []
    warnings: list[Renderable | str] = []
    unlisted: list[tuple[Renderable | str, Director]] = []
    for index, item in enumerate(items):
        loc: Loc = (*where, index)
        problem = _yaml_problem(source, loc, item, seen)
        if problem is not None:
            if isinstance(problem, _DuplicateId):
                duplicated.append(problem)
            else:
                problem = _yaml_left_out(problem, item)
                given = item.get("id") if isinstance(item, dict) else None
                if isinstance(given, str) and _ID_PATTERN.match(given):
                    # Skipped for another field: its id still counts, so a later entry
                    # cannot take it and stand in for this director unnoticed.
                    seen.setdefault(id_key(given), dotted(loc))
                if isinstance(given, str) and given.strip():
                    left_out.append(given.strip())
            problems.append(problem)
            continue
        made = FormerIds()
        director = _checked_director(_yaml_director(item, made))
        assert isinstance(director, Director)  # checked by _yaml_problem
        seen[id_key(director.id)] = dotted(loc)
        directors.append(director)
        if not director.objectives:
            unlisted.append((source.where(loc), director))
        if made.has_texts:
            former[director.id] = made
    warnings += no_objectives_warnings(unlisted, no_objectives_listed)
    return DirectorsFile(
        path,
        tuple(directors),
        tuple(problems),
        (*source.warnings, *warnings),
        tuple(duplicated),
        former,
        left_out=tuple(left_out),
    )


def _yaml_items(source: Source) -> tuple[list[Any], Loc]:
    """The list of directors in a YAML file, and where it sits."""
    data = source.data
    where: Loc = ()
    if isinstance(data, dict) and "directors" in data:
        data, where = data["directors"], ("directors",)
    if not isinstance(data, list) or not data:
        message = Message(
            "expected a list of directors (each starting with '- id: ...'), or a 'directors:' list"
        )
        raise DirectorsError(Located(source.where(where), message))
    return data, where


def _yaml_director(item: dict[str, Any], former: FormerIds | None = None) -> dict[str, Any]:
    """A YAML director with text objectives given ids and kinds (former ids into ``former``)."""
    data = dict(item)
    objectives = data.get("objectives")
    if isinstance(objectives, list):
        data["objectives"] = objectives_from_items(objectives, former)
    return data


def _yaml_problem(source: Source, loc: Loc, item: Any, seen: Mapping[str, str]) -> Located | None:
    """What is wrong with one YAML director, located, or ``None``."""
    if not isinstance(item, dict):
        return Located(
            f"{source.where(loc)}: {dotted(loc)}",
            Message("expected a director's fields (id, name, role)"),
        )
    director = _checked_director(_yaml_director(item))
    if not isinstance(director, Director):
        full = (*loc, *director.loc)
        message = _qualified_objective_id(item, director) or director.message
        return Located(f"{source.where(full)}: {dotted(full)}", message)
    if id_key(director.id) in seen:
        full = (*loc, "id")
        message = Message(
            "'{id}' is already used by {earlier}: give each director their own id",
            id=director.id,
            earlier=seen[id_key(director.id)],
        )
        return _DuplicateId(f"{source.where(full)}: {dotted(full)}", message)
    return None


def _qualified_objective_id(item: Mapping[str, Any], problem: Problem) -> Message | None:
    """The fix for an objective id written with its director's id in front, else ``None``.

    ``dof.cip`` under director ``dof`` is what a facts file's ``supports:``
    says, so it is a natural slip: the objective's own id is ``cip``.
    """
    if len(problem.loc) != 3 or problem.loc[0] != "objectives" or problem.loc[2] != "id":
        return None
    director_id, objectives = item.get("id"), item.get("objectives")
    if not isinstance(director_id, str) or not isinstance(objectives, list):
        return None
    index = problem.loc[1]
    objective = objectives[index] if isinstance(index, int) and index < len(objectives) else None
    given = objective.get("id") if isinstance(objective, dict) else None
    prefix = f"{director_id}."
    if not isinstance(given, str) or not given.casefold().startswith(prefix.casefold()):
        return None
    own = given[len(prefix) :]
    if not _ID_PATTERN.match(own) or len(own) > _OBJECTIVE_ID_MAX:
        return None
    return Message(
        "'{value}' has the director's id in front: write 'id: {own}' here (a facts file "
        "then links to it as '{value}')",
        value=given,
        own=own,
    )


def _yaml_left_out(problem: Located, item: Any) -> Located:
    """``problem`` saying which director it leaves out, named as the entry names them."""
    if not isinstance(item, dict):
        return problem
    name, given = item.get("name"), item.get("id")
    return Located(
        problem.where,
        _left_out(
            problem.message,
            name if isinstance(name, str) else "",
            given if isinstance(given, str) else "",
        ),
    )


def _left_out(what: Renderable | str, name: str, director_id: str) -> Renderable | str:
    """``what`` is wrong, and the director it leaves out until it is fixed.

    A director skipped without a word would be missed: the team looks
    complete, and nobody is briefed for them.
    """
    name, director_id = name.strip(), director_id.strip()
    who = f"{name} ({director_id})" if name and director_id else name or director_id
    if not who:
        return what
    return Message("{problem}; {who} is left out until this is fixed", problem=what, who=who)


class _DuplicateId(Located):
    """A YAML director whose id an earlier one already has."""

    __slots__ = ()
