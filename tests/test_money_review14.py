"""The money words review14 found wrong, rendered and read back (fixrev14).

Both files are tests/data/money/two-impacts-one-young.yaml changed, in a note
of 5 December 2026 at 2026/27 prices (bed days £100, homecare deliveries £20):

- level-year-beside-young.yaml: bed days alternate 210 and 190 against 200
  through 2025/26, so that closed year nets to nothing for a measure whose
  chart shows the change (2026/27 counts it), beside homecare at the plan's
  full rate (£36,000). The year says the level case's words, not "do not
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
            "2025/26 £36,000 for £27,000 (nothing delivered: the log's figures for that year are "
            "no better than the baseline on balance; £36,000 at the plan's full rate for "
            "outsourced homecare medicines deliveries",
            "do not show the change",
        ),
        (
            "cy_GB",
            "2025/26 £36,000 am £27,000 (dim wedi'i gyflawni: nid yw ffigurau'r cofnod cynnydd "
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
            "2024/25 £27,000 for £6,000 (£18,000 delivered; £9,000 at the plan's full rate for "
            "outsourced homecare medicines deliveries, with no figure in the log yet)",
            "Outsourced homecare medicines deliveries: no figure in the log yet, so its money is "
            "forecast at the plan's full rate for now.",
        ),
        (
            "cy_GB",
            "2024/25 £27,000 am £6,000 (£18,000 a gyflawnwyd; £9,000 ar gyfradd lawn y cynllun "
            "ar gyfer “Outsourced homecare medicines deliveries”, heb ffigur yn y cofnod cynnydd "
            "eto)",
            "dim ffigur yn y cofnod cynnydd eto, felly rhagwelir ei arian ar gyfradd lawn y "
            "cynllun am y tro",
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
