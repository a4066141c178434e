"""Facts a note would get wrong, refused at their place, once each, as a user sees it.

Each test changes the frailty example the way a user might, runs the command
line and reads back what it says: one line per problem, naming the file, line,
column and field, and how to put it right; exit 1, no traceback. The money
checks: a note's sums are in pounds sterling, so an amount in another currency
is refused rather than added to the payback as if it were pounds; and a count,
a number of days or a sum of money cannot be below zero.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from typer.testing import Result

from pitchkit.facts.schema import load_facts

FRAILTY = "frailty-virtual-ward"


@pytest.fixture
def edited(example: Callable[[str], Path], tmp_path: Path) -> Callable[..., Path]:
    """The frailty example with ``old`` replaced by ``new`` (each must be there), in tmp_path."""

    def edit(*pairs: tuple[str, str], count: int = 1) -> Path:
        text = example(FRAILTY).read_text(encoding="utf-8")
        for old, new in pairs:
            assert old in text, old
            text = text.replace(old, new, count)
        path = tmp_path / "facts.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    return edit


def line_of(path: Path, text: str, occurrence: int = 1) -> int:
    """The line number (from 1) of the ``occurrence``-th line of ``path`` containing ``text``."""
    found = [n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line]
    return found[occurrence - 1]


def errors(result: Result) -> list[str]:
    """The error lines the user sees, each checked to be one line with no traceback."""
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.stderr
    return [line for line in result.stderr.splitlines() if line.strip()]


# ---------------------------------------------------------------- currency (A1)


def test_funding_in_euros_is_refused_at_its_line_rather_than_counted_as_pounds(
    cli: Callable[..., Result], edited: Callable[..., Path], tmp_path: Path
) -> None:
    facts = edited(
        (
            "    currency: GBP\n    source: The Health Foundation",
            "    currency: EUR\n    source: The Health Foundation",
        )
    )
    line = line_of(facts, "currency: EUR")

    found = errors(cli("brief", str(facts), "-d", "dof", "-o", str(tmp_path / "n.docx")))

    assert found == [
        f"error: {facts}:{line}:15: project.funding.currency: pitchkit's notes are in pounds "
        "sterling, so 'EUR' cannot be used: convert the amount to pounds and write "
        "'currency: GBP', or leave 'currency' out"
    ]
    assert not (tmp_path / "n.docx").exists()


def test_a_unit_cost_in_dollars_is_refused_too(
    cli: Callable[..., Result], edited: Callable[..., Path], tmp_path: Path
) -> None:
    facts = edited(
        ("      amount: 345\n      currency: GBP", "      amount: 345\n      currency: usd")
    )
    line = line_of(facts, "currency: usd")

    [error] = errors(cli("brief", str(facts), "-d", "dof", "-o", str(tmp_path / "n.docx")))

    assert error.startswith(f"error: {facts}:{line}:17: impacts[1].value.currency: ")
    assert "so 'usd' cannot be used: convert the amount to pounds" in error


@pytest.mark.parametrize("written", ["gbp", "£", "Pounds", "pounds sterling"])
def test_pounds_however_written_make_the_same_note_as_gbp(
    cli: Callable[..., Result], edited: Callable[..., Path], tmp_path: Path, written: str
) -> None:
    facts = edited(
        (
            "    currency: GBP\n    source: The Health",
            f"    currency: {written}\n    source: The Health",
        )
    )
    out = tmp_path / "n.docx"

    result = cli("brief", str(facts), "-d", "dof", "-o", str(out), "-q")

    assert result.exit_code == 0, result.stderr
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "£250,000" in text
    assert "€" not in text
    assert "$" not in text


# ---------------------------------------------------------------- numbers where words go (A5)


def test_a_number_as_a_unit_is_refused_at_its_line_and_column(
    cli: Callable[..., Result], edited: Callable[..., Path], tmp_path: Path
) -> None:
    facts = edited(("    unit: admissions\n", "    unit: 5\n"))
    line = line_of(facts, "unit: 5")

    found = errors(cli("brief", str(facts), "-d", "dof", "-o", str(tmp_path / "n.docx")))

    assert found == [
        f"error: {facts}:{line}:11: impacts[0].unit: '5' is a number, but a unit says what "
        "is counted: write it in words, e.g. 'patients', 'bed days' or '%'"
    ]


def test_a_number_as_the_measure_is_refused_at_its_line(
    cli: Callable[..., Result], edited: Callable[..., Path], tmp_path: Path
) -> None:
    measure = "    measure: Hospital bed days used by people aged 75 and over living with frailty\n"
    facts = edited((measure, "    measure: 9600\n"))
    line = line_of(facts, "measure: 9600")

    found = errors(cli("brief", str(facts), "-d", "coo", "-o", str(tmp_path / "n.docx")))

    assert found == [
        f"error: {facts}:{line}:14: impacts[1].measure: '9600' is a number, but a measure says "
        "what is counted or timed: name it in words, e.g. 'Emergency admissions of people "
        "aged 75 and over'"
    ]


def test_digits_where_text_may_be_digits_stay_as_typed(
    cli: Callable[..., Result], edited: Callable[..., Path], tmp_path: Path
) -> None:
    facts = edited(("  title: Frailty virtual ward\n", "  title: 2027\n"))
    out = tmp_path / "n.docx"

    result = cli("brief", str(facts), "-d", "dof", "-o", str(out), "-q")

    assert result.exit_code == 0, result.stderr
    assert "2027" in "\n".join(p.text for p in docx.Document(str(out)).paragraphs)


def test_a_phone_number_stays_as_written(
    cli: Callable[..., Result], edited: Callable[..., Path], tmp_path: Path
) -> None:
    facts = edited(("    email: ", "    phone: 01632960000\n    email: "))
    out = tmp_path / "n.docx"

    result = cli("brief", str(facts), "-d", "dof", "-o", str(out), "-q")

    assert result.exit_code == 0, result.stderr
    assert "01632960000" in "\n".join(p.text for p in docx.Document(str(out)).paragraphs)


# ---------------------------------------------------------------- figures below zero (A5)


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("    baseline: 1200\n", "    baseline: -1200\n", "impacts[0].baseline"),
        (
            "    baseline: 9600\n    target: 8000\n",
            "    baseline: 9600\n    target: -8000\n",
            "impacts[1].target",
        ),
        ("    baseline: 17.5\n", "    baseline: -17.5\n", "impacts[3].baseline"),
    ],
)
def test_a_count_days_or_a_share_below_zero_is_refused_at_its_line(
    cli: Callable[..., Result],
    edited: Callable[..., Path],
    tmp_path: Path,
    old: str,
    new: str,
    field: str,
) -> None:
    facts = edited((old, new))
    value = new.strip().split(": ")[-1]
    line = line_of(facts, f": {value}")
    column = facts.read_text().splitlines()[line - 1].index(value) + 1

    found = errors(cli("brief", str(facts), "-d", "dof", "-o", str(tmp_path / "n.docx")))

    assert found == [
        f"error: {facts}:{line}:{column}: {field}: {value} is below zero, which this "
        "measure cannot be: write the level itself (a fall shows as a target lower than "
        "the baseline), or, if it really can go below zero, call it a change, a difference "
        "or a net balance in 'measure'"
    ]


def test_a_change_may_be_below_zero(
    cli: Callable[..., Result], edited: Callable[..., Path], tmp_path: Path
) -> None:
    facts = edited(
        (
            "    measure: Patients aged 75 and over discharged to their usual place of residence",
            "    measure: Change in patients aged 75 and over discharged to their usual place",
        ),
        ("    baseline: 78\n    target: 85\n", "    baseline: -4\n    target: 3\n"),
    )
    out = tmp_path / "n.docx"

    result = cli("brief", str(facts), "-d", "dof", "-o", str(out), "-q")

    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize(
    "measure",
    ["Financial position of the frailty service", "Monthly run rate against plan", "I&E margin"],
)
def test_a_financial_position_may_be_below_zero(
    measure: str, cli: Callable[..., Result], edited: Callable[..., Path], tmp_path: Path
) -> None:
    facts = edited(
        (
            "    measure: Patients aged 75 and over discharged to their usual place of residence",
            f"    measure: {measure}",
        ),
        ("    baseline: 78\n    target: 85\n", "    baseline: -40\n    target: 10\n"),
    )

    result = cli("brief", str(facts), "-d", "dof", "-o", str(tmp_path / "n.docx"), "-q")

    assert result.exit_code == 0, result.stderr


def test_a_logged_count_below_zero_is_refused(
    cli: Callable[..., Result], edited: Callable[..., Path], tmp_path: Path
) -> None:
    facts = edited(("{admissions: 101,", "{admissions: -101,"))
    line = line_of(facts, "admissions: -101")

    found = errors(cli("update", str(facts), "-d", "coo", "-o", str(tmp_path / "u.docx")))

    assert len(found) == 1
    assert found[0].startswith(f"error: {facts}:{line}:")
    assert found[0].endswith(
        "updates[0].measures.admissions: -101 is below zero, which this measure cannot be: "
        "log the level itself for the period, not the change since the last one"
    )


# ---------------------------------------------------------------- one line per mistake (F6)


def test_a_misspelt_field_is_one_line_not_also_a_missing_one(
    cli: Callable[..., Result], edited: Callable[..., Path], tmp_path: Path
) -> None:
    facts = edited(("    baseline: 9600\n", "    basline: 9600\n"))
    line = line_of(facts, "basline:")

    found = errors(cli("brief", str(facts), "-d", "dof", "-o", str(tmp_path / "n.docx")))

    assert found == [
        f"error: {facts}:{line}:5: impacts[1].basline: unknown field 'basline': "
        "did you mean 'baseline'?"
    ]


def test_a_duplicate_impact_id_is_one_line_naming_the_id_the_log_uses(
    cli: Callable[..., Result], edited: Callable[..., Path], tmp_path: Path
) -> None:
    facts = edited(("  - id: readmissions\n", "  - id: usual-residence\n"))
    line = line_of(facts, "- id: usual-residence", 2)

    found = errors(cli("brief", str(facts), "-d", "dof", "-o", str(tmp_path / "n.docx")))

    assert found == [
        f"error: {facts}:{line}:9: impacts[3].id: 'usual-residence' is already used by "
        "impacts[2]: give each one its own id (the progress log names 'readmissions', "
        "which no impact has yet)"
    ]


def test_a_duplicate_impact_id_names_every_id_the_log_has_and_no_impact_does(
    cli: Callable[..., Result], edited: Callable[..., Path], tmp_path: Path
) -> None:
    facts = edited(
        ("  - id: readmissions\n", "  - id: usual-residence\n"),
        ("{admissions: 101,", "{admisions: 101,"),
    )

    found = errors(cli("brief", str(facts), "-d", "dof", "-o", str(tmp_path / "n.docx")))

    assert len(found) == 1
    assert found[0].endswith(
        "impacts[3].id: 'usual-residence' is already used by impacts[2]: give each one its "
        "own id (the progress log names 'admisions', 'readmissions', which no impact has yet)"
    )


def test_without_a_duplicate_each_unknown_id_in_the_log_is_named_where_it_is(
    cli: Callable[..., Result], edited: Callable[..., Path], tmp_path: Path
) -> None:
    facts = edited(("{admissions: 101,", "{admisions: 101,"))

    found = errors(cli("brief", str(facts), "-d", "dof", "-o", str(tmp_path / "n.docx")))

    assert len(found) == 1
    assert found[0].endswith(
        "updates[0].measures.admisions: 'admisions' is not an impact id: did you mean 'admissions'?"
    )


# ---------------------------------------------------------------- periods outside the project (A4)


@pytest.mark.parametrize(
    ("period", "warning"),
    [
        ("2026-06", "June 2026 ends before the project starts (4 January 2027): check --period"),
        ("2026-Q4", "October to December 2026 ends before the project starts (4 January 2027)"),
        ("2031-07", "July 2031 starts after the project ends (31 March 2028): check --period"),
    ],
)
def test_a_period_outside_the_project_is_warned_about_either_side(
    cli: Callable[..., Result],
    example: Callable[[str], Path],
    tmp_path: Path,
    period: str,
    warning: str,
) -> None:
    out = tmp_path / "u.docx"

    result = cli("update", str(example(FRAILTY)), "-d", "coo", "--period", period, "-o", str(out))

    assert result.exit_code == 0, result.stderr
    assert f"warning: {warning}" in result.stderr
    assert out.is_file()


def test_a_period_that_takes_in_the_start_is_not_warned_about(
    cli: Callable[..., Result], example: Callable[[str], Path], tmp_path: Path
) -> None:
    out = tmp_path / "u.docx"

    result = cli(
        "update", str(example(FRAILTY)), "-d", "coo", "--period", "2027-Q1", "-o", str(out)
    )

    assert result.exit_code == 0, result.stderr
    assert "before the project starts" not in result.stderr
    assert "after the project ends" not in result.stderr


# ---------------------------------------------------------------- in Welsh


def test_a_welsh_project_is_told_in_welsh(
    cli: Callable[..., Result], example: Callable[[str], Path], tmp_path: Path
) -> None:
    text = example("ysbyty-cymunedol").read_text(encoding="utf-8")
    facts = tmp_path / "facts.yaml"
    facts.write_text(text.replace("currency: GBP", "currency: EUR", 1), encoding="utf-8")

    [error] = errors(cli("brief", str(facts), "-o", str(tmp_path / "n.docx")))
    early = cli(
        "update", str(example("ysbyty-cymunedol")), "-p", "2026-03", "-o", str(tmp_path / "u.docx")
    )

    assert error.startswith(f"gwall: {facts}:")
    assert error.endswith(
        "project.funding.currency: mae nodiadau pitchkit mewn punnoedd sterling, felly ni ellir "
        "defnyddio 'EUR': trowch y swm yn bunnoedd ac ysgrifennwch 'currency: GBP', neu "
        "gadewch 'currency' allan"
    )
    assert early.exit_code == 0, early.stderr
    assert (
        "rhybudd: mae Mawrth 2026 yn dod i ben cyn i'r prosiect ddechrau (11 Ionawr 2027): "
        "gwiriwch --period" in early.stderr
    )


# ---------------------------------------------------------------- a share over 100%


def test_a_share_over_100_percent_is_refused_at_its_line(
    cli: Callable[..., Result], edited: Callable[..., Path], tmp_path: Path
) -> None:
    # A share of patients cannot pass 100%; the note claimed "from 78% to 175%: 97
    # percentage points higher".
    facts = edited(("    baseline: 78\n    target: 85\n", "    baseline: 78\n    target: 175\n"))
    line = line_of(facts, "target: 175")
    column = facts.read_text().splitlines()[line - 1].index("175") + 1

    found = errors(cli("brief", str(facts), "-d", "dof", "-o", str(tmp_path / "n.docx")))

    assert found == [
        f"error: {facts}:{line}:{column}: impacts[2].target: 175% is more than 100%, which a "
        "share cannot be: write the share itself (100 or less), or, if this measure really can "
        "pass 100% (occupancy, utilisation, a % of plan), say so in 'measure'"
    ]
    assert not (tmp_path / "n.docx").exists()


def test_a_logged_share_over_100_percent_is_refused(
    cli: Callable[..., Result], edited: Callable[..., Path], tmp_path: Path
) -> None:
    facts = edited(("usual-residence: 77,", "usual-residence: 770,"))
    line = line_of(facts, "usual-residence: 770")

    found = errors(cli("update", str(facts), "-d", "coo", "-o", str(tmp_path / "u.docx")))

    assert len(found) == 1
    assert found[0].startswith(f"error: {facts}:{line}:")
    assert found[0].endswith(
        "updates[0].measures.usual-residence: 770% is more than 100%, which a share cannot "
        "be: log the share itself for the period (100 or less)"
    )


@pytest.mark.parametrize(
    "measure",
    ["General and acute bed occupancy", "Theatre utilisation", "Elective activity as a % of plan"],
)
def test_a_percentage_that_can_pass_100_is_accepted(
    measure: str, cli: Callable[..., Result], edited: Callable[..., Path], tmp_path: Path
) -> None:
    facts = edited(
        (
            "    measure: Patients aged 75 and over discharged to their usual place of residence",
            f"    measure: {measure}",
        ),
        ("    baseline: 78\n    target: 85\n", "    baseline: 96\n    target: 104\n"),
    )
    out = tmp_path / "n.docx"

    result = cli("brief", str(facts), "-d", "dof", "-o", str(out), "-q")

    assert result.exit_code == 0, result.stderr
    assert out.exists()


# ---------------------------------------------------------------- commas inside {...} (B1)

HARM_FREE = (
    "      - id: harm-free\n"
    "        text: Increase harm-free care on the medical wards\n"
    "        kind: organisational\n"
)


@pytest.mark.parametrize(
    "text",
    [
        "Increase harm-free care (falls, delirium) on the medical wards",
        "Increase harm-free care (falls, pressure ulcers, HAT) by 20%",
        "Cut falls, pressure ulcers, delirium, and HAT on the wards, by 20%",
    ],
)
def test_a_text_with_commas_in_braces_gets_one_line_whose_fix_loads(
    text: str, cli: Callable[..., Result], edited: Callable[..., Path]
) -> None:
    written = f"      - {{id: harm-free, text: {text}, kind: organisational, themes: [safety]}}"
    facts = edited((HARM_FREE, written + "\n"))
    line = line_of(facts, "id: harm-free")

    [error] = errors(cli("check", str(facts)))

    first_comma = written.index(",", written.index("text: ")) + 3
    assert error.startswith(f"error: {facts}:{line}:{first_comma}: directors[")
    assert f"'{text}' ended the text early" in error
    fix = error.split(", as in: ")[1]
    assert fix == f'- {{id: harm-free, text: "{text}", kind: organisational, themes: [safety]}}'

    facts.write_text(facts.read_text(encoding="utf-8").replace(written, "      " + fix))
    result = cli("check", str(facts))

    assert result.exit_code == 0, result.stderr
    assert "error" not in result.stderr
    don = next(d for d in load_facts(facts).facts.directors if d.id == "don")
    assert don.objectives[0].id == "harm-free"
    assert don.objectives[0].text == text
    assert don.objectives[0].themes == ["safety"]
