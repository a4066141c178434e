"""The built-in templates' parts, cleaned and compiled ahead of time (pitchkit.word.prepared)."""

from __future__ import annotations

import importlib.util
from importlib import resources
from pathlib import Path

import pytest

from pitchkit.facts.project import open_project, pick_director
from pitchkit.i18n.translation import language
from pitchkit.notes.brief import brief_parts
from pitchkit.word import prepared
from pitchkit.word.render import load_template
from pitchkit.word.renderenv import PictureShelf, known_names, make_environment, scoped
from pitchkit.word.templatefile import mark_paragraphs


def builtin(name: str) -> bytes:
    return (resources.files("pitchkit.word") / "templates" / name).read_bytes()


def test_the_shipped_file_is_what_cleaning_and_compiling_afresh_gives() -> None:
    shipped = (resources.files("pitchkit.word") / "templates" / prepared.FILE_NAME).read_text(
        "utf-8"
    )
    assert shipped == prepared.prepared_text(prepared.make_prepared()), (
        "templates/prepared.json is stale: run make prepared"
    )


def test_every_part_of_the_built_in_templates_is_shipped_in_either_language() -> None:
    for name in prepared.TEMPLATES:
        document = load_template(builtin(name))
        sources = prepared.part_sources(document)
        assert len(sources) >= 2  # the body and at least a footer
        for code in ("en_GB", "cy_GB"):
            env = make_environment(language(code))
            for xml in sources:
                clean = prepared.cleaned(xml)
                assert clean == document.clean_xml(xml)
                marked = mark_paragraphs(clean)
                assert prepared.python(env, marked) == env.compile(marked, raw=True)


def test_a_part_that_differs_by_one_character_is_compiled_as_usual() -> None:
    document = load_template(builtin("brief.docx"))
    xml = document.get_xml()
    changed = xml.replace("</w:t>", " </w:t>", 1)
    assert prepared.cleaned(xml) is not None
    assert prepared.cleaned(changed) is None
    env = make_environment(language(None))
    marked = mark_paragraphs(document.clean_xml(xml))
    assert prepared.python(env, marked + " ") is None


def test_an_environment_that_generates_other_code_gets_no_shipped_code() -> None:
    env = make_environment(language(None))
    document = load_template(builtin("brief.docx"))
    marked = mark_paragraphs(document.patch_xml(document.get_xml()))
    assert prepared.python(env, marked) is not None
    assert prepared.python(env.overlay(autoescape=False), marked) is None
    plain = make_environment(language(None))
    plain.trim_blocks = True
    assert prepared.python(plain, marked) is None


def test_a_note_fills_the_same_from_shipped_code_as_from_code_compiled_afresh() -> None:
    project = open_project(Path(str(resources.files("pitchkit") / "demo" / "facts.yaml")))
    director = pick_director(project.facts, None)
    context = brief_parts(project, director).context
    env = make_environment(project.lang)
    document = load_template(builtin("brief.docx"))
    for xml in prepared.part_sources(document):
        marked = mark_paragraphs(document.clean_xml(xml))
        shipped = prepared.template(env, marked)
        assert shipped is not None
        filled = []
        for template in (shipped, env.from_string(marked)):
            values = scoped(dict(context), shelf=PictureShelf())
            with known_names(values):
                filled.append(template.render(values))
        assert filled[0] == filled[1]
        assert filled[0]


def made_by_this_python() -> bool:
    """Whether ``prepared.code`` was made by this Python's bytecode version (else unused)."""
    raw = (prepared.TEMPLATE_FOLDER / prepared.CODE_FILE_NAME).read_bytes()
    return prepared.unpack_code(raw) is not None


def test_the_shipped_code_is_the_shipped_python_compiled() -> None:
    if not made_by_this_python():
        pytest.skip("prepared.code is for the Python make prepared ran with")
    code = prepared.shipped_code()
    env = make_environment(language(None))
    sources = list(prepared.shipped()["python"].values())
    assert len(code) == len(sources)
    for source in sources:
        assert code[prepared.digest(source)] == env._compile(source, "<template>")
        assert prepared.compiled(env, source) is code[prepared.digest(source)]


def test_other_python_is_compiled_as_usual() -> None:
    env = make_environment(language(None))
    source = next(iter(prepared.shipped()["python"].values()))
    changed = source + "\n# one line more\n"
    assert prepared.digest(changed) not in prepared.shipped_code()
    assert prepared.compiled(env, changed) == env._compile(changed, "<template>")


def test_code_made_by_another_python_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = prepared.make_code()
    magic = importlib.util.MAGIC_NUMBER
    (tmp_path / prepared.CODE_FILE_NAME).write_bytes(made.replace(magic, b"\x00\x00\r\n", 1))
    monkeypatch.setattr(prepared, "TEMPLATE_FOLDER", tmp_path)
    prepared.shipped_code.cache_clear()
    try:
        assert prepared.shipped_code() == {}
    finally:
        prepared.shipped_code.cache_clear()
    (tmp_path / prepared.CODE_FILE_NAME).write_bytes(b"not marshal data")
    try:
        assert prepared.shipped_code() == {}
    finally:
        prepared.shipped_code.cache_clear()
    # A damaged file is never handed to marshal: a byte changed anywhere is refused.
    for at in range(0, len(made), max(1, len(made) // 300)):
        damaged = made[:at] + bytes([made[at] ^ 0x5A]) + made[at + 1 :]
        assert prepared.unpack_code(damaged) is None


def test_the_shipped_code_file_is_current() -> None:
    if not made_by_this_python():
        pytest.skip("prepared.code is for the Python make prepared ran with")
    shipped = (prepared.TEMPLATE_FOLDER / prepared.CODE_FILE_NAME).read_bytes()
    assert prepared.unpack_code(shipped) == prepared.unpack_code(prepared.make_code()), (
        "templates/prepared.code is stale: run make prepared"
    )
