"""A team file (the executive team's spreadsheet) used by the commands that write one note.

Each test runs the command line as a user would and reads back what they
see: the document, the preview or the message.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from documenttext import document_text
from pitchkit.facts.directors import load_directors
from pitchkit.facts.schema import Director, load_facts

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "frailty-virtual-ward"

Cli = Callable[..., Result]


def facts_without_directors(tmp_path: Path, example: Path = EXAMPLE) -> Path:
    """An example's facts (the frailty one unless told) with its 'directors:' list taken out.

    A lead may keep the team in a spreadsheet instead. Its 'supports:' links go too: they
    name the objectives of the list taken out.
    """
    lines = (example / "facts.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("directors:"))
    end = next(i for i, line in enumerate(lines) if i > start and line[:1].isalpha())
    kept = [
        line for line in lines[:start] + lines[end:] if not line.strip().startswith("supports:")
    ]
    path = tmp_path / "facts.yaml"
    path.write_text("".join(kept), encoding="utf-8")
    return path


def meeting_with(facts: Path, director_id: str) -> None:
    """Make the facts' meeting one with ``director_id``, a director the team file has.

    A meeting with a director no team lists is an error (newuser9 #5).
    """
    text = facts.read_text(encoding="utf-8")
    found = re.search(r"^meeting:\n(?:  .*\n)*?  director: (\S+)\n", text, re.M)
    assert found is not None
    start, end = found.span(1)
    facts.write_text(text[:start] + director_id + text[end:], encoding="utf-8")


def with_supports(facts: Path, links: str) -> None:
    """Link the facts' bed-days impact to ``links`` (``dof.cip, coo.flow``), as a lead types it."""
    text = facts.read_text(encoding="utf-8")
    source = "    source: Trust bed management system, 2025/26\n"
    assert text.count(source) == 1
    facts.write_text(text.replace(source, f"    supports: [{links}]\n{source}"), encoding="utf-8")


def only_docx(folder: Path) -> bytes:
    [path] = folder.glob("*.docx")
    return path.read_bytes()


def test_brief_takes_the_team_spreadsheet(cli: Cli, tmp_path: Path) -> None:
    facts = facts_without_directors(tmp_path)
    refused = cli("brief", str(facts), "-d", "dof", "--out", str(tmp_path / "none"))
    assert refused.exit_code == 1
    assert "pass --directors FILE" in refused.stderr
    out = tmp_path / "notes"
    written = cli(
        "brief", str(facts), "--directors", str(EXAMPLE / "directors.xlsx"), "-d", "dof",
        "--out", str(out), "-q",
    )  # fmt: skip
    assert written.exit_code == 0, written.stderr
    text = document_text(only_docx(out))
    assert "Helen Marsh" in text
    assert "cost improvement programme" in text


def test_update_and_preview_take_the_team_file(cli: Cli, tmp_path: Path) -> None:
    facts = facts_without_directors(tmp_path)
    team = str(EXAMPLE / "directors.csv")
    out = tmp_path / "notes"
    written = cli("update", str(facts), "--directors", team, "-d", "coo", "--out", str(out), "-q")
    assert written.exit_code == 0, written.stderr
    assert "Tom Okafor" in document_text(only_docx(out))
    shown = cli("preview", str(facts), "--directors", team, "-d", "coo", "-q")
    assert shown.exit_code == 0, shown.stderr
    assert "Tom Okafor" in shown.stdout


def test_a_bad_team_row_is_named_and_an_unusable_file_stops(cli: Cli, tmp_path: Path) -> None:
    facts = facts_without_directors(tmp_path)
    team = tmp_path / "team.csv"
    team.write_text(
        "id,name,role\ndof,Helen Marsh,Director of Finance\ncoo,,Chief Operating Officer\n",
        encoding="utf-8",
    )
    out = tmp_path / "notes"
    written = cli("brief", str(facts), "--directors", str(team), "-d", "dof", "--out", str(out))
    assert written.exit_code == 0, written.stderr
    assert f"warning: {team}:row 3: column name: empty, but required" in written.stderr
    team.write_text("id,name,role\ncoo,,Chief Operating Officer\n", encoding="utf-8")
    refused = cli("preview", str(facts), "--directors", str(team), "-d", "coo")
    assert refused.exit_code == 1
    assert refused.stderr.strip().splitlines()[-1] == (
        f"error: {team}: no director could be read: fix the rows listed above"
    )


# --- a template of the other kind -----------------------------------------------------


def test_a_template_of_the_other_kind_names_the_command_it_is_for(cli: Cli, tmp_path: Path) -> None:
    facts = str(EXAMPLE / "facts.yaml")
    for kind in ("brief", "update"):
        cli("template", "export", kind, str(tmp_path / f"{kind}.docx"))
    out = tmp_path / "notes"
    brief = cli("brief", facts, "-d", "dof", "-t", str(tmp_path / "update.docx"), "-o", str(out))
    assert brief.exit_code == 1
    assert brief.stderr == (
        f"error: {tmp_path / 'update.docx'}: this is a progress update template (it uses "
        "'update'): use it with pitchkit update, or --kind update\n"
    )
    update = cli("update", facts, "-d", "dof", "-t", str(tmp_path / "brief.docx"), "-o", str(out))
    assert update.exit_code == 1
    assert update.stderr.startswith(
        f"error: {tmp_path / 'brief.docx'}: this is a briefing note template"
    )
    assert "use it with pitchkit brief" in update.stderr
    assert not out.exists()
    # Each kind with its own template still works.
    right = cli("update", facts, "-d", "dof", "-t", str(tmp_path / "update.docx"), "-o", str(out))
    assert right.exit_code == 0, right.stderr


# --- spreadsheets as offices keep them ------------------------------------------------


def titled_team(path: Path) -> Path:
    """A team sheet with a merged title row and a blank row above the header."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Executive team"
    sheet.append(["Executive team 2026/27"])
    sheet.merge_cells("A1:E1")
    sheet.append([])
    sheet.append(["ID", "Name", "Role", "Concerns", "Objectives"])
    sheet.append([
        "dof", "Helen Marsh", "Director of Finance", "Agency spend; Escalation beds open all year",
        "Deliver the £14m cost improvement programme for 2026/27; "
        "Reduce agency spend by 30% against 2024/25",
    ])  # fmt: skip
    sheet.append(["coo", "", "Chief Operating Officer"])
    workbook.save(path)
    return path


def test_a_title_row_above_the_header_is_skipped_and_rows_keep_their_numbers(
    cli: Cli, tmp_path: Path
) -> None:
    facts = facts_without_directors(tmp_path)
    team = titled_team(tmp_path / "team.xlsx")
    result = cli("directors", str(facts), "--directors", str(team), "--json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        f"warning: {team}:row 5: column name: empty, but required: add the director's name; "
        "coo is left out until this is fixed\n"
    )
    assert '"id": "dof"' in result.stdout


def test_a_header_nowhere_near_the_top_is_refused_at_the_first_row(
    cli: Cli, tmp_path: Path
) -> None:
    facts = facts_without_directors(tmp_path)
    team = tmp_path / "team.csv"
    team.write_text("Executive team\nUpdated March\n" + "note\n" * 6 + "id,name,role\n")
    result = cli("directors", str(facts), "--directors", str(team))
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"error: {team}:row 1: the header row needs the columns id, name, role (found: Executive"
    )


def test_items_separated_by_semicolons_on_one_line_are_separate(cli: Cli, tmp_path: Path) -> None:
    from pitchkit.facts.directors import load_directors

    team = titled_team(tmp_path / "team.xlsx")
    [dof] = load_directors(team).directors
    assert [o.text for o in dof.objectives] == [
        "Deliver the £14m cost improvement programme for 2026/27",
        "Reduce agency spend by 30% against 2024/25",
    ]
    assert dof.concerns == ["Agency spend", "Escalation beds open all year"]
    # What the lead sees: the second objective is one the project can serve on its own.
    facts = facts_without_directors(tmp_path)
    shown = cli("directors", str(facts), "--directors", str(team), "--json")
    assert '"objective": "agency-spend"' in shown.stdout


def test_objective_ids_from_a_spreadsheet_are_short_stable_and_can_be_typed(
    cli: Cli, tmp_path: Path
) -> None:
    import json

    team = titled_team(tmp_path / "team.xlsx")
    facts = facts_without_directors(tmp_path)
    shown = cli("directors", str(facts), "--directors", str(team), "--json")
    again = cli("directors", str(facts), "--directors", str(team), "--json")
    assert shown.stdout == again.stdout
    [dof] = json.loads(shown.stdout)["directors"]
    [link] = dof["links"]
    assert (link["impact"], link["objective"], link["confidence"]) == (
        "bed-days", "agency-spend", "possible",
    )  # fmt: skip
    assert "confirm with supports: [dof.agency-spend]" in link["explanation"]
    # The lead types the id the table offers, and the link is theirs.
    with_supports(facts, "dof.agency-spend")
    typed = cli("directors", str(facts), "--directors", str(team), "--json")
    [dof] = json.loads(typed.stdout)["directors"]
    assert dof["objectives"] == [
        {"id": "agency-spend", "text": "Reduce agency spend by 30% against 2024/25",
         "kind": "organisational"},
    ]  # fmt: skip
    assert [(x["objective"], x["reason"]) for x in dof["links"]] == [("agency-spend", "explicit")]


def test_objective_ids_keep_standards_and_hyphenated_words_as_a_user_would_type_them(
    cli: Cli, tmp_path: Path
) -> None:
    import json

    # newuser4 C1: "4-hour" gave hour-performance, "52 week waits" waits-zero, "follow-up"
    # outpatient-follow. The frailty impacts reach only the bed occupancy objective (bed
    # occupancy no longer leads to the four-hour standard), so the table offers that one.
    team = tmp_path / "team.csv"
    team.write_text(
        "id,name,role,objectives\n"
        "coo,Tom Okafor,Chief Operating Officer,"
        '"Achieve 76% 4-hour performance; Reduce 52 week waits to zero; '
        'Improve the 4-hour standard; Reduce bed occupancy to 92%"\n'
        "dof,Helen Marsh,Director of Finance,"
        '"Cut outpatient follow-up costs; Cut outpatient follow-up costs by 10%"\n',
        encoding="utf-8",
    )
    facts = facts_without_directors(tmp_path)
    ids = {
        "coo": ["4-hour-performance", "52-week-waits", "4-hour-standard", "bed-occupancy"],
        "dof": ["outpatient-follow-up", "outpatient-follow-up-costs"],
    }
    shown = cli("directors", str(facts), "--directors", str(team), "--json")
    assert shown.exit_code == 0, shown.stderr
    offered = {x["objective"] for d in json.loads(shown.stdout)["directors"] for x in d["links"]}
    assert offered
    assert offered <= {*ids["coo"], *ids["dof"]}
    # The lead types each id as the table words it, and each is taken as theirs.
    typed = ", ".join(f"{who}.{one}" for who, mine in ids.items() for one in mine)
    with_supports(facts, typed)
    again = cli("directors", str(facts), "--directors", str(team), "--json")
    assert again.exit_code == 0, again.stderr
    found = json.loads(again.stdout)["directors"]
    assert {d["id"]: [o["id"] for o in d["objectives"]] for d in found} == ids


def test_a_cell_on_several_lines_keeps_a_semicolon_a_small_letter_follows(tmp_path: Path) -> None:
    from pitchkit.facts.directors import cell_items

    assert cell_items("Cut waits; improve flow\nBalance the books") == [
        "Cut waits; improve flow",
        "Balance the books",
    ]
    assert cell_items("{en: Cut waits; Keep flow, cy: Torri; Cadw}\nBalance the books") == [
        "{en: Cut waits; Keep flow, cy: Torri; Cadw}",
        "Balance the books",
    ]


#: newuser26 #5: a PA's cell of two lines, the second holding two objectives joined by "; ".
MIXED_OBJECTIVES = (
    "Deliver the £9.4m cost improvement programme\n"
    "Cut agency spend to 3.2% of the pay bill; Keep capital spend within the allocation"
)


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_semicolon_and_a_capital_start_a_new_objective_in_a_cell_of_several_lines(
    cli: Cli, tmp_path: Path, suffix: str
) -> None:
    import csv

    from openpyxl import Workbook

    rows = [
        ["id", "name", "role", "Objectives 2026/27"],
        ["dof", "Gareth Lloyd", "Director of Finance", MIXED_OBJECTIVES],
    ]
    team = tmp_path / f"team{suffix}"
    if suffix == ".xlsx":
        workbook = Workbook()
        for row in rows:
            workbook.active.append(row)
        workbook.save(team)
    else:
        with team.open("w", encoding="utf-8", newline="") as out:
            csv.writer(out).writerows(rows)
    facts = facts_without_directors(tmp_path)
    shown = cli("directors", str(facts), "--directors", str(team))
    assert shown.exit_code == 0, shown.stderr
    text = " ".join(shown.stdout.split())
    assert "dof.cost-improvement: Deliver the £9.4m cost improvement programme" in text
    assert "dof.agency-spend: Cut agency spend to 3.2% of the pay bill " in text
    assert "dof.capital-spend: Keep capital spend within the allocation" in text
    assert "pay bill;" not in text


def test_locale_help_says_what_it_changes_where_no_document_is_written(cli: Cli) -> None:
    for command in ("directors", "check", "link"):
        shown = " ".join(cli(command, "--help").stdout.split())
        assert "Language of the report" in shown, command
        assert "Language of the document" not in shown, command
    shown = " ".join(cli("init", "--help").stdout.split())
    assert "Language of the questions" in shown


def test_the_manifest_names_the_director_of_a_skipped_row(cli: Cli, tmp_path: Path) -> None:
    import csv

    facts = facts_without_directors(tmp_path)
    team = tmp_path / "team.csv"
    team.write_text(
        "id,name,role\n"
        "dof,Helen Marsh,Director of Finance\n"
        "Dir of Fin,Helen M,Director of Finance\n"
        ",Nobody,Chief Nurse\n",
        encoding="utf-8",
    )
    out = tmp_path / "notes"
    result = cli("batch", str(facts), "--directors", str(team), "--out", str(out), "-q")
    assert result.exit_code == 1
    with (out / "manifest.csv").open(encoding="utf-8-sig", newline="") as stream:
        rows = [(r["director_id"], r["name"], r["status"]) for r in csv.DictReader(stream)]
    assert rows == [
        ("dof", "Helen Marsh", "ok"),
        ("Dir of Fin", "Helen M", "skipped"),
        ("", "Nobody", "skipped"),
    ]


DUPLICATED = [
    ["id", "name", "role", "objectives"],
    ["dof", "Helen Marsh", "Director of Finance", "Deliver the £14m cost improvement programme"],
    ["coo", "Tom Okafor", "Chief Operating Officer", "Free 40 beds"],
    ["DOF", "Dr Duplicate", "Deputy Director of Finance", ""],
]


def team_file(path: Path, rows: Sequence[Sequence[str]]) -> Path:
    """``rows`` as a CSV, a workbook or a YAML list of directors, by suffix."""
    if path.suffix != ".yaml":
        return team_sheet(path, rows)
    header, *people = rows
    entries = [
        "\n".join(
            f"{'- ' if i == 0 else '  '}{key}: {[value] if key == 'objectives' else value!r}"
            for i, (key, value) in enumerate(zip(header, person, strict=True))
            if value
        )
        for person in people
    ]
    path.write_text("\n".join(entries) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("suffix", "where"),
    [(".csv", "row 4: column id"), (".xlsx", "row 4: column id"), (".yaml", "9:7: [2].id")],
)
@pytest.mark.parametrize("command", ["directors", "check", "link", "brief", "preview", "batch"])
def test_an_id_two_rows_share_stops_every_command_with_where_it_is(
    cli: Cli, tmp_path: Path, suffix: str, where: str, command: str
) -> None:
    facts = facts_without_directors(tmp_path)
    team = team_file(tmp_path / f"team{suffix}", DUPLICATED)
    out = tmp_path / "notes"
    args = [command, str(facts), "--directors", str(team)]
    if command in ("brief", "batch"):
        args += ["--out", str(out / "brief.docx" if command == "brief" else out)]
    if command in ("brief", "preview"):
        args += ["-d", "coo"]
    before = facts.read_bytes()
    result = cli(*args)
    assert result.exit_code == 1
    earlier = "on row 2" if suffix != ".yaml" else "by [0]"
    assert result.stderr.splitlines() == [
        f"error: {team}:{where}: 'DOF' is already used {earlier}: give each director their own id"
    ]
    assert not out.exists()
    assert facts.read_bytes() == before


SKIPPED_THEN_TAKEN = [
    ["id", "name", "role", "objectives", "themes"],
    ["dof", "Helen Marsh", "Director of Finance", "Deliver the savings programme", "money"],
    ["coo", "Tom Okafor", "Chief Operating Officer", "Free 40 beds", ""],
    ["DOF", "Dr Duplicate", "Deputy Director of Finance", "", ""],
]


@pytest.mark.parametrize(
    ("suffix", "first", "taken"),
    [
        (".csv", "row 2: column themes", "row 4: column id: 'DOF' is already used on row 2"),
        (".xlsx", "row 2: column themes", "row 4: column id: 'DOF' is already used on row 2"),
        (".yaml", "5:11: [0].themes", "10:7: [2].id: 'DOF' is already used by [0]"),
    ],
)
def test_a_skipped_director_keeps_their_id_and_is_named_as_left_out(
    cli: Cli, tmp_path: Path, suffix: str, first: str, taken: str
) -> None:
    """Helen Marsh's row is unusable, so a later row with her id must not stand in for her."""
    facts = facts_without_directors(tmp_path)
    # In YAML the themes go with each objective, so a director's 'themes:' is unknown there.
    team = team_file(tmp_path / f"team{suffix}", SKIPPED_THEN_TAKEN)
    result = cli("directors", str(facts), "--directors", str(team))
    assert result.exit_code == 1, result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 2, lines
    assert lines[0].startswith(f"error: {team}:{first}: ")
    assert lines[0].endswith("; Helen Marsh (dof) is left out until this is fixed")
    assert lines[1] == f"error: {team}:{taken}: give each director their own id"
    assert "Dr Duplicate" not in result.stdout


def test_a_director_left_out_is_named_and_an_objective_id_with_its_director_in_front_is_mended(
    cli: Cli, tmp_path: Path
) -> None:
    """``dof.cip`` under director ``dof`` is what ``supports:`` says: the fix is ``id: cip``."""
    facts = facts_without_directors(tmp_path)
    team = tmp_path / "team.yaml"
    team.write_text(
        "directors:\n"
        "  - id: dof\n"
        "    name: Helen Marsh\n"
        "    role: Director of Finance\n"
        "    objectives:\n"
        "      - id: dof.cip\n"
        "        text: Deliver the £14m cost improvement programme for 2027/28\n"
        "  - id: coo\n"
        "    name: Tom Okafor\n"
        "    role: Chief Operating Officer\n"
        "    objectives: [Free 40 beds]\n",
        encoding="utf-8",
    )
    result = cli("directors", str(facts), "--directors", str(team))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"warning: {team}:6:13: directors[0].objectives[0].id: 'dof.cip' has the director's id "
        "in front: write 'id: cip' here (a facts file then links to it as 'dof.cip'); "
        "Helen Marsh (dof) is left out until this is fixed"
    ]
    assert "Tom Okafor" in result.stdout
    team.write_text(team.read_text(encoding="utf-8").replace("id: dof.cip", "id: cip"))
    mended = cli("directors", str(facts), "--directors", str(team))
    assert mended.exit_code == 0, mended.stderr
    assert mended.stderr == ""
    assert "Helen Marsh" in mended.stdout


