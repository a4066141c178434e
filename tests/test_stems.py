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
