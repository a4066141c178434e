"""What readers see from pitchkit's formatting filters, in English and Welsh.

Welsh expectations were read from Babel's CLDR data (month names, list
patterns, compact money) rather than written from memory.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import jinja2
import pytest

from pitchkit.errors import InputError
from pitchkit.i18n import fmt
from pitchkit.i18n.translation import language

EN = language("en_GB")
CY = language("cy_GB")


@pytest.mark.parametrize(
    ("amount", "english", "welsh"),
    [
        (0, "£0", "£0"),
        (313, "£313", "£313"),
        (1590.4, "£1,590", "£1,590"),
        (Decimal("1590.5"), "£1,591", "£1,591"),
        (-4000, "-£4,000", "-£4,000"),
        (Decimal("0.4"), "£0.40", "£0.40"),
        (9999.6, "£10,000", "£10,000"),
        (318_400, "£318,000", "£318,000"),
        (47_650, "£47,700", "£47,700"),
        (999_960, "£1m", "£1m"),
        (1_200_000, "£1.2m", "£1.2m"),
        (1_250_000, "£1.25m", "£1.25m"),
        (-1_250_000, "-£1.25m", "-£1.25m"),
        (1_750_000, "£1.75m", "£1.75m"),
        (12_345_678, "£12.3m", "£12.3m"),
        (14_000_000, "£14m", "£14m"),
        (14_040_000.0, "£14m", "£14m"),
        (999_960_000, "£1bn", "£1bn"),
        (1_300_000_000, "£1.3bn", "£1.3bn"),
    ],
)
def test_rounds_money_as_a_briefing_note_would(amount: object, english: str, welsh: str) -> None:
    assert fmt.money(amount, EN) == english  # type: ignore[arg-type]
    assert fmt.money(amount, CY) == welsh  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("amount", "options", "expected"),
    [
        (1590.5, {"precision": "exact"}, "£1,590.50"),
        (1590, {"precision": "exact"}, "£1,590"),
        (Decimal("318421.07"), {"precision": "exact"}, "£318,421.07"),
        (-12.5, {"precision": "exact"}, "-£12.50"),
        (318_400, {"currency": "EUR"}, "€318,000"),
        (2_000_000, {"currency": "usd"}, "US$2m"),
    ],
)
def test_shows_money_exactly_or_in_other_currencies(
    amount: float, options: dict[str, str], expected: str
) -> None:
    assert fmt.money(amount, EN, **options) == expected


def test_rejects_an_unknown_money_precision() -> None:
    with pytest.raises(InputError, match="precision='auto' or precision='exact'"):
        fmt.money(1, EN, precision="rough")


@pytest.mark.parametrize(
    ("value", "options", "expected"),
    [
        (1200, {}, "1,200"),
        (87.5, {}, "87.5"),
        (87.54, {}, "87.5"),
        (87.04, {}, "87"),
        (Decimal("2.25"), {}, "2.3"),
        (-1200.0, {}, "-1,200"),
        (-0.04, {}, "0"),
        (1_000_000, {}, "1,000,000"),
        (3, {"decimals": 2}, "3.00"),
        (1234.567, {"decimals": 2}, "1,234.57"),
        (1234.5, {"decimals": 0}, "1,235"),
    ],
)
@pytest.mark.parametrize("lang", [EN, CY], ids=["en_GB", "cy_GB"])
def test_formats_numbers_with_grouping(
    lang: object, value: float, options: dict[str, int], expected: str
) -> None:
    assert fmt.number(value, lang, **options) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "options", "expected"),
    [
        (0.18, {}, "18%"),
        (0, {}, "0%"),
        (0, {"signed": True}, "0%"),
        (1, {}, "100%"),
        (1.5, {}, "150%"),
        (0.125, {}, "13%"),
        (Decimal("0.875"), {"decimals": 1}, "87.5%"),
        (0.004, {}, "<1%"),
        (-0.004, {}, "-<1%"),
        (0.0004, {"decimals": 1, "signed": True}, "+<0.1%"),
        (0.999, {}, ">99%"),
        (0.123, {"decimals": 1, "signed": True}, "+12.3%"),
        (-0.05, {"signed": True}, "-5%"),
        (-0.05, {}, "-5%"),
    ],
)
@pytest.mark.parametrize("lang", [EN, CY], ids=["en_GB", "cy_GB"])
def test_formats_fractions_as_percentages(
    lang: object, value: float, options: dict[str, object], expected: str
) -> None:
    assert fmt.percent(value, lang, **options) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "unit", "english", "welsh"),
    [
        (12, None, "+12", "+12"),
        (-200, None, "-200", "-200"),
        (0, None, "0", "0"),
        (-0.04, None, "0", "0"),
        (2.5, None, "+2.5", "+2.5"),
        (-4000, "£", "-£4,000", "-£4,000"),
        (0, "£", "£0", "£0"),
        (1_200_000, "GBP", "+£1.2m", "+£1.2m"),
        (3.5, "%", "+3.5%", "+3.5%"),
        (-1, "days", "-1 day", "-1 diwrnod"),
        (12, "admissions", "+12 admissions", "+12 derbyniad"),
    ],
)
def test_signs_changes(value: float, unit: str | None, english: str, welsh: str) -> None:
    assert fmt.change(value, EN, unit=unit) == english
    assert fmt.change(value, CY, unit=unit) == welsh


@pytest.mark.parametrize(
    ("value", "form", "english", "welsh"),
    [
        (dt.date(2026, 12, 3), "long", "3 December 2026", "3 Rhagfyr 2026"),
        (dt.date(2026, 12, 3), "short", "03/12/2026", "03/12/2026"),
        (dt.date(2026, 12, 3), "month", "December 2026", "Rhagfyr 2026"),
        (dt.date(2027, 2, 14), "long", "14 February 2027", "14 Chwefror 2027"),
        (dt.date(2027, 7, 1), "month", "July 2027", "Gorffennaf 2027"),
        (dt.datetime(2026, 1, 5, 10, 30), "long", "5 January 2026", "5 Ionawr 2026"),
    ],
)
def test_words_dates_in_each_language(value: dt.date, form: str, english: str, welsh: str) -> None:
    assert fmt.date(value, EN, format=form) == english
    assert fmt.date(value, CY, format=form) == welsh


def test_rejects_an_unknown_date_format() -> None:
    with pytest.raises(InputError, match="use one of long, short, month"):
        fmt.date(dt.date(2026, 12, 3), EN, format="fancy")


@pytest.mark.parametrize(
    ("period", "english", "welsh"),
    [
        ("2027-Q1", "January to March 2027", "Ionawr i Fawrth 2027"),
        ("2027-Q2", "April to June 2027", "Ebrill i Fehefin 2027"),
        ("2027-Q3", "July to September 2027", "Gorffennaf i Fedi 2027"),
        ("2027-Q4", "October to December 2027", "Hydref i Ragfyr 2027"),
        ("2027-q2", "April to June 2027", "Ebrill i Fehefin 2027"),
        ("2027-03", "March 2027", "Mawrth 2027"),
        ("2026-12", "December 2026", "Rhagfyr 2026"),
        ("2027", "2027", "2027"),
    ],
)
def test_labels_reporting_periods(period: str, english: str, welsh: str) -> None:
    assert fmt.period_label(period, EN) == english
    assert fmt.period_label(period, CY) == welsh


@pytest.mark.parametrize("period", ["2027-Q5", "2027-13", "27-Q1", "Spring 2027", ""])
def test_explains_how_to_write_a_period(period: str) -> None:
    with pytest.raises(InputError, match="write YYYY, YYYY-MM or YYYY-Qn, for example 2027-Q1"):
        fmt.period_label(period, EN)


@pytest.mark.parametrize(
    ("word", "mutated"),
    [
        ("Mawrth", "Fawrth"),
        ("Rhagfyr", "Ragfyr"),
        ("Gorffennaf", "Orffennaf"),
        ("Chwefror", "Chwefror"),
        ("Llun", "Lun"),
        ("Ionawr", "Ionawr"),
        ("pen", "ben"),
        ("dydd", "ddydd"),
    ],
)
def test_applies_the_welsh_soft_mutation(word: str, mutated: str) -> None:
    assert fmt.soft_mutation(word) == mutated


@pytest.mark.parametrize(
    ("items", "english", "welsh"),
    [
        ([], "", ""),
        (["Anna"], "Anna", "Anna"),
        (["Bethan", "Carys"], "Bethan and Carys", "Bethan a Carys"),
        (["Anna", "Owain"], "Anna and Owain", "Anna ac Owain"),
        (["A", "B", "C"], "A, B and C", "A, B a C"),  # no comma before "a" in Welsh (newuser31)
        (["Bethan", "Eleri", "Dafydd"], "Bethan, Eleri and Dafydd", "Bethan, Eleri a Dafydd"),
        (("Ŵyn", "Ŷd"), "Ŵyn and Ŷd", "Ŵyn ac Ŷd"),
        # Clauses of their own: "pan" takes the aspirate after "a", still no comma (review23).
        (
            ["pan fydd gwelyau'n cau", "pan fydd staff yn symud", "pan ddaw sesiynau i ben"],
            "pan fydd gwelyau'n cau, pan fydd staff yn symud and pan ddaw sesiynau i ben",
            "pan fydd gwelyau'n cau, pan fydd staff yn symud a phan ddaw sesiynau i ben",
        ),
    ],
)
def test_joins_lists_as_each_language_does(items: list[str], english: str, welsh: str) -> None:
    assert fmt.join_list(items, EN) == english
    assert fmt.join_list(items, CY) == welsh


def test_joins_alternatives_with_or() -> None:
    assert fmt.join_list(["A", "B"], EN, style="or") == "A or B"
    assert fmt.join_list(["A", "B"], CY, style="or") == "A neu B"


def test_rejects_an_unknown_list_style() -> None:
    with pytest.raises(InputError, match="unknown list style 'oxford'"):
        fmt.join_list(["A"], EN, style="oxford")


@pytest.mark.parametrize(
    ("value", "unit", "english", "welsh"),
    [
        (87.5, "%", "87.5%", "87.5%"),
        (4000, "£", "£4,000", "£4,000"),
        (318_400, "GBP", "£318,000", "£318,000"),
        (50, "EUR", "€50", "€50"),
        (12, "days", "12 days", "12 diwrnod"),
        (1, "days", "1 day", "1 diwrnod"),
        (1.0, "admissions", "1 admission", "1 derbyniad"),
        (1200, "admissions", "1,200 admissions", "1,200 derbyniad"),
        (1, "bed days", "1 bed day", "1 diwrnod gwely"),
        (933, "Bed days", "933 Bed days", "933 diwrnod gwely"),
        (40, "hours", "40 hours", "40 awr"),
        (1, "deliveries", "1 delivery", "1 deliveries"),
        (1, "diwrnod", "1 diwrnod", "1 diwrnod"),
        (1, "process", "1 process", "1 process"),
        (5, None, "5", "5"),
        (5, "", "5", "5"),
    ],
)
def test_words_quantities_with_their_units(
    value: float, unit: str | None, english: str, welsh: str
) -> None:
    assert fmt.quantity(value, unit, EN) == english
    assert fmt.quantity(value, unit, CY) == welsh


@pytest.mark.parametrize(
    "value",
    [True, "12", [1], float("nan"), float("inf"), Decimal("NaN")],
    ids=["bool", "str", "list", "nan", "inf", "decimal-nan"],
)
def test_refuses_values_that_are_not_finite_numbers(value: object) -> None:
    with pytest.raises(InputError, match="cannot format"):
        fmt.money(value, EN)  # type: ignore[arg-type]


def test_offers_every_filter_the_templates_use() -> None:
    names = {"money", "number", "percent", "date", "list", "period", "quantity", "change"}
    names |= {"sentence", "sentences"}
    assert set(fmt.filters(EN)) == names


@pytest.mark.parametrize(
    "name", sorted(set(fmt.filters(EN)) - {"sentence", "sentences"})
)  # they add a stop
def test_lets_missing_and_worded_values_through_every_filter(name: str) -> None:
    apply = fmt.filters(EN)[name]
    assert apply(None) == ""
    assert apply("to be confirmed") == "to be confirmed"
    assert apply("£1.2m") == "£1.2m"


def render(template: str, lang: object, **context: object) -> str:
    env = jinja2.Environment(autoescape=False)
    env.filters.update(fmt.filters(lang))  # type: ignore[arg-type]
    return env.from_string(template).render(**context)


def test_fills_a_welsh_template_with_bound_filters() -> None:
    template = (
        "{{ saving|money }} erbyn {{ due|date }} ({{ period|period }}): "
        "{{ share|percent(signed=True) }}, {{ wait|quantity('diwrnod') }}, "
        "{{ names|list }}, {{ fall|change(unit='£') }}"
    )
    text = render(
        template,
        CY,
        saving=1_240_000,
        due=dt.date(2026, 12, 3),
        period="2027-Q1",
        share=0.18,
        wait=12,
        names=["Eleri", "Ifan"],
        fall=-4000,
    )
    assert text == (
        "£1.24m erbyn 3 Rhagfyr 2026 (Ionawr i Fawrth 2027): +18%, 12 diwrnod, "
        "Eleri ac Ifan, -£4,000"
    )


def test_fills_an_english_template_with_options() -> None:
    template = (
        "{{ cost|money(precision='exact') }} | {{ due|date(format='short') }} | "
        "{{ rate|number(decimals=1) }} | {{ people|list }} | {{ year|period }} | "
        "{{ gone|quantity('days') }}"
    )
    text = render(
        template,
        EN,
        cost=1590.5,
        due=dt.date(2026, 12, 3),
        rate=87,
        people=["Anna", None, "", "Owain"],
        year=2027,
        gone=1,
    )
    assert text == "£1,590.50 | 03/12/2026 | 87.0 | Anna and Owain | 2027 | 1 day"


def test_shows_nothing_for_an_undefined_value() -> None:
    assert render("[{{ missing|money }}]", EN) == "[]"


def test_keeps_strict_templates_strict() -> None:
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    env.filters.update(fmt.filters(EN))
    with pytest.raises(jinja2.UndefinedError, match="'missing' is undefined"):
        env.from_string("{{ missing|money }}").render()


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Pilot in 2026", "Pilot in 2026."),
        ("Pilot in 2026.", "Pilot in 2026."),
        ("none came to harm that the…", "none came to harm that the…"),
        ("Is it working?", "Is it working?"),
        ("  spaced  ", "  spaced."),
        ("", ""),
        (None, ""),
    ],
)
def test_sentence_ends_a_line_with_one_full_stop(text: str | None, shown: str) -> None:
    assert fmt.sentence(text) == shown
