"""Write a round-trip edit back to a YAML file changing only the lines it must.

ruamel.yaml's round trip keeps comments, but it writes the whole document
in its own layout: a file written by PyYAML or ruamel with their defaults
(lists not indented under their key, long text folded over several lines,
two spaces before a comment) comes back re-indented and re-wrapped, so
that one link written by ``pitchkit link`` shows as a diff of hundreds of
lines. :func:`minimal_text` dumps the document before and after the edit,
in the file's own list indentation (:func:`list_indent`), and carries only
the lines that differ between the two dumps over to the file's own text.
"""

from __future__ import annotations

import io
import itertools
import re
from difflib import SequenceMatcher
from typing import Any

from ruamel.yaml import YAML

#: A line that opens a block under a key: ``impacts:`` or ``  supports:  # a comment``.
_KEY_ONLY = re.compile(r"^(?P<indent> *)(?:- +)?[^\s#'\"-][^#]*:\s*(?:#.*)?$")
#: A list item line: ``- id: x`` or ``    - dof.cip``.
_ITEM = re.compile(r"^(?P<indent> *)- ")


def list_indent(text: str) -> tuple[int, int, int] | None:
    """``(mapping, sequence, offset)`` for ruamel's ``indent()``, as the file has them.

    The list indentation is that of the file's first block list under a key:
    ``(2, 2, 0)`` for one written level with its key (``impacts:`` then
    ``- id: x``, PyYAML's and ruamel's default), ``(2, 4, 2)`` for one
    indented two spaces under it; the mapping indentation that of its first
    block of fields under a key (2 unless the file uses another). ``None``
    when the file has no block list under a key.
    """
    lines = [n for n in text.splitlines() if n.strip() and not n.lstrip().startswith("#")]
    mapping = next(
        (
            step
            for line, following in itertools.pairwise(lines)
            if _KEY_ONLY.match(line)
            and not _ITEM.match(following)
            and (step := _key_column(following) - _key_column(line)) > 0
        ),
        2,
    )
    for line, following in itertools.pairwise(lines):
        item = _ITEM.match(following)
        if _KEY_ONLY.match(line) is None or item is None:
            continue
        offset = len(item["indent"]) - _key_column(line)
        if offset >= 0:
            return mapping, offset + 2, offset
    return None


def _key_column(line: str) -> int:
    """Where the key of a ``key:`` line starts (after a list item's ``- ``)."""
    stripped = line.lstrip(" ")
    column = len(line) - len(stripped)
    if stripped.startswith("- "):
        column += len(stripped) - len(stripped[2:].lstrip(" "))
    return column


def dumped(yaml: YAML, document: Any) -> str:
    """``document`` as ``yaml`` writes it."""
    stream = io.StringIO()
    yaml.dump(document, stream)
    return stream.getvalue()


def minimal_text(original: str, before: str, after: str) -> str | None:
    """``original`` with the lines that differ from ``before`` to ``after`` changed in it.

    ``before`` and ``after`` are the document dumped before and after the
    edit; each changed stretch is placed by the lines ``before`` shares with
    ``original``. ``None`` when a stretch touches lines that the dump wrote
    differently from the file (a folded text it joined), or has no shared
    line beside it to be placed by: the caller then writes ``after`` whole.
    """
    mine = original.splitlines(keepends=True)
    unended = bool(mine) and not mine[-1].endswith("\n")
    if unended:
        mine[-1] += "\n"  # as the dumps end it, to be matched; taken off again below
    old = before.splitlines(keepends=True)
    new = after.splitlines(keepends=True)
    placed: dict[int, int] = {}
    for block in SequenceMatcher(None, mine, old, autojunk=False).get_matching_blocks():
        for step in range(block.size):
            placed[block.b + step] = block.a + step
    edits: list[tuple[int, int, list[str]]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if i1 < i2:
            where = [placed.get(i) for i in range(i1, i2)]
            if any(w is None for w in where):
                return None
            first = where[0]
            assert first is not None
            if where != list(range(first, first + len(where))):
                return None
            start, stop = first, first + len(where)
        elif i1 > 0 and i1 - 1 in placed:
            start = stop = placed[i1 - 1] + 1
        elif i1 in placed:
            start = stop = placed[i1]
        elif i1 == 0:
            start = stop = 0
        else:
            return None
        edits.append((start, stop, new[j1:j2]))
    for start, stop, lines in sorted(edits, key=lambda edit: edit[:2], reverse=True):
        mine[start:stop] = lines
    text = "".join(mine)
    return text[:-1] if unended and text.endswith("\n") else text
