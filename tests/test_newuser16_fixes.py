"""newuser16's trial, problems 4, 5 and 8, each run as a user runs it and read back.

- 4: a wait rising every month from 11 to 18 weeks (a figure repeated on the way) had
  its limits recalculated from the change, giving "5 points below the lower limit (on
  the way to the new level)" on a wait that only got longer; a drain count of 10 after
  9, on its way from 15 to 4, read "1 point above the upper limit (concern)".
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from docchecks import docx_text
from pitchkit.notes.update.spc import analyse

HEAD = """\
version: 1.1
project:
  title: Community pathway
  organisation: Example Mental Health NHS Trust
  lead: {name: Sam Jones, role: Consultant Psychiatrist}
  problem: People in crisis are placed out of area and wait months for help.
  change: A community team in each locality offers help within weeks.
  start: 2025-04-01
  end: 2027-03-31
  funding: {amount: 420000, source: Mental health investment standard, status: agreed}
asks:
  - Fund a third locality team
meeting: {date: 2026-12-14, director: coo}
settings: {locale: LOCALE}
directors:
  - id: coo
    name: Alex Reid
    role: Chief Operating Officer
    objectives:
      - {id: beds, text: End inappropriate out-of-area placements, kind: organisational}
      - {id: waits, text: See 80% of people within 4 weeks, kind: organisational}
impacts:
  - id: placements
    measure: Out-of-area placement bed days
    unit: bed days
    per: month
    baseline: 117
    target: 35
    better: lower
    value: {amount: 640, source: Independent sector bed contract, price_year: 2025/26}
    releases: cash
    changed: 2025-10-01
    supports: [coo.beds]
  - id: wait
    measure: Median wait to first treatment
    unit: weeks
    baseline: 10
    target: 6
    better: lower
    changed: 2025-10-01
    supports: [coo.waits]
  - id: drains
    measure: Pleural drains inserted by the outsourced provider
    unit: drains
    per: month
    baseline: 15
    target: 3
    better: lower
    changed: 2025-10-01
