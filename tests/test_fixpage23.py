"""A finance director's brief whose money block leaves little room still fits one page.

``tests/data/fixpage23/facts.yaml`` is newuser32's cardiology follow-up clinic
(run on 6 December 2026). Its CFO brief fitted one page until the finance
block grew (the falling-income sentence, never cut, and the longer forecast
wording): every step of the fitting order was then taken and the note still
ran 53 pt past the page, so LibreOffice wrote a second page holding only the
contact line and the unit-cost small print. The last step now takes closing
sentences off the strongest statement (the other impacts shown beside it
first, then its own closing sentences, two kept), and says so.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from docchecks import pdf_pages
from documenttext import document_text
from fixedday import pin_today
from pitchkit.notes.fit import _closing_off

Cli = Callable[..., Result]

FACTS = Path(__file__).parent / "data" / "fixpage23" / "facts.yaml"


@pytest.fixture(autouse=True)
def _fixed_day(monkeypatch: pytest.MonkeyPatch) -> None:
    pin_today(monkeypatch, dt.date(2026, 12, 6))


def _cfo_brief(cli: Cli, folder: Path) -> tuple[Path, dict[str, object]]:
    out = folder / "cfo.docx"
    result = cli("brief", str(FACTS), "-d", "cfo", "-o", str(out), "--force", "--json")
    assert result.exit_code == 0, result.output
    return out, json.loads(result.stdout)


def test_the_cfo_brief_cuts_the_ecg_line_beside_the_locum_one_and_says_so(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PITCHKIT_MEASURE", "0")
    out, report = _cfo_brief(cli, tmp_path)
    text = " ".join(document_text(out.read_bytes()).split())
    # The strongest statement keeps its figures and the sentence that says none is counted yet.
    assert "the forecast is £54,000: 0.3% of your £18m target" in text
    assert "no money is counted for it yet." in text
    # The ECG impact beside it is what went ... (since reader26 #11 and #14 the unit costs and
    # each year's "against £… of funding" take a line more, and the sentence naming the
    # objective it contributes to goes too, after everything else the fit may cut)
    assert "Outsourced 24-hour ECG monitor reports from" not in text
    assert "It contributes to your objective “Reduce agency and locum spend" not in text
    # ... while the finance block, never cut, still counts the ECG reports in the plan's cash.
    assert "600\xa0fewer reports a year" in text or "600 fewer reports a year" in text
    assert "so none of the £295,000 a year in the plan is forecast" in text
    # The cut is listed, and the layout found the note one page.
    warnings = " ".join(str(w) for w in report["warnings"])  # type: ignore[attr-defined]
    assert 'now ends "…money is counted for it yet."' in warnings
    assert "runs over one page" not in warnings
    assert report["over_words"] == 0


def test_an_impact_beside_the_first_goes_with_its_money() -> None:
    statement = {
        "text": "Locum sessions fall. Too early. Reports fall by 600.",
        "claim": "Locum sessions fall. Too early. Reports fall by 600.",
        "how": "",
        "money_of": ["locum", "ecg"],
        "parts": [
            {"claim": "Locum sessions fall. Too early.", "money_of": ["locum"]},
            {"claim": "Reports fall by 600.", "money_of": ["ecg"]},
        ],
    }
    shorter = _closing_off(statement, 2)
    assert shorter is not None
    assert shorter["text"] == "Locum sessions fall. Too early."
    assert shorter["money_of"] == ["locum"]
    assert _closing_off(shorter, 2) is None
    # A statement still giving its reason is left to the reasons step.
    assert _closing_off({**statement, "how": "Because."}, 2) is None


@pytest.mark.slow
def test_the_cfo_brief_is_one_page_in_libreoffice(
    cli: Cli, tmp_path: Path, soffice: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PITCHKIT_MEASURE", "0")
    out, _report = _cfo_brief(cli, tmp_path)
    assert pdf_pages(out) == 1
