"""A quick reader for the plain block YAML that facts files are written in.

ruamel's composer is pure Python here and reads a facts file character by
character: about 35-45 ms of every ``pitchkit brief`` for the frailty
example's 850 values, the largest single step in opening a project, after
8-10 ms importing ruamel. Most facts files use a small part of YAML: block
mappings and lists, one-line plain or quoted text, ``>`` and ``|`` blocks,
one-line ``[...]`` and ``{...}`` of such text, comments. :func:`compose`
reads exactly that part, line by line, into nodes that hold what ruamel's
safe composer gives (the same values, styles, null values and positions),
and gives up (:class:`Declined`) on anything else: anchors, aliases and
tags, multi-line plain or quoted text, escapes, tabs, ``[...]`` over
several lines, document markers, repeated keys, and every text ruamel
would refuse. The caller then reads the file with ruamel, as before, so
every error message and every unusual file is ruamel's.

Only what pitchkit reads from a node is given as ruamel gives it: its kind
(``id``), value, style, flow style, start position and whether it is null;
every other plain scalar is tagged as text (pitchkit reads scalars as the
text written). A scalar on one line ends where ruamel's ends; a block or a
collection over several lines ends where its last line ends.
``tests/test_blockyaml.py`` compares both readers on every YAML file in the
repository and on mistyped copies of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

NULL_TAG = "tag:yaml.org,2002:null"
STR_TAG = "tag:yaml.org,2002:str"
MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"

#: Plain scalars YAML 1.2 reads as null (ruamel's resolver), besides the empty value.
NULLS = frozenset({"~", "null", "Null", "NULL"})
#: A field name read here: letters, digits, spaces and ``_&/().+-``, starting with a letter.
_NAME = r"[A-Za-z_](?:[A-Za-z0-9_ &/().+-]*[A-Za-z0-9_).])?"
_KEY = re.compile(rf"({_NAME}):(?: +|$)")
#: Characters that may not start a plain scalar here (YAML indicators, and more).
_NOT_FIRST = frozenset("-?:,[]{}#&*!|>'\"%@`")
#: A block scalar's header: the indicator, chomping and nothing else but a comment.
_BLOCK_HEADER = re.compile(r"([|>])([-]?)(?: +#.*)?$")
#: Tabs, carriage returns, the other characters ruamel reads as line breaks, and every
#: character its reader refuses: such a text is left to ruamel.
_AWKWARD = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")


@dataclass(slots=True)
class Mark:
    """A place in the text, counted from 0, as ruamel's marks give it."""

    index: int
    line: int
    column: int


class Node:
    """A value read, with the attributes pitchkit reads from ruamel's nodes.

    ``id`` says which kind it is (``"scalar"``, ``"sequence"`` or
    ``"mapping"``), as ruamel's node classes say too, so code that reads
    either reader's nodes asks :func:`is_scalar` and its siblings rather
    than ``isinstance`` (and ruamel is imported only for a text left to it).
    """

    __slots__ = ("anchor", "end_mark", "flow_style", "start_mark", "style", "tag", "value")
    id = "node"

    def __init__(
        self,
        tag: str,
        value: Any,
        start_mark: Mark,
        end_mark: Mark,
        *,
        style: str | None = None,
        flow_style: bool | None = None,
    ) -> None:
        """A node of ``tag`` holding ``value`` (text, items, or key and value pairs)."""
        self.tag = tag
        self.value = value
        self.start_mark = start_mark
        self.end_mark = end_mark
        self.style = style
        self.flow_style = flow_style
        self.anchor: str | None = None


class ScalarNode(Node):
    """Text: ``value`` is the text read (``style`` its quotes or block indicator, if any)."""

    __slots__ = ()
    id = "scalar"


class SequenceNode(Node):
    """A list: ``value`` is its items."""

    __slots__ = ()
    id = "sequence"


class MappingNode(Node):
    """A mapping: ``value`` is its key and value pairs."""

    __slots__ = ()
    id = "mapping"


def is_scalar(node: Any) -> bool:
    """Whether ``node`` (this reader's or ruamel's) is text."""
    return getattr(node, "id", None) == "scalar"


def is_sequence(node: Any) -> bool:
    """Whether ``node`` (this reader's or ruamel's) is a list."""
    return getattr(node, "id", None) == "sequence"


def is_mapping(node: Any) -> bool:
    """Whether ``node`` (this reader's or ruamel's) is a mapping."""
    return getattr(node, "id", None) == "mapping"


class Declined(Exception):
    """The text uses YAML this reader leaves to ruamel."""


