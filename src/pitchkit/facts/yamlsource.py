"""Read YAML into plain Python data, remembering where every value came from.

pitchkit reads YAML 1.2 (so ``NO`` stays text) through ruamel.yaml's
composer, and keeps every scalar as the text the user wrote: the schema,
not the YAML resolver, decides what is a number or a date. That keeps
``0800`` and ``1.10`` exactly as typed where text is expected.

Text is also cleaned here, once, of characters a Word document cannot hold.

Problems and warnings are :class:`~pitchkit.i18n.messages.Located` messages: the
file position and field path stay as they are, the explanation is shown in
the user's language.
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from pitchkit.errors import FactsError
from pitchkit.facts import blockyaml
from pitchkit.facts.blockyaml import (
    NULL_TAG,
    Node,
    is_mapping,
    is_scalar,
    is_sequence,
)
from pitchkit.facts.yamlhints import (
    aliased,
    flow_key_without_value,
    indicator_slip,
    is_flow,
    line_of,
    rewrite_at,
    split_by_comma,
)
from pitchkit.i18n.messages import Joined, Located, Message, Renderable
from pitchkit.i18n.welshbodies import welsh_name

if TYPE_CHECKING:
    from ruamel.yaml.error import YAMLError

Loc = tuple[str | int, ...]

LANGUAGE_KEYS = frozenset({"en", "cy"})
#: The most a facts file may hold; a real one is a few kilobytes.
MAX_BYTES = 20_000_000
#: The most values (scalars, lists, blocks) a facts file may hold, aliases filled in.
MAX_VALUES = 200_000

# Characters XML 1.0 cannot carry at all (tab, LF and CR are allowed).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# Characters the YAML reader itself refuses in a file; pasted text brings them.
_RAW_REFUSED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_VISIBLE_NAMES = {
    "\x0b": Message("a vertical tab"),
    "\x0c": Message("a page break"),
    "\x07": Message("a bell character"),
    "\x00": Message("a NUL byte"),
}


#: ``locale: cy_GB`` in a file YAML could not read: to report in that language.
@functools.cache
def _locale_line() -> re.Pattern[str]:
    return re.compile(r"^[ \t]*(?:settings:[ \t]*\{[^}\n]*?)?\blocale:[ \t]*[\"']?([\w-]+)", re.M)


class Position(NamedTuple):
    """A place in a source file: its path, and the line and column (from 1) there."""

    path: Path
    line: int
    column: int

    def __str__(self) -> str:
        """``file:line:col``, as messages show it."""
        return f"{self.path}:{self.line}:{self.column}"


@dataclass
class Source:
    """YAML data as plain Python values, with the position of each value."""

    path: Path
    data: Any
    positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    warnings: list[Renderable | str] = field(default_factory=list)
    untranslated: list[Loc] = field(default_factory=list)
    #: The text as read, for messages that show a line rewritten.
    text: str = ""
    #: Nodes some ``*alias`` refers to (their anchors are meant).
    aliased: set[int] = field(default_factory=set)
    #: The ``en:`` text of each ``{en: ..., cy: ...}`` text resolved to another language,
    #: by the text chosen: what matching reads (the measure map and lenses are English).
    english: dict[str, str] = field(default_factory=dict)

    def position(self, loc: Loc, *, key: bool = False) -> Position:
        """Where ``loc`` is written, or its nearest located parent.

        With ``key``, point at the field's name rather than its value.
        """
        if key and tuple(loc) in self.key_positions:
            line, col = self.key_positions[tuple(loc)]
            return Position(self.path, line, col)
        probe = tuple(loc)
        while probe and probe not in self.positions:
            probe = probe[:-1]
        line, col = self.positions.get(probe, (1, 1))
        return Position(self.path, line, col)

    def where(self, loc: Loc, *, key: bool = False) -> str:
        """Return ``file:line:col`` for ``loc`` (see :meth:`position`)."""
        return str(self.position(loc, key=key))


def dotted(loc: Loc) -> str:
    """Return ``impacts[0].baseline`` for ``("impacts", 0, "baseline")``."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "(top level)"


def describe_char(char: str) -> Message | str:
    """Name a character for a message: ``a vertical tab`` or ``U+0007``."""
    return _VISIBLE_NAMES.get(char, f"U+{ord(char):04X}")


def removed_warning(where: Renderable | str, removed: list[Message | str]) -> Located:
    """The warning that cleaning took ``removed`` out of the text at ``where``."""
    return Located(
        where, Message("removed {what}, which Word cannot show", what=Joined(removed, ", "))
    )


