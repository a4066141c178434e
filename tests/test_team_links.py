"""Links to a team file's objectives, and the ``directors`` report a lead reads them from.

newuser5 #1, #10, #11, #12, #13, #17: a lead who keeps the executive team
in a spreadsheet types ``supports:`` ids the ``directors`` report shows,
confirms links with ``link``, and is told at once, at the line and column,
when an id names no objective. Each test runs the command line and reads
back what the user sees.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from docchecks import docx_text
from pitchkit.cli import app

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "frailty-virtual-ward"

Cli = Callable[..., Result]

#: A finance director whose objectives' ids are dof.cip and dof.agency-spend, and a director
#: of operations whose title names community services (no one has the community lens).
TEAM = (
    "id,name,role,objectives\n"
    'dof,Helen Marsh,Director of Finance,"Deliver the CIP; Reduce agency spend by 30%"\n'
    "dos,Angela Frost,Director of Operations and Community Services,"
    '"Keep bed occupancy below 92%; Cut 18-week waits for community therapy to zero"\n'
)
SOURCE = "    source: Trust bed management system, 2025/26\n"


def project(tmp_path: Path, link: str = "", key: str = "supports") -> tuple[Path, Path]:
    """The frailty example's facts without their own team or links, and a team CSV.

    With ``link``, the bed-days impact gets ``key: [link]``, typed as a lead would.
    """
    lines = (EXAMPLE / "facts.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("directors:"))
    end = next(i for i, line in enumerate(lines) if i > start and line[:1].isalpha())
    text = "".join(line for line in lines[:start] + lines[end:] if "supports:" not in line)
    if link:
        assert text.count(SOURCE) == 1
        text = text.replace(SOURCE, f"    {key}: [{link}]\n{SOURCE}")
    facts = tmp_path / "facts.yaml"
    facts.write_text(text, encoding="utf-8")
    team = tmp_path / "team.csv"
    team.write_text(TEAM, encoding="utf-8")
    return facts, team


def place(facts: Path, link: str) -> str:
    """``FILE:line:col`` of ``link`` in the facts file, counted from 1 as editors do."""
    for number, line in enumerate(facts.read_text(encoding="utf-8").splitlines(), start=1):
        if f"[{link}]" in line:
            return f"{facts}:{number}:{line.index(link) + 1}"
    raise AssertionError(link)


def run(*args: str | Path, columns: int = 80) -> Result:
    result = CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": str(columns)})
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(result.output) from result.exception
    assert "Traceback" not in result.output
    return result


def commands(facts: Path, team: Path, out: Path) -> list[list[str | Path]]:
    """Every command that takes --directors, as a lead would give it."""
    return [
        ["brief", facts, "--directors", team, "-d", "dof", "--out", out],
        ["update", facts, "--directors", team, "-d", "dof", "--out", out],
        ["preview", facts, "--directors", team, "-d", "dof"],
        ["batch", facts, "--directors", team, "--out", out],
        ["directors", facts, "--directors", team],
        ["check", facts, "--directors", team, "-d", "dof"],
        ["link", facts, "--directors", team, "--all-confident"],
    ]


def test_a_mistyped_link_to_a_team_file_is_an_error_in_every_command(tmp_path: Path) -> None:
    facts, team = project(tmp_path, "dof.agency-spnd")
    before = facts.read_bytes()
    out = tmp_path / "notes"
    expected = (
        f"error: {place(facts, 'dof.agency-spnd')}: impacts[1].supports[0]: 'dof.agency-spnd' "
        "names no objective of that director: did you mean 'dof.agency-spend'?"
    )
    for command in commands(facts, team, out):
        if command[0] == "link":
            continue  # link is the tool to fix it with: see the next test
        result = run(*command)
        assert result.exit_code == 1, (command[0], result.output)
        assert result.stderr.strip() == expected, command[0]
    assert not out.exists() or not any(out.iterdir())  # nothing written
    assert facts.read_bytes() == before


def test_link_starts_on_a_stale_link_and_puts_the_one_meant_in_its_place(tmp_path: Path) -> None:
    """review11 F5's catch-22: once the team file renames an objective, link still starts."""
    facts, team = project(tmp_path, "dof.agency-spnd")
    where = place(facts, "dof.agency-spnd")
    result = run("link", facts, "--directors", team, "--accept", "bed-days:dof.agency-spend")
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == (
        f"warning: {where}: impacts[1].supports[0]: 'dof.agency-spnd' names no objective of "
        "that director: did you mean 'dof.agency-spend'? ('pitchkit link' leaves it out, and "
        "takes it out of the file when it writes)"
    )
    assert "Took out bed-days:dof.agency-spnd: it named no objective of the team." in (
        result.stdout
    )
    text = facts.read_text(encoding="utf-8")
    assert "dof.agency-spnd" not in text
    assert "    supports: [dof.agency-spend]\n" in text
    brief = run("brief", facts, "--directors", team, "-d", "dof", "--out", tmp_path / "notes")
    assert brief.exit_code == 0, brief.output


