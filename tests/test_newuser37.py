"""newuser37: a Welsh health board's endoscopy lead, what the notes and the command line say.

The lead's own files (tests/data/newuser37: the facts, a team sheet in CSV with Welsh
objectives, and a year of figures in which only the waiting list moves) are run through the
real command (typer's CliRunner) and the documents read back as a director reads them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from documenttext import document_text
from pitchkit.cli import app

DATA = Path(__file__).resolve().parent / "data" / "newuser37"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, " ".join((result.output + result.stderr).split())


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for name in ("facts.yaml", "team.csv", "figures.csv"):
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path


def note(folder: Path, *args: str) -> str:
    """The text of the one document a command writes to a new folder in ``folder``."""
    out = folder / f"out{len(list(folder.glob('out*')))}"  # a fresh folder for each note
    code, shown = run(*args, "--out", str(out), "--today", "2026-12-07")
    assert code == 0, shown
    (written,) = out.glob("*.docx")
    return " ".join(document_text(written.read_bytes()).split())


def directors(folder: Path) -> tuple[int, str]:
    """What ``pitchkit directors`` says of the lead's facts and team sheet."""
    return run("directors", str(folder / "facts.yaml"), "--directors", str(folder / "team.csv"))


def update(folder: Path, director: str, *extra: str) -> str:
    facts, team = str(folder / "facts.yaml"), str(folder / "team.csv")
    return note(
        folder, "update", facts, "--directors", team, "-d", director, "--period", "2026-11", *extra
    )


# --- item 1: an update credits only the objectives whose own measures moved ------------------


def test_the_board_sentence_names_no_objective_whose_measure_has_not_moved(project: Path) -> None:
    text = update(project, "coo")
    board = text[text.index("For your board report") :]
    board = board[: board.index("Use or adapt")]
    assert (
        "contributing to our objective to meet the 8-week diagnostic waiting times target." in board
    )
    assert "62-day" not in board
    # The table's row for the waiting list is set against the 8-week objective alone; the
    # 62-day objective keeps its own row, which says its measure has not moved yet.
    assert "Meet the 8-week diagnostic waiting times target | Patients waiting" in text
    assert "Single Cancer Pathway target | Lower GI suspected cancer" in text


# --- item 3: a Welsh month after "yn" ----------------------------------------------------------

#: Each month in Welsh, as a date names it, and its form after "yn", which mutates it.
WELSH_MONTHS = [
    ("Ionawr", "Ionawr"),
    ("Chwefror", "Chwefror"),
    ("Mawrth", "Mawrth"),
    ("Ebrill", "Ebrill"),
    ("Mai", "Mai"),
    ("Mehefin", "Mehefin"),
    ("Gorffennaf", "Ngorffennaf"),
    ("Awst", "Awst"),
    ("Medi", "Medi"),
    ("Hydref", "Hydref"),
    ("Tachwedd", "Nhachwedd"),
    ("Rhagfyr", "Rhagfyr"),
]


@pytest.mark.parametrize("month", range(1, 13))
def test_a_welsh_month_after_yn_is_ym_mis(month: int) -> None:
    """ "ers i'r newid ddechrau yn Mehefin 2026" was wrong: "ym mis Mehefin 2026" mutates none."""
    from pitchkit.i18n import fmt
    from pitchkit.i18n.translation import language

    name = WELSH_MONTHS[month - 1][0]
    assert fmt.in_period(f"2026-{month:02d}", language("cy")) == f"ym mis {name} 2026"
    assert fmt.in_period(f"2026-{month:02d}", language("en")).startswith("in ")
    # A quarter or a year is "yn ystod …", which mutates nothing either.
    assert fmt.in_period("2026", language("cy")) == "yn ystod 2026"