def declared_locale(data: Any) -> str | None:
    """``settings.locale`` as the data gives it, if it is text (not checked further)."""
    settings = data.get("settings") if isinstance(data, dict) else None
    locale = settings.get("locale") if isinstance(settings, dict) else None
    return locale.strip() if isinstance(locale, str) and locale.strip() else None


def clean_text(text: str) -> tuple[str, list[Message | str]]:
    """Return ``text`` fit for a Word document, and the characters removed.

    Line endings and vertical tabs (pasted from Outlook or Excel) become
    newlines; page and paragraph breaks and other characters XML cannot hold
    are dropped. Lone surrogates are left for the caller to refuse.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")
    removed = sorted({describe_char(c) for c in _NOT_XML.findall(text)}, key=str)
    return _NOT_XML.sub("", text), removed


def read_text(path: Path) -> str:
    """Read a UTF-8 text file, with messages that say what to do when that fails."""
    raw = _read_bytes(path)
    path = shown_path(path)
    # UTF-32 starts with UTF-16's byte-order mark and would read as text full of NULs.
    utf32 = raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"))
    if b"\x00" in raw[:8000] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")) and not utf32:
        raise FactsError(
            [
                Located(
                    str(path),
                    Message(
                        "this is not a text file: give a YAML file saved as plain text (UTF-8)"
                    ),
                )
            ]
        )
    # UTF-16 only with its byte-order mark: without one, almost any bytes
    # (a Latin-1 file, say) decode as UTF-16, into nonsense.
    encoding = "utf-16" if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
    if not utf32:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            pass
    raise FactsError(
        [
            Located(
                str(path),
                Message(
                    "not saved as UTF-8 text: in your editor, save it again as 'UTF-8' and retry"
                ),
            )
        ]
    )


#: The facts "file" that means standard input, as in ``cat facts.yaml | pitchkit brief -``.
STDIN = Path("-")
#: How standard input is named in messages.
STDIN_NAME = "<stdin>"
_stdin_cache: list[bytes] = []


def shown_path(path: Path) -> Path:
    """``path`` as messages name it: standard input is ``<stdin>``."""
    return Path(STDIN_NAME) if path == STDIN else path


def _stdin_bytes() -> bytes:
    """Standard input, read once (a command may load the facts twice)."""
    if not _stdin_cache:
        if sys.stdin is None or sys.stdin.isatty():
            raise FactsError(
                [
                    Located(
                        STDIN_NAME,
                        Message(
                            "'-' reads the facts from standard input, but nothing was piped in: "
                            "give the file's path, or pipe it in, as in: "
                            "cat facts.yaml | pitchkit brief -"
                        ),
                    )
                ]
            )
        _stdin_cache.append(sys.stdin.buffer.read(MAX_BYTES + 1))
    return _stdin_cache[0]


def _read_bytes(path: Path) -> bytes:
    """Read at most :data:`MAX_BYTES` of ``path`` (it may be a pipe, or endless)."""
    if path == STDIN:
        raw = _stdin_bytes()
        path = shown_path(path)
        if len(raw) > MAX_BYTES:
            raise FactsError([Located(str(path), _too_large())])
        return raw
    try:
        if not path.exists():
            raise FactsError(
                [Located(str(path), Message("file not found: check the path and the file name"))]
            )
        if path.is_dir():
            raise FactsError(
                [
                    Located(
                        str(path),
                        Message("this is a folder: give the path of a YAML file inside it"),
                    )
                ]
            )
        with path.open("rb") as stream:
            raw = stream.read(MAX_BYTES + 1)
    except OSError as error:  # also from exists(), in a folder the user may not enter
        reason = error.strerror or str(error)
        raise FactsError(
            [
                Located(
                    str(path),
                    Message("cannot be read ({reason}): check its permissions", reason=reason),
                )
            ]
        ) from None
    if len(raw) > MAX_BYTES:
        raise FactsError([Located(str(path), _too_large())])
    return raw


def _too_large() -> Message:
    return Message(
        "larger than {size} MB, far more than any facts file: check that this is the file "
        "you meant",
        size=MAX_BYTES // 1_000_000,
    )


def _scrub_raw(text: str, path: Path) -> tuple[str, list[Renderable | str]]:
    """Replace characters the YAML reader refuses, warning where each was."""
    warnings: list[Renderable | str] = []
    if not _RAW_REFUSED.search(text):
        return text, warnings
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        for match in _RAW_REFUSED.finditer(line):
            message = Message(
                "removed {what} (pasted text often carries these); check the text there "
                "reads as you meant",
                what=describe_char(match.group()),
            )
            warnings.append(Located(f"{path}:{number}:{match.start() + 1}", message))
    # A vertical tab or form feed separates words: keep a space there.
    text = text.replace("\x0b", " ").replace("\x0c", " ")
    return _RAW_REFUSED.sub("", text), warnings


def _yaml_problem(error: YAMLError, path: Path, text: str = "") -> Located:
    """Turn a ruamel.yaml error into one located line with advice."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    unclosed = "while scanning a quoted scalar" in str(getattr(error, "context", ""))
    opened = getattr(error, "context_mark", None)
    if unclosed and opened is not None:
        mark = opened  # where the quote opened, not the end of the file
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = (getattr(error, "problem", None) or str(error)).strip()
    advice = _yaml_advice(problem.lower(), unclosed=unclosed)
    runaway = None if unclosed or mark is None else _runaway_quote(text, mark.line)
    if runaway is not None:
        line, col = runaway
        message = Message(
            "YAML could not be read: this quote is never closed, so the lines after it were "
            "read as part of the same text: close the quote where the text ends"
        )
        return Located(f"{path}:{line}:{col}", message)
    comment = _comment_in_flow(text, error)
    if comment is not None:
        line, col = comment
        advice = Message(
            "a ' #' starts a comment, so the rest of the line was not read: put the text in quotes"
        )
    tabs = "'\\t'" in problem  # the line is fine once indented with spaces
    after = _tab_after(text, line, col) if tabs else None
    if after is not None:
        # Not an indent: a tab between a field and its value (``baseline:<tab>540``).
        message = Message(
            "YAML could not be read: there is a tab after '{before}': use a space instead",
            before=after,
        )
        return Located(f"{path}:{line}:{col}", message)
    fixed = None if unclosed or tabs else rewrite_at(text, line, col)
    if fixed is not None:
        message = Message(
            "YAML could not be read: {problem}: {advice}, as in: {fixed}",
            problem=problem,
            advice=advice,
            fixed=fixed,
        )
    else:
        message = Message(
            "YAML could not be read: {problem}: {advice}", problem=problem, advice=advice
        )
    return Located(f"{path}:{line}:{col}", message)


