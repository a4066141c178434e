"""The stems shipped in ``pitchkit/recast/stems.json`` are the ones pitchkit would work out.

``make lenses`` stems the data files' phrases ahead of time so a recast does
not have to. The shipped file must match the code and data in the
repository; a file made from other code is not used at all.
"""

from __future__ import annotations

from importlib import resources

import pytest

from pitchkit.recast import measures, stems, words
from pitchkit.recast.stems import SHIPPED, Stems, compile_stems, shipped


def test_the_shipped_stems_are_current() -> None:
    text = resources.files("pitchkit.recast").joinpath(SHIPPED).read_text(encoding="utf-8")
    assert text == compile_stems(), "run `make lenses`"
    # and used: it was made from this code and data
    assert shipped().name_keys
    assert shipped().phrases


def test_every_shipped_stem_is_what_the_stemmer_gives() -> None:
    fresh = Stems({}, {})
    table = shipped()
    for text in table.name_keys:
        assert measures.name_key(text) == measures.key_of(text, fresh), text
    for text in table.phrases:
        assert words.phrase(text) == words.stems_of(text, fresh), text


CACHED = (
    shipped,
    measures.read_measure_file,
    measures.measure_map,
    measures._matcher,
    measures._filler_words,
    measures._family_table,
    measures.mentions,
    words.phrase,
)
TEXTS = (
    "Falls with harm per 1,000 bed days",
    "Reduce agency spend on nursing shifts",
    "Patients waiting more than 52 weeks for elective care",
)


def _found() -> tuple[object, ...]:
    for cached in CACHED:
        cached.cache_clear()
    return (
        measures.measure_map(),
        measures._family_table(),
        [measures.concepts_in(text, broad=True) for text in TEXTS],
        [measures.qualifiers(text) for text in TEXTS],
    )


def test_stems_made_from_other_code_are_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file left stale by a change to the stemmer is ignored: the same matches, worked out."""
    with_file = _found()
    monkeypatch.setattr(stems, "inputs_digest", lambda: "another stemmer")
    try:
        without = _found()
        assert shipped() == Stems({}, {})
    finally:
        monkeypatch.undo()
        _found()
    assert without == with_file


def test_the_shipped_name_table_is_the_one_worked_out(monkeypatch: pytest.MonkeyPatch) -> None:
    """The measure map made from ``stems.json``'s name table equals one built name by name."""
    assert shipped().map_table is not None, "run `make lenses`"
    built = measures.name_table(measures.read_measure_file(), Stems({}, {}))
    measures.measure_map.cache_clear()

    def refused(*_: object) -> None:
        raise AssertionError("the name table was built, not read from stems.json")

    monkeypatch.setattr(measures, "name_table", refused)
    try:
        restored = measures.measure_map()
    finally:
        monkeypatch.undo()
        measures.measure_map.cache_clear()
    assert len(restored.phrases) > 1000
    assert dict(restored.phrases) == dict(built["phrases"])
    assert restored.generic_words == built["generic_words"]
    assert dict(restored.topic_keys) == dict(built["topic_keys"])


def test_a_stems_file_without_the_name_table_builds_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """An older ``stems.json`` (no name table) still gives the same measure map."""
    with_table = _found()
    current = shipped()
    monkeypatch.setattr(measures, "shipped", lambda: Stems(current.phrases, current.name_keys))
    try:
        measures.measure_map.cache_clear()
        without = measures.measure_map()
    finally:
        monkeypatch.undo()
        _found()
    assert without == with_table[0]
