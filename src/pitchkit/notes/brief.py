"""Make a document for one director: load, recast, word, render.

These are the core functions the CLI commands call. Each takes plain
keyword arguments and returns values or raises a ``PitchkitError``.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from pitchkit.errors import TemplateError
from pitchkit.facts.project import Project
from pitchkit.facts.schema import Director, Facts
from pitchkit.i18n.messages import Message
from pitchkit.i18n.translation import Language
from pitchkit.notes.context import Context, brief_context, note_heading, refit_money
from pitchkit.notes.fit import PAGE_HEIGHT, Cut, Fit, estimate_height, fit_alike, fit_note
from pitchkit.notes.layout import body_height
from pitchkit.output.files import safe_stem
from pitchkit.recast.localise import localise_pitch
from pitchkit.recast.pitch import Pitch, recast
from pitchkit.word import TEMPLATE_FOLDER
from pitchkit.word.properties import Properties

KINDS = ("brief", "update")


def builtin_template(kind: str) -> bytes:
    """The bytes of a built-in template (``brief`` or ``update``)."""
    if kind not in KINDS:
        raise TemplateError(
            Message(
                "unknown template kind '{kind}': use one of {kinds}",
                kind=kind,
                kinds=", ".join(KINDS),
            )
        )
    return (TEMPLATE_FOLDER / f"{kind}.docx").read_bytes()


def default_file_name(facts: Facts, director: Director, kind: str, lang: Language) -> str:
    """A readable, safe file name such as ``Frailty virtual ward - brief - Alex Jones.docx``."""
    label = lang.gettext("brief") if kind == "brief" else lang.gettext("update")
    stem = safe_stem(
        f"{facts.project.title} - {label} - {director.name}", fallback=f"{kind}-{director.id}"
    )
    return f"{stem}.docx"


def properties(pitch: Pitch, lang: Language, kind: str, today: dt.date) -> Properties:
    """Document properties: title, author and subject, in the document's language."""
    facts = pitch.facts
    # A briefing note is a sponsor's only when it asks the director to sponsor (fixread31 #2).
    subject = note_heading(pitch, lang) if kind == "brief" else lang.gettext("Progress update")
    lead = facts.project.lead
    return Properties(
        title=f"{facts.project.title} - {subject} - {pitch.director.name}",
        author=lead.name if lead else facts.project.organisation,
        subject=subject,
        language=lang.code.replace("_", "-"),
        created=today,
    )


class BriefParts(NamedTuple):
    """What a briefing note is filled from, before any template is opened."""

    pitch: Pitch
    context: Context
    cuts: tuple[Cut, ...]
    properties: Properties
    #: About how many words the note still runs over one page (0 when it fits).
    over_words: int = 0
    #: The filled built-in brief, when its layout decided the fit (:func:`layout_fit`).
    data: bytes | None = None


#: Markers of the built-in brief's blocks: a template holding them all (an
#: exported brief, restyled) is fitted to one page like the built-in one.
BUILTIN_BLOCKS = ("project.problem", "project.change", "pitch.statements", "pitch.ask")


def uses_builtin_blocks(template: Path) -> bool:
    """Whether ``template`` shows the built-in brief's blocks (so fitting applies to it)."""
    try:
        with zipfile.ZipFile(template) as package:
            xml = package.read("word/document.xml").decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile):
        return False
    text = re.sub(r"<[^>]+>", "", xml)
    return all(block in text for block in BUILTIN_BLOCKS)


def fits_to_page(template: Path | None) -> bool:
    """Whether notes from ``template`` are fitted to one page (built-in or built-in blocks)."""
    return template is None or uses_builtin_blocks(template)


