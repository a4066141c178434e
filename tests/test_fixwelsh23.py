"""Welsh that review23 and newuser33 found wrong, read back from the commands and messages.

The project is newuser31's community ear care service at Hywel Dda
(``tests/data/fixnew31b``), changed where a test needs a case the file does not hold.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from documenttext import document_text
from pitchkit.i18n.welshtitle import welsh_subject

Cli = Callable[..., Result]

PROJECT = Path(__file__).parent / "data" / "fixnew31b"


@pytest.fixture
def facts(tmp_path: Path) -> Path:
    for name in ("facts.yaml", "log.xlsx", "team.xlsx"):
        shutil.copy(PROJECT / name, tmp_path / name)
    return tmp_path / "facts.yaml"


def document(cli: Cli, facts: Path, command: str, director: str, *extra: str) -> str:
    out = facts.parent / f"{command}-{director}-{len(extra)}.docx"
    team = str(facts.parent / "team.xlsx")
    result = cli(command, str(facts), "--directors", team, "-d", director, "-o", str(out), *extra)
    assert result.exit_code == 0, result.output
    return " ".join(document_text(out.read_bytes()).split())


def edit(facts: Path, old: str, new: str) -> None:
    text = facts.read_text(encoding="utf-8")
    assert old in text
    facts.write_text(text.replace(old, new), encoding="utf-8")


# review23 bug 1: the plan's verb goes after the whole measure, even one naming an age ("o 75").


def test_the_plan_verb_follows_a_measure_that_names_an_age(cli: Cli, facts: Path) -> None:
    edit(
        facts,
        "cy: Atgyfeiriadau ENT arferol oedolion am gwyr clust",
        "cy: Atgyfeiriadau ENT cleifion o 75 oed a hŷn",
    )
    edit(
        facts,
        "en: Routine adult ENT referrals for earwax",
        "en: ENT referrals of patients aged 75 and over",
    )
    welsh = document(cli, facts, "brief", "coo")
    assert (
        "Yn ôl y cynllun, bydd atgyfeiriadau ENT cleifion o 75 oed a hŷn yn gostwng o 140 i 40 "
        "atgyfeiriad y mis" in welsh
    ), welsh
    assert "bydd atgyfeiriadau ENT cleifion yn gostwng" not in welsh
    english = document(cli, facts, "brief", "coo", "--locale", "en_GB")
    # fixnu39a: the English plan bullet has a verb too.
    assert (
        "ENT referrals of patients aged 75 and over will fall from 140 to 40 referrals a month"
        in english
    ), english


# newuser33: the "so far" sentences have a verb in Welsh; the English keeps its note style.


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        (
            (),
            [
                "Hyd yma, bu 237 atgyfeiriad yn llai, Gorffennaf – Tachwedd 2026.",
                "Erbyn mis Tachwedd 2026, y ffigur oedd 1,235 llwybr: newid parhaus ers Gorffennaf "
                "2026.",
            ],
        ),
        (
            ("--locale", "en_GB"),
            [
                "So far 237 fewer referrals, July to November 2026.",
                "So far 1,235 pathways in November 2026: a sustained change since July 2026.",
            ],
        ),
    ],
)
def test_so_far_reads_as_a_sentence(
    cli: Cli, facts: Path, extra: tuple[str, ...], said: list[str]
) -> None:
    text = document(cli, facts, "brief", "coo", *extra)
    for sentence in said:
        assert sentence in text, text
    assert "Hyd yma 237" not in text
    assert "Hyd yma 1,235" not in text


# newuser33: the update's chart captions and heading in Welsh.


# The trend counts its months from the change in July 2026 on (newuser36 #1): 5, where it
# was 7 from May, two months before the change.
@pytest.mark.parametrize(
    ("extra", "said", "unsaid"),
    [
        (
            (),
            ["Arwydd: tuedd o 5 mis yn gostwng", "Yr hyn a wnaed y cyfnod hwn"],
            ["Signal", "Wedi'i wneud"],
        ),
        (("--locale", "en_GB"), ["Signal: a trend of 5 months falling", "Done this period"], []),
    ],
)
def test_the_update_says_signal_and_done_in_welsh(
    cli: Cli, facts: Path, extra: tuple[str, ...], said: list[str], unsaid: list[str]
) -> None:
    text = document(cli, facts, "update", "coo", *extra)
    for words in said:
        assert words in text, text
    for words in unsaid:
        assert words not in text, text


# newuser33: a Welsh health board's regulator is Healthcare Inspectorate Wales.


@pytest.mark.parametrize(
    ("extra", "gain"),
    [
        (
            (),
            "Astudiaeth achos i'w dangos i bartneriaid rhanbarthol ac Arolygiaeth Gofal Iechyd "
            "Cymru",
        ),
        (
            ("--locale", "en_GB"),
            "A case study to show regional partners and Healthcare Inspectorate Wales",
        ),
    ],
)
def test_a_welsh_body_shows_its_case_study_to_hiw(
    cli: Cli, facts: Path, extra: tuple[str, ...], gain: str
) -> None:
    text = document(cli, facts, "brief", "ceo", *extra)
    assert gain in text, text
    assert "rheoleiddiwr" not in text
    assert "system partners" not in text


def test_an_english_trust_keeps_system_partners_and_the_regulator(cli: Cli, facts: Path) -> None:
    edit(facts, "Hywel Dda University Health Board", "Riverside NHS Foundation Trust")
    text = document(cli, facts, "brief", "ceo", "--locale", "en_GB")
    assert "A case study to show system partners and the regulator" in text, text


# review23 risks 4 and 5: an English title is quoted, as every item shown as written is.


@pytest.mark.parametrize(
    ("title", "english", "subject"),
    [
        ("Model of care", True, "y prosiect “Model of care”"),
        ("Ward 7 frailty unit", True, "y prosiect “Ward 7 frailty unit”"),
        ("Community ear care", True, "y prosiect “Community ear care”"),
        ("Ear Care Wales", True, "Ear Care Wales"),
        ("Model gofal newydd", False, "y model gofal newydd"),
        ("Clinigau clust cymunedol", False, "y clinigau clust cymunedol"),
        ("Ysbyty yn y Cartref", False, "y prosiect “Ysbyty yn y Cartref”"),
        ("HWB GOFAL", False, "yr HWB GOFAL"),
        ("CANOLFAN ASESU", False, "y GANOLFAN ASESU"),
        ("Hwb", False, "Hwb"),
        ("Prosiect", False, "Prosiect"),
    ],
)
def test_a_title_as_a_welsh_subject(title: str, english: bool, subject: str) -> None:
    assert welsh_subject(title, english=english) == subject


@pytest.mark.parametrize(
    ("extra", "said", "unsaid"),
    [
        ((), "prosiect “Model of care”", "y model of care"),
        (("--locale", "en_GB"), "Model of care", "“Model of care”"),
    ],
)
def test_an_english_title_in_a_welsh_note_is_quoted(
    cli: Cli, facts: Path, extra: tuple[str, ...], said: str, unsaid: str
) -> None:
    edit(
        facts,
        "    en: Community ear care service\n    cy: Gwasanaeth gofal clust cymunedol\n",
        "    en: Model of care\n",
    )
    text = document(cli, facts, "brief", "coo", *extra)
    assert said in text, text
    assert unsaid not in text


def test_the_update_board_sentence_quotes_an_english_title(cli: Cli, facts: Path) -> None:
    edit(
        facts,
        "    en: Community ear care service\n    cy: Gwasanaeth gofal clust cymunedol\n",
        "    en: Model of care\n",
    )
    text = document(cli, facts, "update", "coo")
    assert "Mae tîm y prosiect “Model of care” yn adrodd" in text, text
