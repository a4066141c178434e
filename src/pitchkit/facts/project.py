"""Open a project: its facts, read in the language its documents will be written in.

Also picks the director a document is for. Every command starts here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pitchkit.errors import DirectorsError
from pitchkit.facts.ids import role_matches
from pitchkit.facts.schema import Director, Facts, LoadedFacts, load_facts
from pitchkit.facts.validation import Team, did_you_mean
from pitchkit.facts.yamlsource import Parsed, declared_locale, parse_yaml
from pitchkit.i18n.messages import Located, Message, Renderable
from pitchkit.i18n.translation import N_, Language, language


@dataclass(frozen=True)
class Project:
    """Facts loaded in the language the documents will be written in."""

    loaded: LoadedFacts
    lang: Language

    @property
    def facts(self) -> Facts:
        """The validated facts."""
        return self.loaded.facts


def open_project(
    facts_path: str | Path,
    *,
    locale: str | None = None,
    default_locale: str | None = None,
    parsed: Parsed | None = None,
    team: Team | None = None,
) -> Project:
    """Load the facts, choosing the language from ``locale`` or ``settings.locale``.

    ``default_locale`` (the user's own setting) is used when the facts file
    names no language of its own. The file is read and parsed once (or not
    at all when ``parsed`` is given), however many languages it is resolved to.
    ``team``, the ``--directors`` file's directors, is checked with the
    file's own (:func:`~pitchkit.facts.validation.semantic_problems`).
    """
    if locale is not None:
        lang = language(locale)  # an unknown locale fails before any reading
        return Project(load_facts(facts_path, lang=lang.lang, parsed=parsed, team=team), lang)
    parsed = parsed or parse_yaml(Path(facts_path))
    loaded = load_facts(facts_path, parsed=parsed, team=team)
    declared = declared_locale(loaded.source.data) if default_locale else None
    lang = language(declared or default_locale or loaded.facts.settings.locale)
    if lang.lang != "en":
        loaded = load_facts(facts_path, lang=lang.lang, parsed=parsed, team=team)
    return Project(loaded, lang)


def pick_director(facts: Facts, director_id: str | None, *, source: str = "") -> Director:
    """Return the director asked for, else the meeting's director, else the only one."""
    if not facts.directors:
        raise DirectorsError(
            Located(
                source,
                Message(
                    "no directors: add a 'directors:' list to the facts file, or pass "
                    "--directors FILE"
                ),
            )
        )
    ids = ", ".join(d.id for d in facts.directors)
    wanted = director_id or (facts.meeting.director if facts.meeting else None)
    if wanted is None and len(facts.directors) == 1:
        return facts.directors[0]
    if wanted is None:
        raise DirectorsError(
            Located(
                source,
                Message("say which director the note is for: --director ID ({ids})", ids=ids),
            )
        )
    director = facts.director(wanted)
    if director is None:
        hint = director_hint(wanted, facts.directors)
        # "did you mean 'dof'?: choose one of ..." read badly (newuser38 #12).
        text = (
            N_("no director has the id '{wanted}'{hint} If not, choose one of {ids}")
            if isinstance(hint, Message) and hint.text.endswith("?")
            else N_("no director has the id '{wanted}'{hint}: choose one of {ids}")
        )
        raise DirectorsError(Located(source, Message(text, wanted=wanted, hint=hint, ids=ids)))
    return director


def director_hint(wanted: str, directors: Sequence[Director]) -> Renderable | str:
    """``: did you mean 'dof' (Martin Okonjo, Chief Finance Officer)?`` for an unknown id.

    An id people give a role (``cfo``, ``fd``, ``don``, ``md``: :data:`ROLE_IDS`)
    suggests the director with that role, whatever their id; only an id that
    names no role is matched by its spelling. One that names a role no one
    has suggests nothing, as the id a letter away is someone else (newuser34 #2).
    """
    matches = role_matches(wanted, [(d.id, d.role) for d in directors])
    if matches is None:
        return did_you_mean(wanted, [d.id for d in directors])
    named = [d for d in directors if d.id in matches]
    if len(named) == 1:
        return Message(
            ": did you mean '{choice}' ({name}, {role})?",
            choice=named[0].id,
            name=named[0].name,
            role=named[0].role,
        )
    if named:
        return Message(
            ": did you mean one of {choices}?",
            choices=", ".join(f"'{d.id}' ({d.name}, {d.role})" for d in named),
        )
    return ""
