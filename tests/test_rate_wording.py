"""A measure that is a rate is written as a rate, never as a count of what it counts.

The falls example's "Inpatient falls per 1,000 occupied bed days" has
``unit: falls``: its 8.1 is not 8.1 falls. The rule is general
(:func:`pitchkit.recast.quantity.figure_unit`), so it is tried here on a
made-up measure from pharmacy, "Dispensing errors per 10,000 items
dispensed" in ``errors``, put in the falls example's place with the same
figures, and on a "rate" that says nothing of what it is per, whose figures
are bare: the brief and the update say "from 8.1 to 6.0 per 10,000 items
dispensed", never "6 errors".
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from docchecks import docx_text
from pitchkit.api import BriefRequest, UpdateRequest, write_brief, write_update

FALLS = Path(__file__).resolve().parent.parent / "examples" / "falls-prevention" / "facts.yaml"


def _facts(tmp: Path, measure: str, unit: str) -> Path:
    """The falls example with its rate measure renamed to ``measure`` in ``unit``."""
    yaml = YAML()
    data: Any = yaml.load(FALLS.read_text(encoding="utf-8"))
    [rate] = [impact for impact in data["impacts"] if impact["id"] == "falls-rate"]
    rate["measure"], rate["unit"] = measure, unit
    rate["supports"] = ["don.harm-free"]  # linked by the team, so the brief states it
    path = tmp / "facts.yaml"
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)
    return path


def _brief(facts: Path, tmp: Path) -> str:
    today = dt.date(2027, 2, 1)
    request = BriefRequest(facts=facts, director="don", out=tmp / "brief", today=today)
    [path] = write_brief(request).written
    return docx_text(path)


def _update(facts: Path, tmp: Path) -> str:
    request = UpdateRequest(facts, "don", tmp / "update", period="2028-03")
    [path] = write_update(request).written
    return docx_text(path)


def test_a_rate_per_so_many_is_written_in_its_own_words(tmp_path: Path) -> None:
    facts = _facts(tmp_path, "Dispensing errors per 10,000 items dispensed", "errors")
    brief = _brief(facts, tmp_path)
    # The measure says the rate's words; the figures after it do not say them again,
    # and a rate is lower, not "fewer" of anything.
    # Third impact on its objective, so "Also, …" (fixbrief28); 2.1 / 8.1 = 25.9%.
    # The plan with a verb (fixread31 #3).
    said = (
        "Also, dispensing errors per 10,000 items dispensed will fall from 8.1 to 6.0: 2.1 lower, "
        "a 26%"
    )
    assert said in brief
    assert brief.count("per 10,000 items dispensed") == 1
    update = _update(facts, tmp_path)
    # The board sentence says the rate's words once; the table and the measure's
    # own sentence write every figure as the rate it is.
    # (Since session 25 the board sentence says "an improvement in …, toward our objective".)
    board = "an improvement in dispensing errors per 10,000 items dispensed from 8.1 to 5.8, toward"
    assert board in update
    shown = "8.1 per 10,000 items dispensed\n6.0 per 10,000 items dispensed\n5.8 per 10,000"
    assert shown in update
    assert (
        "now 5.8 per 10,000 items dispensed, against a baseline of 8.1 and a target of 6" in update
    )
    for text in (brief, update):
        assert "errors" not in text.replace("Dispensing errors", "").replace(
            "dispensing errors", ""
        )


def test_a_rate_that_does_not_say_per_what_is_written_bare(tmp_path: Path) -> None:
    facts = _facts(tmp_path, "Dispensing error rate on the wards", "errors")
    brief = _brief(facts, tmp_path)
    # Third impact on its objective, so "Also, …" (fixbrief28).
    # The plan with a verb (fixread31 #3).
    said = (
        "Also, dispensing error rate on the wards will fall from 8.1 to 6.0: 2.1 lower, a 26% "
        "reduction"
    )
    assert said in brief
    update = _update(facts, tmp_path)
    assert "from 8.1 to 5.8," in update
    assert "6 errors" not in update
    assert "8.1 errors" not in update
    assert "2.1 fewer" not in brief


def test_a_rate_whose_words_are_only_in_its_unit_keeps_them(tmp_path: Path) -> None:
    # The measure does not say what it is per; the unit does. The figures then carry it,
    # or the note would say "from 8.1 to 6" of nothing anyone could check.
    facts = _facts(tmp_path, "Inpatient falls on our wards", "per 1,000 occupied bed days")
    brief = _brief(facts, tmp_path)
    # Second impact on its objective, so "Also, …" (fixbrief28).
    said = (
        # The plan with a verb (fixread31 #3); a measure of falls comes down.
        "Also, inpatient falls on our wards will come down from 8.1 to 6.0 per 1,000 occupied bed "
        "days: 2.1 lower"
    )
    assert said in brief
    update = _update(facts, tmp_path)
    assert "inpatient falls on our wards from 8.1 to 5.8 per 1,000 occupied bed days" in update