def _tab_after(text: str, line: int, col: int) -> str | None:
    """What comes before a tab the reader stopped at, when it is not in the indent.

    ``baseline:`` for ``  baseline:<tab>540``; ``None`` for a tab at the start
    of a line, which is an indent.
    """
    written = line_of(text, line)
    if not 0 < col <= len(written) or written[col - 1] != "\t":
        return None
    before = written[: col - 1].rstrip(" \t")
    if not before.strip():
        return None
    return before.split()[-1]


#: A line that reads as a field of its own (``  organisation: NHS Trust``).
@functools.cache
def _field_line() -> re.Pattern[str]:
    return re.compile(r"^\s*(?:-\s+)?[A-Za-z_][\w .-]*:(?:\s|$)")


def _runaway_quote(text: str, failed_line: int) -> tuple[int, int] | None:
    """Where a quote opened that ran on over the following fields, as ``(line, column)``.

    A quoted text may go on over several lines, so a missing closing quote
    is only noticed where a later quote happens to close it, often many
    lines down, and the reader complains there (``failed_line``, from 0). A
    quoted text that took in a line such as ``organisation: ...`` and ends
    on that line, or the one before, is the one left open.
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError
    from ruamel.yaml.tokens import ScalarToken

    try:
        for token in YAML(typ="safe", pure=True).scan(text):
            start, end = token.start_mark, token.end_mark
            if not isinstance(token, ScalarToken) or token.style not in ("'", '"'):
                continue
            if start.line == end.line or not end.line <= failed_line <= end.line + 1:
                continue
            taken = text[start.index : end.index].splitlines()[1:]
            if any(_field_line().match(line) for line in taken):
                return start.line + 1, start.column + 1
    except (YAMLError, RecursionError):
        pass
    return None


def _comment_in_flow(text: str, error: YAMLError) -> tuple[int, int] | None:
    """Where a ``#`` cut a ``{...}`` or ``[...]`` short, as ``(line, column)``."""
    opened = getattr(error, "context_mark", None)
    context = str(getattr(error, "context", ""))
    if opened is None or "while parsing a flow" not in context:
        return None
    line = line_of(text, opened.line + 1)
    found = line.find(" #", opened.column)
    return (opened.line + 1, found + 2) if found >= 0 else None