def test_no_welsh_sentence_puts_a_month_straight_after_yn() -> None:
    """Every message whose English says "in {a period}" says it in Welsh without a bare "yn"."""
    from babel.messages.pofile import read_po

    po = (
        Path(__file__).resolve().parent.parent
        / "src/pitchkit/i18n/locale/cy/LC_MESSAGES/pitchkit.po"
    )
    with po.open("rb") as handle:
        catalog = read_po(handle)
    wrong = []
    for message in catalog:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if any("money.py" in place for place, _ in message.locations):
            continue  # "the index starts in {first}" is a financial year: "yn 2015/16"
        for name in ("start", "first", "last", "month", "began", "when", "since"):
            if any(f"in {{{name}}}" in i for i in ids if i):
                assert not any(f"yn {{{name}}}" in s for s in strings if s), ids[0]
        wrong += [ids[0] for s in strings if s and "yn {when}" in s]
    assert not wrong


def test_the_welsh_update_says_ym_mis(project: Path) -> None:
    text = update(project, "md", "--locale", "cy_GB")
    # Since fixspc28 (newuser36 #1) the waiting list's fall is told by its signals from the
    # change on, and this update no longer says "ers i'r newid ddechrau … Mehefin 2026" at
    # all; the wording itself is checked for every month above. No month follows "yn" here.
    months = ("Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf",
              "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr")  # fmt: skip
    assert not [month for month in months if f" yn {month} " in text]


@pytest.mark.parametrize(("name", "after_yn"), WELSH_MONTHS)
def test_a_welsh_date_is_read_in_each_of_its_forms(name: str, after_yn: str) -> None:
    """A standing ask's date in Welsh, however it is mutated, is the end of its month."""
    from pitchkit.datewords import MONTHS, deadlines

    month = MONTHS[name.lower()]
    end = deadlines(f"erbyn diwedd {name} 2027")
    assert end
    assert end[0].month == month
    assert deadlines(f"ym mis {name} 2027")[0].month == month
    assert deadlines(f"yn {after_yn} 2027")[0].month == month
    # "o fis Mehefin 2027" opens a stretch of time, as "from June 2027" does: no deadline.
    assert deadlines(f"o fis {name} 2027") == []


# --- item 2: the director's concerns in Welsh, from the team sheet ----------------------------


def team_with_concerns(folder: Path, column: str, welsh: str) -> None:
    """The lead's team sheet with one more column, filled in for the finance director only."""
    import csv

    path = folder / "team.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[0].insert(5, column)
    for row in rows[1:]:
        row.insert(5, welsh if row[0] == "dof" else "")
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)


def brief(folder: Path, director: str, *extra: str) -> str:
    facts, team = str(folder / "facts.yaml"), str(folder / "team.csv")
    return note(folder, "brief", facts, "--directors", team, "-d", director, *extra)


def test_a_welsh_note_shows_the_concerns_a_concerns_cy_column_gives(project: Path) -> None:
    team_with_concerns(
        project,
        "concerns_cy",
        "Diffyg sylfaenol o £38m\nGwariant ar fewnoli ac allanoli uwchlaw'r cynllun",
    )
    code, shown = run(
        "directors", str(project / "facts.yaml"), "--directors", str(project / "team.csv")
    )
    assert code == 0, shown
    assert "concerns_cy" not in shown  # no longer refused ("did you mean 'concerns'?")
    welsh = brief(project, "dof", "--locale", "cy_GB")
    # Matched on its English, as before, and quoted in Welsh.
    assert "Eich pryderon y mae'n mynd i'r afael â nhw: Gwariant ar fewnoli ac allanoli" in welsh
    assert "Insourcing and outsourcing spend above plan" not in welsh


def test_the_english_note_keeps_the_english_concerns(project: Path) -> None:
    team_with_concerns(
        project, "concerns_cy", "Diffyg sylfaenol o £38m\nGwariant uwchlaw'r cynllun"
    )
    english = brief(project, "dof")
    assert "Your concerns it addresses: Insourcing and outsourcing spend above plan" in english


def test_english_concerns_on_a_welsh_note_are_named_by_their_cell(project: Path) -> None:
    facts, team = str(project / "facts.yaml"), str(project / "team.csv")
    args = ("brief", facts, "--directors", team, "-d", "dof", "--locale", "cy_GB")
    args += ("--today", "2026-12-07")
    code, shown = run(*args, "--out", str(project / "out"))
    assert code == 0, shown
    assert "testun Saesneg o 10 maes (" in shown
    assert f"{team}:rhes 4: colofn concerns" in shown
    code, strict = run(*args, "--out", str(project / "strict"), "--strict")
    assert code != 0
    assert f"{team}:rhes 4: colofn concerns" in strict


