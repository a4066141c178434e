"""`pitchkit link`: confirming and ruling out links, written back into real facts files."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from pitchkit.cli import app
from pitchkit.facts.schema import load_facts

SEPSIS = Path(__file__).parent / "data" / "sepsis_project.yaml"


def run(*args: str | Path, given: str | None = None) -> Any:
    return CliRunner().invoke(app, [str(a) for a in args], input=given)


def copy(tmp_path: Path) -> Path:
    path = tmp_path / "facts.yaml"
    shutil.copy(SEPSIS, path)
    return path


def impact(path: Path, impact_id: str) -> Any:
    found = load_facts(path).facts.impact(impact_id)
    assert found is not None
    return found


def test_each_proposed_link_is_shown_with_its_reason_and_answers_are_written(
    tmp_path: Path,
) -> None:
    path = copy(tmp_path)
    result = run("link", path, given="y\nn\ns\n")
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    # Confident links first, each with its chain; then the possible one.
    assert out.index("coo.beds") < out.index("md.shmi") < out.index("cn.deterioration")
    assert "measure map: antibiotics within the hour → sepsis deaths → SHMI" in out
    # The question names the objective: the possible link's reason does not repeat it.
    assert "possible: shared themes: safety" in out
    assert "confirm with supports" not in out
    assert "Wrote 1 link to 'supports:' and 1 to 'excludes:'" in out
    assert impact(path, "cc-bed-days").supports == ["coo.beds"]
    assert impact(path, "antibiotics").excludes == ["md.shmi"]
    assert impact(path, "antibiotics").supports == []


def test_comments_and_layout_are_kept(tmp_path: Path) -> None:
    path = copy(tmp_path)
    before = path.read_text(encoding="utf-8")
    assert run("link", path, "--accept", "antibiotics:md.shmi").exit_code == 0
    after = path.read_text(encoding="utf-8")
    assert after.startswith("# A sepsis project pitchkit's word tables were never tuned on")
    added = [line for line in after.splitlines() if line not in before.splitlines()]
    assert added == ["    supports: [md.shmi]"]
    assert after.replace("    supports: [md.shmi]\n", "") == before


def test_a_windows_file_keeps_its_line_endings_blank_lines_and_mark(tmp_path: Path) -> None:
    """A CRLF file with a byte-order mark and no final newline differs by the added line only."""
    path = tmp_path / "facts.yaml"
    lines = SEPSIS.read_text(encoding="utf-8").splitlines()
    assert "" in lines  # blank lines between sections, which the round trip once dropped
    original = b"\xef\xbb\xbf" + "\r\n".join(lines).encode("utf-8")
    path.write_bytes(original)
    result = run("link", path, "--accept", "antibiotics:md.shmi")
    assert result.exit_code == 0, result.output
    after = path.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf")
    assert after.count(b"\n") == after.count(b"\r\n")  # CRLF throughout, none mixed
    added = b"    supports: [md.shmi]\r\n"
    assert added in after
    assert after.replace(added, b"", 1) == original
    assert impact(path, "antibiotics").supports == ["md.shmi"]


def test_a_file_of_mixed_line_endings_differs_by_the_added_line_only(tmp_path: Path) -> None:
    """review13 L5: two lines in three CRLF, one LF; each unchanged line keeps its own ending."""
    path = tmp_path / "facts.yaml"
    lines = SEPSIS.read_text(encoding="utf-8").splitlines()
    original = b"".join(
        line.encode("utf-8") + (b"\n" if index % 3 == 2 else b"\r\n")
        for index, line in enumerate(lines)
    )
    path.write_bytes(original)
    result = run("link", path, "--accept", "antibiotics:md.shmi")
    assert result.exit_code == 0, result.output
    after = path.read_bytes()
    added = b"    supports: [md.shmi]\r\n"  # a new line takes the ending most lines have
    assert added in after
    assert after.replace(added, b"", 1) == original
    assert impact(path, "antibiotics").supports == ["md.shmi"]


def test_all_confident_accepts_the_map_links_and_reject_writes_excludes(tmp_path: Path) -> None:
    path = copy(tmp_path)
    result = run("link", path, "--all-confident", "--reject", "antibiotics:cn.deterioration")
    assert result.exit_code == 0, result.output
    assert impact(path, "antibiotics").supports == ["md.shmi"]
    assert impact(path, "antibiotics").excludes == ["cn.deterioration"]
    assert impact(path, "cc-bed-days").supports == ["coo.beds"]
    # Decided links are not proposed again.
    again = run("link", path, given="")
    assert "No links to decide" in again.stdout


def test_accepting_a_link_once_excluded_moves_it(tmp_path: Path) -> None:
    path = copy(tmp_path)
    assert run("link", path, "--reject", "antibiotics:md.shmi").exit_code == 0
    assert impact(path, "antibiotics").excludes == ["md.shmi"]
    moved = run("link", path, "--accept", "antibiotics:md.shmi")
    assert moved.exit_code == 0
    assert moved.stdout.splitlines()[0] == (
        "antibiotics:md.shmi moves from 'excludes:' to 'supports:'."
    )
    assert (impact(path, "antibiotics").supports, impact(path, "antibiotics").excludes) == (
        ["md.shmi"],
        [],
    )
    assert "excludes" not in path.read_text(encoding="utf-8")


def test_a_misspelt_link_is_one_line_and_nothing_is_written(tmp_path: Path) -> None:
    path = copy(tmp_path)
    before = path.read_bytes()
    for bad, expected in [
        ("antibiotcs:md.shmi", "no impact has the id 'antibiotcs': did you mean 'antibiotics'?"),
        ("antibiotics:md.shmj", "no director has the objective 'md.shmj': did you mean 'md.shmi'?"),
        ("antibiotics-md.shmi", "write IMPACT:DIRECTOR.OBJECTIVE"),
    ]:
        result = run("link", path, "--accept", "antibiotics:md.shmi", "--accept", bad)
        assert result.exit_code == 1
        lines = result.output.strip().splitlines()
        assert len(lines) == 1, result.output
        assert expected in lines[0]
        assert "Traceback" not in result.output
        assert path.read_bytes() == before


def test_questions_ending_early_write_nothing(tmp_path: Path) -> None:
    path = copy(tmp_path)
    before = path.read_bytes()
    result = run("link", path, given="y\n")
    assert result.exit_code == 1
    assert "nothing was written" in result.output
    assert path.read_bytes() == before


def test_stopping_with_q_writes_the_answers_so_far(tmp_path: Path) -> None:
    path = copy(tmp_path)
    result = run("link", path, given="y\nq\n")
    assert result.exit_code == 0, result.output
    assert impact(path, "cc-bed-days").supports == ["coo.beds"]
    assert impact(path, "antibiotics").supports == []


def test_welsh_answers_are_understood(tmp_path: Path) -> None:
    path = copy(tmp_path)
    result = run("link", path, "--locale", "cy_GB", given="i\nn\nh\n")
    assert result.exit_code == 0, result.output
    assert impact(path, "cc-bed-days").supports == ["coo.beds"]
    assert impact(path, "antibiotics").excludes == ["md.shmi"]


def test_accepting_a_link_already_accepted_says_so_and_writes_nothing(tmp_path: Path) -> None:
    path = copy(tmp_path)
    assert run("link", path, "--accept", "antibiotics:md.shmi").exit_code == 0
    before = path.read_bytes()
    again = run("link", path, "--accept", "antibiotics:md.shmi")
    assert again.exit_code == 0
    assert again.stdout.splitlines() == [
        "antibiotics:md.shmi is already in 'supports:', so it is left as it is.",
        "Nothing was written.",
    ]
    assert path.read_bytes() == before
    moved = run("link", path, "--reject", "antibiotics:md.shmi")
    assert moved.stdout.splitlines()[0] == (
        "antibiotics:md.shmi moves from 'supports:' to 'excludes:'."
    )
    assert impact(path, "antibiotics").excludes == ["md.shmi"]


def test_all_confident_with_none_left_says_what_is_left_not_nothing_was_written(
    tmp_path: Path,
) -> None:
    path = copy(tmp_path)
    assert run("link", path, "--all-confident").exit_code == 0
    before = path.read_bytes()
    again = run("link", path, "--all-confident")
    assert again.exit_code == 0, again.output
    assert again.stdout.splitlines() == [
        "No confident link is waiting, so nothing was written: 1 possible link is left to "
        "answer one at a time with 'pitchkit link'."
    ]
    assert path.read_bytes() == before
    assert run("link", path, "--reject", "antibiotics:cn.deterioration").exit_code == 0
    settled = run("link", path, "--all-confident")
    assert settled.stdout.splitlines() == [
        "No links to decide: every link pitchkit found is settled already."
    ]


def _default_style(tmp_path: Path) -> tuple[Path, str]:
    """The sepsis project as ruamel.yaml and PyYAML write a file by default, with a comment.

    Lists sit level with their key (``impacts:`` then ``- id: …``), long texts
    are folded over several lines with a space left at the end of each, and
    a comment has two spaces before it: the layout a script that makes
    facts files gives them.
    """
    from ruamel.yaml import YAML

    data = YAML(typ="safe", pure=True).load(SEPSIS.read_text(encoding="utf-8"))
    data["impacts"][0]["supports"] = ["cn.deterioration"]
    writer = YAML()
    writer.width = 60
    path = tmp_path / "facts.yaml"
    with path.open("w", encoding="utf-8") as stream:
        writer.dump(data, stream)
    text = path.read_text(encoding="utf-8")
    assert "\n- id: antibiotics\n" in text  # a list level with its key
    assert "\n  supports:\n  - cn.deterioration\n" in text
    assert "\nimpacts:\n- id: " in text
    assert any(line.endswith(" ") for line in text.splitlines())  # a folded text
    text = text.replace("  organisation:", "  # as the trust's letters give it\n  organisation:", 1)
    lines = text.splitlines()
    [title] = [n for n, line in enumerate(lines) if line.startswith("  title: ")]
    lines[title] += "  # as the board knows it"
    text = "\n".join(lines) + "\n"
    path.write_text(text, encoding="utf-8")
    load_facts(path)
    return path, text


def test_a_file_in_the_default_style_differs_by_the_lines_added_only(tmp_path: Path) -> None:
    """newuser9 #11: one --reject re-indented every list and re-joined every folded text."""
    path, before = _default_style(tmp_path)
    result = run("link", path, "--reject", "antibiotics:md.shmi")
    assert result.exit_code == 0, result.output
    after = path.read_text(encoding="utf-8")
    added = [line for line in after.splitlines() if line not in before.splitlines()]
    assert added == ["  excludes: [md.shmi]"]
    assert after.replace("  excludes: [md.shmi]\n", "", 1) == before
    assert impact(path, "antibiotics").excludes == ["md.shmi"]