GENERIC_HEADS = [
    ["id", "name", "role", "objectives"],
    [
        "coo",
        "Tom Okafor",
        "Chief Operating Officer",
        "Reduce the number of patients with no criteria to reside\n"
        "Make the health board a place junior doctors choose to train",
    ],
]


def test_objective_ids_pass_over_generic_heads_and_links_written_before_keep_working(
    cli: Cli, tmp_path: Path
) -> None:
    # newuser6 F12: "coo.number-patients" and "coo.health-board" told the objectives apart
    # by the words every board objective shares.
    facts = facts_without_directors(tmp_path)
    meeting_with(facts, "coo")
    team = team_sheet(tmp_path / "team.xlsx", GENERIC_HEADS)
    shown = cli("directors", str(facts), "--directors", str(team))
    assert shown.exit_code == 0, shown.stderr
    assert "coo.criteria-reside: Reduce the number of patients with no criteria" in " ".join(
        shown.stdout.split()
    )
    assert "coo.junior-doctors: Make the health board a place junior doctors" in " ".join(
        shown.stdout.split()
    )
    assert "number-patients" not in " ".join(shown.stdout.split())
    # A link a lead wrote with the id an earlier pitchkit made keeps working, under that id.
    with_supports(facts, "coo.number-patients")
    kept = cli("directors", str(facts), "--directors", str(team))
    assert kept.exit_code == 0, kept.stderr
    assert "coo.number-patients: Reduce the number of patients" in " ".join(kept.stdout.split())
    assert "coo.junior-doctors" in " ".join(kept.stdout.split())
    out = tmp_path / "brief.docx"
    brief = cli("brief", str(facts), "--directors", str(team), "-d", "coo", "--out", str(out))
    assert brief.exit_code == 0, brief.stderr
    assert "no criteria to reside" in document_text(out.read_bytes())
    # 'pitchkit link' with the team file reads the link the same way: it is not stale.
    linked = cli("link", str(facts), "--directors", str(team), "--all-confident")
    assert linked.exit_code == 0, linked.stderr
    assert "supports: [coo.number-patients]" in facts.read_text(encoding="utf-8")
    # A mistyped id is still an error, pointing to the id the team file gives now.
    facts.write_text(
        facts.read_text(encoding="utf-8").replace("coo.number-patients", "coo.number-patient"),
        encoding="utf-8",
    )
    wrong = cli("directors", str(facts), "--directors", str(team))
    assert wrong.exit_code == 1
    assert "coo.criteria-reside" in wrong.stderr


