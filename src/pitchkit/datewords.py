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
#: Welsh month names as they are written after a word that mutates them: "o Fehefin",
#: "yng Ngorffennaf", "yn Nhachwedd", "a Thachwedd" (newuser37 #3).
MONTHS.update(
    {
        "fawrth": 3,
        "fai": 5,
        "fehefin": 6,
        "orffennaf": 7,
        "ngorffennaf": 7,
        "fedi": 9,
        "dachwedd": 11,
        "nhachwedd": 11,
        "thachwedd": 11,
        "ragfyr": 12,
    }
)
_DATE = re.compile(
    r"(?:\b(from|starting|since|after|o|ers|gan ddechrau)\s+)?"
    # Welsh names the month as "mis" (the month of), softened to "fis" after "o":
    # "o fis Mehefin 2026" opens a stretch of time as "o Fehefin 2026" does.
    r"(?:\b[mf]is\s+)?"
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


#: A date written with the day first, as in the UK: ``01/04/2026``, ``1.4.2026``, ``1-4-2026``.
_DAY_FIRST = re.compile(r"^\s*(\d{1,2})([/.-])(\d{1,2})\2(\d{4})\s*$")


def uk_date(text: str) -> dt.date:
    """The date ``01/04/2026`` is in the UK (1 April 2026): day, month, year.

    One rule wherever pitchkit reads a date a person typed (the facts file and
    the measures sheet alike): the teams using it are in the UK and their
    spreadsheets export day/month/year (newuser35 #11). Raises ``ValueError``
    holding a :class:`~pitchkit.i18n.messages.Message` when ``text`` is not
    day first, or is no UK date: ``04/13/2026`` is said to look like
    month/day/year, with the date written both ways pitchkit reads.
    """
    from pitchkit.i18n.messages import Message

    found = _DAY_FIRST.match(text)
    if found is None:
        raise ValueError(Message("'{value}' is not a date", value=text.strip()))
    first, sep, second, year = int(found[1]), found[2], int(found[3]), int(found[4])
    try:
        return dt.date(year, second, first)
    except ValueError:
        pass
    try:
        american = dt.date(year, first, second)
    except ValueError:
        raise ValueError(
            Message(
                "'{value}' is not a real date: pitchkit reads dates day first, as in the UK "
                "(01/04/2026 is 1 April 2026), or year first, as 2026-04-01",
                value=text.strip(),
            )
        ) from None
    raise ValueError(
        Message(
            "'{value}' looks like month/day/year, as American spreadsheets write it: pitchkit "
            "reads dates day first, as in the UK, so write {uk} or {iso}",
            value=text.strip(),
            uk=sep.join(
                ("{:02d}".format(american.day), "{:02d}".format(american.month), str(year))  # noqa: UP032
            ),
            iso=american.isoformat(),
        )
    ) from None


def is_day_first(text: str) -> bool:
    """Whether ``text`` is written as a UK date is: two numbers and a year, such as 01/04/2026."""
    return _DAY_FIRST.match(text) is not None
