"""The period's log entry in words: status, headline, what was done, asks, score and next date.

Each part is worded from the log entry for the period, in the director's
own terms; with no entry (a fill-in template) each becomes the prompt from
:mod:`pitchkit.notes.update.fillin` for the team to replace.
"""

from __future__ import annotations

import datetime as dt

from pitchkit.facts.schema import Update
from pitchkit.i18n import fmt
from pitchkit.i18n.translation import N_, Language
from pitchkit.notes import wording
from pitchkit.notes.context import Context
from pitchkit.notes.update import fillin
from pitchkit.notes.update.carryover import answered_by, carried, last_period
from pitchkit.notes.update.headline import Headline, claimed_direction, unsupported
from pitchkit.notes.update.progress import next_update_date, previous_score
from pitchkit.notes.update.situation import Situation
from pitchkit.period import Period, parse_period
from pitchkit.recast.audience import items_for

STATUS_WORDS = {
    "green": N_("Green: on track"),
    "amber": N_("Amber: some risk, being managed"),
    "red": N_("Red: off track, your help needed"),
}
#: Cell shading for each status: mid tones, so black words stay readable.
STATUS_COLOURS = {"green": "7BC47F", "amber": "FFC845", "red": "F28B82", "": "E8EDEE"}

#: The IHI project progress scale, in pitchkit's own words.
SCORE_MEANINGS = {
    0.5: N_("intends to take part"),
    1.0: N_("charter agreed and team formed"),
    1.5: N_("planning under way"),
    2.0: N_("work started, no changes tested yet"),
    2.5: N_("changes tested, no improvement yet"),
    3.0: N_("modest improvement"),
    3.5: N_("improvement in the measures"),
    4.0: N_("significant improvement"),
    4.5: N_("improvement sustained"),
    5.0: N_("outstanding results, sustained"),
}


def status_context(entry: Update | None, lang: Language) -> Context:
    """The RAG status as a word, a phrase and a cell colour."""
    if entry is None:
        return {
            "word": "",
            "text": fillin.status_prompt(lang),
            "colour": STATUS_COLOURS[""],
        }
    return {
        "word": entry.status,
        "text": lang.gettext(STATUS_WORDS[entry.status]),
        "colour": STATUS_COLOURS[entry.status],
    }


def headline(situation: Situation) -> str:
    """The period's news in one sentence: the logged summary, or a prompt for it.

    The lead's words are printed as written; a change they claim that the
    figures do not show is said in :func:`headline_note`, set apart below them.
    """
    entry = situation.entry
    if entry is not None and entry.summary:
        return wording.apply_terms_in_sentence(entry.summary.rstrip(".") + ".", situation.terms)
    if entry is not None:
        return situation.lang.gettext("Progress this period is set out below.")
    return fillin.headline_prompt(situation.lang)


def headline_note(situation: Situation) -> str:
    """That the headline claims a change its figures do not show yet; "" when it claims none.

    A change the lead's words claim is never left to stand as fact ("Emergency
    admissions falling" above a table row with no change beyond normal
    variation, reader26 #6). The sentence is printed after the headline in
    normal weight, not as part of it: in the headline's bold it read as the
    headline contradicting itself (reader27 #9). ``check`` and ``update`` still
    warn the lead, who may reword it.
    """
    if situation.entry is None or not situation.entry.summary:
        return ""
    return unshown_claim(situation)


#: Words of change that say a measure fell, and that it rose ("down", "codi").
#: The sentence for one measure, by the change claimed and whether it has a money value.
_ONE = {
    ("fall", True): N_(
        "The chart cannot yet tell this fall from normal variation, so no money is counted "
        "for {measures}."
    ),
    ("rise", True): N_(
        "The chart cannot yet tell this rise from normal variation, so no money is counted "
        "for {measures}."
    ),
    ("change", True): N_(
        "The chart cannot yet tell this change from normal variation, so no money is counted "
        "for {measures}."
    ),
    ("fall", False): N_(
        "The chart cannot yet tell this fall in {measures} from normal variation, so it is not "
        "counted as delivered."
    ),
    ("rise", False): N_(
        "The chart cannot yet tell this rise in {measures} from normal variation, so it is not "
        "counted as delivered."
    ),
    ("change", False): N_(
        "The chart cannot yet tell this change in {measures} from normal variation, so it is "
        "not counted as delivered."
    ),
}


def unshown_claim(situation: Situation) -> str:
    """That the headline claims a change its figures do not show yet; "" when it claims none.

    Plainly, naming what is not counted: "The chart cannot yet tell this fall
    from normal variation, so no money is counted for emergency admissions of
    the people supported." (reader27 #9: "its chart … so none is counted" left
    the reader asking "none of what?"). A headline of a change the chart does
    show, over a latest figure worse than before the change, gets a sentence
    of its own (newuser37 #10).
    """
    found = list(unsupported(situation.facts, only=situation.period))
    said = [_latest_worse_sentence(f, situation) for f in found if f.latest_worse is not None]
    found = [f for f in found if f.latest_worse is None]
    if found:
        said.insert(0, _unshown(found, situation))
    return " ".join(said)


