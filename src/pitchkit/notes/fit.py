"""Keep the briefing note to one page, reading as written.

A director reads the note in the two minutes before a meeting, so it must
fit one A4 page. :func:`fit_brief` estimates how many lines the filled
built-in template takes (the estimate is calibrated against LibreOffice's
layout, see ``scripts/calibrate_fit.py``) and, while it would overflow,
shows less, in the fixed order of :data:`STEPS` (the built-in brief is cut
in the same order, judged by its line-by-line layout instead:
:func:`pitchkit.notes.brief.layout_fit`):

1. evidence items after the first, then strategy lines no shown link rests
   on, then concerns after the first, then gains after the second;
2. later sentences of each evidence item (each keeps its first sentence);
3. advice questions other than the one meant for this director;
4. later sentences of the problem and of the change (two stay), then the
   reasons under statements after the strongest (why a link holds);
5. gains after the first, then the money block's sentences that a shown
   statement says already (its "none of it is forecast" for an impact whose
   bullet says "So far … do not show the change"), then statements after the
   strongest (a linked statement is the point of the note, so it goes only
   after gains, evidence and advice; the one on the director's first own
   objective with a money target, a CIP, stays too), every concern, then the
   strongest statement's reason;
6. the problem and the change down to their first sentence;
7. closing sentences of the strongest statement, two kept (the other
   impacts shown beside its first go first, each with its money, whole).

A cut that takes the bullet holding an impact's figures hands them to the
bullet that said "the same change … counts here too" of it
(:func:`figures_back`), so that no figure is lost with a pointer left to it.

Text is only ever shortened at a sentence boundary, never inside a
sentence, and whole items are dropped, never half of one. Never cut: the
title, the ask sentence, any ask (the sponsorship ask and the first ask
above all), the headline, the director's strongest statement (its first two
sentences) and the one on their first money target, the advice
question meant for them, one strategy line (the plan a shown statement's
objective names, else the board's own risk, else the line nearest the shown
statements: :func:`_linked_strategy`), funding, timeline and contact.
When all of that still does not fit, the note is left to run over and
:class:`Fit` says by how many words.

A bilingual note is fitted in both languages at once (:func:`fit_alike`):
whatever one language must cut, the other cuts too, so both say the same.

Every cut is reported, worded as it will read, so the user can shorten the
facts file instead; the facts themselves are never changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pitchkit.i18n.messages import Joined, Message, Plural, Renderable
from pitchkit.i18n.translation import Language
from pitchkit.recast.words import tokens

#: Usable height of the page body in points: A4 (842 pt) less the template's
#: top and bottom margins, calibrated against LibreOffice (see module docs).
PAGE_HEIGHT = 762.0
#: Text widths in points: the template's A4 page less its side margins.
BODY_WIDTH = 487.0
BULLET_WIDTH = 469.0
BODY_SIZE = 10.0
LINE_FACTOR = 1.15 * 1.05  # Arial's line height and the template's line spacing
#: Roughly how many words of body text one line holds (for "cut about N words").
WORDS_PER_LINE = 14

# Approximate Arial advance widths, as a fraction of the font size.
_NARROW = frozenset("ijl.,;:'|!·")
_THIN = frozenset("ftrI()[]-/ ")
_WIDE = frozenset("mwMW@%")

#: Words after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    {
        "al",
        "eg",
        "e.g",
        "ie",
        "i.e",
        "dr",
        "mr",
        "mrs",
        "ms",
        "st",
        "no",
        "vs",
        "cf",
        "etc",
        "approx",
    }
)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9£])")


@dataclass(frozen=True)
class Cut:
    """One thing the note shows less of than the facts file holds."""

    field: str
    #: How it was cut, worded when shown (two fits that cut alike compare equal).
    detail: Renderable


@dataclass
class Fit:
    """A fitted context, what was cut, and how far it still runs over (0 when it fits)."""

    context: dict[str, Any]
    cuts: tuple[Cut, ...]
    over_words: int = 0
    #: Estimated height of the fitted note and of the page, in points.
    height: float = 0.0
    page: float = PAGE_HEIGHT
    kept: dict[str, int] = field(default_factory=dict)


def sentences(text: str) -> list[str]:
    """Split ``text`` into its sentences, each with its closing mark.

    A full stop after an abbreviation ("et al.", "Dr.") or a single capital
    (an initial) does not end a sentence.
    """
    text = str(text).strip()
    found: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[start : match.start()].split()
        last = before[-1].lower().rstrip(".") if before else ""
        if text[match.start()] == "." and (
            last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha())
        ):
            continue
        found.append(text[start : match.end()].strip())
        start = match.end()
    if text[start:].strip():
        found.append(text[start:].strip())
    return found


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
    return 12.5 * 1.15 + 7 + 2


def _bullets(items: list[str]) -> float:
    return sum(_para(item, width=BULLET_WIDTH, after=2.0) for item in items)


def as_sentences(items: list[str]) -> str:
    """List items as the note shows them inline: each its own sentence."""
    return " ".join(
        item if item.rstrip().endswith((".", "!", "?")) else f"{item}." for item in items
    )


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
    total += _bullets(
        [
            s["text"] if s.get("in_headline") else s["objective"] + " (personal): " + s["text"]
            for s in pitch["statements"]
        ]
    )
    total += _heading() + _para(project["problem"])
    if project["strategy"]:
        total += _para("Links to: " + as_sentences(project["strategy"]))
    if pitch["concerns"]:
        total += _para("Your concerns it addresses: " + ", ".join(pitch["concerns"]))
    total += _heading() + _para(project["change"])
    if project["evidence"]:
        total += _para("Evidence so far: " + as_sentences(project["evidence"]))
    if pitch.get("watched"):
        total += _para(" ".join(pitch["watched"]))
    if context["advice"]:
        total += _heading() + _bullets(context["advice"])
    if pitch["gains"]:
        total += _heading() + _bullets(pitch["gains"])
    money = context.get("money", {}).get("lines", [])
    if context["funding"]["text"] or context["timeline"] or money:
        total += _heading() + _para("Funding: " + context["funding"]["text"])
        total += _bullets(money)
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
    if pitch.get("conversions"):
        total += _para(" ".join(pitch["conversions"]), size=8, after=0) + 4
    return total


# ---------------------------------------------------------------- what is kept


def _stems(text: str) -> set[str]:
    """The content words of ``text`` (stems of four letters or more)."""
    return {token.stem for token in tokens(str(text)) if len(token.stem) >= 4}


def _overlap(text: str, near: set[str]) -> int:
    return len(_stems(text) & near)


def _director_words(context: dict[str, Any]) -> set[str]:
    """The words of the director's objectives, concerns, role and the shown statements."""
    director = context["director"]
    words = _stems(director["role"])
    for objective in director["objectives"]:
        words |= _stems(objective["text"])
    for concern in director["concerns"]:
        words |= _stems(concern)
    for statement in context["pitch"]["statements"]:
        words |= _stems(statement["objective"])
    return words


