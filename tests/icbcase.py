"""The ICB's High Intensity Use service from the newuser34 trial: what its update tests share.

The trial's own facts, figures and team sheet (tests/data/fixnew34), copied to a test's
folder, and its progress update written on the trial's day and read back as text.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from docchecks import docx_text
from pitchkit.api import UpdateRequest, write_update

DATA = Path(__file__).parent / "data" / "fixnew34"
#: The day the trial was run.
TODAY = dt.date(2026, 12, 6)


def copy_project(folder: Path) -> Path:
    """The trial's files copied into ``folder``; the path of its facts file."""
    for name in ("facts.yaml", "figures.csv", "team.xlsx"):
        shutil.copy(DATA / name, folder / name)
    return folder / "facts.yaml"


def update(facts: Path, director: str, period: str | None = None, locale: str | None = None) -> str:
    """The update's text, its lines joined with single spaces."""
    request = UpdateRequest(
        facts=facts,
        director=director,
        period=period,
        out=facts.parent / f"out-{director}-{period}-{locale}",
        directors=facts.parent / "team.xlsx",
        today=TODAY,
        locale=locale,
    )
    [path] = write_update(request).written
    return " ".join(docx_text(path).split())
