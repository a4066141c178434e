"""Shared test set-up for pitchkit.

Kept small on purpose: document checks live in ``docchecks.py`` (import
them with ``from docchecks import ...``); this file makes that import work
whatever pytest's import mode, and offers the fixtures every test file may
use: the tools (``soffice``, ``ooxml_validator``), the command line run in
this process (``cli``), the ``directors --json`` report of a facts file
(``directors_json``), the example projects (``example``) and a fixed day
(``today``).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from types import CodeType, FunctionType, ModuleType
from typing import Any

import pytest
from typer.testing import CliRunner, Result

TESTS = Path(__file__).resolve().parent
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

import docchecks  # noqa: E402 - needs the path above

# brief and demo measure each note with LibreOffice when it is installed (seconds
# per note); tests that are about measuring turn it back on with monkeypatch.
os.environ.setdefault("PITCHKIT_MEASURE", "0")


#: Fixtures that bring an outside tool (LibreOffice, the Open XML validator).
TOOL_FIXTURES = frozenset({"soffice", "ooxml_validator"})
#: Names whose use in a test (or a helper of its own file) marks it slow: the outside
#: tools of docchecks.py, LibreOffice measuring (``PITCHKIT_MEASURE``), new processes.
SLOW_NAMES = frozenset(
    {
        "validate_ooxml",
        "pdf_pages",
        "require_tools",
        "soffice_path",
        "validator_path",
        "convert_to_pdf",
        "count_pages",
        "PITCHKIT_MEASURE",
        "MEASURE_ENV",
        "subprocess",
        "Popen",
    }
)
#: Test files that are slow as a whole (in the measured run most of their tests took half a
#: second or more: whole notes rendered and read back, the docxtpl corpus, property sweeps,
#: start-up checks in new processes, the layout scan).
SLOW_FILES = frozenset(
    {
        "test_api.py",
        "test_brief.py",
        "test_cli_basics.py",
        "test_crash_safety.py",
        "test_director_notice.py",
        "test_director_reading.py",
        "test_director_units.py",
        "test_docxtpl_corpus.py",
        "test_fastrender.py",
        "test_fit_reads.py",
        "test_hostile_properties.py",
        "test_hostile_templates.py",
        "test_json_output.py",
        "test_layout.py",
        "test_link_command.py",
        "test_link_reasons.py",
        "test_messages_output.py",
        "test_note_truth.py",
        "test_note_truth_spc.py",
        "test_objective_grammar.py",
        "test_pitch_own.py",
        "test_pitch_targeted.py",
        "test_preview.py",
        "test_same_documents.py",
        "test_stale_updates.py",
        "test_startup.py",
        "test_template_guard.py",
        "test_template_sandbox.py",
        "test_update_claims.py",
        "test_update_own_facts.py",
        "test_welsh_own_words.py",
    }
)


def _slow_tests() -> frozenset[str]:
    """The ``file::function`` lines of ``slow_tests.txt``: slow tests in otherwise quick files."""
    lines = (TESTS / "slow_tests.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _names_used(code: CodeType, module: ModuleType, seen: set[CodeType]) -> Iterator[str]:
    """The global names and strings ``code`` uses, following helpers defined in ``module``."""
    if code in seen:
        return
    seen.add(code)
    for const in code.co_consts:
        if isinstance(const, str):
            yield const
        elif isinstance(const, CodeType):
            yield from _names_used(const, module, seen)
    for name in code.co_names:
        yield name
        helper = getattr(module, name, None)
        if isinstance(helper, FunctionType) and helper.__module__ == module.__name__:
            yield from _names_used(helper.__code__, module, seen)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark ``slow`` what ``make check`` leaves to ``make test`` (see docs/CONTRIBUTING.md).

    A test is slow when it takes an outside tool (a fixture of TOOL_FIXTURES, or a
    name of SLOW_NAMES in its code or its own file's helpers), sits in SLOW_FILES,
    or is listed in ``slow_tests.txt``.
    """
    slow = pytest.mark.slow
    listed = _slow_tests()
    for item in items:
        if item.get_closest_marker("slow") is not None or not isinstance(item, pytest.Function):
            continue
        name = f"{item.path.name}::{item.originalname}"
        if item.path.name in SLOW_FILES or name in listed or TOOL_FIXTURES & set(item.fixturenames):
            item.add_marker(slow)
            continue
        module = item.module
        if module is not None and SLOW_NAMES.intersection(
            _names_used(item.function.__code__, module, set())
        ):
            item.add_marker(slow)


