"""``check``'s warning on a lead's headline that claims a change the figures do not show.

The reading itself is the update's (:mod:`pitchkit.notes.update.headline`):
the update prints a sentence under such a headline, and ``check`` flags it at
the summary's line and column, from the same rule.
"""

from __future__ import annotations

from collections.abc import Iterator

from pitchkit.advice.review import Finding, Review


def headline_unsupported(review: Review) -> Iterator[Finding]:
    """A lead's headline claims a change in a measure whose chart does not show one."""
    if not any(update.summary for update in review.facts.updates):
        return  # nothing to read: a plain brief loads no update code (test_startup)
    from pitchkit.notes.update.headline import headline_text, unsupported

    for found in unsupported(review.facts):
        message, evidence, fix = headline_text(found, review.lang)
        yield Finding(
            "headline-unsupported",
            "warning",
            message,
            evidence,
            fix,
            review.where("updates", found.entry, "summary"),
        )
