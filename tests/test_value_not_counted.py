"""A money value on a level (no ``per:``) is named by ``check``: the note cannot count it.

The money block multiplies a unit cost by a number per period; a level such
as a percentage has none, so its value was left out of every total without a
word. The test runs ``pitchkit check`` as a lead would and reads the finding.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

Cli = Callable[..., Result]

FRAILTY = Path(__file__).resolve().parent.parent / "examples" / "frailty-virtual-ward"
SOURCE = "    source: Trust discharge data, April to September 2026\n"
VALUE = "    value: {amount: 345, currency: GBP, source: Standard bed day NCC 2020/21}\n"


def test_a_value_on_a_percentage_is_named_where_it_is(cli: Cli, tmp_path: Path) -> None:
    text = (FRAILTY / "facts.yaml").read_text(encoding="utf-8")
    assert text.count(SOURCE) == 1
    facts = tmp_path / "facts.yaml"
    facts.write_text(text.replace(SOURCE, VALUE + SOURCE), encoding="utf-8")
    line = facts.read_text(encoding="utf-8").splitlines().index(VALUE.rstrip("\n")) + 1
    result = cli("check", str(facts))
    assert result.exit_code == 0, result.output
    said = " ".join(result.stdout.split())
    assert (
        "value-not-counted: The money value of 'Patients aged 75 and over discharged to their "
        "usual place of residence' is in no total of the note: not in the money block, the "
        "payback or the benefit per £1. "
        f"where: {facts}:{line}:12 "
        "evidence: impacts[2] (usual-residence) has a 'value' but no 'per': a level, not a "
        "number per period, has no count to price. "
        "fix: If the change happens once (a backlog cleared, a purchase made once), leave 'per' "
        "out: a statement gives its worth once, in no total. If the baseline and target count "
        "something every year, quarter, month or week, add 'per:' (year, quarter, month or "
        "week); if it is a level such as a percentage, take out 'value:'."
    ) in said
    welsh = cli("check", str(facts), "--locale", "cy_GB")
    assert (
        "Nid yw gwerth ariannol 'Patients aged 75 and over discharged to their usual place of "
        "residence' mewn unrhyw gyfanswm"
    ) in " ".join(welsh.stdout.split())
    # The example as it is (values only on counts per year) has no such finding.
    assert "value-not-counted" not in cli("check", str(FRAILTY / "facts.yaml")).stdout
