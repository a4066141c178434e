"""The same figures get the same judgement, in the table, the charts and the money block.

From newuser7's acceptance trial (three new projects run as a new user would):

- 3: a first month after the change already better than the baseline (15 admissions
  against 20) sat above limits made from the months since, and read "(concern)", while
  a measure of the same shape in the same update read "(the old level)";
- 5: a run chart (8 to 11 figures) called a fall from 60 to 25 a quarter "within normal
  variation", though every figure since is below every figure before;
- 6: one step inside the baseline's range in the month before the change (11 to 12
  challenges) made a rise that starts at the change "improving since before the
  change", and not counted, while the same shape a month later was counted;
- 4: with a start on 5 January, the finance block counted January's figure as 27/31 of
  a month, while the update counted it whole.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docchecks import docx_text
from pitchkit.api import BriefRequest, UpdateRequest, write_brief, write_update

HEAD = """\
version: 1.1
project:
  title: Nurse-led day unit
  organisation: Example Hospitals NHS Trust
  lead: {name: Sam Jones, role: Clinical Nurse Specialist}
  problem: Patients who need a planned procedure are admitted overnight and wait two weeks.
  change: A nurse-led day unit that does the procedure without an overnight stay.
  start: 2026-01-05
  end: 2027-03-31
  funding: {amount: 90000, source: Service Improvement Fund, status: requested}
asks:
  - Sponsor our bid to the Service Improvement Fund
meeting: {date: 2026-12-12, director: coo}
settings: {locale: LOCALE}
directors:
  - id: coo
    name: Alex Reid
    role: Chief Operating Officer
    objectives:
      - {id: beds, text: Bring bed occupancy down to 92%, kind: organisational, themes: [flow]}
  - id: dof
    name: Helen Carter
    role: Director of Finance
    objectives:
      - {id: savings, text: Deliver the £25m savings plan, kind: organisational, themes: [finance]}
impacts:
"""


def _facts(
    tmp: Path,
    impacts: str,
    figures: dict[str, list[float | None]],
    *,
    first: str = "2025-09",
    quarterly: bool = False,
    locale: str = "en_GB",
) -> Path:
    """A facts file with ``impacts`` and a log of ``figures``, one list per measure."""
    year, step = int(first[:4]), 0
    lines = [HEAD.replace("LOCALE", locale) + impacts, "updates:"]
    count = len(next(iter(figures.values())))
    for index in range(count):
        if quarterly:
            month = 3 * (int(first[-1]) - 1) + 3 * index
            period = f"{year + month // 12}-Q{month % 12 // 3 + 1}"
        else:
            month = int(first[5:]) - 1 + index
            period = f"{year + month // 12}-{month % 12 + 1:02d}"
        measures = {k: v[index] for k, v in figures.items() if v[index] is not None}
        if not measures:
            continue
        shown = ", ".join(f"{k}: {v:g}" for k, v in measures.items())
        lines.append(f"  - period: {period}\n    status: green\n    measures: {{{shown}}}")
        step += 1
    path = tmp / "facts.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _update(tmp: Path, facts: Path, period: str, director: str = "coo") -> list[str]:
    request = UpdateRequest(
        facts=facts, director=director, period=period, out=tmp / period, today=dt.date(2026, 12, 5)
    )
    [path] = write_update(request).written
    return docx_text(path).splitlines()


def _row(lines: list[str], measure: str) -> list[str]:
    """The table row of ``measure``: its six cells, one a line in the document's text."""
    start = lines.index(measure)
    return lines[start : start + 6]


def _chart_words(lines: list[str], measure: str) -> str:
    """The words under the chart of ``measure`` (after its title and its picture)."""
    start = lines.index(next(line for line in lines if line.startswith(measure + " (")))
    return next(line for line in lines[start + 1 :] if line.strip())


ADMISSIONS = """\
  - id: admissions
    measure: Overnight admissions for a planned procedure
    unit: admissions
    per: month
    baseline: 20
    target: 5
    better: lower
    value: {amount: 690, source: Short overnight stay, price_year: 2025/26}
    releases: capacity
  - id: wait
    measure: Average wait for the procedure
    unit: days
    baseline: 14
    target: 3
    better: lower
"""

