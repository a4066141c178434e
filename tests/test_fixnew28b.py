"""newuser28's and newuser27's team sheets, typos and words (fixnew28b).

Each test writes a real spreadsheet with openpyxl, as a PA or lead would, runs
the command line on it and reads back the text a lead sees.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from pitchkit.cli import app

ROOT = Path(__file__).resolve().parent.parent
FRAILTY = ROOT / "examples" / "frailty-virtual-ward" / "facts.yaml"


def run(*args: str | Path) -> Any:
    return CliRunner().invoke(app, [str(a) for a in args])


def said(result: Any) -> str:
    return " ".join(result.output.split())


def numbered_team(path: Path, headings: list[str], rows: list[list[Any]]) -> Path:
    """A PA's sheet: a title row, then id, name, role and the given headings."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Executive team objectives 2026/27 (kept by the CEO's office)"])
    sheet.append(["id", "name", "role", *headings, "BAF risk", "PA notes"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


DOF = ["Deliver the £9.8m efficiency programme", "Cut agency spend by 20%", "Break even"]
COO = ["Cut bed days lost to delays", None, "Reduce ambulance handover delays"]


@pytest.mark.parametrize(
    "headings",
    [
        ["Objective 1", "Objective 2", "Objective 3"],
        ["Objective 1 2026/27", "Objective 2 2026/27", "Objective 3 2026/27"],
        ["Obj 1", "Obj 2", "Obj 3"],
        ["Priority 1", "Priority 2", "Priority 3"],
        ["Objective #1", "Objective #2", "Objective #3"],
    ],
)
def test_numbered_objective_columns_are_one_directors_objectives(
    tmp_path: Path, headings: list[str]
) -> None:
    sheet = numbered_team(
        tmp_path / "team.xlsx",
        headings,
        [
            ["dof", "Martin Shaw", "Director of Finance", *DOF, "BAF 5", None],
            ["coo", "Karen Hollis", "Chief Operating Officer", *COO, "BAF 2", None],
        ],
    )
    result = run("directors", FRAILTY, "--directors", sheet)
    assert result.exit_code == 0, result.output
    text = said(result)
    for objective in [*DOF, COO[0], COO[2]]:
        assert objective in text, text
    assert "was ignored" not in text.replace("column 'BAF risk' was ignored", "")
    assert "usually" not in text  # each director's own objectives, not the role's
    # In the order of the numbers, the blank cell skipped.
    assert text.index(DOF[0]) < text.index(DOF[1]) < text.index(DOF[2])
    assert text.index(COO[0]) < text.index(COO[2])


def test_numbered_columns_read_in_the_order_of_their_numbers(tmp_path: Path) -> None:
    sheet = numbered_team(
        tmp_path / "team.xlsx",
        ["Objective 2", "Objective 1"],
        [["dof", "Martin Shaw", "Director of Finance", DOF[1], DOF[0], None, None]],
    )
    result = run("directors", FRAILTY, "--directors", sheet, "--json")
    assert result.exit_code == 0, result.output
    assert result.output.index(DOF[0]) < result.output.index(DOF[1])


def test_numbered_concerns_are_the_concerns(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["id", "name", "role", "objectives", "Concern 1", "Concern 2"])
    sheet.append(["dof", "Martin Shaw", "Director of Finance", DOF[0], "Cash", "The deficit"])
    book.save(tmp_path / "team.xlsx")
    from pitchkit.facts.directors import load_directors

    loaded = load_directors(tmp_path / "team.xlsx")
    [director] = loaded.directors
    assert director.concerns == ["Cash", "The deficit"]
    assert not loaded.warnings


def test_all_blank_numbered_objectives_name_the_first_column(tmp_path: Path) -> None:
    sheet = numbered_team(
        tmp_path / "team.xlsx",
        ["Objective 1", "Objective 2"],
        [
            ["dof", "Martin Shaw", "Director of Finance", None, None, None, None],
            ["coo", "Karen Hollis", "Chief Operating Officer", COO[0], None, None, None],
        ],
    )
    result = run("directors", FRAILTY, "--directors", sheet)
    assert result.exit_code == 0, result.output
    assert f"{sheet}:row 3: column Objective 1: empty: Martin Shaw's note" in said(result)


def test_a_truly_unknown_column_is_still_refused(tmp_path: Path) -> None:
    sheet = numbered_team(
        tmp_path / "team.xlsx",
        ["Goals"],
        [["dof", "Martin Shaw", "Director of Finance", DOF[0], None, None]],
    )
    result = run("directors", FRAILTY, "--directors", sheet)
    assert result.exit_code == 1
    assert "column 'Goals' is not one pitchkit reads" in said(result)


def test_numbered_priorities_beside_an_objectives_column_are_ignored(tmp_path: Path) -> None:
    sheet = numbered_team(
        tmp_path / "team.xlsx",
        ["objectives", "Priority 1"],
        [["dof", "Martin Shaw", "Director of Finance", DOF[0], "Cash first", None, None]],
    )
    result = run("directors", FRAILTY, "--directors", sheet)
    assert result.exit_code == 0, result.output
    text = said(result)
    assert "column 'Priority 1' was ignored" in text
    assert "Cash first" not in text


# ---------------------------------------------------------------- findings located (#11)


def test_a_finding_about_a_director_from_a_sheet_names_the_sheet_and_row(tmp_path: Path) -> None:
    sheet = numbered_team(
        tmp_path / "team1.xlsx",
        ["Objectives 2026/27"],
        [
            ["dof", "Martin Shaw", "Director of Finance", "\n".join(DOF), None, None],
            ["icb", "Helen Moss", "Convenor, Northern Network", DOF[0], None, None],
        ],
    )
    result = run("check", FRAILTY, "--directors", sheet)
    text = said(result)
    assert "role-unmatched: pitchkit does not recognise Helen Moss's role" in text, text
    assert f"role, so it uses the general lens. where: {sheet}:row 4: column role" in text
    assert "facts.yaml:1:1" not in text
    welsh = said(run("check", FRAILTY, "--directors", sheet, "--locale", "cy_GB"))
    assert f"{sheet}:rhes 4: colofn role" in welsh


def test_a_finding_on_an_objective_from_a_sheet_names_its_row(tmp_path: Path) -> None:
    from pitchkit.advice.review import Review
    from pitchkit.facts.directors import load_directors, with_team
    from pitchkit.facts.schema import load_facts
    from pitchkit.i18n.translation import language

    critical = ROOT / "tests" / "data" / "money" / "critical-care.yaml"
    loaded = load_facts(critical)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["id", "name", "role", "objectives"])
    for director in loaded.facts.directors:
        objectives = "\n".join(o.text for o in director.objectives)
        sheet.append([director.id, director.name, director.role, objectives])
    path = tmp_path / "team.xlsx"
    book.save(path)
    team = load_directors(path)
    loaded = with_team(loaded, team.directors, team.former_ids, team=team, lang="en")
    start = loaded.facts.project.start
    review = Review(loaded, None, lambda: None, today=start, lang=language("en"))
    assert review.where("directors", 0, "objectives", 1) == f"{path}:row 2: column objectives"
    assert review.where("directors", 1) == f"{path}:row 3"
    assert review.where("impacts", 0, "measure").startswith(str(critical))


# ---------------------------------------------------------------- a figure far outside (#6)

DISTRICT = ROOT / "tests" / "data" / "fixnew26"


def district_log(folder: Path, row: int | None = None, value: object = None) -> Path:
    """newuser26's district nursing project and its log, with one figure typed as ``value``."""
    import shutil

    from openpyxl import load_workbook

    for name in ("facts.yaml", "log.xlsx", "team.xlsx"):
        shutil.copy(DISTRICT / name, folder / name)
    if row is not None:
        book = load_workbook(folder / "log.xlsx")
        sheet = book.active
        assert sheet is not None
        sheet.cell(row=row, column=2).value = value
        book.save(folder / "log.xlsx")
    return folder / "facts.yaml"


def test_a_figure_ten_times_the_rest_is_named_as_a_likely_typo(tmp_path: Path) -> None:
    facts = district_log(tmp_path, 14, 2360)  # November's 236, a 0 too many
    team = tmp_path / "team.xlsx"
    warning = (
        f"{tmp_path / 'log.xlsx'}:row 14: column planned-district-nursing: 2,360 for "
        "planned-district-nursing in November 2026 is more than 3 times the largest of its "
        "other figures, baseline and target (431): a typo? It is used as it stands"
    )
    checked = run("check", facts, "--directors", team)
    assert warning in said(checked), said(checked)
    out = tmp_path / "update.docx"
    updated = run(
        "update", facts, "-d", "don", "--directors", team, "-o", out, "--period", "2026-11"
    )
    assert updated.exit_code == 0, updated.output
    assert said(updated).count(warning) == 1
    assert out.exists()  # warned, not refused
    welsh = said(run("check", facts, "--directors", team, "--locale", "cy_GB"))
    assert "mae 2,360 ar gyfer planned-district-nursing (Tachwedd 2026) yn fwy na 3 gwaith" in welsh


def test_a_figure_a_tenth_of_the_rest_is_named_too(tmp_path: Path) -> None:
    facts = district_log(tmp_path, 13, 25)  # October's 251, a figure short
    text = said(run("check", facts, "--directors", tmp_path / "team.xlsx"))
    assert (
        "column planned-district-nursing: 25 for planned-district-nursing in October 2026 is "
        "under a third of the smallest of its other figures, baseline and target (150): a typo?"
    ) in text


def test_the_log_as_kept_gives_no_such_warning(tmp_path: Path) -> None:
    facts = district_log(tmp_path)
    text = said(run("check", facts, "--directors", tmp_path / "team.xlsx"))
    assert "a typo?" not in text


def test_no_bundled_example_or_test_log_has_a_figure_far_outside() -> None:
    from pitchkit.facts.schema import load_facts
    from pitchkit.notes.update.measuresheet import far_outside, load_measures

    checked = 0
    for facts_path in sorted(
        [*ROOT.glob("examples/**/*.yaml"), *ROOT.glob("tests/data/**/*.yaml")]
    ):
        try:
            facts = load_facts(facts_path).facts
        except Exception:  # a facts file meant to be refused, or one needing its team
            continue
        logs = [*facts_path.parent.glob("*.xlsx"), *facts_path.parent.glob("*.csv")]
        for log in logs:
            if log.name == "fig-typo.csv":  # fixnew35b's log with a typo in it, on purpose
                continue
            try:
                sheet = load_measures(log, facts)
            except Exception:  # a team sheet, or a log meant to be refused
                continue
            checked += bool(sheet.figures)
            assert far_outside(facts, sheet) == [], (facts_path, log)
    assert checked >= 20


# ---------------------------------------------------------------- words (#13, #14)


def frailty_with(folder: Path, measure: str) -> Path:
    """The frailty example with its readmissions impact made ``measure``, linked to the COO's
    personal objective, so the COO's note has a second bullet after an objective and colon."""
    text = FRAILTY.read_text(encoding="utf-8")
    text = text.replace(
        "    measure: Emergency readmissions within 30 days, patients aged 75 and over\n"
        '    unit: "%"\n',
        f"    measure: {measure}\n    unit: bed days\n    per: year\n",
    ).replace(
        "    baseline: 17.5\n    target: 14\n    better: lower\n",
        "    baseline: 420\n    target: 150\n    better: lower\n    supports: [coo.winter-plan]\n",
    )
    path = folder / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    return path


OBJECTIVE = "Close every escalation bed by the end of March 2027 (your personal objective): "


def test_a_bullet_goes_on_in_small_letters_after_its_objective(tmp_path: Path) -> None:
    facts = frailty_with(tmp_path, "Out-of-area PICU bed days")
    text = said(run("preview", facts, "-d", "coo"))
    # The plan with a verb (fixread31 #3).
    assert f"{OBJECTIVE}out-of-area PICU bed days will fall from 420 to 150" in text, text
    # The first bullet, its objective in the headline above, starts a sentence.
    assert "• Hospital bed days used by people aged 75" in text
    out = tmp_path / "brief.docx"
    assert run("brief", facts, "-d", "coo", "-o", out).exit_code == 0
    from documenttext import document_text

    written = " ".join(document_text(out.read_bytes()).split())
    assert f"{OBJECTIVE}out-of-area PICU bed days will fall from 420" in written


def test_a_measure_named_by_a_number_keeps_its_capital(tmp_path: Path) -> None:
    facts = frailty_with(tmp_path, "Category 2 and above pressure ulcers")
    text = said(run("preview", facts, "-d", "coo"))
    assert f"{OBJECTIVE}Category 2 and above pressure ulcers will fall from 420" in text, text


@pytest.mark.parametrize(
    ("measure", "shown"),
    [
        ("Out-of-area PICU bed days", "out-of-area PICU bed days"),
        ("Emergency Department attendances", "Emergency Department attendances"),
        ("Category 2 mean response time", "Category 2 mean response time"),
        ("A&E attendances", "A&E attendances"),
        ("Stroke SSNAP scores", "stroke SSNAP scores"),
        ("Friends and Family Test score", "Friends and Family Test score"),
    ],
)
def test_a_measure_run_into_a_sentence(measure: str, shown: str) -> None:
    from pitchkit.notes.wording import lower_measure

    assert lower_measure(measure) == shown


def test_ids_keep_a_number_that_names_and_never_end_on_a_preposition(tmp_path: Path) -> None:
    sheet = numbered_team(
        tmp_path / "team.xlsx",
        ["Objective 1", "Objective 2"],
        [
            [
                "doo",
                "Karen Hollis",
                "Director of Operations",
                "Improve Category 2 mean response time to 30 minutes",
                "Lead clinical validation of category 3 and 4 calls",
                None,
                None,
            ],
            [
                "dop",
                "Lisa Grant",
                "Director of People",
                "Retain paramedics beyond two years in post",
                None,
                None,
                None,
            ],
        ],
    )
    text = said(run("directors", FRAILTY, "--directors", sheet))
    assert "doo.category-2-mean: Improve Category 2 mean response time" in text, text
    assert "doo.clinical-validation: Lead clinical validation" in text
    assert "dop.paramedics-post: Retain paramedics beyond" in text
    assert "paramedics-beyond" not in text


def test_a_link_written_with_the_former_id_still_holds(tmp_path: Path) -> None:
    sheet = numbered_team(
        tmp_path / "team.xlsx",
        ["objectives"],
        [
            ["coo", "Tom Okafor", "Chief Operating Officer",
             "Improve Category 2 mean response time to 30 minutes", None, None],
        ],
    )  # fmt: skip
    text = FRAILTY.read_text(encoding="utf-8").replace(
        "supports: [coo.occupancy, don.harm-free]", "supports: [coo.category-mean]"
    )
    facts = tmp_path / "facts.yaml"
    facts.write_text(text, encoding="utf-8")
    result = run("directors", facts, "--directors", sheet)
    assert result.exit_code == 0, result.output
    assert "explicit link in supports (coo.category-mean)" in said(result)


@pytest.mark.parametrize(
    ("measure", "made"),
    [
        ("Bank and agency 1:1 observation shifts on acute wards", "bank-agency-observation"),
        ("Category 2 mean response time", "category-2-mean"),
        ("Paramedics leaving beyond their first two years", "paramedics-leaving"),
    ],
)
def test_init_makes_an_impact_id_without_a_ratio_or_a_closing_preposition(
    tmp_path: Path, measure: str, made: str
) -> None:
    from test_init import ANSWERS, IMPACT, PROJECT, feed

    answers = list(ANSWERS)
    answers[len(PROJECT) + IMPACT.index("Emergency admissions of people aged 75 and over")] = (
        measure
    )
    facts = tmp_path / "facts.yaml"
    result = CliRunner().invoke(app, ["init", str(facts)], input=feed(answers))
    assert result.exit_code == 0, result.output
    assert f"  - id: {made}\n" in facts.read_text(encoding="utf-8")
