"""``--json`` on brief, update, batch, preview and template check, checked against its schemas.

Each test runs the real command on a bundled example, reads standard
output as JSON (so anything else printed there fails the test), validates
it against the schema shipped in the package, and checks that what the
JSON says was written really was: the files exist, hold the note, and
the cuts, findings and warnings are the ones the command reports.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import Result

from docchecks import docx_text, template_with
from pitchkit.api.json_output import SCHEMA_VERSION, SCHEMAS, load_schema, schema_file

FRAILTY = "frailty-virtual-ward"
WELSH = "ysbyty-cymunedol"
BROKEN = Path(__file__).resolve().parent / "broken"

Run = Callable[..., Result]


def validated(command: str, result: Result) -> dict[str, Any]:
    """Standard output as the one JSON object it must be, valid against ``command``'s schema."""
    data = json.loads(result.stdout)
    validator = jsonschema.Draft202012Validator(
        load_schema(command), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    validator.validate(data)
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["command"] == command
    return data


def warning_lines(result: Result) -> list[str]:
    """The warnings standard error shows, without their label."""
    return [
        line.removeprefix("warning: ")
        for line in result.stderr.splitlines()
        if line.startswith("warning: ")
    ]


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty folder, so relative paths in the JSON are resolved from it."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


# ---------------------------------------------------------------- the schemas themselves


@pytest.mark.parametrize("command", sorted(SCHEMAS))
def test_each_schema_is_a_valid_draft_2020_12_schema_shipped_in_the_package(command: str) -> None:
    schema = load_schema(command)

    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema_file(command).parent.name == "schemas"
    assert schema["$defs"]["failure"]["properties"]["command"] == {"const": command}


def test_the_parts_the_schemas_share_are_the_same_in_every_file() -> None:
    schemas = [load_schema(command) for command in SCHEMAS]
    own = {"result", "failure"}
    first = {k: v for k, v in schemas[0]["$defs"].items() if k not in own}

    for schema in schemas[1:]:
        assert {k: v for k, v in schema["$defs"].items() if k not in own} == first


# ---------------------------------------------------------------- brief


def test_brief_json_names_the_note_written_its_cuts_findings_and_warnings(
    run: Run, example: Callable[[str], Path], in_tmp: Path
) -> None:
    result = run("brief", str(example(FRAILTY)), "-d", "dof", "-o", "notes", "--json")

    assert result.exit_code == 0, result.stderr
    data = validated("brief", result)
    assert data["ok"] is True
    assert data["director"] == {"id": "dof", "name": "Helen Marsh", "role": "Director of Finance"}
    assert data["languages"] == ["en_GB"]
    [note] = data["files"]
    assert note["kind"] == "docx"
    assert Path(note["absolute"]).is_absolute()
    assert Path(note["absolute"]) == in_tmp / note["path"]
    assert note["path"].startswith("notes/")
    assert "Frailty virtual ward" in docx_text(Path(note["absolute"]))
    # The cuts are those the warning lists, in its order, and the warning is on stderr too.
    fields = [cut["field"] for cut in data["cuts"]]
    assert fields  # the finance note is still cut to fit one page
    [shortened] = [w for w in data["warnings"] if w.startswith("to fit one page")]
    assert [shortened.index(f"{field} (") for field in fields] == sorted(
        shortened.index(f"{field} (") for field in fields
    )
    assert data["warnings"] == warning_lines(result)
    assert {f["severity"] for f in data["findings"]} >= {"warning", "info"}
    assert data["pages"] is None  # LibreOffice's measuring is off in the tests
    assert data["over_words"] == 0


def test_brief_json_gives_the_findings_check_json_gives(
    run: Run, example: Callable[[str], Path], in_tmp: Path
) -> None:
    from pitchkit.advice.length import LENGTH_RULES

    facts = str(example(FRAILTY))
    written = validated("brief", run("brief", facts, "-d", "coo", "--json"))
    checked = json.loads(run("check", facts, "-d", "coo", "--json").stdout)["findings"]

    assert written["findings"] == [f for f in checked if f["rule"] not in LENGTH_RULES]
    assert (in_tmp / written["files"][0]["path"]).is_file()


def test_brief_json_with_pdf_lists_the_pdf_and_the_pages_measured(
    run: Run,
    example: Callable[[str], Path],
    in_tmp: Path,
    soffice: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PITCHKIT_MEASURE", "1")
    result = run("brief", str(example(FRAILTY)), "-d", "md", "--pdf", "-o", "n.docx", "--json")

    assert result.exit_code == 0, result.stderr
    data = validated("brief", result)
    assert [(f["kind"], f["path"]) for f in data["files"]] == [("docx", "n.docx"), ("pdf", "n.pdf")]
    assert all(Path(f["absolute"]).is_file() for f in data["files"])
    assert data["pages"] == 1


def test_a_bilingual_brief_says_both_languages_welsh_first(
    run: Run, example: Callable[[str], Path], in_tmp: Path
) -> None:
    result = run("brief", str(example(WELSH)), "--bilingual", "-o", "dwy.docx", "--json")

    assert result.exit_code == 0, result.stderr
    data = validated("brief", result)
    assert data["languages"] == ["cy_GB", "en_GB"]
    assert data["locale"] == "cy_GB"
    assert (in_tmp / "dwy.docx").is_file()


def test_a_welsh_brief_gives_its_words_in_welsh_and_its_keys_in_english(
    run: Run, example: Callable[[str], Path], in_tmp: Path
) -> None:
    english = validated("brief", run("brief", str(example(WELSH)), "-l", "en_GB", "--json"))
    welsh = validated("brief", run("brief", str(example(WELSH)), "-o", "cy.docx", "--json"))

    assert welsh["locale"] == "cy_GB"
    assert welsh["languages"] == ["cy_GB"]
    assert [f["rule"] for f in welsh["findings"]] == [f["rule"] for f in english["findings"]]
    assert [f["message"] for f in welsh["findings"]] != [f["message"] for f in english["findings"]]
    assert welsh["files"][0]["path"] == "cy.docx"


# ---------------------------------------------------------------- errors


def test_an_error_prints_ok_false_with_the_one_line_message_also_on_stderr(
    run: Run, example: Callable[[str], Path], in_tmp: Path
) -> None:
    result = run("brief", str(example(FRAILTY)), "-d", "nobody", "--json")

    assert result.exit_code == 1
    data = validated("brief", result)
    assert data["ok"] is False
    assert data["error"]["kind"] == "directors"
    assert "no director has the id 'nobody'" in data["error"]["message"]
    assert result.stderr.splitlines() == [f"error: {data['error']['message']}"]
    assert list(in_tmp.iterdir()) == []


def test_a_facts_error_says_where_in_json(run: Run, in_tmp: Path) -> None:
    result = run("update", str(BROKEN / "duplicate-key.yaml"), "--json")

    assert result.exit_code == 1
    data = validated("update", result)
    error = data["error"]
    assert error["kind"] == "facts"
    assert error["where"] is not None
    assert error["where"].startswith(str(BROKEN / "duplicate-key.yaml") + ":")
    assert error["lines"][0] == error["message"]
    assert [f"error: {line}" for line in error["lines"]] == result.stderr.splitlines()


@pytest.mark.parametrize("command", ["brief", "update"])
def test_json_with_the_document_on_standard_output_is_refused(
    run: Run, example: Callable[[str], Path], in_tmp: Path, command: str
) -> None:
    result = run(command, str(example(FRAILTY)), "-d", "dof", "--out", "-", "--json")

    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith("error: --out - with --json: standard output carries the JSON")
    data = validated(command, result)
    assert data["error"]["kind"] == "output"
    assert list(in_tmp.iterdir()) == []


def test_the_refusal_of_out_dash_with_json_is_in_welsh_too(
    run: Run, example: Callable[[str], Path], in_tmp: Path
) -> None:
    result = run("brief", str(example(WELSH)), "--out", "-", "--json", "-l", "cy_GB")

    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith("gwall: --out - gyda --json: mae'r allbwn safonol yn cario'r JSON")
    assert validated("brief", result)["error"]["message"] == line.removeprefix("gwall: ")


def test_an_existing_note_is_refused_in_json_and_left_alone(
    run: Run, example: Callable[[str], Path], in_tmp: Path
) -> None:
    (in_tmp / "mine.docx").write_bytes(b"mine")
    result = run("brief", str(example(FRAILTY)), "-d", "dof", "-o", "mine.docx", "--json")

    assert result.exit_code == 1
    assert validated("brief", result)["error"]["kind"] == "output"
    assert (in_tmp / "mine.docx").read_bytes() == b"mine"


# ---------------------------------------------------------------- update


def test_update_json_says_the_period_and_that_an_unlogged_one_is_to_fill_in(
    run: Run, example: Callable[[str], Path], in_tmp: Path
) -> None:
    facts = str(example(FRAILTY))
    logged = validated("update", run("update", facts, "-d", "coo", "-p", "2027-03", "--json"))
    empty = validated("update", run("update", facts, "-d", "coo", "-p", "2029-01", "--json"))

    assert logged["period"] == {
        "period": "2027-03",
        "asked": True,
        "after_project_end": None,
        "before_project_start": None,
        "fill_in": False,
    }
    # The example's log runs ahead of any day it is read on: said once, as a rehearsal.
    assert [w for w in logged["warnings"] if "as for a rehearsal" not in w] == []
    assert empty["period"]["fill_in"] is True
    assert empty["period"]["after_project_end"] == "2028-03-31"
    assert empty["period"]["before_project_start"] is None
    assert any("starts after the project ends" in w for w in empty["warnings"])
    assert any("fill-in template" in w for w in empty["warnings"])
    for data in (logged, empty):
        [note] = data["files"]
        assert "update" in docx_text(Path(note["absolute"])).casefold()
    assert "[" in docx_text(Path(empty["files"][0]["absolute"]))


def test_update_json_names_the_start_of_a_project_the_period_ends_before(
    run: Run, example: Callable[[str], Path], in_tmp: Path
) -> None:
    facts = str(example(FRAILTY))
    early = validated("update", run("update", facts, "-d", "coo", "-p", "2026-Q3", "--json"))

    assert early["period"]["before_project_start"] == "2027-01-04"
    assert early["period"]["after_project_end"] is None
    assert (
        "July to September 2026 ends before the project starts (4 January 2027): check --period"
        in early["warnings"]
    )


# ---------------------------------------------------------------- batch


def test_batch_json_gives_each_notes_outcome_the_manifest_and_the_pack(
    run: Run, example: Callable[[str], Path], in_tmp: Path
) -> None:
    result = run("batch", str(example(FRAILTY)), "-o", "out", "--pack", "pack.docx", "--json")

    assert result.exit_code == 0, result.stderr
    data = validated("batch", result)
    assert data["ok"] is True
    assert data["kind"] == "brief"
    assert [n["director"] for n in data["notes"]] == ["dof", "coo", "don", "md"]
    assert {n["status"] for n in data["notes"]} == {"ok"}
    assert data["written"] == data["total"] == 4
    with Path(data["manifest"]["absolute"]).open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["director_id"], r["file"]) for r in rows] == [
        (n["director"], Path(n["file"]["path"]).name) for n in data["notes"]
    ]
    pack_text = docx_text(Path(data["pack"]["absolute"]))
    for note in data["notes"]:
        assert note["name"] in docx_text(Path(note["file"]["absolute"]))
        assert note["name"] in pack_text
    assert [f["kind"] for f in data["files"]] == ["docx"] * 4 + ["manifest", "pack"]
    # Each note's cuts are those brief --json gives for the same director.
    alone = validated("brief", run("brief", str(example(FRAILTY)), "-d", "coo", "--json"))
    assert alone["cuts"]
    assert data["notes"][1]["cuts"] == alone["cuts"]
    assert data["pack"]["path"] == "pack.docx"
    # Named inside the folder as it was given, like the manifest.
    assert all(Path(f["path"]).parent == Path("out") for f in data["files"][:5])
    assert all(Path(f["absolute"]) == in_tmp / f["path"] for f in data["files"])


