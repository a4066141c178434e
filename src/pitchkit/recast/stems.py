"""The stems of the data files' phrases, worked out when pitchkit is built.

Every recast stems the measure map's 1,700 concept names and its qualifier
phrases, and the lenses' theme words, before it can match a single text:
about 20 ms of every ``brief``. ``make lenses`` (``python -m
pitchkit.recast.stems``) works them out once and ships them in
``stems.json``: for each phrase its stems as :func:`pitchkit.recast.words.phrase`
gives them, and for each concept name (and topic name) its key as
:func:`pitchkit.recast.measures.name_key` gives it, the names with "staff"
written as each staff group (:func:`pitchkit.recast.measures.staffed_names`)
included.

The file records the SHA-256 of the code and data that decide the stems
(``words.py``, ``measures.py`` and ``measures.yaml``, whose filler words a name's
key leaves out): when any of them changes, the file is not used and each
phrase is stemmed as before, so a stale file costs time, never a different
match. ``tests/test_stems.py`` fails while it is stale.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

PACKAGE = "pitchkit.recast"
#: The shipped file, beside this module.
SHIPPED = "stems.json"
#: The files whose text decides the stems, in the order they are hashed.
INPUTS = ("words.py", "measures.py", "measures.yaml")


class Stems(NamedTuple):
    """Stems worked out ahead of time: each as the stems joined by spaces."""

    #: :func:`pitchkit.recast.words.phrase` of the data files' phrases.
    phrases: dict[str, str]
    #: :func:`pitchkit.recast.measures.name_key` of the measure map's names.
    name_keys: dict[str, str]
    #: The measure map's name table (:func:`pitchkit.recast.measures.name_table`), as
    #: saved: ``phrases`` as ``[key, ids]`` pairs in the order the table is built,
    #: ``generic_words`` and ``topic_keys`` (keys joined by spaces); ``None`` to build it.
    map_table: dict[str, Any] | None = None


def inputs_digest() -> str | None:
    """The SHA-256 of :data:`INPUTS` as they are now (``None`` if one cannot be read)."""
    digest = hashlib.sha256()
    try:
        for name in INPUTS:
            digest.update(Path(__file__).with_name(name).read_bytes())
    except OSError:
        return None
    return digest.hexdigest()


@cache
def shipped() -> Stems:
    """The shipped stems when they were made from the code and data in use, else none."""
    empty = Stems({}, {})
    try:
        text = Path(__file__).with_name(SHIPPED).read_text(encoding="utf-8")
    except OSError:
        return empty
    saved = json.loads(text)
    if saved.get("inputs_sha256") != inputs_digest():
        return empty
    return Stems(dict(saved["phrases"]), dict(saved["name_keys"]), saved.get("map_table"))


def known(table: dict[str, str], text: str) -> tuple[str, ...] | None:
    """``text``'s stems from ``table``, or ``None`` when it holds none for it."""
    joined = table.get(text)
    if joined is None:
        return None
    return tuple(joined.split(" ")) if joined else ()


def compile_stems() -> str:
    """The contents of ``stems.json``, worked out afresh from the data files.

    Phrases: the qualifier families' phrases (measures) and the theme words
    (lenses); names: every concept's names and topic names, and the generic words;
    and the measure map's whole name table, built from those names' keys (about
    10 ms of the first recast of every run).
    """
    from pitchkit.recast import lenses, measures, words

    raw = measures.read_measure_file()
    names = {
        str(name)
        for item in raw["concepts"]
        for name in (*(item.get("names") or ()), *(item.get("topics") or ()))
    }
    names.update(str(word) for word in raw.get("generic_words") or ())
    names.update(measures.every_staffed_name(raw))
    phrases = {
        str(phrase)
        for members in (raw.get("qualifier_families") or {}).values()
        for listed in members.values()
        for phrase in listed
    }
    phrases.update(word for group in lenses.lens_data().theme_words.values() for word in group)
    fresh = Stems({}, {})
    table = measures.name_table(raw, fresh)
    saved = {
        "note": "made by 'make lenses' (python -m pitchkit.recast.stems): do not edit",
        "inputs_sha256": inputs_digest(),
        "phrases": {text: " ".join(words.stems_of(text, fresh)) for text in sorted(phrases)},
        "name_keys": {text: " ".join(measures.key_of(text, fresh)) for text in sorted(names)},
        "map_table": measures.saved_name_table(table),
    }
    return json.dumps(saved, ensure_ascii=False, indent=0, sort_keys=True) + "\n"


if __name__ == "__main__":  # python -m pitchkit.recast.stems: remake the shipped file
    target = Path(__file__).with_name(SHIPPED)
    target.write_text(compile_stems(), encoding="utf-8")
    print(f"wrote {target}")
