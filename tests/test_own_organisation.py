"""Whose money a note names: the project's own organisation, by its kind, and its own parts.

``tests/data/fixleft16`` holds three small projects:

- ``icb.yaml``: an ICB's own inhaler switch (NHS Three Rivers Integrated Care
  Board). Its primary care prescribing (12,000 items x £7.54 = £90,000 a year
  at 2026/27 prices) is the ICB's own cash, and its GP appointments (1,300 x
  £47 = £61,000) general practice's time. Before, its finance director read
  "no cash for the financial plan. Not the trust's cash: £90,000 ... which is
  the ICB's budget" and "not money for the trust".
- ``parts.yaml``: a trust's nail surgery with £15,400 a year of its own cash,
  £127,400 of the ICB's, £10,400 of its own bed days and £61,400 of GP time.
  Before, the finance block's whole year was £215,000 (the cash and the
  capacity each rounded whole) beside parts shown as £15,000, £127,000, £10,000
  and £61,000 (£213,000); and the payback "without" the ICB's cash counted the
  GP time as the trust's: 36 months, where the trust's own £25,800 takes 123.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import docx
from typer.testing import CliRunner

from pitchkit.api.previewing import PreviewRequest, preview
from pitchkit.cli import app
from pitchkit.notes.preview import plain_preview
from pitchkit.recast.whose import capacity_elsewhere, organisation_kind

DATA = Path(__file__).resolve().parent / "data" / "fixleft16"
TODAY = dt.date(2026, 12, 5)


def note(facts: Path, director: str, locale: str | None = None) -> str:
    result = preview(PreviewRequest(facts=facts, director=director, today=TODAY, locale=locale))
    return " ".join(plain_preview(result.preview, result.lang).split())


def written(tmp: Path, facts: Path, director: str, *more: str) -> str:
    """The briefing note ``pitchkit brief`` writes, read back from the Word file."""
    out = tmp / "note.docx"
    result = CliRunner().invoke(
        app, ["brief", str(facts), "--director", director, "--out", str(out), *more]
    )
    assert result.exit_code == 0, result.output
    document = docx.Document(io.BytesIO(out.read_bytes()))
    return " ".join(" ".join(p.text for p in document.paragraphs).split())


def test_an_icbs_note_names_the_icb_not_a_trust(tmp_path: Path) -> None:
    text = written(tmp_path, DATA / "icb.yaml", "cfo")
    # Its own prescribing is cash for its own plan, not "another body's" budget.
    assert "cash for the financial plan: £90,000 a year (12,000 fewer items a year)" in text
    assert "Not the ICB's cash" not in text
    assert (
        "Also £61,000 a year of time freed in general practice (1,300 fewer appointments a "
        "year), not money for the ICB."
    ) in text
    # 12 x 180,000 / (90,300 + 126,960) = 9.9 months, on the ICB's own cash and capacity.
    assert (
        "Of the plan's benefit of £278,000 a year, £61,000 is not the ICB's own; without it, "
        "payback 9.9 months." in text
    )
    assert not re.search(r"\btrust\b", text, re.IGNORECASE)


def test_a_welsh_note_names_the_organisation_in_welsh(tmp_path: Path) -> None:
    text = note(DATA / "icb.yaml", "cfo", locale="cy_GB")
    assert "nid arian i'r bwrdd gofal integredig" in text
    assert "nid yw £61,000 yn arian y bwrdd gofal integredig ei hun" in text
    assert "ymddiriedolaeth" not in text
    board = tmp_path / "board.yaml"
    board.write_text(
        (DATA / "icb.yaml")
        .read_text(encoding="utf-8")
        .replace("NHS Three Rivers Integrated Care Board", "Bwrdd Iechyd Prifysgol Bae Gorllewin"),
        encoding="utf-8",
    )
    welsh = note(board, "cfo", locale="cy_GB")
    assert "nid arian i'r bwrdd iechyd" in welsh
    assert "ymddiriedolaeth" not in welsh
    english = note(board, "cfo")
    assert "not money for the health board" in english
    # A Welsh health board holds primary care prescribing itself: no ICB to give it to
    # (newuser13 #2 read "which is the ICB's budget" in a health board's own note).
    assert "cash for the financial plan: £90,000 a year (12,000 fewer items a year)" in english
    assert "the ICB's budget" not in english
    assert "arian parod i'r cynllun ariannol: £90,000 y flwyddyn" in welsh
    assert "bwrdd gofal integredig" not in welsh


def test_the_kind_of_organisation_is_read_from_its_name() -> None:
    assert organisation_kind("NHS Three Rivers Integrated Care Board") == "ICB"
    assert organisation_kind("Cardiff and Vale University Health Board") == "health board"
    assert organisation_kind("Bwrdd Iechyd Prifysgol Betsi Cadwaladr") == "health board"
    assert organisation_kind("Northfold GP Federation") == "GP federation"
    assert organisation_kind("Northbeck Primary Care Collaborative") == "collaborative"
    assert organisation_kind("Clwstwr Gofal Sylfaenol Arfon") == "primary care network"
    assert organisation_kind("Cyngor Sir Ddinbych") == "council"
    assert organisation_kind("North West Ambulance Service NHS Trust") == "trust"
    assert organisation_kind("Example Hospital") == "trust"
    # GP time is its own staff's for a GP federation, another body's for anyone else.
    assert capacity_elsewhere("GP appointments for asthma", "ICB") == "general practice"
    assert capacity_elsewhere("GP appointments for asthma", "GP federation") is None
    assert capacity_elsewhere("Home care hours after discharge") == "council"
    assert capacity_elsewhere("Home care hours after discharge", "council") is None
    assert capacity_elsewhere("Ambulance hours lost at handover") == "ambulance service"
    assert capacity_elsewhere("Occupied bed days") is None
    # Police time is the police's, even when it is spent in an emergency department.
    police = "Police officer hours spent waiting with patients in the emergency department"
    assert capacity_elsewhere(police) == "police"
    # An emergency department is an acute hospital's: a mental health trust's only by name.
    ed = "Emergency department attendances by people in mental health crisis"
    # Its attendances free the department's time and take no bed (newuser29 #7).
    assert capacity_elsewhere(ed, "trust", "Northfield Mental Health NHS Trust") == (
        "emergency department"
    )
    admitted = "Emergency department admissions of people in mental health crisis"
    assert capacity_elsewhere(admitted, "ICB") == "acute hospital"
    assert capacity_elsewhere("Emergency department presentations", "ICB", None, "") == (
        "emergency department"
    )
    assert capacity_elsewhere("A&E", "ICB", None, "attendances") == "emergency department"
    assert capacity_elsewhere(ed, "trust", "Riverside Hospitals NHS Trust") is None
    # Read as the linker reads a body's setting: a partnership trust that names its
    # hospitals runs acute beds; an ambulance trust runs none.
    place = "Calderbrook Hospitals NHS Trust with Calderbrook Place Partnership"
    assert capacity_elsewhere(ed, "trust", place) is None
    ambulance = "North West Ambulance Service NHS Trust"
    assert capacity_elsewhere(ed, "trust", ambulance) == "emergency department"
    assert capacity_elsewhere(ed, "ICB") == "emergency department"


def test_the_finance_block_adds_up_from_the_parts_it_shows() -> None:
    text = note(DATA / "parts.yaml", "dof")
    # Each part rounded on its own, as the statements above give it ...
    assert "cash for the financial plan: £15,000 a year (77 fewer shifts a year)" in text
    assert "Not the trust's cash: £127,000 a year" in text
    assert "worth £10,000 a year in capacity" in text
    assert "Also £61,000 a year of time freed in general practice" in text
    # ... and the whole year is their sum: 15 + 127 + 10 + 61 = 213, not 215.
    # fixbrief28: a year's funding is "against £X" alone, "of funding" once in the lead.
    assert ("2026/27 £213,000 against £132,000; 2027/28 £213,000 against £133,000") in text
    assert "over the project £426,000, net £161,000" in text
    assert "£215,000" not in text


def test_gp_time_is_not_in_the_trusts_payback() -> None:
    text = note(DATA / "parts.yaml", "dof")
    # £127,000 of the ICB's cash and £61,000 of GP time; the trust's own is £15,400 of cash
    # and £10,400 of capacity: 12 x 265,000 / 25,800 = 123.3, so 124 months, not 36 with
    # the GP time.
    assert (
        "Of the plan's benefit of £213,000 a year, £188,000 is not the trust's own; without it, "
        "not paid back within the project (at the full rate it would take about 10 years)."
    ) in text
    assert "36 months" not in text


COO = """  - id: coo
    name: Sam Okafor
    role: Chief Operating Officer
    objectives:
      - {id: beds, text: Reduce bed occupancy to 92%, themes: [flow]}