WELSH_TEAM = (
    "id,name,role,objectives\n"
    'dn,Elin Davies,Cyfarwyddwr Nyrsio,"Lleihau niwed y gellir ei osgoi; '
    "Lleihau nifer y cleifion sy\u2019n aros dros 12 awr; "
    "Cyflawni'r cynllun arbedion; "
    'Gwneud y bwrdd iechyd yn lle y mae meddygon iau yn dewis hyfforddi"\n'
)


def test_welsh_objective_ids_pass_over_generic_words_and_former_ids_keep_working(
    cli: Cli, tmp_path: Path, directors_json: Callable[..., Any]
) -> None:
    """newuser6 F12 in Welsh: "dn.niwed-gellir" named "harm" by "can be", not by "avoided"."""
    facts = facts_without_directors(tmp_path, EXAMPLE.parent / "ysbyty-cymunedol")
    meeting_with(facts, "dn")
    team = tmp_path / "team.csv"
    team.write_text(WELSH_TEAM, encoding="utf-8")
    shown = directors_json(facts, "--directors", team)
    [director] = [d for d in shown["directors"] if d["id"] == "dn"]
    assert [o["id"] for o in director["every_objective"]] == [
        "niwed-osgoi",
        "aros-awr",
        "cynllun-arbedion",
        "meddygon-iau",
    ]
    # A link written with the id an earlier pitchkit made keeps working, under that id.
    text = facts.read_text(encoding="utf-8")
    at = text.index("\n    source: ", text.index("impacts:")) + 1  # the first impact's source
    facts.write_text(f"{text[:at]}    supports: [dn.niwed-gellir]\n{text[at:]}", encoding="utf-8")
    kept = cli("directors", str(facts), "--directors", str(team))
    assert kept.exit_code == 0, kept.stderr
    assert "dn.niwed-gellir: Lleihau niwed y gellir ei osgoi" in " ".join(kept.stdout.split())
    assert "dn.aros-awr" in kept.stdout


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_header_with_another_word_for_a_required_column_says_which_to_rename(
    cli: Cli, tmp_path: Path, suffix: str
) -> None:
    """A sheet headed "Code, Full name, Title" is told what to rename, not only the list.

    Changed for newuser36 #2: ``Job title`` is now read as ``role`` (see
    test_job_title_and_position_are_read_as_the_role); a bare ``Title`` may hold "Dr",
    so it is still only named.
    """
    facts = facts_without_directors(tmp_path)
    team = team_file(
        tmp_path / f"team{suffix}",
        [["Code", "Full name", "Title"], ["dof", "Helen Marsh", "Director of Finance"]],
    )
    result = cli("directors", str(facts), "--directors", str(team))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {team}:row 1: the header row needs the columns id, name, role (found: Code, "
        # concerns_en and concerns_cy: the concerns in the other language (newuser37 #2).
        "Full name, Title): name the columns id, name, role, salutation, concerns, "
        "concerns_en, concerns_cy, objectives, objectives_en, objectives_cy, themes, lens, "
        "email, role_cy; rename 'Code' "
        "to 'id', "
        "'Full name' to 'name', 'Title' to 'role'"
    ]
    welsh = cli("directors", str(facts), "--directors", str(team), "--locale", "cy_GB")
    assert welsh.stderr.rstrip().endswith(
        "ailenwch 'Code' yn 'id', 'Full name' yn 'name', 'Title' yn 'role'"
    )
    # A header with no such word keeps the list alone.
    plain = team_file(tmp_path / f"plain{suffix}", [["Name", "Objectives"], ["Ann", "x"]])
    alone = cli("directors", str(facts), "--directors", str(plain))
    assert alone.stderr.rstrip().endswith(
        "objectives, objectives_en, objectives_cy, themes, lens, email, role_cy"
    )