@pytest.fixture
def soffice() -> str:
    """LibreOffice's program path; skips (or fails with PITCHKIT_REQUIRE_TOOLS=1) if absent."""
    return docchecks.soffice_path()


@pytest.fixture
def ooxml_validator() -> str:
    """The Open XML SDK validator's path; skips (or fails) like ``soffice`` if absent."""
    return docchecks.validator_path()


#: The project's root folder, and the example projects in it.
ROOT = TESTS.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture
def example() -> Callable[[str], Path]:
    """The facts file of an example project by name: ``example("frailty-virtual-ward")``."""

    def facts(name: str) -> Path:
        path = EXAMPLES / name / "facts.yaml"
        assert path.is_file(), f"no example project {name}"
        return path

    return facts


@pytest.fixture
def today() -> dt.date:
    """A fixed day to write notes on, so what a note says never depends on the calendar."""
    return dt.date(2026, 12, 1)


@pytest.fixture
def cli() -> Callable[..., Result]:
    """Run ``pitchkit`` in this process as a user would; a crash (not an exit code) fails the test.

    ``cli("brief", str(facts), "-d", "dof")`` returns click's result, with
    ``exit_code``, ``stdout`` and ``stderr``.
    """
    from pitchkit.cli import app

    runner = CliRunner()

    def invoke(*args: str) -> Result:
        result = runner.invoke(app, list(args))
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise AssertionError(result.stderr) from result.exception
        assert "Traceback" not in result.output
        return result

    return invoke


@pytest.fixture
def directors_json(tmp_path: Path) -> Callable[..., Any]:
    """What ``pitchkit directors FACTS --json`` prints, read as JSON; it must exit 0.

    ``facts`` is a facts file, or the text of one (written to ``facts.yaml``
    in the test's folder, as a lead would save it); more arguments follow it
    (``"--directors", team``). ``directors_json(text)["directors"][0]["links"]``
    are the links of the first director in the report.
    """
    from pitchkit.cli import app

    def report(facts: str | Path, *args: str | Path) -> Any:
        if isinstance(facts, str):
            path = tmp_path / "facts.yaml"
            path.write_text(facts, encoding="utf-8")
            facts = path
        result = CliRunner().invoke(app, ["directors", str(facts), *map(str, args), "--json"])
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise AssertionError(result.stderr) from result.exception
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    return report


@pytest.fixture
def links_by_pair(directors_json: Callable[..., Any]) -> Callable[..., dict[Any, Any]]:
    """Each link ``pitchkit directors FACTS --json`` reports, by ``(impact, "dir.objective")``.

    Takes what :func:`directors_json` takes; the objective is its own id after
    its director's, as a facts file's ``supports:`` writes it.
    """

    def index(facts: str | Path, *args: str | Path) -> dict[tuple[str, str], dict[str, Any]]:
        found: dict[tuple[str, str], dict[str, Any]] = {}
        for place in directors_json(facts, *args)["directors"]:
            for item in place["links"]:
                objective = str(item["objective"]).split(".")[-1]
                found[(item["impact"], f"{place['id']}.{objective}")] = item
        return found

    return index


@pytest.fixture(autouse=True)
def no_user_settings(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Keep the tester's own ``pitchkit config`` file out of every test (and its processes).

    The folder is outside pytest's own (private) one, since some tests run
    pitchkit as the user nobody.
    """
    folder = Path(tempfile.mkdtemp(prefix="pitchkit-settings-"))
    folder.chmod(0o755)
    monkeypatch.setenv("PITCHKIT_CONFIG", str(folder / "config.toml"))
    yield
    shutil.rmtree(folder, ignore_errors=True)
