"""Funding statuses pitchkit knows (requested, agreed ...), in English and in Welsh.

A facts file keeps the English word, which every note words in its own language;
a status typed in Welsh (``pitchkit init --locale cy_GB`` offers "gofynnwyd amdano,
cytunwyd arno") is read as the same status, so an English note never shows Welsh.
"""

from __future__ import annotations

from pitchkit.i18n.translation import N_, language

#: Funding statuses pitchkit knows, worded in the note's language (others are shown as written).
FUNDING_STATUSES = {
    "requested": N_("requested"),
    "applied": N_("applied for"),
    "applied for": N_("applied for"),
    "pending": N_("pending"),
    "agreed": N_("agreed"),
    "approved": N_("approved"),
    "awarded": N_("awarded"),
    "secured": N_("secured"),
    "confirmed": N_("confirmed"),
    "declined": N_("declined"),
    "planned": N_("planned"),
}

#: Welsh words that may follow a status's verb without changing it: "cytunwyd arno",
#: "gofynnwyd amdano", "gwnaed cais amdano".
_WELSH_TAILS = ("arno", "arni", "amdano", "amdani", "amdanynt", "arnynt")


def _bare(text: str) -> str:
    words = text.strip().casefold().rstrip(".").split()
    while words and words[-1] in _WELSH_TAILS:
        words.pop()
    return " ".join(words)


def status_key(status: str) -> str | None:
    """The English key of ``status`` (``agreed`` for "cytunwyd arno"), or None if not known."""
    folded = status.strip().casefold()
    if folded in FUNDING_STATUSES:
        return folded
    bare = _bare(status)
    if not bare:
        return None
    cymraeg = language("cy")
    for key, label in FUNDING_STATUSES.items():
        if bare == _bare(cymraeg.gettext(label)):
            return key
    return None
