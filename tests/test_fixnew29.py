"""newuser29's ICB project: a provider's cash is not the ICB's; ED attendances free no beds; pence.

``tests/data/fixnew29/icb.yaml`` is an ICB's community heart failure nurses.
Its own cash is 3 readmissions a month at the ICB's contract price (£3,200:
£115,200 a year) and 50 primary care diuretic items (£2.35 at 2025/26 prices,
£2.41 at 2026/27: £1,447 a year), £117,000 together. The trust's are 10 bank
nurse shifts a month on the hospital's cardiology escalation beds (£280:
£33,600 a year) and 15 furosemide infusions in the day unit (£95: £17,100 a
year), which only ``payer: trust`` can say: £51,000. Before, the finance
director read "cash for the financial plan: £168,000 a year", the trust's
shifts and infusions in it.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
from typer.testing import CliRunner

from pitchkit.cli import app

DATA = Path(__file__).resolve().parent / "data" / "fixnew29"
ICB = DATA / "icb.yaml"


def written(tmp: Path, facts: Path, director: str, *more: str) -> str:
    """The briefing note ``pitchkit brief`` writes, read back from the Word file."""
    out = tmp / f"{facts.stem}-{director}.docx"
    result = CliRunner().invoke(
        app, ["brief", str(facts), "--director", director, "--out", str(out), *more]
    )
    assert result.exit_code == 0, result.output
    document = docx.Document(io.BytesIO(out.read_bytes()))
    return " ".join(" ".join(p.text for p in document.paragraphs).split())


def test_a_providers_shifts_are_not_the_icbs_cash(tmp_path: Path) -> None:
    text = written(tmp_path, ICB, "cfo")
    assert (
        "cash for the financial plan: £117,000 a year (3 fewer readmissions a month and 50 "
        "fewer items a month)."
    ) in text
    assert (
        "Not the ICB's cash: £51,000 a year from bank nurse shifts on Westmoor General "
        "Hospital's cardiology escalation beds and intravenous furosemide infusions given in "
        "the heart failure day unit, which is the trust's budget."
    ) in text
    # £51,000 of the trust's and £50,000 of the hospital's ED time: 12 x 260,000 / 116,647
    # = 26.7 months on the ICB's own cash, past the project's end.
    assert "£101,000 is not the ICB's own" in text
    assert "(at the full rate it would take 27 months)" in text  # whole months past 24
    # The trust's own director is told the shifts are her trust's money, not the ICB's.
    coo = written(tmp_path, ICB, "coo")
    assert "Money: £117,000 a year of cash at 2026/27 prices" in coo
    assert "which is the trust's budget" in coo


def test_payer_says_what_the_words_cannot(tmp_path: Path) -> None:
    # Without payer: an infusion in a day unit names no provider, and is read as the
    # ICB's own cash, as before.
    unsaid = tmp_path / "unsaid.yaml"
    unsaid.write_text(
        ICB.read_text(encoding="utf-8").replace(", payer: trust}", "}"), encoding="utf-8"
    )
    text = written(tmp_path, unsaid, "cfo")
    assert "cash for the financial plan: £134,000 a year" in text
    assert "Not the ICB's cash: £34,000 a year from bank nurse shifts" in text
    # payer: own makes the bank shifts the ICB's, whatever the words say.
    own = tmp_path / "own.yaml"
    own.write_text(
        ICB.read_text(encoding="utf-8").replace(
            '"Westmoor General Hospital bank shift rate 2026/27", price_year: 2026/27}',
            '"Westmoor General Hospital bank shift rate 2026/27", price_year: 2026/27, payer: own}',
        ),
        encoding="utf-8",
    )
    assert "cash for the financial plan: £150,000 a year" in written(tmp_path, own, "cfo")


def test_check_refuses_a_payer_it_cannot_read(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        ICB.read_text(encoding="utf-8").replace("payer: trust", "payer: hospital trust"),
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["check", str(bad)])
    assert result.exit_code != 0
    assert "impacts[2].value.payer" in result.output
    assert "'hospital trust'" in result.output


def test_the_linker_and_the_note_agree_on_the_providers_money() -> None:
    from pitchkit.facts.schema import load_facts
    from pitchkit.recast.align import saves_for_budget
    from pitchkit.recast.whose import home_of, payer, whose_cash

    facts = load_facts(ICB).facts
    home = home_of(facts.project.organisation)
    assert home == "ICB"
    impacts = {impact.id: impact for impact in facts.impacts}
    assert whose_cash(impacts["bank-shifts"], home=home) == "trust"
    assert whose_cash(impacts["infusions"], home=home) == "trust"
    assert whose_cash(impacts["readmissions"], home=home) == "ICB"
    assert whose_cash(impacts["diuretics"], home=home) == "ICB"
    assert payer(impacts["bank-shifts"], home) == "trust"
    efficiency = next(d for d in facts.directors if d.id == "cfo").objectives[0]
    assert saves_for_budget(impacts["readmissions"], efficiency, "Chief Finance Officer", home)
    assert not saves_for_budget(impacts["bank-shifts"], efficiency, "Chief Finance Officer", home)
    # A trust's own project is unchanged: its bank shifts are its own cash.
    trust = facts.project.model_copy(update={"organisation": "Westmoor General Hospital NHS Trust"})
    assert whose_cash(impacts["bank-shifts"], home=home_of(trust.organisation)) == "trust"
    assert payer(impacts["bank-shifts"], "trust") == "trust"


def test_the_welsh_note_names_the_trusts_budget() -> None:
    import datetime as dt

    from pitchkit.api.previewing import PreviewRequest, preview
    from pitchkit.notes.preview import plain_preview

    result = preview(
        PreviewRequest(facts=ICB, director="cfo", today=dt.date(2026, 8, 1), locale="cy_GB")
    )
    text = " ".join(plain_preview(result.preview, result.lang).split())
    assert "arian parod i'r cynllun ariannol: £117,000 y flwyddyn" in text
    assert "Nid arian parod y bwrdd gofal integredig: £51,000 y flwyddyn" in text
    assert "sydd yng nghyllideb yr ymddiriedolaeth" in text


def test_a_providers_capacity_is_not_the_icbs_own(tmp_path: Path) -> None:
    # The same bank shifts as capacity: time on the hospital's ward, which no ICB can take out.
    capacity = tmp_path / "capacity.yaml"
    capacity.write_text(
        ICB.read_text(encoding="utf-8").replace(
            "price_year: 2026/27}\n    releases: cash\n    supports: [coo.nurse-staffing]",
            "price_year: 2026/27}\n    releases: capacity\n    supports: [coo.nurse-staffing]",
        ),
        encoding="utf-8",
    )
    text = written(tmp_path, capacity, "cfo")
    assert "Not the ICB's cash: £17,000 a year from intravenous furosemide infusions" in text
    # £33,600 of shifts: the hospital's time, not the ICB's; its ED's said apart.
    assert (
        "Capacity: £34,000 a year (10 fewer shifts a month), time and beds freed in acute "
        "hospitals, not money for the ICB."
    ) in text


def test_emergency_department_attendances_free_no_beds(tmp_path: Path) -> None:
    # 20 fewer attendances a month at £210: £50,400 a year of the hospital's ED time.
    text = written(tmp_path, ICB, "cfo")
    assert (
        "Capacity: £50,000 a year (20 fewer attendances a month), time freed in the emergency "
        "department, not money for the ICB."
    ) in text
    assert "beds freed" not in text
    # Admissions through the same department keep their beds.
    admitted = tmp_path / "admitted.yaml"
    admitted.write_text(
        ICB.read_text(encoding="utf-8")
        .replace(
            "measure: Emergency department attendances for breathlessness",
            "measure: Emergency department admissions for breathlessness",
        )
        .replace("unit: attendances", "unit: admissions"),
        encoding="utf-8",
    )
    assert "time and beds freed in acute hospitals" in written(tmp_path, admitted, "cfo")
    # The trust's department, named as the trust's, is still an emergency department.
    named = tmp_path / "named.yaml"
    named.write_text(
        ICB.read_text(encoding="utf-8").replace(
            "attendances for breathlessness at Westmoor General Hospital",
            "attendances for breathlessness at the acute trust's emergency department",
        ),
        encoding="utf-8",
    )
    assert "(20 fewer attendances a month), time freed in the emergency department" in written(
        tmp_path, named, "cfo"
    )


def test_the_welsh_note_frees_time_in_the_emergency_department() -> None:
    import datetime as dt

    from pitchkit.api.previewing import PreviewRequest, preview
    from pitchkit.notes.preview import plain_preview

    result = preview(
        PreviewRequest(facts=ICB, director="cfo", today=dt.date(2026, 8, 1), locale="cy_GB")
    )
    text = " ".join(plain_preview(result.preview, result.lang).split())
    assert "amser a ryddheir yn yr adran achosion brys, nid arian i'r bwrdd gofal integredig" in (
        text
    )
    assert "gwelyau" not in text


def test_a_unit_cost_under_100_pounds_keeps_its_pence(tmp_path: Path) -> None:
    # £3.90 at 2025/26 prices is £4.002 at 2026/27: "£4.00", never "£4" (newuser29 #8).
    priced = tmp_path / "pence.yaml"
    priced.write_text(
        ICB.read_text(encoding="utf-8").replace("amount: 2.35", "amount: 3.90"), encoding="utf-8"
    )
    text = written(tmp_path, priced, "cfo")
    # reader26 #11: a costing (price, unit, price base, today's price), then its source.
    assert (
        # fixfit44: a kept name takes "the" before the one cost it gives.
        "£3.90 per item at 2025/26 prices (£4.00 at 2026/27), from the ePACT2 net ingredient cost "
        "per item 2025/26" in text
    )
    # One format for the list: with £3.90 in it, every cost to the penny (newuser31 #8).
    # fixbrief29: a unit cost's source is lower-cased mid-sentence, "from the day unit ...".
    assert "£95.00 per infusion at 2026/27 prices, from the day unit infusion cost 2026/27" in text
    assert (
        # fixfit44: a kept name takes "the" before the one rate it gives.
        "£280.00 per shift at 2026/27 prices, from the Westmoor General Hospital bank shift rate "
        "2026/27" in text
    )
    # Totals keep their rounding: 50 x 12 x £4.00 = £2,400 with £115,200, shown £118,000.
    assert "cash for the financial plan: £118,000 a year" in text


def test_the_welsh_small_print_keeps_the_pence() -> None:
    import datetime as dt

    from pitchkit.api.previewing import PreviewRequest, preview
    from pitchkit.notes.preview import plain_preview

    result = preview(
        PreviewRequest(facts=ICB, director="cfo", today=dt.date(2026, 8, 1), locale="cy_GB")
    )
    text = " ".join(plain_preview(result.preview, result.lang).split())
    # reader26 #11: a costing, then its source ("o …"), quoted when English.
    assert "£95.00 yr un (infusions) ym mhrisiau 2026/27, o “Day unit infusion cost" in text
    assert (
        "£2.35 yr un (items) ym mhrisiau 2025/26 (£2.41 ym mhrisiau 2026/27), o “ePACT2 net "
        "ingredient cost per item 2025/26”" in (text)
    )


def test_unit_precision() -> None:
    from pitchkit.i18n import fmt
    from pitchkit.i18n.translation import language

    lang = language("en_GB")
    assert fmt.money(4.0, lang, precision="unit") == "£4.00"
    assert fmt.money(3.99, lang, precision="unit") == "£3.99"
    assert fmt.money(99.5, lang, precision="unit") == "£99.50"
    assert fmt.money(100.0, lang, precision="unit") == "£100"
    assert fmt.money(196.93, lang, precision="unit") == "£196.93"
    assert fmt.money(1850.0, lang, precision="unit") == "£1,850"
