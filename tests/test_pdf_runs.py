"""Many documents to PDF: LibreOffice leaves out what lies past its 253rd argument.

LibreOffice (7.4 measured) reads only the first 253 arguments of its command
line and quietly skips the rest, exiting 0: one run over 695 notes made 243
PDFs. :func:`convert_to_pdf` gives each run at most ``per_run`` documents and
tries once more those left without a PDF.
"""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

import docx
import pytest

from pitchkit.output import pdf
from pitchkit.output.pagecount import count_pages
from pitchkit.output.pdf import SOFFICE_ENV, convert_to_pdf

#: The arguments LibreOffice reads; the rest are ignored.
READS = 253


def make_docx(path: Path, text: str) -> Path:
    document = docx.Document()
    document.add_paragraph(text)
    document.save(str(path))
    return path


def script(folder: Path, name: str, body: str) -> Path:
    program = folder / name
    program.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return program


def copies(folder: Path, n: int) -> list[Path]:
    data = make_docx(folder / "one.docx", "A note").read_bytes()
    paths = []
    for index in range(n):
        paths.append(folder / f"note {index}.docx")
        paths[-1].write_bytes(data)
    return paths


#: A stand-in for LibreOffice that, like it, reads only its first READS arguments: it writes
#: a whole PDF for each document among them, and counts its runs in runs.txt beside it.
LIKE_LIBREOFFICE = """\
echo run >> "$(dirname "$0")/runs.txt"
n=0; out=; next=
for arg in "$@"; do
  n=$((n + 1)); [ $n -gt READS ] && break
  if [ "$next" = outdir ]; then out=$arg; mkdir -p "$out"; next=; continue; fi
  case $arg in
    --outdir) next=outdir ;;
    *.docx) name=${arg##*/}; printf '%%PDF-1.7\\n%%%%EOF\\n' > "$out/${name%.docx}.pdf" ;;
  esac
done
exit 0""".replace("READS", str(READS))


def test_documents_past_libreoffices_arguments_are_converted_in_a_later_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 250 documents and pitchkit's ten options are more than LibreOffice reads at once.
    tools = tmp_path / "tools"
    tools.mkdir()
    monkeypatch.setenv(SOFFICE_ENV, str(script(tools, "soffice", LIKE_LIBREOFFICE)))
    docs = copies(tmp_path, 250)

    results = convert_to_pdf(docs, out_dir=tmp_path / "pdfs")

    assert [r.error for r in results if r.error is not None] == []
    assert all(r.pdf is not None and r.pdf.is_file() for r in results)
    assert (tools / "runs.txt").read_text().count("run") == 2, "200 in one run, 50 in another"


def test_a_document_libreoffice_left_out_is_tried_again_and_one_that_fails_twice_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # This LibreOffice converts the documents it is given up to one that says "crash", then
    # stops with exit code 134: the documents after it are tried again, and the one that
    # stopped it, twice, is reported with the code.
    tools = tmp_path / "tools"
    tools.mkdir()
    body = """\
echo run >> "$(dirname "$0")/runs.txt"
out=; next=
for arg in "$@"; do
  if [ "$next" = outdir ]; then out=$arg; mkdir -p "$out"; next=; continue; fi
  case $arg in
    --outdir) next=outdir ;;
    *.docx) if grep -q crash "$arg"; then exit 134; fi
            name=${arg##*/}; printf '%%PDF-1.7\\n%%%%EOF\\n' > "$out/${name%.docx}.pdf" ;;
  esac
done"""
    monkeypatch.setenv(SOFFICE_ENV, str(script(tools, "soffice", body)))
    docs = copies(tmp_path, 4)
    docs[1].write_bytes(docs[1].read_bytes() + b"crash")

    results = convert_to_pdf(docs, out_dir=tmp_path / "pdfs")

    assert [r.pdf is not None for r in results] == [True, False, True, True]
    assert str(results[1].error) == (
        f"LibreOffice stopped (exit code 134) before it made a PDF of {docs[1]}: "
        "try converting it on its own"
    )
    assert (tools / "runs.txt").read_text().count("run") == 3, "all; the last three; the last two"


