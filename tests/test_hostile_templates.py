"""Templates and output folders someone else prepared: what pitchkit copies, and where it writes.

The one-line refusals (zip bombs, climbing names, DTDs, unclosed tags...)
are in the broken-input corpus (tests/broken/cases.yaml); these tests
check what a successful run writes: nothing of the template's zip that the
document does not use, and nothing through a link someone left in the
output folder.
"""

from __future__ import annotations

import random
import re
import zipfile
from pathlib import Path

from typer.testing import CliRunner

from docchecks import check_docx, docx_text, validate_ooxml
from hostile_files import _rewrite
from pitchkit.cli import app
from pitchkit.word.templatefile import TAG_QUOTES, normalise_tags, unclosed_tags

BROKEN = Path(__file__).resolve().parent / "broken"


def template_with_stowaways(path: Path) -> Path:
    """A working template whose zip also holds entries no relationship reaches."""

    def stowaways(archive: zipfile.ZipFile) -> None:
        archive.writestr("junk/unreferenced.bin", b"j" * 200_000)
        archive.writestr("word/media/unused.png", b"not really a picture")

    _rewrite(path, extra=stowaways)
    with zipfile.ZipFile(path) as archive:  # the template really carries them
        assert "junk/unreferenced.bin" in archive.namelist()
    return path


def test_zip_entries_the_document_does_not_use_never_reach_a_note(tmp_path: Path) -> None:
    """brief (one note) and batch (the fast path) copy only the parts the document uses."""
    template = template_with_stowaways(tmp_path / "template.docx")
    facts = BROKEN / "valid.yaml"
    runner = CliRunner()
    brief = runner.invoke(
        app,
        ["brief", str(facts), "--template", str(template), "--out", str(tmp_path / "brief.docx")],
    )
    assert brief.exit_code == 0, brief.stderr
    batch = runner.invoke(
        app, ["batch", str(facts), "--template", str(template), "--out", str(tmp_path / "notes")]
    )
    assert batch.exit_code == 0, batch.stderr
    notes = [tmp_path / "brief.docx", *sorted((tmp_path / "notes").glob("*.docx"))]
    assert len(notes) == 2
    for note in notes:
        with zipfile.ZipFile(note) as archive:
            names = archive.namelist()
            types = archive.read("[Content_Types].xml").decode("utf-8")
        assert not [name for name in names if name.startswith("junk/") or "unused" in name]
        assert "unused" not in types
        assert "junk" not in types
        check_docx(note)
        assert "MARK" in docx_text(note)
    validate_ooxml(notes[-1])


def test_demo_never_writes_through_a_link_at_its_facts_file(tmp_path: Path) -> None:
    """A dangling link at facts.yaml creates nothing outside --out; --force replaces the link."""
    out = tmp_path / "demo"
    out.mkdir()
    outside = tmp_path / "outside.yaml"
    (out / "facts.yaml").symlink_to(outside)
    runner = CliRunner()
    first = runner.invoke(app, ["demo", "--out", str(out), "-q"])
    assert first.exit_code == 0, first.stderr
    assert not outside.exists()
    assert (out / "facts.yaml").is_symlink()

    outside.write_text("someone else's file\n", encoding="utf-8")
    forced = runner.invoke(app, ["demo", "--out", str(out), "-q", "--force"])
    assert forced.exit_code == 0, forced.stderr
    assert outside.read_text(encoding="utf-8") == "someone else's file\n"
    assert not (out / "facts.yaml").is_symlink()
    assert "project:" in (out / "facts.yaml").read_text(encoding="utf-8")


def test_demo_refusing_an_existing_note_writes_nothing(tmp_path: Path) -> None:
    """demo checks every note it would write before writing any file, the facts copy too."""
    out = tmp_path / "demo"
    runner = CliRunner()
    assert runner.invoke(app, ["demo", "--out", str(out), "-q"]).exit_code == 0
    (out / "facts.yaml").unlink()
    before = sorted(path.name for path in out.iterdir())
    again = runner.invoke(app, ["demo", "--out", str(out), "-q"])
    assert again.exit_code == 1
    assert again.stderr.startswith("error: ")
    assert "already exists" in again.stderr
    assert sorted(path.name for path in out.iterdir()) == before


_OLD_TAG_BODY = re.compile(r"(?<=\{[\{%])(.*?)(?=[\}%]\})", re.DOTALL)


def test_straightening_quotes_in_tags_gives_what_the_old_pattern_gave() -> None:
    """The one-pass quote straightening matches the (quadratic) pattern it replaced."""
    pieces = ["{", "}", "%", "#", "“", "’", "a", "{{", "}}", "{%", "%}", " "]
    chooser = random.Random(20261203)
    for _ in range(20_000):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randint(0, 16)))
        expected = _OLD_TAG_BODY.sub(lambda match: match.group(0).translate(TAG_QUOTES), text)
        assert normalise_tags(text) == expected, text
    assert normalise_tags("{{ “a” }} “b” {% if x == ‘y’ %}") == "{{ \"a\" }} “b” {% if x == 'y' %}"


def test_unclosed_tags_are_counted_as_docxtpl_would_meet_them() -> None:
    """Tags that close before the next opens are fine; each one left open counts."""
    assert unclosed_tags("{{ a }} {% if b %}{# c #}") == 0
    assert unclosed_tags("{{ '{{' }}") == 1
    assert unclosed_tags("{%" * 50) == 50
    assert unclosed_tags("{{ a }} {{ b") == 1
