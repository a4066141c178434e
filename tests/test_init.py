"""`pitchkit init`: questions answered through the real CLI become a facts file that works."""

from __future__ import annotations

import copy
import datetime as dt
import re
import shlex
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from docchecks import docx_text
from pitchkit.cli import app
from pitchkit.facts.directors import objective_id
from pitchkit.facts.schema import Facts, load_facts
from pitchkit.i18n.translation import language
from pitchkit.init import (
    Question,
    facts_yaml,
    interview_facts,
    parse_date,
    parse_number,
    role_id,
    scripted,
    slug,
    tidy,
)

ROOT = Path(__file__).resolve().parent.parent
FRAILTY = ROOT / "examples" / "frailty-virtual-ward" / "facts.yaml"
EN = language("en_GB")

PROJECT = [
    "Same-day frailty hub",  # title
    "Example NHS Foundation Trust",  # organisation
    "Dr Asha Mistry",  # lead name
    "Consultant Geriatrician",  # lead role
    "asha.mistry@example.nhs.uk",  # lead email
    "Frail older people wait in the emergency department for a bed that does them harm",
    "A same-day frailty hub that assesses and treats older people without admission",
    "Trust strategy 2025-30: care closer to home",  # strategy
    "",  # no more strategy
    "",  # no evidence
    "2027-02-01",  # start
    "31/03/2028",  # end
    "180,000",  # funding amount
    "NHS Charities Together",  # funding source
    "",  # status: the default, requested
]
IMPACT = [
    "Emergency admissions of people aged 75 and over",  # measure
    "admissions",  # unit
    "1",  # per year
    "1,200",  # baseline
    "1000",  # target
    "2",  # value: non-elective episode £1,590
    "",  # releases: the default, capacity
    "SUS data 2025/26",  # source
    "no",  # another impact?
]
DIRECTOR = [
    "Director of Finance",  # role
    "Helen Marsh",  # name
    "",  # id: the suggested dof
    "1",  # a typical objective
    "Be seen to back clinically led savings",  # her own objective
    "yes",  # personal
    "",  # no more objectives
    "Agency spend",  # concern
    "",  # no more concerns
    "no",  # another director?
]
# A meeting still to come whenever the test runs: a note written after its meeting no longer
# names it.
MEETING = dt.date.today() + dt.timedelta(days=30)
PITCH = [
    "Chair our project board each quarter",  # ask
    "",
    "Which committee should hear our progress?",  # advice
    "",
    "A case study for the finance committee",  # offer
    "",
    MEETING.isoformat(),  # meeting date
]
ANSWERS = PROJECT + IMPACT + DIRECTOR + PITCH


def feed(answers: list[str]) -> str:
    return "".join(f"{answer}\n" for answer in answers)