# Four months before the change (too few for a baseline of the chart's own), then nine
# months since, with no figure for February 2026: an XmR chart whose limits come from the
# months since the change. January is 15 admissions and 10 days: better than before, not
# yet at the new level, and above the limits the later months make.
STEPPING = {
    "admissions": [21.0, 19, 22, 20, 15, None, 10, 8, 7, 6, 5, 6, 5, 4],
    "wait": [15.0, 14, 13, 14, 10, None, 8, 6, 5, 4, 4, 3, 3, 3],
}


def test_a_first_month_better_than_before_is_on_the_way_not_a_concern(tmp_path: Path) -> None:
    lines = _update(tmp_path, _facts(tmp_path, ADMISSIONS, STEPPING), "2026-10")
    admissions = _chart_words(lines, "Overnight admissions for a planned procedure")
    wait = _chart_words(lines, "Average wait for the procedure")
    assert "1 point above the upper limit (on the way to the new level), January 2026" in (
        admissions
    ), admissions
    # The wait's first months are the same step, worded by the same rule.
    assert (
        "2 points above the upper limit (on the way to the new level), January to March 2026 "
        "(no figure for February 2026)"
    ) in wait, wait
    for words in (admissions, wait):
        assert "(concern)" not in words
        assert "(the old level)" not in words


def test_a_first_month_on_the_way_in_welsh(tmp_path: Path) -> None:
    facts = _facts(tmp_path, ADMISSIONS, STEPPING, locale="cy_GB")
    text = "\n".join(_update(tmp_path, facts, "2026-10"))
    assert "1 pwynt uwchlaw'r terfyn uchaf (ar y ffordd i'r lefel newydd)" in text, text
    assert "(pryder)" not in text


REFERRALS = """\
  - id: referrals
    measure: Procedures sent to the independent sector
    unit: procedures
    per: quarter
    baseline: 60
    target: 0
    better: lower
  - id: steady
    measure: Procedures cancelled on the day
    unit: procedures
    per: quarter
    baseline: 30
    target: 10
    better: lower
"""


def test_a_run_chart_does_not_call_a_fall_past_every_figure_normal(tmp_path: Path) -> None:
    # Five quarters before the change (58 to 62, October 2024 to December 2025), then 50,
    # 35, 25: eight figures, a run chart with no shift or trend yet. The latest is below
    # every figure before by 33, far more than their range (4): not "within normal
    # variation", and not yet a change the update can count. (It started in 2024-Q2, which
    # put the change after seven figures, 50 and 35 among them.)
    figures: dict[str, list[float | None]] = {
        "referrals": [58.0, 62, 61, 59, 60, 50, 35, 25],
        "steady": [31.0, 29, 32, 28, 30, 31, 29, 30],
    }
    facts = _facts(tmp_path, REFERRALS, figures, first="2024-Q4", quarterly=True)
    lines = _update(tmp_path, facts, "2026-Q3")
    row = _row(lines, "Procedures sent to the independent sector")
    assert row[-2:] == [
        # fixupd28: shorter, for the narrow column beside "within normal variation".
        "no change yet beyond normal variation",
        "below every figure before the change; no signal yet",
    ], row
    words = _chart_words(lines, "Procedures sent to the independent sector")
    assert words.endswith(
        "No signal yet: a run chart shows a change only as a shift or a trend, and these "
        "figures show neither."
    ), words
    assert "chance alone" not in words
    # A measure that stays inside the range it had before is within normal variation.
    assert _row(lines, "Procedures cancelled on the day")[-1] == "within normal variation"


def test_a_latest_figure_just_past_a_few_before_is_normal_variation(tmp_path: Path) -> None:
    # review13 L4: 200, 205, 195, 198 before the change (September to December 2025), then
    # 199, 196, 201, 194. The latest is 1 below the lowest of four figures before: on figures
    # varying by chance alone that happens 1 time in 5, so it is not worth saying. A latest
    # figure counts as beyond only when it is past the nearest by their whole range (10 here).
    figures: dict[str, list[float | None]] = {
        "referrals": [200.0, 205, 195, 198, 199, 196, 201, 194],
        "steady": [31.0, 29, 32, 28, 30, 31, 29, 30],
    }
    lines = _update(tmp_path, _facts(tmp_path, REFERRALS, figures), "2026-04")
    row = _row(lines, "Procedures sent to the independent sector")
    assert row[-1] == "within normal variation", row
    words = _chart_words(lines, "Procedures sent to the independent sector")
    assert "No signal yet: a run chart" not in words, words
    # 185 is 10 below the lowest (195), the whole range of those before (205 - 195): said.
    figures["referrals"][-1] = 185.0
    lines = _update(tmp_path / "far", _facts(tmp_path, REFERRALS, figures), "2026-04")
    row = _row(lines, "Procedures sent to the independent sector")
    assert row[-1] == "below every figure before the change; no signal yet", row