def test_batch_json_says_which_notes_were_refused_and_is_not_ok(
    run: Run, example: Callable[[str], Path], in_tmp: Path
) -> None:
    facts = str(example(FRAILTY))
    first = validated("batch", run("batch", facts, "-o", "out", "--only", "dof", "--json"))
    (in_tmp / "out" / "manifest.csv").unlink()
    result = run("batch", facts, "-o", "out", "--only", "dof,coo", "--json")

    assert result.exit_code == 1
    data = validated("batch", result)
    assert data["ok"] is False
    outcome = {n["director"]: n for n in data["notes"]}
    assert outcome["dof"]["status"] == "refused"
    assert outcome["dof"]["error"]
    assert outcome["dof"]["file"]["path"] == first["notes"][0]["file"]["path"]
    assert outcome["coo"]["status"] == "ok"
    assert data["written"] == 1
    assert [f["kind"] for f in data["files"]] == ["docx", "manifest"]
    assert f"error: dof: {outcome['dof']['error']}" in result.stderr


def test_batch_json_lists_the_directors_file_rows_skipped(
    run: Run, example: Callable[[str], Path], in_tmp: Path
) -> None:
    team = in_tmp / "team.csv"
    team.write_text(
        "id,name,role,objectives\n"
        "dof,Helen Marsh,Director of Finance,Deliver the cost improvement programme\n"
        "coo,,Chief Operating Officer,\n",
        encoding="utf-8",
    )
    result = run("batch", str(example(FRAILTY)), "--directors", "team.csv", "-o", "out", "--json")

    assert result.exit_code == 1
    data = validated("batch", result)
    assert data["ok"] is False
    assert [n["director"] for n in data["notes"]] == ["dof"]
    [row] = data["skipped_rows"]
    assert row.startswith("team.csv:row 3: column name")
    assert row in result.stderr