def test_answers_become_a_facts_file_and_a_brief_that_says_them(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    runner = CliRunner()
    result = runner.invoke(app, ["init", str(facts)], input=feed(ANSWERS))
    assert result.exit_code == 0, result.output
    assert f"pitchkit preview {facts} --director dof" in result.output

    loaded = load_facts(facts).facts
    assert loaded.project.title == "Same-day frailty hub"
    assert loaded.project.funding is not None
    assert loaded.project.funding.amount == 180000
    assert loaded.project.funding.status == "requested"
    assert loaded.project.end == dt.date(2028, 3, 31)
    [impact] = loaded.impacts
    assert (impact.per, impact.baseline, impact.target) == ("year", 1200, 1000)
    assert impact.value is not None
    assert impact.value.amount == 1590
    assert impact.value.source == "Non-elective episode, NHS reference costs 2016/17"
    [director] = loaded.directors
    assert director.id == "dof"
    kinds = {o.text: o.kind for o in director.objectives}
    assert kinds["Be seen to back clinically led savings"] == "personal"
    assert loaded.meeting is not None
    assert loaded.meeting.director == "dof"

    # A money value alone is only a possible link to Finance's objective (issue 14): the
    # lead confirms it with 'pitchkit link' before the note claims it.
    typical = director.objectives[0]
    confirm = runner.invoke(app, ["link", str(facts), "--accept", f"{impact.id}:dof.{typical.id}"])
    assert confirm.exit_code == 0, confirm.output
    out = tmp_path / "brief.docx"
    brief = runner.invoke(app, ["brief", str(facts), "--out", str(out)])
    assert brief.exit_code == 0, brief.output
    text = docx_text(out)
    for answer in (
        "Same-day frailty hub",
        "Example NHS Foundation Trust",
        "Dr Asha Mistry",
        "Helen Marsh",
        "Director of Finance",
        "chair our project board each quarter",  # in "We would like you to chair…"
        "Which committee should hear our progress?",
        "A case study for the finance committee",
        "£180,000",
        "NHS Charities Together",
        # fixbrief29: the unit cost's source is lower-cased after "from the".
        "from the non-elective episode, NHS reference costs 2016/17",
        f"{MEETING.day} {MEETING:%B %Y}",
    ):
        assert answer in text, answer


def test_the_file_explains_each_section_in_comments(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    CliRunner().invoke(app, ["init", str(facts)], input=feed(ANSWERS))
    text = facts.read_text(encoding="utf-8")
    for section in ("project:", "impacts:", "asks:", "directors:", "meeting:"):
        line = text.index(f"\n{section}")
        assert text[:line].rstrip().splitlines()[-1].startswith("# "), section
    assert text.startswith("# Facts for Same-day frailty hub")


def test_wrong_answers_are_asked_again_kindly(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    answers = list(ANSWERS)
    answers[4:5] = ["asha at example", "asha.mistry@example.nhs.uk"]
    at = answers.index("1,200")
    answers[at : at + 1] = ["about twelve hundred", "1,200"]
    at = answers.index(MEETING.isoformat())
    answers[at : at + 1] = ["next Thursday", MEETING.isoformat()]
    result = CliRunner().invoke(app, ["init", str(facts)], input=feed(answers))
    assert result.exit_code == 0, result.output
    assert "does not look like an email address" in result.stderr
    assert "Please give a number, such as 1200" in result.stderr
    assert "Please give the date as 2026-12-03 or 3/12/2026" in result.stderr
    assert load_facts(facts).facts.impacts[0].baseline == 1200


def test_none_is_taken_where_a_question_says_leave_blank_for_none(tmp_path: Path) -> None:
    # newuser4 C2: "Pick a cost, or leave blank for none." refused "none".
    answers = list(ANSWERS)
    answers[answers.index("Trust strategy 2025-30: care closer to home") + 1] = "None"
    at = answers.index("180,000")
    answers[at : at + 3] = ["none"]  # no funding, so no source or status asked
    at = answers.index("SUS data 2025/26")
    answers[at - 2 : at] = ["none"]  # no money value, so not asked whether it is cash
    facts = tmp_path / "facts.yaml"
    result = CliRunner().invoke(app, ["init", str(facts)], input=feed(answers))
    assert result.exit_code == 0, result.output
    assert "Please" not in result.stderr
    loaded = load_facts(facts).facts
    assert loaded.project.funding is None
    assert loaded.impacts[0].value is None
    assert loaded.impacts[0].source == "SUS data 2025/26"
    assert [str(s) for s in loaded.project.strategy] == [
        "Trust strategy 2025-30: care closer to home"
    ]


def menu_words(answers: list[str]) -> tuple[list[str], list[str]]:
    """``answers`` with each menu number replaced by the words of its choice, as a user types them.

    Returns the new answers and the words typed: a choice's name before its
    details, without a leading "a" (``year`` for "a year").
    """
    numbered = iter(answers)
    typed: list[str] = []
    worded: list[str] = []

    def ask(question: Question) -> str:
        answer = next(numbered)
        if question.choices and answer.isdigit():
            option = question.choices[int(answer) - 1]
            answer = re.sub(r"^an? ", "", re.split(r":| \(", option)[0])
            typed.append(answer)
        worded.append(answer)
        return answer or question.default

    interview_facts(ask, EN)
    return worded, typed


def test_every_menu_takes_the_words_of_a_choice_as_well_as_its_number(tmp_path: Path) -> None:
    worded, typed = menu_words(ANSWERS)
    assert typed == ["year", "Non-elective episode", typed[2]]  # period, cost, an objective
    assert len(typed[2].split()) > 2
    runner = CliRunner()
    (tmp_path / "numbers").mkdir()
    (tmp_path / "words").mkdir()
    by_number = runner.invoke(
        app, ["init", str(tmp_path / "numbers" / "facts.yaml")], input=feed(ANSWERS)
    )
    by_words = runner.invoke(
        app, ["init", str(tmp_path / "words" / "facts.yaml")], input=feed(worded)
    )
    assert by_number.exit_code == by_words.exit_code == 0, by_words.output
    assert "Please type" not in by_words.stderr
    written = (tmp_path / "words" / "facts.yaml").read_text(encoding="utf-8")
    assert written == (tmp_path / "numbers" / "facts.yaml").read_text(encoding="utf-8")


def test_words_that_are_no_choice_or_fit_two_are_asked_again(tmp_path: Path) -> None:
    answers = list(ANSWERS)
    at = answers.index("1", answers.index("admissions"))
    answers[at : at + 1] = ["weekly", "a", "year"]
    result = CliRunner().invoke(app, ["init", str(tmp_path / "f.yaml")], input=feed(answers))
    assert result.exit_code == 0, result.output
    assert (
        "Please type one number from 1 to 5, or the words of one choice, such as 'a year'."
        in result.stderr
    )
    assert "'a' fits more than one choice: type its number instead." in result.stderr
    assert load_facts(tmp_path / "f.yaml").facts.impacts[0].per == "year"


def test_a_number_as_the_unit_or_a_count_below_zero_is_asked_again(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    answers = list(ANSWERS)
    at = answers.index("admissions")
    answers[at : at + 1] = ["5", "admissions"]
    at = answers.index("1,200")
    answers[at : at + 1] = ["-1,200", "1,200"]
    result = CliRunner().invoke(app, ["init", str(facts)], input=feed(answers))
    assert result.exit_code == 0, result.output
    assert (
        "'5' is a number, but a unit says what is counted: write it in words, e.g. "
        "'patients', 'bed days' or '%'." in " ".join(result.stderr.split())
    )
    assert "This measure cannot be below zero: give the level itself" in result.stderr
    [impact] = load_facts(facts).facts.impacts
    assert (impact.unit, impact.baseline) == ("admissions", 1200)


def test_init_will_not_replace_a_file_unless_told(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text("keep me\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["init", str(facts)], input="n\n")
    assert result.exit_code == 1
    assert "already exists and was left as it is" in result.stderr
    assert "--force" in result.stderr
    assert facts.read_text(encoding="utf-8") == "keep me\n"


def test_init_replaces_after_a_yes_or_with_force(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text("old\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["init", str(facts)], input=feed(["y", *ANSWERS]))
    assert result.exit_code == 0, result.output
    assert load_facts(facts).facts.project.title == "Same-day frailty hub"
    facts.write_text("old\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["init", str(facts), "--force"], input=feed(ANSWERS))
    assert result.exit_code == 0, result.output
    assert load_facts(facts).facts.project.title == "Same-day frailty hub"


@pytest.mark.parametrize("answered", [0, 5, len(PROJECT) + 3, len(ANSWERS) - 1])
def test_input_ending_early_leaves_nothing_behind(tmp_path: Path, answered: int) -> None:
    facts = tmp_path / "facts.yaml"
    result = CliRunner().invoke(app, ["init", str(facts)], input=feed(ANSWERS[:answered]))
    assert result.exit_code == 1
    assert "no file was written" in result.stderr or "no facts file was written" in result.stderr
    assert "Traceback" not in result.output
    # No facts file; only the answers so far, kept to carry on from (newuser34 #1).
    kept = [tmp_path / "facts.yaml.answers.txt"] if answered else []
    assert list(tmp_path.iterdir()) == kept


def test_interrupted_replacement_leaves_the_old_file(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text("old\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["init", str(facts)], input=feed(["y", *ANSWERS[:9]]))
    assert result.exit_code == 1
    assert facts.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["facts.yaml", "facts.yaml.answers.txt"]


def test_from_adds_a_director_and_keeps_the_comments(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    shutil.copyfile(FRAILTY, facts)
    before = FRAILTY.read_text(encoding="utf-8")
    answers = [
        "2",  # a director
        "Director of Workforce",
        "Sam Green",
        "",  # suggested id
        "",  # no typical objectives
        "Cut agency nursing shifts",
        "no",
        "",
        "",  # no concerns
        "no",  # nothing else
        "",  # save back: yes
    ]
    result = CliRunner().invoke(app, ["init", "--from", str(facts)], input=feed(answers))
    assert result.exit_code == 0, result.output
    after = facts.read_text(encoding="utf-8")
    comments = [line.strip() for line in before.splitlines() if line.strip().startswith("#")]
    assert comments
    assert all(comment in after for comment in comments)
    loaded = load_facts(facts).facts
    added = loaded.director("dow")
    assert added is not None
    assert added.name == "Sam Green"
    assert [o.text for o in added.objectives] == ["Cut agency nursing shifts"]
    assert len(loaded.directors) == 5
    assert len(loaded.updates) == len(load_facts(FRAILTY).facts.updates)


def test_from_keeps_a_windows_file_as_it_was_saved(tmp_path: Path) -> None:
    """CRLF endings and blank lines survive ``init --from``: only the new lines are added."""
    facts = tmp_path / "facts.yaml"
    lines = FRAILTY.read_text(encoding="utf-8").splitlines()
    facts.write_bytes("\r\n".join(lines).encode("utf-8") + b"\r\n")
    answers = ["1", "Falls on the virtual ward", "falls", "2", "40", "30", "", "", "no", ""]
    result = CliRunner().invoke(app, ["init", "--from", str(facts)], input=feed(answers))
    assert result.exit_code == 0, result.output
    after = facts.read_bytes()
    assert after.count(b"\n") == after.count(b"\r\n")
    kept = after.decode("utf-8").split("\r\n")
    assert [line for line in lines if line not in kept] == []
    assert kept.count("") - 1 == lines.count("")  # every blank line kept (the last is the end)
    assert load_facts(facts).facts.impact("falls-virtual-ward") is not None


def test_from_adds_an_impact_to_a_new_path_and_leaves_the_original(tmp_path: Path) -> None:
    out = tmp_path / "more.yaml"
    answers = ["1", "Falls on the virtual ward", "falls", "2", "40", "30", "", "", "no"]
    result = CliRunner().invoke(
        app, ["init", str(out), "--from", str(FRAILTY)], input=feed(answers)
    )
    assert result.exit_code == 0, result.output
    impact = load_facts(out).facts.impact("falls-virtual-ward")
    assert impact is not None
    assert (impact.per, impact.baseline, impact.target) == ("quarter", 40, 30)
    assert load_facts(FRAILTY).facts.impact("falls-virtual-ward") is None


def test_from_declined_writes_nothing(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    shutil.copyfile(FRAILTY, facts)
    answers = ["1", "Falls", "falls", "1", "40", "30", "", "", "no", "n"]
    result = CliRunner().invoke(app, ["init", "--from", str(facts)], input=feed(answers))
    assert result.exit_code == 0, result.output
    assert facts.read_bytes() == FRAILTY.read_bytes()


def test_a_bad_from_file_is_a_located_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("project:\n  title: x\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["init", "--from", str(broken)], input="")
    assert result.exit_code == 1
    assert f"{broken}:" in result.stderr
    assert broken.read_text(encoding="utf-8") == "project:\n  title: x\n"


# ---------------------------------------------------------------- the core, without a terminal


def test_the_interview_runs_from_a_list_of_answers() -> None:
    data = interview_facts(scripted(ANSWERS), EN)
    assert data["project"]["lead"]["email"] == "asha.mistry@example.nhs.uk"
    assert data["impacts"][0]["id"] == "emergency-admissions-people"
    assert data["asks"] == ["Chair our project board each quarter"]


def test_running_out_of_answers_is_end_of_input() -> None:
    with pytest.raises(EOFError):
        interview_facts(scripted(ANSWERS[:3]), EN)


def test_the_dated_unit_costs_are_offered_with_their_sources() -> None:
    seen: list[tuple[str, ...]] = []

    def ask(question: Question) -> str:
        if question.key == "impact.value":
            seen.append(question.choices)
        return answers(question)

    answers = scripted(ANSWERS)
    interview_facts(ask, EN)
    [choices] = seen
    assert "Excess bed day: £313 (NHS reference costs 2016/17)" in choices
    assert "Critical care bed day: £1,881 (National Cost Collection 2020/21)" in choices
    assert len(choices) == 11


def test_numbers_dates_and_ids_are_read_as_people_write_them() -> None:
    assert parse_number("£1,590") == 1590
    assert parse_number("87.5%") == 87.5
    assert parse_number("1 200") == 1200
    assert parse_number("twelve") is None
    assert parse_date("3/12/2026") == dt.date(2026, 12, 3)
    assert parse_date("2026-12-03") == dt.date(2026, 12, 3)
    assert parse_date("12/31/2026") is None
    assert role_id("Director of Finance") == "dof"
    assert role_id("Chief Operating Officer") == "coo"
    assert slug("Hospital bed days used") == "hospital-bed-days"


INTERVIEWED = interview_facts(scripted(ANSWERS), EN)


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=120))
def test_any_answer_reads_back_exactly_as_tidied(answer: str) -> None:
    text = tidy(answer)
    if not text:
        return
    data = copy.deepcopy(INTERVIEWED)
    data["project"]["title"] = text
    data["project"]["problem"] = (text + " ") * 8
    data["asks"] = [text]
    written = facts_yaml(data, EN, file_name="facts.yaml", today=dt.date(2026, 11, 1))
    loaded = _load_text(written)
    assert loaded.project.title == text
    assert loaded.project.problem == " ".join([text] * 8)
    assert loaded.asks == [text]


def _load_text(text: str) -> Facts:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "facts.yaml"
        path.write_text(text, encoding="utf-8")
        return load_facts(path).facts


# --- the next steps init prints are commands that work -------------------------------------


def suggested_commands(output: str) -> list[list[str]]:
    """Every ``pitchkit …`` command in ``output``, split into arguments (``pitchkit`` dropped)."""
    pattern = re.compile(r"pitchkit ((?:preview|brief|update|check|init) .*)$")
    return [shlex.split(m.group(1)) for m in map(pattern.search, output.splitlines()) if m]


def run_suggestions(output: str, *, answers: str = "", expect: int) -> list[tuple[list[str], str]]:
    """Run each suggested command through the CLI (each must exit 0); return their outputs."""
    commands = suggested_commands(output)
    assert len(commands) == expect, output
    ran = []
    for command in commands:
        result = CliRunner().invoke(app, ["-q", *command], input=answers)
        assert result.exit_code == 0, (command, result.output)
        ran.append((command, result.output))
    return ran


def test_next_steps_after_adding_an_impact_name_a_real_director(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copyfile(FRAILTY, tmp_path / "from.yaml")
    answers = ["1", "Occupied bed days", "bed days", "1", "2100", "1800", "", "", "no", ""]
    result = CliRunner().invoke(app, ["-v", "init", "--from", "from.yaml"], input=feed(answers))
    assert result.exit_code == 0, result.output
    assert "--director occupied-bed-days" not in result.output
    assert "pitchkit preview from.yaml --director dof" in result.output  # the meeting's director
    run_suggestions(result.output, expect=3)
    assert len(list(tmp_path.glob("*.docx"))) == 1


#: Where a user might keep the facts file, as typed after ``pitchkit init``, and as a
#: shell needs it: a space or a shell character is quoted, a plain path is left alone.
PLACES = {
    "facts.yaml": "facts.yaml",
    "frailty hub/facts.yaml": "'frailty hub/facts.yaml'",
    "Sam's hub (draft)/facts.yaml": """'Sam'"'"'s hub (draft)/facts.yaml'""",
}


@pytest.mark.parametrize("place", PLACES, ids=["plain", "space", "quote-and-brackets"])
def test_next_steps_after_adding_a_director_name_the_new_director(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, place: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path(place).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(FRAILTY, place)
    answers = ["2", "Director of Workforce", "Sam Green", "", "", "Cut agency shifts", "no", ""]
    answers += ["", "no", ""]
    result = CliRunner().invoke(app, ["-v", "init", "--from", place], input=feed(answers))
    assert result.exit_code == 0, result.output
    assert f"pitchkit preview {PLACES[place]} --director dow" in result.output
    [(_, preview), *_] = run_suggestions(result.output, expect=3)
    assert "Sam Green" in preview


@pytest.mark.parametrize(
    "place",
    ["facts.yaml", "frailty hub/facts.yaml", "frailty hub/hub facts (draft).yaml"],
    ids=["plain", "space-in-the-folder", "space-and-brackets-in-the-name"],
)
def test_next_steps_of_a_new_file_and_its_header_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, place: str
) -> None:
    """The printed commands run from where init ran; the header's from the file's folder."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["-v", "init", place], input=feed(ANSWERS))
    assert result.exit_code == 0, result.output
    assert f"pitchkit preview {shlex.quote(place)} --director dof" in result.output
    run_suggestions(result.output, expect=3)
    header = "\n".join(
        line
        for line in Path(place).read_text(encoding="utf-8").splitlines()
        if line.startswith("#")
    )
    assert f"pitchkit brief {shlex.quote(Path(place).name)} --director dof" in header
    for note in tmp_path.glob("*.docx"):
        note.unlink()  # the header's brief command writes the same note again
    monkeypatch.chdir(Path(place).parent)
    run_suggestions(header, expect=2)


@pytest.mark.parametrize("place", ["facts.yaml", "falls work/facts.yaml"], ids=["plain", "space"])
def test_a_file_with_no_directors_is_shown_how_to_add_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, place: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path(place).parent.mkdir(parents=True, exist_ok=True)
    Path(place).write_text(
        "project:\n  title: Falls prevention\n  organisation: Example NHS Trust\n"
        "  problem: Too many falls on the wards\n  change: A falls huddle on every ward\n"
        "impacts:\n  - {id: falls, measure: Inpatient falls, unit: falls, per: year,"
        " baseline: 400, target: 300}\n",
        encoding="utf-8",
    )
    answers = ["1", "Occupied bed days", "bed days", "1", "2100", "1800", "", "", "no", ""]
    result = CliRunner().invoke(app, ["-v", "init", "--from", place], input=feed(answers))
    assert result.exit_code == 0, result.output
    assert "--director" not in result.output
    assert f"pitchkit init --from {shlex.quote(place)}" in result.output
    add_director = ["2", "Director of Finance", "Alex Jones", "", "", "", "", "no", ""]
    run_suggestions(result.output, answers=feed(add_director), expect=2)
    assert [d.id for d in load_facts(tmp_path / place).facts.directors] == ["dof"]


def test_a_share_over_100_percent_is_asked_again(tmp_path: Path) -> None:
    # The facts file would refuse 175% for a share; init asks again rather than write it.
    facts = tmp_path / "facts.yaml"
    answers = list(ANSWERS)
    at = answers.index("Emergency admissions of people aged 75 and over")
    answers[at : at + 7] = [
        "Patients operated on within 36 hours",
        "%",
        "5",  # not a number per period
        "48",
        "175",
        "75",
        # no money value: a share has no unit to price
    ]
    result = CliRunner().invoke(app, ["init", str(facts)], input=feed(answers))
    assert result.exit_code == 0, result.output
    assert "A share cannot be more than 100%: give the share itself, such as 48." in result.stderr
    [impact] = load_facts(facts).facts.impacts
    assert (impact.unit, impact.baseline, impact.target) == ("%", 48, 75)
    assert impact.value is None
    assert impact.source == "SUS data 2025/26"


@pytest.mark.parametrize(
    ("unit", "per"),
    [("%", "5"), ("admissions", "5"), ("£", "1")],
)
def test_a_level_or_money_itself_is_not_asked_what_it_is_worth(
    tmp_path: Path, unit: str, per: str
) -> None:
    """A value would count nowhere (a level has no number per period; £ is money already)."""
    facts = tmp_path / "facts.yaml"
    answers = list(ANSWERS)
    at = answers.index("Emergency admissions of people aged 75 and over")
    answers[at : at + 7] = ["Theatre touch-time utilisation", unit, per, "72", "85"]
    result = CliRunner().invoke(app, ["init", str(facts)], input=feed(answers))
    assert result.exit_code == 0, result.output
    assert "worth money" not in result.output
    [impact] = load_facts(facts).facts.impacts
    assert impact.value is None
    assert impact.source == "SUS data 2025/26"


def test_an_objective_typed_in_init_gets_the_id_a_team_spreadsheet_gives_it(
    tmp_path: Path,
) -> None:
    facts = tmp_path / "facts.yaml"
    answers = list(ANSWERS)
    at = answers.index("Be seen to back clinically led savings")
    answers[at : at + 2] = ["Cut elective waits over 52 weeks to zero", "no"]
    result = CliRunner().invoke(app, ["init", str(facts)], input=feed(answers))
    assert result.exit_code == 0, result.output
    [director] = load_facts(facts).facts.directors
    typed = next(o for o in director.objectives if o.text.startswith("Cut elective"))
    assert typed.id == "elective-waits"
    assert typed.id == objective_id(typed.text)


def test_init_asks_for_evidence_and_whether_money_is_cash_or_capacity(tmp_path: Path) -> None:
    # newuser11 item 10: a line of evidence typed after the strategy was taken as the start
    # date and refused, and cash or capacity (the finance director's first question) was
    # never asked.
    answers = list(ANSWERS)
    at = answers.index("2027-02-01")
    answers[at - 1 : at] = [
        "Outpatient hysteroscopy is recommended by RCOG Green-top Guideline 59",
        "",
    ]
    at = answers.index("SUS data 2025/26")
    answers[at - 1] = "cash"
    facts = tmp_path / "facts.yaml"
    result = CliRunner().invoke(app, ["init", str(facts)], input=feed(answers))
    assert result.exit_code == 0, result.output
    assert "Please give the date" not in result.stderr
    assert "What evidence is there that it works" in result.output
    assert "Can that money leave a budget (cash), or does it free capacity?" in result.output
    loaded = load_facts(facts).facts
    assert [str(e) for e in loaded.project.evidence] == [
        "Outpatient hysteroscopy is recommended by RCOG Green-top Guideline 59"
    ]
    assert loaded.project.start == dt.date(2027, 2, 1)
    assert loaded.impacts[0].releases == "cash"
    # Left blank, pitchkit's own reading of the measure is taken: admissions free capacity.
    default = tmp_path / "default.yaml"
    result = CliRunner().invoke(app, ["init", str(default)], input=feed(ANSWERS))
    assert result.exit_code == 0, result.output
    assert load_facts(default).facts.impacts[0].releases == "capacity"


def test_an_impact_id_does_not_end_on_a_word_that_starts_a_phrase() -> None:
    assert slug("Hysteroscopies done as day cases in main theatre") == "hysteroscopies-done"
    assert slug("Bed days used") == "bed-days-used"