def test_link_with_nothing_to_decide_still_takes_a_stale_link_out(tmp_path: Path) -> None:
    facts, team = project(tmp_path, "dof.balance", key="excludes")
    result = run(
        "link", facts, "--directors", team, "--locale", "cy_GB", "--reject", "bed-days:dof.cip"
    )
    assert result.exit_code == 0, result.output
    assert "(mae 'pitchkit link' yn ei adael allan, ac yn ei dynnu o'r ffeil" in result.stderr
    assert "Tynnwyd bed-days:dof.balance allan: nid oedd yn enwi amcan gan y tîm." in result.stdout
    text = facts.read_text(encoding="utf-8")
    assert "dof.balance" not in text
    assert "    excludes: [dof.cip]\n" in text


def test_excludes_are_checked_and_an_id_far_from_any_lists_the_directors_own(
    tmp_path: Path,
) -> None:
    facts, team = project(tmp_path, "dof.cpi", key="excludes")
    result = run("directors", facts, "--directors", team)
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"error: {place(facts, 'dof.cpi')}: impacts[1].excludes[0]: 'dof.cpi' names no "
        "objective of that director: did you mean 'dof.cip'?"
    )
    facts, team = project(tmp_path, "dof.balance")
    result = run("check", facts, "--directors", team, "-d", "dof")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"error: {place(facts, 'dof.balance')}: impacts[1].supports[0]: 'dof.balance' names no "
        "objective of that director: use one of dof.agency-spend, dof.cip"
    )
    facts, team = project(tmp_path, "dfo.cip")
    result = run("brief", facts, "--directors", team, "-d", "dof", "--out", tmp_path / "n")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"error: {place(facts, 'dfo.cip')}: impacts[1].supports[0]: no director has the id "
        "'dfo': did you mean 'dof'?"
    )


def test_a_link_typed_as_the_report_shows_it_is_claimed(
    tmp_path: Path, directors_json: Callable[..., Any]
) -> None:
    facts, team = project(tmp_path, "dof.agency-spend")
    report = directors_json(facts, "--directors", team)
    [dof] = [d for d in report["directors"] if d["id"] == "dof"]
    assert [x["reason"] for x in dof["links"] if x["impact"] == "bed-days"] == ["explicit"]


def test_the_facts_files_own_team_is_not_a_mistake_beside_a_team_file(tmp_path: Path) -> None:
    # The example links dof.cip and coo.occupancy, objectives of its own 'directors:'.
    result = run("directors", EXAMPLE / "facts.yaml", "--directors", EXAMPLE / "directors.csv")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""


