"""``pitchkit init --from``: add impacts or directors to an existing facts file.

The file is read as a ruamel.yaml round trip, so its comments and layout
are kept; the new items are asked with the same questions as a new file
(:mod:`pitchkit.init.questions`) and appended to their sections.
"""

from __future__ import annotations

import io
import shlex
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from pitchkit.errors import InputError
from pitchkit.facts.orgkind import kind_of
from pitchkit.facts.schema import load_facts
from pitchkit.facts.textlayout import read_for_rewrite
from pitchkit.facts.validation import Team
from pitchkit.i18n.messages import Message
from pitchkit.i18n.translation import Language
from pitchkit.init.interview import Ask, Interview
from pitchkit.init.questions import ask_director, ask_impact
from pitchkit.init.teamrow import writable
from pitchkit.init.yamlfile import Written, is_word_list, suggested_director, validated


def round_trip_yaml() -> YAML:
    """A ruamel.yaml round-trip reader/writer that keeps comments and the examples' layout."""
    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    yaml.preserve_quotes = True
    return yaml


def extended_facts_text(path: Path, ask: Ask, lang: Language, team: Team | None = None) -> Written:
    """Ask for more impacts or directors and return ``path``'s text with them added.

    The file is validated first; its comments and layout are kept
    (ruamel.yaml round trip). Raises ``FactsError`` if it does not validate.
    ``team`` is the ``--directors`` file's: a file whose links name directors
    it does not list itself needs it, and stops before the first question
    without it (InputError), since a director added to it would leave every
    link to the team file's directors unread (newuser35 #5).
    """
    loaded = load_facts(path, team=team)
    yaml = round_trip_yaml()
    document = yaml.load(read_for_rewrite(path)[0])
    if team is None:
        outside = team_directors_named(document)
        if outside:
            raise InputError(
                Message(
                    "{path} links to directors it does not list ({ids}), so they come from a "
                    "team file: run again with it, for example: "
                    "pitchkit init --from {quoted} --directors team.csv",
                    path=path,
                    ids=", ".join(outside),
                    quoted=shlex.quote(str(path)),
                )
            )
    interview = Interview(ask, lang)
    interview.organisation_kind = kind_of(loaded.facts.project.organisation or "")
    added: list[str] = []
    new_directors: list[str] = []
    team_added: list[dict[str, Any]] = []
    options = [
        lang.gettext("An impact: another measure the change improves"),
        lang.gettext("A director"),
    ]
    while True:
        picked = interview.choices(
            "extend.what", lang.gettext("What would you like to add?"), options
        )
        if picked == [1] and team is not None:
            # --directors reads the team file instead of the facts file's directors, so one
            # added here would never be read: the team file is where it belongs. A CSV or
            # YAML team file takes the new row (pitchkit.init.teamrow); a workbook does not.
            if not writable(Path(team.name)):
                raise InputError(
                    Message(
                        "the directors are read from {team}, so add the new director there, "
                        "as a row with their id, name, role and objectives; then see their "
                        "links with: pitchkit directors {quoted} --directors {team_quoted}",
                        team=team.name,
                        quoted=shlex.quote(str(path)),
                        team_quoted=shlex.quote(team.name),
                    )
                )
            taken = [*team.objectives, *(str(d["id"]) for d in team_added)]
            item = ask_director(interview, taken)
            team_added.append(item)
            added.append(str(item["id"]))
            new_directors.append(str(item["id"]))
        elif picked == [1]:
            directors = _section(document, "directors")
            item = ask_director(interview, [str(d.get("id", "")) for d in directors])
            directors.append(_commented(item))
            added.append(str(item["id"]))
            new_directors.append(str(item["id"]))
        elif picked == [0]:
            impacts = _section(document, "impacts")
            item = ask_impact(interview, [i.id for i in loaded.facts.impacts] + added)
            impacts.append(_commented(item))
            added.append(str(item["id"]))
        if not interview.yes("extend.more", lang.gettext("Add something else?")):
            break
    stream = io.StringIO()
    yaml.dump(document, stream)
    text = validated(stream.getvalue(), path, team)
    # Next steps name a director the file really lists: the one just added, else the
    # meeting's, else the first (never an impact's id).
    director = new_directors[0] if new_directors else suggested_director(document)
    if director is None and team is not None:  # the team file's: the meeting's, else the first
        meeting = document.get("meeting") or {}
        chosen = str(meeting.get("director") or "") if isinstance(meeting, dict) else ""
        director = chosen if chosen in team.objectives else next(iter(team.objectives), None)
    return Written(text, director, tuple(added), tuple(team_added))


def team_directors_named(document: Any) -> list[str]:
    """The director ids ``document``'s links and meeting name but its ``directors:`` lack.

    Each is a director of a team file (``--directors``); in the order first named.
    """
    listed = {str(d.get("id", "")) for d in document.get("directors") or () if hasattr(d, "get")}
    named: list[str] = []
    meeting = document.get("meeting") or {}
    if hasattr(meeting, "get") and meeting.get("director"):
        named.append(str(meeting.get("director")))
    for impact in document.get("impacts") or ():
        if not hasattr(impact, "get"):
            continue
        for key in ("supports", "excludes"):
            links = impact.get(key) or []
            for link in links if isinstance(links, list) else [links]:
                if isinstance(link, str) and "." in link:
                    named.append(link.split(".", 1)[0].strip())
    return list(dict.fromkeys(i for i in named if i and i not in listed))


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
        if is_word_list(value):
            sequence.fa.set_flow_style()
        return sequence
    return value
