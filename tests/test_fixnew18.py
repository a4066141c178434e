"""newuser18's findings: updates for periods that have not happened, impacts planning no
change, and mistakes kept in the user's settings file."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from pitchkit.api import UpdateRequest, write_update

#: A nurse-led clinic starting in February 2099 whose log already has entries: written
#: on any real day, nothing in it has happened yet.
GOUT = """\
project:
  title: Nurse-led gout clinic
  organisation: Example Valley NHS Foundation Trust
  lead: {name: Sam Okoye, role: Nurse Consultant, email: sam.okoye@example.nhs.uk}
  problem: People with gout flares are admitted as emergencies and take up medical beds.
  change: A nurse-led clinic titrates urate-lowering therapy by phone each month.
  start: YEAR-02-01
  end: NEXT-01-31
impacts:
  - id: gout-admissions
    measure: Emergency admissions for acute gout
    unit: admissions
    per: year
    baseline: 140
    target: TARGET
    better: lower
    value: {amount: 1590, currency: GBP, source: NHS reference costs 2023/24, price_year: 2023/24}
    supports: [dof.cip]
    source: SUS admitted patient care, 2025/26
asks:
  - Act as executive sponsor for the charity bid
meeting: {date: 2026-12-15, director: dof}
directors:
  - id: dof
    name: Aisha Rahman
    role: Director of Finance
    objectives:
      - id: cip
        text: Deliver the £11m cost improvement programme
        kind: organisational
LOG
settings: {locale: en_GB, cadence: month}
"""
LOG = """\
updates:
  - period: YEAR-02
    date: YEAR-03-05
    status: green
    summary: Clinic opened
    measures: {gout-admissions: 11}
  - period: YEAR-03
    date: YEAR-04-05
    status: green
    summary: 80 patients enrolled
    measures: {gout-admissions: 10}
