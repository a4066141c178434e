"""Templates see data, never objects, and can call nothing but pitchkit's own.

Three kinds of proof:

- the escape that was found (a chart reached templates as docxtpl's
  InlineImage, whose ``.tpl`` was the live DocxTemplate) is refused by every
  command, and writes nothing;
- every value every kind of note hands a template (brief, update with
  charts, fill-in update, bilingual, batch by the fast path) is plain data
  or an image token with no public attribute;
- Hypothesis writes expressions from Jinja's grammar (attribute chains,
  subscripts, ``|attr``, dunder names, calls with a path) over every
  documented value and checks that what they reach is data or pitchkit's,
  and that filling a real document with them writes, deletes and runs
  nothing (a Python audit hook watches).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import decimal
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import docx
import jinja2
import pytest
from docxtpl import DocxTemplate, InlineImage
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jinja2.runtime import BlockReference, LoopContext, Macro, TemplateReference
from jinja2.utils import Cycler, Joiner, Namespace
from markupsafe import Markup
from typer.testing import CliRunner, Result

from docchecks import template_with
from pitchkit.authoring.variables import demo_facts, example_contexts, known_variables
from pitchkit.cli import app
from pitchkit.errors import TemplateError
from pitchkit.i18n.translation import language
from pitchkit.word import fastrender, render
from pitchkit.word.render import Properties, fill
from pitchkit.word.renderenv import (
    ImageSlot,
    Picture,
    PictureShelf,
    Scope,
    make_environment,
    scoped,
)

ROOT = Path(__file__).resolve().parent.parent
DEMO = str(demo_facts())
WELSH = str(ROOT / "examples" / "ysbyty-cymunedol" / "facts.yaml")
#: A period the demo's log has no entry for, so its update is the fill-in template.
FILL_IN = "2026-12"
EXAMPLES = int(os.environ.get("PITCHKIT_FUZZ_EXAMPLES", "15"))
PROPERTIES = Properties("t", "a", "s", "en-GB", dt.date(2026, 12, 3))


def run(*args: str) -> Result:
    """Run pitchkit in-process; a crash (not a user error) fails the test."""
    result = CliRunner().invoke(app, list(args), catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"pitchkit crashed: {result.stderr}") from result.exception
    return result


def chart_loop(*lines: str) -> list[str]:
    """Template paragraphs running ``lines`` once for each chart of an update."""
    return ["{%p for c in update.charts %}", *lines, "{%p endfor %}"]


# ---------------------------------------------------------------- the escape that was found


ESCAPES = {
    "save": '{{{{ c.picture.tpl.save("{target}") }}}}',
    "replace_zipname": '{{{{ c.picture.tpl.replace_zipname("word/document.xml", "{source}") }}}}',
    "attr filter": "{{{{ (c.picture|attr('tpl')|attr('save'))('{target}') }}}}",
    "subscript": "{{{{ c.picture['tpl']['save']('{target}') }}}}",
    "descriptor": "{{{{ c.picture.image_descriptor.read() }}}}",
}


@pytest.mark.parametrize("how", list(ESCAPES))
@pytest.mark.parametrize("command", ["update", "template check"])
def test_a_chart_gives_templates_no_way_out(how: str, command: str, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere" / "written.docx"
    target.parent.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("a local file the note must not carry\n")
    tag = ESCAPES[how].format(target=target, source=secret)
    template = template_with(tmp_path / "t.docx", *chart_loop(tag))
    out = tmp_path / "out" / "note.docx"
    if command == "update":
        result = run("update", DEMO, "--template", str(template), "--out", str(out))
    else:
        result = run("template", "check", str(template), "--kind", "update")
    assert result.exit_code == 1, result.output
    assert not target.exists()
    assert not out.exists()
    assert not out.parent.exists()
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    if command == "update":
        assert len(errors) == 1, result.stderr
    else:  # a report: the unknown name and the method call may each be listed
        assert errors, result.stderr
    assert "Traceback" not in result.stderr
    assert "It fills correctly" not in result.stdout


def test_a_chart_is_still_placed_as_a_picture(tmp_path: Path) -> None:
    template = template_with(
        tmp_path / "t.docx", *chart_loop("{{ c.picture }}", "{{ c.measure|upper }}")
    )
    out = tmp_path / "note.docx"
    result = run("update", DEMO, "--template", str(template), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    document = docx.Document(str(out))
    pictures = document.inline_shapes
    assert len(pictures) == 3
    assert all(shape.width > 0 for shape in pictures)
    texts = [p.text for p in document.paragraphs if p.text.strip()]
    assert any(text.isupper() and "FRAILTY" in text for text in texts)
    assert not any("pitchkit-image" in text for text in texts)


def test_an_image_token_written_into_a_property_leaves_no_marker(tmp_path: Path) -> None:
    template = template_with(tmp_path / "t.docx", *chart_loop("{{ c.picture }}"))
    document = docx.Document(str(template))
    document.core_properties.title = "{% for c in update.charts %}{{ c.picture }}{% endfor %}x"
    document.save(str(template))
    out = tmp_path / "note.docx"
    result = run("update", DEMO, "--template", str(template), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert docx.Document(str(out)).core_properties.title == "x"


@pytest.mark.parametrize(
    ("tag", "refused"),
    [
        # A call is refused by the template check before any note is made, with its place.
        ("{{ project.title.upper() }}", "`upper()` calls a method of a value"),
        ("{{ project.title.upper }}", "`upper` is something a value can do"),
        ("{{ project.title['upper']() }}", "`upper` is something a value can do"),
        ("{{ (project.title|attr('format'))('x') }}", "`format` is something a value can do"),
        ("{% for k, v in project.items() %}{% endfor %}", "`items()` calls a method of a value"),
        ("{{ dict.fromkeys([1]) }}", "`fromkeys()` calls a method of a value"),
        ("{{ range(3).index(1) }}", "`index()` calls a method of a value"),
    ],
)
def test_methods_are_refused_by_name(tag: str, refused: str, tmp_path: Path) -> None:
    template = template_with(tmp_path / "t.docx", tag)
    result = run("brief", DEMO, "--template", str(template), "--out", str(tmp_path / "n.docx"))
    assert result.exit_code == 1
    assert refused in result.stderr
    assert "use a filter instead" in result.stderr
    assert 't.docx (body, paragraph "' in result.stderr
    assert not (tmp_path / "n.docx").exists()


def test_what_templates_may_call_still_works(tmp_path: Path) -> None:
    template = template_with(
        tmp_path / "t.docx",
        "{% macro tag(x) %}[{{ x }}]{% endmacro %}{{ tag(project.title) }}",
        "{% set comma = joiner('/') %}{% for k, v in project|dictsort %}{{ comma() }}{{ k }}"
        "{% endfor %}",
        "{% for i in impacts %}{{ loop.cycle('odd', 'even') }} {% endfor %}",
        "{% set ns = namespace(n=0) %}{% for i in range(3) %}{% set ns.n = ns.n + i %}"
        "{% endfor %}{{ ns.n }} {{ _('Target') }} {{ cycler('a', 'b').next() }}",
    )
    out = tmp_path / "n.docx"
    result = run("brief", DEMO, "--template", str(template), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    text = [p.text for p in docx.Document(str(out)).paragraphs]
    assert text[0] == "[Frailty virtual ward]"
    assert text[1].startswith("change/end/")
    # loop.cycle alternates over the project's four impacts.
    cycled = text[2].split()
    assert len(cycled) == 4
    assert cycled == [("odd", "even")[n % 2] for n in range(len(cycled))]
    assert text[3] == "3 Target a"


def test_a_key_comes_before_a_dict_method() -> None:
    env = make_environment(language("en_GB"))
    values = scoped({"group": {"items": "the items", "keys": 3}})
    result = env.from_string("{{ group.items }} {{ group.keys }}").render(values)
    assert result == "the items 3"


def test_scoped_refuses_anything_but_data() -> None:
    class Sneaky(str):
        hidden = staticmethod(print)

    assert type(scoped({"t": Sneaky("x")})["t"]) is str
    for value in (object(), print, DocxTemplate, b"bytes", {1, 2}, Path("/")):
        with pytest.raises(TypeError, match="plain data"):
            scoped({"x": [value]})
    with pytest.raises(TypeError, match="PictureShelf"):
        scoped({"p": Picture(b"")})


# ---------------------------------------------------------------- every value every note sees


def non_data(value: Any, path: str = "") -> Iterator[str]:
    """Where in ``value`` something is not plain data (nor an inert image token)."""
    if isinstance(value, Scope):
        for key, item in value.items():
            if type(key) is not str:
                yield f"{path}: key {key!r}"
            yield from non_data(item, f"{path}.{key}")
    elif type(value) is list:
        for index, item in enumerate(value):
            yield from non_data(item, f"{path}[{index}]")
    elif type(value) is ImageSlot:
        public = [name for name in dir(value) if not name.startswith("_")]
        if public:
            yield f"{path}: an image with attributes {public}"
    elif type(value) not in (str, int, float, bool, type(None), dt.date, decimal.Decimal, Markup):
        yield f"{path}: {type(value).__module__}.{type(value).__qualname__}"


RUNS = {
    "brief": ["brief", DEMO],
    "update with charts": ["update", DEMO],
    "fill-in update": ["update", DEMO, "--period", FILL_IN],
    "bilingual brief": ["brief", WELSH, "--bilingual"],
    "bilingual update": ["update", WELSH, "--bilingual"],
    "batch of briefs": ["batch", DEMO, "--jobs", "1"],
    "batch of updates": ["batch", DEMO, "--kind", "update", "--jobs", "1"],
}


@pytest.mark.parametrize("kind", list(RUNS))
def test_every_value_a_template_sees_is_data(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Any] = []

    def spy(real: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            values = real(*args, **kwargs)
            seen.append(values)
            return values

        return wrapper

    monkeypatch.setattr(render, "scoped", spy(render.scoped))
    monkeypatch.setattr(fastrender, "scoped", spy(fastrender.scoped))
    out = tmp_path / ("notes" if kind.startswith("batch") else "note.docx")
    result = run(*RUNS[kind], "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert seen, "no template was filled"
    problems = [problem for values in seen for problem in non_data(values)]
    assert problems == []
    images = [slot for values in seen for slot in _slots(values)]
    assert bool(images) == (kind in ("update with charts", "bilingual update", "batch of updates"))


def _slots(value: Any) -> Iterator[ImageSlot]:
    if isinstance(value, dict):
        for item in value.values():
            yield from _slots(item)
    elif isinstance(value, list):
        for item in value:
            yield from _slots(item)
    elif isinstance(value, ImageSlot):
        yield value


def test_the_documented_contexts_are_data_too() -> None:
    for kind in ("brief", "update"):
        for context in example_contexts(kind):
            assert list(non_data(scoped(context, shelf=PictureShelf()))) == []


# ---------------------------------------------------------------- Hypothesis: no way out

#: Names a template might try after a dot: every public name of every kind of
#: value reachable, the escape that was found, and Python's usual ways out.
_SAMPLES: list[Any] = [
    "",
    {},
    [],
    1,
    1.5,
    True,
    None,
    dt.date(2026, 1, 1),
    Markup(""),
    range(1),
    Cycler(1),
    Joiner(),
    Namespace(),
    InlineImage,
    DocxTemplate,
    jinja2.Environment,
]
NAMES = sorted(
    {name for sample in _SAMPLES for name in dir(sample) if not name.startswith("_")}
    | {"tpl", "save", "replace_zipname", "docx", "image_descriptor", "dotted_path", "_path"}
    | {"__class__", "__init__", "__globals__", "__subclasses__", "__mro__", "__base__"}
    | {"__builtins__", "__dict__", "__self__", "__func__", "__code__", "__reduce_ex__"}
    | {"mro", "func_globals", "f_globals", "gi_frame", "cr_frame", "environment"}
    | {"os", "system", "popen", "open", "write", "eval", "exec", "import_module"}
)
ROOTS = {
    kind: sorted(
        {path.replace("[]", "[0]") for path in known_variables(kind)}
        | {"c", "loop", "self", "_", "gettext", "ngettext", "range", "dict", "cycler"}
        | {"joiner", "namespace", "varargs", "'text'", "[1]", "{'a': 1}", "42", "lipsum"}
    )
    for kind in ("brief", "update")
}


def _steps(target: str) -> st.SearchStrategy[str]:
    """One link of an expression chain."""
    name = st.sampled_from(NAMES)
    quoted = name.map(repr)
    return st.one_of(
        name.map(lambda n: f".{n}"),
        quoted.map(lambda q: f"[{q}]"),
        quoted.map(lambda q: f"|attr({q})"),
        quoted.map(lambda q: f"|map(attribute={q})|list"),
        quoted.map(lambda q: f"|sort(attribute={q})"),
        st.sampled_from(["()", f"({target!r})", f"({target!r}, 'w')", "[0]", "[1:]"]),
        st.sampled_from(["|first", "|list", "|string", "|string|length", "|dictsort"]),
        st.sampled_from([" ~ 'x'", " if true else 1", "|default(1)", "(**{})"]),
    )


def expressions(kind: str, target: str) -> st.SearchStrategy[str]:
    """``root`` followed by up to five links."""
    chain = st.lists(_steps(target), min_size=1, max_size=5).map("".join)
    return st.builds(lambda root, tail: f"({root}){tail}", st.sampled_from(ROOTS[kind]), chain)


#: Jinja's own helpers a template may hold (none can reach anything else).
_HELPERS = (
    range,
    Cycler,
    Joiner,
    Namespace,
    LoopContext,
    TemplateReference,
    BlockReference,
    Macro,
)


def reaches_only_data(value: Any, env: jinja2.Environment) -> bool:
    """Whether ``value`` is data, a refusal, an image token, or one of pitchkit's own."""
    if isinstance(value, (jinja2.Undefined, ImageSlot, *_HELPERS)):
        return True
    if type(value) in (str, int, float, bool, type(None), dt.date, dt.timedelta, Markup):
        return True
    if isinstance(value, dict):
        return all(reaches_only_data(item, env) for item in [*value, *value.values()])
    if isinstance(value, list | tuple):
        return all(reaches_only_data(item, env) for item in value)
    if any(value is own for own in env.globals.values()):
        return True
    func = getattr(value, "__func__", None)
    return func in (LoopContext.cycle, LoopContext.changed, Cycler.next, Cycler.reset)


