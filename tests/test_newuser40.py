"""newuser40's theatre scheduling and pre-operative assessment hub at an English acute trust.

``tests/data/newuser40`` holds the lead's facts file as ``pitchkit init`` wrote it,
with the links confirmed by ``pitchkit link`` and fifteen months of the log
(January 2027 to March 2028; the hub took its first full month of lists in June
2027, ``changed: 2027-06``), and the executive team as the lead typed it
(``team.xlsx``: a title row, a blank row, trailing spaces, a blank objectives cell).
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
from typer.testing import CliRunner

from pitchkit.cli import app

DATA = Path(__file__).resolve().parent / "data" / "newuser40"
FACTS = DATA / "facts.yaml"
TEAM = DATA / "team.xlsx"
#: The day the lead writes the briefing notes, before the meeting of 16 December 2026.
BRIEF_DAY = "2026-12-07"
#: The day the closing update is written.
UPDATE_DAY = "2028-04-10"


def run(*args: str, code: int = 0) -> str:
    """What ``pitchkit`` prints, both streams together (warnings go to stderr)."""
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == code, result.output
    return " ".join(result.output.split())


def document_text(path: Path) -> str:
    """The document's paragraphs and table cells, in reading order, as one line."""
    document = docx.Document(io.BytesIO(path.read_bytes()))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return " ".join(" ".join(parts).replace("\u00a0", " ").split())


def brief(tmp: Path, director: str, facts: Path = FACTS) -> str:
    out = tmp / f"{director}.docx"
    run(
        "brief",
        str(facts),
        "--directors",
        str(TEAM),
        "-d",
        director,
        "--out",
        str(out),
        "--today",
        BRIEF_DAY,
    )
    return document_text(out)


# --- #3: no capacity "this winter" from a change that takes effect in June -------------


def test_capacity_is_offered_for_next_winter_when_the_change_comes_after_this_one(
    tmp_path: Path,
) -> None:
    # Written in December for a meeting in December: the project starts on 4 January,
    # but cancellations (the one measure that frees capacity) change only from June 2027,
    # as the money line beside it says ("counted from June 2027").
    text = brief(tmp_path, "coo")
    assert "counted from June 2027" in text
    assert "Capacity that could be freed ahead of next winter" in text
    assert "freed this winter" not in text
    # Without the measure's own date the change starts with the project, in this winter.
    plain = tmp_path / "plain.yaml"
    plain.write_text(
        FACTS.read_text(encoding="utf-8").replace("    changed: 2027-06\n", ""),
        encoding="utf-8",
    )
    (tmp_path / "plain").mkdir()
    text = brief(tmp_path / "plain", "coo", plain)
    assert "Capacity that could be freed this winter" in text


# --- #2: `directors` before any link is confirmed points to the links waiting ----------


def unlinked(tmp: Path) -> Path:
    """The facts file as ``init`` wrote it, before ``pitchkit link``: no ``supports:``."""
    text = FACTS.read_text(encoding="utf-8")
    kept = "".join(
        line for line in text.splitlines(keepends=True) if not line.startswith("    supports:")
    )
    assert kept != text
    path = tmp / "facts.yaml"
    path.write_text(kept, encoding="utf-8")
    return path


def test_directors_sends_the_lead_to_the_possible_links_before_anything_else(
    tmp_path: Path,
) -> None:
    text = run("directors", str(unlinked(tmp_path)), "--directors", str(TEAM), "--today", BRIEF_DAY)
    why = text[text.index("Recommendation") :]
    assert why.startswith(
        "Recommendation No link to a director's objectives is confirmed yet: 5 possible links,"
        " under 'Why linked' above, wait for you to confirm or rule them out with "
        "'pitchkit link'."
    )
    # Before: "add the objectives you know of", to a lead whose sheet has them all.
    assert "add the objectives you know of" not in why
    # Each waits under its director, with the line that confirms it.
    assert "possible -- confirm with supports: [ceo.elective-waiting]" in text


# --- #5: a director with no objectives of their own is not told of "your objectives" ----


def test_a_note_for_a_director_without_objectives_says_whose_objectives_it_read(
    tmp_path: Path,
) -> None:
    # Louise Carter's objectives cell is blank: her note goes by what the role usually holds.
    text = brief(tmp_path, "cpo")
    assert (
        "does not yet link to the objectives your role usually holds (we do not have your "
        "own objectives): we would value your advice on where it fits." in text
    )
    assert "does not yet link to your objectives" not in text
    # A director with objectives of their own keeps the words as they were.
    text = brief(tmp_path, "cn")
    assert "does not yet link to your objectives: we would value your advice" in text
