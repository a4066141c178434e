"""A log figure far outside its series: update warns beside "Wrote ..." (newuser29 #2).

November's admissions typed 1740 for 174 went into the CMO's update with a
warning printed first, among others; the docs disagreed on whether such a
figure is left out (it is not). ``update`` now says, last before "Wrote
...", that the update uses it as it stands and how to put it right.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from icbcases import hubs
from pitchkit.cli import app

ROOT = Path(__file__).resolve().parent.parent

FACTS = hubs(more="measures: log.csv\n")

LOG = """\
period,measure,value
2026-06,admissions,188
2026-07,admissions,192
2026-08,admissions,186
2026-09,admissions,190
2026-10,admissions,176
2026-11,admissions,{november}
"""


def update(tmp_path: Path, period: str, november: str = "1740", *more: str) -> list[str]:
    (tmp_path / "facts.yaml").write_text(FACTS, encoding="utf-8")
    (tmp_path / "log.csv").write_text(LOG.format(november=november), encoding="utf-8")
    args = ["update", str(tmp_path / "facts.yaml"), "-d", "cmo", "--period", period]
    result = CliRunner().invoke(app, [*args, "--out", str(tmp_path / "out"), *more])
    assert result.exit_code == 0, result.output
    shown = [" ".join(line.split()) for line in result.output.splitlines() if line.strip()]
    return [line for line in shown if not line.startswith("Made the folder")]


def test_the_update_says_it_uses_the_typo_beside_wrote(tmp_path: Path) -> None:
    lines = update(tmp_path, "2026-11")
    first = next(n for n, line in enumerate(lines) if "a typo? It is used as it stands" in line)
    wrote = next(n for n, line in enumerate(lines) if line.startswith("Wrote "))
    again = lines[wrote - 1]
    assert first < wrote - 1
    assert again == (
        f"warning: {tmp_path / 'log.csv'}:row 7: column value: the update uses 1,740 for "
        "admissions in November 2026 as it stands. If it is a typo, correct the cell and "
        "run update again with --force to replace the update."
    )
    # Corrected and run again with --force, as the warning says: no warning, the file replaced.
    lines = update(tmp_path, "2026-11", "174", "--force")
    assert not any("typo" in line for line in lines)
    assert any(line.startswith("Wrote ") for line in lines)


def test_an_update_of_another_period_does_not_say_it_uses_it(tmp_path: Path) -> None:
    lines = update(tmp_path, "2026-10")
    assert any("a typo? It is used as it stands" in line for line in lines)
    assert not any("the update uses" in line for line in lines)


def test_the_docs_agree_the_figure_is_used_as_it_stands() -> None:
    started = " ".join((ROOT / "docs" / "getting-started.md").read_text().split())
    measures = " ".join((ROOT / "docs" / "measures.md").read_text().split())
    assert "is **not** left out" in started
    assert "uses it as it stands" in started
    assert "with `--force`" in started
    assert "Such a figure is not held back" in measures
    assert "the update uses 2,310 for oap-picu in November 2026 as it stands" in measures
