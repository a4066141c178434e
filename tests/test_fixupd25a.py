"""Progress updates that claim only what the data shows (fixupd25a, from reader24).

Each test renders an update and reads its text back from the Word file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from icbcase import copy_project, update


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path)


# ------------------------------------------ 1. a forecast is expected, never delivered


def test_a_forecast_is_said_as_expected_not_under_delivered_so_far(project: Path) -> None:
    text = update(project, "dof", "2026-06")
    table = text[text.index("Delivered so far") : text.index("Expected, not yet delivered")]
    # The table's row says nothing is counted; the plan's rate is not in it.
    assert "so no money is counted yet" in table
    assert "forecast" not in table
    assert "£553,000" not in table
    assert (
        "Expected, not yet delivered: emergency admissions of the people supported, the rest "
        "of the year at the plan's full rate (£553,000 for 2026/27: 274 of the year's 365 days "
        "at £736,236 a year). It counts as delivered only once its chart shows the change."
    ) in text


def test_a_forecast_is_said_as_expected_in_welsh(project: Path) -> None:
    text = update(project, "dof", "2026-06", locale="cy_GB")
    assert "Disgwylir, heb ei gyflawni eto:" in text
    assert "£553,000" in text.split("Disgwylir, heb ei gyflawni eto:")[1]
