"""Bilingual documents: Welsh first, then English, in one valid .docx."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree
from typer.testing import CliRunner

from docchecks import check_docx, docx_text, pdf_pages, validate_ooxml
from pitchkit.cli import app
from pitchkit.facts.project import pick_director
from pitchkit.i18n.messages import Message
from pitchkit.i18n.translation import language
from pitchkit.notes.bilingual import (
    BilingualBrief,
    Pair,
    both_cuts,
    document_title,
    file_name,
    make_bilingual_brief,
    open_pair,
    tag_language,
)
from pitchkit.notes.fit import Cut

ROOT = Path(__file__).resolve().parent.parent
WELSH_EXAMPLE = ROOT / "examples" / "ysbyty-cymunedol" / "facts.yaml"
DAY = dt.date(2026, 12, 3)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def pair() -> Pair:
    return open_pair(WELSH_EXAMPLE)


@pytest.fixture(scope="module")
def director_id(pair: Pair) -> str:
    return pick_director(pair.cy.facts, None).id


@pytest.fixture(scope="module")
def bilingual(pair: Pair, director_id: str) -> BilingualBrief:
    return make_bilingual_brief(pair, director_id, today=DAY)


@pytest.fixture(scope="module")
def bilingual_path(bilingual: BilingualBrief, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bilingual") / "brief.docx"
    path.write_bytes(bilingual.data)
    return path


def run_languages(path: Path) -> list[tuple[str, str]]:
    """(language, text) of every run with text in the body, in order."""
    with zipfile.ZipFile(path) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    found = []
    for run in root.iter(f"{W}r"):
        text = "".join(t.text or "" for t in run.iter(f"{W}t"))
        lang = run.find(f"{W}rPr/{W}lang")
        if text.strip():
            found.append((lang.get(f"{W}val") if lang is not None else "", text))
    return found


def test_has_both_languages_welsh_first(bilingual_path: Path) -> None:
    check_docx(bilingual_path)
    text = docx_text(bilingual_path)
    welsh = text.index("Beth rydym yn ei ofyn")
    english = text.index("What we are asking")
    assert welsh < english
    assert "Hyb gofal yr un diwrnod yn Ysbyty Cymunedol Dyffryn" in text
    assert "Same-day care hub at Dyffryn Community Hospital" in text
    assert "Paratowyd ar 3 Rhagfyr 2026" in text
    assert "Prepared on 3 December 2026" in text


def test_each_language_is_its_own_section_with_its_own_footer(bilingual_path: Path) -> None:
    document = docx.Document(str(bilingual_path))
    assert len(document.sections) == 2
    footers = [
        "\n".join(p.text for p in section.footer.paragraphs) for section in document.sections
    ]
    assert "Paratowyd ar" in footers[0]
    assert "Prepared on" in footers[1]


def test_properties_name_welsh_first_and_both_titles(bilingual_path: Path) -> None:
    core = docx.Document(str(bilingual_path)).core_properties
    assert core.language == "cy-GB"
    welsh_title, english_title = core.title.split(" / ")
    assert welsh_title.startswith("Hyb gofal yr un diwrnod")
    assert "Nodyn briffio i'r noddwr" in welsh_title
    assert english_title.startswith("Same-day care hub")
    assert "Sponsor briefing note" in english_title


def test_every_run_is_tagged_with_its_language(bilingual_path: Path) -> None:
    runs = run_languages(bilingual_path)
    languages = [lang for lang, _ in runs]
    assert set(languages) == {"cy-GB", "en-GB"}
    first_english = languages.index("en-GB")
    assert all(lang == "cy-GB" for lang in languages[:first_english])
    assert all(lang == "en-GB" for lang in languages[first_english:])
    assert any("What we are asking" in text for lang, text in runs if lang == "en-GB")


def test_reports_each_cut_once(bilingual: BilingualBrief) -> None:
    welsh, english = bilingual.notes
    # A field both halves cut is reported once, the two details joined ("…, and in English
    # …"), so it is the fields that match, not each half's own detail.
    assert {cut.field for cut in welsh.cuts} <= {cut.field for cut in bilingual.cuts}
    fields = {cut.field for cut in welsh.cuts + english.cuts}
    assert {cut.field for cut in bilingual.cuts} == fields
    assert len(bilingual.cuts) == len(set(bilingual.cuts))


def test_tagging_keeps_run_properties_in_schema_order() -> None:
    xml = (
        f'<w:document xmlns:w="{W[1:-1]}"><w:body><w:p>'
        "<w:r><w:rPr><w:b/><w:eastAsianLayout/></w:rPr><w:t>a</w:t></w:r>"
        '<w:r><w:rPr><w:lang w:val="fr-FR" w:eastAsia="ja-JP"/></w:rPr><w:t>b</w:t></w:r>'
        "<w:r><w:t>c</w:t></w:r>"
        "</w:p></w:body></w:document>"
    ).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("word/document.xml", xml)
        package.writestr("word/styles.xml", b"<untouched/>")
    tagged = tag_language(buffer.getvalue(), "cy-GB")
    with zipfile.ZipFile(io.BytesIO(tagged)) as package:
        root = etree.fromstring(package.read("word/document.xml"))
        assert package.read("word/styles.xml") == b"<untouched/>"
    first, second, third = root.iter(f"{W}r")
    assert [child.tag for child in first.find(f"{W}rPr")] == [
        f"{W}b",
        f"{W}lang",
        f"{W}eastAsianLayout",
    ]
    lang = second.find(f"{W}rPr/{W}lang")
    assert lang.get(f"{W}val") == "cy-GB"
    assert lang.get(f"{W}eastAsia") == "ja-JP"
    assert third[0].tag == f"{W}rPr"


def test_file_name_gives_both_words(pair: Pair) -> None:
    director = pick_director(pair.cy.facts, None)
    name = file_name(pair, director, "brief")
    assert name.startswith("Hyb gofal yr un diwrnod yn Ysbyty Cymunedol Dyffryn - nodyn briffio")
    # Each language names the note with its own title and word; the director once.
    assert " - nodyn briffio - Same-day care hub at Dyffryn Community Hospital - brief - " in name
    assert name.endswith(f"{director.name}.docx")
    assert name.count(director.name) == 1
    assert "2027-10" in file_name(pair, director, "update", period="2027-10")


def test_document_title_of_a_file_without_properties() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("word/document.xml", b"<x/>")
    assert document_title(buffer.getvalue()) == ""


# ---------------------------------------------------------------- the command line


def test_cli_writes_a_bilingual_brief(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["brief", str(WELSH_EXAMPLE), "--bilingual", "--out", f"{tmp_path}/"]
    )
    assert result.exit_code == 0, result.output
    [written] = tmp_path.glob("*.docx")
    assert " - nodyn briffio - Same-day care hub" in written.name
    assert written.name.count(" - brief - ") == 1
    text = docx_text(written)
    assert "Beth rydym yn ei ofyn" in text
    assert "What we are asking" in text


def test_cli_refuses_locale_with_bilingual(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        ["brief", str(WELSH_EXAMPLE), "--bilingual", "--locale", "en_GB", "-o", f"{tmp_path}/"],
    )
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "--bilingual" in lines[0]
    assert "leave out --locale" in lines[0]
    assert list(tmp_path.iterdir()) == []


@pytest.fixture(scope="module")
def update_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example's bilingual progress update, written by the command line."""
    folder = tmp_path_factory.mktemp("update")
    result = CliRunner().invoke(
        app, ["update", str(WELSH_EXAMPLE), "--bilingual", "--out", f"{folder}/"]
    )
    assert result.exit_code == 0, result.output
    [written] = folder.glob("*.docx")
    return written


