"""A period written another way ('Q2 2027', 'May 2027', '2027/05') is named with the form meant.

Each test runs the command line as a new user would and reads the one-line error.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

Cli = Callable[..., Result]

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FRAILTY = EXAMPLES / "frailty-virtual-ward" / "facts.yaml"
FORMS = (
    "Write YYYY-MM (2027-03), YYYY-Qn (2027-Q1, a calendar quarter: January to March), "
    "Qn YYYY/YY (Q1 2027/28, an NHS financial quarter: April to June 2027) or YYYY (2027)"
)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Q2 2027", "2027-Q2"),
        ("2027 q2", "2027-Q2"),
        ("2027/05", "2027-05"),
        ("5/2027", "2027-05"),
        ("Sept 2027", "2027-09"),
        ("Mai 2027", "2027-05"),
    ],
)
def test_a_period_option_written_another_way_names_the_one_meant(
    cli: Cli, tmp_path: Path, typed: str, meant: str
) -> None:
    out = tmp_path / "notes"
    result = cli("update", str(FRAILTY), "-d", "dof", "-p", typed, "--out", str(out))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: unknown period '{typed}': did you mean '{meant}'? {FORMS}"
    ]
    assert not out.exists()


def test_a_period_that_means_nothing_clear_gets_the_forms_alone(cli: Cli) -> None:
    result = cli("update", str(FRAILTY), "-d", "dof", "-p", "spring")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "error: unknown period 'spring': write YYYY-MM (2027-03), YYYY-Qn (2027-Q1, a calendar "
        "quarter: January to March), Qn YYYY/YY (Q1 2027/28, an NHS financial quarter: April "
        "to June 2027) or YYYY (2027)"
    ]


def test_a_logged_period_written_as_a_month_name_is_located_and_named(
    cli: Cli, tmp_path: Path
) -> None:
    text = FRAILTY.read_text(encoding="utf-8")
    first = text.index("  - period: ")
    line = text.count("\n", 0, first) + 1
    end = text.index("\n", first)
    facts = tmp_path / "facts.yaml"
    facts.write_text(f"{text[:first]}  - period: January 2027{text[end:]}", encoding="utf-8")
    result = cli("check", str(facts))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {facts}:{line}:13: updates[0].period: did you mean '2027-01'? Write a period "
        "as YYYY-MM (2027-03), YYYY-Qn (2027-Q1) or YYYY (2027)"
    ]
    welsh = cli("check", str(facts), "--locale", "cy_GB")
    assert f"{facts}:{line}:13: updates[0].period: oeddech chi'n golygu '2027-01'?" in welsh.stderr
