"""Limits on each platform: what each can enforce, and the spawned child macOS and Windows use.

Linux forks a child whose memory is capped. macOS and Windows start a fresh
(spawned) Python process instead, which the time limit can stop; spawn also
exists on Linux, so that path runs for real here.
"""

from __future__ import annotations

import functools
import pickle
import time
from pathlib import Path

import docx
import pytest

from pitchkit.errors import RenderLimitError
from pitchkit.i18n.translation import language
from pitchkit.word.limits import Limits, isolation, memory_capped, run_limited

FALLS = Path(__file__).resolve().parent.parent / "examples" / "falls-prevention" / "facts.yaml"


@pytest.mark.parametrize(
    ("platform", "how", "capped"),
    [("linux", "fork", True), ("darwin", "spawn", False), ("win32", "spawn", False)],
)
def test_each_platform_says_how_it_isolates_and_whether_memory_is_capped(
    platform: str, how: str, capped: bool
) -> None:
    assert isolation(platform) == how
    assert memory_capped(platform) is capped


def test_a_spawned_child_is_stopped_at_the_time_limit() -> None:
    started = time.monotonic()
    with pytest.raises(RenderLimitError, match="took longer than 1 s"):
        run_limited(
            functools.partial(time.sleep, 60), limits=Limits(seconds=1), name="t.docx",
            isolate="spawn",
        )  # fmt: skip
    assert time.monotonic() - started < 30  # stopped, not waited for


def test_a_spawned_child_returns_its_result() -> None:
    assert (
        run_limited(
            functools.partial(sum, [1, 2, 3]), limits=Limits(seconds=60), name="t", isolate="spawn"
        )
        == 6
    )


def test_work_that_cannot_be_sent_to_a_child_runs_in_a_thread_with_the_deadline() -> None:
    assert run_limited(lambda: 7, limits=Limits(seconds=30), name="t", isolate="spawn") == 7


def test_a_language_travels_to_a_child_as_its_code() -> None:
    welsh = pickle.loads(pickle.dumps(language("cy_GB")))

    assert welsh.code == "cy_GB"
    assert welsh.gettext("What we are asking") == "Beth rydym yn ei ofyn"


def test_a_users_template_fills_in_a_spawned_child(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from pitchkit.cli import app

    monkeypatch.setattr("pitchkit.word.limits.isolation", lambda platform=None: "spawn")

    def no_thread(*args: object) -> None:
        raise AssertionError("fell back to a thread instead of a spawned child")

    monkeypatch.setattr("pitchkit.word.limits._run_in_thread", no_thread)
    template = tmp_path / "mine.docx"
    document = docx.Document()
    document.add_paragraph("For {{ director.name }}")
    document.save(str(template))
    out = tmp_path / "note.docx"

    result = CliRunner().invoke(
        app, ["brief", str(FALLS), "-t", str(template), "--out", str(out), "-q"]
    )

    assert result.exit_code == 0, result.output
    assert docx.Document(str(out)).paragraphs[0].text.startswith("For ")


def test_the_limits_say_when_memory_is_not_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("pitchkit.word.limits.memory_capped", lambda platform=None: False)

    assert str(Limits(seconds=5).describe()) == "5 s (memory is not capped on this system)"
