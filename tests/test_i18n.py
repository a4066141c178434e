"""Message catalogs, Welsh documents and locale handling."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po
from typer.testing import CliRunner

from docchecks import check_docx, docx_text, validate_ooxml
from pitchkit.cli import app
from pitchkit.errors import LocaleError
from pitchkit.facts.project import open_project, pick_director
from pitchkit.facts.schema import Director
from pitchkit.i18n import fmt
from pitchkit.i18n.translation import language, normalise_locale
from pitchkit.notes.brief import make_brief_note
from pitchkit.recast.lenses import all_lenses
from pitchkit.recast.localise import lens_text, localise_lens, localise_pitch
from pitchkit.recast.pitch import recast
from scriptmodules import load_script

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
WELSH_EXAMPLE = EXAMPLES / "ysbyty-cymunedol" / "facts.yaml"
FRAILTY = EXAMPLES / "frailty-virtual-ward" / "facts.yaml"
EN = language("en_GB")
CY = language("cy_GB")
DAY = dt.date(2026, 12, 3)


script = load_script("i18n")


@pytest.fixture(scope="module")
def extracted() -> Catalog:
    """What the code marks for translation today (a fresh template, never written)."""
    return script.extract_catalog()


@pytest.fixture(scope="module")
def welsh() -> Catalog:
    """The committed Welsh catalog."""
    return script.read_catalog(script.po_path("cy"), "cy")


# ---------------------------------------------------------------- the catalogs


def test_welsh_catalog_holds_exactly_the_messages_in_the_code(
    extracted: Catalog, welsh: Catalog
) -> None:
    in_code = {script.message_key(m) for m in extracted if m.id}
    in_catalog = {script.message_key(m) for m in welsh if m.id}
    assert not in_code - in_catalog, "run `python scripts/i18n.py` and translate what it adds"
    assert not in_catalog - in_code, "run `python scripts/i18n.py` to drop unused messages"
    assert len(in_code) > 300


def test_every_message_has_a_welsh_translation_keeping_its_placeholders(welsh: Catalog) -> None:
    problems = [p for m in welsh if m.id for p in script.message_problems(m)]
    assert problems == [], "\n".join(problems[:20])


def test_compiled_catalog_matches_the_po_file(welsh: Catalog) -> None:
    assert script.mo_path("cy").read_bytes() == script.mo_bytes(welsh)


def test_template_file_is_current(extracted: Catalog) -> None:
    assert script.same_po(script.TEMPLATE.read_bytes(), script.po_text(extracted))


def test_welsh_has_the_six_plural_forms_of_babels_locale_data(welsh: Catalog) -> None:
    assert welsh.num_plurals == 6
    assert welsh.plural_expr == Catalog(locale="cy").plural_expr
    plurals = [m for m in welsh if m.id and m.pluralizable]
    assert plurals, "some message should be plural"
    assert all(len(m.string) == 6 for m in plurals)


# ---------------------------------------------------------------- the checks themselves


@pytest.mark.parametrize(
    ("message", "problem"),
    [
        (Message("Runs from {start} to {end}.", "Yn rhedeg o {start}."), "drops ['end']"),
        (Message("{title} has delivered.", "Mae {title} {extra}."), "adds ['extra']"),
        (Message("{title} has delivered.", "Mae {teitl} wedi cyflawni."), "drops ['title']"),
        (Message("Barriers", ""), "no translation"),
        (Message("Barriers", "Rhwystrau", flags=["fuzzy"]), "fuzzy"),
        (
            Message(("{n} point", "{n} points"), ("{n} pwynt", "", "", "", "", "")),
            "no translation",
        ),
        (
            Message(("{n} point", "{n} points"), ("{n} pwynt", "pwynt", "", "", "", "")),
            "no translation",
        ),
    ],
)
def test_finds_missing_and_broken_translations(message: Message, problem: str) -> None:
    found = script.message_problems(message)
    assert any(problem in line for line in found), found


def test_accepts_a_singular_without_the_count_and_the_welsh_soft_month() -> None:
    plural = Message(
        ("one of their {what}", "{count} of their {what}"),
        ("{count} o'u {what}", "un o'u {what}", *["{count} o'u {what}"] * 4),
    )
    quarter = Message("{start} to {end} {year}", "{start} i {end_soft} {year}")
    assert script.message_problems(plural) == []
    assert script.message_problems(quarter) == []


def test_placeholders_ignore_escaped_braces() -> None:
    assert script.placeholders("{{ x }} {name} %(count)d") == {"name", "count"}


def test_lens_extractor_takes_only_readable_fields() -> None:
    yaml_text = (
        "lenses:\n"
        "  - id: finance\n"
        "    title: Director of Finance\n"
        "    roles: [finance director]\n"
        "    objectives:\n"
        "      - id: cip\n"
        "        text: Deliver the cost improvement programme\n"
        "    gains:\n"
        "      - recurrent savings\n"
    )
    found = list(script.extract_lenses(io.BytesIO(yaml_text.encode()), {}, (), {}))
    assert [(line, text) for line, _, text, _ in found] == [
        (3, "Director of Finance"),
        (7, "Deliver the cost improvement programme"),
        (9, "recurrent savings"),
    ]


def test_po_file_reads_back_as_welsh() -> None:
    data = script.po_path("cy").read_bytes()
    catalog = read_po(io.BytesIO(data))
    assert str(catalog.locale) == "cy"
    assert "Welsh" in (catalog.language_team or "")


# ---------------------------------------------------------------- words at run time


def test_pitchkit_speaks_welsh_through_the_catalog() -> None:
    assert CY.gettext("Sponsor briefing note") == "Nodyn briffio i'r noddwr"
    assert CY.gettext("Director of Finance") == "Cyfarwyddwr Cyllid"
    assert EN.gettext("Sponsor briefing note") == "Sponsor briefing note"


def test_welsh_plurals_follow_the_number() -> None:
    def said(n: int) -> str:
        text = CY.ngettext("{count} director is listed.", "{count} directors are listed.", n)
        return text.format(count=n)

    assert said(1) == "Mae 1 cyfarwyddwr wedi'i restru."
    assert said(2) == "Mae 2 gyfarwyddwr wedi'u rhestru."
    assert said(3) == "Mae 3 chyfarwyddwr wedi'u rhestru."
    assert said(7) == "Mae 7 cyfarwyddwr wedi'u rhestru."


def test_welsh_quarter_uses_the_catalog_and_soft_mutation() -> None:
    assert fmt.period_label("2027-Q1", CY) == "Ionawr i Fawrth 2027"
    assert fmt.period_label("2027-Q1", EN) == "January to March 2027"


def test_lens_wording_in_welsh() -> None:
    finance = all_lenses()["finance"]
    worded = localise_lens(finance, CY)
    assert worded.title == "Cyfarwyddwr Cyllid"
    assert all(o.text != e.text for o, e in zip(worded.objectives, finance.objectives, strict=True))
    assert lens_text(finance.title, EN) == finance.title


def test_default_objectives_reach_a_welsh_note_in_welsh() -> None:
    project = open_project(FRAILTY, locale="cy_GB")
    director = Director(id="dof", name="Sam Price", role="Director of Finance")
    pitch = localise_pitch(recast(project.facts, director), CY)
    assert pitch.objectives, "the finance lens has default objectives"
    assert "Cyflawni'r cynllun ariannol" in [o.text for o in pitch.objectives]
    assert {s.objective.text for s in pitch.statements} <= {o.text for o in pitch.objectives}
    assert pitch.lens.lens.title == "Cyfarwyddwr Cyllid"


def test_a_directors_own_objectives_stay_as_written() -> None:
    project = open_project(FRAILTY, locale="cy_GB")
    director = pick_director(project.facts, None)
    before = recast(project.facts, director)
    after = localise_pitch(before, CY)
    if director.objectives:
        assert after.objectives == before.objectives


# ---------------------------------------------------------------- locales


def test_unknown_locale_is_an_error_naming_the_supported_ones() -> None:
    with pytest.raises(LocaleError, match=r"en_GB .*cy_GB"):
        normalise_locale("fr_FR")


def test_unknown_locale_on_the_command_line_is_one_clear_line() -> None:
    result = CliRunner().invoke(app, ["brief", str(WELSH_EXAMPLE), "--locale", "fr_FR"])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "fr_FR" in lines[0]
    assert "en_GB" in lines[0]
    assert "cy_GB" in lines[0]
    assert "Traceback" not in result.output


@pytest.mark.parametrize("code", ["cy", "cy-GB", "Cymraeg", "cy_GB"])
def test_welsh_can_be_asked_for_in_several_ways(code: str) -> None:
    assert normalise_locale(code) == "cy_GB"


# ---------------------------------------------------------------- a Welsh brief


@pytest.fixture(scope="module")
def welsh_brief(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Welsh example's brief, written in Welsh (its settings.locale) on 3 December 2026."""
    project = open_project(WELSH_EXAMPLE)
    assert project.lang.code == "cy_GB"
    note = make_brief_note(project, pick_director(project.facts, None), today=DAY)
    path = tmp_path_factory.mktemp("cy") / "brief.docx"
    path.write_bytes(note.data)
    return path


