"""The built-in templates prepared whole ahead of time, for :class:`CompiledTemplate`.

Preparing a template to be filled (:class:`~pitchkit.word.fastrender.CompiledTemplate`)
opens its package with python-docx, which parses every XML part (the
built-in templates' styles are about 800 kB of it), compresses again
every part copied into each note, and, for a note that makes a link, adds
the Hyperlink style to the styles: about 30 ms of a ``pitchkit brief``,
for a result that is always the same for the built-in templates. So
``make prepared`` (``scripts/build_prepared.py``) also ships what preparing
each built-in template works out (:meth:`CompiledTemplate.state`), in
``templates/packed.json``, and preparing the bytes of a built-in template
takes that up instead: the parts Jinja fills are still compiled in this
process (from the Python :mod:`pitchkit.word.prepared` ships), under the
language's environment.

A template is found by the SHA-256 of its bytes, so only an unchanged
built-in template is ever restored. The file is used only under the
python-docx, docxtpl, Jinja, lxml and zlib versions it was made with: the
parts it holds are serialised by lxml and compressed by zlib as those
versions do. Notes made from a restored template are the same, byte for
byte, as from one prepared afresh (``tests/test_packed.py``, which also
fails while the file is stale).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import zlib
from typing import Any

from pitchkit.word import TEMPLATE_FOLDER

#: Where the shipped preparations are, beside the built-in templates.
FILE_NAME = "packed.json"
#: The built-in templates prepared.
TEMPLATES = ("brief.docx", "update.docx")


def versions() -> dict[str, str]:
    """The versions of what shapes a preparation's bytes."""
    import jinja2
    from lxml import etree  # type: ignore[import-untyped]

    from pitchkit.word.prepared import installed_version

    return {
        "python-docx": str(installed_version("python-docx", "docx")),
        "docxtpl": str(installed_version("docxtpl", "docxtpl")),
        "jinja2": jinja2.__version__,
        "lxml": ".".join(str(part) for part in etree.LXML_VERSION),
        "zlib": zlib.ZLIB_RUNTIME_VERSION,
    }


def _plain(value: Any) -> Any:
    """``value`` for JSON: bytes as ``{"b64": ...}``, tuples as lists."""
    if isinstance(value, bytes):
        return {"b64": base64.b64encode(value).decode("ascii")}
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def _unplain(value: Any) -> Any:
    """What :func:`_plain` gave, back again (tuples come back as lists)."""
    if isinstance(value, dict):
        if value.keys() == {"b64"}:
            return base64.b64decode(value["b64"])
        return {key: _unplain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_unplain(item) for item in value]
    return value


def digest(data: bytes) -> str:
    """The key a template's bytes are found by."""
    return hashlib.sha256(data).hexdigest()


def make_packed() -> dict[str, Any]:
    """Prepare every built-in template afresh: the shipped file's data."""
    from pitchkit.i18n.translation import language
    from pitchkit.word.fastrender import CompiledTemplate

    templates: dict[str, Any] = {}
    for name in TEMPLATES:
        data = (TEMPLATE_FOLDER / name).read_bytes()
        compiled = CompiledTemplate(data, lang=language(None), packed=False)
        templates[digest(data)] = {"name": name, "state": _plain(compiled.state())}
    return {
        "note": "made by 'make prepared' (scripts/build_prepared.py): do not edit",
        "versions": versions(),
        "templates": dict(sorted(templates.items())),
    }


def packed_text(data: dict[str, Any]) -> str:
    """The shipped file's text for ``data``, the same from one run to the next."""
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


@functools.cache
def _shipped() -> dict[str, Any]:
    """The shipped preparations by digest, or none when made with other versions."""
    try:
        data: dict[str, Any] = json.loads((TEMPLATE_FOLDER / FILE_NAME).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if data.get("versions") != versions():
        return {}
    templates: dict[str, Any] = data.get("templates") or {}
    return templates


def state_for(data: bytes) -> dict[str, Any] | None:
    """The shipped preparation of the template ``data``, or ``None`` when it is not built in."""
    found = _shipped().get(digest(data))
    if not isinstance(found, dict):
        return None
    state: dict[str, Any] = _unplain(found["state"])
    return state
