"""newuser34: `pitchkit init` never crashes on an answer, and never loses the answers given.

Each test runs the real command (typer's CliRunner) or the interview itself
with answers typed one a line, and reads what the user sees.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pitchkit.cli import app
from pitchkit.facts.schema import load_facts
from pitchkit.i18n.translation import language
from pitchkit.init import Question, new_facts_text
from test_init import ANSWERS, DIRECTOR, FRAILTY, IMPACT, PITCH, PROJECT, feed

EN = language("en_GB")
PER = len(PROJECT) + 2  # "Is that a number per period? [1]"
RELEASES = len(PROJECT) + 6  # "Can that money leave a budget (cash), or does it free capacity?"


@pytest.mark.parametrize("answer", ["no", "No.", "none", "skip", "n/a"])
def test_no_to_a_number_per_period_is_a_level(tmp_path: Path, answer: str) -> None:
    facts = tmp_path / "facts.yaml"
    # A level has no number per period, so no money value is asked for it.
    impact = [*IMPACT[:2], answer, *IMPACT[3:5], *IMPACT[7:]]
    typed = PROJECT + impact + DIRECTOR + PITCH
    result = CliRunner().invoke(app, ["init", str(facts)], input=feed(typed))
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert load_facts(facts).facts.impacts[0].per is None


@pytest.mark.parametrize("answer", ["no", "none", "skip", "n/a", "NONE"])
def test_no_to_cash_or_capacity_takes_the_suggested_choice(tmp_path: Path, answer: str) -> None:
    facts = tmp_path / "facts.yaml"
    typed = list(ANSWERS)
    typed[RELEASES] = answer
    result = CliRunner().invoke(app, ["init", str(facts)], input=feed(typed))
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert load_facts(facts).facts.impacts[0].releases == "capacity"


def test_a_wrong_choice_is_asked_again_with_a_reason(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    typed = list(ANSWERS)
    typed[PER : PER + 1] = ["0", "7", "1,3", "1"]
    result = CliRunner().invoke(app, ["init", str(facts)], input=feed(typed))
    assert result.exit_code == 0, result.output
    assert result.stderr.count("Please type one number from 1 to 5") == 3


#: What a user may type at any question, and a line far longer than any answer.
ODD = ["", "no", "none", "skip", "n/a", "0", "-1", "some words", "x" * 5000]


def test_no_answer_at_any_question_crashes_init() -> None:
    """Each question in turn gets each odd answer: it is taken or asked again, never a crash."""
    for index in range(len(ANSWERS)):
        for odd in ODD:
            typed = list(ANSWERS)
            typed[index] = odd
            # Asked again until the answers run out (EOFError): the CLI keeps them.
            with contextlib.suppress(EOFError):
                new_facts_text(
                    _typing(typed), EN, file_name="facts.yaml", today=dt.date(2026, 12, 6)
                )


def _typing(typed: list[str]) -> Callable[[Question], str]:
    remaining = iter(typed)

    def ask(question: Question) -> str:
        answer = next(remaining, None)
        if answer is None:
            raise EOFError
        return answer or question.default

    return ask


def test_a_negative_sum_of_money_is_asked_again(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    typed = list(ANSWERS)
    typed[12:13] = ["-1", "180,000"]
    result = CliRunner().invoke(app, ["init", str(facts)], input=feed(typed))
    assert result.exit_code == 0, result.output
    assert "without a minus sign" in result.stderr


def test_answers_are_kept_when_the_questions_stop_early(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    stop = len(PROJECT) + 4
    result = CliRunner().invoke(app, ["init", str(facts)], input=feed(ANSWERS[:stop]))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    kept = tmp_path / "facts.yaml.answers.txt"
    shown = " ".join(result.stderr.split())
    assert f"Your {stop} answers so far are kept in {kept}" in shown
    assert f"--answers {kept}" in shown
    assert not facts.exists()
    # Carrying on asks only the questions not yet answered, and tidies the kept answers away.
    result = CliRunner().invoke(
        app, ["init", str(facts), "--answers", str(kept)], input=feed(ANSWERS[stop:])
    )
    assert result.exit_code == 0, result.output
    assert "What will the change improve" not in result.output
    assert load_facts(facts).facts.project.title == "Same-day frailty hub"
    assert not kept.exists()


def test_the_email_can_be_skipped_and_says_so(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    typed = list(ANSWERS)
    typed[4:5] = ["not given", ""]
    result = CliRunner().invoke(app, ["init", str(facts)], input=feed(typed))
    assert result.exit_code == 0, result.output
    assert "The lead's email address? (leave blank to skip)" in result.output
    assert "or leave it blank to skip" in result.stderr
    assert load_facts(facts).facts.project.lead.email is None


def test_a_costs_source_and_year_are_asked_apart(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    typed = list(ANSWERS)
    at = len(PROJECT) + 5
    typed[at : at + 1] = ["11", "222", "NHS Payment Scheme, type 1 A&E", "last year", "2025/26"]
    result = CliRunner().invoke(app, ["init", str(facts)], input=feed(typed))
    assert result.exit_code == 0, result.output
    assert "Where does that figure come from?" in result.output
    assert "and from which year" not in result.output
    assert "Please give a financial year, such as 2025/26" in result.stderr
    value = load_facts(facts).facts.impacts[0].value
    assert value is not None
    assert value.source == "NHS Payment Scheme, type 1 A&E"
    assert value.price_year == "2025/26"


@pytest.mark.parametrize("choice", ["", "none", "skip"])
def test_from_with_nothing_added_says_nothing_changed(tmp_path: Path, choice: str) -> None:
    facts = tmp_path / "facts.yaml"
    shutil.copyfile(FRAILTY, facts)
    result = CliRunner().invoke(app, ["init", "--from", str(facts)], input=feed([choice, "no"]))
    assert result.exit_code == 0, result.output
    shown = " ".join(result.output.split())
    assert f"Nothing was added, so nothing was written: {facts} is unchanged." in shown
    assert "Wrote" not in shown
    assert "Save the additions" not in shown
    assert facts.read_bytes() == FRAILTY.read_bytes()


def test_answers_are_kept_when_the_file_they_make_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A last check that fails (no answer found to cause one now) still loses no answer."""
    import pitchkit.init
    from pitchkit.errors import FactsError

    def refuse(text: str, name: str) -> str:
        raise FactsError(["facts.yaml:3:5: project.title: a made-up problem"])

    monkeypatch.setattr(pitchkit.init, "validated", refuse)
    facts = tmp_path / "facts.yaml"
    result = CliRunner().invoke(app, ["init", str(facts)], input=feed(ANSWERS))
    assert result.exit_code == 1
    shown = " ".join(result.output.split())
    assert "a made-up problem" in result.stderr
    kept = tmp_path / "facts.yaml.answers.txt"
    assert f"Your {len(ANSWERS)} answers so far are kept in {kept}" in shown
    assert kept.read_text(encoding="utf-8").splitlines()[0] == ANSWERS[0]
    assert not facts.exists()