@pytest.mark.tools
def test_real_libreoffice_leaves_out_what_lies_past_its_arguments_and_the_rest_is_retried(
    tmp_path: Path, soffice: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # LibreOffice itself, given 240 needless options first so that its limit is met with
    # five documents rather than 244: the first run converts three, the second the other two.
    padded = script(tmp_path, "soffice", f'exec "{soffice}" {" ".join(["--nologo"] * 240)} "$@"')
    monkeypatch.setenv(SOFFICE_ENV, str(padded))
    docs = [make_docx(tmp_path / f"note {n}.docx", f"Note number {n}") for n in range(5)]

    results = convert_to_pdf(docs, out_dir=tmp_path / "pdfs")

    assert [r.error for r in results] == [None] * 5
    assert sorted(p.name for p in (tmp_path / "pdfs").iterdir()) == [
        f"note {n}.pdf" for n in range(5)
    ]


@pytest.mark.tools
def test_real_libreoffice_converts_a_few_documents_per_run(tmp_path: Path, soffice: str) -> None:
    good = [make_docx(tmp_path / f"note {n}.docx", f"Note number {n}") for n in range(2)]
    hollow = tmp_path / "hollow.docx"
    with zipfile.ZipFile(hollow, "w") as package:
        package.writestr("[Content_Types].xml", "<<not xml")
        package.writestr("word/document.xml", "<<not xml")

    results = convert_to_pdf([good[0], hollow, good[1]], out_dir=tmp_path / "pdfs", per_run=2)

    assert [r.pdf for r in results] == [
        tmp_path / "pdfs/note 0.pdf",
        None,
        tmp_path / "pdfs/note 1.pdf",
    ]
    assert str(results[1].error) == (
        f"LibreOffice could not convert {hollow}: it may be damaged; check that it opens in Word"
    )


def test_counting_many_documents_allows_libreoffice_time_for_each(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A fixed two minutes for every list would cut counting 695 notes short.
    given: list[float] = []

    def converting(paths: list[Path], *, out_dir: Path, timeout: float) -> list[object]:
        given.append(timeout)
        return []

    monkeypatch.setattr(pdf, "convert_to_pdf", converting)

    count_pages([b"note"] * 695)
    count_pages([b"note"], timeout=30)

    assert given == [120 + 2 * 695, 30]


def test_a_libreoffice_that_keeps_stopping_is_not_started_once_a_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # It converts the first document of its first run, then stops with 134 every time.
    tools = tmp_path / "tools"
    tools.mkdir()
    body = """\
echo run >> "$(dirname "$0")/runs.txt"
[ "$(wc -l < "$(dirname "$0")/runs.txt")" -gt 1 ] && exit 134
out=; next=
for arg in "$@"; do
  if [ "$next" = outdir ]; then out=$arg; mkdir -p "$out"; next=; continue; fi
  case $arg in
    --outdir) next=outdir ;;
    *.docx) name=${arg##*/}; printf '%%PDF-1.7\\n%%%%EOF\\n' > "$out/${name%.docx}.pdf"; exit 134 ;;
  esac
done"""
    monkeypatch.setenv(SOFFICE_ENV, str(script(tools, "soffice", body)))
    docs = copies(tmp_path, 10)

    results = convert_to_pdf(docs, out_dir=tmp_path / "pdfs")

    assert [r.pdf is not None for r in results] == [True] + [False] * 9
    assert all("LibreOffice stopped (exit code 134)" in str(r.error) for r in results[1:])
    assert (tools / "runs.txt").read_text().count("run") == 5, "one, then a retry and three more"


def test_a_libreoffice_that_fails_outright_leaves_counts_unknown_and_the_brief_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counting pages is a check on pitchkit's own layout: its failure costs no note."""
    from typer.testing import CliRunner

    from pitchkit.cli import app

    tools = tmp_path / "tools"
    tools.mkdir()
    monkeypatch.setenv(SOFFICE_ENV, str(script(tools, "soffice", "echo broken >&2\nexit 1")))
    monkeypatch.delenv("PITCHKIT_MEASURE", raising=False)
    data = make_docx(tmp_path / "one.docx", "A note").read_bytes()

    assert count_pages([data, data]) == [None, None]

    example = Path(__file__).resolve().parent.parent / "examples" / "falls-prevention"
    out = tmp_path / "brief.docx"
    result = CliRunner().invoke(
        app, ["brief", str(example / "facts.yaml"), "-d", "dof", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert zipfile.is_zipfile(out)
