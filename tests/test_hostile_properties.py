"""Property-based tests: any facts file, however hostile its text and numbers.

Hypothesis writes facts files whose every text field may hold anything
(all of Unicode, characters XML cannot carry, markup, Jinja look-alikes,
right-to-left scripts, emoji sequences, 100 kB values) and whose numbers
may be zero, negative, huge or fractional, with any number of impacts and
directors. For each, ``pitchkit brief`` must:

- end with exit code 0 or 1 and say why on stderr, never with a traceback;
- on success, write one document that opens, showing the title, the
  director's name, the lead's name and the organisation exactly as the
  documented cleaning leaves them;
- create or change no file outside the output folder.

``PITCHKIT_FUZZ_EXAMPLES`` sets the number of examples (``make fuzz`` runs
2000); the default keeps ``make test`` quick.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from docchecks import check_docx, docx_text, require_tools, validate_ooxml
from pitchkit.cli import app

#: Hypothesis warns when a failing example's repr is huge (100 kB values are the point).
#: Every test here is a property sweep: ``make check`` leaves them to ``make test``.
pytestmark = [pytest.mark.filterwarnings("ignore:Generating overly large repr"), pytest.mark.slow]

EXAMPLES = int(os.environ.get("PITCHKIT_FUZZ_EXAMPLES", "15"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)

# --- Text ---------------------------------------------------------------------

TRICKY = [
    "&<>\"'",
    "R&D <b>bold</b> ]]> <!-- x -->",
    "{{ 7*7 }}",
    "{% if true %}yes{% endif %}",
    "{_{ project.title }_}",
    "{%_ for x in y _%}",
    "{{ cycler.__init__.__globals__.os }}",
    "مستشفى الرعاية",  # Arabic
    "בית חולים",  # Hebrew
    "\u202eevil\u202c",  # right-to-left override
    "👩\u200d⚕️ 👨\u200d👩\u200d👧\u200d👦 🏳️\u200d🌈",  # emoji with joiners
    "Ysbyty Cymunedol — Gwasanaeth ŵ ŷ",
    "e\u0301",  # e and a combining accent: NFC makes é
    "line one\r\nline two\rthree\vfour",
    "tab\there\fpage\abell\x00nul\x1bescape",
    "\ufeffbom\ufffe\uffff",
    "  spaces around  ",
    "NO",
    "0800",
    "1.10",
    "~",
    "null",
    "- not a list",
    "key: value",
    "# not a comment",
    "*alias &anchor !tag",
    "\\ud800 as typed",
    "\U0001f600\U00010000\U0010fffd",
]


def long_text() -> st.SearchStrategy[str]:
    """Values up to 100 kB: a repeated word or sentence."""
    return st.builds(
        lambda piece, times: (piece * times)[:100_000],
        st.sampled_from(["word ", "Ŵ", "😀", "a&b<c ", "{{ x }} "]),
        st.integers(1_000, 100_000),
    )


def any_text() -> st.SearchStrategy[str]:
    """Text as users paste it: anything at all, with the known troublemakers boosted."""
    return st.one_of(
        st.text(max_size=40),
        st.sampled_from(TRICKY),
        st.lists(st.one_of(st.text(max_size=8), st.sampled_from(TRICKY)), max_size=4).map("".join),
        long_text(),
    )


#: Most values should be readable; these keep a value from being empty after cleaning.
def shown_text() -> st.SearchStrategy[str]:
    """Text for a field that must not be empty: anything, plus a visible anchor."""
    return st.builds(lambda text, anchor: f"{text} {anchor}", any_text(), st.sampled_from(TRICKY))


# --- Numbers ------------------------------------------------------------------

#: Figures as people write them: zero, negative, fractional (to 3 places), up to a billion.
NUMBERS = st.one_of(
    st.integers(-(10**9), 10**9),
    st.floats(min_value=-1e9, max_value=1e9, allow_nan=False).map(lambda x: round(x, 3)),
    st.sampled_from([0, -0.0, 0.5, 0.001, 1e9, 1.10, 99.999, 0.1 + 0.2]),
)
#: Figures no project has, which still must not crash pitchkit.
ABSURD_NUMBERS = st.sampled_from([1e300, -1e300, 1e-300, 4e-75, 10**30, 1.7976931348623157e308])


# --- Writing YAML -------------------------------------------------------------

_PLAIN_OK = re.compile("[\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")


def quoted(text: str) -> str:
    """A YAML double-quoted scalar for ``text``: escapes for all but safe printable characters."""
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif _PLAIN_OK.fullmatch(char):
            out.append(char)
        elif ord(char) <= 0xFF:
            out.append(f"\\x{ord(char):02x}")
        else:
            out.append(f"\\u{ord(char):04x}")
    return '"' + "".join(out) + '"'


def emit(value: Any, indent: int = 0) -> str:
    """Block-style YAML for plain data, every string double-quoted."""
    pad = " " * indent
    if isinstance(value, dict):
        lines = []
        for key, item in value.items():
            if isinstance(item, dict | list) and item:
                lines.append(f"{pad}{key}:\n{emit(item, indent + 2)}")
            else:
                lines.append(f"{pad}{key}: {emit(item)}")
        return "\n".join(lines)
    if isinstance(value, list):
        if not value:
            return "[]"
        return "\n".join(f"{pad}- {emit(item, indent + 2).lstrip()}" for item in value)
    if isinstance(value, str):
        return quoted(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value)


# --- Facts --------------------------------------------------------------------


@st.composite
def impacts(draw: st.DrawFn, count: int, links: list[str]) -> list[dict[str, Any]]:
    """``count`` impacts with unique ids, hostile text and any numbers."""
    made = []
    for index in range(count):
        baseline, target = draw(NUMBERS), draw(NUMBERS)
        impact: dict[str, Any] = {
            "id": f"impact-{index}",
            "measure": draw(shown_text()),
            "unit": draw(st.one_of(shown_text(), st.sampled_from(["%", "£", "GBP", "days"]))),
            "baseline": baseline,
            "target": target,
        }
        if baseline == target or draw(st.booleans()):
            impact["better"] = draw(st.sampled_from(["lower", "higher"]))
        if draw(st.booleans()):
            impact["per"] = draw(st.sampled_from(["year", "quarter", "month", "week", "day"]))
        if draw(st.booleans()):
            impact["value"] = {"amount": abs(draw(NUMBERS)), "source": draw(any_text())}
        if links:
            impact["supports"] = draw(st.lists(st.sampled_from(links), max_size=2, unique=True))
        made.append(impact)
    return made


@st.composite
def directors(draw: st.DrawFn, count: int) -> list[dict[str, Any]]:
    """``count`` directors with unique ids, hostile names and a few objectives."""
    made = []
    for index in range(count):
        objectives = [
            {"id": f"objective-{n}", "text": draw(shown_text())}
            for n in range(draw(st.integers(0, 2)))
        ]
        director: dict[str, Any] = {
            "id": f"director-{index}",
            "name": draw(shown_text()),
            "role": draw(st.one_of(shown_text(), st.sampled_from(["Director of Finance"]))),
            "objectives": objectives,
        }
        if draw(st.booleans()):
            director["concerns"] = draw(st.lists(shown_text(), max_size=2))
        made.append(director)
    return made


@st.composite
def facts_files(draw: st.DrawFn) -> dict[str, Any]:
    """A whole facts file as plain data."""
    team = draw(directors(draw(st.integers(1, 4))))
    links = [f"{d['id']}.{o['id']}" for d in team for o in d["objectives"]]
    facts = {
        "project": {
            "title": draw(shown_text()),
            "organisation": draw(shown_text()),
            "lead": {"name": draw(shown_text()), "role": draw(any_text())},
            "problem": draw(shown_text()),
            "change": draw(shown_text()),
            "strategy": draw(st.lists(any_text(), max_size=2)),
        },
        "impacts": draw(impacts(draw(st.integers(1, 5)), links)),
        "asks": draw(st.lists(shown_text(), max_size=3)),
        "offer": draw(st.lists(any_text(), max_size=2)),
        "directors": team,
        "meeting": {"director": team[0]["id"]},
    }
    if draw(st.integers(0, 9)) == 0:  # now and then, half a UTF-16 pair
        facts["project"]["problem"] += draw(st.sampled_from(["\ud800", "\udfff"]))
    if draw(st.booleans()):  # one 100 kB value at most: each takes seconds to lay out
        *parents, name = draw(st.sampled_from(LONG_FIELDS))
        owner = facts
        for parent in parents:
            owner = owner[parent]
        owner[name] = draw(long_text())
    return facts


#: Fields that may get a 100 kB value, as paths into the facts.
LONG_FIELDS: list[tuple[str | int, ...]] = [
    ("project", "title"),
    ("project", "organisation"),
    ("project", "lead", "name"),
    ("project", "problem"),
    ("project", "change"),
    ("impacts", 0, "measure"),
    ("directors", 0, "name"),
    ("directors", 0, "role"),
]


# --- What the document should show -------------------------------------------

_NOT_IN_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def cleaned(text: str) -> str:
    """The documented cleaning: NFC; CR LF, CR and vertical tab to LF; drop what XML
    cannot hold; trim the ends."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\v", "\n")
    return _NOT_IN_XML.sub("", text).strip()


