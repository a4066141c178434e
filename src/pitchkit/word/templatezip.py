"""Checks on a template's zip package, made before any part is decompressed.

A .docx is a zip file. Its directory says, for every entry, its name and
how large it is packed and unpacked, so a hostile or damaged file can be
refused from the directory alone, before anything is inflated:

- more than :data:`MAX_ENTRIES` entries;
- an entry that unpacks to more than :data:`MAX_PART_BYTES`, or entries
  that together unpack to more than :data:`MAX_TOTAL_BYTES`;
- an entry that unpacks to more than :data:`MAX_RATIO` times its packed
  size once past :data:`RATIO_FLOOR` (a "zip bomb": 2 MB of zeros that
  become 2 GB);
- a name Word would never write: absolute, climbing out with ``..``, with
  a backslash, an empty segment or a control character;
- two entries whose names are the same, or the same but for case (Word
  refuses such a file; Python would quietly read one of them);
- an XML part with a document type declaration (``<!DOCTYPE``), which
  Word never writes and which can declare entities: such a part is
  refused rather than parsed.

Python's zipfile never unpacks more than an entry's declared size, so the
directory's sizes bound the work that follows. The parts python-docx
then loads are only those the package's relationships reach; anything
else in the zip is never copied into a note (see
:mod:`pitchkit.word.fastrender`).
"""

from __future__ import annotations

import zipfile

from pitchkit.errors import TemplateError
from pitchkit.i18n.messages import Located, Message, Renderable

#: The most entries a template's zip may hold (Word writes a few dozen).
MAX_ENTRIES = 2_000
#: The most one part may unpack to.
MAX_PART_BYTES = 256 << 20
#: The most all parts together may unpack to.
MAX_TOTAL_BYTES = 512 << 20
#: The largest unpacked-to-packed ratio allowed for a part past :data:`RATIO_FLOOR`.
MAX_RATIO = 200
#: Parts smaller than this unpacked are never judged by their ratio.
RATIO_FLOOR = 1 << 20
#: How much of each XML part's start is read to look for a document type declaration.
_PROLOG_BYTES = 64 << 10


def _refuse(name: str, problem: Renderable) -> TemplateError:
    return TemplateError(Located(name, problem))


def _megabytes(size: int) -> str:
    return format(size / 1_000_000, ",.1f")


def _bad_name(entry: str) -> bool:
    """Whether ``entry`` is a name Word would not write in a package."""
    if not entry or entry.startswith("/") or "\\" in entry:
        return True
    if any(ord(char) < 0x20 or char == "\x7f" for char in entry):
        return True
    segments = entry.rstrip("/").split("/")
    return any(segment in ("", ".", "..") for segment in segments)


def check_package(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse ``archive`` (the template ``name``) if its directory shows it hostile or damaged."""
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        raise _refuse(
            name,
            Message(
                "the .docx holds {count} parts, far more than any Word document: "
                "open it in Word and save it again as a new file",
                count=format(len(entries), ","),
            ),
        )
    seen: dict[str, str] = {}
    total = 0
    for entry in entries:
        if _bad_name(entry.filename):
            raise _refuse(
                name,
                Message(
                    "the .docx holds a part named {part}, which Word never writes "
                    "(a damaged or tampered file): open it in Word and save it again",
                    part=repr(entry.filename),
                ),
            )
        folded = entry.filename.casefold()
        if folded in seen:
            raise _refuse(
                name,
                Message(
                    "the .docx holds {part} twice (or twice in different case, as {other}), "
                    "which Word refuses to open: open it in Word and save it again",
                    part=repr(entry.filename),
                    other=repr(seen[folded]),
                ),
            )
        seen[folded] = entry.filename
        size, packed = entry.file_size, max(entry.compress_size, 1)
        total += size
        if size > MAX_PART_BYTES or (size > RATIO_FLOOR and size > MAX_RATIO * packed):
            raise _refuse(
                name,
                Message(
                    "the part {part} would unpack from {packed} MB to {size} MB, "
                    "too large for a template (a damaged or hostile file): "
                    "remove large pictures, or save the template again in Word",
                    part=repr(entry.filename),
                    packed=_megabytes(entry.compress_size),
                    size=_megabytes(size),
                ),
            )
    if total > MAX_TOTAL_BYTES:
        raise _refuse(
            name,
            Message(
                "the .docx would unpack to {size} MB, too large for a template: "
                "remove large pictures, or save the template again in Word",
                size=_megabytes(total),
            ),
        )
    for entry in entries:
        if entry.filename.lower().endswith((".xml", ".rels")):
            _refuse_doctype(archive, entry, name)


def _refuse_doctype(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, name: str) -> None:
    """Refuse an XML part whose start holds a document type declaration."""
    with archive.open(entry) as stream:
        start = stream.read(_PROLOG_BYTES)
    if b"<!DOCTYPE" in start or b"<!ENTITY" in start:
        raise _refuse(
            name,
            Message(
                "the part {part} declares a document type (<!DOCTYPE>), which Word never "
                "writes and pitchkit does not read: open the template in Word and save it again",
                part=repr(entry.filename),
            ),
        )
