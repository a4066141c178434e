"""Reading rendered briefing notes back: sentences, figures and headings on one page.

Used by the tests that a director's note says each thing once and that
notes for different directors differ in substance.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

import docx

from pitchkit.facts.project import open_project, pick_director
from pitchkit.notes.brief import make_brief_note
from pitchkit.notes.shown import shown_statements

TODAY = dt.date(2026, 12, 1)
ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*/facts.yaml"))
OWN = sorted((ROOT / "tests" / "data" / "pitch").glob("*.yaml"))
#: The sections that are the director's own: the asks, why it matters, advice and offer.
OWN_SECTIONS = frozenset(
    {
        "What we are asking",
        "Why this matters to you",
        "Your advice would help us",
        "What is in it for you",
        "Beth rydym yn ei ofyn",
        "Pam mae hyn yn bwysig i chi",
        "Byddai eich cyngor yn ein helpu",
        "Sut y byddwch chi'n elwa",
    }
)


#: The section whose lead sentence names the objective of the bullet below it.
WHY_SECTIONS = frozenset({"Why this matters to you", "Pam mae hyn yn bwysig i chi"})


@dataclass(frozen=True)
class Note:
    """One rendered note, read back."""

    director: str
    paragraphs: tuple[tuple[str, str], ...]  # (section heading, text), body only
    headings: tuple[str, ...]  # section headings and the bold heads of bullets
    data: bytes


def render_note(facts: Path, director_id: str) -> Note:
    """Render ``director_id``'s note from ``facts`` and read its body back."""
    project = open_project(facts)
    director = pick_director(project.facts, director_id)
    note = make_brief_note(project, director, today=TODAY)
    document = docx.Document(io.BytesIO(note.data))
    section = ""
    paragraphs: list[tuple[str, str]] = []
    headings: list[str] = []
    lead = -1  # where the lead sentence of "Why this matters to you" is in ``paragraphs``
    lead = shown_statements(note.pitch)
    named = lead[0].objective.text.strip() if lead else ""
    for paragraph in document.paragraphs:
        text = paragraph.text.replace("\u00a0", " ").strip()  # a non-breaking space reads as one
        if not text:
            continue
        if paragraph.style is not None and paragraph.style.name.startswith("Heading"):
            section = text
            headings.append(text)
            continue
        first = next((run for run in paragraph.runs if run.text.strip()), None)
        bullet = paragraph.style is not None and paragraph.style.name == "List Bullet"
        if first is not None and first.bold and bullet:
            headings.append(first.text.replace("\u00a0", " ").strip())
        elif bullet and section in WHY_SECTIONS and len(paragraphs) - 1 == lead:
            # The bullet under the lead sentence gives the figures of the objective that
            # sentence names, without naming it again: a reader takes the figures as that
            # objective's, as they would under a bullet headed with it.
            paragraphs.append((section, f"{named}: {text}"))
            lead = -1
            continue
        if section in WHY_SECTIONS and paragraphs and paragraphs[-1][0] != section:
            lead = len(paragraphs)
        paragraphs.append((section, text))
    return Note(director_id, tuple(paragraphs), tuple(headings), note.data)


def director_ids(facts: Path) -> list[str]:
    """The ids of the directors a facts file lists."""
    return [d.id for d in open_project(facts).facts.directors]


_SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-Z“‘\"(£0-9])")


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph (a bullet's head and body are one)."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def note_sentences(note: Note, *, own_only: bool = False) -> list[str]:
    """Every sentence of the note's body of four words or more (or of its own sections)."""
    found = []
    for section, text in note.paragraphs:
        if own_only and section not in OWN_SECTIONS:
            continue
        found += [s for s in sentences(text) if len(s.split()) >= 4]
    return found


_FIGURE = re.compile(
    r"(?<![\w/-])(£?\d[\d,]*(?:\.\d+)?(?:%|m|k|bn)?)"
    r"((?:\s+(?:fewer|more|less|lower|higher|percentage|points|[a-z][a-z-]*)){1,3})"
)
_YEARISH = re.compile(r"^(?:19|20)\d\d$")
_UNITS_PHRASE = frozenset({"a", "year", "month", "week", "day", "quarter"})


def figures(text: str) -> list[str]:
    """Numbers with the words after them (``16 fewer a year``), dates and years left out."""
    found = []
    for match in _FIGURE.finditer(text):
        number, words = match.group(1), match.group(2).split()
        if _YEARISH.match(number) or not words:
            continue
        if number.endswith("%") and words[0] in {"reduction", "increase"}:
            continue  # a change relative to its own measure, in the same sentence

        found.append(" ".join([number, *words]).casefold())
    return found


#: The money block's section: a ledger that restates the statements' money as totals
#: (its design is the money work's, issue 17), so its figures are left out.
MONEY_SECTIONS = frozenset({"Funding and timeline", "Cyllid ac amserlen"})


def repeated_figures(note: Note, names: list[str]) -> list[str]:
    """Figures said twice on the page, outside the names of objectives and measures."""
    seen: dict[str, set[int]] = {}
    # A measure may be shown in the director's words ("Emergency admissions" as "Emergency
    # non-elective admissions"), so its words after the first are a name too.
    names = [*names, *(" ".join(name.split()[1:]) for name in names if len(name.split()) > 3)]
    for number, (section, text) in enumerate(note.paragraphs):
        for name in sorted(names, key=len, reverse=True):
            text = text.replace(name.rstrip("."), " ")
            text = text.replace(name[:1].lower() + name[1:].rstrip("."), " ")
        if section in MONEY_SECTIONS:
            continue
        for figure in figures(text):
            seen.setdefault(figure, set()).add(number)
            if figures(text).count(figure) > 1:
                seen[figure].add(-1)
    return [figure for figure, places in seen.items() if len(places) > 1]


def shared_share(first: Note, second: Note, *, own_only: bool) -> float:
    """The share of sentences two notes have word for word the same (of the shorter note)."""
    a = set(note_sentences(first, own_only=own_only))
    b = set(note_sentences(second, own_only=own_only))
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))
