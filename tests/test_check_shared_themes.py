"""Issue 14: `check` never says "no theme in common" where both sides declare one.

Run as a user would: `pitchkit check --json` on the sepsis project
(tests/data/sepsis_project.yaml) and on copies of it edited here, then every
impact-unlinked finding is compared with the themes the file declares.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from pitchkit.cli import app

SEPSIS = Path(__file__).parent / "data" / "sepsis_project.yaml"
EXAMPLES = Path(__file__).parent.parent / "examples"
NO_THEME = "declare no theme in common"


def edited(tmp_path: Path, **impact_fields: dict[str, Any]) -> Path:
    """A copy of the sepsis project with fields added to the named impacts."""
    yaml = YAML()
    data = yaml.load(SEPSIS.read_text(encoding="utf-8"))
    for impact in data["impacts"]:
        impact.update(impact_fields.get(impact["id"], {}))
    path = tmp_path / "facts.yaml"
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    return path


def unlinked(path: Path, director: str) -> list[dict[str, Any]]:
    result = CliRunner().invoke(app, ["check", str(path), "--director", director, "--json"])
    assert result.exit_code in {0, 1}, result.output
    findings = json.loads(result.stdout)["findings"]
    return [f for f in findings if f["rule"] in {"impact-unlinked", "impact-possible"}]


def test_an_excluded_objective_that_shares_a_theme_is_named_not_denied(tmp_path: Path) -> None:
    # The bed days share 'outcomes' with the Medical Director's SHMI objective, but the
    # lead has ruled that link out: check must say so, not that no theme is shared.
    path = edited(tmp_path, **{"cc-bed-days": {"themes": ["outcomes"], "excludes": ["md.shmi"]}})
    [finding] = [f for f in unlinked(path, "md") if f["rule"] == "impact-unlinked"]
    assert "Critical care bed days" in finding["message"]
    assert NO_THEME not in finding["evidence"]
    assert "shares the theme outcomes with md.shmi" in finding["evidence"]
    assert "you ruled out with 'excludes:'" in finding["evidence"]


def test_without_a_shared_theme_check_still_says_none_is_declared(tmp_path: Path) -> None:
    # The same impact with a theme the Medical Director's objectives do not declare.
    path = edited(tmp_path, **{"cc-bed-days": {"themes": ["access"]}})
    [finding] = [f for f in unlinked(path, "md") if f["rule"] == "impact-unlinked"]
    assert NO_THEME in finding["evidence"]


def test_a_shared_theme_without_a_map_chain_is_a_possible_link(tmp_path: Path) -> None:
    path = edited(tmp_path, **{"cc-bed-days": {"themes": ["safety"]}})
    result = CliRunner().invoke(app, ["check", str(path), "--director", "cn", "--json"])
    findings = json.loads(result.stdout)["findings"]
    # Nothing confirmed for the Chief Nurse: one warning names the possible links (newuser8 #7).
    [finding] = [f for f in findings if "Critical care bed days" in f["evidence"]]
    assert finding["rule"] == "director-unaligned"
    assert finding["severity"] == "warning"
    assert "shared themes: safety" in finding["evidence"]
    assert NO_THEME not in finding["evidence"]


@pytest.mark.parametrize(
    "path",
    [
        SEPSIS,
        EXAMPLES / "falls-prevention" / "facts.yaml",
        EXAMPLES / "frailty-virtual-ward" / "facts.yaml",
        EXAMPLES / "ysbyty-cymunedol" / "facts.yaml",
    ],
    ids=lambda p: p.parent.name if p.name == "facts.yaml" else p.stem,
)
def test_no_theme_in_common_is_said_only_when_it_is_true(path: Path) -> None:
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    # A measure may be given in both languages ({en, cy}); the finding names it as the note does.
    impacts = {
        (i["measure"] if isinstance(i["measure"], str) else i["measure"]["cy"]): set(
            i.get("themes") or []
        )
        for i in data["impacts"]
    }
    for director in data["directors"]:
        declared = {t for o in director.get("objectives") or [] for t in o.get("themes") or []}
        for finding in unlinked(path, director["id"]):
            if NO_THEME not in finding["evidence"]:
                continue
            [measure] = [m for m in impacts if f"'{m}'" in finding["message"]]
            assert not impacts[measure] & declared, (director["id"], finding)
