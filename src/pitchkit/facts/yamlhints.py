"""Spot the YAML slips people make inside ``{...}`` and ``[...]``, and show the fix.

Inside braces and brackets YAML gives ``,`` ``:`` ``#`` ``&`` ``!`` ``*``
``%`` ``@`` and the backtick a meaning of their own, so a job title such as
``{role: Consultant Nurse, Crisis Services}`` is read as two fields, and
``{ward: &Oak ward}`` quietly loses a word. Each slip gets a message saying
which character did it and the line rewritten with the text in quotes, which
is the fix in every case.
"""

from __future__ import annotations

import json
import re

from pitchkit.facts.blockyaml import NULL_TAG, Node, is_mapping, is_scalar, is_sequence
from pitchkit.i18n.messages import Message

#: Tags YAML itself gives plain values; any other ``!word`` came from the user's text.
_STANDARD_TAG = re.compile(r"^tag:yaml\.org,2002:")
#: Characters that end an unquoted value inside braces or brackets.
_VALUE_END = re.compile(r",\s|[,}\]]")


def quoted(text: str) -> str:
    """``text`` in YAML double quotes (JSON's escapes are YAML's too)."""
    return json.dumps(text, ensure_ascii=False)


def line_of(text: str, number: int) -> str:
    """Line ``number`` (from 1) of ``text``, without its line break."""
    lines = text.splitlines()
    return lines[number - 1] if 0 < number <= len(lines) else ""


def is_flow(node: Node) -> bool:
    """Whether ``node`` was written in braces or brackets."""
    return bool(getattr(node, "flow_style", False))


def split_by_comma(text: str, value: Node, orphans: list[Node]) -> tuple[Message, int] | None:
    """A ``{field: some text, more text}`` slip: a comma ended the text early.

    ``value`` is the field's value as read and ``orphans`` the keys with no
    value that follow it, in order: the rest of the text, one key for each
    comma. The text meant runs from ``value`` to the last of them on the
    same line, which is where the next real field starts. Returns the
    message with the whole text quoted in the line, and how many of
    ``orphans`` it covers; ``None`` when the first is not on ``value``'s line.
    """
    if not is_scalar(value) or value.style is not None:
        return None
    start = value.start_mark
    covered = 0
    for orphan in orphans:
        if orphan.end_mark.line != start.line:
            break
        covered += 1
    if covered == 0:
        return None
    last = orphans[covered - 1]
    meant = text[start.index : last.end_mark.index]
    line = line_of(text, start.line + 1)
    column = start.column
    fixed = (line[:column] + quoted(meant) + line[column + len(meant) :]).strip()
    if covered == 1:
        message = Message(
            "the comma in '{meant}' ended the text early, so '{orphan}' was read as a field of "
            "its own: text containing a comma inside {{...}} needs quotes, as in: {fixed}",
            meant=meant,
            orphan=str(last.value),
            fixed=fixed,
        )
    else:
        message = Message(
            "the commas in '{meant}' ended the text early, so the words after each were read "
            "as fields of their own: text containing a comma inside {{...}} needs quotes, "
            "as in: {fixed}",
            meant=meant,
            fixed=fixed,
        )
    return message, covered


def indicator_slip(text: str, node: Node, used_anchors: set[int]) -> Message | None:
    """A value whose first character YAML took as an anchor (``&``) or a tag (``!``).

    An anchor that some ``*alias`` uses is meant (``used_anchors`` holds
    those nodes' ids); one nothing uses came from text like ``&Oak ward``.
    """
    tag = str(node.tag or "")
    anchor = str(node.anchor) if getattr(node, "anchor", None) else ""
    if tag.startswith("!") and not _STANDARD_TAG.match(tag):
        marker = tag
        what = Message("'!' makes '{marker}' a YAML tag, not text", marker=marker)
    elif anchor and id(node) not in used_anchors:
        marker = "&" + anchor
        what = Message("'&' makes '{marker}' an anchor name, not text", marker=marker)
    else:
        return None
    line = line_of(text, node.start_mark.line + 1)
    one_line = node.end_mark.line == node.start_mark.line
    end = node.end_mark.column if one_line else len(line)
    begin = line.rfind(marker, 0, end)
    if begin < 0:
        return Message("{what}: put the text in quotes", what=what)
    meant = line[begin:end].rstrip()
    fixed = line[:begin] + quoted(meant) + line[begin + len(meant) :]
    return Message(
        "{what}: put the text in quotes, as in: {fixed}",
        what=what,
        fixed=fixed.strip(),
    )


def aliased(node: Node) -> set[int]:
    """The ids of the nodes that an ``*alias`` refers to somewhere in ``node``.

    Each container is visited once, so an alias bomb costs no more than
    the file's size.
    """
    counts: dict[int, int] = {}
    seen: set[int] = set()
    stack = [node]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if is_sequence(current):
            children = list(current.value)
        elif is_mapping(current):
            children = [part for pair in current.value for part in pair]
        else:
            continue
        for child in children:
            counts[id(child)] = counts.get(id(child), 0) + 1
            stack.append(child)
    return {key for key, count in counts.items() if count > 1}


def rewrite_at(text: str, line: int, column: int) -> str | None:
    """The line with the unquoted value at ``line:column`` (from 1) put in quotes.

    Only for a value inside braces or brackets, where YAML's own complaint
    rarely says that quotes are the answer; ``None`` elsewhere.
    """
    source = line_of(text, line)
    if "{" not in source and "[" not in source:
        return None
    at = min(max(column - 1, 0), len(source))
    begin = max(source.rfind(mark, 0, at) + len(mark) for mark in ("{", "[", ", ", ": "))
    if begin <= 0:
        return None
    while begin < len(source) and source[begin] == " ":
        begin += 1
    found = _VALUE_END.search(source, at)
    end = found.start() if found else len(source)
    meant = source[begin:end].rstrip()
    if not meant or meant[0] in "\"'":
        return None
    return (source[:begin] + quoted(meant) + source[begin + len(meant) :]).strip()


def flow_key_without_value(key: Node, value: Node) -> bool:
    """Whether ``key`` was written with no ``:`` and no value inside braces."""
    return (
        is_scalar(key)
        and is_scalar(value)
        and value.tag == NULL_TAG
        and value.value in ("", None)
        and value.start_mark.index == value.end_mark.index
    )
