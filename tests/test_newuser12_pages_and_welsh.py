"""newuser12's trial (items 6, 9, 11-14): an update kept to its two pages, Welsh words that
are also English words, a Welsh plural after a numeral, ids that name the thing measured,
seasonal wording by the note's date, and a measures log naming every error at once.

The facts are the trial's discharge lounge (``facts.yaml``, ``log.xlsx``, ``team.xlsx``) and
Welsh continence service (``ffeithiau.yaml``, ``tim.csv``, ``log.csv``) in
``tests/data/newuser12b``, written on 5 December 2026 as the trial was.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from docchecks import docx_text, pdf_pages

DATA = Path(__file__).parent / "data" / "newuser12b"
LOUNGE = DATA / "facts.yaml"
TEAM = DATA / "team.xlsx"
CYMRU = DATA / "ffeithiau.yaml"
TIM = DATA / "tim.csv"
TODAY = dt.date(2026, 12, 5)


def _run(*args: str) -> tuple[int, str, str]:
    from typer.testing import CliRunner

    from pitchkit.cli import app

    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def _update(tmp_path: Path, director: str, **more: object) -> tuple[Path, object]:
    from pitchkit.api.update import UpdateRequest, write_update

    request = UpdateRequest(
        facts=LOUNGE, directors=TEAM, director=director, out=tmp_path, today=TODAY, **more
    )
    result = write_update(request)
    [path] = result.written
    return path, result


# --- item 6: the update keeps to the two pages it says -----------------------------------


def test_the_estimate_finds_the_english_update_too_long_with_both_charts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two XmR charts with long captions took the COO's update to three pages (LibreOffice's
    # count in the trial); pitchkit's own estimate, with no LibreOffice, now sees it and
    # shows one chart, and says so.
    monkeypatch.setenv("PITCHKIT_MEASURE", "0")
    path, result = _update(tmp_path, "coo")
    assert result.pages == 2  # type: ignore[attr-defined]
    assert result.pages_measured is False  # type: ignore[attr-defined]
    text = docx_text(path)
    assert "Charts are shown for 1 of the 6 measures" in text
    assert "to keep this update to two pages" in text


def test_update_json_gives_the_pages_as_the_brief_s_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PITCHKIT_MEASURE", "0")
    code, out, _err = _run(
        "update", str(LOUNGE), "--directors", str(TEAM), "-d", "coo", "--out", str(tmp_path),
        "--json",
    )  # fmt: skip
    assert code == 0
    found = json.loads(out)
    assert found["pages"] == 2
    assert found["pages_measured"] is False


def test_a_long_list_of_signals_names_the_weightiest_and_counts_the_rest() -> None:
    from pitchkit.i18n.translation import language
    from pitchkit.notes.update.charting import more_signals_text
    from pitchkit.notes.update.spc import Signal

    def signal(improvement: bool | None) -> Signal:
        return Signal("outside_limits", 3, 3, "up", improvement, (3,), 1)

    rest = [signal(False), signal(False), signal(True), signal(None)]
    assert more_signals_text(rest, language("en")) == (
        "and 4 more signals (2 concern, 1 improvement), not listed to keep this update to two pages"
    )
    welsh = more_signals_text(rest, language("cy"))
    assert "a 4 arwydd arall (2 bryder, 1 gwelliant)" in welsh


def test_the_estimate_agrees_with_libreoffice_on_the_trial_s_updates() -> None:
    # Both charts, then one: three pages, then two (LibreOffice's counts in the trial).
    from dataclasses import replace

    from pitchkit.api.base import Heard, with_log, with_team
    from pitchkit.facts.project import open_project
    from pitchkit.notes.update.making import _rendered
    from pitchkit.notes.update.pages import estimate
    from pitchkit.notes.update.situation import situate

    heard = Heard(None)
    [project] = with_log(with_team([open_project(LOUNGE)], TEAM, heard), None, heard)
    director = next(d for d in project.facts.directors if d.id == "coo")
    situation = situate(project.facts, director, project.lang, period=None, today=TODAY)
    pages = []
    for most in (None, 1):
        _context, data = _rendered(replace(situation, charts_at_most=most), project, None, TODAY)
        found = estimate(data)
        assert found is not None
        pages.append(found.pages)
    assert pages == [3, 2]


@pytest.mark.tools
@pytest.mark.slow
@pytest.mark.parametrize("template", [None, "my-update-styled.docx"])
def test_the_english_update_is_two_pages_as_libreoffice_lays_it_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, template: str | None
) -> None:
    # The built-in template (COO) and the trial's restyled one (Georgia, MD) were 3 pages.
    monkeypatch.setenv("PITCHKIT_MEASURE", "1")
    director = "coo" if template is None else "md"
    more = {} if template is None else {"template": DATA / template}
    path, result = _update(tmp_path, director, **more)
    assert pdf_pages(path) == 2
    assert result.pages == 2  # type: ignore[attr-defined]
    assert "Contact" in docx_text(path)


# --- item 9: Welsh words that are also English words ----------------------------------------


def test_a_welsh_word_that_is_also_english_is_not_english_text() -> None:
    from pitchkit.i18n.welsh import reads_as_english, welsh_words

    assert "plant" in welsh_words()
    assert not reads_as_english("plant")
    assert not reads_as_english("Cynllun Tymor Canolig Integredig 2025-28: plant a phobl ifanc")
    # English stays English: a word both languages' own messages use counts for neither.
    assert reads_as_english("plants")
    assert reads_as_english("Frailty virtual ward")
    assert reads_as_english("Staff")


def test_the_welsh_update_gives_no_english_text_warning_for_plant(tmp_path: Path) -> None:
    from pitchkit.api.update import UpdateRequest, write_update

    for period in (None, "2026-Q3"):
        request = UpdateRequest(
            facts=CYMRU,
            directors=TIM,
            measures=DATA / "log.csv",
            director="cyllid" if period is None else "pw",
            out=tmp_path / (period or "month"),
            today=TODAY,
            period=period,
        )
        warnings = " ".join(str(w) for w in write_update(request).warnings)
        assert "Saesneg" not in warnings


# --- item 11: the Welsh singular after a numeral --------------------------------------------


def test_a_welsh_plural_unit_in_ad_takes_the_singular_after_a_number(tmp_path: Path) -> None:
    from pitchkit.api.notes import BriefRequest, write_brief
    from pitchkit.i18n.fmt import unit_words
    from pitchkit.i18n.translation import language

    cymraeg = language("cy")
    assert unit_words("cyflenwadau", cymraeg) == "cyflenwad"
    assert unit_words("triniaethau", cymraeg) == "triniaeth"
    assert unit_words("sesiynau", cymraeg) == "sesiynau"  # no sure rule: as written
    request = BriefRequest(
        facts=CYMRU,
        directors=TIM,
        measures=DATA / "log.csv",
        director="cyllid",
        out=tmp_path,
        today=TODAY,
        advice=False,
    )
    [path] = write_brief(request).written
    text = docx_text(path)
    assert "cyflenwadau yn llai" not in text
    assert "1,200 cyflenwad" in text


# --- item 12: ids name the thing measured ---------------------------------------------------


def test_ids_name_the_thing_measured_and_the_ids_made_before_still_link(tmp_path: Path) -> None:
    from pitchkit.facts.directors import objective_id

    assert objective_id("Keep adult general and acute bed occupancy at or below 92%") == (
        "bed-occupancy"
    )
    assert objective_id("Move care from hospital into the community") == "care-community"
    assert objective_id("Be rated good by the CQC for urgent and emergency care") == "cqc-good"
    assert (
        objective_id("Improve the timeliness and quality of discharge summaries to GPs")
        == "discharge-summaries"
    )
    # Unchanged: the shapes the rule is not about.
    assert objective_id("Reduce harm from falls and pressure ulcers") == "harm-falls"
    assert objective_id("Shift planned care from hospitals into community services") == (
        "planned-care"
    )
    assert objective_id("Deliver the 2026/27 operating plan and exit segment 3") == (
        "operating-plan"
    )
    # A link written with the id the trial's pitchkit made keeps working.
    text = LOUNGE.read_text(encoding="utf-8").replace(
        "    releases: capacity\n", "    releases: capacity\n    supports: [coo.adult-general]\n", 1
    )
    (tmp_path / "facts.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "log.xlsx").write_bytes((DATA / "log.xlsx").read_bytes())
    code, out, err = _run(
        "directors", str(tmp_path / "facts.yaml"), "--directors", str(TEAM), "--json"
    )
    assert code == 0, err
    found = json.loads(out)
    refs = {o["ref"] for d in found["directors"] for o in d["every_objective"]}
    # The objective a link names by its former id keeps that id; the others take the new.
    assert {"coo.adult-general", "md.discharge-summaries", "ceo.cqc-good"} <= refs
    assert "coo.bed-occupancy" not in refs


# --- item 13: seasonal wording follows the note's date --------------------------------------


def test_capacity_is_not_released_ahead_of_winter_in_december(tmp_path: Path) -> None:
    from pitchkit.notes.context import in_season

    assert in_season("capacity released ahead of winter", dt.date(2026, 12, 5)) == (
        "capacity that could be freed this winter"
    )
    assert in_season("capacity released ahead of winter", dt.date(2026, 9, 5)) == (
        "capacity released ahead of winter"
    )
    from pitchkit.api.notes import BriefRequest, write_brief

    request = BriefRequest(
        facts=LOUNGE, directors=TEAM, director="coo", out=tmp_path, today=TODAY, advice=False
    )
    [path] = write_brief(request).written
    text = docx_text(path)
    assert "ahead of winter" not in text


# --- item 14: a measures log names every error at once --------------------------------------


def test_a_log_with_a_misspelt_header_and_a_bad_date_names_both(tmp_path: Path) -> None:
    code, _out, err = _run(
        "check", str(LOUNGE), "--directors", str(TEAM), "--measures",
        str(DATA / "log-two-errors.xlsx"),
    )  # fmt: skip
    assert code == 1
    assert "column lounge-usee" in err
    assert "did you mean 'lounge-use'" in err
    assert "row 10: column Month: '13/2026' has no month 13" in err


def test_the_shipped_welsh_words_are_what_the_catalog_and_map_give_now() -> None:
    # welshwords.json saves every run from tokenising the catalog (0.12 s of a brief);
    # scripts/i18n.py writes it when it compiles the catalog, so it never falls behind.
    from pitchkit.i18n.translation import language
    from pitchkit.i18n.welsh import WELSH_WORDS_FILE, count_welsh_words, welsh_words

    catalog = getattr(language("cy").translations, "_catalog", {})
    assert WELSH_WORDS_FILE.exists()
    assert welsh_words() == count_welsh_words(catalog)
    assert "plant" in welsh_words()
    assert "staff" not in welsh_words()
