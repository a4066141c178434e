"""Hostile files made at test time, for the broken-input corpus (tests/broken/cases.yaml).

Files too large to commit, or easier to read as the code that makes them:
templates that are zip bombs or hold impossible part names, tags that
would take quadratic time, damaged workbooks. Each maker writes one file
at the path it is given; a case names its maker with ``make:``.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

from docx import Document
from openpyxl import Workbook

Maker = Callable[[Path], None]


def _docx(text: str = "Dear {{ director.name }}") -> bytes:
    """A small Word document with one paragraph of ``text``."""
    document = Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _rewrite(
    path: Path,
    *,
    body: Callable[[bytes], bytes] = lambda xml: xml,
    extra: Callable[[zipfile.ZipFile], None] = lambda archive: None,
) -> None:
    """Write a template whose document.xml is changed by ``body``, with ``extra`` entries."""
    source = zipfile.ZipFile(io.BytesIO(_docx("MARK")))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about duplicate names
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for info in source.infolist():
                data = source.read(info.filename)
                if info.filename == "word/document.xml":
                    data = body(data)
                archive.writestr(info.filename, data)
            extra(archive)


def _in_body(text: bytes) -> Callable[[bytes], bytes]:
    return lambda xml: xml.replace(b">MARK<", b">" + text + b"<")


def zip_bomb_template(path: Path) -> None:
    """A 100 kB template with a 64 MB part of zeros (the issue's was 2 GB: same ratio)."""

    def bomb(archive: zipfile.ZipFile) -> None:
        with archive.open("word/media/image1.png", "w") as stream:
            chunk = bytes(1 << 20)
            for _ in range(64):
                stream.write(chunk)

    _rewrite(path, extra=bomb)


def climbing_part_name_template(path: Path) -> None:
    """A template whose zip holds an entry named ``../../evil.txt``."""
    _rewrite(path, extra=lambda archive: archive.writestr("../../evil.txt", b"outside"))


def case_colliding_template(path: Path) -> None:
    """A template holding ``word/document.xml`` and ``Word/Document.xml``."""
    _rewrite(
        path,
        extra=lambda archive: archive.writestr("Word/Document.xml", _docx("second body")),
    )


def too_many_parts_template(path: Path) -> None:
    """A template of 3,000 tiny zip entries."""

    def many(archive: zipfile.ZipFile) -> None:
        for number in range(3000):
            archive.writestr(f"customXml/item{number}.xml", b"<a/>")

    _rewrite(path, extra=many)


def doctype_template(path: Path) -> None:
    """A template whose document.xml declares an entity and uses it."""
    _rewrite(
        path,
        body=lambda xml: xml.replace(
            b"?>", b'?><!DOCTYPE w:document [<!ENTITY who "Helen">]>', 1
        ).replace(b">MARK<", b">&who;<"),
    )


def unclosed_tags_template(path: Path) -> None:
    """37 kB of ``{%`` that never close: quadratic in docxtpl's clean-up.

    Half of them are split across runs, as Word does, for docxtpl to join.
    """
    split = b"{</w:t></w:r><w:r><w:t>%"
    _rewrite(path, body=_in_body(b"{%" * 9_000 + split * 9_000))


def nested_brackets_template(path: Path) -> None:
    """A tag of 80 nested brackets: Jinja's parser recursion overflows."""
    _rewrite(path, body=_in_body(b"{{ " + b"(" * 80 + b"1" + b")" * 80 + b" }}"))


def huge_constant_template(path: Path) -> None:
    """``'x'|center(200000000)``: Jinja folds it while compiling, making 200 MB."""
    _rewrite(path, body=_in_body(b"{{ 'x'|center(200000000) }}"))


def many_impacts_facts(path: Path) -> None:
    """A facts file with 15,000 impacts written out (no aliases)."""
    valid = (Path(__file__).parent / "broken" / "valid.yaml").read_text("utf-8")
    head, _, rest = valid.partition("impacts:\n")
    impact = (
        "  - id: i{n}\n    measure: Measure {n}\n    unit: bed days\n    per: year\n"
        "    baseline: 9600\n    target: 8000\n    supports: [dof.cip]\n"
    )
    impacts = "".join(impact.format(n=n) for n in range(15_000))
    tail = rest[rest.index("\n", rest.index("supports")) + 1 :]
    path.write_text(head + "impacts:\n" + impacts + tail, "utf-8")


def _workbook(path: Path, sheet: Callable[[bytes], bytes]) -> None:
    """A directors workbook whose sheet XML is changed by ``sheet``."""
    book = Workbook()
    rows = book.active
    assert rows is not None
    rows.title = "directors"
    rows.append(["id", "name", "role"])
    rows.append(["dof", "Helen Marsh", "Director of Finance"])
    rows["D2"] = 5
    buffer = io.BytesIO()
    book.save(buffer)
    source = zipfile.ZipFile(buffer)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = sheet(data)
            archive.writestr(info.filename, data)


def workbook_bad_tag(path: Path) -> None:
    """A sheet whose XML is cut off inside a tag."""
    _workbook(path, lambda xml: xml.replace(b"<sheetData>", b'<sheetData><row r="1"><c r="A1"', 1))


def workbook_absurd_reference(path: Path) -> None:
    """A cell at column ZZZZZZZZ, row 99,999,999,999."""
    _workbook(path, lambda xml: xml.replace(b'r="D2"', b'r="ZZZZZZZZ99999999999"', 1))


def workbook_text_in_number(path: Path) -> None:
    """A number cell holding the word ``five``."""
    _workbook(path, lambda xml: xml.replace(b"<v>5</v>", b"<v>five</v>", 1))


def workbook_undefined_entity(path: Path) -> None:
    """A cell holding ``&bogus;``, an entity nothing defines."""
    _workbook(path, lambda xml: xml.replace(b"<v>5</v>", b"<v>&bogus;</v>", 1))


MAKERS: dict[str, Maker] = {
    maker.__name__.replace("_", "-"): maker
    for maker in (
        zip_bomb_template,
        climbing_part_name_template,
        case_colliding_template,
        too_many_parts_template,
        doctype_template,
        unclosed_tags_template,
        nested_brackets_template,
        huge_constant_template,
        many_impacts_facts,
        workbook_bad_tag,
        workbook_absurd_reference,
        workbook_text_in_number,
        workbook_undefined_entity,
    )
}