def brief_parts(
    project: Project,
    director: Director,
    *,
    template: Path | None = None,
    today: dt.date | None = None,
    pitch: Pitch | None = None,
    reasons: bool = True,
) -> BriefParts:
    """Recast the facts for ``director`` and work out everything the note shows.

    ``pitch`` is the director's pitch when it is already recast (not yet
    localised). The pitch's lens wording is in the project's language. The
    built-in template (``template`` is ``None``) is fitted to one page as laid
    out (:func:`layout_fit`); a user's template using its blocks is trimmed to
    the page by the estimate of :mod:`pitchkit.notes.fit`; any other template
    gets everything. ``pitchkit
    brief`` and ``pitchkit batch`` both start here. Without ``reasons`` no
    statement says why its link holds (the pages of a bilingual note).
    """
    [parts] = _fitted(
        project,
        director,
        template=template,
        today=today,
        pitch=pitch,
        pages=[PAGE_HEIGHT],
        reasons=reasons,
    )
    return parts


def _fitted(
    project: Project,
    director: Director,
    *,
    template: Path | None,
    today: dt.date | None,
    pitch: Pitch | None,
    pages: Sequence[float],
    reasons: bool = True,
) -> list[BriefParts]:
    """:func:`brief_parts` for each page height in ``pages``, the context worked out once."""
    today = today or dt.date.today()
    if pitch is None:
        pitch = recast(project.facts, director, today=today)
    pitch = localise_pitch(pitch, project.lang)
    context = brief_context(pitch, project.lang, today=today, reasons=reasons)
    props = properties(pitch, project.lang, "brief", today)
    if not fits_to_page(template):
        return [BriefParts(pitch, context, (), props) for _page in pages]
    if template is None:
        fit, data = layout_fit(context, pitch, project.lang, props)
        if data is not None:
            fitted = refit_money(context, fit.context, pitch, project.lang)
            parts = BriefParts(pitch, fitted, fit.cuts, props, fit.over_words, data)
            return [parts for _page in pages]
    fits = (fit_note(context, project.lang, page=page) for page in pages)
    return [
        BriefParts(
            pitch,
            refit_money(context, fit.context, pitch, project.lang),
            fit.cuts,
            props,
            fit.over_words,
        )
        for fit in fits
    ]


class BriefNote(NamedTuple):
    """A rendered briefing note, the pitch behind it and what was cut to fit a page."""

    data: bytes
    pitch: Pitch
    cuts: tuple[Cut, ...]
    #: About how many words the note still runs over one page, by the layout or estimate.
    over_words: int = 0
    #: The note's pages: LibreOffice's count when ``pages_measured``, else 1 when
    #: pitchkit's layout showed the note surely fits one page; ``None`` when not known.
    pages: int | None = None
    #: Whether LibreOffice laid the note out to count its pages.
    pages_measured: bool = False


#: Page heights tried when a note is measured, as fractions of the estimate's
#: page: more room where LibreOffice shows there is some, less where the
#: estimate was too generous (or a restyled template sets larger type).
MEASURED_PAGES = (1.07, 1.035, 0.96, 0.9, 0.8)
#: Height in points of the built-in template's page body: A4 (16,838 twips) less
#: its top and bottom margins (850 and 794 twips).
BODY_HEIGHT = (16838 - 850 - 794) / 20
#: How far under :data:`BODY_HEIGHT` the laid-out height of a built-in note
#: (:func:`pitchkit.notes.layout.body_height`) must be for the layout alone to say
#: it fits one page, in points; and how far over it, to say it runs over. Line
#: by line against LibreOffice (``scripts/fit_error.py``: every bundled example,
#: test file and link-evaluation project, each director, English and Welsh, each
#: fit measuring tries; and, with ``--grow``, 864 notes grown word by word in three
#: paragraph styles to end within 6 pt of the page's end), the layout put the last
#: line 0.05 to 0.75 pt lower than LibreOffice did over 1,570 one-page notes, never
#: higher: it errs long. Grown notes laid out up to 0.07 pt past the body were on
#: one page, and from 0.82 pt past it on two. So a note laid out 1 pt short of the
#: body is on one page unless the layout erred short by more than 1 pt, a third
#: more than the largest error seen either way, in the direction never seen; and
#: one laid out 1 pt past it runs over even if the layout erred long by that much.
ONE_PAGE_MARGIN = 1.0
OVER_MARGIN = 1.0


