"""A Welsh note has no English word that pitchkit itself supplied.

Each example's note is written in Welsh and read back. What the user wrote
(every text in the facts file, whole and sentence by sentence) is taken out;
what is left is pitchkit's own words, and none of the English texts in its
catalog (headings, status words, units, footnotes, sentences) may be there.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from typer.testing import CliRunner

from docchecks import docx_text
from pitchkit.cli import app
from pitchkit.facts.project import open_project
from pitchkit.facts.yamlsource import iter_strings
from pitchkit.notes.brief import make_brief_note
from pitchkit.notes.fit import sentences
from pitchkit.notes.foreign import looks_english
from pitchkit.notes.wording import apply_terms_in_sentence, lower_first

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "src" / "pitchkit" / "i18n" / "locale" / "cy" / "LC_MESSAGES" / "pitchkit.po"
EXAMPLES = [
    *sorted((ROOT / "examples").glob("*/facts.yaml")),
    ROOT / "src" / "pitchkit" / "demo" / "facts.yaml",
    ROOT / "tests" / "data" / "long" / "gofal-traed.yaml",
]
YSBYTY = ROOT / "examples" / "ysbyty-cymunedol" / "facts.yaml"
# The bundled Welsh example is now in Welsh (reader20 #5); this copy keeps its old English texts.
HALF_ENGLISH = ROOT / "tests" / "data" / "welsh-half-english" / "facts.yaml"
GOFAL = ROOT / "tests" / "data" / "long" / "gofal-traed.yaml"


def english_of_catalog() -> set[str]:
    """The English parts of each catalog text (between its {placeholders}) Welsh changes.

    Parts of two words or more, or single words of five letters or more
    (requested, agreed ...); a part the Welsh keeps (a name) is left out.
    """
    with CATALOG.open("rb") as file:
        catalog = read_po(file)
    parts: set[str] = set()
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        welsh = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in ids:
            for part in re.split(r"\{[^}]*\}", text):
                part = part.strip(" .,:;()")
                long_enough = len(part.split()) >= 2 or len(part) >= 5
                if long_enough and not any(part in translated for translated in welsh):
                    parts.add(part)
    return parts


CATALOG_ENGLISH = english_of_catalog()


@pytest.mark.parametrize("facts", EXAMPLES, ids=lambda path: path.parent.name)
def test_a_welsh_note_has_no_english_pitchkit_supplied(facts: Path, tmp_path: Path) -> None:
    assert "Evidence so far" in CATALOG_ENGLISH
    assert "requested" in CATALOG_ENGLISH
    project = open_project(facts, locale="cy_GB")
    users = [text for _where, text in iter_strings(project.loaded.source.data)]
    users += [part for text in users for part in sentences(text)]
    users = sorted({*users, *(lower_first(text) for text in users)}, key=len, reverse=True)
    for director in project.facts.directors:
        note = make_brief_note(project, director, today=dt.date(2026, 12, 3))
        path = tmp_path / f"{director.id}.docx"
        path.write_bytes(note.data)
        left = docx_text(path)
        assert "Tystiolaeth hyd yma" in left or not project.facts.project.evidence
        # The team's asks, questions and offers come in the director's own terms.
        theirs = [apply_terms_in_sentence(text, director.terms) for text in users]
        for text in sorted({*theirs, *users}, key=len, reverse=True):
            left = left.replace(text, "")
        found = sorted(
            part for part in CATALOG_ENGLISH if re.search(rf"(?<!\w){re.escape(part)}(?!\w)", left)
        )
        assert not found, f"{facts.parent.name} {director.id}: English from pitchkit: {found}"


def test_an_english_first_ask_is_quoted_on_its_own_line_not_spliced(tmp_path: Path) -> None:
    project = open_project(HALF_ENGLISH)
    director = project.facts.directors[0]
    note = make_brief_note(project, director, today=dt.date(2026, 12, 3))
    path = tmp_path / "note.docx"
    path.write_bytes(note.data)
    lines = docx_text(path).splitlines()
    ask = project.facts.asks[0]
    assert looks_english(ask)
    assert f"“{ask}”" in lines
    assert not any(lower_first(ask.rstrip(".")) in line and "“" not in line for line in lines)
    assert "Rydym hefyd yn gofyn i chi: " not in "\n".join(lines)


def test_strict_refuses_english_naming_each_field_by_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["brief", str(HALF_ENGLISH), "--strict", "-o", str(tmp_path)])
    assert result.exit_code == 1
    [line] = [line for line in result.output.splitlines() if line.strip()]
    assert "--strict" in line
    assert f"{HALF_ENGLISH}:15:12 project.problem" in line
    assert "asks[0]" in line
    assert list(tmp_path.iterdir()) == []


def test_strict_passes_a_file_with_welsh_for_everything(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["brief", str(GOFAL), "--strict", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert len(list(tmp_path.glob("*.docx"))) == 1


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("Sign the executive sponsor section of our application", True),
        ("Bod yn noddwr gweithredol i ni a chefnogi'r cais", False),
        ("Frailty virtual ward", True),
        ("Gofal traed diabetig yn nes at adref", False),
        ("Pennaeth Podiatreg", False),
        ("Pennaeth Gwasanaethau Traed", False),
        ("Head of Podiatry", True),
        ("Leg ulcer clinic", True),
        ("amputations", True),
    ],
)
def test_looks_english(text: str, english: bool) -> None:
    assert looks_english(text) is english


NODDWR = ROOT / "tests" / "data" / "cymraeg_noddwr.yaml"


def test_a_welsh_sponsor_ask_opens_the_note_once(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["brief", str(NODDWR), "-d", "dtp", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    [path] = tmp_path.glob("*.docx")
    text = docx_text(path)
    assert "Hoffem i chi noddi'r prosiect hwn" not in text
    assert text.count("noddwr gweithredol i ni ym Mhwyllgor Ansawdd") == 1
    # The verb-noun after "Hoffem i chi" takes the soft mutation (bod → fod), and the
    # request reads as one sentence, not "Hoffem i chi wneud hyn: bod yn noddwr …".
    assert "Hoffem i chi fod yn noddwr gweithredol i ni ym Mhwyllgor Ansawdd" in text
    assert "wneud hyn: bod" not in text


def test_strict_accepts_the_users_welsh_and_names_an_english_unit(tmp_path: Path) -> None:
    """``cy: Pennaeth Podiatreg`` is the user's Welsh; ``unit: amputations`` is English."""
    result = CliRunner().invoke(
        app, ["brief", str(NODDWR), "-d", "dtp", "--strict", "-o", str(tmp_path)]
    )
    assert result.exit_code == 1
    [line] = [line for line in result.output.splitlines() if line.strip()]
    assert f"{NODDWR}:28:11 impacts[0].unit" in line
    assert "lead.role" not in line
    assert "Traceback" not in result.output
    warned = CliRunner().invoke(app, ["brief", str(NODDWR), "-d", "dtp", "-o", str(tmp_path)])
    assert warned.exit_code == 0, warned.output
    assert "(impacts[0].unit)" in warned.output
    assert "lead.role" not in warned.output


