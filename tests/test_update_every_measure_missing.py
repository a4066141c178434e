"""A period missing from every measure is said once, not with every measure's name.

The transport desk (tests/data/money/transport.yaml) has no entry for January
to March 2025, so all five of its measures lack that quarter. The update used
to write one sentence naming all five measures again ("Missing data: Aborted
patient transport journeys, bed days lost waiting for discharge transport,
… and complaints about patient transport: no figure for January to March
2025, …"), the table above having just listed them; a director reads it as
"every measure".
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from docchecks import docx_text
from pitchkit.api import UpdateRequest, write_update

TRANSPORT = Path(__file__).parent / "data" / "money" / "transport.yaml"


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        (
            "en_GB",
            "For every measure, no figure for January to March 2025, so totals to date leave it "
            "out rather than count it as zero.",
        ),
        (
            "cy_GB",
            "Ar gyfer pob mesur, dim ffigur ar gyfer Ionawr i Fawrth 2025, felly mae'r "
            "cyfansymiau hyd yma yn ei adael allan yn hytrach na'i gyfrif yn sero.",
        ),
    ],
)
def test_a_quarter_missing_from_every_measure_is_said_once(
    tmp_path: Path, locale: str, expected: str
) -> None:
    request = UpdateRequest(TRANSPORT, "dof", tmp_path, today=dt.date(2026, 12, 5), locale=locale)
    text = docx_text(write_update(request).written[0])
    assert expected in text
    assert "complaints about patient transport: no figure" not in text.casefold()
    assert text.count("January to March 2025" if locale == "en_GB" else "Ionawr i Fawrth 2025") >= 1


def test_a_period_missing_from_some_measures_still_names_them(tmp_path: Path) -> None:
    # Only the bed days miss August 2027 in the frailty example: named, not "every measure".
    facts = Path(__file__).parent.parent / "examples" / "frailty-virtual-ward" / "facts.yaml"
    request = UpdateRequest(facts, "dof", tmp_path)
    text = docx_text(write_update(request).written[0])
    assert (
        "For hospital bed days used by people aged 75 and over living with frailty, no figure for "
        "August 2027"
    ) in text
    assert "For every measure" not in text
