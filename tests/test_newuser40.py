"""newuser40's theatre scheduling and pre-operative assessment hub at an English acute trust.

``tests/data/newuser40`` holds the lead's facts file as ``pitchkit init`` wrote it,
with the links confirmed by ``pitchkit link`` and fifteen months of the log
(January 2027 to March 2028; the hub took its first full month of lists in June
2027, ``changed: 2027-06``), and the executive team as the lead typed it
(``team.xlsx``: a title row, a blank row, trailing spaces, a blank objectives cell).
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
from typer.testing import CliRunner

from docchecks import body_and_cells
from pitchkit.cli import app

DATA = Path(__file__).resolve().parent / "data" / "newuser40"
FACTS = DATA / "facts.yaml"
TEAM = DATA / "team.xlsx"
#: The day the lead writes the briefing notes, before the meeting of 16 December 2026.
BRIEF_DAY = "2026-12-07"
#: The day the closing update is written.
UPDATE_DAY = "2028-04-10"


def run(*args: str, code: int = 0) -> str:
    """What ``pitchkit`` prints, both streams together (warnings go to stderr)."""
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == code, result.output
    return " ".join(result.output.split())


def document_text(path: Path) -> str:
    """The document's paragraphs and table cells, in reading order, as one line."""
    return " ".join(" ".join(body_and_cells(path)).split())


def written(out: Path, command: str, facts: Path, director: str, day: str, *extra: str) -> str:
    """The text of the note ``command`` writes to ``out`` for ``director`` on ``day``."""
    args = ("--directors", str(TEAM), "-d", director, "--out", str(out), "--today", day)
    run(command, str(facts), *args, *extra)
    return document_text(out)


def brief(tmp: Path, director: str, facts: Path = FACTS) -> str:
    return written(tmp / f"{director}.docx", "brief", facts, director, BRIEF_DAY)


# --- #3: no capacity "this winter" from a change that takes effect in June -------------


def test_capacity_is_offered_for_next_winter_when_the_change_comes_after_this_one(
    tmp_path: Path,
) -> None:
    # Written in December for a meeting in December: the project starts on 4 January,
    # but cancellations (the one measure that frees capacity) change only from June 2027,
    # as the money line beside it says ("counted from June 2027").
    text = brief(tmp_path, "coo")
    assert "counted from June 2027" in text
    assert "Capacity that could be freed ahead of next winter" in text
    assert "freed this winter" not in text
    # Without the measure's own date the change starts with the project, in this winter.
    plain = tmp_path / "plain.yaml"
    plain.write_text(
        FACTS.read_text(encoding="utf-8").replace("    changed: 2027-06\n", ""),
        encoding="utf-8",
    )
    (tmp_path / "plain").mkdir()
    text = brief(tmp_path / "plain", "coo", plain)
    assert "Capacity that could be freed this winter" in text


# --- #2: `directors` before any link is confirmed points to the links waiting ----------


def unlinked(tmp: Path) -> Path:
    """The facts file as ``init`` wrote it, before ``pitchkit link``: no ``supports:``."""
    text = FACTS.read_text(encoding="utf-8")
    kept = "".join(
        line for line in text.splitlines(keepends=True) if not line.startswith("    supports:")
    )
    assert kept != text
    path = tmp / "facts.yaml"
    path.write_text(kept, encoding="utf-8")
    return path


def test_directors_sends_the_lead_to_the_possible_links_before_anything_else(
    tmp_path: Path,
) -> None:
    text = run("directors", str(unlinked(tmp_path)), "--directors", str(TEAM), "--today", BRIEF_DAY)
    why = text[text.index("Recommendation") :]
    assert why.startswith(
        "Recommendation No link to a director's objectives is confirmed yet: 5 possible links,"
        " under 'Why linked' above, wait for you to confirm or rule them out with "
        "'pitchkit link'."
    )
    # Before: "add the objectives you know of", to a lead whose sheet has them all.
    assert "add the objectives you know of" not in why
    # Each waits under its director, with the line that confirms it.
    assert "possible -- confirm with supports: [ceo.elective-waiting]" in text