def _latest_worse_sentence(found: Headline, situation: Situation) -> str:
    """That the latest figure of a measure the headline says moved is worse than before."""
    lang = situation.lang
    assert found.latest_worse is not None
    measure = wording.in_sentence(wording.apply_terms(found.impact.measure, situation.terms), lang)
    return lang.gettext(
        "The latest figure for {measure}, for {period}, is worse than the average before the "
        "change, so the figures do not bear out this headline for now."
    ).format(measure=measure, period=fmt.period_label(found.latest_worse.text, lang))


def _unshown(found: list[Headline], situation: Situation) -> str:
    """The sentence for headlines claiming changes their charts cannot yet tell apart."""
    lang = situation.lang
    measures = fmt.join_list(
        [
            wording.in_sentence(wording.apply_terms(f.impact.measure, situation.terms), lang)
            for f in found
        ],
        lang,
    )
    money = all(f.impact.value is not None for f in found)
    if len(found) == 1:
        text = lang.gettext(_ONE[(claimed_direction(found[0].word), money)])
    elif money:
        text = lang.gettext(
            "The charts cannot yet tell these changes from normal variation, so no money is "
            "counted for {measures}."
        )
    else:
        text = lang.gettext(
            "The charts cannot yet tell these changes in {measures} from normal variation, so "
            "they are not counted as delivered."
        )
    return text.format(measures=measures)


def log_parts(situation: Situation) -> Context:
    """Done, next, barriers, asks and advice: as logged, or prompts to fill in.

    Asks and advice are the period's own. Without them, the project's
    standing ones still current for the period are carried over, marked as
    such (:mod:`pitchkit.notes.update.carryover`): advice in a logged update and a
    fill-in alike, asks only in a fill-in (a logged period that asks
    nothing asks nothing: a standing ask is often done by then, and re-asking
    it months later would read as if the sponsor had not). In a fill-in every
    carried item is in square brackets, for the team to keep or delete; an ask
    kept goes into the period's ``asks:`` in the log. Before the meeting they
    were written for (:func:`asked_yet`), they are offered as still to ask,
    not as carried over.
    """
    lang, entry = situation.lang, situation.entry
    if entry is None:
        prompts = fillin.log_prompts(lang)
        asked = asked_yet(situation)
        prompts["asks"] += [
            fillin.carried_prompt(a, lang, asked=asked) for a in carried_asks(situation)
        ]
        prompts["advice"] += [
            fillin.carried_prompt(a, lang, asked=asked) for a in carried_advice(situation)
        ]
        return {**prompts, "no_barriers": ""}
    terms = situation.terms
    barriers = [wording.apply_terms_in_sentence(b, terms) for b in entry.barriers]
    asks = [wording.apply_terms_in_sentence(a, terms) for a in entry.asks]
    # With nothing else asked, the meeting the questions are for is said once, in the words
    # that lead to them, not after every one (reader28 #12).
    meeting = None if barriers or asks else _meeting_for(situation)
    advice = advice_sought(situation, marked=meeting is None)
    return {
        "done": [wording.apply_terms_in_sentence(d, terms) for d in entry.done],
        "next": [wording.apply_terms_in_sentence(n, terms) for n in entry.next],
        "barriers": barriers,
        "asks": asks,
        "advice": advice,
        "no_barriers": (
            ""
            if barriers or asks
            else nothing_asked(
                entry.status,
                lang,
                advice=bool(advice),
                meeting=meeting if advice and not entry.advice else None,
            )
        ),
    }


def carried_asks(situation: Situation) -> list[str]:
    """The director's standing asks still current for the period, in their terms.

    Asks meant for other directors (``{text:, for:}``) are left out.
    """
    mine = [i.text for i in items_for(situation.facts, situation.pitch.director, "asks")]
    items = carried(mine, situation.period, situation.facts.project.start)
    return [wording.apply_terms_in_sentence(a, situation.terms) for a in items]


def carried_advice(situation: Situation) -> list[str]:
    """The director's standing questions still current for the period, in their terms.

    Not one the log has since answered, nor any in the project's last period
    (:mod:`pitchkit.notes.update.carryover`).
    """
    facts, period = situation.facts, situation.period
    if last_period(period, facts.project.end):
        return []  # nothing is carried over into the project's last update (reader24 #13)
    mine = [i.text for i in items_for(facts, situation.pitch.director, "advice")]
    items = [
        item
        for item in carried(mine, period, facts.project.start)
        if answered_by(item, facts.updates, period) is None  # the log has answered it
    ]
    return [wording.apply_terms_in_sentence(a, situation.terms) for a in items]


