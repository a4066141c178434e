"""A "Delivered so far" row with too few figures says so, in the measure's own figures.

The falls project's staff survey is logged every third month of a monthly
log: four figures (55%, 68%, 77%, 84% against a baseline of 46%), too few
for any chart. Its row must not read as if those figures looked like normal
variation, and the figures it still needs are surveys, not months: "4 more
months" would promise the answer in July 2028 when four more surveys take
until March 2029. Each test writes the chief nurse's (or the people
director's) update through the API the command runs and reads it back.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ruamel.yaml import YAML

from docchecks import docx_text
from pitchkit.api import UpdateRequest, write_update
from pitchkit.notes.update.spc import Rules

FACTS = Path(__file__).resolve().parent.parent / "examples" / "falls-prevention" / "facts.yaml"
TODAY = dt.date(2028, 4, 10)
SURVEY = "Ward staff who feel confident to carry out a multifactorial falls assessment"


def update_text(tmp: Path, locale: str | None = None, director: str = "don") -> str:
    """The text of a director's March 2028 update: the director of nursing's by default.

    The staff survey is linked to the people director's development objective alone, so
    it has a row in their update, not the chief nurse's (reader21 #4).
    """
    request = UpdateRequest(
        facts=FACTS, director=director, period="2028-03", out=tmp, locale=locale, today=TODAY
    )
    [path] = write_update(request).written
    return docx_text(path)


def row(text: str, measure: str) -> str:
    """The "Delivered so far" row of ``measure``.

    Page 1's "Since the last update" lines also start with the measure's name, above
    the tables: the row is the last such line.
    """
    found = [line for line in text.splitlines() if line.startswith(f"{measure}:")]
    assert 1 <= len(found) <= 2, found
    return found[-1]


def test_a_survey_every_third_month_needs_more_figures_not_months(tmp_path: Path) -> None:
    text = update_text(tmp_path, director="dop")
    survey = row(text, SURVEY.replace("staff", "colleagues"))  # in the people director's terms
    logged = [
        entry
        for entry in YAML(typ="safe").load(FACTS.read_text(encoding="utf-8"))["updates"]
        if "staff-confidence" in (entry.get("measures") or {})
    ]
    # The figures a run chart needs (the note's footnote names run charts only when one is on
    # the page: newuser34 #11).
    needed = Rules().min_run_points - len(logged)
    assert f"{needed} more figures better than the baseline could show one" in survey
    assert "too few figures yet" in survey
    assert "more months" not in survey
    assert "no change can be told apart" not in survey


def test_a_monthly_measure_still_counts_months(tmp_path: Path) -> None:
    # Pressure ulcers have a figure every month and a chart that shows no change yet.
    text = update_text(tmp_path)
    ulcers = row(text, "Category 2 or worse pressure ulcers that developed in our care")
    assert "no change can be told apart from normal variation yet" in ulcers
    # newuser39 #8: the countdown names its rule, "in a row ... (a shift)".
    assert re.search(r"\d+ more months in a row better than the baseline", ulcers), ulcers


def test_in_welsh(tmp_path: Path) -> None:
    text = update_text(tmp_path, locale="cy_GB", director="dop")
    assert "ffigur arall" in text
    assert "dim digon o ffigurau eto i wahaniaethu" in text