@pytest.mark.parametrize("header", ["Job title", "Position", "Job title 2026/27"])
def test_job_title_and_position_are_read_as_the_role(cli: Cli, tmp_path: Path, header: str) -> None:
    """newuser36 #2: an executive office's ``Job title`` column is the role, as
    getting-started.md gives it; beside a ``Role`` column it is left unread."""
    facts = facts_without_directors(tmp_path)
    team = team_file(
        tmp_path / "team.xlsx",
        [["ID", "Name", header, "Objectives"], ["dof", "Helen Marsh", "Director of Finance", "x"]],
    )
    [director] = load_directors(team).directors
    assert director.role == "Director of Finance"
    result = cli("directors", str(facts), "--directors", str(team))
    assert result.exit_code == 0, result.stderr
    both = team_file(
        tmp_path / "both.csv",
        [["id", "name", "role", header, "objectives"], ["dof", "Helen", "DoF", "Finance", "x"]],
    )
    assert [d.role for d in load_directors(both).directors] == ["DoF"]


@pytest.mark.parametrize(
    ("header", "told"),
    [
        ("Title", "rename 'Title' to 'role'"),
        ("Objectves 2026/27", "rename 'Objectves 2026/27' to 'objectives'"),
    ],
)
@pytest.mark.parametrize("command", ["brief", "check", "directors", "batch"])
def test_a_misnamed_sheet_column_is_blamed_on_the_sheet_not_the_facts_links(
    cli: Cli, tmp_path: Path, header: str, told: str, command: str
) -> None:
    """newuser36 #2: with ``supports: [dof....]`` in the facts, a sheet whose column cannot
    be read said only "facts.yaml: no director has the id 'dof'"; now the sheet's own
    error is the one given."""
    facts = facts_without_directors(tmp_path)
    with_supports(facts, "dof.cip")
    with facts.open("a", encoding="utf-8") as stream:  # the facts' own list, as init wrote it
        stream.write(
            "directors:\n  - id: coo\n    name: Sam Reid\n    role: Chief Operating Officer\n"
            "    objectives:\n      - id: flow\n        text: Improve patient flow\n"
        )
    role, objectives = ("Role", header) if header.startswith("Obj") else (header, "Objectives")
    team = team_file(
        tmp_path / "team.xlsx",
        [["ID", "Name", role, objectives], ["dof", "Helen Marsh", "Director of Finance", "CIP"]],
    )
    args = {
        "brief": ["-d", "dof", "--out", str(tmp_path / "out")],
        "check": ["-d", "dof"],
        "directors": [],
        "batch": ["--out", str(tmp_path / "out")],
    }[command]
    result = cli(command, str(facts), "--directors", str(team), *args)
    assert result.exit_code == 1
    assert "no director has the id" not in result.stderr
    [line] = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert line.startswith(f"error: {team}:")
    assert line.endswith(told)


