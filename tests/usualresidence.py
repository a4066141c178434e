"""The words under the frailty example's usual-residence chart in March 2028, read directly.

Since fixupd28 (reader27 #7) the finance director's March 2028 update charts the
readmissions its "Since the last update" speaks of, in place of the usual-residence
chart no sentence relies on; the tests that read that chart's words read them here.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pitchkit.facts.project import open_project
from pitchkit.notes.update import situate
from pitchkit.notes.update.charting import chart

FRAILTY = Path(__file__).resolve().parent.parent / "examples" / "frailty-virtual-ward"


def usual_residence_words(today: dt.date = dt.date(2028, 4, 6)) -> str:
    """The words under the chart of discharges to the usual place of residence."""
    project = open_project(FRAILTY / "facts.yaml")
    [director] = [d for d in project.facts.directors if d.id == "dof"]
    situation = situate(project.facts, director, project.lang, period="2028-03", today=today)
    [progress] = [p for p in situation.progress if p.impact.id == "usual-residence"]
    words = chart(progress, situation.claims["usual-residence"], situation)["signals"]
    return " ".join(str(words).split())
