"""No content from outside the file, and nothing that runs, reaches a note.

The hostile templates (``tests/hostile_templates.py``) are filled by the
real commands, and the notes are read back as zip packages: no link to
outside content is left (web links stay), no field that fetches or runs,
no altChunk, no macro, and the text around them is kept. LibreOffice is
shown to fetch nothing, through pitchkit and on its own: a tiny web server
started by the test records every request, and a local picture linked by
``file:///`` must not appear in the PDF.
"""

from __future__ import annotations

import http.server
import io
import re
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner, Result

import hostile_templates as hostile
from docchecks import check_docx, docx_text, validate_ooxml
from pitchkit.authoring.check import check_template, export_template
from pitchkit.authoring.variables import demo_facts
from pitchkit.cli import app
from pitchkit.output.pdf import convert_to_pdf
from pitchkit.word.templateguard import ACTIVE_FIELDS, guard_template

DEMO = str(demo_facts())
EXTERNAL = 'TargetMode="External"'


def run(*args: str) -> Result:
    """Run pitchkit in-process; a crash (not a user error) fails the test."""
    result = CliRunner().invoke(app, list(args), catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"pitchkit crashed: {result.stderr}") from result.exception
    return result


def parts(path: Path | bytes) -> dict[str, str]:
    """Every part of a .docx, as text."""
    source = io.BytesIO(path) if isinstance(path, bytes) else path
    with zipfile.ZipFile(source) as package:
        return {name: package.read(name).decode("utf-8", "replace") for name in package.namelist()}


def outside_links(package: dict[str, str]) -> list[str]:
    """External relationships other than links to web and e-mail addresses."""
    found = []
    for name, text in package.items():
        if not name.endswith(".rels"):
            continue
        for relationship in re.findall(r"<Relationship [^>]*>", text):
            if EXTERNAL not in relationship:
                continue
            if "/hyperlink" in relationship and re.search(
                r'Target="(https?|mailto):', relationship
            ):
                continue
            found.append(relationship)
    return found


def active_fields(package: dict[str, str]) -> list[str]:
    """Field instructions naming a field that fetches or runs, across the package."""
    found = []
    for text in package.values():
        simple = re.findall(r'w:instr="([^"]*)"', text)
        complex_ = ["".join(re.findall(r"<w:instrText[^>]*>([^<]*)<", text))]
        for instruction in [*simple, *complex_]:
            words = set(instruction.replace("&quot;", " ").upper().split())
            if words & ACTIVE_FIELDS or "DDEAUTO" in instruction.upper().replace(" ", ""):
                found.append(instruction)
    return found


