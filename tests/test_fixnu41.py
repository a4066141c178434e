"""fixnu41: what a Welsh-writing lead (newuser41) found, rendered and read back.

The lead's own files (tests/data/newuser41) are run through the real command, in Welsh
and in English: the delivered parts of the money line adding up to the update's delivered
total (not fixed: xfail); a return per £1 under £20 is to the penny; a part year at the
plan's rate says it is split by days; "National Cost Collection" has its Welsh name in
Welsh; and init offers cash for a measure that is money paid out.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from documenttext import document_text
from test_newuser41 import run

DATA = Path(__file__).resolve().parent / "data" / "newuser41"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for name in ("facts.yaml", "team.csv", "figures.csv", "init-answers.txt"):
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path


def note(folder: Path, command: str, director: str, facts: str = "facts.yaml", *extra: str) -> str:
    """The text of the note ``command`` writes for ``director``, as a reader sees it."""
    out = folder / f"out{len(list(folder.glob('out*')))}"
    args = (command, str(folder / facts), "--directors", str(folder / "team.csv"))
    code, shown = run(*args, "-d", director, "--today", "2026-12-07", *extra, "--out", str(out))
    assert code == 0, shown
    (written,) = out.glob("*.docx")
    return " ".join(document_text(written.read_bytes()).split())


def plan_only(folder: Path) -> str:
    """The lead's facts file before any figure was logged: every year at the plan's rate."""
    text = (folder / "facts.yaml").read_text(encoding="utf-8")
    text = text.replace("measures: figures.csv\n", "").split("\nupdates:")[0] + "\n"
    (folder / "plan.yaml").write_text(text, encoding="utf-8")
    return "plan.yaml"


def pounds(text: str) -> int:
    return int(text.replace("£", "").replace(",", ""))


# --- item 1: the delivered parts add up to the delivered total ---------------------------------


@pytest.mark.parametrize(
    ("locale", "closed", "so_far", "worth"),
    [
        (
            "cy_GB",
            r"2025/26 (£[\d,]+) a gyflawnwyd",
            r"\((£[\d,]+) a gyflawnwyd erbyn diwedd Tachwedd 2026",
            r"gwerth (£[\d,]+) ym mhrisiau 2026/27",
        ),
        (
            "en_GB",
            r"2025/26 (£[\d,]+) delivered",
            r"\((£[\d,]+) delivered to the end of November 2026",
            r"worth (£[\d,]+) at 2026/27 prices",
        ),
    ],
)
@pytest.mark.xfail(
    strict=True,
    reason="newuser41 #1 not fixed: each logged year's count is rounded on its own (34 + 1,015)"
    " where the update rounds the whole (1,050); making the last part the remainder broke"
    " tests/test_newuser8_wording.py (a year is its counts x the small print's cost) and"
    " tests/test_fixmoney21_monotone.py, so it was taken back",
)
def test_the_years_delivered_add_up_to_the_updates_delivered_total(
    project: Path, locale: str, closed: str, so_far: str, worth: str
) -> None:
    """The update said "£25,000 a gyflawnwyd" and "£750,000" beside "gwerth £776,000".

    34.2 bed days in March and 1,015.3 since were each rounded alone (34 and 1,015) where
    the update writes 1,050 for the whole: now 34 and 1,016, at £738.86 £25,121 and
    £750,682, £25,000 and £751,000, adding up to the £775,803 the update gives as £776,000.
    """
    text = note(project, "update", "dof", "facts.yaml", "--locale", locale)
    first = re.search(closed, text)
    second = re.search(so_far, text)
    total = re.search(worth, text)
    assert first, text
    assert second, text
    assert total, text
    assert pounds(first[1]) + pounds(second[1]) == pounds(total[1]) == 776_000
    assert (first[1], second[1]) == ("£25,000", "£751,000")
    # The year under way is the money so far and the rest at the average, as shown.
    rest = "ac yna £375,000" if locale == "cy_GB" else "then £375,000"
    year = "2026/27 £1,126,000"
    assert rest in text
    assert year in text
    # Over the project is the years shown: £25,000 + £1,126,000 + £469,000.
    over = "dros y prosiect £1,620,000" if locale == "cy_GB" else "over the project £1,620,000"
    assert over in text
    assert "£469,000" in text


# --- item 2: a return per £1 under £20 is to the penny ---------------------------------------


@pytest.mark.parametrize(
    ("locale", "wanted"), [("cy_GB", "£11.53 am bob £1"), ("en_GB", "£11.53 per £1")]
)
def test_a_return_under_twenty_pounds_per_pound_keeps_its_pence(
    project: Path, locale: str, wanted: str
) -> None:
    """£2,132,500 over the project against £185,000 is £11.53, not "£12 am bob £1"."""
    text = note(project, "brief", "dof", plan_only(project), "--locale", locale)
    assert wanted in text
    assert "£12 am bob £1" not in text
    assert "£12 per £1" not in text
    assert round(2_132_500 / 185_000, 2) == 11.53
    assert "£2,132,500" in text
    assert "£185,000 " in text


def test_a_return_of_twenty_or_more_is_to_the_pound() -> None:
    from types import SimpleNamespace

    from pitchkit.i18n.translation import language
    from pitchkit.notes.moneytext import return_text

    lang = language("en_GB")
    shown = SimpleNamespace(benefit=2_440_000.0, investment=100_000.0)
    assert return_text(SimpleNamespace(investment=100_000.0), shown, lang) == "£24 per £1"  # type: ignore[arg-type]
    shown = SimpleNamespace(benefit=1_995_000.0, investment=100_000.0)
    assert return_text(SimpleNamespace(investment=100_000.0), shown, lang) == "£19.95 per £1"  # type: ignore[arg-type]


# --- item 3: a part year at the plan's rate is split by days ---------------------------------


@pytest.mark.parametrize(
    ("locale", "wanted"),
    [
        ("cy_GB", "Budd wedi'i rannu yn ôl dyddiau: 31 o 365 yn 2025/26, 153 o 366 yn 2027/28."),
        ("en_GB", "Benefit split by days: 31 of 365 in 2025/26, 153 of 366 in 2027/28."),
    ],
)
def test_a_part_year_at_the_plans_rate_says_it_is_split_by_days(
    project: Path, locale: str, wanted: str
) -> None:
    """March's £120,500 beside "£118,200 a month": £1,419,000 x 31 / 365, now said."""
    text = note(project, "brief", "dof", plan_only(project), "--locale", locale)
    assert wanted in text
    assert "£118,200" in text
    assert "2025/26 £120,500" in text
    assert "2026/27 £1,419,000" in text
    assert "2027/28 £593,000" in text
    # By hand, from the year's figure shown: 2027/28 is a leap year.
    assert round(1_419_000 * 31 / 365, -2) == 120_500
    assert round(1_419_000 * 153 / 366, -3) == 593_000


