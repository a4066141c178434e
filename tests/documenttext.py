"""The text of every bundled example's documents, as a reader sees it, for before-and-after checks.

:func:`documents` renders each example's briefing note and progress updates
for every director (the estimate's fit, no LibreOffice, on a fixed day) and
:func:`document_text` reads each back as plain text in reading order: the
body's paragraphs and table rows, the pictures' alternative text, then the
header and footer. ``tests/test_same_documents.py`` compares them with the
copies kept in ``tests/data/documents``; after a deliberate change of
wording, remake the copies with ``python scripts/same_documents.py`` and
read the difference before committing it.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.oxml.ns import qn

from pitchkit.facts.project import open_project
from pitchkit.notes.bilingual import make_bilingual_brief, open_pair
from pitchkit.notes.brief import make_brief_note
from pitchkit.notes.update import make_update

TODAY = dt.date(2028, 4, 10)
ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
KEPT = ROOT / "tests" / "data" / "documents"


def _paragraph(element: object) -> str:
    """A paragraph's text, with each picture's alternative text in brackets."""
    parts: list[str] = []
    for node in element.iter():  # type: ignore[attr-defined]
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        elif node.tag == qn("w:tab"):
            parts.append("\t")
        elif node.tag == qn("w:br"):
            parts.append("\n")
        elif node.tag.endswith("}docPr"):
            parts.append(f"[picture: {node.get('descr', '')}]")
    return "".join(parts).rstrip().replace("\u00a0", " ")  # a non-breaking space reads as one


def _blocks(container: object) -> Iterator[str]:
    """The lines of a body, header or footer: paragraphs, and table rows as cells joined by |."""
    for child in container.iterchildren():  # type: ignore[attr-defined]
        if child.tag == qn("w:p"):
            yield _paragraph(child)
        elif child.tag == qn("w:tbl"):
            for row in child.iter(qn("w:tr")):
                cells = [
                    " / ".join(_paragraph(p) for p in cell.iter(qn("w:p")))
                    for cell in row.iter(qn("w:tc"))
                ]
                yield " | ".join(cells)
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _blocks(content)


def body_run_text(data: bytes) -> str:
    """Every run of a .docx body joined with nothing between, a non-breaking space as a space.

    For tests that look for a phrase wherever runs and paragraphs break it.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)).replace("\u00a0", " ")


def document_text(data: bytes) -> str:
    """What a reader sees in a .docx, as text: body, then each section's header and footer."""
    document = docx.Document(io.BytesIO(data))
    lines = list(_blocks(document.element.body))
    for number, section in enumerate(document.sections, 1):
        for name, part in (("header", section.header), ("footer", section.footer)):
            if part.is_linked_to_previous and number > 1:
                continue
            text = [line for line in _blocks(part._element) if line.strip()]
            if text:
                lines.append(f"--- {name} {number} ---")
                lines.extend(text)
    props = document.core_properties
    lines.append(f"--- properties: title {props.title!r}, subject {props.subject!r} ---")
    return "\n".join(line for line in lines) + "\n"


def documents() -> Iterator[tuple[str, bytes]]:
    """Each bundled example's documents, named ``example/kind-director.txt``."""
    for facts in sorted(EXAMPLES.glob("*/facts.yaml")):
        example = facts.parent.name
        project = open_project(facts)
        logged = project.facts.updates
        last = logged[-1].period if logged else None
        for director in project.facts.directors:
            note = make_brief_note(project, director, today=TODAY)
            yield f"{example}/brief-{director.id}.txt", note.data
            if last is not None:
                data, _info = make_update(project, director, period=last, today=TODAY)
                yield f"{example}/update-{last}-{director.id}.txt", data
            data, _info = make_update(project, director, period="2030-01", today=TODAY)
            yield f"{example}/fill-in-{director.id}.txt", data
        if project.lang.code.startswith("cy"):
            pair = open_pair(facts)
            first = project.facts.directors[0].id
            both = make_bilingual_brief(pair, first, today=TODAY)
            yield f"{example}/bilingual-brief-{first}.txt", both.data
