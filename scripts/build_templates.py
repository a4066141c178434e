"""Build pitchkit's built-in Word templates from code, so their source is reviewable.

Run ``make templates`` (or ``python scripts/build_templates.py``) after
changing this file; the .docx files it writes are committed and shipped in
the package. Labels are written as ``{{ _("...") }}`` so one template serves
every language; ``T()`` marks them for message extraction.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "pitchkit" / "word" / "templates"

FONT = "Arial"  # LibreOffice substitutes the metric-compatible Liberation Sans
NHS_BLUE = RGBColor(0x00, 0x5E, 0xB8)
DARK_BLUE = RGBColor(0x00, 0x30, 0x87)
GREY = RGBColor(0x42, 0x55, 0x63)


def T(message: str) -> str:
    """A label translated at render time: marked here for extraction."""
    escaped = message.replace('"', '\\"')
    return '{{ _("' + escaped + '") }}'


# ---------------------------------------------------------------- styles


def _set_font(
    style: object, size: float, *, bold: bool = False, colour: RGBColor | None = None
) -> None:
    font = style.font  # type: ignore[attr-defined]
    font.name = FONT
    font.size = Pt(size)
    font.bold = bold
    if colour is not None:
        font.color.rgb = colour
    rpr = style.element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(theme), None)


def _spacing(style: object, before: float, after: float, line: float = 1.0) -> None:
    fmt = style.paragraph_format  # type: ignore[attr-defined]
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing = line


def _style_document(document: Document, body_size: float) -> None:
    styles = document.styles
    normal = styles["Normal"]
    _set_font(normal, body_size)
    _spacing(normal, 0, 3, 1.05)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "en-GB")
    normal.element.get_or_add_rPr().append(lang)
    title = styles["Title"]
    _set_font(title, 17, bold=True, colour=NHS_BLUE)
    _spacing(title, 0, 2)
    title.element.pPr.remove_all("w:pBdr") if title.element.pPr is not None else None
    for level, size in ((1, 12.5), (2, 11)):
        heading = styles[f"Heading {level}"]
        _set_font(heading, size, bold=True, colour=DARK_BLUE)
        _spacing(heading, 7 if level == 1 else 5, 2)
        heading.font.italic = False
        heading.paragraph_format.keep_with_next = True
    bullet = styles["List Bullet"]
    _set_font(bullet, body_size)
    _spacing(bullet, 0, 2, 1.05)
    small = styles.add_style("Small Print", WD_STYLE_TYPE.PARAGRAPH)
    small.base_style = normal
    _set_font(small, 8, colour=GREY)
    _spacing(small, 4, 0)
    lead = styles.add_style("Lead", WD_STYLE_TYPE.PARAGRAPH)
    lead.base_style = normal
    _set_font(lead, body_size + 0.5, bold=True)
    _spacing(lead, 0, 3)


def _page(document: Document, *, margin_cm: float) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(margin_cm))
    section.top_margin = Cm(1.5)
    section.bottom_margin = Cm(1.4)
    section.header_distance = Cm(0.7)
    section.footer_distance = Cm(0.6)


# ---------------------------------------------------------------- building blocks


def para(document: Document, text: str = "", style: str | None = None) -> Paragraph:
    """A paragraph holding ``text`` (which may contain template tags)."""
    return document.add_paragraph(text, style=style)


def subheading(document: Document, text: str) -> Paragraph:
    """A bold lead-in heading a list ("Done this period"), kept on the page of its first item.

    A heading left last on a page with its item over the break reads as empty (reader25 #12).
    """
    paragraph = para(document, text, "Lead")
    paragraph.paragraph_format.keep_with_next = True
    return paragraph


def runs(document: Document, parts: list[tuple[str, bool]], style: str | None = None) -> Paragraph:
    """A paragraph made of (text, bold) runs."""
    paragraph = document.add_paragraph(style=style)
    for text, bold in parts:
        paragraph.add_run(text).bold = bold
    return paragraph


def tag(document: Document, statement: str) -> None:
    """A paragraph-level Jinja tag (``{%p ... %}``): docxtpl removes the paragraph."""
    document.add_paragraph("{%p " + statement + " %}")


def bullets(document: Document, items: str, item: str = "{{ item }}") -> None:
    """One bullet per element of the list expression ``items``."""
    tag(document, f"for item in {items}")
    para(document, item, "List Bullet")
    tag(document, "endfor")


def section(
    document: Document, heading: str, condition: str | None, body: Callable[[], None]
) -> None:
    """A headed part shown only when ``condition`` holds (no empty headings)."""
    if condition:
        tag(document, f"if {condition}")
    document.add_heading(heading, level=1)
    body()
    if condition:
        tag(document, "endif")


def header_footer(document: Document, header: str, footer: str) -> None:
    """Small grey header and footer lines."""
    section_ = document.sections[0]
    for paragraph, text in (
        (section_.header.paragraphs[0], header),
        (section_.footer.paragraphs[0], footer),
    ):
        run = paragraph.add_run(text)
        run.font.size = Pt(8)
        run.font.name = FONT
        run.font.color.rgb = GREY


# ---------------------------------------------------------------- the lead's contact

# The lead is optional, and so is each of their details: show only what is
# given, with a separator only between two shown parts, and no "Contact"
# heading or line at all when there is nothing to contact.
HAS_CONTACT = "lead.name or lead.email or lead.phone"
CONTACT_PARTS: list[tuple[str, bool]] = [
    ("{{ lead.name }}", False),
    ("{% if lead.role %}{% if lead.name %}, {% endif %}{{ lead.role }}{% endif %}", False),
    (
        "{% if lead.email %}{% if lead.name or lead.role %} · {% endif %}"
        "{{ lead.email }}{% endif %}",
        False,
    ),
    (
        "{% if lead.phone %}{% if lead.name or lead.role or lead.email %} · {% endif %}"
        "{{ lead.phone }}{% endif %}",
        False,
    ),
]
FOOTER_CONTACT = (
    "{{ lead.name }}{% if lead.email %}{% if lead.name %} · {% endif %}{{ lead.email }}{% endif %}"
    "{% if lead.name or lead.email %} · {% endif %}"
)


# ---------------------------------------------------------------- the brief


def build_brief() -> Document:
    """The one-page sponsor briefing note."""
    document = Document()
    _page(document, margin_cm=1.9)
    _style_document(document, 10)
    header_footer(
        document,
        # A sponsor's note, or not (fixread31 #2): "Sponsor briefing note" or "Briefing note".
        "{{ pitch.heading }} · {{ project.organisation }}",
        FOOTER_CONTACT + T("Prepared on") + " {{ today|date }}",
    )
    para(document, "{{ project.title }}", "Title")
    runs(
        document,
        [
            (T("For") + " ", False),
            ("{{ director.name }}, {{ director.role }}", True),
            (
                "{% if meeting.date %} · "
                + T("meeting on")
                + " {{ meeting.date_text }}{% endif %}",
                False,
            ),
        ],
    )

    document.add_heading(T("What we are asking"), level=1)
    para(document, "{{ pitch.ask }}", "Lead")
    tag(document, "if asks|length > 1")
    bullets(document, "asks[1:]")
    tag(document, "endif")

    document.add_heading(T("Why this matters to you"), level=1)
    para(document, "{{ pitch.headline }}")
    tag(document, "for s in pitch.statements")
    runs(
        document,
        [
            # The lead sentence names the first objective: its bullet starts at the figures.
            # Each run holds its own condition, so no run's formatting spills into the next.
            ("{% if not s.in_headline %}{{ s.objective }}{% endif %}", True),
            (
                "{% if s.kind == 'personal' and not s.in_headline %} ("
                + T("your personal objective")
                + "){% endif %}",
                False,
            ),
            ("{% if not s.in_headline %}: {% endif %}{{ s.text }}", False),
        ],
        "List Bullet",
    )
    tag(document, "endfor")

    def problem() -> None:
        para(document, "{{ project.problem }}")
        tag(document, "if project.strategy")
        runs(
            document,
            [(T("Links to") + ": ", True), ("{{ project.strategy|sentences }}", False)],
        )
        tag(document, "endif")
        tag(document, "if pitch.concerns")
        runs(
            document,
            [
                (T("Your concerns it addresses") + ": ", True),
                ("{{ pitch.concerns|list|sentence }}", False),
            ],
        )
        tag(document, "endif")

    section(document, T("The problem, as the organisation sees it"), None, problem)

    def change() -> None:
        para(document, "{{ project.change }}")
        tag(document, "if project.evidence")
        runs(
            document,
            [(T("Evidence so far") + ": ", True), ("{{ project.evidence|sentences }}", False)],
        )
        tag(document, "endif")
        # Balancing measures: watched within a limit, said here and never as a gain.
        tag(document, "if pitch.watched")
        para(document, "{{ pitch.watched|join(' ') }}")
        tag(document, "endif")

    section(document, T("The change, in brief"), None, change)
    section(
        document,
        T("Your advice would help us"),
        "advice",
        lambda: bullets(document, "advice"),
    )
    section(
        document,
        T("What is in it for you"),
        "pitch.gains",
        lambda: bullets(document, "pitch.gains"),
    )

    def funding() -> None:
        tag(document, "if funding.text")
        runs(document, [(T("Funding") + ": ", True), ("{{ funding.text }}", False)])
        tag(document, "endif")
        tag(document, "if timeline")
        runs(document, [(T("Timeline") + ": ", True), ("{{ timeline }}", False)])
        tag(document, "endif")
        bullets(document, "money.lines")
        tag(document, "if funding.whole_team")
        para(
            document,
            T(
                "At this level of funding we will also brief the whole executive team, "
                "and we would value your help in doing so."
            ),
        )
        tag(document, "endif")

    section(document, T("Funding and timeline"), "funding.text or timeline or money.lines", funding)

    section(
        document,
        T("Contact"),
        HAS_CONTACT,
        lambda: runs(document, [(CONTACT_PARTS[0][0], True), *CONTACT_PARTS[1:]]),
    )
    tag(document, "if pitch.sources")
    para(
        document, T("Unit costs used") + ": {{ pitch.sources|join('; ')|sentence }}", "Small Print"
    )
    tag(document, "endif")
    tag(document, "if pitch.conversions")
    para(document, "{{ pitch.conversions|join(' ') }}", "Small Print")
    tag(document, "endif")
    return document


# ---------------------------------------------------------------- the update

_UPDATE_HEADER_FILL = "DCE6F2"
_UPDATE_BORDER = "A6B5C4"


def _cell_fill(cell: object, colour: str) -> None:
    """Shade a table cell (after its width, as the schema orders them)."""
    tcpr = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    tcpr.append(shading)


def _cell_text(cell: object, parts: list[tuple[str, bool]], size: float | None = None) -> Paragraph:
    """Fill a cell's first paragraph with (text, bold) runs."""
    paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
    for text, bold in parts:
        run = paragraph.add_run(text)
        run.bold = bold
        if size is not None:
            run.font.size = Pt(size)
    return paragraph


def _update_table(document: Document, widths_cm: list[float]) -> object:
    """A fixed-width table with thin grey borders and roomy cells."""
    table = document.add_table(rows=0, cols=len(widths_cm))
    table.autofit = False
    tblpr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{side}")
        line.set(qn("w:val"), "single")
        line.set(qn("w:sz"), "4")
        line.set(qn("w:space"), "0")
        line.set(qn("w:color"), _UPDATE_BORDER)
        borders.append(line)
    margins = OxmlElement("w:tblCellMar")
    for side, width in (("top", 30), ("left", 80), ("bottom", 30), ("right", 80)):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(width))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    # CT_TblPr order: tblStyle, …, tblW, jc, …, tblBorders, shd, tblLayout, tblCellMar, tblLook
    for existing in tblpr.findall(qn("w:tblLayout")):
        tblpr.remove(existing)
    look = tblpr.find(qn("w:tblLook"))
    for element in (borders, layout, margins):
        if look is not None:
            look.addprevious(element)
        else:
            tblpr.append(element)
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
    return table