def test_welsh_brief_has_welsh_headings_labels_and_dates(welsh_brief: Path) -> None:
    check_docx(welsh_brief)
    text = docx_text(welsh_brief)
    for words in (
        "Beth rydym yn ei ofyn",
        "Pam mae hyn yn bwysig i chi",
        "Cyllid ac amserlen",
        "Nodyn briffio i'r noddwr",
        "Paratowyd ar 3 Rhagfyr 2026",
        "Hyb gofal yr un diwrnod yn Ysbyty Cymunedol Dyffryn",  # the title's cy text
        "£96,000",
    ):
        assert words in text
    for english in ("What we are asking", "Why this matters to you", "Prepared on", "Funding"):
        assert english not in text


def test_welsh_brief_words_money_as_in_english(tmp_path: Path) -> None:
    project = open_project(FRAILTY, locale="cy_GB")
    note = make_brief_note(project, pick_director(project.facts, None), today=DAY)
    path = tmp_path / "brief.docx"
    path.write_bytes(note.data)
    text = docx_text(path)
    assert "£423,000" in text  # 200 × £1,590 at 2016/17 prices, restated at 2026/27 prices
    assert "Paratowyd ar 3 Rhagfyr 2026" in text


@pytest.mark.tools
def test_welsh_brief_is_valid_open_xml(welsh_brief: Path) -> None:
    validate_ooxml(welsh_brief)