# --- #5: a director with no objectives of their own is not told of "your objectives" ----


def test_a_note_for_a_director_without_objectives_says_whose_objectives_it_read(
    tmp_path: Path,
) -> None:
    # Louise Carter's objectives cell is blank: her note goes by what the role usually holds.
    text = brief(tmp_path, "cpo")
    assert (
        "does not yet link to the objectives your role usually holds (we do not have your "
        "own objectives): we would value your advice on where it fits." in text
    )
    assert "does not yet link to your objectives" not in text
    # A director with objectives of their own keeps the words as they were.
    text = brief(tmp_path, "cn")
    assert "does not yet link to your objectives: we would value your advice" in text


# --- session 31, fixnu40 -------------------------------------------------------------------


def update(tmp: Path, director: str, facts: Path = FACTS, *extra: str) -> str:
    out = tmp / f"update-{director}.docx"
    return written(out, "update", facts, director, UPDATE_DAY, "--force", *extra)


def edited(tmp: Path, old: str, new: str, name: str = "edited.yaml") -> Path:
    """The facts file with ``old`` replaced by ``new`` (which must be there)."""
    text = FACTS.read_text(encoding="utf-8")
    assert old in text
    path = tmp / name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


# --- #1: a title that is a common noun phrase takes "the" in running text ---------------


def test_the_title_takes_the_article_where_it_is_a_common_noun(tmp_path: Path) -> None:
    text = brief(tmp_path, "coo")
    assert (
        "The theatre scheduling and pre-operative assessment hub will help you eliminate waits "
        "of over 65 weeks for planned treatment by September 2027." in text
    )
    assert "Theatre scheduling and pre-operative assessment hub will help" not in text
    # The heading keeps the title as typed.
    assert text.startswith("Theatre scheduling and pre-operative assessment hub For Rachel")
    text = update(tmp_path, "coo")
    assert (
        "As executive sponsor of the theatre scheduling and pre-operative assessment hub, I can "
        "report that it has delivered" in text
    )
    text = update(tmp_path, "ceo")
    assert (
        "The team running the theatre scheduling and pre-operative assessment hub reports that"
        in text
    )
    # A proper name takes none.
    named = edited(
        tmp_path,
        "  title: Theatre scheduling and pre-operative assessment hub\n",
        "  title: Project Phoenix\n",
    )
    (tmp_path / "named").mkdir()
    text = brief(tmp_path / "named", "coo", named)
    assert "Project Phoenix will help you eliminate waits" in text
    assert "the Project Phoenix" not in text
    # The Welsh note already names it as a project, quoted, as before.
    out = tmp_path / "cy.docx"
    run(
        "brief", str(FACTS), "--directors", str(TEAM), "-d", "coo", "--out", str(out),
        "--today", BRIEF_DAY, "--locale", "cy_GB",
    )  # fmt: skip
    assert "Bydd y prosiect “Theatre scheduling and pre-operative assessment hub”" in (
        document_text(out)
    )


