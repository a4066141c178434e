"""The quick block-YAML reader gives ruamel's nodes, or leaves the text to ruamel.

:mod:`pitchkit.facts.blockyaml` reads most facts files instead of ruamel's
pure-Python composer. What pitchkit reads from a node (its kind, text,
style, whether it is null, and where it starts; where a one-line scalar
ends) must be what ruamel gives, for every text it accepts; any text ruamel
refuses it must decline, so that ruamel's error is the one reported.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from pitchkit.facts import blockyaml
from pitchkit.facts.blockyaml import NULL_TAG, Declined, compose, is_mapping, is_scalar

ROOT = Path(__file__).resolve().parent.parent


def ruamel(text: str) -> Any:
    """The nodes ruamel's safe composer gives (what pitchkit used before)."""
    yaml = YAML(typ="safe", pure=True)
    yaml.allow_duplicate_keys = False
    return yaml.compose(text)


def where(mark: Any) -> tuple[int, int]:
    return mark.line, mark.column


def difference(got: Any, want: Any, path: str = "") -> str | None:
    """Where ``got`` differs from ``want`` in what pitchkit reads, or ``None``."""
    if got.id != want.id:
        return f"{path}: {got.id} for {want.id}"
    if where(got.start_mark) != where(want.start_mark):
        return f"{path}: starts at {where(got.start_mark)}, not {where(want.start_mark)}"
    if got.start_mark.index != want.start_mark.index:
        return f"{path}: starts at index {got.start_mark.index}, not {want.start_mark.index}"
    if got.anchor is not None or (got.tag != NULL_TAG and got.tag.startswith("!")):
        return f"{path}: an anchor or a tag"
    if is_scalar(got):
        if (got.tag == NULL_TAG) != (want.tag == NULL_TAG):
            return f"{path}: null is {got.tag == NULL_TAG}"
        if (got.value, got.style) != (want.value, want.style):
            return f"{path}: {got.value!r} {got.style!r}, not {want.value!r} {want.style!r}"
        one_line = want.start_mark.line == want.end_mark.line
        if one_line and where(got.end_mark) != where(want.end_mark):
            return f"{path}: ends at {where(got.end_mark)}, not {where(want.end_mark)}"
        return None
    if getattr(got, "flow_style", None) != getattr(want, "flow_style", None):
        return f"{path}: flow style differs"
    if len(got.value) != len(want.value):
        return f"{path}: {len(got.value)} entries, not {len(want.value)}"
    if is_mapping(got):
        for (got_key, got_value), (key, value) in zip(got.value, want.value, strict=True):
            found = difference(got_key, key, f"{path}.key") or difference(
                got_value, value, f"{path}.{key.value}"
            )
            if found:
                return found
        return None
    for number, (item, wanted) in enumerate(zip(got.value, want.value, strict=True)):
        found = difference(item, wanted, f"{path}[{number}]")
        if found:
            return found
    return None


def check(text: str) -> bool:
    """Assert the quick reader agrees with ruamel on ``text``; whether it read it."""
    try:
        got = compose(text)
    except Declined:
        return False
    try:
        want = ruamel(text)
    except YAMLError as error:
        pytest.fail(f"read a text ruamel refuses ({error}):\n{text}")
    if got is None or want is None:
        assert got is want
    else:
        assert difference(got, want) is None, difference(got, want)
    return True


def repository_yaml() -> list[str]:
    """Every YAML file of the project's own folders (examples, tests, the package, docs ...)."""
    texts = []
    for folder in ("examples", "tests", "src", "docs", "benchmarks", "scripts"):
        for path in sorted((ROOT / folder).rglob("*.y*ml")):
            try:
                texts.append(path.read_text(encoding="utf-8"))
            except UnicodeDecodeError:
                continue
    return texts


def test_every_yaml_file_in_the_repository_reads_as_ruamel_reads_it() -> None:
    texts = repository_yaml()
    read = sum(check(text) for text in texts)
    # most of them, the broken ones in tests/ left to ruamel
    assert read > len(texts) * 3 // 4


@pytest.mark.parametrize(
    "facts",
    [
        "examples/frailty-virtual-ward/facts.yaml",
        "examples/falls-prevention/facts.yaml",
        "examples/ysbyty-cymunedol/facts.yaml",
        "src/pitchkit/demo/facts.yaml",
    ],
)
def test_the_bundled_facts_files_are_read_quickly(facts: str) -> None:
    assert check((ROOT / facts).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "text",
    [
        "a:\nb: 1\n",
        "a: # nothing\n\nb: 1\n",
        "a:\n",
        "a:",
        "x:\n  a:\nb: 1\n",
        "list:\n- \n- # c\n-\n- text\n",
        "x:\n  - a:\n    b: # c\n  - c\n",
        "t: >-\n  one\n  two\n\n  three\nu: |\n  one\n\n  two\n\nv: 'it''s'\n",
        'w: "quoted: text" # and a comment\nn: ~\nm: null\ne: ""\n',
        "f: {en: Board, cy: Bwrdd}\ng: [a, 'b', [c, d], {k: v}]\nh: []\ni: {}\n",
        "bed days: occupied\nA&E (type 1): 12\n",
        "- a\n- b: c\n  d: e\n",
    ],
)
def test_small_texts(text: str) -> None:
    assert check(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: &anchor x\nb: *anchor\n",
        "a: !tag x\n",
        "a: one\n  two\n",
        "a: 'one\n  two'\n",
        'a: "tab\\there"\n',
        "a:\tx\n",
        "a: x\na: y\n",
        "--- \na: x\n",
        "a: {b, c}\n",
        "a: [b, c\n",
        "a: >2\n   x\n",
        "a: |+\n  x\n\n",
        "a: b: c\n",
    ],
)
def test_what_it_leaves_to_ruamel(text: str) -> None:
    with pytest.raises(Declined):
        compose(text)


MUTATIONS = [*" -:#'\"[]{},&*!|>?%@`~\n\\\t", "  ", ": ", " #", "- ", "null", "\n  "]


def mutated(text: str, rnd: random.Random) -> str:
    """``text`` with a few characters inserted, removed or lines re-indented."""
    lines = text.split("\n")
    for _ in range(rnd.randint(1, 3)):
        row = rnd.randrange(len(lines))
        line, at, how = lines[row], rnd.randint(0, len(lines[row])), rnd.randrange(5)
        if how == 0:
            line = line[:at] + rnd.choice(MUTATIONS) + line[at:]
        elif how == 1:
            line = line[:at] + line[at + 1 :]
        elif how == 2:
            line = " " * rnd.randint(1, 3) + line
        elif how == 3:
            line = line[rnd.randint(1, 3) :] if line.startswith(" ") else line
        else:
            lines.insert(row, line)
        lines[row] = line
    return "\n".join(lines)


def test_mistyped_files_are_read_as_ruamel_reads_them_or_left_to_it() -> None:
    texts = [text for text in repository_yaml() if _reads(text)]
    rnd = random.Random(13)
    read = 0
    for _ in range(1000):
        read += check(mutated(rnd.choice(texts), rnd))
    assert read > 100  # the sweep reaches texts the quick reader reads


def _reads(text: str) -> bool:
    try:
        blockyaml.compose(text)
    except Declined:
        return False
    return True
