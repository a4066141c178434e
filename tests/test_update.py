"""The progress update: what a director reads, the fill-in template, and the command."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from docchecks import check_docx, docx_text, pdf_pages, validate_ooxml
from pitchkit.cli import app
from pitchkit.facts.project import open_project, pick_director
from pitchkit.i18n import fmt
from pitchkit.i18n.translation import language
from pitchkit.notes.update import make_update
from pitchkit.notes.wording import apply_terms, apply_terms_in_sentence

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FRAILTY = EXAMPLES / "frailty-virtual-ward" / "facts.yaml"
TODAY = dt.date(2028, 4, 8)
PROMPT = re.compile(r"\[[^\]]+\]")


def write_update(
    tmp: Path,
    facts: Path,
    director: str,
    period: str | None = None,
    name: str = "update.docx",
    today: dt.date = TODAY,
) -> tuple[Path, bool]:
    """Make the update and save it; return its path and whether it is a fill-in template."""
    project = open_project(facts)
    data, info = make_update(
        project, pick_director(project.facts, director), period=period, today=today
    )
    path = tmp / name
    path.write_bytes(data)
    return path, info.fill_in


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for the documents this module makes."""
    return tmp_path_factory.mktemp("updates")


@pytest.fixture(scope="module")
def latest(folder: Path) -> Path:
    """The frailty project's latest update (March 2028) for the Director of Finance."""
    path, fill_in = write_update(folder, FRAILTY, "dof", name="latest.docx")
    assert not fill_in
    return path


@pytest.fixture(scope="module")
def fill_in(folder: Path) -> Path:
    """A fill-in template for April 2028, which has no log entry yet."""
    path, is_fill_in = write_update(folder, FRAILTY, "dof", "2028-04", name="fill-in.docx")
    assert is_fill_in
    return path


def headings_followed_by_content(path: Path) -> list[str]:
    """Headings with nothing after them before the next heading (should be none)."""
    body = docx.Document(str(path)).element.body
    empty: list[str] = []
    pending: str | None = None
    for block in body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            style = block.style or ""
            text = "".join(t.text or "" for t in block.iter() if t.tag.endswith("}t")).strip()
            if style.startswith("Heading"):
                if pending is not None:
                    empty.append(pending)
                pending = text
            elif text or block.xpath(".//w:drawing"):
                pending = None
        elif tag == "tbl":
            pending = None
    if pending is not None:
        empty.append(pending)
    return empty


def test_the_update_shows_period_status_and_every_latest_value(latest: Path) -> None:
    check_docx(latest)
    text = docx_text(latest)
    assert "March 2028" in text
    assert "Green: on track" in text
    for value in ("81 admissions", "668 bed days", "86%", "14.2%"):
        assert value in text
    assert "{{" not in text
    assert "{%" not in text
    assert not PROMPT.search(text)


def test_an_objective_of_a_year_the_delivery_falls_outside_is_not_credited(
    tmp_path: Path,
) -> None:
    facts = with_objective_year(tmp_path, "2026/27")
    path, _ = write_update(tmp_path, facts, "dof", "2028-03")
    text = docx_text(path)
    # With the CIP "for 2026/27": admissions are counted from the change (June 2027), so none
    # of the 164 avoided falls in 2026/27: the brief's rule (docs/money.md §5) applied to what
    # was delivered. No share of the £14m, no "contributing to" the 2026/27 programme.
    assert "Deliver the £14m cost improvement programme for 2026/27" not in text
    assert "of your £14m target" not in text
    assert "What this has delivered toward your objectives" not in text
    assert headings_followed_by_content(path) == []


def test_the_update_gives_a_sentence_for_the_board(latest: Path) -> None:
    [sentence] = [line for line in docx_text(latest).splitlines() if "I can report" in line]
    # Counted from the change (June 2027) against the baseline mean of January to May
    # (99.4 a month): 10 months, 830 observed, 164 fewer, at £1,590 each in 2016/17 prices,
    # restated as the brief restates it, to the prices of 2027/28, the year of the period
    # reported, though written in 2028/29 (fixmoney27, reader27 #1): 164 × £2,171.07 =
    # £356,055.
    assert sentence.startswith(
        "As executive sponsor of the frailty virtual ward, I can report that it has delivered "
        "164 fewer emergency admissions of people aged 75 and over living with "
        "frailty (worth £356,000 in capacity at 2027/28 prices)"
    )
    assert "between June 2027 and March 2028" in sentence
    # All of it falls in 2027/28, the year of the example's CIP: it counts toward it, as
    # capacity, only once it is turned into cash (reader21 #1), as the table says.
    assert sentence.endswith(
        "contributing to our objective to deliver the £14m cost improvement programme for "
        "2027/28, if the capacity is turned into cash."
    )
    assert "2026/27" not in sentence