class Watch:
    """A Python audit hook that notes files written, removed or run while switched on."""

    WRITES = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
    ACTS = (
        "os.system",
        "os.exec",
        "os.posix_spawn",
        "os.spawn",
        "os.fork",
        "os.remove",
        "os.rmdir",
        "os.rename",
        "os.truncate",
        "os.chmod",
        "os.mkdir",
        "os.symlink",
        "os.link",
        "shutil.copyfile",
        "shutil.rmtree",
        "subprocess.Popen",
        "socket.connect",
        "urllib.Request",
        "ctypes.dlopen",
    )

    def __init__(self) -> None:
        self.on = False
        self.seen: list[str] = []
        sys.addaudithook(self.hook)

    def hook(self, event: str, args: tuple[Any, ...]) -> None:
        if not self.on:
            return
        if event == "open":
            path, mode, flags = args
            writing = any(c in (mode or "") for c in "wax+") or bool((flags or 0) & self.WRITES)
            if writing:
                self.seen.append(f"open {path!r} {mode!r}")
        elif event in self.ACTS:
            self.seen.append(f"{event} {args!r}"[:200])

    def __enter__(self) -> Watch:
        self.seen.clear()
        self.on = True
        return self

    def __exit__(self, *exc: object) -> None:
        self.on = False


