"""A priced rise's spend in updates, in "Why this matters" and in check (newuser16 #1, #3, #7).

The project is newuser16's capsule sponge service (tests/data/capsule_sponge): sponge tests
rise and each costs £390 (``releases: cost``); surveillance gastroscopies sent to the
independent sector fall, £620 each in cash. Every figure is worked out here by hand from
the log, never by pitchkit's money code.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import shutil
from pathlib import Path

from typer.testing import CliRunner

from docchecks import docx_text
from pitchkit.cli import app
from pitchkit.facts.project import open_project, pick_director
from pitchkit.notes.brief import make_brief_note
from pitchkit.notes.update.measuresheet import with_measures

DATA = Path(__file__).parent / "data" / "capsule_sponge"
TODAY = dt.date(2026, 12, 5)  # the log runs to November 2026

TESTS = [12, 13, 12, 11, 13, 12, 14, 12, 13, 12, 12, 14, 30, 45, 60, 70, 80, 85, 90, 95]
SCOPES = [110, 106, 112, 108, 104, 110, 109, 107, 111, 105, 108, 110]
SCOPES += [100, 95, 85, 78, 70, 66, 60, 58]


def _whole(value: float) -> int:
    return math.floor(value + 0.5)


def _thousands(money: float) -> str:
    return f"£{_whole(money / 1000) * 1000:,}"


# April to November 2026 (8 months) against the 12 months before the change.
MORE_TESTS = _whole(sum(TESTS[12:]) - 8 * sum(TESTS[:12]) / 12)  # 555 - 100 = 455
FEWER_SCOPES = _whole(8 * sum(SCOPES[:12]) / 12 - sum(SCOPES[12:]))  # 866.7 - 612 = 255
SPEND = MORE_TESTS * 390  # £177,450
SAVED = FEWER_SCOPES * 620  # £158,100
NET = SAVED - SPEND  # -£19,350


def _copy(tmp_path: Path) -> Path:
    for name in ("b.yaml", "log_b.csv"):
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path / "b.yaml"


def _brief(tmp_path: Path) -> str:
    """The finance director's brief as of 5 December 2026, with the log's figures merged."""
    [opened], _ = with_measures([open_project(_copy(tmp_path))], None, TODAY)
    note = make_brief_note(opened, pick_director(opened.facts, "dof"), today=TODAY)
    out = tmp_path / "brief.docx"
    out.write_bytes(note.data)
    return docx_text(out)


def _update(tmp_path: Path, period: str) -> str:
    facts = _copy(tmp_path)
    out = tmp_path / f"update-{period}.docx"
    result = CliRunner().invoke(
        app, ["update", str(facts), "-d", "dof", "--period", period, "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    return docx_text(out)


def test_the_figures_by_hand() -> None:
    assert (MORE_TESTS, FEWER_SCOPES, SPEND, SAVED, NET) == (455, 255, 177_450, 158_100, -19_350)


def test_the_month_update_nets_the_spend_in_delivered_and_the_board_sentence(
    tmp_path: Path,
) -> None:
    text = _update(tmp_path, "2026-11")
    spend, saved, net = _thousands(SPEND), _thousands(SAVED), _thousands(-NET)
    # Delivered so far: the sponge tests have a row of their own, said as spend, and netted.
    assert "Extra spend the change adds, netted off the money above" in text
    assert re.search(rf"{MORE_TESTS} tests more (in|between) [^()]+ than before the change", text)
    assert f"adding {spend} to spend at 2026/27 prices" in text
    assert (
        # fixmoney27 (reader27 #12): in the board sentence's plain words, outside a bracket;
        # fixupd28: without "across all the project's measures", as the board text says it.
        f"adding {spend} to spend at 2026/27 prices, so the money delivered so far "
        f"is a net cost of {net} ({saved} less {spend})" in text
    )
    # The board sentence says both: more tests, and what they cost, net of the saving.
    assert f"worth {saved} at 2026/27 prices" in text
    # One plain sentence (reader25 #1): what was added, its cost once, then the net.
    board = text.split("For your board report", 1)[1]
    assert (
        f"It has also meant {MORE_TESTS} more capsule sponge tests for Barrett's "
        f"oesophagus surveillance, at a cost of {spend}, so the money delivered so far is a "
        f"net cost of {net} ({saved} less {spend})." in board
    )
    assert "Against that" not in board
    assert "more of what the change sets out to do" not in board


def test_the_rise_is_not_read_as_money_coming_back(tmp_path: Path) -> None:
    text = _update(tmp_path, "2026-11")
    row = text.split("Capsule sponge tests for Barrett's oesophagus surveillance\n", 1)[1]
    direction = row.split("\n")[4]
    assert direction == "rising as planned; each one is extra spend"
    assert "Improvement here is more tests: the change working, and each one extra spend." in text


def test_the_quarter_fill_in_nets_the_spend_too(tmp_path: Path) -> None:
    text = _update(tmp_path, "2026-Q4")
    # fixmoney27: the net in the board sentence's words (reader27 #12).
    assert f"so far is a net cost of {_thousands(-NET)} ({_thousands(SAVED)} less" in text
    assert f"is a net cost of {_thousands(-NET)} ({_thousands(SAVED)} less" in text
    assert "at a cost of" in text


def test_the_brief_and_the_update_agree_on_delivered_money(tmp_path: Path) -> None:
    brief = _brief(tmp_path)
    assert f"−{_thousands(-NET)} delivered to the end of November 2026" in brief
    update = _update(tmp_path, "2026-11")
    assert f"so far is a net cost of {_thousands(-NET)} ({_thousands(SAVED)} less" in update


def test_the_spend_is_said_once_where_the_money_is_netted(tmp_path: Path) -> None:
    text = _brief(tmp_path)
    saving = (1300 - 500) * 620  # £496,000 a year
    spend = (1200 - 150) * 390  # £409,500 a year, "£410,000"
    # The statement gives its own money; the spend is not tacked onto it (newuser35 #7) ...
    assert f"worth {_thousands(saving)} a year." in text
    assert "a year of extra spend on capsule sponge tests" not in text
    # ... but netted in the funding block, where a finance director reads the money.
    assert f"Extra spend the change adds: {_thousands(spend)} a year" in text


def test_check_does_not_invite_linking_a_cost_to_a_financial_objective(tmp_path: Path) -> None:
    facts = _copy(tmp_path)
    result = CliRunner().invoke(app, ["check", str(facts)])
    text = result.output
    assert result.exit_code in (0, 1), result.output
    sponge = [
        line
        for line in text.splitlines()
        if "impact-unlinked" in line and "Capsule sponge tests" in line
    ]
    assert sponge
    assert "is extra spend ('releases: cost')" in sponge[0]
    after = " ".join(text.split(sponge[0], 1)[1].split("impact-unlinked", 1)[0].split())
    assert "a cost works against budgets" in after
    assert "the notes net it off the benefits" in after
    assert "supports: [dof." not in after


def test_welsh_nets_the_spend_and_quotes_the_english_measure(tmp_path: Path) -> None:
    facts = _copy(tmp_path)
    out = tmp_path / "cy.docx"
    result = CliRunner().invoke(
        app,
        ["update", str(facts), "-d", "dof", "--period", "2026-11", "-l", "cy_GB", "-o", str(out)],
    )
    assert result.exit_code == 0, result.output
    text = docx_text(out)
    net = _thousands(-NET)
    # fixmoney27: the net in the board sentence's words (reader27 #12); fixupd28: without
    # "across all the project's measures" ("ar draws holl fesurau'r prosiect").
    assert f"felly'r arian a gyflawnwyd hyd yma yw cost net o {net}" in text
    assert (
        f"Mae hefyd wedi golygu cynnydd o {MORE_TESTS} mewn “Capsule sponge tests for Barrett's "
        f"oesophagus surveillance”, ar gost o {_thousands(SPEND)}" in text
    )
    assert "yn codi fel y bwriadwyd; mae pob un yn wariant ychwanegol" in text
