"""What reader21 found reading the bundled examples as their directors, read back from the commands.

Each test runs the command line on a bundled example (or a copy with one
change) and reads the document back as text, in English and in Welsh where the
wording is shown in Welsh.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from documenttext import document_text
from pitchkit.api import BriefRequest, write_brief

Cli = Callable[..., Result]

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def example(folder: Path, name: str) -> Path:
    """A copy of a bundled example's folder, and its facts file."""
    shutil.copytree(EXAMPLES / name, folder / name)
    return folder / name / "facts.yaml"


def update_text(cli: Cli, facts: Path, director: str, *extra: str) -> str:
    out = facts.parent / f"update-{director}{'-'.join(extra)}.docx"
    result = cli("update", str(facts), "-d", director, "-o", str(out), *extra)
    assert result.exit_code == 0, result.output
    return " ".join(document_text(out.read_bytes()).split())


def board_sentence(text: str, opening: str) -> str:
    """The board sentence: from its opening words to the next full stop that ends it."""
    start = text.index(opening)
    return text[start : text.index(". ", start) + 1]


# reader21 #1: capacity credited to a cash target carries the table's condition.


@pytest.mark.parametrize(
    ("locale", "opening", "condition"),
    [
        ("en_GB", "As executive sponsor of", "if the capacity is turned into cash"),
        ("cy_GB", "Fel noddwr gweithredol", "os caiff y capasiti ei droi'n arian parod"),
    ],
)
def test_capacity_in_the_board_sentence_is_not_cash(
    cli: Cli, tmp_path: Path, locale: str, opening: str, condition: str
) -> None:
    facts = example(tmp_path, "frailty-virtual-ward")
    text = update_text(cli, facts, "dof", "--locale", locale)
    sentence = board_sentence(text, opening)
    assert "£347,000" in sentence
    assert "14m" in sentence
    assert condition in sentence


def cash_frailty(folder: Path) -> Path:
    """The frailty example with its admissions releasing cash, as reader21's variant had it."""
    facts = example(folder, "frailty-virtual-ward")
    text = facts.read_text(encoding="utf-8")
    # The first impact, emergency admissions; bed days stay capacity.
    facts.write_text(text.replace("releases: capacity", "releases: cash", 1), encoding="utf-8")
    return facts


def brief_text(facts: Path, director: str, day: dt.date, locale: str = "en_GB") -> str:
    out = facts.parent / f"brief-{director}-{locale}"
    request = BriefRequest(facts=facts, director=director, out=out, locale=locale, today=day)
    [path] = write_brief(request).written
    return " ".join(document_text(path.read_bytes()).split())


# reader21 #2: the plan's part of the year with the plan, the log's forecast named as the log's.


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        (
            "en_GB",
            "worth £434,000 a year, of which the plan puts £362,000 in 2027/28 and the "
            "forecast from the log is £352,000: 2.5% of your £14m target.",
        ),
        (
            "cy_GB",
            "gyda'r cynllun yn rhoi £362,000 yn 2027/28 a'r rhagolwg o'r cofnod cynnydd yn "
            "£352,000",
        ),
    ],
)
def test_the_plan_sentence_keeps_the_plan_and_the_forecast_apart(
    tmp_path: Path, locale: str, expected: str
) -> None:
    # The plan: 200 × £2,171.07 (2027/28 prices) = £434,214 a year; June to March is 10
    # months of it, £361,845. The log's forecast is its own figure, not the plan's share.
    text = brief_text(cash_frailty(tmp_path), "dof", dt.date(2028, 3, 10), locale)
    assert expected in text
    assert "of which £352,000 is forecast" not in text


# reader21 #3, decided the other way: money is worked from the count the page shows
# (146 admissions, not the log's 145.6), so a director multiplying the page's own figures
# gets the page's money; the facts file's unrounded figure is within half a unit of it.


@pytest.mark.parametrize("locale", ["en_GB", "cy_GB"])
def test_money_is_worked_from_the_count_the_page_shows(tmp_path: Path, locale: str) -> None:
    # June 2027 to February 2028: 9 x 99.4 - 749 = 145.6 fewer admissions, written 146. At
    # £2,171.07 (2027/28 prices): 146 x 2,171.07 = £316,976 delivered, shown £317,000.
    text = brief_text(cash_frailty(tmp_path), "dof", dt.date(2028, 3, 10), locale)
    assert "146" in text
    assert "£317,000" in text
    assert "£316,000" not in text


# reader21 #4: the update sets a measure against only the objectives the brief set it against.


