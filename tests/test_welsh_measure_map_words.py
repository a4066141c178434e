"""The measure map's words in Welsh output: Welsh from measures_cy.yaml, else quoted English.

A Welsh reader of ``pitchkit directors``, ``check`` or ``link`` sees each
chain's concepts and reasons in Welsh. A concept or edge the Welsh file does
not have yet (added to the map since) is given as before: the map's English,
quoted and said to be English, never spliced into a Welsh sentence
unexplained. English output is as it always was.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from pitchkit.recast import measures_cy

FACTS = Path(__file__).resolve().parent.parent / "examples" / "frailty-virtual-ward" / "facts.yaml"
#: The COO's admissions link, as ``directors`` gives it in Welsh.
WELSH_CHAIN = (
    "map mesurau: derbyniadau brys → defnydd gwelyau (mae llai o dderbyniadau brys yn golygu "
    "bod llai o welyau'n cael eu defnyddio)"
)


def said(result: Result) -> str:
    return " ".join(result.stdout.split())


def test_welsh_directors_give_the_measure_maps_chains_in_welsh(cli: Callable[..., Result]) -> None:
    welsh = said(cli("directors", str(FACTS), "--locale", "cy_GB"))
    assert welsh.count("map mesurau:") > 2
    assert WELSH_CHAIN in welsh
    assert (
        "map mesurau: diwrnodau gwely → gwelyau uwchgyfeirio → gwariant ar staff asiantaeth "
        "(mae'r diwrnodau gwely a arbedir yn caniatáu cau gwelyau uwchgyfeirio; staff banc ac "
        "asiantaeth sy'n staffio'r rhan fwyaf o welyau uwchgyfeirio)"
    ) in welsh
    assert "mae'r ddau yn mesur aildderbyniadau" in welsh
    assert "yn Saesneg" not in welsh
    assert "emergency admissions →" not in welsh
    english = said(cli("directors", str(FACTS), "--locale", "en_GB"))
    assert (
        "measure map: emergency admissions → bed occupancy (fewer emergency admissions means "
        "fewer occupied beds)"
    ) in english
    assert "“" not in english.split("measure map:")[1][:5]
    assert "in English" not in english


def test_welsh_check_gives_the_chain_of_a_possible_link_in_welsh(
    cli: Callable[..., Result],
) -> None:
    welsh = " ".join(cli("check", str(FACTS), "--locale", "cy_GB").output.split())
    assert (
        "tystiolaeth: agency: posibl -- cadarnhewch gyda supports: [dof.agency]: map mesurau: "
        "diwrnodau gwely → gwelyau uwchgyfeirio → gwariant ar staff asiantaeth"
    ) in welsh
    assert "yn Saesneg" not in welsh


def test_a_chain_whose_welsh_is_missing_is_quoted_in_english_and_said_to_be(
    cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edge added to the map with no Welsh yet: as before, English, quoted and labelled."""
    full = measures_cy.welsh_map()
    reasons = {
        pair: why
        for pair, why in full.reasons.items()
        if pair != ("non-elective-admissions", "bed-occupancy")
    }
    names = {key: name for key, name in full.names.items() if key != "readmissions"}
    monkeypatch.setattr(measures_cy, "welsh_map", lambda: measures_cy.WelshMap(names, reasons))
    welsh = said(cli("directors", str(FACTS), "--locale", "cy_GB"))
    assert (
        "map mesurau: “emergency admissions → bed occupancy (fewer emergency admissions means "
        "fewer occupied beds)” (geiriau'r map mesurau, yn Saesneg)"
    ) in welsh
    assert (
        "map mesurau: mae'r ddau yn mesur “readmissions” (geiriau'r map mesurau, yn Saesneg)"
        in (welsh)
    )
    # The other chains keep their Welsh: only what is missing falls back.
    assert "map mesurau: diwrnodau gwely → gwelyau uwchgyfeirio" in welsh
    marked = re.findall(r"“[^”]+” \(geiriau'r map mesurau, yn Saesneg\)", welsh)
    assert marked
    assert all("emergency admissions → bed occupancy" in m or "readmissions" in m for m in marked)