def test_a_move_from_a_flat_before_period_is_not_far_past_it(tmp_path: Path) -> None:
    # review14 #7: 12, 12, 12, 12 before the change, then 12, 12, 12, 11. The range before is
    # 0, so any move clears it: there is no yardstick, and nothing is said (docs/spc.md).
    figures: dict[str, list[float | None]] = {
        "referrals": [12.0, 12, 12, 12, 12, 12, 12, 11],
        "steady": [31.0, 29, 32, 28, 30, 31, 29, 30],
    }
    lines = _update(tmp_path, _facts(tmp_path, REFERRALS, figures), "2026-04")
    row = _row(lines, "Procedures sent to the independent sector")
    assert row[-1] == "within normal variation", row
    words = _chart_words(lines, "Procedures sent to the independent sector")
    assert "No signal yet: a run chart" not in words, words
    # One figure of spread before is a yardstick again: 12, 13, 12, 12, then 10 is 2 below.
    figures["referrals"] = [12.0, 13, 12, 12, 12, 12, 12, 10]
    lines = _update(tmp_path / "spread", _facts(tmp_path, REFERRALS, figures), "2026-04")
    row = _row(lines, "Procedures sent to the independent sector")
    assert row[-1] == "below every figure before the change; no signal yet", row


CHALLENGES = """\
  - id: challenges
    measure: Supervised food challenges completed
    unit: challenges
    per: month
    baseline: 12
    target: 40
    better: higher
  - id: plans
    measure: Children discharged with a written action plan
    unit: challenges
    per: month
    baseline: 12
    target: 40
    better: higher
  - id: earlier
    measure: Patients seen in clinic
    unit: patients
    per: month
    baseline: 12
    target: 40
    better: higher
"""


def test_a_rise_from_the_change_counts_whatever_step_came_before(tmp_path: Path) -> None:
    # Six months before the change, then five months rising. Challenges step 11 to 12 from
    # November to December, inside the range of the months before (11 to 13): the rise
    # starts at the change, as it does for plans, whose step up is in January. The clinic's
    # rise began in July, six months rising before the change: that one is not the change's.
    figures: dict[str, list[float | None]] = {
        "challenges": [11.0, 12, 12, 13, 11, 12, 15, 20, 24, None, 28, 30],
        "plans": [12.0, 11, 12, 13, 12, 11, 15, 20, 24, None, 28, 30],
        "earlier": [6.0, 7, 8, 9, 10, 11, 15, 20, 24, None, 28, 30],
    }
    facts = _facts(tmp_path, CHALLENGES, figures, first="2025-07")
    lines = _update(tmp_path, facts, "2026-06")
    challenges = _row(lines, "Supervised food challenges completed")
    plans = _row(lines, "Children discharged with a written action plan")
    assert challenges[-2:] == plans[-2:] == ["64% of the way to target", "improving"], (
        challenges,
        plans,
    )
    earlier = _row(lines, "Patients seen in clinic")
    assert earlier[-1] == "improving since before the change", earlier
    # Both are counted alike in the sentence for the board (117 - 5 x 11.83, the average
    # before the change, is 58); the clinic is not.
    opening = ("As executive sponsor", "The team running")
    [board] = [line for line in lines if line.startswith(opening)]
    assert "an increase of 58 in supervised food challenges completed" in board, board
    assert "58 more children discharged with a written action plan" in board
    assert "clinic" not in board


AGENCY = """\
  - id: agency
    measure: Agency nurse shifts on the ward
    unit: shifts
    per: month
    baseline: 20
    target: 8
    better: lower
    value: {amount: 380, source: Agency rate per shift, price_year: 2025/26}
    releases: cash
"""


