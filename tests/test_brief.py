"""The one-page sponsor briefing note, end to end, read back as a director would see it."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from docchecks import check_docx, docx_text, pdf_pages, validate_ooxml
from pitchkit.cli import app
from pitchkit.facts.project import open_project, pick_director
from pitchkit.notes.brief import make_brief_note
from pitchkit.notes.shown import shown_statements
from pitchkit.notes.wording import headline

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*/facts.yaml"))
TODAY = dt.date(2026, 11, 26)


def example_directors() -> list[tuple[Path, str]]:
    pairs = []
    for path in EXAMPLES:
        for director in open_project(path).facts.directors:
            pairs.append((path, director.id))
    return pairs


def brief_text(path: Path, director_id: str, tmp_path: Path) -> tuple[Path, str]:
    project = open_project(path)
    director = pick_director(project.facts, director_id)
    note = make_brief_note(project, director, today=TODAY)
    out = tmp_path / f"{path.parent.name}-{director_id}.docx"
    out.write_bytes(note.data)
    return out, docx_text(out)


def test_there_are_at_least_two_examples_with_three_directors_each() -> None:
    assert len(EXAMPLES) >= 2
    for path in EXAMPLES:
        facts = open_project(path).facts
        assert len(facts.directors) >= 3
        kinds = {o.kind for d in facts.directors for o in d.objectives}
        assert kinds == {"organisational", "personal"}


def test_the_bundled_demo_is_the_frailty_example() -> None:
    bundled = ROOT / "src" / "pitchkit" / "demo" / "facts.yaml"
    example = ROOT / "examples" / "frailty-virtual-ward" / "facts.yaml"
    assert bundled.read_bytes() == example.read_bytes()


@pytest.mark.parametrize(("facts_path", "director_id"), example_directors())
def test_every_example_brief_names_the_director_and_their_objective(
    facts_path: Path, director_id: str, tmp_path: Path
) -> None:
    out, text = brief_text(facts_path, director_id, tmp_path)
    check_docx(out)
    project = open_project(facts_path)
    director = pick_director(project.facts, director_id)
    assert director.name in text
    assert project.facts.project.title in text
    note = make_brief_note(project, director, today=TODAY)
    if note.pitch.statements:
        # The lead sentence names the strongest statement's objective, framed to read on.
        assert headline(note.pitch, project.lang) in text
    else:
        opening = " ".join(headline(note.pitch, project.lang).split()[:10])
        assert opening in text
    assert "What we are asking" in text or "Beth rydym yn ei ofyn" in text


def test_the_finance_brief_shows_worked_money_in_en_gb(tmp_path: Path) -> None:
    frailty = ROOT / "examples" / "frailty-virtual-ward" / "facts.yaml"
    _, text = brief_text(frailty, "dof", tmp_path)
    # 200 admissions avoided a year at £1,590 each in 2016/17 prices: £2,116 at 2026/27 prices.
    assert "worth £423,000 a year in capacity" in text
    assert "from 1,200 to 1,000 admissions a year" in text
    # Since fixbrief27 (reader26 #11): price, base, today's price, then the source.
    assert (
        # fixbrief29 (reader28 #14): the source's capital lowered mid-sentence.
        # fixfit44: costs restated at the 2.62% a year the note gives, to the penny.
        "£1,590 per admission at 2016/17 prices (£2,115.64 at 2026/27), from the non-elective "
        "episode, NHS reference costs 2016/17"
    ) in text
    assert "3 December 2026" in text
    assert "£250,000 (requested) from The Health Foundation." in text
    assert "brief the whole executive team" in text


def test_finance_leads_with_money_and_nursing_claims_no_unconfirmed_link(tmp_path: Path) -> None:
    # Since reader20 #3 the example confirms bed days for the Chief Nurse; this copy leaves
    # that link unconfirmed, as the lead had it, to see that an unconfirmed link stays unclaimed.
    example = (ROOT / "examples" / "frailty-virtual-ward" / "facts.yaml").read_text("utf-8")
    confirmed = "supports: [coo.occupancy, don.harm-free]"
    assert example.count(confirmed) == 1
    frailty = tmp_path / "facts.yaml"
    frailty.write_text(example.replace(confirmed, "supports: [coo.occupancy]"), "utf-8")
    project = open_project(frailty)
    finance = make_brief_note(project, pick_director(project.facts, "dof"), today=TODAY)
    nursing = make_brief_note(project, pick_director(project.facts, "don"), today=TODAY)
    assert shown_statements(finance.pitch)[0].quantity.money is not None
    # The Chief Nurse's note claims nothing the lead has not confirmed: bed days reach her
    # harm-free care objective only through a cause step (bed days cost frail older people
    # strength; deconditioning is a hospital-acquired harm), which is offered, not claimed,
    # and no word match makes a claim (issue 14).
    assert shown_statements(nursing.pitch) == ()
    offered = [link for link in nursing.pitch.links if link.objective == "harm-free"]
    assert [(link.impact, link.confidence, link.mismatch) for link in offered] == [
        ("bed-days", "possible", "cause")
    ]
    assert offered[0].chain is not None
    assert offered[0].chain.labels() == ("bed days", "deconditioning", "avoidable harm")
    assert finance.data != nursing.data


@pytest.mark.tools
@pytest.mark.parametrize(("facts_path", "director_id"), example_directors())
def test_every_example_brief_is_one_valid_page(
    facts_path: Path, director_id: str, tmp_path: Path
) -> None:
    out, _ = brief_text(facts_path, director_id, tmp_path)
    validate_ooxml(out)
    assert pdf_pages(out) == 1


def test_cli_brief_writes_the_note_and_refuses_to_overwrite(tmp_path: Path) -> None:
    frailty = ROOT / "examples" / "frailty-virtual-ward" / "facts.yaml"
    out = tmp_path / "note.docx"
    runner = CliRunner()
    first = runner.invoke(app, ["brief", str(frailty), "--director", "dof", "--out", str(out)])
    assert first.exit_code == 0, first.output
    assert f"Wrote {out}" in first.stdout
    out.write_bytes(b"my own edits")
    before = hashlib.sha256(out.read_bytes()).hexdigest()
    second = runner.invoke(app, ["brief", str(frailty), "--director", "dof", "--out", str(out)])
    assert second.exit_code == 1
    assert second.stderr.strip() == (
        f"error: {out} already exists: pass --force to replace it, or choose another --out"
    )
    assert hashlib.sha256(out.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["note.docx"]
    forced = runner.invoke(
        app, ["brief", str(frailty), "--director", "dof", "--out", str(out), "--force"]
    )
    assert forced.exit_code == 0
    assert "Helen Marsh" in docx_text(out)


def test_cli_brief_into_a_folder_uses_a_readable_name(tmp_path: Path) -> None:
    frailty = ROOT / "examples" / "frailty-virtual-ward" / "facts.yaml"
    result = CliRunner().invoke(app, ["brief", str(frailty), "-d", "coo", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    written = [p.name for p in tmp_path.iterdir()]
    assert written == ["Frailty virtual ward - brief - Tom Okafor.docx"]


def test_cli_brief_defaults_to_the_meeting_director(tmp_path: Path) -> None:
    frailty = ROOT / "examples" / "frailty-virtual-ward" / "facts.yaml"
    out = tmp_path / "n.docx"
    result = CliRunner().invoke(app, ["brief", str(frailty), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Helen Marsh" in docx_text(out)


def test_cli_unknown_director_suggests_the_closest(tmp_path: Path) -> None:
    frailty = ROOT / "examples" / "frailty-virtual-ward" / "facts.yaml"
    result = CliRunner().invoke(
        app, ["brief", str(frailty), "-d", "dfo", "--out", str(tmp_path / "x.docx")]
    )
    assert result.exit_code == 1
    # fixnu38c (newuser38 #12): no "?:" after "did you mean"; "? If not, choose ...".
    assert result.stderr.strip() == (
        f"error: {frailty}: no director has the id 'dfo': did you mean 'dof'? If "
        "not, choose one of dof, coo, don, md"
    )
    assert not list(tmp_path.iterdir())


def test_demo_writes_a_note_for_each_director(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["demo", "--out", str(tmp_path / "demo")])
    assert result.exit_code == 0, result.output
    notes = sorted((tmp_path / "demo").glob("*brief*.docx"))
    assert len(notes) == 4
    assert (tmp_path / "demo" / "facts.yaml").exists()
    # The map's possible links are left out of the notes; the demo says how to confirm them.
    project = open_project(tmp_path / "demo" / "facts.yaml")
    possible = sum(
        link.confidence == "possible"
        for director in project.facts.directors
        for link in make_brief_note(project, director, today=TODAY).pitch.links
    )
    assert possible > 0
    assert (
        f"Possible links the notes do not claim: {possible}. Confirm or rule them out with: "
        f"pitchkit link {tmp_path / 'demo' / 'facts.yaml'}"
    ) in " ".join(result.stdout.split())


def test_demo_in_welsh(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["demo", "--out", str(tmp_path), "--locale", "cy_GB"])
    assert result.exit_code == 0, result.output
    notes = sorted(tmp_path.glob("*nodyn briffio*.docx"))
    assert len(notes) == 4
    assert "Beth rydym yn ei ofyn" in docx_text(notes[0])
    assert result.stdout.startswith("Ffeithiau'r enghraifft: ")


def test_the_note_uses_the_directors_own_terms(tmp_path: Path) -> None:
    frailty = ROOT / "examples" / "frailty-virtual-ward" / "facts.yaml"
    source = frailty.read_text(encoding="utf-8")
    assert "      patients: people in our care" in source  # the Chief Nurse's own term
    # Since issue 14 no frailty impact reaches the Chief Nurse's objectives through the
    # measure map; the lead confirms one, so her note has a statement to word.
    sourced = "    source: Trust discharge data, April to September 2026\n"
    assert sourced in source
    changed = tmp_path / "facts.yaml"
    changed.write_text(source.replace(sourced, sourced + "    supports: [don.experience]\n"))
    project = open_project(changed)
    director = pick_director(project.facts, "don")
    # The built-in template given as a file: no one-page trimming, every statement shown.
    template = ROOT / "src" / "pitchkit" / "word" / "templates" / "brief.docx"
    note = make_brief_note(project, director, template=template, today=TODAY)
    assert "usual-residence" in {s.impact.id for s in shown_statements(note.pitch)}
    out = tmp_path / "n.docx"
    out.write_bytes(note.data)
    body = docx_text(out)
    assert "People in our care aged 75 and over discharged to their usual place of residence" in (
        body
    )
    assert "Patients aged 75 and over discharged" not in body


def _frailty_note_text(director_id: str, today: dt.date, tmp_path: Path) -> str:
    frailty = ROOT / "examples" / "frailty-virtual-ward" / "facts.yaml"
    project = open_project(frailty)
    note = make_brief_note(project, pick_director(project.facts, director_id), today=today)
    out = tmp_path / f"{director_id}-{today}.docx"
    out.write_bytes(note.data)
    return docx_text(out)


def test_only_the_meeting_directors_note_names_the_meeting(tmp_path: Path) -> None:
    # The bundled example's meeting is with the finance director on 3 December 2026.
    before = dt.date(2026, 12, 1)
    assert "meeting on 3 December 2026" in _frailty_note_text("dof", before, tmp_path)
    assert "meeting on" not in _frailty_note_text("coo", before, tmp_path)


def test_a_note_prepared_after_its_meeting_does_not_name_the_meeting(tmp_path: Path) -> None:
    # Prepared the day after the meeting: "meeting on 3 December 2026" beside "Prepared on
    # 4 December 2026" would read as a note that came too late.
    after = dt.date(2026, 12, 4)
    text = _frailty_note_text("dof", after, tmp_path)
    assert "Prepared on 4 December 2026" in text
    assert "meeting on" not in text
    on_the_day = _frailty_note_text("dof", dt.date(2026, 12, 3), tmp_path)
    assert "meeting on 3 December 2026" in on_the_day


NO_LEAD_FACTS = """\
project:
  title: Discharge lounge
  organisation: Example NHS Trust
  problem: Patients wait on wards for transport home.
  change: A staffed lounge where patients wait for transport.