def test_a_logged_year_is_not_said_to_be_split_by_days(project: Path) -> None:
    """Once the log delivers a year, each year says what it counts: no days."""
    text = note(project, "brief", "dof", "facts.yaml", "--locale", "en_GB")
    assert "split by days" not in text
    assert "Benefit against £185,000 of funding" in text


# --- item 4: the National Cost Collection named in Welsh -----------------------------------------


def test_a_welsh_source_naming_the_national_cost_collection_gives_its_welsh_name(
    project: Path,
) -> None:
    """init's Welsh list wrote "Diwrnod gwely safonol, National Cost Collection 2020/21"."""
    facts = project / "facts.yaml"
    text = facts.read_text(encoding="utf-8").replace(
        "    target: 52\n",
        "    target: 52\n    value:\n      amount: 345\n      currency: GBP\n"
        "      source: Diwrnod gwely safonol, National Cost Collection 2020/21\n"
        "      price_year: 2020/21\n",
    )
    facts.write_text(text, encoding="utf-8")
    welsh = note(project, "brief", "dof")
    assert "o ddiwrnod gwely safonol, Casgliad Costau Cenedlaethol 2020/21;" in welsh
    assert "National Cost Collection" not in welsh
    assert "Mynegai Chwyddiant Costau'r GIG, PSSRU 2025" in welsh


def test_welsh_cost_sources() -> None:
    from pitchkit.i18n.welshbodies import welsh_cost_sources

    assert welsh_cost_sources("Diwrnod gwely safonol, National Cost Collection 2023/24") == (
        "Diwrnod gwely safonol, Casgliad Costau Cenedlaethol 2023/24"
    )
    assert welsh_cost_sources("NHS reference costs 2016/17") == "Costau cyfeirio'r GIG 2016/17"
    assert welsh_cost_sources("Achos dydd, NHS reference costs 2016/17") == (
        "Achos dydd, costau cyfeirio'r GIG 2016/17"
    )


# --- item 5: init offers cash for money paid out ------------------------------------------------


def test_init_offers_cash_for_out_of_area_bed_days(project: Path) -> None:
    """The lead typed "arian parod" over init's "capacity" default: left blank, it is cash."""
    answers = (project / "init-answers.txt").read_text(encoding="utf-8").splitlines()
    answers[answers.index("arian parod")] = ""
    target = project / "new.yaml"
    code, shown = run("init", str(target), "--locale", "cy_GB", given="\n".join(answers) + "\n")
    assert code == 0, shown
    assert "(Casgliad Costau Cenedlaethol 2020/21)" in shown
    assert "National Cost Collection" not in shown
    assert (
        "A all yr arian hwnnw adael cyllideb (arian parod), neu a yw'n rhyddhau capasiti? [1]"
        in (shown)
    )
    written = YAML(typ="safe").load(target.read_text(encoding="utf-8"))
    assert written["impacts"][0]["releases"] == "cash"


@pytest.mark.parametrize(
    ("measure", "unit", "spent"),
    [
        ("Bed days in out-of-area mental health placements", "bed days", True),
        ("Diwrnodau gwely mewn lleoliadau y tu allan i'r ardal", "diwrnodau gwely", True),
        ("Agency nursing shifts", "shifts", True),
        ("Sifftiau asiantaeth", "sifftiau", True),
        ("Patients treated in the independent sector", "patients", True),
        ("Private sector spot purchase bed days", "bed days", True),
        ("Outsourced MRI scans", "scans", True),
        ("Bed days used", "bed days", False),
        ("Apwyntiadau claf allanol", "apwyntiadau", False),
        ("Emergency admissions of people aged 75 and over", "admissions", False),
    ],
)
def test_spent_money(measure: str, unit: str, spent: bool) -> None:
    from pitchkit.init.questions import spent_money

    assert spent_money(measure, unit) is spent
