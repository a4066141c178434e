"""The use cases in pitchkit.api: typed requests in, typed results out, and the same as the CLI.

A script that writes notes through :mod:`pitchkit.api` gets what the
command line shows (the files written, what was cut to fit, the guide's
advice, warnings) as values, and ``to_json()`` gives it as plain data.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from docchecks import docx_text
from pitchkit.api import (
    BatchRequest,
    BriefRequest,
    CheckRequest,
    Heard,
    RankRequest,
    TemplateCheckRequest,
    UpdateRequest,
    check,
    check_template,
    rank,
    write_batch,
    write_brief,
    write_update,
)
from pitchkit.errors import DirectorsError, OutputError

FRAILTY = "frailty-virtual-ward"


def test_a_brief_is_written_and_its_result_lists_the_file_cuts_and_advice(
    tmp_path: Path, example: Callable[[str], Path], today: dt.date
) -> None:
    result = write_brief(
        BriefRequest(example(FRAILTY), director="dof", out=tmp_path / "note.docx", today=today)
    )

    assert result.written == (tmp_path / "note.docx",)
    assert "Frailty virtual ward" in docx_text(tmp_path / "note.docx")
    assert result.director == "dof"
    # The finance director's note is cut to fit one page; each cut names the facts field.
    assert result.cuts
    assert {cut.field for cut in result.cuts} <= {
        "project.evidence",
        "project.strategy",
        "project.problem",
        "pitch.gains",
        "pitch.concerns",
        "advice",
    }
    assert {f.severity for f in result.findings} >= {"warning", "info"}
    data = json.loads(json.dumps(result.to_json()))
    assert [file["path"] for file in data["files"]] == [str(tmp_path / "note.docx")]
    assert data["locale"] == "en_GB"
    assert all(isinstance(cut["detail"], str) for cut in data["cuts"])


def test_a_brief_asked_for_without_advice_has_no_findings_and_the_same_note(
    tmp_path: Path, example: Callable[[str], Path], today: dt.date
) -> None:
    facts = example(FRAILTY)
    advised = write_brief(BriefRequest(facts, "dof", tmp_path / "a.docx", today=today))
    plain = write_brief(BriefRequest(facts, "dof", tmp_path / "b.docx", today=today, advice=False))

    assert advised.findings
    assert plain.findings == ()
    assert plain.cuts == advised.cuts
    assert docx_text(tmp_path / "a.docx") == docx_text(tmp_path / "b.docx")


def test_the_brief_result_says_what_the_command_line_prints(
    tmp_path: Path, example: Callable[[str], Path], cli: Callable[..., Result], today: dt.date
) -> None:
    facts = example(FRAILTY)
    result = write_brief(BriefRequest(facts, director="dof", out=tmp_path / "api.docx"))
    shown = cli("brief", str(facts), "-d", "dof", "-o", str(tmp_path / "cli.docx"))

    assert shown.exit_code == 0
    for finding in result.findings:
        assert finding.message in shown.stdout
    assert docx_text(tmp_path / "api.docx") == docx_text(tmp_path / "cli.docx")


def test_a_welsh_brief_speaks_welsh_to_its_listener(
    tmp_path: Path, example: Callable[[str], Path]
) -> None:
    spoken: list[str] = []

    class Listener(Heard):
        def speaking(self, lang: object) -> None:
            spoken.append(getattr(lang, "code", ""))

    result = write_brief(
        BriefRequest(example("ysbyty-cymunedol"), out=tmp_path, locale=None), Listener()
    )
    assert spoken == ["cy_GB"]
    assert result.to_json()["locale"] == "cy_GB"


def test_an_existing_note_is_refused_before_anything_is_written(
    tmp_path: Path, example: Callable[[str], Path]
) -> None:
    path = tmp_path / "note.docx"
    path.write_bytes(b"mine")
    with pytest.raises(OutputError):
        write_brief(BriefRequest(example(FRAILTY), director="dof", out=path))
    assert path.read_bytes() == b"mine"


def test_an_update_result_says_its_period_and_whether_it_is_to_fill_in(
    tmp_path: Path, example: Callable[[str], Path], today: dt.date
) -> None:
    logged = write_update(
        UpdateRequest(example(FRAILTY), director="dof", out=tmp_path, period="2027-03")
    )
    empty = write_update(
        UpdateRequest(example(FRAILTY), director="dof", out=tmp_path, period="2029-01")
    )

    assert logged.period.period == "2027-03"
    assert not logged.period.fill_in
    assert empty.period.fill_in
    assert empty.period.asked
    assert empty.period.after_end is not None
    assert json.loads(json.dumps(empty.to_json()))["period"]["fill_in"] is True
    assert all(path.is_file() for path in (*logged.written, *empty.written))


def test_rank_and_check_give_what_the_json_options_print(
    example: Callable[[str], Path], cli: Callable[..., Result]
) -> None:
    facts = example(FRAILTY)
    ranked = rank(RankRequest(facts))
    checked = check(CheckRequest(facts, director="dof"))

    assert ranked.to_json() == json.loads(cli("directors", str(facts), "--json").stdout)
    assert checked.to_json() == json.loads(cli("check", str(facts), "-d", "dof", "--json").stdout)
    assert checked.has_warnings


def test_an_unknown_director_is_an_error_not_a_result(example: Callable[[str], Path]) -> None:
    with pytest.raises(DirectorsError):
        check(CheckRequest(example(FRAILTY), director="nobody"))


def test_a_batch_result_counts_the_notes_written(
    tmp_path: Path, example: Callable[[str], Path]
) -> None:
    outcome = write_batch(BatchRequest(example(FRAILTY), tmp_path, only=("dof", "coo")))

    assert outcome.written == 2
    assert outcome.batch.manifest.is_file()
    assert outcome.to_json()["manifest"]["path"] == str(outcome.batch.manifest)


def test_a_template_check_result_lists_variables_and_is_ok(tmp_path: Path) -> None:
    from pitchkit.api import TemplateExportRequest, export_template

    template = export_template(TemplateExportRequest("brief", tmp_path / "mine.docx"))
    result = check_template(TemplateCheckRequest(template))
    report = result.report

    assert result.ok
    assert report.filled
    assert report.kind == "brief"
    assert "project.title" in {usage.path for usage in report.variables}
    assert json.loads(json.dumps(result.to_json()))["kind"] == "brief"
