"""Scripts pipe facts in with ``-`` and take one document out with ``--out -``."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document

ROOT = Path(__file__).resolve().parent.parent
FALLS = ROOT / "examples" / "falls-prevention" / "facts.yaml"


def run(*args: str, stdin: bytes | None = None, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """Run pitchkit in a real process with bytes in and out."""
    return subprocess.run(
        [sys.executable, "-m", "pitchkit", *args],
        input=stdin,
        capture_output=True,
        env={**os.environ, "COLUMNS": "200", "NO_COLOR": "1"},
        cwd=cwd,
        timeout=120,
        check=False,
    )


def test_facts_from_standard_input_make_the_same_note(tmp_path: Path) -> None:
    piped = run("brief", "-", "--out", "piped.docx", stdin=FALLS.read_bytes(), cwd=tmp_path)
    named = run("brief", str(FALLS), "--out", "named.docx", cwd=tmp_path)

    assert piped.returncode == 0, piped.stderr
    assert named.returncode == 0, named.stderr
    texts = [
        [p.text for p in Document(str(tmp_path / name)).paragraphs]
        for name in ("piped.docx", "named.docx")
    ]
    assert texts[0] == texts[1]


def test_a_mistake_in_piped_facts_is_located_in_stdin(tmp_path: Path) -> None:
    broken = FALLS.read_text(encoding="utf-8").replace("baseline: 84", "baseline: lots")

    result = run("brief", "-", "--out", "n.docx", stdin=broken.encode(), cwd=tmp_path)

    assert result.returncode == 1
    lines = result.stderr.decode().splitlines()
    assert lines == [
        "error: <stdin>:58:15: impacts[0].baseline: must be a number such as 1200, without "
        "units or words (found 'lots')"
    ]
    assert list(tmp_path.iterdir()) == []


def test_welsh_from_standard_input_reads_the_input_once(tmp_path: Path) -> None:
    result = run(
        "brief", "-", "--locale", "cy_GB", "--out", "n.docx", stdin=FALLS.read_bytes(), cwd=tmp_path
    )
    bilingual = run(
        "brief", "-", "--bilingual", "--out", "b.docx", stdin=FALLS.read_bytes(), cwd=tmp_path
    )

    assert result.returncode == 0, result.stderr
    assert bilingual.returncode == 0, bilingual.stderr


def test_the_note_goes_to_standard_output_and_messages_to_stderr(tmp_path: Path) -> None:
    result = run("brief", str(FALLS), "--out", "-", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    document = Document(io.BytesIO(result.stdout))
    assert document.paragraphs[0].text.startswith("Safer steps")
    assert b"Advice from the guide" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_update_goes_to_standard_output_too(tmp_path: Path) -> None:
    result = run("update", str(FALLS), "--out", "-", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert Document(io.BytesIO(result.stdout)).paragraphs
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("batch", str(FALLS), "--out", "-"),
            "error: --out -: this command writes several files; give a folder instead",
        ),
        (
            ("demo", "--out", "-"),
            "error: --out -: this command writes several files; give a folder instead",
        ),
        (
            ("brief", str(FALLS), "--out", "-", "--pdf"),
            "error: --out -: only the Word document can go to standard output; leave out --pdf",
        ),
    ],
)
def test_out_dash_is_refused_where_it_cannot_work(
    args: tuple[str, ...], message: str, tmp_path: Path
) -> None:
    result = run(*args, cwd=tmp_path)

    assert result.returncode == 1
    assert result.stderr.decode().strip() == message
    assert result.stdout == b""
    assert list(tmp_path.iterdir()) == []


def run_on_a_terminal(*args: str, stream: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """Run pitchkit with its ``stream`` ("stdin" or "stdout") on a pseudo-terminal."""
    import pty

    leader, follower = pty.openpty()
    pipes: dict[str, int] = {"stdin": subprocess.PIPE, "stdout": subprocess.PIPE}
    pipes[stream] = follower
    try:
        return subprocess.run(
            [sys.executable, "-m", "pitchkit", *args],
            stdin=pipes["stdin"],
            stdout=pipes["stdout"],
            stderr=subprocess.PIPE,
            env={**os.environ, "COLUMNS": "200", "NO_COLOR": "1"},
            cwd=cwd,
            timeout=120,
            check=False,
        )
    finally:
        os.close(follower)
        os.close(leader)


def test_out_dash_to_a_terminal_says_to_redirect(tmp_path: Path) -> None:
    result = run_on_a_terminal("brief", str(FALLS), "--out", "-", stream="stdout", cwd=tmp_path)

    assert result.returncode == 1
    assert result.stderr.decode().strip() == (
        "error: --out - sends the Word document to standard output, which is this terminal: "
        "redirect it to a file, as in: --out - > note.docx"
    )
    assert list(tmp_path.iterdir()) == []


def test_dash_with_nothing_piped_in_says_how_to_pipe(tmp_path: Path) -> None:
    result = run_on_a_terminal("brief", "-", "--out", "n.docx", stream="stdin", cwd=tmp_path)

    assert result.returncode == 1
    assert result.stderr.decode().strip() == (
        "error: <stdin>: '-' reads the facts from standard input, but nothing was piped in: "
        "give the file's path, or pipe it in, as in: cat facts.yaml | pitchkit brief -"
    )


def test_a_location_on_line_100_is_printed_as_written(tmp_path: Path) -> None:
    # Rich reads ':100:' as an emoji code unless told not to; a location must stay a location.
    # The bundled Welsh example is now in Welsh (reader20 #5); this copy keeps its English offers.
    welsh = ROOT / "tests" / "data" / "welsh-half-english" / "facts.yaml"
    result = run("brief", str(welsh), "--strict", "--out", "note.docx", cwd=tmp_path)
    assert result.returncode == 1
    message = result.stderr.decode("utf-8")
    assert f"{welsh}:100:5 offer[1]" in message
    assert "\N{HUNDRED POINTS SYMBOL}" not in message
