"""newuser38's discharge medicines project: a baseline's typo, teams and a brief's choices.

``tests/data/newuser38b`` holds the lead's facts file (bed days lost waiting for
discharge medicines, 3,420 a year, at £345), the log (``figures.csv``: July
2026 to June 2027, the change in January 2027) and the team, exported from
Excel (``team.csv``) and with a misspelt column (``team-typo.csv``).
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
from typer.testing import CliRunner

from pitchkit.cli import app

DATA = Path(__file__).resolve().parent / "data" / "newuser38b"
FACTS = DATA / "facts.yaml"
FIGURES = DATA / "figures.csv"
TEAM = DATA / "team.csv"
TODAY = "2027-07-10"


def run(*args: str) -> str:
    """What ``pitchkit`` prints, both streams together (warnings go to stderr)."""
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())


def typed(tmp: Path, old: str, new: str, name: str = "facts.yaml") -> Path:
    """The lead's facts file with ``old`` typed as ``new``, in ``tmp``."""
    text = FACTS.read_text(encoding="utf-8")
    assert old in text
    path = tmp / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def document_text(path: Path) -> str:
    document = docx.Document(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(p.text for p in document.paragraphs).split())


# --- #1: a baseline a nought too big, against the log's own figures --------------------

TENFOLD = (
    "facts.yaml:48:15: impacts[0].baseline 34,200 bed days a year is about 10 times the "
    "log's average before the change (July 2026 to December 2026: 287.2 bed days a month, "
    "3,446 a year): a typo?"
)


def test_check_brief_and_update_warn_of_a_tenfold_baseline(tmp_path: Path) -> None:
    facts = typed(tmp_path, "baseline: 3420", "baseline: 34200")
    log = ["--directors", str(TEAM), "--measures", str(FIGURES), "--today", TODAY]
    assert TENFOLD in run("check", str(facts), *log)
    out = tmp_path / "brief.docx"
    assert TENFOLD in run("brief", str(facts), "-d", "coo", "--out", str(out), *log)
    assert TENFOLD in run(
        "update", str(facts), "-d", "coo", "--period", "2027-06", "--out", str(tmp_path), *log
    )


def test_the_lead_s_own_baseline_and_an_honest_difference_are_not_named(tmp_path: Path) -> None:
    log = ["--directors", str(TEAM), "--measures", str(FIGURES), "--today", TODAY]
    assert "log's average before the change" not in run("check", str(FACTS), *log)
    # 4,500 a year against the log's 3,446 is an audit that counted more, not a typo.
    honest = typed(tmp_path, "baseline: 3420", "baseline: 4500")
    assert "log's average before the change" not in run("check", str(honest), *log)


def test_a_baseline_a_nought_short_and_a_year_given_per_month(tmp_path: Path) -> None:
    log = ["--directors", str(TEAM), "--measures", str(FIGURES), "--today", TODAY]
    short = typed(tmp_path, "baseline: 3420", "baseline: 342")
    assert (
        "impacts[0].baseline 342 bed days a year is far below the log's average before the "
        "change (July 2026 to December 2026: 287.2 bed days a month, 3,446 a year), which is "
        "about 10 times as much: a typo?"
    ) in run("check", str(short), *log)
    monthly = typed(tmp_path, "per: year\n    baseline: 3420", "per: month\n    baseline: 3420")
    assert (
        "impacts[0].baseline 3,420 bed days a month is about 12 times the log's average "
        "before the change (July 2026 to December 2026: 287.2 bed days a month): is it a "
        "figure a year, not a month? Check the impact's 'per:'"
    ) in run("check", str(monthly), *log)
