"""Clean and compile the built-in templates' parts ahead of time, into ``templates/prepared.json``.

Run ``make prepared`` (or ``python scripts/build_prepared.py``) after
changing a built-in template, the clean-up in ``pitchkit.word.render`` or
``pitchkit.word.templatefile``, the Jinja environment, or the Jinja or
docxtpl version; the file it writes is committed and shipped (see
:mod:`pitchkit.word.prepared`). ``tests/test_prepared.py`` fails while the
shipped file differs from a fresh one. ``--check`` only says whether it does.
"""

from __future__ import annotations

import argparse
import sys
from importlib import resources
from pathlib import Path

from pitchkit.word.prepared import FILE_NAME, make_prepared, prepared_text

SHIPPED = Path(str(resources.files("pitchkit.word") / "templates" / FILE_NAME))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; fail if stale")
    args = parser.parse_args()
    wanted = prepared_text(make_prepared())
    current = SHIPPED.read_text("utf-8") if SHIPPED.exists() else ""
    if args.check:
        if current != wanted:
            sys.exit(f"build_prepared: {SHIPPED} is stale: run make prepared")
        print(f"build_prepared: {SHIPPED.name} is up to date")
    elif current != wanted:
        SHIPPED.write_text(wanted, "utf-8")
        print(f"build_prepared: wrote {SHIPPED}")
    else:
        print(f"build_prepared: {SHIPPED.name} was up to date")


if __name__ == "__main__":
    main()