def test_a_team_file_named_in_the_facts_file_points_to_the_option(cli: Cli, tmp_path: Path) -> None:
    facts = facts_without_directors(tmp_path)
    with facts.open("a", encoding="utf-8") as stream:
        stream.write("directors: team.xlsx\n")
    last = len(facts.read_text(encoding="utf-8").splitlines())
    result = cli("brief", str(facts), "-d", "dof", "-o", str(tmp_path / "notes"))
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {facts}:{last}:12: directors: a team file is not read from the facts file: "
        "take this line out and pass the file with --directors team.xlsx, or list the "
        "directors here, each starting with '- id: '\n"
    )


def test_a_template_for_either_kind_is_left_to_fill(cli: Cli, tmp_path: Path) -> None:
    from docx import Document

    template = tmp_path / "either.docx"
    document = Document()
    document.add_paragraph(
        "{% if update %}Update: {{ update.headline }}{% else %}"
        "Ask: {% for ask in asks %}{{ ask }}{% endfor %}{% endif %}"
    )
    document.save(str(template))
    facts = str(EXAMPLE / "facts.yaml")
    for command in ("brief", "update"):
        out = tmp_path / command
        result = cli(command, facts, "-d", "dof", "-t", str(template), "-o", str(out), "-q")
        assert result.exit_code == 0, result.stderr
        word = "Update: " if command == "update" else "Ask: "
        assert document_text(only_docx(out)).startswith(word)


