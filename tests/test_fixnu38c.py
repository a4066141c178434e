"""newuser38's discharge medicines project: what fixnu38c fixed of what the lead met.

``tests/data/newuser38c`` holds the lead's facts file (the meeting is with the COO),
the team exported from Excel (``team.csv``) and the log (``figures.csv``).
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from pitchkit.cli import app

DATA = Path(__file__).resolve().parent / "data" / "newuser38c"
FACTS = DATA / "facts.yaml"
TEAM = DATA / "team.csv"
TODAY = "2026-12-01"


def run(*args: str) -> str:
    """What ``pitchkit`` prints, both streams together (warnings go to stderr)."""
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())


def document_text(path: Path) -> str:
    document = docx.Document(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(p.text for p in document.paragraphs).split())


def batch_asks(tmp: Path, facts: Path, *locale: str) -> dict[str, str]:
    """Each director's note in a batch, by the director's name."""
    out = tmp / "pack"
    run("batch", str(facts), "--directors", str(TEAM), "--out", str(out), "--today", TODAY, *locale)
    return {path.stem.rsplit(" - ", 1)[1]: document_text(path) for path in out.glob("*.docx")}


# --- #1: one director is asked to sponsor, the others for their advice ------------------

ADVICE = {
    "en": "We are not asking you to sponsor this project: we would value 20 minutes of your "
    "advice, and we will keep you informed as it goes.",
    "cy": "Nid ydym yn gofyn i chi noddi'r prosiect hwn: byddem yn gwerthfawrogi 20 munud o'ch "
    "cyngor, a byddwn yn rhoi gwybod i chi sut mae'n mynd.",
}
SPONSOR = {
    "en": "We would like you to sponsor this project and to sign the executive sponsor section",
    "cy": "Hoffem i chi noddi'r prosiect hwn, a gwneud hyn:",
}


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_a_batch_asks_only_the_meeting_s_director_to_sponsor(tmp_path: Path, lang: str) -> None:
    # The project serves the COO, the chief nurse, the finance and the people directors; the
    # batch asked all four to sponsor it and chair its board (fixnu36 #4). The meeting is
    # with the COO, whom the ranking also puts first.
    notes = batch_asks(tmp_path, FACTS, "--locale", lang)
    assert len(notes) == 7
    assert SPONSOR[lang] in notes["Marcus Bell"]
    assert ADVICE[lang] not in notes["Marcus Bell"]
    for name in ("Claire Whitmore", "Rajesh Patel", "Nadia Hussain", "Dr Helen Okoro"):
        assert ADVICE[lang] in notes[name], name
        assert SPONSOR[lang] not in notes[name], name


def test_a_batch_asks_the_ranking_s_first_and_the_meeting_s_director(tmp_path: Path) -> None:
    # A meeting booked with the finance director: the COO, whom `directors` puts first, is
    # asked to sponsor, and so is the finance director, whose note is for that meeting.
    text = FACTS.read_text(encoding="utf-8")
    assert "  director: coo\n" in text
    facts = tmp_path / "facts.yaml"
    facts.write_text(text.replace("  director: coo\n", "  director: cfo\n"), encoding="utf-8")
    notes = batch_asks(tmp_path, facts)
    for name in ("Marcus Bell", "Rajesh Patel"):
        assert SPONSOR["en"] in notes[name], name
    for name in ("Claire Whitmore", "Nadia Hussain"):
        assert ADVICE["en"] in notes[name], name


def test_a_brief_alone_still_asks_the_director_the_lead_chose(tmp_path: Path) -> None:
    out = tmp_path / "cn.docx"
    run("brief", str(FACTS), "--directors", str(TEAM), "-d", "cn", "--out", str(out))
    assert SPONSOR["en"] in document_text(out)


# --- #2: init --from stopped early keeps the answers an earlier init kept ----------------


def test_init_from_stopped_early_leaves_an_earlier_runs_answers_as_they_were(
    tmp_path: Path,
) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text(FACTS.read_text(encoding="utf-8"), encoding="utf-8")
    first = tmp_path / "facts.yaml.answers.txt"  # kept by the first init, stopped early
    first.write_text("Discharge medicines in a day\nNorthfield\n", encoding="utf-8")
    team = tmp_path / "team.csv"
    team.write_bytes(TEAM.read_bytes())
    start = ["init", "--from", str(facts), "--directors", str(team)]
    result = CliRunner().invoke(app, start, input="2\nChief Nurse\n")
    assert result.exit_code == 1
    assert first.read_text(encoding="utf-8") == "Discharge medicines in a day\nNorthfield\n"
    second = tmp_path / "facts.yaml.answers-2.txt"
    assert second.read_text(encoding="utf-8") == "2\nChief Nurse\n"
    shown = " ".join(result.output.split())
    assert (
        f"Your 2 answers so far are kept in {second}, as {first} holds an earlier run's "
        f"answers, left as they were; to carry on from the next question, run: pitchkit init "
        f"--from {facts} --directors {team} --answers {second}"
    ) in shown
    # Carried on from there and stopped again, the run keeps its answers in the same file.
    again = CliRunner().invoke(app, [*start, "--answers", str(second)], input="Claire Whitmore\n")
    assert again.exit_code == 1
    assert second.read_text(encoding="utf-8") == "2\nChief Nurse\nClaire Whitmore\n"
    assert not (tmp_path / "facts.yaml.answers-3.txt").exists()
    assert first.read_text(encoding="utf-8") == "Discharge medicines in a day\nNorthfield\n"


# --- #5: "did you mean ...?" is never followed by ":" ------------------------------------


def test_an_unknown_director_s_suggestion_reads_as_a_question(tmp_path: Path) -> None:
    out = tmp_path / "x.docx"
    args = ["brief", str(FACTS), "--directors", str(TEAM), "-d", "cof", "--out", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1
    shown = " ".join(result.output.split())
    assert "no director has the id 'cof': did you mean 'cfo'? If not, choose one of ceo," in shown
    assert "?:" not in shown


# --- #4: a baseline a nought too big, against the figure the evidence quotes -------------

QUOTED = (
    "facts.yaml:48:15: impacts[0].baseline 34,200 bed days a year is about 10 times the "
    "3,420 bed days a year quoted in the evidence (facts.yaml:29:7): a typo? It is used as "
    "it stands"
)


def typed(tmp: Path, old: str, new: str) -> Path:
    """The lead's facts file with ``old`` typed as ``new``, in ``tmp``."""
    text = FACTS.read_text(encoding="utf-8")
    assert old in text
    path = tmp / "facts.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_a_tenfold_baseline_is_named_against_the_evidence_without_a_log(
    tmp_path: Path,
) -> None:
    facts = typed(tmp_path, "baseline: 3420", "baseline: 34200")
    team = ["--directors", str(TEAM), "--today", "2027-07-10"]
    said = [
        run("check", str(facts), *team),
        run("brief", str(facts), "-d", "coo", "--out", str(tmp_path / "b.docx"), *team),
        run("update", str(facts), "-d", "coo", "--out", str(tmp_path), *team),
    ]
    for shown in said:
        assert shown.count(QUOTED.replace("facts.yaml", str(facts))) == 1, shown
        assert shown.count("a typo?") == 1
    # The lead's own 3,420 agrees with the evidence: nothing is named.
    assert "a typo?" not in run("check", str(FACTS), *team)


