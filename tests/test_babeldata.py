"""Babel's locale data merged ahead of time (pitchkit.i18n.babeldata)."""

from __future__ import annotations

import datetime as dt
import os
import pickle
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import babel
import pytest
from babel import localedata
from babel.dates import format_date, format_skeleton
from babel.lists import format_list
from babel.numbers import format_compact_currency, format_currency, format_decimal, format_percent

from docchecks import REQUIRE_ENV
from pitchkit.i18n import babeldata, fmt, translation
from pitchkit.i18n.translation import SUPPORTED, language


def _made_with(locale: str) -> str:
    """The Babel version the shipped copy for ``locale`` names on its first line."""
    path = babeldata.FOLDER / babeldata.FILE.format(locale=locale)
    first = path.read_bytes().split(b"\n", 1)[0].decode("ascii", "replace")
    return first.removeprefix(babeldata._PREFIX.decode())


#: The shipped copies serve only the Babel they were made with: on a machine with another
#: (a newer Babel from PyPI), pitchkit falls back to Babel's own files and these are skipped;
#: ``test_data_saved_from_another_babel_or_broken_is_not_used`` still runs.
needs_same_babel = pytest.mark.skipif(
    any(_made_with(locale) != babel.__version__ for locale in SUPPORTED),
    reason="the saved Babel data was made with another Babel version (run make prepared)",
)


@pytest.fixture
def empty_cache() -> Iterator[None]:
    """Babel's caches emptied for the test, and emptied again after it."""
    localedata._cache.clear()
    localedata._dict_cache.clear()
    yield
    localedata._cache.clear()
    localedata._dict_cache.clear()


def formatted(locale: str) -> list[str]:
    """A spread of what pitchkit asks Babel for, in ``locale``, through pitchkit's languages."""
    lang = language.__wrapped__(locale)  # a new Language, whose locale reads its data afresh
    day = dt.date(2027, 3, 4)
    return [
        format_decimal(Decimal("1234567.891"), locale=lang.locale),
        format_percent(0.125, locale=lang.locale),
        format_currency(Decimal("38000.5"), "GBP", locale=lang.locale),
        format_compact_currency(1_500_000, "GBP", locale=lang.locale, fraction_digits=2),
        format_date(day, "long", locale=lang.locale),
        format_skeleton("yMMMM", day, locale=lang.locale),
        format_skeleton("MMMyy", day, locale=lang.locale),
        format_list(["beds", "staff", "money"], locale=lang.locale),
        format_list(["beds", "staff"], style="or", locale=lang.locale),
        str(lang.locale.number_symbols["latn"]["percentSign"]),
        fmt.number(1214.5, lang),
        fmt.money(2_400_000, lang),
        fmt.date(day, lang),
        fmt.period_label("2027-Q2", lang),
    ]


@needs_same_babel
@pytest.mark.parametrize("locale", sorted(SUPPORTED))
def test_the_saved_data_is_what_babel_merges(locale: str) -> None:
    path = babeldata.FOLDER / babeldata.FILE.format(locale=locale)
    assert path.read_bytes() == babeldata.saved_bytes(locale), (
        f"{path.name} is stale: run make prepared"
    )


@needs_same_babel
@pytest.mark.parametrize("locale", sorted(SUPPORTED))
def test_a_note_formats_alike_with_the_saved_data(
    locale: str, empty_cache: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as babel_only:
        babel_only.setattr(translation, "preload", lambda _locale: None)
        babel_own = formatted(locale)
    assert "root" in localedata._cache  # Babel read and merged its own files
    localedata._cache.clear()
    localedata._dict_cache.clear()
    assert formatted(locale) == babel_own
    assert "root" not in localedata._cache  # the saved data was used, nothing read


@needs_same_babel
def test_making_a_language_puts_the_saved_data_in_babels_cache(empty_cache: None) -> None:
    lang = language.__wrapped__("en_GB")  # a new Language, made with Babel's caches empty
    assert "en_GB" in localedata._cache
    assert format_decimal(Decimal("98765.4321"), locale=lang.locale) == "98,765.432"
    as_saved = pickle.dumps(babeldata._saved("en_GB"), protocol=pickle.HIGHEST_PROTOCOL)
    assert pickle.dumps(localedata._cache["en_GB"], protocol=pickle.HIGHEST_PROTOCOL) == as_saved
    # Babel read none of the files the saved data was merged from.
    assert not {"root", "en", "en_001"} & set(localedata._cache)


def test_data_saved_from_another_babel_or_broken_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, empty_cache: None
) -> None:
    monkeypatch.setattr(babeldata, "FOLDER", tmp_path)
    path = tmp_path / babeldata.FILE.format(locale="en_GB")
    other = babeldata.saved_bytes("en_GB").replace(babel.__version__.encode(), b"0.0.1", 1)
    path.write_bytes(other)
    assert babeldata._saved("en_GB") is None
    path.write_bytes(babeldata.saved_bytes("en_GB")[:-50])
    assert babeldata._saved("en_GB") is None
    path.unlink()
    babeldata.preload("en_GB")
    assert "en_GB" not in localedata._cache
    assert formatted("en_GB")[0] == "1,234,567.891"


def test_ci_tests_the_babel_the_saved_data_was_made_with() -> None:
    """Under CI (PITCHKIT_REQUIRE_TOOLS=1) a newer Babel from PyPI must not skip the above."""
    if os.environ.get(REQUIRE_ENV) != "1":
        pytest.skip(f"only checked with {REQUIRE_ENV}=1")
    made = {locale: _made_with(locale) for locale in SUPPORTED}
    assert set(made.values()) == {babel.__version__}, (
        f"the saved Babel data was made with {made}, but Babel {babel.__version__} is installed: "
        "install with make (constraints.txt) or run make prepared"
    )