def _update_row(table: object, widths_cm: list[float]) -> list[object]:
    """A new row whose cells have the given widths."""
    row = table.add_row()  # type: ignore[attr-defined]
    for cell, width in zip(row.cells, widths_cm, strict=True):
        cell.width = Cm(width)
    return list(row.cells)


def _update_loop_table(
    document: Document,
    widths_cm: list[float],
    headings: list[str],
    loop: str,
    cells: list[list[tuple[str, bool]]],
    *,
    whole_rows: bool = False,
) -> None:
    """A table with a shaded heading row and one row per item of ``loop``.

    The heading row never splits, and is repeated on the next page when the
    table breaks. An item row may break across the page unless ``whole_rows``
    (the delivered rows' sentences, newuser35 #10); the page estimate
    (notes/update/pages.py) reads which rows are kept whole.
    """
    table = _update_table(document, widths_cm)
    for cell, text in zip(_update_row(table, widths_cm), headings, strict=True):
        _cell_text(cell, [(text, True)], 9)
        _cell_fill(cell, _UPDATE_HEADER_FILL)
    _cell_text(_update_row(table, widths_cm)[0], [("{%tr for " + loop + " %}", False)])
    item = _update_row(table, widths_cm)
    for cell, parts in zip(item, cells, strict=True):
        _cell_text(cell, parts, 9)
    if whole_rows:
        # A row of sentences split across the page left "taken out)." alone on page 2
        # (newuser35 #10): kept whole, as the page estimate reads w:cantSplit.
        table.rows[-1]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # type: ignore[attr-defined]
    _cell_text(_update_row(table, widths_cm)[0], [("{%tr endfor %}", False)])
    heading = table.rows[0]  # type: ignore[attr-defined]
    heading._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    # python-docx has no repeat_header: setting it made a plain attribute, not w:tblHeader.
    heading._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def _update_status(document: Document) -> None:
    """Status (shaded, with words), progress score and next update, as a small table."""
    widths = [4.2, 13.2]
    table = _update_table(document, widths)
    label, value = _update_row(table, widths)
    _cell_text(label, [(T("Status"), True)])
    _cell_fill(label, _UPDATE_HEADER_FILL)
    # docxtpl puts the shading first in the cell's properties: keep only what may follow it.
    tcpr = value._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    for child in list(tcpr):
        tcpr.remove(child)
    centred = OxmlElement("w:vAlign")
    centred.set(qn("w:val"), "center")
    tcpr.append(centred)
    _cell_text(
        value, [("{% cellbg update.status.colour %}", False), ("{{ update.status.text }}", True)]
    )
    # No row at all when no period was ever scored: "Not scored this period" said a score
    # was kept and missed (newuser40 #3). A log that keeps one says when a period has none.
    _cell_text(_update_row(table, widths)[0], [("{%tr if update.score.shown %}", False)])
    label, value = _update_row(table, widths)
    _cell_text(label, [(T("Progress score"), True)])
    _cell_fill(label, _UPDATE_HEADER_FILL)
    _cell_text(
        value,
        [
            ("{% if update.score.text %}{{ update.score.text }}", False),
            ("{% if update.score.movement %} (", False),
            ("{{ update.score.movement }})", False),
            ("{% endif %}{% else %}" + T("Not scored this period") + "{% endif %}", False),
        ],
    )
    _cell_text(_update_row(table, widths)[0], [("{%tr endif %}", False)])
    label, value = _update_row(table, widths)
    _cell_text(label, [(T("Next update"), True)])
    _cell_fill(label, _UPDATE_HEADER_FILL)
    _cell_text(value, [("{{ update.next_update }}", False)])