def with_objective_year(tmp: Path, year: str, extra_months: str = "") -> Path:
    """The frailty facts with the CIP for ``year``, and any more log entries, in ``tmp``."""
    source = FRAILTY.read_text(encoding="utf-8")
    assert "programme for 2027/28" in source
    source = source.replace("programme for 2027/28", f"programme for {year}")
    source = source.replace("\nsettings:\n", f"{extra_months}\nsettings:\n", 1)
    facts = tmp / "facts.yaml"
    facts.write_text(source, encoding="utf-8")
    return facts


def test_an_objective_of_the_year_delivered_in_is_credited_with_its_share(
    tmp_path: Path,
) -> None:
    facts = with_objective_year(tmp_path, "2027/28")
    path, _ = write_update(tmp_path, facts, "dof", "2028-03")
    text = docx_text(path)
    # All 164 admissions avoided fall in 2027/28: at 2027/28 prices (fixmoney27), £356,049
    # of £14m is 2.5%.
    assert "Deliver the £14m cost improvement programme for 2027/28" in text
    assert (
        "164 admissions fewer between June 2027 and March 2028 than before the change (an "
        "average of 99.4 admissions a month, January to May 2027)"
    ) in text
    assert (
        "worth £356,000 in capacity at 2027/28 prices (2.5% of your £14m target, "
        "if the capacity is turned into cash)"
    ) in text
    assert "contributing to our objective to deliver the £14m cost improvement programme" in text


APRIL_2028 = """
  - period: 2028-04
    date: 2028-05-06
    status: green
    summary: Handed over to business as usual
    measures: {admissions: 80, bed-days: 660, usual-residence: 86, readmissions: 14.0}
"""


def test_only_the_part_delivered_in_the_objectives_year_counts_toward_it(
    tmp_path: Path,
) -> None:
    facts = with_objective_year(tmp_path, "2027/28", APRIL_2028)
    # Written once April is over: a month still under way is not counted.
    path, _ = write_update(tmp_path, facts, "dof", "2028-04", today=dt.date(2028, 5, 8))
    text = docx_text(path)
    # April 2028 adds 19.4 admissions avoided in 2028/29: the share counts the 164 of 2027/28
    # (£365,000, 2.6%), not the 183 delivered in all (£408,000, 2.9%).
    assert (
        "183 admissions fewer between June 2027 and April 2028 than before the change (an "
        "average of 99.4 admissions a month, January to May 2027)"
    ) in text
    # The admissions free capacity, not cash: the share of a cash target says so. The update
    # is at 2028/29 prices and the CIP is 2027/28's: the year's part is restated at its
    # prices before the share is taken (session 30).
    assert (
        "(counting the £365,000 of it in 2027/28: £356,000 at 2027/28 prices, 2.5% of your "
        "£14m target, if the capacity is turned into cash)"
    ) in text
    assert "2.9%" not in text


def test_missing_data_is_said_plainly(latest: Path) -> None:
    text = docx_text(latest)
    assert "no figure for August 2027" in text
    assert "gaps are left blank, not taken as zero" in text


def test_the_score_has_its_meaning_and_movement(latest: Path) -> None:
    text = docx_text(latest)
    assert "3.5 out of 5: improvement in the measures" in text
    assert "unchanged since February 2028" in text


def test_charts_come_with_their_signals_in_words(latest: Path) -> None:
    document = docx.Document(str(latest))
    described = [shape._inline.docPr.get("descr", "") for shape in document.inline_shapes]
    # Three charts, their icons, and the icons of the four measures in the table: the
    # finance director's update gives the brief's benefit against the funding (newuser34
    # #5) and, under the delivered table, the unit costs behind its money (reader25 #16).
    # With that line the estimate (no LibreOffice here) left room for two charts of three
    # until fixchart26 narrowed the measures table's rows: all three are kept, as LibreOffice
    # measures room for (test_fixupd26, the finance update with its unit costs on two pages).
    assert len([d for d in described if d.startswith("XmR chart of")]) == 3
    assert len([d for d in described if d.startswith("Latest point: ")]) == 7
    assert all(described)
    text = docx_text(latest)
    assert "(XmR chart)" in text
    # The admissions fall every month from the change until November 2027, with too few
    # months after it for limits of their own: the baseline's stand (no "concern").
    assert (
        "a sustained shift (10 months below the mean before it, improvement), falling until "
        "November 2027"
    ) in text
    assert "(concern)" not in text[text.index("Emergency admissions of people aged 75") :][:900]
    assert "Charts are shown for 3 of the 4 measures" in text
    assert "a shift of 7 points, a trend of 7" in text


