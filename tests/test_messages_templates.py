"""Template errors and warnings in the user's language.

What ``pitchkit template check`` and ``export`` print, the errors of
filling a user's template (render, the batch's compiled templates and the
time and memory limits) and the template check's findings come out in
Welsh with ``--locale cy_GB``, one line each, and in English by default.
The place (template, part and paragraph) is shown as it is.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from docchecks import template_with
from pitchkit.authoring.check import check_template, export_template, paragraph_pitfalls
from pitchkit.authoring.scan import split_tags
from pitchkit.cli import app
from pitchkit.errors import PitchkitError
from pitchkit.i18n.messages import Renderable, render
from pitchkit.i18n.translation import language
from pitchkit.word.limits import Limits, parse_seconds, parse_size
from pitchkit.word.renderenv import known_names, make_environment
from pitchkit.word.templatefile import (
    OLE_SIGNATURE,
    broken_xml,
    check_template_file,
    describe_failure,
    unreadable,
)

ROOT = Path(__file__).resolve().parent.parent
FRAILTY = ROOT / "examples" / "frailty-virtual-ward" / "facts.yaml"
EN = language("en_GB")
CY = language("cy_GB")
#: A placeholder left unfilled: the sign of a translation that lost one.
UNFILLED = re.compile(r"\{\w+\}")


def run(*args: str) -> tuple[int, list[str], list[str]]:
    """Run pitchkit; return the exit code and the lines on stdout and on stderr."""
    result = CliRunner().invoke(app, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout.splitlines(), result.stderr.strip().splitlines()


# ---------------------------------------------------------------- template check


def test_check_speaks_welsh_with_locale_cy(tmp_path: Path) -> None:
    template = template_with(tmp_path / "t.docx", "Hello {{ projct.title }}")
    code, out, err = run("template", "check", str(template), "--kind", "brief", "-l", "cy_GB")
    assert code == 1
    assert out[:2] == [
        f"{template}: gwiriwyd fel templed ar gyfer nodyn briffio",
        "Newidynnau a ddefnyddir (1):",
    ]
    assert out[2].split() == ["projct.title", "corff", "y", "ddogfen"]  # the part, in Welsh
    assert err == [
        "gwall: newidyn anhysbys `projct.title` (corff y ddogfen): ni ellir ysgrifennu nodyn "
        "tra bo'r templed yn ei ddefnyddio — oeddech chi'n golygu `project.title`?",
    ]


def test_check_speaks_english_by_default(tmp_path: Path) -> None:
    template = template_with(tmp_path / "t.docx", "Hello {{ projct.title }}")
    code, out, err = run("template", "check", str(template), "--kind", "brief")
    assert code == 1
    assert out[:2] == [f"{template}: checked as a briefing note template", "Variables used (1):"]
    assert err == [
        "error: unknown variable `projct.title` in the body: no note can be written while the "
        "template uses it — did you mean `project.title`?",
    ]


def test_a_clean_check_says_so_in_welsh(tmp_path: Path) -> None:
    template = export_template("update", tmp_path / "update.docx")
    code, out, err = run("template", "check", str(template), "--locale", "cy_GB")
    assert code == 0, err
    assert out[0] == f"{template}: gwiriwyd fel templed ar gyfer diweddariad ar gynnydd"
    assert out[-1] == "Mae'n llenwi'n gywir gyda ffeithiau'r prosiect enghreifftiol."
    assert err == []


def test_a_missing_template_is_a_welsh_error(tmp_path: Path) -> None:
    missing = tmp_path / "none.docx"
    code, _out, err = run("template", "check", str(missing), "--locale", "cy_GB")
    assert code == 1
    assert err == [f"gwall: {missing}: ni chafwyd hyd i'r templed: gwiriwch y llwybr"]


def test_limits_are_welsh_errors(tmp_path: Path) -> None:
    endless = template_with(
        tmp_path / "t.docx",
        "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}",
    )
    code, _out, err = run(
        "template", "check", str(endless), "--time-limit", "1", "--locale", "cy_GB"
    )
    assert code == 1
    assert len(err) == 1
    assert err[0].startswith(f"gwall: {endless}: cymerodd llenwi'r templed fwy nag 1 eiliad")
    code, _out, err = run(
        "template", "check", str(endless), "--memory-limit", "lots", "--locale", "cy_GB"
    )
    assert code == 1
    assert err == ["gwall: --memory-limit 'lots': rhowch faint fel 512M neu 2G"]


def test_an_unknown_locale_is_an_english_error(tmp_path: Path) -> None:
    template = template_with(tmp_path / "t.docx", "x")
    code, _out, err = run("template", "check", str(template), "--locale", "xx")
    assert code == 1
    assert len(err) == 1
    assert err[0].startswith("error: unknown locale 'xx'")


# ---------------------------------------------------------------- template export


def test_export_speaks_welsh_with_locale_cy(tmp_path: Path) -> None:
    target = tmp_path / "ours.docx"
    code, out, err = run("template", "export", "brief", str(target), "--locale", "cy_GB")
    assert code == 0, err
    assert out == [
        f"Ysgrifennwyd {target}",
        "Newidiwch ei arddull yn Word, yna defnyddiwch ef gyda: "
        f"pitchkit brief FACTS --template {target}",
    ]


def test_export_speaks_english_by_default(tmp_path: Path) -> None:
    target = tmp_path / "ours.docx"
    code, out, _err = run("template", "export", "update", str(target))
    assert code == 0
    assert out == [
        f"Wrote {target}",
        f"Restyle it in Word, then use it with: pitchkit update FACTS --template {target}",
    ]


def test_export_errors_are_welsh(tmp_path: Path) -> None:
    code, _out, err = run("template", "export", "memo", str(tmp_path), "-l", "cy_GB")
    assert code == 1
    assert err == ["gwall: math anhysbys o dempled 'memo': defnyddiwch un o'r rhain: brief, update"]
    pdf = tmp_path / "brief.pdf"
    code, _out, err = run("template", "export", "brief", str(pdf), "-l", "cy_GB")
    assert code == 1
    assert err == [f"gwall: {pdf}: rhowch enw ffeil sy'n gorffen â .docx, neu ffolder"]


# ---------------------------------------------------------------- filling a user's template


def test_a_tag_error_is_welsh_when_making_a_note(tmp_path: Path) -> None:
    template = template_with(tmp_path / "t.docx", "Open {% if project.title %}only")
    code, _out, err = run(
        "brief", str(FRAILTY), "--template", str(template), "--locale", "cy_GB",
        "--out", str(tmp_path),
    )  # fmt: skip
    assert code == 1
    assert len(err) == 1
    place = f'{template} (body, paragraph "Open {{% if project.title %}}only")'
    assert err[0] == (
        f"gwall: {place}: nid yw'r tag {{% if project.title %}} a agorir yma byth yn cael ei "
        "gau: ychwanegwch {% endif %} lle mae ei adran yn dod i ben"
    )


def test_a_compiled_templates_error_is_welsh_in_a_batch(tmp_path: Path) -> None:
    template = template_with(tmp_path / "t.docx", "{{ project.title }", "x")
    code, _out, err = run(
        "batch", str(FRAILTY), "--template", str(template), "--locale", "cy_GB",
        "--out", str(tmp_path / "notes"),
    )  # fmt: skip
    assert code == 1
    assert err, "the batch said nothing"
    assert all(line.startswith("gwall: ") for line in err)
    assert any(
        f"{template} (body, paragraph " in line and "nid yw'r tag {{ wedi'i gau" in line
        for line in err
    )


# ---------------------------------------------------------------- every message in Welsh


def failure(make: Callable[[], object]) -> Renderable | str:
    """The message of the PitchkitError ``make`` raises."""
    with pytest.raises(PitchkitError) as caught:
        make()
    return caught.value.text


def jinja_failure(source: str, context: dict[str, object]) -> BaseException:
    """The exception filling ``source`` with ``context`` raises in pitchkit's environment."""
    env = make_environment(EN)
    try:
        with known_names(context):
            env.from_string(source).render(context)
    except Exception as error:
        return error
    raise AssertionError(f"{source!r} filled without an error")


