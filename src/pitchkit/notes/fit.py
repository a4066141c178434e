"""Keep the briefing note to one page.

A director reads the note in the two minutes before a meeting, so it must
fit one A4 page. :func:`fit_brief` estimates how many lines the filled
built-in template takes and, while it would overflow, shows less: fewer
items from long lists first, then the first words of long texts. Every
cut is reported so the user can shorten the facts file instead; the facts
themselves are never changed. Names, the title and figures are never cut.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pitchkit.i18n.messages import Joined, Message, Plural, Renderable
from pitchkit.i18n.translation import Language, language

#: Usable height of the page body in points (A4 less the template's margins).
PAGE_HEIGHT = 745.0
#: Text widths in points: the template's A4 page less its side margins.
BODY_WIDTH = 487.0
BULLET_WIDTH = 469.0
BODY_SIZE = 10.0
LINE_FACTOR = 1.16 * 1.05  # Arial's line height and the template's line spacing
ELLIPSIS = "…"

# Approximate Arial advance widths, as a fraction of the font size.
_NARROW = frozenset("ijl.,;:'|!·")
_THIN = frozenset("ftrI()[]-/ ")
_WIDE = frozenset("mwMW@%")


@dataclass(frozen=True)
class Cut:
    """One thing the note shows less of than the facts file holds."""

    field: str
    #: How it was cut, worded when shown (two fits that cut alike compare equal).
    detail: Renderable


def _char_width(char: str) -> float:
    """The advance width of ``char`` as a fraction of the font size."""
    if char in _NARROW:
        return 0.25
    if char in _THIN:
        return 0.3
    if char in _WIDE:
        return 0.85
    if char.isupper():
        return 0.68
    if char.isdigit():
        return 0.556
    return 0.53


class _CharWidths(dict[str, float]):
    """Each character's width, worked out the first time it is asked for."""

    def __missing__(self, char: str) -> float:
        width = self[char] = _char_width(char)
        return width


_WIDTHS = _CharWidths()
#: Paragraphs up to this long are remembered (the last 2048 of them): the same
#: texts recur in every step of a fit and in every director's note. Longer ones
#: are rare and cut down early; remembering them would hold on to memory.
_REMEMBERED_CHARS = 2000


def _lines(text: str, width: float, *, size: float = BODY_SIZE, bold: bool = False) -> int:
    """Lines a paragraph of ``text`` wraps to, word by word, counting its line breaks."""
    text = str(text)
    scale = size * (1.07 if bold else 1.0)
    if len(text) > _REMEMBERED_CHARS:
        return _count_lines(text, width, scale)
    return _remembered_lines(text, width, scale)