def nothing_asked(
    status: str, lang: Language, *, advice: bool = False, meeting: str | None = None
) -> str:
    """What to say when a period asks nothing of the sponsor, true to its status.

    With ``advice`` sought (the period's own questions or the project's carried
    over), it says nothing is asked beyond that advice: "Nothing needs your help"
    above "Your advice" would contradict the question below it (newuser23 #7).
    ``meeting``: the date of the meeting the questions are for, said once here.
    """
    if advice and meeting:
        if status == "red":
            return lang.gettext(
                "Nothing is asked of you this period beyond your advice below, for our meeting "
                "on {date}, although the work is off track: we will tell you at once if your "
                "help would change that."
            ).format(date=meeting)
        if status == "amber":
            return lang.gettext(
                "Nothing is asked of you this period beyond your advice below, for our meeting "
                "on {date}: we will tell you at once if the risks behind the amber status grow."
            ).format(date=meeting)
        return lang.gettext(
            "Nothing is asked of you this period beyond your advice below, for our meeting "
            "on {date}: thank you for your support."
        ).format(date=meeting)
    if advice:
        if status == "red":
            return lang.gettext(
                "Nothing is asked of you this period beyond your advice below, although the "
                "work is off track: we will tell you at once if your help would change that."
            )
        if status == "amber":
            return lang.gettext(
                "Nothing is asked of you this period beyond your advice below: we will tell "
                "you at once if the risks behind the amber status grow."
            )
        return lang.gettext(
            "Nothing is asked of you this period beyond your advice below: thank you for "
            "your support."
        )
    if status == "red":
        return lang.gettext(
            "Nothing specific is asked of you this period, although the work is off track: "
            "we will tell you at once if your help would change that."
        )
    if status == "amber":
        # No risks are listed (they would sit under barriers): the amber status is what has them.
        return lang.gettext(
            "Nothing needs your help this period: we will tell you at once if the risks behind "
            "the amber status grow."
        )
    return lang.gettext("Nothing needs your help this period: thank you for your support.")


def _meeting_for(situation: Situation) -> str | None:
    """The date of the meeting the standing questions are for, when not yet held."""
    meeting = situation.facts.meeting
    if asked_yet(situation) or meeting is None or meeting.date is None:
        return None
    return fmt.date(meeting.date, situation.lang)


def advice_sought(situation: Situation, *, marked: bool = True) -> list[str]:
    """The period's own questions, else the project's still current ones marked carried over.

    A standing question is marked carried over only once the meeting it was
    written for has been held: an update reported on 4 December for a meeting
    on 15 December has not asked it yet, so "(carried over)" would be false
    (reader25 #11). It is then marked as the question for that meeting, so
    that the sponsor does not read it as this period's (newuser37 #11);
    unless not ``marked``, when the words leading to them name the meeting.
    """
    entry = situation.entry
    if entry is not None and entry.advice:
        return [wording.apply_terms_in_sentence(a, situation.terms) for a in entry.advice]
    items = carried_advice(situation)
    meeting = situation.facts.meeting
    if not asked_yet(situation) and meeting is not None and meeting.date is not None:
        if not marked:
            return items
        mark = situation.lang.gettext("(for our meeting on {date})").format(
            date=fmt.date(meeting.date, situation.lang)
        )
        return [f"{item} {mark}" for item in items]
    mark = situation.lang.gettext("(carried over)")
    return [f"{item} {mark}" for item in items]


def asked_yet(situation: Situation) -> bool:
    """Whether the project's standing questions have been put to the director yet.

    They were written for the meeting in the facts; when that meeting falls after
    the day of the update (the day the log says it was reported, else the day it
    is written), they have not been asked. With no meeting date they are taken
    as asked.
    """
    meeting = situation.facts.meeting
    if meeting is None or meeting.date is None:
        return True
    entry = situation.entry
    day = entry.date if entry is not None and entry.date is not None else situation.today
    return day is None or meeting.date <= day