def compose(text: str) -> Node | None:
    """The node tree of ``text``, as ruamel's safe composer gives it; ``None`` for no document.

    Raises :class:`Declined` when ``text`` goes beyond plain block YAML.
    """
    if _AWKWARD.search(text):
        raise Declined("tabs, carriage returns or odd line breaks")
    return _Reader(text).document()


class _Reader:
    """One pass over the lines of a text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = text.split("\n")
        self.starts: list[int] = []
        at = 0
        for line in self.lines:
            self.starts.append(at)
            at += len(line) + 1
        self.row = 0  # the line being read

    def mark(self, row: int, column: int) -> Mark:
        """The position ``row:column`` (from 0), as ruamel marks it."""
        return Mark(self.starts[row] + column, row, column)

    def document(self) -> Node | None:
        """The whole text's one node."""
        self.skip_blank()
        if self.row >= len(self.lines):
            return None
        line = self.lines[self.row]
        if line.startswith(("---", "...", "%")):
            raise Declined("document markers or directives")
        indent = len(line) - len(line.lstrip(" "))
        if indent:
            raise Declined("an indented document")
        node = self.block(indent)
        self.skip_blank()
        if self.row < len(self.lines):
            raise Declined("text after the document")
        return node

    def skip_blank(self) -> None:
        """Move past empty lines and lines that hold only a comment."""
        while self.row < len(self.lines):
            stripped = self.lines[self.row].lstrip(" ")
            if stripped and not stripped.startswith("#"):
                return
            self.row += 1

    def block(self, indent: int) -> Node:
        """The mapping or list whose first line is the current one, at ``indent``."""
        line = self.lines[self.row]
        rest = line[indent:]
        if rest == "-" or rest.startswith("- "):
            return self.sequence(indent)
        if _KEY.match(rest):
            return self.mapping(indent)
        raise Declined("a value that is not a field or a list item")

    def mapping(self, indent: int) -> MappingNode:
        """A block mapping whose keys are at ``indent``."""
        start = self.mark(self.row, indent)
        pairs: list[tuple[Node, Node]] = []
        seen: set[str] = set()
        while True:
            row = self.row
            line = self.lines[row]
            found = _KEY.match(line, indent)
            if found is None:
                raise Declined("a line in a mapping that is not a field")
            key = found.group(1)
            if key in seen or key in NULLS or key.lower() in {"true", "false"}:
                raise Declined("a repeated or special field name")
            seen.add(key)
            key_node = ScalarNode(
                STR_TAG, key, self.mark(row, indent), self.mark(row, indent + len(key))
            )
            value = self.value_after(found.end(), indent, mapped=True)
            pairs.append((key_node, value))
            if not self.more_at(indent) or self.lines[self.row].startswith("-", indent):
                break
        return MappingNode(MAP_TAG, pairs, start, self.end_mark(), flow_style=False)

    def sequence(self, indent: int) -> SequenceNode:
        """A block list whose dashes are at ``indent``."""
        start = self.mark(self.row, indent)
        items: list[Node] = []
        while True:
            line = self.lines[self.row]
            if not (line[indent:] == "-" or line.startswith("- ", indent)):
                raise Declined("a line in a list that is not an item")
            after = indent + 1
            while after < len(line) and line[after] == " ":
                after += 1
            if after < len(line) and line[after] != "#" and _KEY.match(line, after):
                if line.startswith("- ", after) or line[after:] == "-":
                    raise Declined("a list inside a list item")
                items.append(self.mapping(after))
            else:
                items.append(self.value_after(indent + 1, indent, mapped=False))
            if not self.more_at(indent) or not self.lines[self.row].startswith("-", indent):
                break
        return SequenceNode(SEQ_TAG, items, start, self.end_mark(), flow_style=False)

    def more_at(self, indent: int) -> bool:
        """Whether the next content line continues the block at ``indent``."""
        self.skip_blank()
        if self.row >= len(self.lines):
            return False
        line = self.lines[self.row]
        here = len(line) - len(line.lstrip(" "))
        if here > indent:
            raise Declined("a line indented more than its block")
        return here == indent

    def end_mark(self) -> Mark:
        """Where the block just read ends: at the end of its last line."""
        row = self.row - 1
        while row > 0 and not self.lines[row].strip(" "):
            row -= 1
        return self.mark(row, len(self.lines[row]))

    def value_after(self, column: int, indent: int, *, mapped: bool) -> Node:
        """The value that starts at ``column`` of the current line (a key's, or an item's).

        ``indent`` is the column of the key or the dash; ``mapped`` says
        which, since a key's list may start at its own column.
        """
        row = self.row
        line = self.lines[row]
        while column < len(line) and line[column] == " ":
            column += 1
        rest = line[column:]
        if rest and not rest.startswith("#"):
            self.row += 1
            return self.inline(rest, row, column, indent)
        self.row += 1
        self.skip_blank()
        if self.row < len(self.lines):
            below = self.lines[self.row]
            deeper = len(below) - len(below.lstrip(" "))
            if deeper > indent or (mapped and deeper == indent and below.startswith("-", indent)):
                if mapped and deeper == indent:
                    return self.sequence(indent)
                return self.block(deeper)
        # Nothing written: null, where ruamel puts an empty value: a field's where the next
        # thing written starts (or the text ends), an item's just after its dash.
        if not mapped:
            at = self.mark(row, len(line[:column].rstrip(" ")))
        elif self.row < len(self.lines):
            below = self.lines[self.row]
            at = self.mark(self.row, len(below) - len(below.lstrip(" ")))
        else:
            at = self.mark(len(self.lines) - 1, len(self.lines[-1]))
        return ScalarNode(NULL_TAG, "", at, at)

    def inline(self, rest: str, row: int, column: int, indent: int) -> Node:
        """A value written on its key's (or dash's) line."""
        header = _BLOCK_HEADER.match(rest)
        if header is not None:
            return self.block_scalar(header.group(1), header.group(2), row, column, indent)
        if rest[0] in "[{":
            node: Node = _Flow(rest, self.mark, row, column).collection()
        elif rest[0] in "\"'":
            node = _quoted(rest, self.mark, row, column)
        else:
            node = _plain(rest, self.mark, row, column)
        self.no_continuation(indent)
        return node

    def no_continuation(self, indent: int) -> None:
        """Refuse text continued on the lines below a one-line value."""
        row = self.row
        while row < len(self.lines):
            line = self.lines[row]
            stripped = line.lstrip(" ")
            if stripped:
                if len(line) - len(stripped) > indent:
                    raise Declined("a value continued on the next line")
                return
            row += 1

    def block_scalar(self, style: str, chomp: str, row: int, column: int, indent: int) -> Node:
        """A ``|`` or ``>`` block: its lines are those indented more than ``indent``."""
        start = self.mark(row, column)
        lines: list[str] = []
        content = -1
        last = row
        self.row = row + 1
        while self.row < len(self.lines):
            line = self.lines[self.row]
            stripped = line.lstrip(" ")
            here = len(line) - len(stripped)
            if not stripped:
                if content < 0:
                    raise Declined("a block starting with an empty line")
                if len(line) > content:
                    raise Declined("spaces on an empty line of a block")
                lines.append("")
                self.row += 1
                continue
            if content < 0:
                if here <= indent:
                    break
                content = here
            elif here < content:
                break
            if here > content or line.endswith(" "):
                raise Declined("a more indented line or trailing spaces in a block")
            lines.append(line[content:])
            last = self.row
            self.row += 1
        if content < 0:
            raise Declined("an empty block")
        while lines and not lines[-1]:
            lines.pop()
        if any(line.startswith("#") for line in lines):
            raise Declined("a block line that looks like a comment")
        value = _fold(lines) if style == ">" else "\n".join(lines)
        if chomp != "-":
            value += "\n"
        self.row = last + 1
        end = self.mark(last, len(self.lines[last]))
        return ScalarNode(STR_TAG, value, start, end, style=style)