def surely_one_page(height: float) -> bool:
    """Whether a built-in note laid out ``height`` points high surely fits one page."""
    return height <= BODY_HEIGHT - ONE_PAGE_MARGIN


def surely_over(height: float) -> bool:
    """Whether a built-in note laid out ``height`` points high surely runs over one page."""
    return height >= BODY_HEIGHT + OVER_MARGIN


class _Overshoot:
    """How far each filled built-in note runs past one page, laid out line by line.

    The note is one page when its layout ends at least :data:`ONE_PAGE_MARGIN`
    above the page body's end (:func:`surely_one_page`): the same test
    ``brief`` uses to skip LibreOffice, so what the layout keeps LibreOffice
    lays out on one page. A context the layout cannot read is measured by the
    estimate instead. The last document filled for each note is kept, with
    whether the layout could read it.
    """

    def __init__(self, fills: Sequence[Callable[[Context], bytes]]) -> None:
        self.fills = fills
        self.last: list[bytes | None] = [None] * len(fills)
        #: Each context measured (held, so that its ``id`` is not reused), by its ``id``,
        #: with how far it ran over and its note: a search comes back to one.
        self.made: dict[int, tuple[Context, float, bytes | None]] = {}

    def __call__(self, index: int, context: Context) -> float:
        known = self.made.get(id(context))
        if known is not None:
            _context, amount, data = known
            self.last[index] = data
            return amount
        made = self.fills[index](context)
        height = body_height(made, cautious=True)
        if height is None:
            data, amount = None, estimate_height(context) - PAGE_HEIGHT
        else:
            data, amount = made, height - (BODY_HEIGHT - ONE_PAGE_MARGIN)
        self.made[id(context)] = (context, amount, data)
        self.last[index] = data
        return amount


_COMPILED: dict[str, Any] = {}


def _compiled_brief(lang: Language) -> Any:
    """The built-in brief template, prepared once for ``lang`` in this process."""
    compiled = _COMPILED.get(lang.code)
    if compiled is None:
        from pitchkit.word.fastrender import CompiledTemplate

        compiled = _COMPILED[lang.code] = CompiledTemplate(builtin_template("brief"), lang=lang)
    return compiled


def _builtin_fill(
    before: Context, pitch: Pitch, lang: Language, props: Properties
) -> Callable[[Context], bytes]:
    """What fills the built-in brief with a fitted context, its money block reworded."""
    compiled = _compiled_brief(lang)

    def fill(context: Context) -> bytes:
        data: bytes = compiled.fill(refit_money(before, context, pitch, lang), properties=props)
        return data

    return fill


def layout_fit(
    context: Context, pitch: Pitch, lang: Language, props: Properties
) -> tuple[Fit, bytes | None]:
    """Fit ``context`` to the built-in brief's page as laid out, and the note it fills.

    Every command that makes or previews a built-in brief (``brief``,
    ``batch``, the pack, ``preview`` and ``check``) fits it here, so the same
    director's note cuts the same things everywhere, and only when the page
    really overflows: the estimate of :mod:`pitchkit.notes.fit` errs long by
    up to a quarter of a page, the layout by about a point. The document is
    ``None`` when the layout could not read the fitted note (the estimate
    then decided its last step).
    """
    over = _Overshoot([_builtin_fill(context, pitch, lang, props)])
    fit = fit_note(context, lang, over=over)
    return fit, over.last[0]


