"""An update claims money for an impact once: the chart's claim keeps the money rule.

The frailty example's bed days overlap its admissions (``overlaps:``), so the
finance director's update shows the bed days delivered but no money for them,
while the admissions, whose chart shows the change, keep theirs.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pitchkit.facts.project import open_project, pick_director
from pitchkit.notes.update import situate
from pitchkit.notes.update.delivery import delivered_money_text, progress_for

FRAILTY = (
    Path(__file__).resolve().parent.parent / "examples" / "frailty-virtual-ward" / "facts.yaml"
)
TODAY = dt.date(2028, 4, 8)


def test_money_another_impact_counts_is_not_claimed_again_from_the_chart() -> None:
    project = open_project(FRAILTY)
    director = pick_director(project.facts, "dof")
    situation = situate(project.facts, director, project.lang, period=None, today=TODAY)
    assert "bed-days" in situation.counted_elsewhere
    bed_days = situation.claims["bed-days"]
    assert bed_days.shown
    assert bed_days.delivered is not None
    assert bed_days.delivered > 0
    assert bed_days.money is None
    assert delivered_money_text(progress_for(situation, "bed-days"), situation.lang) == ""
    admissions = progress_for(situation, "admissions")
    assert admissions.delivered_money is not None
    assert admissions.delivered_money > 0
    assert delivered_money_text(admissions, situation.lang).startswith("worth £")