def team_with_totals(path: Path, *, formula_name: bool = False) -> Path:
    """A team sheet written by a program (no saved formula values) with a totals row at its foot.

    openpyxl, like most tools that are not spreadsheets, saves a formula
    without its value, as newuser2's office.xlsx was.
    """
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["ID", "Name", "Role", "Objectives"])
    name = '="Helen "&"Marsh"' if formula_name else "Helen Marsh"
    sheet.append(
        ["dof", name, "Director of Finance", "Deliver the £14m cost improvement programme"]
    )
    sheet.append(["coo", "Tom Okafor", "Chief Operating Officer", "Free 40 beds"])
    sheet["A6"], sheet["B6"] = "Total", "=COUNTA(B2:B3)"  # below a blank row
    workbook.save(path)
    return path


def _team_warnings(stderr: str) -> list[str]:
    """The lines of ``stderr`` about the team file: not the notes' own cuts to fit a page."""
    return [line for line in stderr.splitlines() if "to fit one page the note shortens" not in line]


def test_a_totals_row_is_left_out_with_a_warning_and_the_batch_succeeds(
    cli: Cli, tmp_path: Path
) -> None:
    facts = facts_without_directors(tmp_path)
    team = team_with_totals(tmp_path / "team.xlsx")
    out = tmp_path / "notes"
    result = cli("batch", str(facts), "--directors", str(team), "--out", str(out), "-q")
    assert result.exit_code == 0, result.stderr
    assert _team_warnings(result.stderr) == [
        f"warning: {team}:row 6: 'Total' with no role looks like a totals row, not a director, "
        "so it was left out"
    ]
    assert len(list(out.glob("*.docx"))) == 2
    manifest = (out / "manifest.csv").read_text(encoding="utf-8-sig")
    assert "Total" not in manifest
    assert "skipped" not in manifest


#: A team with its vacant posts written the ways team sheets write them.
VACANCIES = [
    ["id", "name", "role", "objectives"],
    ["dof", "Helen Marsh", "Director of Finance", "Deliver the £14m cost improvement programme"],
    ["deputy", "", "Interim \u2014 TBC", ""],
    ["dos", "Vacant", "Director of Strategy", "Deliver the Trust strategy 2026-31"],
    ["dow", "TBC", "Director of Workforce", ""],
    ["dpc", "", "Director of Primary Care (to be appointed)", ""],
    ["coo", "Tom Okafor", "Chief Operating Officer", "Free 40 beds"],
]


def team_sheet(path: Path, rows: Sequence[Sequence[str]]) -> Path:
    """``rows`` as a CSV (semicolons, as Excel saves in some places) or a workbook, by suffix."""
    if path.suffix == ".csv":
        path.write_text("\n".join(";".join(row) for row in rows) + "\n", encoding="utf-8")
        return path
    from openpyxl import Workbook

    workbook = Workbook()
    for row in rows:
        workbook.active.append([cell or None for cell in row])
    workbook.save(path)
    return path


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_vacant_posts_are_left_out_with_a_warning_and_the_batch_succeeds(
    cli: Cli, tmp_path: Path, suffix: str
) -> None:
    facts = facts_without_directors(tmp_path)
    team = team_sheet(tmp_path / f"team{suffix}", VACANCIES)
    out = tmp_path / "notes"
    result = cli("batch", str(facts), "--directors", str(team), "--out", str(out), "-q")
    assert result.exit_code == 0, result.stderr
    vacant = "looks like a vacant post, not a director, so it was left out: when someone is in "
    assert _team_warnings(result.stderr) == [
        f"warning: {team}:row 3: 'Interim \u2014 TBC' {vacant}post, put their name in the row",
        f"warning: {team}:row 4: 'Vacant' {vacant}post, put their name in the row",
        f"warning: {team}:row 5: 'TBC' {vacant}post, put their name in the row",
        f"warning: {team}:row 6: 'Director of Primary Care (to be appointed)' {vacant}post, "
        "put their name in the row",
    ]
    assert sorted(path.name for path in out.glob("*.docx")) == [
        "Frailty virtual ward - brief - Helen Marsh.docx",
        "Frailty virtual ward - brief - Tom Okafor.docx",
    ]
    manifest = (out / "manifest.csv").read_text(encoding="utf-8-sig")
    assert "skipped" not in manifest
    assert "dpc" not in manifest


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_duplicate_row_beside_a_vacancy_stops_the_batch(
    cli: Cli, tmp_path: Path, suffix: str
) -> None:
    facts = facts_without_directors(tmp_path)
    rows = [*VACANCIES, ["dof", "Dr Duplicate", "Director of Finance", ""]]
    team = team_sheet(tmp_path / f"team{suffix}", rows)
    out = tmp_path / "notes"
    result = cli("batch", str(facts), "--directors", str(team), "--out", str(out), "-q")
    assert result.exit_code == 1
    assert (
        f"error: {team}:row 8: column id: 'dof' is already used on row 2: give each director "
        "their own id"
    ) in result.stderr.splitlines()
    assert not out.exists()


