"""The guide's advice after a note is written never reads as a failed command.

On the command line "error:" means the command failed and wrote nothing. A
brief for a director whose objectives the project does not serve is still
written (exit 0); the guide's advice about it is a warning, in English and
in Welsh, with --quiet and without.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import Result


def test_advice_after_a_brief_is_a_warning_not_an_error(
    cli: Callable[..., Result], example: Callable[[str], Path], tmp_path: Path
) -> None:
    # The example confirms the Chief Nurse's harm-free care link (fixread20b): a copy without
    # it leaves her only possible links, as the example once did.
    copy = tmp_path / "facts.yaml"
    copy.write_text(
        example("frailty-virtual-ward")
        .read_text(encoding="utf-8")
        .replace("supports: [coo.occupancy, don.harm-free]", "supports: [coo.occupancy]"),
        encoding="utf-8",
    )
    facts = str(copy)
    for quiet in ((), ("-q",)):
        out = tmp_path / f"note{len(quiet)}.docx"
        result = cli("brief", facts, "-d", "don", "-o", str(out), *quiet)
        assert result.exit_code == 0, result.stderr
        assert out.is_file()
        lines = [line.strip() for line in (result.stdout + result.stderr).splitlines()]
        assert not [line for line in lines if line.startswith("error:")]
        # Only possible links to her: one warning saying none is confirmed yet (newuser8 #7).
        assert any(
            line.startswith("warning: No link to Ruth Adeyemi's objectives is confirmed yet")
            for line in lines
        ), lines


def test_welsh_advice_after_a_brief_is_a_warning_too(
    cli: Callable[..., Result], example: Callable[[str], Path], tmp_path: Path
) -> None:
    facts = str(example("frailty-virtual-ward"))
    out = tmp_path / "nodyn.docx"
    result = cli("brief", facts, "-d", "don", "-o", str(out), "-q", "--locale", "cy_GB")
    assert result.exit_code == 0, result.stderr
    lines = [line.strip() for line in result.stderr.splitlines()]
    assert not [line for line in lines if line.startswith("gwall:")]
    assert any(line.startswith("rhybudd:") and "Ruth Adeyemi" in line for line in lines)
