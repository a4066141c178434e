"""The measure map's Welsh (measures_cy.yaml): complete, current, and only for what exists.

Every concept of ``measures.yaml`` needs a Welsh name and every edge a Welsh
reason. A concept or edge added to the map without them does not break a
Welsh note (it falls back to the map's English, quoted and labelled), but
fails here with the list of what lacks Welsh, by id.
"""

from __future__ import annotations

from pathlib import Path

import pitchkit.recast.measures_cy
from pitchkit.i18n.welsh import reads_as_welsh
from pitchkit.recast.measures import read_measure_file
from pitchkit.recast.measures_cy import (
    WELSH_COMPILED,
    WelshMap,
    compile_welsh_file,
    missing_welsh,
    unknown_welsh,
    welsh_map,
)

WELSH_FILE = Path(pitchkit.recast.measures_cy.__file__).with_name("measures_cy.yaml")


def test_every_concept_and_edge_of_the_map_has_its_welsh() -> None:
    lacking = missing_welsh(read_measure_file(), welsh_map())
    assert not lacking, (
        "measures_cy.yaml has no Welsh for these (add a `name:` for a concept, a line under "
        "`why:` for an edge):\n" + "\n".join(lacking)
    )


def test_the_welsh_names_nothing_the_map_does_not_have() -> None:
    unknown = unknown_welsh(read_measure_file(), welsh_map())
    assert not unknown, "measures_cy.yaml names what measures.yaml does not:\n" + "\n".join(unknown)


def test_what_lacks_welsh_and_what_does_not_exist_are_listed_by_id() -> None:
    """The checks say exactly which ids: a new edge, a new concept, a renamed one."""
    data = read_measure_file()
    full = welsh_map()
    names = {key: name for key, name in full.names.items() if key != "sepsis-deaths"}
    reasons = {k: v for k, v in full.reasons.items() if k != ("sepsis-deaths", "shmi")}
    reasons[("sepsis-deaths", "no-such-concept")] = "rheswm"
    names["no-such-concept"] = "dim"
    partial = WelshMap(names, reasons)
    assert missing_welsh(data, partial) == [
        "sepsis-deaths: no Welsh name",
        "sepsis-deaths -> shmi: no Welsh reason",
    ]
    assert unknown_welsh(data, partial) == [
        "no-such-concept: no such concept",
        "sepsis-deaths -> no-such-concept: no such edge",
    ]


def test_the_welsh_reads_as_welsh() -> None:
    """Each reason is a Welsh sentence, not English left untranslated."""
    english = [why for why in welsh_map().reasons.values() if not reads_as_welsh(why)]
    assert not english


def test_the_compiled_copy_of_the_welsh_is_current() -> None:
    compiled = WELSH_FILE.with_name(WELSH_COMPILED)
    assert compiled.read_text(encoding="utf-8") == compile_welsh_file(), "run `make lenses`"
