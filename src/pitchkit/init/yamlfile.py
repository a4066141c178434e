"""Writing the facts from ``pitchkit init`` as a commented YAML file, checked before use.

:func:`facts_yaml` writes block-style YAML by hand (a header, then each
section with a comment explaining it), quoting a value only where the plain
form would read back differently. :func:`validated` loads the text with
:func:`pitchkit.facts.schema.load_facts` before anyone writes it to disk.
"""

from __future__ import annotations

import datetime as dt
import re
import shlex
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pitchkit.facts.schema import load_facts
from pitchkit.facts.validation import Team
from pitchkit.i18n.translation import N_, Language
from pitchkit.init.answers import parse_date, parse_number

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
#: A suggested command in a comment: ``pitchkit``, a command word, then its arguments.
_COMMAND = re.compile(r"\bpitchkit [a-z]+ ")


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
    if isinstance(value, list) and is_word_list(value):
        return [f"{pad}{key}: [{', '.join(value)}]"]
    if isinstance(value, list):
        return [f"{pad}{key}:", *yaml_lines(value, indent)]
    if isinstance(value, str):
        return _text_lines(key, value, indent)
    return [f"{pad}{key}: {yaml_scalar(value)}"]


def is_word_list(items: list[Any]) -> bool:
    """Whether ``items`` are a few short words (themes), written on one line as ``[a, b]``."""
    return bool(items) and all(
        isinstance(i, str) and _WORD.fullmatch(i) and i.casefold() not in _SPECIAL_WORDS
        for i in items
    )


def _comment(text: str, pad: str) -> list[str]:
    """``text`` as YAML comment lines, wrapped, except a line holding a command.

    A suggested command (``pitchkit brief 'my facts.yaml' --director dof``)
    stays on one line, however long, so it can be copied whole.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        wrapped = [paragraph] if _COMMAND.search(paragraph) else textwrap.wrap(paragraph, 86)
        lines.extend(f"{pad}# {line}" for line in wrapped or [""])
    return lines


def facts_yaml(data: Mapping[str, Any], lang: Language, *, file_name: str, today: dt.date) -> str:
    """The commented facts file for ``data``: a header, then each section explained."""
    director = suggested_director(data) or "ID"
    header = lang.gettext(HEADER).format(
        title=data["project"]["title"],
        date=today.isoformat(),
        file=shlex.quote(file_name),  # the commands must paste into a terminal as they are
        director=director,
    )
    notes = {key: lang.gettext(note) for key, note in SECTION_NOTES.items()}
    lines = _comment(header, "") + yaml_lines(dict(data), notes=notes)
    return "\n".join(lines).rstrip() + "\n"


def suggested_director(data: Mapping[str, Any]) -> str | None:
    """The director a next step should name: the meeting's, else the first listed, else none."""
    meeting = data.get("meeting") or {}
    ids = [str(d.get("id", "")) for d in data.get("directors") or [] if d.get("id")]
    chosen = meeting.get("director") if isinstance(meeting, Mapping) else None
    if chosen and str(chosen) in ids:
        return str(chosen)
    return ids[0] if ids else None


def validated(text: str, path: str | Path, team: Team | None = None) -> str:
    """Return ``text`` once :func:`load_facts` accepts it (raises ``FactsError`` otherwise).

    ``text`` is read as the file about to be written at ``path``, without
    writing it, so a problem names the user's file and never a temporary one
    (newuser35 #5), and a relative ``measures:`` path resolves from its folder.
    ``team``, the ``--directors`` file's, is checked with the text's own directors.
    """
    from pitchkit.facts.yamlsource import parse_yaml

    where = Path(path) if str(path) else Path("facts.yaml")
    load_facts(where, parsed=parse_yaml(where, text), team=team)
    return text


@dataclass(frozen=True)
class Written:
    """The text of a facts file made by ``pitchkit init``, and the director to suggest.

    ``director`` is the id the next steps name (``--director``): one the file
    really lists, or ``None`` when it lists no directors. ``added`` is the
    ids of what ``init --from`` added: none means the file is unchanged.
    ``team_added`` is the directors it asked for that belong in the
    ``--directors`` team file (:mod:`pitchkit.init.teamrow`), not in ``text``.
    """

    text: str
    director: str | None = None
    added: tuple[str, ...] = ()
    team_added: tuple[Mapping[str, Any], ...] = ()

    @property
    def facts_changed(self) -> bool:
        """Whether ``text`` holds anything new (not only directors for the team file)."""
        return len(self.added) > len(self.team_added)
