"""Progress updates claim only what their charts show, and every signal is worded.

Real documents, read back: the sepsis cases of issue 17 (two months of
figures; fourteen months with a change part-way; a change inside common-cause
variation), a quarter built from its months, and every bundled example.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from docchecks import check_docx, docx_text
from pitchkit.cli import app
from pitchkit.facts.project import open_project, pick_director
from pitchkit.notes.update import make_update, situate
from pitchkit.notes.update.charting import signal_span, signal_words

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
TODAY = dt.date(2028, 4, 8)

FACTS = """\
project:
  title: Sepsis six
  organisation: Example NHS Trust
  lead: {{name: Sam Lee, role: Sepsis lead}}
  problem: Patients with sepsis wait for antibiotics.
  change: Nurses start the sepsis six within the hour.
  start: 2026-01-01
impacts:
  - id: deaths
    measure: Deaths from sepsis
    unit: deaths
    per: month
    baseline: 10
    target: 7
    better: lower
    value: {{amount: 1000, currency: GBP}}
    supports: [cmo.mortality]
{changed}directors:
  - id: cmo
    name: Ali Khan
    role: Medical Director
    objectives:
      - id: mortality
        text: Reduce avoidable deaths
        kind: organisational
updates:
{log}"""


@pytest.fixture(autouse=True)
def _written_after_the_logs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Write every update through the command on a day after these logs end.

    An update reads only the periods over by the day it is written, whatever
    the real date; these logs run into 2027.
    """
    monkeypatch.setattr("pitchkit.api.update.written_on", lambda: dt.date(2029, 1, 15))


def write(
    tmp: Path, values: list[float | None], *, start: str = "2026-01", changed: str = ""
) -> Path:
    """Facts with one month's entry per value, from ``start``."""
    year, month = (int(part) for part in start.split("-"))
    log = ""
    for value in values:
        figure = "{}" if value is None else f"{{deaths: {value}}}"
        log += f"  - period: {year}-{month:02d}\n    status: green\n    measures: {figure}\n"
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    path = tmp / "facts.yaml"
    line = f"    changed: {changed}\n" if changed else ""
    path.write_text(FACTS.format(changed=line, log=log), encoding="utf-8")
    return path


def render(facts: Path, *args: str) -> Path:
    out = facts.parent / "update.docx"
    result = CliRunner().invoke(
        app, ["update", str(facts), "-d", "cmo", "-o", str(out), "--force", *args]
    )
    assert result.exit_code == 0, result.stderr
    check_docx(out)
    return out


def delivered_row(path: Path) -> str:
    for table in docx.Document(str(path)).tables:
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        if rows and rows[0] == ["Your objective", "Delivered so far"]:
            return rows[1][1]
    raise AssertionError("no delivery table")


def delivered_rows(path: Path) -> list[str]:
    """The "Delivered so far" column of the delivery table, if there is one."""
    for table in docx.Document(str(path)).tables:
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        if rows and rows[0] == ["Your objective", "Delivered so far"]:
            return [row[1] for row in rows[1:]]
    return []


def test_two_months_of_figures_claim_nothing(tmp_path: Path) -> None:
    out = render(write(tmp_path, [9, 8]))
    text = docx_text(out)
    assert "it has delivered" not in text
    assert "its figures do not yet show a change we can report" in text
    assert delivered_row(out) == (
        "Deaths from sepsis: too few figures yet to tell a change from normal variation "
        "(2 so far; a chart needs 8), so no money is counted yet; 6 more months better than "
        "the baseline could show one."
    )
    assert "No chart yet for deaths from sepsis: a chart needs 8 months and there are 2" in text


def test_a_change_inside_common_cause_variation_is_not_delivered(tmp_path: Path) -> None:
    # Twelve months before the change and six after, all between 9 and 11.
    values = [10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 9, 11, 10, 9, 10]
    out = render(write(tmp_path, values, changed="2027-01"))
    text = docx_text(out)
    assert "it has delivered" not in text
    assert "no change can be told apart from normal variation yet" in delivered_row(out)
    assert "Limits from the baseline, the 12 months before the change in January 2027." in text
    assert "No signal" in text


