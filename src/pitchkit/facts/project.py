"""Open a project: its facts, read in the language its documents will be written in.

Also picks the director a document is for. Every command starts here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pitchkit.errors import DirectorsError
from pitchkit.facts.schema import Director, Facts, LoadedFacts, load_facts
from pitchkit.facts.validation import Team, did_you_mean
from pitchkit.facts.yamlsource import Parsed, declared_locale, parse_yaml
from pitchkit.i18n.messages import Located, Message
from pitchkit.i18n.translation import Language, language


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
        hint = did_you_mean(wanted, [d.id for d in facts.directors])
        raise DirectorsError(
            Located(
                source,
                Message(
                    "no director has the id '{wanted}'{hint}: choose one of {ids}",
                    wanted=wanted,
                    hint=hint,
                    ids=ids,
                ),
            )
        )
    return director