#: A strategy line naming the board's own risk: its assurance framework or risk register.
_BOARD_RISK = re.compile(
    r"\bBAF\b|board assurance|corporate risk|risk register|principal risk|"
    r"fframwaith sicrwydd",
    re.IGNORECASE,
)


def _linked_strategy(context: dict[str, Any]) -> int | None:
    """The strategy line the page keeps last: the director's own plan, else the board's risk.

    A line sharing two words or more with a shown statement's objective is the
    plan that objective names ("ICB joint forward plan" for the director of
    strategy). Else a line naming the board's own risk (BAF-04, score 20) is
    kept: a problem the board already worries about is the strongest link the
    guide knows, where an ICB plan resting on a shared measure word went
    before it (newuser38 #7). Else the line sharing most words with the shown
    statements' objectives and measures, if any.
    """
    lines = context["project"]["strategy"]
    own: set[str] = set()
    near: set[str] = set()
    for statement in context["pitch"]["statements"]:
        own |= _stems(statement["objective"])
        near |= _stems(statement["objective"]) | _stems(statement["measure"])
    if not lines:
        return None
    named = [_overlap(line, own) for line in lines]
    if max(named) >= 2:
        return named.index(max(named))
    risks = [index for index, line in enumerate(lines) if _BOARD_RISK.search(str(line))]
    if risks and context["pitch"]["statements"]:
        return risks[0]
    scores = [_overlap(line, near) for line in lines]
    if max(scores) == 0:
        return None
    return scores.index(max(scores))


