"""Converting documents to PDF with LibreOffice (pitchkit.output.pdf)."""

from __future__ import annotations

import os
import stat
import tempfile
import time
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from docchecks import pdf_pages
from pitchkit.errors import ConversionError
from pitchkit.output.pdf import (
    SOFFICE_ENV,
    convert_to_pdf,
    find_soffice,
    install_hint,
    usual_places,
)


def make_docx(path: Path, text: str) -> Path:
    document = docx.Document()
    document.add_paragraph(text)
    document.save(str(path))
    return path


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def fake_soffice(folder: Path, script: str) -> Path:
    program = folder / "fake-soffice"
    program.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return program


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point tempfile at an empty folder, to see what a conversion leaves behind."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_a_missing_soffice_is_a_conversion_error_with_an_install_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "no-such-soffice"
    monkeypatch.setenv(SOFFICE_ENV, str(missing))

    with pytest.raises(ConversionError) as caught:
        find_soffice()

    message = str(caught.value)
    assert f"{SOFFICE_ENV} is set to {str(missing)!r}" in message
    assert str(install_hint()) in message
    assert "https://www.libreoffice.org/download" in message
    with pytest.raises(ConversionError):
        convert_to_pdf([make_docx(tmp_path / "a.docx", "A")])
    assert not (tmp_path / "a.pdf").exists()


def test_no_libreoffice_anywhere_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(SOFFICE_ENV, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    if any(os.access(place, os.X_OK) for place in usual_places()):
        pytest.skip("LibreOffice is installed in one of the usual places")

    with pytest.raises(ConversionError) as caught:
        find_soffice()

    assert str(caught.value) == (
        "LibreOffice is needed to make PDFs but was not found; install it from your "
        "distribution (Debian or Ubuntu: sudo apt-get install libreoffice-writer; Fedora: "
        "sudo dnf install libreoffice-writer), or from https://www.libreoffice.org/download"
    )


@pytest.mark.parametrize(
    ("platform", "expected"),
    [
        ("win32", "winget install TheDocumentFoundation.LibreOffice"),
        ("darwin", "brew install --cask libreoffice"),
        ("linux", "sudo apt-get install libreoffice-writer"),
    ],
)
def test_the_install_hint_fits_the_platform(platform: str, expected: str) -> None:
    hint = str(install_hint(platform))

    assert expected in hint
    others = {"win32": "winget", "darwin": "brew", "linux": "apt-get"}
    assert all(word not in hint for key, word in others.items() if key != platform)


def test_windows_looks_in_the_per_user_install_first() -> None:
    environ = {
        "LOCALAPPDATA": r"C:\Users\sam\AppData\Local",
        "ProgramFiles": r"C:\Program Files",
        "ProgramFiles(x86)": r"C:\Program Files (x86)",
    }

    places = usual_places("win32", environ, Path(r"C:\Users\sam"))

    assert places[0] == r"C:\Users\sam\AppData\Local\Programs\LibreOffice\program\soffice.exe"
    assert r"C:\Program Files\LibreOffice\program\soffice.exe" in places
    assert len(places) == len(set(places))


def test_macos_looks_in_the_users_own_applications_folder_first(tmp_path: Path) -> None:
    places = usual_places("darwin", {}, tmp_path)

    assert places == [
        str(tmp_path / "Applications/LibreOffice.app/Contents/MacOS/soffice"),
        "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    ]


def test_linux_looks_in_a_per_user_flatpak(tmp_path: Path) -> None:
    places = usual_places("linux", {}, tmp_path)

    assert places[0] == str(
        tmp_path / ".local/share/flatpak/exports/bin/org.libreoffice.LibreOffice"
    )
    assert "/snap/bin/libreoffice" in places


def test_nothing_to_convert_needs_no_libreoffice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SOFFICE_ENV, "/no/such/soffice")

    assert convert_to_pdf([]) == []


def test_a_libreoffice_that_fails_outright_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, private_tmp: Path
) -> None:
    program = fake_soffice(tmp_path, "echo 'Fatal: no display' >&2\nexit 3")
    monkeypatch.setenv(SOFFICE_ENV, str(program))

    with pytest.raises(ConversionError, match="failed with exit code 3: Fatal: no display"):
        convert_to_pdf([make_docx(tmp_path / "a.docx", "A")])
    assert list(private_tmp.iterdir()) == []