def test_link_takes_the_team_file_and_writes_the_link_back(
    tmp_path: Path, directors_json: Callable[..., Any]
) -> None:
    facts, team = project(tmp_path)
    helped = run("link", "--help", columns=200)
    assert "--directors" in helped.stdout
    result = run(
        "link", facts, "--directors", team, "--accept", "bed-days:dof.agency-spend",
        "--reject", "bed-days:dos.bed-occupancy",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f"Wrote 1 link to 'supports:' and 1 to 'excludes:' in {facts}." in result.stdout
    text = facts.read_text(encoding="utf-8")
    assert "    supports: [dof.agency-spend]\n" in text
    assert "    excludes: [dos.bed-occupancy]\n" in text
    # What link wrote is read back as the lead's own link.
    links = {
        (d["id"], x["impact"], x["objective"]): x["reason"]
        for d in directors_json(facts, "--directors", team)["directors"]
        for x in d["links"]
    }
    assert links[("dof", "bed-days", "agency-spend")] == "explicit"
    assert ("dos", "bed-days", "bed-occupancy") not in links
    # A mistyped answer names the nearest objective of the team file, and writes nothing.
    before = facts.read_bytes()
    wrong = run("link", facts, "--directors", team, "--accept", "bed-days:dof.cpi")
    assert wrong.exit_code == 1
    assert "did you mean 'dof.cip'?" in wrong.stderr
    assert facts.read_bytes() == before


def test_directors_shows_every_objective_id_the_unlinked_ones_too(
    tmp_path: Path, directors_json: Callable[..., Any]
) -> None:
    facts, team = project(tmp_path, "dof.agency-spend")
    places = {d["id"]: d for d in directors_json(facts, "--directors", team)["directors"]}
    assert [(o["ref"], o["served"]) for o in places["dof"]["every_objective"]] == [
        ("dof.cip", False),
        ("dof.agency-spend", True),
    ]
    assert [o["ref"] for o in places["dos"]["every_objective"]] == [
        "dos.bed-occupancy",
        "dos.18-week-waits",
    ]
    for columns in (80, 200):
        text = run("directors", facts, "--directors", team, columns=columns).stdout
        for ref in ("dof.cip:", "dof.agency-spend:", "dos.bed-occupancy:", "dos.18-week-waits:"):
            assert ref in text, (columns, ref)
        if columns == 80:
            assert "dof.agency-spend: Reduce agency spend by 30% (served)" in text


def test_directors_at_80_columns_is_read_down_the_page_not_a_word_a_line() -> None:
    narrow = run("directors", EXAMPLE / "facts.yaml", columns=80)
    assert narrow.exit_code == 0, narrow.output
    lines = narrow.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert "│" not in narrow.stdout
    words = [len(line.split()) for line in lines if line.strip()]
    assert sum(words) / len(words) > 6  # a table at 80 columns gave about 2 words a line
    # Each director's reasons sit under them, whole, with the id to confirm unbroken.
    assert "1. Tom Okafor (coo), Chief Operating Officer" in lines
    assert "   Why linked:" in lines
    assert "confirm with supports: [coo.winter-plan]" in " ".join(narrow.stdout.split())
    wide = run("directors", EXAMPLE / "facts.yaml", columns=200)
    assert "│" in wide.stdout  # a wide terminal keeps the table


@pytest.mark.parametrize("chosen", ["dof", None])
def test_an_offer_is_said_to_be_meant_only_for_someone_on_the_team(
    tmp_path: Path, chosen: str | None
) -> None:
    facts, team = project(tmp_path)
    offer = "A quarterly summary of long waits for the community services board report"
    text = facts.read_text(encoding="utf-8")
    facts.write_text(text.replace("offer:\n", f"offer:\n  - {offer}\n", 1), encoding="utf-8")
    args: list[str | Path] = ["check", facts, "--directors", team]
    result = run(*args, *(["-d", chosen] if chosen else []), columns=300)
    assert result.exit_code == 0, result.output
    said = [line for line in result.stdout.splitlines() if offer in line]
    # No one has the primary and community care lens: the director whose title names
    # community services is the one it reads as meant for.
    assert said == [
        f"  meant-for-another: The offer '{offer}' goes to every director but reads as meant "
        "for Angela Frost (Director of Operations and Community Services)."
    ]
    assert "for: [dos]" in result.stdout
    assert "primary-community" not in result.stdout
    assert "Primary, Community" not in result.stdout


def test_an_offer_no_one_on_the_team_is_named_by_is_not_said_to_be_anyones(
    tmp_path: Path,
) -> None:
    facts, team = project(tmp_path)
    team.write_text(TEAM.replace(" and Community Services", ""), encoding="utf-8")
    offer = "A quarterly summary of long waits for the community services board report"
    text = facts.read_text(encoding="utf-8")
    facts.write_text(text.replace("offer:\n", f"offer:\n  - {offer}\n", 1), encoding="utf-8")
    result = run("check", facts, "--directors", team, "-d", "dof", columns=300)
    assert result.exit_code == 0, result.output
    assert "meant for Director of Primary" not in result.stdout
    assert f"The offer '{offer}' goes to every director" not in result.stdout


def test_link_writes_a_team_file_link_beside_the_facts_files_own_team(
    tmp_path: Path, directors_json: Callable[..., Any]
) -> None:
    """newuser13 #9: init writes 'directors:', then link --directors team --accept works.

    ``--directors`` wins in link as in every other command: the link is
    written, and every command given the team file reads it as the lead's.
    """
    # The example lists its own directors (dof's objectives: cip, agency, productivity);
    # its team sheet words dof's first objective as cost-improvement.
    facts = tmp_path / "facts.yaml"
    facts.write_bytes((EXAMPLE / "facts.yaml").read_bytes())
    team = EXAMPLE / "directors.csv"
    result = run("link", facts, "--directors", team, "--accept", "bed-days:dof.cost-improvement")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert f"Wrote 1 link to 'supports:' and 0 to 'excludes:' in {facts}." in result.stdout
    assert "dof.cost-improvement]" in facts.read_text(encoding="utf-8")
    links = {
        (d["id"], x["impact"], x["objective"]): x["reason"]
        for d in directors_json(facts, "--directors", team)["directors"]
        for x in d["links"]
    }
    assert links[("dof", "bed-days", "cost-improvement")] == "explicit"


def own_team_with_a_team_only_link(tmp_path: Path, locale: str = "en_GB") -> tuple[Path, str]:
    """The example (its own 'directors:' kept) linking dof.agency-spend, which only the CSV has."""
    text = (EXAMPLE / "facts.yaml").read_text(encoding="utf-8")
    assert text.count("supports: [dof.cip]") == 1
    text = text.replace("supports: [dof.cip]", "supports: [dof.cip, dof.agency-spend]")
    facts = tmp_path / "facts.yaml"
    facts.write_text(text.replace("locale: en_GB", f"locale: {locale}"), encoding="utf-8")
    [(number, line)] = [
        (n, line) for n, line in enumerate(text.splitlines(), start=1) if "agency-spend]" in line
    ]
    return facts, f"{facts}:{number}:{line.index('dof.agency-spend') + 1}"


def test_a_link_only_the_team_file_has_is_read_by_every_command_given_it(
    tmp_path: Path,
) -> None:
    """--directors wins over the file's own 'directors:' (newuser13 #9, once review11 F5)."""
    facts, where = own_team_with_a_team_only_link(tmp_path)
    team = EXAMPLE / "directors.csv"
    for number, command in enumerate(commands(facts, team, tmp_path / "notes")):
        result = run(
            *(tmp_path / f"out{number}" if a == tmp_path / "notes" else a for a in command)
        )
        assert result.exit_code == 0, (command[0], result.output)
        assert "agency-spend" not in result.stderr, command[0]
    both = run(
        "brief", facts, "--directors", team, "-d", "dof", "--bilingual", "--out",
        tmp_path / "both",
    )  # fmt: skip
    assert "agency-spend" not in both.stderr
    assert both.exit_code == 0, both.output
    # A typo is still caught, among the team file's objectives as well as the file's own.
    facts, where = own_team_with_a_team_only_link(tmp_path)
    typo = facts.read_text(encoding="utf-8").replace("dof.agency-spend]", "dof.agency-spnd]")
    facts.write_text(typo, encoding="utf-8")
    result = run("check", facts, "--directors", team, "-d", "dof")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"error: {where}: impacts[0].supports[1]: 'dof.agency-spnd' names no objective of that "
        "director: did you mean 'dof.agency-spend'?"
    )


