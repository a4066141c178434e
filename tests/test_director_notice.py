"""What a director reading the note would notice: each read back from the rendered document."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import docx
import pytest

from notereading import EXAMPLES, director_ids, render_note
from pitchkit.facts.project import open_project, pick_director
from pitchkit.notes.brief import brief_parts, make_brief_note
from pitchkit.notes.shown import shown_statements
from pitchkit.notes.update import make_update

ROOT = Path(__file__).parent.parent
SEPSIS = ROOT / "tests" / "data" / "sepsis_project.yaml"
FALLS = ROOT / "examples" / "falls-prevention" / "facts.yaml"
FRAILTY = ROOT / "examples" / "frailty-virtual-ward" / "facts.yaml"
WELSH = ROOT / "examples" / "ysbyty-cymunedol" / "facts.yaml"
NBSP = "\u00a0"


def _cases() -> list[tuple[Path, str]]:
    return [(path, d) for path in [*EXAMPLES, SEPSIS] for d in director_ids(path)]


def _note(path: Path, director_id: str, today: dt.date) -> bytes:
    project = open_project(path)
    director = pick_director(project.facts, director_id)
    return make_brief_note(project, director, today=today).data


def _body_xml_text(data: bytes) -> str:
    """The text of every w:t of the body, as stored in the XML (entities as written)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


@pytest.mark.parametrize(("path", "director_id"), _cases(), ids=lambda v: getattr(v, "name", v))
def test_the_lead_objective_is_not_quoted_again_as_the_first_bullets_heading(
    path: Path, director_id: str
) -> None:
    project = open_project(path)
    director = pick_director(project.facts, director_id)
    note = make_brief_note(project, director, today=dt.date(2026, 11, 1))
    if not shown_statements(note.pitch):
        return
    read = render_note(path, director_id)
    lead = shown_statements(note.pitch)[0].objective.text.strip().rstrip(".")
    bullet_heads = [h.rstrip(":") for h in read.headings if h not in _section_headings(read)]
    assert lead not in bullet_heads, (lead, bullet_heads)
    # The figures of that objective follow the lead sentence straight away.
    document = docx.Document(io.BytesIO(note.data))
    texts = [p.text.replace(NBSP, " ") for p in document.paragraphs]
    after = texts[texts.index(_why(project.lang.lang)) + 2]
    measure = shown_statements(note.pitch)[0].impact.measure
    # The note says it in the director's own words (``terms``: staff → colleagues).
    for said, theirs in director.terms.items():
        measure = re.sub(rf"\b{re.escape(said)}\b", theirs, measure, flags=re.IGNORECASE)
    # A project not started yet gives its plan with a verb, in Welsh before the measure:
    # "Bydd ceisiadau brys … yn codi o 64% i 90%" (fixread31 #3).
    assert (
        after.startswith((measure, "“" + measure))
        or measure in after
        or (after.startswith("Bydd ") and measure[:1].lower() + measure[1:] in after)
    ), after


def _why(lang: str) -> str:
    return "Pam mae hyn yn bwysig i chi" if lang == "cy" else "Why this matters to you"


def _section_headings(read: object) -> set[str]:
    return {
        "What we are asking",
        "Why this matters to you",
        "The problem, as the organisation sees it",
        "The change, in brief",
        "Your advice would help us",
        "What is in it for you",
        "Funding and timeline",
        "Contact",
    }


PERSONAL_FACTS = """\
project:
  title: Ward rostering
  organisation: Example NHS Trust
  change: Rosters approved six weeks ahead
  problem: Agency shifts are booked late
impacts:
  - id: agency
    measure: Agency nursing shifts
    unit: shifts
    per: month
    baseline: 300
    target: 200
    supports: [cpo.own]
directors:
  - id: cpo
    name: Sam Lee
    role: Chief People Officer
    objectives:
      - id: own
        text: Reduce agency shifts on the medical wards
        kind: personal
"""


def test_a_personal_objective_named_only_in_the_lead_sentence_is_called_personal_there(
    tmp_path: Path,
) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(PERSONAL_FACTS, encoding="utf-8")
    read = render_note(path, "cpo")
    why = [text for section, text in read.paragraphs if section == "Why this matters to you"]
    assert why[0].startswith(
        "Ward rostering will help you reduce agency shifts on the medical wards "
        "(your personal objective)."
    ), why
    assert "Reduce agency shifts on the medical wards" not in " ".join(read.headings)