def _fold(lines: list[str]) -> str:
    """The text of a folded (``>``) block: lines joined by spaces, empty lines kept as breaks."""
    text = ""
    breaks = 0
    for line in lines:
        if not line:
            breaks += 1
            continue
        if text:
            text += "\n" * breaks if breaks else " "
        text += line
        breaks = 0
    return text


def _plain(rest: str, mark: Any, row: int, column: int) -> ScalarNode:
    """A one-line plain value, without a trailing comment."""
    if rest[0] in _NOT_FIRST:
        raise Declined("a value starting with a YAML indicator")
    cut = rest.find(" #")
    text = (rest if cut < 0 else rest[:cut]).rstrip(" ")
    if ": " in text or text.endswith(":") or "#" in text[:1]:
        raise Declined("a ': ' inside a plain value")
    tag = NULL_TAG if text in NULLS else STR_TAG
    return ScalarNode(tag, text, mark(row, column), mark(row, column + len(text)))


def _quoted_part(rest: str, mark: Any, row: int, column: int) -> ScalarNode:
    """The quoted value ``rest`` starts with: ``"..."`` without escapes, or ``'...'``."""
    quote = rest[0]
    if quote == '"':
        close = rest.find('"', 1)
        if close < 0 or "\\" in rest[:close]:
            raise Declined("an escape or a quote closed on another line")
        value = rest[1:close]
    else:
        close = 1
        parts: list[str] = []
        while True:
            found = rest.find("'", close)
            if found < 0:
                raise Declined("a quote closed on another line")
            parts.append(rest[close:found])
            if rest.startswith("''", found):
                parts.append("'")
                close = found + 2
                continue
            close = found
            break
        value = "".join(parts)
    return ScalarNode(STR_TAG, value, mark(row, column), mark(row, column + close + 1), style=quote)


