"""newuser39's stroke early supported discharge service at a Welsh health board.

``tests/data/newuser39`` holds the lead's facts file after ``link`` (three impacts:
acute bed days of medically fit stroke patients, the share discharged home with
ESD, and agency nursing shifts), the log (``figures.csv``: December 2025 to
November 2026, the change in May 2026; the agency shifts show no change) and the
team (``team.xlsx``; ``team3.xlsx`` with the heading "Concers", ``team4.xlsx``
with "Objectve 1").
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
from typer.testing import CliRunner

from pitchkit.cli import app

DATA = Path(__file__).resolve().parent / "data" / "newuser39"
FACTS = DATA / "facts.yaml"
TEAM = DATA / "team.xlsx"
TODAY = "2026-12-07"


def run(*args: str, code: int = 0) -> str:
    """What ``pitchkit`` prints, both streams together (warnings go to stderr)."""
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == code, result.output
    return " ".join(result.output.split())


def document_text(path: Path) -> str:
    document = docx.Document(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(p.text for p in document.paragraphs).split())


def brief(tmp: Path, director: str, *more: str) -> str:
    out = tmp / f"{director}{''.join(more)}.docx"
    run(
        "brief",
        str(FACTS),
        "--directors",
        str(TEAM),
        "-d",
        director,
        "--out",
        str(out),
        "--today",
        TODAY,
        *more,
    )
    return document_text(out)


# --- #1: both confirmed objectives of one impact, the direct one first -----------------


def test_the_operations_note_leads_with_pathway_of_care_delays(tmp_path: Path) -> None:
    text = brief(tmp_path, "doo")
    direct = "will help you reduce pathway of care delays to under 250 across the health board"
    assert direct in text
    assert "Meet the 4-hour and 12-hour waiting targets in emergency departments" in text
    assert text.index(direct) < text.index("Meet the 4-hour")
    # In Wales the map's reason says "emergency department", not "A&E".
    assert "A&E" not in text
    assert "long waits in the emergency department are mostly patients waiting" in text


# --- #2: `directors` weighs the log, and quotes a strategy only for what it names --------


def test_directors_leads_with_what_the_log_shows_is_happening() -> None:
    text = run("directors", str(FACTS), "--directors", str(TEAM), "--today", TODAY)
    why = text[text.index("Recommendation") :]
    assert why.startswith(
        "Recommendation Approach Andrew Carruthers (Director of Operations) first"
    )
    assert (
        "Huw Pritchard scores higher on the plan, but the progress log shows no change yet in "
        "what would serve them (agency nursing shifts on the stroke wards at Glangwili and "
        "Bronglais), so lead with what is already happening." in why
    )
    # The whole team in the same order: those the log shows nothing for yet come last.
    assert (
        "After Andrew Carruthers, approach Dr Gareth Lloyd, Sian Beynon, Huw Pritchard, "
        "Catrin Howells and Dr Eleri Morgan, in that order." in why
    )
    # The agency shifts' plan, where it is the strongest point, says the log shows none of it.
    assert "(the progress log shows no change in it yet)." in text
    # The strategy lines never name the deficit. They do name the pathway of care delays
    # objective, through the risk on stroke delayed transfers of care, now that the map knows
    # that Welsh name for them (session 30).
    assert "deficit to £65m (the project's strategy names it" not in text
    assert "deficit to £62m, the control total agreed with Welsh Government (the" not in text
    assert (
        "Reduce pathway of care delays to under 250 across the health board (the project's "
        "strategy names it"
    ) in text


def test_an_imtp_line_does_not_name_the_deficit(tmp_path: Path) -> None:
    # Without the log the finance director leads, but "Hywel Dda IMTP 2025-28, planned care
    # and stroke recovery priority" is not quoted as naming "Reduce the underlying deficit".
    facts = tmp_path / "facts.yaml"
    text = FACTS.read_text(encoding="utf-8").replace("measures: figures.csv\n", "")
    facts.write_text(text, encoding="utf-8")
    said = run("directors", str(facts), "--directors", str(TEAM), "--today", TODAY)
    assert "Approach Huw Pritchard (Executive Director of Finance) first" in said
    assert "strategy names it" not in said


# --- #6: every note in the pack says the log shows none of the plan's cash -------------


def test_every_director_is_told_the_log_shows_none_of_the_cash(tmp_path: Path) -> None:
    for director in ("ceo", "md", "doo"):
        assert (
            "Money: £211,000 of cash a year in the plan (none of it shown by the log so far) "
            "and £833,000 of capacity, at 2026/27 prices, against £640,000 of funding"
        ) in brief(tmp_path, director)
    assert "the progress log shows none of it so far" in brief(tmp_path, "dof")
    welsh = brief(tmp_path, "don", "--locale", "cy_GB")
    assert (
        "£211,000 o arian parod y flwyddyn yn y cynllun (nid yw'r cofnod cynnydd yn dangos dim "
        "ohono hyd yma)"
    ) in welsh


# --- #7: a therapy-led team is not offered to the nursing director as nurse-led ---------


def test_a_team_that_names_therapists_first_is_not_nurse_led(tmp_path: Path) -> None:
    # "A stroke early supported discharge team (therapists, nurse and rehab support workers)"
    don = brief(tmp_path, "don")
    assert "nurse-led" not in don
    assert "Closeness to the wards and the people on them" in don
    assert "gwelliant dan arweiniad nyrsys" not in brief(tmp_path, "don", "--locale", "cy_GB")
    # The therapies director is still offered what the change does show.
    assert "A showcase for therapists and scientists leading change" in brief(tmp_path, "dths")


# --- #3: a misspelt team-sheet heading is said first, and the link errors point to it --


def test_a_misspelt_concerns_heading_is_said_before_the_link_it_breaks() -> None:
    text = run(
        "directors", str(FACTS), "--directors", str(DATA / "team3.xlsx"), "--today", TODAY, code=1
    )
    cause = "column 'Concers' was ignored: did you mean 'concerns'?"
    left = "Catrin Howells (don) is left out until this is fixed"
    error = "no director has the id 'don': their row in"
    assert cause in text
    assert left in text
    assert error in text
    assert text.index(cause) < text.index(left) < text.index(error)
    assert "was left out, as warned above; fix that row and this link works" in text


def test_a_misspelt_objective_heading_makes_no_guess_at_another_objective() -> None:
    text = run(
        "directors", str(FACTS), "--directors", str(DATA / "team4.xlsx"), "--today", TODAY, code=1
    )
    cause = "column 'Objectve 1' was ignored"
    assert cause in text
    assert text.index(cause) < text.index("'doo.waiting-targets' names no objective")
    # Not an objective of the facts file's own directors, nor any other guess.
    assert "doo.winter" not in text
    assert "use one of" not in text
    assert (
        "'doo.waiting-targets' names no objective of that director: the team file's column "
        "'Objectve 1' was ignored, which may hold it"
    ) in text


# --- #11: a lower score listed above a higher one says why -----------------------------


def test_a_lower_score_listed_first_says_why() -> None:
    # In May 2026, before the log shows anything: the ranking is the scores' order, the
    # guide's preferred roles first on close scores. (On TODAY the directors are listed in
    # the order the recommendation gives, those the log shows nothing for yet after the
    # others, fixread31 #5: Catrin Howells goes after Sian Beynon, as the recommendation's
    # "After Andrew Carruthers, approach …" has it, and only Huw Pritchard's place needs a
    # word: tests/test_fixread31b.py.)
    text = run("directors", str(FACTS), "--directors", str(TEAM), "--today", "2026-05-01")
    assert (
        "Score: 33 out of 100 (listed ahead of Sian Beynon (38): when scores are this close, "
        "the guide suggests a medical, nursing or finance director first)"
    ) in text
    # A director listed in score order says nothing of it.
    assert text.count("listed ahead of") == 1
    text = run("directors", str(FACTS), "--directors", str(TEAM), "--today", TODAY)
    assert "listed ahead of" not in text
    assert text.count("(listed after ") == 1


def test_the_plan_s_bullet_has_a_verb(tmp_path: Path) -> None:
    assert (
        "In the plan, agency nursing shifts on the stroke wards at Glangwili and Bronglais will "
        "fall from 118 to 60 shifts a month:"
    ) in brief(tmp_path, "dof")


def test_a_measure_of_falls_comes_down_rather_than_falls(tmp_path: Path) -> None:
    # Session 30: the verb fixnu39a gave the plan's bullet read "inpatient falls … will fall
    # from 84 to 50"; a measure that names falls comes down.
    facts = Path(__file__).resolve().parent.parent / "examples" / "falls-prevention" / "facts.yaml"
    out = tmp_path / "don.docx"
    run("brief", str(facts), "-d", "don", "--out", str(out), "--today", "2028-04-10")
    text = document_text(out)
    assert "inpatient falls resulting in any harm will come down from 84 to 50" in text
    assert "will fall from 84" not in text


def test_pathway_of_care_delays_is_the_welsh_name_for_delayed_discharges() -> None:
    # newuser39 #4 (session 30): NHS Wales counts patients ready to leave hospital as
    # "pathway of care delays" (PoCD); the map knew only England's names for them.
    from linkcases import linked

    for measure in (
        "Patients waiting in hospital when medically fit for discharge",
        "Delayed discharges from community hospitals",
    ):
        found = linked(
            measure, "Reduce pathway of care delays to under 250 across the health board"
        )
        assert found is not None
        assert found.confidence == "confident"
        assert found.chain is not None
        assert found.chain.start == "delayed-discharge"
    assert linked("Stroke patients seen within 4 hours", "PoCD below 250 by March 2027") is None
