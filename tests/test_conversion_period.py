"""A converted figure sits in the same period as the gain it converts (newuser3 C11).

"800 fewer a month, worth £38,000 a month in capacity, about 800 clinic
sessions a year" mixed a month and a year in one clause, in English and
in Welsh. A flow converted from an impact counted per month is now given
per month too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from notereading import render_note

DATA = Path(__file__).parent / "data" / "pitch"


def _monthly(tmp_path: Path, locale: str | None = None) -> Path:
    data: Any = YAML().load((DATA / "outpatients.yaml").read_text(encoding="utf-8"))
    for impact in data["impacts"]:
        if impact["id"] in ("follow-ups", "journeys"):
            impact["per"] = "month"
            impact["baseline"] = 1200
            impact["target"] = 800
    if locale is not None:
        data.setdefault("settings", {})["locale"] = locale
    path = tmp_path / f"facts-{locale or 'en'}.yaml"
    with path.open("w", encoding="utf-8") as out:
        YAML().dump(data, out)
    return path


def _text(path: Path, director: str) -> str:
    return "\n".join(text for _section, text in render_note(path, director).paragraphs)


def test_sessions_and_co2e_from_a_monthly_count_are_a_month(tmp_path: Path) -> None:
    facts = _monthly(tmp_path)
    operations = _text(facts, "coo")
    # 400 fewer appointments a month / 14 a session = 28.6
    assert "400 fewer a month" in operations
    assert "about 29 clinic sessions a month" in operations
    assert "clinic sessions a year" not in operations
    chief = _text(facts, "ceo")
    # 400 fewer journeys a month x 9.2 kg = 3,680 kg
    assert "about 3,680 kg CO2e a month" in chief
    assert "CO2e a year" not in chief


def test_the_welsh_note_keeps_one_period_too(tmp_path: Path) -> None:
    operations = _text(_monthly(tmp_path, "cy_GB"), "coo")
    assert "tua 29 sesiwn glinig y mis" in operations
    assert "sesiynau clinig y flwyddyn" not in operations