impacts:
  - id: beds
    measure: Bed days lost waiting for transport
    unit: bed days a month
    baseline: 120
    target: 60
directors:
  - id: coo
    name: Alex Jones
    role: Chief Operating Officer
"""

CONTACT_WORDS = {"en_GB": ("Contact", "Prepared on"), "cy_GB": ("Cyswllt", "Paratowyd ar")}
#: An update's footer names its period before the day it was written.
UPDATE_FOOTER_WORDS = {"en_GB": "Update for", "cy_GB": "Diweddariad ar gyfer"}


@pytest.mark.parametrize("command", ["brief", "update"])
@pytest.mark.parametrize("locale", ["en_GB", "cy_GB"])
def test_with_no_lead_there_is_no_empty_contact_and_no_dangling_separator(
    command: str, locale: str, tmp_path: Path
) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text(NO_LEAD_FACTS, encoding="utf-8")
    out = tmp_path / "out.docx"
    result = CliRunner().invoke(app, [command, str(facts), "--locale", locale, "--out", str(out)])
    assert result.exit_code == 0, result.output
    check_docx(out)
    lines = docx_text(out).splitlines()
    contact, prepared = CONTACT_WORDS[locale]
    if command == "update":
        prepared = UPDATE_FOOTER_WORDS[locale]
    assert not [line for line in lines if line.strip().rstrip(":") == contact]
    assert not [line for line in lines if line.startswith(contact + ":")]
    assert not [line for line in lines if line.lstrip().startswith("·")]
    assert any(line.startswith(prepared + " ") for line in lines)


@pytest.mark.parametrize("command", ["brief", "update"])
def test_a_lead_with_only_a_name_is_the_whole_contact(command: str, tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    named = NO_LEAD_FACTS.replace("  change:", "  lead: {name: Sam Patel}\n  change:")
    facts.write_text(named, encoding="utf-8")
    out = tmp_path / "out.docx"
    result = CliRunner().invoke(app, [command, str(facts), "--out", str(out)])
    assert result.exit_code == 0, result.output
    lines = docx_text(out).splitlines()
    if command == "brief":
        assert lines[lines.index("Contact") + 1] == "Sam Patel"
    else:
        assert "Contact: Sam Patel" in lines
    footer = "Prepared on" if command == "brief" else "Update for"
    assert any(line.startswith(f"Sam Patel · {footer} ") for line in lines)


def test_a_shortened_last_item_is_not_followed_by_a_second_full_stop(tmp_path: Path) -> None:
    frailty = ROOT / "examples" / "frailty-virtual-ward" / "facts.yaml"
    out = tmp_path / "n.docx"
    # The operations note: the finance note gives the evidence's room to its money block.
    result = CliRunner().invoke(app, ["brief", str(frailty), "-d", "coo", "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = docx_text(out)
    assert "Evidence so far: " in text
    assert "…." not in text
    assert ".." not in text.replace("...", "")
