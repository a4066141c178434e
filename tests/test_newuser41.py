"""newuser41: a Welsh health board's mental health improvement lead, writing in Welsh.

The lead's own files (tests/data/newuser41: a facts file written by ``pitchkit init
--locale cy_GB``, a team sheet exported from Excel as CSV UTF-8 with English concerns,
15 months of figures, and the answers typed into init) are run through the real command
and what the lead and the directors see is read back: the command's words, the note's
text and the facts file init writes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from documenttext import document_text
from pitchkit.cli import app

DATA = Path(__file__).resolve().parent / "data" / "newuser41"


def run(*args: str, given: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), input=given)
    return result.exit_code, " ".join((result.output + result.stderr).split())


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for name in ("facts.yaml", "team.csv", "figures.csv", "init-answers.txt"):
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path


def without_team(folder: Path) -> Path:
    """The facts file linked to its own director's objective, for use without the team sheet."""
    facts = folder / "facts.yaml"
    text = facts.read_text(encoding="utf-8")
    linked = "supports: [dpcmh.inappropriate-out-of-area]"
    facts.write_text(text.replace(linked, "supports: [dpcmh.lleoliadau-iechyd]"), "utf-8")
    return facts


def brief(folder: Path, director: str, *extra: str) -> tuple[str, str]:
    """What ``brief`` says, and the text of the note it writes, for ``director``."""
    out = folder / f"out{len(list(folder.glob('out*')))}"
    facts, team = str(folder / "facts.yaml"), str(folder / "team.csv")
    args = ("brief", facts, "--directors", team, "-d", director, "--today", "2026-12-07")
    code, shown = run(*args, *extra, "--out", str(out))
    assert code == 0, shown
    (written,) = out.glob("*.docx")
    return shown, " ".join(document_text(written.read_bytes()).split())


# --- item 1: a team row's English concerns, when the facts file lists the same director -------


def test_english_concerns_of_a_team_row_are_warned_of_though_the_facts_file_has_the_director(
    project: Path,
) -> None:
    """init writes the director into the facts file; the team sheet's row is what the note shows.

    The note to dpcmh said "Eich pryderon y mae'n mynd i'r afael â nhw: Out-of-area
    placements." with no warning, as only the facts file's Welsh entry was looked at.
    """
    shown, text = brief(project, "dpcmh")
    assert "Out-of-area placements" in text  # the sheet's concern, as the note shows it
    team = str(project / "team.csv")
    assert f"testun Saesneg o 1 maes ({team}:rhes 8: colofn concerns)" in shown
    facts = str(project / "facts.yaml")
    args = ("brief", facts, "--directors", team, "-d", "dpcmh", "--today", "2026-12-07")
    code, strict = run(*args, "--strict", "--out", str(project / "strict"))
    assert code != 0
    assert f"{team}:rhes 8: colofn concerns" in strict
    assert not (project / "strict").exists() or not list((project / "strict").glob("*.docx"))


def test_a_director_the_facts_file_lists_alone_is_still_read_from_the_facts_file(
    project: Path,
) -> None:
    """Without a team sheet, the facts file's own Welsh entry is the one read: no warning."""
    out = project / "own"
    facts = str(without_team(project))
    code, shown = run("brief", facts, "-d", "dpcmh", "--today", "2026-12-07", "--out", str(out))
    assert code == 0, shown
    assert "Saesneg" not in shown
    (written,) = out.glob("*.docx")
    text = " ".join(document_text(written.read_bytes()).split())
    assert "Out-of-area" not in text  # the facts file's own Welsh director, not the sheet's


# --- item 2: the warning says where a team cell's Welsh goes --------------------------------


def test_the_english_text_warning_names_the_team_sheets_welsh_column(project: Path) -> None:
    shown, _text = brief(project, "dpcmh")
    assert "Yn nhaflen y tîm, rhowch y Gymraeg mewn colofn concerns_cy wrth ei hochr." in shown
    facts, team = str(project / "facts.yaml"), str(project / "team.csv")
    out = str(project / "batch")
    args = ("batch", facts, "--directors", team, "--today", "2026-12-07", "--out", out)
    code, said = run(*args)
    assert code == 0, said
    assert "colofn concerns" in said
    assert "rhowch y Gymraeg mewn colofn concerns_cy wrth ei hochr." in said