def test_cli_writes_a_bilingual_update(update_path: Path) -> None:
    assert " - diweddariad - Same-day care hub" in update_path.name
    assert " - update 2027-10 - " in update_path.name
    text = docx_text(update_path)
    assert text.index("Diweddariad ar gynnydd") < text.index("Progress update")
    assert "Hydref 2027" in text
    assert "October 2027" in text


# ---------------------------------------------------------------- validity and length


@pytest.mark.tools
def test_bilingual_brief_is_valid_and_two_pages(bilingual_path: Path) -> None:
    validate_ooxml(bilingual_path)
    assert pdf_pages(bilingual_path) <= 2


@pytest.mark.tools
def test_bilingual_update_is_valid(update_path: Path) -> None:
    validate_ooxml(update_path)
    assert pdf_pages(update_path) <= 4


def test_a_bilingual_cut_warning_is_all_in_welsh_and_says_each_cut_once(tmp_path: Path) -> None:
    # The lead confirms the ED attendances link (since issue 14 only a possible one), so the
    # note has enough statements to need cutting.
    facts = tmp_path / "facts.yaml"
    # Since reader20 #3 the example links this impact to the DoF's value-based objective; the
    # lead adds the dpcmh link to that list.
    confirmed = "    supports: [dof.value-based]\n"
    text = WELSH_EXAMPLE.read_text(encoding="utf-8")
    assert text.count(confirmed) == 1
    facts.write_text(
        text.replace(confirmed, "    supports: [dof.value-based, dpcmh.access]\n"),
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        app, ["brief", str(facts), "--bilingual", "-o", str(tmp_path / "both.docx")]
    )
    assert result.exit_code == 0, result.output
    [warning] = [line for line in result.stderr.splitlines() if "ffitio" in line]
    assert warning.startswith("rhybudd: ")
    assert " shown" not in warning
    fields = [part.split(" (")[0] for part in warning.split("byrhau ", 1)[1].split("; ")]
    assert len(fields[:-1]) == len(set(fields[:-1]))