def test_with_a_log_the_baseline_is_named_once_against_the_log(tmp_path: Path) -> None:
    facts = typed(tmp_path, "baseline: 3420", "baseline: 34200")
    shown = run(
        "check", str(facts), "--directors", str(TEAM), "--measures", str(DATA / "figures.csv"),
        "--today", "2027-07-10",
    )  # fmt: skip
    assert shown.count("a typo?") == 1
    assert "the log's average before the change" in shown
    assert "quoted in the evidence" not in shown


def test_a_year_s_figure_given_per_month_is_asked_about(tmp_path: Path) -> None:
    facts = typed(
        tmp_path, "    per: year\n    baseline: 3420", "    per: month\n    baseline: 3420"
    )
    shown = run("check", str(facts), "--directors", str(TEAM))
    assert (
        "impacts[0].baseline 3,420 bed days a month is about 12 times the 3,420 bed days a "
        "year quoted in the evidence"
    ) in shown
    assert "is it a figure a year, not a month? Check the impact's 'per:'" in shown


# --- #6: check tells the meeting's director of a link that waits for `pitchkit link` ------


def test_check_says_the_chief_nurse_s_harm_link_waits_for_link() -> None:
    # The Datix impact serves none of the COO's objectives (the meeting's); pitchkit offers
    # it to the chief nurse's "causing harm" objective only as possible (fixlink38), which
    # `directors` and `link` showed and `check` did not (newuser38 #5).
    shown = run("check", str(FACTS), "--directors", str(TEAM))
    offer = (
        "pitchkit offers it to Claire Whitmore's 'Reduce medication incidents causing harm' "
        f"as a possible link, which no note claims until you confirm it: run pitchkit link "
        f"{FACTS} --directors {TEAM}"
    )
    assert shown.count(offer) == 1
    assert shown.index("'Medication incidents at discharge reported on Datix' serves none") < (
        shown.index(offer)
    )


# --- #3: an id init makes says what the impact measures ---------------------------------


@pytest.mark.parametrize(
    ("measure", "expected"),
    [
        # A statistic before a bare head gives way to the head and what it is of.
        (
            "Median time from discharge prescription written to medicines ready on the ward",
            "time-discharge-prescription",
        ),
        ("Median wait for first outpatient appointment", "wait-first-outpatient"),
        # A long noun phrase cut off by "before": its head and the cut-off.
        ("Adult inpatient discharges before noon", "discharges-noon"),
        # Ids the first words already make well stay as they were.
        ("Bed days lost to patients waiting for discharge medicines", "bed-days-lost"),
        ("A&E attendances in mental health crisis", "ae-attendances-mental"),
        ("Hysteroscopies done as day cases in main theatre", "hysteroscopies-done"),
    ],
)
def test_init_ids_say_what_is_measured(measure: str, expected: str) -> None:
    from pitchkit.init.answers import slug

    assert slug(measure) == expected


def test_init_from_adds_an_impact_whose_id_says_what_it_measures(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text(FACTS.read_text(encoding="utf-8"), encoding="utf-8")
    team = tmp_path / "team.csv"
    team.write_bytes(TEAM.read_bytes())
    measure = "Median time from discharge prescription written to medicines ready on the ward"
    typed = f"1\n{measure}\nhours\n5\n4.6\n2.0\n\nno\ny\n"
    result = CliRunner().invoke(
        app, ["init", "--from", str(facts), "--directors", str(team)], input=typed
    )
    assert result.exit_code == 0, result.output
    text = facts.read_text(encoding="utf-8")
    assert "  - id: time-discharge-prescription\n" in text
    # The ids already in the file never change.
    for kept in ("median-time", "adult-inpatient-discharges", "bed-days-lost"):
        assert f"  - id: {kept}\n" in text