def test_an_english_warning_from_the_facts_file_alone_names_no_team_column(
    project: Path,
) -> None:
    facts = without_team(project)
    text = facts.read_text(encoding="utf-8")
    facts.write_text(
        text.replace(
            "  - Ein helpu i gytuno", "  - Help us agree the savings line with finance\n  - Ein"
        ),
        encoding="utf-8",
    )
    code, shown = run(
        "brief", str(facts), "-d", "dpcmh", "--today", "2026-12-07", "--out", str(project / "o")
    )
    assert code == 0, shown
    assert "testun Saesneg o 1 maes (asks[1])" in shown
    assert "taflen y tîm" not in shown


# --- item 3: a funding status answered in Welsh -----------------------------------------------


def test_a_welsh_funding_status_reads_as_its_english_in_an_english_note(project: Path) -> None:
    """An earlier init wrote "status: cytunwyd arno": the English note said so, in Welsh."""
    _shown, english = brief(project, "dpcmh", "--locale", "en_GB")
    assert "Funding: £185,000 (agreed) from" in english
    assert "cytunwyd" not in english
    _shown, welsh = brief(project, "dpcmh")
    assert "Cyllid: £185,000 (cytunwyd) o Gronfa" in welsh


def test_init_in_welsh_keeps_the_funding_status_and_ids_a_team_sheet_would_use(
    project: Path,
) -> None:
    """The lead's own answers: status "cytunwyd arno", a Welsh measure, a Welsh title."""
    answers = (project / "init-answers.txt").read_text(encoding="utf-8").splitlines()
    # The lead typed "dpcmh" for the id; take the id init offers instead.
    at = answers.index("dpcmh")
    answers[at] = ""
    target = project / "new.yaml"
    code, shown = run("init", str(target), "--locale", "cy_GB", given="\n".join(answers) + "\n")
    assert code == 0, shown
    assert "Dynodydd byr i'w henwi ar y llinell orchymyn: [dopcmh]" in shown
    written = YAML(typ="safe").load(target.read_text(encoding="utf-8"))
    assert written["project"]["funding"]["status"] == "agreed"
    ids = [impact["id"] for impact in written["impacts"]]
    assert ids == ["diwrnodau-gwely-lleoliadau", "derbyniadau-wardiau-aciwt"]
    assert written["directors"][0]["id"] == "dopcmh"
    # The note made from it says "agreed" in Welsh, as the lead typed it.
    out = project / "fromnew"
    code, shown = run(
        "brief", str(target), "-d", "dopcmh", "--today", "2026-12-07", "--out", str(out)
    )
    assert code == 0, shown
    (note,) = out.glob("*.docx")
    assert "Cyllid: £185,000 (cytunwyd) o Gronfa" in " ".join(
        document_text(note.read_bytes()).split()
    )


@pytest.mark.parametrize(
    ("title", "wanted"),
    [
        ("Cyfarwyddwr Cyllid", "dof"),
        ("Prif Swyddog Gweithredu", "coo"),
        ("Cyfarwyddwr Gweithredol Cyllid", "edof"),
        ("Director of Finance", "dof"),
        ("Arweinydd Clwstwr y Dyffryn", "acd"),
    ],
)
def test_a_welsh_title_gets_the_id_of_its_english(title: str, wanted: str) -> None:
    from pitchkit.init.answers import role_id

    assert role_id(title) == wanted


@pytest.mark.parametrize(
    ("measure", "wanted"),
    [
        ("Diwrnodau gwely mewn lleoliadau y tu allan i'r ardal", "diwrnodau-gwely-lleoliadau"),
        ("Presenoldebau yn yr adran achosion brys", "presenoldebau-adran-achosion"),
        ("Bed days used", "bed-days-used"),
        ("Emergency admissions of people aged 75 and over", "emergency-admissions-people"),
    ],
)
def test_a_welsh_measures_id_skips_its_little_words(measure: str, wanted: str) -> None:
    from pitchkit.init.answers import slug

    assert slug(measure) == wanted
