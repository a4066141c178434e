"""Money every note agrees on, and that a finance director would sign.

Worked by hand (docs/money.md §4):

- Dermatology (tests/data/money-worsening/derm.yaml: a worsening measure): April 2025 to
  March 2027, £90,000; 200 fewer follow-ups a month at £120 in 2016/17 prices
  (£159.67 at 2026/27 prices), 2,400 × £159.67 = £383,206 a year of capacity,
  shown £383,000. The log shows the
  follow-ups getting worse, so nothing is delivered: the finance director's
  block reads "over the project £0, a net cost of £90,000; not paid back
  within the project". At the full rate every other note said "payback in 3
  months" (12 × 90,000 ÷ 383,206 = 2.8), a payback the log disproves.
- The frailty ward with ten times its funding (£2,500,000), in a note of 3
  December 2026, before any year closes: £423,123 a year of capacity from 1
  June 2027 to the project's end on 31 March 2028 (305 days, 10.0 months):
  12 × 2,500,000 ÷ 423,123 = 70.9 months, long after the end. Over the
  project £353,000 (305 ÷ 366 of a year) for £2,500,000: 14p per £1.
- The stroke case (tests/data/money-year-under-way/stroke.yaml): agency spend
  logged at £12,400, £12,900, £12,300, £12,700 and £12,600 in October 2025 to
  February 2026, a mean of £62,900 ÷ 5 = £12,580 (£12,600 to three figures).
  The 8 months logged from March to November 2026 (none for June) come to
  £77,200: 8 × £12,580 − £77,200 = £23,440, shown £23,400, where the mean
  printed as £12,600 gave a hand check of 8 × £12,600 − £77,200 = £23,600.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from docchecks import docx_text
from pitchkit.api import BriefRequest, UpdateRequest, write_brief, write_update

DATA = Path(__file__).resolve().parent / "data"
DERM = DATA / "money-worsening" / "derm.yaml"
FRAILTY = Path(__file__).resolve().parent.parent / "examples" / "frailty-virtual-ward"
STROKE = DATA / "money-year-under-way" / "stroke.yaml"


def brief_text(
    tmp: Path, facts: Path, director: str, today: dt.date, locale: str | None = None
) -> str:
    """The text of ``director``'s briefing note, as the document reads."""
    request = BriefRequest(
        facts=facts, director=director, out=tmp / director, today=today, locale=locale
    )
    [path] = write_brief(request).written
    return docx_text(path)


def line_with(text: str, words: str) -> str:
    """The one line of ``text`` that holds ``words``."""
    [found] = [line for line in text.splitlines() if words in line]
    return found


def test_other_directors_are_not_told_a_payback_the_log_disproves(tmp_path: Path) -> None:
    today = dt.date(2026, 12, 5)
    finance = line_with(brief_text(tmp_path, DERM, "dof", today), "Benefit against")
    assert "over the project £0, a net cost of £90,000; not paid back within the project" in (
        finance
    )
    for director in ("coo", "md"):
        other = line_with(brief_text(tmp_path, DERM, director, today), "Money:")
        assert other.endswith(
            "against £90,000 of funding (not paid back within the project at the rate "
            "delivered so far)."
        ), other
        assert "payback in" not in other


def test_nothing_back_is_said_in_words_not_as_nought_per_pound(tmp_path: Path) -> None:
    finance = line_with(brief_text(tmp_path, DERM, "dof", dt.date(2026, 12, 5)), "Benefit")
    assert finance.endswith("; no return on the £90,000 of funding.")
    assert "£0 per £1" not in finance


def frailty_funded(tmp: Path, amount: int, locale: str) -> Path:
    """The frailty example with ``amount`` of funding, written in ``locale``."""
    text = (FRAILTY / "facts.yaml").read_text(encoding="utf-8")
    assert text.count("    amount: 250000\n") == 1
    assert text.count("  locale: en_GB\n") == 1
    text = text.replace("    amount: 250000\n", f"    amount: {amount}\n")
    text = text.replace("  locale: en_GB\n", f"  locale: {locale}\n")
    path = tmp / f"facts-{locale}.yaml"
    path.write_text(text, encoding="utf-8")
    (tmp / "directors.csv").write_bytes((FRAILTY / "directors.csv").read_bytes())
    return path


@pytest.mark.parametrize(
    ("locale", "finance_words", "other_words", "per_pound"),
    [
        (
            "en_GB",
            "not paid back by the end of the project in March 2028; at the full rate it "
            "would take about 6 years from June 2027",
            "(not paid back by the end of the project in March 2028; at the full rate it would "
            "take about 6 years if the capacity is turned into cash).",
            "; 14p per £1. Counted at the full target from June 2027, when the change is in place."
            # fixnu41 (newuser41 #3): June 2027 to March 2028, of a leap year's 366 days; the
            # funding's split by days closes the line (newuser40 #5).
            " Benefit split by days: 305 of 366 in 2027/28. "
            "Funding split by days: 87 in 2026/27, 366 in 2027/28.",
        ),
        (
            "cy_GB",
            "heb ei ad-dalu erbyn diwedd y prosiect ym mis Mawrth 2028; ar y gyfradd lawn "
            "byddai'n cymryd tua 6 blynedd unwaith y bydd y budd yn dechrau (Mehefin 2027)",
            "(heb ei ad-dalu erbyn diwedd y prosiect ym mis Mawrth 2028; ar y gyfradd lawn "
            "byddai'n cymryd tua 6 blynedd pe bai'r capasiti'n troi'n arian parod).",
            "; 14c am bob £1. Wedi'i gyfrif ar y targed llawn o fis Mehefin 2027, pan fydd y "
            "newid ar waith. Budd wedi'i rannu yn ôl dyddiau: 305 o 366 yn 2027/28. "
            "Cyllid wedi'i rannu yn ôl dyddiau: 87 yn 2026/27, 366 yn 2027/28.",
        ),
    ],
)
def test_a_payback_after_the_project_ends_says_so(
    tmp_path: Path, locale: str, finance_words: str, other_words: str, per_pound: str
) -> None:
    facts = frailty_funded(tmp_path, 2_500_000, locale)
    today = dt.date(2026, 12, 3)
    finance = line_with(brief_text(tmp_path, facts, "dof", today), "£2,500,000")
    assert finance_words in finance
    assert finance.endswith(per_pound)
    assert not re.search(r"(payback|ad-dalu mewn) 71", finance)
    [other] = [
        line
        for line in brief_text(tmp_path, facts, "coo", today).splitlines()
        if line.startswith(("Money:", "Arian:"))
    ]
    assert other.endswith(other_words), other


def test_a_payback_within_the_project_is_still_a_payback(tmp_path: Path) -> None:
    # The example as shipped: 7 months from June 2027, well before March 2028.
    facts = frailty_funded(tmp_path, 250_000, "en_GB")
    finance = line_with(brief_text(tmp_path, facts, "dof", dt.date(2026, 12, 3)), "Benefit against")
    assert "payback 7.1 months once the benefit starts (June 2027); £1.41 per £1." in finance


def test_an_update_gives_the_mean_it_counts_against_to_the_pound(tmp_path: Path) -> None:
    request = UpdateRequest(
        facts=STROKE, director="dof", period="2026-11", out=tmp_path, today=dt.date(2026, 12, 5)
    )
    [path] = write_update(request).written
    line = line_with(docx_text(path), "Agency nurse spend on the stroke unit: £")
    assert (
        "£23,400 less between March and November 2026 (no figure for June 2026) than before "
        "the change (an average of £12,580 a month, October 2025 to February 2026)"
    ) in line
