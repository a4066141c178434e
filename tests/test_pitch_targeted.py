"""Issue 15: asks, advice and offer meant for some directors ({text: ..., for: [...]})."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from notereading import render_note
from pitchkit.advice import Finding, check
from pitchkit.errors import FactsError
from pitchkit.facts.schema import load_facts
from pitchkit.i18n.translation import language

SEPSIS = Path(__file__).parent / "data" / "pitch" / "sepsis.yaml"
EN = language("en_GB")
TODAY = dt.date(2026, 12, 1)
CLINICAL = (
    "Champion the screening prompt at the clinical leaders' forum in March",
    "Release two nurse educators for six weeks to train ward nurses",
    "Should this report to the Quality Committee or the Patient Safety Group?",
    "Monthly data for your mortality report",
    "Assurance on deteriorating-patient care for the quality committee",
)


def _yaml() -> YAML:
    yaml = YAML()
    yaml.width = 200
    return yaml


def _sepsis() -> Any:
    return _yaml().load(SEPSIS.read_text(encoding="utf-8"))


def _write(tmp_path: Path, data: Any, name: str = "facts.yaml") -> Path:
    path = tmp_path / name
    with path.open("w", encoding="utf-8") as out:
        _yaml().dump(data, out)
    return path


def _untargeted(data: Any) -> Any:
    for field in ("asks", "advice", "offer"):
        data[field] = [item["text"] if isinstance(item, dict) else item for item in data[field]]
    return data


def _text(path: Path, director: str) -> str:
    return "\n".join(text for _section, text in render_note(path, director).paragraphs)


def test_the_finance_directors_note_carries_none_of_the_clinical_items() -> None:
    finance = _text(SEPSIS, "cfo")
    for item in CLINICAL:
        assert item not in finance
    assert "cost improvement programme" in finance
    assert "Which line of the financial plan should the released bed days count against?" in (
        finance
    )
    assert "A costed case of capacity released you can take to the finance committee" in finance


def test_the_chief_nurses_note_carries_hers_and_not_the_doctors() -> None:
    nurse = _text(SEPSIS, "cn")
    assert "Release two nurse educators for six weeks to train ward nurses" in nurse
    assert "Should this report to the Quality Committee or the Patient Safety Group?" in nurse
    assert "Assurance on deteriorating-patient care for the quality committee" in nurse
    assert "clinical leaders' forum" not in nurse
    assert "mortality report" not in nurse
    assert "cost improvement programme" not in nurse


def test_the_sponsorship_ask_is_made_once_in_every_note() -> None:
    for director in ("cfo", "cn", "md", "coo"):
        text = _text(SEPSIS, director)
        assert text.count("sponsor the move to sepsis screening") == 1, director
        assert "sponsor this project and to sponsor" not in text


def test_check_names_each_untargeted_item_that_reads_as_another_directors(
    tmp_path: Path,
) -> None:
    path = _write(tmp_path, _untargeted(_sepsis()))
    findings = check(load_facts(path), director_id="cfo", today=TODAY, lang=EN)
    meant = {f.message: f for f in findings if f.rule == "meant-for-another"}
    # "Champion the screening prompt at the clinical leaders' forum" is a sponsor ask: since
    # fixnew35a (7e80fb6d, newuser35 #8) it is every director's unless it names another.
    assert not any("clinical leaders' forum" in m for m in meant)
    expected = {
        "Release two nurse educators": "Grace Osei (Chief Nurse)",
        "Quality Committee or the Patient Safety Group": "Grace Osei (Chief Nurse) or "
        "Dr Alan Reid (Medical Director)",
        "mortality report": "Dr Alan Reid (Medical Director)",
        "deteriorating-patient care for the quality committee": "Dr Alan Reid",
    }
    for words, whom in expected.items():
        found = [m for m in meant if words in m]
        assert len(found) == 1, (words, list(meant))
        assert whom in found[0]
    # The finance items are the finance director's own: not flagged in her review.
    assert not any("cost improvement programme" in m for m in meant)
    where = meant[next(m for m in meant if "nurse educators" in m)].where
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if "Release two nurse educators" in text)
    assert where is not None
    assert where.startswith(f"{path}:{line}:")


def test_check_without_a_director_flags_finance_items_for_the_clinicians(
    tmp_path: Path,
) -> None:
    data = _untargeted(_sepsis())
    data["meeting"] = {"director": "md"}
    path = _write(tmp_path, data)
    findings = check(load_facts(path), today=TODAY, lang=EN)
    finance = [f for f in findings if f.rule == "meant-for-another" and "Mark Ellis" in f.message]
    assert len(finance) == 3  # the CIP ask, the financial-plan question, the finance offer
    assert all("for: [cfo]" in f.fix for f in finance)


def test_targeted_items_get_no_finding(tmp_path: Path) -> None:
    findings = check(load_facts(SEPSIS), director_id="cfo", today=TODAY, lang=EN)
    assert [f for f in findings if f.rule == "meant-for-another"] == []


def _lens_own(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.rule == "lens-own-used"]


def test_a_director_with_nothing_meant_for_them_gets_the_lens_question_and_check_says_so(
    tmp_path: Path,
) -> None:
    data = _sepsis()
    data["advice"] = [data["advice"][0]]  # only the clinicians' question
    # Some of the money is the trust's own cash: the finance lens asks how to count savings
    # only then (with capacity alone it has nothing true to ask; fixmoney12).
    data["impacts"][2]["value"] = {"amount": 300, "source": "Trust bank rate card 2026/27"}
    data["impacts"][2]["releases"] = "cash"
    path = _write(tmp_path, data)
    finance = _text(path, "cfo")
    assert "How should the savings be counted, and against which line of the financial plan?" in (
        finance
    )
    assert "Quality Committee" not in finance
    findings = _lens_own(check(load_facts(path), director_id="cfo", today=TODAY, lang=EN))
    assert len(findings) == 1
    assert "Mark Ellis" in findings[0].message
    assert "How should the savings be counted" in findings[0].evidence
    nurse = _lens_own(check(load_facts(path), director_id="cn", today=TODAY, lang=EN))
    assert nurse == []


def test_an_untargeted_item_for_no_one_in_particular_is_in_every_note(tmp_path: Path) -> None:
    data = _sepsis()
    data["advice"].append("Who else should hear about this before April?")
    path = _write(tmp_path, data)
    for director in ("cfo", "cn", "md", "coo"):
        assert "Who else should hear about this before April?" in _text(path, director)


def _problems(tmp_path: Path, data: Any) -> list[str]:
    path = _write(tmp_path, data)
    with pytest.raises(FactsError) as caught:
        load_facts(path)
    return [re.sub(r"^.*?facts\.yaml:", "", str(p)) for p in caught.value.problems]


def test_an_unknown_name_in_for_is_located_with_a_did_you_mean(tmp_path: Path) -> None:
    data = _sepsis()
    data["asks"][2]["for"] = ["cnn"]
    data["advice"][1]["for"] = ["finnance"]
    problems = _problems(tmp_path, data)
    assert len(problems) == 2
    lines = (tmp_path / "facts.yaml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if "cnn" in text)
    assert problems[0].startswith(f"{line}:")
    assert (
        "asks[2].for[0]: 'cnn' is neither a director's id nor a lens: did you mean 'cn'?"
        in (problems[0])
    )
    assert "did you mean 'finance'?" in problems[1]


def test_a_targeted_item_without_text_or_for_or_with_a_stray_field_is_refused(
    tmp_path: Path,
) -> None:
    data = _sepsis()
    data["offer"][0] = {"txt": "Data", "for": ["md"]}
    data["offer"][1] = {"text": "Assurance"}
    problems = _problems(tmp_path, data)
    assert any("offer[0]: the item has no 'text'" in p for p in problems)
    assert any("offer[0].txt: unknown field 'txt': did you mean 'text'?" in p for p in problems)
    assert any("offer[1].for: 'for' names no one" in p for p in problems)


def test_welsh_text_in_a_targeted_item_is_read_in_the_notes_language(tmp_path: Path) -> None:
    data = _sepsis()
    data["advice"][1]["text"] = {
        "en": "Which line of the financial plan should the bed days count against?",
        "cy": "Yn erbyn pa linell o'r cynllun ariannol y dylai'r diwrnodau gwely gyfrif?",
    }
    path = _write(tmp_path, data)
    english = load_facts(path).facts
    welsh = load_facts(path, lang="cy").facts
    assert english.advice[1].startswith("Which line")
    assert welsh.advice[1].startswith("Yn erbyn")
    assert welsh.audience("advice", 1) == ("finance",)
    assert "Which line of the financial plan" in _text(path, "cfo")


def test_plain_strings_stay_valid_and_are_for_everyone(tmp_path: Path) -> None:
    facts = load_facts(_write(tmp_path, _untargeted(_sepsis()))).facts
    assert all(facts.audience("asks", n) == () for n in range(len(facts.asks)))


def test_the_progress_update_carries_only_the_directors_own_standing_asks(
    tmp_path: Path,
) -> None:
    from pitchkit.facts.project import open_project, pick_director
    from pitchkit.notes.update.entry import carried_advice, carried_asks
    from pitchkit.notes.update.situation import situate

    data = _sepsis()
    data["updates"] = [{"period": "2027-03", "status": "green", "measures": {"deaths": 8}}]
    path = _write(tmp_path, data)
    project = open_project(path)
    director = pick_director(project.facts, "cfo")
    finance = situate(project.facts, director, EN, period="2027-03", today=TODAY)
    asks = carried_asks(finance)
    assert not any("nurse educators" in a or "clinical leaders" in a for a in asks)
    assert any("cost improvement programme" in a for a in asks)
    assert not any("Quality Committee" in q for q in carried_advice(finance))


def test_whose_business_reads_role_words_not_common_ones() -> None:
    from pitchkit.recast.audience import whose_business

    assert whose_business("Who else should hear about it before April?") == ((), ())
    assert whose_business("Release two nurse educators")[0] == ("nursing",)
    assert whose_business("Count the savings in our budget")[0] == ("finance",)
    assert whose_business("Lend us two people from the IT team")[0] == ("digital",)
