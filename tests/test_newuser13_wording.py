"""newuser13 #13: wording a lead reads, in Welsh and in England.

"o wariant" (the soft mutation after "o"), one apostrophe in Welsh, init's
question that fits an ICB lead, and primary care networks, not clusters, in
an English organisation's note.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner, Result

from pitchkit.cli import app
from pitchkit.i18n import fmt

Cli = Callable[..., Result]
CATALOG = Path(__file__).resolve().parent.parent / "src/pitchkit/i18n/locale/cy/LC_MESSAGES"

PRIMARY_CARE = """\
project:
  title: Practice pharmacists in every GP practice
  organisation: ORGANISATION
  lead: {name: Dr Priya Nair, role: Clinical Lead}
  problem: GP practices are short of appointments for medication reviews.
  change: A practice pharmacist in every GP practice runs the medication reviews.
impacts:
  - id: reviews
    measure: Structured medication reviews done in general practice
    unit: reviews
    per: year
    baseline: 2000
    target: 5000
    better: higher
asks: [Sponsor the project]
directors:
  - id: dpc
    name: Sam Patel
    role: Director of Primary Care
settings: {locale: en_GB}
"""


def flat(text: str) -> str:
    return " ".join(text.split())


def test_a_phrase_after_o_is_soft_mutated_once() -> None:
    assert fmt.after_o("gwariant ar feddyginiaethau") == "wariant ar feddyginiaethau"
    assert fmt.after_o("costau gofal") == "gostau gofal"
    # Already mutated, an abbreviation, a figure: as written.
    assert fmt.after_o("ddiwrnodau gwely") == "ddiwrnodau gwely"
    assert fmt.after_o("GIG Cymru") == "GIG Cymru"
    assert fmt.after_o("120 o welyau") == "120 o welyau"


def test_the_welsh_catalog_writes_one_apostrophe() -> None:
    text = (CATALOG / "pitchkit.po").read_text(encoding="utf-8")
    assert "\u2019" not in text


def test_inits_organisation_question_fits_an_icb_lead(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["init", str(tmp_path / "facts.yaml")], input="AF review\nTo cut strokes\n"
    )
    assert "Which organisation is it in (the trust, health board or ICB)?" in result.output


def test_an_english_organisations_note_speaks_of_primary_care_networks(
    cli: Cli, tmp_path: Path
) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text(
        PRIMARY_CARE.replace("ORGANISATION", "NHS North Ridings Integrated Care Board"), "utf-8"
    )
    result = cli("preview", str(facts), "-d", "dpc")
    assert result.exit_code == 0, result.output
    shown = flat(result.stdout)
    assert "A model to share with other primary care networks" in shown
    assert "perhaps: a model to share with other primary care networks;" in shown
    # The lens's typical objective keeps its id (dpc.clusters) in check's fix; no sentence
    # of the note or its advice speaks of clusters.
    assert "other clusters" not in shown
    # In Wales the practices work in clusters, and the note says so.
    facts.write_text(
        PRIMARY_CARE.replace("ORGANISATION", "Hywel Dda University Health Board"), "utf-8"
    )
    shown = flat(cli("preview", str(facts), "-d", "dpc").stdout)
    assert "A model to share with other clusters" in shown