ASK = "  - Sign the executive sponsor section of our Health Foundation application"


@pytest.mark.parametrize(("target", "hint"), [("dfo", "did you mean 'dof'? "), ("cfo", "")])
def test_an_ask_for_someone_not_on_the_team_is_an_error_in_every_command(
    tmp_path: Path, target: str, hint: str
) -> None:
    """An ask ``for:`` an id the team file does not have was silently shown to no one."""
    facts, team = project(tmp_path)
    text = facts.read_text(encoding="utf-8")
    [line] = [line for line in text.splitlines() if line.startswith(ASK)]
    ask = line.removeprefix("  - ")
    facts.write_text(text.replace(line, f'  - {{text: "{ask}", for: [{target}]}}'), "utf-8")
    [(number, written)] = [
        (n, text) for n, text in enumerate(facts.read_text("utf-8").splitlines(), 1) if ask in text
    ]
    where = f"{facts}:{number}:{written.index(f'[{target}]') + 2}"
    before = facts.read_bytes()
    out = tmp_path / "notes"
    for command in commands(facts, team, out):
        result = run(*command)
        assert result.exit_code == 1, (command[0], result.output)
        [said] = result.stderr.strip().splitlines()
        assert said.startswith(
            f"error: {where}: asks[0].for[0]: '{target}' is neither a director's id nor a lens"
            f"{':' if hint else ''} {hint}(use one of dof, dos, chief-executive, medical, "
        ), (command[0], said)
    assert not out.exists()
    assert facts.read_bytes() == before
    alone = run("check", facts, "-d", "dof")
    assert "is neither a director's id" not in alone.output  # the team file is not there


