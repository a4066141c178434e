"""Remake tests/data/documents: the text of every bundled example's notes, as a reader sees it.

Run after a deliberate change of wording, then read ``git diff tests/data/documents``
before committing: every changed line is a change a director will see.

    .venv/bin/python scripts/same_documents.py
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from documenttext import KEPT, document_text, documents


def main() -> None:
    """Write each document's text under tests/data/documents, replacing what was there."""
    if KEPT.exists():
        shutil.rmtree(KEPT)
    count = 0
    for name, data in documents():
        path = KEPT / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(document_text(data), encoding="utf-8")
        count += 1
    print(f"wrote {count} documents' text to {KEPT}")


if __name__ == "__main__":
    main()