"""


def test_another_directors_line_counts_only_the_trusts_own(tmp_path: Path) -> None:
    text = (DATA / "parts.yaml").read_text(encoding="utf-8")
    assert "directors:\n" in text
    copy = tmp_path / "facts.yaml"
    copy.write_text(text.replace("directors:\n", f"directors:\n{COO}", 1), encoding="utf-8")
    line = note(copy, "coo")
    # The trust's own cash and capacity, the ICB's cash and the GP time each named after.
    assert (
        "Money: £15,000 of cash and £10,000 of capacity a year at 2026/27 prices, against "
        "£265,000 of funding"
    ) in line
    assert (
        "at the full rate it would take about 10 years if the capacity is turned into cash" in line
    )
    assert "Not the trust's cash: £127,000 a year" in line
    assert "Also £61,000 a year of time freed in general practice" in line


ED_IMPACT = """  - id: ed
    measure: Attendances in mental health crisis at the acute trust's emergency department
    unit: attendances
    per: year
    baseline: 1500
    target: 780
    better: lower
    value:
      amount: 197
      currency: GBP
      source: "ED attendance, NHS National Cost Collection 2023/24"
      price_year: 2023/24
    releases: capacity
    supports: [coo.flow]
    source: Acute trust ECDS 2025/26
"""


def test_an_acute_hospitals_capacity_is_not_a_mental_health_trusts(tmp_path: Path) -> None:
    text = (DATA / "beds.yaml").read_text(encoding="utf-8")
    with_ed = text.replace("asks:\n", f"{ED_IMPACT}asks:\n", 1)
    mental = tmp_path / "mental.yaml"
    mental.write_text(
        with_ed.replace("Example NHS Foundation Trust", "Pennine Vale Mental Health NHS Trust"),
        encoding="utf-8",
    )
    # newuser13 #3: a mental health trust has no emergency department whose shifts it can
    # stop; the attendances it avoids there free an acute hospital's capacity, said apart.
    line = note(mental, "coo")
    # Attendances free the department's time, not beds (newuser29 #7).
    assert "time freed in the emergency department (720 fewer attendances a year)" in line
    assert "not money for the trust" in line
    assert "emergency department shifts" not in line
    welsh = note(mental, "coo", locale="cy_GB")
    assert "amser a ryddheir yn yr adran achosion brys" in welsh
    # The acute trust's own project keeps them as its own capacity.
    acute = tmp_path / "acute.yaml"
    acute.write_text(with_ed, encoding="utf-8")
    assert "freed in acute hospitals" not in note(acute, "coo")


def test_check_quotes_the_gain_as_the_note_words_it(tmp_path: Path) -> None:
    # A Director of Primary Care in an English ICB with no offer meant for them: the note
    # offers "a model to share with other primary care networks", and check's
    # lens-own-used finding quotes what the note adds, not the lens's Welsh "clusters".
    text = (DATA / "icb.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "offer:\n  - A prescribing saving the board can count\n",
        "offer:\n  - {text: A prescribing saving the board can count, for: [cfo]}\n",
    ).replace(
        "directors:\n",
        "directors:\n  - id: dpc\n    name: Sam Hill\n    role: Director of Primary Care\n"
        "    objectives:\n      - Improve timely access to general practice\n",
        1,
    )
    facts = tmp_path / "facts.yaml"
    facts.write_text(text, encoding="utf-8")
    assert "A model to share with other primary care networks" in note(facts, "dpc")
    result = CliRunner().invoke(app, ["check", str(facts), "-d", "dpc", "--json"])
    assert "pitchkit adds Sam Hill: 'a model to share with other primary care networks'" in (
        result.output
    )
    assert "clusters" not in result.output
