"""Nothing stale in an update: asks, advice, board sentence and footer belong to its period.

Every test renders a real update of a bundled example and reads the
document back.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from docchecks import check_docx, docx_text
from pitchkit.facts.project import open_project, pick_director
from pitchkit.notes.update import make_update
from pitchkit.notes.update.carryover import still_current
from pitchkit.notes.update.progress import parse_period

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
WRITTEN = dt.date(2026, 12, 3)
#: Asks and questions of each example about the first approach or the bid, or past their date.
STALE = {
    "frailty-virtual-ward": (
        "before the bid goes in",
        "Health Foundation application",
    ),
    "falls-prevention": (
        "sign the charity application",
        "committee in October 2027",
    ),
    "ysbyty-cymunedol": ("Regional Integration Fund bid",),
}


def update_lines(
    tmp: Path, example: str, period: str | None, locale: str | None = None, director: str = ""
) -> list[str]:
    """The words of the example's update for ``period``, one paragraph a line."""
    project = open_project(EXAMPLES / example / "facts.yaml", locale=locale)
    chosen = pick_director(project.facts, director or None)
    data, info = make_update(project, chosen, period=period, today=WRITTEN)
    path = tmp / f"{example}-{info.period}-{locale or 'en'}.docx"
    path.write_bytes(data)
    check_docx(path)
    return docx_text(path).splitlines()


def section(lines: list[str], heading: str, ends: tuple[str, ...]) -> list[str]:
    """The lines after ``heading`` up to the first of ``ends``."""
    start = lines.index(heading) + 1
    stop = min(lines.index(end, start) for end in ends if end in lines[start:])
    return lines[start:stop]


def latest_logged(example: str) -> str:
    project = open_project(EXAMPLES / example / "facts.yaml")
    return max((u.period for u in project.facts.updates), key=parse_period)


@pytest.mark.parametrize("example", sorted(STALE))
def test_no_update_of_a_started_project_mentions_its_bid(tmp_path: Path, example: str) -> None:
    latest = latest_logged(example)
    following = parse_period(latest).following().text
    for period in (latest, following):
        text = "\n".join(update_lines(tmp_path, example, period))
        for words in STALE[example]:
            assert words not in text, (example, period, words)


def test_a_february_2028_update_carries_over_only_current_questions_marked(
    tmp_path: Path,
) -> None:
    # February, not March: in the project's last month (March 2028) no question is carried
    # over any more (fixupd25b #13).
    lines = update_lines(tmp_path, "frailty-virtual-ward", "2028-02")
    # fixupd28: with nothing else asked, the advice sits under "Where we need your help" after
    # its lead, without a "Your advice" heading of its own.
    lead, *advice = section(lines, "Where we need your help", ("This period and next",))
    assert lead.startswith("Nothing is asked of you this period beyond your advice below")
    assert advice
    assert all(line.endswith("(carried over)") for line in advice), advice
    assert not any("bid" in line for line in advice)
    assert not any(
        line.endswith("(carried over)")
        for line in update_lines(tmp_path, "frailty-virtual-ward", "2028-03")
    )
    welsh = update_lines(tmp_path, "frailty-virtual-ward", "2028-02", locale="cy")
    arweiniad, *cyngor = section(
        welsh, "Ble mae angen eich help", ("Y cyfnod hwn a’r nesaf", "Y cyfnod hwn a'r nesaf")
    )
    assert arweiniad.startswith("Nid ydym yn gofyn am ddim gennych y cyfnod hwn")
    assert cyngor
    assert all(line.endswith("(wedi'i gario ymlaen)") for line in cyngor), cyngor


def test_a_periods_own_advice_is_shown_alone(tmp_path: Path) -> None:
    # January 2028 logs its own question about framing the business case.
    lines = update_lines(tmp_path, "frailty-virtual-ward", "2028-01")
    advice = section(lines, "Your advice", ("This period and next",))
    assert advice == ["Should the case be framed as a cost improvement scheme or as an investment?"]


def test_a_fill_in_brackets_every_sentence_without_this_periods_data(tmp_path: Path) -> None:
    lines = update_lines(tmp_path, "frailty-virtual-ward", "2028-04")
    help_part = section(lines, "Where we need your help", ("This period and next",))
    for line in help_part:
        if line in {"Barriers", "What we ask of you", "Your advice"}:
            continue
        assert line.startswith("["), line
        assert line.endswith("]"), line
    assert any(line.startswith("[Carried over, keep or delete: ") for line in help_part)
    board = next(line for line in lines if "As executive sponsor" in line)
    assert board.startswith(
        "[Worded from the figures to the end of March 2028; update it for this period: As "
        "executive sponsor"
    )
    assert board.endswith("]")
    # A fill-in has no chart, so no "Charts" heading since fixchart26: its note ends the part.
    ends = ("Next update: 31 May 2028", "Charts")
    ends += tuple(line for line in lines if line.startswith("The charts are drawn once"))
    for line in section(lines, "This period and next", ends):
        if line not in {"Done this period", "Next steps"}:
            assert line.startswith("["), line
            assert line.endswith("]"), line


def test_a_fill_in_in_welsh_brackets_the_board_sentence_too(tmp_path: Path) -> None:
    lines = update_lines(tmp_path, "frailty-virtual-ward", "2028-04", locale="cy")
    board = next(line for line in lines if "Fel noddwr" in line)
    assert board.startswith("[Wedi'i eirio o'r ffigurau hyd at ddiwedd Mawrth 2028")
    assert board.endswith("]")


@pytest.mark.parametrize(
    ("period", "locale", "expected"),
    [
        # March 2028 has a logged report date (6 April 2028), which the header gives: the
        # footer gives the same date (reader24 #15), not the day the draft was made.
        ("2028-03", None, "Update for March 2028, reported on 6 April 2028"),
        (
            "2028-04",
            None,
            "Update for April 2028, drafted on 3 December 2026, before the period began",
        ),
        ("2028-03", "cy", "Diweddariad ar gyfer Mawrth 2028, adroddwyd ar 6 Ebrill 2028"),
    ],
)
def test_the_footer_dates_the_update_by_its_period_and_the_day_written(
    tmp_path: Path, period: str, locale: str | None, expected: str
) -> None:
    footer = update_lines(tmp_path, "frailty-virtual-ward", period, locale=locale)[-1]
    assert footer.endswith(expected), footer
    assert "Prepared on" not in footer


@pytest.mark.parametrize(
    ("text", "period", "current"),
    [
        ("Who else should hear about this before the bid goes in?", "2028-03", False),
        ("Sign the application by 15 January 2027", "2027-01", False),
        ("Present our progress at the committee in October 2027", "2027-10", True),
        ("Present our progress at the committee in October 2027", "2027-11", False),
        ("Chair the project board once a quarter, starting April 2027", "2028-03", True),
        ("Which measure would give the committee most assurance?", "2028-03", True),
        ("Is this a significant change?", "2028-03", True),
        ("Pwy arall ddylai glywed cyn i’r cais fynd i mewn?", "2028-03", False),
    ],
)
def test_what_counts_as_still_current(text: str, period: str, current: bool) -> None:
    assert still_current(text, parse_period(period), dt.date(2027, 1, 4)) is current


def test_before_the_project_starts_the_bid_is_still_current() -> None:
    bid = "Who else should hear about this before the bid goes in?"
    assert still_current(bid, parse_period("2026-11"), dt.date(2027, 1, 4))