def objective_rows(text: str, objective: str, following: str) -> str:
    """The "Delivered so far" rows under ``objective``, up to ``following``."""
    start = text.index(objective)
    return text[start : text.index(following, start)]


def test_the_update_keeps_to_the_briefs_links(cli: Cli, tmp_path: Path) -> None:
    facts = example(tmp_path, "falls-prevention")
    text = update_text(cli, facts, "don")
    rows = objective_rows(
        text, "Reduce avoidable harm from falls and pressure ulcers by a quarter", "For your board"
    )
    assert "Inpatient falls resulting in any harm:" in rows
    # Staff confidence supports the people director's development objective alone, and
    # the chief nurse's brief never set it against her harm objective.
    assert "Ward staff who feel confident" not in rows


@pytest.mark.parametrize(
    ("locale", "opening", "access", "appointments"),
    [
        (
            "en_GB",
            "As executive sponsor of",
            "contributing to our objective to improve access to urgent same-day primary care",
            "GP appointments",
        ),
        (
            "cy_GB",
            "Fel noddwr gweithredol",
            "gan gyfrannu at ein hamcan, sef “Gwella mynediad at ofal sylfaenol brys",
            "apwyntiadau meddyg teulu",
        ),
    ],
)
def test_the_welsh_examples_board_sentence_credits_no_unconfirmed_link(
    cli: Cli, tmp_path: Path, locale: str, opening: str, access: str, appointments: str
) -> None:
    facts = example(tmp_path, "ysbyty-cymunedol")
    check = cli("check", str(facts), "--locale", "en_GB")
    assert "link-unconfirmed" not in check.output
    text = update_text(cli, facts, "dpcmh", "--locale", locale)
    start = text.index(opening)
    credit = text.index(access, start)
    # Routine appointments released are not credited to urgent same-day access.
    assert appointments not in text[start:credit]


# reader21 #6: the falls example asks for a signature after its meeting, not before.


def test_the_falls_brief_asks_after_the_meeting(cli: Cli, tmp_path: Path) -> None:
    facts = example(tmp_path, "falls-prevention")
    out = tmp_path / "brief.docx"
    result = cli("brief", str(facts), "-d", "don", "-o", str(out))
    assert result.exit_code == 0, result.output
    text = " ".join(document_text(out.read_bytes()).split())
    assert "meeting on 10 February 2027" in text
    assert "sign the charity application by 28 February 2027" in text
    assert "31 January 2027" not in text


# reader21 #11: the directors spreadsheet's nurse and strategy titles in Welsh; the board
# box's line names its noun ("y testun hwn": reader22 #9, the box may hold two sentences),
# not a "hi" with nothing to refer to.


@pytest.mark.parametrize(
    ("director", "welsh", "english"),
    [
        ("don", "Prif Nyrs a Chyfarwyddwr Nyrsio", "Chief Nurse and Director of Nursing"),
        ("dos", "Cyfarwyddwr Strategaeth a Phartneriaethau", "Director of Strategy and"),
    ],
)
def test_welsh_roles_from_the_directors_spreadsheet(
    cli: Cli, tmp_path: Path, director: str, welsh: str, english: str
) -> None:
    facts = example(tmp_path, "frailty-virtual-ward")
    out = tmp_path / "brief.docx"
    result = cli(
        "brief",
        str(facts),
        "--directors",
        str(facts.parent / "directors.csv"),
        "-d",
        director,
        "--locale",
        "cy_GB",
        "-o",
        str(out),
    )
    assert result.exit_code == 0, result.output
    text = " ".join(document_text(out.read_bytes()).split())
    assert welsh in text
    assert english not in text


def test_the_welsh_board_box_names_the_sentence(cli: Cli, tmp_path: Path) -> None:
    facts = example(tmp_path, "ysbyty-cymunedol")
    text = update_text(cli, facts, "dpcmh", "--locale", "cy_GB")
    assert "Defnyddiwch neu addaswch y testun hwn yn eich adroddiad eich hun" in text
    assert "addaswch hi" not in text
    assert "y frawddeg hon" not in text


# reader21 #9: a target met month after month says since when, not the latest month alone.


def test_a_target_met_several_months_running_says_since_when(cli: Cli, tmp_path: Path) -> None:
    facts = example(tmp_path, "falls-prevention")
    text = update_text(cli, facts, "don")
    # Falls with harm at or under 4.2 a month in January, February and March 2028.
    assert "met since January 2028; not yet shown to last" in text
    welsh = update_text(cli, facts, "don", "--locale", "cy_GB")
    assert "wedi'i gyrraedd ers Ionawr 2028; heb ei ddangos eto ei fod yn para" in welsh