def _yaml_advice(lowered: str, *, unclosed: bool) -> Message:
    """What to do about the YAML reader's (lower-cased) complaint."""
    if "tab" in lowered or "'\\t'" in lowered or "\t" in lowered:
        return Message("indent with spaces, not tabs")
    if "mapping values are not allowed" in lowered:
        return Message("put text containing ': ' in quotes, or indent the line under its field")
    if "found duplicate key" in lowered:
        return Message("each field may appear only once in the same block; remove or rename one")
    if "could not find expected ':'" in lowered:
        return Message("each line in a block needs 'field: value'; check the line above too")
    if "did not find expected key" in lowered or "expected <block end>" in lowered:
        return Message("line up this field with the others in its block, using spaces")
    if any(f"found character '{c}'" in lowered for c in "@`%"):
        return Message("put text starting with '@', '%' or '`' in quotes")
    if "found undefined alias" in lowered:
        return Message("put text starting with '*' in quotes")
    if "found unknown escape" in lowered:
        return Message("put the text in single quotes ('...') so it is read literally")
    if unclosed:
        return Message("this quote is never closed: close the quote where the text ends")
    if "found another document" in lowered:
        return Message(
            "a facts file holds one document: remove this '---' line and merge what follows"
        )
    return Message("check the indentation and put text containing ': ' or '#' in quotes")


class Parsed(NamedTuple):
    """A YAML file read and parsed once, before its text is resolved to a language."""

    path: Path
    node: Any
    warnings: tuple[Renderable | str, ...]
    text: str = ""
    #: Whether a node may sit in the tree more than once (an ``*alias``); ``False`` for a tree
    #: read by :mod:`pitchkit.facts.blockyaml`, which has no aliases.
    shared: bool = True


def parse_yaml(path: Path, text: str | None = None) -> Parsed:
    """Read and parse ``path`` (the slow part of loading), for :func:`load_yaml` in any language.

    ``text``, when given, is parsed as ``path``'s content (a file about to be
    written there), so every message names the user's file. Raises
    :class:`FactsError` with located messages.
    """
    text = read_text(path) if text is None else text
    path = shown_path(path)
    text, warnings = _scrub_raw(text, path)
    start = f"{path}:1:1"
    node, shared = _compose(text, path)
    if node is not None:
        if shared:
            written, expanded = _value_counts(node, MAX_VALUES)
        else:  # every node is in the tree once: it holds as many values as it writes out
            written = expanded = _tree_size(node)
        if written > MAX_VALUES:
            message = Message(
                "the file holds more than {count} values, far more than any facts file: "
                "check that this is the file you meant, or split it",
                count=format(MAX_VALUES, ","),
            )
            raise FactsError([Located(start, message)], locale=_locale_in_text(text))
        if expanded > MAX_VALUES:
            message = Message(
                "the file holds more than {count} values once its aliases (*name) are filled in: "
                "write the repeated parts out, or remove them",
                count=format(MAX_VALUES, ","),
            )
            raise FactsError([Located(start, message)], locale=_locale_in_text(text))
    return Parsed(path, node, tuple(warnings), text, shared)


def _compose(text: str, path: Path) -> tuple[Any, bool]:
    """The node tree of ``text``: by :mod:`pitchkit.facts.blockyaml` when it can, else by ruamel.

    Plain block YAML (most facts files) is read line by line, about ten
    times faster, and ruamel is not even imported; anything else, every file
    with a mistake included, is read by ruamel's pure-Python safe composer
    (the same nodes, marks and errors as the round-trip one, which keeps
    comments, unused here), as before. Also says whether a node may be used
    more than once in the tree (ruamel's, through an alias), which
    blockyaml's never is. Raises :class:`FactsError`.
    """
    try:
        return blockyaml.compose(text), False
    except (blockyaml.Declined, RecursionError):
        pass
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    start = f"{path}:1:1"
    yaml = YAML(typ="safe", pure=True)
    yaml.allow_duplicate_keys = False
    try:
        return yaml.compose(text), True
    except MarkedYAMLError as error:
        raise FactsError([_yaml_problem(error, path, text)], locale=_locale_in_text(text)) from None
    except YAMLError as error:
        message = Message("YAML could not be read: {problem}", problem=str(error))
        raise FactsError([Located(start, message)], locale=_locale_in_text(text)) from None
    except RecursionError:
        message = Message("the YAML is nested too deeply to read")
        raise FactsError([Located(start, message)], locale=_locale_in_text(text)) from None


