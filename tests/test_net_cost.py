"""A project whose funding exceeds its benefit: the finance director reads a net cost in words.

The investment line once printed "net -£2,147,000", a minus sign before the
pound sign. It now says "a net cost of £2,147,000" (Welsh "cost net o
£2,147,000"), before and after the years close; a project that pays back
keeps "net £103,000". Each test writes the note through the API a command
runs, on a fixed day, and reads the document back.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from conftest import EXAMPLES
from docchecks import docx_text
from pitchkit.api import BriefRequest, UpdateRequest, write_brief, write_update

#: Before any financial year of the project has closed, and after both have.
OPEN, CLOSED = dt.date(2026, 12, 1), dt.date(2028, 4, 10)


def costly(tmp_path: Path) -> Path:
    """The frailty example with ten times the funding (£2.5m against £353,000 of benefit)."""
    text = (EXAMPLES / "frailty-virtual-ward" / "facts.yaml").read_text(encoding="utf-8")
    assert text.count("    amount: 250000\n") == 1
    path = tmp_path / "facts.yaml"
    path.write_text(text.replace("    amount: 250000\n", "    amount: 2500000\n"), encoding="utf-8")
    return path


def brief(facts: Path, out: Path, locale: str, today: dt.date) -> str:
    request = BriefRequest(facts=facts, director="dof", out=out, locale=locale, today=today)
    [path] = write_brief(request).written
    return docx_text(path)


@pytest.mark.parametrize(
    ("locale", "cost"), [("en_GB", "a net cost of {}; "), ("cy_GB", "cost net o {}; ")]
)
@pytest.mark.parametrize("today", [OPEN, CLOSED])
def test_a_net_cost_is_said_in_words(
    tmp_path: Path, locale: str, cost: str, today: dt.date
) -> None:
    text = brief(costly(tmp_path), tmp_path / "brief", locale, today)
    assert not re.search("[-−]£", text)
    [line] = [line for line in text.splitlines() if "£2,500,000" in line and "£1" in line]
    found = re.search(r"(£[\d,]+), (?:a net cost of|cost net o) (£[\d,]+); ", line)
    assert found, line
    benefit, net = (int(x.strip("£").replace(",", "")) for x in found.groups())
    assert net == 2_500_000 - benefit  # the funding less the benefit over the project
    assert cost.format(found.group(2)) in line


@pytest.mark.parametrize("locale", ["en_GB", "cy_GB"])
def test_the_finance_directors_update_has_no_signed_sum(tmp_path: Path, locale: str) -> None:
    request = UpdateRequest(
        facts=costly(tmp_path), director="dof", out=tmp_path, locale=locale, today=CLOSED
    )
    [path] = write_update(request).written
    text = docx_text(path)
    assert "£" in text
    assert not re.search("[-−]£", text)


def test_a_project_that_pays_back_keeps_its_net_benefit(tmp_path: Path) -> None:
    facts = EXAMPLES / "frailty-virtual-ward" / "facts.yaml"
    text = brief(facts, tmp_path, "en_GB", OPEN)
    assert "over the project £353,000, net £103,000; payback" in text