def test_a_concerns_cy_column_with_one_too_few_is_named(project: Path) -> None:
    from pitchkit.facts.directors import load_directors
    from pitchkit.i18n.messages import render

    team_with_concerns(project, "concerns_cy", "Diffyg sylfaenol o £38m")
    found = load_directors(project / "team.csv")
    said = " ".join(render(problem) for problem in found.problems)
    assert "row 4: column concerns_cy" in said
    assert "(2 in 'concerns', 1 here)" in said
    assert "dof" not in {d.id for d in found.directors}


# --- item 5: an objective's id is cut at a word, and the id it was cut to still links ---------


def test_a_long_objective_id_is_cut_at_a_word(project: Path) -> None:
    from pitchkit.facts.directors import objective_id

    assert objective_id("Reduce vacancies in hard-to-recruit specialties") == (
        "vacancies-hard-to-recruit"
    )
    code, shown = run(
        "directors", str(project / "facts.yaml"), "--directors", str(project / "team.csv")
    )
    assert code == 0, shown
    assert "dwod.vacancies-hard-to-recruit: Reduce vacancies" in shown


def test_the_id_an_earlier_pitchkit_cut_mid_word_still_links(project: Path) -> None:
    facts = project / "facts.yaml"
    text = facts.read_text(encoding="utf-8")
    facts.write_text(
        text.replace("excludes: [dof.spend-insourcing, dwod.agency-locum]",
                     "excludes: [dof.spend-insourcing, dwod.vacancies-hard-to-recruit-specia]"),
        encoding="utf-8",
    )  # fmt: skip
    _code, shown = run("check", str(facts), "--directors", str(project / "team.csv"))
    assert "names no objective" not in shown, shown
    assert "error:" not in shown


def test_directors_says_what_the_score_is_out_of(project: Path) -> None:
    code, shown = directors(project)
    assert code == 0, shown
    assert "Score: 67 out of 100" in shown


def test_a_welsh_batch_with_strict_writes_nothing_and_names_each_field(project: Path) -> None:
    facts, team, out = str(project / "facts.yaml"), str(project / "team.csv"), project / "batch"
    code, shown = run(
        "batch", facts, "--directors", team, "--out", str(out), "--locale", "cy_GB",
        "--strict", "--today", "2026-12-07",
    )  # fmt: skip
    assert code != 0
    assert "No such option" not in shown
    assert "--strict: byddai'r nodiadau Cymraeg yn dangos testun Saesneg" in shown
    assert f"{team}:rhes 4: colofn concerns" in shown
    assert not out.exists() or not list(out.glob("*.docx"))


# --- item 5: a standing question in an update says it is not this period's ------------------


def test_a_standing_question_is_marked_as_for_the_meeting(project: Path) -> None:
    text = update(project, "coo")
    assert "or funded from the insourcing saving? (for our meeting on 16 December 2026)" in text
    welsh = update(project, "md", "--locale", "cy_GB")
    assert "(ar gyfer ein cyfarfod ar 16 Rhagfyr 2026)" in welsh


def test_meant_for_another_is_found_in_welsh_too(project: Path) -> None:
    facts, team = str(project / "facts.yaml"), str(project / "team.csv")
    args = ("check", facts, "--directors", team, "--today", "2026-12-07")
    _code, english = run(*args)
    assert "meant-for-another: The question 'Should the nurse endoscopist posts" in english
    _code, welsh = run(*args, "--locale", "cy_GB")
    assert "meant-for-another: Mae'r cwestiwn 'A ddylai swyddi'r nyrsys endosgopi" in welsh


# --- item 4: the money line when the log shows none of the plan's cash yet --------------------


def test_the_money_line_says_nothing_is_delivered_yet_and_the_plans_payback(
    project: Path,
) -> None:
    text = brief(project, "coo")
    assert "not paid back within the project at the rate delivered so far" not in text
    assert (
        "Money: £842,000 a year of cash in the plan, at 2026/27 prices, against £480,000 of "
        "funding (the log shows none of it so far, so at that rate the funding is not paid back "
        "within the project; at the plan's rate it would be paid back in 6.8 months)."
    ) in text


