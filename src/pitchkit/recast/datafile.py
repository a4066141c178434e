"""pitchkit's own YAML data files (the lenses, the measure map) and their JSON copies.

Each YAML file is reviewed like code; ``make lenses`` writes a JSON copy beside
it that loads faster. The copy records the YAML's SHA-256, so a copy that is
out of date is never used: the YAML is read instead.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

PACKAGE = "pitchkit.recast"
#: The folder of the data files: this package's own.
FOLDER = Path(__file__).parent


def _yaml_text(name: str) -> str:
    return (FOLDER / name).read_text(encoding="utf-8")


def read_data_file(name: str, compiled: str) -> dict[str, Any]:
    """The contents of the YAML file ``name``: from its JSON copy ``compiled`` when current."""
    text = _yaml_text(name)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    copy = FOLDER / compiled
    if copy.is_file():
        saved = json.loads(copy.read_text(encoding="utf-8"))
        if saved.get("source_sha256") == digest:
            return dict(saved["data"])
    from ruamel.yaml import YAML  # only for a copy out of date: ruamel takes 8-10 ms to import

    data: dict[str, Any] = YAML(typ="safe").load(text)
    return data


def compile_data_file(name: str) -> str:
    """The JSON copy of the YAML file ``name`` that :func:`read_data_file` prefers."""
    from ruamel.yaml import YAML

    text = _yaml_text(name)
    saved = {
        "note": f"made from {name} by 'make lenses': edit the YAML, not this file",
        "source_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "data": YAML(typ="safe").load(text),
    }
    return json.dumps(saved, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