def test_a_formula_with_no_saved_value_is_not_called_empty(cli: Cli, tmp_path: Path) -> None:
    facts = facts_without_directors(tmp_path)
    team = team_with_totals(tmp_path / "team.xlsx", formula_name=True)
    result = cli("directors", str(facts), "--directors", str(team), "--json")
    assert result.exit_code == 0, result.stderr
    assert (
        f"warning: {team}:row 2: column name: holds a formula with no saved value, so it reads as "
        "empty: open the file in Excel and save it (Excel saves each formula's value), or type "
        "the value in; dof is left out until this is fixed\n"
    ) in result.stderr
    assert "empty, but required" not in result.stderr


def test_a_count_with_no_id_or_role_is_a_totals_row_but_a_director_without_a_role_is_not(
    cli: Cli, tmp_path: Path
) -> None:
    facts = facts_without_directors(tmp_path)
    team = tmp_path / "team.csv"
    team.write_text(
        "id,name,role\ndof,Helen Marsh,Director of Finance\ncoo,Tom Okafor,\n,2,\n",
        encoding="utf-8",
    )
    result = cli("directors", str(facts), "--directors", str(team), "--json")
    assert sorted(result.stderr.splitlines()) == [
        f"warning: {team}: there is no objectives column, so each note says what a director in "
        "that role usually answers for, not the director's own objectives: add a column headed "
        "'objectives' with each director's objectives, one a line",
        f"warning: {team}:row 3: column role: empty, but required: add the director's job title, "
        "e.g. 'Director of Finance'; Tom Okafor (coo) is left out until this is fixed",
        f"warning: {team}:row 4: a row with no id or role and a number or formula for a name "
        "looks like a totals row, not a director, so it was left out",
    ]


# --- themes declared in a team spreadsheet --------------------------------------------

HIP = Path(__file__).resolve().parent / "data" / "team" / "hip-themes.yaml"
#: hip-themes.yaml's team as a spreadsheet: one line of themes for each objective.
HIP_TEAM = [
    ["id", "name", "role", "objectives", "themes"],
    [
        "md", "Dr Olu Adeyemi", "Medical Director",
        "Bring hip fracture 30-day mortality below the national average\n"
        "personal: Every consultant job plan signed off by June",
        "outcomes, safety\n-",
    ],
    [
        "coo", "Karen Whitfield", "Chief Operating Officer",
        "Free 40 beds across medicine and surgery by March 2028", "flow",
    ],
    ["dof", "Mark Ellison", "Director of Finance", "Deliver the £22m cost improvement programme",
     "Finance"],
]  # fmt: skip


def claims(result: Result, directors: Sequence[Director]) -> list[tuple[str, str, str, str]]:
    """Each link of ``directors --json``: director, impact, the objective's words, confidence."""
    import json

    found = []
    for director in json.loads(result.stdout)["directors"]:
        text = {o.id: o.text for d in directors if d.id == director["id"] for o in d.objectives}
        found += [
            (director["id"], link["impact"], text[link["objective"]], link["confidence"])
            for link in director["links"]
        ]
    return sorted(found)


def test_themes_in_a_team_spreadsheet_give_the_claims_of_the_facts_file(
    cli: Cli, tmp_path: Path
) -> None:
    import csv

    from openpyxl import Workbook

    text = HIP.read_text(encoding="utf-8")
    facts = tmp_path / "facts.yaml"
    facts.write_text(text[: text.index("directors:")] + text[text.index("updates:") :])
    with (tmp_path / "team.csv").open("w", newline="", encoding="utf-8") as stream:
        csv.writer(stream).writerows(HIP_TEAM)
    workbook = Workbook()
    for row in HIP_TEAM:
        workbook.active.append(row)
    workbook.save(tmp_path / "team.xlsx")

    from_yaml = cli("directors", str(HIP), "--json")
    assert from_yaml.exit_code == 0, from_yaml.stderr
    expected = claims(from_yaml, load_facts(HIP).facts.directors)
    mortality = "Bring hip fracture 30-day mortality below the national average"
    assert ("md", "surgery36", mortality, "confident") in expected
    for team in ("team.csv", "team.xlsx"):
        from_team = cli("directors", str(facts), "--directors", str(tmp_path / team), "--json")
        assert from_team.exit_code == 0, from_team.stderr
        assert from_team.stderr == ""
        team_directors = load_directors(tmp_path / team).directors
        assert claims(from_team, team_directors) == expected, team


