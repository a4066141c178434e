"""A team sheet in Welsh and English: objectives in both languages, and warnings at the cell.

A sheet cannot hold a facts file's ``{en: ..., cy: ...}`` in the usual way,
so each objective's other language goes in an ``objectives_en`` (or
``objectives_cy``) column, item for item. Each test runs the command line
as a user would and reads back what they see.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from pathlib import Path

from typer.testing import Result

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "frailty-virtual-ward"

Cli = Callable[..., Result]

HEADER = ["id", "name", "role", "objectives"]
#: "Keep general and acute bed occupancy below 92%", which the bed-days impact serves.
OCCUPANCY_CY = "Cadw deiliadaeth gwelyau cyffredinol ac acíwt o dan 92%"
OCCUPANCY_EN = "Keep general and acute bed occupancy below 92%"
HARM_CY = "Lleihau niwed y gellir ei osgoi"


def facts_without_directors(tmp_path: Path) -> Path:
    """The frailty example's facts with no 'directors:' (nor the links that name them).

    Nor the meeting's director: the sheets here have no 'dof', and a meeting
    with a director the team lacks is an error (newuser9 #5).
    """
    lines = (EXAMPLE / "facts.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("directors:"))
    end = next(i for i, line in enumerate(lines) if i > start and line[:1].isalpha())
    kept = [
        line
        for line in lines[:start] + lines[end:]
        if not line.strip().startswith("supports:") and line != "  director: dof\n"
    ]
    path = tmp_path / "facts.yaml"
    path.write_text("".join(kept), encoding="utf-8")
    return path


def team(tmp_path: Path, header: Sequence[str], *rows: Sequence[str]) -> Path:
    path = tmp_path / "team.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([header, *rows])
    return path


def said(result: Result) -> str:
    return " ".join(result.output.split())


def test_a_welsh_only_objective_in_a_sheet_is_named_by_row_and_column_with_a_sheet_fix(
    cli: Cli, tmp_path: Path
) -> None:
    facts = facts_without_directors(tmp_path)
    sheet = team(
        tmp_path,
        HEADER,
        ["coo", "Tom Okafor", "Chief Operating Officer", "Reduce bed occupancy"],
        ["don", "Ruth Adeyemi", "Chief Nurse", f"Improve patient experience; {HARM_CY}"],
    )
    english = said(cli("directors", str(facts), "--directors", str(sheet), "--locale", "en_GB"))
    assert (
        f"{sheet}:row 3: column objectives: '{HARM_CY}' is in Welsh only, so the measure map "
        "cannot read it" in english
    )
    assert "add a column objectives_en to the sheet with the English of each objective" in english
    assert "directors[1]" not in english
    assert "{en: ..., cy: ...}" not in english  # a cell would keep it as text
    welsh = said(cli("directors", str(facts), "--directors", str(sheet), "--locale", "cy_GB"))
    assert f"{sheet}:rhes 3: colofn objectives: Mae '{HARM_CY}' yn Gymraeg yn unig" in welsh
    assert "ychwanegwch golofn objectives_en" in welsh
    checked = said(
        cli("check", str(facts), "--directors", str(sheet), "-d", "don", "--locale", "en_GB")
    )
    assert f"where: {sheet}:row 3: column objectives" in checked
    assert "In the team sheet, add a column objectives_en" in checked


def test_an_objectives_en_column_links_on_the_english_and_shows_each_language(
    cli: Cli, tmp_path: Path
) -> None:
    facts = facts_without_directors(tmp_path)
    sheet = team(
        tmp_path,
        [*HEADER, "Objectives (EN)"],
        ["coo", "Tom Okafor", "Chief Operating Officer", OCCUPANCY_CY, OCCUPANCY_EN],
    )
    welsh = said(cli("directors", str(facts), "--directors", str(sheet), "--locale", "cy_GB"))
    english = said(cli("directors", str(facts), "--directors", str(sheet), "--locale", "en_GB"))
    # The id is made from the English, the same in both; each language shows its own text,
    # and both make the measure map's link.
    assert f"coo.bed-occupancy: {OCCUPANCY_CY} (wedi'i wasanaethu)" in welsh
    assert f"coo.bed-occupancy: {OCCUPANCY_EN} (served)" in english
    assert "Welsh only" not in english
    assert "Gymraeg yn unig" not in welsh


def test_the_facts_file_form_typed_into_a_cell_is_read_as_both_languages(
    cli: Cli, tmp_path: Path
) -> None:
    facts = facts_without_directors(tmp_path)
    cell = f"{{en: {OCCUPANCY_EN}, cy: {OCCUPANCY_CY}}}; Cut waits in the emergency department"
    sheet = team(tmp_path, HEADER, ["coo", "Tom Okafor", "Chief Operating Officer", cell])
    welsh = said(cli("directors", str(facts), "--directors", str(sheet), "--locale", "cy_GB"))
    assert f"coo.bed-occupancy: {OCCUPANCY_CY} (wedi'i wasanaethu)" in welsh
    assert "{en:" not in welsh
    english = said(cli("directors", str(facts), "--directors", str(sheet), "--locale", "en_GB"))
    assert f"coo.bed-occupancy: {OCCUPANCY_EN} (served)" in english


def test_an_other_language_column_that_does_not_match_is_named_with_the_count(
    cli: Cli, tmp_path: Path
) -> None:
    facts = facts_without_directors(tmp_path)
    sheet = team(
        tmp_path,
        [*HEADER, "objectives_cy"],
        ["coo", "Tom Okafor", "Chief Operating Officer", f"{OCCUPANCY_EN}; Cut waits", "Un"],
        ["dof", "Helen Marsh", "Director of Finance", "Reduce agency spend", ""],
    )
    result = cli("directors", str(facts), "--directors", str(sheet), "--locale", "en_GB")
    assert (
        f"{sheet}:row 2: column objectives_cy: give each objective in 'objectives' in the "
        "other language here, in the same order, separated by ';' (2 in 'objectives', 1 here)"
    ) in said(result)
    assert "Traceback" not in result.output


def test_ids_read_as_a_short_name_and_links_written_with_earlier_ids_keep_working(
    cli: Cli, tmp_path: Path
) -> None:
    facts = facts_without_directors(tmp_path)
    sheet = team(
        tmp_path,
        HEADER,
        [
            "coo",
            "Tom Okafor",
            "Chief Operating Officer",
            "Meet the 28-day Faster Diagnosis Standard for suspected cancer; "
            "Cut spend with independent sector providers",
        ],
        ["don", "Ruth Adeyemi", "Cyfarwyddwr Nyrsio", HARM_CY],
    )
    shown = said(cli("directors", str(facts), "--directors", str(sheet), "--locale", "en_GB"))
    assert "coo.28-day-fds: Meet the 28-day Faster Diagnosis Standard" in shown
    assert "coo.spend-independent-sector: Cut spend with independent sector providers" in shown
    assert f"don.niwed-osgoi: {HARM_CY}" in shown
    assert "28-day-faster" not in shown
    # Links a lead wrote with the ids the previous pitchkit made still name these objectives.
    text = facts.read_text(encoding="utf-8")
    source = "    source: Trust bed management system, 2025/26\n"
    assert text.count(source) == 1
    facts.write_text(
        text.replace(source, f"    supports: [coo.28-day-faster, don.niwed-gellir]\n{source}"),
        encoding="utf-8",
    )
    kept = cli("directors", str(facts), "--directors", str(sheet), "--locale", "en_GB")
    assert kept.exit_code == 0, kept.stderr
    assert "coo.28-day-faster: Meet the 28-day Faster Diagnosis Standard" in said(kept)
    assert f"don.niwed-gellir: {HARM_CY}" in said(kept)