def pid_alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to see processes")
def test_a_stuck_libreoffice_is_stopped_with_its_helpers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, private_tmp: Path
) -> None:
    pid_file = tmp_path / "helper.pid"
    program = fake_soffice(tmp_path, f"sleep 60 &\necho $! > {pid_file}\nwait")
    monkeypatch.setenv(SOFFICE_ENV, str(program))

    with pytest.raises(ConversionError, match=r"took more than 0\.5 seconds .* and was stopped"):
        convert_to_pdf([make_docx(tmp_path / "a.docx", "A")], timeout=0.5)

    helper = int(pid_file.read_text())
    # The kill is sent at once, but the helper's exit is noticed a moment later.
    deadline = time.monotonic() + 10
    while pid_alive(helper) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not pid_alive(helper)
    assert list(private_tmp.iterdir()) == []


@pytest.mark.tools
def test_two_documents_convert_in_one_run_beside_their_docx(
    tmp_path: Path, soffice: str, private_tmp: Path
) -> None:
    first = make_docx(tmp_path / "Dr Okafor.docx", "Fewer falls on Ward 7")
    (tmp_path / "sub").mkdir()
    second = make_docx(tmp_path / "sub" / "Ms Ng.docx", "Shorter waits for discharge")

    results = convert_to_pdf([first, second])

    assert [(r.docx, r.pdf, r.error) for r in results] == [
        (first, tmp_path / "Dr Okafor.pdf", None),
        (second, tmp_path / "sub" / "Ms Ng.pdf", None),
    ]
    assert "Fewer falls on Ward 7" in pdf_text(tmp_path / "Dr Okafor.pdf")
    assert "Shorter waits for discharge" in pdf_text(tmp_path / "sub" / "Ms Ng.pdf")
    assert len(PdfReader(tmp_path / "Dr Okafor.pdf").pages) == 1
    assert list(private_tmp.iterdir()) == [], "the profile and work folder are removed"


@pytest.mark.tools
def test_existing_pdfs_are_kept_unless_forced(tmp_path: Path, soffice: str) -> None:
    note = make_docx(tmp_path / "note.docx", "Fresh words")
    (tmp_path / "note.pdf").write_bytes(b"old pdf")

    [refused] = convert_to_pdf([note])

    assert refused.pdf is None
    assert str(refused.error) == (
        f"{tmp_path / 'note.pdf'} already exists: pass --force to replace it, "
        "or choose another --out"
    )
    assert (tmp_path / "note.pdf").read_bytes() == b"old pdf"

    [forced] = convert_to_pdf([note], force=True)

    assert forced.error is None
    assert "Fresh words" in pdf_text(tmp_path / "note.pdf")


@pytest.mark.tools
def test_bad_documents_are_item_errors_while_the_rest_convert(tmp_path: Path, soffice: str) -> None:
    good = make_docx(tmp_path / "good.docx", "Still converted")
    noise = tmp_path / "noise.docx"
    noise.write_bytes(os.urandom(4000))
    hollow = tmp_path / "hollow.docx"
    with zipfile.ZipFile(hollow, "w") as package:
        package.writestr("[Content_Types].xml", "<<not xml")
        package.writestr("word/document.xml", "<<not xml")
    missing = tmp_path / "missing.docx"
    out = tmp_path / "pdfs"

    results = convert_to_pdf([noise, good, hollow, missing], out_dir=out)

    assert [r.error and str(r.error) for r in results] == [
        f"{noise} is not a Word document (.docx): open it in Word and save it again",
        None,
        f"LibreOffice could not convert {hollow}: it may be damaged; check that it opens in Word",
        f"{missing} does not exist: check the path",
    ]
    assert results[1].pdf == out / "good.pdf"
    assert sorted(p.name for p in out.iterdir()) == ["good.pdf"]
    assert "Still converted" in pdf_text(out / "good.pdf")


@pytest.mark.tools
def test_pdf_pages_counts_the_pages_of_a_converted_document(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Page one")
    document.add_page_break()
    document.add_paragraph("Page two")
    document.save(str(tmp_path / "two.docx"))

    assert pdf_pages(tmp_path / "two.docx") == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["two.docx"]