WATCH = Watch()
TARGET = str(Path("/tmp") / "pitchkit-sandbox-probe" / "written")
LOOP = {
    "update": ("{% for c in update.charts %}{% if loop.first %}", "{% endif %}{% endfor %}"),
    "brief": ("{% for c in pitch.statements %}{% if loop.first %}", "{% endif %}{% endfor %}"),
}
#: What a refused expression may raise while it is worked out.
REFUSED = (
    jinja2.TemplateError,
    TypeError,
    ValueError,
    LookupError,
    AttributeError,
    ArithmeticError,
    RuntimeError,
)


@settings(
    max_examples=max(300, EXAMPLES * 20),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(data=st.data())
def test_no_expression_reaches_anything_but_data(data: st.DataObject) -> None:
    kind = data.draw(st.sampled_from(["brief", "update"]))
    expression = data.draw(expressions(kind, TARGET))
    env = make_environment(language("en_GB"))
    before, after = LOOP[kind]
    source = (
        "{% set ns = namespace(found=none) %}"
        f"{before}{{% set ns.found = {expression} %}}{after}"
        "{% set found = ns.found %}"
    )
    values = scoped(example_contexts(kind)[0], shelf=PictureShelf())
    with WATCH:
        try:
            found = getattr(env.from_string(source).make_module(values), "found", None)
        except REFUSED:
            found = None
    assert WATCH.seen == [], expression
    assert reaches_only_data(found, env), f"{expression} reached {found!r}"
    assert not Path(TARGET).exists()


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_filling_a_document_with_any_expression_writes_nothing(
    data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("probe")
    target = str(folder / "written")
    kind = data.draw(st.sampled_from(["brief", "update"]))
    expressions_ = data.draw(st.lists(expressions(kind, target), min_size=1, max_size=4))
    before, after = LOOP[kind]
    lines = [f"{before}{{{{ {e} }}}}{after}" for e in expressions_]
    template = template_with(folder / "t.docx", *lines).read_bytes()
    lang = language("en_GB")
    with WATCH, contextlib.suppress(TemplateError):
        fill(template, example_contexts(kind)[0], lang=lang, properties=PROPERTIES)
    assert WATCH.seen == [], expressions_
    assert sorted(p.name for p in folder.iterdir()) == ["t.docx"]


def test_the_watch_sees_a_write(tmp_path: Path) -> None:
    """The audit hook the property tests rely on does notice a file being written."""
    with WATCH:
        (tmp_path / "x").write_text("x")
        os.remove(tmp_path / "x")
    assert [seen.split()[0] for seen in WATCH.seen] == ["open", "os.remove"]


def test_the_names_tried_include_the_escape_and_every_value() -> None:
    assert {"tpl", "save", "replace_zipname", "__globals__", "upper", "items"} <= set(NAMES)
    assert "update.charts[0].picture" in ROOTS["update"]


def test_an_expression_python_warns_about_compiles_quietly() -> None:
    """``1[1:]`` makes Python warn while compiling; pitchkit's environment keeps that quiet.

    (pytest turns warnings into errors, so without the fix this raises SyntaxError.)
    """
    env = make_environment(language("en_GB"))
    template = env.from_string("{{ word if word else 1[1:] }}")
    assert template.render(word="ok") == "ok"
