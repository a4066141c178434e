"""The prompts of the fill-in template: what the team still has to write.

With no log entry for the period, the update is made as a template: every
known figure filled in, and a short prompt in square brackets wherever the
team must write something. All those prompts are here, so the whole
template can be read (and translated) in one place.
"""

from __future__ import annotations

from pitchkit.i18n import fmt
from pitchkit.i18n.translation import Language
from pitchkit.period import parse_period


def prompt(text: str) -> str:
    """A part for the team to write, shown in square brackets."""
    return f"[{text}]"


def status_prompt(lang: Language) -> str:
    """Ask for the RAG status and the reason for it."""
    return prompt(lang.gettext("Green, amber or red, and why in a few words"))


def headline_prompt(lang: Language) -> str:
    """Ask for the period's news in one sentence."""
    return prompt(lang.gettext("One sentence: the most important news of this period for you"))


def log_prompts(lang: Language) -> dict[str, list[str]]:
    """Ask for what was done, what is next, barriers, asks and advice: one prompt each."""
    return {
        "done": [prompt(lang.gettext("What the team did this period: two to four points"))],
        "next": [prompt(lang.gettext("What happens next period"))],
        "barriers": [prompt(lang.gettext("Any barrier the team cannot remove alone, or 'none'"))],
        "asks": [prompt(lang.gettext("What exactly you would like the sponsor to do"))],
        "advice": [prompt(lang.gettext("A question on which you would value their advice"))],
    }


def carried_prompt(item: str, lang: Language, *, asked: bool = True) -> str:
    """A standing ask or question carried over into a fill-in, for the team to keep or delete.

    Not ``asked`` yet (the meeting it was written for is still to come),
    "carried over" would be false: the prompt says it is still to ask
    (reader25 #11), in as few words, so that the draft keeps its length.
    """
    if not asked:
        return prompt(lang.gettext("Still to ask, keep or delete: {item}").format(item=item))
    return prompt(lang.gettext("Carried over, keep or delete: {item}").format(item=item))


def stale_prompt(text: str, period: str, lang: Language) -> str:
    """A sentence worded from an earlier period's figures, for the team to bring up to date.

    It names the month the figures run to ("to the end of September 2026"), also for a
    quarter or a year: "to July to September 2026" would not read.
    """
    end = parse_period(period).end
    return prompt(
        lang.gettext(
            "Worded from the figures to the end of {month}; update it for this period: {text}"
        ).format(month=fmt.period_label(f"{end:%Y-%m}", lang), text=text)
    )


def figure_prompt(period: str, lang: Language) -> str:
    """Ask for a measure's figure for ``period`` (written ``2028-04``)."""
    return prompt(lang.gettext("figure for {period}").format(period=fmt.period_label(period, lang)))


def direction_prompt(lang: Language) -> str:
    """Ask which way a measure is going, in the words the chart's icon uses."""
    return prompt(lang.gettext("improving, worsening or within normal variation"))


def delivered_prompt(lang: Language) -> str:
    """Ask what a measure has delivered toward an objective so far."""
    return prompt(lang.gettext("What has been delivered toward this so far, in numbers"))


def measure_prompt(lang: Language) -> str:
    """Ask which measure shows progress toward an objective no impact is linked to."""
    return prompt(lang.gettext("The measure that shows progress on this, if any"))


def board_sentence_prompt(lang: Language, *, sponsor: bool = True) -> str:
    """Ask for a sentence the director can use: at the board for the sponsor, else to pass on.

    Only the sponsoring director speaks for the project at the board; a
    filled update says "As executive sponsor ..." only for them, and "The
    team running ... reports" for any other director, so the prompt asks the
    same of the team (fixleft21 #3).
    """
    if sponsor:
        return prompt(
            lang.gettext(
                "A sentence the sponsor can use at the board: what the project has "
                "delivered so far, in numbers"
            )
        )
    return prompt(
        lang.gettext(
            "A sentence the team would like you to know or pass on: what the project has "
            "delivered so far, in numbers"
        )
    )


def score_prompt(lang: Language) -> str:
    """Ask for the IHI progress score, if the team keeps one."""
    return prompt(
        lang.gettext("Progress score from 0.5 to 5.0 on the IHI scale, if the team keeps one")
    )
