"""newuser36: a community trust's diabetic foot protection clinic, its team on a spreadsheet.

``tests/data/newuser36``: Northvale Community Health NHS Trust asks £320,000 (£200,000 of it
the ICB's) to cut emergency admissions with a diabetic foot ulcer, valued at ICB tariff
(``payer: ICB``); ``facts-cash.yaml`` is the same with ``releases: cash``. Eight directors in
``team.xlsx``: the project serves the chief executive's, the medical director's and the
director of strategy's objectives, and none of the Director of People's (``dop``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from documenttext import document_text
from pitchkit.api.previewing import PreviewRequest, preview
from pitchkit.notes.preview import plain_preview

DATA = Path(__file__).resolve().parent / "data" / "newuser36"
FACTS, CASH, TEAM = DATA / "facts.yaml", DATA / "facts-cash.yaml", DATA / "team.xlsx"
TODAY = dt.date(2026, 12, 7)
Cli = Callable[..., Result]


def note(facts: Path, director: str, locale: str | None = None) -> str:
    request = PreviewRequest(
        facts=facts, director=director, directors=TEAM, today=TODAY, locale=locale
    )
    result = preview(request)
    text = " ".join(plain_preview(result.preview, result.lang).split())
    return text.split(" Checks ------ ")[0].split(" Gwiriadau ")[0]  # the note, not check


def test_a_director_the_project_does_not_serve_is_asked_for_advice_not_to_sponsor() -> None:
    """#4: the Director of People was asked to sponsor the project and chair its board,
    then told it "does not yet link to your objectives", and asked the finance question."""
    text = note(FACTS, "dop")
    assert "We are not asking you to sponsor this project: we would value 20 minutes" in text
    assert "sponsor this project and" not in text
    assert "chair the project board" not in text.casefold()
    assert "Support the £320,000 bid" not in text
    assert "Which budget line" not in text  # the finance director's question
    # A director it serves is still asked to sponsor, with the asks.
    served = note(FACTS, "ceo")
    assert "We would like you to sponsor this project and to chair the project board" in served
    assert "Support the £320,000 bid" in served


def test_the_advice_ask_is_in_welsh_too() -> None:
    text = note(FACTS, "dop", locale="cy_GB")
    assert "We are not asking you" not in text
    assert "Chair the project board" not in text
    assert "20 munud" in text


def test_icb_cash_says_whose_money_the_payback_is_in_once() -> None:
    """#3: "payback 9.7 months; £2.46 per £1" then "none of it pays back the £320,000"."""
    text = note(CASH, "dof")
    assert "payback 9.7 months" in text
    assert "none of it pays back" not in text
    assert (
        "All of the plan's benefit, £394,000 a year, is in the ICB's budget, not the trust's: "
        "the payback above is in that money, and none of it comes back to the trust's own budget."
    ) in text


def test_acute_beds_the_icb_pays_for_are_said_to_be_the_acute_hospitals() -> None:
    """#5: a community trust's "money only when beds or escalation capacity close"."""
    text = note(FACTS, "dof")
    assert "money only when beds or escalation capacity close" not in text
    assert (
        "Capacity: £394,000 a year (4 fewer admissions a month), time and beds freed in acute "
        "hospitals, which the ICB pays for, not money for the trust."
    ) in text
    # The payback beside it is not taken back: it counts the capacity as if it were cash.
    assert "none of it pays back" not in text
    assert "the payback above counts it as if it were cash" in text
    welsh = note(FACTS, "dof", locale="cy_GB")
    assert "y mae'r bwrdd gofal integredig yn talu amdano" in welsh


def test_check_offers_no_trust_budget_link_for_the_icbs_money(cli: Cli) -> None:
    """#3: the ICB's tariff was offered to the trust's cost improvement programme."""
    result = cli("check", str(CASH), "--directors", str(TEAM), "-d", "dof", "--today", "2026-12-07")
    assert "dof.cost-improvement]" not in result.stdout + result.stderr
    assert "dof.financial-plan]" not in result.stdout + result.stderr


def test_a_note_open_in_libreoffice_is_not_replaced(cli: Cli, tmp_path: Path) -> None:
    """#10: LibreOffice's ``.~lock.NAME#`` was not noticed, and --force wrote over the note."""
    out = tmp_path / "out"
    made = cli("brief", str(FACTS), "--directors", str(TEAM), "-d", "dof", "--out", str(out))
    assert made.exit_code == 0, made.stderr
    [note] = out.glob("*.docx")
    (out / f".~lock.{note.name}#").write_text(
        ",Priya Raman,host,07.12.2026 10:00,file:///", "utf-8"
    )
    before = note.read_bytes()
    again = cli(
        "brief", str(FACTS), "--directors", str(TEAM), "-d", "dof", "--out", str(out), "--force"
    )
    assert again.exit_code == 1
    assert f"{note} is open in LibreOffice: close it and run again" in again.stderr
    assert note.read_bytes() == before


def test_a_pack_already_there_names_the_pack_option(cli: Cli, tmp_path: Path) -> None:
    """#10: "pack.docx already exists: ... or choose another --out" for the --pack file."""
    pack = tmp_path / "pack.docx"
    pack.write_bytes(b"x")
    result = cli(
        "batch", str(FACTS), "--directors", str(TEAM), "--out", str(tmp_path / "out"),
        "--pack", str(pack),
    )  # fmt: skip
    assert result.exit_code == 1
    assert f"{pack} already exists: pass --force to replace it, or choose another --pack" in (
        result.stderr
    )


def test_the_next_update_is_named_by_its_period_not_by_its_last_day(
    cli: Cli, tmp_path: Path
) -> None:
    """#10: "Next update: 31 December 2026" on the November update is the end of December,
    not a day an update on December could be sent."""
    out = tmp_path / "out"
    result = cli(
        "update", str(FACTS), "--directors", str(TEAM), "-d", "dof", "--out", str(out),
        "--today", "2026-12-07",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    [note] = out.glob("*.docx")
    text = document_text(note.read_bytes())
    # fixread31a #4: when and what, not "the update for December 2026".
    assert "Next update | early January 2027, covering December 2026" in text
    assert "31 December 2026" not in text


def test_the_fill_in_message_is_a_warning_with_or_without_period(cli: Cli, tmp_path: Path) -> None:
    """#10: "warning:" before the words with --period, and nothing before them without."""
    # August 2026: the facts' progress log has entries for June and October 2026 (added with
    # fixspc28's copy of the user's facts), and a period with an entry is no fill-in.
    for args in ([], ["--period", "2026-08"]):
        out = tmp_path / (args[-1] if args else "latest")
        result = cli(
            "update", str(FACTS), "--directors", str(TEAM), "-d", "dof", "--out", str(out),
            "--today", "2026-12-07", *args,
        )  # fmt: skip
        assert result.exit_code == 0, result.stderr
        [line] = [line for line in result.stderr.splitlines() if "has the figures for" in line]
        assert line.startswith("warning: the measures spreadsheet has the figures for")


def test_the_director_the_meeting_is_booked_with_is_still_asked_to_sponsor() -> None:
    """The facts book the meeting with the finance director, whose objectives the project
    does not serve: the lead chose them, so the note asks them to sponsor, not for advice."""
    text = note(FACTS, "dof")
    assert "We are not asking you" not in text
    assert "sponsor this project" in text
