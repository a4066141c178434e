"""What a director would query in notes on projects pitchkit had not seen (second reading).

Each test writes a small facts file in the words of the held-out projects
read in this pass (hot gallbladder lists, medical SDEC, maternity triage),
renders the note, reads its text back and checks what a finance director
would recompute or an operations director would take for a claim: money
that says which kind it is, payback that matches the figure beside it, a
table that does not call one month's noise "improving", and a total that
names the month it is counted without.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

import docx
from ruamel.yaml import YAML

from documenttext import body_run_text
from pitchkit.facts.project import open_project, pick_director
from pitchkit.notes.brief import make_brief_note
from pitchkit.notes.update import make_update

TODAY = dt.date(2026, 12, 1)
TODAY_UPDATE = dt.date(2027, 12, 10)

OUTSOURCED = {
    "id": "outsourced",
    "measure": "Elective cholecystectomies outsourced to the independent sector",
    "unit": "operations",
    "per": "year",
    "baseline": 220,
    "target": 100,
    "value": {
        "amount": 4100,
        "source": "Independent sector contract price, 2026/27",
        "price_year": "2026/27",
    },
    "releases": "cash",
}
READMISSIONS = {
    "id": "readmit",
    "measure": "Emergency readmissions with gallstone complications",
    "unit": "readmissions",
    "per": "year",
    "baseline": 280,
    "target": 90,
    "value": {"amount": 2629, "source": "Non-elective spell, trust costing 2026/27"},
    "releases": "capacity",
    "supports": ["coo.occupancy"],
}
SHARE = {
    "id": "share",
    "measure": "Medical take managed the same day in SDEC",
    "unit": "%",
    "baseline": 18,
    "target": 35,
    "supports": ["coo.occupancy"],
}


def _facts(
    tmp_path: Path, impacts: list[dict[str, Any]], updates: list[dict[str, Any]] | None = None
) -> Path:
    data: dict[str, Any] = {
        "project": {
            "title": "Hot gallbladder lists",
            "organisation": "Ravensworth and Calder NHS Trust",
            "lead": {"name": "Mr Ifeanyi Obi", "role": "Consultant Upper GI Surgeon"},
            "problem": "Fewer than one in ten patients has the gallbladder removed on admission.",
            "change": "Four hot gallbladder lists a week in the emergency theatre.",
            "start": "2027-01-04" if updates is None else "2026-07-01",
            "end": "2028-03-31",
            "funding": {"amount": 275000, "currency": "GBP", "source": "Invest-to-save fund"},
        },
        "impacts": impacts,
        "asks": ["Protect four emergency theatre sessions a week"],
        "directors": [
            {
                "id": "md",
                "name": "Dr Kwame Asante",
                "role": "Medical Director",
                "objectives": [{"id": "readmit", "text": "Readmissions below 11%"}],
            },
            {
                "id": "coo",
                "name": "Graham Whitfield",
                "role": "Chief Operating Officer",
                "objectives": [{"id": "occupancy", "text": "G&A bed occupancy 92% or below"}],
            },
        ],
    }
    if updates is not None:
        data["updates"] = updates
    path = tmp_path / "facts.yaml"
    with path.open("w", encoding="utf-8") as out:
        YAML().dump(data, out)
    return path


def _brief(path: Path, director_id: str) -> str:
    project = open_project(path)
    director = pick_director(project.facts, director_id)
    return body_run_text(make_brief_note(project, director, today=TODAY).data)


def _update(path: Path, period: str | None = None, locale: str | None = None) -> str:
    project = open_project(path, locale=locale) if locale else open_project(path)
    director = pick_director(project.facts, "coo")
    data, _info = make_update(project, director, period=period, today=TODAY_UPDATE)
    return body_run_text(data)


def test_the_payback_beside_cash_and_capacity_is_the_cashs(tmp_path: Path) -> None:
    # Cash 120 × £4,100 = £492,000 a year; capacity 190 × £2,629 = £499,510 -> £500,000.
    # Counting both, £275,000 pays back in 12 × 275,000 / 991,510 = 3.3 months; from the
    # cash alone, 12 × 275,000 / 492,000 = 6.7 months (one decimal, fixbrief25). Said
    # straight after "£492,000 of cash", the payback is read as the cash's, and says so.
    text = _brief(_facts(tmp_path, [OUTSOURCED, READMISSIONS]), "md")
    assert (
        "Money: £492,000 of cash and £500,000 of capacity a year at 2026/27 prices, "
        "against £275,000 of funding (payback in 6.7 months from the cash alone)."
    ) in text, text
    assert "payback in 3 months" not in text


def test_a_price_year_both_the_field_and_the_source_name_is_said_once(tmp_path: Path) -> None:
    text = _brief(_facts(tmp_path, [OUTSOURCED]), "md")
    used = text[text.index("Unit costs used") :]
    # Since fixbrief27 (reader26 #11) the base year is said with the price, and the source's
    # trailing year, the same, is not repeated.
    # fixbrief29: the source is lower-cased after "from the".
    assert (
        "£4,100 per operation at 2026/27 prices, from the independent sector contract price."
        in used
    ), used
    assert "2026/27, at 2026/27 prices" not in used


def _log(values: dict[str, list[float | None]]) -> list[dict[str, Any]]:
    """Monthly reports from January 2026, one figure per measure per month (None: not logged)."""
    count = len(next(iter(values.values())))
    rows = []
    for n in range(count):
        year, month = 2026 + n // 12, n % 12 + 1
        measures = {key: series[n] for key, series in values.items() if series[n] is not None}
        rows.append({"period": f"{year}-{month:02d}", "status": "green", "measures": measures})
    return rows


# Eighteen months of the same day share with no change in it: noise around 17%.
NOISE = [17.2, 18.9, 16.1, 17.8, 16.5, 18.4, 17.0, 18.2, 16.6, 17.9, 16.8, 18.1]
NOISE += [16.9, 17.6, 18.3, 16.4, 17.5, 18.0]


def test_one_month_up_on_noise_is_not_called_improving(tmp_path: Path) -> None:
    # The latest month (18.0%) is above the one before (17.5%), but every point is common
    # cause: the table says so rather than "improving", as the chart and its icon do.
    path = _facts(tmp_path, [SHARE], _log({"share": NOISE}))
    text = _update(path)
    row = text[text.index("Medical take managed the same day in SDEC") :]
    row = row[: row.index("What this has delivered") if "What this has" in row else 400]
    assert "within normal variation" in row, row
    assert "improving" not in row
    welsh = _update(path, locale="cy_GB")
    assert "o fewn amrywiad arferol" in welsh
    assert "yn gwella" not in welsh[: welsh.index("Siartiau")]


def test_a_month_beyond_the_limits_keeps_its_direction(tmp_path: Path) -> None:
    # Seventeen months of noise, then 30%: above the upper limit, special cause improvement,
    # and higher than the month before. The table says it is better, and that one figure is
    # not yet a sustained change (newuser13 #1: a point past the limits is a signal about
    # that point, not a new level).
    path = _facts(tmp_path, [SHARE], _log({"share": [*NOISE[:17], 30.0]}))
    text = _update(path)
    row = text[text.index("Medical take managed the same day in SDEC") :][:400]
    assert "one better figure, not yet a sustained change" in row, row
    assert "within normal variation" not in row


def test_a_level_delivered_names_the_average_before_the_change(tmp_path: Path) -> None:
    # The baseline in the facts is 18%; the months logged before July 2026 average
    # (17.2 + 18.9 + 16.1 + 17.8 + 16.5 + 18.4) / 6 = 17.48 -> 17.5%. The sentence for the
    # board and the delivered table both count from 17.5%, and say where it comes from,
    # so that no second baseline (18%) sits beside it unexplained.
    rising = [*NOISE[:6], 28.0, 29.5, 31.0, 29.0, 30.5, 30.0, 31.5, 29.5, 30.8, 29.9, 30.2, 31.9]
    text = _update(_facts(tmp_path, [SHARE], _log({"share": rising})))
    # The board sentence sets level beside level once the limits are recalculated at the new
    # level (newuser24 #3): the mean since the change, not one month against the old mean.
    # 361.8 / 12 = 30.15, rounded half up to 30.2 (fixleft21 #1: the float sum is just under
    # 30.15, and it read 30.1).
    assert "from an average of 17.5% before the change to an average of 30.2% since" in text, text
    assert not re.search(r"before the change to 31\.9%", text), text
    welsh = _update(_facts(tmp_path, [SHARE], _log({"share": rising})), locale="cy_GB")
    assert "cyn y newid i gyfartaledd o 30.2% ers y newid" in welsh, welsh
    assert "now 31.9%, against an average of 17.5% before the change and a target of 35%" in text
    assert "against a baseline of 18%" not in text


def test_capacity_delivered_is_worth_money_in_capacity(tmp_path: Path) -> None:
    # 23 readmissions a month before July 2026, 15 after: 8 fewer a month for 12 months.
    before = [23.0, 24.0, 22.0, 23.0, 24.0, 22.0]
    after = [15.0, 14.0, 16.0, 15.0, 14.0, 16.0, 15.0, 15.0, 14.0, 16.0, 15.0, 15.0]
    text = _update(_facts(tmp_path, [READMISSIONS], _log({"readmit": before + after})))
    # Priced at 2027/28, the year of the update: £2,629 × 1.026 (the projection) = £2,697.35;
    # × 96 = £258,946 -> £259,000, capacity, not cash the board could count.
    sentence = text[text.index("As executive sponsor") :]
    assert "(worth £259,000 in capacity at 2027/28 prices)" in sentence, sentence
    assert not re.search(r"\(worth £[\d,]+ at 20", sentence)


def test_a_total_counted_without_a_month_names_the_month(tmp_path: Path) -> None:
    # No figure for March 2027: the 96 fewer readmissions are counted over eleven months, so
    # the stretch "July 2026 to June 2027" says which month it leaves out.
    before = [23.0, 24.0, 22.0, 23.0, 24.0, 22.0]
    after: list[float | None] = [15.0, 14.0, 16.0, 15.0, 14.0, 16.0, 15.0, 15.0, None]
    after += [14.0, 16.0, 15.0]
    text = _update(_facts(tmp_path, [READMISSIONS], _log({"readmit": before + after})))
    sentence = text[text.index("As executive sponsor") :]
    assert (
        "in capacity at 2027/28 prices; no figure for March 2027) between July 2026 and June 2027"
    ) in sentence, sentence
    table = text[text.index("What this has delivered") : text.index("As executive sponsor")]
    assert "between July 2026 and June 2027 (no figure for March 2027)" in table, table


AMBULANCE = {
    "id": "ambulance",
    "measure": "Ambulance patients conveyed direct to SDEC",
    "unit": "patients",
    "per": "month",
    "baseline": 40,
    "target": 260,
    "supports": ["coo.occupancy"],
}


def test_a_ramp_after_the_change_is_not_called_a_concern(tmp_path: Path) -> None:
    # Six months at about 40, then twelve climbing every month from 48 to 182. The climb is a
    # sustained shift above the baseline mean, but limits recalculated over it would put its
    # mean near 115 and mark its first months, already better than any month before the
    # change, as a concern below it. Until the climb settles, the baseline limits stand.
    ramp = [48.0, 53, 63, 74, 83, 95, 110, 119, 133, 139, 162, 182]
    log = _log({"ambulance": [46.0, 38, 33, 43, 40, 44, *ramp]})
    text = _update(_facts(tmp_path, [AMBULANCE], log))
    charts = text[text.index("Charts") :]
    assert "still rising, so the limits are not recalculated until it settles" in charts, charts
    assert "(concern)" not in charts
    assert "so the limits are recalculated" not in charts
    welsh = _update(_facts(tmp_path, [AMBULANCE], log), locale="cy_GB")
    assert "sy'n dal i godi" in welsh


def test_a_ramp_that_settles_has_its_new_limits_from_where_it_settled(tmp_path: Path) -> None:
    # Six months at about 40, ten climbing every month from 55 to 190, then eight level at
    # 186 to 199 (January 2026 to December 2027). Limits recalculated from the change (July
    # 2026) would take in the climb: a mean near 150 with its first months far below it,
    # read as a shift below the mean and points below the lower limit, each "(concern)", in a
    # project that only improved. The climb is judged against the baseline's limits, and the
    # new limits start in May 2027, the month after it ended (April 2027, 190).
    climb = [55.0, 70, 84, 99, 115, 128, 143, 160, 175, 190]
    level = [186.0, 196, 192, 199, 190, 197, 193, 195]
    log = _log({"ambulance": [46.0, 38, 33, 43, 40, 44, *climb, *level]})
    text = _update(_facts(tmp_path, [AMBULANCE], log))
    charts = text[text.index("Charts") :]
    assert (
        "rising until April 2027, so the limits are recalculated from May 2027, where it settled"
    ) in charts, charts
    assert "(concern)" not in charts
    # Three months after the climb are too few to make limits from: the baseline's stand.
    short = _log({"ambulance": [46.0, 38, 33, 43, 40, 44, *climb, *level[:3]]})
    charts = _update(_facts(tmp_path, [AMBULANCE], short))
    charts = charts[charts.index("Charts") :]
    assert "rising until April 2027; the limits are recalculated once enough points" in charts
    assert "(concern)" not in charts
    welsh = _update(_facts(tmp_path, [AMBULANCE], log), locale="cy_GB")
    assert "lle sefydlodd" in welsh


RETURNS = {
    "id": "returns",
    "measure": "SDEC patients admitted within 7 days of discharge",
    "unit": "%",
    "baseline": 9,
    "target": 6,
    "supports": ["coo.occupancy"],
}


def test_a_share_audited_each_quarter_has_no_missing_months(tmp_path: Path) -> None:
    # The 7-day return rate is audited each quarter and logged in March, June, September and
    # December; the readmissions are logged every month. The months between audits are not
    # missing data: a monthly update names no gap for the audit until a quarter lacks one.
    months = 21  # January 2026 to September 2027
    audit: list[float | None] = [None] * months
    for n, value in zip(range(2, months, 3), [9.1, 8.8, 9.3, 8.9, 9.0, 8.7, 9.2], strict=True):
        audit[n] = value
    readmit = [23.0, 24.0, 22.0, 23.0, 24.0, 22.0, *[15.0, 14.0, 16.0] * 5]
    text = _update(
        _facts(tmp_path, [READMISSIONS, RETURNS], _log({"readmit": readmit, "returns": audit}))
    )
    assert "SDEC patients admitted within 7 days of discharge: no figure" not in text, text
    assert "9.2% (September 2027)" in text
    # December 2026's audit not logged: that quarter, and only it, is named.
    audit[11] = None
    text = _update(
        _facts(tmp_path, [READMISSIONS, RETURNS], _log({"readmit": readmit, "returns": audit}))
    )
    assert (
        "For SDEC patients admitted within 7 days of discharge, no figure for December 2026; "
        "gaps are left blank"
    ) in text, text
    # A count a month logged each quarter still lacks two months in three for its totals.
    sparse: list[float | None] = [v if n % 3 == 2 else None for n, v in enumerate(readmit)]
    text = _update(_facts(tmp_path, [READMISSIONS], _log({"readmit": sparse})))
    # Counted from its first figure, March 2026 (fixupd25a #6: a month before a measure's
    # first figure is not missing).
    assert "no figure for 12 of the 19 months since March 2026" in text, text


def test_the_chart_behind_a_claim_is_shown_before_charts_of_noise(tmp_path: Path) -> None:
    # Three shares of noise, each with a last month below its limits, come first in the facts;
    # the readmissions fall from about 23 to 15 a month in July 2026 and the update claims
    # 96 fewer (worth money). Once the limits are recalculated at that shift, its chart has
    # no signal left on it, but it is the chart the claim rests on: a director reading "96
    # fewer" must be able to see it, so it is one of the three charts shown.
    shares = [{**SHARE, "id": f"share{n}", "measure": f"{SHARE['measure']} ({n})"} for n in "abc"]
    noisy = [*NOISE[:17], 8.0]
    before = [23.0, 24.0, 22.0, 23.0, 24.0, 22.0]
    after = [15.0, 14.0, 16.0, 15.0, 14.0, 16.0, 15.0, 15.0, 14.0, 16.0, 15.0, 15.0]
    values = {s["id"]: noisy for s in shares} | {"readmit": before + after}
    text = _update(_facts(tmp_path, [*shares, READMISSIONS], _log(values)))
    assert "96 fewer" in text or "96 readmissions fewer" in text, text
    charts = text[text.index("Charts") :]
    assert "Emergency readmissions with gallstone complications (XmR chart)" in charts, charts
    # (Each share's last month below its limits is a change the wrong way, charted first too.)
    # fixupd29 (reader28): the order is said as "first those the sentences above rely on".
    assert (
        "first those the sentences above rely on or that show a change the wrong way, then "
        "those with a signal"
    ) in charts, charts
    assert charts.index("Emergency readmissions") < charts.index("Medical take managed")


def test_a_small_yearly_target_is_not_shown_as_none_a_month(tmp_path: Path) -> None:
    # 22 transfers a year to 4 are 1.8 and 0.3 a month. Rounded to whole numbers the target
    # read "0 transfers a month", a target of none the facts never set.
    transfers = {
        "id": "transfers",
        "measure": "Non-clinical transfers of critical care patients to another hospital",
        "unit": "transfers",
        "per": "year",
        "baseline": 22,
        "target": 4,
        "supports": ["coo.occupancy"],
    }
    log = _log({"transfers": [2.0, 1, 3, 2, 1, 2, 1, 0, 1]})
    text = _update(_facts(tmp_path, [transfers], log))
    # The table's row, after "Since the last update" names the measure too.
    row = text[text.index("Non-clinical transfers", text.index("Baseline")) :][:300]
    assert "1.8 transfers a month" in row, row
    assert "0.3 transfers a month" in row
    assert "0 transfers a month" not in row.replace("0.3 transfers", "")


def test_a_shift_is_counted_once_under_its_chart(tmp_path: Path) -> None:
    # The month before the change (44) is above the baseline mean (40.7) as well, so the
    # chart's shift holds 13 months, 12 of them from the change. Under one chart the words
    # said "a sustained shift (12 months above the mean before it)" and then "a shift of 13
    # months above the mean": two counts of one run. A signal after a change is now counted
    # from the change's first month (fixread24a), so both say 12: one count of one run.
    ramp = [48.0, 53, 63, 74, 83, 95, 110, 119, 133, 139, 162, 182]
    log = _log({"ambulance": [46.0, 38, 33, 43, 40, 44, *ramp]})
    text = _update(_facts(tmp_path, [AMBULANCE], log))
    charts = text[text.index("Charts") :]
    # Since fixupd26 (session 26) the shift the sentence on the change names, with its
    # count, is not listed again under the signals: one count, said once.
    assert "a shift of 12 months above the mean (improvement)" not in charts, charts
    assert "13 months" not in charts
    assert "From July 2026, a sustained shift (12 months above the mean before it" in charts


def test_a_draft_asks_for_a_quarterly_audit_only_in_its_month(tmp_path: Path) -> None:
    # Audited in March, June and September 2026: a draft for October asks for no October
    # figure (none will come) but says when the next is due; the monthly count is asked for.
    audit: list[float | None] = [None, None, 9.1, None, None, 8.8, None, None, 9.3]
    readmit = [23.0, 24.0, 22.0, 23.0, 24.0, 22.0, 15.0, 14.0, 16.0]
    path = _facts(tmp_path, [READMISSIONS, RETURNS], _log({"readmit": readmit, "returns": audit}))
    text = _update(path, period="2026-10")
    row = text[text.index("SDEC patients admitted within 7 days") :][:400]
    assert "not due: measured every 3 months, next for December 2026" in row, row
    assert "[figure for October 2026]" not in row
    assert "[figure for October 2026]" in text  # the readmissions, logged every month
    welsh = _update(path, period="2026-10", locale="cy_GB")
    assert "caiff ei fesur bob 3 mis, y nesaf ar gyfer Rhagfyr 2026" in welsh


def test_no_assurance_is_read_from_limits_a_shift_has_left(tmp_path: Path) -> None:
    # Still climbing towards 260 a month, the measure keeps the baseline's limits (about 30
    # to 52). Read against those, the target (260) lies above them: "the target will be missed
    # consistently", beside a table 70% of the way there. Until the new level settles and
    # has its own limits, no assurance is given.
    ramp = [48.0, 53, 63, 74, 83, 95, 110, 119, 133, 139, 162, 182]
    log = _log({"ambulance": [46.0, 38, 33, 43, 40, 44, *ramp]})
    project = open_project(_facts(tmp_path, [AMBULANCE], log))
    data, _info = make_update(project, pick_director(project.facts, "coo"), today=TODAY_UPDATE)
    document = docx.Document(io.BytesIO(data))
    described = [shape._inline.docPr.get("descr", "") for shape in document.inline_shapes]
    icons = [d for d in described if d.startswith("Latest point: ")]
    assert icons, described
    assert all(d == "Latest point: special cause variation: improvement." for d in icons), icons
    assert not any("missed consistently" in d for d in described)
