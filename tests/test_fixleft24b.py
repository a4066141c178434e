"""Welsh that the last trials left open (fixleft24b), read back from the rendered documents.

The projects are the bundled examples: the frailty virtual ward (an English facts file)
and the same-day hub at a Welsh community hospital (``ysbyty-cymunedol``), both written in
Welsh with ``--locale cy_GB``.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from documenttext import document_text
from fixedday import pin_today
from pitchkit.facts.orgkind import kind_of
from pitchkit.i18n import fmt
from pitchkit.i18n.translation import language
from pitchkit.i18n.welshbodies import is_welsh_body
from pitchkit.i18n.welshtitle import named_again
from pitchkit.init.orgkind import organisation_kind
from podcases import AGENCY, TEAM, pod_with

Cli = Callable[..., Result]

EXAMPLES = Path(__file__).parent.parent / "examples"


def project(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name
    shutil.copytree(EXAMPLES / name, folder)
    return folder / "facts.yaml"


def document(cli: Cli, facts: Path, command: str, director: str, *extra: str) -> str:
    out = facts.parent / f"{command}-{director}-{len(extra)}.docx"
    result = cli(command, str(facts), "-d", director, "-o", str(out), "--locale", "cy_GB", *extra)
    assert result.exit_code == 0, result.output
    return " ".join(document_text(out.read_bytes()).split())


# Item 5: the Welsh key to the charts lists the signals with no comma before "a".


def test_the_welsh_chart_key_has_no_comma_before_a(cli: Cli, tmp_path: Path) -> None:
    facts = project(tmp_path, "frailty-virtual-ward")
    welsh = document(cli, facts, "update", "dof")
    assert "symudiad o 7 pwynt, tuedd o 7 a dau o dri phwynt" in welsh, welsh
    assert "tuedd o 7, a dau" not in welsh


# Item 2: a count before a Welsh noun keeps the noun singular, mutated as the figure is read
# (fmt.counted, the one helper): "tua 4.8 gwely", not "tua 4.8 o welyau".


def test_a_welsh_brief_counts_beds_in_the_singular(cli: Cli, tmp_path: Path) -> None:
    facts = project(tmp_path, "frailty-virtual-ward")
    nursing = document(cli, facts, "brief", "don")
    assert "gostyngiad o 17%, tua 4.8 gwely." in nursing, nursing
    finance = document(cli, facts, "brief", "dof")
    assert "pan fydd tua 4.8 gwely'n cau (1,600 diwrnod gwely y flwyddyn" in finance, finance
    for welsh in (nursing, finance):
        assert "o welyau" not in welsh


@pytest.mark.parametrize(
    ("figure", "noun", "welsh", "english"),
    [
        ("8", "beds", "8 gwely", "8 beds"),
        ("2", "beds", "2 wely", "2 beds"),
        ("2", "bed days", "2 ddiwrnod gwely", "2 bed days"),
        ("3", "patients", "3 chlaf", "3 patients"),
        ("6", "patients", "6 chlaf", "6 patients"),
        ("3", "tonnes", "3 tunnell", "3 tonnes"),
        ("1", "tonnes", "1 dunnell", "1 tonne"),
        ("1", "operations", "1 llawdriniaeth", "1 operation"),
        ("2", "clinic sessions", "2 sesiwn glinig", "2 clinic sessions"),
        ("4.8", "beds", "4.8 gwely", "4.8 beds"),
        ("2", "nurses on shift", "2 nurses on shift", "2 nurses on shift"),
    ],
)
def test_counted_is_singular_and_mutated_in_welsh(
    figure: str, noun: str, welsh: str, english: str
) -> None:
    assert fmt.counted(figure, noun, language("cy_GB")) == welsh
    assert fmt.counted(figure, noun, language("en_GB")) == english


# Item 3: one reader of "is this a Welsh body" (i18n.welshbodies.is_welsh_body), asked by the
# notes and by facts.orgkind (and so init); "health board" alone does not make a body Welsh.

EAR_CARE = Path(__file__).parent / "data" / "fixnew31b"


def ear_care(tmp_path: Path, organisation: str) -> Path:
    for name in ("facts.yaml", "log.xlsx", "team.xlsx"):
        shutil.copy(EAR_CARE / name, tmp_path / name)
    facts = tmp_path / "facts.yaml"
    text = facts.read_text(encoding="utf-8")
    assert "Hywel Dda University Health Board" in text
    facts.write_text(text.replace("Hywel Dda University Health Board", organisation), "utf-8")
    return facts


def ceo_brief(cli: Cli, facts: Path) -> str:
    out = facts.parent / "ceo.docx"
    team = str(facts.parent / "team.xlsx")
    result = cli("brief", str(facts), "--directors", team, "-d", "ceo", "-o", str(out))
    assert result.exit_code == 0, result.output
    return " ".join(document_text(out.read_bytes()).split())


@pytest.mark.parametrize(
    ("organisation", "welsh"),
    [
        ("NHS Example Health Board", False),
        ("Betsi Cadwaladr UHB", True),
        ("Welsh Ambulance Services University NHS Trust", True),
    ],
)
def test_only_a_welsh_body_shows_its_case_study_to_hiw(
    cli: Cli, tmp_path: Path, organisation: str, welsh: bool
) -> None:
    text = ceo_brief(cli, ear_care(tmp_path, organisation))
    assert ("Arolygiaeth Gofal Iechyd Cymru" in text) is welsh, text
    assert ("rheoleiddiwr" in text) is not welsh, text


@pytest.mark.parametrize(
    ("organisation", "kind", "welsh"),
    [
        ("Hywel Dda University Health Board", "health-board", True),
        ("Bwrdd Iechyd Prifysgol Betsi Cadwaladr", "health-board", True),
        ("Powys Teaching Health Board", "health-board", True),
        ("Swansea Bay Health Board", "health-board", True),
        ("NHS Example Health Board", None, False),
        ("NHS Lothian Health Board", None, False),
        ("Velindre University NHS Trust", "welsh-trust", True),
        ("Welsh Ambulance Services University NHS Trust", "ambulance", True),
        ("Example NHS Foundation Trust", None, False),
    ],
)
def test_one_reader_of_a_welsh_body(organisation: str, kind: str | None, welsh: bool) -> None:
    assert kind_of(organisation) == kind
    assert is_welsh_body(organisation) is welsh
    assert organisation_kind(organisation) == (kind or "acute")


# Item 6: a Welsh finance note's years and their total at one precision, adding up: the hub's
# part years were £47,000 and £160,000, "dros y prosiect £207,000", for £206,420 of money.


def test_welsh_part_years_and_their_total_add_up(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pin_today(monkeypatch, dt.date(2026, 12, 4))
    facts = project(tmp_path, "ysbyty-cymunedol")
    welsh = document(cli, facts, "brief", "dof")
    assert (
        # fixbrief28: a year's funding is "against £X" alone, "of funding" once in the lead.
        "2026/27 £46,600 yn erbyn £21,600; 2027/28 £159,800 yn erbyn £74,400; "
        "dros y prosiect £206,400, "
        "net £110,400" in welsh
    ), welsh
    assert "£207,000" not in welsh


# Item 4: after its first mention a Menter Iaith is "y Fenter" in a Welsh sentence, not the
# kind pitchkit takes a name that says none to be ("yr ymddiriedolaeth").


def test_a_menter_iaith_is_named_y_fenter_again(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pin_today(monkeypatch, dt.date(2026, 12, 5))
    facts = pod_with(tmp_path, AGENCY)
    text = facts.read_text(encoding="utf-8")
    assert "Northfold Community Health NHS Trust" in text
    facts.write_text(
        text.replace("Northfold Community Health NHS Trust", "Menter Iaith Sir Benfro"), "utf-8"
    )
    out = tmp_path / "brief.docx"
    result = cli(
        "brief", str(facts), "--directors", str(TEAM), "-d", "dof", "-o", str(out), "-l", "cy_GB"
    )
    assert result.exit_code == 0, result.output
    welsh = " ".join(document_text(out.read_bytes()).split())
    assert "Menter Iaith Sir Benfro" in welsh  # the first mention, in full
    assert "nid arian i'r Fenter" in welsh, welsh
    assert "yn arian y Fenter ei hun" in welsh, welsh
    assert "ymddiriedolaeth" not in welsh


@pytest.mark.parametrize(
    ("organisation", "again"),
    [
        ("Menter Iaith Sir Benfro", "y Fenter"),
        ("Canolfan Byw'n Iach Dyffryn", "y Ganolfan"),
        ("Elusen Iechyd Hywel Dda", "yr Elusen"),
        ("Menter iaith leol", None),  # a phrase, not a name
        ("Bwrdd Iechyd Prifysgol Hywel Dda", None),  # named by its kind: y bwrdd iechyd
    ],
)
def test_named_again(organisation: str, again: str | None) -> None:
    assert named_again(organisation) == again


@pytest.mark.parametrize(
    ("n", "said"),
    [
        (1, "Cywirwyd 1 cysylltiad yn"),
        (2, "Cywirwyd 2 gysylltiad yn"),
        (3, "Cywirwyd 3 chysylltiad yn"),
        (6, "Cywirwyd 6 chysylltiad yn"),
        (12, "Cywirwyd 12 cysylltiad yn"),
    ],
)
def test_welsh_link_counts_are_singular_and_mutated(n: int, said: str) -> None:
    # The plural forms of the Welsh catalog are the figures that mutate (0, 1, 2, 3, 6,
    # other): each says the noun as fmt.counted does for a noun it knows, not "{n} o gysylltiadau".
    text = (
        language("cy_GB")
        .ngettext(
            "Corrected {n} link in {path}; added none.",
            "Corrected {n} links in {path}; added none.",
            n,
        )
        .format(n=n, path="facts.yaml")
    )
    assert text.startswith(said), text
