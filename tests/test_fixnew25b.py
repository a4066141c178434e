"""newuser25's Frailty Hospital at Home, run as the project lead ran it.

Each test runs the command line on a copy of the lead's facts, team sheet and
log, and reads the text a director sees back, in English and in Welsh.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from documenttext import document_text

Cli = Callable[..., Result]

PROJECT = Path(__file__).parent / "data" / "fixnew25"


def project(folder: Path, facts: str = "facts.yaml") -> Path:
    """A copy of the lead's project in ``folder``: ``facts`` as facts.yaml, the log and team."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("log.csv", "team.xlsx"):
        shutil.copy(PROJECT / name, folder / name)
    shutil.copy(PROJECT / facts, folder / "facts.yaml")
    return folder / "facts.yaml"


def note(cli: Cli, folder: Path, kind: str, director: str, *options: str) -> str:
    """The text of ``director``'s ``kind`` of note, with the team sheet, as the lead made it."""
    facts = project(folder)
    out = folder / "out"
    result = cli(
        kind, str(facts), "--directors", str(folder / "team.xlsx"), "-d", director,
        "-o", f"{out}/", *options,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    [written] = out.glob("*.docx")
    return " ".join(document_text(written.read_bytes()).split())


def test_welsh_says_not_counted_twice_and_the_price_per_admission(cli: Cli, tmp_path: Path) -> None:
    text = note(cli, tmp_path, "brief", "dof", "--locale", "cy_GB")
    # "Heb ei gyfrif eto" read as "not counted yet": the bed days are counted within admissions.
    assert "Heb ei gyfrif ddwywaith: 1,000 diwrnod gwely yn llai y mis" in text
    assert "Heb ei gyfrif eto" not in text
    assert "£2,150 am bob derbyniad" in text
    assert "yr un (derbyniad)" not in text
    assert "dim ond yn troi'n arian pan fydd tua 36 gwely'n cau" in text  # 35.7 (newuser31 #9)
    assert "ar ddefnydd gwelyau o 92%" in text  # welsh26: the glossary's term for occupancy


def test_a_welsh_update_asks_of_you_as_welsh_says_it(cli: Cli, tmp_path: Path) -> None:
    text = note(cli, tmp_path, "update", "coo", "--locale", "cy_GB", "--period", "2026-11")
    assert "Beth rydym yn ei ofyn i chi" in text
    assert "ofyn gennych" not in text


def test_english_says_not_counted_again(cli: Cli, tmp_path: Path) -> None:
    text = note(cli, tmp_path, "brief", "dof")
    assert "Not counted again: 1,000 fewer bed days a month" in text
    assert "£2,150 per admission" in text


def team_with(folder: Path, director: str, **cells: str) -> None:
    """The lead's team sheet in ``folder`` with ``cells`` (column: value) set in one row."""
    import openpyxl

    book = openpyxl.load_workbook(folder / "team.xlsx")
    sheet = book.active
    assert sheet is not None
    header = next(r for r in sheet.iter_rows(values_only=True) if r and r[0] == "id")
    columns = {name: index + 1 for index, name in enumerate(header) if name}
    for name in cells:
        if name not in columns:
            columns[name] = sheet.max_column + 1
            sheet.cell(row=3, column=columns[name], value=name)
    for row in sheet.iter_rows(min_row=4):
        if row[0].value == director:
            for name, value in cells.items():
                sheet.cell(row=row[0].row, column=columns[name], value=value)
    book.save(folder / "team.xlsx")


def test_a_welsh_note_gives_a_recognised_role_in_welsh(cli: Cli, tmp_path: Path) -> None:
    text = note(cli, tmp_path, "brief", "dof", "--locale", "cy_GB")
    assert "Ar gyfer Huw Prosser, Cyfarwyddwr Gweithredol Cyllid" in text
    assert "Executive Director of Finance" not in text
    update = note(cli, tmp_path / "u", "update", "coo", "--locale", "cy_GB", "--period", "2026-11")
    assert "Sian Rowlands, Prif Swyddog Gweithredu" in update
    english = note(cli, tmp_path / "e", "brief", "dof")
    assert "For Huw Prosser, Executive Director of Finance" in english


def test_a_role_cy_column_is_the_welsh_role(cli: Cli, tmp_path: Path) -> None:
    facts = project(tmp_path)
    team_with(tmp_path, "dths", role="Head of Allied Health", role_cy="Pennaeth Proffesiynau")
    result = cli(
        "brief", str(facts), "--directors", str(tmp_path / "team.xlsx"), "-d", "dths",
        "-o", f"{tmp_path}/out/", "--locale", "cy_GB",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    [written] = (tmp_path / "out").glob("*.docx")
    text = " ".join(document_text(written.read_bytes()).split())
    assert "Ar gyfer Rhian Bowen, Pennaeth Proffesiynau" in text
    assert "dths.role" not in result.output


def test_an_english_role_and_unit_cost_source_are_named(cli: Cli, tmp_path: Path) -> None:
    facts = project(tmp_path)
    team_with(tmp_path, "dths", role="Head of Allied Health")
    team = str(tmp_path / "team.xlsx")
    args = ("brief", str(facts), "--directors", team, "-d", "dths", "--locale", "cy_GB")
    strict = cli(*args, "-o", f"{tmp_path}/strict/", "--strict")
    assert strict.exit_code != 0
    assert "--directors dths.role" in strict.output
    assert "impacts[0].value.source" in strict.output
    assert not (tmp_path / "strict").exists() or not list((tmp_path / "strict").glob("*.docx"))
    shown = cli(*args, "-o", f"{tmp_path}/out/")
    assert shown.exit_code == 0, shown.output
    assert "mae'r nodyn Cymraeg yn dangos testun Saesneg o 10 maes" in shown.output


def test_a_role_worded_in_welsh_keeps_its_lens() -> None:
    from pitchkit.i18n.roles import _OF, _TITLES, welsh_role
    from pitchkit.recast.lenses import match_role

    roles = [*_TITLES, *(f"Director of {of}" for of in _OF), "Executive Director of Finance"]
    for role in roles:
        welsh = welsh_role(role)
        assert welsh is not None, role
        english, cymraeg = match_role(role), match_role(welsh)
        assert (english and english[0]) == (cymraeg and cymraeg[0]), (role, welsh)


def test_init_on_the_leads_answers_gives_readable_impact_ids(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from pitchkit.cli import app

    facts = tmp_path / "facts.yaml"
    answers = (PROJECT / "init_answers.txt").read_text(encoding="utf-8")
    result = CliRunner().invoke(app, ["init", str(facts)], input=answers)
    assert result.exit_code == 0, result.output
    from ruamel.yaml import YAML

    ids = [impact["id"] for impact in YAML(typ="safe").load(facts.read_text("utf-8"))["impacts"]]
    assert ids == [
        "emergency-admissions-people",
        "occupied-bed-days",
        "waiting-12-hours",  # "People aged 75 and over waiting over 12 hours in the ED"
        "hospital-acquired-pressure",
        "agency-nurse-spend",
        "felt-safe",  # "Patients who felt safe and cared for at home"
    ]


def test_a_missing_status_says_the_values_it_takes(cli: Cli, tmp_path: Path) -> None:
    facts = project(tmp_path)
    text = facts.read_text(encoding="utf-8")
    at = text.index("    status: green\n", text.index("updates:"))
    facts.write_text(text[:at] + text[at + len("    status: green\n") :], encoding="utf-8")
    for locale, said in (
        ("en_GB", "updates[0].status: required, but missing: add 'status:' here, with one of "
         "green, amber, red"),
        ("cy_GB", "updates[0].status: mae ei angen, ond mae ar goll: ychwanegwch 'status:' yma, "
         "gydag un o green, amber, red"),
    ):  # fmt: skip
        result = cli("check", str(facts), "--locale", locale)
        assert result.exit_code != 0
        assert said in " ".join(result.output.split())


def test_a_confirmed_link_to_a_percentage_objective_is_shown_against_it(
    cli: Cli, tmp_path: Path
) -> None:
    # The agency bullet is headed by the savings plan; the lead also confirmed the link to
    # "Reduce agency nurse spend by 40%", which the brief now names too. The impact counts
    # agency nurse spend on the older people's wards, a part of what the objective counts,
    # so its 52% is not set against the 40% (newuser27 #3: it read "meets the 40%").
    english = note(cli, tmp_path / "en", "brief", "dof")
    assert (
        # Since session 26 the team sheet's "Deliver the £32m savings plan" is a £32m target.
        "a 52% reduction, of which the plan puts £384,000 in 2026/27 and the forecast from the "
        "log is £304,000: 1.0% of your £32m target. So far £410,000 less, April 2025 to "
        "November 2026. It contributes to "
        "your objective “Reduce agency nurse spend by 40%”: the 52% is of this measure alone, "
        "not of all that the objective counts."
    ) in english
    assert "meets the 40%" not in english
    welsh = note(cli, tmp_path / "cy", "brief", "dof", "--locale", "cy_GB")
    assert (
        "Mae'n cyfrannu at eich amcan “Lleihau gwariant ar nyrsys asiantaeth 40%”: mae'r 52% yn "
        "ymwneud â'r mesur hwn yn unig, nid â'r cyfan y mae'r amcan yn ei gyfrif."
    ) in welsh


def test_agency_spend_links_to_an_objective_on_the_same_spend(cli: Cli, tmp_path: Path) -> None:
    """Not "possible: the objective counts something else": both count agency nurse spend."""
    import json

    facts = project(tmp_path, "facts_prelink.yaml")
    for locale in ("en_GB", "cy_GB"):
        result = cli(
            "directors", str(facts), "--directors", str(tmp_path / "team.xlsx"), "--json",
            "--locale", locale,
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        links = {
            (place["id"], item["objective"]): item
            for place in json.loads(result.stdout)["directors"]
            for item in place["links"]
            if item["impact"] == "agency-nurse-spend"
        }
        # "Reduce agency nurse spend by 40%" (DoF) and "Lleihau gwariant ar nyrsys
        # asiantaeth" / "Reduce agency nurse spend" (Workforce).
        for key in (("dof", "agency-nurse"), ("dwod", "agency-nurse")):
            assert links[key]["confidence"] == "confident", (locale, links[key])
            assert links[key]["doubt"] is None
        assert links[("dof", "savings-plan")]["confidence"] == "confident"
    shown = cli("directors", str(facts), "--directors", str(tmp_path / "team.xlsx"))
    assert "counts something else" not in shown.output


def test_spend_on_a_concept_is_still_not_another_quantity_of_it() -> None:
    """The rule still holds where the objective counts no money: legal costs against learning."""
    from pitchkit.recast.align import spends_on

    assert spends_on("Reduce agency nurse spend by 40%", "temporary-staffing", "")
    assert not spends_on("Improve agency nurse retention", "temporary-staffing", "")


def test_a_counted_name_gives_a_readable_objective_id(cli: Cli, tmp_path: Path) -> None:
    """The COO's "Meet the Six Goals for Urgent and Emergency Care: ..." is ``six-goals``."""
    import json

    facts = project(tmp_path, "facts_prelink.yaml")
    team = str(tmp_path / "team.xlsx")
    result = cli("directors", str(facts), "--directors", team, "--json")
    assert result.exit_code == 0, result.output
    [coo] = [d for d in json.loads(result.stdout)["directors"] if d["id"] == "coo"]
    ids = [objective["id"] for objective in coo["every_objective"]]
    assert ids[0] == "six-goals"
    assert "sguec" not in ids
    # The lead's facts confirm 'coo.sguec', as the earlier pitchkit named it: still linked.
    confirmed = project(tmp_path / "confirmed")
    kept = cli("directors", str(confirmed), "--directors", team)
    assert kept.exit_code == 0, kept.output
    assert "explicit link in supports (coo.sguec)" in " ".join(kept.output.split())


def test_a_welsh_unit_that_may_be_a_plural_keeps_yr_un(cli: Cli, tmp_path: Path) -> None:
    """ "am bob" (per) only before a singular pitchkit knows; else "yr un (unit)" (each)."""
    from pitchkit.i18n import fmt
    from pitchkit.i18n.translation import language

    cymraeg = language("cy")
    assert fmt.singular_known("admissions", cymraeg)
    assert fmt.singular_known("derbyniadau", cymraeg)
    assert not fmt.singular_known("briwiau", cymraeg)
    facts = project(tmp_path)
    text = facts.read_text(encoding="utf-8")
    facts.write_text(
        text.replace("    unit: admissions\n", "    unit: {en: admissions, cy: briwiau}\n", 1),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = cli(
        "brief", str(facts), "--directors", str(tmp_path / "team.xlsx"), "-d", "dof",
        "-o", f"{out}/", "--locale", "cy_GB",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    [written] = out.glob("*.docx")
    welsh = " ".join(document_text(written.read_bytes()).split())
    assert "£2,150 yr un (briwiau)" in welsh
    assert "am bob briwiau" not in welsh