def decided(tried: Sequence[BriefParts], filled: Callable[[int], bytes]) -> int | None:
    """Which of the fits ``tried`` measuring would keep, when the layout alone decides it.

    Measuring keeps the fit that shows most of the facts among those on one
    page (the first tried on a tie). Going through the fits in that order,
    each filled (``filled(index)``) and laid out, the layout decides when it
    meets a fit that surely fits one page after only fits that surely run
    over; a fit in between, or one the layout cannot read, leaves it to
    LibreOffice (``None``). For the built-in template only: the layout knows
    its styles, not those of a user's template.
    """
    shown = [_words_shown(parts) for parts in tried]
    for index in sorted(range(len(tried)), key=lambda index: (-shown[index], index)):
        height = body_height(filled(index))
        if height is None:
            return None
        if not surely_over(height):
            return index if surely_one_page(height) else None
    return None


def make_brief_note(
    project: Project,
    director: Director,
    *,
    template: Path | None = None,
    today: dt.date | None = None,
    measure: bool = False,
    pitch: Pitch | None = None,
    reasons: bool = True,
) -> BriefNote:
    """Render the one-page sponsor briefing note for ``director``.

    The built-in template is fitted to one page by its layout
    (:func:`layout_fit`), the same note with or without ``measure``; with
    ``measure`` (LibreOffice must be found) LibreOffice counts its pages only
    when the layout could not bring it :data:`ONE_PAGE_MARGIN` above the page's
    end (everything that may be cut is cut), else ``pages`` is 1 and
    ``pages_measured`` false. A user's template using the built-in blocks (or a
    built-in note the layout cannot read) is trimmed by the estimate of
    :mod:`pitchkit.notes.fit`; any other template gets everything. With
    ``measure`` such a note is laid out by LibreOffice: of the fits for the
    page heights in :data:`MEASURED_PAGES`, the one that cuts least while
    keeping to one page is kept, and ``pages`` says how many pages the note
    takes; for a built-in note the layout skips LibreOffice when it already
    shows which fit it would keep (:func:`decided`).
    ``pitch`` is the director's pitch when it is already recast. Without
    ``reasons`` no statement says why its link holds.
    """
    source: Path | bytes = template if template is not None else builtin_template("brief")
    fitted = fits_to_page(template)
    pages = [PAGE_HEIGHT * share for share in (1.0, *MEASURED_PAGES)] if measure and fitted else []
    every = _fitted(
        project,
        director,
        template=template,
        today=today,
        pitch=pitch,
        pages=pages or [PAGE_HEIGHT],
        reasons=reasons,
    )
    parts = every[0]
    if parts.data is not None:  # fitted by the layout: the same note with or without LibreOffice
        return _laid_out_note(parts, parts.data, measure=measure)
    fill = _filler(source, project.lang)
    if not measure:
        data = fill(parts)
        return BriefNote(data, parts.pitch, parts.cuts, parts.over_words)
    tried: list[BriefParts] = []
    seen: set[tuple[Cut, ...]] = set()
    for other in every:
        if other.cuts not in seen:
            seen.add(other.cuts)
            tried.append(other)
    rendered: dict[int, bytes] = {}

    def filled(index: int) -> bytes:
        if index not in rendered:
            rendered[index] = fill(tried[index])
        return rendered[index]

    if template is None:
        index = decided(tried, filled)
        if index is not None:
            chosen = tried[index]
            return BriefNote(filled(index), chosen.pitch, chosen.cuts, 0, pages=1)
    from pitchkit.output.pagecount import count_pages

    pages_counted = count_pages([filled(index) for index in range(len(tried))])
    counted = [
        (count, tried[index], rendered[index])
        for index, count in enumerate(pages_counted)
        if count is not None
    ]
    if not counted:
        return BriefNote(rendered[0], parts.pitch, parts.cuts, parts.over_words)
    one_page = [entry for entry in counted if entry[0] == 1]
    if one_page:  # the fit showing most of the facts (the estimate's own on a tie)
        count, best, data = max(one_page, key=lambda entry: _words_shown(entry[1]))
        return BriefNote(data, best.pitch, best.cuts, 0, count, pages_measured=True)
    count, best, data = min(counted, key=lambda entry: (entry[0], _words_shown(entry[1])))
    return BriefNote(data, best.pitch, best.cuts, best.over_words, count, pages_measured=True)


