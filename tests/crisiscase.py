"""The mental health trust's crisis house from the newuser35 trial: what its tests share.

The trial's own facts, figures and team sheet (tests/data/fixnew35), copied to a test's
folder, and a director's briefing note or progress update written on the trial's day and
read back as text.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from docchecks import docx_text
from pitchkit.api import BriefRequest, UpdateRequest, write_brief, write_update

DATA = Path(__file__).parent / "data" / "fixnew35"
#: The day the trial was run.
TODAY = dt.date(2026, 12, 6)


def copy_project(folder: Path) -> Path:
    """The trial's files copied into ``folder``; the path of its facts file."""
    for name in ("facts.yaml", "figures.csv", "team.csv"):
        shutil.copy(DATA / name, folder / name)
    return folder / "facts.yaml"


def brief(facts: Path, director: str) -> str:
    """The briefing note's text, its lines joined with single spaces."""
    request = BriefRequest(
        facts=facts,
        director=director,
        out=facts.parent / f"brief-{director}",
        directors=facts.parent / "team.csv",
        today=TODAY,
    )
    [path] = write_brief(request).written
    return " ".join(docx_text(path).split())


def update(facts: Path, director: str, period: str | None = None) -> str:
    """The update's text, its lines joined with single spaces."""
    request = UpdateRequest(
        facts=facts,
        director=director,
        period=period,
        out=facts.parent / f"update-{director}-{period}",
        directors=facts.parent / "team.csv",
        today=TODAY,
    )
    [path] = write_update(request).written
    return " ".join(docx_text(path).split())
