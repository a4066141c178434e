"""Dates, figures and units kept on one line: the Welsh month names written out."""

from __future__ import annotations

import babel
import pytest
from babel.dates import get_month_names

from pitchkit.i18n.fmt import soft_mutation
from pitchkit.i18n.translation import language
from pitchkit.notes import together
from pitchkit.notes.together import WELSH_MONTHS, WELSH_MONTHS_BABEL, keep_together, welsh_months

NBSP = "\u00a0"


def _babels() -> tuple[str, ...]:
    return tuple(str(name) for name in get_month_names("wide", locale="cy").values())


def test_the_welsh_months_written_out_are_babels() -> None:
    """Under the Babel they were read from, the names are Babel's own, in order."""
    if babel.__version__ == WELSH_MONTHS_BABEL:
        assert _babels() == WELSH_MONTHS, "copy Babel's Welsh month names into together.py"
    assert welsh_months() == _babels()


def test_another_babel_gives_its_own_welsh_months(monkeypatch: pytest.MonkeyPatch) -> None:
    """The names written out are not used under another Babel version."""
    monkeypatch.setattr(together, "WELSH_MONTHS", ("Ionawr",) * 12)
    monkeypatch.setattr(together, "WELSH_MONTHS_BABEL", "0.0.0")
    assert welsh_months() == _babels()


@pytest.mark.parametrize("month", WELSH_MONTHS)
def test_an_english_note_keeps_a_mutated_welsh_date_together(month: str) -> None:
    """A Welsh month after a soft mutation ("i Fehefin 2027") stays with its year in any note."""
    mutated = soft_mutation(month)
    for code in ("en_GB", "cy_GB"):
        kept = keep_together(f"Agreed for {mutated} 2027 by the board.", language(code))
        assert f"{mutated}{NBSP}2027" in kept, code
