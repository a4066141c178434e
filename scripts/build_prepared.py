"""Prepare the built-in templates ahead of time: ``templates/prepared.json`` and the rest.

Run ``make prepared`` (or ``python scripts/build_prepared.py``) after
changing a built-in template, the clean-up in ``pitchkit.word.render`` or
``pitchkit.word.templatefile``, the Jinja environment, or the Jinja or
docxtpl version (or python-docx, lxml or zlib: ``packed.json``; or Python's
bytecode version: ``prepared.code``, the shipped Python compiled; or Babel's
version: ``i18n/babel-*.pickle.z``, its merged locale data); the files
it writes are committed and shipped (see :mod:`pitchkit.word.prepared` and
:mod:`pitchkit.word.packed`). ``tests/test_prepared.py`` and
``tests/test_packed.py`` fail while a shipped file differs from a fresh
one. ``--check`` only says whether one does.
"""

from __future__ import annotations

import argparse
import sys
from importlib import resources
from pathlib import Path

from pitchkit.i18n import babeldata
from pitchkit.i18n.translation import SUPPORTED
from pitchkit.word import packed, prepared

FOLDER = Path(str(resources.files("pitchkit.word") / "templates"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; fail if stale")
    args = parser.parse_args()
    # packed.json is made after prepared.json: preparing a template uses the shipped Python.
    for name, make in (
        (prepared.FILE_NAME, lambda: prepared.prepared_text(prepared.make_prepared())),
        (packed.FILE_NAME, lambda: packed.packed_text(packed.make_packed())),
    ):
        shipped = FOLDER / name
        wanted = make()
        current = shipped.read_text("utf-8") if shipped.exists() else ""
        if args.check:
            if current != wanted:
                sys.exit(f"build_prepared: {shipped} is stale: run make prepared")
            print(f"build_prepared: {name} is up to date")
        elif current != wanted:
            shipped.write_text(wanted, "utf-8")
            print(f"build_prepared: wrote {shipped}")
        else:
            print(f"build_prepared: {name} was up to date")
    # The code objects are compared as loaded: marshal's bytes for equal code may differ.
    code_file = FOLDER / prepared.CODE_FILE_NAME
    wanted_code = prepared.make_code()
    current_code = code_file.read_bytes() if code_file.exists() else b""
    current = prepared.unpack_code(current_code)
    same = current is not None and current == prepared.unpack_code(wanted_code)
    if args.check:
        if not same:
            sys.exit(f"build_prepared: {code_file} is stale: run make prepared")
        print(f"build_prepared: {prepared.CODE_FILE_NAME} is up to date")
    elif not same:
        code_file.write_bytes(wanted_code)
        print(f"build_prepared: wrote {code_file}")
    else:
        print(f"build_prepared: {prepared.CODE_FILE_NAME} was up to date")
    # Babel's merged data for each locale (pitchkit.i18n.babeldata), for this Babel version.
    for locale in SUPPORTED:
        path = babeldata.FOLDER / babeldata.FILE.format(locale=locale)
        wanted_data = babeldata.saved_bytes(locale)
        current_data = path.read_bytes() if path.exists() else b""
        if args.check:
            if current_data != wanted_data:
                sys.exit(f"build_prepared: {path} is stale: run make prepared")
            print(f"build_prepared: {path.name} is up to date")
        elif current_data != wanted_data:
            path.write_bytes(wanted_data)
            print(f"build_prepared: wrote {path}")
        else:
            print(f"build_prepared: {path.name} was up to date")


if __name__ == "__main__":
    main()
