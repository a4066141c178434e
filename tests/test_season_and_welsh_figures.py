"""Season words by the date, and Welsh "a"/"ac" before figures by how they are read.

``tests/data/fixleft16/beds.yaml`` frees bed days for a Chief Operating
Officer and offers nothing of its own, so the note offers the role's typical
gains and ``pitchkit check`` suggests them. Before, the note said "capacity
released this winter" in January while ``check``, beside it, suggested
"capacity released ahead of winter"; and a project starting after the winter
was offered capacity "this winter".

Welsh joins a figure with "ac" when it is read with a vowel (8 *wyth*, 11 *un
deg un*, 80 *wyth deg*), and "a" otherwise: captions said "a 8" and "a 11".
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import pytest

from pitchkit.api.plan import CheckRequest, check
from pitchkit.api.previewing import PreviewRequest, preview
from pitchkit.i18n import fmt
from pitchkit.i18n.translation import language
from pitchkit.notes.preview import plain_preview
from pitchkit.notes.update.charting import more_signals_text
from pitchkit.notes.update.charts import Signal

BEDS = Path(__file__).resolve().parent / "data" / "fixleft16" / "beds.yaml"


def said(facts: Path, today: dt.date) -> tuple[str, str]:
    """The note's gains and ``check``'s suggestion for the COO, as a reader sees them."""
    shown = preview(PreviewRequest(facts=facts, director="coo", today=today))
    note = " ".join(plain_preview(shown.preview, shown.lang).split())
    found = check(CheckRequest(facts=facts, director="coo", today=today)).findings
    fix = next(f.fix for f in found if f.rule == "no-sponsor-gain")
    return note, fix


@pytest.mark.parametrize(
    ("today", "start", "words"),
    [
        # Read in January, with the project under way: this winter, in both.
        (dt.date(2027, 1, 10), None, "capacity that could be freed this winter"),
        # Written in November for a meeting in January: read in winter.
        (dt.date(2026, 11, 20), None, "capacity that could be freed this winter"),
        # Read in January, the project starting in May: next winter, not this one.
        (dt.date(2027, 1, 10), "2027-05-01", "capacity that could be freed ahead of next winter"),
        # Read in September, for a meeting in September: ahead of winter.
        (dt.date(2026, 9, 1), None, "capacity released ahead of winter"),
    ],
)
def test_season_words_follow_the_date(
    tmp_path: Path, today: dt.date, start: str | None, words: str
) -> None:
    text = BEDS.read_text(encoding="utf-8")
    if start is not None:
        text = text.replace("start: 2026-04-01", f"start: {start}")
    if today.month == 9:
        text = text.replace("date: 2027-01-14", "date: 2026-09-20")
    facts = tmp_path / "facts.yaml"
    facts.write_text(text, encoding="utf-8")
    note, fix = said(facts, today)
    assert words[:1].upper() + words[1:] in note
    assert f"perhaps: {words};" in fix
    for other in {
        "capacity that could be freed this winter",
        "capacity that could be freed ahead of next winter",
        "capacity released ahead of winter",
    } - {words}:
        assert other not in fix
        assert other[:1].upper() + other[1:] not in note


@pytest.mark.parametrize(
    ("text", "settled"),
    [
        ("a 8 signal arall", "ac 8 signal arall"),
        ("a 11 signal arall", "ac 11 signal arall"),
        ("ac 18", "a 18"),  # deunaw
        ("ac 12 derbyniad", "a 12 derbyniad"),  # deuddeg (newuser21 #6)
        ("ac 13", "a 13"),  # tri ar ddeg
        ("ac 15", "a 15"),  # pymtheg
        ("a 16", "ac 16"),  # un ar bymtheg
        ("a 20", "ac 20"),  # ugain
        ("ac 21", "a 21"),  # dau ddeg un
        ("a 11,000", "ac 11,000"),  # un ar ddeg mil
        ("ac 12,000", "a 12,000"),  # deuddeg mil
        ("ac 120", "a 120"),  # cant dau ddeg
        ("a 80 a 89", "ac 80 ac 89"),
        ("a 800", "ac 800"),
        ("a 8,500", "ac 8,500"),
        ("a £80,000 o gapasiti", "ac £80,000 o gapasiti"),
        ("ac 1", "ac 1"),
        ("ac 5 signal arall", "a 5 signal arall"),
        ("a 10", "a 10"),
        ("a 90", "a 90"),
        ("a 100", "a 100"),
        ("a 1,000", "a 1,000"),
        ("a 2028/29", "a 2028/29"),
        ("mwy na 8 eiliad", "mwy nag 8 eiliad"),
        ("llai nag 5%", "llai na 5%"),
        ("yr un fath â 11", "yr un fath ag 11"),
    ],
)
def test_welsh_joins_a_figure_as_it_is_read(text: str, settled: str) -> None:
    assert fmt.welsh_figures(text) == settled


def test_the_update_caption_and_lists_say_ac_before_eight() -> None:
    cy = language("cy_GB")
    # The caption of a chart whose signals are too many to list: 8 left unlisted.
    rest = cast(list[Signal], [SimpleNamespace(improvement=None)] * 8)
    assert more_signals_text(rest, cy).startswith("ac 8 arwydd arall")
    assert more_signals_text(rest[:5], cy).startswith("a 5 arwydd arall")
    assert more_signals_text(rest[:11] * 2, cy).startswith("ac 16 arwydd arall")
    assert fmt.join_list(["5", "8"], cy) == "5 ac 8"
    assert fmt.join_list(["8", "5"], cy) == "8 a 5"
    # English is left alone.
    assert fmt.settled("and 8 more", language("en_GB")) == "and 8 more"
    assert more_signals_text(rest, language("en_GB")).startswith("and 8 more signals")
