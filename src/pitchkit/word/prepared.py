"""The built-in templates' parts, cleaned and compiled for Jinja ahead of time.

Before a part of a Word template can be filled, docxtpl cleans its XML
for Jinja (:meth:`pitchkit.word.render.PitchkitTemplate.clean_xml`) and
Jinja turns the result into Python (parsing it and generating the code
took about 90 ms for the brief's body, most of a short command's filling).
For the built-in templates both results are always the same, so
``make prepared`` (``scripts/build_prepared.py``) works them out once and
ships them in ``templates/prepared.json``:

- ``cleaned``: the cleaned XML of each part, by the SHA-256 of the part's
  XML as docxtpl reads it;
- ``python``: the Python Jinja generates for each cleaned, marked part, by
  the SHA-256 of that source.

A part is looked up by the hash of its whole text, so only text identical
to a built-in part (a user's template that is an unchanged export of one
too) is ever given a shipped result; anything else is cleaned and compiled
as before. The shipped Python is used only under the Jinja and docxtpl
versions it was made with, and only for an environment whose settings that
shape the code (:func:`code_settings`) are those it was made with. Filling
with the shipped results gives the same documents byte for byte
(``tests/test_prepared.py``), which also fails while the file is stale.

Python's own compiling of that code (about 4 ms of a brief, 9 ms for all
the parts) is shipped too, as a ``.pyc`` file is: ``templates/prepared.code``
holds, in :mod:`marshal`'s format, the code object of each shipped Python
source by the SHA-256 of that source. It is used only under the Python
bytecode version (``importlib.util.MAGIC_NUMBER``) it was made with, and
only for exactly the source it was compiled from, so it cannot go stale:
any other source, or another Python, is compiled here, as Jinja does.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import marshal
import os
import re
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2

from pitchkit.word import TEMPLATE_FOLDER

if TYPE_CHECKING:
    from pitchkit.word.render import PitchkitTemplate

#: Where the shipped results are, beside the built-in templates.
FILE_NAME = "prepared.json"
#: Where the shipped Python's code objects are (:func:`shipped_code`).
CODE_FILE_NAME = "prepared.code"
#: The built-in templates whose parts are prepared.
TEMPLATES = ("brief.docx", "update.docx")


def digest(text: str) -> str:
    """The key a part's text is found by."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def code_settings(env: jinja2.Environment) -> str | None:
    """The settings of ``env`` that shape the Python Jinja generates, as one string.

    ``None`` when a setting is not a plain value (an ``autoescape`` or
    ``finalize`` function): no shipped code is used then.
    """
    plain: dict[str, Any] = {}
    for name, value in sorted(vars(env).items()):
        if name in ("autoescape", "finalize") and not isinstance(value, bool | None):
            return None
        if isinstance(value, str | bool | int | None):
            plain[name] = value
    kind = type(env)
    plain["class"] = f"{kind.__module__}.{kind.__qualname__}"
    plain["extensions"] = sorted(env.extensions)
    plain["code_generator"] = env.code_generator_class.__qualname__
    plain["ascii_str"] = env.policies.get("compiler.ascii_str")
    for name in ("intercepted_binops", "intercepted_unops"):
        plain[name] = sorted(getattr(env, name, ()))
    return json.dumps(plain, sort_keys=True)


@functools.cache
def installed_version(distribution: str, package: str) -> str | None:
    """The version of ``distribution`` installed, read without importing its ``package``.

    It is the version in the name of the distribution's ``.dist-info``
    folder beside the package, as installers name it: importing docxtpl
    imports python-docx (about 20 ms of a short command) and
    ``importlib.metadata`` takes about 45 ms. ``None`` when it is not
    found so (then nothing shipped for that version is used).
    """
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    wanted = re.sub(r"[-_.]+", "_", distribution).lower()
    for location in spec.submodule_search_locations:
        try:
            names = os.listdir(Path(location).parent)
        except OSError:
            continue
        for name in names:
            if not name.endswith(".dist-info"):
                continue
            project, _dash, version = name.removesuffix(".dist-info").rpartition("-")
            if re.sub(r"[-_.]+", "_", project).lower() == wanted and version:
                return version
    return None