def test_which_titles_take_the_article() -> None:
    from pitchkit.i18n.englishtitle import english_subject, finished

    cases = {
        "Theatre scheduling and pre-operative assessment hub": (
            "the theatre scheduling and pre-operative assessment hub"
        ),
        "Discharge lounge for medical wards": "the discharge lounge for medical wards",
        "Community ear care clinics": "the community ear care clinics",
        "GIRFT theatres programme": "the GIRFT theatres programme",
        "ReSPECT conversations team": "the ReSPECT conversations team",
        "Welsh language support service": "the Welsh language support service",
        "The Retreat": "the Retreat",
        "A fracture liaison service that finds every fracture": (
            "a fracture liaison service that finds every fracture"
        ),
        # Names, slogans and titles in two parts are left as typed.
        "Project Phoenix": "Project Phoenix",
        "ReSPECT": "ReSPECT",
        "Ear Care Wales": "Ear Care Wales",
        "Discharge to assess": "Discharge to assess",
        "Dying where people choose": "Dying where people choose",
        "Expand the community clinics": "Expand the community clinics",
        "Growing community hubs": "Growing community hubs",
        "Every clinic room used": "Every clinic room used",
        "Safer steps: preventing falls on our wards": "Safer steps: preventing falls on our wards",
        "Hub": "Hub",
    }
    for title, said in cases.items():
        assert english_subject(title) == said, title
    assert english_subject("Northfield frailty hub", names=["Northfield Hospitals"]) == (
        "the Northfield frailty hub"
    )
    assert finished("the hub will help you.", "en") == "The hub will help you."
    assert finished("eRS triage will help you.", "en") == "eRS triage will help you."


# --- #2: each objective once in "What this has delivered" ---------------------------------


def test_the_delivered_table_names_each_objective_once(tmp_path: Path) -> None:
    out = tmp_path / "update.docx"
    run(
        "update", str(FACTS), "--directors", str(TEAM), "-d", "coo", "--out", str(out),
        "--today", UPDATE_DAY,
    )  # fmt: skip
    document = docx.Document(io.BytesIO(out.read_bytes()))
    [table] = [t for t in document.tables if t.rows[0].cells[0].text == "Your objective"]
    labels = [row.cells[0].text for row in table.rows[1:]]
    column = " | ".join(labels)
    assert column.count("107% of 2019/20 elective activity value") == 1, column
    assert column.count("Eliminate waits of over 65 weeks") == 1, column
    # The measures toward one objective come first, under it; the measure toward both names
    # the other and points to the one above, in its own capital.
    assert labels == [
        "Deliver 107% of 2019/20 elective activity value",
        "",
        "Eliminate waits of over 65 weeks for planned treatment by September 2027, and the "
        "objective above",
    ]
    assert "; deliver 107%" not in column
    text = document_text(out)
    assert (
        "and the objective above Elective operations cancelled on the day for non-clinical "
        "reasons: 293 cancellations fewer" in text
    )


# --- #3: no "Not scored this period" for a log that never scored a period -----------------


def test_no_progress_score_row_when_no_period_was_ever_scored(tmp_path: Path) -> None:
    text = update(tmp_path, "coo")
    assert "Not scored this period" not in text
    assert "Progress score" not in text
    assert "Status Green: on track Next update" in text
    # A log that keeps a score says when this period has none.
    scored = edited(
        tmp_path,
        "    summary: Hub running as business as usual\n",
        "    summary: Hub running as business as usual\n    score: 4\n",
    )
    text = update(tmp_path, "coo", scored)
    assert "Progress score Not scored this period" in text
    scored = edited(
        tmp_path,
        "    summary: Project closes with cancellations at a third of the baseline\n",
        "    summary: Project closes with cancellations at a third of the baseline\n"
        "    score: 4.5\n",
        "scored.yaml",
    )
    text = update(tmp_path, "coo", scored)
    assert "Progress score 4.5 out of 5" in text


# --- #4: plain words for a new signal and for an impact that counts to a second objective --


def test_a_new_signal_and_a_second_objectives_money_are_said_plainly(tmp_path: Path) -> None:
    text = update(tmp_path, "coo")
    assert (
        "Elective operations cancelled on the day for non-clinical reasons: two of the last "
        "three figures now close to the lower limit, a sign of improvement the last update "
        "did not show." in text
    )
    assert "the chart now shows two of three points" not in text
    assert "new since the last update" not in text
    text = brief(tmp_path, "coo")
    assert (
        "This objective also gains from the change in elective operations cancelled on the "
        "day for non-clinical reasons (above), worth £44,800 a month in capacity once at its "
        "target." in text
    )
    assert "Also towards this objective" not in text
    assert "in capacity in the plan" not in text
    out = tmp_path / "cy.docx"
    run(
        "update", str(FACTS), "--directors", str(TEAM), "-d", "coo", "--out", str(out),
        "--today", UPDATE_DAY, "--locale", "cy_GB",
    )  # fmt: skip
    assert (
        "mae dau o'r tri ffigur diwethaf bellach yn agos at y terfyn isaf, arwydd o welliant "
        "nad oedd y diweddariad diwethaf yn ei ddangos." in document_text(out)
    )