def described(error: BaseException) -> Renderable:
    """What a user reads for a template that failed with ``error``."""
    message = describe_failure(error, "t.docx", "body", "<w:p>x</w:p>")
    assert message is not None
    return message


def zip_with(path: Path, name: str) -> Path:
    """A zip holding one empty file ``name``."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(name, "")
    return path


def made_messages(tmp_path: Path) -> list[Renderable | str]:
    """Every message the template modules make that can be made cheaply."""
    folder = tmp_path / "folder.docx"
    folder.mkdir()
    odd = tmp_path / "odd.docx"
    odd.write_bytes(b"hello there")
    locked = tmp_path / "locked.docx"
    locked.write_bytes(OLE_SIGNATURE + b"rest")
    damaged = tmp_path / "damaged.docx"
    damaged.write_bytes(b"PK\x03\x04 broken")
    checked = template_with(
        tmp_path / "checked.docx",
        "{{ projct.title }} {{ update.headline }} {{ cycler.__init__ }}",
        "{% include 'other.docx' %}",
    )
    document = docx.Document(str(checked))
    document.sections[0].footer.paragraphs[0].text = "{{ projct.title }}"
    document.save(str(checked))
    report = check_template(checked, kind="brief")
    pitfalls = paragraph_pitfalls("Keep {%p if a %} {%tr x %} {{r a|upper }} {{r b }} {{ c", False)
    return [
        *(finding.message for finding in report.findings),
        *pitfalls,
        *split_tags(["{{ a", "}}"])[0],
        described(jinja_failure("{% if x %}", {})),
        described(jinja_failure("{{ projct }}", {"project": 1})),
        described(jinja_failure("{{ zzz }}", {"project": 1})),
        described(jinja_failure("{{ ''.__class__() }}", {})),
        described(jinja_failure("{% include 'other' %}", {})),
        described(jinja_failure("{{ 1 / 0 }}", {})),
        described(RecursionError()),
        unreadable("t.docx", KeyError("word/document.xml")).text,
        broken_xml("t.docx", SyntaxError("tag mismatch")).text,
        failure(lambda: check_template_file(tmp_path / "none.docx")),
        failure(lambda: check_template_file(folder)),
        failure(lambda: check_template_file(odd)),
        failure(lambda: check_template_file(locked)),
        failure(lambda: check_template_file(damaged)),
        failure(lambda: check_template_file(zip_with(tmp_path / "zip.docx", "a.txt"))),
        failure(lambda: Limits(seconds=0)),
        failure(lambda: Limits(memory_bytes=100)),
        failure(lambda: parse_seconds("soon")),
        failure(lambda: parse_seconds("-1")),
        failure(lambda: parse_size("lots")),
        failure(lambda: export_template("memo", tmp_path)),
        failure(lambda: export_template("brief", tmp_path / "brief.pdf")),
        Limits().describe(),
    ]


def test_every_message_is_welsh_with_its_values(tmp_path: Path) -> None:
    messages = made_messages(tmp_path)
    assert len(messages) >= 30
    for message in messages:
        assert isinstance(message, Renderable), message
        english, welsh = message.render(EN), message.render(CY)
        assert english == str(message)
        assert welsh != english, english
        assert not UNFILLED.search(welsh), welsh


def test_the_place_stays_as_it_is_in_welsh() -> None:
    message = described(jinja_failure("{{ x }", {}))
    assert message.render(CY).startswith('t.docx (body, paragraph "x"): gwall yn y tag: ')
    assert str(message).startswith('t.docx (body, paragraph "x"): tag error: ')


def test_the_limits_in_welsh() -> None:
    assert Limits(seconds=2.5).describe().render(CY) == "2.5 eiliad ac uchafswm cof o 1 GiB"
    too_little = failure(lambda: Limits(memory_bytes=100))
    assert str(too_little) == "memory limit 100 bytes: give at least 32M"
    assert render(too_little, CY) == "terfyn cof 100 beit: rhowch o leiaf 32M"
