"""The gap pass: names found across words that only say whose or how many, and the map's
new names and edges from national lists (docs/linking-evaluation.md, "The gap pass")."""

from __future__ import annotations

from pitchkit.recast.measures import concepts_in, measured
from pitchkit.recast.words import PhraseMatcher, tokens


def test_a_setting_or_specialty_between_a_names_words_is_passed_over() -> None:
    assert measured("Discharges from surgical wards before noon") == ("discharge-before-noon",)
    assert measured("Outpatient cardiology follow-ups") == ("outpatient-follow-up",)


def test_a_number_between_a_names_words_is_passed_over() -> None:
    assert concepts_in("Free up 30 beds on the medical wards") == ("bed-occupancy",)


def test_a_word_that_says_what_is_counted_is_not_passed_over() -> None:
    assert measured("Discharges planned before noon") == ()


def test_a_number_before_a_unit_of_time_is_a_span_not_a_count() -> None:
    # "Antibiotics within 48 hours" is not "antibiotics within the hour".
    assert "sepsis-antibiotics" not in concepts_in("IV antibiotics within 48 hours")
    assert concepts_in("IV antibiotics within the hour") == ("sepsis-antibiotics",)


def test_a_matcher_passes_over_at_most_two_words() -> None:
    table: dict[tuple[str, ...], frozenset[str]] = {("bed", "day"): frozenset({"beds"})}
    matcher = PhraseMatcher(table, skippable=frozenset({"ward", "medic", "surgic"}))
    assert matcher.find(tokens("bed ward medical days"))[0].last == 3
    assert matcher.find(tokens("bed ward medical surgical days")) == ()
    assert PhraseMatcher(table).find(tokens("bed ward days")) == ()
