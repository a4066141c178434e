"""Welsh that the last trials left open (fixleft24b), read back from the rendered documents.

The projects are the bundled examples: the frailty virtual ward (an English facts file)
and the same-day hub at a Welsh community hospital (``ysbyty-cymunedol``), both written in
Welsh with ``--locale cy_GB``.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from documenttext import document_text

Cli = Callable[..., Result]

EXAMPLES = Path(__file__).parent.parent / "examples"


def project(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name
    shutil.copytree(EXAMPLES / name, folder)
    return folder / "facts.yaml"


def document(cli: Cli, facts: Path, command: str, director: str, *extra: str) -> str:
    out = facts.parent / f"{command}-{director}-{len(extra)}.docx"
    result = cli(command, str(facts), "-d", director, "-o", str(out), "--locale", "cy_GB", *extra)
    assert result.exit_code == 0, result.output
    return " ".join(document_text(out.read_bytes()).split())


# Item 5: the Welsh key to the charts lists the signals with no comma before "a".


def test_the_welsh_chart_key_has_no_comma_before_a(cli: Cli, tmp_path: Path) -> None:
    facts = project(tmp_path, "frailty-virtual-ward")
    welsh = document(cli, facts, "update", "dof")
    assert "symudiad o 7 pwynt, tuedd o 7 a dau o dri phwynt" in welsh, welsh
    assert "tuedd o 7, a dau" not in welsh