def _quoted(rest: str, mark: Any, row: int, column: int) -> ScalarNode:
    """A one-line quoted value with nothing but a comment after it."""
    node = _quoted_part(rest, mark, row, column)
    after = rest[node.end_mark.column - column :]
    if after.strip(" ") and not (after.startswith(" ") and after.lstrip(" ").startswith("#")):
        raise Declined("text after a closing quote")
    return node


#: A plain scalar inside ``[...]`` or ``{...}``: up to the next indicator, no ``:`` or ``#``.
_FLOW_PLAIN = re.compile(r"[^-?:,\[\]{}#&*!|>'\"%@`\s][^\[\]{},:#]*")
#: A field name inside ``{...}``, with its ``:`` and the spaces after.
_FLOW_KEY = re.compile(rf"({_NAME}): +")


class _Flow:
    """A ``[...]`` list or ``{...}`` mapping written on one line, holding only scalars."""

    def __init__(self, rest: str, mark: Any, row: int, column: int) -> None:
        self.rest = rest
        self.mark = mark
        self.row = row
        self.column = column
        self.at = 0

    def collection(self) -> Node:
        """The collection, with nothing but a comment after it on its line."""
        node = self.inner()
        after = self.rest[self.at :]
        if after.strip(" ") and not (after.startswith(" ") and after.lstrip(" ").startswith("#")):
            raise Declined("text after a closing bracket")
        return node

    def inner(self) -> Node:
        """The collection that starts at the current place; ``[`` or ``{`` items may nest."""
        opening = self.rest[self.at]
        start = self.mark(self.row, self.column + self.at)
        closing = "]" if opening == "[" else "}"
        self.at += 1
        items: list[Any] = []
        keys: set[str] = set()
        self.spaces()
        while not self.rest.startswith(closing, self.at):
            if opening == "{":
                found = _FLOW_KEY.match(self.rest, self.at)
                if found is None or found.group(1) in keys or found.group(1) in NULLS:
                    raise Declined("a field in braces that is not 'name: value'")
                keys.add(found.group(1))
                key = ScalarNode(
                    STR_TAG,
                    found.group(1),
                    self.mark(self.row, self.column + self.at),
                    self.mark(self.row, self.column + self.at + len(found.group(1))),
                )
                self.at = found.end()
                items.append((key, self.scalar()))
            else:
                items.append(self.scalar())
            self.spaces()
            if self.rest.startswith(",", self.at):
                self.at += 1
                self.spaces()
            elif not self.rest.startswith(closing, self.at):
                raise Declined("a list or mapping in brackets that is not simple")
        self.at += 1
        end = self.mark(self.row, self.column + self.at)
        if opening == "[":
            return SequenceNode(SEQ_TAG, items, start, end, flow_style=True)
        return MappingNode(MAP_TAG, items, start, end, flow_style=True)

    def spaces(self) -> None:
        """Move past spaces."""
        while self.rest.startswith(" ", self.at):
            self.at += 1

    def scalar(self) -> Node:
        """A quoted or plain scalar at the current place, or a collection inside this one."""
        column = self.column + self.at
        if self.rest[self.at : self.at + 1] in ("[", "{"):
            return self.inner()
        if self.rest[self.at : self.at + 1] in ("'", '"'):
            node = _quoted_part(self.rest[self.at :], self.mark, self.row, column)
            self.at += node.end_mark.column - column
            return node
        found = _FLOW_PLAIN.match(self.rest, self.at)
        if found is None:
            raise Declined("an empty or odd value in brackets")
        text = found.group().rstrip(" ")
        self.at += len(text)
        tag = NULL_TAG if text in NULLS else STR_TAG
        return ScalarNode(
            tag, text, self.mark(self.row, column), self.mark(self.row, column + len(text))
        )
