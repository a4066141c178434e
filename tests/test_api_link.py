"""The ``link`` use case (pitchkit.api.decide_links), called as a program would call it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pitchkit.api import LinkRequest, decide_links
from pitchkit.errors import PitchkitError
from pitchkit.facts.schema import load_facts

SEPSIS = Path(__file__).parent / "data" / "sepsis_project.yaml"


@pytest.fixture
def facts(tmp_path: Path) -> Path:
    path = tmp_path / "facts.yaml"
    shutil.copy(SEPSIS, path)
    return path


def test_answers_from_the_request_are_written_and_reported(facts: Path) -> None:
    result = decide_links(
        LinkRequest(
            facts, accept=("antibiotics:md.shmi",), reject=("antibiotics:cn.deterioration",)
        )
    )
    assert (result.written, result.accepted, result.rejected) == (True, 1, 1)
    assert result.proposed >= 3
    antibiotics = load_facts(facts).facts.impact("antibiotics")
    assert antibiotics is not None
    assert (antibiotics.supports, antibiotics.excludes) == (["md.shmi"], ["cn.deterioration"])
    data = result.to_json()
    assert data["decisions"][0] == {"impact": "antibiotics", "ref": "md.shmi", "accept": True}
    assert data["locale"] == "en_GB"


def test_the_ask_function_is_put_each_proposed_link_until_it_stops(facts: Path) -> None:
    asked: list[str] = []

    def ask(candidate, lang):  # type: ignore[no-untyped-def]
        asked.append(candidate.key)
        return "y" if len(asked) == 1 else "q"

    result = decide_links(LinkRequest(facts), ask=ask)
    assert len(asked) == 2
    assert (result.written, result.accepted, result.rejected) == (True, 1, 0)


def test_a_mistyped_answer_writes_nothing(facts: Path) -> None:
    before = facts.read_text(encoding="utf-8")
    with pytest.raises(PitchkitError):
        decide_links(
            LinkRequest(facts, accept=("antibiotics:md.shmi",), reject=("antibiotic:md.x",))
        )
    assert facts.read_text(encoding="utf-8") == before


def test_accept_and_reject_read_a_comma_list_in_each_item(facts: Path) -> None:
    request = LinkRequest(
        facts,
        accept=["antibiotics:md.shmi, cc-bed-days:coo.beds"],
        reject="antibiotics:cn.deterioration",
    )
    assert request.accept == ("antibiotics:md.shmi", "cc-bed-days:coo.beds")
    assert request.reject == ("antibiotics:cn.deterioration",)
    result = decide_links(request)
    assert (result.written, result.accepted, result.rejected) == (True, 2, 1)
