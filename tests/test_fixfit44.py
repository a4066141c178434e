"""fixfit44: what the page fit cuts never leaves a figure or a pointer behind.

``tests/data/fixfit44/facts.yaml`` is the cardiology clinic of
``tests/data/fixpage23`` with the CFO's second objective worded as the locum
sessions' very measure ("Reduce locum consultant cardiology clinic sessions
by 30%"). The sessions serve the CIP too, so the brief gives their figures
under that objective and the CIP bullet says "Also, the same change in locum
consultant cardiology clinic sessions counts here too." The page fit then cut
the bullet holding the figures: the sessions' figures appeared nowhere and
"the same change" pointed off the page (pinsG).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

import crisiscase
from docchecks import pdf_pages
from documenttext import document_text
from fixedday import pin_today
from pitchkit.api.base import Heard, with_log
from pitchkit.facts.project import open_project
from pitchkit.i18n.translation import language
from pitchkit.notes.context import shown_ledger
from pitchkit.notes.fit import figures_back
from pitchkit.notes.moneytext import _source_mid_sentence
from pitchkit.recast.money import shipped_index, shown_cost, uplift
from pitchkit.recast.pitch import recast

Cli = Callable[..., Result]

FACTS = Path(__file__).parent / "data" / "fixfit44" / "facts.yaml"
FIGURES = "from 240 to 96 sessions a year"


@pytest.fixture(autouse=True)
def _fixed_day(monkeypatch: pytest.MonkeyPatch) -> None:
    pin_today(monkeypatch, dt.date(2026, 12, 6))


def _cfo_brief(cli: Cli, folder: Path, *args: str) -> tuple[Path, dict[str, object], str]:
    out = folder / "cfo.docx"
    result = cli("brief", str(FACTS), "-d", "cfo", "-o", str(out), "--force", "--json", *args)
    assert result.exit_code == 0, result.output
    text = " ".join(document_text(out.read_bytes()).split())
    return out, json.loads(result.stdout), text


def _pointers(text: str) -> list[str]:
    """The measures a "counts here too" sentence points to."""
    return re.findall(r"[Tt]he same change in (.+?) counts here too", text)


def test_a_cut_bullets_figures_go_to_the_bullet_that_pointed_to_them(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PITCHKIT_MEASURE", "0")
    _out, report, text = _cfo_brief(cli, tmp_path)
    # The bullet on the locum objective, which held the sessions' figures, is cut ...
    warnings = " ".join(str(w) for w in report["warnings"])  # type: ignore[attr-defined]
    assert 'leaves out "Reduce locum consultant cardiology clinic sessions by 30%' in warnings
    # ... and no bullet still says "the same change ... counts here too" of figures shown
    # nowhere: the CIP bullet had them back, and as the page still ran over, the fit took them
    # off as another impact beside its first (the ECG reports keep theirs).
    for measure in _pointers(text):
        assert measure in text.replace(f"the same change in {measure}", "", 1)
    assert "counts here too" not in text
    assert text.count(FIGURES) <= 1
    assert "the forecast is £17,000: 0.1% of your £18m target." in text
    assert report["over_words"] == 0


def test_figures_come_back_after_also_and_in_small_letters() -> None:
    standin = "The same change in locum sessions counts here too."
    full = "Locum sessions from 240 to 96 a year, worth £163,000."
    given = {
        "standin": standin,
        "claim": full,
        "lower": "locum sessions from 240 to 96 a year, worth £163,000.",
        "money_of": ["locum"],
    }
    first = {"claim": "ECG reports fall by 600.", "money_of": ["ecg"], "impact": "ecg"}
    pointer = {
        "claim": f"Also, {standin[0].lower()}{standin[1:]}",
        "money_of": [],
        "impact": "locum",
        "given": given,
    }
    statement = {
        "objective_id": "cip",
        "claim": f"{first['claim']} {pointer['claim']}",
        "text": f"{first['claim']} {pointer['claim']} Because.",
        "how": "Because.",
        "money_of": ["ecg"],
        "parts": [first, pointer],
    }
    holder = {
        "objective_id": "locum",
        "claim": full,
        "text": full,
        "how": "",
        "money_of": ["locum"],
        "parts": [{"claim": full, "money_of": ["locum"], "impact": "locum"}],
    }
    # While the bullet holding the figures is shown, nothing changes.
    both = [statement, holder]
    assert figures_back(both) == both
    # Cut, its figures come back after "Also, ", in small letters, with their money.
    [back] = figures_back([statement])
    claim = "ECG reports fall by 600. Also, locum sessions from 240 to 96 a year, worth £163,000."
    assert back["claim"] == claim
    assert back["text"] == f"{claim} Because."
    assert back["money_of"] == ["ecg", "locum"]
    assert "given" not in back["parts"][1]
    # A pointer leading its bullet gets them with its capital.
    alone = {**statement, "claim": standin, "text": standin, "how": "", "parts": [pointer]}
    alone["parts"] = [{**pointer, "claim": standin}]
    [back] = figures_back([alone])
    assert back["text"] == full


def test_a_payback_with_nothing_delivered_rests_on_the_forecast(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The log to the end of November shows no change yet: nothing is delivered, so the payback
    # is on the benefit forecast, not "on the benefit delivered and forecast" (pins4 (c)).
    monkeypatch.setenv("PITCHKIT_MEASURE", "0")
    _out, _report, text = _cfo_brief(cli, tmp_path)
    assert "nothing counted to the end of November 2026" in text
    assert "payback 9.6 months on the benefit forecast, from the project's start" in text
    assert "delivered and forecast" not in text
    _out, _report, welsh = _cfo_brief(cli, tmp_path, "--locale", "cy_GB")
    assert "ad-dalu mewn 9.6 mis ar sail y budd a ragwelir, o ddechrau'r prosiect" in welsh
    assert "a gyflawnwyd ac a ragwelir" not in welsh


def test_a_restated_cost_is_the_one_a_finance_director_gets_from_the_rate_shown() -> None:
    # The page says "projected at 2.62% a year": £380 × 1.0262 = £389.956, £389.96 to the
    # penny, half up; the mean's own digits (2.6195%) gave £389.95, read as cut short (pinsA).
    assert shipped_index().projection == 2.62
    assert shown_cost(380 * uplift(2025, 2026).factor, 380) == 389.96
    assert shown_cost(450 * uplift(2024, 2026).factor, 450) == 473.89  # 450 × 1.0262²


def test_a_source_led_by_a_name_keeps_it_and_takes_the_before_one_thing() -> None:
    # "Band 5" is a pay band's grade name: its capital stays, and the cost it names takes
    # "the", as "from the homecare delivery contract" beside it (pinsH).
    english = language("en_GB")
    said = _source_mid_sentence("Band 5 hourly cost, trust payroll", english)
    assert said == "the Band 5 hourly cost, trust payroll"
    assert _source_mid_sentence("NHS reference costs 2016/17", english) == (
        "NHS reference costs 2016/17"
    )
    assert _source_mid_sentence("NHS England", english) == "NHS England"
    assert _source_mid_sentence("Local finance team estimate", english) == (
        "the local finance team estimate"
    )
    welsh = language("cy_GB")
    assert _source_mid_sentence("Band 5 hourly cost", welsh) == "Band 5 hourly cost"


def test_an_update_whose_only_money_is_expected_lists_only_that_unit_cost(
    tmp_path: Path,
) -> None:
    # The director of people's May update gives one figure of money, the agency shifts'
    # "Expected, not yet delivered" forecast; its small print listed all four of the plan's
    # unit costs (out-of-area bed day, shift, ready-for-discharge bed day, crisis night) as if
    # a line summed the plan (pinsA). Only the shift's cost is behind the money on the page.
    text = crisiscase.update(crisiscase.copy_project(tmp_path), "dpw", "2026-05")
    assert "Expected, not yet delivered: registered nurse agency shifts" in text
    costs = text.split("Unit costs used: ", 1)[1]
    assert costs.startswith("£380 per shift at 2025/26 prices (£389.96 at 2026/27)")
    assert "per inappropriate out-of-area placement bed day" not in costs
    assert "per night" not in costs
    assert "ready for discharge at" not in costs


def test_a_closed_year_and_the_year_under_way_are_priced_by_one_rule() -> None:
    # pinsF read 2025/26's £29,960 as 40 × £749 beside 303 × £749.12 for the year under way.
    # Both are the whole count the page writes × the cost to the penny its small print shows
    # (docs/money.md): 40 × £749.13 = £29,965.20 (£29,960 to the £10) and 303 × £749.13.
    # This pins the one rule; it held on main too (the £30 was a misreading).
    day = dt.date(2026, 12, 5)
    [project] = with_log(
        [open_project(Path(__file__).parent / "data" / "newuser11" / "hys" / "facts.yaml")],
        None,
        Heard(None),
        day,
    )
    facts = project.facts
    [director] = [d for d in facts.directors if d.id == "dof"]
    ledger = shown_ledger(recast(facts, director, today=day))
    assert ledger is not None
    [line] = [x for x in ledger.lines if x.impact.id == "hysteroscopies-done-as"]
    assert line.restated_cost == 749.13
    closed, under_way = ledger.years[0], ledger.years[1]
    assert closed.logged
    assert closed.benefit == pytest.approx(40 * 749.13)
    assert under_way.so_far == pytest.approx(303 * 749.13)


@pytest.mark.slow
def test_the_brief_with_its_figures_back_is_one_page_in_libreoffice(
    cli: Cli, tmp_path: Path, soffice: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PITCHKIT_MEASURE", "0")
    out, _report, _text = _cfo_brief(cli, tmp_path)
    assert pdf_pages(out) == 1
