"""Briefs a finance director would sign, and Welsh leftovers (fixbrief25).

Each is read back from the rendered notes of the bundled examples, in English and in
Welsh (``--locale cy_GB``).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from documenttext import document_text
from fixedday import pin_today

Cli = Callable[..., Result]

EXAMPLES = Path(__file__).parent.parent / "examples"
BEFORE = dt.date(2026, 12, 4)  # a brief written before any of the three projects starts


def project(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name
    shutil.copytree(EXAMPLES / name, folder)
    return folder / "facts.yaml"


def document(cli: Cli, facts: Path, command: str, director: str, locale: str) -> str:
    out = facts.parent / f"{command}-{director}-{locale}.docx"
    result = cli(command, str(facts), "-d", director, "-o", str(out), "--locale", locale)
    assert result.exit_code == 0, result.output
    return " ".join(document_text(out.read_bytes()).split())


def both(cli: Cli, tmp_path: Path, name: str, director: str = "dof") -> tuple[str, str]:
    facts = project(tmp_path, name)
    return (
        document(cli, facts, "brief", director, "en_GB"),
        document(cli, facts, "brief", director, "cy_GB"),
    )


def pounds(text: str) -> list[int]:
    return [int(figure.replace(",", "")) for figure in re.findall(r"£([\d,]+)", text)]


# Item 4: one rounding rule in both languages. The hub's part years rounded to £1,000 do not
# add up, and to the pound they read as exact where every other brief rounds: they take the
# coarsest finer step at which they add up (£100), in English and in Welsh alike.


def test_part_years_take_the_coarsest_step_that_adds_up_in_both_languages(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pin_today(monkeypatch, BEFORE)
    english, welsh = both(cli, tmp_path, "ysbyty-cymunedol")
    assert (
        "2026/27 £46,600 against £21,600; 2027/28 £159,800 against £74,400; "
        "over the project "
        "£206,400, net £110,400" in english
    ), english
    assert (
        "2026/27 £46,600 yn erbyn £21,600; 2027/28 £159,800 yn erbyn £74,400; "
        "dros y prosiect "
        "£206,400, net £110,400" in welsh
    ), welsh
    for text in (english, welsh):
        assert "£46,616" not in text
        assert "£159,804" not in text
    # reader26 #14: each year's benefit is "against £… of funding".
    line = re.search(
        r"2026/27 (£[\d,]+) against (£[\d,]+); 2027/28 (£[\d,]+) against (£[\d,]+)",
        english,
    )
    assert line is not None
    first, spent, second, spent_too = pounds(" ".join(line.groups()))
    assert first + second == 206_400
    assert spent + spent_too == 96_000


# Item 1: a payback is given to one decimal place, as a finance director works it out from the
# line's own figures (12 x 250,000 / 423,124 = 7.09), in a brief, in an update and in Welsh.
# It had been rounded up to the month the funding is back: "8 months", "7 months", "6 months".


@pytest.mark.parametrize(
    ("name", "english", "welsh"),
    [
        ("falls-prevention", "payback 6.8 months;", "ad-dalu mewn 6.8 mis;"),
        (
            "frailty-virtual-ward",
            "payback 7.1 months once the benefit starts (June 2027)",
            "ad-dalu mewn 7.1 mis unwaith y bydd y budd yn dechrau (Mehefin 2027)",
        ),
        ("ysbyty-cymunedol", "payback 5.4 months;", "ad-dalu mewn 5.4 mis;"),
    ],
)
def test_a_briefs_payback_has_one_decimal_place_in_both_languages(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, english: str, welsh: str
) -> None:
    pin_today(monkeypatch, BEFORE)
    in_english, in_welsh = both(cli, tmp_path, name)
    assert english in in_english, in_english
    assert welsh in in_welsh, in_welsh


def test_another_directors_payback_has_the_same_decimal(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pin_today(monkeypatch, BEFORE)
    english, welsh = both(cli, tmp_path, "frailty-virtual-ward", "coo")
    # fixbrief29: another director's payback says where its count starts, here June 2027,
    # after the project's 4 January 2027 start (£250,000 / £35,250 a month = 7.09 months).
    assert (
        "(payback in 7.1 months if the capacity is turned into cash, counted from June 2027)"
        in english
    ), english
    assert "ad-dalu mewn 7.1 mis" in welsh, welsh


def test_an_updates_payback_on_the_log_has_one_decimal_place(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Falls, March 2028: £48,000 of funding, the log's falls with harm month by month
    # (20 fewer by March 2028, 16 by February): back in the 12th month, not at its end.
    pin_today(monkeypatch, dt.date(2028, 4, 10))
    facts = project(tmp_path, "falls-prevention")
    out = facts.parent / "update.docx"
    result = cli("update", str(facts), "-d", "dof", "--period", "2028-03", "-o", str(out))
    assert result.exit_code == 0, result.output
    text = " ".join(document_text(out.read_bytes()).split())
    found = re.findall(r"payback (\d+(?:\.\d)?) months on the benefit delivered", text)
    assert found, text
    assert all("." in months for months in found), found


# Item 5: the summary line about a director's personal objectives (``kind: personal``) names
# them so: "own objectives" read as the objectives the note had just linked (newuser34).


def test_the_summary_names_the_personal_objectives(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pin_today(monkeypatch, BEFORE)
    facts = project(tmp_path, "frailty-virtual-ward")
    for locale, words in (
        ("en_GB", "The pitch does not say how it helps Helen Marsh's personal objectives."),
        ("cy_GB", "Nid yw'r achos yn dweud sut mae'n helpu amcanion personol Helen Marsh."),
    ):
        out = facts.parent / f"{locale}.docx"
        result = cli("brief", str(facts), "-d", "dof", "-o", str(out), "--locale", locale)
        assert result.exit_code == 0, result.output
        said = " ".join(result.output.split())
        assert words in said, said
        assert "own objectives" not in said
        assert "amcanion Helen Marsh ei hun" not in said


# Item 6a: the layout's width table has the Welsh letters with a grave, an acute and a
# diaeresis (ẁ ẃ ẅ ỳ and capitals), as wide as their base letters in Liberation Sans: a
# brief with "gŵyl" measured but "Ẁ" unknown had its height given up.


@pytest.mark.parametrize(("letter", "base"), list(zip("ẁẃẅỳẀẂẄỲ", "wwwyWWWY", strict=True)))
def test_the_width_table_has_the_welsh_accented_w_and_y(letter: str, base: str) -> None:
    from pitchkit.notes.layout import _font

    font = _font()
    assert font.regular[letter] == font.regular[base]
    assert font.bold[letter] == font.bold[base]


# Item 6c: a Menter Iaith project title is the name of a body, quoted as written at its first
# mention ("Bydd Menter Iaith Conwy yn cyfrannu"), never "y Fenter Iaith Conwy".


def test_a_menter_iaith_title_is_quoted_as_written(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pin_today(monkeypatch, BEFORE)
    facts = project(tmp_path, "ysbyty-cymunedol")
    text = facts.read_text("utf-8")
    facts.write_text(
        text.replace(
            "    cy: Hyb gofal yr un diwrnod yn Ysbyty Cymunedol Dyffryn",
            "    cy: Menter Iaith Conwy",
            1,
        ),
        "utf-8",
    )
    welsh = document(cli, facts, "brief", "don", "cy_GB")
    assert "Bydd Menter Iaith Conwy yn cyfrannu at eich amcan" in welsh, welsh
    assert "Fenter Iaith" not in welsh


def test_only_a_menter_iaith_is_a_name_among_titles() -> None:
    from pitchkit.i18n.welshtitle import welsh_subject

    assert welsh_subject("Menter Iaith Sir Benfro") == "Menter Iaith Sir Benfro"
    assert welsh_subject("Menter gymunedol y dref") == "y fenter gymunedol y dref"
    assert welsh_subject("Canolfan Ddysgu Glan Clwyd") == "y Ganolfan Ddysgu Glan Clwyd"


# Item 6b: the messages that said "N o + plural" say each count as Welsh reads it, the noun
# singular after the numeral: "6 chyfarwyddwr", "hyd at 40 nod", "mwy na 100,000 gwerth".


@pytest.mark.parametrize(
    ("count", "words"), [(4, "nid yw 4 cyfarwyddwr"), (6, "nid yw 6 chyfarwyddwr")]
)
def test_a_team_without_objectives_is_counted_in_welsh(count: int, words: str) -> None:
    from pitchkit.i18n.messages import Plural
    from pitchkit.i18n.translation import language

    message = Plural(
        "{n} director lists no objectives, among them {names}, so their notes will "
        "say what their role usually answers for, not objectives of their own: give each "
        "director their objectives",
        "{n} directors list no objectives, among them {names}, so their notes will "
        "say what their role usually answers for, not objectives of their own: give each "
        "director their objectives",
        count,
        names="A, B, C",
    )
    welsh = message.render(language("cy_GB"))
    assert welsh.startswith(words), welsh
    assert "o gyfarwyddwyr" not in welsh
    assert message.render(language("en_GB")).startswith(f"{count} directors list")


def test_no_welsh_message_counts_with_o_and_a_plural() -> None:
    catalogue = (
        Path(__file__).parent.parent / "src/pitchkit/i18n/locale/cy/LC_MESSAGES/pitchkit.po"
    ).read_text("utf-8")
    for old in (
        "o lythrennau, digidau",
        "{made} o nodau",
        "{count} o werthoedd",
        "nid yw {count} o",
    ):
        assert old not in catalogue, old


# Item 2: the plan's years count each benefit at its full target from the day its change is
# in place (``changed:``, else the project's start), and the finance block says from when,
# so that a director who knows the hub opened later sees what the figures assume.


@pytest.mark.parametrize(
    ("name", "english", "welsh"),
    [
        (
            "ysbyty-cymunedol",
            "Counted at the full target from 11 January 2027, the project's start.",
            "Wedi'i gyfrif ar y targed llawn o 11 Ionawr 2027, dechrau'r prosiect.",
        ),
        (
            "frailty-virtual-ward",
            "Counted at the full target from June 2027, when the change is in place.",
            "Wedi'i gyfrif ar y targed llawn o fis Mehefin 2027, pan fydd y newid ar waith.",
        ),
    ],
)
def test_the_finance_block_says_from_when_the_benefit_is_counted(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, english: str, welsh: str
) -> None:
    pin_today(monkeypatch, BEFORE)
    in_english, in_welsh = both(cli, tmp_path, name)
    assert english in in_english, in_english
    assert welsh in in_welsh, in_welsh


def test_a_changed_date_moves_the_benefit_and_the_figures_still_add_up(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The hub opened in March 2027: with 'changed: 2027-03' on its attendances, 2026/27 counts
    # 31 of its 365 days and the note says so; the years still add up to the total shown.
    pin_today(monkeypatch, BEFORE)
    facts = project(tmp_path, "ysbyty-cymunedol")
    text = facts.read_text("utf-8")
    marker = "  - id: "
    first = text.index(marker, text.index("impacts:"))
    facts.write_text(
        text[:first] + text[first:].replace("\n", "\n    changed: 2027-03\n", 1), "utf-8"
    )
    english = document(cli, facts, "brief", "dof", "en_GB")
    assert "Counted at the full target from March 2027, when the change is in place." in english
    line = re.search(
        # fixbrief28: each year's funding without "of funding" again after the line's lead.
        r"2026/27 £([\d,]+) against £[\d,]+; 2027/28 £([\d,]+) against £[\d,]+; "
        r"over the project "
        r"£([\d,]+)",
        english,
    )
    assert line is not None, english
    first_year, second_year, total = (int(g.replace(",", "")) for g in line.groups())
    assert first_year + second_year == total
    assert total < 206_400


# Item 3: a financial year's days are its own (366 for 2027/28, which holds 29 February 2028),
# the same in English and Welsh: the hub's 275 days of 2027/28 are £212,684 x 275 / 366 =
# £159,804, shown £159,800 in both (at 365 it would be £160,241, shown £160,200).


def test_both_languages_count_2027_28_by_its_366_days(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pin_today(monkeypatch, BEFORE)
    english, welsh = both(cli, tmp_path, "ysbyty-cymunedol")
    assert "2027/28 £159,800 against" in english, english
    assert "2027/28 £159,800 yn erbyn" in welsh, welsh
    for text in (english, welsh):
        assert "£160,200" not in text