def next_update_text(situation: Situation) -> str:
    """The date of the next update, from the log or the cadence.

    A draft keeps the log's rhythm: when the latest earlier entry was reported
    a week after its period ended, the draft's own report is taken to be a week
    after its period, and the next is due a period after that (not at the end
    of the following period, a date a late draft has often passed already).
    When even that date has passed on the day the draft is written, or the log
    has no dates, the next update is named by when it comes and the period it
    covers (:func:`_following_text`): "early August 2026, covering July 2026",
    or "covering July 2026, due now" once that is past too.

    No update is offered for a period that starts after the project ends: the
    line names the closing report instead, as the project has ended
    (fixupd25a #5: the falls update for its last month, March 2028, offered
    one for May 2028, and a draft for January 2030 one for March 2030).
    """
    end = situation.facts.project.end
    cadence = situation.facts.settings.cadence
    if end is not None and situation.period.following(cadence).start > end:
        # Not "none: the project ended on …, so a closing report comes next": two colons in a
        # row, and both "none" and "next" (reader27 #18).
        return situation.lang.gettext("the closing report, as the project ended on {end}").format(
            end=fmt.date(end, situation.lang)
        )
    entry = situation.entry
    if entry is None:
        lag = reporting_lag(situation.facts.updates, situation.period)
        if lag is not None:
            reported = situation.period.end + lag
            entry = Update.model_construct(period=situation.period.text, date=reported)
    if entry is None or (entry.date is None and entry.next_update is None):
        # No rhythm in the log to go by: the end of the following period ("31 December
        # 2026") is no day an update on it could be sent, its figures not yet in
        # (newuser36 #10). The next update is named by when it comes and what it covers,
        # not "the update for December 2026" (fixread31a #4).
        written = situation.entry.date if situation.entry is not None else situation.today
        return _following_text(situation, written)
    # The page's date: the day the log's entry was reported, or the day a draft is written
    # (an undated entry's page has none, and keeps the rhythm's date).
    written = situation.entry.date if situation.entry is not None else situation.today
    due = next_update_date(entry, situation.period, cadence, written=None)
    if written is not None and due < written:
        # A draft for a period long past (June, written in December): the rhythm's date has
        # gone, and a date stepped on to after today ("31 December 2026") follows neither
        # June nor today (newuser34 #11). The next update is the one for the period after
        # the one reported, named by what it covers.
        return _following_text(situation, written)
    return fmt.date(due, situation.lang)


#: The days of a month an update sent "early" in it is taken to come by.
EARLY_DAYS = 10


def _following_text(situation: Situation, written: dt.date | None) -> str:
    """The next update named by when it comes and what it covers, with no date in the log.

    "early January 2027, covering December 2026": its figures are in once its period
    has ended, so it comes early in the month after. "the update for December 2026"
    said neither (fixread31a #4). When that time is past on the day the page is dated
    (a June draft written in December), the update is due now, and said so, as a date
    already past is never given (newuser13 #4).
    """
    lang, cadence = situation.lang, situation.facts.settings.cadence
    following = situation.period.following(cadence)
    covering = fmt.period_label(following.text, lang)
    comes = following.end + dt.timedelta(days=1)
    if written is not None and written > comes.replace(day=EARLY_DAYS):
        return lang.gettext("covering {period}, due now").format(period=covering)
    return lang.gettext("early {month}, covering {period}").format(
        month=fmt.period_label(f"{comes:%Y-%m}", lang), period=covering
    )


def reporting_lag(updates: list[Update], period: Period) -> dt.timedelta | None:
    """How long after its period the latest entry before ``period`` was reported, if after."""
    for update in sorted(updates, key=lambda u: parse_period(u.period), reverse=True):
        logged = parse_period(update.period)
        if logged >= period:
            continue
        if update.date is None or update.date <= logged.end:
            return None
        return update.date - logged.end
    return None


def score_context(situation: Situation) -> Context:
    """The IHI progress score with its meaning and its movement since the last update.

    ``shown``: whether the update gives the score at all. A log that has never
    scored a period has no "Not scored this period" to say (newuser40 #3): the
    row is left out; a draft still asks for one.
    """
    lang, entry = situation.lang, situation.entry
    kept = any(update.score is not None for update in situation.facts.updates)
    empty: Context = {"value": None, "text": "", "movement": "", "shown": kept}
    if entry is None:
        empty["text"] = fillin.score_prompt(lang)
        empty["shown"] = True
        return empty
    if entry.score is None:
        return empty
    meaning = lang.gettext(SCORE_MEANINGS[float(entry.score)])
    text = lang.gettext("{score} out of 5: {meaning}").format(
        score=fmt.number(entry.score, lang, decimals=1), meaning=meaning
    )
    return {
        "value": entry.score,
        "text": text,
        "movement": score_movement(situation),
        "shown": True,
    }


def score_movement(situation: Situation) -> str:
    """``up from 3.0 in February 2028``, ``unchanged since …``, or the first score."""
    lang, entry = situation.lang, situation.entry
    assert entry is not None
    assert entry.score is not None
    found = previous_score(situation.facts.updates, situation.period)
    if found is None:
        return lang.gettext("the first score recorded")
    before, score = found
    values = {
        "score": fmt.number(score, lang, decimals=1),
        "period": fmt.period_label(before.period, lang),
    }
    if entry.score > score:
        return lang.gettext("up from {score} in {period}").format(**values)
    if entry.score < score:
        return lang.gettext("down from {score} in {period}").format(**values)
    return lang.gettext("unchanged since {period}").format(**values)