def test_an_english_cut_unlike_the_welsh_one_is_marked() -> None:
    welsh = (Cut("asks", Message("{shown} of {total} shown", shown=2, total=4)),)
    english = (
        Cut("asks", Message("{shown} of {total} shown", shown=2, total=4)),
        Cut("advice", Message('leaves out "{item}"', item="Who else should hear?")),
    )
    both = both_cuts(welsh, english)
    assert [cut.field for cut in both] == ["asks", "advice"]
    assert both[1].detail.render(language("cy_GB")) == (
        'yn gadael "Who else should hear?" allan yn Saesneg'
    )


def test_cli_bilingual_brief_cuts_the_same_from_both_pages(tmp_path: Path) -> None:
    """A note too long for a page loses the same parts in Welsh and in English.

    Here the Welsh page (longer words) must cut more than an English note
    alone would: the English page cuts alike, and neither page leaves out
    a linked statement while gains, evidence or advice could go first.
    """
    facts = ROOT / "tests" / "data" / "bilingual_long.yaml"
    result = CliRunner().invoke(
        app, ["brief", str(facts), "-d", "coo", "--bilingual", "--out", f"{tmp_path}/"]
    )
    assert result.exit_code == 0, result.output
    assert "yn Saesneg" not in result.output  # no cut told apart for English
    assert "pitch.statements" not in result.output
    [written] = tmp_path.glob("*.docx")
    text = docx_text(written)
    welsh, english = text.casefold().split("what we are asking", 1)
    for objective in (
        "eliminate waits over 52 weeks for planned care",
        "raise theatre utilisation to 85%",
    ):
        assert (objective in welsh) == (objective in english), objective
    assert "eliminate waits over 52 weeks for planned care" in welsh
    for item in (
        "Audit 0",
        "Audit 1",
        "dashboard number 0",
        "dashboard number 1",
        "provider number 0",
        "provider number 1",
    ):
        assert (item in welsh) == (item in english), item
    problem = "waiting lists for cataract surgery have grown"
    assert welsh.count(problem) == english.count(problem) >= 1
