"""Merge the Welsh catalog message by message when a git merge of BRANCH conflicts on it.

    git checkout --ours src/pitchkit/i18n/locale/pitchkit.pot \\
        src/pitchkit/i18n/locale/cy/LC_MESSAGES/pitchkit.po \\
        src/pitchkit/i18n/locale/cy/LC_MESSAGES/pitchkit.mo
    python scripts/merge_po.py BRANCH
    python scripts/i18n.py && python scripts/i18n.py --check

Git merges the .po as text, so two branches that each add or change messages
conflict, and taking one side loses the other's translations. This starts from
HEAD's catalog and, for every message whose translation BRANCH added or changed
since the merge base, takes BRANCH's; where HEAD changed the same message too, it
keeps HEAD's and prints the message so a person can choose. ``scripts/i18n.py``
then re-extracts the messages from the merged code and compiles the catalog.
"""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Sequence

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

PO = "src/pitchkit/i18n/locale/cy/LC_MESSAGES/pitchkit.po"


def catalog_at(revision: str) -> Catalog:
    """The Welsh catalog as it is at ``revision``."""
    shown = subprocess.run(["git", "show", f"{revision}:{PO}"], capture_output=True, check=True)
    return read_po(io.BytesIO(shown.stdout))


def merge(branch: str) -> int:
    """Write HEAD's catalog with ``branch``'s own changes in it; return how many were taken."""
    base_revision = subprocess.run(
        ["git", "merge-base", "HEAD", branch], capture_output=True, text=True, check=True
    ).stdout.strip()
    base, ours, theirs = catalog_at(base_revision), catalog_at("HEAD"), catalog_at(branch)
    taken = 0
    for message in theirs:
        if not message.id:
            continue
        before = base.get(message.id, message.context)
        if before is not None and before.string == message.string:
            continue  # the branch did not touch it
        mine = ours.get(message.id, message.context)
        if mine is None:
            ours[message.id] = message
            taken += 1
            continue
        if before is not None and mine.string not in (before.string, message.string):
            print(f"both changed, HEAD's kept: {message.id!r}")
            continue
        mine.string = message.string
        mine.flags = set(message.flags)
        taken += 1
    with open(PO, "wb") as file:
        write_po(file, ours, width=76)
    return taken


def main(argv: Sequence[str]) -> int:
    """``merge_po.py BRANCH``."""
    if len(argv) != 1:
        print(__doc__)
        return 2
    print(f"took {merge(argv[0])} translations from {argv[0]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
