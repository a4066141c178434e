"""Progress arithmetic on hand-made numbers: scaling, cumulative delivery, missing data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import pytest

from pitchkit.errors import InputError
from pitchkit.facts.schema import Impact, Update
from pitchkit.notes.update.progress import (
    fraction_along,
    measure_progress,
    next_update_date,
    previous_score,
    scale,
    series,
)
from pitchkit.period import add_months, parse_period


def impact(**fields: Any) -> Impact:
    """An impact with sensible defaults for the fields a test does not care about."""
    values: dict[str, Any] = {
        "id": "bed-days",
        "measure": "Bed days",
        "unit": "bed days",
        "per": "year",
        "baseline": 2100,
        "target": 1800,
    }
    values.update(fields)
    return Impact.model_validate(values)


def log(
    *entries: tuple[str, Mapping[str, float | None]], score: float | None = None
) -> list[Update]:
    """Progress log entries, all green, with the given measures."""
    return [
        Update.model_validate({"period": p, "status": "green", "measures": dict(m)})
        for p, m in entries
    ]


def test_a_yearly_rate_is_scaled_to_a_month_a_quarter_and_a_year() -> None:
    bed_days = impact()
    assert scale(2100, bed_days, parse_period("2027-03")) == pytest.approx(175)
    assert scale(2100, bed_days, parse_period("2027-Q2")) == pytest.approx(525)
    assert scale(2100, bed_days, parse_period("2027")) == pytest.approx(2100)


def test_a_monthly_rate_is_scaled_up_to_a_quarter() -> None:
    attendances = impact(per="month", baseline=420, target=330)
    assert scale(420, attendances, parse_period("2027-Q1")) == pytest.approx(1260)


def test_a_level_is_compared_as_it_is() -> None:
    percentage = impact(unit="%", per=None, baseline=78, target=85)
    assert scale(78, percentage, parse_period("2027-Q1")) == 78
    progress = measure_progress(percentage, series(log(("2027-Q1", {"bed-days": 81}))))
    assert progress.delivered is None
    assert progress.fraction == pytest.approx(3 / 7)
    assert progress.latest_gap == pytest.approx(3)


def test_delivered_so_far_sums_the_gap_from_the_scaled_baseline() -> None:
    bed_days = impact(value={"amount": 345, "source": "Standard bed day"})
    run = series(log(("2027-01", {"bed-days": 170}), ("2027-02", {"bed-days": 160})))
    progress = measure_progress(bed_days, run)
    assert progress.delivered == pytest.approx(5 + 15)
    assert progress.delivered_money == pytest.approx(20 * 345)
    assert progress.latest is not None
    assert progress.latest.value == 160
    assert progress.direction == "improving"


def test_worse_than_baseline_counts_against_the_total() -> None:
    run = series(log(("2027-01", {"bed-days": 185}), ("2027-02", {"bed-days": 170})))
    progress = measure_progress(impact(), run)
    assert progress.delivered == pytest.approx(-10 + 5)
    assert progress.fraction is not None
    assert progress.fraction == pytest.approx((170 - 175) / (150 - 175))


def test_higher_is_better_counts_the_other_way() -> None:
    appointments = impact(id="gp", per="month", baseline=0, target=600, better="higher")
    run = series(log(("2027-03", {"gp": 150}), ("2027-04", {"gp": 270})))
    progress = measure_progress(appointments, run)
    assert progress.delivered == pytest.approx(420)
    assert progress.fraction == pytest.approx(270 / 600)
    assert progress.delivered_money is None  # no unit cost given


def test_a_missing_value_is_missing_not_zero() -> None:
    entries = log(
        ("2027-07", {"bed-days": 170}),
        ("2027-08", {"bed-days": None}),
        ("2027-09", {"bed-days": 165}),
    )
    progress = measure_progress(impact(), series(entries))
    assert progress.delivered == pytest.approx(5 + 10)  # August adds nothing, not 175
    assert [p.text for p in progress.missing] == ["2027-08"]
    assert [p.text for p in progress.with_data] == ["2027-07", "2027-09"]
    assert progress.previous is not None
    assert progress.previous.period.text == "2027-07"


def test_a_period_with_no_entry_at_all_is_missing_too() -> None:
    entries = log(("2027-01", {"bed-days": 170}), ("2027-03", {"bed-days": 165}))
    progress = measure_progress(impact(), series(entries))
    assert [p.text for p in progress.missing] == ["2027-02"]
    assert progress.delivered == pytest.approx(5 + 10)


def test_a_measure_never_logged_has_no_latest_value() -> None:
    progress = measure_progress(impact(), series(log(("2027-01", {}))))
    assert progress.latest is None
    assert progress.fraction is None
    assert progress.direction is None
    assert progress.delivered == 0


def test_the_series_stops_at_the_period_asked_for() -> None:
    entries = log(*((f"2027-{m:02d}", {"bed-days": 170.0}) for m in range(1, 7)))
    run = series(entries, until=parse_period("2027-03"))
    assert [p.text for p in run.periods] == ["2027-01", "2027-02", "2027-03"]
    assert measure_progress(impact(), run).delivered == pytest.approx(15)


def test_quarters_before_months_count_once() -> None:
    entries = log(
        ("2027-Q1", {"bed-days": 500}),
        ("2027-04", {"bed-days": 170}),
        ("2027-05", {"bed-days": 160}),
    )
    run = series(entries)
    assert [p.text for p in run.periods] == ["2027-Q1", "2027-04", "2027-05"]
    assert measure_progress(impact(), run).delivered == pytest.approx(25 + 5 + 15)


def test_an_overlapping_entry_is_left_out_and_named() -> None:
    entries = log(("2027-Q1", {"bed-days": 500}), ("2027-03", {"bed-days": 170}))
    run = series(entries)
    assert run.skipped == ("2027-Q1",)
    assert measure_progress(impact(), run).delivered == pytest.approx(5)


def test_no_change_between_the_last_two_figures() -> None:
    run = series(log(("2027-01", {"bed-days": 170}), ("2027-02", {"bed-days": 170})))
    assert measure_progress(impact(), run).direction == "no change"


def test_periods_and_their_dates() -> None:
    quarter = parse_period("2027-q2")
    assert quarter.text == "2027-Q2"
    assert (quarter.start, quarter.end, quarter.months) == (
        dt.date(2027, 4, 1),
        dt.date(2027, 6, 30),
        3,
    )
    assert parse_period("2028-02").end == dt.date(2028, 2, 29)
    assert parse_period("2027").end == dt.date(2027, 12, 31)
    assert parse_period("2027-12").following().text == "2028-01"
    assert add_months(dt.date(2027, 1, 31), 1) == dt.date(2027, 2, 28)


@pytest.mark.parametrize("text", ["2027-13", "27-01", "2027-Q5", "March 2027", ""])
def test_a_badly_written_period_is_refused(text: str) -> None:
    with pytest.raises(InputError, match="YYYY-MM"):
        parse_period(text)


def test_the_next_update_is_as_logged_or_a_period_on() -> None:
    [logged] = log(("2027-03", {}))
    march = parse_period("2027-03")
    assert next_update_date(logged, march, "month") == dt.date(2027, 4, 30)
    assert next_update_date(logged, march, "quarter") == dt.date(2027, 6, 30)
    assert next_update_date(None, parse_period("2027-Q1"), None) == dt.date(2027, 6, 30)
    dated = Update.model_validate(
        {"period": "2027-03", "status": "amber", "next_update": "2027-04-09"}
    )
    assert next_update_date(dated, march, "month") == dt.date(2027, 4, 9)


def test_a_reported_entry_sets_the_rhythm_of_the_next() -> None:
    # October's figures reported on 6 November: November's are due on 6 December, not on
    # 30 November, before November's figures could be complete.
    reported = Update.model_validate({"period": "2026-10", "status": "green", "date": "2026-11-06"})
    october = parse_period("2026-10")
    assert next_update_date(reported, october, "month") == dt.date(2026, 12, 6)
    assert next_update_date(reported, october, "quarter") == dt.date(2027, 2, 6)


def test_the_previous_score_is_the_latest_before_the_period() -> None:
    entries = [
        Update.model_validate({"period": "2027-01", "status": "green", "score": 1.5}),
        Update.model_validate({"period": "2027-02", "status": "green"}),
        Update.model_validate({"period": "2027-03", "status": "green", "score": 2.5}),
    ]
    found = previous_score(entries, parse_period("2027-03"))
    assert found is not None
    assert (found[0].period, found[1]) == ("2027-01", 1.5)
    assert previous_score(entries, parse_period("2027-01")) is None


def test_fraction_along_is_none_when_baseline_equals_target() -> None:
    flat = impact(per=None, unit="%", baseline=80, target=80, better="higher")
    assert fraction_along(85, flat, parse_period("2027-01")) is None
