"""What newuser25 found in a Welsh health board's updates and money, read back from the commands.

The project is newuser25's Frailty Hospital at Home (``tests/data/fixnew25a``):
a log from April 2024 to November 2026, a team sheet of seven directors, and a
meeting with the finance director on 15 December 2026. Each test runs the
command line as the lead did and reads the document or the JSON back.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from documenttext import document_text
from pitchkit.notes.update import spc

Cli = Callable[..., Result]

PROJECT = Path(__file__).parent / "data" / "fixnew25a"
SPONSOR_EN = "As executive sponsor of Frailty Hospital at Home"
TEAM_EN = "The team running Frailty Hospital at Home reports"


def project(folder: Path, *, meeting: str | None = None) -> Path:
    for name in ("facts.yaml", "log.csv", "team.xlsx"):
        shutil.copy(PROJECT / name, folder / name)
    facts = folder / "facts.yaml"
    if meeting is not None:
        text = facts.read_text(encoding="utf-8")
        facts.write_text(text.replace("date: 2026-12-15", f"date: {meeting}"), encoding="utf-8")
    return facts


def update_text(cli: Cli, facts: Path, director: str, *extra: str) -> str:
    out = facts.parent / f"{director}{'-'.join(extra)}.docx"
    result = cli(
        "update",
        str(facts),
        "--directors",
        str(facts.parent / "team.xlsx"),
        "-d",
        director,
        "--period",
        "2026-11",
        "-o",
        str(out),
        *extra,
    )
    assert result.exit_code == 0, result.output
    return " ".join(document_text(out.read_bytes()).split())


# newuser25 #1: the sponsor's voice only once the meeting that asks them has taken place.


@pytest.mark.parametrize("locale", ["en_GB", "cy_GB"])
def test_the_director_is_not_the_sponsor_before_the_meeting(
    cli: Cli, tmp_path: Path, locale: str
) -> None:
    text = update_text(cli, project(tmp_path), "dof", "--locale", locale)
    if locale == "en_GB":
        assert SPONSOR_EN not in text
        assert TEAM_EN in text
    else:
        assert "Fel noddwr gweithredol" not in text
        assert "Mae tîm y prosiect “Ysbyty yn y Cartref i bobl eiddil” yn adrodd" in text


@pytest.mark.parametrize("locale", ["en_GB", "cy_GB"])
def test_the_director_speaks_as_sponsor_once_the_meeting_has_passed(
    cli: Cli, tmp_path: Path, locale: str
) -> None:
    text = update_text(cli, project(tmp_path, meeting="2026-11-10"), "dof", "--locale", locale)
    if locale == "en_GB":
        assert SPONSOR_EN in text
        assert TEAM_EN not in text
    else:
        assert "Fel noddwr gweithredol y prosiect “Ysbyty yn y Cartref i bobl eiddil”" in text


def test_another_director_never_speaks_as_sponsor(cli: Cli, tmp_path: Path) -> None:
    text = update_text(cli, project(tmp_path, meeting="2026-11-10"), "coo")
    assert SPONSOR_EN not in text
    assert TEAM_EN in text


# newuser25 #7: a count of people says "fewer people", a count of time keeps its unit.


def test_a_count_of_people_reads_as_fewer_people(cli: Cli, tmp_path: Path) -> None:
    english = update_text(cli, project(tmp_path), "coo")
    assert (
        "1,007 fewer people aged 75 and over waiting over 12 hours in the emergency department"
        in english
    )
    assert "a reduction of 1,007" not in english
    welsh = update_text(cli, project(tmp_path), "coo", "--locale", "cy_GB")
    # Lower-cased mid-sentence, as the English is: "Pobl" is not a name.
    assert "gostyngiad o 1,007 mewn pobl 75 oed a hŷn sy'n aros dros 12 awr" in welsh
    assert "mewn Pobl" not in welsh


def test_a_count_of_time_keeps_its_unit(cli: Cli, tmp_path: Path) -> None:
    facts = project(tmp_path)
    text = facts.read_text(encoding="utf-8")
    text = text.replace(
        "en: People aged 75 and over waiting over 12 hours in the emergency department",
        "en: Time older people spend waiting over 12 hours in the emergency department",
    ).replace(
        "cy: Pobl 75 oed a hŷn sy'n aros dros 12 awr yn yr adran achosion brys",
        "cy: Amser pobl hŷn yn aros dros 12 awr yn yr adran achosion brys",
    )
    facts.write_text(
        text.replace(
            "unit: patients\n    per: month\n    baseline: 310",
            "unit: hours\n    per: month\n    baseline: 310",
        ),
        encoding="utf-8",
    )
    english = update_text(cli, facts, "coo")
    assert "a reduction of 1,007 hours in time older people spend waiting over 12 hours" in english
    welsh = update_text(cli, facts, "coo", "--locale", "cy_GB")
    assert "gostyngiad o 1,007 awr mewn amser pobl hŷn yn aros" in welsh


# newuser25 #2: the whole benefit's payback follows the months the log shows.


def brief_text(cli: Cli, facts: Path, director: str, *extra: str) -> str:
    out = facts.parent / f"brief-{director}{'-'.join(extra)}.docx"
    result = cli(
        "brief",
        str(facts),
        "--directors",
        str(facts.parent / "team.xlsx"),
        "-d",
        director,
        "-o",
        str(out),
        *extra,
    )
    assert result.exit_code == 0, result.output
    return " ".join(document_text(out.read_bytes()).split())


def test_the_payback_is_the_month_the_log_reaches_the_funding(cli: Cli, tmp_path: Path) -> None:
    # Admissions fell over 9 months from April 2025: by the log £762,219 of the £780,000
    # was back after 7 months (October 2025) and £930,626 after 8. Spreading 2025/26's
    # £1,630,000 evenly gave 12 × 780 ÷ 1,630 = 5.7, "6 months", which the log disproves.
    facts = project(tmp_path)
    english = brief_text(cli, facts, "dof")
    assert "payback 7.1 months on the benefit delivered and forecast" in english, english
    assert "payback 6 months" not in english
    # Every other director's note gives the same payback counting capacity as cash.
    coo = brief_text(cli, facts, "coo")
    assert "Payback counting capacity as if it were cash: 7.1 months." in coo, coo
    welsh = brief_text(cli, facts, "dof", "--locale", "cy_GB")
    assert "ad-dalu mewn 7.1 mis" in welsh or "ad-dalu 7.1 mis" in welsh, welsh
    assert " 6 mis" not in welsh


# newuser25 #6: points on a ramp down to the new level are on the way to it, not a concern.

#: Emergency admissions 75+ a month, April 2024 to November 2026; the change in April 2025.
ADMISSIONS = [404, 444, 431, 423, 417, 416, 426, 409, 439, 433, 453, 429]
ADMISSIONS += [404, 387, 393, 389, 391, 351, 377, 363, 372, 366, 359, 344]
ADMISSIONS += [347, 354, 361, 372, 362, 375, 354, 343]


def chart_caption(text: str, heading: str) -> str:
    """The chart's heading and caption, up to the next chart's heading."""
    at = text.index(heading)
    ends = [text.find(mark, at + len(heading) + 20) for mark in ("(XmR chart)", "(siart XmR)")]
    return text[at : min((e for e in ends if e > 0), default=len(text))]


@pytest.mark.parametrize("locale", ["en_GB", "cy_GB"])
def test_the_ramp_to_the_new_level_is_not_a_concern(cli: Cli, tmp_path: Path, locale: str) -> None:
    text = update_text(cli, project(tmp_path), "coo", "--locale", locale)
    if locale == "en_GB":
        caption = chart_caption(text, "aged 75 and over living with frailty (XmR chart)")
        assert (
            "two of three points close to the upper limit (on the way to the new level), "
            "May to August 2025" in caption
        ), caption
        assert "(concern)" not in caption
    else:
        caption = chart_caption(text, "sy'n byw gydag eiddilwch (siart XmR)")
        assert (
            "dau o dri phwynt yn agos at y terfyn uchaf (ar y ffordd i'r lefel newydd), "
            "Mai – Awst 2025" in caption
        ), caption
        assert "(pryder)" not in caption


def test_the_ramp_is_marked_as_a_step_on_the_chart() -> None:
    # The chart's markers and the icon are drawn from the same signals: none of the points
    # from April to August 2025 (404, 387, 393, 389, 391) is a concern.
    analysis = spc.analyse(ADMISSIONS, better="lower", changes=[12])
    ramp = [s for s in analysis.signals if s.start >= 12 and s.end <= 16]
    assert [(s.rule, s.stepping) for s in ramp] == [
        ("outside_limits", True),
        ("two_of_three", True),
    ]
    assert not any(s.improvement is False for s in analysis.signals)
    assert analysis.variation == "common"


def test_a_slip_back_after_the_new_level_is_still_a_concern() -> None:
    # Once the figures have reached the new mean (351 in September 2025), points back up
    # near the old level are judged as usual.
    slipped = [*ADMISSIONS[:24], 347, 354, 415, 420, 418, 375, 354, 343]
    analysis = spc.analyse(slipped, better="lower", changes=[12])
    assert any(s.improvement is False and s.start >= 17 for s in analysis.signals)


# newuser25 #9: the board-report box is never split across the page break.


def test_the_board_box_cannot_split_across_pages(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "coo.docx"
    result = cli(
        "update", str(project(tmp_path)), "--directors", str(tmp_path / "team.xlsx"),
        "-d", "coo", "--period", "2026-11", "-o", str(out),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    xml = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    at = xml.index("The team running Frailty Hospital at Home")
    row = xml[max(xml.rfind("<w:tr>", 0, at), xml.rfind("<w:tr ", 0, at)) : at]
    assert "<w:cantSplit/>" in row
    assert "<w:keepLines/>" in row
    # The line on how to use the sentence is in the same row, so it moves with the box.
    end = xml.index("</w:tr>", at)
    assert "Use or adapt it in your own report" in xml[at:end]


def pdf_pages(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")


@pytest.mark.slow
def test_the_board_box_stays_whole_and_the_update_two_pages(
    cli: Cli, tmp_path: Path, soffice: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The finance director's and the COO's updates split the box after "no patient" (page 1)
    # and "waits over 12 hours" (page 2); LibreOffice now moves it whole, and the update
    # keeps to two pages (the finance director's keeps one chart of its two).
    monkeypatch.setenv("PITCHKIT_MEASURE", "1")
    facts = project(tmp_path)
    out = tmp_path / "upd"
    made = cli(
        "batch", str(facts), "--directors", str(tmp_path / "team.xlsx"), "--kind", "update",
        "--period", "2026-11", "--only", "dof,coo", "--out", str(out), "--pdf",
    )  # fmt: skip
    assert made.exit_code == 0, made.output
    pdfs = sorted(out.glob("*.pdf"))
    assert len(pdfs) == 2
    for pdf in pdfs:
        pages = pdf_pages(pdf)
        assert len([p for p in pages if p.strip()]) == 2, pdf.name
        [page] = [p for p in pages if "For your board report" in p]
        sentence = " ".join(page[page.index("For your board report") :].split())
        start = sentence.index("The team running")
        end = sentence.index("Use or adapt it") if "Use or adapt it" in sentence else len(sentence)
        # The whole sentence is on the page its heading is on, ending with its full stop.
        assert sentence[start:end].strip().endswith("."), sentence[start:end]
        assert "contributing to our objective" in sentence[start:end]
