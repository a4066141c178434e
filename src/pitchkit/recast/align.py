"""Scoring one impact against one director objective, with the reasons why.

A link is certain when the impact names the objective in ``supports``.
Otherwise two kinds of evidence count: the words the impact and objective
share (directly, or through a group of phrases meaning the same thing) and
the themes they share (as written, or implied by their words). Shared words
count for more than shared themes; the lens's theme weights only order
links that already stand on their own evidence.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

from pitchkit.facts.schema import THEMES, Impact, Objective
from pitchkit.recast.lenses import Lens, lens_data
from pitchkit.recast.words import PhraseMatcher, Token, phrase, phrase_table, tokens

#: A link needs at least this score; tuned on tests/data/alignment_pairs.yaml.
THRESHOLD = 0.35
#: How much one piece of evidence is worth, combined as independent chances.
PHRASE_WEIGHT = 0.7
WORD_WEIGHT = 0.55
WEAK_WORD_WEIGHT = 0.2
#: The most that shared themes alone can add, by how many sides wrote them.
THEME_WEIGHT = {2: 0.6, 1: 0.55, 0: 0.5}
#: Shared themes count this much less when the objective names a topic the impact lacks.
SPECIFIC_DISCOUNT = 0.5
#: The lens's weight for the shared themes nudges the score by at most this.
LENS_NUDGE = 0.04
#: Score of the link between an impact with a money value and a financial objective.
VALUE_LINK = 0.45


@dataclass(frozen=True)
class Link:
    """Why an impact serves an objective, and how strongly (0 to 1)."""

    impact: str
    objective: str
    score: float
    reason: Literal["explicit", "themes", "words"]
    themes: tuple[str, ...]
    words: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Wording:
    """What matching needs to know about one text."""

    text: str
    found: tuple[Token, ...]
    groups: Mapping[str, tuple[str, frozenset[int]]]
    content: Mapping[str, int]
    phrased: frozenset[int]


@cache
def _theme_matcher() -> PhraseMatcher:
    return PhraseMatcher(phrase_table(lens_data().theme_words.items()))


def _groups(lens: Lens) -> tuple[frozenset[str], ...]:
    return lens_data().synonyms + lens.synonyms


@cache
def _synonym_matcher(lens: Lens) -> PhraseMatcher:
    groups = _groups(lens)
    return PhraseMatcher(phrase_table((str(index), group) for index, group in enumerate(groups)))


@cache
def _broad_groups(lens: Lens) -> frozenset[str]:
    """Labels of the synonym groups that name a whole area, such as savings."""
    broad = lens_data().broad_terms
    return frozenset(
        str(index)
        for index, group in enumerate(_groups(lens))
        if any(phrase(member) in broad for member in group)
    )


@lru_cache(maxsize=8192)
def infer_themes(text: str) -> frozenset[str]:
    """The themes ``text`` implies through its words: "agency spend" → finance, workforce."""
    return frozenset().union(*(hit.labels for hit in _theme_matcher().find(tokens(text))))


@lru_cache(maxsize=8192)
def wording(text: str, lens: Lens) -> Wording:
    """Find the synonym phrases and content words in ``text`` for ``lens``."""
    found = tokens(text)
    groups: dict[str, tuple[str, frozenset[int]]] = {}
    phrased: set[int] = set()
    for hit in _synonym_matcher(lens).find(found):
        surface = text[found[hit.first].start : found[hit.last].end]
        span = frozenset(range(hit.first, hit.last + 1))
        if hit.size > 1:
            phrased |= span
        for label in hit.labels:
            earlier = groups.get(label)
            if earlier is None or len(span) > len(earlier[1]):
                groups[label] = (surface, span | (earlier[1] if earlier else frozenset()))
    content: dict[str, int] = {}
    stop_words = lens_data().stop_words
    for index, token in enumerate(found):
        word = token.stem
        if len(word) > 1 and word not in stop_words | {"gbp"} and not _has_digit(word):
            content.setdefault(word, index)
    return Wording(text, found, groups, content, frozenset(phrased))


def _has_digit(word: str) -> bool:
    return any(char.isdigit() for char in word)


def _surface(wording: Wording, index: int) -> str:
    token = wording.found[index]
    return wording.text[token.start : token.end]


def shared_words(impact: Wording, objective: Wording) -> tuple[list[tuple[str, str]], float]:
    """The (impact, objective) word pairs both texts share, and their combined weight."""
    pairs: list[tuple[str, str]] = []
    missing = 1.0
    covered_impact: set[int] = set()
    covered_objective: set[int] = set()
    order = sorted(impact.groups, key=lambda label: min(impact.groups[label][1]))
    for label in order:
        if label in objective.groups:
            surface, span = impact.groups[label]
            pairs.append((surface, objective.groups[label][0]))
            covered_impact |= span
            covered_objective |= objective.groups[label][1]
            missing *= 1 - PHRASE_WEIGHT
    weak = lens_data().weak_words
    for word, index in sorted(impact.content.items(), key=lambda item: item[1]):
        other = objective.content.get(word)
        if other is None or index in covered_impact | impact.phrased:
            continue
        if other in covered_objective | objective.phrased:
            continue
        pairs.append((_surface(impact, index), _surface(objective, other)))
        missing *= 1 - (WEAK_WORD_WEIGHT if word in weak else WORD_WEIGHT)
    return pairs, 1 - missing


def _impact_text(impact: Impact) -> str:
    return f"{impact.measure} ({impact.unit})"


def _objective_text(objective: Objective) -> str:
    unit = f" ({objective.target.unit})" if objective.target else ""
    return objective.text + unit


def shared_themes(impact: Impact, objective: Objective) -> tuple[tuple[str, ...], float]:
    """The themes both share, in the standard order, and how strongly (0 to 0.5)."""
    mine = frozenset(impact.themes) or infer_themes(_impact_text(impact))
    theirs = frozenset(objective.themes) or infer_themes(_objective_text(objective))
    common = mine & theirs
    if not common:
        return (), 0.0
    overlap = (len(common) / len(mine) + len(common) / len(theirs)) / 2
    written = bool(impact.themes) + bool(objective.themes)
    return tuple(t for t in THEMES if t in common), THEME_WEIGHT[written] * overlap


def _other_topic(impact: Wording, objective: Wording, lens: Lens) -> bool:
    """Whether the objective names specific topics, none of which the impact shares."""
    specific = set(objective.groups) - _broad_groups(lens)
    return bool(specific) and not specific & set(impact.groups)


def _money_for_finance(impact: Impact, objective: Objective) -> bool:
    """Whether the impact has a money value and the objective is about finance."""
    if impact.value is None or impact.value.amount <= 0:
        return False
    themes = frozenset(objective.themes) or infer_themes(_objective_text(objective))
    return "finance" in themes


def _explicit(impact: Impact, objective: Objective, director_id: str) -> bool:
    wanted = f"{director_id}.{objective.id}".casefold()
    return any(ref.strip().casefold() == wanted for ref in impact.supports)


def link(impact: Impact, objective: Objective, *, director_id: str, lens: Lens) -> Link | None:
    """Score how well ``impact`` serves ``objective`` for a director seen through ``lens``.

    Returns ``None`` when the evidence is too weak to show the director.
    """
    themes, theme_score = shared_themes(impact, objective)
    mine = wording(_impact_text(impact), lens)
    theirs = wording(_objective_text(objective), lens)
    pairs, word_score = shared_words(mine, theirs)
    if _other_topic(mine, theirs, lens):
        theme_score *= SPECIFIC_DISCOUNT
    if _explicit(impact, objective, director_id):
        return Link(impact.id, objective.id, 1.0, "explicit", themes, tuple(pairs))
    score = 1 - (1 - word_score) * (1 - theme_score)
    if score < VALUE_LINK and _money_for_finance(impact, objective):
        # Money an impact saves counts towards any financial objective.
        score, themes = VALUE_LINK, ("finance",)
    if score < THRESHOLD:
        return None
    nudge = LENS_NUDGE * max((lens.themes.get(t, 0.0) for t in themes), default=0.0)
    return Link(
        impact=impact.id,
        objective=objective.id,
        score=round(min(0.99, score + nudge), 4),
        reason="words" if pairs else "themes",
        themes=themes,
        words=tuple(pairs),
    )
