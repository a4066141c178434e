"""Welsh a reader stopped at in the bundled examples (reader22 #9).

- "dros" (over) soft-mutates the month after it, as "i" does in the same
  range: "cyfartaledd o 84.3% dros Orffennaf i Fedi 2027" in the same-day
  hub's Q2 2027/28 update, where it read "dros Gorffennaf".
- "mae angen 8 ar siart" (a chart needs 8), not "mae siart angen 8", in the
  finance director's funding line dated 10 August 2027.
- The board box may hold two sentences: "y testun hwn", not "y frawddeg hon".
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docchecks import docx_text
from pitchkit.api import BriefRequest, UpdateRequest, write_brief, write_update
from pitchkit.i18n import fmt
from pitchkit.i18n.translation import language

YSBYTY = Path(__file__).resolve().parent.parent / "examples" / "ysbyty-cymunedol" / "facts.yaml"


def test_a_month_after_dros_is_mutated_in_the_quarters_update(tmp_path: Path) -> None:
    request = UpdateRequest(
        facts=YSBYTY,
        director="dpcmh",
        period="Q2 2027/28",
        out=tmp_path,
        today=dt.date(2027, 10, 20),
    )
    [path] = write_update(request).written
    text = " ".join(docx_text(path).split())
    assert "cyfartaledd o 84.3% dros Orffennaf i Fedi 2027" in text
    assert "dros Gorffennaf" not in text
    assert "Defnyddiwch neu addaswch y testun hwn yn eich adroddiad eich hun" in text
    assert "y frawddeg hon" not in text


def test_after_dros_leaves_other_words_and_english() -> None:
    welsh = language("cy")
    assert fmt.after_dros("dros Mawrth 2027 a dros Tachwedd", welsh) == (
        "dros Fawrth 2027 a dros Dachwedd"
    )
    assert fmt.after_dros("dros Orffennaf, dros 6 mis", welsh) == "dros Orffennaf, dros 6 mis"
    english = language("en")
    assert fmt.after_dros("dros Mawrth", english) == "dros Mawrth"


def test_a_chart_needs_reads_in_welsh_order(tmp_path: Path) -> None:
    request = BriefRequest(
        facts=YSBYTY, director="dof", out=tmp_path, today=dt.date(2027, 8, 10), advice=False
    )
    [path] = write_brief(request).written
    text = " ".join(docx_text(path).split())
    assert "rhy ychydig i ddangos newid eto, ac mae angen 8 ar siart;" in text
    assert "siart angen" not in text