"""


def gout(folder: Path, *, year: int = 2099, target: int = 70, log: bool = True) -> Path:
    text = GOUT.replace("LOG", LOG if log else "").replace("TARGET", str(target))
    path = folder / "gout.yaml"
    path.write_text(text.replace("NEXT", str(year + 1)).replace("YEAR", str(year)), "utf-8")
    return path


REHEARSAL = (
    "every period in the progress log ends after today (5 December 2026), so the update "
    "reads it as written, as for a rehearsal: if these are real figures, check their dates"
)


@pytest.mark.parametrize("period", [None, "2027-02", "2027-03", "2027-04"])
def test_an_update_from_a_log_wholly_ahead_is_written_and_says_so(
    tmp_path: Path, period: str | None
) -> None:
    facts = gout(tmp_path, year=2027)
    request = UpdateRequest(
        facts=facts, director="dof", out=tmp_path / "out", period=period,
        today=dt.date(2026, 12, 5),
    )  # fmt: skip
    result = write_update(request)
    assert result.period.rehearsal == dt.date(2026, 12, 5)
    said = [str(line) for line in result.warnings]
    assert said.count(REHEARSAL) == 1, said
    assert result.written


def test_a_log_partly_over_says_no_rehearsal(tmp_path: Path) -> None:
    facts = gout(tmp_path, year=2026)
    request = UpdateRequest(facts=facts, director="dof", out=tmp_path, today=dt.date(2026, 3, 10))
    result = write_update(request)
    assert result.period.period == "2026-02"
    assert result.period.rehearsal is None
    assert not any("rehearsal" in str(line) for line in result.warnings)


def test_a_project_not_started_without_a_log_gets_a_template_and_says_why(tmp_path: Path) -> None:
    facts = gout(tmp_path, year=2027, log=False)
    request = UpdateRequest(facts=facts, director="dof", out=tmp_path, today=dt.date(2026, 12, 5))
    result = write_update(request)
    assert result.period.period == "2027-02"
    assert result.period.fill_in
    assert result.period.not_started == dt.date(2027, 2, 1)
    assert result.period.under_way == dt.date(2027, 2, 28)
    said = [str(line) for line in result.warnings]
    assert any(
        "the project starts on 1 February 2027, after today, so February 2027 has not "
        "happened yet" in line
        for line in said
    ), said


def test_the_command_and_batch_say_it_every_time(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    facts = gout(tmp_path)
    for args in (["-d", "dof"], ["-d", "dof", "--period", "2099-02"]):
        run = cli("update", str(facts), *args, "--out", str(tmp_path / "out"), "--force")
        assert run.exit_code == 0, run.stderr
        lines = [line for line in run.stderr.splitlines() if "rehearsal" in line]
        assert len(lines) == 1, run.stderr
        assert lines[0].startswith("warning: every period in the progress log ends after today (")
        assert lines[0].endswith("if these are real figures, check their dates")
    run = cli("update", str(facts), "-d", "dof", "--out", str(tmp_path / "j"), "--json")
    assert any("as for a rehearsal" in line for line in json.loads(run.stdout)["warnings"])
    run = cli("batch", str(facts), "--kind", "update", "--out", str(tmp_path / "batch"))
    assert run.exit_code == 0, run.stderr
    assert run.stderr.count("as for a rehearsal") == 1, run.stderr
    run = cli("update", str(facts), "-d", "dof", "-l", "cy_GB", "--out", str(tmp_path / "cy"))
    assert run.exit_code == 0, run.stderr
    assert "rehearsal" not in run.stderr
    assert "rhybudd: mae pob cyfnod yn y log cynnydd yn dod i ben ar ôl heddiw (" in run.stderr, (
        run.stderr
    )
    assert "fel petai'n ymarfer: os yw'r rhain yn ffigurau go iawn, gwiriwch eu dyddiadau" in (
        run.stderr
    )


def test_the_examples_as_shipped_still_show_a_full_update(
    cli: Callable[..., Result], example: Callable[[str], Path], tmp_path: Path
) -> None:
    run = cli("update", str(example("falls-prevention")), "--out", str(tmp_path))
    assert run.exit_code == 0, run.stderr
    assert run.stderr.count("as for a rehearsal") == 1, run.stderr


def test_a_target_equal_to_its_baseline_is_warned_of_and_claimed_for_nothing(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    facts = gout(tmp_path, target=140, log=False)
    run = cli("check", str(facts), "-d", "dof", "--json")
    found = [f for f in json.loads(run.stdout)["findings"] if f["rule"] == "impact-no-change"]
    assert len(found) == 1
    assert found[0]["where"].endswith("gout.yaml:15:13"), found[0]
    assert "Set 'target:'" in found[0]["fix"]
    assert "remove the impact" in found[0]["fix"]
    shown = cli("preview", str(facts), "-d", "dof")
    assert "help you deliver" not in shown.stdout
    assert "does not yet link to your objectives" in shown.stdout


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "home" / "config.toml"
    path.parent.mkdir()
    monkeypatch.setenv("PITCHKIT_CONFIG", str(path))
    monkeypatch.setenv("PITCHKIT_SOFFICE", "")  # restored after: a setting fills it in
    return path


def test_config_set_refuses_a_path_it_can_see_is_wrong(
    cli: Callable[..., Result], settings: Path, tmp_path: Path
) -> None:
    facts = gout(tmp_path)
    for name, value, why in (
        ("libreoffice", "/nonexistent/soffice", "there is no such file"),
        ("template", str(facts), "that is not a Word .docx file"),
        ("update_template", str(tmp_path / "none.docx"), "there is no such file"),
        ("out", str(facts), "that is a file, not a folder"),
    ):
        run = cli("config", "set", name, value)
        assert run.exit_code == 1
        assert run.stderr == f"error: {name}: {value}: {why}\n"
        assert not settings.exists()


def test_a_bad_setting_is_blamed_on_the_settings_file(
    cli: Callable[..., Result], settings: Path, tmp_path: Path
) -> None:
    facts = gout(tmp_path, log=False)
    settings.write_text(f'template = "{facts}"\nlibreoffice = "/nonexistent/soffice"\n', "utf-8")
    run = cli("brief", str(facts), "-d", "dof", "--out", str(tmp_path / "out"), "--pdf")
    assert run.exit_code == 1
    assert run.stderr.startswith(f"error: {settings}:1:1: your settings file sets template")
    assert "pitchkit config unset template" in run.stderr
    assert cli("config", "unset", "template").exit_code == 0
    run = cli("brief", str(facts), "-d", "dof", "--out", str(tmp_path / "out"), "--pdf")
    assert run.exit_code == 1
    assert f"your settings file ({settings}) sets libreoffice" in run.stderr
    assert "PITCHKIT_SOFFICE" not in run.stderr
    assert "pitchkit config unset libreoffice" in run.stderr
    assert not (tmp_path / "out").exists()


def test_a_broken_settings_file_can_still_be_shown_and_mended(
    cli: Callable[..., Result], settings: Path
) -> None:
    settings.write_text('bogus = "x"\nout = "/tmp/x"\n', "utf-8")
    shown = cli("config")
    assert shown.exit_code == 0
    assert f"{settings}:1:1: there is no setting called 'bogus'" in shown.stderr
    run = cli("config", "unset", "out")
    assert run.exit_code == 0, run.stderr
    assert "there is no setting called 'bogus'" in run.stderr
    assert settings.read_text("utf-8") == 'bogus = "x"\n'
    assert cli("config", "unset", "bogus").exit_code == 0
    assert settings.read_text("utf-8") == "\n"
    assert cli("config", "unset", "bogus").exit_code == 1


# ---------------------------------------------------------------- newuser18's smaller items


def brief_facts(folder: Path) -> Path:
    return gout(folder, log=False)


def test_an_unsafe_tag_is_worded_alike_in_brief_and_template_check(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    from docchecks import template_with

    tag = "{{ ''.__class__.__mro__[1].__subclasses__() }}"
    template = template_with(tmp_path / "trust.docx", "{{ project.title }}", tag)
    place = f'{template} (body, paragraph "{tag}")'
    said = "reaches Python's internals and is refused: templates may only use the documented"
    checked = cli("template", "check", str(template))
    assert checked.exit_code == 1
    errors = [line for line in checked.stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        f"error: {place}: `{name}` {said} variables"
        for name in ("__class__", "__mro__", "__subclasses__")
    ]
    out = tmp_path / "out"
    run = cli("brief", str(brief_facts(tmp_path)), "-d", "dof", "--template", str(template),
              "--out", str(out))  # fmt: skip
    assert run.exit_code == 1
    assert run.stderr.splitlines()[-1] == errors[0]
    assert "is unsafe" not in run.stderr
    assert not out.exists()


def test_a_bad_template_is_named_before_a_note_already_there(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    from docchecks import template_with

    facts = brief_facts(tmp_path)
    out = tmp_path / "out"
    assert cli("brief", str(facts), "-d", "dof", "--out", str(out), "-q").exit_code == 0
    before = {path.name: path.read_bytes() for path in out.iterdir()}
    template = template_with(tmp_path / "open.docx", "{% for x in asks %}{{ x }}")
    run = cli("brief", str(facts), "-d", "dof", "--template", str(template), "--out", str(out))
    assert run.exit_code == 1
    assert "is never closed" in run.stderr
    assert "already exists" not in run.stderr
    assert {path.name: path.read_bytes() for path in out.iterdir()} == before


def test_brief_warns_of_a_default_given_to_a_misspelt_name(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    from docchecks import template_with

    template = template_with(
        tmp_path / "sir.docx", "Dear {{ director.nmae|default('Sir') }}", "{{ project.title }}"
    )
    run = cli("brief", str(brief_facts(tmp_path)), "-d", "dof", "--template", str(template),
              "--out", str(tmp_path / "out"))  # fmt: skip
    assert run.exit_code == 0, run.stderr
    assert (
        f"warning: {template}: unknown variable `director.nmae` in the body: it is never "
        "defined, so each 'is defined' test on it is false and each |default is used — did "
        "you mean `director.name`?"
    ) in run.stderr.splitlines()


def test_a_director_id_given_twice_is_one_line_without_a_wrong_suggestion(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    facts = brief_facts(tmp_path)
    text = facts.read_text("utf-8")
    second = """  - id: dof
    name: Dr Peter Lund
    role: Medical Director
    objectives:
      - id: girft
        text: Deliver the GIRFT programme for acute medicine
        kind: organisational
settings:"""
    facts.write_text(text.replace("settings:", second, 1), "utf-8")
    run = cli("check", str(facts), "-d", "dof")
    assert run.exit_code == 1
    errors = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, run.stderr
    assert "'dof' is already used by directors[0]" in errors[0]
    assert "did you mean" not in run.stderr


def test_a_stop_after_every_note_does_not_say_the_manifest_lists_what_was_not_made() -> None:
    from types import SimpleNamespace

    from pitchkit.cli.batching import interrupted_message
    from pitchkit.i18n.translation import language

    whole = SimpleNamespace(unmade=0, pdf_missing=(), pack_asked=False, pack=None, pack_error="")
    assert interrupted_message(whole, language("en_GB")) == (
        "interrupted after every note was written"
    )
    short = SimpleNamespace(unmade=2, pdf_missing=(), pack_asked=False, pack=None, pack_error="")
    assert interrupted_message(short, language("en_GB")).endswith(
        "; the manifest lists what was not made: run the same command with --resume to "
        "finish, keeping the notes written"
    )
