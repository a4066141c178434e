"""Problems with facts and directors files are shown in the user's language.

Reading a facts file (YAML, the schema, cross-references) and a directors
file (CSV, XLSX, YAML, lenses) reports what is wrong as located messages:
the place stays as written, the explanation is in English by default and
in Welsh with ``--locale cy_GB`` or a facts file that asks for Welsh, even
when that file is itself broken.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file
from typer.testing import CliRunner

from pitchkit.cli import app
from pitchkit.errors import FactsError
from pitchkit.facts.schema import load_facts
from pitchkit.i18n.translation import language

ROOT = Path(__file__).resolve().parent.parent
FRAILTY = ROOT / "examples" / "frailty-virtual-ward" / "facts.yaml"
CY = language("cy_GB")
#: The modules whose messages these tests cover.
MODULES = (
    "facts/yamlsource.py",
    "facts/validation.py",
    "facts/schema.py",
    "facts/directors.py",
    "recast/lenses.py",
    "advice/ranking.py",
)
KEYWORDS = {"Message": None, "Plural": (1, 2)}
TEAM_HEADER = "id,name,role,lens\r\n"
GOOD_ROW = "dof,Helen Marsh,Director of Finance,\r\n"


def run(*args: str) -> tuple[int, list[str]]:
    """Run pitchkit; return the exit code and the lines on stderr."""
    result = CliRunner().invoke(app, list(args))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stderr.strip().splitlines()


def facts_file(tmp_path: Path, *, old: str = "", new: str = "", locale: str = "en_GB") -> Path:
    """The frailty example with ``old`` replaced by ``new`` and ``settings.locale`` set."""
    text = FRAILTY.read_text(encoding="utf-8")
    assert "  locale: en_GB\n" in text
    text = text.replace("  locale: en_GB\n", f"  locale: {locale}\n")
    if old:
        assert old in text
        text = text.replace(old, new, 1)
    path = tmp_path / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def team_file(tmp_path: Path, *rows: str) -> Path:
    """A directors CSV with ``rows`` below the header."""
    path = tmp_path / "team.csv"
    path.write_text(TEAM_HEADER + "".join(rows), encoding="utf-8")
    return path


# ---------------------------------------------------------------- a broken facts file


def test_a_welsh_facts_file_with_a_missing_field_is_reported_in_welsh(tmp_path: Path) -> None:
    path = facts_file(tmp_path, old="  title: Frailty virtual ward\n", locale="cy_GB")
    code, lines = run("brief", str(path), "--out", str(tmp_path / "out"))
    assert code == 1
    assert lines == [
        f"gwall: {path}:7:3: project.title: mae ei angen, ond mae ar goll: ychwanegwch 'title:' yma"
    ]
    assert not (tmp_path / "out").exists()


def test_the_same_file_in_english_is_reported_in_english(tmp_path: Path) -> None:
    path = facts_file(tmp_path, old="  title: Frailty virtual ward\n")
    code, lines = run("brief", str(path), "--out", str(tmp_path / "out"))
    assert code == 1
    assert lines == [f"error: {path}:7:3: project.title: required, but missing: add 'title:' here"]


def test_locale_on_the_command_line_wins_over_the_file(tmp_path: Path) -> None:
    path = facts_file(tmp_path, old="  title: Frailty virtual ward\n", locale="cy_GB")
    code, lines = run("brief", str(path), "--locale", "en_GB", "--out", str(tmp_path))
    assert code == 1
    assert lines[0].startswith("error: ")
    assert lines[0].endswith("required, but missing: add 'title:' here")


def test_a_welsh_file_that_is_not_valid_yaml_is_reported_in_welsh(tmp_path: Path) -> None:
    path = facts_file(
        tmp_path, old="  organisation: Example", new="\torganisation: Example", locale="cy_GB"
    )
    code, lines = run("brief", str(path), "--out", str(tmp_path))
    assert code == 1
    assert len(lines) == 1
    assert lines[0].startswith(f"gwall: {path}:8:1: ni ellid darllen y YAML: ")
    assert lines[0].endswith(": mewnolwch â bylchau, nid tabiau")


def test_every_problem_is_one_welsh_line_in_file_order(tmp_path: Path) -> None:
    path = facts_file(tmp_path, old="    baseline: 1200", new="    baseline: lots", locale="cy")
    text = path.read_text(encoding="utf-8").replace("  title: Frailty", "  titel: Frailty")
    path.write_text(
        text.replace("  organisation: Example NHS Foundation Trust\n", ""), encoding="utf-8"
    )
    code, lines = run("brief", str(path), "--out", str(tmp_path))
    assert code == 1
    # The misspelt 'titel' is one line, not also "title is missing"; 'organisation' is missing.
    assert [line.split(": ")[2] for line in lines] == [
        "project.organisation",
        "project.titel",
        "impacts[0].baseline",
    ]
    assert lines[0].endswith("mae ei angen, ond mae ar goll: ychwanegwch 'organisation:' yma")
    assert lines[1].endswith("maes anhysbys 'titel': oeddech chi'n golygu 'title'?")
    assert lines[2].endswith(
        "rhaid i'r gwerth fod yn rhif fel 1200, heb unedau na geiriau (cafwyd 'lots')"
    )


@pytest.mark.parametrize(
    ("old", "new", "english", "welsh"),
    [
        pytest.param(
            "supports: [dof.cip",
            "supports: [dfo.cip",
            "no director has the id 'dfo': did you mean 'dof'?",
            "nid oes gan unrhyw gyfarwyddwr yr id 'dfo': oeddech chi'n golygu 'dof'?",
            id="cross-reference",
        ),
        pytest.param(
            "  start: 2027-01-04",
            "  start: 2027-02-30",
            "'2027-02-30' is not a real date: write it year first as YYYY-MM-DD, "
            "e.g. 2027-04-30 for 30 April 2027",
            "nid yw '2027-02-30' yn ddyddiad go iawn: ysgrifennwch y flwyddyn yn gyntaf fel "
            "YYYY-MM-DD",
            id="date",
        ),
        pytest.param(
            "  start: 2027-01-04",
            "  start: 04/13/2027",
            "'04/13/2027' looks like month/day/year, as American spreadsheets write it: "
            "pitchkit reads dates day first, as in the UK, so write 13/04/2027 or 2027-04-13",
            "mae '04/13/2027' yn edrych fel mis/diwrnod/blwyddyn, fel y mae taenlenni "
            "Americanaidd yn ei ysgrifennu",
            id="day-first-date",
        ),
        pytest.param(
            "  end: 2028-03-31",
            "  end: 2026-03-31",
            "end comes before start: check the two dates",
            "mae 'end' yn dod cyn 'start': gwiriwch y ddau ddyddiad",
            id="validator",
        ),
    ],
)
def test_facts_problems_in_both_languages(
    tmp_path: Path, old: str, new: str, english: str, welsh: str
) -> None:
    path = facts_file(tmp_path, old=old, new=new)
    if old not in FRAILTY.read_text(encoding="utf-8"):  # pragma: no cover - guard
        pytest.skip("the example changed")
    code, lines = run("brief", str(path), "--out", str(tmp_path))
    assert code == 1
    assert len(lines) == 1
    assert lines[0].startswith("error: ")
    assert english in lines[0]
    code, lines = run("brief", str(path), "--locale", "cy_GB", "--out", str(tmp_path))
    assert code == 1
    assert len(lines) == 1
    assert lines[0].startswith("gwall: ")
    assert welsh in lines[0]


def test_removed_characters_are_a_welsh_warning(tmp_path: Path) -> None:
    path = facts_file(
        tmp_path, old="  title: Frailty virtual ward", new='  title: "Frailty\\a ward"'
    )
    code, lines = run("brief", str(path), "--locale", "cy_GB", "--out", str(tmp_path / "out"))
    assert code == 0
    assert lines[0] == (
        f"rhybudd: {path}:7:10: project.title: tynnwyd nod cloch am na all Word ddangos y "
        "fath nodau"
    )
    code, lines = run("brief", str(path), "--out", str(tmp_path / "again"))
    assert code == 0
    assert lines[0] == (
        f"warning: {path}:7:10: project.title: removed a bell character, which Word cannot show"
    )


def test_a_missing_facts_file_is_reported_in_welsh(tmp_path: Path) -> None:
    missing = tmp_path / "fcats.yaml"
    code, lines = run("brief", str(missing), "--locale", "cy_GB", "--out", str(tmp_path))
    assert code == 1
    assert lines == [
        f"gwall: {missing}: ni chafwyd hyd i'r ffeil: gwiriwch y llwybr ac enw'r ffeil"
    ]


# ---------------------------------------------------------------- a directors file


@pytest.mark.parametrize(
    ("rows", "english", "welsh"),
    [
        pytest.param(
            (GOOD_ROW, "md,,Medical Director,\r\n"),
            "warning: {team}:row 3: column name: empty, but required: add the director's name",
            "rhybudd: {team}:rhes 3: colofn name: yn wag, ond mae ei angen: "
            "ychwanegwch enw'r cyfarwyddwr",
            id="bad-row",
        ),
        pytest.param(
            (GOOD_ROW, "coo,Tom Reed,Chief Operating Officer,bogus\r\n"),
            "warning: {team}:row 3: column lens: unknown lens 'bogus': use one of chief-executive,",
            "rhybudd: {team}:rhes 3: colofn lens: lens anhysbys 'bogus': defnyddiwch un o'r rhain: "
            "chief-executive,",
            id="lens",
        ),
    ],
)
def test_a_skipped_row_is_a_warning_in_both_languages(
    tmp_path: Path, rows: tuple[str, ...], english: str, welsh: str
) -> None:
    team = team_file(tmp_path, *rows)
    code, lines = run("directors", str(FRAILTY), "--directors", str(team))
    assert code == 0
    assert any(line.startswith(english.format(team=team)) for line in lines)
    code, lines = run("directors", str(FRAILTY), "--directors", str(team), "--locale", "cy_GB")
    assert code == 0
    assert any(line.startswith(welsh.format(team=team)) for line in lines)
    assert not any(line.startswith("warning:") for line in lines)


@pytest.mark.parametrize(
    ("rows", "english", "welsh"),
    [
        pytest.param(
            (",Helen Marsh,Director of Finance,\r\n",),
            "error: {team}: no director could be read: fix the rows listed above",
            "gwall: {team}: ni ellid darllen yr un cyfarwyddwr: cywirwch y rhesi a restrir uchod",
            id="no-director-left",
        ),
        pytest.param(
            (GOOD_ROW, "DOF,Sam Patel,Medical Director,\r\n"),
            "error: {team}:row 3: column id: 'DOF' is already used on row 2: give each "
            "director their own id",
            "gwall: {team}:rhes 3: colofn id: mae 'DOF' eisoes yn cael ei ddefnyddio ar res 2: "
            "rhowch ei id ei hun i bob cyfarwyddwr",
            id="duplicate-id",
        ),
    ],
)
def test_a_directors_file_error_in_both_languages(
    tmp_path: Path, rows: tuple[str, ...], english: str, welsh: str
) -> None:
    team = team_file(tmp_path, *rows)
    code, lines = run("directors", str(FRAILTY), "--directors", str(team))
    assert code == 1
    assert lines[-1].startswith(english.format(team=team))
    code, lines = run("directors", str(FRAILTY), "--directors", str(team), "--locale", "cy_GB")
    assert code == 1
    assert lines[-1].startswith(welsh.format(team=team))
    assert not any(line.startswith(("error:", "warning:")) for line in lines)


def test_a_directors_file_that_cannot_be_read_is_one_welsh_line(tmp_path: Path) -> None:
    old_excel = tmp_path / "team.xls"
    old_excel.write_bytes(b"\xd0\xcf\x11\xe0")
    code, lines = run("directors", str(FRAILTY), "--directors", str(old_excel), "-l", "cy_GB")
    assert code == 1
    assert lines == [
        f"gwall: {old_excel}: ffeil Excel o'r hen fath: cadwch hi o Excel fel 'Excel Workbook "
        "(.xlsx)' neu 'CSV UTF-8', neu ysgrifennwch restr .yaml"
    ]


def test_a_yaml_directors_file_is_located_in_welsh(tmp_path: Path) -> None:
    team = tmp_path / "team.yaml"
    team.write_text(
        "- id: dof\n  name: Helen Marsh\n  role: Director of Finance\n"
        "- id: md\n  role: Medical Director\n",
        encoding="utf-8",
    )
    code, lines = run("directors", str(FRAILTY), "--directors", str(team), "--locale", "cy_GB")
    assert code == 0
    assert (
        f"rhybudd: {team}:4:3: [1].name: mae ei angen, ond mae ar goll: ychwanegwch 'name:' yma; "
        "mae md wedi'i adael allan nes i hyn gael ei drwsio" in lines
    )


def test_batch_says_skipped_in_welsh(tmp_path: Path) -> None:
    team = team_file(tmp_path, GOOD_ROW, "md,,Medical Director,\r\n")
    code, lines = run(
        "batch", str(FRAILTY), "--directors", str(team), "--locale", "cy_GB",
        "--out", str(tmp_path / "notes"),
    )  # fmt: skip
    assert code == 1
    assert (
        f"hepgorwyd: {team}:rhes 3: colofn name: yn wag, ond mae ei angen: "
        "ychwanegwch enw'r cyfarwyddwr; mae md wedi'i adael allan nes i hyn gael ei drwsio"
    ) in lines


# ---------------------------------------------------------------- the messages themselves


def module_messages() -> list[tuple[str, tuple[str, ...]]]:
    """Every Message and Plural text written in the modules, with where it is."""
    found: list[tuple[str, tuple[str, ...]]] = []
    for name in MODULES:
        path = ROOT / "src" / "pitchkit" / name
        for _, text, _, _ in extract_from_file("python", str(path), keywords=KEYWORDS):
            found.append((name, text if isinstance(text, tuple) else (text,)))
    return found


def test_the_modules_have_their_messages() -> None:
    found = module_messages()
    assert len(found) > 90
    assert {name for name, _ in found} == set(MODULES)


@pytest.mark.parametrize(("name", "texts"), module_messages())
def test_every_message_reads_differently_in_welsh_with_its_placeholders(
    name: str, texts: tuple[str, ...]
) -> None:
    placeholders = set(re.findall(r"\{\w*\}", " ".join(texts)))
    if len(texts) == 1:
        forms = [CY.gettext(texts[0])]
    else:
        forms = [CY.ngettext(texts[0], texts[1], n) for n in range(7)]
    for welsh in forms:
        assert welsh not in texts, f"{name}: {texts[0]!r} is not in Welsh"
        assert set(re.findall(r"\{\w*\}", welsh)) == placeholders, welsh


# ---------------------------------------------------------------- the language of a broken file


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        pytest.param("settings: {locale: cy_GB}\n", "cy_GB", id="valid-yaml"),
        pytest.param("settings:\n  locale: cy\nproject: [\n", "cy", id="broken-yaml"),
        pytest.param("settings: {locale: [cy]}\n", None, id="not-text"),
        pytest.param("project: {title: x}\n", None, id="none"),
    ],
)
def test_a_failed_load_carries_the_locale_the_file_asks_for(
    tmp_path: Path, text: str, locale: str | None
) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FactsError) as caught:
        load_facts(path)
    assert caught.value.locale == locale
