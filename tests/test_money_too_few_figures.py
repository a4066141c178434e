"""With too few figures for any chart, the money is the plan's full rate, and the notes say so.

The frailty ward (examples/frailty-virtual-ward) is logged monthly from
January 2027; its admissions change takes effect in June 2027. With the log
cut after June 2027, a note of 10 July 2027 has 6 figures, fewer than the 8
a chart needs (docs/spc.md), so nothing can be told from them either way.
The year under way, 2027/28, stays at the plan's full rate: 200 fewer
admissions a year at £2,171.03 (2027/28 prices) is £434,207 a year, of which
June to March, 305 of 366 days, is £361,839, shown £362,000. The finance
block says that figure is the plan's rate because the log has 6 figures and
a chart needs 8; the update's "Delivered so far" says the same of its money.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from docchecks import docx_text
from pitchkit.api import BriefRequest, UpdateRequest, write_brief, write_update

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FRAILTY = EXAMPLES / "frailty-virtual-ward" / "facts.yaml"
TODAY = dt.date(2027, 7, 10)


def _facts(tmp: Path) -> Path:
    yaml = YAML()
    data: Any = yaml.load(FRAILTY.read_text(encoding="utf-8"))
    data["updates"] = [u for u in data["updates"] if str(u["period"]) <= "2027-06"]
    path = tmp / "facts.yaml"
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)
    return path


def _text(written: tuple[Path, ...] | list[Path]) -> str:
    [path] = written
    return " ".join(docx_text(path).split())


WORDS = {
    "en_GB": (
        "2027/28 £362,000 forecast for £202,000 (at the plan's full rate: the log has 6 figures "
        "to the end of June 2027, too few to show a change yet; a chart needs 8)",
        "(6 so far; a chart needs 8), so its money is forecast at the plan's full rate for now",
    ),
    "cy_GB": (
        "2027/28 £362,000 a ragwelir am £202,000 (ar gyfradd lawn y cynllun: dim ond 6 ffigur "
        "sydd yn y cofnod cynnydd hyd at ddiwedd Mehefin 2027, rhy ychydig i ddangos newid eto; "
        "mae angen 8 ar siart)",
        "(6 hyd yma; mae angen 8 ar siart), felly rhagwelir ei arian ar gyfradd lawn y cynllun",
    ),
}


@pytest.mark.parametrize("locale", ["en_GB", "cy_GB"])
def test_the_plans_rate_is_said_to_be_the_plans_with_too_few_figures(
    tmp_path: Path, locale: str
) -> None:
    facts = _facts(tmp_path)
    block, update_words = WORDS[locale]
    request = BriefRequest(
        facts=facts, director="dof", out=tmp_path / "b", today=TODAY, locale=locale
    )
    brief = _text(write_brief(request).written)
    assert block in brief
    update = _text(
        write_update(
            UpdateRequest(facts, "dof", tmp_path / "u", period="2027-06", locale=locale)
        ).written
    )
    assert update_words in update