def test_update_strict_refuses_an_english_unit_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["update", str(NODDWR), "-d", "dtp", "--period", "2027-Q2", "-o", f"{out}/"]
    result = CliRunner().invoke(app, [*args, "--strict"])
    assert result.exit_code == 1
    [line] = [line for line in result.output.splitlines() if line.strip()]
    assert line.startswith("gwall: --strict: ")
    assert f"{NODDWR}:28:11 impacts[0].unit" in line
    assert "lead.role" not in line
    assert not out.exists()
    warned = CliRunner().invoke(app, args)
    assert warned.exit_code == 0, warned.output
    assert "testun Saesneg o 1 maes (impacts[0].unit)" in warned.output
    [written] = out.glob("*.docx")
    assert "amputations" in docx_text(written)


WELSH_MD = """\
project:
  title: {en: "Find AF, prevent strokes", cy: "Canfod FfA, atal strôc"}
  organisation: Bwrdd Iechyd Prifysgol Enghraifft
  lead: {name: Farah Siddiqui, role: {en: Clinical Lead, cy: Arweinydd Clinigol}}
  problem:
    en: Many people with AF are not treated.
    cy: Nid yw llawer o bobl â FfA yn cael eu trin.
  change: {en: Pulse checks at flu clinics., cy: Gwirio pwls mewn clinigau ffliw.}
  start: 2027-04-01
  end: 2028-03-31
impacts:
  - id: strokes
    measure: {en: Strokes in people with AF, cy: Achosion o strôc mewn pobl â FfA}
    unit: {en: strokes, cy: strôc}
    per: year
    baseline: 240
    target: 205
directors:
  - id: md
    name: Siân Griffiths
    role: ROLE
settings: {locale: cy_GB}
"""


def test_a_director_whose_role_is_written_in_welsh_is_read_by_their_role(tmp_path: Path) -> None:
    """Cyfarwyddwr Meddygol is a medical director: the note offers a medical director's gains."""

    def gains(role: str) -> list[str]:
        facts = tmp_path / "facts.yaml"
        facts.write_text(WELSH_MD.replace("ROLE", role), encoding="utf-8")
        project = open_project(facts)
        note = make_brief_note(project, project.facts.directors[0], today=dt.date(2026, 12, 3))
        out = tmp_path / "note.docx"
        out.write_bytes(note.data)
        lines = docx_text(out).splitlines()
        start = lines.index("Sut y byddwch chi'n elwa")
        return lines[start + 1 : lines.index("Cyllid ac amserlen", start)]

    # The same gains as the English title gives (a medical director's), not the general ones
    # a role pitchkit does not know gets.
    assert gains("Cyfarwyddwr Meddygol") == gains("Medical Director")
    assert gains("Cyfarwyddwr Meddygol") != gains("Cadeirydd")


