"""Reading and checking a Word template file, and saying what went wrong in it.

Before filling, :func:`check_template_file` refuses a file that is missing,
a folder, encrypted or not a Word document. While filling, the template's
XML is prepared for Jinja (:func:`normalise_tags`, :func:`mark_paragraphs`),
and a failure is described in one line naming the template, the part and
the paragraph (:func:`describe_failure`).
"""

from __future__ import annotations

import functools
import re
import zipfile
import zlib
from pathlib import Path

import jinja2
from jinja2.exceptions import SecurityError, TemplateSyntaxError, UndefinedError

from pitchkit.errors import PitchkitError, TemplateError
from pitchkit.i18n.messages import Joined, Located, Message, Renderable
from pitchkit.word.prepared import template as prepared_template
from pitchkit.word.renderenv import NotAllowed, TooLarge, Wording
from pitchkit.word.templatezip import MAX_TOTAL_BYTES, check_package

#: The first bytes of an OLE compound file: an encrypted .docx or an old .doc.
OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
#: Quotes Word and LibreOffice type automatically, and what they mean inside a tag.
TAG_QUOTES = str.maketrans(
    {"“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "‘": "'", "’": "'", "‚": "'", "‛": "'"}
)
_OPENERS = ("{{", "{%")
_CLOSERS = ("}}", "%}")


@functools.cache
def _pattern(source: str) -> re.Pattern[str]:
    """``source`` compiled on first use, once: a note from the built-in template needs none."""
    return re.compile(source)


#: Tag marks (``{{``, ``{%``, ``{#`` and their ends), found in one linear pass.
_TAG_MARK = r"\{[\{%#]|[\}%#]\}"


#: More tags left open than this, and docxtpl's clean-up (whose patterns
#: rescan the rest of the part for each open tag) would take quadratic time.
MAX_UNCLOSED_TAGS = 20


_XML_TAG = r"<[^>]*>"


_PARAGRAPH_START = r"<w:p([ >])"


_SHOWN_CHARS = 100
#: Exceptions a template's own tags cause (``{{ 1/0 }}``, ``{{ "a" + 1 }}``, a bad filter
#: option, ``{{ cycler() }}`` with nothing to cycle).
_USER_MADE = (
    PitchkitError,
    jinja2.TemplateError,
    ArithmeticError,
    LookupError,
    TypeError,
    ValueError,
    AttributeError,
    RuntimeError,
)


def _problem(error: BaseException) -> Renderable | str:
    """What went wrong, as the message it was raised with (translatable where it was made)."""
    if isinstance(error, PitchkitError):
        return error.text
    first = error.args[0] if error.args else None
    if isinstance(first, Wording):
        return first.message
    return str(error)


def _next_of(text: str, marks: tuple[str, str], start: int) -> int:
    """The first place at or after ``start`` where one of ``marks`` begins, or -1."""
    found = [place for place in (text.find(mark, start) for mark in marks) if place >= 0]
    return min(found) if found else -1


def normalise_tags(xml: str) -> str:
    """Straighten curly quotes inside ``{{ }}`` and ``{% %}`` tags (Word's smart quotes).

    A tag's body runs from just after ``{{`` or ``{%`` to the first ``}}``
    or ``%}``. One pass, linear in the length of ``xml`` however many tags
    are left open.
    """
    pieces: list[str] = []
    done = 0
    position = 0
    while True:
        opener = _next_of(xml, _OPENERS, max(position - 2, 0))
        if opener < 0:
            break
        start = opener + 2
        if start < position:  # an opener overlapping the end of the last body
            start = position
        end = _next_of(xml, _CLOSERS, start)
        if end == start:  # an empty body: as re.sub does, try for a longer one here too
            end = _next_of(xml, _CLOSERS, start + 1)
        if end < 0:
            break
        pieces.append(xml[done:start])
        pieces.append(xml[start:end].translate(TAG_QUOTES))
        done = position = end
    pieces.append(xml[done:])
    return "".join(pieces)


def unclosed_tags(text: str) -> int:
    """How many ``{{``, ``{%`` or ``{#`` marks in ``text`` are not closed before the next opens."""
    unclosed = 0
    open_now = False
    for match in _pattern(_TAG_MARK).finditer(text):
        if match.group(0)[0] == "{":
            unclosed += open_now
            open_now = True
        else:
            open_now = False
    return unclosed + open_now


def last_open_tag(text: str) -> tuple[int, str] | None:
    """Where the last ``{{``, ``{%`` or ``{#`` in ``text`` that no closing mark follows starts.

    Returns its position and the opening mark, or ``None`` when every tag
    opened in ``text`` is closed.
    """
    found: tuple[int, str] | None = None
    for match in _pattern(_TAG_MARK).finditer(text):
        mark = match.group(0)
        if mark[0] == "{":
            found = (match.start(), mark)
        elif found is not None and mark[0] == _CLOSING[found[1]][0]:
            found = None
    return found


#: The mark that closes each opening one.
_CLOSING = {"{{": "}}", "{%": "%}", "{#": "#}"}


def without_open_tag(marked_xml: str, lineno: int | None) -> str | None:
    """``marked_xml`` with the opening of the unclosed tag on line ``lineno`` taken out.

    Checking a template goes on past a tag left open, to find the problems
    after it too; ``None`` when that line has no unclosed tag.
    """
    lines = marked_xml.split("\n")
    if lineno is None or not 1 <= lineno <= len(lines):
        return None
    line = lines[lineno - 1]
    found = last_open_tag(line)
    if found is None:
        return None
    at, mark = found
    lines[lineno - 1] = line[:at] + line[at + len(mark) :]
    return "\n".join(lines)


def check_tags_close(xml: str, name: str) -> None:
    """Refuse a part with more than :data:`MAX_UNCLOSED_TAGS` tags that never close.

    Counted in the part's text with Word's XML tags taken out, as docxtpl
    joins a ``{`` and a ``%`` that Word split across runs.
    """
    count = unclosed_tags(_pattern(_XML_TAG).sub("", xml))
    if count > MAX_UNCLOSED_TAGS:
        raise TemplateError(
            Located(
                name,
                Message(
                    "{count} tags open with {{{{, {{% or {{# but do not close before the next "
                    "one opens: close each tag, or remove the stray braces",
                    count=format(count, ","),
                ),
            )
        )


def mark_paragraphs(xml: str) -> str:
    """Put each ``<w:p>`` on its own line, so Jinja's line numbers point at paragraphs."""
    return _pattern(_PARAGRAPH_START).sub(r"\n<w:p\1", xml)


def paragraph_text(marked_xml: str, lineno: int | None, *, shorten: bool = True) -> str:
    """The visible text of line ``lineno`` of a marked part, shortened for a message."""
    lines = marked_xml.splitlines()
    if lineno is None or not 1 <= lineno <= len(lines):
        return ""
    import html  # only for a template's error: a note never needs it

    text = " ".join(html.unescape(_pattern(_XML_TAG).sub("", lines[lineno - 1])).split())
    return shortened(text) if shorten else text


def shortened(text: str) -> str:
    """``text`` cut to fit a message, with an ellipsis where it was cut."""
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…"


def part_label(partname: str) -> str:
    """``body``, ``header``, ``footer``, ``footnotes`` or ``endnotes`` for a part name."""
    stem = partname.rsplit("/", 1)[-1].removesuffix(".xml")
    for label in ("header", "footer", "footnotes", "endnotes"):
        if stem.startswith(label):
            return label
    return "body"


def _template_line(error: BaseException) -> int | None:
    """The template line Jinja was running when ``error`` happened."""
    import traceback  # only for a template's error: it takes about 1 ms to load

    lines = [
        frame.lineno
        for frame in traceback.extract_tb(error.__traceback__)
        if frame.filename == "<template>"
    ]
    return lines[-1] if lines else None


#: A Jinja block tag: ``{% for o in offer %}``, ``{%- endif -%}``.
_BLOCK_TAG = r"(?s)\{%[-+]?\s*(\w+)(.*?)[-+]?%\}"


#: The tags that open a block closed by ``end`` and their name.
_BLOCK_OPENERS = frozenset(
    {"for", "if", "with", "filter", "macro", "call", "block", "autoescape", "trans", "set"}
)


def never_closed(marked_xml: str, problem: str) -> tuple[int, str, str] | None:
    """Where the block Jinja found never closed opens: its line, the tag as written, its name.

    ``None`` unless ``problem`` is Jinja's "Unexpected end of template" for
    a block left open. Jinja gives up at the end of the part, so its own line
    points at the last paragraph, not at the tag to close.
    """
    found = _pattern(_NEVER_CLOSED).search(problem)
    if found is None:
        return None
    wanted = found.group(1)
    opened: list[tuple[str, int]] = []
    for match in _pattern(_BLOCK_TAG).finditer(marked_xml):
        tag = match.group(1)
        if tag == "set" and "=" in match.group(2):
            continue  # {% set x = 1 %} has no end
        if tag in _BLOCK_OPENERS:
            opened.append((tag, match.start()))
        elif tag.startswith("end"):
            for index in range(len(opened) - 1, -1, -1):
                if opened[index][0] == tag[3:]:
                    del opened[index:]
                    break
    for tag, start in reversed(opened):
        if tag == wanted:
            written = _pattern(_BLOCK_TAG).match(marked_xml, start)
            assert written is not None
            import html  # only for a template's error, as in paragraph_text

            shown = " ".join(html.unescape(written.group(0)).split())
            return marked_xml.count("\n", 0, start) + 1, shown, tag
    return None


_NEVER_CLOSED = (
    r"(?s)Unexpected end of template.*innermost block that needs to be closed is '(\w+)'"
)


def describe_failure(
    error: BaseException, name: str, where: str, marked_xml: str
) -> Renderable | None:
    """A one-line message for a template that failed to fill, or None if it is not one.

    The message starts with the place (template, part and paragraph), which
    is shown as it is; what went wrong and what to do are translatable.
    """
    opening = None
    if isinstance(error, TemplateSyntaxError):
        line: int | None = error.lineno
        opening = never_closed(marked_xml, error.message or "")
        if opening is not None:
            # Jinja gives up at the end of the part: the place to fix is where the block opens.
            line = opening[0]
    else:
        line = _template_line(error)
    text = paragraph_text(marked_xml, line)
    place = f'{name} ({where}, paragraph "{text}")' if text else f"{name} ({where})"
    if opening is not None:
        return Located(
            place,
            Message(
                "the {tag} tag opened here is never closed: add {{% end{block} %}} where its "
                "section ends",
                tag=opening[1],
                block=opening[2],
            ),
        )
    if isinstance(error, TemplateSyntaxError):
        whole = paragraph_text(marked_xml, line, shorten=False)
        half = half_closed(whole)
        if half is not None:
            # docxtpl joins Word's text from the half-closed tag up to the next tag's end,
            # paragraph breaks and all: the paragraph to fix ends at the stray mark.
            end, mark = half
            shown = shortened(whole[:end])
            return Located(f'{name} ({where}, paragraph "{shown}")', _not_closed(mark))
        return Located(place, syntax_message(error.message or "", whole))
    message = _failure_message(error)
    return None if message is None else Located(place, message)


def unsafe_message(attribute: str) -> Message:
    """Why a tag reaching Python's internals (``__class__``) is refused, in every command."""
    if not attribute:
        return Message(
            "an expression reaches Python's internals and is refused: "
            "templates may only use the documented variables"
        )
    return Message(
        "`{attribute}` reaches Python's internals and is refused: "
        "templates may only use the documented variables",
        attribute=attribute,
    )


def _failure_message(error: BaseException) -> Renderable | None:
    """What went wrong in a template's tag and how to fix it, without the place."""
    if isinstance(error, TemplateSyntaxError):
        return syntax_message(error.message or "", "")
    if isinstance(error, TooLarge) and error.power:
        return Message(
            "a power of {power} makes a number far too large for a note: use a smaller one",
            power=format(error.made, ","),
        )
    if isinstance(error, TooLarge):
        return Message(
            "an expression would make {made} characters or items, more than a note could "
            "hold: repeat text a few times at most",
            made=format(error.made, ","),
        )
    if isinstance(error, NotAllowed):
        return Joined((_problem(error),))
    if isinstance(error, SecurityError):
        # In template check's words, never Jinja's own sentence (newuser18 #7).
        named = re.search(r"attribute '([^']+)'", str(error))
        return unsafe_message(named.group(1) if named else "")
    if isinstance(error, UndefinedError):
        if "did you mean" in str(error):
            return Message(
                "{problem} ('pitchkit template check' lists the variables)",
                problem=_problem(error),
            )
        return Message(
            "{problem}: check the spelling ('pitchkit template check' lists the variables)",
            problem=_problem(error),
        )
    if isinstance(error, jinja2.TemplateNotFound):
        return Message(
            "refused to import or include '{name}': "
            "templates cannot use other files, so remove that tag",
            name=error.name,
        )
    if isinstance(error, RecursionError):
        return Message("a macro calls itself too deeply: remove the loop")
    missing = _missing_name(str(error)) if isinstance(error, jinja2.TemplateError) else None
    if missing is not None:
        return missing
    if isinstance(error, _USER_MADE):
        problem = _problem(error)
        return Message(
            "the tag could not be filled ({problem}): correct it in Word",
            problem=problem.strip().rstrip(".") if isinstance(problem, str) else problem,
        )
    return None


_NO_FILTER = r"No filter named '([^']+)'"


_NO_TEST = r"No test named '([^']+)'"


def _missing_name(problem: str) -> Renderable | None:
    """The message for Jinja's "No filter named" or "No test named", else None."""
    found = _pattern(_NO_FILTER).search(problem)
    if found:
        return unknown_filter(found.group(1))
    found = _pattern(_NO_TEST).search(problem)
    if found:
        return unknown_test(found.group(1))
    return None


def unknown_filter(name: str, suggestion: str | None = None) -> Renderable:
    """The message for a ``|name`` filter the template environment does not have."""
    if suggestion:
        return Message(
            "unknown filter '|{name}': did you mean '|{suggestion}'?",
            name=name,
            suggestion=suggestion,
        )
    return Message(
        "unknown filter '|{name}': use one of Jinja's filters or pitchkit's own "
        "(listed in docs/template-variables.md)",
        name=name,
    )


def unknown_test(name: str, suggestion: str | None = None) -> Renderable:
    """The message for an ``is name`` test the template environment does not have."""
    if suggestion:
        return Message(
            "unknown test 'is {name}': did you mean 'is {suggestion}'?",
            name=name,
            suggestion=suggestion,
        )
    return Message(
        "unknown test 'is {name}': use one of Jinja's tests, such as defined, none, "
        "number, string or mapping",
        name=name,
    )


def too_deep(name: str, where: str) -> TemplateError:
    """The error for a tag nested too deeply for Jinja to read (``((((...))))``)."""
    return TemplateError(
        Located(
            f"{name} ({where})",
            Message(
                "a tag nests brackets or expressions too deeply to be read: "
                "simplify it in Word, or split it with {{% set %}}"
            ),
        )
    )


def compile_tag_source(
    env: jinja2.Environment, source: str, name: str, where: str
) -> jinja2.Template:
    """Compile one part's Jinja source; a failure is a :class:`TemplateError` naming the part.

    A built-in template's part comes with its Python generated ahead of time
    (:mod:`pitchkit.word.prepared`), which is only compiled.
    """
    shipped = prepared_template(env, source)
    if shipped is not None:
        return shipped
    try:
        return env.from_string(source)
    except RecursionError:
        raise too_deep(name, where) from None
    except Exception as error:
        message = describe_failure(error, name, where, source)
        if message is None:
            raise
        raise TemplateError(message) from None


#: docxtpl's Word tags: ``{%p`` for a paragraph, ``{%tr`` a table row, and so on.
_WORD_TAGS = {
    "p": Message("paragraph"),
    "tr": Message("table row"),
    "tc": Message("table cell"),
    "r": Message("run of text"),
}


_UNKNOWN_TAG = r"Encountered unknown tag '(\w+)'"


_AT_OFFSET = r" at \d+$"


_UNCLOSED = r"innermost block that needs to be closed is '(\w+)'"


def _not_closed(opening: str) -> Message:
    """A tag opened with ``opening`` and not closed in its paragraph: what closes it."""
    return Message(
        "the {opening} tag is not closed in this paragraph: end it with {closing} "
        "in the same paragraph",
        opening=opening,
        closing=_CLOSING[opening],
    )


_OPENING = r"\{[\{%#]"


def half_closed(text: str) -> tuple[int, str] | None:
    """A tag in ``text`` closed by half its closing mark (``{{ title }``), if any.

    Returns where the stray half mark ends and the tag's opening mark: the tag's
    whole closing mark does not come before the next tag opens, but its first
    character does (``{{ title }Dear {{ name }}``, two paragraphs docxtpl joined).
    """
    openings = list(_pattern(_OPENING).finditer(text))
    # Only a tag another one follows: docxtpl joins paragraphs up to that one's end, and
    # a half-closed tag alone in its paragraph is quoted whole by :func:`syntax_message`.
    for number, match in enumerate(openings[:-1]):
        mark = match.group(0)
        start = match.end()
        after = openings[number + 1].start()
        closing = _CLOSING[mark]
        closed = text.find(closing, start)
        if 0 <= closed < after:
            continue
        half = text.rfind(closing[0], start, after)
        if half >= 0:
            return half + 1, mark
    return None


def syntax_message(problem: str, paragraph: str) -> Renderable:
    """What a Jinja syntax error means in a Word template, and what to do.

    ``problem`` is Jinja's own (English) explanation and ``paragraph`` the
    text of the paragraph it happened in, when known.
    """
    unknown = _pattern(_UNKNOWN_TAG).search(problem)
    if unknown and unknown.group(1) in _WORD_TAGS:
        tag = unknown.group(1)
        opened = paragraph.find("{%" + tag)
        closing = paragraph.find("%}", opened + 2) if opened >= 0 else -1
        inside = paragraph[opened + 2 + len(tag) : closing] if closing > opened >= 0 else ""
        if "%" in inside or (opened >= 0 and closing < 0):
            return Message(
                "a '%' inside the {{%{tag} ... %}} tag stops Word's {what} tag being recognised: "
                "take the '%' out of the tag (compare with 50, not 50%), or write it after the tag",
                tag=tag,
                what=_WORD_TAGS[tag],
            )
        return Message(
            "a {{%{tag} %}} tag must be alone in its {what}: move any other text out of it",
            tag=tag,
            what=_WORD_TAGS[tag],
        )
    unclosed = _pattern(_UNCLOSED).search(problem)
    if unknown and unclosed and unknown.group(1).startswith("end"):
        return Message(
            "{{% {tag} %}} cannot close the {{% {block} %}} tag that is still open: "
            "close it with {{% end{block} %}} first",
            tag=unknown.group(1),
            block=unclosed.group(1),
        )
    if unknown:
        return Message(
            "unknown tag '{tag}': check its spelling, or whether its opening tag is missing",
            tag=unknown.group(1),
        )
    missing = _missing_name(problem)
    if missing is not None:
        return missing
    if unclosed and "Unexpected end of template" in problem:
        block = unclosed.group(1)
        return Message(
            "the {{% {block} %}} tag is never closed: add {{% end{block} %}} where its "
            "section ends",
            block=block,
        )
    left_open = last_open_tag(paragraph)
    if left_open is not None:
        # Jinja's complaint is then about Word's XML after the tag ("unexpected '/'").
        return _not_closed(left_open[1])
    # Jinja's "at 1194" counts characters of Word's XML, which mean nothing in Word.
    problem = _pattern(_AT_OFFSET).sub("", problem.strip()).rstrip(".")
    return Message("tag error: {problem}: correct the tag in Word", problem=problem)


def unreadable(name: str | Path, error: BaseException) -> TemplateError:
    """The error for a file that opens but is not a Word template python-docx can read."""
    return TemplateError(
        Located(
            str(name),
            Message(
                "cannot be read as a Word template ({problem}): "
                "save it from Word as Word Document (.docx)",
                problem=str(error),
            ),
        )
    )


def broken_xml(name: str, error: BaseException) -> TemplateError:
    """The error for a template whose tags, once filled, leave Word's XML broken."""
    return TemplateError(
        Located(
            name,
            Message(
                "filling the template made broken Word XML ({problem}): "
                "check that {{%p %}}, {{%tr %}} and {{%tc %}} tags open and close "
                "in matching places",
                problem=str(error),
            ),
        )
    )


def check_template_file(path: Path) -> None:
    """Refuse a template that is missing, a folder, encrypted, or not a Word document."""
    if not path.exists():
        raise TemplateError(Located(str(path), Message("template not found: check the path")))
    if path.is_dir():
        raise TemplateError(
            Located(str(path), Message("this is a folder: give the path of a .docx template"))
        )
    try:
        with path.open("rb") as stream:
            start = stream.read(8)
    except OSError as error:
        raise TemplateError(
            Located(
                str(path),
                Message("cannot be read ({reason}): check its permissions", reason=error.strerror),
            )
        ) from None
    check_template_bytes(start, path)
    if path.stat().st_size > MAX_TOTAL_BYTES:
        raise TemplateError(
            Located(
                str(path),
                Message(
                    "the .docx would unpack to {size} MB, too large for a template: "
                    "remove large pictures, or save the template again in Word",
                    size=format(path.stat().st_size / 1_000_000, ",.1f"),
                ),
            )
        )
    broken: Renderable | str | None
    try:
        with zipfile.ZipFile(path) as archive:
            check_package(archive, str(path))
            names = set(archive.namelist())
            broken = archive.testzip()
    except (
        zipfile.BadZipFile,
        OSError,
        EOFError,
        zipfile.LargeZipFile,
        zlib.error,
        NotImplementedError,
        ValueError,
    ):
        broken = Message("the zip directory")
        names = set()
    if broken is not None:
        raise TemplateError(
            Located(
                str(path),
                Message(
                    "the .docx is damaged ({part} cannot be read): "
                    "open it in Word, let it repair the file, and save it again",
                    part=broken,
                ),
            )
        )
    if "word/document.xml" not in names:
        raise TemplateError(
            Located(
                str(path),
                Message(
                    "a zip file but not a Word document (no word/document.xml): "
                    "save your template from Word as a .docx"
                ),
            )
        )


def check_template_bytes(start: bytes, path: Path | str) -> None:
    """Refuse by its first bytes a file that is not a zip (.docx files are zips)."""
    if start.startswith(OLE_SIGNATURE):
        raise TemplateError(
            Located(
                str(path),
                Message(
                    "this document is password-protected (or an old Word 97-2003 .doc): "
                    "open it in Word, remove the password, and save it as .docx"
                ),
            )
        )
    if not start.startswith(b"PK"):
        raise TemplateError(
            Located(
                str(path),
                Message(
                    "not a Word .docx file: open it in Word and save it as Word Document (.docx)"
                ),
            )
        )
