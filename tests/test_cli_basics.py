"""What every user meets first: help with examples, the version, completion, -q and -v."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from pitchkit import __version__
from pitchkit.cli import app

ROOT = Path(__file__).resolve().parent.parent
FRAILTY = ROOT / "examples" / "frailty-virtual-ward" / "facts.yaml"
PITCHKIT = Path(sys.executable).parent / "pitchkit"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run pitchkit as users do, in a real process."""
    full_env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "pitchkit", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
        check=False,
    )


def command_paths() -> list[list[str]]:
    """Every command and subcommand, as the words typed after ``pitchkit``."""
    group = get_command(app)
    paths: list[list[str]] = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        subcommands = getattr(command, "commands", None)
        if subcommands:
            paths.extend([name, sub] for sub in subcommands)
        else:
            paths.append([name])
    return paths


def test_help_runs_in_a_real_process_and_lists_the_commands() -> None:
    result = run("--help")
    assert result.returncode == 0, result.stderr
    for command in ("init", "preview", "brief", "update", "demo", "template"):
        assert command in result.stdout
    assert "--install-completion" in result.stdout
    assert "Start here" in result.stdout


def test_version_in_a_real_process() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"pitchkit {__version__}"


@pytest.mark.parametrize("words", command_paths(), ids=" ".join)
def test_every_command_has_an_example_in_its_help(words: list[str]) -> None:
    result = CliRunner().invoke(app, [*words, "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    assert f"Example: pitchkit {' '.join(words)}" in result.stdout


# The last Example line came with fixnew35c (aa5937c4: init --from takes --directors).
INIT_HELP = """\
 Usage: pitchkit init [OPTIONS] [path]

 Answer plain-language questions and get a commented facts file, ready for a
 note.

 Nothing is written until the last answer. If the questions stop early
 (Ctrl-C), the answers so far are kept beside PATH for --answers.
 Example: pitchkit init facts.yaml
 Example: pitchkit init --from facts.yaml   (add another director or impact)
 Example: pitchkit init --from facts.yaml --directors team.csv
"""
PREVIEW_HELP = """\
 Usage: pitchkit preview [OPTIONS] {facts}

 Show the note in the terminal exactly as it will read, then the guide's
 checks.

 Writes no file. Plain text when the output is not a terminal; --quiet
 shows the note and only the checks that are warnings or errors, --verbose
 adds where and why for each finding.
 Example: pitchkit preview facts.yaml --director dof
 Example: pitchkit preview facts.yaml -d dof --kind update --period 2027-Q2
 Example: pitchkit preview facts.yaml -d dof --directors team.xlsx
"""


def help_text(command: str) -> str:
    result = CliRunner().invoke(
        app, [command, "--help"], prog_name="pitchkit", env={"COLUMNS": "80", "NO_COLOR": "1"}
    )
    assert result.exit_code == 0, result.output
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    body = "\n".join(lines[: next(i for i, line in enumerate(lines) if line.startswith("╭"))])
    return body.strip("\n") + "\n"


@pytest.mark.parametrize(("command", "expected"), [("init", INIT_HELP), ("preview", PREVIEW_HELP)])
def test_help_snapshots(command: str, expected: str) -> None:
    assert help_text(command) == expected


def test_options_of_init_and_preview_are_explained() -> None:
    init = CliRunner().invoke(app, ["init", "--help"], env={"COLUMNS": "120"}).stdout
    for option in ("--from", "--force", "--locale"):
        assert option in init
    preview = CliRunner().invoke(app, ["preview", "--help"], env={"COLUMNS": "120"}).stdout
    for option in ("--director", "--directors", "--kind", "--period", "--locale", "--template"):
        assert option in preview


def test_completion_can_be_installed_and_completes_commands(tmp_path: Path) -> None:
    # Without this, Typer ignores "bash" and guesses the shell from the processes above
    # pytest, which depends on how the tests were started (and fails under some runners).
    home = {
        "HOME": str(tmp_path),
        "SHELL": "/bin/bash",
        "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1",
    }
    if not PITCHKIT.exists():
        pytest.skip("the pitchkit console script is not installed beside this Python")
    env = {**os.environ, **home}
    shown = subprocess.run(
        [str(PITCHKIT), "--show-completion", "bash"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert shown.returncode == 0, shown.stderr
    assert "_PITCHKIT_COMPLETE=complete_bash" in shown.stdout
    installed = subprocess.run(
        [str(PITCHKIT), "--install-completion", "bash"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert installed.returncode == 0, installed.stderr
    script = tmp_path / ".bash_completions" / "pitchkit.sh"
    assert script.exists()
    assert str(script) in (tmp_path / ".bashrc").read_text(encoding="utf-8")
    completed = subprocess.run(
        [str(PITCHKIT)],
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "_PITCHKIT_COMPLETE": "complete_bash",
            "COMP_WORDS": "pitchkit pre",
            "COMP_CWORD": "1",
        },
        timeout=60,
        check=False,
    )
    assert completed.stdout.split() == ["preview"]


def test_quiet_says_nothing_on_success_and_normal_says_what_was_written(tmp_path: Path) -> None:
    runner = CliRunner()
    quiet = runner.invoke(app, ["-q", "brief", str(FRAILTY), "-d", "dof", "-o", str(tmp_path)])
    assert quiet.exit_code == 0, quiet.output
    assert quiet.stdout == ""
    normal = runner.invoke(app, ["brief", str(FRAILTY), "-d", "coo", "-o", str(tmp_path)])
    assert normal.exit_code == 0, normal.output
    assert "Wrote " in normal.stdout


def test_quiet_still_shows_the_guides_warnings_as_its_help_says(tmp_path: Path) -> None:
    runner = CliRunner()
    help_text = runner.invoke(app, ["brief", "--help"], env={"COLUMNS": "200"}).stdout
    assert "Show only errors and warnings, the guide's included" in help_text
    normal = runner.invoke(app, ["brief", str(FRAILTY), "-d", "dof", "-o", str(tmp_path / "n")])
    quiet = runner.invoke(
        app, ["brief", str(FRAILTY), "-d", "dof", "-o", str(tmp_path / "q"), "-q"]
    )
    assert normal.exit_code == quiet.exit_code == 0, quiet.output

    advice = normal.stdout.split("evidence and fixes):\n")[1].splitlines()
    warnings = [line.strip() for line in advice if line.startswith("  warning: ")]
    assert (
        "  warning: The impact 'Emergency readmissions within 30 days, patients aged 75 and "
        "over' serves none of Helen Marsh's objectives." in advice
    )
    assert any(line.startswith("  note: ") for line in advice)
    assert quiet.stdout == ""
    guide = [line for line in quiet.stderr.splitlines() if "to fit one page" not in line]
    assert guide == warnings  # every warning, each once, and none of the guide's notes


def test_quiet_preview_shows_the_note_and_its_warnings_only() -> None:
    runner = CliRunner()
    quiet = runner.invoke(app, ["-q", "preview", str(FRAILTY), "-d", "dof"])
    normal = runner.invoke(app, ["preview", str(FRAILTY), "-d", "dof"])
    assert quiet.exit_code == normal.exit_code == 0, quiet.output
    note, checks = normal.stdout.split("\nChecks\n------\n")
    assert any(line.startswith("note: ") for line in checks.splitlines())
    # Each finding is its first line and the indented lines after it: keep the warnings.
    findings = re.split(r"\n(?=\S)", checks.strip("\n"))
    warnings = [finding for finding in findings if finding.startswith("warning: ")]
    assert len(warnings) >= 2
    assert quiet.stdout == note + "\nChecks\n------\n" + "\n".join(warnings) + "\n"


def test_quiet_check_leaves_out_the_guides_notes_as_its_help_says() -> None:
    # newuser4 B1: "-q: leave out progress lines and the guide's notes", yet check printed them.
    runner = CliRunner()
    help_text = runner.invoke(app, ["--help"], env={"COLUMNS": "200"}).stdout
    assert "leave out progress lines and the guide's notes" in help_text
    normal = runner.invoke(app, ["check", str(FRAILTY), "-d", "dof"])
    quiet = runner.invoke(app, ["-q", "check", str(FRAILTY), "-d", "dof"])
    assert normal.exit_code == quiet.exit_code == 0, quiet.output
    warnings, _notes = normal.stdout.split("\nNotes (")
    assert warnings.startswith("Warnings (")
    assert "Notes (" not in quiet.stdout
    assert quiet.stdout == warnings + "\n"  # every warning, with its evidence and fix


@pytest.mark.parametrize("flag", ["-q", "--quiet"])
def test_quiet_may_come_after_the_command(tmp_path: Path, flag: str) -> None:
    runner = CliRunner()
    quiet = runner.invoke(app, ["brief", str(FRAILTY), "-d", "dof", "-o", str(tmp_path), flag])
    assert quiet.exit_code == 0, quiet.output
    assert quiet.stdout == ""
    assert (tmp_path / "Frailty virtual ward - brief - Helen Marsh.docx").exists()
    # ... for that command only: the next one says what it wrote again.
    normal = runner.invoke(app, ["brief", str(FRAILTY), "-d", "coo", "-o", str(tmp_path)])
    assert "Wrote " in normal.stdout


def test_every_command_takes_quiet_and_verbose() -> None:
    command = get_command(app)
    for name, sub in command.commands.items():  # type: ignore[attr-defined]
        subs = getattr(sub, "commands", {name: sub})
        for each in subs.values():
            options = {o for p in each.params for o in p.opts}
            assert {"-q", "--quiet", "-v", "--verbose"} <= options, each.name


def test_errors_are_one_red_line_and_no_traceback(tmp_path: Path) -> None:
    result = run("brief", str(tmp_path / "missing.yaml"), "-d", "dof")
    assert result.returncode == 1
    assert result.stderr.startswith("error: ")
    assert "file not found" in result.stderr
    assert "Traceback" not in result.stderr


def test_verbose_init_names_the_field_each_answer_fills(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["-v", "init", str(tmp_path / "facts.yaml")], input="")
    assert "(project.title)" in result.stdout
    assert result.exit_code == 1
    answers = "Title\nTrust\nLead\n\n\n"
    hint = "Use the words the board uses"
    normal = CliRunner().invoke(app, ["init", str(tmp_path / "facts.yaml")], input=answers)
    assert hint in normal.stdout
    quiet = CliRunner().invoke(app, ["-q", "init", str(tmp_path / "facts.yaml")], input=answers)
    assert hint not in quiet.stdout
    assert "What is the problem" in quiet.stdout
    assert not (tmp_path / "facts.yaml").exists()


def test_usage_errors_exit_2() -> None:
    result = CliRunner().invoke(app, ["preview"])
    assert result.exit_code == 2


def test_help_shows_no_value_type_beside_an_on_off_flag() -> None:
    # newuser4 C6: "--pdf <bool>" read as if the flag needed a value.
    runner = CliRunner()
    top = runner.invoke(app, ["--help"], env={"COLUMNS": "200"}).stdout
    assert "--version" in top
    assert "<bool>" not in top
    for command in ("brief", "update", "batch", "preview", "check"):
        shown = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"}).stdout
        assert "--help" in shown, command
        assert "<bool>" not in shown, command
    brief_help = runner.invoke(app, ["brief", "--help"], env={"COLUMNS": "200"}).stdout
    [out] = [line for line in brief_help.splitlines() if line.startswith("│ --out ")]
    assert "<path>" in out  # an option that takes a value still says what kind


def test_too_few_jobs_is_a_usage_error_in_plain_words(tmp_path: Path) -> None:
    # newuser4 C5: -j 0 said "Input should be greater than or equal to 1".
    result = CliRunner().invoke(
        app, ["batch", str(FRAILTY), "-o", str(tmp_path / "out"), "-j", "0"], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 2
    assert "Invalid value for '--jobs' / '-j': 0 is too few: give 1 or more" in result.output
    assert "Input should be" not in result.output
    assert not (tmp_path / "out").exists()
