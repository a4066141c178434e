"""What newuser28 (and newuser27 #5) found in quarterly updates, and how they read now.

The project in ``tests/data/fixnew28`` is a hospital at home service for
flare-ups of COPD that started in April 2026: monthly figures from January
2025 in a measures spreadsheet (``log.xlsx``), words for 2026-Q2 and 2026-Q3
in the progress log, ``cadence: quarter``. Each test runs the command as a lead
would and reads back the document's text.

#1: with the lead's words logged for a quarter, the update reported the
quarter's last month ("96 admissions (June 2026)") where the draft without
them reported the quarter ("308 admissions (April to June 2026)").
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from documenttext import document_text
from fixedday import pin_today

Cli = Callable[..., Result]

PROJECT = Path(__file__).parent / "data" / "fixnew28"
TODAY = dt.date(2026, 12, 6)

ADMISSIONS = "Emergency admissions for a flare-up of COPD"
STAY = "Average length of stay for patients admitted with a flare-up of COPD"
SEEN = "Referrals to the respiratory team seen at home on the day"


@pytest.fixture(autouse=True)
def _fixed_day(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every command writes on 6 December 2026, with figures logged to November."""
    pin_today(monkeypatch, TODAY)


def project(folder: Path, facts: str | None = None) -> Path:
    """The project copied into ``folder``; ``facts`` replaces its facts file's text."""
    for name in ("facts.yaml", "log.xlsx", "team.csv"):
        shutil.copy(PROJECT / name, folder / name)
    if facts is not None:
        (folder / "facts.yaml").write_text(facts, encoding="utf-8")
    return folder / "facts.yaml"


def without_updates(text: str) -> str:
    """The facts file's text with no ``updates:`` (the draft a lead starts from)."""
    head, rest = text.split("updates:\n", 1)
    return head + "settings:" + rest.split("settings:", 1)[1]


