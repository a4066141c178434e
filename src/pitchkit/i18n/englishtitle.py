"""A project's title as the subject (or object) of an English sentence.

A title typed as a common noun phrase needs the article and a lower case
first letter inside a sentence: "The theatre scheduling and pre-operative
assessment hub will help you ...", "As executive sponsor of the theatre
scheduling ... hub", not "Theatre scheduling ... hub will help you"
(newuser40 #1). A proper name takes none: "Project Phoenix will help you",
"ReSPECT will help you". pitchkit cannot always tell the two apart, so the
rule is a safe one, as the Welsh one is (:mod:`pitchkit.i18n.welshtitle`):

- a title that begins with "The" (or "A", "An") is given a lower case
  article inside a sentence ("As executive sponsor of the Retreat");
- a title of more than one word, typed in sentence case (its second word
  has no capital), whose head noun is one pitchkit knows (hub, service,
  clinic, ward, team, programme ...: the last word before any "for", "of",
  "in" ...) takes "the", its first letter lower-cased unless the first word
  is an acronym or has capitals of its own ("the GIRFT theatres
  programme", "the ReSPECT team") or is a name the caller gives (the
  organisation's words: "the Northfield frailty hub");
- any other title is left as it is: a single word or one in title case is a
  name ("Project Phoenix", "Ear Care Wales"), and a title that reads as a
  sentence, a slogan or a title in two parts ("Discharge to assess", "A bed
  for every heart operation", "Safer steps: preventing falls ...") takes no
  article that would make it wrong.

:func:`finished` capitalises the article when the title opens the sentence
("The theatre scheduling ... hub will help you"), and elides the Welsh one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pitchkit.i18n.welshtitle import elided


def _words(text: str) -> frozenset[str]:
    """The words of ``text``, one each."""
    return frozenset(text.split())


#: Nouns a project's title is often named by, as the head of its noun phrase.
HEAD_NOUNS = _words(
    """
    hub hubs service services clinic clinics unit units ward wards team teams pathway
    pathways programme programmes program project pilot network networks model scheme
    lounge centre centres center bundle rota cell house houses system tool app platform
    register registry collaborative partnership initiative campaign desk helpdesk hotline
    line suite lab laboratory room bay huddle forum panel group academy car cars van
    vehicle vehicles bus robot list lists board review reviews round rounds protocol
    dashboard portal bank pool office offices café cafe kitchen garden sanctuary
    """
)

#: Words that make a title a sentence or a slogan rather than a noun phrase, wherever they
#: come before its head: articles, determiners, numbers said as words and negatives.
_NOT_A_PHRASE = _words(
    """
    the a an every each all our your their my his her its this that these those no not
    none never more fewer less one two three four five six seven eight nine ten is are be
    was will can
    """
)

#: Verbs a title may open with, as an instruction ("Expand the community clinics").
_VERBS = _words(
    """
    expand build open create grow deliver introduce establish develop launch set extend
    scale roll bring move make reduce improve implement embed cut stop end start find
    get give keep put take use ask answer book see treat close free help run join
    """
)

#: Words ending in -ing that name a thing or a field, not an action ("Nursing home team").
_NOMINAL_ING = _words(
    """
    nursing prescribing scheduling housing screening training learning planning funding
    booking staffing rostering dispensing testing monitoring parenting wellbeing building
    listening counselling mentoring coaching
    """
)

#: Words that keep their capital inside a sentence, though typed as the first of a phrase.
_PROPER = _words(
    """
    english welsh scottish irish british european african caribbean asian polish romanian
    somali muslim jewish sikh hindu gypsy roma christmas easter monday tuesday wednesday
    thursday friday saturday sunday january february march april may june july august
    september october november december
    """
)

#: Words after which a title's head noun has come: what follows qualifies it.
_AFTER_HEAD = _words(
    """
    for of in at with on to from by across within into after before without under over
    through via using near beside around during
    """
)

_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d[\w/-]*")
#: Marks of a title in two parts, a list or an aside.
_PARTS = re.compile(r":|\s[-–—]\s|[,;()?!]")


def _capitals(word: str) -> bool:
    """Whether ``word`` has a capital after its first letter: "GIRFT", "ReSPECT", "iPad"."""
    return any(ch.isupper() for ch in word[1:]) or word[:1].islower()


def english_subject(title: str, *, names: Iterable[str] = ()) -> str:
    """``title`` as a noun phrase inside an English sentence (see the module).

    ``names`` are words that are names wherever they come (the organisation's), so
    keep their capital: "Northfield frailty hub" is "the Northfield frailty hub".
    """
    text = title.strip()
    words: list[str] = _WORD.findall(text)
    if not words:
        return title
    if words[0] == "The" and text.startswith("The "):
        return "the" + text[3:]
    if words[0] == "the":
        return text
    if words[0] in ("A", "An") and len(words) > 1 and words[1][:1].islower():
        # Its own article, lower case inside the sentence: "of a fracture liaison service".
        return words[0].lower() + text[len(words[0]) :]
    if len(words) < 2 or _PARTS.search(text):
        return title
    if any(ch.isupper() for ch in words[1]):
        return title  # title case: a name
    first = words[0]
    folded = [w.casefold() for w in words]
    if folded[0] in _VERBS:
        return title
    if folded[0].endswith("ing") and folded[0] not in _NOMINAL_ING:
        return title
    head_at = next((i for i, w in enumerate(folded) if w in _AFTER_HEAD), len(folded))
    phrase = folded[:head_at]
    if len(phrase) < 1 or phrase[-1] not in HEAD_NOUNS:
        return title
    if any(w in _NOT_A_PHRASE for w in phrase):
        return title
    kept = {w.casefold() for name in names for w in _WORD.findall(name) if w[:1].isupper()}
    if _capitals(first) or folded[0] in _PROPER or folded[0] in kept:
        return f"the {text}"
    return f"the {text[:1].lower()}{text[1:]}"


def finished(sentence: str, lang: str) -> str:
    """``sentence`` with its opening article capitalised ("The hub will ..."); Welsh elided.

    Only an article a title brought is changed: a sentence that opens with a
    title left as typed ("eRS triage will ...") is not.
    """
    if lang == "cy":
        return elided(sentence, lang)
    for article in ("the ", "a ", "an "):
        if sentence.startswith(article):
            return article[:1].upper() + sentence[1:]
    return sentence
