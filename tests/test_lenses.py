"""Role lenses: matching job titles, forcing a lens, and default objectives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError
from ruamel.yaml import YAML

import pitchkit.recast.lenses
from pitchkit.errors import DirectorsError
from pitchkit.facts.schema import THEMES, Director, Objective
from pitchkit.recast.lenses import (
    COMPILED,
    all_lenses,
    compile_lens_file,
    lens_for,
    objectives_for,
    read_lens_file,
    unknown_lens_message,
)
from pitchkit.recast.words import stem, tokens

CORE = ("chief-executive", "medical", "nursing", "finance")
CORE += ("operations", "workforce", "strategy", "digital")


def director(role: str, **fields: Any) -> Director:
    return Director(id="d1", name="Alex Jones", role=role, **fields)


ROLES = [
    ("Chief Executive", "chief-executive"),
    ("CEO", "chief-executive"),
    ("Interim Chief Executive Officer", "chief-executive"),
    ("Deputy Chief Executive", "chief-executive"),
    ("Medical Director", "medical"),
    ("Chief Medical Officer", "medical"),
    ("Executive Medical Director", "medical"),
    ("Chief Nurse", "nursing"),
    ("Director of Nursing, Midwifery and AHPs", "nursing"),
    ("Executive Director of Nursing and Midwifery", "nursing"),
    ("Chief Nursing Officer and Deputy CEO", "nursing"),
    ("Director of Nursing and Quality", "nursing"),
    ("Chief Finance Officer", "finance"),
    ("Director of Finance & Estates", "finance"),
    ("CFO", "finance"),
    ("Finance Director", "finance"),
    ("Director of Finance and Performance", "finance"),
    ("Deputy Chief Executive and Director of Finance", "finance"),
    ("Chief Financial Officer", "finance"),
    ("COO", "operations"),
    ("Chief Operating Officer", "operations"),
    ("Director of Operations", "operations"),
    ("Chief People Officer", "workforce"),
    ("Director of Workforce and OD", "workforce"),
    ("Director of People and Culture", "workforce"),
    ("Executive Director of Workforce and Organisational Development", "workforce"),
    ("Director of HR", "workforce"),
    ("Director of Strategy and Partnerships", "strategy"),
    ("Director of Strategic Planning", "strategy"),
    ("Executive Director of Planning and Performance", "strategy"),
    ("CDIO", "digital"),
    ("Chief Information Officer", "digital"),
    ("Chief Digital and Information Officer", "digital"),
    ("Chief Nursing Information Officer", "digital"),
    ("Director of Digital Transformation", "digital"),
    ("Director of Primary, Community and Mental Health", "primary-community"),
    ("Director of Primary Care and Community Services", "primary-community"),
    ("Executive Director of Public Health", "public-health"),
    ("Executive Director of Therapies and Health Science", "therapies"),
    ("Director of Allied Health Professions", "therapies"),
    # Welsh job titles, as a Welsh health board writes them.
    ("Prif Weithredwr", "chief-executive"),
    ("Cyfarwyddwr Meddygol", "medical"),
    ("Cyfarwyddwr Gweithredol Nyrsio, Bydwreigiaeth a Gwasanaethau Cleifion", "nursing"),
    ("Cyfarwyddwr Cyllid", "finance"),
    ("Cyfarwyddwr Gweithredol Cyllid", "finance"),
    ("Prif Swyddog Gweithredu", "operations"),
    ("Cyfarwyddwr Gweithrediadau", "operations"),
    ("Cyfarwyddwr y Gweithlu a Datblygu Sefydliadol", "workforce"),
    ("Cyfarwyddwr Cynllunio", "strategy"),
    ("Prif Swyddog Digidol", "digital"),
    ("Cyfarwyddwr Gofal Sylfaenol, Cymunedol ac Iechyd Meddwl", "primary-community"),
    ("Cyfarwyddwr Gweithredol Iechyd y Cyhoedd", "public-health"),
    ("Cyfarwyddwr Gweithredol Therapïau a Gwyddorau Iechyd", "therapies"),
]


@pytest.mark.parametrize(("role", "lens_id"), ROLES)
def test_role_picks_lens(role: str, lens_id: str) -> None:
    match = lens_for(director(role))
    assert (match.lens.id, match.how) == (lens_id, "role")
    assert match.matched
    assert match.matched.casefold() in role.casefold()


def test_matched_words_explain_the_choice() -> None:
    assert (
        lens_for(director("Director of Finance and Performance")).matched == "Director of Finance"
    )
    assert lens_for(director("Director of Nursing, Midwifery and AHPs")).matched == "Nursing"
    assert lens_for(director("CFO")).matched == "CFO"


@pytest.mark.parametrize(
    "role",
    [
        "Head of Estates",
        "Company Secretary",
        "Chair",
        "Lead Governor",
        "Cadeirydd",
        "Pennaeth Podiatreg",
    ],
)
def test_unknown_role_falls_back_to_general(role: str) -> None:
    match = lens_for(director(role))
    assert match.lens.id == "general"
    assert match.how == "fallback"
    assert match.matched == ""


@pytest.mark.parametrize("written", ["finance", "Finance", " FINANCE "])
def test_forced_lens_wins_over_role(written: str) -> None:
    match = lens_for(director("Chief Nurse", lens=written))
    assert match.lens.id == "finance"
    assert match.how == "forced"


def test_forced_lens_accepts_spaces_for_hyphens() -> None:
    assert lens_for(director("Chair", lens="chief executive")).lens.id == "chief-executive"


def test_unknown_forced_lens_suggests_the_nearest() -> None:
    message = str(unknown_lens_message("nurse"))
    assert "unknown lens 'nurse'" in message
    assert "did you mean 'nursing'" in message
    for lens_id in CORE:
        assert lens_id in message
    assert "\n" not in message
    assert unknown_lens_message("Nursing ") is None


def test_a_director_with_an_unknown_lens_is_refused_where_it_is_written() -> None:
    with pytest.raises(ValidationError, match="unknown lens 'nurse'"):
        director("Chief Nurse", lens="nurse")
    forced = Director.model_construct(id="d1", name="A", role="Chief Nurse", lens="nurse")
    with pytest.raises(DirectorsError, match="director 'd1': unknown lens 'nurse'"):
        lens_for(forced)


def test_unknown_forced_lens_written_as_a_title_suggests_by_role() -> None:
    assert "did you mean 'finance'" in str(unknown_lens_message("Director of Finance"))


def test_lens_defaults_used_when_director_lists_no_objectives() -> None:
    someone = director("Director of Finance")
    match = lens_for(someone)
    defaults = objectives_for(someone, match)
    assert defaults == match.lens.objectives
    assert "cip" in [o.id for o in defaults]


def test_own_objectives_replace_the_defaults() -> None:
    own = Objective(id="estates", text="Cut backlog maintenance")
    someone = director("Director of Finance", objectives=[own])
    assert objectives_for(someone, lens_for(someone)) == (own,)


def test_every_lens_is_complete() -> None:
    lenses = all_lenses()
    assert set(CORE) | {"general"} <= set(lenses)
    for lens in lenses.values():
        assert lens.title
        assert set(lens.themes) == set(THEMES)
        assert all(0.0 <= weight <= 1.0 for weight in lens.themes.values())
        assert lens.leads_with
        assert set(lens.leads_with) <= set(THEMES)
        assert 3 <= len(lens.objectives) <= 4
        assert {o.kind for o in lens.objectives} == {"organisational", "personal"}
        assert len({o.id for o in lens.objectives}) == len(lens.objectives)
        assert 2 <= len(lens.gains) <= 3
        assert lens.vocabulary


def test_lenses_lead_with_their_own_themes() -> None:
    lenses = all_lenses()
    assert lenses["finance"].leads_with[0] == "finance"
    assert lenses["nursing"].leads_with[:2] == ("safety", "experience")
    assert lenses["operations"].themes["flow"] == 1.0


def test_all_lenses_is_cached() -> None:
    assert all_lenses() is all_lenses()


@pytest.mark.parametrize(
    ("words", "same"),
    [
        ("nursing", "nurses"),
        ("financial", "finance"),
        ("operations", "operating"),
        ("readmissions", "readmission"),
        ("injuries", "injury"),
        ("electronically", "electronic"),
        ("admitted", "admit"),
    ],
)
def test_stems_agree(words: str, same: str) -> None:
    assert stem(words) == stem(same)


def test_tokens_keep_their_place_and_fold_numbers() -> None:
    text = "Meet the four-hour standard in A&E (78%)"
    found = tokens(text)
    assert [t.stem for t in found] == ["meet", "the", "4", "hour", "standard", "in", "a&e", "78%"]
    assert text[found[6].start : found[6].end] == "A&E"


def test_the_compiled_copy_of_the_lens_file_is_current() -> None:
    compiled = Path(pitchkit.recast.lenses.__file__).with_name(COMPILED)
    assert compiled.read_text(encoding="utf-8") == compile_lens_file(), "run `make lenses`"


def test_the_lens_file_reads_the_same_from_yaml_and_from_its_compiled_copy() -> None:
    text = (
        Path(pitchkit.recast.lenses.__file__).with_name("lenses.yaml").read_text(encoding="utf-8")
    )
    assert read_lens_file() == YAML(typ="safe").load(text)
