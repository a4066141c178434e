"""Years mixing what the log delivered with the plan's rate, worded for a finance director.

Worked by hand (docs/money.md §4), each in a note of 5 December 2026 at
2026/27 prices; bed days at £100, homecare deliveries at £20:

- tests/data/money/two-impacts-one-young.yaml: bed days lost waiting for
  transport (200 to 120 a month, charted from January 2024) and outsourced
  homecare deliveries (400 to 250 a month: 150 × £20 × 12 = £36,000 a year),
  whose only figures are October to December 2025: three, too few for any
  chart (a chart needs 8). 2025/26 is closed, so never a forecast for months
  the log covers (fixread22, reader22 #2), and its homecare figures, too few
  for any chart, count nothing, as the year under way counts the months too
  few figures cover (fixleft24a #6; docs/money.md, "Too few figures"): bed
  days delivered £96,000 (955 × £100), homecare named as counting nothing.
  It had counted homecare's three figures as they were (330 × £20 = £6,600,
  £102,000), and before that the plan's full rate, £36,000. 2024/25 is
  January to March 2025, with no homecare figure: £18,000
  delivered and 36,000 × 90 ÷ 365 = £8,877, shown £9,000. Payback: 2024/25's
  £26,877 leaves £33,123, which 2025/26's bed days (about £7,958 a month)
  repay in August 2025, the 8th month by the calendar (it read 7 with the
  plan's £36,000 spread over the year).
- The same file's year under way, 2026/27: bed days at the log's rate, and
  homecare, with no figure in the year yet, at the plan's full rate, which
  the line now names (review13 L1: that part had no words).
- tests/data/money/one-figure-before-the-year.yaml: one figure, March 2026;
  2026/27 has none yet, so it is at the plan's full rate (£96,000) and says
  so.
- tests/data/money/two-impacts-a-year-missing.yaml: both measures charted,
  homecare with no figure in the whole of 2025/26 and bed days none for June
  2025: the year names each gap with its measure, and the whole year as the
  whole year (review13 L3), and the update names the year as one stretch.
- tests/data/money/pays-back-exactly.yaml: July 2026 to June 2027, £60,000 a
  year for £60,000: 2026/27 £45,000 (60,000 × 274 ÷ 365) and 2027/28
  £15,000 (60,000 × 91 ÷ 366 = £14,918), £60,000 over the project, the
  funding: it pays the funding back exactly, over the project's 12 months
  (365 days ÷ 30.44), not "net £0; not paid back within the project; £1 per
  £1" (review13 L4).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from docchecks import docx_text
from pitchkit.api import BriefRequest, UpdateRequest, write_brief, write_update

MONEY = Path(__file__).resolve().parent / "data" / "money"
YOUNG = MONEY / "two-impacts-one-young.yaml"
TODAY = dt.date(2026, 12, 5)


def _line(tmp: Path, facts: Path, director: str, start: str, locale: str = "en_GB") -> str:
    request = BriefRequest(
        facts=facts, director=director, out=tmp / f"{director}-{locale}", today=TODAY, locale=locale
    )
    [path] = write_brief(request).written
    [line] = [line for line in docx_text(path).splitlines() if line.startswith(start)]
    return line


def _update(tmp: Path, facts: Path, locale: str = "en_GB") -> str:
    request = UpdateRequest(
        facts=facts,
        director="dof",
        out=tmp / f"update-{locale}",
        today=TODAY,
        period="2026-11",
        locale=locale,
    )
    [path] = write_update(request).written
    return docx_text(path)


@pytest.mark.parametrize(
    ("locale", "start", "year", "payback"),
    [
        (
            "en_GB",
            "Benefit against",
            # fixbrief28: a year's funding is "against £X" alone, "of funding" once in the lead.
            "2025/26 £96,000 delivered against £27,000 (nothing counted for outsourced "
            "homecare "
            "medicines deliveries, whose figures are too few to show a change yet)",
            "payback 7.2 months on the benefit delivered and forecast",
        ),
        (
            "cy_GB",
            "Budd yn erbyn",
            "2025/26 £96,000 a gyflawnwyd yn erbyn £27,000 (ni chyfrifir dim ar gyfer "
            "“Outsourced "
            "homecare medicines deliveries”, sydd â rhy ychydig o ffigurau i ddangos newid eto)",
            "ad-dalu mewn 7.2 mis ar sail y budd a gyflawnwyd ac a ragwelir",
        ),
    ],
)
def test_a_closed_year_counts_nothing_for_too_few_figures_and_names_them(
    tmp_path: Path, locale: str, start: str, year: str, payback: str
) -> None:
    line = _line(tmp_path, YOUNG, "dof", start, locale)
    assert year in line, line
    assert payback in line, line
    # 2024/25 is January to March 2025: the three months of homecare at the plan's rate too.
    assert ("2024/25 £27,000" if locale == "en_GB" else "2024/25 £27,000 yn erbyn") in line, line


def test_every_note_reads_the_mixed_closed_year_alike(tmp_path: Path) -> None:
    block = _line(tmp_path, YOUNG, "dof", "Benefit against")
    other = _line(tmp_path, YOUNG, "coo", "Money:")
    # The same payback, on the same years, in the other director's one line.
    assert "payback 7.2 months on the benefit delivered and forecast" in block
    assert other.endswith("(payback in 7.2 months on the benefit delivered and forecast)."), other
    assert "in the plan, at 2026/27 prices" in other
    # The update says the same of the measure: the plan's full rate, not nothing.
    text = _update(tmp_path, YOUNG)
    assert (
        "Outsourced homecare medicines deliveries: too few figures yet to tell a change from "
        "normal variation (3 so far; a chart needs 8), so no money is counted yet"
    ) in text, text
    # What it says was delivered is the bed days' alone: 1,776 × £100 over the project, of
    # which the block's closed years hold £18,000 + £96,000.
    assert "1,776 bed days fewer between" in text
    assert "worth £178,000 at 2026/27 prices" in text


@pytest.mark.parametrize(
    ("locale", "start", "clause"),
    [
        (
            "en_GB",
            "Benefit against",
            "2026/27 £132,000 forecast against £27,000 (£64,000 delivered to the end "
            "of November "
            "2026, the rest of the year at the average so far, £8,000 a month; at the plan's "
            "full rate for outsourced "
            "homecare medicines deliveries, with no figure for the year yet)",
        ),
        (
            "cy_GB",
            "Budd yn erbyn",
            "; ar gyfradd lawn y cynllun ar gyfer “Outsourced homecare medicines deliveries”, heb "
            "ffigur ar gyfer y flwyddyn eto)",
        ),
    ],
)
def test_the_year_under_way_names_an_impact_at_the_plans_rate(
    tmp_path: Path, locale: str, start: str, clause: str
) -> None:
    # Bed days at the log's rate: 2026/27's £64,000 over April to November (244 days) and the
    # rest (121 days) at that rate is about £96,000; homecare's £36,000 at the plan's rate.
    line = _line(tmp_path, YOUNG, "dof", start, locale)
    assert clause in line, line


@pytest.mark.parametrize(
    ("locale", "start", "year"),
    [
        (
            "en_GB",
            "Benefit against",
            "2026/27 £96,000 forecast against £38,000 (at the plan's full rate: the "
            "log has no "
            "figure for the year yet)",
        ),
        (
            "cy_GB",
            "Budd yn erbyn",
            "2026/27 £96,000 a ragwelir yn erbyn £38,000 (ar gyfradd lawn y cynllun: nid "
            "oes gan y "
            "cofnod cynnydd ffigur ar gyfer y flwyddyn eto)",
        ),
    ],
)
def test_a_year_under_way_with_no_figure_says_it_is_the_plans_rate(
    tmp_path: Path, locale: str, start: str, year: str
) -> None:
    line = _line(tmp_path, MONEY / "one-figure-before-the-year.yaml", "dof", start, locale)
    assert year in line, line


@pytest.mark.parametrize(
    ("locale", "start", "year", "update"),
    [
        (
            "en_GB",
            "Benefit against",
            "2025/26 £88,000 delivered against £27,000 (no figure for June 2025 for "
            "bed days lost to "
            "patients waiting for transport and the whole year for outsourced homecare "
            "medicines deliveries)",
            "1,349 deliveries fewer between January 2025 and November 2026 (no figure for April "
            "2025 to March 2026) than before the change",
        ),
        (
            "cy_GB",
            "Budd yn erbyn",
            "(dim ffigur ar gyfer Mehefin 2025 ar gyfer “Bed days lost to patients waiting for "
            "transport” ac ar gyfer “Outsourced homecare medicines deliveries” drwy'r flwyddyn "
            "gyfan)",
            "",
        ),
    ],
)
def test_a_measure_with_no_figure_all_year_is_named_as_such(
    tmp_path: Path, locale: str, start: str, year: str, update: str
) -> None:
    facts = MONEY / "two-impacts-a-year-missing.yaml"
    line = _line(tmp_path, facts, "dof", start, locale)
    assert year in line, line
    assert "April 2025 to March 2026" not in line
    if update:
        text = _update(tmp_path, facts, locale)
        assert update in text, text
        assert "April 2025, May 2025" not in text


def _without_log(tmp: Path, facts: Path) -> Path:
    yaml = YAML()
    data = yaml.load(facts.read_text(encoding="utf-8"))
    del data["updates"]
    path = tmp / "no-log.yaml"
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)
    return path


def _whole_year(tmp: Path, facts: Path) -> Path:
    """``facts`` run April 2026 to March 2027: £60,000 a year for 365 days is £60,000 exactly."""
    yaml = YAML()
    data = yaml.load(facts.read_text(encoding="utf-8"))
    data["project"]["start"] = dt.date(2026, 4, 1)
    data["project"]["end"] = dt.date(2027, 3, 31)
    for entry in data.get("updates", []):
        # The log moves with the start: 7 figures before the change, 3 since it.
        year, month = (int(part) for part in str(entry["period"]).split("-"))
        month -= 3
        if month < 1:
            year, month = year - 1, month + 12
        entry["period"] = f"{year}-{month:02d}"
    path = tmp / "whole-year.yaml"
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)
    return path


EXACT = "the benefit pays back the funding exactly, in 12 months"
EXACT_LOGGED = "the benefit delivered and forecast pays back the funding exactly, in 12 months"
# July 2026 to June 2027: £45,041 + £14,918 = £59,959, shown £60,000 beside £60,000 of funding.
ROUNDED = (
    "matches the funding to the nearest £1,000, over 12 months: £59,959 to the pound, "
    "against £60,000"
)
EXACT_CY = "mae'r budd yn ad-dalu'r cyllid yn union, mewn 12 mis"
EXACT_LOGGED_CY = "mae'r budd a gyflawnwyd ac a ragwelir yn ad-dalu'r cyllid yn union, mewn 12 mis"
ROUNDED_CY = (
    "yn cyfateb i'r cyllid i'r £1,000 agosaf, dros 12 mis: £59,959 i'r bunt, yn erbyn £60,000"
)


@pytest.mark.parametrize(
    ("locale", "whole", "logged", "clause"),
    [
        ("en_GB", True, False, EXACT),
        ("en_GB", True, True, EXACT_LOGGED),
        ("en_GB", False, False, "the benefit " + ROUNDED),
        # The log's rate carried on by months comes to the funding to the pound.
        ("en_GB", False, True, EXACT_LOGGED),
        ("cy_GB", True, False, EXACT_CY),
        ("cy_GB", True, True, EXACT_LOGGED_CY),
        ("cy_GB", False, False, "mae'r budd " + ROUNDED_CY),
        ("cy_GB", False, True, EXACT_LOGGED_CY),
    ],
)
def test_a_benefit_equal_to_the_funding_pays_it_back_exactly(
    tmp_path: Path, locale: str, whole: bool, logged: bool, clause: str
) -> None:
    """Exactly means to the pound, and a forecast keeps its basis (review14 #4).

    The benefit over the project, as shown, is the funding: the line says so
    plainly, not "net £0; not paid back within the project; £1 per £1". When
    the two agree only once rounded, it says to what, with the benefit to the
    pound; when any of it is forecast beside the log, it says so.
    """
    facts = MONEY / "pays-back-exactly.yaml"
    if whole:
        facts = _whole_year(tmp_path, facts)
    if not logged:
        facts = _without_log(tmp_path, facts)
    # One financial year has no total over the project: the clause follows the year.
    total = (
        "; "
        if whole
        else "over the project £60,000: "
        if locale == "en_GB"
        else "dros y prosiect £60,000: "
    )
    line = _line(
        tmp_path, facts, "dof", "Benefit against" if locale == "en_GB" else "Budd yn erbyn", locale
    )
    # With a log the block then says what "delivered" is counted against.
    assert f"{total}{clause}." in line, line
    for riddle in ("net £0", "£1 per £1", "not paid back", "heb ei ad-dalu", "£1 am bob £1"):
        assert riddle not in line, line
    if whole:
        assert "nearest" not in line, line
        assert "agosaf" not in line, line
    one = _line(tmp_path, facts, "coo", "Money:" if locale == "en_GB" else "Arian:", locale)
    assert one.endswith(f"({clause})."), one


YSBYTY = Path(__file__).resolve().parent.parent / "examples" / "ysbyty-cymunedol" / "facts.yaml"


def _dof_line(tmp: Path, facts: Path, locale: str) -> str:
    request = BriefRequest(
        facts=facts, director="dof", out=tmp / locale, today=dt.date(2028, 4, 10), locale=locale
    )
    [path] = write_brief(request).written
    start = "Benefit against" if locale == "en_GB" else "Budd yn erbyn"
    [line] = [line for line in docx_text(path).splitlines() if line.startswith(start)]
    return line


@pytest.mark.parametrize(
    ("locale", "level", "worse"),
    [
        (
            "en_GB",
            "2026/27 £0 delivered against £22,000 (the log's figures for that year are "
            "no better "
            "than the baseline on balance; no figure for January 2027)",
            "2026/27 £0 counted against £22,000 (the log's figures for that year do "
            "not show the "
            "change, and show emergency department attendances for minor illness by people "
            "registered with Dyffryn practices worse than before it, so nothing is counted; no "
            "figure for January 2027)",
        ),
        (
            # Since reader20 #5 the example names the measure in Welsh too, so it is no longer
            # quoted as English text but runs in the sentence, as the English one does.
            "cy_GB",
            "2026/27 £0 a gyflawnwyd yn erbyn £22,000 (nid yw ffigurau'r cofnod cynnydd "
            "ar gyfer y "
            "flwyddyn honno yn well na'r llinell sylfaen ar y cyfan; dim ffigur ar gyfer Ionawr "
            "2027)",
            "2026/27 £0 a gyfrifwyd yn erbyn £22,000 (nid yw ffigurau'r cofnod cynnydd "
            "ar gyfer y "
            "flwyddyn honno yn dangos y newid, ac maent yn dangos presenoldebau yn yr adran "
            "achosion brys ar gyfer mân salwch gan bobl sydd wedi'u cofrestru â phractisau Dyffryn "
            "yn waeth na chyn hynny, felly ni chyfrifir dim; dim ffigur ar gyfer Ionawr 2027)",
        ),
    ],
)
def test_a_closed_year_at_the_baseline_on_balance_says_so(
    tmp_path: Path, locale: str, level: str, worse: str
) -> None:
    # The same-day hub (a note of 10 April 2028): ED attendances 428 and 412 in February and
    # March 2027 against a baseline of 420 net to nothing (-8 + 8), though the chart shows the
    # change (a 7-month fall from February) and the update counts 407 fewer from February:
    # not "do not show the change, so nothing is counted", which it read.
    line = _dof_line(tmp_path, YSBYTY, locale)
    assert level in line, line
    # With 425 for March, the two months are 13 worse (-8 - 5): the measure is worse than
    # before the change in that year, so it counts £0 there, named (docs/money.md, "A measure
    # that got worse counts £0"), not "-£3,000" nor a shortfall of £3,000 taken off the total
    # (merge17: truth17's per-impact rule holds for a year whose chart shows the change too).
    changed = tmp_path / "worse.yaml"
    text = YSBYTY.read_text(encoding="utf-8")
    assert "{ed-attendances: 412," in text
    changed.write_text(text.replace("{ed-attendances: 412,", "{ed-attendances: 425,"), "utf-8")
    line = _dof_line(tmp_path / "worse", changed, locale)
    assert worse in line, line
    for sign in ("-£", "\u2212£", "shortfall", "diffyg"):
        assert sign not in line, line
    # 2027/28 is 407 x £207.38 = £84,404, and nothing is taken off it for 2026/27.
    assert ("over the project £84,000" if locale == "en_GB" else "dros y prosiect £84,000") in line
    # The update counts 394 (407 - 13) x £207.38 = £82,000 for the same facts: the block says why
    # its total is higher, so a finance director holding both papers can reconcile them
    # (merge17's open decision); the level year above, with nothing worse, does not.
    # The funding's split by days closes the line (newuser40 #5): 11 January to 31 March 2027
    # is 80 days, April to December 2027 275.
    assert line.endswith(f"{NETTED[locale]} {SPLIT[locale]}"), line
    assert NETTED[locale] not in _dof_line(tmp_path / "level", YSBYTY, locale)


SPLIT = {
    "en_GB": "Funding split by days: 80 in 2026/27, 275 in 2027/28.",
    "cy_GB": "Cyllid wedi'i rannu yn ôl dyddiau: 80 yn 2026/27, 275 yn 2027/28.",
}
NETTED = {
    "en_GB": "Each year counts £0, not a loss, for a measure whose figures that year are worse "
    "than before the change; a progress update takes that loss off what the measure delivered "
    "since the change, so its total for the measure is lower by £2,696 (13 attendances at £207.38 "
    "in 2026/27).",
    "cy_GB": "Mae pob blwyddyn yn cyfrif £0, nid colled, ar gyfer mesur y mae ei ffigurau yn y "
    "flwyddyn honno yn waeth na chyn y newid; mae diweddariad ar gynnydd yn tynnu'r golled "
    "honno oddi ar yr hyn a gyflawnodd y mesur ers y newid, felly mae ei gyfanswm ar gyfer y "
    "mesur yn is o £2,696 (13 presenoldeb ar £207.38 yn 2026/27).",
}