def _meant_advice(context: dict[str, Any]) -> int | None:
    """The advice question meant for this director (most of their words; the first on a tie)."""
    questions = context["advice"]
    if not questions:
        return None
    near = _director_words(context)
    scores = [_overlap(question, near) for question in questions]
    return scores.index(max(scores))


#: What to show less of, in order, while the note would overflow: ``drop``
#: removes whole items from the end (never a protected one) down to the
#: number given; ``sentences`` removes closing sentences down to that many
#: (from each list item, the last item first); ``reasons`` takes the reason
#: a link holds off statements, the last first, until that many keep theirs.
STEPS: tuple[tuple[str, tuple[str, ...], int], ...] = (
    ("drop", ("project", "evidence"), 1),
    ("drop", ("project", "strategy"), 1),
    ("drop", ("pitch", "concerns"), 1),
    ("drop", ("pitch", "gains"), 2),
    ("sentences", ("project", "evidence"), 1),
    ("drop", ("advice",), 1),
    ("sentences", ("project", "problem"), 2),
    ("sentences", ("project", "change"), 2),
    ("reasons", ("pitch", "statements"), 1),
    ("drop", ("pitch", "gains"), 1),
    ("repeats", ("money", "lines"), 0),
    ("drop", ("pitch", "statements"), 1),
    ("drop", ("pitch", "concerns"), 0),
    ("reasons", ("pitch", "statements"), 0),
    ("sentences", ("project", "problem"), 1),
    ("sentences", ("project", "change"), 1),
    ("closing", ("pitch", "statements"), 2),
    # Last of all the one gain left ("What is in it for you"): a note a line over the page
    # after every other cut (the CFO brief of tests/data/fixpage23 once its headline took
    # "The" before the project's title, newuser40 #1) is one page, not two (pinsD).
    ("drop", ("pitch", "gains"), 0),
)

#: The fields :data:`STEPS` may change.
FIELDS = tuple(dict.fromkeys(path for _kind, path, _floor in STEPS))


def _owner(context: dict[str, Any], path: tuple[str, ...]) -> dict[str, Any]:
    owner = context
    for key in path[:-1]:
        owner = owner[key]
    return owner


def _get(context: dict[str, Any], path: tuple[str, ...]) -> Any:
    return _owner(context, path)[path[-1]]