def _laid_out_note(parts: BriefParts, data: bytes, *, measure: bool) -> BriefNote:
    """The note the layout fitted: on one page by the layout, else counted by LibreOffice."""
    if not parts.over_words:
        return BriefNote(data, parts.pitch, parts.cuts, 0, pages=1 if measure else None)
    if not measure:
        return BriefNote(data, parts.pitch, parts.cuts, parts.over_words)
    from pitchkit.output.pagecount import count_pages

    [count] = count_pages([data])
    return BriefNote(
        data, parts.pitch, parts.cuts, parts.over_words, count, pages_measured=count is not None
    )


def make_brief_notes_alike(
    notes: Sequence[tuple[Project, Director, Pitch | None]],
    *,
    template: Path | None = None,
    today: dt.date | None = None,
    reasons: bool = True,
) -> list[BriefNote]:
    """Render the same facts' briefing note in several languages, cut alike to fit.

    Each of ``notes`` is a project (the facts loaded in one language), the
    director in it and, when already recast, the director's pitch. Each note
    is fitted to one page as :func:`make_brief_note` does, but the fit is made
    for all of them at once (:func:`pitchkit.notes.fit.fit_alike`): what one
    language has to leave out, every language leaves out, so the pages of a
    bilingual note say the same things. Not measured by LibreOffice.
    """
    today = today or dt.date.today()
    source: Path | bytes = template if template is not None else builtin_template("brief")
    prepared = []
    for project, director, known in notes:
        pitch = known if known is not None else recast(project.facts, director, today=today)
        pitch = localise_pitch(pitch, project.lang)
        context = brief_context(pitch, project.lang, today=today, reasons=reasons)
        prepared.append((project, pitch, context, properties(pitch, project.lang, "brief", today)))
    over = None
    if template is None:
        over = _Overshoot(
            [
                _builtin_fill(context, pitch, project.lang, props)
                for project, pitch, context, props in prepared
            ]
        )
    if fits_to_page(template):
        fits = fit_alike([context for _project, _pitch, context, _props in prepared], over=over)
        parts = [
            BriefParts(
                pitch,
                refit_money(context, fit.context, pitch, project.lang),
                fit.cuts,
                props,
                fit.over_words,
            )
            for (project, pitch, context, props), fit in zip(prepared, fits, strict=True)
        ]
    else:
        parts = [BriefParts(pitch, context, (), props) for _p, pitch, context, props in prepared]
    made = over.last if over is not None else [None] * len(parts)
    return [
        BriefNote(
            data if data is not None else _filler(source, project.lang)(one),
            one.pitch,
            one.cuts,
            one.over_words,
        )
        for (project, *_rest), one, data in zip(prepared, parts, made, strict=True)
    ]


def _filler(source: Path | bytes, lang: Language) -> Callable[[BriefParts], bytes]:
    """What fills the template ``source`` with a note's parts.

    The built-in template (bytes) is prepared once a process for each language
    (:func:`_compiled_brief`), so each further fit that is laid out or measured
    costs only its filling; the note is the same as :func:`render` makes. A
    user's template is filled by :func:`render`, under its limits, each time.
    """
    if isinstance(source, Path):
        from pitchkit.word.render import render

        return lambda parts: render(source, parts.context, lang=lang, properties=parts.properties)
    compiled = _compiled_brief(lang)
    return lambda parts: compiled.fill(parts.context, properties=parts.properties)


def _words_shown(parts: BriefParts) -> int:
    """How many words of the fields fitting may cut a note shows."""
    from pitchkit.notes.fit import FIELDS

    total = 0
    for path in FIELDS:
        value: Any = parts.context
        for key in path:
            value = value[key]
        items = value if isinstance(value, list) else [value]
        for item in items:
            text = item.get("text", "") if isinstance(item, dict) else item
            total += len(str(text).split())
    return total
