"""User text in another language than the document's: shown apart, never spliced in.

A Welsh note is written in Welsh by pitchkit, but the facts file may give a
text in English only (``{en: ...}`` with no ``cy:``, or plain English). Put
into a Welsh sentence it would read as a mix ("Rydym hefyd yn gofyn i chi:
sign the ..."), so such a text is shown instead as a quoted item on a line
of its own after a sentence that is all Welsh; with ``--strict`` the note
is refused and each field to translate is named with its line.

Whether a plain text is English is judged by :mod:`pitchkit.i18n.welsh`:
its small words (the, and, of ... against y, yn, ac, mae ...) and its
words' spelling (w and y as vowels, dd, ll- ... against k, v, sh, -ing ...).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from pitchkit.errors import PitchkitError
from pitchkit.facts.tabular import cell_place
from pitchkit.facts.yamlsource import Source, dotted
from pitchkit.i18n.fmt import unit_as_written
from pitchkit.i18n.messages import Joined, Plural, Renderable
from pitchkit.i18n.translation import Language, language
from pitchkit.i18n.welsh import reads_as_english
from pitchkit.period import Period, parse_period

if TYPE_CHECKING:
    from pitchkit.facts.schema import LoadedFacts


def looks_english(text: str) -> bool:
    """Whether ``text`` reads as English rather than Welsh (see :mod:`pitchkit.i18n.welsh`)."""
    return reads_as_english(text)


def foreign(text: str, lang: Language) -> bool:
    """Whether ``text`` would be a foreign splice in a document in ``lang`` (Welsh only)."""
    return lang.lang == "cy" and bool(str(text).strip()) and looks_english(text)


#: Fields of the facts file a briefing note shows, as paths (``*`` for each item).
NOTE_FIELDS: tuple[tuple[str | int, ...], ...] = (
    ("project", "title"),
    # In every page's header (newuser31 #3); an NHS Wales body's English name is
    # already put into Welsh when the file is read (facts.yamlsource).
    ("project", "organisation"),
    ("project", "problem"),
    ("project", "change"),
    ("project", "strategy", "*"),
    ("project", "evidence", "*"),
    ("project", "funding", "source"),
    ("impacts", "*", "measure"),
    ("impacts", "*", "unit"),
    # The unit cost's source, in the note's line of unit costs used.
    ("impacts", "*", "value", "source"),
    ("asks", "*"),
    ("advice", "*"),
    ("offer", "*"),
)


def _walk(data: Any, path: tuple[str | int, ...], done: tuple[str | int, ...]) -> Iterator[Any]:
    if not path:
        yield done, data
        return
    head, rest = path[0], path[1:]
    if head == "*":
        if isinstance(data, list):
            for index, item in enumerate(data):
                yield from _walk(item, rest, (*done, index))
        return
    in_map = isinstance(data, dict) and head in data
    in_list = isinstance(head, int) and isinstance(data, list) and 0 <= head < len(data)
    if in_map or in_list:
        yield from _walk(data[head], rest, (*done, head))


#: Fields of an entry of the progress log that a progress update shows.
ENTRY_FIELDS: tuple[tuple[str | int, ...], ...] = (
    ("summary",),
    ("done", "*"),
    ("next", "*"),
    ("barriers", "*"),
    ("asks", "*"),
    ("advice", "*"),
)


def update_fields(data: Any, period: Period) -> tuple[tuple[str | int, ...], ...]:
    """The fields a progress update for ``period`` shows: the project's, and its log entries'.

    An entry counts when it falls inside ``period`` (a quarter's months too).
    """
    paths: list[tuple[str | int, ...]] = [
        ("project", "title"),
        ("project", "organisation"),
        ("impacts", "*", "measure"),
        ("impacts", "*", "unit"),
    ]
    updates = data.get("updates") if isinstance(data, dict) else None
    for index, entry in enumerate(updates if isinstance(updates, list) else []):
        try:
            logged = parse_period(str(entry.get("period", ""))) if isinstance(entry, dict) else None
        except PitchkitError:
            continue
        if logged is not None and period.start <= logged.start and logged.end <= period.end:
            paths.extend(("updates", index, *field) for field in ENTRY_FIELDS)
    return tuple(paths)


#: Fields of the director a note is for that it shows, under ``directors[n]``.
DIRECTOR_FIELDS: tuple[tuple[str | int, ...], ...] = (
    ("role",),
    ("objectives", "*"),
    ("objectives", "*", "text"),
    ("concerns", "*"),
)


def given_in_welsh(source: Source) -> frozenset[tuple[str | int, ...]]:
    """Where the facts file gives a text as ``{en: ..., cy: ...}`` with its Welsh filled in.

    That Welsh is the user's own, so it is shown as written and never judged English.
    """
    untranslated = {tuple(loc) for loc in source.untranslated}
    return frozenset(
        tuple(loc[:-1])
        for loc in source.positions
        if loc and loc[-1] == "cy" and tuple(loc[:-1]) not in untranslated
    )


def english_fields(
    data: Any,
    director_id: str | None = None,
    welsh: Collection[tuple[str | int, ...]] = (),
    fields: Sequence[tuple[str | int, ...]] = NOTE_FIELDS,
    own_director: bool = True,
) -> list[tuple[tuple[str | int, ...], str]]:
    """The fields a note shows whose text (as resolved for Welsh) reads as English.

    With ``director_id``, the role, objectives and concerns of that director
    (as the facts file lists them) are looked at too, and the lead's role.
    A field in ``welsh`` (see :func:`given_in_welsh`) is the user's Welsh and
    is never listed. ``fields`` are the note's own (a briefing note's by
    default; :func:`update_fields` for a progress update). ``own_director`` False
    leaves out the facts file's own entry for ``director_id``: a ``--directors``
    team file's row of the same id is what the note shows (:func:`from_team`).
    """
    paths = list(fields)
    if director_id is not None:
        paths.append(("project", "lead", "role"))
        directors = data.get("directors") if isinstance(data, dict) else None
        for index, director in enumerate(directors if isinstance(directors, list) else []):
            if not own_director:
                break  # the team file's row is what the note shows (team_roles)
            if isinstance(director, dict) and director.get("id") == director_id:
                paths.extend(("directors", index, *field) for field in DIRECTOR_FIELDS)
    cymraeg = language("cy")
    found: list[tuple[tuple[str | int, ...], str]] = []
    for path in paths:
        for where, value in _walk(data, path, ()):
            if where in welsh:
                continue
            if where[-1] == "unit" and not unit_as_written(str(value or ""), cymraeg):
                continue  # a unit pitchkit words in Welsh itself (days: diwrnod), or money
            if isinstance(value, str) and value.strip() and looks_english(value):
                found.append((where, value))
    return found


def team_roles(
    loaded: LoadedFacts, director_ids: Sequence[str]
) -> list[tuple[tuple[str | int, ...], str]]:
    """The roles of ``director_ids`` that a ``--directors`` team file gave and stay English.

    A Welsh note shows the team's ``role_cy``, or the Welsh of a title pitchkit
    recognises (:meth:`pitchkit.facts.directors.DirectorsFile.team`); any other
    role reads as the sheet wrote it, so it is named as ``directors.ID.role``.
    A director the facts file lists itself is looked at by :func:`english_fields`.
    """
    data = loaded.source.data
    listed = data.get("directors") if isinstance(data, dict) else None
    own = {d.get("id") for d in listed if isinstance(d, dict)} if isinstance(listed, list) else ()
    found: list[tuple[tuple[str | int, ...], str]] = []
    for director in loaded.facts.directors:
        if director.id not in director_ids:
            continue
        if director.id in own and not from_team(loaded, director.id):
            continue
        if looks_english(director.role):
            found.append((("directors", director.id, "role"), director.role))
        # The concerns the note quotes back to the director, when the sheet gives no
        # 'concerns_cy' (newuser37 #2: "Eich pryderon …: Insourcing … above plan").
        english = [c for c in director.concerns if looks_english(c)]
        if english:
            found.append((("directors", director.id, "concerns"), "; ".join(english)))
    return found


def from_team(loaded: LoadedFacts, director_id: str | None) -> bool:
    """Whether the note to ``director_id`` shows a ``--directors`` team sheet's row.

    It does when the sheet has a row of that id, even when the facts file lists a
    director of the same id too (``pitchkit init`` writes one): the sheet's row is
    the one read (newuser41 #1: "Eich pryderon …: Out-of-area placements" went
    unwarned, as only the facts file's Welsh entry was looked at).
    """
    return director_id is not None and director_id in loaded.facts.team_rows


def _english_found(
    loaded: LoadedFacts, director_id: str | None, fields: Sequence[tuple[str | int, ...]]
) -> list[tuple[tuple[str | int, ...], str]]:
    """The English fields of the note to ``director_id``: the facts file's, then the team's."""
    welsh = given_in_welsh(loaded.source)
    own = not from_team(loaded, director_id)
    found = english_fields(loaded.source.data, director_id, welsh, fields, own_director=own)
    return found + team_roles(loaded, [director_id] if director_id else [])


def _place(loaded: LoadedFacts, where: tuple[str | int, ...]) -> Renderable | str:
    """Where a field is: its line in the facts file, or a team file's cell (else its id alone)."""
    if _in_team(where):
        row = loaded.facts.team_rows.get(str(where[1]))
        if row is not None:
            return cell_place(row[0], row[1], str(where[2]))
    if len(where) == 3 and where[0] == "directors" and isinstance(where[1], str):
        return f"--directors {where[1]}.{where[2]}"
    return f"{loaded.source.where(where)} {dotted(where)}"


def english_in_welsh(
    loaded: LoadedFacts,
    director_id: str | None = None,
    fields: Sequence[tuple[str | int, ...]] = NOTE_FIELDS,
) -> Renderable | None:
    """For ``--strict``: the fields a Welsh note would show in English, located, or ``None``."""
    found = _english_found(loaded, director_id, fields)
    if not found:
        return None
    places = Joined([_place(loaded, where) for where, _text in found], "; ")
    said = Plural(
        "--strict: the Welsh note would show English text from {n} field: {places}; "
        "give it a Welsh version ({{en: ..., cy: ...}}) or leave out --strict to show "
        "it as written",
        "--strict: the Welsh note would show English text from {n} fields: {places}; "
        "give each a Welsh version ({{en: ..., cy: ...}}) or leave out --strict to show "
        "them as written",
        len(found),
        places=places,
    )
    return _with_team_hint(said, found)


def _notes_english_fields(
    loaded: LoadedFacts,
    director_ids: Sequence[str],
    fields: Sequence[tuple[str | int, ...]],
) -> list[tuple[tuple[str | int, ...], str]]:
    """The English fields the notes to ``director_ids`` would show, each once, then roles."""
    welsh = given_in_welsh(loaded.source)
    found: list[tuple[tuple[str | int, ...], str]] = []
    for director_id in director_ids:
        own = not from_team(loaded, director_id)
        for item in english_fields(
            loaded.source.data, director_id, welsh, fields, own_director=own
        ):
            if item not in found:
                found.append(item)
    return found + team_roles(loaded, director_ids)


def notes_english_in_welsh(
    loaded: LoadedFacts,
    director_ids: Sequence[str],
    fields: Sequence[tuple[str | int, ...]] = NOTE_FIELDS,
) -> Renderable | None:
    """:func:`english_in_welsh` for a batch's notes to ``director_ids``, each field once."""
    found = _notes_english_fields(loaded, director_ids, fields)
    if not found:
        return None
    places = Joined([_place(loaded, where) for where, _text in found], "; ")
    said = Plural(
        "--strict: the Welsh notes would show English text from {n} field: {places}; "
        "give it a Welsh version ({{en: ..., cy: ...}}) or leave out --strict to show "
        "it as written",
        "--strict: the Welsh notes would show English text from {n} fields: {places}; "
        "give each a Welsh version ({{en: ..., cy: ...}}) or leave out --strict to show "
        "them as written",
        len(found),
        places=places,
    )
    return _with_team_hint(said, found)


def english_warning(
    loaded: LoadedFacts,
    director_id: str | None = None,
    fields: Sequence[tuple[str | int, ...]] = NOTE_FIELDS,
) -> Renderable | None:
    """Without ``--strict``: one line saying how much of a Welsh note will be in English."""
    found = _english_found(loaded, director_id, fields)
    if not found:
        return None
    shown, more = _field_list(found, loaded)
    said = Plural(
        "the Welsh note shows English text from {n} field ({fields}{more}): "
        "give it a Welsh version ({{en: ..., cy: ...}}), or add --strict to stop instead",
        "the Welsh note shows English text from {n} fields ({fields}{more}): "
        "give each a Welsh version ({{en: ..., cy: ...}}), or add --strict to stop instead",
        len(found),
        fields=shown,
        more=more,
    )
    return _with_team_hint(said, found)


def notes_english_warning(
    loaded: LoadedFacts,
    director_ids: Sequence[str],
    fields: Sequence[tuple[str | int, ...]] = NOTE_FIELDS,
) -> Renderable | None:
    """As :func:`english_warning`, once for the notes to ``director_ids`` (a batch's).

    Each field is counted once, however many of the notes show it
    (:func:`notes_english_in_welsh` is the same count for ``batch --strict``).
    """
    found = _notes_english_fields(loaded, director_ids, fields)
    if not found:
        return None
    shown, more = _field_list(found, loaded)
    said = Plural(
        "the Welsh notes show English text from {n} field ({fields}{more}): "
        "give it a Welsh version ({{en: ..., cy: ...}}), or add --strict to stop instead",
        "the Welsh notes show English text from {n} fields ({fields}{more}): "
        "give each a Welsh version ({{en: ..., cy: ...}}), or add --strict to stop instead",
        len(found),
        fields=shown,
        more=more,
    )
    return _with_team_hint(said, found)


def _with_team_hint(
    said: Renderable, found: Sequence[tuple[tuple[str | int, ...], str]]
) -> Renderable:
    """``said``, and where a team sheet's English cells take their Welsh, when any is found.

    A cell of a ``--directors`` sheet cannot hold ``{en: ..., cy: ...}``: its Welsh goes
    in a column of its own, ``concerns_cy`` or ``role_cy`` (newuser41 #2).
    """
    columns = sorted(
        {f"{where[2]}_cy" for where, _text in found if len(where) == 3 and _team_field(where)}
    )
    if not columns:
        return said
    hint = Plural(
        "In the team sheet, put the Welsh in a {columns} column beside it.",
        "In the team sheet, put the Welsh in {columns} columns beside them.",
        len(columns),
        columns=", ".join(columns),
    )
    return Joined([said, hint], ". ")


def _team_field(where: tuple[str | int, ...]) -> bool:
    """Whether ``where`` is a team sheet's field (:func:`team_roles`: ``directors.ID.role``)."""
    return len(where) == 3 and where[0] == "directors" and isinstance(where[1], str)


def _in_team(where: tuple[str | int, ...]) -> bool:
    """Whether ``where`` is a team sheet's concerns (:func:`team_roles`), named by its cell."""
    return len(where) == 3 and where[0] == "directors" and where[2] == "concerns"


def _field_list(
    found: Sequence[tuple[tuple[str | int, ...], str]], loaded: LoadedFacts
) -> tuple[Renderable, str]:
    """The first four fields ``found``, dotted, and ``, +N`` for the rest (or nothing).

    A team sheet's field is named by its cell: ``team.csv:row 4: column concerns``.
    """
    in_team = [w for w in found if _in_team(w[0])]
    # The team sheet's fields first: four of the facts file's would otherwise hide them.
    ordered = [*in_team, *(w for w in found if w not in in_team)]
    shown = Joined(
        [
            _place(loaded, where) if (where, text) in in_team else dotted(where)
            for where, text in ordered[:4]
        ],
        ", ",
    )
    left = len(found) - 4
    return shown, ", +" + str(left) if left > 0 else ""
