"""Clean facts files are built without pydantic, into exactly the facts pydantic gives.

``pitchkit.facts.quickfacts`` builds the facts records straight from a
clean file's data and declines anything it is not sure of, which the
pydantic models then validate as before. These tests hold it to the
models: for every YAML file in the repository read as facts (in English
and Welsh), for 3,000 copies with a value changed, a field dropped or one
added, and for single records as the code and the lens file make them,
the quick builder gives either nothing or records equal to the models'.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import random
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from pitchkit.errors import PitchkitError
from pitchkit.facts import models, quickfacts
from pitchkit.facts.quickfacts import build, quick_facts
from pitchkit.facts.schema import (
    RECORDS,
    Director,
    Facts,
    Impact,
    Objective,
    Update,
    as_record,
    audience_problems,
    load_facts,
)
from pitchkit.facts.validation import semantic_problems
from pitchkit.facts.yamlsource import load_yaml

ROOT = Path(__file__).resolve().parent.parent


def full(data: Any) -> Facts | None:
    """The facts the pydantic models give for ``data``, or ``None`` if it has a problem."""
    try:
        model = models.Facts.model_validate(data)
    except ValidationError:
        return None
    if semantic_problems(data) or audience_problems(data):
        return None
    facts: Facts = as_record(model)
    return facts


def facts_data() -> list[Any]:
    """The data of every YAML file in the repository that reads as YAML, in English and Welsh."""
    found = []
    for folder in ("examples", "tests", "src", "docs", "benchmarks"):
        for path in sorted((ROOT / folder).rglob("*.y*ml")):
            for lang in ("en", "cy"):
                try:
                    found.append(load_yaml(path, lang=lang).data)
                except (PitchkitError, UnicodeDecodeError):
                    continue
    return found


@pytest.fixture(scope="module")
def corpus() -> list[Any]:
    return facts_data()


def agrees(data: Any) -> bool:
    """Whether the quick builder gives what the models give (or leaves ``data`` to them).

    Returns whether it built the facts itself.
    """
    quick = quick_facts(data)
    if quick is None:
        return False
    slow = full(data)
    assert quick == slow
    assert repr(quick) == repr(slow)  # equal is not enough: 1 == 1.0, and a note may print either
    return True


def test_every_facts_file_in_the_repository_is_built_as_the_models_build_it(
    corpus: list[Any],
) -> None:
    built = sum(agrees(data) for data in corpus)
    valid = sum(full(data) is not None for data in corpus)
    assert built >= valid * 9 // 10  # nearly every valid file, in either language


@pytest.mark.parametrize(
    "facts",
    [
        "examples/frailty-virtual-ward/facts.yaml",
        "examples/falls-prevention/facts.yaml",
        "examples/ysbyty-cymunedol/facts.yaml",
        "src/pitchkit/demo/facts.yaml",
    ],
)
@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_bundled_facts_files_are_built_quickly(facts: str, lang: str) -> None:
    data = load_yaml(ROOT / facts, lang=lang).data
    assert agrees(data)


def test_loading_gives_the_same_facts_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    path = ROOT / "examples" / "ysbyty-cymunedol" / "facts.yaml"
    quick = load_facts(path, lang="cy")
    monkeypatch.setattr("pitchkit.facts.quickfacts.quick_facts", lambda data: None)
    slow = load_facts(path, lang="cy")
    assert quick.facts == slow.facts
    assert quick.facts.english == slow.facts.english != {}


#: Values a changed field is given: plain, odd, and wrong in the ways users write them.
ODD = [
    None, "", " ", "x", "  padded  ", "Lower", "HIGHER", "cash", "Capacity", "organizational",
    "personal", "safety", "finance", "Safety", "1", "1.1", "1.0", "0", "07", "-5", "12.50",
    "1,200", "£1,590", "87.5%", "1e3", "+5", "nan", "inf", "2027-03-01", "2027-3-1",
    "2027-02-30", "01/03/2027", "2027-03", "2027-Q1", "2027", "2020/21", "2020-2021", "GBP",
    "£", "EUR", "en_GB", "cy", "xx", "month", "7", "5", "10", "green", "Amber", "[]", [], {},
    ["a"], [None], [{"text": "x", "for": ["dof"]}], {"text": "x"}, {"en": "e"}, 3, 2.5, True,
    dt.date(2027, 3, 1), "1٢٠٠", "0.٥", "１２", "2٠27-03-01", "5٠", "\x1fpadded\x1c", "\u3000x",
]  # fmt: skip


def paths(data: Any, where: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in ``data``: keys of mappings and indexes of lists."""
    found = [where]
    if isinstance(data, dict):
        for key, value in data.items():
            found.extend(paths(value, (*where, key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found.extend(paths(value, (*where, index)))
    return found


def changed(data: Any, rnd: random.Random) -> Any:
    """``data`` with one to three values changed, fields dropped or fields added."""
    data = copy.deepcopy(data)
    for _ in range(rnd.randint(1, 3)):
        where = rnd.choice(paths(data)[1:])
        parent = data
        for step in where[:-1]:
            parent = parent[step]
        how = rnd.randrange(4)
        if how == 0 and isinstance(parent, dict):
            del parent[where[-1]]
        elif how == 1 and isinstance(parent, dict):
            parent[rnd.choice(["extra", "name", "text", "for", "kind", "lens", "per"])] = "x"
        else:
            parent[where[-1]] = copy.deepcopy(rnd.choice(ODD))
    return data


def test_changed_copies_are_built_as_the_models_build_them_or_left_to_them(
    corpus: list[Any],
) -> None:
    valid = [data for data in corpus if quick_facts(data) is not None]
    rnd = random.Random(13)
    built = sum(agrees(changed(rnd.choice(valid), rnd)) for _ in range(3000))
    assert built > 300  # the sweep reaches copies the quick builder builds


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        (Impact, {"id": "i", "measure": "Falls", "unit": "falls", "baseline": 9, "target": 8}),
        (Impact, {"id": "i", "measure": "Falls", "unit": "falls", "baseline": 9, "target": 9}),
        (Impact, {"id": "i", "measure": "Waits", "unit": "%", "baseline": "50", "target": "150"}),
        (Objective, {"id": "o", "text": " Balance the books ", "kind": "Personal"}),
        (Objective, {"id": "o", "text": "x", "target": {"value": "14", "unit": "£m"}}),
        (Director, {"id": "d", "name": "A", "role": "Chief Nurse", "lens": "nursing"}),
        (Director, {"id": "d", "name": "A", "role": "Chief Nurse", "lens": "nurse"}),
        (Director, {"id": "d e", "name": "A", "role": "R"}),
        (Update, {"period": "2027-q1", "status": "Green", "score": "2.5"}),
        (Update, {"period": "2027-01", "status": "green", "score": 2.4}),
        (Update, {"period": "2027-01", "status": "green", "measures": {"m": None, "n": "1,200"}}),
        # Python reads these digits as 1200 and 0.5; pydantic refuses them.
        (Impact, {"id": "i", "measure": "Falls", "unit": "falls", "baseline": "1٢٠٠", "target": 8}),
        (Impact, {"id": "i", "measure": "Falls", "unit": "n", "baseline": "1,٢٠٠", "target": 1}),
        (Update, {"period": "2027-01", "status": "green", "score": "0.٥"}),
        # pydantic strips Unicode's White_Space only, not the separators Python also strips.
        (Director, {"id": "d", "name": "\x1fA\x1c", "role": "Chief Nurse"}),
        (Update, {"period": "2027-01\x1f", "status": "green"}),
        (Update, {"period": "\x1e2027-01 ", "status": "green", "summary": " \x1dx"}),
        # Too large for a float: pydantic's ValidationError, not an OverflowError.
        (Impact, {"id": "i", "measure": "Falls", "unit": "n", "baseline": 10**400, "target": 8}),
    ],
)
def test_single_records_are_built_as_the_models_build_them(kind: Any, data: Any) -> None:
    quick = build(kind, data)
    try:
        model = getattr(models, kind.__name__).model_validate(data)
    except ValidationError:
        assert quick is None
        return
    if quick is not None:
        assert quick == as_record(model)
        assert repr(quick) == repr(as_record(model))
    assert kind.model_validate(data) == as_record(model)


def test_text_is_stripped_of_what_the_models_strip_and_nothing_else() -> None:
    spaces = [chr(c) for c in range(0x3001) if chr(c).isspace() or chr(c) in quickfacts._SPACE]
    for space in spaces:
        data = {"id": "d", "name": f"{space}Ann{space}", "role": "Chief Nurse"}
        quick = build(Director, data)
        assert quick is not None
        assert quick == as_record(models.Director.model_validate(data)), repr(space)


def test_the_records_have_the_models_fields_in_their_order() -> None:
    for name, record in RECORDS.items():
        model = getattr(models, name)
        private = Facts.PRIVATE if record is Facts else ()
        assert [f.name for f in dataclasses.fields(record)] == [*model.model_fields, *private]
        made = model.model_construct()
        for f in dataclasses.fields(record):
            if f.name in model.model_fields and f.default is not dataclasses.MISSING:
                assert f.default == getattr(made, f.name), (name, f.name)
