"""An impact the lead ruled out for a director is said to be ruled out, not unknown to the map.

``check`` used to say "pitchkit's measure map links it to none of the
objectives" of an impact whose link the lead had put under ``excludes:``;
the map had linked it, and the lead had said no. The test runs ``pitchkit
check`` as a lead would and reads the finding.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

Cli = Callable[..., Result]

FACTS = """\
project:
  title: Theatre utilisation programme
  organisation: Example General Hospital NHS Trust
  lead: {name: Sam Patel, role: Theatre Productivity Lead}
  problem: Lists start late and finish early, and operations are cancelled on the day.
  change: A scheduling hub that books lists six weeks ahead.
impacts:
  - id: cancellations
    measure: Operations cancelled on the day for non-clinical reasons
    unit: operations
    per: year
    baseline: 620
    target: 300
    themes: [finance]
    LINKS
    source: Theatre management system, 2025/26
  - id: long-waits
    measure: Patients waiting over 52 weeks for elective surgery
    unit: patients
    baseline: 410
    target: 150
    themes: [access]
    supports: [coo.waits]
    source: Waiting list minimum data set, March 2026
asks: [Chair the theatre productivity board each month]
directors:
  - id: coo
    name: Ruth Adeyemi
    role: Chief Operating Officer
    objectives:
      - {id: waits, text: Eliminate waits over 52 weeks for elective care, themes: [access]}
      - {id: productivity, text: Increase theatre productivity, themes: [access]}
"""


def test_an_impact_ruled_out_for_the_director_says_so(cli: Cli, tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text(FACTS.replace("LINKS", "excludes: [coo.productivity]"), encoding="utf-8")
    result = cli("check", str(facts), "-d", "coo")
    assert result.exit_code == 0, result.output
    said = " ".join(result.stdout.split())
    assert (
        "impact-unlinked: The impact 'Operations cancelled on the day for non-clinical reasons' "
        "serves none of Ruth Adeyemi's objectives. "
        f"where: {facts}:9:14 "
        "evidence: You ruled out coo.productivity with 'excludes:', and pitchkit's measure map "
        "links it to none of the other objectives of Ruth Adeyemi (Chief Operating Officer)."
    ) in said
    welsh = " ".join(cli("check", str(facts), "-d", "coo", "--locale", "cy_GB").stdout.split())
    assert "Fe wnaethoch ddiystyru coo.productivity gydag 'excludes:'" in welsh
    # With nothing ruled out, nothing is said to be.
    facts.write_text(FACTS.replace("    LINKS\n", ""), encoding="utf-8")
    other = cli("check", str(facts), "-d", "coo")
    assert other.exit_code == 0, other.output
    assert "Operations cancelled on the day" in other.stdout
    assert "You ruled out" not in other.stdout