def test_a_link_in_another_case_is_the_same_link(tmp_path: Path) -> None:
    """review12 F5, then newuser34 #3: ids compare case aside, so 'dof.Agency-Spend' is
    'dof.agency-spend': no warning, nothing corrected or taken out, and the link counts."""
    facts, team = project(tmp_path, "dof.Agency-Spend")
    result = run("link", facts, "--directors", team, "--reject", "bed-days:dof.cip")
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == ""
    assert "Took out" not in result.stdout
    text = facts.read_text(encoding="utf-8")
    assert "    supports: [dof.Agency-Spend]\n" in text
    assert "    excludes: [dof.cip]\n" in text
    brief = run("brief", facts, "--directors", team, "-d", "dof", "--out", tmp_path / "notes")
    assert brief.exit_code == 0, brief.output


def test_link_corrects_in_welsh_too(tmp_path: Path) -> None:
    facts, team = project(tmp_path, "DOF.agency_spend", key="excludes")
    result = run(
        "link", facts, "--directors", team, "--locale", "cy_GB", "--accept", "bed-days:dof.cip"
    )
    assert result.exit_code == 0, result.output
    assert "Cywirwyd bed-days:DOF.agency_spend i 'dof.agency-spend'" in result.stdout
    text = facts.read_text(encoding="utf-8")
    assert "    excludes: [dof.agency-spend]\n" in text


@pytest.mark.parametrize(
    ("links", "summary", "kept"),
    [
        ("dof.agency-spnd, dof.cip", "Took out 1 link from {facts}; added none.", "dof.cip"),
        (
            "dof.agency-spnd, dof.balance, dof.cip",
            "Took out 2 links from {facts}; added none.",
            "dof.cip",
        ),
        (  # a case alone is no fault (newuser34 #3): an underscore is
            "dof.agency_spend, dof.cip",
            "Corrected 1 link in {facts}; added none.",
            "dof.agency-spend, dof.cip",
        ),
        (
            "dof.agency_spend, dof.balance, dof.cip",
            "Took out and corrected the links above in {facts}; added none.",
            "dof.agency-spend, dof.cip",
        ),
    ],
)
def test_link_that_only_mends_links_says_so_not_wrote_none(
    tmp_path: Path, links: str, summary: str, kept: str
) -> None:
    """A run whose only answer is already in the file mends the stale links and says that."""
    facts, team = project(tmp_path, links)
    result = run("link", facts, "--directors", team, "--accept", "bed-days:dof.cip")
    assert result.exit_code == 0, result.output
    said = result.stdout.splitlines()
    assert said[0] == "bed-days:dof.cip is already in 'supports:', so it is left as it is."
    assert said[-1] == summary.format(facts=facts)
    assert "Wrote" not in result.stdout
    assert f"    supports: [{kept}]\n" in facts.read_text(encoding="utf-8")


