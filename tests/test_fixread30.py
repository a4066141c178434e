"""fixread30: what a finance director reading the crisis house's documents would mind (reader30).

Each test writes a note as the reader did and reads its text back.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crisiscase import TODAY, brief, copy_project, update


def _why(text: str) -> str:
    """The note's "Why this matters to you" section."""
    return text.split("Why this matters to you", 1)[1].split("The problem, as", 1)[0]


def test_a_brief_credits_the_cip_with_the_net_the_update_gives(tmp_path: Path) -> None:
    # reader30 #2: the brief said "£727,000 so far from … (above), worth £2,418,000 a year in
    # the plan" towards the CIP while the update credits it with "£399,000 net of the extra
    # spend so far (4.2% of your £9.5m target)". The brief now gives the same net, its parts
    # (£726,586 - 1,560 nights x £210 = £398,986, shown £399,000), and the share of the
    # £9.5m, and leaves the plan's money to the bullet above that gives it.
    facts = copy_project(tmp_path)
    why = _why(brief(facts, "dof"))
    cip = why[why.index("Deliver the £9.5m cost improvement programme") :]
    assert cip.startswith(
        "Deliver the £9.5m cost improvement programme for 2026/27: £399,000 (4.2%) so far, net "
        "of the extra spend: £727,000 from inappropriate out-of-area placement bed days, adult "
        "acute (above), less £328,000."
    ), cip
    assert "£2,418,000 a year in the plan" not in cip
    assert why.count("£2,418,000") == 1
    assert "£399,000 net of the extra spend so far (4.2% of your £9.5m target)" in update(
        facts, "dof", "2026-11"
    )
    # Break-even is a cash aim too; it names no sum, so no share.
    ceo = _why(brief(facts, "ceo"))
    assert (
        "Break even in 2026/27: £399,000 so far, net of the extra spend: £727,000 from "
        "inappropriate out-of-area placement bed days, adult acute (above), less £328,000."
    ) in ceo
    assert "£727,000 so far from" not in ceo


def test_the_update_keeps_the_chart_its_sentences_rely_on(
    tmp_path: Path, soffice: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # reader30 #1: "Bed days of adult acute inpatients clinically ready for discharge: now
    # below the baseline for 7 months running, so we count the reduction as delivered"
    # (£164,000) with no chart behind it, "1 of the 5 measures", and a quarter of page 2
    # blank. Only the contact line ran onto a third page: the unit costs gave their sources
    # in full because two are per bed day, though each now names what it is per. They are
    # left to the briefing note, and the chart stays.
    from docchecks import docx_text
    from pitchkit.api import UpdateRequest, write_update
    from pitchkit.output.pagecount import count_pages

    # LibreOffice decides near the edge, as it did for the reader.
    monkeypatch.setenv("PITCHKIT_MEASURE", "1")
    facts = copy_project(tmp_path)
    request = UpdateRequest(
        facts=facts,
        director="dof",
        period="2026-11",
        out=tmp_path / "update.docx",
        directors=tmp_path / "team.csv",
        today=TODAY,
    )
    [path] = write_update(request).written
    text = " ".join(docx_text(path).split())
    charts = text[text.index("Charts Inappropriate") :]
    assert "Bed days of adult acute inpatients clinically ready for discharge (XmR chart)" in charts
    assert "Charts are shown for 2 of the 5 measures" in charts
    assert "sources as in the briefing note" in text
    assert count_pages([path.read_bytes()]) == [2]


def test_the_money_after_the_logs_last_month_is_the_average_times_the_months(
    tmp_path: Path,
) -> None:
    # reader30 #4: "then £281,400 at the average so far" was £844,400 less £563,000, where
    # 4 x £70,369 = £281,476 reads £281,500. Each part is now its own money rounded, the
    # pound left over to the larger remainder, so they still add up to the year
    # (docs/money.md, section 6): £562,952 and £281,476 read £562,900 and £281,500.
    text = brief(copy_project(tmp_path), "dof")
    assert (
        "2026/27 £844,400 forecast against £320,000 (£562,900 delivered to the end of November "
        "2026, then £281,500 at the average so far, about £70,000 a month)"
    ) in text
    assert "£281,400" not in text


def test_each_part_is_its_own_money_rounded_and_they_add_to_the_year() -> None:
    from pitchkit.notes.moneytext import parts_shown

    # The crisis house: at £100 the parts round to £563,000 and £281,500, £100 over the year.
    assert parts_shown(844_400, 562_952.02, 281_476.01, 100) == (562_900, 281_500)
    # At the year's own rounding, nothing is moved.
    assert parts_shown(320_400, 203_918.9, 116_525.09, 100) == (203_900, 116_500)
    # A year shown as the plan's figure, far from its parts: the rest is what is left.
    assert parts_shown(400_000, 203_918.9, 116_525.09, 1_000) == (204_000, 196_000)


def test_a_year_whose_parts_do_not_add_up_takes_the_step_one_finer(tmp_path: Path) -> None:
    # reader30 #4: newuser39's "£204,000 delivered …, then £116,000 at the average so far"
    # where 4 x £29,131 = £116,525 reads £117,000, and £204,000 + £117,000 is not the year's
    # £320,000. The years take the step one finer, where both they and the parts add up.
    import datetime as dt
    import shutil

    from docchecks import docx_text
    from pitchkit.api import BriefRequest, write_brief

    data = Path(__file__).parent / "data" / "newuser39"
    for name in ("facts.yaml", "figures.csv", "team.xlsx"):
        shutil.copy(data / name, tmp_path / name)
    request = BriefRequest(
        facts=tmp_path / "facts.yaml",
        director="dof",
        out=tmp_path / "brief",
        directors=tmp_path / "team.xlsx",
        today=dt.date(2026, 12, 7),
    )
    [path] = write_brief(request).written
    text = " ".join(docx_text(path).split())
    assert (
        "(£203,900 delivered to the end of November 2026, then £116,500 at the average so far"
    ) in text, text[text.index("Benefit against") :][:400]
