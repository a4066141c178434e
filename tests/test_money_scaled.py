"""Money in thousands or millions of pounds is read as the amount it is (fixmoney19).

A finance lead writes spend as ``unit: £k`` (400 meaning £400,000) or ``£m``.
Each test runs pitchkit as a user would and reads the text back; the figures
are worked out here by hand: 400 £k is £400,000, 0.47 £m is £470,000.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from docchecks import docx_text
from pitchkit.cli import app
from pitchkit.pounds import is_foreign_money, pounds_scale

FRAILTY = (
    Path(__file__).resolve().parent.parent / "examples" / "frailty-virtual-ward" / "facts.yaml"
)

SUPPLEMENTS = """\
impacts:
  - id: drugs-spend
    measure: Spend on oral nutritional supplements
    unit: "{unit}"
    per: year
    baseline: {baseline}
    target: {target}
    better: lower
    source: Pharmacy ledger 2025/26
"""
AGENCY = """\
impacts:
  - id: agency-spend
    measure: Agency nurse spend on the frailty wards
    unit: "{unit}"
    per: month
    baseline: {baseline}
    target: {target}
    better: lower
    source: Finance ledger 2025/26
"""
#: Agency spend logged for the first three months of the demo's log, in £m.
LOGGED = {"2027-01": 0.58, "2027-02": 0.52, "2027-03": 0.47}


def frailty_with(tmp_path: Path, impact: str, name: str = "facts.yaml") -> Path:
    """The demo's facts with ``impact`` first among its impacts."""
    text = FRAILTY.read_text(encoding="utf-8")
    assert text.count("impacts:\n") == 1
    path = tmp_path / name
    path.write_text(text.replace("impacts:\n", impact), encoding="utf-8")
    return path


def agency(tmp_path: Path, name: str, *, millions: bool, logged: bool = True) -> Path:
    """The demo with agency spend in £m (or in £), its figures in the log if ``logged``."""
    factor = 1 if millions else 1_000_000
    unit = "£m" if millions else "£"
    impact = AGENCY.format(unit=unit, baseline=0.6 * factor, target=0.4 * factor)
    path = frailty_with(tmp_path, impact, name)
    text = path.read_text(encoding="utf-8")
    for period, value in LOGGED.items():
        figure = value if millions else round(value * factor)
        pattern = rf"(  - period: {period}\n(?:    .*\n|      .*\n)*?    measures: \{{)"
        text, count = re.subn(pattern, rf"\g<1>agency-spend: {figure}, ", text, count=1)
        assert count == 1
    if not logged:
        text = re.sub(r"agency-spend: [0-9.]+, ", "", text)
    path.write_text(text, encoding="utf-8")
    return path


def unit_line(facts: Path) -> int:
    """The line of the first impact's ``unit:`` in ``facts``."""
    lines = facts.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith("    unit: "))


def run(*args: str | Path) -> str:
    result = CliRunner().invoke(app, [str(arg) for arg in args])
    assert result.exit_code == 0, result.output
    return result.output


def update_text(facts: Path, out: Path, *more: str | Path) -> str:
    run("update", facts, "-d", "dof", "-p", "2027-03", "-o", out, "-f", *more)
    return docx_text(out)


@pytest.mark.parametrize(
    ("unit", "scale"),
    [
        ("£", 1),
        ("GBP", 1),
        ("pounds", 1),
        ("£k", 1_000),
        ("£K", 1_000),
        ("£000", 1_000),
        ("£000s", 1_000),
        ("£'000", 1_000),
        ("(£000s)", 1_000),
        ("£ thousands", 1_000),
        ("thousands of pounds", 1_000),
        ("GBP k", 1_000),
        ("£m", 1_000_000),
        ("£mn", 1_000_000),
        ("£ millions", 1_000_000),
        ("GBP m", 1_000_000),
        ("millions of pounds", 1_000_000),
        ("£ per bed day", None),
        ("£ per patient", None),
        ("bed days", None),
        ("km", None),
    ],
)
def test_a_unit_in_pounds_says_how_many_pounds_it_is(unit: str, scale: float | None) -> None:
    assert pounds_scale(unit) == scale
    assert not is_foreign_money(unit)


@pytest.mark.parametrize("unit", ["€", "€k", "$m", "EUR", "USD", "euros", "dollars"])
def test_another_currency_is_known(unit: str) -> None:
    assert is_foreign_money(unit)
    assert pounds_scale(unit) is None


def test_a_brief_in_thousands_of_pounds_gives_the_pounds(tmp_path: Path) -> None:
    facts = frailty_with(tmp_path, SUPPLEMENTS.format(unit="£k", baseline=400, target=300))
    output = run("brief", facts, "-d", "dof", "-o", tmp_path / "k.docx")
    text = " ".join(docx_text(tmp_path / "k.docx").split())
    assert "from £400,000 to £300,000 a year: £100,000 less a year, a 25% reduction" in text
    assert "0.7% of your £14m target" in text  # £100,000 of £14,000,000
    assert "cash for the financial plan: £100,000 a year" in text
    assert "400 £k" not in text
    assert "£0 a year" not in text
    # Said once, as a note, not a warning.
    assert (
        "note: The figures of 'Spend on oral nutritional supplements' are read as £k: "
        "400 is £400,000." in " ".join(output.split())
    )
    # The same impact written in pounds gives the same note.
    pounds = frailty_with(
        tmp_path, SUPPLEMENTS.format(unit="£", baseline=400000, target=300000), "p.yaml"
    )
    run("brief", pounds, "-d", "dof", "-o", tmp_path / "p.docx")
    assert docx_text(tmp_path / "p.docx") == docx_text(tmp_path / "k.docx")


