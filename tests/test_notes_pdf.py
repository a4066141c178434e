"""``brief``, ``update`` and ``demo`` with ``--pdf``: nothing is written unless the PDF can be."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pitchkit.cli import app

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "examples" / "frailty-virtual-ward" / "facts.yaml"


@pytest.mark.parametrize(
    "command",
    [
        ["brief", str(FACTS), "--director", "dof"],
        ["update", str(FACTS), "--director", "dof"],
        ["brief", str(FACTS), "--director", "dof", "--bilingual"],
        ["demo"],
    ],
)
def test_without_libreoffice_pdf_refuses_before_writing_anything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.setenv("PITCHKIT_SOFFICE", "no-such-libreoffice")
    out = tmp_path / "notes"
    result = CliRunner().invoke(app, [*command, "--out", str(out), "--pdf"])
    assert result.exit_code == 1, result.output
    assert "PITCHKIT_SOFFICE" in result.stderr
    assert "'no-such-libreoffice'" in result.stderr
    assert "Wrote" not in result.stdout
    assert not out.exists() or list(out.iterdir()) == []


def test_an_existing_pdf_is_refused_before_the_note_is_written(
    tmp_path: Path, soffice: str
) -> None:
    note = tmp_path / "note.docx"
    (tmp_path / "note.pdf").write_bytes(b"my pdf")
    result = CliRunner().invoke(
        app, ["brief", str(FACTS), "--director", "dof", "--out", str(note), "--pdf"]
    )
    assert result.exit_code == 1, result.output
    assert f"{tmp_path / 'note.pdf'} already exists: pass --force" in result.stderr
    assert not note.exists()
    assert (tmp_path / "note.pdf").read_bytes() == b"my pdf"
