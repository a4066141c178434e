"""What a director would query in progress updates and drafts (third reading).

Each test renders an update (or a briefing note), reads its text back and
checks one thing a reader noticed on projects pitchkit had not seen: two
dates that did not say which was which, a table word that contradicted the
variation icon beside it, "no signal" straight after a sustained shift, a
draft that ran to three pages of last period's charts, and English units
in a Welsh note.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from documenttext import body_run_text, document_text
from pitchkit.facts.project import open_project, pick_director
from pitchkit.notes.brief import make_brief_note
from pitchkit.notes.update import make_update
from test_note_truth_spc import NOISE, READMISSIONS, SHARE, _brief, _facts, _log, _update

ROOT = Path(__file__).resolve().parent.parent
FRAILTY = ROOT / "examples" / "frailty-virtual-ward" / "facts.yaml"
TODAY = dt.date(2028, 4, 10)

# A level measure too short to chart (three months), in bed days for the Welsh units.
BED_DAYS = {
    "id": "beddays",
    "measure": "Bed days lost to delayed discharge",
    "unit": "bed days",
    "per": "month",
    "baseline": 900,
    "target": 600,
    "better": "lower",
    "supports": ["coo.occupancy"],
}


def _frailty(director: str, *, period: str | None = None, locale: str | None = None) -> str:
    project = open_project(FRAILTY, locale=locale) if locale else open_project(FRAILTY)
    director_facts = pick_director(project.facts, director)
    data, _info = make_update(project, director_facts, period=period, today=TODAY)
    return document_text(data)


def _row(text: str, measure: str) -> str:
    """The table row (cells joined by |) that starts with ``measure``."""
    # Page 1's "Since the last update" lines start with the measure too, but have no cells.
    return next(line for line in text.splitlines() if line.startswith(measure) and " | " in line)


def test_the_header_date_says_it_is_when_the_figures_were_reported() -> None:
    # The log entry for March 2028 is dated 6 April; the update is written on 10 April.
    # Two bare dates left a director to guess which was which.
    text = _frailty("coo")
    assert "March 2028 · for Tom Okafor, Chief Operating Officer · reported on 6 April 2028" in text
    # The footer gives the same day, not the day it was written (reader25 #14).
    assert "Update for March 2028, reported on 6 April 2028" in text
    assert "written on 10 April 2028" not in text


def test_the_direction_agrees_with_an_improvement_icon() -> None:
    # Bed days: 668 in March 2028 against 660-odd the month before, so "worsening" month on
    # month, while the latest point is in a signal of improvement (two of three points close
    # to the lower limit) and its icon says so. The column now reads the chart.
    row = _row(_frailty("coo"), "Hospital bed days used by people aged 75")
    assert "special cause variation: improvement" in row
    assert row.endswith("| improving"), row
    assert "worsening" not in row
    assert "Measure | Baseline | Target | Latest | How far along | Direction" in _frailty("coo")


def test_a_measure_too_short_to_chart_is_too_early_to_say(
    tmp_path: Path,
) -> None:
    # One month against the one before is mostly noise: the direction waits for the chart
    # (newuser34 #9), where it read "worse than February 2026". These months come before
    # the project's start, so the column says that instead.
    log = _log({"beddays": [880.0, 860.0, 905.0]})  # January to March 2026
    text = _update(_facts(tmp_path, [BED_DAYS], log))
    assert "before the changebefore the change" in text, text
    assert "worse than February 2026" not in text
    assert "worsening" not in text


def test_no_signal_after_a_recalculated_shift_says_it_is_around_the_new_level(
    tmp_path: Path,
) -> None:
    # Six months near 17.5%, then twelve near 30%: a sustained shift, so the limits are
    # recalculated from July 2026 and nothing else stands out. "No signal" straight after
    # "a sustained shift ... improvement" read as a contradiction.
    after = [30.1, 29.4, 30.8, 29.9, 30.5, 29.6, 30.2, 30.9, 29.5, 30.3, 29.8, 30.4]
    text = _update(_facts(tmp_path, [SHARE], _log({"share": [*NOISE[:6], *after]})))
    assert "a sustained shift (12 months above the mean before it, improvement)" in text, text
    assert "No other signal: around the new level" in text
    assert "No signal:" not in text


def test_a_draft_has_no_charts_that_stop_before_its_period(tmp_path: Path) -> None:
    # Eighteen months logged to June 2027, a draft asked for July 2027: the charts would be
    # last month's; the draft says they come with the update instead.
    path = _facts(tmp_path, [SHARE], _log({"share": NOISE}))
    text = _update(path, period="2027-07")
    assert "XmR chart" not in text
    assert "The charts are drawn once the figures for July 2027 are logged" in text


def test_a_welsh_update_writes_common_units_in_welsh(tmp_path: Path) -> None:
    log = _log({"beddays": [880.0, 860.0, 905.0]})
    text = _update(_facts(tmp_path, [BED_DAYS], log), locale="cy_GB")
    assert "905 diwrnod gwely (Mawrth 2026)" in text, text
    assert "900 diwrnod gwely y mis" in text
    assert "bed days y mis" not in text
    assert "bed days (" not in text
    assert "yn waeth na Chwefror" not in text


def test_a_welsh_update_too_short_to_chart_is_too_early_to_say(tmp_path: Path) -> None:
    # A measure too short to chart compared December with Tachwedd ("yn well na Thachwedd
    # 2026"); it no longer compares one month with the last (newuser34 #9).
    log: list[dict[str, Any]] = [
        {"period": "2026-10", "status": "green", "measures": {"beddays": 880}},
        {"period": "2026-11", "status": "green", "measures": {"beddays": 860}},
        {"period": "2026-12", "status": "green", "measures": {"beddays": 850}},
    ]
    text = _update(_facts(tmp_path, [BED_DAYS], log), locale="cy_GB")
    assert "rhy gynnar i ddweud" in text, text
    assert "yn well na Thachwedd" not in text


def test_a_welsh_brief_says_capacity_as_cash_in_plain_welsh(tmp_path: Path) -> None:
    path = _facts(tmp_path, [READMISSIONS])
    project = open_project(path, locale="cy_GB")
    data = make_brief_note(project, pick_director(project.facts, "coo"), today=TODAY).data
    text = body_run_text(data)
    assert "pe bai'r capasiti'n troi'n arian parod" in text, text
    assert "os troir" not in text
    assert "£2,629 am bob aildderbyniad" in text
    assert _brief(path, "coo")  # the English note still renders


def test_noise_a_little_better_than_baseline_is_not_a_share_of_the_way(tmp_path: Path) -> None:
    # Eighteen months of noise around 17.5% against a baseline of 18% and a target of 35%:
    # the last figure, 18.0%, is no progress the chart can show, so the table does not call
    # a noisy month above the baseline "n% of the way to target".
    path = _facts(tmp_path, [SHARE], _log({"share": [*NOISE[:17], 18.6]}))
    row = _row(document_text_of(path), "Medical take managed the same day in SDEC")
    # fixupd28: shorter, for the narrow column beside "within normal variation".
    assert "no change yet beyond normal variation" in row, row
    assert "of the way to target" not in row


def test_a_target_that_rounds_to_the_baseline_keeps_a_decimal() -> None:
    # The falls example's pressure ulcers: 40 a year and a target of 32, 3.33 and 2.67 a
    # month. Whole numbers made both "3 pressure ulcers a month", a target of no change.
    project = open_project(ROOT / "examples" / "falls-prevention" / "facts.yaml")
    data, _info = make_update(project, pick_director(project.facts, "don"), today=TODAY)
    row = _row(document_text(data), "Category 2 or worse pressure ulcers")
    assert "| 3.3 pressure ulcers a month | 2.7 pressure ulcers a month |" in row, row


def document_text_of(path: Path) -> str:
    """The update for the Chief Operating Officer of the facts at ``path``, as a reader sees it."""
    project = open_project(path)
    data, _info = make_update(project, pick_director(project.facts, "coo"), today=TODAY)
    return document_text(data)


def test_a_title_that_reads_as_a_negative_is_not_the_headlines_subject(tmp_path: Path) -> None:
    # "No off-framework nurse agency shifts does not yet link to your objectives" read as a
    # double negative; the title is the note's heading just above, so the sentence says
    # "This project". Welsh: "Nid yw'r prosiect hwn", not "Nid yw y prosiect hwn".
    path = _facts(tmp_path, [SHARE])
    data = ruamel_load(path)
    data["project"]["title"] = "No off-framework nurse agency shifts"
    data["impacts"][0].pop("supports", None)
    ruamel_dump(data, path)
    text = _brief(path, "md")
    assert "This project does not yet link to your objectives" in text, text
    assert "shifts does not yet link" not in text
    project = open_project(path, locale="cy_GB")
    welsh = body_run_text(
        make_brief_note(project, pick_director(project.facts, "md"), today=TODAY).data
    )
    assert "Nid yw'r prosiect hwn yn cysylltu â'ch amcanion eto" in welsh, welsh


def ruamel_load(path: Path) -> Any:
    """The facts file at ``path`` as data."""
    return YAML().load(path.read_text(encoding="utf-8"))


def ruamel_dump(data: Any, path: Path) -> None:
    """Write ``data`` back to ``path``."""
    with path.open("w", encoding="utf-8") as out:
        YAML().dump(data, out)


def test_a_late_drafts_next_update_keeps_the_logs_rhythm(tmp_path: Path) -> None:
    # March 2028's figures were reported on 6 April, six days after March ended. A draft
    # for April 2028 written on 10 May used to say the next update was due on 31 May;
    # at the log's rhythm April's is reported on 6 May, and the next is due on 6 June.
    # The project runs a year longer here: after its end no next update is offered
    # (fixupd25a #5).
    facts = tmp_path / "facts.yaml"
    text = FRAILTY.read_text(encoding="utf-8")
    assert "  end: 2028-03-31\n" in text
    facts.write_text(text.replace("  end: 2028-03-31\n", "  end: 2029-03-31\n"), encoding="utf-8")
    project = open_project(facts)
    director = pick_director(project.facts, "coo")
    data, _info = make_update(project, director, period="2028-04", today=dt.date(2028, 5, 10))
    text = document_text(data)
    assert "[Green, amber or red" in text  # a draft
    assert _row(text, "Next update") == "Next update | 6 June 2028"


def test_a_quarter_too_short_to_show_a_change_is_not_a_share_of_the_way(tmp_path: Path) -> None:
    # Three months after the start, each better than the baseline (18%): 24%, 26% and 28%,
    # 26% on average over the quarter. One quarter cannot show a change, and the sentence
    # for the board says none can be reported yet; the table said "47% of the way to
    # target" beside it. Now the table and the sentence agree, month or quarter.
    log = [
        {"period": f"2026-{month:02d}", "status": "green", "measures": {"share": value}}
        for month, value in ((7, 24), (8, 26), (9, 28))
    ]
    path = _facts(tmp_path, [SHARE], log)
    for period in ("2026-Q3", "2026-09"):
        project = open_project(path)
        data, _info = make_update(
            project, pick_director(project.facts, "coo"), period=period, today=TODAY
        )
        text = document_text(data)
        row = _row(text, "Medical take managed the same day in SDEC")
        assert "too few figures yet to show a change from baseline" in row, (period, row)
        assert "of the way to target" not in row, (period, row)
        assert "its figures do not yet show a change we can report" in text, period


def test_a_yearly_rate_scaled_to_a_month_keeps_its_half(tmp_path: Path) -> None:
    # Radiology sessions: 150 a year (12.5 a month) and a target of 30 (2.5 a month). Rounded
    # to whole numbers they read "13 sessions a month" and "3 sessions a month", so a latest
    # figure of 3 looked like the target reached, beside "95% of the way to target" (worked
    # out, rightly, from 12.5 and 2.5: (12.5 - 3) / (12.5 - 2.5) = 95%).
    sessions = {
        "id": "sessions",
        "measure": "Interventional radiology sessions for line insertion",
        "unit": "sessions",
        "per": "year",
        "baseline": 150,
        "target": 30,
        "supports": ["coo.occupancy"],
    }
    figures: list[float | None] = [12, 13, 12, 13, 12, 13, 8, 6, 5, 4, 4, 3, 3, 4, 3, 3, 4, 3]
    path = _facts(tmp_path, [sessions], _log({"sessions": figures}))
    row = _row(document_text_of(path), "Interventional radiology sessions")
    assert "| 12.5 sessions a month | 2.5 sessions a month | 3 sessions (June 2027) |" in row, row
    assert "95% of the way to target" in row, row
