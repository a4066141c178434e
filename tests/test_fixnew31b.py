"""Welsh that newuser31's Welsh-speaking director read, read back from the commands.

The project is newuser31's community ear care service at Hywel Dda
(``tests/data/fixnew31b``: its facts, team sheet and log, with the unit
"pathways" given in Welsh as the lead did). Each test runs the command as the
lead did and reads the Welsh back from the document or the message.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from documenttext import document_text
from pitchkit.i18n import fmt
from pitchkit.i18n.translation import language
from pitchkit.i18n.welshtitle import elided, welsh_subject

Cli = Callable[..., Result]

PROJECT = Path(__file__).parent / "data" / "fixnew31b"


@pytest.fixture
def facts(tmp_path: Path) -> Path:
    for name in ("facts.yaml", "log.xlsx", "team.xlsx"):
        shutil.copy(PROJECT / name, tmp_path / name)
    return tmp_path / "facts.yaml"


def document(cli: Cli, facts: Path, command: str, director: str, *extra: str) -> str:
    out = facts.parent / f"{command}-{director}.docx"
    team = str(facts.parent / "team.xlsx")
    result = cli(command, str(facts), "--directors", team, "-d", director, "-o", str(out), *extra)
    assert result.exit_code == 0, result.output
    return " ".join(document_text(out.read_bytes()).split())


def check(cli: Cli, facts: Path, director: str) -> str:
    team = str(facts.parent / "team.xlsx")
    result = cli("check", str(facts), "--directors", team, "-d", director)
    return " ".join(result.stdout.split())


# The article before a title that is a common noun, in every sentence that makes it a subject.


@pytest.mark.parametrize(
    ("title", "sentence"),
    [
        ("Gwasanaeth gofal clust cymunedol", "Mae'r gwasanaeth gofal clust cymunedol yn"),
        ("Canolfan asesu eiddilwch", "Mae'r ganolfan asesu eiddilwch yn"),
        ("Canolfan Ddysgu Glan Clwyd", "Mae'r Ganolfan Ddysgu Glan Clwyd yn"),
        ("Uned asesu eiddilwch", "Mae'r uned asesu eiddilwch yn"),
        ("Rhaglen atal cwympiadau", "Mae'r rhaglen atal cwympiadau yn"),
        ("Hyb gofal yr un diwrnod", "Mae'r hyb gofal yr un diwrnod yn"),
        ("Y Tîm Rhyddhau", "Mae'r Tîm Rhyddhau yn"),
        # Not a noun pitchkit knows: written after "y prosiect", in quotes.
        ("Ysbyty yn y Cartref", "Mae'r prosiect “Ysbyty yn y Cartref” yn"),
        # A name takes no article.
        ("Cwtsh", "Mae Cwtsh yn"),
        ("Ear Care Wales", "Mae Ear Care Wales yn"),
    ],
)
def test_a_title_as_a_welsh_subject(title: str, sentence: str) -> None:
    assert elided(f"Mae {welsh_subject(title)} yn") == sentence


def test_the_brief_puts_the_article_before_the_service(cli: Cli, facts: Path) -> None:
    text = document(cli, facts, "brief", "coo")
    assert (
        "Bydd y gwasanaeth gofal clust cymunedol yn cyfrannu at eich amcan, sef “Neb yn aros"
        in text
    ), text
    assert "Bydd Gwasanaeth" not in text
    assert "helpu gyda" not in text


def test_a_brief_that_links_to_nothing_says_nid_ywr(cli: Cli, facts: Path) -> None:
    text = document(cli, facts, "brief", "dwod")
    assert "Nid yw'r gwasanaeth gofal clust cymunedol yn cysylltu â'ch amcanion eto" in text, text


def test_the_board_sentence_names_the_services_team(cli: Cli, facts: Path) -> None:
    text = document(cli, facts, "update", "coo", "--period", "2026-11")
    assert "Mae tîm y gwasanaeth gofal clust cymunedol yn adrodd bod y prosiect" in text, text
    assert "sy'n cynnal" not in text


# The plan's figures with a verb: "Yn ôl y cynllun, bydd … yn gostwng o 140 i 40".


def test_the_plan_has_a_verb(cli: Cli, facts: Path) -> None:
    text = document(cli, facts, "brief", "coo")
    assert (
        "Yn ôl y cynllun, bydd atgyfeiriadau ENT arferol oedolion am gwyr clust yn gostwng o 140 "
        "i 40 atgyfeiriad y mis: 100 yn llai y mis" in text
    ), text
    assert "Yn y cynllun," not in text


# Two conditions for capacity to become money: two clauses, "pan … a phan …".


def test_capacity_becomes_money_in_two_clauses(cli: Cli, facts: Path) -> None:
    text = document(cli, facts, "brief", "dof")
    assert (
        "dim ond yn troi'n arian pan gaiff yr hyn a ryddheir ei dorri neu ei ddefnyddio ar gyfer "
        "gwaith â thâl a phan ddaw sesiynau clinig neu weithgarwch a allanolwyd i ben." in text
    ), text


# A Welsh list has no comma before "a"; a unit in a sentence is the Welsh plural.


def test_the_whole_team_list_has_no_comma_before_a(cli: Cli, facts: Path) -> None:
    text = check(cli, facts, "dof")
    assert "Lisa Gostling a Dr Ardiana Gjini." in text, text
    assert ", a Dr" not in text


def test_a_unit_in_a_check_message_is_welsh(cli: Cli, facts: Path) -> None:
    text = check(cli, facts, "dof")
    assert "Mae impacts[2] (gp-appointments) yn cyfrif apwyntiadau ond" in text, text


def test_join_list_and_unit_plural() -> None:
    cy, en = language("cy_GB"), language("en_GB")
    assert fmt.join_list(["Huw", "Lisa", "Ardiana"], cy) == "Huw, Lisa ac Ardiana"
    assert fmt.join_list(["Huw", "Lisa", "Ardiana"], en) == "Huw, Lisa and Ardiana"
    assert fmt.unit_plural("appointments", cy) == "apwyntiadau"
    assert fmt.unit_plural("bed days", cy) == "diwrnodau gwely"
    assert fmt.unit_plural("pathways", cy) == "pathways"  # not known: as written
    assert fmt.unit_plural("appointments", en) == "appointments"


# Messages corrected where the Welsh was a calque, cut off or mispunctuated.


def test_checks_welsh_reads_naturally(cli: Cli, facts: Path) -> None:
    text = check(cli, facts, "dof")
    assert "Ewch i'w gweld mor gynnar â phosibl, cyn gynted ag y gallwch egluro" in text, text
    assert "cysylltwch effaith â 'supports: [dof.AMCAN]'" in text, text
    assert "Os yw'r prosiect yn helpu i fynd i'r afael ag un ohonyn nhw" in text, text


def test_the_update_says_every_figure_is_to_be_seen_above(cli: Cli, facts: Path) -> None:
    text = document(cli, facts, "update", "coo", "--period", "2026-11")
    assert "mae pob ffigur i'w weld uchod." in text, text


@pytest.mark.parametrize(
    ("english", "welsh"),
    [
        ("Amber: some risk, being managed", "Ambr: rhywfaint o risg sy'n cael ei rheoli"),
        (
            "Which organisation is it in (the trust, health board or ICB)?",
            "Ym mha sefydliad mae'r prosiect (yr ymddiriedolaeth, y bwrdd iechyd neu'r bwrdd "
            "gofal integredig)?",
        ),
        (
            "How far has the funding got: requested, agreed, or something else?",
            "Beth yw statws y cyllid: gofynnwyd amdano, cytunwyd arno, neu rywbeth arall?",
        ),
        ("A&E attendance", "Presenoldeb yn yr Adran Achosion Brys"),
        ("Outpatient attendance", "Apwyntiad claf allanol"),
        ("NHS reference costs 2016/17", "Costau cyfeirio'r GIG 2016/17"),
        ("a fix that sticks for a known pinch point", "ateb parhaol i dagfa gyfarwydd"),
    ],
)
def test_welsh_wording(english: str, welsh: str) -> None:
    assert language("cy_GB").gettext(english) == welsh
