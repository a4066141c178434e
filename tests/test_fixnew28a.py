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
    assert "52 admissions fewer between April and June 2026 than before the change" in draft
    assert "52 admissions fewer between April and June 2026 than before the change" in final


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
    # The trend counts only its months from the change in April on (newuser36 #1): April to
    # September fall 6 times, where an XmR trend needs 7, so there is no trend to be new (it
    # read "the chart now shows a trend of 7 months falling (improvement), new since the last
    # update", counting March's 122 before the change). The chart shows the change by its
    # points below the lower limit from May, already there at the last update.
    assert "trend of 7 months falling" not in said
    assert (
        f"{ADMISSIONS}: the lowest figure yet (262 admissions in July to September 2026)." in said
    )
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


# #3: NHS financial quarters. "Q1 2026/27" was refused; "2026-Q1" silently gave January to
# March; "update 2026-Q2" in a file name reads as Q2 of the financial year.


@pytest.mark.parametrize("typed", ["Q1 2026/27", "2026/27 Q1", "2026/27-Q1", "2026-27 Q1"])
def test_a_financial_quarter_is_the_months_it_names(cli: Cli, tmp_path: Path, typed: str) -> None:
    path = project(tmp_path)
    result = cli(
        "update", str(path), "-d", "coo", "--directors", str(tmp_path / "team.csv"),
        "--period", typed, "-o", str(tmp_path / "out"),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    (written,) = (tmp_path / "out").iterdir()
    assert (
        written.name == "Hospital at home for COPD flare-ups - update 2026-27 Q1 - Helen Marsh.docx"
    )
    text = " ".join(document_text(written.read_bytes()).split())
    assert "progress update April to June 2026" in text
    assert "308 admissions (April to June 2026)" in text
    assert "calendar quarter" not in result.stderr


def test_the_fourth_financial_quarter_is_january_to_march(cli: Cli, tmp_path: Path) -> None:
    from pitchkit.period import financial_quarter

    fourth = financial_quarter("Q4 2026/27")
    assert fourth is not None
    assert fourth.text == "2027-Q1"
    path = project(tmp_path)
    result = cli(
        "update", str(path), "-d", "coo", "--directors", str(tmp_path / "team.csv"),
        "--period", "Q4 2026/27", "-o", str(tmp_path / "out"),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    (written,) = (tmp_path / "out").iterdir()
    assert "update 2026-27 Q4" in written.name
    assert "January to March 2027" in " ".join(document_text(written.read_bytes()).split())


def test_a_calendar_quarter_says_which_months_it_is(cli: Cli, tmp_path: Path) -> None:
    path = project(tmp_path)
    args = ("update", str(path), "-d", "coo", "--directors", str(tmp_path / "team.csv"))
    result = cli(*args, "--period", "2026-Q1", "-o", str(tmp_path / "q1.docx"))
    assert result.exit_code == 0, result.output
    assert (
        "warning: --period 2026-Q1 is the calendar quarter January to March 2026 (Q4 2025/26); "
        "for Q1 2026/27, April to June 2026, write --period 'Q1 2026/27'" in result.stderr
    ), result.stderr
    welsh = cli(
        *args, "--period", "2026-Q1", "-o", str(tmp_path / "q1cy.docx"), "--locale", "cy_GB"
    )
    assert (
        "mae --period 2026-Q1 yn chwarter calendr, Ionawr i Fawrth 2026 (Q4 2025/26); ar gyfer "
        "Q1 2026/27, Ebrill i Fehefin 2026, ysgrifennwch --period 'Q1 2026/27'" in welsh.stderr
    ), welsh.stderr
    # The file keeps the calendar quarter's name.
    default = cli(*args, "--period", "2026-Q3", "-o", str(tmp_path / "out"))
    (written,) = (tmp_path / "out").iterdir()
    assert "update 2026-Q3 - Helen Marsh" in written.name
    assert "(Q2 2026/27)" in default.stderr


def test_a_project_without_money_is_not_warned(cli: Cli, tmp_path: Path) -> None:
    """No funding and no unit cost: nothing is counted by financial year."""
    text = (PROJECT / "facts.yaml").read_text(encoding="utf-8")
    start = text.index("  funding:\n")
    text = text[:start] + text[text.index("\nimpacts:") + 1 :]
    result, _ = update(cli, tmp_path, "--period", "2026-Q2", facts=text)
    assert "calendar quarter" not in result.stderr


def test_an_unknown_period_names_the_financial_form(cli: Cli, tmp_path: Path) -> None:
    path = project(tmp_path)
    args = ("update", str(path), "-d", "coo", "--directors", str(tmp_path / "team.csv"))
    result = cli(*args, "--period", "first quarter", "-o", str(tmp_path / "x.docx"))
    assert result.exit_code == 1
    assert "Qn YYYY/YY (Q1 2027/28, an NHS financial quarter: April to June 2027)" in result.stderr
    wrong = cli(*args, "--period", "Q1 2026/28", "-o", str(tmp_path / "x.docx"))
    assert wrong.exit_code == 1
    assert (
        "unknown period 'Q1 2026/28': a financial year runs from April to March, so quarter 1 "
        "of the one starting in April 2026 is written Q1 2026/27" in wrong.stderr
    )
    welsh = cli(*args, "--period", "first quarter", "--locale", "cy_GB")
    assert "chwarter ariannol y GIG: Ebrill i Fehefin 2027" in welsh.stderr


def test_a_batch_of_updates_names_the_financial_quarter(cli: Cli, tmp_path: Path) -> None:
    path = project(tmp_path)
    result = cli(
        "batch", str(path), "--kind", "update", "--directors", str(tmp_path / "team.csv"),
        "--period", "Q2 2026/27", "--out", str(tmp_path / "out"),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "out").glob("*.docx"))
    assert names, result.output
    assert all(" update 2026-27 Q2 - " in name for name in names), names


# #10: with `cadence: quarter`, `update` with no --period wrote November's monthly draft
# ("Next update 7 March 2027") where the team reports by quarter.


def test_a_quarterly_project_updates_on_its_latest_quarter_by_default(
    cli: Cli, tmp_path: Path
) -> None:
    result, text = update(cli, tmp_path)
    # Figures to November 2026: October to December is not over on 6 December.
    assert "progress update July to September 2026" in text, text
    assert "262 admissions (July to September 2026)" in text
    assert "(November 2026)" not in text
    # The next update is a quarter after the last one was reported (7 October 2026).
    assert "Next update | 7 January 2027" in text
    assert "July to September 2026" in result.output
    _, welsh = update(cli, tmp_path, "--locale", "cy_GB")
    assert "262 derbyniad (Gorffennaf i Fedi 2026)" in welsh, welsh


def test_a_quarterly_draft_is_the_latest_quarter_too(cli: Cli, tmp_path: Path) -> None:
    facts = without_updates((PROJECT / "facts.yaml").read_text(encoding="utf-8"))
    _, text = update(cli, tmp_path, facts=facts)
    assert "262 admissions (July to September 2026)" in text, text
    assert "[Green, amber or red" in text


def test_a_monthly_project_still_updates_on_its_latest_month(cli: Cli, tmp_path: Path) -> None:
    facts = without_updates((PROJECT / "facts.yaml").read_text(encoding="utf-8")).replace(
        "  cadence: quarter\n", "  cadence: month\n"
    )
    _, text = update(cli, tmp_path, facts=facts)
    assert "80 admissions (November 2026)" in text, text


# #7: the brief said "a sustained change, the target met" where the update of the same
# month said "met in November 2026; not yet shown to last". One rule now decides both.


def brief(cli: Cli, folder: Path, director: str, *extra: str) -> str:
    path = project(folder)
    out = folder / f"brief-{director}.docx"
    result = cli(
        "brief", str(path), "-d", director, "--directors", str(folder / "team.csv"),
        "-o", str(out), "--force", *extra,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return " ".join(document_text(out.read_bytes()).split())


def test_the_brief_and_the_update_say_the_target_met_alike(cli: Cli, tmp_path: Path) -> None:
    # Length of stay: 5.1 days in October, 5.0 (the target) in November, first time met.
    text = brief(cli, tmp_path, "md")
    assert (
        "So far 5.0 days in November 2026: a sustained change since April 2026; the target "
        "met in November 2026, not yet shown to last." in text
    ), text
    assert "the target met." not in text
    _, update_text = update(cli, tmp_path, "--period", "2026-11", director="md")
    assert (
        "| 5.0 days (November 2026) | met in November 2026; not yet shown to last |" in update_text
    ), update_text
    # A count: 80 admissions in November, the target, first time.
    coo = brief(cli, tmp_path, "coo")
    assert (
        "So far 229 fewer admissions, April to November 2026; the target met in November "
        "2026, not yet shown to last." in coo
    ), coo


def test_the_welsh_brief_says_it_too(cli: Cli, tmp_path: Path) -> None:
    text = brief(cli, tmp_path, "md", "--locale", "cy_GB")
    assert (
        "newid parhaus ers Ebrill 2026; y targed wedi'i gyrraedd ym mis Tachwedd 2026, heb ei "
        "ddangos eto ei fod yn para." in text
    ), text


def test_a_target_met_two_months_running_is_met_since_the_first(cli: Cli, tmp_path: Path) -> None:
    import openpyxl

    path = project(tmp_path)
    book = openpyxl.load_workbook(tmp_path / "log.xlsx")
    sheet = book.active
    assert sheet is not None
    for row in sheet.iter_rows(min_row=3):
        if row[0].value is not None and (row[0].value.year, row[0].value.month) == (2026, 10):
            row[2].value = 4.9  # October's length of stay at the target too
    book.save(tmp_path / "log.xlsx")
    out = tmp_path / "md.docx"
    args = ("-d", "md", "--directors", str(tmp_path / "team.csv"), "--force")
    assert cli("brief", str(path), *args, "-o", str(out)).exit_code == 0
    text = " ".join(document_text(out.read_bytes()).split())
    assert "the target met since October 2026, not yet shown to last." in text, text
    assert cli("update", str(path), *args, "-p", "2026-11", "-o", str(out)).exit_code == 0
    text = " ".join(document_text(out.read_bytes()).split())
    assert "met since October 2026; not yet shown to last" in text, text


def test_an_entry_with_every_figure_takes_none_from_the_spreadsheet(
    cli: Cli, tmp_path: Path
) -> None:
    text = (PROJECT / "facts.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "    summary: Hospital at home running on weekdays; weekend cover starts in July\n",
        "    summary: Hospital at home running on weekdays; weekend cover starts in July\n"
        "    measures: {copd-admissions: 300, copd-stay: 5.9, seen-same-day: 66}\n",
    )
    result, final = update(cli, tmp_path, "--period", "2026-Q2", facts=text)
    assert "300 admissions (April to June 2026)" in final, final
    assert "from the measures spreadsheet" not in result.output


def test_a_long_gap_between_updates_is_one_stretch(cli: Cli) -> None:
    """newuser21's wound care log: updates for April and November 2026 only.

    Reading the log cut at April (the last update) once crashed the chart's
    limits, with no figure yet from the new level's start; April's own update did too.
    """
    facts = str(Path(__file__).parent / "data" / "newuser21" / "a.yaml")
    april = cli("preview", facts, "-d", "dof", "--kind", "update", "--period", "2026-04")
    assert april.exit_code == 0, april.output
    november = cli("preview", facts, "-d", "dof", "--kind", "update", "--period", "2026-11")
    assert november.exit_code == 0, november.output
    assert "Since the last update (April 2026; none for May to October 2026)" in november.stdout
    welsh = cli(
        "preview", facts, "-d", "dof", "--kind", "update", "--period", "2026-11",
        "--locale", "cy_GB",
    )  # fmt: skip
    assert "Ers y diweddariad diwethaf (Ebrill 2026; dim un ar gyfer Mai – Hydref 2026)" in (
        welsh.stdout
    )
