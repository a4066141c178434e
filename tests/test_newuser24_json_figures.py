"""newuser24 #7: docs/json.md says where a dashboard gets the figures, and its example runs.

The worked example under "Where the figures are" is run as written on the
trial's ambulance project (tests/data/newuser24); what it prints is read back
against what the page says it prints. Only the ids, the links and the kinds of
money are compared: the amounts follow the note's date (its price base).
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "json.md"
DATA = ROOT / "tests" / "data" / "newuser24"


def section() -> str:
    text = DOC.read_text(encoding="utf-8")
    start = text.index("## Where the figures are (for a dashboard)")
    return text[start : text.index("\n## ", start + 1)]


def test_the_page_says_the_brief_json_carries_no_figures() -> None:
    text = " ".join(section().split())
    assert "carry **none of the note's content**: no statements, no money" in text
    assert "`pitchkit directors --json`" in text
    assert "`rank(RankRequest(facts=...)).ranking.place(id).pitch`" in text


def test_the_worked_example_prints_what_the_page_says() -> None:
    text = section()
    code = re.search(r"```python\n(.*?)```", text, re.S)
    assert code is not None
    printed = text[code.end() :].split(
        "which prints, for an ambulance trust's make-ready project:"
    )[1]
    documented = [line.strip() for line in printed.split("\n\n")[1].splitlines()]
    out = io.StringIO()
    here = Path.cwd()
    os.chdir(DATA)
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(code.group(1), "docs/json.md", "exec"), {})
    finally:
        os.chdir(here)
    shown = out.getvalue().splitlines()
    assert len(shown) == len(documented)
    for got, said in zip(shown, documented, strict=True):
        words, expected = got.split(), said.split()
        if "->" in said or said.split()[0].isalpha() or "-" in said.split()[0]:
            # a link, or an impact's line: its id, and for a line its kind of money and counting
            assert words[0] == expected[0]
            assert words[2:] == expected[2:]
