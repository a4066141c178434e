"""newuser13 #12: objective ids, read back from ``pitchkit directors`` as a lead sees them.

Objectives written ``{en: ..., cy: ...}`` take their ids from the English in
either language; ids neither end on a Welsh preposition nor start with a
Welsh verb; a name known by its initials, and "GP" before "and", make the id;
the README's own examples still hold; a link written with an id made before
keeps working, and ids given in full never change.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from pitchkit.facts.directors import objective_id

Cli = Callable[..., Result]
README = Path(__file__).resolve().parent.parent / "README.md"

FACTS = """\
project:
  title: Adolygu meddyginiaethau mewn cartrefi gofal
  organisation: Bwrdd Iechyd Prifysgol Hywel Dda
  lead: {name: Siân Pritchard, role: Fferyllydd Arweiniol}
  problem: {en: Care home residents take too many medicines., cy: Mae preswylwyr yn cymryd gormod.}
  change: {en: Pharmacists review every resident., cy: Mae fferyllwyr yn adolygu pob preswylydd.}
impacts:
  - id: gwariant
    measure: {en: Spend on medicines for care home residents, cy: Gwariant ar feddyginiaethau}
    unit: £
    per: year
    baseline: 1200000
    target: 1100000
    releases: cash
asks: [{en: Sponsor the project, cy: Noddi'r prosiect}]
directors:
  - id: cyllid
    name: Huw Bevan
    role: {en: Director of Finance, cy: Cyfarwyddwr Cyllid}
    objectives:
      - {en: Deliver the £32m savings plan, cy: Cyflawni'r cynllun arbedion £32m}
      - en: Bring primary care prescribing spend within budget
        cy: Dod â gwariant rhagnodi gofal sylfaenol o fewn y gyllideb
      - {id: given-id, text: {en: Keep this id, cy: Cadw'r id hwn}}
  - id: gweithredu
    name: Gareth Morgan
    role: {en: Chief Operating Officer, cy: Prif Swyddog Gweithredu}
    objectives:
      - en: Cut ambulance handover delays
        cy: Lleihau oedi wrth drosglwyddo cleifion o ambiwlansys
      - Lleihau oedi wrth drosglwyddo cleifion i ofal cymdeithasol
settings: {locale: LOCALE}
"""


def every_objective(cli: Cli, facts: Path, *more: str) -> list[str]:
    result = cli("directors", str(facts), "--json", *more)
    assert result.exit_code == 0, result.output
    return [
        f"{d['id']}.{o['id']}"
        for d in json.loads(result.stdout)["directors"]
        for o in d["every_objective"]
    ]


@pytest.mark.parametrize("locale", ["cy_GB", "en_GB"])
def test_an_objective_written_in_both_languages_takes_its_id_from_the_english(
    cli: Cli, tmp_path: Path, locale: str
) -> None:
    facts = tmp_path / "ffeithiau.yaml"
    facts.write_text(FACTS.replace("LOCALE", locale), encoding="utf-8")
    assert every_objective(cli, facts) == [
        "cyllid.savings-plan",
        "cyllid.primary-care",
        "cyllid.given-id",
        "gweithredu.ambulance-handover",
        # Welsh only: no id ending on "wrth" (a preposition).
        "gweithredu.oedi-drosglwyddo",
    ]


def test_a_link_to_the_english_id_is_read_in_welsh(cli: Cli, tmp_path: Path) -> None:
    facts = tmp_path / "ffeithiau.yaml"
    text = FACTS.replace("LOCALE", "cy_GB")
    facts.write_text(
        text.replace(
            "    releases: cash\n", "    releases: cash\n    supports: [cyllid.primary-care]\n"
        ),
        encoding="utf-8",
    )
    result = cli("check", str(facts), "-d", "cyllid")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Embed the Patient and Carer Race Equality Framework", "pcref"),
        ("Free GP and practice nurse time", "gp-time"),
        ("Lleihau oedi wrth drosglwyddo cleifion o ambiwlansys", "oedi-drosglwyddo"),
        ("Dod â gwariant rhagnodi gofal sylfaenol o fewn y gyllideb", "gwariant-rhagnodi"),
        # Unchanged: a title written all in capitals is not shortened to initials.
        ("Cut Waits for Cancer Treatment", "waits-cancer-treatment"),
    ],
)
def test_ids_name_the_subject(text: str, expected: str) -> None:
    assert objective_id(text) == expected


def test_the_readmes_id_examples_hold() -> None:
    text = " ".join(README.read_text(encoding="utf-8").split())
    start = text.index("Each objective gets a short id")
    end = text.index("keeps working: that objective")
    examples = re.findall(r'"([^"]+)" is `([a-z0-9-]+)`', text[start:end])
    assert len(examples) >= 20
    for written, expected in examples:
        if written.startswith("..."):
            written = "Reduce the number of patients with no criteria to reside (NCTR)"
        assert objective_id(written) == expected, written


def test_a_link_written_with_the_id_made_before_keeps_working(cli: Cli, tmp_path: Path) -> None:
    """``dnq.carer-race``, as newuser13's team sheet gave it, still names PCREF."""
    team = tmp_path / "team.csv"
    team.write_text(
        "id,name,role,objectives\n"
        "dnq,Karen Whitfield,Director of Nursing and Quality,"
        '"Improve patient experience of crisis services; '
        'Embed the Patient and Carer Race Equality Framework"\n',
        encoding="utf-8",
    )
    facts = tmp_path / "facts.yaml"
    text = FACTS.replace("LOCALE", "en_GB")
    facts.write_text(
        text.replace(
            "    releases: cash\n", "    releases: cash\n    supports: [dnq.carer-race]\n"
        ),
        encoding="utf-8",
    )
    assert "dnq.carer-race" in every_objective(cli, facts, "--directors", str(team))
    facts.write_text(text, encoding="utf-8")
    assert every_objective(cli, facts, "--directors", str(team)) == [
        "dnq.experience-crisis-services",
        "dnq.pcref",
    ]
