"""One impact linked to one objective, for the linker's rule-by-rule tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from typer.testing import CliRunner

from pitchkit.cli import app
from pitchkit.facts.schema import Impact, Objective
from pitchkit.recast.align import Link, link
from pitchkit.recast.lenses import all_lenses

SEPSIS = Path(__file__).parent / "data" / "sepsis_project.yaml"


def linked(
    measure: str,
    text: str,
    *,
    unit: str = "count",
    baseline: float = 10,
    target: float = 5,
) -> Link | None:
    """The link pitchkit finds from an impact measuring ``measure`` to the objective ``text``.

    The impact falls from ``baseline`` to ``target`` unless told otherwise (the direction
    matters where an objective says which way it wants its measure to move); the director
    reads through the general lens.
    """
    impact = Impact(id="i", measure=measure, unit=unit, baseline=baseline, target=target)
    return link(impact, Objective(id="o", text=text), director_id="d", lens=all_lenses()["general"])


def project_with(
    tmp_path: Path,
    impact: dict[str, Any],
    objective: str,
    *,
    role: str = "Director of Strategy",
    objective_id: str = "target",
) -> Path:
    """The sepsis project with ``impact`` added and a director ``dx`` holding ``objective``."""
    return project_with_all(
        tmp_path, [impact], [{"id": objective_id, "text": objective}], role=role
    )


def project_with_all(
    tmp_path: Path,
    impacts: list[dict[str, Any]],
    objectives: list[dict[str, Any]],
    *,
    role: str = "Director of Strategy",
) -> Path:
    """The sepsis project with ``impacts`` added and a director ``dx`` holding ``objectives``."""
    yaml = YAML()
    facts = yaml.load(SEPSIS.read_text(encoding="utf-8"))
    facts["impacts"].extend(impacts)
    facts["directors"].append(
        {"id": "dx", "name": "Ann Lee", "role": role, "objectives": objectives}
    )
    path = tmp_path / "facts.yaml"
    with path.open("w", encoding="utf-8") as stream:
        yaml.dump(facts, stream)
    return path


def links_listed(path: Path, locale: str | None = None) -> dict[tuple[str, str], Any]:
    """What `pitchkit directors --json` lists for ``path``'s director ``dx``, by link."""
    args = ["directors", str(path), "--json"] + (["--locale", locale] if locale else [])
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    place = next(p for p in json.loads(result.stdout)["directors"] if p["id"] == "dx")
    return {(item["impact"], item["objective"]): item for item in place["links"]}


def directors_links(
    tmp_path: Path,
    impact: dict[str, Any],
    objective: str,
    *,
    role: str = "Director of Strategy",
    objective_id: str = "target",
    locale: str | None = None,
) -> dict[tuple[str, str], Any]:
    """What `pitchkit directors --json` lists for director ``dx``, by (impact, objective)."""
    path = project_with(tmp_path, impact, objective, role=role, objective_id=objective_id)
    return links_listed(path, locale)
