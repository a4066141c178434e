"""reader24: what an update says of its charts agrees with the charts and with itself.

Each test renders an update from an example and reads its words back.
"""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from docchecks import body_and_cells
from pitchkit.cli import app

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FRAILTY = EXAMPLES / "frailty-virtual-ward" / "facts.yaml"
FALLS = EXAMPLES / "falls-prevention" / "facts.yaml"


def update(tmp: Path, facts: Path, director: str, *options: str) -> list[str]:
    out = tmp / f"{director}.docx"
    result = CliRunner().invoke(
        app, ["update", str(facts), "--director", director, *options, "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    return body_and_cells(out)


def test_signals_after_a_change_count_only_months_from_it(tmp_path: Path) -> None:
    # reader24 #1: the frailty ward changed in June 2027; admissions were 99 in April
    # and 96 in May, below the baseline mean of 99.4, and fell from 103 in March. A
    # shift "12 months below the mean, ending March 2028" counted April and May, and a
    # "a trend of 9 months falling" began in March. From June there are 10 months below the
    # mean (bed days: 9, August missing), and the fall is 6 months (bed days 5), short
    # of the 7 the XmR trend rule needs: no trend signal.
    words = update(tmp_path, FRAILTY, "dof", "--period", "2028-03")
    # The shift is counted once, in the sentence on the change; "Signal:" lists only the
    # points below the lower limit (reader25 #19: the shift was said twice).
    notes = [t for t in words if "Limits from the baseline" in t and "Signal:" in t]
    assert len(notes) == 2, notes
    admissions, bed_days = notes
    assert "a sustained shift (10 months below the mean before it" in admissions
    assert "a sustained shift (9 months below the mean before it" in bed_days
    for note in notes:
        assert "a shift of" not in note
    for note in notes:
        assert "12 months" not in note
        assert "11 months" not in note
        assert not re.search(r"trend: \d+ months falling", note), note


def test_icon_and_footnote_agree_with_a_shift_against_the_baseline(tmp_path: Path) -> None:
    # reader24 #2: falls with harm, December 2027, is charted on a run chart with too
    # few months before the change for a median of its own. Its words say "6 months
    # below the baseline" and the table "holding at the improved level", but the icon
    # said common cause variation ("no change"), the footnote defined a shift against
    # the median only, and the baseline was "the baseline in the facts".
    words = update(tmp_path, FALLS, "dof", "--period", "2027-12")
    text = "\n".join(words)
    assert "in the facts" not in text
    caption = next(t for t in words if t.startswith("From July 2027, a sustained shift"))
    assert "6 months below the baseline of 7 falls a month, improvement" in caption
    assert "judged against the baseline: a sustained shift is 6 or more points" in text

    import docx

    document = docx.Document(str(tmp_path / "dof.docx"))
    described = [d.get("descr") or "" for d in document.element.body.xpath(".//wp:docPr")]
    harm = [d for d in described if "6 months below the baseline" in d]
    assert harm, described
    for description in harm:
        assert description.endswith("Latest point: special cause variation: improvement.")


def _since_lines(words: list[str]) -> list[str]:
    start = next(i for i, t in enumerate(words) if t.startswith("Since the last update"))
    end = next(i for i, t in enumerate(words) if t == "Progress on each measure")
    return words[start + 1 : end]


def _charted(words: list[str]) -> list[str]:
    found = [t.strip() for t in words]
    return [t.rsplit(" (", 1)[0] for t in found if t.endswith(("(run chart)", "(XmR chart)"))]


def test_a_signal_carried_from_a_run_chart_to_a_control_chart_is_not_new(
    tmp_path: Path,
) -> None:
    # reader24 #7: falls with harm, February 2028, was on a run chart, "a sustained shift
    # (8 months below the baseline)" from July 2027; in March its XmR chart, its mean made
    # from other months, shows the shift from September. Not "new on the chart".
    words = update(tmp_path, FALLS, "don", "--period", "2028-03")
    since = _since_lines(words)
    harm = next(t for t in since if t.startswith("Inpatient falls resulting in any harm"))
    assert "new since the last update" not in harm
    # One sentence, not "…: already reported: shift: 7 months …" (fixupd25a #4); since
    # reader27 #16 said once for both falls measures, whose lines were word for word the same.
    # fixupd29 (reader28 #8): every measure carried onto a control chart is said in one line,
    # blood pressure's shift above the mean with the falls' below it, so what each chart shows
    # is left to its words. February's run charts had reported a sustained shift for all three.
    assert harm == (
        "Inpatient falls resulting in any harm, inpatient falls per 1,000 occupied bed days and "
        "eligible patients with lying and standing blood pressure recorded within 48 hours: "
        "now on control charts, which each show the change already reported rather than a new "
        "one."
    )
    charted = _charted(words)
    for measure in (
        "Inpatient falls resulting in any harm",
        "Inpatient falls per 1,000 occupied bed days",
        "Eligible patients with lying and standing blood pressure recorded within 48 hours",
    ):
        assert measure in charted, (measure, charted)


def test_a_line_that_points_to_a_chart_has_the_chart(tmp_path: Path) -> None:
    # reader24 #6: "new on the chart" (or any line that says what a chart shows) for a
    # measure whose chart the update leaves out. Blood pressure in the falls update for
    # March 2028 and readmissions in the frailty one were said with no chart.
    for facts, director in ((FALLS, "don"), (FRAILTY, "dof")):
        words = update(tmp_path, facts, director, "--period", "2028-03")
        charted = _charted(words)
        assert charted, words
        for line in _since_lines(words):
            if "the chart" in line or "on a control chart" in line:
                measure = line.split(": ", 1)[0]
                assert measure in charted, (line, charted)
            elif "on control charts" in line:
                # fixupd29: measures carried onto control charts are said in one line.
                named = line.split(": ", 1)[0].lower()
                for measure in sorted(charted, key=len, reverse=True):
                    named = named.replace(measure.lower(), "")
                assert not named.replace(",", "").replace("and", "").strip(), (line, charted)