def _count_lines(text: str, width: float, scale: float) -> int:
    """Lines ``text`` wraps to at ``width`` points, with letters ``scale`` points high."""
    space = 0.278 * scale
    char_width = _WIDTHS.__getitem__
    count = 0
    for part in text.split("\n"):
        count += 1
        used = 0.0
        for word in part.split():
            advance = sum(map(char_width, word)) * scale
            if used and used + space + advance > width:
                count += 1 + int(advance // width)
                used = advance % width
            else:
                used += (space if used else 0.0) + advance
    return count


@lru_cache(maxsize=2048)
def _remembered_lines(text: str, width: float, scale: float) -> int:
    """:func:`_count_lines`, remembered."""
    return _count_lines(text, width, scale)


def _para(
    text: str,
    *,
    width: float = BODY_WIDTH,
    after: float = 3.0,
    size: float = BODY_SIZE,
    bold: bool = False,
) -> float:
    """Height in points of one paragraph, with the space after it."""
    return _lines(text, width, size=size, bold=bold) * size * LINE_FACTOR + after


def _heading() -> float:
    return 12.5 * 1.16 + 7 + 2


def _bullets(items: list[str]) -> float:
    return sum(_para(item, width=BULLET_WIDTH, after=2.0) for item in items)


def estimate_height(context: dict[str, Any]) -> float:
    """Estimate the height in points the built-in brief's body takes with ``context``."""
    pitch = context["pitch"]
    project = context["project"]
    director = context["director"]
    total = _para(project["title"], size=17, bold=True, after=2)
    total += _para(f"For {director['name']}, {director['role']} · meeting on 30 September 2027")
    total += _heading() + _para(pitch["ask"], bold=True, size=10.5)
    total += _bullets(context["asks"][1:])
    total += _heading() + _para(pitch["headline"])
    total += _bullets([s["objective"] + " (personal): " + s["text"] for s in pitch["statements"]])
    total += _heading() + _para(project["problem"])
    if project["strategy"]:
        total += _para("Links to: " + ", ".join(project["strategy"]))
    if pitch["concerns"]:
        total += _para("Your concerns it addresses: " + ", ".join(pitch["concerns"]))
    total += _heading() + _para(project["change"])
    if project["evidence"]:
        total += _para("Evidence so far: " + ", ".join(project["evidence"]))
    if context["advice"]:
        total += _heading() + _bullets(context["advice"])
    if pitch["gains"]:
        total += _heading() + _bullets(pitch["gains"])
    if context["funding"]["text"] or context["timeline"]:
        total += _heading() + _para("Funding: " + context["funding"]["text"])
        total += _para("Timeline: " + context["timeline"]) if context["timeline"] else 0.0
        total += (
            _para(
                "At this level of funding we will also brief the whole executive team, "
                "and we would value your help in doing so."
            )
            if context["funding"]["whole_team"]
            else 0.0
        )
    lead = context["lead"]
    if lead["name"] or lead["email"] or lead["phone"]:  # else the template leaves Contact out
        total += _heading() + _para(
            f"{lead['name']}, {lead['role']} · {lead['email']} · {lead['phone']}"
        )
    if pitch["sources"]:
        total += _para("Unit costs used: " + "; ".join(pitch["sources"]), size=8, after=0) + 4
    return total


def shorten(text: str, words: int) -> str:
    """The first ``words`` words of ``text``, with an ellipsis when cut."""
    parts = str(text).split()
    if len(parts) <= words:
        return str(text)
    return " ".join(parts[:words]).rstrip(",;:.") + ELLIPSIS


def _owner(context: dict[str, Any], path: tuple[str, ...]) -> dict[str, Any]:
    owner = context
    for key in path[:-1]:
        owner = owner[key]
    return owner


def apply_step(context: dict[str, Any], kind: str, path: tuple[str, ...], size: int) -> bool:
    """Show less at ``path``: keep ``size`` items ("keep") or ``size`` words ("words").

    Returns whether anything changed.
    """
    owner = _owner(context, path)
    value = owner[path[-1]]
    if kind == "keep":
        owner[path[-1]] = value[:size]
    elif isinstance(value, list):
        owner[path[-1]] = [shorten(item, size) for item in value]
    else:
        owner[path[-1]] = shorten(value, size)
    return bool(owner[path[-1]] != value)


#: What to show less of, in order, while the note would overflow.
STEPS: tuple[tuple[str, tuple[str, ...], int], ...] = (
    ("keep", ("project", "evidence"), 2),
    ("keep", ("project", "strategy"), 3),
    ("keep", ("asks",), 4),
    ("keep", ("advice",), 3),
    ("keep", ("pitch", "gains"), 3),
    ("keep", ("pitch", "concerns"), 3),
    ("words", ("project", "evidence"), 30),
    ("keep", ("project", "evidence"), 1),
    ("words", ("project", "problem"), 90),
    ("words", ("project", "change"), 70),
    ("keep", ("pitch", "concerns"), 2),
    ("keep", ("advice",), 2),
    ("keep", ("asks",), 3),
    ("words", ("asks",), 30),
    ("words", ("advice",), 25),
    ("words", ("pitch", "gains"), 20),
    ("words", ("project", "strategy"), 15),
    ("words", ("project", "problem"), 60),
    ("words", ("project", "change"), 45),
    ("keep", ("pitch", "statements"), 2),
    ("keep", ("project", "strategy"), 2),
    ("keep", ("pitch", "gains"), 2),
    ("keep", ("project", "evidence"), 0),
    ("keep", ("pitch", "concerns"), 0),
    ("words", ("project", "problem"), 35),
    ("words", ("project", "change"), 30),
    ("words", ("asks",), 18),
    ("words", ("advice",), 15),
    ("words", ("pitch", "gains"), 12),
    ("keep", ("asks",), 2),
    ("keep", ("advice",), 1),
    ("keep", ("pitch", "gains"), 1),
    ("words", ("pitch", "headline"), 40),
    ("words", ("pitch", "ask"), 40),
    ("words", ("project", "problem"), 20),
    ("words", ("project", "change"), 20),
)


def fit_brief(
    context: dict[str, Any], lang: Language | None = None
) -> tuple[dict[str, Any], list[Cut]]:
    """Return a copy of ``context`` that fits one page, and what was cut to fit.

    The cuts are worded in ``lang`` (English when not given). ``context`` is
    left as it was; values no step changes are shared between the two.
    """
    lang = lang or language()
    fitted = _copy_for_cuts(context)
    changed: list[tuple[str, ...]] = []
    for kind, path, size in STEPS:
        if estimate_height(fitted) <= PAGE_HEIGHT:
            break
        if apply_step(fitted, kind, path, size) and path not in changed:
            changed.append(path)
    return fitted, [_describe(path, context, fitted) for path in changed]


def _copy_for_cuts(context: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``context`` that :func:`apply_step` can change without touching the original.

    Only the mappings that hold a value some step replaces are copied; every
    step puts a new value in place and never changes a list or text itself,
    so everything else can be shared (a deep copy cost more than the fit).
    """
    fitted = dict(context)
    for owner in sorted({path[:-1] for _kind, path, _size in STEPS if len(path) > 1}, key=len):
        _owner(fitted, owner)[owner[-1]] = dict(_owner(fitted, owner)[owner[-1]])
    return fitted


def _describe(path: tuple[str, ...], before: dict[str, Any], after: dict[str, Any]) -> Cut:
    """Say how the value at ``path`` was cut: fewer items, fewer words, or both."""
    old = _owner(before, path)[path[-1]]
    new = _owner(after, path)[path[-1]]
    details: list[Renderable] = []
    if isinstance(old, list):
        if len(new) < len(old):
            details.append(Message("{shown} of {total} shown", shown=len(new), total=len(old)))
        if any(a != b for a, b in zip(old, new, strict=False)):
            details.append(Message("shortened"))
    else:
        words = len(str(new).split())
        details.append(Plural("first {n} word shown", "first {n} words shown", words))
    return Cut(".".join(path), Joined(details, ", "))
