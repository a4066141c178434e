"""The money words review14 found wrong, rendered and read back (fixrev14).

Both files are tests/data/money/two-impacts-one-young.yaml changed, in a note
of 5 December 2026 at 2026/27 prices (bed days £100, homecare deliveries £20):

- level-year-beside-young.yaml: bed days alternate 210 and 190 against 200
  through 2025/26, so that closed year nets to nothing for a measure whose
  chart shows the change (2026/27 counts it), beside homecare at the plan's
  full rate (£36,000), never logged (with figures in the closed year it would
  count them as they are: fixread22). The year says the level case's words, not "do not
  show the change" (review14 #5).
- never-logged-beside-charted.yaml: homecare is never logged. Its money stays
  at the plan's full rate (£9,000 for January to March 2025: 36,000 × 90 ÷
  365 = £8,877), said as having no figure in the log yet, not as figures "too
  few to show a change" (review14 #6); the update says the same of it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from docchecks import docx_text
from pitchkit.api import BriefRequest, UpdateRequest, write_brief, write_update

MONEY = Path(__file__).resolve().parent / "data" / "money"
TODAY = dt.date(2026, 12, 5)


def _block(tmp: Path, facts: Path, locale: str) -> str:
    request = BriefRequest(
        facts=facts, director="dof", out=tmp / locale, today=TODAY, locale=locale
    )
    [path] = write_brief(request).written
    start = "Benefit against" if locale == "en_GB" else "Budd yn erbyn"
    [line] = [line for line in docx_text(path).splitlines() if line.startswith(start)]
    return line


@pytest.mark.parametrize(
    ("locale", "year", "wrong"),
    [
        (
            "en_GB",
            # fixbrief28: a year's funding is "against £X" alone, "of funding" once in the lead.
            "2025/26 £36,000 against £27,000 (nothing delivered: the log's figures for "
            "that year are "
            "no better than the baseline on balance; £36,000 at the plan's full rate for "
            "outsourced homecare medicines deliveries",
            "do not show the change",
        ),
        (
            "cy_GB",
            "2025/26 £36,000 yn erbyn £27,000 (dim wedi'i gyflawni: nid yw ffigurau'r "
            "cofnod cynnydd "
            "ar gyfer y flwyddyn honno yn well na'r llinell sylfaen ar y cyfan; £36,000 ar "
            "gyfradd lawn y cynllun ar gyfer “Outsourced homecare medicines deliveries”",
            "yn dangos y newid;",
        ),
    ],
)
def test_a_level_year_beside_the_plans_rate_says_no_better_on_balance(
    tmp_path: Path, locale: str, year: str, wrong: str
) -> None:
    line = _block(tmp_path, MONEY / "level-year-beside-young.yaml", locale)
    assert year in line, line
    assert wrong not in line, line


@pytest.mark.parametrize(
    ("locale", "year", "update"),
    [
        (
            "en_GB",
            "2024/25 £27,000 against £6,000 (£18,000 delivered; £9,000 at the plan's "
            "full rate for "
            "outsourced homecare medicines deliveries, with no figure in the log yet)",
            # With the figure the finance block forecasts for the year under way (newuser32 #7).
            # Nothing under "Delivered so far": the forecast is the funding line's (fixupd25a #1).
            "Outsourced homecare medicines deliveries: no figure in the log yet, so nothing is "
            "counted as delivered yet.",
        ),
        (
            "cy_GB",
            "2024/25 £27,000 yn erbyn £6,000 (£18,000 a gyflawnwyd; £9,000 ar gyfradd "
            "lawn y cynllun "
            "ar gyfer “Outsourced homecare medicines deliveries”, heb ffigur yn y cofnod cynnydd "
            "eto)",
            "dim ffigur yn y cofnod cynnydd eto, felly nid oes dim wedi'i gyfrif fel rhywbeth a "
            "gyflawnwyd eto",
        ),
    ],
)
def test_a_measure_never_logged_has_no_figures_not_too_few(
    tmp_path: Path, locale: str, year: str, update: str
) -> None:
    facts = MONEY / "never-logged-beside-charted.yaml"
    line = _block(tmp_path, facts, locale)
    assert year in line, line
    for wrong in ("too few", "rhy ychydig"):
        assert wrong not in line, line
    if locale == "en_GB":
        # 2025/26's only charted measure is worse: named, with no "do not show the change"
        # beside it, since no figures that year fail to show it.
        assert (
            "2025/26 £36,000 against £27,000 (£36,000 at the plan's full rate for "
            "outsourced homecare "
            "medicines deliveries, with no figure in the log yet; nothing counted for bed days "
            "lost to patients waiting for transport, whose figures are worse than before the "
            "change)"
        ) in line, line
        assert "do not show the change" not in line, line
    request = UpdateRequest(
        facts=facts,
        director="dof",
        out=tmp_path / "update",
        today=TODAY,
        period="2026-11",
        locale=locale,
    )
    [path] = write_update(request).written
    text = docx_text(path)
    assert update in text, text


CASH = MONEY / "cash-not-the-trusts.yaml"


def _cash_line(tmp: Path, facts: Path, locale: str) -> str:
    request = BriefRequest(
        facts=facts, director="dof", out=tmp / locale, today=TODAY, locale=locale
    )
    [path] = write_brief(request).written
    start = "At 2026/27 prices" if locale == "en_GB" else "Ym mhrisiau 2026/27"
    [line] = [line for line in docx_text(path).splitlines() if line.startswith(start)]
    return line


@pytest.mark.parametrize(
    ("locale", "own", "apart"),
    [
        (
            "en_GB",
            "cash for the financial plan: £210,000 a year (600 more patients a year, 40 fewer "
            "concentrators a year and 1,200 more visits a year).",
            "Not the trust's cash: £100,000 a year from GP prescribing spend on inhalers in "
            "primary care, which is the ICB's budget.",
        ),
        (
            "cy_GB",
            "arian parod i'r cynllun ariannol: £210,000 y flwyddyn",
            "Nid arian parod yr ymddiriedolaeth: £100,000 y flwyddyn o “GP prescribing spend on "
            "inhalers in primary care”, sydd yng nghyllideb y bwrdd gofal integredig.",
        ),
    ],
)
def test_an_icbs_spend_is_not_the_trusts_cash(
    tmp_path: Path, locale: str, own: str, apart: str
) -> None:
    # £100,000 less GP prescribing is the ICB's allocation ('whose budget' in
    # recast/measures.yaml): it read as £310,000 of the trust's cash. The other three are the
    # trust's: fewer concentrators bought, and the two the lead marks 'releases: cash'.
    line = _cash_line(tmp_path, CASH, locale)
    assert own in line, line
    assert apart in line, line
    assert "£310,000" not in line, line


def test_more_activity_is_not_cash_unless_the_lead_says_it_earns(tmp_path: Path) -> None:
    # The clinic's 600 more patients a year, with no 'releases:' and 'outsourced' in its name
    # (which makes its money cash by default), is more activity, not less spending: it is
    # said apart, as saves_for_budget holds it back from a CIP.
    text = CASH.read_text(encoding="utf-8")
    old = "  measure: Patients seen in the community respiratory clinic\n"
    assert old in text
    text = text.replace(old, "  measure: Patients seen in the outsourced respiratory clinic\n")
    clinic = "    source: Clinic cost\n    price_year: 2026/27\n  releases: cash\n"
    assert clinic in text
    text = text.replace(clinic, "    source: Clinic cost\n    price_year: 2026/27\n")
    facts = tmp_path / "more.yaml"
    facts.write_text(text, encoding="utf-8")
    line = _cash_line(tmp_path, facts, "en_GB")
    assert (
        "cash for the financial plan: £120,000 a year (40 fewer concentrators a year and " in line
    ), line
    assert (
        "Not cash for the trust's plan: £90,000 a year from patients seen in the outsourced "
        "respiratory clinic, which is more activity, not less spending, unless it earns income."
    ) in line, line