def _update_measures(document: Document) -> None:
    """The table of measures against baseline and target."""
    _update_loop_table(
        document,
        [4.8, 2.2, 2.2, 2.6, 2.7, 2.9],
        [
            T("Measure"),
            T("Baseline"),
            T("Target"),
            T("Latest"),
            T("How far along"),
            T("Direction"),
        ],
        "m in update.measures",
        [
            [("{{ m.measure }}", False), ("{% if m.icons %}{{ m.icons }}{% endif %}", False)],
            [("{{ m.baseline_text }}", False)],
            [("{{ m.target_text }}", False)],
            [("{{ m.latest_text }}", True)],
            [("{{ m.along_text }}", False)],
            [("{{ m.direction_text }}", False)],
        ],
    )
    tag(document, "if update.missing")
    tag(document, "for note in update.missing")
    # Each note is a whole sentence that says what is missing ("For hospital bed days …, no
    # figure for August 2027; gaps are left blank, not taken as zero."): under a label
    # "Missing data:" it stacked a colon before a sentence (reader25 #18).
    para(document, "{{ note }}", "Small Print")
    tag(document, "endfor")
    tag(document, "endif")


def _update_delivered(document: Document) -> None:
    """What the project has delivered toward the director's objectives."""
    _update_loop_table(
        document,
        [6.4, 11.0],
        [T("Your objective"), T("Delivered so far")],
        "d in update.delivered",
        [
            [("{{ d.objectives_text }}", False)],
            [
                ("{{ d.measure }}: ", True),
                ("{{ d.text }}", False),
                ("{% if d.money_text %}, {{ d.money_text }}{% endif %}", False),
                ("{% if d.share_text %} ({{ d.share_text }}){% endif %}.", False),
            ],
        ],
        whole_rows=True,
    )
    # The unit costs behind the money in the table, as the brief gives them, so that a
    # finance director can check "worth £22,000 in capacity" (reader25 #16); under the money
    # block instead when there is one (:func:`_update_unit_costs`).
    tag(document, "if update.unit_costs and not update.funding_line")
    _update_unit_costs(document)
    tag(document, "endif")


