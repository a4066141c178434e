"""Welsh and bilingual notes link as the English does: read back from what users see.

A text given as ``{en: ..., cy: ...}`` is linked on its English (the measure
map and the lenses are English) and shown in Welsh; Welsh small words never
make a link; Welsh job titles choose their lens; a text in Welsh only is
named by ``check``, since the map cannot read it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from typer.testing import Result

from pitchkit.recast.measures import RULES

Cli = Callable[..., Result]
#: The ``directors_json`` fixture (conftest.py): ``pitchkit directors --json`` read as JSON.
DirectorsJson = Callable[..., Any]

#: A Welsh health board's project, every text given in both languages.
BOTH = """\
project:
  title: {en: Pulmonary rehabilitation closer to home, cy: Adsefydlu'r ysgyfaint yn nes adref}
  organisation: {en: Bro Teifi Health Board, cy: Bwrdd Iechyd Bro Teifi}
  lead: {name: Dr Elin Pritchard, role: {en: Consultant, cy: Meddyg Ymgynghorol}}
  problem:
    en: COPD admissions fill our wards every winter.
    cy: Mae derbyniadau COPD yn llenwi ein wardiau bob gaeaf.
  change:
    en: Rehabilitation classes in six community centres.
    cy: Dosbarthiadau adsefydlu mewn chwe chanolfan gymunedol.
  start: 2027-06-01
  end: 2029-05-31
impacts:
  - id: admissions
    measure: {en: Emergency admissions for COPD, cy: Derbyniadau brys ar gyfer COPD}
    unit: {en: admissions, cy: derbyniadau}
    per: year
    baseline: 900
    target: 780
    source: PEDW 2025/26
asks:
  - {en: Sponsor the community venues, cy: Noddi'r lleoliadau cymunedol}
meeting: {date: 2027-05-12, director: coo}
directors:
  - id: coo
    name: Gareth Puw
    role: ROLE
    objectives:
      - id: winter
        text:
          en: Reduce emergency admissions this winter
          cy: Lleihau derbyniadau brys y gaeaf hwn
settings: {locale: cy_GB}
"""


def write(tmp_path: Path, text: str, *, role: str = "Chief Operating Officer") -> Path:
    path = tmp_path / "facts.yaml"
    path.write_text(text.replace("ROLE", role), encoding="utf-8")
    return path


def paragraphs(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def links(directors_json: DirectorsJson, facts: Path, *extra: str) -> dict[str, Any]:
    """Each director's links, as ``directors --json`` lists them."""
    return {d["id"]: d["links"] for d in directors_json(facts, *extra)["directors"]}


def test_both_pages_of_a_bilingual_brief_link_the_objective(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Welsh page claims what the English page claims, in Welsh."""
    # The claim floor offers this (chance below 0.6): this test checks the rules before it.
    monkeypatch.setitem(RULES, "claim floor", False)
    out = tmp_path / "both.docx"
    result = cli("brief", str(write(tmp_path, BOTH)), "-d", "coo", "--bilingual", "--out", str(out))
    assert result.exit_code == 0, result.output
    text = paragraphs(out)
    english = text.index("Pulmonary rehabilitation closer to home")
    welsh, english_page = text[:english], text[english:]
    assert any("will help you reduce emergency admissions this winter" in p for p in english_page)
    assert any("Lleihau derbyniadau brys y gaeaf hwn" in p for p in welsh), welsh
    # The project has not started: the plan with its verb on both pages (fixread31b,
    # fixread31 #3); 900 to 780 is 120 fewer, 13%.
    claim = "Bydd derbyniadau brys ar gyfer COPD yn gostwng o 900 i 780"
    assert any(p.startswith(claim) for p in welsh), welsh
    assert any(
        p.startswith("Emergency admissions for COPD will fall from 900 to 780")
        for p in english_page
    )
    assert not any("yn cysylltu â'ch amcanion eto" in p for p in welsh), welsh


def test_a_welsh_note_makes_the_links_an_english_note_makes(
    tmp_path: Path,
    directors_json: DirectorsJson,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``directors`` gives the same confident link in Welsh as in English."""
    # The claim floor offers this (chance below 0.6): this test checks the rules before it.
    monkeypatch.setitem(RULES, "claim floor", False)
    facts = write(tmp_path, BOTH)
    welsh, english = links(directors_json, facts), links(directors_json, facts, "--locale", "en_GB")
    assert [(x["objective"], x["confidence"]) for x in welsh["coo"]] == [("winter", "confident")]
    assert [(x["objective"], x["confidence"]) for x in english["coo"]] == [("winter", "confident")]


#: The same project with every text in Welsh only.
WELSH_ONLY = (
    BOTH.replace(
        "measure: {en: Emergency admissions for COPD, cy: Derbyniadau brys ar gyfer COPD}",
        "measure: Wythnosau yn aros am adsefydlu",
    )
    .replace("unit: {en: admissions, cy: derbyniadau}", "unit: wythnosau")
    .replace("    per: year\n", "")
    .replace("baseline: 900\n    target: 780", "baseline: 40\n    target: 12")
    .replace(
        "text:\n          en: Reduce emergency admissions this winter\n"
        "          cy: Lleihau derbyniadau brys y gaeaf hwn",
        "text: Cyflawni arbedion o £18m yn 2027/28",
    )
)


def test_welsh_small_words_make_no_link(tmp_path: Path, directors_json: DirectorsJson) -> None:
    """A wait and a savings target that share only "yn" are not offered as a link."""
    found = links(directors_json, write(tmp_path, WELSH_ONLY, role="Cyfarwyddwr Gweithrediadau"))
    assert found["coo"] == [], found


@pytest.mark.parametrize(
    ("role", "lens"),
    [
        ("Cyfarwyddwr Gweithrediadau", "operations"),
        ("Cyfarwyddwr Cyllid", "finance"),
        ("Cyfarwyddwr Gweithredol Cyllid", "finance"),
        ("Cyfarwyddwr Meddygol", "medical"),
        ("Cyfarwyddwr Nyrsio", "nursing"),
        ("Prif Weithredwr", "chief-executive"),
        ("Cyfarwyddwr Therapïau a Gwyddorau Iechyd", "therapies"),
        ("Cyfarwyddwr Gweithlu", "workforce"),
        ("Cyfarwyddwr Cynllunio", "strategy"),
        ("Cyfarwyddwr Iechyd y Cyhoedd", "public-health"),
        ("Cyfarwyddwr Digidol", "digital"),
        ("{en: Chief Operating Officer, cy: Prif Swyddog Llif}", "operations"),
    ],
)
def test_welsh_job_titles_choose_their_lens(cli: Cli, tmp_path: Path, role: str, lens: str) -> None:
    """``directors`` names the role's lens, and ``check`` raises no unrecognised role."""
    facts = write(tmp_path, BOTH, role=role)
    result = cli("directors", str(facts), "--json")
    assert json.loads(result.stdout)["directors"][0]["lens"] == lens
    checked = cli("check", str(facts), "-d", "coo")
    assert "role-unmatched" not in checked.stdout, checked.stdout


def test_check_names_a_welsh_only_text_the_map_cannot_read(cli: Cli, tmp_path: Path) -> None:
    """Welsh-only measures and objectives are named at the first one's line, with the fix."""
    result = cli("check", str(write(tmp_path, WELSH_ONLY)), "-d", "coo", "--locale", "en_GB")
    lines = result.stdout.splitlines()
    found = [n for n, line in enumerate(lines) if line.strip().startswith("welsh-only:")]
    assert len(found) == 1, result.stdout
    block = "\n".join(lines[found[0] : found[0] + 4])
    assert "where: " in block
    assert "facts.yaml:15:14" in block
    assert "impacts[0].measure is in Welsh only: 'Wythnosau yn aros am adsefydlu'." in block
    assert "directors[0].objectives[0].text is in Welsh only: 'Cyflawni arbedion" in block
    assert "fix: Give each as '{en: ..., cy: ...}'" in block
    both = cli("check", str(write(tmp_path, BOTH)), "-d", "coo")
    assert "welsh-only" not in both.stdout


def test_directors_warns_of_welsh_only_text(cli: Cli, tmp_path: Path) -> None:
    """``directors`` says, in one line, which texts the map cannot read."""
    result = cli("directors", str(write(tmp_path, WELSH_ONLY)), "--locale", "en_GB")
    assert result.exit_code == 0, result.output
    warning = [line for line in result.stderr.splitlines() if "Welsh only" in line]
    assert warning == [
        "warning: the measure map cannot read text in Welsh only (impacts[0].measure, "
        "directors[0].objectives[0].text), so links to it rest on shared words: give each as "
        "{en: ..., cy: ...} to link on the English"
    ], result.stderr
    assert "Welsh only" not in cli("directors", str(write(tmp_path, BOTH))).stderr