def has_lone_surrogate(facts: dict[str, Any]) -> bool:
    """Whether any string in ``facts`` holds a lone surrogate (pitchkit refuses those)."""
    return any(re.search("[\ud800-\udfff]", text) for text in strings(facts))


def strings(value: Any) -> Iterator[str]:
    """Every string value in ``value``."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def always_shown(facts: dict[str, Any]) -> list[str]:
    """Texts the note shows whatever else it cuts: title, names, organisation.

    As ``docx_text`` reads them: a non-breaking space as a space.
    """
    project = facts["project"]
    texts = [project["title"], project["organisation"], project["lead"]["name"]]
    texts.append(facts["directors"][0]["name"])
    return [cleaned(text).replace("\u00a0", " ") for text in texts]


# --- Running ------------------------------------------------------------------


@dataclass
class Run:
    """One ``pitchkit brief`` run in a fresh folder."""

    exit_code: int
    stderr: str
    written: list[Path]
    outside_changed: list[str]


def tree(folder: Path) -> dict[str, str]:
    """Every path under ``folder`` with a hash of its bytes."""
    return {
        path.relative_to(folder).as_posix(): (
            hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "folder"
        )
        for path in folder.rglob("*")
    }


def run_brief(facts: dict[str, Any], work: Path, *extra: str) -> Run:
    """Write ``facts`` to ``work`` and run ``pitchkit brief`` into ``work/out``."""
    (work / "facts.yaml").write_text(emit(facts) + "\n", encoding="utf-8")
    (work / "out").mkdir()
    (work / "neighbour.docx").write_bytes(b"someone else's document")
    before = tree(work)
    result = CliRunner().invoke(app, ["brief", "facts.yaml", "--out", "out", *extra])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    after = tree(work)
    outside = sorted(
        name
        for name in set(before) | set(after)
        if not name.startswith("out/") and before.get(name) != after.get(name)
    )
    written = sorted((work / "out").iterdir())
    return Run(result.exit_code, result.stderr, written, outside)


def check_run(run: Run, facts: dict[str, Any]) -> None:
    """The properties every run must have."""
    assert "Traceback" not in run.stderr
    assert run.exit_code in (0, 1), run.stderr
    # English, or Welsh with --locale cy_GB or a facts file that asks for it.
    for line in run.stderr.splitlines():
        assert line.startswith(("error: ", "warning: ", "gwall: ", "rhybudd: ")), line
    assert run.outside_changed == []
    if has_lone_surrogate(facts):
        assert run.exit_code == 1
        assert "UTF-16" in run.stderr
    if run.exit_code == 1:
        assert any(
            run.stderr.startswith(label) or f"\n{label}" in run.stderr
            for label in ("error: ", "gwall: ")
        )
        assert run.written == []
        return
    [document] = run.written
    assert document.suffix == ".docx"
    assert not document.name.startswith(".")
    check_docx(document)
    text = docx_text(document)
    for expected in always_shown(facts):
        assert expected in text, f"{expected[:80]!r} is missing from the note"


@contextlib.contextmanager
def working_folder() -> Iterator[Path]:
    """A new empty folder, made the current folder for the body and removed after."""
    folder = Path(tempfile.mkdtemp(prefix="pitchkit-fuzz-"))
    previous = Path.cwd()
    os.chdir(folder)
    try:
        yield folder
    finally:
        os.chdir(previous)
        shutil.rmtree(folder, ignore_errors=True)


@FUZZ
@given(facts=facts_files(), locale=st.sampled_from([None, "cy_GB"]))
def test_any_facts_file_gives_a_document_or_a_message(
    facts: dict[str, Any], locale: str | None
) -> None:
    """Exit 0 with a sound document showing the user's text, or exit 1 with a message."""
    extra = ["--locale", locale] if locale else []
    with working_folder() as work:
        check_run(run_brief(facts, work, *extra), facts)


