"""Errors and warnings are shown in the user's language, one line each.

Messages are built in English deep in pitchkit and translated only when the
command line shows them; these tests check both halves: the message objects
themselves, and what a person at the terminal reads.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pitchkit.cli import app
from pitchkit.errors import DirectorsError, FactsError, LocaleError
from pitchkit.i18n.messages import Joined, Located, Message, Plural, render
from pitchkit.i18n.translation import language, normalise_locale

ROOT = Path(__file__).resolve().parent.parent
FRAILTY = ROOT / "examples" / "frailty-virtual-ward" / "facts.yaml"
WELSH_EXAMPLE = ROOT / "examples" / "ysbyty-cymunedol" / "facts.yaml"
EN = language("en_GB")
CY = language("cy_GB")


# ---------------------------------------------------------------- message objects


def test_a_message_is_english_until_rendered_in_another_language() -> None:
    message = Message("unknown template kind '{kind}': use one of {kinds}", kind="x", kinds="a, b")
    assert str(message) == "unknown template kind 'x': use one of a, b"
    assert message.render(EN) == str(message)
    assert message.render(CY) == "math anhysbys o dempled 'x': defnyddiwch un o'r rhain: a, b"


def test_parts_of_a_message_are_rendered_in_the_same_language() -> None:
    hint = Message(": did you mean '{choice}'?", choice="dof")
    outer = Message(
        "no director has the id '{wanted}'{hint}: choose one of {ids}",
        wanted="dfo",
        hint=hint,
        ids="dof, cno",
    )
    assert str(outer) == "no director has the id 'dfo': did you mean 'dof'?: choose one of dof, cno"
    welsh = outer.render(CY)
    assert "oeddech chi'n golygu 'dof'?" in welsh
    assert welsh.startswith("nid oes gan unrhyw gyfarwyddwr")


def test_a_place_is_never_translated() -> None:
    located = Located("facts.yaml:3:5", Message("error:"))
    assert located.render(CY) == "facts.yaml:3:5: gwall:"
    assert Located("", "text").render(CY) == "text"


def test_joined_parts_each_render_in_the_language() -> None:
    joined = Joined([Message("warning:"), "as written", Message("error:")], " / ")
    assert joined.render(CY) == "rhybudd: / as written / gwall:"


def test_plural_picks_the_english_form_without_a_language() -> None:
    assert str(Plural("{n} row", "{n} rows", 1)) == "1 row"
    assert str(Plural("{n} row", "{n} rows", 2)) == "2 rows"


def test_a_value_with_braces_is_put_in_as_it_is() -> None:
    message = Message("no PDF was made: {why}", why="odd {name} text")
    assert str(message) == "no PDF was made: odd {name} text"
    assert render(message, CY) == "ni wnaed PDF: odd {name} text"


def test_messages_compare_and_hash_by_their_english() -> None:
    first, second = Message("error:"), Message("error:")
    assert first == second
    assert len({first, second}) == 1
    assert first != Message("warning:")


def test_an_error_keeps_its_english_and_renders_in_welsh() -> None:
    with pytest.raises(LocaleError) as caught:
        normalise_locale("fr_FR")
    assert str(caught.value).startswith("unknown locale 'fr_FR'")
    assert caught.value.render(CY).startswith("locale anhysbys 'fr_FR'")


def test_a_facts_error_renders_every_problem() -> None:
    error = FactsError([Located("f.yaml:1:1", Message("error:")), "plain text"], locale="cy_GB")
    assert error.problems == ["f.yaml:1:1: error:", "plain text"]
    assert error.render(CY) == "f.yaml:1:1: gwall:\nplain text"
    assert error.locale == "cy_GB"


def test_a_plain_string_error_still_works() -> None:
    error = DirectorsError("as written")
    assert str(error) == error.render(CY) == "as written"


# ---------------------------------------------------------------- at the terminal


def run(*args: str) -> tuple[int, list[str]]:
    """Run pitchkit; return the exit code and the lines on stderr."""
    result = CliRunner().invoke(app, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.stderr.strip().splitlines()


def test_an_error_is_english_by_default(tmp_path: Path) -> None:
    code, lines = run("brief", str(FRAILTY), "--director", "nobody", "--out", str(tmp_path))
    assert code == 1
    assert lines == [lines[0]]
    assert lines[0].startswith("error: ")
    assert "no director has the id 'nobody'" in lines[0]


def test_an_error_is_welsh_with_locale_cy(tmp_path: Path) -> None:
    code, lines = run(
        "brief", str(FRAILTY), "--director", "nobody", "--locale", "cy_GB", "--out", str(tmp_path)
    )
    assert code == 1
    assert len(lines) == 1
    assert lines[0].startswith("gwall: ")
    assert "nid oes gan unrhyw gyfarwyddwr yr id 'nobody'" in lines[0]


def test_an_error_is_welsh_when_the_facts_file_says_cy(tmp_path: Path) -> None:
    code, lines = run("brief", str(WELSH_EXAMPLE), "--director", "nobody", "--out", str(tmp_path))
    assert code == 1
    assert lines[0].startswith("gwall: ")


def test_bilingual_speaks_welsh_first(tmp_path: Path) -> None:
    (tmp_path / "note.docx").write_bytes(b"mine")
    code, lines = run("brief", str(FRAILTY), "--bilingual", "--out", str(tmp_path / "note.docx"))
    assert code == 1
    assert len(lines) == 1
    assert lines[0].startswith("gwall: ")
    assert (tmp_path / "note.docx").read_bytes() == b"mine"


def test_a_locale_beside_bilingual_is_refused_in_the_language_it_names(tmp_path: Path) -> None:
    code, lines = run(
        "brief", str(FRAILTY), "--bilingual", "--locale", "cy", "--out", str(tmp_path)
    )
    assert code == 1
    assert lines == ["gwall: " + lines[0].removeprefix("gwall: ")]
    assert "--locale cy gyda --bilingual" in lines[0]


def test_one_commands_language_does_not_carry_into_the_next(tmp_path: Path) -> None:
    run("brief", str(FRAILTY), "--director", "nobody", "--locale", "cy", "--out", str(tmp_path))
    code, lines = run("brief", str(FRAILTY), "--director", "nobody", "--out", str(tmp_path))
    assert code == 1
    assert lines[0].startswith("error: ")
