"""``pitchkit template check`` over docxtpl's own test templates.

Template authors come from docxtpl, so the check is run, as a user runs it,
on every ``.docx`` in docxtpl's ``tests/templates`` (see
``tests/data/docxtpl_templates/README.md`` for where they come from and why
they are not stored here). For each template, as a briefing note and as a
progress update:

- the check ends with exit 0 or 1, no traceback, one line per finding,
  each with clean punctuation;
- every name docxtpl's own ``get_undeclared_template_variables`` finds
  (less pitchkit's own context names) is listed, and reported as unknown;
- in a brief check, no name is said to belong to progress updates (or is
  offered as a fix) unless it is one of pitchkit's update variables;
- the templates pitchkit cannot fill as docxtpl's tests do (Python objects
  such as sub-documents and images, custom filters, a method call, a broken
  tag) are listed below with the reason, and the message is asserted.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import docx
import jinja2
import pytest
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from typer.testing import CliRunner

from docchecks import template_with
from pitchkit.authoring.check import belongs_to, children, known_variables
from pitchkit.cli import app

ROOT = Path(__file__).resolve().parent.parent
#: docxtpl's repository and the commit its templates are taken from (docxtpl 0.20.1).
DOCXTPL_COMMIT = "f96b0b641359e7ecbc054d48da2aea682834dee2"
DOCXTPL_MIRROR = Path("/work/.mirror/elapouya+python-docx-template/repo")
#: Every .docx in docxtpl's tests/templates at that commit.
TEMPLATES = (
    "cellbg_tpl.docx",
    "comments_tpl.docx",
    "custom_jinja_filters_tpl.docx",
    "doc_properties_tpl.docx",
    "dynamic_table_tpl.docx",
    "embedded_dummy.docx",
    "embedded_dummy2.docx",
    "embedded_embedded_docx_tpl.docx",
    "embedded_main_tpl.docx",
    "embedded_static_docx.docx",
    "escape_tpl.docx",
    "escape_tpl_auto.docx",
    "footnotes_tpl.docx",
    "get_undeclared_variables.docx",
    "header_footer_entities_tpl.docx",
    "header_footer_image_tpl.docx",
    "header_footer_inline_image_tpl.docx",
    "header_footer_tpl.docx",
    "header_footer_tpl_utf8.docx",
    "horizontal_merge_tpl.docx",
    "inline_image_tpl.docx",
    "less_cells_after_loop_tpl.docx",
    "merge_docx_master_tpl.docx",
    "merge_docx_subdoc.docx",
    "merge_paragraph_tpl.docx",
    "module_execute_tpl.docx",
    "multi_rendering_tpl.docx",
    "nested_for_tpl.docx",
    "order_tpl.docx",
    "preserve_spaces_tpl.docx",
    "replace_picture_tpl.docx",
    "richtext_and_if_tpl.docx",
    "richtext_eastAsia_tpl.docx",
    "richtext_paragraph_tpl.docx",
    "richtext_tpl.docx",
    "subdoc_tpl.docx",
    "template_error_tpl.docx",
    "vertical_merge_nested_tpl.docx",
    "vertical_merge_tpl.docx",
    "word2016_tpl.docx",
)
KINDS = ("brief", "update")

#: Templates whose names stand for Python objects docxtpl's tests build
#: (a Subdoc, an InlineImage, a RichText, a Listing): pitchkit's context has
#: only its own plain values, so the check can only say the name is unknown.
NEEDS_PYTHON = {
    "subdoc_tpl.docx": ("mysubdoc", "body", "a Subdoc built in Python"),
    "merge_docx_master_tpl.docx": ("mysubdoc", "body", "a Subdoc of another document"),
    "header_footer_tpl.docx": ("mysubdoc", "body", "a Subdoc built in Python"),
    "header_footer_tpl_utf8.docx": ("mysubdoc", "body", "a Subdoc built in Python"),
    "inline_image_tpl.docx": ("myimage", "body", "an InlineImage of a picture file"),
    "header_footer_inline_image_tpl.docx": ("inline_image", "header", "an InlineImage"),
    "richtext_tpl.docx": ("example", "body", "a RichText with its own styling"),
    "richtext_paragraph_tpl.docx": ("example", "body", "a RichTextParagraph"),
    "escape_tpl.docx": ("mylisting", "body", "a Listing that keeps new lines"),
}

#: Templates docxtpl's own get_undeclared_template_variables() cannot read as
#: they are, and what pitchkit says of them instead (one line, exact).
DOCXTPL_FAILS = {
    # Its {% endif %} has no {% if %} (docxtpl's test of template errors).
    "template_error_tpl.docx": (
        'error: {path} (body, paragraph "I am the fifth paragraph. {{% if test_variable %}}'
        "I am part of it, too.{{% endif %}} {{% endif %}}\"): unknown tag 'endif': check its "
        "spelling, or whether its opening tag is missing"
    ),
}

#: Filters docxtpl's test registers in its own Jinja environment before filling.
CUSTOM_FILTERS = {"custom_jinja_filters_tpl.docx": ("my_filterA", "my_filterB")}

#: Other errors pitchkit reports that are not unknown names (exact lines).
OTHER_ERRORS = {
    "escape_tpl_auto.docx": [
        'error: {path} (body, paragraph "{{{{ k.capitalize() }}}}: {{{{ v }}}}{{% endfor %}}"): '
        "`capitalize()` calls a method of a value, and templates may only read values: "
        "use a filter instead, such as |upper, |join or |dictsort"
    ],
    "custom_jinja_filters_tpl.docx": [
        f"error: unknown filter '|{name}': use one of Jinja's filters or pitchkit's own "
        "(listed in docs/template-variables.md)"
        for name in ("my_filterB", "my_filterA")
    ],
    "template_error_tpl.docx": [],  # its one error is asserted through DOCXTPL_FAILS
}

#: Names pitchkit finds that docxtpl's get_undeclared_template_variables()
#: does not, because it reads only the body, headers and footers.
FOUND_ONLY_BY_PITCHKIT = {"footnotes_tpl.docx": {"a_jinja_variable"}}

_UNKNOWN = re.compile(r"^error: unknown variable `(?P<path>[^`]+)` in the ")
_OTHER_KIND = re.compile(r"`(?P<path>[^`]+)` \(in the [^)]*\) is only filled in progress updates")
_SUGGESTED = re.compile(r"did you mean `(?P<path>[^`]+)`\?")
_PLACES = re.compile(r"^error: unknown variable `[^`]+` in the ([^:]+): ", re.MULTILINE)
_QUOTED = re.compile(r'"[^"]*"|`[^`]*`')


# ---------------------------------------------------------------- the corpus


def _from_mirror(target: Path) -> Path | None:
    """docxtpl's templates taken out of its git repository at :data:`DOCXTPL_COMMIT`."""
    repository = Path(os.environ.get("PITCHKIT_DOCXTPL_REPO", DOCXTPL_MIRROR))
    git = shutil.which("git")
    if git is None or not repository.exists():
        return None
    for name in TEMPLATES:
        shown = subprocess.run(
            [git, "--git-dir", str(repository), "show", f"{DOCXTPL_COMMIT}:tests/templates/{name}"],
            capture_output=True,
            check=False,
        )
        if shown.returncode != 0:
            return None
        (target / name).write_bytes(shown.stdout)
    return target


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder holding docxtpl's test templates, or skip when none is on this machine."""
    for folder in (
        os.environ.get("PITCHKIT_DOCXTPL_CORPUS"),
        ROOT.parent / "shared" / "docxtpl_templates",
    ):
        if folder and any(Path(folder).glob("*.docx")):
            return Path(folder)
    found = _from_mirror(tmp_path_factory.mktemp("docxtpl_templates"))
    if found is None:
        pytest.skip(
            "docxtpl's test templates are not on this machine: set PITCHKIT_DOCXTPL_CORPUS "
            "(see tests/data/docxtpl_templates/README.md)"
        )
    return found


