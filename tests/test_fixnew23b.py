"""A weekly measure logged month by month, a % on a count, and the period an update is for.

newuser23 #1, #5, #8. Each test runs the command line as a ward sister would and
reads back what it says and what the update's table holds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from typer.testing import Result

Cli = Callable[..., Result]

TODAY = dt.date(2026, 12, 6)
MONTHS = [f"2026-{month:02d}" for month in range(1, 12)]

FACTS = """\
project:
  title: Patients giving their own medicines on surgical wards
  organisation: Northfield Hospitals NHS Foundation Trust
  lead: {{name: Grace Adeyemi, role: Ward Sister}}
  problem: Drug rounds take a registered nurse off the floor each morning.
  change: Patients who are able give their own doses from a locked bedside locker.
  start: 2026-01-05
  end: 2027-12-31
impacts:
  - id: drug-round-time
    measure: Registered nurse time spent on morning drug rounds
    unit: hours
    per: {per}
{logged}    baseline: {baseline}
    target: {target}
    better: lower
    supports: [cn.time-to-care]
directors:
  - id: cn
    name: Margaret Oduya
    role: Chief Nurse
    objectives:
      - {{id: time-to-care, text: Release time to care for registered nurses}}
updates:
{updates}"""

WEEKLY = [208, 205, 200, 195, 190, 182, 180, 176, 172, 170, 170]


def write_facts(
    folder: Path,
    figures: list[float],
    *,
    per: str = "week",
    logged: str | None = None,
    baseline: str = "210",
    target: str = "150",
) -> Path:
    entries = "".join(
        f"  - {{period: {period}, status: green, measures: {{drug-round-time: {value}}}}}\n"
        for period, value in zip(MONTHS, figures, strict=False)
    )
    text = FACTS.format(
        per=per,
        logged=f"    logged: {logged}\n" if logged else "",
        baseline=baseline,
        target=target,
        updates=entries,
    )
    path = folder / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("pitchkit.api.update.written_on", lambda: TODAY)


def document_text(path: Path) -> str:
    document = docx.Document(str(path))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines += [" | ".join(cell.text for cell in row.cells) for row in table.rows]
    return "\n".join(lines)


def test_weekly_figures_in_a_monthly_log_are_refused_with_the_one_line_fix(
    cli: Cli, tmp_path: Path
) -> None:
    facts = write_facts(tmp_path, WEEKLY)
    out = tmp_path / "update.docx"
    result = cli("update", str(facts), "-d", "cn", "--out", str(out))
    assert result.exit_code == 1
    assert not out.exists()
    [line] = result.stderr.splitlines()
    assert line.startswith(f"error: {facts}:")
    assert (
        "the figures logged for 'Registered nurse time spent on morning drug rounds' look like "
        "a week's figures (208 for January 2026, where the baseline and target give about 650 "
        "to 910): if they are, add 'logged: week' to the impact; if not, log each period's "
        "whole figure. Nothing was written"
    ) in line


def test_check_names_the_weekly_figures_and_the_logged_field(cli: Cli, tmp_path: Path) -> None:
    facts = write_facts(tmp_path, WEEKLY)
    result = cli("check", str(facts), "-d", "cn")
    text = " ".join(result.stdout.split())
    assert "looks like a week's figure" in text
    assert "say so on the impact ('logged: week') and pitchkit scales them to the period" in text


def test_logged_week_scales_the_figures_and_says_so_in_the_table(cli: Cli, tmp_path: Path) -> None:
    facts = write_facts(tmp_path, WEEKLY, logged="week")
    out = tmp_path / "update.docx"
    result = cli("update", str(facts), "-d", "cn", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    text = document_text(out)
    assert "910 hours a month (210 a week)" in text
    assert "650 hours a month (150 a week)" in text
    assert "(November 2026), logged as 170 a week" in text
    # (210 × 11 − 2,048) hours a week × 52 / 12 = 1,135: not 11 × 910 − 2,048 = 7,962.
    assert "1,135 hours fewer than at the baseline rate" in text
    assert "met in" not in text
    check = cli("check", str(facts), "-d", "cn")
    assert "logged-period" not in check.stdout


@pytest.mark.parametrize("written", ["per week", "a week", "Week"])
def test_logged_takes_the_words_a_lead_writes(cli: Cli, tmp_path: Path, written: str) -> None:
    facts = write_facts(tmp_path, WEEKLY, logged=written)
    out = tmp_path / "u.docx"
    result = cli("update", str(facts), "-d", "cn", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert "910 hours a month (210 a week)" in document_text(out)


def test_logged_without_per_is_an_error_at_its_line(cli: Cli, tmp_path: Path) -> None:
    facts = write_facts(tmp_path, WEEKLY, logged="week")
    text = facts.read_text(encoding="utf-8").replace("    per: week\n", "")
    facts.write_text(text, encoding="utf-8")
    result = cli("brief", str(facts), "-d", "cn", "--out", str(tmp_path / "b.docx"))
    assert result.exit_code == 1
    assert "logged: week needs per" in result.stderr


@pytest.mark.parametrize(
    ("per", "baseline", "target", "figures"),
    [
        # Month totals of a weekly rate, falling 45% after the change: a success.
        ("week", "210", "150", [905, 900, 880, 600, 520, 500, 505, 498, 500, 495, 500]),
        # A fall of a third from the first month.
        ("week", "210", "150", [910, 610, 600, 606, 610, 600, 598, 605, 600, 610, 600]),
        # A yearly rate logged as month totals, falling 40%.
        ("year", "2400", "1800", [200, 195, 120, 125, 118, 120, 121, 119, 120, 122, 120]),
    ],
)
def test_a_real_step_change_is_no_unit_mistake(
    cli: Cli, tmp_path: Path, per: str, baseline: str, target: str, figures: list[float]
) -> None:
    facts = write_facts(tmp_path, figures, per=per, baseline=baseline, target=target)
    out = tmp_path / "update.docx"
    result = cli("update", str(facts), "-d", "cn", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert "look like" not in result.stderr
    check = cli("check", str(facts), "-d", "cn")
    assert "logged-period" not in check.stdout


def test_one_stray_weekly_figure_is_left_to_the_check(cli: Cli, tmp_path: Path) -> None:
    figures = [905, 900, 880, 870, 860, 850, 840, 830, 200, 820, 810]
    facts = write_facts(tmp_path, figures)
    result = cli("update", str(facts), "-d", "cn", "--out", str(tmp_path / "u.docx"))
    assert result.exit_code == 0, result.stderr
    check = cli("check", str(facts), "-d", "cn")
    assert "logged-period" in check.stdout


def test_a_percentage_on_a_count_is_an_error_with_the_fix(cli: Cli, tmp_path: Path) -> None:
    facts = write_facts(tmp_path, WEEKLY, baseline="120%")
    result = cli("brief", str(facts), "-d", "cn", "--out", str(tmp_path / "b.docx"))
    assert result.exit_code == 1
    text = facts.read_text(encoding="utf-8")
    line = text[: text.index("120%")].count("\n") + 1
    assert result.stderr.splitlines() == [
        f"error: {facts}:{line}:15: impacts[0].baseline: 120% is a percentage, but the unit is "
        "hours: write the number of hours (120), or make the unit '%'"
    ]


def test_a_percentage_on_a_percentage_unit_is_still_read(cli: Cli, tmp_path: Path) -> None:
    facts = write_facts(tmp_path, [50, 48, 45], per="week")
    text = facts.read_text(encoding="utf-8")
    text = text.replace("unit: hours\n    per: week\n", "unit: '%'\n")
    text = text.replace("baseline: 210", "baseline: 52%").replace("target: 150", "target: 35%")
    facts.write_text(text, encoding="utf-8")
    result = cli("brief", str(facts), "-d", "cn", "--out", str(tmp_path / "b.docx"))
    assert result.exit_code == 0, result.stderr


def test_an_update_for_an_earlier_period_names_the_unlogged_one(cli: Cli, tmp_path: Path) -> None:
    facts = write_facts(tmp_path, WEEKLY[:10], logged="week")  # January to October
    out = tmp_path / "update.docx"
    result = cli("update", str(facts), "-d", "cn", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    said = " ".join(result.stderr.split())
    assert (
        "warning: November 2026 has no figures in the progress log yet: this update is for "
        "October 2026; add the figures for November 2026 to the log, or pass --period 2026-10 "
        "to keep October 2026"
    ) in said
    again = cli("update", str(facts), "-d", "cn", "-p", "2026-10", "--out", str(out), "--force")
    assert "has no figures in the progress log yet" not in again.stderr


def test_the_new_messages_are_in_welsh(cli: Cli, tmp_path: Path) -> None:
    facts = write_facts(tmp_path, WEEKLY)
    result = cli("update", str(facts), "-d", "cn", "--locale", "cy", "--out", str(tmp_path / "u"))
    assert result.exit_code == 1
    assert "yn edrych fel ffigurau wythnos" in result.stderr
    assert "ychwanegwch 'logged: week' at yr effaith" in result.stderr


def test_a_batch_of_updates_is_refused_alike(cli: Cli, tmp_path: Path) -> None:
    facts = write_facts(tmp_path, WEEKLY)
    out = tmp_path / "pack"
    result = cli("batch", str(facts), "--kind", "update", "--out", str(out))
    assert result.exit_code == 1
    assert "add 'logged: week' to the impact" in result.stderr
    assert not list(out.glob("*.docx"))


def test_figures_like_a_longer_periods_are_left_to_the_check(cli: Cli, tmp_path: Path) -> None:
    # 2,400 a year is 200 a month: figures of about 2,400 in each month look like a year's,
    # but a rise that size may be real or another count, so the update is written.
    figures = [2400, 2380, 2350, 2300, 2310, 2290, 2280, 2270, 2260, 2250, 2240]
    facts = write_facts(tmp_path, figures, per="year", baseline="2400", target="1800")
    result = cli("update", str(facts), "-d", "cn", "--out", str(tmp_path / "u.docx"))
    assert result.exit_code == 0, result.stderr
    check = cli("check", str(facts), "-d", "cn")
    assert "looks like a year's figure" in " ".join(check.stdout.split())