def test_batch_json_keeps_every_warning_stderr_shows_and_as_to_json_does(
    run: Run, example: Callable[[str], Path], in_tmp: Path
) -> None:
    from pitchkit.api import BatchRequest, write_batch

    team = in_tmp / "team.csv"
    team.write_text(
        "id,name,role,objectives\n"
        "dof,Helen Marsh,Director of Finance,Deliver the cost improvement programme\n"
        ",Vacant,Director of Strategy,\n",
        encoding="utf-8",
    )
    result = run("batch", str(example(FRAILTY)), "--directors", "team.csv", "-o", "out", "--json")

    assert result.exit_code == 0, result.stderr
    data = validated("batch", result)
    shown = warning_lines(result)
    assert any("Vacant" in line for line in shown), result.stderr
    assert data["warnings"] == shown
    request = BatchRequest(example(FRAILTY), Path("api"), directors=Path("team.csv"))
    assert write_batch(request).to_json()["warnings"] == shown


def test_batch_json_of_updates_gives_their_period(
    run: Run, example: Callable[[str], Path], in_tmp: Path
) -> None:
    result = run(
        "batch", str(example(FRAILTY)), "-k", "update", "-p", "2027-03", "-o", "u", "--json"
    )

    assert result.exit_code == 0, result.stderr
    data = validated("batch", result)
    assert data["kind"] == "update"
    assert data["period"]["period"] == "2027-03"
    assert data["period"]["fill_in"] is False
    assert all(Path(n["file"]["absolute"]).is_file() for n in data["notes"])


