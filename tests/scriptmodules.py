"""The project's scripts (scripts/*.py) imported as modules, for the tests of them."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


def load_script(name: str, module_name: str | None = None) -> ModuleType:
    """``scripts/NAME.py`` imported as ``module_name`` (default ``pitchkit_NAME_script``)."""
    path = SCRIPTS / f"{name}.py"
    spec = importlib.util.spec_from_file_location(module_name or f"pitchkit_{name}_script", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
