"""The same money reads the same in every note of a project (newuser3 C4).

The medical director's note said the fall in hospital-acquired thrombosis
was "worth £96,600 a year in capacity" where the finance and operations
directors' notes gave the same money as "£97,000 a year". A note's gains
now round money as its money block does: to the nearest £1,000 from
£10,000, else to the pound.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from typer.testing import CliRunner

from docchecks import docx_text
from pitchkit.cli import app

FACTS: dict[str, Any] = {
    "project": {
        "title": "VTE risk assessment right first time",
        "organisation": "Westbrook Hospitals NHS Foundation Trust",
        "lead": {"name": "Dr Priya Raman", "role": "Thrombosis Lead"},
        "problem": "61 hospital-acquired thrombosis events last year, 9 of them fatal.",
        "change": "An electronic prompt at the post-take ward round.",
        "start": "2027-02-01",
        "end": "2028-01-31",
        "funding": {"amount": 68000, "currency": "GBP", "source": "Charitable funds"},
    },
    "impacts": [
        {
            "id": "hat",
            "measure": "Hospital-acquired thrombosis events",
            "unit": "events",
            "per": "year",
            "baseline": 61,
            "target": 40,
            "value": {"amount": 4600, "source": "Cost of one HAT", "price_year": "2026/27"},
            "supports": ["md.harm", "coo.beds"],
        }
    ],
    "asks": ["Champion the prompt at the Clinical Governance Committee"],
    "directors": [
        {
            "id": "md",
            "name": "Dr Helen Marsh",
            "role": "Medical Director",
            "objectives": [{"id": "harm", "text": "Learn from every avoidable death"}],
        },
        {
            "id": "dof",
            "name": "Mark Oduya",
            "role": "Director of Finance",
            "objectives": [{"id": "cip", "text": "Deliver the £18m cost improvement programme"}],
        },
        {
            "id": "coo",
            "name": "Sarah Linton",
            "role": "Chief Operating Officer",
            "objectives": [{"id": "beds", "text": "Bring bed occupancy below 92%"}],
        },
    ],
}


def _brief(tmp_path: Path, director: str) -> str:
    facts = tmp_path / "facts.yaml"
    if not facts.exists():
        with facts.open("w", encoding="utf-8") as out:
            YAML().dump(FACTS, out)
    out = tmp_path / f"brief-{director}.docx"
    result = CliRunner().invoke(app, ["brief", str(facts), "-d", director, "-o", str(out), "-f"])
    assert result.exit_code == 0, result.output
    return docx_text(out)


def test_the_same_money_is_rounded_once_across_the_notes(tmp_path: Path) -> None:
    # 21 fewer events a year at £4,600 each: £96,600 a year. The finance director's money
    # block rounds it to £1,000 so that its figures add up; the other notes' gains agree.
    notes = {d: _brief(tmp_path, d) for d in ("md", "dof", "coo")}
    assert "worth £97,000 a year in capacity" in notes["md"]
    assert "worth £97,000 a year in capacity" in notes["coo"]
    assert "Capacity: £97,000 a year (21 fewer events a year)" in notes["dof"], notes["dof"]
    for director, text in notes.items():
        assert "£96,600" not in text, director


FALLS = """\
project:
  title: Falls prevention on the wards
  organisation: Westbrook Hospitals NHS Foundation Trust
  lead: {name: Dr Priya Raman, role: Falls Lead}
  problem: Too many falls with harm on the wards.
  change: A falls bundle at every admission.
  start: 2025-04-01
  end: 2027-03-31
  funding: {amount: 90000, currency: GBP, source: Charitable funds}
settings:
  prices: {year: 2026/27}
impacts:
  - id: falls
    measure: Inpatient falls with harm
    unit: falls
    per: month
    baseline: 6
    target: 4
    changed: 2025-07-01
    value: {amount: 2871, source: Cost of a fall with harm, price_year: 2021/22}
    supports: [dof.cip]
