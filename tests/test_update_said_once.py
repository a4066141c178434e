"""An update says each thing once, and refers only to what is on the page.

- Two measures missing the same month share one sentence about the gap
  (newuser3 C2: "no figure for November 2027, so totals to date leave it
  out …" and "no figure for November 2027; gaps are left blank …").
- An amber month that asks nothing does not point at "the risks above"
  when no risks are listed (newuser3 C3).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from test_update_facts_baseline import ASSESSED, HAT, _facts, _update


def _edited(path: Path, change: Any) -> Path:
    yaml = YAML()
    data = yaml.load(path.read_text(encoding="utf-8"))
    change(data)
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)
    return path


def test_one_month_missing_from_two_measures_is_said_once(tmp_path: Path) -> None:
    hat: list[float | None] = [5, 6, 5, 3, 3, 2, 3, 2, None, 2]
    assessed: list[float | None] = [84, 82, 85, 93, 95, 96, 95, 97, None, 96]
    facts = _facts(tmp_path, {"hat": hat, "assessed": assessed}, [dict(HAT), dict(ASSESSED)])
    text = _update(tmp_path, facts, "2027-11")
    # Each gap note is a sentence of its own, no "Missing data:" label before it (reader25 #18).
    gaps = [line for line in text.splitlines() if line.startswith("For ") and "no figure" in line]
    assert gaps == [
        "For hospital-acquired thrombosis events and adult admissions with a VTE "
        "risk assessment within 14 hours, no figure for October 2027, so totals to date "
        "leave it out rather than count it as zero."
    ], gaps
    assert "gaps are left blank" not in text


def test_different_gaps_keep_their_own_sentences(tmp_path: Path) -> None:
    hat: list[float | None] = [5, 6, 5, 3, 3, 2, 3, 2, None, 2]
    assessed: list[float | None] = [84, 82, 85, 93, 95, None, 95, 97, 96, 96]
    facts = _facts(tmp_path, {"hat": hat, "assessed": assessed}, [dict(HAT), dict(ASSESSED)])
    text = _update(tmp_path, facts, "2027-11")
    assert (
        "For hospital-acquired thrombosis events, no figure for October 2027, so totals to date "
        "leave it out rather than count it as zero."
    ) in text
    assert (
        "For adult admissions with a VTE risk assessment within 14 hours, no figure for July 2027; "
        "gaps are left blank, not taken as zero."
    ) in text


def test_an_amber_month_asking_nothing_names_no_risks_above(tmp_path: Path) -> None:
    facts = _facts(tmp_path, {"hat": [5, 6, 5, 3, 3, 2, 3, 2]}, [dict(HAT)])

    def amber(data: Any) -> None:
        data["updates"][-1]["status"] = "amber"

    text = _update(tmp_path, _edited(facts, amber), "2027-09")
    assert "Amber" in text
    assert "risks above" not in text
    assert (
        "Nothing needs your help this period: we will tell you at once if the risks behind the "
        "amber status grow."
    ) in text