def _update_unit_costs(document: Document) -> None:
    """The small print of the unit costs behind the update's money."""
    para(
        document,
        T("Unit costs used") + ": {{ update.unit_costs|join('; ')|sentence }}",
        "Small Print",
    )


def _update_board(document: Document) -> None:
    """The sentence the director can use at the board, set apart in a shaded box."""
    widths = [17.4]
    table = _update_table(document, widths)
    [cell] = _update_row(table, widths)
    # The box is never split across a page break (newuser25 #9): its row moves whole.
    row = table.rows[0]  # type: ignore[attr-defined]
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    _cell_fill(cell, "F0F4F5")
    paragraph = _cell_text(cell, [("{{ update.board_sentence }}", False)])
    paragraph.paragraph_format.keep_together = True
    for run in paragraph.runs:
        run.italic = True
    # The note on how to use the sentence sits in the box under it: LibreOffice ignores
    # keep-with-next from a table cell, so a line after the box could start the next page.
    cell.add_paragraph("{{ update.board_note }}", style="Small Print")  # type: ignore[attr-defined]


def _update_help(document: Document) -> None:
    """Barriers and the specific asks, or a line saying nothing is needed."""
    tag(document, "if update.barriers")
    subheading(document, T("Barriers"))
    bullets(document, "update.barriers")
    tag(document, "endif")
    tag(document, "if update.asks")
    subheading(document, T("What we ask of you"))
    bullets(document, "update.asks")
    tag(document, "endif")
    tag(document, "if update.no_barriers")
    para(document, "{{ update.no_barriers }}")
    tag(document, "endif")
    # The questions the team would value the director's advice on are help too: under this
    # heading, not a heading of their own that took a chart's room (reader27 #6). After
    # "Nothing is asked of you this period beyond your advice below" they need no lead-in.
    tag(document, "if update.advice")
    tag(document, "if update.barriers or update.asks")
    subheading(document, T("Your advice"))
    tag(document, "endif")
    bullets(document, "update.advice")
    tag(document, "endif")