# ---------------------------------------------------------------- preview


def test_preview_json_gives_the_notes_text_and_writes_nothing(
    run: Run, example: Callable[[str], Path], in_tmp: Path
) -> None:
    facts = str(example(FRAILTY))
    result = run("preview", facts, "-d", "don", "--json")

    assert result.exit_code == 0, result.stderr
    data = validated("preview", result)
    assert list(in_tmp.iterdir()) == []
    assert data["files"] == []
    assert data["kind"] == "brief"
    assert data["director"]["id"] == "don"
    texts = [block["text"] for block in data["blocks"]]
    assert "Frailty virtual ward" in texts
    # The same note brief writes, paragraph for paragraph.
    written = validated("brief", run("brief", facts, "-d", "don", "-o", "n.docx", "--json"))
    body = docx_text(in_tmp / "n.docx")
    assert all(text in body for text in texts if text and "·" not in text)
    assert data["cuts"] == written["cuts"]
    assert data["findings"]  # the guide's checks come with --json even though -q is implied


def test_preview_json_of_an_unlogged_update_says_it_is_to_fill_in(
    run: Run, example: Callable[[str], Path], in_tmp: Path
) -> None:
    result = run("preview", str(example(FRAILTY)), "-d", "dof", "-k", "update", "-p", "2029-02")

    as_json = run(
        "preview", str(example(FRAILTY)), "-d", "dof", "-k", "update", "-p", "2029-02", "--json"
    )
    data = validated("preview", as_json)
    assert data["kind"] == "update"
    [note] = data["notes"]
    assert "fill-in template" in note
    assert note in result.stdout