def test_the_corpus_is_whole(corpus: Path) -> None:
    assert sorted(p.name for p in corpus.glob("*.docx")) == sorted(TEMPLATES)


def docxtpl_names(path: Path) -> set[str]:
    """What docxtpl's own get_undeclared_template_variables() finds in the template."""
    env = jinja2.Environment()
    env.filters.update(dict.fromkeys(CUSTOM_FILTERS.get(path.name, ()), str))
    try:
        return set(DocxTemplate(path).get_undeclared_template_variables(jinja_env=env))
    except jinja2.TemplateSyntaxError:
        assert path.name in DOCXTPL_FAILS, f"docxtpl cannot read {path.name}"
        return set()


def own_names() -> set[str]:
    """pitchkit's own top-level context names (of either kind)."""
    return {name for kind in KINDS for name in children(known_variables(kind), "")}


# ---------------------------------------------------------------- running the check


def check(path: Path, kind: str) -> tuple[int, list[str], list[str]]:
    """``pitchkit template check --kind KIND PATH``: exit code, output and error lines."""
    result = CliRunner().invoke(
        app, ["template", "check", "--kind", kind, str(path)], catch_exceptions=True
    )
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"pitchkit crashed on {path.name}: {result.stderr}") from (
            result.exception
        )
    return result.exit_code, result.stdout.splitlines(), result.stderr.splitlines()