updates:
"""

# Nine months before the change in October 2025, then fourteen since.
PLACEMENTS = [120, 112, 125, 118, 110, 122, 115, 119, 116]
PLACEMENTS += [105, 92, 88, 80, 74, 70, 66, 60, 58, 55, 50, 47, 44, 42]
WAIT = [10, 10, 11, 10, 9, 10, 10, 11, 10, 11, 12, 12, 13, 13, 14, 14, 15, 15, 16, 16, 17, 17, 18]
DRAINS = [16, 14, 15, 15, 16, 15, 16, 14, 15]
DRAINS += [13, 12, 12, 11, 10, 10, 9, 10, 9, 6, 5, 4, 4, 3]


def _facts(tmp: Path, locale: str = "en_GB", wait: list[int] = WAIT) -> Path:
    lines = [HEAD.replace("LOCALE", locale)]
    for index, (p, w, d) in enumerate(zip(PLACEMENTS, wait, DRAINS, strict=True)):
        year, month = 2025 + index // 12, index % 12 + 1
        lines.append(
            f"  - period: {year}-{month:02d}\n    status: green\n"
            f"    measures: {{placements: {p}, wait: {w}, drains: {d}}}"
        )
    path = tmp / "facts.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _update(cli: Callable[..., Result], tmp: Path, facts: Path, *extra: str) -> list[str]:
    out = tmp / "out"
    args = ["update", str(facts), "-d", "coo", "--period", "2026-11", "--out", str(out)]
    result = cli(*args, *extra)
    assert result.exit_code == 0, result.output
    [path] = out.glob("*.docx")
    return docx_text(path).splitlines()


def _chart_words(lines: list[str], measure: str) -> str:
    start = lines.index(next(line for line in lines if line.startswith(measure + " (")))
    return next(line for line in lines[start + 1 :] if line.strip())


def test_a_wait_still_rising_keeps_the_baseline_limits(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    lines = _update(cli, tmp_path, _facts(tmp_path))
    words = _chart_words(lines, "Median wait to first treatment")
    assert "still rising, so the limits are not recalculated until it settles" in words, words
    assert "on the way to the new level" not in words
    assert "below the lower limit" not in words
    assert "(concern)" in words  # a wait that got longer is still shown as a concern
    placements = _chart_words(lines, "Out-of-area placement bed days")
    assert "still falling, so the limits are not recalculated until it settles" in placements


def test_a_wait_held_at_its_new_level_has_settled(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    settled = [*WAIT[:16], 15, 15, 15, 15, 15, 15, 15]
    lines = _update(cli, tmp_path, _facts(tmp_path, wait=settled))
    words = _chart_words(lines, "Median wait to first treatment")
    assert "still rising" not in words, words
    assert "recalculated from" in words, words


def test_a_step_inside_the_fall_is_no_concern(cli: Callable[..., Result], tmp_path: Path) -> None:
    lines = _update(cli, tmp_path, _facts(tmp_path))
    words = _chart_words(lines, "Pleural drains inserted by the outsourced provider")
    assert "(concern)" not in words, words
    # The strict fall (13, 12, 12, 11, 10, 10, 9) ends in April 2026, but May's 10 and June's
    # 9 are still on the way down to the new level of 6, 5, 4, 4, 3: limits made from May put
    # them "above the upper limit (on the way to the new level)" and stretched the new limits
    # to reach them. The limits now start in July, where the new level begins (fixspc20), and
    # May and June are judged against the baseline's limits, as the rest of the fall is.
    assert "falling until June 2026, so the limits are recalculated from July 2026" in words


def test_a_signal_inside_the_run_to_the_new_level_is_on_the_way() -> None:
    # A noisy fall from 15 to about 4: no trend carries it. Limits made from the change put
    # the months of the fall above them, worded "on the way to the new level"; since fixspc20
    # the limits start where the new level begins, at the first 4 (point 16), and the fall
    # (13, 11, 12, 10, 12, 9, 11, 8), its 12 and 11 after a 10 and a 9 included, is judged
    # against the old limits, as improvement: nothing on the chart points the worse way.
    base = [15.0, 16, 14, 15, 16, 15, 14, 15]
    after = [13.0, 11, 12, 10, 12, 9, 11, 8, 4, 3, 4, 3, 4, 3, 4, 3, 4, 3]
    result = analyse(base + after, better="lower", changes=[len(base)])
    assert result.segments[-1].start == 16
    assert not [s for s in result.signals if s.direction == "up"]
    assert all(s.improvement for s in result.signals)
    # A slip back from the new level is still a concern.
    slipped = analyse([*base, *after, 14.0], better="lower", changes=[len(base)])
    assert any(s.improvement is False for s in slipped.signals)


def test_the_board_sentence_names_a_measure_getting_worse(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    """newuser16 #5: the board sentence gave the falls in placements and left out the wait."""
    lines = _update(cli, tmp_path, _facts(tmp_path))
    sentence = lines[lines.index("For your board report") + 1]
    assert "713 fewer out-of-area placement bed days" in sentence, sentence
    assert sentence.endswith(
        "; the median wait to first treatment has risen from an average of 10.1 weeks before "
        "the change to 18 weeks in November 2026."
    ), sentence