def test_dates_and_figures_with_units_do_not_break_across_lines() -> None:
    # Before the meeting of 10 February 2027; the ask is to sign by 28 February 2027.
    text = _body_xml_text(_note(FALLS, "don", dt.date(2026, 12, 1)))
    assert f"meeting on 10{NBSP}February{NBSP}2027" in text
    assert f"by 28{NBSP}February{NBSP}2027" in text
    assert f"Runs from 1{NBSP}April{NBSP}2027 to 31{NBSP}March{NBSP}2028" in text
    assert f"34{NBSP}fewer a year" in text
    assert f"84 to 50{NBSP}falls a year" in text
    # fixbrief28: the second impact on the objective goes on "Also, inpatient falls per …".
    assert f"Also, inpatient falls per{NBSP}1,000{NBSP}occupied bed{NBSP}days" in text
    assert f"payback in 6.8{NBSP}months" in text
    coo = _body_xml_text(_note(FRAILTY, "coo", dt.date(2026, 12, 1)))
    assert f"1,600{NBSP}fewer a year" in coo
    assert f"(45{NBSP}minutes, starting April{NBSP}2027)" in coo
    dof = _body_xml_text(_note(FRAILTY, "dof", dt.date(2026, 12, 1)))
    assert f"1,600{NBSP}bed{NBSP}days a year at 92%{NBSP}occupancy" in dof
    assert f"£1.41{NBSP}per{NBSP}£1" in dof
    assert f"net{NBSP}£103,000" in dof
    # The character itself goes into the XML: never an escaped entity shown as text.
    for stored in (text, coo, dof):
        assert "&amp;" not in stored.replace("A&amp;E", "")
        assert "nbsp" not in stored
        assert "&#160;" not in stored


def test_a_welsh_note_keeps_its_dates_whole() -> None:
    text = _body_xml_text(_note(WELSH, "dpcmh", dt.date(2026, 11, 1)))
    assert f"cyfarfod ar 18{NBSP}Tachwedd{NBSP}2026" in text
    assert f"o 11{NBSP}Ionawr{NBSP}2027 tan 31{NBSP}Rhagfyr{NBSP}2027" in text


def _text(path: Path, director_id: str, today: dt.date = dt.date(2026, 12, 1)) -> str:
    return _body_xml_text(_note(path, director_id, today)).replace(NBSP, " ")


def test_the_finance_money_block_does_not_restate_the_capacity_a_statement_gave() -> None:
    text = _text(FRAILTY, "dof")
    # 200 fewer admissions a year × £1,590 (2016/17) × 1.3305 (NHSCII to 2026/27) = £423,112.
    assert text.count("worth £423,000 a year in capacity") == 1
    assert "Capacity: £423,000" not in text
    assert (
        "None of the benefit is cash for the financial plan (figures at 2026/27 prices). "
        "The capacity above is money only "
        "when about 4.8 beds close (1,600 bed days a year at 92% occupancy)."
    ) in text


def test_another_directors_money_line_refers_to_the_capacity_above() -> None:
    text = _text(FRAILTY, "coo")
    assert text.count("£423,000") == 1
    assert (
        "Money: the benefit above, all of it capacity and none of it cash, at 2026/27 prices, "
        "against £250,000 of funding "
        # fixbrief29: the payback says where it counts from, the impacts' change in June 2027
        # (after the 4 January start); £250,000 / (£423,112 / 12) = 7.1 months.
        "(payback in 7.1 months if the capacity is turned into cash, counted from June 2027)."
    ) in text
    # A note whose statements give no money keeps the figure in its money line.
    assert "Money: £423,000 a year of capacity, no cash" in _text(FRAILTY, "don")


def test_a_money_line_gives_the_figure_again_when_fitting_drops_its_statement(
    tmp_path: Path,
) -> None:
    # The lead has confirmed admissions -> the four-hour standard, so the COO's note claims
    # two statements; the admissions one carries the £423,000 of capacity.
    confirmed = (
        FRAILTY.read_text(encoding="utf-8")
        .replace("    supports: [dof.cip]\n", "    supports: [dof.cip, coo.four-hour]\n", 1)
        # The admissions count from June 2027: the four-hour objective is set for March 2028
        # here, inside the project's years, so the confirmed link can be claimed.
        .replace("within four hours by March 2027", "within four hours by March 2028", 1)
    )
    project = open_project(_written(tmp_path / "full.yaml", confirmed))
    full = brief_parts(project, pick_director(project.facts, "coo"), today=dt.date(2026, 12, 1))
    assert len(full.context["pitch"]["statements"]) == 2
    # fixread25a #15: "the capacity above, no cash" became a full sentence.
    assert full.context["money"]["lines"][0].startswith("Money: the benefit above")
    # Seven more asks (never cut) leave no room for the second statement: with it, after
    # every earlier cut, LibreOffice lays the COO's note out on two pages; without it, one.
    more = "".join(
        f"  - Join ward round number {n} with the frailty team to see how the virtual ward admits "
        "and discharges people at home\n"
        for n in range(7)
    )
    project = open_project(
        _written(tmp_path / "long.yaml", confirmed.replace("asks:\n", "asks:\n" + more, 1))
    )
    short = brief_parts(project, pick_director(project.facts, "coo"), today=dt.date(2026, 12, 1))
    # fixnew35a ranks the shown statements by money (delivered, then planned) and fitting cuts
    # from the last: the £423,000 statement now leads and is kept, the bed days' (whose money
    # the admissions hold) is dropped, and the money line still points at the figure above
    # rather than giving it twice. A note whose statements give no money keeps the figure in its
    # money line (the Chief Nurse's, above).
    [kept] = short.context["pitch"]["statements"]
    assert "£423,000" in kept["text"]
    assert "pitch.statements" in [cut.field for cut in short.cuts]
    assert not short.over_words
    line = short.context["money"]["lines"][0].replace(NBSP, " ")
    assert line.startswith("Money: the benefit above")
    assert "£423,000" not in line


