"""Write docs/template-variables.md from the code, so it cannot drift.

Run ``python scripts/gen_template_docs.py`` after changing the template
context, the demo facts or the formatting filters; ``--check`` exits 1
when the committed file is out of date (tests/test_templatecheck.py does
the same check).
"""

from __future__ import annotations

import sys
from pathlib import Path

from pitchkit.authoring.check import variables_markdown

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "template-variables.md"


def main(args: list[str]) -> int:
    """Write the file, or with ``--check`` compare it with what the code says."""
    text = variables_markdown()
    if "--check" in args:
        if DOC.exists() and DOC.read_text(encoding="utf-8") == text:
            return 0
        print(f"{DOC.relative_to(ROOT)} is out of date: run python scripts/gen_template_docs.py")
        return 1
    DOC.write_text(text, encoding="utf-8")
    print(DOC.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
