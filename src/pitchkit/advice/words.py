"""Advice about language: the director's own words, jargon, and text left untranslated."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from pitchkit.advice.review import Finding, Review
from pitchkit.facts.schema import Facts
from pitchkit.facts.yamlsource import Loc, dotted
from pitchkit.i18n.translation import N_
from pitchkit.recast import english

#: Improvement methodology words few directors use; each with a plainer way to say it.
JARGON: dict[str, str] = {
    "PDSA": N_("small, quick tests on the ward"),
    "plan-do-study-act": N_("small, quick tests on the ward"),
    "driver diagram": N_("the plan for what will make the difference"),
    "QI methodology": N_("a tested way of improving care"),
    "QI methods": N_("a tested way of improving care"),
    "model for improvement": N_("a tested way of improving care"),
    "improvement science": N_("a tested way of improving care"),
    "tests of change": N_("small trials of the new way of working"),
    "test of change": N_("a small trial of the new way of working"),
    "change ideas": N_("the changes we will try"),
    "change package": N_("the set of changes"),
    "process mapping": N_("working out where time is lost"),
    "fishbone": N_("the causes we found"),
    "kaizen": N_("continuous improvement"),
    "six sigma": N_("reducing errors and variation"),
    "value stream": N_("the patient's journey"),
    "breakthrough series": N_("a programme of teams learning together"),
}
LANGUAGE_NAMES = {"en": N_("English"), "cy": N_("Welsh")}


def _texts(facts: Facts) -> Iterator[tuple[Loc, str]]:
    """The project's own words that reach a director, with where each is."""
    yield ("project", "problem"), facts.project.problem
    yield ("project", "change"), facts.project.change
    for field in ("asks", "advice", "offer"):
        for index, text in enumerate(getattr(facts, field)):
            yield (field, index), text
    for index, impact in enumerate(facts.impacts):
        yield ("impacts", index, "measure"), impact.measure


@functools.cache
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    """``phrase`` as a whole word or words, in any case (made once per phrase)."""
    return re.compile(rf"(?<![\w-]){re.escape(phrase.strip())}(?![\w-])", re.IGNORECASE)


def _uses(text: str, phrase: str, theirs: str = "") -> bool:
    """Whether ``text`` uses ``phrase`` other than inside the director's own ``theirs``."""
    if theirs:
        text = _phrase_pattern(theirs).sub(" ", text)
    if text.isascii() and phrase.isascii() and phrase.strip().lower() not in text.lower():
        # In ASCII text the pattern's any-case match is this, so it need not be made.
        return False
    return bool(_phrase_pattern(phrase).search(text))


def director_terms(review: Review) -> Iterator[Finding]:
    """The project uses words the director's ``terms`` replace with their own."""
    director = review.director
    if director is None:
        return
    for ours, theirs in director.terms.items():
        if not ours.strip():
            continue
        found = [loc for loc, text in _texts(review.facts) if _uses(text, ours, theirs)]
        if found:
            yield Finding(
                "director-terms",
                "warning",
                review._("{name} says '{theirs}' where the project says '{ours}'.").format(
                    name=director.name, theirs=theirs, ours=ours
                ),
                review._("'{ours}' appears in {fields}.").format(
                    ours=ours, fields=", ".join(dotted(loc) for loc in found)
                ),
                review._(
                    "Write '{theirs}' in those places, or leave it: the note uses {name}'s "
                    "word in the measures, but your other text is shown as you wrote it."
                ).format(theirs=theirs, name=director.name),
                review.where(*found[0]),
            )


def jargon(review: Review) -> Iterator[Finding]:
    """Improvement-method words in text aimed at a director."""
    for term, plainer in JARGON.items():
        found = [loc for loc, text in _texts(review.facts) if _uses(text, term)]
        if found:
            yield Finding(
                "jargon",
                "warning",
                review._("'{term}' is improvement jargon most directors do not use.").format(
                    term=term
                ),
                review._("'{term}' appears in {fields}.").format(
                    term=term, fields=", ".join(dotted(loc) for loc in found)
                ),
                review._(
                    "Say what it means for them instead, such as '{plainer}', and keep the "
                    "method for the project team."
                ).format(plainer=review._(plainer)),
                review.where(*found[0]),
            )


def untranslated(review: Review) -> Iterator[Finding]:
    """Bilingual text with no version in the document's language."""
    language = review._(LANGUAGE_NAMES.get(review.lang.lang, review.lang.lang))
    for loc in review.loaded.untranslated:
        yield Finding(
            "untranslated",
            "warning",
            review._("Some text has no {language} version.").format(language=language),
            review._("{field} is written in another language only.").format(field=dotted(loc)),
            review._(
                "Add '{code}:' beside the other language's text; until then the document "
                "shows the other language there."
            ).format(code=review.lang.lang),
            review.where(*loc),
        )


def welsh_only(review: Review) -> Iterator[Finding]:
    """Measures or objectives in Welsh only: the measure map cannot read them.

    An objective from a team sheet is named by its row and column, and the
    fix is the sheet's (an ``objectives_en`` column): a cell does not read
    ``{en: ..., cy: ...}``.
    """
    found = list(english.welsh_only(review.facts, review.director))
    if not found:
        return
    # Only for a finding: the team-sheet reader (and csv) is no part of a plain brief.
    from pitchkit.facts.directors import sheet_place
    from pitchkit.i18n.messages import render

    places = [sheet_place(review.facts, loc) for loc, _text in found]
    evidence = " ".join(
        review._("{field} is in Welsh only: '{text}'.").format(
            field=dotted(loc) if place is None else render(place, review.lang), text=text
        )
        for (loc, text), place in zip(found, places, strict=True)
    )
    fixes = []
    if any(place is None for place in places):
        fixes.append(
            review._(
                "Give each as '{en: ..., cy: ...}' with the English beside the Welsh: pitchkit "
                "links on the English and shows the Welsh, so both languages make the same "
                "links. Until then it may miss links that an English version would make."
            )
        )
    if any(place is not None for place in places):
        fixes.append(
            review._(
                "In the team sheet, add a column objectives_en with the English of each "
                "objective in the row, in the same order, separated by ';': pitchkit links on "
                "the English and shows the Welsh."
            )
        )
    first = places[0]
    yield Finding(
        "welsh-only",
        "warning",
        review._("pitchkit's measure map cannot read some Welsh-only text."),
        evidence,
        " ".join(fixes),
        review.where(*found[0][0]) if first is None else render(first, review.lang),
    )