def test_the_welsh_board_sentence_names_a_measure_getting_worse(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    lines = _update(cli, tmp_path, _facts(tmp_path, locale="cy_GB"))
    start = next(i for i, line in enumerate(lines) if line.startswith("Ar gyfer eich adroddiad"))
    sentence = lines[start + 1]
    assert "wedi codi o gyfartaledd o 10.1 wythnos cyn y newid i 18 wythnos" in sentence, sentence
    assert "the median" not in sentence


def test_a_pack_is_refused_whole_when_a_directors_note_is_already_there(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    """newuser16 #8: the pack was written without the director whose brief was there."""
    from test_batch import FACTS, GOOD_ROWS, directors_csv

    team = directors_csv(tmp_path / "team.csv", GOOD_ROWS)
    out = tmp_path / "out"
    out.mkdir()
    mine = out / "Frailty virtual ward - brief - Tom Okafor.docx"
    mine.write_bytes(b"my own edits")
    pack = tmp_path / "pack.docx"
    args = ["batch", str(FACTS), "--directors", str(team), "--out", str(out), "--pack", str(pack)]
    result = cli(*args)
    assert result.exit_code == 1
    # The sheet has no objectives column, which is warned of first: the error is the rest.
    said = result.stderr.strip()
    line = said[said.index("error: ") :]
    assert "\n" not in line, said
    assert line.startswith("error: Tom Okafor (coo): "), line
    assert "already exists, so the pack would leave them out: pass --force" in line, line
    assert line.endswith("nothing was written"), line
    assert sorted(p.name for p in out.iterdir()) == [mine.name]  # nothing partial
    assert mine.read_bytes() == b"my own edits"
    assert not pack.exists()
    forced = cli(*args, "--force")
    assert forced.exit_code == 0, forced.output
    assert "Tom Okafor" in docx_text(pack)
    assert "Tom Okafor" in docx_text(mine)


CRISIS = """\
version: 1.1
project:
  title: Crisis pathway
  organisation: Example Mental Health NHS Trust
  lead: {name: Sam Jones, role: Consultant Psychiatrist}
  problem: People in crisis are placed out of area and attend A&E again and again.
  change: A community team offers crisis plans and a 24/7 crisis line.
  start: 2026-04-01
  end: 2028-03-31
  funding: {amount: 420000, source: Mental health investment standard, status: agreed}
asks:
  - Fund a third locality team
meeting: {date: 2026-12-14, director: coo}
settings: {locale: LOCALE}
directors:
  - id: coo
    name: Alex Reid
    role: Chief Operating Officer
    objectives:
      - {id: waits, text: End 12-hour waits in A&E for mental health patients}
      - {id: beds, text: Eliminate inappropriate out-of-area placements}
  - id: dof
    name: Helen Carter
    role: Director of Finance
    objectives:
      - {id: cip, text: Deliver the cost improvement programme}
impacts:
  - id: placements
    measure: Out-of-area placement bed days
    unit: bed days
    per: year
    baseline: 1400
    target: 1000
    value: {amount: 640, source: Independent sector bed contract, price_year: 2025/26}
    releases: cash
    supports: [coo.beds, dof.cip]
  - id: crisis
    measure: A&E attendances in mental health crisis
    unit: attendances
    per: year
    baseline: 2100
    target: 1400
    value: {amount: 148, source: NHS reference costs, price_year: 2023/24}
    releases: capacity
    supports: [coo.waits]
"""


def test_a_reason_given_twice_in_other_words_is_said_once(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    """newuser16 #8: "... and people in crisis wait longest in it; people in mental health
    crisis wait longest in the emergency department" (two steps of one chain)."""
    facts = tmp_path / "facts.yaml"
    facts.write_text(CRISIS.replace("LOCALE", "en_GB"), encoding="utf-8")
    result = cli("preview", str(facts), "-d", "coo")
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert "people in crisis wait longest in it." in text, text
    assert "wait longest in the emergency department" not in text


def test_payback_is_said_as_plain_finance_language(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    """newuser16 #8: "Payback, the same in every director's note:" was the tool talking."""
    for locale, said in (
        # The finance block's years give the payback counting capacity as cash; the
        # sentence after them gives the cash's own (newuser19 #8).
        ("en_GB", "Payback from the cash alone: "),
        ("cy_GB", "Ad-dalu o'r arian parod yn unig: "),
    ):
        facts = tmp_path / f"facts-{locale}.yaml"
        facts.write_text(CRISIS.replace("LOCALE", locale), encoding="utf-8")
        result = cli("preview", str(facts), "-d", "dof")
        assert result.exit_code == 0, result.output
        text = " ".join(result.stdout.split())
        assert said in text, text
        assert "the same in every director" not in text
        assert "yr un fath ym mhob nodyn" not in text


def test_ids_keep_a_and_e_and_a_code_in_capitals(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    """newuser16 #8: ``e-attendances-mental`` lost the A of A&E; "Meet the DM01 diagnostic
    standard" was ``diagnostic-standard``, though README says capitals give the id."""
    from pitchkit.init.answers import slug
    from test_cli_team_file import facts_without_directors, meeting_with, team_sheet, with_supports

    assert slug("A&E attendances in mental health crisis") == "ae-attendances-mental"
    assert slug("Attendances at A & E") == "attendances-ae"
    facts = facts_without_directors(tmp_path)
    meeting_with(facts, "coo")
    team = team_sheet(
        tmp_path / "team.csv",
        [
            ["id", "name", "role", "objectives"],
            ["coo", "Tom Okafor", "Chief Operating Officer", "Meet the DM01 diagnostic standard"],
        ],
    )
    shown = cli("directors", str(facts), "--directors", str(team))
    assert shown.exit_code == 0, shown.stderr
    assert "coo.dm01: Meet the DM01 diagnostic standard" in " ".join(shown.stdout.split())
    # A link written with the id pitchkit gave it before still links.
    with_supports(facts, "coo.diagnostic-standard")
    kept = cli("directors", str(facts), "--directors", str(team))
    assert kept.exit_code == 0, kept.stderr
    assert "coo.diagnostic-standard: Meet the DM01" in " ".join(kept.stdout.split())