asks: [Champion the bundle at the Clinical Governance Committee]
directors:
  - id: dof
    name: Mark Oduya
    role: Director of Finance
    objectives: [{id: cip, text: Deliver the £18m cost improvement programme}]
updates:
"""
#: Three months at the baseline rate of 6 a month, then 12 fewer falls over 8 months.
FALLS_LOGGED = [6, 7, 6, 5, 4, 5, 4, 5, 4, 5, 4]


def _falls_note(tmp_path: Path, command: str, *more: str) -> str:
    facts = tmp_path / "falls.yaml"
    if not facts.exists():
        entries = []
        for n, falls in enumerate(FALLS_LOGGED):
            year, month = 2025 + (3 + n) // 12, (3 + n) % 12 + 1
            entries.append(
                f"  - {{period: '{year}-{month:02d}', date: '{year + (month == 12)}-"
                f"{month % 12 + 1:02d}-03', status: green, summary: Steady, "
                f"measures: {{falls: {falls}}}}}\n"
            )
        facts.write_text(FALLS + "".join(entries), encoding="utf-8")
    out = tmp_path / f"{command}{''.join(more)}.docx"
    args = [command, str(facts), "-d", "dof", "-o", str(out), "-f", *more]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return " ".join(docx_text(out).split())


def test_the_unit_cost_small_print_names_the_price_year_it_is_in(tmp_path: Path) -> None:
    # newuser6 F6: "£131 per appointment: ..., £158 at 2026/27 prices" never said that the
    # £131 was in 2021/22 prices, which only value.price_year gave.
    english = _falls_note(tmp_path, "brief")
    # reader26 #11: a costing (price, unit, price base, today's price), then its source.
    assert (
        # ... and with the measure's qualifier: the cost is of a fall with harm.
        # fixfit44: costs restated at the 2.62% a year the note gives, to the penny.
        "Unit costs used: £2,871 per fall with harm at 2021/22 prices (£3,458.53 at 2026/27), "
        # fixbrief29: a unit-cost source is lower-cased mid-sentence, "from the ...".
        "from the cost of a fall with harm; prices restated"
    ) in english
    welsh = _falls_note(tmp_path, "brief", "--locale", "cy_GB")
    assert "£2,871 am bob " in welsh, welsh
    # An English source is quoted after Welsh "o", not mutated ("o Gost of a fall").
    assert (
        # fixfit44: costs restated at the 2.62% a year the note gives, to the penny.
        "ym mhrisiau 2021/22 (£3,458.53 ym mhrisiau 2026/27), o “Cost of a fall with harm”"
    ) in welsh


def test_an_updates_money_is_the_count_times_the_unit_cost_shown_rounded_as_the_brief(
    tmp_path: Path,
) -> None:
    # newuser6 F5: updates gave money to three significant figures (£79,200) where the
    # brief rounds to £1,000 from £10,000, and priced the count at the unrestated pence of
    # the unit cost, so a finance director's sum (358 x £221) did not give the figure.
    import re

    brief = _falls_note(tmp_path, "brief")
    [cost] = re.findall(r"\(£([\d,.]+) at 2026/27\)", brief)
    update = _falls_note(tmp_path, "update")
    [count] = re.findall(r"(\d+) falls fewer than at the baseline rate", update)
    [worth] = re.findall(
        r"(\d+) falls fewer than at the baseline rate, [^.]*?worth £([\d,]+)", update
    )
    # The finance director's sum: the count shown times the unit cost the brief shows, to
    # the nearest £1,000 (from £10,000), half up.
    product = int(count) * float(cost.replace(",", ""))
    assert product >= 10_000
    expected = int(product / 1000 + 0.5) * 1000
    assert worth[1] == f"{expected:,}", (count, cost, worth)
    # 12 x £3,458.53 = £41,502: £42,000 (the cost is shown and used to the penny, newuser20
    # #7), where three significant figures gave £41,500.
    assert "£41,500" not in update
    welsh = _falls_note(tmp_path, "update", "--locale", "cy_GB")
    assert f"£{expected:,}" in welsh
