"""Figures are rounded half up from the decimals a reader works with, not from floats.

fixleft21 #1: a mean of 30.15 was shown "30.1" because the float the mean came
out as is 30.149999…, and Python's ``round`` works from that binary value (and
rounds halves to even besides). A finance director checking by hand gets 30.2.
Each test runs the command on the ambulance project of newuser24 with figures
whose float arithmetic lands just under a .5 boundary, and reads the text back.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from documenttext import document_text
from pitchkit.figures import figure, half_up, round_to, whole
from pitchkit.i18n import fmt
from pitchkit.i18n.translation import language
from pitchkit.recast.money import round_money

Cli = Callable[..., Result]

PROJECT = Path(__file__).parent / "data" / "fixnew24"

#: Category 2 mean response times since the change (October 2025 to November
#: 2026) whose mean is 38.45 minutes by hand (538.3 / 14), and 38.449999999999996
#: as Python adds them up.
SINCE = (40.5, 38.1, 44.1, 42.5, 36.5, 36.5, 37.4, 38.1, 38.2, 37.5, 36.6, 36.7, 39.5, 36.1)


def project(folder: Path) -> Path:
    """The newuser24 project with category 2 times since the change that average 38.45."""
    shutil.copy(PROJECT / "facts.yaml", folder / "facts.yaml")
    lines = (PROJECT / "log.csv").read_text(encoding="utf-8").splitlines()
    column = lines[0].split(",").index("category-2-mean")
    for offset, value in enumerate(SINCE):
        cells = lines[13 + offset].split(",")
        cells[column] = f"{value}"
        lines[13 + offset] = ",".join(cells)
    assert lines[13].startswith("2025-10")
    assert lines[26].startswith("2026-11")
    (folder / "log.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder / "facts.yaml"


def test_the_figures_really_land_under_the_boundary() -> None:
    assert sum(SINCE) / len(SINCE) < 38.45
    assert round(sum(SINCE) / len(SINCE), 1) == 38.4  # what the update used to say
    assert half_up(sum(SINCE) / len(SINCE), 1) == 38.5


@pytest.mark.parametrize(
    ("locale", "words"),
    [
        ("en_GB", "to an average of 38.5 minutes since the change"),
        ("cy_GB", "i gyfartaledd o 38.5 munud ers y newid"),
    ],
)
def test_the_update_rounds_the_mean_since_the_change_half_up(
    cli: Cli, tmp_path: Path, locale: str, words: str
) -> None:
    facts = project(tmp_path)
    out = tmp_path / "dops.docx"
    result = cli("update", str(facts), "-d", "dops", "-l", locale, "-o", str(out))
    assert result.exit_code == 0, result.output
    text = document_text(out.read_bytes())
    assert words in text, text
    assert "38.4" not in text


def test_the_preview_json_says_the_same_figure(cli: Cli, tmp_path: Path) -> None:
    facts = project(tmp_path)
    result = cli("preview", str(facts), "-d", "dops", "--kind", "update", "--json")
    assert result.exit_code == 0, result.output
    text = json.dumps(json.loads(result.stdout)["blocks"], ensure_ascii=False)
    assert "to an average of 38.5 minutes since the change" in text


@pytest.mark.parametrize(
    ("locale", "words"), [("en_GB", "a 15% reduction"), ("cy_GB", "gostyngiad o 15%")]
)
def test_the_brief_rounds_a_percentage_change_half_up(
    cli: Cli, tmp_path: Path, locale: str, words: str
) -> None:
    """40 to 34.2 minutes is 14.5% shorter: 40 - 34.2 is 5.799999999999997 as a float."""
    facts = project(tmp_path)
    text = facts.read_text(encoding="utf-8")
    text = re.sub(
        r"(id: category-2-mean\n(?:    .*\n)*?    baseline: )41\n    target: 36\n",
        r"\g<1>40\n    target: 34.2\n",
        text,
    )
    assert "target: 34.2" in text
    facts.write_text(text, encoding="utf-8")
    out = tmp_path / "dops.docx"
    result = cli("brief", str(facts), "-d", "dops", "-l", locale, "-o", str(out))
    assert result.exit_code == 0, result.output
    shown = document_text(out.read_bytes())
    assert words in shown, shown
    assert "14%" not in shown


def test_figures_are_read_back_to_the_decimals_written() -> None:
    assert str(figure(12.1 + 12.2 + 12.3 + 12.0 + 12.15)) == "60.75"
    assert half_up((12.1 + 12.2 + 12.3 + 12.0 + 12.15) / 5, 1) == 12.2
    assert half_up((30.0 + 30.3) / 2, 1) == 30.2
    assert [whole(2.5), whole(4.5), whole(-2.5)] == [3, 5, -3]
    assert round_to(1234.4999999999998, 1) == 1235.0
    assert round_money(412_499.99999999994, 1000) == 413_000.0
    en = language("en_GB")
    assert fmt.number((30.0 + 30.3) / 2, en) == "30.2"
    assert fmt.percent((40 - 34.2) / 40, en) == "15%"
    assert fmt.money(2.675 * 1, en, precision="exact") == "£2.68"