def make_note(template: bytes, tmp_path: Path, *args: str) -> Path:
    """Write ``template`` and make a brief from it with ``args``; return the note."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / "template.docx"
    path.write_bytes(template)
    out = tmp_path / "out" / "note.docx"
    result = run("brief", DEMO, "--template", str(path), "--out", str(out), *args)
    assert result.exit_code == 0, result.stderr
    assert all(line.startswith("warning: ") for line in result.stderr.splitlines())
    return out


# ---------------------------------------------------------------- what reaches the note


@pytest.mark.parametrize("name", [n for n in hostile.TEMPLATES if n != "chart-escape.docx"])
def test_the_template_carries_it_and_the_note_does_not(name: str, tmp_path: Path) -> None:
    template = hostile.TEMPLATES[name]()
    before = parts(template)
    assert (
        outside_links(before)
        or active_fields(before)
        or "altChunk" in before["word/document.xml"]
        or "word/vbaProject.bin" in before
    ), f"{name} should carry something to remove"
    note = parts(make_note(template, tmp_path))
    assert outside_links(note) == []
    assert active_fields(note) == []
    assert "altChunk" not in note["word/document.xml"]
    assert not [part for part in note if "vba" in part.lower() or "chunk" in part.lower()]
    assert "macroEnabled" not in note["[Content_Types].xml"]
    assert "vbaProject" not in note["[Content_Types].xml"]


def test_text_around_what_was_removed_is_kept(tmp_path: Path) -> None:
    text = docx_text(make_note(hostile.file_hyperlink(), tmp_path))
    assert "the passwords file" in text  # a file link loses its link, not its words
    assert "before share link after" in text  # so does a HYPERLINK field to a share
    note = parts(tmp_path / "out" / "note.docx")
    assert 'Target="https://www.nhs.uk/"' in "".join(note.values())  # web links stay
    fields = docx_text(make_note(hostile.active_fields(), tmp_path / "2"))
    assert fields.count("before  after") == 3  # each active field went, results and all
    assert "before 1 after" in fields  # a PAGE field is harmless and stays
    assert "cached result" not in fields
    assert "made by a field" not in fields


def test_a_batch_by_the_fast_path_is_cleaned_too(tmp_path: Path) -> None:
    template = tmp_path / "template.docx"
    template.write_bytes(hostile.everything())
    result = run("batch", DEMO, "--template", str(template), "--out", str(tmp_path / "notes"))
    assert result.exit_code == 0, result.stderr
    notes = sorted((tmp_path / "notes").glob("*.docx"))
    assert len(notes) == 4
    for note in notes:
        package = parts(note)
        assert outside_links(package) == []
        assert active_fields(package) == []
        assert "vbaProject" not in "".join(package)


def test_the_cleaned_note_opens_in_word(tmp_path: Path, ooxml_validator: str) -> None:
    note = make_note(hostile.everything(), tmp_path)
    check_docx(note)
    validate_ooxml(note)


def test_a_sound_template_is_left_byte_for_byte(tmp_path: Path) -> None:
    for kind in ("brief", "update"):
        data = export_template(kind, tmp_path / f"{kind}.docx").read_bytes()
        guarded = guard_template(data)
        assert guarded.data is data
        assert guarded.removed == ()


def test_template_check_lists_each_removal_in_welsh_too(tmp_path: Path) -> None:
    path = tmp_path / "t.docx"
    path.write_bytes(hostile.everything())
    report = check_template(path)
    assert report.ok
    assert report.filled
    warnings = [str(finding.message) for finding in report.findings]
    for phrase in (
        "removed an image linked to http://127.0.0.1:9/pitchkit.png",
        "removed the link to file:///etc/passwd",
        "removed an embedded document (altChunk)",
        "removed the link to the attached template http://127.0.0.1:9/t.dotm",
        "removed the field INCLUDETEXT",
        "removed the field DDEAUTO",
        "removed the template's macros (vbaProject.bin)",
    ):
        assert any(phrase in warning for warning in warnings), phrase
    result = run("template", "check", str(path), "--locale", "cy_GB")
    assert result.exit_code == 0
    assert "tynnwyd y maes DDEAUTO" in result.stderr
    assert "tynnwyd macros y templed (vbaProject.bin)" in result.stderr


def test_a_field_spelt_across_runs_or_made_by_a_field_is_found() -> None:
    removed = [str(message) for message in guard_template(hostile.active_fields()).removed]
    assert any("the field DDEAUTO" in message for message in removed)
    assert any("the field {…}AUTO cmd" in message for message in removed)
    assert not any("PAGE" in message for message in removed)


def test_a_link_to_a_place_in_the_document_stays() -> None:
    template = hostile.package(
        hostile.complex_field(' HYPERLINK \\l "section2" ', result="see section 2")
        + hostile.complex_field(' HYPERLINK "https://www.nhs.uk/" ', result="the NHS")
    )
    guarded = guard_template(template)
    assert guarded.data is template


# ---------------------------------------------------------------- LibreOffice fetches nothing


@pytest.fixture
def web_server() -> Iterator[tuple[str, list[str]]]:
    """A web server on this machine that serves a picture and records every request."""
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()
            self.wfile.write(hostile.PNG)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requests
    finally:
        server.shutdown()
        server.server_close()


def local_png(path: Path) -> Path:
    """A 40x40 red PNG at ``path``."""
    from PIL import Image

    Image.new("RGB", (40, 40), (200, 0, 0)).save(path)
    return path


def images_in(pdf: Path) -> int:
    """How many pictures the PDF's pages draw."""
    return sum(len(page.images) for page in PdfReader(pdf).pages)


def test_the_server_and_the_picture_are_real(
    web_server: tuple[str, list[str]], tmp_path: Path, soffice: str
) -> None:
    """Control: an inserted picture reaches the PDF, and the server answers a request."""
    import urllib.request

    address, requests = web_server
    with urllib.request.urlopen(f"{address}/control.png") as answer:
        assert answer.read() == hostile.PNG
    assert requests == ["/control.png"]
    out = tmp_path / "update.docx"
    assert run("update", DEMO, "--out", str(out), "--pdf").exit_code == 0
    assert images_in(out.with_suffix(".pdf")) >= 2  # the charts, which are inserted


def test_a_note_made_with_pdf_fetches_nothing(
    web_server: tuple[str, list[str]], tmp_path: Path, soffice: str
) -> None:
    address, requests = web_server
    template = hostile.linked_image(address, local_png(tmp_path / "local.png"))
    note = make_note(template, tmp_path, "--pdf")
    assert requests == []
    assert images_in(note.with_suffix(".pdf")) == 0


def test_libreoffice_itself_fetches_nothing(
    web_server: tuple[str, list[str]], tmp_path: Path, soffice: str
) -> None:
    """Even a document that still links outside (not made by pitchkit) is converted offline."""
    address, requests = web_server
    document = tmp_path / "linked.docx"
    document.write_bytes(hostile.linked_image(address, local_png(tmp_path / "local.png")))
    assert outside_links(parts(document))
    [result] = convert_to_pdf([document], out_dir=tmp_path)
    assert result.pdf is not None, result.error
    assert requests == []
    assert images_in(result.pdf) == 0
