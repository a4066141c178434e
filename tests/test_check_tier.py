"""The split between ``make check`` and ``make test`` names only tests that exist.

``tests/conftest.py`` marks slow the files of ``SLOW_FILES`` and the tests
listed in ``tests/slow_tests.txt``; a renamed file or test would silently
move back into the quick tier, so each name must still be found.
"""

from __future__ import annotations

import re

from conftest import SLOW_FILES, TESTS, _slow_tests


def test_every_slow_file_exists() -> None:
    assert sorted(name for name in SLOW_FILES if not (TESTS / name).is_file()) == []


def test_every_listed_slow_test_is_defined_in_its_file() -> None:
    missing = []
    for entry in sorted(_slow_tests()):
        file, function = entry.split("::")
        path = TESTS / file
        found = path.is_file() and re.search(
            rf"^def {re.escape(function)}\(", path.read_text(encoding="utf-8"), re.MULTILINE
        )
        if not found:
            missing.append(entry)
    assert missing == []
