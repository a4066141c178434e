"""Updates and briefs claim only a sustained change, build quarters from months, forecast by months.

The crisis home treatment project (``tests/data/newuser13/mh``, a trial on 5
December 2026) keeps 26 months of figures in ``log.xlsx``, the change in
October 2025:

- out-of-area placement bed days 290 to 330 in every month but June 2026
  (120): one point below the lower limit, the thirteen other months since
  the change at the old level (median 302.5 against a baseline mean of
  309.2, which is chance). The update had read "at the improved level",
  "237 bed days fewer", and a board sentence claiming the reduction; the
  finance director's brief had counted June as £142,000 delivered (item 1);
- July, August and September 2026 for every monthly measure, yet the
  2026-Q3 update was a blank fill-in with a month's "Last known" set beside
  a quarter's target and a "Next update" already past (item 4);
- the year under way forecast by days, where a finance director works by
  months (× 12 ÷ 8) (item 11).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pitchkit.api.previewing import PreviewRequest, preview
from pitchkit.notes.preview import plain_preview

DATA = Path(__file__).resolve().parent / "data" / "newuser13"
MH = DATA / "mh" / "facts.yaml"
NOOV = DATA / "mh" / "facts-noov.yaml"
TEAM = DATA / "mh" / "team.csv"
TODAY = dt.date(2026, 12, 5)
OAP = "Inappropriate out-of-area placement bed days"


def note(
    facts: Path,
    director: str,
    *,
    kind: str = "brief",
    period: str | None = None,
    today: dt.date = TODAY,
) -> str:
    request = PreviewRequest(
        facts=facts, director=director, directors=TEAM, kind=kind, period=period, today=today
    )
    result = preview(request)
    return plain_preview(result.preview, result.lang)


def row(text: str, measure: str) -> str:
    """The table row of ``measure``."""
    return next(line for line in text.splitlines() if line.strip().startswith(f"{measure} |"))


def flat(text: str) -> str:
    return " ".join(text.split())


def test_one_good_month_is_not_delivered_in_the_update() -> None:
    """Item 1: June's 120 is a signal about June, not a new level: nothing delivered."""
    text = note(MH, "dof", kind="update", period="2026-11")
    oap = row(text, OAP)
    assert "at the improved level" not in oap
    assert "no change from baseline can be told apart yet" in oap
    words = flat(text)
    assert "237 bed days fewer" not in words
    assert (
        f"{OAP}: one better month (June 2026), not yet a sustained change; 6 more months better "
        "than the baseline could show one" in words
    )
    # The sentence for the board claims the sustained shift (admissions), not the bed days.
    board = next(line for line in text.splitlines() if "I can report" in line)
    assert "out-of-area placement bed days" not in board
    assert "a reduction of 117 in out-of-hours admissions" in board


def test_one_good_month_is_no_money_in_the_brief() -> None:
    """Item 1: the finance director's brief counts nothing for June's one good month."""
    text = flat(note(NOOV, "dof"))
    assert "£142,000 delivered" not in text
    assert "2025/26 £4,000" not in text
    assert "the plan counts £1,552,000 a year of cash (210 fewer bed days a month), but" in text
    assert "So far the log's figures, to the end of November 2026, do not show the change" in text
    assert "2026/27 £0 forecast for £160,000" in text
