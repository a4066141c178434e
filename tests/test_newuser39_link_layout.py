"""newuser39 #5: `link` writes a new `supports:` or `excludes:` line right after the impact's
last line, before the blank line and the comment that opens the next section, both kept.

Before, the last impact's `supports:` landed under "# What you ask the sponsor to do" (after an
`excludes:` written first) and the blank line before that comment was lost.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pitchkit.cli import app
from pitchkit.facts.schema import load_facts

FACTS = Path(__file__).parent / "data" / "newuser39" / "facts.before-link.yaml"
LAST = (
    "    source: >-\n"
    "      Health board e-rostering (Allocate), agency shifts by ward, Dec 2025 to Apr 2026\n"
)
ASKS = "\n# What you ask the sponsor to do: the first one opens the note.\nasks:\n"


def run(*args: str | Path) -> Any:
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result


def copy(tmp_path: Path, text: str | None = None) -> tuple[Path, str]:
    path = tmp_path / "facts.yaml"
    if text is None:
        shutil.copy(FACTS, path)
    else:
        path.write_text(text, encoding="utf-8")
    return path, path.read_text(encoding="utf-8")


def test_the_last_impacts_links_go_before_the_asks_comment_and_its_blank_line(
    tmp_path: Path,
) -> None:
    path, before = copy(tmp_path)
    assert LAST + ASKS in before
    run(
        "link",
        path,
        "--reject",
        "agency-nursing-shifts:doo.winter",
        "--accept",
        "agency-nursing-shifts:doo.pathway-care-delays",
    )
    after = path.read_text(encoding="utf-8")
    added = "    supports: [doo.pathway-care-delays]\n    excludes: [doo.winter]\n"
    assert after == before.replace(LAST + ASKS, LAST + added + ASKS)
    found = load_facts(path).facts.impact("agency-nursing-shifts")
    assert found is not None
    assert found.supports == ["doo.pathway-care-delays"]
    assert found.excludes == ["doo.winter"]


def test_two_runs_put_the_second_line_under_the_first_not_under_the_comment(
    tmp_path: Path,
) -> None:
    """The user's file: `excludes:` from one answer, then `supports:` after it."""
    path, before = copy(tmp_path)
    run("link", path, "--reject", "agency-nursing-shifts:doo.winter")
    run("link", path, "--accept", "agency-nursing-shifts:doo.pathway-care-delays")
    after = path.read_text(encoding="utf-8")
    added = "    excludes: [doo.winter]\n    supports: [doo.pathway-care-delays]\n"
    assert after == before.replace(LAST + ASKS, LAST + added + ASKS)


def test_an_impact_before_another_keeps_the_comment_that_opens_the_next(tmp_path: Path) -> None:
    text = FACTS.read_text(encoding="utf-8")
    middle = "    source: SSNAP discharge data, Hywel Dda, 2025/26 Q3-Q4\n"
    gap = "\n  # Money: the agency shifts.\n"
    text = text.replace(middle, middle + gap, 1)
    path, before = copy(tmp_path, text)
    run("link", path, "--accept", "stroke-patients-discharged:doo.pathway-care-delays")
    after = path.read_text(encoding="utf-8")
    line = "    supports: [doo.pathway-care-delays]\n"
    assert after == before.replace(middle + gap, middle + line + gap)


#: The last impact written other ways: its last lines, and what comes between it and `asks:`.
IMPACT = (
    "  - id: agency-nursing-shifts\n"
    "    measure: Agency nursing shifts on the stroke wards\n"
    "    unit: shifts\n"
    "    per: month\n"
    "    baseline: 118\n"
    "    target: 60\n"
)
VALUE = "    value:\n      amount: 296\n      price_year: 2025/26\n      source: report\n"
LAYOUTS = {
    "a plain text with a comment on its line": ("    source: rota  # from Allocate\n", "\n"),
    "a plain text and no blank line": ("    source: rota\n", ""),
    "a folded text and no blank line": ("    source: >-\n      rota by ward\n", ""),
    "a literal text": ("    source: |-\n      rota\n      by ward\n", "\n"),
    "a block list": ("    source: rota\n    excludes:\n      - doo.winter\n", "\n"),
    "a list in brackets": ("    source: rota\n    excludes: [doo.winter]\n", "\n"),
    "a mapping": ("    source: rota\n" + VALUE, "\n"),
    "two blank lines and two comments": ("    source: rota\n", "\n\n# Asks.\n"),
}


@pytest.mark.parametrize("name", LAYOUTS)
def test_the_new_line_follows_the_last_line_whatever_its_layout(tmp_path: Path, name: str) -> None:
    last, gap = LAYOUTS[name]
    text = FACTS.read_text(encoding="utf-8")
    start = text.index("  - id: agency-nursing-shifts\n")
    end = text.index(ASKS)
    tail = gap + ASKS[1:]
    text = text[:start] + IMPACT + last + tail + text[end + len(ASKS) :]
    path, before = copy(tmp_path, text)
    run("link", path, "--accept", "agency-nursing-shifts:doo.pathway-care-delays")
    after = path.read_text(encoding="utf-8")
    line = "    supports: [doo.pathway-care-delays]\n"
    assert after == before.replace(last + tail, last + line + tail)
