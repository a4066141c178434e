"""Dates named in words in the team's own text: ``by 31 January 2027``, ``in March 2028``.

Read the same way wherever pitchkit needs them: a progress update, to tell
whether a standing ask is still current (:mod:`pitchkit.notes.update.carryover`),
and ``pitchkit check``, to find an ask due before the meeting
(:func:`pitchkit.advice.timing.ask_before_meeting`). Month names are English
or Welsh, whole or abbreviated, as a measures spreadsheet's are.
"""

from __future__ import annotations

import datetime as dt
import re

#: Month names and abbreviations, English and Welsh, with their numbers.
MONTHS = {
    **{
        name: number
        for number, names in enumerate(
            (
                ("january", "jan", "ionawr", "ion"),
                ("february", "feb", "chwefror", "chwe"),
                ("march", "mar", "mawrth", "maw"),
                ("april", "apr", "ebrill", "ebr"),
                ("may", "mai"),
                ("june", "jun", "mehefin", "meh"),
                ("july", "jul", "gorffennaf", "gor"),
                ("august", "aug", "awst", "aws"),
                ("september", "sep", "sept", "medi", "med"),
                ("october", "oct", "hydref", "hyd"),
                ("november", "nov", "tachwedd", "tach"),
                ("december", "dec", "rhagfyr", "rhag"),
            ),
            start=1,
        )
        for name in names
    }
}
_DATE = re.compile(
    r"(?:\b(from|starting|since|after|o|ers|gan ddechrau)\s+)?"
    r"\b(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?([A-Za-z]+)\s+(\d{4})\b",
    re.IGNORECASE,
)


def deadlines(text: str) -> list[dt.date]:
    """The last day of each date ``text`` names, except those opening a stretch of time."""
    found: list[dt.date] = []
    for match in _DATE.finditer(text):
        opening, day, month_name, year = match.groups()
        month = MONTHS.get(month_name.lower())
        if month is None or opening:
            continue
        if day:
            try:
                found.append(dt.date(int(year), month, int(day)))
            except ValueError:
                continue
        else:
            following = dt.date(int(year) + month // 12, month % 12 + 1, 1)
            found.append(following - dt.timedelta(days=1))
    return found