# ---------------------------------------------------------------- template check


def test_template_check_json_lists_the_variables_and_the_warnings(run: Run, in_tmp: Path) -> None:
    template = template_with(
        in_tmp / "mine.docx", "{{ project.title }}", "{{r project.title|upper }}"
    )
    result = run("template", "check", "mine.docx", "--json")

    assert result.exit_code == 0, result.stderr
    data = validated("template check", result)
    assert data["ok"] is True
    assert data["filled"] is True
    assert data["template"]["absolute"] == str(template)
    assert data["kind"] == "brief"
    assert [v["name"] for v in data["variables"]] == ["project.title"]
    [finding] = data["findings"]
    assert finding["severity"] == "warning"
    assert "rich-text tag" in finding["message"]
    assert finding["where"].startswith("body, paragraph")
    assert (
        data["warnings"] == warning_lines(result) == [f"{finding['where']}: {finding['message']}"]
    )


def test_template_check_json_of_a_broken_template_is_not_ok_and_exits_1(
    run: Run, in_tmp: Path
) -> None:
    template_with(in_tmp / "open.docx", "{% if project.title %}", "{{ project.title }}")
    result = run("template", "check", "open.docx", "--json", "-l", "cy_GB")

    assert result.exit_code == 1
    data = validated("template check", result)
    assert data["ok"] is False
    assert data["locale"] == "cy_GB"
    [error] = [f for f in data["findings"] if f["severity"] == "error"]
    assert "{% endif %}" in error["message"]
    assert "open.docx" in (error["where"] or "")
    assert f"gwall: {error['where']}: {error['message']}" in result.stderr


def test_template_check_json_of_a_missing_file_is_an_error_object(run: Run, in_tmp: Path) -> None:
    result = run("template", "check", "nowhere.docx", "--json")

    assert result.exit_code == 1
    data = validated("template check", result)
    assert data["error"]["kind"] == "template"
    assert result.stderr.splitlines() == [f"error: {data['error']['message']}"]


@pytest.fixture
def run(cli: Run) -> Run:
    """The command line run in this process (``cli``), each run's stdout kept apart."""
    return cli