def _update_steps(document: Document) -> None:
    """Done this period and next steps (the next update's date is in the status table)."""
    tag(document, "if update.done")
    subheading(document, T("Done this period"))
    bullets(document, "update.done")
    tag(document, "endif")
    tag(document, "if update.next")
    subheading(document, T("Next steps"))
    bullets(document, "update.next")
    tag(document, "endif")


def _update_charts(document: Document) -> None:
    """One chart per measure with enough points, its signals in words beside it."""
    tag(document, "for c in update.charts")
    # The title, the chart and its words are one block. The chart is in its title's
    # paragraph, after a line break: LibreOffice, which makes the PDFs, ignores "keep
    # with next" on a paragraph holding nothing but a picture, so a chart of its own
    # could end a page with its words on the next. The words are kept in one piece.
    caption = runs(
        document,
        [("{{ c.measure }}", True), (" ({{ c.kind }}) ", False), ("{{ c.icons }}", False)],
    )
    caption.add_run().add_break()
    caption.add_run("{{ c.picture }}")
    caption.paragraph_format.keep_with_next = True
    caption.paragraph_format.keep_together = True
    caption.paragraph_format.space_after = Pt(0)
    signals = para(document, "{{ c.signals }}")
    signals.paragraph_format.keep_together = True
    signals.paragraph_format.space_after = Pt(6)
    tag(document, "endfor")
    tag(document, "if update.chart_note")
    para(document, "{{ update.chart_note }}", "Small Print")
    tag(document, "endif")
    # None to say (no chart, no icon): no empty line that could start a page of its own.
    tag(document, "if update.chart_rules")
    para(document, "{{ update.chart_rules }}", "Small Print")
    tag(document, "endif")


