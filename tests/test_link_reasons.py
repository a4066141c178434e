"""A note says why each map link holds, in the measure map's own words.

A director reading "bed days … 1,600 fewer" under an objective on agency
spend needs the step between the two. The note gives the reasons of the
link's chain after the claim, leaves them out where the chain only counts
one measure inside another, and fitting a page takes them off before it
drops a statement. The map's reasons are in English, so Welsh notes and both
pages of a bilingual note go without.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from docchecks import docx_text
from pitchkit.facts.project import open_project, pick_director
from pitchkit.i18n.translation import language
from pitchkit.notes.bilingual import make_bilingual_brief, open_pair
from pitchkit.notes.brief import make_brief_note
from pitchkit.notes.context import brief_context
from pitchkit.notes.fit import fit_note
from pitchkit.recast.measures import read_measure_file
from pitchkit.recast.pitch import recast

ROOT = Path(__file__).resolve().parent.parent
FRAILTY = ROOT / "examples" / "frailty-virtual-ward" / "facts.yaml"
DAY = dt.date(2026, 12, 3)


def every_reason() -> list[str]:
    """Each edge's reason in the measure map, as a note would start it."""
    found: list[str] = []
    for concept in read_measure_file()["concepts"]:
        for edge in concept.get("to", []) or []:
            found.append(str(edge["why"]).rstrip("."))
    return found


def statements(director_id: str, *, lang: str = "en") -> list[dict[str, object]]:
    project = open_project(FRAILTY)
    director = pick_director(project.facts, director_id)
    pitch = recast(project.facts, director, today=DAY)
    context = brief_context(pitch, language(lang), today=DAY)
    shown: list[dict[str, object]] = context["pitch"]["statements"]
    return shown


def note_text(director_id: str, tmp_path: Path) -> str:
    project = open_project(FRAILTY)
    note = make_brief_note(project, pick_director(project.facts, director_id), today=DAY)
    path = tmp_path / f"{director_id}.docx"
    path.write_bytes(note.data)
    return docx_text(path)


def test_the_map_has_reasons_to_give() -> None:
    reasons = every_reason()
    assert len(reasons) > 100
    assert all(reason.strip() for reason in reasons)


def test_a_link_through_another_measure_says_why_after_the_claim(tmp_path: Path) -> None:
    text = note_text("coo", tmp_path)
    bullet = next(line for line in text.splitlines() if line.startswith("See 78% of emergency"))
    _claim, _, reason = bullet.partition("worth £423,000 a year in capacity. ")
    assert reason == (
        "Fewer emergency admissions means fewer occupied beds; "
        "free beds let the emergency department admit patients without waiting."
    )


def test_the_chief_nurse_is_told_how_bed_days_become_harm(tmp_path: Path) -> None:
    text = note_text("don", tmp_path)
    assert "Every day spent in a hospital bed costs an older patient strength and mobility" in text
    assert "deconditioning caused by a hospital stay is itself a hospital-acquired harm." in text


def test_a_measure_counted_inside_another_needs_no_reason() -> None:
    occupancy = next(s for s in statements("coo") if s["objective_id"] == "occupancy")
    assert occupancy["how"] == ""
    assert occupancy["text"] == occupancy["claim"]


def test_two_impacts_on_one_objective_keep_the_claims_before_the_reasons() -> None:
    for statement in statements("coo"):
        assert statement["text"] == (
            f"{statement['claim']} {statement['how']}" if statement["how"] else statement["claim"]
        )
    personal = next(s for s in statements("coo") if s["objective_id"] == "winter-plan")
    assert str(personal["claim"]).startswith("The same change in")
    assert str(personal["how"]).startswith("Every admission avoided saves the bed days")


def test_a_reason_under_the_second_of_two_impacts_reads_cleanly() -> None:
    girft = next(s for s in statements("md") if s["objective_id"] == "girft")
    assert girft["how"] == (
        "Discharge to assess moves assessment out of hospital; "
        "discharge delays add directly to length of stay."
    )
    assert "  " not in str(girft["text"])
    assert str(girft["text"]).endswith(f"points higher. {girft['how']}")


def test_a_welsh_note_gives_no_english_reasons() -> None:
    assert all(s["how"] == "" for s in statements("coo", lang="cy"))


def test_both_pages_of_a_bilingual_note_go_without_reasons(tmp_path: Path) -> None:
    pair = open_pair(FRAILTY)
    director = pick_director(pair.en.facts, "coo")
    alone = tmp_path / "english.docx"
    alone.write_bytes(make_brief_note(pair.en, director, today=DAY).data)
    reasons = [reason[:1].upper() + reason[1:] for reason in every_reason()]
    given = [reason for reason in reasons if reason in docx_text(alone)]
    assert given, "the English note alone gives the map's reasons"
    both = tmp_path / "both.docx"
    both.write_bytes(make_bilingual_brief(pair, director.id, today=DAY).data)
    assert not [reason for reason in given if reason in docx_text(both)]


def test_fitting_takes_reasons_off_before_it_drops_a_statement() -> None:
    project = open_project(FRAILTY)
    pitch = recast(project.facts, pick_director(project.facts, "coo"), today=DAY)
    context = brief_context(pitch, language("en"), today=DAY)
    full = fit_note(context, page=5000).height
    seen_reasonless_second = False
    for page in range(int(full), 300, -4):
        shown = fit_note(context, page=float(page)).context["pitch"]["statements"]
        if len(shown) == len(context["pitch"]["statements"]) and len(shown) > 1:
            seen_reasonless_second |= all(not s["how"] for s in shown[1:])
        if len(shown) < len(context["pitch"]["statements"]):
            assert seen_reasonless_second, "a statement was dropped while others kept reasons"
            break
    else:
        pytest.fail("no page was small enough to drop a statement")


def test_a_reason_taken_off_is_reported_as_such() -> None:
    project = open_project(FRAILTY)
    pitch = recast(project.facts, pick_director(project.facts, "coo"), today=DAY)
    context = brief_context(pitch, language("en"), today=DAY)
    full = fit_note(context, page=5000).height
    for page in range(int(full), 300, -2):
        fit = fit_note(context, page=float(page))
        shown = fit.context["pitch"]["statements"]
        if any(s["how"] == "" and s["claim"] != s["text"] for s in shown):
            pytest.fail("a statement's text still holds a reason taken off")
        said = [str(cut.detail) for cut in fit.cuts if cut.field == "pitch.statements"]
        if said:
            assert "without the reason its link holds" in said[0]
            return
    pytest.fail("fitting never took a reason off")
