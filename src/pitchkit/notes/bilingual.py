"""Bilingual documents: the Welsh document first, then the English, in one .docx.

NHS bodies in Wales publish bilingually with Welsh first. pitchkit renders
the note once in each language, from the same facts (``{en:, cy:}`` text
resolved for each), and joins the two with the meeting pack's joiner
(:func:`pitchkit.word.pack.build_pack`): each language is its own section,
starting on a new page with its own header and footer.

Whole-page halves were chosen over two columns because each half is then
exactly the one-page note pitchkit already fits and tests: a reader can
print either page on its own, a screen reader meets one language at a
time, and users' own templates work unchanged. Every run of text is tagged
with its language (``w:lang``) so spelling and speech follow it; the
document's language property is Welsh and its title gives both.
"""

from __future__ import annotations

import datetime as dt
import io
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from lxml import etree  # type: ignore[import-untyped]

from pitchkit.facts.project import Project, open_project, pick_director
from pitchkit.facts.schema import Director
from pitchkit.facts.validation import Team
from pitchkit.facts.yamlsource import parse_yaml
from pitchkit.i18n.messages import Message
from pitchkit.notes.brief import BriefNote, make_brief_notes_alike
from pitchkit.notes.fit import Cut
from pitchkit.notes.update import UpdateInfo, make_update
from pitchkit.output.files import safe_stem
from pitchkit.recast.pitch import Pitch
from pitchkit.word.pack import build_pack

#: The languages of a bilingual document, in the order they appear.
ORDER = ("cy_GB", "en_GB")
TITLE_JOINER = " / "

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DC = "http://purl.org/dc/elements/1.1/"
#: Parts whose text belongs to one language: the body, headers and footers.
_TEXT_PARTS = ("word/document.xml", "word/header", "word/footer")
#: Run properties that come after ``w:lang`` in the schema's order.
_AFTER_LANG = frozenset(
    f"{{{_W}}}{name}" for name in ("eastAsianLayout", "specVanish", "oMath", "rPrChange")
)


class Pair(NamedTuple):
    """The same facts loaded once for each language, Welsh first."""

    cy: Project
    en: Project

    @property
    def projects(self) -> tuple[Project, Project]:
        """Both projects, in document order."""
        return (self.cy, self.en)


def open_pair(facts_path: str | Path, team: Team | None = None) -> Pair:
    """Load the facts in Welsh and in English, reading the file once.

    ``team`` is the ``--directors`` file's, as for :func:`open_project`.
    """
    parsed = parse_yaml(Path(facts_path))
    welsh, english = (
        open_project(facts_path, locale=code, parsed=parsed, team=team) for code in ORDER
    )
    return Pair(welsh, english)


def file_name(pair: Pair, director: Director, kind: str, *, period: str = "") -> str:
    """A safe file name that reads in both languages, the director named once.

    Each language names the note in its own words, Welsh first as the note
    is: ``Clinigau clwyfau - nodyn briffio - Wound clinics - brief - Enw.docx``,
    not the Welsh title followed by both labels (newuser21 #7). A title the
    two languages share is said once (``Teitl - nodyn briffio - brief -
    Enw``), and so is the English one when both would not fit a file name
    with the director's name whole.
    """
    suffix = f" {period}" if period else ""
    halves = [f"{p.facts.project.title} - {p.lang.gettext(kind)}" for p in pair.projects]
    welsh_title, english_title = (p.facts.project.title for p in pair.projects)
    labels = " - ".join(dict.fromkeys(p.lang.gettext(kind) for p in pair.projects))
    one_title = f"{welsh_title} - {labels}{suffix} - {director.name}"
    both = f"{' - '.join(halves)}{suffix} - {director.name}"  # the period once
    fallback = f"{kind}{suffix.replace(' ', '-')}-{director.id}-cy-en"
    if welsh_title.strip() != english_title.strip():
        stem = safe_stem(both, fallback=fallback)
        if stem.endswith(safe_stem(director.name, fallback=director.id)):
            return f"{stem}.docx"
    return f"{safe_stem(one_title, fallback=fallback)}.docx"


@dataclass(frozen=True)
class BilingualBrief:
    """A bilingual briefing note, the note in each language, and every cut made to fit."""

    data: bytes
    notes: tuple[BriefNote, BriefNote]
    cuts: tuple[Cut, ...]