def test_a_link_added_to_a_list_level_with_its_key_is_written_as_its_others(
    tmp_path: Path,
) -> None:
    path, before = _default_style(tmp_path)
    result = run("link", path, "--accept", "antibiotics:md.shmi")
    assert result.exit_code == 0, result.output
    after = path.read_text(encoding="utf-8")
    assert "  supports:\n  - cn.deterioration\n  - md.shmi\n" in after
    assert after.replace("  - md.shmi\n", "", 1) == before
    assert impact(path, "antibiotics").supports == ["cn.deterioration", "md.shmi"]


def test_accept_and_reject_take_links_separated_by_commas(tmp_path: Path) -> None:
    # newuser26 #6: "--accept x:a,y:b" was read as one link to "a,y:b".
    path = copy(tmp_path)
    result = run(
        "link", path,
        "--accept", "antibiotics:md.shmi, cc-bed-days:coo.beds",
        "--reject", "antibiotics:cn.deterioration,",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == (
        f"Wrote 2 links to 'supports:' and 1 to 'excludes:' in {path}."
    )
    assert impact(path, "antibiotics").supports == ["md.shmi"]
    assert impact(path, "antibiotics").excludes == ["cn.deterioration"]
    assert impact(path, "cc-bed-days").supports == ["coo.beds"]


def test_a_wrong_link_in_a_comma_list_is_named_alone_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    path = copy(tmp_path)
    before = path.read_bytes()
    result = run("link", path, "--accept", "antibiotics:md.shmi,antibiotics:md.shmj")
    assert result.exit_code == 1
    assert result.output.strip() == (
        "error: --accept 'antibiotics:md.shmj': no director has the objective 'md.shmj': "
        "did you mean 'md.shmi'?"
    )
    assert path.read_bytes() == before
