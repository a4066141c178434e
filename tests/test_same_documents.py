"""Every bundled example's documents read as they did: speed work and moves change no word.

The kept copies in ``tests/data/documents`` are the text of each example's
briefing note, progress update, fill-in update and (for the Welsh example)
bilingual note, for every director, on a fixed day. A change of wording on
purpose is made by remaking them (``python scripts/same_documents.py``) and
committing the difference with the change that caused it.
"""

from __future__ import annotations

import difflib
import functools

import pytest

from documenttext import KEPT, document_text, documents

KEPT_NAMES = sorted(str(path.relative_to(KEPT)) for path in KEPT.rglob("*.txt"))


@functools.cache
def rendered() -> dict[str, bytes]:
    """Every bundled example's documents, rendered once for the whole file."""
    return dict(documents())


def test_every_kept_document_is_still_made() -> None:
    assert set(KEPT_NAMES) == set(rendered())
    assert len(KEPT_NAMES) >= 30


@pytest.mark.parametrize("name", KEPT_NAMES)
def test_document_reads_as_before(name: str) -> None:
    before = (KEPT / name).read_text(encoding="utf-8")
    after = document_text(rendered()[name])
    if after != before:
        changed = "".join(
            difflib.unified_diff(
                before.splitlines(keepends=True), after.splitlines(keepends=True), "kept", "now"
            )
        )
        pytest.fail(f"{name} reads differently (remake with scripts/same_documents.py):\n{changed}")