def test_deaths_are_counted_from_the_change_against_the_baseline_mean(tmp_path: Path) -> None:
    # Six months before the change average 10 (9, 11, 10, 10, 9, 11); the eight
    # after it (July 2026 on) are all below: 8, 7, 8, 7, 7, 8, 7, 8 = 60 against
    # 8 × 10 = 80 at the baseline mean: 20 fewer, at £1,000 each. The months
    # before the change count for nothing, though some are below 10 too.
    values = [9, 11, 10, 10, 9, 11, 8, 7, 8, 7, 7, 8, 7, 8]
    out = render(write(tmp_path, values, changed="2026-07"))
    text = docx_text(out)
    assert delivered_row(out) == (
        "Deaths from sepsis: 20 deaths fewer between July 2026 and February 2027 than before "
        "the change (an average of 10 deaths a month, January to June 2026), worth £20,000 in "
        "capacity."
    )
    assert (
        "it has delivered 20 fewer deaths from sepsis (worth £20,000 in capacity) "
        "between "
        "July 2026 and February 2027"
    ) in text
    assert "From July 2026, a sustained shift (8 months below the mean before it, " in text


def test_the_new_words_are_in_welsh_too(tmp_path: Path) -> None:
    values = [9, 11, 10, 10, 9, 11, 8, 7, 8, 7, 7, 8, 7, 8]
    out = render(write(tmp_path, values, changed="2026-07"), "--locale", "cy")
    text = docx_text(out)
    assert "Ers Gorffennaf 2026, mae symudiad parhaus (8 mis islaw'r cymedr cyn hynny" in text
    described = [s._inline.docPr.get("descr", "") for s in docx.Document(str(out)).inline_shapes]
    assert described[0].startswith("Y pwynt diweddaraf: amrywiad achos cyffredin. Sicrwydd: ")
    short = render(write(tmp_path, [9, 8]), "--locale", "cy")
    # Two figures are too few for a chart: too few to tell, not yet told apart.
    assert "dim digon o ffigurau eto i wahaniaethu rhwng newid ac amrywiad arferol" in (
        docx_text(short)
    )


def test_a_quarter_logged_by_month_is_built_from_its_months(tmp_path: Path) -> None:
    # July to September 2026: 9 + 8 + 7 = 24 deaths in the quarter.
    facts = write(tmp_path, [9, 8, 7], start="2026-07")
    out = render(facts, "-p", "2026-Q3")
    text = docx_text(out)
    assert "Draft to complete" not in text
    assert "24 deaths (July to September 2026)" in text
    assert "30 deaths a quarter" in text  # the baseline, 10 a month, for a quarter
    assert "No chart yet for deaths from sepsis: a chart needs 8 months and there are 3" in text


def test_a_quarter_of_a_level_is_the_mean_of_its_months(tmp_path: Path) -> None:
    facts = write(tmp_path, [9, 8, 7], start="2026-07")
    source = facts.read_text(encoding="utf-8").replace("    per: month\n", "")
    source = source.replace("unit: deaths", 'unit: "%"')
    facts.write_text(source, encoding="utf-8")
    text = docx_text(render(facts, "-p", "2026-Q3"))
    assert "8% (average, July to September 2026)" in text


def test_a_quarter_still_under_way_is_a_fill_in(tmp_path: Path) -> None:
    facts = write(tmp_path, [9, 8], start="2026-07")
    assert "Draft to complete" in docx_text(render(facts, "-p", "2026-Q3"))


def test_a_changed_date_that_is_not_a_date_is_refused_where_it_is(tmp_path: Path) -> None:
    facts = write(tmp_path, [9, 8], changed="next spring")
    result = CliRunner().invoke(app, ["update", str(facts), "-d", "cmo", "-o", str(tmp_path)])
    assert result.exit_code == 1
    line = next(n for n, text in enumerate(facts.read_text().splitlines(), 1) if "changed" in text)
    assert f"{facts}:{line}:" in result.stderr
    assert "'next spring' is not a date: write the day the change took effect" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not list(tmp_path.glob("*.docx"))


# ---------------------------------------------------------------- every bundled example


def example_updates() -> list[tuple[str, str]]:
    found = []
    for facts in sorted(EXAMPLES.glob("*/facts.yaml")):
        project = open_project(facts)
        found += [(facts.parent.name, d.id) for d in project.facts.directors]
    return found


