"""Money and date wording a finance director queried in the fixnew34 updates (reader24).

The ICB-hosted High Intensity Use service (tests/data/fixnew34): every pound of its benefit
is capacity at the acute trust (A&E time and beds), none of it the ICB's own money.
Each test renders the update and reads its text back from the Word file.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from docchecks import docx_text
from pitchkit.api import UpdateRequest, write_update

DATA = Path(__file__).parent / "data" / "fixnew34"
TODAY = dt.date(2026, 12, 6)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for name in ("facts.yaml", "figures.csv", "team.xlsx"):
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path / "facts.yaml"


def update(facts: Path, director: str, period: str, locale: str | None = None) -> str:
    """The update's text, its lines joined with single spaces."""
    request = UpdateRequest(
        facts=facts,
        director=director,
        period=period,
        out=facts.parent / f"out-{director}-{period}-{locale}",
        directors=facts.parent / "team.xlsx",
        today=TODAY,
        locale=locale,
    )
    [path] = write_update(request).written
    return " ".join(docx_text(path).split())


def test_all_of_the_benefit_elsewhere_is_said_plainly_not_as_without_it(project: Path) -> None:
    text = update(project, "dof", "2026-11")
    # 110 x 12 x £227.82 + 29 x 12 x £2,115.62 = £1,036,956: all of it capacity at the
    # acute trust. "Without it, not paid back" meant without anything.
    assert "without it" not in text
    assert (
        "All of the plan's benefit, £1,037,000 a year, is capacity in other organisations, "
        "not the ICB's own money, so none of it pays back the £186,000 of funding."
    ) in text


def test_all_of_the_benefit_elsewhere_in_welsh(project: Path) -> None:
    text = update(project, "dof", "2026-11", locale="cy_GB")
    assert "hebddo" not in text
    assert "Mae holl fudd y cynllun, £1,037,000 y flwyddyn, yn gapasiti mewn sefydliadau" in text