def test_the_finance_directors_share_is_the_plans_and_the_funding_split_is_said(
    project: Path,
) -> None:
    text = brief(project, "dof")
    assert "so no money is counted for it yet." in text
    # Straight after "no money is counted", the share of the savings target is the plan's.
    # Session 30 (newuser37 #7): a share of a 2027/28 target is taken at 2027/28 prices, and
    # says so: £70,200 a month at 2026/27 prices is £842,400 a year, £864,000 restated.
    assert (
        "Against your objective “Deliver the £24m savings programme in 2027/28”, in the plan: "
        "£864,000 at 2027/28 prices, 3.6% of your £24m target."
    ) in text
    # £218,000 and £262,000 are 10/22 and 12/22 of £480,000: the split is said.
    assert "The funding is spread evenly over the project's 22 months." in text


# --- item 10: a typo in the latest figure (9,900 for 990) --------------------------------------


def with_typo(folder: Path) -> None:
    """November's waiting list typed 9,900 for 990, after four months below the lower limit."""
    figures = folder / "figures.csv"
    text = figures.read_text(encoding="utf-8-sig")
    assert "\n2026-11,990," in text
    figures.write_text(text.replace("\n2026-11,990,", "\n2026-11,9900,"), encoding="utf-8-sig")


def test_a_typo_in_the_latest_figure_is_not_called_a_figure_now_below_the_limit(
    project: Path,
) -> None:
    with_typo(project)
    text = update(project, "coo")
    since = text[text.index("Since the last update") : text.index("Progress on each measure")]
    # Before: "a figure now below the chart's lower limit, so we report it as a real
    # reduction", of a month whose figure is 9,900, far above every other.
    assert "now below" not in since
    assert (
        "below the chart's lower limit (July to October 2026), but not in November 2026 "
        "(its 9,900 is far outside every other figure: check it), so we report the reduction "
        "in those months as real." in since
    )


def test_a_headline_of_a_fall_over_a_worse_latest_figure_is_flagged(project: Path) -> None:
    with_typo(project)
    text = update(project, "coo")
    # The lead's headline is printed as written, with a sentence beneath it.
    assert (
        "Patients waiting over 8 weeks for endoscopy well down. The latest figure for patients "
        "waiting over 8 weeks for a diagnostic endoscopy, for November 2026, is worse than the "
        "average before the change, so the figures do not bear out this headline for now."
    ) in text
    code, shown = run(
        "check", str(project / "facts.yaml"), "--directors", str(project / "team.csv")
    )
    assert code == 0, shown
    assert (
        "The headline for November 2026 claims a change in 'Patients waiting over 8 weeks for a "
        "diagnostic endoscopy' that its latest figure does not show." in shown
    )
    # Without the typo the same headline stands: the figures bear it out.
    (project / "figures.csv").write_text(
        (DATA / "figures.csv").read_text(encoding="utf-8-sig"), encoding="utf-8-sig"
    )
    assert "bear out" not in update(project, "coo")


def test_the_typo_sentences_read_in_welsh(project: Path) -> None:
    with_typo(project)
    facts = project / "facts.yaml"
    english = "summary: Patients waiting over 8 weeks for endoscopy well down"
    assert english in facts.read_text(encoding="utf-8")
    # A Welsh note reads a headline given in Welsh against the measures' Welsh names.
    welsh = 'cy: "Cleifion sy\'n aros dros 8 wythnos am endosgopi i lawr yn sylweddol"'
    facts.write_text(
        facts.read_text(encoding="utf-8").replace(
            english, f"summary: {{en: {english[9:]}, {welsh}}}"
        ),
        encoding="utf-8",
    )
    text = update(project, "coo", "--locale", "cy_GB")
    assert "islaw terfyn isaf y siart (" in text
    assert "felly rydym yn adrodd y gostyngiad yn ystod y misoedd hynny fel un go iawn" in text
    assert "nid yw'r ffigurau'n cadarnhau'r prif bwynt hwn am y tro" in text
