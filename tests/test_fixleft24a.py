"""What readers of session 23's progress updates and money found (fixleft24a), each read back
from a document the command wrote."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from typer.testing import Result

from docchecks import docx_text
from fixedday import pin_today

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
    # fixspc28: the trend counts only June to September (93, 88, 85, 83), 4 points where a
    # trend needs 5, so nothing is claimed as delivered yet.
    assert (
        "No signal yet: since the change in June 2027, 4 months falling, where a trend needs 5."
        in text
    )
    assert "falling since March 2027" not in text
    assert "so we count the reduction since" not in text


def _nested(text: str) -> bool:
    """Whether a bracket opens inside another."""
    depth = 0
    for char in text:
        if char == "(":
            depth += 1
            if depth == 2:
                return True
        elif char == ")":
            depth = max(0, depth - 1)
    return False


def test_no_message_pitchkit_writes_nests_brackets() -> None:
    # "(... to the end of the project (31 December 2026) at that rate)" read badly to the
    # finance director: no sentence of pitchkit's own, in either language, nests brackets.
    from babel.messages.pofile import read_po

    catalog = ROOT / "src" / "pitchkit" / "i18n" / "locale" / "cy" / "LC_MESSAGES"
    with (catalog / "pitchkit.po").open("rb") as handle:
        messages = list(read_po(handle, locale="cy"))
    nested = [
        text
        for message in messages
        for text in (
            *(message.id if isinstance(message.id, tuple) else (message.id,)),
            *(message.string if isinstance(message.string, tuple) else (message.string,)),
        )
        if text and _nested(text)
    ]
    assert not nested, nested


def test_the_forecast_to_the_projects_end_has_no_bracket_inside_a_bracket(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    data = ROOT / "tests" / "data" / "newuser10-money"
    out = tmp_path / "dof.docx"
    result = cli(
        "brief", str(data / "epau.yaml"), "-d", "dof", "--directors",
        str(data / "epau-team.xlsx"), "-o", str(out),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = " ".join(docx_text(out).split())
    # fixmoney27 (reader27 #5): the rate to two figures or finer, so that it multiplies back.
    # fixbrief28: the rest of the year as a sum, £221,000 delivered April to September 2026
    # (about £36,800 a month) and 3 months more at that average, £111,000: £332,000 in all.
    assert (
        "2026/27 £332,000 forecast against £28,000 (£221,000 delivered to the end of September "
        "2026, then £111,000 at the average so far, about £37,000 a month, to the project's end "
        "on 31 December 2026)"
    ) in text, text
    assert not [line for line in docx_text(out).splitlines() if _nested(line)]


def _falls_to(tmp_path: Path, last: str) -> Path:
    """The falls example with its log cut after ``last``."""
    yaml = YAML()
    data: Any = yaml.load(FALLS.read_text(encoding="utf-8"))
    data["updates"] = [u for u in data["updates"] if str(u["period"]) <= last]
    path = tmp_path / "facts.yaml"
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)
    return path


def _brief(cli: Callable[..., Result], facts: Path, director: str, out: Path) -> str:
    result = cli("brief", str(facts), "-d", director, "-o", str(out), "-f")
    assert result.exit_code == 0, result.output
    return " ".join(docx_text(out).split())


def test_every_director_is_told_why_the_money_has_not_paid_back(
    cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Seven figures to October 2027, a chart needs eight: the finance director's block counts
    # nothing to then and says why; the nurse director's line said only "not paid back".
    pin_today(monkeypatch, dt.date(2027, 11, 10))
    facts = _falls_to(tmp_path, "2027-10")
    finance = _brief(cli, facts, "dof", tmp_path / "dof.docx")
    assert "the log has 7 figures, too few to show a change yet, and a chart needs 8" in finance
    for director in ("don", "ceo"):
        text = _brief(cli, facts, director, tmp_path / f"{director}.docx")
        assert (
            "against £48,000 of funding (not paid back within the project, with nothing counted "
            "to the end of October 2027: too few figures yet to show a change)." in text
        ), text


@pytest.mark.parametrize(
    ("today", "footer"),
    [
        # The log says March 2028 was reported on 7 April 2028, as the header does: written
        # before that day, the footer keeps to the header's date (reader24 #15).
        (dt.date(2026, 12, 6), "Update for March 2028, reported on 7 April 2028"),
        (dt.date(2028, 3, 20), "Update for March 2028, reported on 7 April 2028"),
        # Written after it, too: one date story, the header's (reader25 #14).
        (dt.date(2028, 4, 10), "Update for March 2028, reported on 7 April 2028"),
    ],
)  # fmt: skip
def test_the_footer_says_when_an_update_is_a_draft_ahead_of_its_period(
    cli: Callable[..., Result],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    today: dt.date,
    footer: str,
) -> None:
    # "Update for April 2028, written on 6 December 2026" read as a slip in one date or the
    # other: a draft for a period not yet over says so.
    pin_today(monkeypatch, today)
    text = _update(cli, FALLS, tmp_path / "u.docx", "-d", "don", "--period", "2028-03")
    assert footer in text, text[-400:]


def test_a_survey_each_quarter_has_no_missing_months_between(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    # The falls wards' staff survey, each quarter (logged: quarter), has figures for June and
    # September 2027 by October's update: July, August and October are not missing.
    text = _update(cli, FALLS, tmp_path / "u.docx", "-d", "don", "--period", "2027-10")
    assert "no figure for July 2027" not in text
    assert "Missing data" not in text
    # Without logged:, two figures cannot show a quarter's rhythm, and the gaps are named.
    yaml = YAML()
    data: Any = yaml.load(FALLS.read_text(encoding="utf-8"))
    [survey] = [i for i in data["impacts"] if i["id"] == "staff-confidence"]
    del survey["logged"]
    facts = tmp_path / "facts.yaml"
    with facts.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)
    text = _update(cli, facts, tmp_path / "v.docx", "-d", "don", "--period", "2027-10")
    assert "no figure for July 2027, August 2027 and October 2027" in text


def test_logged_quarter_on_a_level_is_accepted_and_a_week_is_not(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    yaml = YAML()
    data: Any = yaml.load(FALLS.read_text(encoding="utf-8"))
    [survey] = [i for i in data["impacts"] if i["id"] == "staff-confidence"]
    survey["logged"] = "week"
    facts = tmp_path / "facts.yaml"
    with facts.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)
    result = cli("brief", str(facts), "-d", "don", "-o", str(tmp_path / "b.docx"))
    assert result.exit_code != 0
    assert "logged: week needs per" in " ".join(result.output.split())


def test_an_uncounted_trend_has_no_improvement_icon(
    cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Bed days falling from July 2025, six months before the change of January 2026, and on
    # through February: the words say the trend is not counted as the project's; the icon
    # beside them said "special cause variation: improvement".
    from documenttext import document_text
    from test_update_same_shape import TRANSPORT, _facts

    pin_today(monkeypatch, dt.date(2026, 12, 5))
    figures: dict[str, list[float | None]] = {
        "transport": [120.0, 110, 125, 115, 122, 118, 121, 119, 117, 116, 115, 114, 113, 112]
    }
    facts = _facts(tmp_path, TRANSPORT, figures, first="2025-01")
    out = tmp_path / "u.docx"
    result = cli("update", str(facts), "-d", "dof", "--period", "2026-02", "-o", str(out))
    assert result.exit_code == 0, result.output
    text = document_text(out.read_bytes())
    assert "falling since before the change began, so not counted as the project's" in text
    assert "special cause variation: improvement" not in text
    assert "[picture: Latest point: special cause variation. Assurance:" in text


def test_a_closed_year_and_the_year_under_way_count_too_few_figures_alike(
    cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The stroke unit's log, seven figures in May 2026, a chart needs eight: March 2026, the
    # closed year's one month since the change, counted "£14,000 delivered" as it was, while
    # April, in the year under way, counted nothing on the same evidence. One rule now.
    pin_today(monkeypatch, dt.date(2026, 5, 10))
    stroke = ROOT / "tests" / "data" / "money-year-under-way" / "stroke.yaml"
    text = _brief(cli, stroke, "dof", tmp_path / "dof.docx")
    assert "£14,000" not in text
    assert (
        # fixbrief28: a year's funding is "against £X" alone, "of funding" once in the lead.
        "2025/26 £0 counted against £87,000 (nothing counted: the log has 7 figures, "
        "too few to "
        "show a change yet, and a chart needs 8); 2026/27 £519,000 forecast against £173,000 "
        "(nothing counted to the end of April 2026: the log has 7 figures, too few to show a "
        "change yet, and a chart needs 8; the plan's full rate for the rest of the year)"
    ) in text
    money = (ROOT / "docs" / "money.md").read_text(encoding="utf-8")
    assert "Too few figures: one rule, closed year or year under way" in money


def test_the_chart_rules_are_those_of_the_charts_shown(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    # December 2027's falls update shows run charts only, March 2028's XmR charts only: the
    # small print explained both, two lines that at the foot of page 2 could cost a chart.
    december = _update(cli, FALLS, tmp_path / "d.docx", "-d", "don", "--period", "2027-12")
    assert "Run charts (once 8 figures are logged): median line;" in december
    assert "XmR charts" not in december
    march = _update(cli, FALLS, tmp_path / "m.docx", "-d", "don", "--period", "2028-03")
    # fixupd29: the short small print keeps the XmR method line in its short form.
    assert "XmR charts: limits at the mean ± 2.66 × the mean moving range" in march
    assert "Run charts" not in march


def test_the_board_box_keeps_nothing_with_the_heading_after_it() -> None:
    # The box's row cannot split, which keeps its sentence and note together; a keep-with-next
    # on the sentence, in the box's last row, would also tie the box to "Where we need your
    # help" and its first line (as Word reads it), a bigger block to move to page 2.
    import zipfile

    template = ROOT / "src" / "pitchkit" / "word" / "templates" / "update.docx"
    with zipfile.ZipFile(template) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    box = body[: body.index("{{ update.board_sentence }}")]
    row = box[box.rindex("<w:tr>") :]
    assert "<w:cantSplit/>" in row
    assert "<w:keepNext/>" not in row
