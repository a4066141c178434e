"""The built-in templates' shipped preparation (pitchkit.word.packed) fills notes byte for byte."""

from __future__ import annotations

import datetime as dt
import json
import os
from importlib import resources
from pathlib import Path

import pytest

from docchecks import REQUIRE_ENV
from pitchkit.facts.project import open_project
from pitchkit.i18n.translation import language
from pitchkit.notes.brief import brief_parts, builtin_template, properties
from pitchkit.word import packed
from pitchkit.word.fastrender import CompiledTemplate

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*/facts.yaml"))
TODAY = dt.date(2027, 1, 5)
SHIPPED = (resources.files("pitchkit.word") / "templates" / packed.FILE_NAME).read_text("utf-8")
#: The shipped file serves only the versions it was made with; on a machine with others
#: (a newer lxml from PyPI, another zlib) notes are prepared afresh, which the last
#: tests below check either way.
MADE_HERE = json.loads(SHIPPED)["versions"] == packed.versions()
needs_same_versions = pytest.mark.skipif(
    not MADE_HERE, reason="templates/packed.json was made with other library versions"
)


@needs_same_versions
def test_the_shipped_file_is_what_preparing_afresh_gives() -> None:
    assert packed.packed_text(packed.make_packed()) == SHIPPED, (
        "templates/packed.json is stale: run make prepared"
    )


@needs_same_versions
@pytest.mark.parametrize("kind", ["brief", "update"])
@pytest.mark.parametrize("code", ["en_GB", "cy_GB"])
def test_a_built_in_template_is_restored_to_the_state_preparing_gives(kind: str, code: str) -> None:
    data = builtin_template(kind)
    assert packed.state_for(data) is not None
    restored = CompiledTemplate(data, lang=language(code))
    afresh = CompiledTemplate(data, lang=language(code), packed=False)
    assert restored.state() == afresh.state()


@needs_same_versions
def test_a_template_that_differs_by_one_byte_is_prepared_afresh() -> None:
    data = builtin_template("brief")
    assert packed.state_for(data) is not None
    assert packed.state_for(data + b"\0") is None


def test_a_file_made_with_other_versions_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    real = packed.versions()
    packed._shipped.cache_clear()
    monkeypatch.setattr(packed, "versions", lambda: {**real, "zlib": "0.0"})
    try:
        assert packed.state_for(builtin_template("brief")) is None
    finally:
        packed._shipped.cache_clear()


@pytest.mark.parametrize("facts", EXAMPLES, ids=lambda path: path.parent.name)
def test_every_example_brief_and_update_is_the_same_from_a_restored_template(
    facts: Path,
) -> None:
    from pitchkit.notes.update import situate, update_document_context

    project = open_project(facts)
    brief = builtin_template("brief")
    update = builtin_template("update")
    restored = CompiledTemplate(brief, lang=project.lang)
    afresh = CompiledTemplate(brief, lang=project.lang, packed=False)
    restored_update = CompiledTemplate(update, lang=project.lang)
    afresh_update = CompiledTemplate(update, lang=project.lang, packed=False)
    for director in project.facts.directors:
        parts = brief_parts(project, director, today=TODAY)
        note = restored.fill(parts.context, properties=parts.properties)
        assert note == afresh.fill(parts.context, properties=parts.properties), director.id
        situation = situate(project.facts, director, project.lang, period=None, today=TODAY)
        context = update_document_context(situation, today=TODAY)
        props = properties(situation.pitch, project.lang, "update", TODAY)
        filled = restored_update.fill(context, properties=props)
        assert filled == afresh_update.fill(context, properties=props), director.id


def test_ci_tests_the_versions_the_shipped_file_was_made_with() -> None:
    """Under CI (PITCHKIT_REQUIRE_TOOLS=1) a newer library from PyPI must not skip the above.

    ``make`` installs from constraints.txt, so the tests run under the versions
    templates/packed.json was made with; a drift there (as when lxml 6.2.1 came out)
    would otherwise skip these tests and fail the start-up tests far from the cause.
    """
    if os.environ.get(REQUIRE_ENV) != "1":
        pytest.skip(f"only checked with {REQUIRE_ENV}=1")
    assert MADE_HERE, (
        f"templates/packed.json was made with {json.loads(SHIPPED)['versions']}, but "
        f"{packed.versions()} are installed: install with make (constraints.txt) "
        "or run make prepared"
    )
