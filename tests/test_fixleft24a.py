"""What readers of session 23's progress updates and money found (fixleft24a), each read back
from a document the command wrote."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from docchecks import docx_text

ROOT = Path(__file__).resolve().parent.parent
FRAILTY = ROOT / "examples" / "frailty-virtual-ward" / "facts.yaml"
FALLS = ROOT / "examples" / "falls-prevention" / "facts.yaml"


def _update(cli: Callable[..., Result], facts: Path, out: Path, *args: str) -> str:
    result = cli("update", str(facts), *args, "-o", str(out), "-f")
    assert result.exit_code == 0, result.output
    return " ".join(docx_text(out).split())


def test_a_run_begun_before_the_change_is_counted_from_the_change_only(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    # The frailty ward's admissions fell from March 2027, three months before the change of
    # June 2027, within the variation before it: only June to September is the change's.
    text = _update(cli, FRAILTY, tmp_path / "u.docx", "-d", "dof", "--period", "2027-09")
    assert "fallen for 7 months running" not in text
    assert (
        "Emergency admissions of people aged 75 and over living with frailty: now fallen for "
        "4 months running since the change began in June 2027 (falling since March 2027, "
        "within the usual variation before the change), so we report the fall since June "
        "2027 as delivered" in text
    )
