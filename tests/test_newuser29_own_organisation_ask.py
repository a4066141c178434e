"""An ask naming the project's own organisation is not meant for another (newuser29 #5).

In an ICB's project, "Sponsor the hubs at the ICB executive" was flagged as
meant for the Director of Strategy, whose lens counts "ICB" as its business.
Each test runs ``pitchkit check`` and reads what it prints.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from icbcases import STRATEGY, hubs
from pitchkit.cli import app


def check(tmp_path: Path, organisation: str, ask: str) -> str:
    facts = tmp_path / "facts.yaml"
    text = hubs(organisation=organisation, start="2027-10-01", ask=ask, more=STRATEGY)
    facts.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(facts)])
    assert "Traceback" not in result.output, result.output
    return " ".join(result.output.split())


def test_an_ask_at_the_icb_executive_in_an_icb_is_everyones(tmp_path: Path) -> None:
    for organisation in ("NHS Northshire Integrated Care Board", "NHS Northshire ICB"):
        shown = check(
            tmp_path,
            organisation,
            "Sponsor the hubs at the ICB executive and present the evaluation in April",
        )
        assert "meant-for-another" not in shown, organisation
        assert "meant for Mark Ellison" not in shown


def test_an_ask_naming_the_icb_in_a_trust_is_still_the_strategy_directors(
    tmp_path: Path,
) -> None:
    shown = check(
        tmp_path,
        "Northshire Hospitals NHS Foundation Trust",
        "Present the case to the ICB's partnership board",
    )
    assert "meant-for-another" in shown
    assert "reads as meant for Mark Ellison (Director of Strategy and Transformation)" in shown
    assert "speaks of 'ICB' and 'partnership board'" in shown


def test_an_icbs_ask_keeps_another_directors_business(tmp_path: Path) -> None:
    shown = check(
        tmp_path,
        "NHS Northshire Integrated Care Board",
        "Take the ICB's case to the partnership board",
    )
    assert "reads as meant for Mark Ellison" in shown
    assert "speaks of 'partnership board'" in shown
    assert "'ICB'" not in shown