def listed(out: list[str]) -> list[str]:
    """The variable paths in the 'Variables used' listing."""
    return [line.split()[0] for line in out if line.startswith("  ")]


def top(path: str) -> str:
    """``items`` for ``items[].desc``."""
    return re.split(r"[.\[]", path, maxsplit=1)[0]


def punctuation_slips(line: str) -> Iterator[str]:
    """Punctuation a message should not have (quoted paragraphs and names left out)."""
    text = _QUOTED.sub("Q", line)
    for slip in (".:", ".)", "::", " :", " ,", "  ", ":.", "..", ",."):
        if slip in text:
            yield slip


@pytest.mark.parametrize("name", TEMPLATES)
def test_template_check_on_docxtpl_template(corpus: Path, name: str) -> None:
    path = corpus / name
    expected = docxtpl_names(path) - own_names()
    for kind in KINDS:
        code, out, err = check(path, kind)
        seen = f"{name} --kind {kind}"
        assert code in (0, 1), seen
        assert not any("Traceback" in line for line in out + err), seen
        # One line a finding, each with clean punctuation.
        assert all(line.startswith(("error: ", "warning: ")) for line in err), (seen, err)
        for line in err:
            assert not list(punctuation_slips(line)), (seen, line)
        assert out[0] == f"{path}: checked as a " + (
            "briefing note template" if kind == "brief" else "progress update template"
        )
        paths = listed(out)
        assert out[1] == f"Variables used ({len(paths)}):", seen
        errors = [line for line in err if line.startswith("error: ")]
        assert (code == 1) == bool(errors), (seen, err)
        if code == 0:
            assert out[-1] == "It fills correctly with the example project's facts.", seen

        # Every name docxtpl finds is listed, and reported as unknown.
        tops = {top(p) for p in paths} - own_names()
        assert tops == expected | FOUND_ONLY_BY_PITCHKIT.get(name, set()), seen
        unknown = {m["path"] for line in err if (m := _UNKNOWN.match(line))}
        # The parts a name is used in read as a list: "body, header and footer".
        for where in _PLACES.findall("\n".join(err)):
            assert where.count(" and ") <= 1, (seen, where)
        for variable in expected:
            assert any(top(p) == variable for p in unknown), (seen, variable, err)
        # Each unknown path is one the listing shows.
        assert unknown <= set(paths), seen

        # A brief check calls a name an update variable only when it is one.
        if kind == "brief":
            for line in err:
                for match in _OTHER_KIND.finditer(line):
                    assert belongs_to(match["path"], "update"), (seen, line)
                for match in _SUGGESTED.finditer(line):
                    assert top(match["path"]) != "update", (seen, line)

        # Errors other than unknown names: exactly those listed for the template.
        others = [line for line in errors if not _UNKNOWN.match(line)]
        if name in DOCXTPL_FAILS:
            assert others == [DOCXTPL_FAILS[name].format(path=path)], seen
        else:
            expected_others = [line.format(path=path) for line in OTHER_ERRORS.get(name, [])]
            assert others == expected_others, (seen, others)

        # Rich-text tags are pointed out.
        if any("{{r " in p for p in _texts(path)):
            assert any("a {{r }} tag" in line for line in err if line.startswith("warning: "))

        # Objects docxtpl's tests build in Python are unknown names here.
        if name in NEEDS_PYTHON:
            variable, part, _why = NEEDS_PYTHON[name]
            assert any(
                line.startswith(f"error: unknown variable `{variable}` in the {part}: ")
                for line in err
            ), (seen, err)
        if not expected and name not in FOUND_ONLY_BY_PITCHKIT and name not in OTHER_ERRORS:
            assert code == 0, (seen, err)


