"""A brief's "sustained change since …" names where the change began (reader22 #3).

The falls project's rate per 1,000 occupied bed days, in a chief nurse's brief
of 10 April 2028: April 2027, the project's first month, was 8.3 against a
baseline of 8.1; the chart's shift the better way runs from September 2027
to March 2028 (7 months below the mean). The brief said "since April 2027".
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from docchecks import docx_text
from pitchkit.api import BriefRequest, write_brief

FALLS = Path(__file__).resolve().parent.parent / "examples" / "falls-prevention" / "facts.yaml"


@pytest.mark.parametrize(
    ("locale", "said", "wrong"),
    [
        (
            "en_GB",
            "So far 5.8 per 1,000 occupied bed days in March 2028: a sustained change since "
            "September 2027;",
            "since April 2027",
        ),
        (
            "cy_GB",
            "Erbyn mis Mawrth 2028, y ffigur oedd 5.8 per 1,000 occupied bed days: newid parhaus "
            "ers Medi 2027;",
            "ers Ebrill 2027",
        ),
    ],
)
def test_a_sustained_change_is_dated_from_its_shift(
    tmp_path: Path, locale: str, said: str, wrong: str
) -> None:
    request = BriefRequest(
        facts=FALLS,
        director="don",
        out=tmp_path / locale,
        today=dt.date(2028, 4, 10),
        locale=locale,
        advice=False,
    )
    [path] = write_brief(request).written
    text = " ".join(docx_text(path).split())
    assert said in text
    assert wrong not in text