def test_an_update_in_millions_of_pounds_reads_its_log_in_pounds(tmp_path: Path) -> None:
    millions = update_text(agency(tmp_path, "m.yaml", millions=True), tmp_path / "m.docx")
    pounds = update_text(agency(tmp_path, "p.yaml", millions=False), tmp_path / "p.docx")
    assert millions == pounds
    assert "£600,000 a month\n£400,000 a month\n£470,000 (March 2027)" in millions
    assert "£m" not in millions


def test_a_measures_sheet_in_millions_of_pounds_is_read_in_pounds(tmp_path: Path) -> None:
    sheet = tmp_path / "figures.csv"
    rows = [f"{period},agency-spend,{value}" for period, value in LOGGED.items()]
    sheet.write_text("period,measure,value\n" + "\n".join(rows) + "\n", encoding="utf-8")
    facts = agency(tmp_path, "m.yaml", millions=True, logged=False)
    assert "agency-spend: 0" not in facts.read_text(encoding="utf-8")
    from_sheet = update_text(facts, tmp_path / "sheet.docx", "--measures", sheet)
    logged = update_text(agency(tmp_path, "p.yaml", millions=False), tmp_path / "p.docx")
    assert from_sheet == logged
    assert "£470,000 (March 2027)" in from_sheet
    # The facts file's £m figure and the sheet's agree once both are pounds: no conflict.
    both = agency(tmp_path, "both.yaml", millions=True)
    output = run("update", both, "-d", "dof", "-p", "2027-03", "-o", tmp_path / "b.docx",
                 "--measures", sheet)  # fmt: skip
    assert "the facts file's figure is used" not in output


def test_a_sheet_figure_in_pounds_for_an_impact_in_millions_is_refused(tmp_path: Path) -> None:
    """'£470,000' beside a £m impact would be multiplied again (£470bn): it is asked instead."""
    sheet = tmp_path / "figures.csv"
    sheet.write_text(
        'period,measure,value\n2027-01,agency-spend,0.58\n2027-02,agency-spend,"£470,000"\n',
        encoding="utf-8",
    )
    facts = agency(tmp_path, "m.yaml", millions=True, logged=False)
    result = CliRunner().invoke(
        app,
        ["update", str(facts), "-d", "dof", "-p", "2027-02", "-o", str(tmp_path / "u.docx"),
         "--measures", str(sheet)],
    )  # fmt: skip
    assert result.exit_code == 1
    said = " ".join(result.output.split())
    assert (
        "'£470,000' is written in pounds, but the facts file counts agency-spend in £m: "
        "write the figure in £m, without '£'"
    ) in said
    assert f"{sheet}" in said
    assert not (tmp_path / "u.docx").exists()


def test_a_unit_in_another_currency_is_refused_where_it_is(tmp_path: Path) -> None:
    facts = frailty_with(tmp_path, SUPPLEMENTS.format(unit="€k", baseline=400, target=300))
    result = CliRunner().invoke(app, ["brief", str(facts), "-d", "dof", "-o", str(tmp_path)])
    assert result.exit_code == 1
    output = " ".join(result.output.split())
    assert (
        f"{facts}:{unit_line(facts)}:11: impacts[0].unit: pitchkit's notes are in pounds "
        "sterling, so '€k' cannot be used: convert the figures to pounds and write 'unit: £'"
    ) in output
    assert not list(tmp_path.glob("*.docx"))


def test_check_says_how_a_scaled_impact_is_read(tmp_path: Path) -> None:
    facts = frailty_with(tmp_path, SUPPLEMENTS.format(unit="£000s", baseline=400, target=300))
    output = " ".join(run("check", facts, "-d", "dof").split())
    assert (
        "money-scaled: The figures of 'Spend on oral nutritional supplements' are read as "
        "£000s: 400 is £400,000."
    ) in output
    assert f"where: {facts}:{unit_line(facts)}:11" in output
    logged = agency(tmp_path, "m.yaml", millions=True)
    assert (
        "agency-spend) has 'unit: £m', so its baseline, target and logged figures are "
        "multiplied by 1,000,000 into pounds" in " ".join(run("check", logged, "-d", "dof").split())
    )
    # An impact already in pounds has no such note.
    pounds = agency(tmp_path, "p.yaml", millions=False)
    assert "money-scaled" not in run("check", pounds, "-d", "dof")


def test_an_objective_target_in_millions_of_pounds_is_the_same_target(tmp_path: Path) -> None:
    impact = SUPPLEMENTS.format(unit="£k", baseline=400, target=300)
    facts = frailty_with(tmp_path, impact)
    run("brief", facts, "-d", "dof", "-o", tmp_path / "gbp.docx")
    text = facts.read_text(encoding="utf-8")
    assert text.count("target: {value: 14000000, unit: GBP}") == 1
    facts.write_text(text.replace("{value: 14000000, unit: GBP}", '{value: 14, unit: "£m"}'))
    run("brief", facts, "-d", "dof", "-o", tmp_path / "m.docx")
    written = docx_text(tmp_path / "m.docx")
    assert written == docx_text(tmp_path / "gbp.docx")
    assert "0.7% of your £14m target" in " ".join(written.split())