@functools.cache
def shipped() -> dict[str, Any]:
    """The shipped results, or nothing when they were made with other versions."""
    try:
        data: dict[str, Any] = json.loads((TEMPLATE_FOLDER / FILE_NAME).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if data.get("jinja") != jinja2.__version__ or data.get("docxtpl") != installed_version(
        "docxtpl", "docxtpl"
    ):
        return {}
    return data


def cleaned(xml: str) -> str | None:
    """The shipped clean-up of a built-in part's ``xml``, or ``None`` when it is not one."""
    found = shipped().get("cleaned", {}).get(digest(xml))
    return found if isinstance(found, str) else None


def python(env: jinja2.Environment, source: str) -> str | None:
    """The shipped Python for ``source`` under ``env``, or ``None`` to compile it as usual."""
    data = shipped()
    found = data.get("python", {}).get(digest(source))
    if not isinstance(found, str) or code_settings(env) != data.get("settings"):
        return None
    return found


#: The code file starts with this, then the magic number of the Python that made it.
_CODE_HEADER = b"pitchkit prepared code\n"


def pack_code(code: dict[str, Any]) -> bytes:
    """A code file's bytes: the header, this Python's magic number, a checksum, the code."""
    payload = marshal.dumps(code)
    checksum = zlib.crc32(payload).to_bytes(4, "big")
    return _CODE_HEADER + importlib.util.MAGIC_NUMBER + checksum + payload


def unpack_code(raw: bytes) -> dict[str, Any] | None:
    """The code objects in a code file, or ``None`` when another Python made it or it is damaged.

    The magic number and the checksum are checked before marshal reads a byte:
    marshal reads code objects only of its own Python version, and damaged data
    can make it fail in ways no ``except`` catches.
    """
    head = _CODE_HEADER + importlib.util.MAGIC_NUMBER
    if not raw.startswith(head) or len(raw) < len(head) + 4:
        return None
    checksum, payload = raw[len(head) : len(head) + 4], raw[len(head) + 4 :]
    if zlib.crc32(payload).to_bytes(4, "big") != checksum:
        return None
    try:
        code = marshal.loads(payload)
    except (ValueError, EOFError, TypeError, SystemError):
        return None
    return code if isinstance(code, dict) else None


@functools.cache
def shipped_code() -> dict[str, Any]:
    """The shipped code objects by the SHA-256 of their Python, or none for another Python."""
    try:
        raw = (TEMPLATE_FOLDER / CODE_FILE_NAME).read_bytes()
    except OSError:
        return {}
    return unpack_code(raw) or {}


def compiled(env: jinja2.Environment, code: str) -> Any:
    """``env._compile(code, "<template>")``, from the shipped code object when there is one."""
    found = shipped_code().get(digest(code))  # code_settings(env) already matched the class
    return found if found is not None else env._compile(code, "<template>")


def make_code() -> bytes:
    """The shipped code file's bytes: each shipped Python source compiled as Jinja compiles it."""
    from pitchkit.i18n.translation import language
    from pitchkit.word.renderenv import make_environment

    env = make_environment(language(None))
    python_sources = make_prepared()["python"].values()
    code = {digest(source): env._compile(source, "<template>") for source in python_sources}
    return pack_code(dict(sorted(code.items())))


def template(env: jinja2.Environment, source: str) -> jinja2.Template | None:
    """``env.from_string(source)`` from the shipped Python, or ``None`` when there is none."""
    code = python(env, source)
    if code is None:
        return None
    return env.template_class.from_code(env, compiled(env, code), env.make_globals(None), None)


def part_sources(document: PitchkitTemplate) -> list[str]:
    """Each part's XML as docxtpl reads it before cleaning: body, headers and footers, notes."""
    sources = [document.get_xml()]
    for relationship in document.docx.part.rels.values():
        if relationship.is_external or relationship.reltype not in (
            document.HEADER_URI,
            document.FOOTER_URI,
        ):
            continue
        if relationship.target_part.blob:
            sources.append(document.get_part_xml(relationship.target_part))
    sources.extend(part.blob.decode("utf-8") for _label, part in document.note_parts())
    return sources


def make_prepared() -> dict[str, Any]:
    """Clean and compile every part of every built-in template afresh: the shipped file's data."""
    from pitchkit.i18n.translation import language
    from pitchkit.word.render import load_template
    from pitchkit.word.renderenv import make_environment
    from pitchkit.word.templatefile import mark_paragraphs

    env = make_environment(language(None))
    cleaned: dict[str, str] = {}
    python: dict[str, str] = {}
    for name in TEMPLATES:
        document = load_template((TEMPLATE_FOLDER / name).read_bytes())
        for xml in part_sources(document):
            clean = document.clean_xml(xml)
            cleaned[digest(xml)] = clean
            marked = mark_paragraphs(clean)
            python[digest(marked)] = env.compile(marked, raw=True)
    return {
        "note": "made by 'make prepared' (scripts/build_prepared.py): do not edit",
        "jinja": jinja2.__version__,
        "docxtpl": installed_version("docxtpl", "docxtpl"),
        "settings": code_settings(env),
        "cleaned": dict(sorted(cleaned.items())),
        "python": dict(sorted(python.items())),
    }


def prepared_text(data: dict[str, Any]) -> str:
    """The shipped file's text for ``data``, the same from one run to the next."""
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"