def load_yaml(path: Path, *, lang: str = "en", parsed: Parsed | None = None) -> Source:
    """Load ``path`` as YAML into plain data with positions.

    Scalars become their text as written (``None`` for an empty or null
    value); ``{en: ..., cy: ...}`` text is resolved to ``lang``, falling back
    to the other language. Pass ``parsed`` (from :func:`parse_yaml`) to
    resolve a file already read in another language without reading it
    again. Raises :class:`FactsError` with located messages.
    """
    parsed = parsed or parse_yaml(path)
    node = parsed.node
    source = Source(path=parsed.path, data=None, warnings=list(parsed.warnings), text=parsed.text)
    if node is None:
        return source
    problems: list[Renderable | str] = []
    source.aliased = aliased(node) if parsed.shared else set()
    source.data = _convert(node, (), source, lang, problems, depth=0)
    if problems:
        raise FactsError(problems, locale=declared_locale(source.data))
    if lang == "cy":
        _welsh_organisation(source)
    return source


def _welsh_organisation(source: Source) -> None:
    """An NHS Wales body named in English, given its official Welsh name (newuser31 #3).

    Its name heads every Welsh document; the seven health boards and three
    trusts have certain Welsh names, so the user is not asked for them. Any
    other English name is left for the English-text warning to name.
    """
    project = source.data.get("project") if isinstance(source.data, dict) else None
    english = project.get("organisation") if isinstance(project, dict) else None
    welsh = welsh_name(english) if isinstance(english, str) else None
    if welsh is None or not isinstance(english, str) or not isinstance(project, dict):
        return
    project["organisation"] = welsh
    source.english.setdefault(welsh, english.strip())
    loc = ("project", "organisation")
    source.untranslated[:] = [where for where in source.untranslated if tuple(where) != loc]


def _locale_in_text(text: str) -> str | None:
    """A ``locale:`` the text seems to give, for reporting on a file YAML cannot read.

    Only a guess, made before reading: the language of the messages depends
    on it, nothing else.
    """
    found = _locale_line().search(text[:200_000])
    return found.group(1) if found else None


def _children(node: Node) -> list[Node]:
    """The nodes directly inside ``node``: items, or keys and values."""
    if is_sequence(node):
        return list(node.value)
    if is_mapping(node):
        return [child for pair in node.value for child in pair]
    return []


def _tree_size(root: Node) -> int:
    """How many nodes a tree holds (no node in it twice): :func:`_value_counts` for a tree."""
    count = 0
    stack = [root]
    while stack:
        node = stack.pop()
        count += 1
        stack.extend(_children(node))
    return count


def _value_counts(root: Node, limit: int) -> tuple[int, int]:
    """How many values the file writes out, and how many it holds with every alias filled in.

    An alias reuses a node, so a few lines of ``&a [*b, *b, ...]`` can stand
    for billions of values. Each node is counted once, without recursion,
    at any depth (an anchor defined deep inside nested lists counts in full
    wherever it is used); counts stop growing past ``limit``.
    """
    sizes: dict[int, int] = {}
    in_progress: set[int] = set()
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, children_counted = stack.pop()
        key = id(node)
        if key in sizes:
            continue
        children = _children(node)
        if children_counted:
            # A child still in progress is a node that holds itself: it adds one value.
            total = 1 + sum(sizes.get(id(child), 1) for child in children)
            sizes[key] = min(total, limit + 1)
            in_progress.discard(key)
            continue
        in_progress.add(key)
        stack.append((node, True))
        stack.extend(
            (child, False)
            for child in children
            if id(child) not in sizes and id(child) not in in_progress
        )
    return len(sizes), sizes[id(root)]


def _mark(node: Node) -> tuple[int, int]:
    """A node's ``(line, column)``, counted from 1."""
    return node.start_mark.line + 1, node.start_mark.column + 1


