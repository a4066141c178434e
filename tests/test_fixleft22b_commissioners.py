"""An ICB's commissioners are read as commissioners, not as Directors of Strategy.

newuser24 #5: "ICB UEC commissioner" was "read as: Director of Strategy", with
a strategy director's gains (the Board Assurance Framework) and questions. A
title with "commissioning" or "commissioner" in it, or one naming an ICB when
nothing stronger does, now reads through a commissioner's lens: the
pathway's outcomes and its spend.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from typer.testing import Result

from documenttext import document_text
from fixedday import pin_today

Cli = Callable[..., Result]

PROJECT = Path(__file__).parent / "data" / "fixnew26"

#: Commissioners' titles as a PA would type them.
COMMISSIONERS = [
    ("uec", "Dana Reid", "Director of Urgent and Emergency Care Commissioning",
     "Reduce avoidable emergency admissions across the system"),
    ("adc", "Owen Price", "Associate Director, UEC Commissioning (ICB)", ""),
    ("icbc", "Lara Hughes", "ICB UEC Commissioner",
     "Reduce emergency admissions of housebound people"),
    ("uecl", "Sam Bryn", "Urgent Care Lead, Northvale ICB", "Cut avoidable conveyances"),
]  # fmt: skip


@pytest.fixture(autouse=True)
def _fixed_day(monkeypatch: pytest.MonkeyPatch) -> None:
    pin_today(monkeypatch, dt.date(2026, 12, 6))


def team(folder: Path, extra: list[tuple[str, str, str, str]] = COMMISSIONERS) -> Path:
    """newuser26's team (a community trust, two ICB directors) and ``extra``, as a CSV."""
    for name in ("facts.yaml", "log.xlsx"):
        shutil.copy(PROJECT / name, folder / name)
    sheet = openpyxl.load_workbook(PROJECT / "team.xlsx").active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))[2:]
    path = folder / "team.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "name", "role", "objectives"])
        writer.writerows([row[:4] for row in rows])
        writer.writerows(extra)
    return path


def directors(cli: Cli, folder: Path, *extra: str) -> Result:
    result = cli("directors", str(folder / "facts.yaml"), "--directors", str(team(folder)), *extra)
    assert result.exit_code == 0, result.output
    return result


def test_commissioners_read_as_commissioners(cli: Cli, tmp_path: Path) -> None:
    ranked = json.loads(directors(cli, tmp_path, "--json").stdout)["directors"]
    lens = {d["id"]: d["lens"] for d in ranked}
    assert [lens[key] for key, *_ in COMMISSIONERS] == ["commissioner"] * 4
    # The ICB's finance and strategy directors keep their own lenses, as does the trust's team.
    assert lens["icb-cfo"] == "finance"
    assert lens["icb-dst"] == "strategy"
    assert lens["coo"] == "operations"
    # A commissioner with no objectives of their own is given a commissioner's.
    owen = next(d for d in ranked if d["id"] == "adc")
    assert [o["text"] for o in owen["every_objective"]] == [
        "Commission services that meet the population's needs",
        "Hold providers to the standards in their contracts",
        "Get the best value from the system's budget",
        "Reduce unwarranted variation between places and providers",
    ]


def test_the_reading_is_said_in_english_and_welsh(cli: Cli, tmp_path: Path) -> None:
    english = " ".join(directors(cli, tmp_path).output.split())
    assert (
        "Dana Reid (uec), Director of Urgent and Emergency Care Commissioning "
        "(read as: Commissioner)" in english
    ), english
    assert "(read as: Director of Strategy)" not in english
    welsh = " ".join(directors(cli, tmp_path, "--locale", "cy_GB").output.split())
    assert "Comisiynydd)" in welsh, welsh


def test_an_acute_trusts_director_of_strategy_is_read_as_before(cli: Cli, tmp_path: Path) -> None:
    strategy = [("dos", "Ann Lee", "Director of Strategy and Partnerships", "")]
    team(tmp_path, strategy)
    result = cli(
        "directors", str(tmp_path / "facts.yaml"), "--directors", str(tmp_path / "team.csv"),
        "--json",
    )  # fmt: skip
    ranked = json.loads(result.stdout)["directors"]
    ann = next(d for d in ranked if d["id"] == "dos")
    assert ann["lens"] == "strategy"
    assert ann["every_objective"][0]["text"] == (
        "Deliver the strategic objectives in the system plan"
    )


def test_a_commissioners_note_offers_what_a_commissioner_values(cli: Cli, tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    directors(cli, tmp_path)
    out = tmp_path / "uec.docx"
    result = cli(
        "brief", str(facts), "-d", "uec", "--directors", str(tmp_path / "team.csv"), "-o",
        str(out),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = " ".join(document_text(out.read_bytes()).split())
    assert "Evidence of what the pathway's money buys, for the next commissioning round" in text
    assert "Board Assurance Framework review" not in text


def test_the_ranking_reason_holds_for_a_commissioner(cli: Cli, tmp_path: Path) -> None:
    # Lara Hughes's one objective is served by the admissions impact (the measure map);
    # the reason directors prints for her says so, and nothing it cannot show.
    ranked = json.loads(directors(cli, tmp_path, "--json").stdout)
    lara = next(d for d in ranked["directors"] if d["id"] == "icbc")
    assert [(link["impact"], link["objective"]) for link in lara["links"]] == [
        ("emergency-admissions-housebound", "emergency-admissions")
    ]
    text = " ".join(directors(cli, tmp_path).output.split())
    assert "Lara Hughes (icbc), ICB UEC Commissioner Score:" in text
    assert (
        "emergency-admissions-housebound → emergency-admissions: measure map: both measure "
        "emergency admissions" in text
    )


def test_an_icb_named_in_a_title_gives_way_to_any_role_word() -> None:
    from pitchkit.recast.lenses import match_role

    # Read as they were before: a role word wins over the organisation's name.
    assert match_role("ICB Director of Delivery and Performance") == ("operations", "Delivery")
    assert match_role("ICB Chief Finance Officer") == ("finance", "Chief Finance Officer")
    assert match_role("Director of Strategy") == ("strategy", "Strategy")
    # Only the ICB says whose the role is.
    assert match_role("ICB Director of Urgent and Emergency Care") == ("commissioner", "ICB")
    assert match_role("Cyfarwyddwr Comisiynu") == ("commissioner", "Comisiynu")
