"""Whom each ask, advice question and offer is for, and whose business it reads as.

Items of ``asks``, ``advice`` and ``offer`` are for everyone unless they name
their directors (``{text: ..., for: [cn, medical]}``, by director id or lens
id). :func:`items_for` gives one director's items: those meant for them,
then those for everyone. :func:`whose_business` reads an item with each
lens's ``business`` words (``lenses.yaml``), so an item for everyone that
is plainly one role's concern (releasing nurses, counting savings in the
CIP) can be pointed out.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from pitchkit.facts.schema import TARGETED_FIELDS, Director, Facts
from pitchkit.recast.english import english_director
from pitchkit.recast.lenses import all_lenses, lens_for, lens_key
from pitchkit.recast.words import PhraseMatcher, phrase_table, tokens, word_form


@dataclass
class Item:
    """One ask, question or offer, where it is in the facts and whom it names."""

    field: str  # asks, advice or offer
    index: int
    text: str
    audience: tuple[str, ...]  # director ids or lens ids; empty for everyone

    @property
    def targeted(self) -> bool:
        """Whether the item names the directors it is for."""
        return bool(self.audience)


def items(facts: Facts, field: str) -> tuple[Item, ...]:
    """Every item of ``field`` with its audience."""
    if field not in TARGETED_FIELDS:
        raise ValueError(f"not a field with items: {field}")
    return tuple(
        Item(field, index, text, facts.audience(field, index))
        for index, text in enumerate(getattr(facts, field))
    )


def is_for(item: Item, director: Director) -> bool:
    """Whether ``item`` names ``director`` (by id, or by their lens)."""
    lens = lens_for(director).lens.id
    wanted = director.id.casefold()
    return any(t.casefold() == wanted or lens_key(t) == lens for t in item.audience)


def items_for(facts: Facts, director: Director, field: str) -> tuple[Item, ...]:
    """The items of ``field`` a director's note shows: theirs and everyone's, in facts order."""
    director = english_director(director, facts.english)  # a lens is found from English
    return tuple(i for i in items(facts, field) if not i.targeted or is_for(i, director))


def is_others(item: Item, director: Director) -> bool:
    """Whether an item for everyone reads as the business of roles other than the director's."""
    if item.targeted:
        return False
    business, _words = whose_business(item.text)
    return bool(business) and lens_for(director).lens.id not in business


def has_own(facts: Facts, director: Director, field: str) -> bool:
    """Whether the director's note has an item of ``field`` that suits them.

    One named for them (by id or lens), or one for everyone that reads as
    no other role's business. Without one, the note offers the lens's own.
    """
    director = english_director(director, facts.english)  # a lens is found from English
    return any(not is_others(i, director) for i in items_for(facts, director, field))


@cache
def _business_matcher() -> PhraseMatcher:
    return PhraseMatcher(
        phrase_table((lens.id, lens.business) for lens in all_lenses().values() if lens.business)
    )


@cache
def _business_forms() -> frozenset[tuple[str, bool]]:
    """The forms (:func:`_form`) of every word of every lens's ``business`` phrases."""
    return frozenset(
        word_form(phrase_text[token.start : token.end])
        for lens in all_lenses().values()
        for phrase_text in lens.business
        for token in tokens(phrase_text)
    )


@lru_cache(maxsize=8192)
def whose_business(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The lenses whose business ``text`` reads as, and the words that say so.

    Lenses in the order of ``lenses.yaml``; empty when it reads as no one's.
    Remembered for the last 8,192 texts: every director's note of a batch
    reads the same asks, questions and offers.
    """
    found_tokens = tokens(text)
    hits = _business_matcher().find(found_tokens)
    lenses: set[str] = set()
    words: list[str] = []
    forms = _business_forms()
    for hit in hits:
        span = found_tokens[hit.first : hit.last + 1]
        if any(word_form(text[t.start : t.end]) not in forms for t in span):
            continue  # "second" (a second room) shares only its stem with "secondment"
        lenses |= hit.labels
        surface = text[found_tokens[hit.first].start : found_tokens[hit.last].end]
        if surface not in words:
            words.append(surface)
    order = list(all_lenses())
    return tuple(sorted(lenses, key=order.index)), tuple(words)
