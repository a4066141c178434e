"""The SPC caption names the month the figures reached a new level, after the points on the way.

newuser22 #4 (left partly fixed in newuser24): restraints on a mental health trust's wards
fell from about 62 a month to 57 or 58 for four months, then to about 50. The caption said
"the limits are recalculated from November 2025, where it settled", then named "two of
three points close to the upper limit (on the way to the new level), ending February
2026": settled in November, and still on the way in February. The caption now names the
month after that signal as the one the figures reached the new level. The test runs
``pitchkit update`` on newuser22's project (its facts, log and team sheet, in
tests/data/fixleft21) and reads the chart caption back.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from documenttext import document_text

Cli = Callable[..., Result]

DATA = Path(__file__).resolve().parent / "data" / "fixleft21"


def caption(cli: Cli, folder: Path, locale: str) -> str:
    for name in ("a.yaml", "log.csv", "team.xlsx"):
        shutil.copy(DATA / name, folder / name)
    out = folder / "coo.docx"
    result = cli(
        "update", str(folder / "a.yaml"), "--directors", str(folder / "team.xlsx"),
        "-d", "coo", "-l", locale, "-o", str(out),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = document_text(out.read_bytes())
    start = text.index("Physical restraints on adult acute wards. ")
    return text[start : text.index("]", start)]


def test_the_restraints_settle_after_the_months_on_the_way(cli: Cli, tmp_path: Path) -> None:
    text = caption(cli, tmp_path, "en_GB")
    assert (
        "falling until October 2025; the limits are recalculated from November 2025, and the "
        "figures reached the new level in March 2026, after the points on the way to it." in text
    ), text
    assert "where it settled" not in text
    assert "(on the way to the new level), November 2025 to February 2026" in text
    assert "(concern)" not in text


@pytest.mark.parametrize("locale", ["cy_GB"])
def test_the_welsh_caption_names_the_same_month(cli: Cli, tmp_path: Path, locale: str) -> None:
    text = caption(cli, tmp_path, locale)
    assert "a chyrhaeddodd y ffigurau'r lefel newydd erbyn Mawrth 2026" in text, text
    assert "lle sefydlodd" not in text
