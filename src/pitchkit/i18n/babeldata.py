"""Babel's locale data for pitchkit's two locales, merged ahead of time.

Babel reads a locale's data at the first number, date or list formatted in
it: for ``en_GB`` it unpickles ``root``, ``en``, ``en_001`` and ``en_GB``
and merges them, key by key (about 9 ms of every brief). ``make prepared``
(``scripts/build_prepared.py``) saves what that merging gives for each
supported locale, beside this module (``babel-en_GB.pickle.z``), with the
Babel version it came from. :func:`preload` puts a saved copy in Babel's
cache when pitchkit makes a :class:`~pitchkit.i18n.translation.Language`
(once per locale and process), so Babel finds it there instead of reading
its own files; loading it takes about a fifth of the time.

Babel's cache (``babel.localedata._cache``) is not part of its documented
interface, so a copy is used only under the Babel version it was made with;
under any other, and whenever a file is missing or unreadable, Babel reads
its own files as before. ``tests/test_babeldata.py`` checks that each copy
is exactly what Babel merges, and fails while one is stale.
"""

from __future__ import annotations

import pickle
import zlib
from pathlib import Path
from typing import Any

import babel
from babel import localedata

#: Where a locale's merged data is saved: ``FILE.format(locale="en_GB")``.
FILE = "babel-{locale}.pickle.z"
FOLDER = Path(__file__).parent
_PREFIX = b"pitchkit babel data "


def preload(locale: str) -> None:
    """Put the saved merged data for ``locale`` in Babel's cache, when it fits this Babel.

    Under another Babel version nothing of Babel's own is touched.
    """
    data = _saved(locale)
    if data is not None:
        with localedata._cache_lock:
            localedata._cache.setdefault(locale, data)


def _saved(locale: str) -> dict[str, Any] | None:
    """The saved data for ``locale``, or ``None`` when there is none for this Babel version."""
    version = f"{_PREFIX.decode()}{babel.__version__}\n".encode()
    try:
        raw = (FOLDER / FILE.format(locale=locale)).read_bytes()
        if not raw.startswith(version):
            return None
        data = pickle.loads(zlib.decompress(raw[len(version) :]))
    except (OSError, zlib.error, pickle.UnpicklingError, EOFError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def merged(locale: str) -> dict[str, Any]:
    """The data Babel merges for ``locale``, read afresh from Babel's own files."""
    with localedata._cache_lock:
        kept = dict(localedata._cache)
        localedata._cache.clear()
        try:
            return localedata.load(locale)
        finally:
            localedata._cache.clear()
            localedata._cache.update(kept)


def saved_bytes(locale: str) -> bytes:
    """The file :func:`preload` reads for ``locale``: the Babel version, then the data."""
    data = pickle.dumps(merged(locale), protocol=pickle.HIGHEST_PROTOCOL)
    return f"{_PREFIX.decode()}{babel.__version__}\n".encode() + zlib.compress(data, 9)
