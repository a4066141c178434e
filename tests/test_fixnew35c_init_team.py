"""fixnew35c (newuser35 #5): ``init --from`` on a facts file whose team is in a team file.

The trial's file links every impact to directors of ``team.csv`` and lists
none itself. Adding a director used to fail only after every question, with
18 errors at a temporary path; its own hint led straight into it. Each test
runs the real command and reads what the user sees.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pitchkit.cli import app
from pitchkit.errors import FactsError
from pitchkit.init import validated

DATA = Path(__file__).parent / "data" / "fixnew35"
DIRECTOR = ["2", "Chief Digital Information Officer", "Tom Reyes", "cdio", "1", "", "", "no"]
IMPACT = ["1", "Crisis line calls answered", "calls", "3", "100", "150", "", "", "no"]


def feed(answers: list[str]) -> str:
    return "".join(f"{answer}\n" for answer in answers) + "y\n" * 4


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("facts-from.yaml", "team.csv", "figures.csv"):
        shutil.copy(DATA / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_without_the_team_file_it_stops_before_the_first_question(project: Path) -> None:
    before = (project / "facts-from.yaml").read_bytes()
    result = CliRunner().invoke(app, ["init", "--from", "facts-from.yaml"], input=feed(DIRECTOR))
    assert result.exit_code == 1, result.output
    assert "What would you like to add?" not in result.output  # no question asked
    assert "pitchkit init --from facts-from.yaml --directors team.csv" in result.output
    assert "no director has the id" not in result.output
    assert "pitchkit-init-" not in result.output
    assert (project / "facts-from.yaml").read_bytes() == before


def test_adding_a_director_writes_their_row_into_the_team_file(project: Path) -> None:
    # Since session 26 a CSV team file takes the new director's row (pitchkit.init.teamrow;
    # tests/test_init_team_row.py); before, init stopped at the choice and sent the user there.
    before = (project / "facts-from.yaml").read_bytes()
    team = (project / "team.csv").read_bytes()
    command = ["init", "--from", "facts-from.yaml", "--directors", "team.csv"]
    result = CliRunner().invoke(app, command, input=feed(DIRECTOR))
    assert result.exit_code == 0, result.output
    assert "Added Tom Reyes (cdio) to team.csv" in result.output
    assert "no director has the id" not in result.output
    assert (project / "facts-from.yaml").read_bytes() == before  # the facts file is unchanged
    assert (project / "team.csv").read_bytes().startswith(team)
    # The next step names the new director with the team file, and works.
    line = "pitchkit preview facts-from.yaml --directors team.csv --director cdio"
    assert line in result.output
    hint = CliRunner().invoke(app, ["directors", "facts-from.yaml", "--directors", "team.csv"])
    assert hint.exit_code == 0, hint.output
    assert "Tom Reyes" in hint.output


def test_an_impact_is_added_and_the_next_steps_name_the_team_file(project: Path) -> None:
    command = ["init", "--from", "facts-from.yaml", "--directors", "team.csv"]
    result = CliRunner().invoke(app, command, input=feed(IMPACT))
    assert result.exit_code == 0, result.output
    assert "lists no directors yet" not in result.output
    line = "pitchkit preview facts-from.yaml --directors team.csv --director dof"
    assert line in result.output
    # The next step, followed literally, works.
    preview = CliRunner().invoke(app, line.split()[1:])
    assert preview.exit_code == 0, preview.output
    assert "Crisis line calls answered" in (project / "facts-from.yaml").read_text("utf-8")


def test_directors_without_from_is_refused(project: Path) -> None:
    result = CliRunner().invoke(app, ["init", "new.yaml", "--directors", "team.csv"])
    assert result.exit_code == 1
    assert "--directors goes with --from" in result.output
    assert not (project / "new.yaml").exists()


def test_a_problem_names_the_users_file_never_a_temporary_one(project: Path) -> None:
    # What the old run made: a director added to a file whose links name the team file's.
    text = (project / "facts-from.yaml").read_text("utf-8")
    text += "directors:\n  - id: cdio\n    name: Tom Reyes\n    role: Chief Digital Officer\n"
    with pytest.raises(FactsError) as raised:
        validated(text, project / "facts-from.yaml")
    shown = "\n".join(str(problem) for problem in raised.value.problems)
    assert "no director has the id 'ceo'" in shown
    assert "pitchkit-init-" not in shown
    assert f"{project / 'facts-from.yaml'}:" in shown
