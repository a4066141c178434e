"""Advice about length: whether the briefing note fits one page as written.

``check`` says it before any document is written: each block's word budget
for a one-page note to this director, which texts go over it and by how
many words, each cut the note would make (worded as it will read), and
whether the note would still run over after every cut pitchkit allows.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pitchkit.advice.review import Finding, Review
from pitchkit.notes.context import brief_context, offer_written
from pitchkit.notes.fit import (
    BODY_SIZE,
    LINE_FACTOR,
    PAGE_HEIGHT,
    WORDS_PER_LINE,
    cuts_listed,
    estimate_height,
)
from pitchkit.recast.localise import localise_pitch

#: The rules here: ``brief`` leaves them out of its advice (it reports the cuts it made).
LENGTH_RULES = frozenset({"word-budgets", "over-budget", "cuts-to-fit", "over-a-page"})
#: The blocks that share the room left on the page, each with its share, and
#: where each sits in the facts file (a block that is a list counts all items).
BLOCKS: tuple[tuple[str, tuple[str, ...], float, tuple[str, ...]], ...] = (
    ("project.problem", ("project", "problem"), 0.22, ("project", "problem")),
    ("project.change", ("project", "change"), 0.17, ("project", "change")),
    ("project.evidence", ("project", "evidence"), 0.17, ("project", "evidence")),
    ("project.strategy", ("project", "strategy"), 0.1, ("project", "strategy")),
    ("asks", ("asks",), 0.14, ("asks",)),
    ("advice", ("advice",), 0.1, ("advice",)),
    ("offer", ("pitch", "gains"), 0.1, ("offer",)),
)


def _words(value: Any) -> int:
    items = value if isinstance(value, list) else [value]
    return sum(len(str(item).split()) for item in items)


def _value(context: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = context
    for key in path:
        value = value[key]
    return value


def budgets(context: dict[str, Any]) -> dict[str, int]:
    """Each block's word budget: its share of the words the page has room for.

    The room is the page less everything that is always shown (title, the
    ask sentence, headline, statements, funding, contact, sources).
    """
    bare = dict(context)
    bare["project"] = {**context["project"], "problem": "", "change": "", "evidence": []}
    bare["project"]["strategy"] = []
    bare["pitch"] = {**context["pitch"], "gains": [], "concerns": []}
    bare["asks"] = context["asks"][:1]
    bare["advice"] = []
    room = max(0.0, PAGE_HEIGHT - estimate_height(bare))
    words = room / (BODY_SIZE * LINE_FACTOR) * WORDS_PER_LINE * 0.9  # headings and gaps
    return {name: int(words * share) for name, _path, share, _loc in BLOCKS}


def page_fit(review: Review) -> Iterator[Finding]:
    """Whether the note to the chosen director fits one page without cuts."""
    pitch = review.pitch
    if pitch is None:
        return
    localised = localise_pitch(pitch, review.lang)
    context = brief_context(localised, review.lang, today=review.today)
    # Fitted as brief, batch and preview fit the built-in note (laid out, not
    # estimated), so this says "will not fit" only when they cut (newuser20 #5).
    from pitchkit.notes.brief import layout_fit, properties

    props = properties(localised, review.lang, "brief", review.today)
    fit, _data = layout_fit(context, localised, review.lang, props)
    if not fit.cuts and not fit.over_words:
        return
    shares = budgets(context)
    yield Finding(
        "word-budgets",
        "info",
        review._("Each block of a one-page note has a word budget."),
        review._("Budgets for {name}: {budgets}.").format(
            name=pitch.director.name,
            budgets=", ".join(f"{name} {words}" for name, words in shares.items()),
        ),
        review._("Keep each block within its budget and nothing needs cutting."),
    )
    # The offer block also holds the role's typical gains pitchkit adds: the lead can
    # shorten only what they wrote, so only that is counted (newuser19 #7).
    written = set(offer_written(localised))
    added = [gain for gain in context["pitch"]["gains"] if gain not in written]
    for name, path, _share, loc in BLOCKS:
        value = _value(context, path)
        if name == "offer":
            value = [gain for gain in value if gain in written]
        words = _words(value)
        if name == "offer" and words <= shares[name] and added:
            if words + _words(added) > shares[name]:
                yield _added_gains(review, added, shares[name] - words)
            continue
        if words <= shares[name]:
            continue
        yield Finding(
            "over-budget",
            "warning",
            review._("{field} is longer than a one-page note has room for.").format(field=name),
            review._("{field} has {words} words; its budget is {budget}.").format(
                field=name, words=words, budget=shares[name]
            ),
            review._("Cut about {cut} words from {field}.").format(
                cut=words - shares[name], field=name
            ),
            review.where(*loc),
        )
    dropped = [g for g in context["pitch"]["gains"] if g not in fit.context["pitch"]["gains"]]
    if (
        fit.cuts
        and all(cut.field == "pitch.gains" for cut in fit.cuts)
        and written.isdisjoint(dropped)
    ):
        # Only lines pitchkit added itself are cut: nothing in the facts file to shorten.
        yield Finding(
            "cuts-to-fit",
            "info",
            review._("To fit one page, pitchkit leaves out gains it would add to your offer."),
            review._("Cuts to fit one page: {cuts}.").format(
                cuts=cuts_listed(fit.cuts).render(review.lang)
            ),
            review._(
                "Nothing of yours is cut. To choose every gain the note offers, write them "
                "under offer in the facts file."
            ),
        )
    elif fit.cuts:
        yield Finding(
            "cuts-to-fit",
            "warning",
            review._("The note will not fit one page as written, so pitchkit will cut it."),
            review._("Cuts to fit one page: {cuts}.").format(
                cuts=cuts_listed(fit.cuts).render(review.lang)
            ),
            review._(
                "Shorten the texts named here in the facts file, or run brief with --no-cuts "
                "to be stopped instead of cut."
            ),
        )
    if fit.over_words:
        yield Finding(
            "over-a-page",
            "error",
            review._("The note runs over one page even after every cut pitchkit allows."),
            review._("About {words} words too many remain after the cuts.").format(
                words=fit.over_words
            ),
            review._(
                "Cut about {words} words from the problem, the change, the asks or the "
                "evidence in the facts file."
            ).format(words=fit.over_words),
        )


def _added_gains(review: Review, added: list[str], room: int) -> Finding:
    """The note that the gains pitchkit adds, not the lead's offer, make the offer block long."""
    return Finding(
        "over-budget",
        "info",
        review._("The gains pitchkit adds to your offer make that block longer than its budget."),
        review._(
            "Your offer is within its budget, with room for {room} more words; pitchkit adds "
            "the role's typical gains after it: {added}."
        ).format(room=max(0, room), added="; ".join(f'"{gain}"' for gain in added)),
        review._(
            "Nothing of yours to cut: these lines are pitchkit's own, and it leaves them out "
            "when the page is full. To choose them yourself, write the gains you mean under "
            "offer in the facts file (pitchkit adds its own only to make up three)."
        ),
        review.where("offer"),
    )
