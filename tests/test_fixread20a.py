"""What a finance director would not sign (reader20 #1, #2, #4, #7).

Each test makes the bundled examples' notes on the day the review read them
(6 December 2026) and reads back the text, in English and in Welsh.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from typer.testing import Result

from pitchkit.api.previewing import PreviewRequest, preview
from pitchkit.i18n import fmt
from pitchkit.i18n.translation import language
from pitchkit.notes.moneytext import nearest_months, whole_months
from pitchkit.notes.preview import plain_preview

Cli = Callable[..., Result]
Example = Callable[[str], Path]

TODAY = dt.date(2026, 12, 6)


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("pitchkit.api.update.written_on", lambda: TODAY)


def brief(facts: Path, director: str, locale: str | None = None) -> str:
    result = preview(PreviewRequest(facts=facts, director=director, today=TODAY, locale=locale))
    return " ".join(plain_preview(result.preview, result.lang).split())


def update(cli: Cli, facts: Path, director: str, out: Path, *more: str) -> str:
    path = out / f"update-{director}.docx"
    result = cli("update", str(facts), "-d", director, "--out", str(path), "-f", *more)
    assert result.exit_code == 0, result.stderr
    document = docx.Document(str(path))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines += [" | ".join(cell.text for cell in row.cells) for row in table.rows]
    return " ".join("\n".join(lines).split())


# 1. The board sentence: "As executive sponsor" only for the director the meeting is with.


def test_an_update_for_a_director_the_meeting_is_not_with_reports_what_the_team_reports(
    cli: Cli, example: Example, tmp_path: Path
) -> None:
    facts = example("falls-prevention")  # meeting.director: don
    finance = update(cli, facts, "dof", tmp_path)
    assert "As executive sponsor" not in finance
    assert (
        "The team running Safer steps: preventing falls on our community hospital wards "
        "reports that the project has delivered 20 fewer inpatient falls"
    ) in finance
    nursing = update(cli, facts, "don", tmp_path)
    assert (
        "As executive sponsor of Safer steps: preventing falls on our community hospital "
        "wards, I can report that it has delivered"
    ) in nursing


def test_welsh_and_bilingual_updates_for_another_director_do_not_call_them_sponsor(
    cli: Cli, example: Example, tmp_path: Path
) -> None:
    facts = example("ysbyty-cymunedol")  # meeting.director: dpcmh
    finance = update(cli, facts, "dof", tmp_path)
    assert "noddwr gweithredol" not in finance
    assert (
        "Mae tîm yr hyb gofal yr un diwrnod yn Ysbyty Cymunedol Dyffryn yn adrodd "
        "bod y prosiect wedi cyflawni"
    ) in finance
    both = update(cli, facts, "dof", tmp_path, "--bilingual")
    assert "noddwr gweithredol" not in both
    assert "As executive sponsor" not in both
    assert "The team running the same-day care hub at Dyffryn Community Hospital reports" in both
    sponsor = update(cli, facts, "dpcmh", tmp_path)
    assert "Fel noddwr gweithredol yr hyb gofal yr un diwrnod" in sponsor


# 2. Payback: as a finance director works it out by hand, to one decimal place (fixbrief25:
# rounded up to the month it is reached, 7.09 read "8 months", which looked like a slip).


def test_payback_months_are_given_to_one_decimal_place() -> None:
    assert whole_months(12 * 250_000 / 423_124) == 7.1  # 7.09
    assert whole_months(12 * 96_000 / 212_684) == 5.4  # 5.42
    assert whole_months(12 * 48_000 / 84_960) == 6.8  # 6.78
    assert f"{whole_months(7.0000000001)}" == "7"  # a hair over, from adding days
    assert f"{whole_months(6.9999999)}" == "7"
    assert whole_months(0.02) == 0.1
    assert whole_months(None) is None
    # The project's length, for a payback exactly at its end, stays the nearest month.
    assert nearest_months(12 * 366 / 365.25) == 12


def test_the_examples_give_the_payback_to_one_decimal_place(example: Example) -> None:
    frailty = brief(example("frailty-virtual-ward"), "dof")
    assert "payback 7.1 months once the benefit starts (June 2027); £1.41 per £1." in frailty
    assert "payback in 7.1 months" in brief(example("frailty-virtual-ward"), "coo")
    welsh = brief(example("ysbyty-cymunedol"), "dof")
    assert "ad-dalu mewn 5.4 mis;" in welsh
    assert "payback 6.8 months; £1.77 per £1." in brief(example("falls-prevention"), "dof")


# 4. A cash objective met with capacity alone: "could", and when.


def test_a_cip_met_with_capacity_alone_is_not_promised_in_the_headline(example: Example) -> None:
    facts = example("frailty-virtual-ward")
    english = brief(facts, "dof")
    assert (
        "The frailty virtual ward could help you deliver the £14m cost improvement programme "
        "for 2027/28, once the capacity it releases is turned into cash."
    ) in english
    assert "will help you deliver the £14m" not in english
    welsh = brief(facts, "dof", "cy_GB")
    assert (
        # An English title in a Welsh sentence: after "y prosiect", in quotes (newuser31).
        "Gallai'r prosiect “Frailty virtual ward” gyfrannu at yr amcan hwn sydd gennych, unwaith y "
        "troir y capasiti y mae'n ei ryddhau yn arian parod:"
    ) in welsh
    # An objective that is not a cash target keeps its plain headline.
    assert "The frailty virtual ward will help you keep general and acute bed occupancy" in brief(
        facts, "coo"
    )


# 7. Ratios from unrounded figures, a measure's decimal places, three-letter months.


def test_return_per_pound_is_worked_from_the_unrounded_figures(example: Example) -> None:
    facts = example("ysbyty-cymunedol")
    # £206,858 / £96,000 = 2.155: £2.15, where the rounded £207,000 gave £2.16.
    assert "£2.15 am bob £1" in brief(facts, "dof")
    assert "£2.15 per £1" in brief(facts, "dof", "en_GB")


def test_a_rate_keeps_its_decimal_place_in_baseline_target_and_change(
    cli: Cli, example: Example, tmp_path: Path
) -> None:
    facts = example("falls-prevention")  # baseline 8.1, target 6.0
    text = brief(facts, "don")
    # Second impact on its objective, so "Also, …" (fixbrief28); 8.1 - 6.0 = 2.1.
    # The plan with a verb (fixread31 #3).
    assert (
        "Also, inpatient falls per 1,000 occupied bed days will come down from 8.1 to 6.0: "
        "2.1 lower" in text
    )
    assert not re.search(r"from 8\.1 to 6[^.]", text)
    nursing = update(cli, facts, "don", tmp_path)
    assert "| 8.1 per 1,000 occupied bed days | 6.0 per 1,000 occupied bed days |" in nursing
    assert "against a baseline of 8.1 and a target of 6.0." in nursing
    # A count's whole figures stay whole.
    assert "from 84 to 50 falls a year" in text


def test_chart_axis_months_are_three_letters_in_english() -> None:
    english = language("en_GB")
    assert fmt.period_label("2027-09", english, short=True) == "Sep ’27"
    assert fmt.period_label("2027-07", english, short=True) == "Jul ’27"
    assert "Sept" not in fmt.period_label("2027-09", language("cy_GB"), short=True)
