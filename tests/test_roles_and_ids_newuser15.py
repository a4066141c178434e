"""newuser15 #8: a medicines role finds a lens, a Welsh role is not listed twice over, and
"Reduce length of stay" keeps its meaning in its id."""

from __future__ import annotations

from pathlib import Path

from pitchkit.facts.directors import objective_id
from pitchkit.recast.lenses import match_role
from test_cli_team_file import (
    EXAMPLE,
    Cli,
    facts_without_directors,
    meeting_with,
    team_sheet,
    with_supports,
)

TEAM = [
    ["id", "name", "role", "objectives"],
    ["coo", "Tom Okafor", "Chief Operating Officer", "Reduce length of stay\nImprove flow"],
    [
        "dmo",
        "Gareth Lewis",
        "Director of Medicines Optimisation",
        "Reduce cardiovascular events through medicines optimisation",
    ],
]


def test_pharmacy_and_medicines_roles_read_as_the_medical_lens() -> None:
    for role in (
        "Director of Medicines Optimisation",
        "Chief Pharmacist",
        "Director of Pharmacy",
        "Prif Fferyllydd",
    ):
        found = match_role(role)
        assert found is not None, role
        assert found[0] == "medical", (role, found)
    # A nursing title that also names medicines is still the nurse's.
    found = match_role("Executive Director of Nursing, AHPs and Medicines Optimisation")
    assert found is not None
    assert found[0] == "nursing"


def test_length_of_stay_keeps_its_meaning_and_a_link_written_before_keeps_working(
    cli: Cli, tmp_path: Path
) -> None:
    assert objective_id("Reduce length of stay") == "length-of-stay"
    assert objective_id("Reduce the Length of Stay for over 75s") == "length-of-stay"
    facts = facts_without_directors(tmp_path)
    meeting_with(facts, "coo")
    team = team_sheet(tmp_path / "team.csv", TEAM)
    shown = cli("directors", str(facts), "--directors", str(team))
    assert shown.exit_code == 0, shown.stderr
    words = " ".join(shown.stdout.split())
    assert "coo.length-of-stay: Reduce length of stay" in words, words
    # The Director of Medicines Optimisation has a lens: not the general one.
    assert "Director of Medicines Optimisation (read as: Medical Director)" in words, words
    # "coo.length", as pitchkit named it before, still links.
    with_supports(facts, "coo.length")
    kept = cli("directors", str(facts), "--directors", str(team))
    assert kept.exit_code == 0, kept.stderr
    assert "coo.length: Reduce length of stay" in " ".join(kept.stdout.split())


def test_a_welsh_role_the_lens_names_nearly_alike_is_shown_once(cli: Cli, tmp_path: Path) -> None:
    facts = facts_without_directors(tmp_path, EXAMPLE.parent / "ysbyty-cymunedol")
    team = team_sheet(
        tmp_path / "team.csv",
        [
            ["id", "name", "role", "objectives"],
            [
                "ther",
                "Elin Mathias",
                "Cyfarwyddwr Therapïau a Gwyddorau Iechyd",
                "Cynyddu mynediad at adsefydlu",
            ],
        ],
    )
    meeting_with(facts, "ther")
    shown = cli("directors", str(facts), "--directors", str(team))
    assert shown.exit_code == 0, shown.stderr
    words = " ".join(shown.stdout.split())
    assert "Elin Mathias (ther), Cyfarwyddwr Therapïau a Gwyddorau Iechyd" in words, words
    assert "Gwyddor Iechyd" not in words, words
