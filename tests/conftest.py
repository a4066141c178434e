"""Shared test set-up for pitchkit.

Kept small on purpose: document checks live in ``docchecks.py`` (import
them with ``from docchecks import ...``); this file only makes that import
work whatever pytest's import mode, and offers the tool fixtures below.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

import docchecks  # noqa: E402 - needs the path above

# brief and demo measure each note with LibreOffice when it is installed (seconds
# per note); tests that are about measuring turn it back on with monkeypatch.
os.environ.setdefault("PITCHKIT_MEASURE", "0")


@pytest.fixture
def soffice() -> str:
    """LibreOffice's program path; skips (or fails with PITCHKIT_REQUIRE_TOOLS=1) if absent."""
    return docchecks.soffice_path()


@pytest.fixture
def ooxml_validator() -> str:
    """The Open XML SDK validator's path; skips (or fails) like ``soffice`` if absent."""
    return docchecks.validator_path()


@pytest.fixture(autouse=True)
def no_user_settings(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Keep the tester's own ``pitchkit config`` file out of every test (and its processes).

    The folder is outside pytest's own (private) one, since some tests run
    pitchkit as the user nobody.
    """
    folder = Path(tempfile.mkdtemp(prefix="pitchkit-settings-"))
    folder.chmod(0o755)
    monkeypatch.setenv("PITCHKIT_CONFIG", str(folder / "config.toml"))
    yield
    shutil.rmtree(folder, ignore_errors=True)
