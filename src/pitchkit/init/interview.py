"""Asking the questions of ``pitchkit init`` and checking each answer as it comes.

The questions are asked through an ``ask`` callable that receives a
:class:`Question` and returns the answer as typed, so the same flow runs in
a terminal (see ``pitchkit init``) and in tests (:func:`scripted`). A wrong
answer is asked again with a friendly ``problem`` on the question.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from pitchkit.i18n.translation import Language
from pitchkit.init.answers import parse_date, parse_number, tidy

YES = frozenset({"y", "yes", "ie", "do", "oes", "ydy", "true", "1"})
NO = frozenset({"n", "no", "na", "nage", "naddo", "false", "0"})
#: What people type for "none" where a question says "leave blank": the same as blank.
NONE = frozenset({"none", "no", "nothing", "nil", "n/a", "na", "-", "skip", "dim", "dim un"})


def _none(answer: str) -> bool:
    """Whether ``answer`` says "none" (``None.``, ``n/a``, Welsh ``dim``), as a blank would."""
    return answer.casefold().strip(" .!") in NONE


@dataclass(frozen=True)
class Question:
    """One question for the user, already in their language.

    ``key`` names where the answer goes (``project.title``); ``choices`` are
    shown numbered before the question; ``problem`` says why the previous
    answer was not taken; ``yes_no`` marks a yes/no question.
    """

    key: str
    text: str
    default: str = ""
    hint: str = ""
    choices: tuple[str, ...] = ()
    problem: str = ""
    yes_no: bool = False


Ask = Callable[[Question], str]


def scripted(answers: Iterable[str]) -> Ask:
    """An ``ask`` that gives ``answers`` in order, then raises ``EOFError`` like a closed input."""
    remaining: Iterator[str] = iter(answers)

    def ask(question: Question) -> str:
        try:
            answer = next(remaining)
        except StopIteration:
            raise EOFError(f"no answer left for {question.key}") from None
        return answer if answer != "" else question.default

    return ask


@dataclass
class Interview:
    """Asks questions through ``ask`` and checks each answer, re-asking when needed."""

    ask: Ask
    lang: Language
    #: The kind of organisation its name says (:mod:`pitchkit.init.orgkind`), once known.
    organisation_kind: str | None = None

    def raw(self, question: Question) -> str:
        """Ask once and tidy the answer."""
        return tidy(self.ask(question))

    def text(
        self,
        key: str,
        text: str,
        *,
        hint: str = "",
        default: str = "",
        required: bool = True,
        check: Callable[[str], str] | None = None,
    ) -> str:
        """A line of text; asked again while empty if ``required`` or while ``check`` objects.

        ``check`` returns a message saying what is wrong, or "" when the answer will do.
        """
        question = Question(key, text, default=default, hint=hint)
        while True:
            answer = self.raw(question) or tidy(default)
            if not required and _none(answer):
                return ""
            if not answer and required:
                problem = self.lang.gettext(
                    "This one is needed: type a short answer, then press Enter."
                )
            else:
                problem = check(answer) if check and answer else ""
            if not problem:
                return answer
            question = _with_problem(question, problem)

    def number(
        self,
        key: str,
        text: str,
        *,
        hint: str = "",
        required: bool = True,
        check: Callable[[float], str] | None = None,
    ) -> float | None:
        """A number such as ``1200``, ``1,200`` or ``£1,590``; asked again while ``check`` objects.

        ``check`` returns a message saying what is wrong, or "" when the number will do.
        """
        question = Question(key, text, hint=hint)
        while True:
            answer = self.raw(question)
            if not required and (not answer or _none(answer)):
                return None
            value = parse_number(answer)
            problem = check(value) if check and value is not None else ""
            if value is not None and not problem:
                return value
            question = _with_problem(
                question,
                problem
                or (
                    self.lang.gettext("Please give a number, such as 1200, 1,200 or £1,590.")
                    if answer
                    else self.lang.gettext(
                        "This one is needed: please give a number, such as 1200."
                    )
                ),
            )

    def date(
        self, key: str, text: str, *, hint: str = "", after: dt.date | None = None
    ) -> dt.date | None:
        """An optional date, written 2026-12-03 or 3/12/2026, not before ``after``."""
        question = Question(key, text, hint=hint)
        while True:
            answer = self.raw(question)
            if not answer or _none(answer):
                return None
            value = parse_date(answer)
            if value is not None and (after is None or value >= after):
                return value
            problem = (
                self.lang.gettext(
                    "Please give the date as 2026-12-03 or 3/12/2026, or leave it blank."
                )
                if value is None
                else self.lang.gettext("That is before {date}: please check it.").format(date=after)
            )
            question = _with_problem(question, problem)

    def yes(self, key: str, text: str, *, default: bool = False) -> bool:
        """A yes/no answer; Enter takes ``default``."""
        shown = self.lang.gettext("yes") if default else self.lang.gettext("no")
        question = Question(key, text, default=shown, yes_no=True)
        while True:
            answer = (self.raw(question) or shown).casefold()
            if answer in YES or answer == self.lang.gettext("yes").casefold():
                return True
            if answer in NO or answer == self.lang.gettext("no").casefold():
                return False
            question = _with_problem(
                question, self.lang.gettext("Please answer yes or no (y or n).")
            )

    def choices(
        self,
        key: str,
        text: str,
        options: list[str],
        *,
        hint: str = "",
        many: bool = False,
        default: str = "",
    ) -> list[int]:
        """Choices picked from ``options`` (1-based on screen, 0-based returned); blank is none.

        Each choice may be typed as its number or in words: the choice itself
        (``a year``), its first words, or words only it has (``year``).
        """
        question = Question(key, text, default=default, hint=hint, choices=tuple(options))
        while True:
            answer = self.raw(question) or default
            picked = _picked(answer, options)
            if picked is None and _none(answer):
                picked = []  # "none", where the question says blank is none
            if isinstance(picked, list) and (many or len(picked) <= 1):
                return picked
            if isinstance(picked, str):
                problem = self.lang.gettext(
                    "'{words}' fits more than one choice: type its number instead."
                ).format(words=picked)
            elif many:
                problem = self.lang.gettext(
                    "Please type one or more of the numbers 1 to {n}, such as 1,3, or the "
                    "words of each choice."
                ).format(n=len(options))
            else:
                problem = self.lang.gettext(
                    "Please type one number from 1 to {n}, or the words of one choice, "
                    "such as '{example}'."
                ).format(n=len(options), example=_head(options[0]) if options else "")
            question = _with_problem(question, problem)

    def choice(
        self,
        key: str,
        text: str,
        options: list[str],
        *,
        hint: str = "",
        default: str = "",
        none: int | None = None,
    ) -> int:
        """Exactly one choice from ``options`` (0-based), never none (newuser34 #1).

        Blank takes ``default``. "No", "none", "skip" or "n/a" pick the choice
        ``none`` says means none (such as "none: it is a level"), else take the
        default as a blank would; with neither, the question is asked again.
        """
        question = Question(key, text, default=default, hint=hint, choices=tuple(options))
        while True:
            answer = self.raw(question) or default
            if _none(answer) and none is not None:
                return none
            if _none(answer) and default:
                answer = default
            picked = _picked(answer, options)
            if isinstance(picked, list) and len(picked) == 1:
                return picked[0]
            if isinstance(picked, str):
                problem = self.lang.gettext(
                    "'{words}' fits more than one choice: type its number instead."
                ).format(words=picked)
            else:
                problem = self.lang.gettext(
                    "Please type one number from 1 to {n}, or the words of one choice, "
                    "such as '{example}'."
                ).format(n=len(options), example=_head(options[0]) if options else "")
            question = _with_problem(question, problem)

    def items(self, key: str, text: str, *, hint: str = "", required: bool = False) -> list[str]:
        """Several answers, one at a time; a blank answer ends the list."""
        found: list[str] = []
        problem = ""
        while True:
            if found:
                question = Question(key, self.lang.gettext("Another? (leave blank when done)"))
            else:
                question = Question(key, text, hint=hint, problem=problem)
            answer = self.raw(question)
            if _none(answer) and (found or not required):
                return found
            if answer:
                found.append(answer)
            elif found or not required:
                return found
            else:
                problem = self.lang.gettext("Please give at least one; you can change it later.")


def _with_problem(question: Question, problem: str) -> Question:
    return Question(
        question.key,
        question.text,
        default=question.default,
        hint=question.hint,
        choices=question.choices,
        problem=problem,
        yes_no=question.yes_no,
    )


def _picked(answer: str, options: list[str]) -> list[int] | str | None:
    """Parse ``1, 3``, ``all`` or a choice's words into 0-based indices.

    Returns ``None`` when something typed is no choice, and the words
    themselves when they fit more than one.
    """
    if not answer:
        return []
    count = len(options)
    if answer.casefold() in {"all", "pob un", "y cyfan"}:
        return list(range(count))
    parts = [p for p in re.split(r"[,\s]+", answer) if p]
    if all(p.isdigit() for p in parts):
        if not all(1 <= int(p) <= count for p in parts):
            return None
        return list(dict.fromkeys(int(p) - 1 for p in parts))
    whole = _named(answer, options)
    if whole is not None:
        return whole if isinstance(whole, str) else [whole]
    picked: list[int] = []
    for part in (p.strip() for p in re.split(r"[,;]", answer)):
        if not part:
            continue
        found = int(part) - 1 if part.isdigit() and 1 <= int(part) <= count else None
        named = _named(part, options) if found is None else found
        if named is None or isinstance(named, str):
            return named
        picked.append(named)
    return list(dict.fromkeys(picked))


def _words(text: str) -> str:
    """``text`` as compared with a choice: lower case, words only, single spaces."""
    return " ".join(re.findall(r"\w+", text.casefold()))


def _head(option: str) -> str:
    """A choice's name before its details: ``none`` of ``none: it is a level``."""
    return re.split(r":|\s\(", option, maxsplit=1)[0].strip()


def _named(words: str, options: list[str]) -> int | str | None:
    """The one choice ``words`` name: the whole choice, its name, its first words, or words in it.

    ``None`` when no choice has those words, ``words`` when more than one does.
    """
    wanted = _words(words)
    if not wanted:
        return None
    plain = [_words(option) for option in options]
    names = [_words(_head(option)) for option in options]
    rules = (
        [wanted in (text, name) for text, name in zip(plain, names, strict=True)],
        [text.startswith(wanted + " ") for text in plain],
        [re.search(rf"\b{re.escape(wanted)}\b", text) is not None for text in plain],
    )
    for fits in rules:
        if sum(fits) == 1:
            return fits.index(True)
        if any(fits):
            return words.strip()
    return None