def test_chart_axes_name_periods_briefly() -> None:
    english, welsh = language("en_GB"), language("cy_GB")
    labels = [fmt.period_label(p, english, short=True) for p in ("2027-03", "2027-Q1", "2027")]
    assert labels == ["Mar ’27", "Q1 27", "2027"]
    assert fmt.period_label("2028-12", welsh, short=True) == "Rhag 2028"
    assert fmt.period_label("2027-03", english) == "March 2027"


def test_no_barriers_says_so(latest: Path, folder: Path) -> None:
    text = docx_text(latest)
    # March 2028 is the project's last period: no standing question is carried over
    # (reader24 #13), and nothing is asked.
    assert "Nothing needs your help this period" in text
    assert "(carried over)" not in text
    assert headings_followed_by_content(latest) == []
    # February carries a standing question over, so nothing else is asked.
    path, _ = write_update(folder, FRAILTY, "dof", "2028-02", name="february-asks.docx")
    text = docx_text(path)
    assert "Nothing is asked of you this period beyond your advice below" in text
    assert "Nothing needs your help this period" not in text


def test_an_earlier_period_stops_there(folder: Path) -> None:
    path, fill_in = write_update(folder, FRAILTY, "dof", "2027-08", name="august.docx")
    assert not fill_in
    text = docx_text(path)
    assert "Amber: some risk, being managed" in text
    assert "85 admissions (August 2027)" in text
    assert "August bed day data lost in the bed management system cutover" in text
    assert "Should we estimate August occupied bed days from the discharge records" in text
    assert "up from 2.5 in June 2027" not in text
    assert "unchanged since July 2027" in text
    assert "March 2028" not in text


def test_the_fill_in_template_has_prompts_and_everything_known(fill_in: Path) -> None:
    check_docx(fill_in)
    text = docx_text(fill_in)
    assert "April 2028" in text
    assert "[Green, amber or red, and why in a few words]" in text
    assert "[One sentence: the most important news of this period for you]" in text
    assert "[figure for April 2028]" in text
    assert "Last known: 81 admissions (March 2028)" in text
    assert "[What exactly you would like the sponsor to do]" in text
    assert "[What the team did this period: two to four points]" in text
    # Known facts are filled in: director, objectives and baselines.
    assert "Helen Marsh, Director of Finance" in text
    assert "Deliver the £14m cost improvement programme" in text
    assert "100 admissions a month" in text
    assert "{{" not in text


def test_the_fill_in_template_has_no_empty_headings(fill_in: Path) -> None:
    assert headings_followed_by_content(fill_in) == []


def test_with_no_log_at_all_the_update_is_a_fill_in_template(tmp_path: Path) -> None:
    source = FRAILTY.read_text(encoding="utf-8")
    facts = tmp_path / "facts.yaml"
    facts.write_text(source[: source.index("updates:")] + "settings:\n  cadence: month\n")
    path, fill_in = write_update(tmp_path, facts, "coo")
    assert fill_in
    text = docx_text(path)
    assert "March 2028" in text  # the last full month before TODAY
    assert "No figures logged yet" in text
    # The COO is not the director the project asks to sponsor it (the meeting is with the DoF).
    assert "[A sentence the team would like you to know or pass on" in text
    assert "[A sentence the sponsor can use at the board" not in text
    assert headings_followed_by_content(path) == []


# ---------------------------------------------------------------- tools


EXAMPLE_UPDATES = [
    ("frailty-virtual-ward", "dof", None),
    ("frailty-virtual-ward", "coo", "2028-04"),
    ("falls-prevention", "don", None),
    ("ysbyty-cymunedol", "dpcmh", None),
]


@pytest.mark.tools
@pytest.mark.parametrize(("example", "director", "period"), EXAMPLE_UPDATES)
def test_every_example_update_is_valid_and_at_most_two_pages(
    tmp_path: Path, example: str, director: str, period: str | None
) -> None:
    path, _ = write_update(tmp_path, EXAMPLES / example / "facts.yaml", director, period)
    validate_ooxml(path)
    assert pdf_pages(path) <= 2


# ---------------------------------------------------------------- the command


def unrehearsed(stderr: str) -> str:
    """``stderr`` without the line saying the log is wholly after today (it is, until 2027)."""
    return "".join(
        line for line in stderr.splitlines(keepends=True) if "as for a rehearsal" not in line
    )


