"""Starting pitchkit is light: --version, --help and completion load no core.

The commands import the core they need when they run, so the command line
itself loads only typer, rich and pitchkit's light modules. Once a command
name is given (``brief --help``, completion) typer itself loads pydantic,
which it checks its own options' values with; nothing else heavy is loaded.
These tests check which modules are loaded (and that a brief makes its
language and works out its money once), never how long anything takes.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import typer.main

import pitchkit.__main__

#: Packages only the core needs: none is loaded just to start the command line.
HEAVY = {"docx", "docxtpl", "pydantic", "jinja2", "openpyxl", "ruamel", "yaml", "lxml", "PIL"}
#: What typer loads itself once a command name is given, to check its options' values.
TYPER_LOADS = frozenset({"pydantic"})
#: pitchkit's modules the command line may load before a command runs.
LIGHT = {
    "pitchkit",
    "pitchkit.collector",  # turns the garbage collector off while starting: imports only gc
    "pitchkit.errors",
    "pitchkit.i18n",  # the package: its __init__ holds only a docstring
    "pitchkit.i18n.messages",
    "pitchkit.i18n.translation",
    "pitchkit.i18n.babeldata",  # Babel's merged locale data, read only when first used
}


def loaded_by(*args: str) -> set[str]:
    """The modules ``python -X importtime ARGS`` loads, in a fresh process."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "100", "NO_COLOR": "1"},
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return {
        line.rsplit("|", 1)[1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    } - {"imported package"}


def core_modules(modules: set[str], *, typer_loads: frozenset[str] = frozenset()) -> list[str]:
    """The heavy packages and pitchkit core modules among ``modules``.

    ``typer_loads`` are heavy packages typer itself loads, left out.
    """
    heavy = {m for m in modules if m.split(".")[0] in HEAVY - typer_loads}
    core = {
        m
        for m in modules
        if m.split(".")[0] == "pitchkit" and m not in LIGHT and not m.startswith("pitchkit.cli")
    }
    return sorted(heavy | core)


def test_importing_the_command_line_loads_no_core() -> None:
    code = "import pitchkit.cli, sys; print('\\n'.join(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert core_modules(set(result.stdout.split())) == []


@pytest.mark.parametrize("args", [["--version"], ["--help"]], ids=["version", "help"])
def test_version_and_help_load_no_core(args: list[str]) -> None:
    assert core_modules(loaded_by("-m", "pitchkit", *args)) == []


@pytest.mark.parametrize(
    "args",
    [["brief", "--help"], ["batch", "--help"], ["template", "check", "--help"]],
    ids=["brief", "batch", "template-check"],
)
def test_a_commands_help_loads_no_core(args: list[str]) -> None:
    modules = loaded_by("-m", "pitchkit", *args)
    assert core_modules(modules, typer_loads=TYPER_LOADS) == []


def test_shell_completion_loads_no_core() -> None:
    env = {"_PITCHKIT_COMPLETE": "complete_bash", "COMP_WORDS": "pitchkit b", "COMP_CWORD": "1"}
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "pitchkit"],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=120,
        check=False,
    )
    assert sorted(result.stdout.split()) == ["batch", "brief"]
    modules = {
        line.rsplit("|", 1)[1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert core_modules(modules, typer_loads=TYPER_LOADS) == []


def test_a_command_still_loads_what_it_needs(tmp_path: Path) -> None:
    facts = Path(pitchkit.__file__).parent / "demo" / "facts.yaml"
    note = tmp_path / "note.docx"
    modules = loaded_by("-m", "pitchkit", "brief", str(facts), "--out", str(note), "-q")
    assert {"jinja2", "pitchkit.notes.brief", "pitchkit.word.fastrender"} <= modules
    assert note.exists()
    # -q still shows the guide's warnings, so the guide is consulted; but a plain brief needs
    # neither the batch, nor typer, rich or pydantic (those load for --help and for errors).
    assert "pitchkit.advice" in modules
    assert not {"pitchkit.batch", "typer", "rich", "pydantic"} & modules
    # The built-in template is filled from its shipped preparation (pitchkit.word.packed):
    # neither python-docx nor docxtpl is loaded.
    assert not {"docx", "docxtpl"} & modules
    # A brief for the facts' own team reads no directors file.
    assert "pitchkit.facts.directors" not in modules


def test_a_plain_brief_loads_nothing_only_other_work_needs(tmp_path: Path) -> None:
    # Each of these builds classes and patterns, or loads a library, that a brief from the
    # built-in template never uses: keep them out of its start-up (docs/performance.md).
    facts = Path(pitchkit.__file__).parent / "demo" / "facts.yaml"
    note = tmp_path / "note.docx"
    # sys.modules at the end, not -X importtime: that leaves out modules loaded through
    # importlib.import_module, as pitchkit.api loads its use cases.
    code = (
        "import atexit, runpy, sys; "
        "atexit.register(lambda: print('\\n'.join(sorted(sys.modules)))); "
        "sys.argv[0] = 'pitchkit'; runpy.run_module('pitchkit', run_name='__main__')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "brief", str(facts), "--out", str(note), "-q"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    modules = set(result.stdout.split())
    assert note.exists()
    assert {"pitchkit.api.notes", "pitchkit.output.soffice", "pitchkit.advice"} <= modules
    assert (
        not {
            # LibreOffice is only looked for (output.soffice): the layout decides the demo's page.
            "pitchkit.output.pdf",
            "subprocess",
            # Only a user's template is guarded.
            "pitchkit.word.templateguard",
            # The update's request, result and period checks.
            "pitchkit.api.update",
            # A temporary file's random name needs os.urandom, not secrets (hmac, _hashlib).
            "secrets",
            "hmac",
            # Package data is read beside each module (Path(__file__)), as it always was for some.
            "importlib.resources",
            # html.unescape is only for describing a template's error.
            "html",
            "html.entities",
            # The ranking recasts every director: only advice that ranks the team loads it,
            # and the demo's warnings need no ranking (a link's wording is advice.reasons).
            "pitchkit.advice.ranking",
            # The user's configuration folder on Linux is worked out without platformdirs
            # (and the tempfile and random it loads).
            "platformdirs",
            # The guide's median of three logged figures is written out (statistics loads
            # fractions and decimal).
            "statistics",
        }
        & modules
    )


#: The most classes a brief's process makes with ``@dataclass``. Each costs about half a
#: millisecond to make (six generated methods when frozen); a record nothing mutates,
#: serialises or passes to ``dataclasses.replace`` is a ``typing.NamedTuple`` instead
#: (docs/performance.md). Raise this only for a dataclass a brief cannot do without.
MOST_DATACLASSES = 44  # 44 since an impact's dated earlier target (TargetWas)


def test_a_brief_makes_few_dataclasses(tmp_path: Path, example: Callable[[str], Path]) -> None:
    note = tmp_path / "note.docx"
    code = (
        "import atexit, dataclasses, runpy, sys; made = []; process = dataclasses._process_class; "
        "dataclasses._process_class = lambda cls, *a: made.append(cls.__qualname__) or "
        "process(cls, *a); "
        "atexit.register(lambda: print(' '.join(made))); "
        "sys.argv[0] = 'pitchkit'; runpy.run_module('pitchkit', run_name='__main__')"
    )
    facts = example("frailty-virtual-ward")
    args = ["brief", str(facts), "-d", "dof", "--out", str(note), "-q"]
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert note.exists()
    made = result.stdout.split()
    assert "Finding" in made  # counted: the guide's findings are dataclasses
    assert len(made) <= MOST_DATACLASSES, sorted(made)


def test_ctrl_c_while_the_commands_are_built_gives_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ctrl-C after loading, while typer builds the commands, is still 'while starting'."""

    def interrupted(app: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # typer sets its own
    monkeypatch.setattr(typer.main, "get_command", interrupted)
    monkeypatch.setattr(sys, "argv", ["pitchkit", "--version"])
    try:
        with pytest.raises(SystemExit) as stop:
            pitchkit.__main__.main()
    finally:
        gc.enable()  # main() turned the collector off for start-up, as in a real start
    assert stop.value.code == 130
    captured = capsys.readouterr()
    assert captured.err == "stopped: interrupted while starting; nothing was written\n"
    assert captured.out == ""


def test_a_brief_without_a_progress_log_loads_no_update_code(tmp_path: Path) -> None:
    """The progress-update package is loaded for a log's checks, never for a plain brief."""
    demo = Path(pitchkit.__file__).parent / "demo" / "facts.yaml"
    lines = demo.read_text("utf-8").splitlines(keepends=True)
    start = lines.index("updates:\n")  # the demo's log, up to the next top-level key
    end = next(i for i in range(start + 1, len(lines)) if lines[i][:1].isalpha())
    facts = tmp_path / "facts.yaml"
    facts.write_text("".join(lines[:start] + lines[end:]), "utf-8")
    note = tmp_path / "note.docx"
    modules = loaded_by("-m", "pitchkit", "brief", str(facts), "--out", str(note), "-q")
    assert note.exists()
    assert "pitchkit.notes.brief" in modules
    assert not {m for m in modules if m.startswith("pitchkit.notes.update")}


def test_a_batch_without_a_pack_loads_neither_python_docx_nor_docxtpl(tmp_path: Path) -> None:
    """A batch fills the built-in brief from its shipped preparation; only --pack needs docx.

    (A note whose text holds a new line or a tab has it made a Word break by
    pitchkit.word.listing, not docxtpl: tests/test_listing.py.)
    """
    demo = Path(pitchkit.__file__).parent / "demo" / "facts.yaml"
    out = tmp_path / "notes"
    code = (
        "import atexit, runpy, sys; "
        "atexit.register(lambda: print('\\n'.join(sorted(sys.modules)))); "
        "sys.argv[0] = 'pitchkit'; runpy.run_module('pitchkit', run_name='__main__')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "batch", str(demo), "-o", str(out), "-q", "-j", "1"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    modules = set(result.stdout.split())
    assert len(list(out.glob("*.docx"))) > 1
    assert "pitchkit.batch" in modules
    assert not {m for m in modules if m.split(".")[0] in {"docx", "docxtpl"}}


def collector_on_at_exit(*args: str) -> bool:
    """Whether the garbage collector is on when ``pitchkit ARGS`` ends, in a fresh process."""
    script = (
        "import atexit, gc, sys\n"
        "atexit.register(lambda: print('collector on:', gc.isenabled()))\n"
        "sys.argv = ['pitchkit', *sys.argv[1:]]\n"
        "import pitchkit.__main__\n"
        "pitchkit.__main__.main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PITCHKIT_MEASURE": "0"},
    )
    assert result.returncode == 0, result.stderr
    return "collector on: True" in result.stdout


def test_the_collector_stays_off_for_one_note_and_comes_back_for_other_commands(
    tmp_path: Path,
) -> None:
    """Start-up runs without the garbage collector; only one-note commands keep it off.

    A batch turns it back on itself, once its first note is made.
    """
    facts = Path(pitchkit.__file__).parent / "demo" / "facts.yaml"
    note = tmp_path / "note.docx"
    assert not collector_on_at_exit("brief", str(facts), "-d", "dof", "-o", str(note), "-q")
    assert note.exists()
    exported = tmp_path / "brief.docx"
    assert collector_on_at_exit("template", "export", "brief", str(exported))
    assert exported.exists()
    batch = tmp_path / "batch"
    assert collector_on_at_exit("batch", str(facts), "-o", str(batch), "--jobs", "1", "-q")
    assert (batch / "manifest.csv").exists()


def test_pitchkit_tells_pydantic_there_are_no_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    """pydantic then skips reading every installed package's entry points; a setting of the
    user's own is kept."""
    from pydantic.plugin._loader import get_plugins

    monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS", raising=False)
    pitchkit.__main__.no_pydantic_plugins()
    assert os.environ["PYDANTIC_DISABLE_PLUGINS"] == "__all__"
    assert list(get_plugins()) == []
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "logfire")
    pitchkit.__main__.no_pydantic_plugins()
    assert os.environ["PYDANTIC_DISABLE_PLUGINS"] == "logfire"


def test_every_spelling_of_a_locale_gives_one_language() -> None:
    """The console's language (no code) and the facts' ('en_GB') are one, made once."""
    from pitchkit.i18n.translation import language

    assert language() is language("en_GB") is language("en") is language("English")
    assert language("cy") is language("cy_GB") is language("welsh")
    assert language("cy") is not language()


def test_a_brief_works_out_the_projects_money_once(
    tmp_path: Path,
    example: Callable[[str], Path],
    today: dt.date,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The advice's money rules take the ledger the pitch worked out, not one each."""
    import pitchkit.advice.money
    from pitchkit.api import BriefRequest, write_brief
    from pitchkit.recast import money

    appraised: list[object] = []
    appraise = money.appraise

    def counted(facts: Any, today: dt.date, *, prices_on: dt.date | None = None) -> money.Ledger:
        appraised.append(facts)
        return appraise(facts, today, prices_on=prices_on)

    assert pitchkit.advice.money  # loaded, so its names are counted too
    for module in list(sys.modules.values()):  # wherever the name is bound
        if getattr(module, "appraise", None) is appraise:
            monkeypatch.setattr(module, "appraise", counted)
    monkeypatch.setenv("PITCHKIT_MEASURE", "0")
    note = tmp_path / "note.docx"
    request = BriefRequest(example("frailty-virtual-ward"), "dof", note, today=today)
    result = write_brief(request)
    assert result.written == (note,)
    # The guide's money rules ran, and one of them found something to say.
    assert "counted-once" in {finding.rule for finding in result.findings}
    assert len(appraised) == 1