def test_a_themes_cell_that_does_not_fit_its_objectives_is_named(cli: Cli, tmp_path: Path) -> None:
    facts = facts_without_directors(tmp_path)
    team = tmp_path / "team.csv"
    team.write_text(
        "id,name,role,objectives,themes\n"
        'dof,Helen Marsh,Director of Finance,"Deliver the CIP; Cut agency spend",finance\n'
        "coo,Tom Okafor,Chief Operating Officer,Free 40 beds,flwo\n"
        "cn,Ann Lee,Chief Nurse,Reduce falls,kindness\n",
        encoding="utf-8",
    )
    result = cli("directors", str(facts), "--directors", str(team))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"warning: {team}:row 2: column themes: has 1 line of themes for 2 objectives: give one "
        "line of themes for each objective, in the same order (a line '-' for one with none); "
        "Helen Marsh (dof) is left out until this is fixed",
        f"warning: {team}:row 3: column themes: 'flwo' is not one of pitchkit's themes: did you "
        "mean 'flow'?; Tom Okafor (coo) is left out until this is fixed",
        f"warning: {team}:row 4: column themes: 'kindness' is not one of pitchkit's themes: use "
        "safety, outcomes, experience, access, flow, finance, workforce, equity, digital, "
        "strategy, compliance, sustainability; Ann Lee (cn) is left out until this is fixed",
        f"error: {team}: no director could be read: fix the rows listed above",
    ]


def test_check_lists_the_rows_it_asks_to_fix(cli: Cli, tmp_path: Path) -> None:
    facts = facts_without_directors(tmp_path)
    team = tmp_path / "team.csv"
    team.write_text("id,name,role\ndof,,Director of Finance\n", encoding="utf-8")
    result = cli("check", str(facts), "--directors", str(team))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"warning: {team}: there is no objectives column, so each note says what a director in "
        "that role usually answers for, not the director's own objectives: add a column headed "
        "'objectives' with each director's objectives, one a line",
        f"warning: {team}:row 2: column name: empty, but required: add the director's name; "
        "dof is left out until this is fixed",
        f"error: {team}: no director could be read: fix the rows listed above",
    ]


def test_a_row_with_no_id_and_no_name_says_both_are_missing(cli: Cli, tmp_path: Path) -> None:
    # newuser4 C7: the manifest said only "column id: empty", though the name was missing too.
    team = tmp_path / "team.csv"
    team.write_text(
        "id,name,role,objectives\n"
        "dof,Helen Marsh,Director of Finance,Deliver the cost improvement programme\n"
        ",,Chief People Officer,\n",
        encoding="utf-8",
    )
    facts = facts_without_directors(tmp_path)
    english = cli("batch", str(facts), "--directors", str(team), "-o", str(tmp_path / "en"))
    assert english.exit_code == 1
    assert (
        f"skipped: {team}:row 3: column id: empty, but required: give each director a short "
        "id such as 'dof'; column name is empty too: add the director's name"
    ) in " ".join(english.stderr.split())
    welsh = cli(
        "batch", str(facts), "--directors", str(team), "-o", str(tmp_path / "cy"), "-l", "cy_GB"
    )
    assert "colofn id: yn wag, ond mae ei angen" in " ".join(welsh.stderr.split())
    assert "mae colofn name yn wag hefyd" in " ".join(welsh.stderr.split())


def test_a_sheet_with_objectives_en_and_objectives_cy_alone_is_read(
    cli: Cli, tmp_path: Path
) -> None:
    """review13 L7: the natural two-column sheet, English and Welsh, with no 'objectives'."""
    facts = facts_without_directors(tmp_path)
    team = tmp_path / "team.csv"
    team.write_text(
        "id,name,role,objectives_en,objectives_cy\n"
        'md,Ann Lee,Medical Director,"Reduce mortality; Cut waits",'
        '"Lleihau marwolaethau; Torri amseroedd aros"\n'
        'dof,Pat Hughes,Director of Finance,"Deliver the savings plan; Show value",'
        '"Cyflawni\'r cynllun arbedion"\n'
        'coo,Sam Jones,Chief Operating Officer,,"Lleihau diwrnodau gwely"\n',
        encoding="utf-8",
    )
    english = cli("directors", str(facts), "--directors", str(team))
    assert english.exit_code == 0, english.stderr
    said = " ".join(english.stdout.split())
    assert "md.mortality: Reduce mortality" in said
    assert "md.waits: Cut waits" in said
    warnings = " ".join(english.stderr.split())
    assert (
        "column objectives_cy: give each objective in 'objectives_en' in Welsh here, in the "
        "same order, separated by ';' (2 in 'objectives_en', 1 here)"
    ) in warnings
    assert (
        "column objectives_cy: this column gives the Welsh of each objective: write them in "
        "English in 'objectives_en' (or 'objectives') too, in the same order"
    ) in warnings
    welsh = cli("directors", str(facts), "--directors", str(team), "-l", "cy_GB")
    assert welsh.exit_code == 0, welsh.stderr
    assert "md.mortality: Lleihau marwolaethau" in " ".join(welsh.stdout.split())


def test_a_notes_column_is_passed_over_quietly_and_a_misspelt_one_is_warned_of(
    cli: Cli, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    # newuser26 #7: every run warned "team.xlsx: column 'Notes' was ignored".
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Executive team 2026/27"])
    sheet.append(
        ["id", "Name", "Role", "Objectives 2026/27", "Notes", "PA notes", "Comments", "Concers"]
    )
    sheet.append([
        "dof", "Gareth Lloyd", "Director of Finance", "Deliver the £9.4m cost improvement",
        "Also Deputy CEO; ask via PA", "Books 30 minutes", "Prefers one page", "Agency spend",
    ])  # fmt: skip
    team = tmp_path / "team.xlsx"
    workbook.save(team)
    facts = facts_without_directors(tmp_path)
    shown = cli("directors", str(facts), "--directors", str(team))
    assert shown.exit_code == 0, shown.stderr
    assert shown.stderr == (
        f"warning: {team}: column 'Concers' was ignored: did you mean 'concerns'?\n"
    )
    assert "dof.cost-improvement" in shown.stdout
