"""reader20's notes read by the directors they are for (fixread20b).

#6: a run chart has no limits, so a measure whose chart names an improvement
trend is not "within normal variation" in the table beside it: it is *holding
at the improved level*. #7: "Siartiau rhediad", with no soft mutation after a
plural noun. The commands are run as a user runs them and their text read back.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from documenttext import document_text


def _text(path: Path) -> str:
    [docx] = sorted(path.glob("*.docx")) if path.is_dir() else [path]
    return document_text(docx.read_bytes())


def _row(text: str, measure: str) -> list[str]:
    [row] = [line for line in text.splitlines() if line.startswith(measure) and " | " in line]
    return row.split(" | ")


def test_welsh_update_direction_agrees_with_the_run_charts(
    tmp_path: Path, cli: Callable[..., Any], example: Callable[[str], Path]
) -> None:
    facts = example("ysbyty-cymunedol")
    out = tmp_path / "cy"
    result = cli("update", str(facts), "-d", "dpcmh", "--out", str(out) + "/", "-q")
    assert result.exit_code == 0, result.stderr
    text = _text(out)
    # The charts below read "tuedd: 7 mis yn gostwng (gwelliant)" and "8 mis yn codi".
    assert "tuedd: 7 mis yn gostwng (gwelliant)" in text
    for start in ("Emergency department attendances", "Urgent same-day requests"):
        cells = _row(text, start)
        assert cells[-1] == "yn aros ar y lefel well", cells
    assert "o fewn amrywiad arferol, ar y lefel well" not in text
    assert "Siartiau rhediad (o 8 pwynt)" in text
    assert "Siartiau rediad" not in text


def test_english_update_direction_agrees_with_the_run_charts(
    tmp_path: Path, cli: Callable[..., Any], example: Callable[[str], Path]
) -> None:
    facts = example("ysbyty-cymunedol")
    out = tmp_path / "en"
    result = cli(
        "update", str(facts), "-d", "dpcmh", "--locale", "en_GB", "--out", str(out) + "/", "-q"
    )
    assert result.exit_code == 0, result.stderr
    text = _text(out)
    assert "trend: 7 months falling (improvement)" in text
    for start in ("Emergency department attendances", "Urgent same-day requests"):
        assert _row(text, start)[-1] == "holding at the improved level"
    assert "within normal variation, at the improved level" not in text