def run(*args: str) -> tuple[int, str, str]:
    """Run ``pitchkit`` in-process; return exit code, stdout and stderr."""
    result = CliRunner().invoke(app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_cli_writes_the_latest_period_by_default(tmp_path: Path) -> None:
    code, out, err = run("update", str(FRAILTY), "--director", "dof", "--out", str(tmp_path))
    assert (code, unrehearsed(err)) == (0, "")
    path = tmp_path / "Frailty virtual ward - update 2028-03 - Helen Marsh.docx"
    assert f"Wrote {path}" in out
    assert "Green: on track" in docx_text(path)


def test_cli_writes_an_explicit_period(tmp_path: Path) -> None:
    out_file = tmp_path / "june.docx"
    code, _, err = run(
        "update", str(FRAILTY), "-d", "coo", "--period", "2027-06", "--out", str(out_file)
    )
    assert (code, unrehearsed(err)) == (0, "")
    text = docx_text(out_file)
    assert "June 2027" in text
    assert "Raise community pharmacy capacity at the system finance and performance group" in text


def test_cli_says_when_a_period_has_no_entry(tmp_path: Path) -> None:
    code, out, err = run(
        "update", str(FRAILTY), "-d", "dof", "--period", "2028-05", "--out", str(tmp_path)
    )
    assert code == 0
    assert "no entry for May 2028, so this is a fill-in template" in err
    path = tmp_path / "Frailty virtual ward - update 2028-05 - Helen Marsh.docx"
    assert f"Wrote {path}" in out
    assert "[figure for May 2028]" in docx_text(path)


def test_cli_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "update.docx"
    assert run("update", str(FRAILTY), "-d", "dof", "-o", str(target))[0] == 0
    code, _, err = run("update", str(FRAILTY), "-d", "dof", "-o", str(target))
    assert code == 1
    assert err.startswith("error: ")
    assert "--force" in err
    assert run("update", str(FRAILTY), "-d", "dof", "-o", str(target), "--force")[0] == 0


def test_cli_refuses_a_badly_written_period(tmp_path: Path) -> None:
    code, _, err = run("update", str(FRAILTY), "-d", "dof", "-p", "2028-13", "-o", str(tmp_path))
    assert code == 1
    assert "YYYY-MM" in err
    assert list(tmp_path.iterdir()) == []


BAD_LOGS = [
    pytest.param(
        "measures: {admissions: 81, bed-days: 668",
        "measures: {admisions: 81, bed-days: 668",
        "admisions",
        "admissions",
        id="measure-naming-no-impact",
    ),
    pytest.param("period: 2028-02", "period: 2028-01", "2028-01", "already", id="period-twice"),
    pytest.param(
        "period: 2028-03\n    date: 2028-04-06\n    status: green",
        "period: 2028-03\n    date: 2028-04-06\n    status: blue",
        "blue",
        "green",
        id="bad-status",
    ),
    pytest.param(
        "measures: {admissions: 81, bed-days: 668",
        "measures: {admissions: eighty-one, bed-days: 668",
        "eighty-one",
        "number",
        id="non-numeric-value",
    ),
]


@pytest.mark.parametrize(("old", "new", "marker", "words"), BAD_LOGS)
def test_cli_reports_a_bad_progress_log_where_it_is(
    tmp_path: Path, old: str, new: str, marker: str, words: str
) -> None:
    source = FRAILTY.read_text(encoding="utf-8")
    assert source.count(old) == 1
    broken = source.replace(old, new)
    facts = tmp_path / "facts.yaml"
    facts.write_text(broken, encoding="utf-8")
    # The line of the last occurrence of the marker: where the mistake is.
    line = next(
        n for n, text in reversed(list(enumerate(broken.splitlines(), 1))) if marker in text
    )
    code, out, err = run("update", str(facts), "-d", "dof", "-o", str(tmp_path))
    assert code == 1
    assert "Wrote" not in out
    first = err.splitlines()[0]
    assert first.startswith(f"error: {facts}:{line}:"), first
    assert words in first
    assert not list(tmp_path.glob("*.docx"))


def test_the_directors_own_words_keep_the_teams_grammar(latest: Path, folder: Path) -> None:
    # September 2027 still carries both standing questions over: the log answers the cost
    # improvement one in October, and the last period carries none (reader24 #13).
    path, _ = write_update(folder, FRAILTY, "dof", "2027-09", name="september-terms.docx")
    text = docx_text(path)
    # Helen's terms: savings -> cost improvement (plural to singular), bed days -> occupied
    # bed days (plural to plural). In the team's sentences only the second is used, as the
    # first would leave "release" agreeing with a word no longer there.
    assert "that the savings release cash, not only capacity? (carried over)" in text
    assert "the cost improvement release" not in text
    assert "should the released occupied bed days count against?" in text
    # A measure's name is a label, not a sentence: it takes every term.
    assert "occupied bed days both near target" in docx_text(latest)


def test_a_term_is_used_in_a_sentence_only_when_it_keeps_the_words_number() -> None:
    terms = {"savings": "cost improvement", "patients": "people in our care", "staff": "colleagues"}
    sentence = "Patients say the savings are real and staff are proud of them."
    assert apply_terms_in_sentence(sentence, terms) == (
        "People in our care say the savings are real and colleagues are proud of them."
    )
    assert apply_terms("savings", terms) == "cost improvement"
