"""Brief wording a finance director or a chief executive would notice (reader26 leftovers).

Each test writes a note as the reader did and reads its text back.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from crisiscase import brief, copy_project, update
from docchecks import docx_text
from pitchkit.api import BriefRequest, write_brief

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _why(text: str) -> str:
    """The note's "Why this matters to you" section."""
    return text.split("Why this matters to you", 1)[1].split("The problem, as", 1)[0]


def _example_brief(tmp_path: Path, name: str, locale: str | None = None) -> str:
    request = BriefRequest(
        facts=EXAMPLES / name / "facts.yaml",
        director="dof",
        out=tmp_path / f"{name}-{locale}",
        today=dt.date(2026, 12, 6),
        locale=locale,
    )
    [path] = write_brief(request).written
    return " ".join(docx_text(path).split())


def test_the_finance_directors_first_objective_stays_on_his_page(tmp_path: Path) -> None:
    # reader26 #2: "Deliver the £9.5m cost improvement programme for 2026/27" was cut to fit
    # while the money block said the agency shifts' standing twice more. The page now gives
    # up the block's repeats of what the bullet says, and keeps the bullet.
    text = brief(copy_project(tmp_path), "dof")
    why = _why(text)
    # fixbrief29 (reader28 #13): the bullet leads with the money delivered so far
    # (1,142 bed days x £2,418,000 / 3,800 = £726,700, shown £727,000).
    # fixread30 (reader30 #2): net of the crisis house's extra spend, as the update credits it.
    assert (
        "Deliver the £9.5m cost improvement programme for 2026/27: £399,000 (4.2%) so far, net "
        "of the extra spend: £727,000 from inappropriate out-of-area placement bed days" in why
    )
    assert "So far the log's figures, to the end of November 2026, do not show the change" in why
    # The block no longer says it again, in either place it did.
    assert "Registered nurse agency shifts on adult acute wards: the log's figures" not in text
    assert "whose chart does not show the change" not in text
    # The out-of-area budget still leads.
    assert why.index("£2m budget") < why.index("£9.5m cost improvement")


def test_a_bullet_names_the_impacts_shown_elsewhere_that_count_to_its_objective(
    tmp_path: Path,
) -> None:
    # reader26 #3: "Break even in 2026/27" named only the agency shifts, "no money is counted
    # for it yet", though the out-of-area bed days above support break-even too.
    why = _why(brief(copy_project(tmp_path), "ceo"))
    # fixbrief29 (reader28 #13): the out-of-area money so far leads the bullet, the agency
    # shifts follow as "Also, in the plan, …" (1,142 bed days x £636.32 = £727,000).
    # fixread30 (reader30 #2): net of the extra spend, and the plan's money left to the bullet.
    assert (
        "Break even in 2026/27: £399,000 so far, net of the extra spend: £727,000 from "
        "inappropriate out-of-area placement bed days, adult acute (above), less £328,000. "
        "Also, in the plan, registered nurse agency shifts on adult acute wards"
    ) in why
    assert "do not show the change, so no money is counted for it yet." in why


def test_a_months_money_reads_as_the_year_the_finance_block_gives(tmp_path: Path) -> None:
    # reader26 #8: "gwerth £18,000 y mis" beside "£213,000 y flwyddyn" (12 × 18,000 = 216,000).
    welsh = _example_brief(tmp_path, "ysbyty-cymunedol")
    assert "gwerth £17,700 y mis mewn capasiti" in welsh
    assert "Capasiti: £213,000 y flwyddyn" in welsh
    english = _example_brief(tmp_path, "ysbyty-cymunedol", "en_GB")
    assert "worth £17,700 a month in capacity" in english
    assert "Capacity: £213,000 a year" in english


def test_a_unit_cost_reads_as_a_costing_then_its_source(tmp_path: Path) -> None:
    # reader26 #11: "£1,878 per fall: Local finance team estimate, 2025: …, £2,498.85 at
    # 2026/27 prices" nested colons, read the restated price as part of the source and lost
    # "with harm" from the unit.
    falls = _example_brief(tmp_path, "falls-prevention")
    assert (
        # fixfit44: costs restated at the 2.62% a year the note gives, to the penny.
        "Unit costs used: £1,878 per fall resulting in any harm at 2016/17 prices (£2,498.85 at "
        "2026/27), from the local finance team estimate, 2025: 6 excess bed days per fall with "
        "harm"
    ) in falls  # fixbrief29 (reader28 #14): the source's capital lowered mid-sentence
    welsh = _example_brief(tmp_path, "ysbyty-cymunedol")
    assert (
        "Costau uned a ddefnyddiwyd: £148 am bob presenoldeb ym mhrisiau 2016/17 (£196.93 ym "
        "mhrisiau 2026/27), o bresenoldeb mewn adran achosion brys, costau cyfeirnod y GIG 2016/17;"
    ) in welsh  # fixbrief29 (reader28 #14): "o bresenoldeb", not "o Bresenoldeb"
    # A source ending in the price year the costing names leaves it off.
    crisis = brief(copy_project(tmp_path), "dof")
    # fixbrief29 (reader28 #14): two costs per bed day each name what they are per.
    assert (
        "£620 per inappropriate out-of-area placement bed day at 2025/26 prices (£636.24 at "
        "2026/27), from the trust average out-of-area spot purchase price;"
    ) in crisis


def test_an_update_leaves_every_source_to_the_briefing_note(tmp_path: Path) -> None:
    # reader26 #11: two costs per bed day gave their sources, "£210 per night" none, and the
    # line ended "sources as in the briefing note".
    text = update(copy_project(tmp_path), "dof", "2026-11")
    # fixupd27 (reader26 #7): the forecast's agency shifts' £380 is listed too.
    # fixread30 (reader30 #1): the two bed-day costs are told apart by what each is per
    # (fixbrief29), so their sources go to the briefing note like the rest: given in full
    # they cost the update its second chart.
    assert (
        "Unit costs used: £620 per inappropriate out-of-area placement bed day at 2025/26 "
        "prices (£636.24 at 2026/27); £380 per shift at 2025/26 prices (£389.96 at 2026/27); "
        "£450 per bed day of adult acute inpatients clinically ready for discharge at 2024/25 "
        "prices (£473.89 at 2026/27); £210 per night at 2026/27 prices; prices restated"
    ) in text
    assert text.count("sources as in the briefing note") == 1
    assert "from the trust average out-of-area spot purchase price" not in text


def test_a_years_benefit_is_set_against_its_funding(tmp_path: Path) -> None:
    # reader26 #14: "2026/27 £844,000 forecast for £320,000" read as a forecast of £320,000.
    text = brief(copy_project(tmp_path), "dof")
    # fixbrief28: a year's funding is "against £X" alone, "of funding" once in the lead.
    # fixbrief29 (reader28 #10): the years to £100, adding up to their unrounded total.
    assert "2026/27 £844,400 forecast against £320,000 (" in text
    assert "forecast for £" not in text
    welsh = _example_brief(tmp_path, "ysbyty-cymunedol")
    assert "2026/27 £46,600 yn erbyn £21,600; 2027/28 £159,800 yn erbyn £74,400" in welsh
