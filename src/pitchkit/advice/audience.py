"""Advice about whom asks, questions and offers are for.

An item for everyone that reads as one role's business (releasing nurses,
counting savings in the CIP, a clinical forum) reaches every director's
note; and a director no advice question or offer names gets the lens's own,
which the user should know about.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pitchkit.advice.review import Finding, Review, who
from pitchkit.facts.schema import Director
from pitchkit.i18n import fmt
from pitchkit.i18n.translation import N_
from pitchkit.recast.audience import has_own, items, whose_business
from pitchkit.recast.english import english_of
from pitchkit.recast.whose import names_kind

#: What an item of each field is called in a finding.
_KINDS = {"asks": N_("ask"), "advice": N_("question"), "offer": N_("offer")}


def _own_added(review: Review, director: Director, field: str) -> str:
    """The role's own question or gain a note to ``director`` adds: "" when none suits the project.

    The same choice the note makes (:func:`pitchkit.notes.context.supported`):
    nothing that claims money the project does not show.
    """
    from pitchkit.notes.context import supported, worded
    from pitchkit.recast.lenses import lens_data

    # Judged in English (a Welsh note's pitch has its lens worded in Welsh), as the note does.
    lens = review.lens_of(director)
    lens = lens_data().lenses.get(lens.id, lens)
    own = list(lens.advice[:1] if field == "advice" else lens.gains)
    pitch = review.pitch_of(director)
    if pitch is not None:
        own = [item for item in own if supported(item, pitch)]
    # Worded as the note words it: not "ahead of winter" in January, nor "clusters" in England.
    return worded(own[0], review.today, review.facts, pitch) if own else ""


def _considered(review: Review) -> list[Director]:
    return [review.director] if review.director else list(review.facts.directors)


def _meant_for(review: Review, business: tuple[str, ...], words: tuple[str, ...]) -> list[Director]:
    """The directors an item reads as meant for: those of its lenses, else those its words name.

    When no one on the team has one of the item's lenses (no director of
    primary and community care, say), the nearest director present is one
    whose job title holds the words the item speaks of ("community
    services" in "Director of Operations and Community Services"). Empty
    when there is no such director either: no one to name.
    """
    named = [d for d in review.facts.directors if review.lens_of(d).id in business]
    if named:
        return named
    wanted = [re.compile(rf"\b{re.escape(word.casefold())}\b") for word in words]
    return [
        d
        for d in review.facts.directors
        if any(pattern.search(d.role.casefold()) for pattern in wanted)
    ]


#: An ask addressed to the sponsor the note is looking for: "Sponsor our bid to the ICB's
#: panel", "Champion the pilot at the executive team", "Be our executive sponsor".
_SPONSOR_ASK = re.compile(
    r"^\W*(?:please\s+)?(?:sponsor|champion|back|endorse|be\s+(?:our|the)\s+(?:\w+\s+)?"
    r"sponsor|noddi|cefnogi|hyrwyddo)\b",
    re.IGNORECASE,
)


def _named_in(text: str, directors: list[Director]) -> list[Director]:
    """The directors ``text`` plainly names, by their name or their whole job title."""
    folded = text.casefold()
    return [
        d
        for d in directors
        if any(
            re.search(rf"\b{re.escape(words.casefold())}\b", folded)
            for words in (d.name, d.role)
            if words.strip()
        )
    ]


def meant_for_another(review: Review) -> Iterator[Finding]:
    """An item for everyone reads as another director's business.

    Only a director on the team is named: an item whose lens no one has,
    and whose words no one's job title holds, is no one else's business.
    An ask addressed to the sponsor ("Sponsor our bid to the ICB's panel")
    is every director's unless it plainly names another director, by name or
    job title, as the one to ask: a word such as "ICB" inside it is what the
    sponsor is asked to back, not whom the ask is for (newuser35 #8).
    """
    considered = _considered(review)
    if not considered:
        return
    for field in ("asks", "advice", "offer"):
        for item in items(review.facts, field):
            if item.targeted:
                continue
            if (
                field == "asks"
                and _SPONSOR_ASK.search(item.text)
                and not _named_in(item.text, list(review.facts.directors))
            ):
                continue
            # Read in English, as matching reads it: the Welsh of the same question names no
            # role's business in words the map knows (newuser37 #13).
            business, words = whose_business(english_of(item.text, review.facts.english))
            if not business:
                continue
            own = [w for w in words if names_kind(w, review.facts.project.organisation)]
            if own:  # "the ICB executive" in an ICB's project is everyone's (newuser29 #5)
                words = tuple(w for w in words if w not in own)
                business = tuple(
                    dict.fromkeys(lens for w in words for lens in whose_business(w)[0])
                )
                if not business:
                    continue
            meant = _meant_for(review, business, words)
            reached = [d for d in considered if d not in meant]
            if not meant or not reached:
                continue
            yield Finding(
                "meant-for-another",
                "warning",
                review._(
                    "The {kind} '{text}' goes to every director but reads as meant for {whom}."
                ).format(
                    kind=review._(_KINDS[field]),
                    text=item.text,
                    whom=fmt.join_list([who(d) for d in meant], review.lang, style="or"),
                ),
                review._("{field}[{index}] speaks of {words}; it also reaches {names}.").format(
                    field=field,
                    index=item.index,
                    words=fmt.join_list([f"'{w}'" for w in words], review.lang),
                    names=fmt.join_list([d.name for d in reached], review.lang),
                ),
                review._(
                    "If it is for them only, write it as {{text: ..., for: [{ids}]}}: the other "
                    "directors' notes then leave it out."
                ).format(ids=", ".join(d.id for d in meant)),
                review.where(field, item.index),
            )


def lens_own_used(review: Review) -> Iterator[Finding]:
    """No advice question or offer suits a director, so the note uses the lens's own."""
    considered = _considered(review)
    for field in ("advice", "offer"):
        if not getattr(review.facts, field):
            continue  # no-advice-sought and no-sponsor-gain say so already
        without = [d for d in considered if not has_own(review.facts, d, field)]
        if not without:
            continue
        if field == "advice":
            message = review._("Notes to {names} ask their role's own question.")
            fix = review._(
                "Write a question for each of them, such as {{text: ..., for: [{id}]}}: advice "
                "asked in their own terms is the advice directors give."
            )
        else:
            message = review._("Notes to {names} offer their role's typical gains.")
            fix = review._(
                "Say what is in it for each of them, such as {{text: ..., for: [{id}]}}: an "
                "offer meant for them wins more than a typical one."
            )
        added = {director.id: _own_added(review, director, field) for director in without}
        without = [director for director in without if added[director.id]]
        if not without:
            continue  # nothing of the role's own suits the project: no-sponsor-gain and the like
        examples = [f"{d.name}: '{review._(added[d.id])}'" for d in without[:3]]
        names = fmt.join_list([d.name for d in without], review.lang)
        yield Finding(
            "lens-own-used",
            "info",
            message.format(names=names),
            review._("No {field} item is meant for them; pitchkit adds {examples}.").format(
                field=field, examples="; ".join(examples)
            ),
            fix.format(id=without[0].id),
            review.where(field),
        )