def _set(context: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    _owner(context, path)[path[-1]] = value


def _drop_one(items: list[Any], floor: int, protected: tuple[Any, ...]) -> list[Any] | None:
    """``items`` less its last unprotected item, or ``None`` when at ``floor`` already."""
    if len(items) <= floor:
        return None
    for index in range(len(items) - 1, -1, -1):
        if not _kept(items[index], protected):
            return items[:index] + items[index + 1 :]
    return None


def _kept(item: Any, protected: tuple[Any, ...]) -> bool:
    """Whether ``item`` is one of ``protected``: itself, or a statement on the same objective.

    A statement stays protected when a step puts a shorter copy in its place
    (its reason taken off).
    """
    objective = item.get("objective_id") if isinstance(item, dict) else None
    return any(
        item is kept
        or (
            objective is not None
            and isinstance(kept, dict)
            and kept.get("objective_id") == objective
        )
        for kept in protected
    )


def _closing_off(statement: dict[str, Any], floor: int) -> dict[str, Any] | None:
    """``statement`` less its closing sentence, or ``None`` at ``floor`` sentences or fewer.

    Only a statement whose reason is off already: its text is then its claim.
    The claim of a statement that shows several impacts on one objective is
    their claims in turn (``parts``): the last impact's sentences go first, and
    with its last sentence its money (``money_of``), so that the finance block
    gives that figure itself again.
    """
    if statement.get("how"):
        return None
    parts = [dict(part) for part in statement.get("parts") or ()]
    # Another impact beside the first goes whatever the floor, which is the first one's:
    # figures handed back to it when their own bullet was cut (:func:`figures_back`) may
    # leave the bullet no longer than two sentences and still too long for the page.
    text = _trim_one(statement["text"], 1 if len(parts) > 1 else floor)
    if text is None:
        return None
    if parts:
        last = sentences(parts[-1]["claim"])[:-1]
        if last:
            parts[-1]["claim"] = " ".join(last)
        else:
            parts.pop()
    claim = " ".join(part["claim"] for part in parts) if parts else _trim_one(statement["claim"], 0)
    shorter = {**statement, "text": text, "claim": claim or text, "parts": parts}
    if parts:
        shorter["money_of"] = [impact for part in parts for impact in part["money_of"]]
    return shorter


def _ends_with_also(statement: dict[str, Any]) -> bool:
    """Whether ``statement``'s claim ends with the other impacts that count to it too."""
    parts: list[dict[str, Any]] = list(statement.get("parts") or ())
    return bool(parts) and bool(parts[-1].get("also")) and not statement.get("how")


def _trim_one(text: str, floor: int) -> str | None:
    """``text`` less its closing sentence, or ``None`` when it has ``floor`` sentences or fewer."""
    parts = sentences(text)
    if len(parts) <= max(floor, 1):
        return None
    return " ".join(parts[:-1])


def _step(
    context: dict[str, Any],
    kind: str,
    path: tuple[str, ...],
    floor: int,
    keep: dict[tuple[str, ...], tuple[Any, ...]],
) -> bool:
    """Apply one unit of a step (one item or one sentence); whether anything changed."""
    if kind == "repeats":
        return _repeat_off(context, keep.get(("pitch", "statements"), ()))
    value = _get(context, path)
    if kind == "reasons":
        for index in range(len(value) - 1, floor - 1, -1):
            item = value[index]
            if item.get("how"):
                plain = {**item, "text": item["claim"], "how": ""}
                _set(context, path, [*value[:index], plain, *value[index + 1 :]])
                return True
        return False
    if kind == "closing":
        # A bullet's closing "This objective also gains from the change in …" (the impacts
        # other bullets show that count to it too) goes after the other bullets' closing
        # sentences: it is the one place the note links that money to the objective
        # (reader26 #2, #3).
        for also in (False, True):
            for index in range(len(value) - 1, -1, -1):
                if _ends_with_also(value[index]) and not also:
                    continue
                shorter = _closing_off(value[index], floor)
                if shorter is not None:
                    _set(context, path, [*value[:index], shorter, *value[index + 1 :]])
                    return True
        return False
    if kind == "drop":
        dropped = _drop_one(value, floor, keep.get(path, ()))
        if dropped is None:
            return False
        _set(context, path, dropped)
        return True
    if isinstance(value, list):
        for index in range(len(value) - 1, -1, -1):
            trimmed = _trim_one(value[index], floor)
            if trimmed is not None:
                _set(context, path, [*value[:index], trimmed, *value[index + 1 :]])
                return True
        return False
    trimmed = _trim_one(value, floor)
    if trimmed is None:
        return False
    _set(context, path, trimmed)
    return True


def figures_back(statements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``statements`` with each impact's figures on the page once, after a cut.

    An impact shown under two objectives gives its figures in one bullet and
    says "The same change in … counts here too" in the other (its part's
    ``given``: :func:`pitchkit.notes.context.one_per_objective`). When a cut
    takes the bullet or the part that held the figures, the first bullet
    still saying "counts here too" gets them back, so that no impact is
    named with figures nowhere and "the same change" never points off the
    page (pinsG). Statements not changed are kept as they are (the same
    objects).
    """
    held = {
        part.get("impact")
        for statement in statements
        for part in statement.get("parts") or ()
        if not part.get("given")
    }
    result = list(statements)
    for index, statement in enumerate(statements):
        parts = [dict(part) for part in statement.get("parts") or ()]
        changed = False
        for part in parts:
            given = part.get("given")
            if not given or part.get("impact") in held:
                continue
            claim = _given_back(part["claim"], given)
            if claim is None:
                continue
            part["claim"] = claim
            part["money_of"] = list(given["money_of"])
            del part["given"]
            held.add(part.get("impact"))
            changed = True
        if not changed:
            continue
        claim = " ".join(part["claim"] for part in parts)
        how = statement.get("how") or ""
        result[index] = {
            **statement,
            "claim": claim,
            "text": f"{claim} {how}" if how else claim,
            "parts": parts,
            "money_of": [impact for part in parts for impact in part["money_of"]],
        }
    return result


def _given_back(claim: str, given: dict[str, Any]) -> str | None:
    """``claim`` with its "counts here too" put back to the figures it stood in for."""
    standin = str(given["standin"])
    at = claim.find(standin[1:])
    if at < 1 or claim[at - 1].casefold() != standin[0].casefold():
        return None
    full = given["claim"] if claim[at - 1].isupper() else given["lower"]
    return claim[: at - 1] + str(full) + claim[at - 1 + len(standin) :]


def _repeat_off(context: dict[str, Any], protected: tuple[Any, ...]) -> bool:
    """Take off the money block the last sentence that a shown statement says already.

    "Registered nurse agency shifts …: the log's figures … show no change …,
    so none of the £842,000 a year in the plan is forecast" under a bullet
    whose "So far the log's figures … do not show the change" said it: the
    page gives up that sentence before a statement on the director's own
    objectives (reader26 #2). Only what a statement the page never drops says
    (``protected``): a dropped statement would give the block its sentence
    back (``refit_money``), and the cut would be listed for nothing.
    """
    money = context.get("money")
    if not money:
        return False
    kept = [s for s in context["pitch"]["statements"] if _kept(s, protected)]
    told = {impact for statement in kept for impact in statement.get("money_of", ())}
    lines = list(money.get("lines", ()))
    for repeat in reversed(money.get("repeats", ())):
        if repeat["impact"] not in told:
            continue
        text = repeat["text"]
        for index in range(len(lines) - 1, -1, -1):
            if text in lines[index]:
                lines[index] = re.sub(r" {2,}", " ", lines[index].replace(text, "", 1)).strip()
                repeats = [r for r in money["repeats"] if r is not repeat]
                context["money"] = {**money, "lines": lines, "repeats": repeats}
                return True
    return False


def _protected_at(context: dict[str, Any]) -> dict[tuple[str, ...], tuple[int, ...]]:
    """Where in its list the items never dropped are, for each list that has any."""
    keep: dict[tuple[str, ...], tuple[int, ...]] = {}
    strategy = _linked_strategy(context)
    if strategy is not None:
        keep[("project", "strategy")] = (strategy,)
    advice = _meant_advice(context)
    if advice is not None:
        keep[("advice",)] = (advice,)
    statements = context["pitch"]["statements"]
    if statements:
        sought = _sought_first(context)
        keep[("pitch", "statements")] = (0,) if sought in (None, 0) else (0, sought)
    return keep


def _sought_first(context: dict[str, Any]) -> int | None:
    """The statement on the director's first objective with a money target of its own, if any.

    A finance director with "Deliver the £9.5m cost improvement programme"
    looks for the line on it first; the page keeps it beside the strongest
    statement and shortens the rest before it (reader26 #2).
    """
    order = [objective["id"] for objective in context["director"].get("objectives", ())]
    found = [
        (order.index(statement["objective_id"]), index)
        for index, statement in enumerate(context["pitch"]["statements"])
        if statement.get("money_target") and statement.get("objective_id") in order
    ]
    return min(found)[1] if found else None


def _protected(
    context: dict[str, Any], at: dict[tuple[str, ...], tuple[int, ...]]
) -> dict[tuple[str, ...], tuple[Any, ...]]:
    """The items at ``at`` (compared by identity, so each is kept wherever it moves)."""
    keep: dict[tuple[str, ...], tuple[Any, ...]] = {}
    for path, indices in at.items():
        items = _get(context, path)
        keep[path] = tuple(items[index] for index in indices if index < len(items))
    return keep


def fit_note(
    context: dict[str, Any],
    lang: Language | None = None,
    *,
    page: float = PAGE_HEIGHT,
    over: Overshoot | None = None,
) -> Fit:
    """Fit ``context`` to a page ``page`` points high: see the module's docs for the order.

    ``context`` is left as it was; values no step changes are shared. ``lang``
    is not needed (the steps are the same in every language); it is accepted
    for callers that pass it. ``over``, when given, says whether the note
    overflows instead of the estimate (see :func:`fit_alike`).
    """
    del lang
    [fit] = fit_alike([context], page=page, over=over)
    return fit


#: How far over the page (in points) a fitted context still runs, by one measure:
#: positive when it overflows, 0 or less when it fits. Called with the context's
#: index among those fitted alike, and the context.
Overshoot = Callable[[int, dict[str, Any]], float]


def fit_alike(
    contexts: list[dict[str, Any]],
    *,
    page: float = PAGE_HEIGHT,
    over: Overshoot | None = None,
) -> list[Fit]:
    """Fit the notes of the same facts in several languages, cutting the same parts of each.

    A bilingual note must say the same things in both languages, so each
    step of :data:`STEPS` is taken in every language while any one of them
    would overflow: an item dropped from one is dropped from all, and a
    sentence cut from one is cut from all. The item of each list that is
    never dropped is the one the last context (English) would keep, as its
    words are the ones pitchkit's map knows. Each context is left as it was.

    Whether a context overflows is ``over`` when given (the built-in brief
    laid out line by line: :func:`pitchkit.notes.brief.layout_fit`),
    else this module's estimate against a page ``page`` points high.
    """

    def estimated(_index: int, context: dict[str, Any]) -> float:
        return estimate_height(context) - page

    start = [_copy_for_cuts(context) for context in contexts]
    states = _cut_states(start)
    if over is None:
        index, overs = _first_fitting(states, estimated)
    else:
        index, overs = _searched(states, over)
    fitted, changed = states[index]
    fits = []
    for context, one, paths, amount in zip(contexts, fitted, changed, overs, strict=True):
        over_words = 0
        if amount > 0:
            over_words = max(1, round(amount / (BODY_SIZE * LINE_FACTOR) * WORDS_PER_LINE))
        cuts = tuple(_describe(path, context, one) for path in paths)
        fits.append(Fit(one, cuts, over_words, estimate_height(one), page))
    return fits


#: The contexts after some number of cuts, with the fields each had cut (in order).
_State = tuple[list[dict[str, Any]], list[list[tuple[str, ...]]]]


def _cut_states(fitted: list[dict[str, Any]]) -> list[_State]:
    """Every state the contexts pass through while cut one unit at a time, uncut first.

    The order of :data:`STEPS`: each unit (one item or one sentence) is taken in
    every context it still applies to, then the next; a step taken as far as
    it goes leaves the next step to go on. The item of each list never
    dropped is the one the last context (English) would keep.
    """
    at = _protected_at(fitted[-1])
    keeps = [_protected(one, at) for one in fitted]
    changed: list[list[tuple[str, ...]]] = [[] for _ in fitted]
    states: list[_State] = [([_copy_for_cuts(one) for one in fitted], [[] for _ in fitted])]
    for kind, path, floor in STEPS:
        while True:
            moved = False
            for index, one in enumerate(fitted):
                if _step(one, kind, path, floor, keeps[index]):
                    moved = True
                    if path == ("pitch", "statements"):
                        one["pitch"]["statements"] = figures_back(one["pitch"]["statements"])
                    if path not in changed[index]:
                        changed[index].append(path)
            if not moved:
                break
            states.append(([_copy_for_cuts(one) for one in fitted], [list(c) for c in changed]))
    return states


def _first_fitting(states: list[_State], measure: Overshoot) -> tuple[int, list[float]]:
    """The first state in which no context runs over (else the last), and how far each runs."""
    overs: list[float] = []
    for number, (contexts, _changed) in enumerate(states):
        overs = [measure(index, one) for index, one in enumerate(contexts)]
        if all(amount <= 0 for amount in overs):
            return number, overs
    return len(states) - 1, overs


def _searched(states: list[_State], measure: Overshoot) -> tuple[int, list[float]]:
    """:func:`_first_fitting` by ``measure``, measuring a few states instead of each in turn.

    Every cut only takes text away, so a state after one that fits fits too:
    the first that fits is the one whose predecessor runs over. The uncut
    state is measured first (most notes fit as written); then the state the
    estimate expects to be first to fit, by how far the uncut note runs over
    as measured less what each cut saves by the estimate; then the states
    either side of it, one at a time, until one fits and its predecessor does
    not. The state found is measured last, so ``measure`` ends on it.
    """
    known: dict[int, list[float]] = {}
    latest = [0]

    def overs(number: int) -> list[float]:
        if number not in known:
            contexts = states[number][0]
            known[number] = [measure(index, one) for index, one in enumerate(contexts)]
            latest[0] = number
        return known[number]

    def fits(number: int) -> bool:
        return all(amount <= 0 for amount in overs(number))

    last = len(states) - 1
    number = 0
    if not fits(0):
        uncut = [estimate_height(one) for one in states[0][0]]
        number = next(
            (
                later
                for later in range(1, last + 1)
                if all(
                    amount + estimate_height(one) - height <= 0
                    for amount, one, height in zip(overs(0), states[later][0], uncut, strict=True)
                )
            ),
            last,
        )
        if fits(number):
            while number > 1 and fits(number - 1):
                number -= 1
        else:
            while number < last and not fits(number):
                number += 1
    if latest[0] != number:  # measured again, so that ``measure`` ends on it
        contexts = states[number][0]
        return number, [measure(index, one) for index, one in enumerate(contexts)]
    return number, known[number]


def fit_brief(
    context: dict[str, Any], lang: Language | None = None, *, page: float = PAGE_HEIGHT
) -> tuple[dict[str, Any], list[Cut]]:
    """Return a copy of ``context`` that fits one page, and what was cut to fit."""
    fit = fit_note(context, lang, page=page)
    return fit.context, list(fit.cuts)


def _copy_for_cuts(context: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``context`` that the steps can change without touching the original.

    Only the mappings that hold a value some step replaces are copied; every
    step puts a new value in place and never changes a list or text itself,
    so everything else can be shared (a deep copy cost more than the fit).
    """
    fitted = dict(context)
    for owner in sorted({path[:-1] for path in FIELDS if len(path) > 1}, key=len):
        if owner[-1] in _owner(fitted, owner):  # a context with no money block has none to cut
            _owner(fitted, owner)[owner[-1]] = dict(_owner(fitted, owner)[owner[-1]])
    return fitted


def _opening(text: str, words: int = 8) -> str:
    """The first ``words`` words of ``text`` for a message, "…" marking the rest."""
    parts = str(text).split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def _closing(text: str, words: int = 6) -> str:
    """The last ``words`` words of ``text`` for a message, "…" marking what comes before."""
    parts = str(text).split()
    return ("…" if len(parts) > words else "") + " ".join(parts[-words:])


def _item_text(item: Any) -> str:
    if isinstance(item, dict):
        return str(item.get("objective", "")) + ": " + str(item.get("text", ""))
    return str(item)


def _describe(path: tuple[str, ...], before: dict[str, Any], after: dict[str, Any]) -> Cut:
    """Say how the value at ``path`` was cut, as the note will read."""
    if path == ("money", "lines"):
        still = {id(repeat) for repeat in after["money"].get("repeats", ())}
        return Cut(
            ".".join(path),
            Joined(
                [
                    Message(
                        'leaves out "{item}", which the statement above says',
                        item=_opening(repeat["text"]),
                    )
                    for repeat in before["money"].get("repeats", ())
                    if id(repeat) not in still
                ],
                ", ",
            ),
        )
    old = _get(before, path)
    new = _get(after, path)
    details: list[Renderable] = []
    if isinstance(old, list):
        kept_ids = {id(item) for item in new}
        remaining = list(new)
        for item in old:
            if id(item) in kept_ids:
                remaining.remove(item) if item in remaining else None
                continue
            closed = next((n for n in remaining if _closing_taken_off(item, n)), None)
            if closed is not None:
                remaining.remove(closed)
                if item.get("how"):
                    details.append(
                        Message(
                            '"{item}" without the reason its link holds',
                            item=_opening(item.get("objective", ""), 6),
                        )
                    )
                details.append(
                    Message(
                        '"{start}" now ends "{end}"',
                        start=_opening(item.get("objective", ""), 5),
                        end=_closing(closed["text"]),
                    )
                )
                continue
            plain = next((n for n in remaining if _reason_taken_off(item, n)), None)
            if plain is not None:
                remaining.remove(plain)
                details.append(
                    Message(
                        '"{item}" without the reason its link holds',
                        item=_opening(item.get("objective", ""), 6),
                    )
                )
                continue
            match = next((n for n in remaining if _shortened_from(item, n)), None)
            if match is not None:
                remaining.remove(match)
                details.append(
                    Message(
                        '"{start}" now ends "{end}"', start=_opening(item, 5), end=_closing(match)
                    )
                )
            else:
                details.append(Message('leaves out "{item}"', item=_opening(_item_text(item))))
        if len(new) < len(old):
            details.insert(0, Message("{shown} of {total} shown", shown=len(new), total=len(old)))
    else:
        kept = len(sentences(new))
        details.append(
            Plural(
                'first {n} sentence kept, ending "{end}"',
                'first {n} sentences kept, ending "{end}"',
                kept,
                end=_closing(new),
            )
        )
    return Cut(".".join(path), Joined(details, ", "))


def _reason_taken_off(old: Any, new: Any) -> bool:
    """Whether statement ``new`` is ``old`` without the reason its link holds."""
    return (
        isinstance(old, dict)
        and isinstance(new, dict)
        and bool(old.get("how"))
        and not new.get("how")
        and old.get("objective_id") == new.get("objective_id")
    )


def _closing_taken_off(old: Any, new: Any) -> bool:
    """Whether statement ``new`` is ``old`` with closing sentences of its claim taken off."""
    return (
        isinstance(old, dict)
        and isinstance(new, dict)
        and old.get("objective_id") == new.get("objective_id")
        and len(new.get("claim", "")) < len(old.get("claim", ""))
        and old.get("claim", "").startswith(new.get("claim", ""))
    )


def _shortened_from(old: Any, new: Any) -> bool:
    return isinstance(old, str) and isinstance(new, str) and old != new and old.startswith(new)


def cuts_listed(cuts: tuple[Cut, ...] | list[Cut]) -> Renderable:
    """The cuts as one line: ``project.evidence (1 of 4 shown, leaves out "…"); …``."""
    return Joined(
        [Message("{field} ({detail})", field=cut.field, detail=cut.detail) for cut in cuts]
    )


def cuts_refused(cuts: tuple[Cut, ...] | list[Cut]) -> Message:
    """The --no-cuts error: which cuts fitting one page would need."""
    return Message(
        "--no-cuts: to fit one page the note would need these cuts: {cuts}; shorten those "
        "texts in the facts file (or leave out --no-cuts to let pitchkit cut them)",
        cuts=cuts_listed(cuts),
    )


def still_over(words: int) -> Message:
    """The warning for a note that runs over one page even after every allowed cut."""
    return Message(
        "the note still runs over one page after every cut pitchkit allows (it never cuts "
        "an ask, the strongest statement or inside a sentence): cut about {words} words from "
        "the problem, the change, the asks or the evidence in the facts file",
        words=words,
    )


def template_over(template: str, pages: int) -> Renderable:
    """The warning for a user's template whose note LibreOffice lays out on several pages."""
    return Plural(
        "{template} makes a note of {pages} pages, {n} page more than one: shorten the facts, "
        "or give the template smaller type or fewer headings",
        "{template} makes a note of {pages} pages, {n} pages more than one: shorten the facts, "
        "or give the template smaller type or fewer headings",
        pages - 1,
        template=template,
        pages=pages,
    )
