"""A trend that began before the change is marked only from the change on (newuser17 #7).

The spirometry hubs' inhaler items (tests/data/newuser17/icb.yaml: 4,520, 4,480,
4,550 and 4,490 a quarter before the change in July 2025, then 4,300 down to 3,350)
make a run chart trend of 7 quarters from January to March 2025. The quarters before
the change are the baseline: they are not marked as improvement. The one fall before the
change (4,550 to 4,490) is within the variation of the four quarters before it, which
show no improvement of their own, so the trend is not said to have begun before the
change (fixleft22a: the signal's words had said "(improvement)" and the caption "began
before the change"; the figures before the change alone decide, as the money does).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from docchecks import docx_text
from pitchkit.notes.update import charts

DATA = Path(__file__).resolve().parent / "data" / "newuser17"


def test_caption_and_signal_agree_the_run_did_not_begin_before_the_change(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    out = tmp_path / "u.docx"
    result = cli(
        "update", str(DATA / "icb.yaml"), "-d", "cfo", "--period", "2026-Q3", "-o", str(out)
    )
    assert result.exit_code == 0, result.output
    text = " ".join(docx_text(out).split())
    # The signal's whole span, not only where it ends (fixupd25a #3), counted from the change
    # on (newuser36 #1): the 5 quarters from July 2025 make a trend by themselves, and the
    # baseline's January to June 2025 no longer lengthen it (it read "a trend of 7 quarters
    # falling (improvement), January 2025 to September 2026", beside a chart that marked
    # only the 5).
    assert (
        "Signal: a trend of 5 quarters falling (improvement), July 2025 to September 2026."
    ) in text
    assert "began before the change" not in text
    assert "begun before the change" not in text


def test_points_before_the_change_are_not_marked() -> None:
    values = [4520.0, 4480.0, 4550.0, 4490.0, 4300.0, 3950.0, 3700.0, 3480.0, 3350.0]
    analysis = charts.analyse(values, better="lower", changes=[4], baseline=4500.0)
    [trend] = [s for s in analysis.signals if s.rule == "trend"]
    # Cut to its points from the change on (newuser36 #1), which make a trend of 5 by
    # themselves: it started at the baseline's 4,550 (position 2) before.
    assert trend.start == 4
    assert trend.length == 5
    assert trend.improvement is True
    marked = [i for i in trend.points if not charts._baseline_point(analysis, i, True)]
    assert marked == [4, 5, 6, 7, 8]
