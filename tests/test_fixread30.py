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
        "of the extra spend (£727,000 from inappropriate out-of-area placement bed days, adult "
        "acute (above), less £328,000)."
    ), cip
    assert "£2,418,000 a year in the plan" not in cip
    assert why.count("£2,418,000") == 1
    assert "£399,000 net of the extra spend so far (4.2% of your £9.5m target)" in update(
        facts, "dof", "2026-11"
    )
    # Break-even is a cash aim too; it names no sum, so no share.
    ceo = _why(brief(facts, "ceo"))
    assert (
        "Break even in 2026/27: £399,000 so far, net of the extra spend (£727,000 from "
        "inappropriate out-of-area placement bed days, adult acute (above), less £328,000)."
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
