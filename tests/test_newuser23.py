"""newuser23's template and brief problems (#2, #3, #4, #9), made and read back.

A ward sister's self-administration project: a link confirmed with ``pitchkit link``
must show in the brief; a Word template of her own must get messages that name the
one paragraph and the closing mark, suggest ``lead.name`` for ``project.lead.name``,
and word its table and greeting as the built-in note would.
"""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from docchecks import docx_text
from pitchkit.cli import app
from pitchkit.facts.fields import greeting_from_name

FACTS = Path(__file__).parent / "data" / "newuser23" / "facts.yaml"


def run(*args: str) -> tuple[int, str, str]:
    """Run ``pitchkit`` in-process; return exit code, stdout and stderr."""
    result = CliRunner().invoke(app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def template(path: Path, *paragraphs: str, table: bool = False) -> Path:
    """A Word template made with python-docx: ``paragraphs``, then an impacts table."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        rows = document.add_table(rows=3, cols=3)
        rows.rows[0].cells[0].text = "{%tr for i in impacts %}"
        cells = rows.rows[1].cells
        cells[0].text = "{{ i.measure }}"
        cells[1].text = "{{ i.baseline_text }}"
        cells[2].text = "{{ i.target_text }}"
        rows.rows[2].cells[0].text = "{%tr endfor %}"
    document.save(str(path))
    return path


def brief(tmp_path: Path, *extra: str) -> tuple[int, str, str, Path]:
    out = tmp_path / "out"
    code, said, err = run("brief", str(FACTS), "-d", "cn", "--out", str(out), *extra)
    return code, said, err, out


def test_a_confirmed_link_to_a_shown_objective_shares_its_bullet(tmp_path: Path) -> None:
    # Two impacts the lead linked to "Reduce avoidable harm from medication errors" and
    # two more objectives: the second impact used to vanish, with no cut reported.
    code, said, err, out = brief(tmp_path, "--json")
    assert code == 0, err
    result = json.loads(said)
    assert result["cuts"] == []
    text = docx_text(next(out.glob("*.docx")))
    bullet = next(line for line in text.splitlines() if line.startswith("Omitted or delayed"))
    assert "from 120 to 60 doses a month" in bullet
    # The second impact on "Also, …" (fixbrief28); 18 - 12 = 6 fewer, 33%.
    # The plan with a verb (fixread31 #3).
    assert (
        "Also, medication administration incidents reported on the wards will fall from 18 to 12"
        in bullet
    )
    # After its objective and a colon, in small letters (fixnew28b).
    assert "registered nurse time spent on morning drug rounds" in text
    assert "patients who feel confident to manage their medicines" in text


def test_a_half_closed_tag_names_its_paragraph_and_the_closing_mark(tmp_path: Path) -> None:
    wrong = template(
        tmp_path / "wrongtag.docx",
        "{{ project.title }",
        "Dear {{ director.salutation or director.name }},",
    )
    code, _, err, out = brief(tmp_path, "--template", str(wrong))
    assert code == 1
    assert 'paragraph "{{ project.title }")' in err
    assert "the {{ tag is not closed in this paragraph: end it with }} in the same paragraph" in err
    assert "Dear" not in err
    assert "unexpected" not in err
    assert not out.exists() or not list(out.glob("*.docx"))
    code, said, err = run("template", "check", str(wrong))
    assert code == 1
    assert 'paragraph "{{ project.title }")' in said + err


def test_a_half_closed_tag_is_named_in_welsh(tmp_path: Path) -> None:
    wrong = template(tmp_path / "wrongtag.docx", "{% if project.title %", "Annwyl", "{% endif %}")
    code, _, err, _ = brief(tmp_path, "--template", str(wrong), "--locale", "cy_GB")
    assert code == 1
    assert 'paragraph "{% if project.title %")' in err
    assert "nid yw'r tag {% wedi'i gau yn y paragraff hwn: gorffennwch ef gyda %}" in err
    assert "unexpected" not in err


def test_a_name_under_the_wrong_group_suggests_the_known_one(tmp_path: Path) -> None:
    wrong = template(tmp_path / "lead.docx", "Contact: {{ project.lead.name }}")
    code, said, err = run("template", "check", str(wrong))
    assert code == 1
    assert "unknown variable `project.lead.name`" in said + err
    assert "did you mean `lead.name`?" in said + err
    code, _, err, _ = brief(tmp_path, "--template", str(wrong))
    assert code == 1
    assert "did you mean `lead.name`?" in err


def test_an_unknown_name_with_nothing_near_has_no_suggestion(tmp_path: Path) -> None:
    wrong = template(tmp_path / "ward.docx", "Ward: {{ project.ward_name }}")
    code, said, err = run("template", "check", str(wrong))
    assert code == 1
    assert "unknown variable `project.ward_name`" in said + err
    assert "did you mean" not in said + err


def test_a_templates_table_and_greeting_read_as_the_note_does(tmp_path: Path) -> None:
    own = template(
        tmp_path / "own.docx",
        "Dear {{ director.salutation }},",
        "Hello {{ director.greeting }}",
        table=True,
    )
    code, _, err, out = brief(tmp_path, "--template", str(own))
    assert code == 0, err
    document = docx.Document(str(next(out.glob("*.docx"))))
    lines = [p.text for p in document.paragraphs]
    assert "Dear Margaret," in lines
    assert "Hello Margaret" in lines
    rows = {
        row.cells[0].text: (row.cells[1].text, row.cells[2].text) for row in document.tables[0].rows
    }
    nbsp = "\N{NO-BREAK SPACE}"
    assert rows["Omitted or delayed doses of critical medicines"] == (
        f"120{nbsp}doses a month",
        f"60{nbsp}doses a month",
    )
    assert rows["Registered nurse time spent on morning drug rounds"][0] == (
        f"210{nbsp}hours a week"
    )
    # A level has no period: a percentage and a length of stay read as they are.
    assert rows["Patients who feel confident to manage their medicines at discharge"] == (
        "52%",
        "85%",
    )
    assert rows["Mean length of stay for elective hip and knee replacement"][0] == f"4.2{nbsp}days"


@pytest.mark.parametrize(
    ("name", "greeting"),
    [
        ("Margaret Oduya", "Margaret"),
        ("Dr Priya Raman", "Dr Raman"),
        ("Professor Ann Lee", "Professor Lee"),
        ("Sir John Smith", "Sir John"),
        # A title and one name: the title goes with it, whichever name it is.
        ("Sir John", "Sir John"),
        ("Dame Jane", "Dame Jane"),
        ("Dr Raman", "Dr Raman"),
        ("Yr Athro Siân Jones", "Yr Athro Jones"),
        ("Jane Cole, MBE", "Jane"),
        ("Cher", "Cher"),
    ],
)
def test_a_director_without_a_salutation_is_greeted_from_their_name(
    name: str, greeting: str
) -> None:
    assert greeting_from_name(name) == greeting