def test_millions_read_alike_on_the_welsh_and_english_pages(tmp_path: Path) -> None:
    """£3,476,000 on both pages of a bilingual note, as the money block writes it.

    Written in full (docs/money.md section 6), never £3.48m beside the
    block's £3,476,000, nor CLDR's Welsh £3.48M.
    """
    facts = tmp_path / "facts.yaml"
    facts.write_text(
        WELSH_MD.replace("ROLE", "Prif Swyddog Gweithredu")
        .replace("id: md", "id: coo")
        .replace(
            "impacts:\n",
            "impacts:\n"
            "  - id: bed-days\n"
            "    measure: {en: Bed days lost to discharge delays, cy: Diwrnodau gwely a gollir}\n"
            "    unit: bed days\n"
            "    per: year\n"
            "    baseline: 11200\n"
            "    target: 2400\n"
            "    value: {amount: 395, currency: GBP, source: Excess bed day, price_year: 2026/27}\n"
            "    releases: capacity\n"
            "    supports: [coo.flow]\n",
        )
        .replace(
            "settings:",
            "    objectives:\n      - id: flow\n"
            "        text: {en: Cut discharge delays, cy: Lleihau oedi wrth ryddhau}\n"
            "settings:",
        ),
        encoding="utf-8",
    )
    out = tmp_path / "note.docx"
    result = CliRunner().invoke(
        app, ["brief", str(facts), "-d", "coo", "--bilingual", "-o", str(out), "--force"]
    )
    assert result.exit_code == 0, result.output
    text = docx_text(out)
    # 8,800 fewer bed days a year × £395 = £3,476,000, in Welsh as in English.
    assert "£3,476,000" in text
    assert "£3.48M" not in text
    assert "£3.48m" not in text
    assert text.count("£3,476,000") % 2 == 0


def test_a_welsh_acronym_keeps_its_capitals_inside_a_sentence(tmp_path: Path) -> None:
    """FfA (ffibriliad atrïaidd) starts a measure; the board sentence must not read ffA."""
    figures = [71.9, 72.7, 72.1, 71.2, 72.1, 74.0, 72.8, 73.1, 74.6, 74.4]
    figures += [74.8, 75.9, 74.7, 76.2, 75.9, 76.1, 76.8, 78.2, 77.9, 77.5]
    months = [f"2025-{m:02d}" for m in range(1, 13)] + [f"2026-{m:02d}" for m in range(1, 9)]
    log = "".join(
        f"  - {{period: {p}, status: green, measures: {{af: {v}}}}}\n"
        for p, v in zip(months, figures, strict=True)
    )
    facts = tmp_path / "facts.yaml"
    facts.write_text(
        WELSH_MD.replace("ROLE", "Cyfarwyddwr Meddygol")
        .replace("start: 2027-04-01", "start: 2025-04-01")
        .replace("end: 2028-03-31", "end: 2027-03-31")
        .replace(
            "impacts:\n",
            "impacts:\n"
            "  - id: af\n"
            "    measure:\n"
            "      en: AF recorded against expected\n"
            "      cy: FfA wedi'i gofnodi o'i gymharu â'r disgwyl\n"
            '    unit: "%"\n'
            "    baseline: 72\n"
            "    target: 82\n",
        )
        + "updates:\n"
        + log,
        encoding="utf-8",
    )
    out = tmp_path / "update.docx"
    result = CliRunner().invoke(
        app, ["update", str(facts), "-d", "md", "-p", "2026-08", "-o", str(out), "--force"]
    )
    assert result.exit_code == 0, result.output
    text = docx_text(out)
    assert "gwelliant mewn FfA wedi'i gofnodi" in text
    assert "ffA" not in text


@pytest.mark.parametrize(
    ("units", "welsh"),
    [(("amputations",), "o 1 maes ("), (("amputations", "ulcers healed"), "o 2 faes (")],
)
def test_the_count_of_english_fields_reads_right_in_welsh(
    tmp_path: Path, units: tuple[str, ...], welsh: str
) -> None:
    """One field, two fields: 'o 1 maes', 'o 2 faes' (the soft mutation after two)."""
    text = NODDWR.read_text(encoding="utf-8")
    if len(units) > 1:
        text = text.replace("    unit: days\n", f"    unit: {units[1]}\n", 1)
    facts = tmp_path / "facts.yaml"
    facts.write_text(text, encoding="utf-8")
    warned = CliRunner().invoke(app, ["brief", str(facts), "-d", "dtp", "-o", str(tmp_path)])
    assert warned.exit_code == 0, warned.output
    assert f"testun Saesneg {welsh}" in warned.output