def _written(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_one_year_project_does_not_repeat_its_years_benefit_as_the_total() -> None:
    text = _text(FALLS, "dof")
    # One year holds all the funding, so it is not said twice (fixread25a #15).
    # 34 fewer falls × £1,878 × 1.3305 = £84,957 a year, all in 2027/28 (1 April 2027 to
    # 31 March 2028); net £85,000 - £48,000 = £37,000; payback 12 × 48,000 / 84,957 = 6.8
    # months; £84,957 / £48,000 = £1.77 per £1.
    assert (
        "Benefit against £48,000 of funding, counting capacity as if it were cash: "
        "2027/28 £85,000, net £37,000; payback 6.8 months; £1.77 per £1."
    ) in text
    assert "over the project" not in text


def test_an_updates_money_is_at_the_briefing_notes_prices() -> None:
    # 164 admissions avoided (June 2027 to March 2028) at £1,590 in 2016/17 prices restated to
    # 2026/27 (× 1.3305, £2,115.56 each) is £346,952: the brief prices each admission at
    # £2,116, so the update does too (at 2016/17 prices it would be £260,760). None of it
    # falls in 2026/27, so the board sentence reports it without the 2026/27 CIP.
    project = open_project(FRAILTY)
    data, _info = make_update(
        project, pick_director(project.facts, "dof"), today=dt.date(2026, 12, 1)
    )
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)).replace(NBSP, " ")
    assert "164 fewer emergency admissions" in text
    assert "worth £347,000 in capacity at 2026/27 prices" in text
    assert "£261,000" not in text


COPD = ROOT / "tests" / "data" / "linkeval-blind4" / "copd-rehab" / "facts.yaml"


def test_a_shorter_wait_reads_as_weeks_shorter_not_fewer_weeks(today: dt.date) -> None:
    # 'Wait from referral to first pulmonary rehabilitation session', 16 to 4 weeks.
    project = open_project(COPD)
    director = pick_director(project.facts, "md")
    text = " ".join(
        p.text.replace(NBSP, " ")
        for p in docx.Document(
            io.BytesIO(make_brief_note(project, director, today=today).data)
        ).paragraphs
    )
    assert "from 16 to 4 weeks: 12 weeks shorter" in text
    assert "12 fewer" not in text


def test_a_count_of_days_still_reads_as_fewer() -> None:
    from pitchkit.facts.schema import Impact
    from pitchkit.recast.pitch import quantify

    def impact(measure: str, unit: str) -> Impact:
        return Impact.model_validate(
            {"id": "x", "measure": measure, "unit": unit, "baseline": 100, "target": 80}
        )

    assert quantify(impact("Days lost to sickness absence", "days")).duration is False
    assert quantify(impact("Bed days used after surgery", "bed days")).duration is False
    assert quantify(impact("Average length of stay", "days")).duration is True
    assert quantify(impact("Wait for a first appointment", "weeks")).duration is True


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Ionawr i Fawrth 2027", f"Ionawr i Fawrth{NBSP}2027"),
        ("o Ebrill i Fai 2027", f"o Ebrill i Fai{NBSP}2027"),
        ("erbyn 3 Rhagfyr 2026", f"erbyn 3{NBSP}Rhagfyr{NBSP}2026"),
        ("hyd at Ragfyr 2027", f"hyd at Ragfyr{NBSP}2027"),
    ],
)
def test_welsh_dates_are_held_together_after_a_soft_mutation_too(text: str, kept: str) -> None:
    from pitchkit.i18n.translation import language
    from pitchkit.notes.together import keep_together

    assert keep_together(text, language("cy_GB")) == kept
