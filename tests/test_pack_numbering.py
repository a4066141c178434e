"""In a meeting pack each note's numbered lists start at 1, as they do in the note itself."""

from __future__ import annotations

import subprocess
from pathlib import Path

import docx
from lxml import etree

from docchecks import check_docx, validate_ooxml
from pitchkit.word.pack import build_pack

ROOT = Path(__file__).resolve().parent.parent
FRAILTY = ROOT / "examples" / "frailty-virtual-ward" / "facts.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def numbered_template(path: Path, *, by_style: bool) -> Path:
    """A template whose asks are a numbered list, by Word's List Number style or by numPr."""
    document = docx.Document()
    document.add_paragraph("{{ director.name }}")
    document.add_paragraph("{%p for ask in asks %}")
    item = document.add_paragraph("{{ ask }}", style="List Number")
    if not by_style:
        style_numbering = document.styles["List Number"].element.find(f"{W}pPr/{W}numPr")
        properties = item._p.get_or_add_pPr()
        properties.append(etree.fromstring(etree.tostring(style_numbering)))
    document.add_paragraph("{%p endfor %}")
    document.save(str(path))
    return path


def make_notes(tmp_path: Path, template: Path, count: int = 4) -> list[Path]:
    from pitchkit.cli.notes import load_project
    from pitchkit.notes.brief import make_brief_note

    project = load_project(FRAILTY, None)
    notes = []
    for number, director in enumerate(project.facts.directors[:count], start=1):
        note = make_brief_note(project, director, template=template)
        path = tmp_path / f"note-{number}.docx"
        path.write_bytes(note.data)
        notes.append(path)
    return notes


def list_starts(pack: Path) -> list[tuple[str, int]]:
    """For each note (a section), the numbering instance of its list and where it starts."""
    parts = docx.Document(str(pack)).part
    body = etree.fromstring(parts.blob)
    numbering = etree.fromstring(parts.numbering_part.blob)
    starts = []
    seen_in_section: set[str] = set()
    for paragraph in body.iter(f"{W}p"):
        num_id = paragraph.find(f"{W}pPr/{W}numPr/{W}numId")
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        if num_id is None and style is not None and style.get(f"{W}val") == "ListNumber":
            if "style" not in seen_in_section:
                seen_in_section.add("style")
                starts.append(("style", 1))  # numbered by the style alone: Word starts at 1
        elif num_id is not None and num_id.get(f"{W}val") not in seen_in_section:
            value = str(num_id.get(f"{W}val"))
            seen_in_section.add(value)
            instance = next(n for n in numbering.iter(f"{W}num") if n.get(f"{W}numId") == value)
            override = instance.find(f"{W}lvlOverride[@{W}ilvl='0']/{W}startOverride")
            start = 1 if override is None else int(str(override.get(f"{W}val")))
            starts.append((value, start))
        if paragraph.find(f"{W}pPr/{W}sectPr") is not None:
            seen_in_section = set()
    return starts


def check_pack(tmp_path: Path, *, by_style: bool) -> Path:
    template = numbered_template(tmp_path / "numbered.docx", by_style=by_style)
    notes = make_notes(tmp_path, template)
    pack = tmp_path / "pack.docx"
    pack.write_bytes(build_pack(notes, title="Pack"))
    starts = list_starts(pack)
    assert len(starts) == 4, starts
    assert len({num_id for num_id, _ in starts}) == 4  # each note has its own list
    assert all(start == 1 for _, start in starts)
    return pack


def test_lists_numbered_by_their_paragraphs_restart_in_each_note(tmp_path: Path) -> None:
    pack = check_pack(tmp_path, by_style=False)

    check_docx(pack)
    validate_ooxml(pack)


def test_lists_numbered_by_their_style_restart_in_each_note(tmp_path: Path) -> None:
    pack = check_pack(tmp_path, by_style=True)

    check_docx(pack)
    validate_ooxml(pack)


def test_libreoffice_prints_each_notes_list_from_1(tmp_path: Path, soffice: str) -> None:
    pack = check_pack(tmp_path, by_style=True)

    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(pack),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "pack.pdf"), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    pages = text.split("\f")
    firsts = [
        next(line.strip() for line in page.splitlines() if line.strip()[:2] in {"1.", "4."})
        for page in pages
        if page.strip()
    ]
    assert len(firsts) == 4
    assert all(line.startswith("1.") for line in firsts), firsts
