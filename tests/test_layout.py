"""The package layout: each stage imports only the stages beneath it.

The data flows facts -> recast -> notes -> word -> output, but the imports
run the other way for the last two: a note calls the Word filler to render
itself and the safe-file writer to name and save itself, so ``word`` and
``output`` are services the notes stand on, not stages that import them.
From the bottom up:

    i18n, errors, collector      usable by everything (collector: the garbage collector at start)
    output, period, datewords    safe files, PDF copies, the manifest; reporting periods; dates
                                 named in the team's text
    facts                        the facts file and team files, read and checked
    recast                       the facts seen through each director's lens
    word                         filling Word templates
    notes                        the brief and the update, worded and rendered
    advice                       the plan and the guide's checks
    authoring, batch, init       template help, many notes at once, the interview
    api                          the use cases, with typed requests and results
    cli                          the command line, on top
    __main__                     ``python -m pitchkit``

Every import is checked, at module level or inside a function (the command
line loads most modules lazily), so a lazy import cannot hide a step backwards.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import pitchkit

SOURCE = Path(pitchkit.__file__).parent

#: Each top-level module or package of pitchkit and its layer, lowest first.
LAYER = {
    "pitchkit": 0,  # the package itself: only __version__
    "errors": 0,
    "collector": 0,
    "datewords": 1,
    "pounds": -1,  # how a unit writes pounds (£k, £m), importing nothing: beneath i18n
    "figures": -1,  # figures rounded half up from their decimals, importing nothing: beneath i18n
    "period": 1,
    "i18n": 0,
    "output": 1,
    "facts": 2,
    "recast": 3,
    "word": 4,
    "notes": 5,
    "advice": 6,
    "authoring": 7,
    "batch": 7,
    "init": 7,
    "api": 8,
    "cli": 9,
    "__main__": 10,
}

#: Imports that go to a higher layer, each with why; every one must still exist.
BACKWARD = {
    ("pitchkit.facts.schema", "pitchkit.recast.lenses"): (
        "a director's 'lens' is checked against the lenses while the facts are validated, "
        "so an unknown lens gets a did-you-mean message; the lenses need the facts' "
        "Director, so the import is inside the validator"
    ),
    ("pitchkit.facts.models", "pitchkit.recast.lenses"): (
        "the pydantic models check a director's 'lens' the same way, inside the validator"
    ),
    ("pitchkit.facts.quickfacts", "pitchkit.recast.lenses"): (
        "the quick builder checks a director's 'lens' as the models do, inside the function"
    ),
    ("pitchkit.facts.ids", "pitchkit.recast.lenses"): (
        "a did-you-mean for an unknown director id prefers the director whose role the id "
        "names (cfo: the finance director), read by the lenses' role matcher; the import is "
        "inside the function, as for a director's 'lens'"
    ),
    ("pitchkit.notes.preview", "pitchkit.advice"): (
        "the terminal preview ends with the guide's check findings"
    ),
}


def module_name(path: Path) -> str:
    """``pitchkit.notes.update`` for ``notes/update/__init__.py``."""
    parts = path.relative_to(SOURCE.parent).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def imported_modules(path: Path) -> set[str]:
    """Every pitchkit module ``path`` imports, at any depth in the file."""
    here = module_name(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            if module == "pitchkit":  # from pitchkit import fmt: the module, or __version__
                found.update(
                    f"pitchkit.{alias.name}" if alias.name in LAYER else "pitchkit"
                    for alias in node.names
                )
            else:
                found.add(module)
    return {name for name in found if name.split(".")[0] == "pitchkit"}


def top(module: str) -> str:
    """The top-level module or package of pitchkit that ``module`` is in."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "pitchkit"


def all_imports() -> list[tuple[str, str]]:
    """(importer, imported) for every pitchkit import inside pitchkit."""
    pairs = []
    for path in sorted(SOURCE.rglob("*.py")):
        importer = module_name(path)
        pairs.extend((importer, imported) for imported in sorted(imported_modules(path)))
    return pairs


def test_every_top_level_module_has_a_layer() -> None:
    names = {p.stem for p in SOURCE.glob("*.py")} | {
        p.parent.name for p in SOURCE.glob("*/__init__.py")
    }
    names.discard("__init__")
    unplaced = sorted(names - set(LAYER))
    assert unplaced == [], f"put these in a stage package, or give them a LAYER: {unplaced}"


def test_stages_import_only_the_stages_beneath_them() -> None:
    backward = [
        f"{importer} imports {imported}"
        for importer, imported in all_imports()
        if LAYER[top(imported)] > LAYER[top(importer)] and (importer, imported) not in BACKWARD
    ]
    assert backward == []


def test_stages_on_one_layer_do_not_import_each_other() -> None:
    sideways = [
        f"{importer} imports {imported}"
        for importer, imported in all_imports()
        if top(imported) != top(importer)
        and LAYER[top(imported)] == LAYER[top(importer)]
        and {top(imported), top(importer)} != {"errors", "i18n"}
        and "pitchkit" not in {top(imported), top(importer)}
    ]
    assert sideways == []


def test_nothing_imports_the_command_line() -> None:
    users = sorted(
        importer
        for importer, imported in all_imports()
        if top(imported) == "cli" and top(importer) not in {"cli", "__main__"}
    )
    assert users == []


@pytest.mark.parametrize(("importer", "imported"), sorted(BACKWARD))
def test_each_documented_exception_is_still_needed(importer: str, imported: str) -> None:
    assert (importer, imported) in all_imports(), "the exception is gone: take it out of BACKWARD"


def test_the_checker_sees_imports_inside_functions() -> None:
    """A lazy import counts: the checker reads function bodies, not just the top."""
    lazy = [pair for pair in all_imports() if pair in BACKWARD]
    # the facts -> lenses exception is a function-level import in the validator
    assert ("pitchkit.facts.schema", "pitchkit.recast.lenses") in lazy
    assert ("pitchkit.facts.models", "pitchkit.recast.lenses") in lazy
    text = (SOURCE / "facts" / "models.py").read_text(encoding="utf-8")
    assert "\n        from pitchkit.recast.lenses import" in text