@pytest.mark.tools
@settings(
    max_examples=max(3, EXAMPLES // 10),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(facts=facts_files())
def test_documents_from_hostile_facts_pass_the_open_xml_validator(
    facts: dict[str, Any],
) -> None:
    """A sample of the documents written also passes the Open XML SDK validator."""
    require_tools("ooxml-validator")
    with working_folder() as work:
        run = run_brief(facts, work)
        check_run(run, facts)
        if run.written:
            validate_ooxml(run.written[0])


def test_the_yaml_writer_round_trips_hostile_text() -> None:
    """The test's own YAML writer is right: what pitchkit reads back is what was meant."""
    from pitchkit.facts.yamlsource import load_yaml

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.yaml"
        path.write_text(emit({"texts": TRICKY}) + "\n", encoding="utf-8")
        read = load_yaml(path).data["texts"]
    assert read == [_keep_ends(text) for text in TRICKY]


def _keep_ends(text: str) -> str:
    """Cleaning without the trim (load_yaml keeps spaces; the schema trims later)."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\v", "\n")
    return _NOT_IN_XML.sub("", text)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(baseline=ABSURD_NUMBERS, target=NUMBERS)
def test_absurd_numbers_give_a_document_or_a_message(baseline: float, target: float) -> None:
    """A baseline of 1e300 or 1e-300 is a typo, but still no traceback."""
    facts = {
        "project": {
            "title": "Home first",
            "organisation": "Example NHS Trust",
            "lead": {"name": "Sam Lee"},
            "problem": "People wait.",
            "change": "Care at home.",
        },
        "impacts": [
            {
                "id": "waits",
                "measure": "Waits",
                "unit": "days",
                "baseline": baseline,
                "target": target,
                "better": "lower",
                "supports": ["dof.cip"],
            }
        ],
        "directors": [
            {
                "id": "dof",
                "name": "Helen Marsh",
                "role": "Director of Finance",
                "objectives": [{"id": "cip", "text": "Deliver the cost improvement programme"}],
            }
        ],
        "meeting": {"director": "dof"},
    }
    with working_folder() as work:
        check_run(run_brief(facts, work), facts)