# --- #5: the funding's split between the years says it is by days ------------------------


def test_the_finance_directors_note_says_the_funding_is_split_by_days(tmp_path: Path) -> None:
    text = brief(tmp_path, "dof")
    assert "2026/27 £0 against £61,000; 2027/28 £448,000 against £259,000" in text
    # 4 January to 31 March 2027 is 87 days, 2027/28 (with 29 February 2028) 366: £320,000
    # × 87 / 453 is £61,457, × 366 / 453 £258,543.
    assert round(320_000 * 87 / 453, -3) == 61_000
    assert round(320_000 * 366 / 453, -3) == 259_000
    assert "Funding split by days: 87 in 2026/27, 366 in 2027/28." in text
    # A project of whole months splits alike by its months: no sentence, unless the fund is
    # named for one year (newuser37 #8, tests/test_newuser37.py).
    months = edited(tmp_path, "  start: 2027-01-04\n", "  start: 2027-01-01\n")
    (tmp_path / "months").mkdir()
    assert "Funding split by days" not in brief(tmp_path / "months", "dof", months)


def test_the_finance_directors_note_stays_on_one_page(tmp_path: Path, soffice: str) -> None:
    from docchecks import pdf_pages

    brief(tmp_path, "dof")
    assert pdf_pages(tmp_path / "dof.docx") == 1


# --- #6: check after the project has ended -----------------------------------------------


def test_check_after_the_end_gives_advice_for_a_finished_project(tmp_path: Path) -> None:
    args = ("check", str(FACTS), "--directors", str(TEAM), "-d", "coo")
    after = run(*args, "--today", UPDATE_DAY)
    assert "project-over: The project is over." in after
    assert (
        "funding-undecided: The funding is still marked 'requested', though the project has "
        "ended." in after
    )
    assert "project.funding.status is 'requested'; the project ended on 31 March 2028." in after
    for before_the_meeting in (
        "whole-team",
        "no-personal-objective",
        "meeting-passed",
        "approach-late",
        "better-fit",
    ):
        assert before_the_meeting not in after, before_the_meeting
    # Before the meeting the same file gets the advice for it, and no word of the funding.
    before = run(*args, "--today", BRIEF_DAY)
    assert "whole-team: With £320,000 at stake, plan to engage the whole executive team." in (
        before
    )
    assert "funding-undecided" not in before
    # Funding recorded as awarded is not questioned.
    awarded = edited(tmp_path, "    status: requested\n", "    status: awarded\n")
    text = run("check", str(awarded), "--directors", str(TEAM), "-d", "coo", "--today", UPDATE_DAY)
    assert "funding-undecided" not in text


def test_check_reads_a_welsh_funding_status_as_its_english(tmp_path: Path) -> None:
    """A status typed in Welsh, as ``init --locale cy_GB`` once wrote it, is the same status."""
    welsh = edited(tmp_path, "    status: requested\n", "    status: gofynnwyd amdano\n")
    text = run("check", str(welsh), "--directors", str(TEAM), "-d", "coo", "--today", UPDATE_DAY)
    assert "funding-undecided: The funding is still marked 'gofynnwyd amdano'" in text
    agreed = edited(tmp_path, "    status: requested\n", "    status: cytunwyd arno\n", "a.yaml")
    text = run("check", str(agreed), "--directors", str(TEAM), "-d", "coo", "--today", UPDATE_DAY)
    assert "funding-undecided" not in text