def test_a_meeting_with_someone_not_on_the_team_is_an_error_in_every_command(
    tmp_path: Path,
) -> None:
    """newuser9 #5: ``meeting.director`` naming no one in the team file was dropped silently.

    The note lost its meeting line and no command said why; with the team in
    the facts file the same slip is an error at its line and column.
    """
    facts, team = project(tmp_path)
    text = facts.read_text(encoding="utf-8")
    assert text.count("  director: dof\n") == 1
    facts.write_text(text.replace("  director: dof\n", "  director: finance\n"), "utf-8")
    [number] = [
        n
        for n, line in enumerate(facts.read_text("utf-8").splitlines(), 1)
        if "director: finance" in line
    ]
    expected = (
        f"error: {facts}:{number}:13: meeting.director: no director has the id 'finance': "
        "use one of dof, dos"
    )
    before = facts.read_bytes()
    out = tmp_path / "notes"
    for command in commands(facts, team, out):
        result = run(*command)
        assert result.exit_code == 1, (command[0], result.output)
        assert result.stderr.strip() == expected, command[0]
    assert not out.exists()
    assert facts.read_bytes() == before


def test_a_meeting_with_someone_only_the_team_file_has_is_read_with_the_team_file(
    tmp_path: Path,
) -> None:
    """Beside the file's own ``directors:``, a meeting only the team file has is no mistake.

    The notes are written for the team file's directors (``--directors``
    wins); the file read alone still names the director it does not have.
    """
    facts = tmp_path / "facts.yaml"
    text = (EXAMPLE / "facts.yaml").read_text(encoding="utf-8")
    assert text.count("  director: dof\n") == 1
    facts.write_text(text.replace("  director: dof\n", "  director: dos\n"), "utf-8")
    team = tmp_path / "team.csv"
    team.write_text(TEAM, encoding="utf-8")
    [number] = [
        n
        for n, line in enumerate(facts.read_text("utf-8").splitlines(), 1)
        if "director: dos" in line
    ]
    alone = run("check", facts, "-d", "dof")
    assert alone.exit_code == 1
    assert f"{facts}:{number}:13: meeting.director: no director has the id 'dos'" in alone.stderr
    result = run("check", facts, "--directors", team, "-d", "dos")
    assert result.exit_code == 0, result.output
    assert "meeting.director" not in result.output


def test_a_meeting_with_someone_on_the_team_is_in_their_note(tmp_path: Path) -> None:
    """A meeting with a team file's director keeps its line in that director's note."""
    facts, team = project(tmp_path)
    text = facts.read_text(encoding="utf-8")
    text = text.replace("  director: dof\n", "  director: dos\n")
    facts.write_text(text.replace("date: 2026-12-03", "date: 2099-12-03"), "utf-8")
    out = tmp_path / "dos.docx"
    result = run("brief", facts, "--directors", team, "-d", "dos", "--out", out)
    assert result.exit_code == 0, result.output
    assert "meeting on 3 December 2099" in " ".join(docx_text(out).split())


def test_a_meeting_id_in_another_case_keeps_its_line(tmp_path: Path) -> None:
    """``director: DOS`` is accepted as 'dos' (ids are checked regardless of case), so is shown."""
    facts, team = project(tmp_path)
    text = facts.read_text(encoding="utf-8").replace("  director: dof\n", "  director: DOS\n")
    facts.write_text(text.replace("date: 2026-12-03", "date: 2099-12-03"), "utf-8")
    out = tmp_path / "dos.docx"
    result = run("brief", facts, "--directors", team, "-d", "dos", "--out", out)
    assert result.exit_code == 0, result.output
    assert "meeting on 3 December 2099" in " ".join(docx_text(out).split())