@pytest.mark.parametrize(("example", "director"), example_updates())
def test_example_updates_word_every_signal_and_claim_only_what_charts_show(
    tmp_path: Path, example: str, director: str
) -> None:
    project = open_project(EXAMPLES / example / "facts.yaml")
    chosen = pick_director(project.facts, director)
    data, _ = make_update(project, chosen, today=TODAY)
    path = tmp_path / "update.docx"
    path.write_bytes(data)
    text = docx_text(path)
    situation = situate(project.facts, chosen, project.lang, period=None, today=TODAY)
    lang = situation.lang
    [board] = [line for line in text.splitlines() if "I can report" in line] or [""]
    delivered = delivered_rows(path)
    for impact in project.facts.impacts:
        claim = situation.claims[impact.id]
        analysis = claim.analysis
        [caption] = [
            line
            for line in text.splitlines()
            if line.startswith(impact.measure) and "chart)" in line
        ] or [None]
        if caption is not None:
            after = text.split(caption, 1)[1].splitlines()
            words = next(line for line in after if line.strip())
            # Every signal on the chart is named, each with the periods it covers.
            for signal in analysis.signals:
                said = signal_words(signal, analysis, claim.points[-1].period.kind, lang)
                if said.startswith("1 point ") and said not in words:
                    # Lone points in the same words are said once, together, with their
                    # months ("2 points above the upper limit (…), January and March 2028":
                    # fixread25b).
                    together = said.replace("1 point ", "points ", 1)
                    assert together.split(" (")[0] in words, (said, words)
                    continue
                shift = re.match(r"a shift of (\d+ \w+) (above|below)", said)
                if shift and f"a sustained shift ({shift[1]} {shift[2]}" in words:
                    # Named with its count in the sentence on the change, so not listed
                    # again under the signals (fixupd26, reader25 #19).
                    continue
                assert said in words
                assert signal_span(signal, claim.points, lang) in words
        if not claim.shown:
            # Neither the board sentence nor the delivery table claims a change for it.
            measure = impact.measure[0].lower() + impact.measure[1:]
            assert f"in {measure}" not in board
            for row in delivered:
                if row.startswith(f"{impact.measure}: "):
                    assert row.startswith(
                        (
                            f"{impact.measure}: no change can be told apart",
                            f"{impact.measure}: too few figures yet to tell a change",
                        )
                    )
    described = [s._inline.docPr.get("descr", "") for s in docx.Document(str(path)).inline_shapes]
    assert all(described)


def test_alt_text_keeps_quotes_ampersands_and_angle_brackets(tmp_path: Path) -> None:
    values = [9, 11, 10, 10, 9, 11, 8, 7, 8, 7, 7, 8, 7, 8]
    facts = write(tmp_path, values, changed="2026-07")
    source = facts.read_text(encoding="utf-8")
    facts.write_text(
        source.replace(
            "measure: Deaths from sepsis", "measure: 'Deaths <30 days: \"sepsis\" & shock'"
        ),
        encoding="utf-8",
    )
    out = render(facts)
    described = [s._inline.docPr.get("descr", "") for s in docx.Document(str(out)).inline_shapes]
    assert any(d.startswith('XmR chart of Deaths <30 days: "sepsis" & shock. ') for d in described)


def test_a_run_chart_trend_after_the_change_is_counted_against_the_months_before(
    tmp_path: Path,
) -> None:
    # Ten months make a run chart. Before the change (January to May): 10, 11,
    # 9, 10, 10, a mean of 10. From the last of them the deaths fall five months
    # running, 9 to 5: a trend, and 1 + 2 + 3 + 4 + 5 = 15 fewer than 10 a month.
    values = [10, 11, 9, 10, 10, 9, 8, 7, 6, 5]
    out = render(write(tmp_path, values, changed="2026-06"))
    assert delivered_row(out) == (
        "Deaths from sepsis: 15 deaths fewer between June and October 2026 than before the "
        "change (an average of 10 deaths a month, January to May 2026), worth £15,000 in "
        "capacity."
    )
    # fixspc28: the trend counts only its points from the change on, June's 9 to October's 5.
    assert "a trend of 5 months falling (improvement), June to October 2026" in docx_text(out)


def test_a_count_names_the_average_it_is_counted_against(tmp_path: Path) -> None:
    # The facts' baseline is 10 a month (the table's "Baseline" column), but the six months
    # logged before the change average 12 (12, 13, 11, 12, 12, 12). What was delivered is
    # counted against that average: 8 months at 8 deaths, 8 × (12 − 8) = 32 fewer. Against
    # the table's 10 it would be 16, so "than at the baseline rate" could not be reconciled
    # by a finance director; the words name the average and the months it covers.
    values = [12, 13, 11, 12, 12, 12, 8, 8, 8, 8, 8, 8, 8, 8]
    facts = write(tmp_path, values, changed="2026-07")
    out = render(facts)
    text = docx_text(out)
    assert "Deaths from sepsis\n10 deaths a month\n7 deaths a month\n" in text, text
    assert delivered_row(out) == (
        "Deaths from sepsis: 32 deaths fewer between July 2026 and February 2027 than before "
        "the change (an average of 12 deaths a month, January to June 2026), worth £32,000 in "
        "capacity."
    )
    assert "baseline rate" not in text
    assert "32 fewer deaths from sepsis" in text
    welsh = docx_text(render(facts, "--locale", "cy_GB"))
    assert (
        "yn llai yn y cyfnod Gorffennaf 2026 – Chwefror 2027 na chyn y newid (cyfartaledd o 12"
        in (welsh)
    ), welsh