def test_the_month_the_change_starts_in_counts_whole_in_the_money_block(tmp_path: Path) -> None:
    # The project starts on 5 January 2026. January to March save 10 + 9 + 11 = 30 shifts
    # against the baseline of 20 a month, at £390 a shift (2026/27 prices): £11,700, as
    # the update counts January whole. Cut to 27/31 of January it was £11,197, "£11,000".
    # April to November save 80 more (£31,200): the update's 110 shifts, £42,900.
    figures: dict[str, list[float | None]] = {
        "agency": [21.0, 20, 19, 22, 10, 11, 9, 10, 11, 9, 10, 10, 11, 9, 10]
    }
    facts = _facts(tmp_path, AGENCY, figures)
    request = BriefRequest(facts=facts, director="dof", out=tmp_path, today=dt.date(2026, 12, 5))
    [path] = write_brief(request).written
    [line] = [line for line in docx_text(path).splitlines() if line.startswith("Benefit")]
    # fixbrief29: totals re-add at a finer step (30 x £390 = £11,700; 80 x £390 = £31,200).
    assert "2025/26 £11,700 delivered" in line, line
    assert "(£31,200 delivered to the end of November 2026" in line
    update = _update(tmp_path, facts, "2026-11", "dof")
    opening = ("As executive sponsor", "The team running")
    [board] = [line for line in update if line.startswith(opening)]
    assert "110 fewer agency nurse shifts on the ward (worth £43,000" in board


TRANSPORT = """\
  - id: transport
    measure: Bed days lost to patients waiting for transport
    unit: bed days
    per: month
    baseline: 103
    target: 80
    better: lower
    value: {amount: 100, source: Bed day cost, price_year: 2026/27}
    releases: cash
"""


def test_a_trend_from_inside_a_short_baseline_is_not_the_changes(tmp_path: Path) -> None:
    # review13 F1: four months before the change (too few for a baseline of the chart's
    # own). The fall 110, 102, 100, 99 goes on to 96 in January, the first month of the
    # change, and makes a trend; then the figures go back among the baseline's. Four of
    # the trend's five points come before the change: the table, the delivered column,
    # the sentence for the board and the money block all say no change can be shown.
    figures: dict[str, list[float | None]] = {
        "transport": [110.0, 102, 100, 99, 96, 99, 107, 93, 98, 106]
    }
    facts = _facts(tmp_path, TRANSPORT, figures)
    lines = _update(tmp_path, facts, "2026-06", "dof")
    row = _row(lines, "Bed days lost to patients waiting for transport")
    assert row[-2:] == ["not yet better than baseline", "within normal variation"], row
    words = _chart_words(lines, "Bed days lost to patients waiting for transport")
    # The four figures before the change show no improvement of their own (fixleft22a), so
    # the trend is not the change's; it did fall before the change, and its words say so
    # rather than "(improvement)" above a row of no change (newuser32 #5).
    assert (
        "a trend of 5 months falling (falling since before the change began, so not counted as "
        "the project's), September 2025 to January 2026"
    ) in words, words
    assert "(improvement)" not in words, words
    board = "\n".join(lines[lines.index("For your board report") + 1 :][:1])
    assert board.endswith("its figures do not yet show a change we can report."), board
    request = BriefRequest(facts=facts, director="dof", out=tmp_path, today=dt.date(2026, 12, 5))
    [path] = write_brief(request).written
    [money] = [line for line in docx_text(path).splitlines() if line.startswith("Benefit")]
    assert "2025/26 £0 counted" in money, money
    assert "2026/27 £0 forecast" in money, money


def test_a_trend_with_five_points_before_the_change_is_not_the_changes(tmp_path: Path) -> None:
    # review13 F1's second case: the trend runs from the first figure, 111 to 101 before the
    # change and on to 95; the figures since the change make no trend of their own.
    figures: dict[str, list[float | None]] = {
        "transport": [111.0, 103, 103, 102, 101, 101, 95, 105, 103, 94]
    }
    facts = _facts(tmp_path, TRANSPORT, figures, first="2025-08")
    lines = _update(tmp_path, facts, "2026-05", "dof")
    row = _row(lines, "Bed days lost to patients waiting for transport")
    # fixupd28: shorter, for the narrow column beside "within normal variation".
    assert row[-2] == "no change yet beyond normal variation", row
    assert "at the improved level" not in row[-1], row
    words = _chart_words(lines, "Bed days lost to patients waiting for transport")
    assert (
        "a trend of 5 months falling (falling since before the change began, so not counted as "
        "the project's), August 2025 to February 2026"
    ) in words, words
    assert "(improvement)" not in words, words
    board = lines[lines.index("For your board report") + 1]
    assert board.endswith("its figures do not yet show a change we can report."), board
