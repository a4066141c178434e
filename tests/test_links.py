"""E-mail and web addresses in a note are links a director can click."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx
import pytest

from docchecks import check_docx, validate_ooxml
from pitchkit.word.finish import addresses, link_addresses
from pitchkit.word.pack import build_pack

ROOT = Path(__file__).resolve().parent.parent
FALLS = ROOT / "examples" / "falls-prevention" / "facts.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def links_in(path: Path) -> dict[str, str]:
    """Each linked text in the body, headers and footers, with where it goes."""
    document = docx.Document(str(path))
    parts = [document.part]
    for section in document.sections:
        parts += [section.footer.part, section.header.part]
    found: dict[str, str] = {}
    for part in parts:
        for link in part.element.iter(f"{W}hyperlink"):
            rid = link.get(f"{R}id")
            text = "".join(t.text or "" for t in link.iter(f"{W}t"))
            found[text] = part.rels[rid].target_ref
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Write to sam.lee@example.nhs.uk.",
            [("sam.lee@example.nhs.uk", "mailto:sam.lee@example.nhs.uk")],
        ),
        (
            "See https://www.england.nhs.uk/pifu/, and www.nice.org.uk.",
            [
                ("https://www.england.nhs.uk/pifu/", "https://www.england.nhs.uk/pifu/"),
                ("www.nice.org.uk", "https://www.nice.org.uk"),
            ],
        ),
        ("(ask sam@example.org)", [("sam@example.org", "mailto:sam@example.org")]),
        ("No address @ here, nor at 3.5% or v1.2.", []),
    ],
)
def test_addresses_are_found_without_the_punctuation_around_them(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(text[s:e], target) for s, e, target in addresses(text)] == expected


def test_the_leads_email_is_a_link_in_the_body_and_footer(tmp_path: Path) -> None:
    note = tmp_path / "note.docx"
    result = subprocess.run(
        [sys.executable, "-m", "pitchkit", "brief", str(FALLS), "--out", str(note), "-q"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert links_in(note) == {"megan.hughes@example.nhs.uk": "mailto:megan.hughes@example.nhs.uk"}
    text = "\n".join(p.text for p in docx.Document(str(note)).paragraphs)
    assert "· megan.hughes@example.nhs.uk" in text  # the words read as before
    check_docx(note)
    validate_ooxml(note)


def test_a_web_address_in_the_evidence_is_a_link_and_packs_keep_links(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text(
        # In the first evidence item: the money block leaves room for only that one.
        FALLS.read_text(encoding="utf-8").replace(
            "Reviews of 14 falls with harm in 2025/26 found",
            "Against NICE guidance (https://www.nice.org.uk/guidance/ng249), reviews of\n"
            "      14 falls with harm in 2025/26 found",
        ),
        encoding="utf-8",
    )
    out = tmp_path / "notes"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pitchkit",
            "batch",
            str(facts),
            "--out",
            str(out),
            "--pack",
            str(tmp_path / "pack.docx"),
            "-q",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )

    assert result.returncode == 0, result.stderr
    notes = sorted(out.glob("*.docx"))
    linked = [links_in(note) for note in notes]
    assert any(
        found.get("https://www.nice.org.uk/guidance/ng249")
        == "https://www.nice.org.uk/guidance/ng249"
        for found in linked
    )
    pack_links = links_in(tmp_path / "pack.docx")
    assert pack_links["megan.hughes@example.nhs.uk"] == "mailto:megan.hughes@example.nhs.uk"
    validate_ooxml(tmp_path / "pack.docx")


def test_a_document_with_no_address_is_returned_unchanged(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Nothing to link here.")
    path = tmp_path / "plain.docx"
    document.save(str(path))
    data = path.read_bytes()

    assert link_addresses(data) is data


def test_linking_twice_links_once(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Contact sam@example.org today.")
    path = tmp_path / "one.docx"
    document.save(str(path))

    twice = tmp_path / "twice.docx"
    twice.write_bytes(link_addresses(link_addresses(path.read_bytes())))

    assert links_in(twice) == {"sam@example.org": "mailto:sam@example.org"}
    assert docx.Document(str(twice)).paragraphs[0].text == "Contact sam@example.org today."
    validate_ooxml(twice)


def test_a_pack_of_linked_notes_is_valid(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Contact sam@example.org today.")
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    document.save(str(first))
    first.write_bytes(link_addresses(first.read_bytes()))
    second.write_bytes(first.read_bytes())
    pack = tmp_path / "pack.docx"

    pack.write_bytes(build_pack([first, second], title="Pack"))

    check_docx(pack)
    validate_ooxml(pack)
