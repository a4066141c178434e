"""``pitchkit init --from … --directors TEAM``: a new director added to the team file itself.

A team kept in a CSV or a YAML file is the place its directors are read
from, so a director asked for by ``init`` belongs there, not in the facts
file (which would never be read while ``--directors`` is given). The new
director is appended as one more row (CSV) or list item (YAML): every byte
before it is kept as it was, the CSV's separator, quoting, line endings,
byte-order mark and text encoding included, and its columns are filled by
the header's own names (``Job title``, ``Objective 1``, ``Objective 2``…).
A workbook is not written: saving it through openpyxl could drop what Excel
keeps in it, so the lead adds that row in Excel.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pitchkit.errors import DirectorsError, InputError
from pitchkit.facts import tabular
from pitchkit.facts.directors import PERSONAL_PREFIX, header_columns
from pitchkit.i18n.messages import Message

#: The team files a new director can be written into.
WRITABLE = frozenset({".csv", ".txt", ".yaml", ".yml"})


def writable(path: Path) -> bool:
    """Whether ``init`` can add a director to the team file ``path`` (a CSV or YAML file)."""
    return path.suffix.lower() in WRITABLE


def with_directors(path: Path, directors: Sequence[Mapping[str, Any]]) -> bytes:
    """The bytes of the team file ``path`` with ``directors`` (as ``init`` asks them) added."""
    raw = path.read_bytes()
    if path.suffix.lower() in {".yaml", ".yml"}:
        return _yaml_with(raw, directors)
    return _csv_with(path, raw, directors)


def _objective_lines(director: Mapping[str, Any]) -> list[str]:
    """The director's objectives as a team sheet writes them: personal ones marked."""
    lines = []
    for objective in director.get("objectives") or ():
        text = str(objective["text"])
        personal = objective.get("kind") == "personal"
        lines.append(f"{PERSONAL_PREFIX} {text}" if personal else text)
    return lines


def _joiner(records: Sequence[Sequence[str]], index: int) -> str:
    """How the file's cells in column ``index`` part their items: by line, or by "; "."""
    cells = [row[index] for row in records if index < len(row)]
    if any("\n" in cell for cell in cells) or not any("; " in cell for cell in cells):
        return "\n"
    return "; "


def _cells(
    positions: Mapping[int, str],
    width: int,
    director: Mapping[str, Any],
    records: Sequence[Sequence[str]] = (),
) -> list[str]:
    """One row's cells under a header whose known columns are at ``positions``.

    A list column's items go one a line, or after "; " where the file's own
    cells in that column are written that way (and no item holds a ";").
    """
    items = {
        "objectives": _objective_lines(director),
        "concerns": [str(concern) for concern in director.get("concerns") or ()],
    }
    cells = [""] * width
    for key in ("id", "name", "role"):
        for index, column in positions.items():
            if column == key:
                cells[index] = str(director[key])
    for key, lines in items.items():
        places = sorted(index for index, column in positions.items() if column == key)
        if not places or not lines:
            continue
        # Numbered columns (Objective 1, Objective 2 …) take one each; the last takes the rest,
        # one a line, as a single objectives column holds them all.
        for index, line in zip(places[:-1], lines, strict=False):
            cells[index] = line
        rest = lines[len(places) - 1 :]
        joiner = _joiner(records, places[-1])
        if any(";" in line for line in rest):
            joiner = "\n"
        cells[places[-1]] = joiner.join(rest)
    if not any(column == "objectives" for column in positions.values()) and items["objectives"]:
        raise InputError(
            Message(
                "the team file has no objectives column, so the new director's objectives have "
                "nowhere to go: add an 'objectives' column to it, then run this again"
            )
        )
    return cells


def _csv_with(path: Path, raw: bytes, directors: Sequence[Mapping[str, Any]]) -> bytes:
    """``raw`` (a CSV team file) with one row appended per director."""
    text = tabular.decode(path, raw, DirectorsError)
    separator = tabular.delimiter(text)
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    header, positions = header_columns(
        path, [[tabular.cell_text(cell) for cell in row] for row in records]
    )
    width = max(len(header), max(positions, default=0) + 1)
    ending = "\r\n" if "\r\n" in text else "\n"
    added = io.StringIO(newline="")
    writer = csv.writer(added, delimiter=separator, lineterminator=ending)
    for director in directors:
        writer.writerow(_cells(positions, width, director, records))
    body = raw.removeprefix(codecs.BOM_UTF8)
    encoding = "utf-8" if body == text.encode("utf-8") else "cp1252"
    try:
        tail = added.getvalue().encode(encoding)
    except UnicodeEncodeError:
        raise InputError(
            Message(
                "{path} is saved in an older text encoding that cannot hold the new director's "
                "words: in Excel, save it as 'CSV UTF-8', then run this again",
                path=path.name,
            )
        ) from None
    if raw and not raw.endswith((b"\n", b"\r")):
        tail = ending.encode("ascii") + tail
    return raw + tail


def _yaml_with(raw: bytes, directors: Sequence[Mapping[str, Any]]) -> bytes:
    """``raw`` (a YAML team file: a list, or a ``directors:`` list) with ``directors`` appended.

    Each director is written as its own list item after the file's last line,
    indented as the file's first item is, so the text before it is unchanged.
    """
    from ruamel.yaml import YAML

    text = raw.decode("utf-8-sig")
    lines = text.splitlines()
    dash = next((line for line in lines if line.lstrip().startswith("- ")), "- ")
    indent = len(dash) - len(dash.lstrip())
    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=2, offset=0)
    yaml.width = 4096
    stream = io.StringIO()
    yaml.dump([dict(director) for director in directors], stream)
    added = "".join(" " * indent + line + "\n" for line in stream.getvalue().splitlines())
    ending = "\r\n" if "\r\n" in text else "\n"
    joiner = "" if not text or text.endswith("\n") else ending
    result = text + joiner + added.replace("\n", ending)
    prefix = codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""
    return prefix + result.encode("utf-8")


def checked(path: Path, data: bytes, ids: Sequence[str]) -> bytes:
    """``data`` (``path`` with new directors) if it reads with each of ``ids``; else InputError.

    The new file is read as ``--directors`` will read it, from a copy in a
    temporary folder, so a row that would be skipped (or a YAML list that
    ends before the file does) is found before the user's file is touched.
    """
    import tempfile

    from pitchkit.facts.directors import load_directors

    with tempfile.TemporaryDirectory(prefix="pitchkit-team-") as folder:
        trial = Path(folder) / path.name
        trial.write_bytes(data)
        try:
            found = load_directors(trial)
        except DirectorsError:
            found = None
        read = {director.id for director in found.directors} if found else set()
    missing = [ident for ident in ids if ident not in read]
    if missing:
        raise InputError(
            Message(
                "pitchkit could not add {ids} to {path} so that it reads back: add the "
                "director there yourself, as a row with their id, name, role and objectives",
                ids=", ".join(missing),
                path=path.name,
            )
        )
    return data
