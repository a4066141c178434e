"""The measure map's English words in Welsh output are quoted and said to be English.

The map's concept names and reasons have no Welsh yet: a Welsh reader of
``pitchkit directors`` or ``check`` sees them marked as the map's English
words, not spliced into a Welsh sentence unexplained. English output is as
before.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

FACTS = Path(__file__).resolve().parent.parent / "examples" / "frailty-virtual-ward" / "facts.yaml"


def said(result: Result) -> str:
    return " ".join(result.stdout.split())


def test_welsh_output_quotes_the_measure_maps_english_words(cli: Callable[..., Result]) -> None:
    welsh = said(cli("directors", str(FACTS), "--locale", "cy_GB"))
    shown = welsh.count("map mesurau:")
    marked = re.findall(
        r"map mesurau: (?:mae'r ddau yn mesur )?“[^”]+” \(geiriau'r map mesurau, yn Saesneg\)",
        welsh,
    )
    assert shown > 0
    assert len(marked) == shown
    assert (
        "map mesurau: “emergency admissions → bed occupancy (fewer emergency admissions means "
        "fewer occupied beds)” (geiriau'r map mesurau, yn Saesneg)"
    ) in welsh
    english = said(cli("directors", str(FACTS), "--locale", "en_GB"))
    assert (
        "measure map: emergency admissions → bed occupancy (fewer emergency admissions means "
        "fewer occupied beds)"
    ) in english
    assert "“" not in english.split("measure map:")[1][:5]
    assert "in English" not in english
