"""newuser19's remaining findings: the offer's word budget counts only what the lead wrote,
each payback is said once in a note, and a settings file's syntax error is put on its line."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from pitchkit.api.previewing import PreviewRequest, preview

#: newuser19's project: cash (agency shifts), capacity (admissions) and a priced rise
#: (outpatient scans); the lead's offer is one line of 11 words.
SSDEC = Path(__file__).parent / "data" / "fixnew19" / "ssdec.yaml"
TODAY = dt.date(2026, 12, 5)


def _money_text(director: str, locale: str | None = None) -> str:
    result = preview(
        PreviewRequest(facts=SSDEC, director=director, kind="brief", locale=locale, today=TODAY)
    )
    return "\n".join(block.text for block in result.blocks)


def test_check_counts_only_the_leads_offer_and_names_the_gains_pitchkit_adds(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    # One more sentence of problem keeps the page full, so a gain pitchkit adds is cut, while
    # the problem stays within its word budget (47 for this director), so nothing of the
    # lead's is. It was two, then three (the money block's log rate, newuser26 #1; the extra
    # spend said once, newuser35 #7); since session 25's shorter money lines SSDEC as it is
    # fills the page, and three sentences (74 words) put the problem over its budget and cut it.
    # Session 26 (the netting said once, no share of a cash target while a project adds
    # spend) left room again: a short sentence more of change as well, each block within
    # its budget, so the page, not a budget, cuts a gain of pitchkit's. Session 27's merges left
    # the problem at 48 words against a budget of 47, so
    # the added sentence is a word shorter ("Most go home the next day.").
    # Session 30's merges (a brief's net of the extra spend, fixread30; the plan bullets' verbs)
    # fill the page with SSDEC as it is, so no sentence is added any more.
    text = SSDEC.read_text(encoding="utf-8")
    facts = tmp_path / "ssdec.yaml"
    facts.write_text(text, encoding="utf-8")
    (tmp_path / "log.csv").write_bytes((SSDEC.parent / "log.csv").read_bytes())
    out = cli("check", str(facts), "-d", "dof").stdout

    # Not "offer has 27 words; its budget is 20", with a cut the lead cannot make.
    assert "offer has" not in out
    assert "words from offer" not in out
    assert "The gains pitchkit adds to your offer make that block longer than its budget." in out
    assert (
        "pitchkit adds the role's typical gains after it: \"Recurrent savings to count in the "
        'financial plan"; "Evidence of value for money for the board".'
    ) in out
    # What is cut to fit is only pitchkit's own line, and is said so.
    assert "To fit one page, pitchkit leaves out gains it would add to your offer." in out
    assert "Nothing of yours is cut." in out
    assert "Shorten the texts named here in the facts file" not in out
    assert "project.problem has" not in out  # within its budget: the page, not a budget, cuts


def test_check_still_counts_a_long_offer_the_lead_wrote(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    text = SSDEC.read_text(encoding="utf-8")
    long = "A recurrent agency saving that does not depend on cutting posts " * 3
    facts = tmp_path / "long.yaml"
    facts.write_text(
        text.replace(
            "  - A recurrent agency saving that does not depend on cutting posts",
            f"  - {long.strip()}",
        ),
        encoding="utf-8",
    )
    (tmp_path / "log.csv").write_bytes((SSDEC.parent / "log.csv").read_bytes())
    out = cli("check", str(facts), "-d", "dof").stdout

    # Session 26 left this case fitting with only a gain cut (a strict xfail); session 27's
    # fuller money lines (fixbrief27, fixmoney27) count the long offer against its budget again.
    # 21: the money block gives the log's rate beside the plan's cash and so takes a little
    # more of the page (newuser26 #1), but no statement repeats the extra spend it nets
    # (newuser35 #7). 22 since fixbrief28's shorter money lines ("of funding" said once, the
    # next year "at the same average"); the offer is 3 × 11 = 33 words, 11 over.
    # 20 since session 30's fuller money and plan lines (fixread30, fixnu39a): 13 over.
    assert "offer has 33 words; its budget is 20." in out
    assert "Cut about 13 words from offer." in out


@pytest.mark.parametrize("director", ["dof", "coo", "md", "cno"])
@pytest.mark.parametrize("locale", [None, "cy_GB"])
def test_each_brief_gives_each_payback_once(director: str, locale: str | None) -> None:
    text = _money_text(director, locale)

    if locale is None:
        # The cash's own payback once, and the whole benefit's once.
        assert len(re.findall(r"from the cash alone", text)) == 1, text
        # 8 months, as the log gives it: £396,449 back after 7 months from July 2025, £482,399
        # after 8 (spreading 2025/26 evenly had said 7: newuser25 #2).
        assert len(re.findall(r"7.3 months", text)) == 1, text
        if director == "dof":
            assert "Payback from the cash alone: not within the project." in text
        else:
            assert (
                "(not paid back from the cash alone within the project, at the rate "
                "delivered so far). Payback counting capacity as if it were cash: "
                "7.3 months."
            ) in text
    else:
        assert len(re.findall(r"7.3 mis", text)) == 1, text
        # fixnu39b: the bracket has a subject, "ni fyddai'r arian parod ar ei ben ei hun …".
        alone = r"o'r arian parod yn unig|arian parod ar ei ben ei hun"
        assert len(re.findall(alone, text)) == 1, text
        if director == "dof":
            assert "Ad-dalu o'r arian parod yn unig: nid o fewn y prosiect." in text
        else:
            assert "Ad-dalu gan gyfrif capasiti fel petai'n arian parod: 7.3 mis." in text


@pytest.mark.parametrize(
    ("content", "where", "detail"),
    [
        ("locale = [1,2\n", "1:10", "Unclosed array"),
        ('locale = [1,2\nout = "notes"\n', "1:10", "Unclosed array"),
        ('out = "notes"\nlocale = "en_GB', "2:10", "Unterminated string"),
        ('out = "notes"\n\nlocale = [\n  "a",\n', "3:10", "Invalid value"),
        ('out = "notes" y\n', "1:15", "Expected newline or end of document after a statement"),
    ],
)
def test_a_settings_syntax_error_is_put_on_its_line(
    cli: Callable[..., Result], content: str, where: str, detail: str
) -> None:
    import os

    settings = Path(os.environ["PITCHKIT_CONFIG"])
    settings.write_text(content, encoding="utf-8")
    result = cli("check", str(SSDEC), "-d", "dof")

    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {settings}:{where}: this line is not a setting pitchkit can read ({detail}): "
        'write NAME = "VALUE", with the value in double quotes\n'
    )
