"""Languages pitchkit writes in: gettext catalogs bound to a Babel locale.

A :class:`Language` is always passed explicitly to the code that words
things; nothing reads the process locale.
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from babel import Locale

from pitchkit.errors import LocaleError
from pitchkit.i18n.babeldata import preload
from pitchkit.i18n.messages import Message

DOMAIN = "pitchkit"
LOCALE_DIR = Path(__file__).parent / "locale"

#: Locales with complete catalogs, and the language each resolves facts text to.
SUPPORTED: dict[str, str] = {"en_GB": "en", "cy_GB": "cy"}
DEFAULT_LOCALE = "en_GB"

_ALIASES = {
    "en": "en_GB",
    "en-gb": "en_GB",
    "en_gb": "en_GB",
    "cy": "cy_GB",
    "cy-gb": "cy_GB",
    "cy_gb": "cy_GB",
    "welsh": "cy_GB",
    "cymraeg": "cy_GB",
    "english": "en_GB",
}


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it here."""
    return message


#: A count that takes the plural form a fraction takes ("other" in English and Welsh).
_FRACTION = 100


@dataclass(frozen=True)
class Language:
    """A locale for formatting and a catalog for pitchkit's own words."""

    code: str
    locale: Locale
    translations: gettext.NullTranslations

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        """Pickle as the locale code: a spawned child loads the catalog itself."""
        return (language, (self.code,))

    @property
    def lang(self) -> str:
        """The two-letter language (``en`` or ``cy``) used to pick facts text."""
        return SUPPORTED[self.code]

    def gettext(self, message: str) -> str:
        """Translate ``message``."""
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, n: float) -> str:
        """Translate with the plural form the language uses for ``n``.

        A figure with a decimal ("7.1 months", "ad-dalu mewn 7.1 mis") takes the
        form English and Welsh both give any fraction, their "other" plural,
        which a count of 100 takes too.
        """
        if not float(n).is_integer():
            return self.translations.ngettext(singular, plural, _FRACTION)
        return self.translations.ngettext(singular, plural, int(n))


def normalise_locale(code: str | None) -> str:
    """Return the canonical code (``en_GB``, ``cy_GB``) for ``code``.

    Raises :class:`LocaleError` naming the supported locales otherwise.
    """
    if code is None or not code.strip():
        return DEFAULT_LOCALE
    cleaned = code.strip()
    if cleaned in SUPPORTED:
        return cleaned
    alias = _ALIASES.get(cleaned.lower())
    if alias is not None:
        return alias
    supported = ", ".join(f"{c} ({Locale.parse(c).english_name})" for c in SUPPORTED)
    raise LocaleError(
        Message(
            "unknown locale '{code}': pitchkit writes in {supported}",
            code=cleaned,
            supported=supported,
        )
    )


@cache
def language(code: str | None = None) -> Language:
    """Return the :class:`Language` for ``code`` (default ``en_GB``).

    One per locale and process, however the code is spelt: ``None``, ``"en"``
    and ``"en_GB"`` give the same object, made once.
    """
    canonical = normalise_locale(code)
    if code != canonical:
        return language(canonical)
    translations = gettext.translation(
        DOMAIN,
        localedir=str(LOCALE_DIR),
        languages=[canonical, SUPPORTED[canonical]],
        fallback=True,
    )
    preload(canonical)  # Babel's merged data for the locale, shipped (pitchkit.i18n.babeldata)
    return Language(canonical, Locale.parse(canonical), translations)