def build_update() -> Document:
    """The follow-up progress update, which becomes a fill-in template when unlogged."""
    document = Document()
    _page(document, margin_cm=1.8)
    _style_document(document, 9.5)
    header_footer(
        document,
        T("Progress update") + " · {{ project.organisation }} · {{ update.period_label }}",
        FOOTER_CONTACT + "{{ update.written }}",
    )
    tag(document, "if update.fill_in")
    para(
        document,
        T(
            "Draft to complete: replace each part in square brackets, then delete this line. "
            "Everything else is filled in from the facts file."
        ),
        "Small Print",
    )
    tag(document, "endif")
    para(document, "{{ project.title }}: " + T("progress update"), "Title")
    runs(
        document,
        [
            ("{{ update.period_label }}", True),
            (" · " + T("for") + " {{ director.name }}, {{ director.role }}", False),
            (
                # The day held together: "reported on 7 April" over "2028" split the date
                # (reader27 #18).
                "{% if update.date %} · "
                + T("reported on")
                + " {{ (update.date|date)|replace(' ', '\u00a0') }}{% endif %}",
                False,
            ),
        ],
    )
    _update_status(document)
    document.add_heading(T("Headline"), level=1)
    para(document, "{{ update.headline }}", "Lead")
    # A change the headline claims that the figures do not show: set apart in normal
    # weight, not in the headline's bold, where it read as the headline gainsaying
    # itself (reader27 #9).
    tag(document, "if update.headline_note")
    para(document, "{{ update.headline_note }}")
    tag(document, "endif")
    tag(document, "if update.since")
    since = runs(document, [("{{ update.since.heading }}", True)])
    # A lead-in like "Done this period": kept on the page of its first line (reader25 #12).
    since.paragraph_format.keep_with_next = True
    bullets(document, "update.since.lines")
    tag(document, "endif")
    document.add_heading(T("Progress on each measure"), level=1)
    _update_measures(document)
    section(
        document,
        T("What this has delivered toward your objectives"),
        "update.delivered",
        lambda: _update_delivered(document),
    )
    # For a finance director, the brief's benefit against the funding (newuser34 #5): after
    # the table of what was delivered, or after the measures when nothing is credited yet.
    # Under its own heading, not loose under the table (reader25 #8): a lead-in, not a
    # section heading, as it belongs with the table above it and a full heading cost the
    # falls update one of its charts.
    tag(document, "if update.funding_line")
    subheading(document, T("Money so far and forecast"))
    para(document, "{{ update.funding_line }}")
    # The unit costs under the money they price, not between the table and this heading
    # (newuser39 #11).
    tag(document, "if update.unit_costs")
    _update_unit_costs(document)
    tag(document, "endif")
    tag(document, "endif")
    section(document, T("For your board report"), None, lambda: _update_board(document))
    section(
        document,
        T("Where we need your help"),
        "update.barriers or update.asks or update.no_barriers or update.advice",
        lambda: _update_help(document),
    )
    section(
        document,
        T("This period and next"),
        "update.done or update.next",
        lambda: _update_steps(document),
    )
    tag(document, "if update.charts or update.chart_note")
    # No "Charts" heading over a note that there is none yet: the note alone, as small
    # print, is a line shorter to strand on a page of its own (newuser35's May update).
    tag(document, "if update.charts or update.chart_rules")
    document.add_heading(T("Charts"), level=1)
    tag(document, "endif")
    _update_charts(document)
    tag(document, "endif")
    # Kept even when the small print is kept short to keep a chart (fit_update): the footer
    # gives a name and email, but not the lead's role (reader28 #4).
    tag(document, f"if {HAS_CONTACT}")
    runs(document, [(T("Contact") + ": ", True), *CONTACT_PARTS], "Small Print")
    tag(document, "endif")
    return document


BUILDERS: dict[str, Callable[[], Document]] = {"brief": build_brief, "update": build_update}


def main(names: list[str]) -> int:
    """Build the named templates (all by default) into the package."""
    OUT.mkdir(parents=True, exist_ok=True)
    for name in names or list(BUILDERS):
        document = BUILDERS[name]()
        core = document.core_properties
        core.title, core.author, core.comments = "", "pitchkit", f"pitchkit {name} template"
        core.revision = 1
        path = OUT / f"{name}.docx"
        document.save(str(path))
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
