"""With too few figures for any chart, the money is the plan's full rate, and the notes say so.

The frailty ward (examples/frailty-virtual-ward) is logged monthly from
January 2027; its admissions change takes effect in June 2027. With the log
cut after June 2027, a note of 10 July 2027 has 6 figures, fewer than the 8
a chart needs (docs/spc.md), so nothing can be told from them either way.
The year under way, 2027/28, counts nothing for June, the month logged since
the change, and the plan's full rate for the rest of the year: 200 fewer
admissions a year at £2,171.07 (2027/28 prices) is £434,214 a year, of which
July to March, 275 of 366 days, is £326,254, shown £326,000 (newuser32 #3: it
had the plan's rate for June too, £362,000). The finance block says why (the
log has 6 figures and a chart needs 8); the update's "Delivered so far" says
the same of its money.
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
        # fixbrief28: a year's funding is "against £X" alone, "of funding" once in the lead.
        "2027/28 £326,000 forecast against £202,000 (nothing counted to the end of "
        "June 2027: the "
        "log has 6 figures, too few to show a change yet, and a chart needs 8; the plan's full "
        "rate for the rest of the year)",
        "(6 so far; a chart needs 8), so no money is counted yet",
    ),
    "cy_GB": (
        "2027/28 £326,000 a ragwelir yn erbyn £202,000 (ni chyfrifir dim hyd at ddiwedd "
        "Mehefin 2027: "
        "dim ond 6 ffigur sydd yn y cofnod cynnydd, rhy ychydig i ddangos newid eto, ac mae "
        "angen 8 ar siart; cyfradd lawn y cynllun am weddill y flwyddyn)",
        "(6 hyd yma; mae angen 8 ar siart), felly nid oes arian wedi'i gyfrif eto",
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
