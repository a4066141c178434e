"""An update reads only the periods that are over on the day it is written.

A quarterly log whose latest entry is for the quarter still under way (dated
after today) must not make that quarter the default update, nor count its
figures as delivered: a brief written the same day counts only the quarters
ended. Asked for by ``--period``, the quarter is written with a warning; and
``pitchkit check`` flags the entry dated in the future.

The log is laid out around the real date, so that the commands run as a lead
would run them today.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from typer.testing import CliRunner

from docchecks import docx_text
from pitchkit.cli import app
from pitchkit.i18n import fmt
from pitchkit.i18n.translation import language
from pitchkit.period import Period, period_at

EN = language("en_GB")

FACTS = """\
project:
  title: Seven-day early pregnancy unit
  organisation: Example NHS Trust
  lead: {{name: Jo Bloggs, role: Gynaecology lead, email: jo@example.nhs.uk}}
  problem: Women wait in the emergency department for an early pregnancy scan.
  change: A seven-day early pregnancy assessment unit with its own sonographer.
  start: {start}
impacts:
  - id: locum
    measure: Locum sonographer sessions
    unit: sessions
    per: quarter
    baseline: 100
    target: 40
    better: lower
    supports: [dof.agency]
directors:
  - id: dof
    name: Priya Shah
    role: Director of Finance
    objectives:
      - id: agency
        text: Reduce temporary staffing by 15%
        kind: organisational
updates:
{log}"""


def _quarters() -> tuple[list[Period], Period]:
    """Twelve quarters ended by today, oldest first, and the quarter under way."""
    current = period_at(dt.date.today(), "quarter")
    ended: list[Period] = []
    at = current
    for _ in range(12):
        at = period_at(at.start - dt.timedelta(days=1), "quarter")
        ended.insert(0, at)
    return ended, current


def _facts(tmp_path: Path, *, ahead: dt.date | None = None) -> tuple[Path, list[Period], Period]:
    """The facts file: 100 sessions a quarter for 6 quarters, then 50, then 10 under way.

    ``ahead`` dates the last ended quarter's entry after today instead.
    """
    ended, current = _quarters()
    figures = [100, 101, 99, 100, 102, 98, 50, 51, 49, 50, 50, 50]
    lines = []
    for n, (period, value) in enumerate(zip(ended, figures, strict=True)):
        date = ahead if ahead is not None and n == len(ended) - 1 else period.end
        date = date + dt.timedelta(days=10) if date == period.end else date
        lines.append(
            f"  - period: {period.text}\n    date: {date.isoformat()}\n    status: green\n"
            f"    measures: {{locum: {value}}}\n"
        )
    if ahead is None:
        # The quarter under way, typed in ahead of its end: its figure is not in yet.
        lines.append(
            f"  - period: {current.text}\n"
            f"    date: {(current.end + dt.timedelta(days=10)).isoformat()}\n"
            f"    status: green\n    measures: {{locum: 10}}\n"
        )
    path = tmp_path / "facts.yaml"
    start = ended[6].start.isoformat()
    path.write_text(FACTS.format(start=start, log="".join(lines)), encoding="utf-8")
    return path, ended, current


def _update(path: Path, *args: str) -> tuple[str, str]:
    """Run ``pitchkit update`` for the finance director; the document's words and stderr."""
    out = path.parent / "update.docx"
    result = CliRunner().invoke(
        app, ["update", str(path), "-d", "dof", "-o", str(out), "--force", *args]
    )
    assert result.exit_code == 0, result.stderr
    return docx_text(out), result.stderr


def _label(period: Period) -> str:
    return fmt.period_label(period.text, EN)


def test_the_default_update_is_the_last_quarter_that_has_ended(tmp_path: Path) -> None:
    path, ended, current = _facts(tmp_path)
    text, err = _update(path)
    header = text.splitlines()[1]
    assert header.startswith(f"{_label(ended[-1])} · for Priya Shah"), header
    assert _label(current) not in header
    # 6 quarters at about 50 against 100: 300 sessions fewer, not 390 with the one under way.
    assert "300 sessions fewer" in text, text
    assert "390 sessions" not in text
    assert "not over yet" not in err


def test_a_quarter_under_way_asked_for_is_warned_of_and_not_counted(tmp_path: Path) -> None:
    path, _ended, current = _facts(tmp_path)
    text, err = _update(path, "--period", current.text)
    warning = (
        f"warning: {_label(current)} is not over yet (it ends on {fmt.date(current.end, EN)}): "
        "its figures are left out until it is, so the totals run to the last period that "
        "has ended"
    )
    assert warning in " ".join(err.split()), err
    assert text.splitlines()[1].startswith(f"{_label(current)} · for Priya Shah")
    assert "300 sessions fewer" in text, text
    assert "390 sessions" not in text
    assert f"10 sessions ({_label(current)})" not in text


def test_an_entry_dated_in_the_future_is_warned_of_and_checked(tmp_path: Path) -> None:
    ahead = dt.date.today() + dt.timedelta(days=40)
    path, ended, _current = _facts(tmp_path, ahead=ahead)
    _text, err = _update(path)
    said = " ".join(err.split())
    assert (
        f"warning: the progress log's entry for {_label(ended[-1])} is dated "
        f"{fmt.date(ahead, EN)}, after today: check its date"
    ) in said, err
    result = CliRunner().invoke(app, ["check", str(path)])
    out = " ".join(result.stdout.split())
    assert (
        f"log-dated-ahead: The progress log's entry for {_label(ended[-1])} is dated in the future."
    ) in out, result.stdout
    assert f"updates[11].date is {fmt.date(ahead, EN)}" in out