def _texts(path: Path) -> list[str]:
    """The text of every paragraph in the template's body, tables included."""
    body = docx.Document(str(path)).element.body
    return ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p"))]


# ---------------------------------------------------------------- docxtpl habits, one at a time
#
# Mistakes and habits of docxtpl authors that the corpus showed or suggested,
# each in a template of its own (no corpus needed).


def errors_of(tmp_path: Path, *lines: str, kind: str = "brief") -> tuple[int, list[str]]:
    """Exit code and error lines of ``template check`` on a template of ``lines``."""
    template = template_with(tmp_path / "t.docx", *lines)
    code, _out, err = check(template, kind)
    return code, [line.removeprefix(f"error: {template} ") for line in err]


def test_custom_filters_are_named_before_filling(tmp_path: Path) -> None:
    code, err = errors_of(tmp_path, "{{ project.title|my_filter }} {{ project.title|uper }}")
    assert code == 1
    assert err == [
        "error: unknown filter '|my_filter': use one of Jinja's filters or pitchkit's own "
        "(listed in docs/template-variables.md)",
        "error: unknown filter '|uper': did you mean '|upper'?",
    ]


def test_an_unknown_test_is_named(tmp_path: Path) -> None:
    code, err = errors_of(tmp_path, "{% if project.title is mappingg %}x{% endif %}")
    assert code == 1
    assert err == ["error: unknown test 'is mappingg': did you mean 'is mapping'?"]


def test_an_unknown_name_in_a_test_is_unknown(tmp_path: Path) -> None:
    code, err = errors_of(tmp_path, "{% if projct is mapping %}x{% endif %}")
    assert code == 1
    assert err == [
        "error: unknown variable `projct` in the body: no note can be written while the template "
        "uses it — did you mean `project`?"
    ]


def test_a_wrong_end_tag_names_the_open_one(tmp_path: Path) -> None:
    code, err = errors_of(tmp_path, "{% for a in asks %}{{ a.text }}{% endif %}")
    assert code == 1
    assert err == [
        '(body, paragraph "{% for a in asks %}{{ a.text }}{% endif %}"): {% endif %} cannot '
        "close the {% for %} tag that is still open: close it with {% endfor %} first"
    ]


def test_a_syntax_error_does_not_count_characters_of_the_xml(tmp_path: Path) -> None:
    code, err = errors_of(tmp_path, "{{ 'abc }}")
    assert code == 1
    assert err == [
        '(body, paragraph "{{ \'abc }}"): tag error: unexpected char "\'": correct the tag in Word'
    ]


def test_a_macro_is_not_an_unknown_variable(tmp_path: Path) -> None:
    template = template_with(
        tmp_path / "t.docx",
        "{% macro shout(text) %}{{ text|upper }}{% endmacro %}{{ shout(project.title) }}",
    )
    code, out, err = check(template, "brief")
    assert (code, err) == (0, [])
    assert listed(out) == ["project.title"]


def test_a_name_used_in_three_parts_reads_as_a_list(tmp_path: Path) -> None:
    template = template_with(tmp_path / "t.docx", "{{ titel }}")
    document = docx.Document(str(template))
    section = document.sections[0]
    section.header.paragraphs[0].text = "{{ titel }}"
    section.footer.paragraphs[0].text = "{{ titel }}"
    document.save(str(template))
    code, _out, err = check(template, "brief")
    assert code == 1
    assert err[0].startswith("error: unknown variable `titel` in the body, header and footer: ")


def test_a_brief_check_offers_no_update_variable_as_a_fix(tmp_path: Path) -> None:
    code, err = errors_of(tmp_path, "{{ date }}")
    assert code == 1
    assert err == [
        "error: unknown variable `date` in the body: no note can be written while the template "
        "uses it"
    ]
    # In an update, where it is filled, it is offered.
    code, err = errors_of(tmp_path, "{{ date }}", kind="update")
    assert err[0].endswith("— did you mean `update`?")
