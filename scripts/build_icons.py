"""Draw the Making Data Count icons into the PNG files shipped in the package.

Run ``make icons`` (or ``python scripts/build_icons.py``) after changing
``pitchkit.notes.update.icondrawing``; the files it writes are committed and
shipped, so writing an update need not load matplotlib to draw them.
``tests/test_icons.py`` fails while the shipped files differ from a fresh
drawing. ``--check`` only says whether they differ.
"""

from __future__ import annotations

import argparse
import sys

from pitchkit.notes.update.icondrawing import draw_icons, every_icon
from pitchkit.notes.update.icons import FOLDER


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; fail if stale")
    args = parser.parse_args()
    wanted = {key.file_name: draw_icons(key) for key in every_icon()}
    shipped = {path.name: path.read_bytes() for path in FOLDER.glob("*.png")}
    stale = sorted(name for name in wanted if shipped.get(name) != wanted[name])
    extra = sorted(set(shipped) - set(wanted))
    if args.check:
        if stale or extra:
            sys.exit(f"build_icons: stale {stale or '-'}, not drawn any more {extra or '-'}")
        print(f"build_icons: all {len(wanted)} icons are up to date")
        return
    FOLDER.mkdir(exist_ok=True)
    for name in stale:
        (FOLDER / name).write_bytes(wanted[name])
    for name in extra:
        (FOLDER / name).unlink()
    print(f"build_icons: {len(stale)} written, {len(extra)} removed, {len(wanted)} in all")


if __name__ == "__main__":
    main()