def _convert(
    node: Node,
    loc: Loc,
    source: Source,
    lang: str,
    problems: list[Renderable | str],
    depth: int,
) -> Any:
    """Convert one composed node (and its children) to plain data."""
    if depth > 60:
        problems.append(
            Located(f"{source.where(loc)}: {dotted(loc)}", Message("nested too deeply"))
        )
        return None
    source.positions.setdefault(loc, _mark(node))
    if is_scalar(node):
        slip = indicator_slip(source.text, node, source.aliased)
        if slip is not None:
            problems.append(Located(f"{source.where(loc)}: {dotted(loc)}", slip))
            return None
        if node.tag == NULL_TAG and node.style is None:
            return None
        text = str(node.value)
        if node.style == ">":
            # The round-trip composer marked folded line breaks with BEL (a real BEL was
            # removed before reading); kept so either composer reads the same.
            text = text.replace("\x07", "")
        return _clean_scalar(text, loc, source, problems)
    if is_sequence(node):
        return [
            _convert(child, (*loc, index), source, lang, problems, depth + 1)
            for index, child in enumerate(node.value)
        ]
    if is_mapping(node):
        return _convert_mapping(node, loc, source, lang, problems, depth)
    return None  # pragma: no cover - ruamel composes only these three kinds


def _convert_mapping(
    node: Node,
    loc: Loc,
    source: Source,
    lang: str,
    problems: list[Renderable | str],
    depth: int,
) -> Any:
    """Convert a mapping, refusing odd or repeated field names; resolve ``{en:, cy:}`` text."""
    result: dict[str, Any] = {}
    previous: Node | None = None
    pairs = list(node.value)
    skip = 0
    for index, (key_node, value_node) in enumerate(pairs):
        if skip:
            skip -= 1
            continue
        if not is_scalar(key_node):
            line, col = _mark(key_node)
            problems.append(
                Located(
                    f"{source.path}:{line}:{col}: {dotted(loc)}",
                    Message("a field name must be plain text"),
                )
            )
            continue
        key = str(key_node.value).strip()
        child = (*loc, key)
        split = _split_by_comma(node, pairs, index, previous, source)
        if split is not None:
            message, covered = split
            skip = covered - 1
            line, col = _mark(key_node)
            problems.append(Located(f"{source.path}:{line}:{col}: {dotted(loc)}", message))
            continue
        previous = value_node
        if key in result:
            line, col = _mark(key_node)
            problems.append(
                Located(
                    f"{source.path}:{line}:{col}: {dotted(child)}",
                    Message("this field appears twice in the same block: keep one"),
                )
            )
            continue
        source.positions[child] = _mark(value_node)
        source.key_positions[child] = _mark(key_node)
        result[key] = _convert(value_node, child, source, lang, problems, depth + 1)
    if result and set(result) <= LANGUAGE_KEYS and all(isinstance(v, str) for v in result.values()):
        chosen = result.get(lang) or next(v for v in result.values() if v)
        if not result.get(lang):
            source.untranslated.append(loc)
        english = (result.get("en") or "").strip()
        if english and chosen.strip() != english:
            source.english.setdefault(chosen.strip(), english)
        return chosen
    return result


def _split_by_comma(
    node: Node, pairs: list[tuple[Node, Node]], start: int, previous: Node | None, source: Source
) -> tuple[Message, int] | None:
    """The one message for ``{field: text, more, text}``, when ``pairs[start]`` starts that way.

    The fields from ``start`` on written with no ``:`` and no value, on the
    line ``previous``'s text starts on, are the rest of that text. Returns
    the message and how many fields it accounts for. Only that line is
    looked at, so a mapping of many fields costs no more than its size.
    """
    if previous is None or not is_flow(node):
        return None
    orphans: list[Node] = []
    for key, value in (pairs[at] for at in range(start, len(pairs))):
        if not flow_key_without_value(key, value):
            break
        orphans.append(key)
        if key.end_mark.line != previous.start_mark.line:
            break
    if not orphans:
        return None
    return split_by_comma(source.text, previous, orphans)


def _clean_scalar(text: str, loc: Loc, source: Source, problems: list[Renderable | str]) -> str:
    """A scalar's text cleaned for Word; a broken character is a problem.

    Where the scalar is written is worked out only for a message: most are clean.
    """
    if _LONE_SURROGATE.search(text):
        message = Message(
            "contains a broken character (a lone UTF-16 surrogate such as \\ud800): "
            "remove the escape or retype the text"
        )
        problems.append(Located(f"{source.where(loc)}: {dotted(loc)}", message))
        return ""
    cleaned, removed = clean_text(unicodedata.normalize("NFC", text))
    if removed:
        source.warnings.append(removed_warning(f"{source.where(loc)}: {dotted(loc)}", removed))
    return cleaned


def iter_strings(data: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Yield every string in ``data`` with its location."""
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from iter_strings(value, (*loc, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from iter_strings(value, (*loc, index))
