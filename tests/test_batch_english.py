"""A batch of Welsh notes warns of the English they show, as each note's own command does.

newuser5 #16: ``update`` warned that the Welsh note showed English text;
``batch`` (text and ``--json``) said nothing of it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner, Result

from pitchkit.cli import app

# The bundled Welsh example is now in Welsh (reader20 #5); this copy keeps its old English texts.
WELSH = Path(__file__).resolve().parent / "data" / "welsh-half-english" / "facts.yaml"
#: The fields the warning lists, and how many there are.
FIELDS = re.compile(r"testun Saesneg o (\d+) [mf]aes \(([^)]*)\)")


def run(*args: str | Path) -> Result:
    result = CliRunner().invoke(app, [str(a) for a in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(result.output) from result.exception
    return result


def english_fields(warnings: list[str]) -> list[tuple[str, str]]:
    return [m.groups() for line in warnings if (m := FIELDS.search(line))]


def test_a_welsh_batch_warns_of_the_english_its_notes_show(tmp_path: Path) -> None:
    single = run("update", WELSH, "-d", "dpcmh", "--out", tmp_path / "one", "--json")
    assert single.exit_code == 0, single.output
    expected = english_fields(json.loads(single.stdout)["warnings"])
    assert expected
    assert int(expected[0][0]) > 1  # the example's English texts
    batch = run(
        "batch", WELSH, "--only", "dpcmh", "--kind", "update", "--out", tmp_path / "all",
        "--json",
    )  # fmt: skip
    assert batch.exit_code == 0, batch.output
    warnings = json.loads(batch.stdout)["warnings"]
    assert english_fields(warnings) == expected
    [line] = [w for w in warnings if FIELDS.search(w)]
    assert line.startswith("mae'r nodiadau Cymraeg yn dangos testun Saesneg")
    # batch has had --strict since session 28 (fixnu37), so the warning offers it, as a
    # single note's does.
    assert line.endswith("neu ychwanegwch --strict i stopio yn lle hynny")
    text = run("batch", WELSH, "--only", "dpcmh", "--out", tmp_path / "text", "-q")
    assert text.exit_code == 0, text.output
    assert "rhybudd: mae'r nodiadau Cymraeg yn dangos testun Saesneg o" in text.stderr
    english = run("batch", WELSH, "--only", "dpcmh", "-l", "en_GB", "--out", tmp_path / "en")
    assert "Welsh notes show English" not in english.stderr  # an English batch shows none