def update(
    cli: Cli, folder: Path, *extra: str, director: str = "coo", facts: str | None = None
) -> tuple[Result, str]:
    path = project(folder, facts)
    out = folder / "update.docx"
    result = cli(
        "update", str(path), "-d", director, "--directors", str(folder / "team.csv"),
        "-o", str(out), "--force", *extra,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return result, " ".join(document_text(out.read_bytes()).split())


QUARTER_ROW = (
    "| 360 admissions a quarter | 240 admissions a quarter | "
    "308 admissions (April to June 2026) | 43% of the way to target |"
)


def test_the_finished_quarterly_update_reports_the_quarter(cli: Cli, tmp_path: Path) -> None:
    result, text = update(cli, tmp_path, "--period", "2026-Q2")
    # 110 + 102 + 96 = 308 against 3 × 120 = 360 and a target of 240: (360 − 308) / 120.
    assert QUARTER_ROW in text, text
    assert "96 admissions (June 2026)" not in text
    # The length of stay is averaged over the quarter: (6.2 + 6.0 + 5.8) / 3.
    assert "6.0 days (average, April to June 2026)" in text
    # The lead's words are still the log's.
    assert "Hospital at home running on weekdays; weekend cover starts in July" in text
    assert "14 respiratory nurses trained in remote monitoring" in text
    assert (
        "The update for April to June 2026 takes its figures from the measures "
        "spreadsheet's 3 months and its words from the progress log's entry." in result.output
    )


def test_the_draft_and_the_finished_update_report_the_same_figures(
    cli: Cli, tmp_path: Path
) -> None:
    facts = without_updates((PROJECT / "facts.yaml").read_text(encoding="utf-8"))
    _, draft = update(cli, tmp_path, "--period", "2026-Q2", facts=facts)
    _, final = update(cli, tmp_path, "--period", "2026-Q2")
    assert QUARTER_ROW in draft
    assert QUARTER_ROW in final
    # 3 × 120.07 − 308 = 52.2 fewer, in both.
    assert "52 admissions fewer than before the change" in draft
    assert "52 admissions fewer than before the change" in final


def test_the_welsh_quarterly_update_reports_the_quarter(cli: Cli, tmp_path: Path) -> None:
    result, text = update(cli, tmp_path, "--period", "2026-Q2", "--locale", "cy_GB")
    assert "308 derbyniad (Ebrill i Fehefin 2026)" in text, text
    assert "(Mehefin 2026)" not in text
    assert "Mae'r diweddariad ar gyfer Ebrill i Fehefin 2026 yn cymryd ei ffigurau" in result.output


def test_a_figure_the_log_gives_for_the_quarter_stands(cli: Cli, tmp_path: Path) -> None:
    """An entry with a figure of its own keeps it; the spreadsheet's months fill the rest."""
    text = (PROJECT / "facts.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "    summary: Hospital at home running on weekdays; weekend cover starts in July\n",
        "    summary: Hospital at home running on weekdays; weekend cover starts in July\n"
        "    measures: {copd-admissions: 300}\n",
    )
    _, final = update(cli, tmp_path, "--period", "2026-Q2", facts=text)
    assert "300 admissions (April to June 2026)" in final, final
    assert "6.0 days (average, April to June 2026)" in final


# #2 (and newuser27 #5): "Since the last update (January to March 2026)" on the first
# update, where January to March were only the baseline months before the change.


def test_the_first_update_has_no_since_the_last_update(cli: Cli, tmp_path: Path) -> None:
    for locale, heading in ((None, "Since the"), ("cy_GB", "Ers y diweddariad diwethaf")):
        _, text = update(
            cli, tmp_path, "--period", "2026-Q2", *(["--locale", locale] if locale else [])
        )
        assert heading not in text, text
        assert "January to March 2026" not in text
        assert "Ionawr i Fawrth 2026" not in text


def test_the_second_update_compares_with_the_first(cli: Cli, tmp_path: Path) -> None:
    _, text = update(cli, tmp_path, "--period", "2026-Q3")
    said = text.split("Headline", 1)[1].split("Progress on each measure", 1)[0]
    assert "Since the last update (April to June 2026)" in said, said
    assert f"{ADMISSIONS}: new on the chart: trend: 7 months falling (improvement)." in said
    _, welsh = update(cli, tmp_path, "--period", "2026-Q3", "--locale", "cy_GB")
    assert "Ers y diweddariad diwethaf (Ebrill i Fehefin 2026)" in welsh, welsh


MONTHLY = """
updates:
  - period: 2026-07
    date: 2026-08-06
    status: green
    summary: Weekend cover started
    done: [Weekend cover from July]
  - period: 2026-08
    date: 2026-09-04
    status: green
    summary: Referrals steady through the summer
    done: [Audit of the first 100 patients]
  - period: 2026-10
    date: 2026-11-05
    status: green
    summary: Ambulance crews now refer directly
    done: [Direct referral from ambulance crews]

settings:
  locale: en_GB
"""


def test_a_lost_months_update_is_named(cli: Cli, tmp_path: Path) -> None:
    """Monthly updates for July, August and October: October's compares with August's."""
    facts = (PROJECT / "facts.yaml").read_text(encoding="utf-8").split("updates:\n", 1)[0]
    _, text = update(cli, tmp_path, "--period", "2026-10", facts=facts + MONTHLY)
    assert "Since the last update (August 2026; none for September 2026)" in text, text
    _, welsh = update(
        cli, tmp_path, "--period", "2026-10", "--locale", "cy_GB", facts=facts + MONTHLY
    )
    assert "Ers y diweddariad diwethaf (Awst 2026; dim un ar gyfer Medi 2026)" in welsh, welsh
    # July's update is the first: nothing before it to compare with.
    _, july = update(cli, tmp_path, "--period", "2026-07", facts=facts + MONTHLY)
    assert "Since the" not in july