def make_bilingual_brief(
    pair: Pair,
    director_id: str,
    *,
    template: Path | None = None,
    today: dt.date | None = None,
    welsh_pitch: Pitch | None = None,
) -> BilingualBrief:
    """The sponsor briefing note in Welsh then English, each fitted to one page.

    Both pages are cut alike (:func:`make_brief_notes_alike`): the Welsh says
    everything the English says, no less.

    ``welsh_pitch`` is the director's pitch from the Welsh facts when it is
    already recast.
    """
    today = today or dt.date.today()
    pitches = (welsh_pitch, None)
    welsh, english = make_brief_notes_alike(
        [
            (p, _director(p, director_id), known)
            for p, known in zip(pair.projects, pitches, strict=True)
        ],
        template=template,
        today=today,
    )
    data = join_languages([(welsh.data, "cy-GB"), (english.data, "en-GB")])
    return BilingualBrief(data, (welsh, english), both_cuts(welsh.cuts, english.cuts))


def both_cuts(welsh: tuple[Cut, ...], english: tuple[Cut, ...]) -> tuple[Cut, ...]:
    """The cuts of both columns, each field named once; how English differs is said beside it."""
    found = list(welsh)
    for cut in english:
        if cut in found:
            continue
        same = next((n for n, seen in enumerate(found) if seen.field == cut.field), None)
        if same is None:
            found.append(Cut(cut.field, Message("{detail} in English", detail=cut.detail)))
        else:
            detail = Message(
                "{welsh}, and in English {english}", welsh=found[same].detail, english=cut.detail
            )
            found[same] = Cut(cut.field, detail)
    return tuple(found)


def make_bilingual_update(
    pair: Pair,
    director_id: str,
    *,
    period: str | None = None,
    template: Path | None = None,
    today: dt.date | None = None,
) -> tuple[bytes, UpdateInfo]:
    """The progress update in Welsh then English; the information is the Welsh one's."""
    today = today or dt.date.today()
    rendered = [
        make_update(p, _director(p, director_id), period=period, template=template, today=today)
        for p in pair.projects
    ]
    (welsh, info), (english, _) = rendered
    return join_languages([(welsh, "cy-GB"), (english, "en-GB")]), info


def join_languages(documents: Sequence[tuple[bytes, str]]) -> bytes:
    """Join rendered documents, each tagged with its BCP 47 language, in the order given.

    Each starts on a new page; the title property gives every document's
    title and the language property is the first document's.
    """
    tagged = [tag_language(data, language) for data, language in documents]
    title = TITLE_JOINER.join(dict.fromkeys(document_title(data) for data in tagged))
    with tempfile.TemporaryDirectory(prefix="pitchkit-bilingual-") as folder:
        paths = []
        for number, (data, language) in enumerate(zip(tagged, documents, strict=True), start=1):
            path = Path(folder) / f"{number}-{language[1]}.docx"
            path.write_bytes(data)
            paths.append(path)
        return build_pack(paths, title=title)


def tag_language(data: bytes, language: str) -> bytes:
    """Return the .docx with every run of its body, headers and footers marked ``language``."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename.startswith(_TEXT_PARTS) and item.filename.endswith(".xml"):
                content = _tag_part(content, language)
            target.writestr(item, content)
    return buffer.getvalue()


def document_title(data: bytes) -> str:
    """The title property of a .docx ("" when it has none)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        if "docProps/core.xml" not in package.namelist():
            return ""
        root = etree.fromstring(package.read("docProps/core.xml"))
    found = root.find(f"{{{_DC}}}title")
    return str(found.text or "") if found is not None else ""


def _director(project: Project, director_id: str) -> Director:
    """The director with ``director_id`` in this language's facts."""
    return pick_director(project.facts, director_id)


def _tag_part(content: bytes, language: str) -> bytes:
    """Mark every run in one XML part with ``w:lang``."""
    root = etree.fromstring(content)
    for run in root.iter(f"{{{_W}}}r"):
        _set_run_language(run, language)
    return bytes(etree.tostring(root, encoding="UTF-8", xml_declaration=True, standalone=True))


def _set_run_language(run: Any, language: str) -> None:
    """Give one run ``<w:lang w:val=language>``, keeping the schema's element order."""
    properties = run.find(f"{{{_W}}}rPr")
    if properties is None:
        properties = etree.Element(f"{{{_W}}}rPr")
        run.insert(0, properties)
    lang = properties.find(f"{{{_W}}}lang")
    if lang is None:
        lang = etree.Element(f"{{{_W}}}lang")
        later = [child for child in properties if child.tag in _AFTER_LANG]
        if later:
            later[0].addprevious(lang)
        else:
            properties.append(lang)
    lang.set(f"{{{_W}}}val", language)
