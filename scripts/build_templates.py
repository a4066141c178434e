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
OUT = ROOT / "src" / "pitchkit" / "templates"

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


# ---------------------------------------------------------------- the brief


def build_brief() -> Document:
    """The one-page sponsor briefing note."""
    document = Document()
    _page(document, margin_cm=1.9)
    _style_document(document, 10)
    header_footer(
        document,
        T("Sponsor briefing note") + " · {{ project.organisation }}",
        "{{ lead.name }}{% if lead.email %} · {{ lead.email }}{% endif %} · "
        + T("Prepared on")
        + " {{ today|date }}",
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
                + " {{ meeting.date|date }}{% endif %}",
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
            ("{{ s.objective }}", True),
            (
                "{% if s.kind == 'personal' %} (" + T("your personal objective") + "){% endif %}",
                False,
            ),
            (": {{ s.text }}", False),
        ],
        "List Bullet",
    )
    tag(document, "endfor")

    def problem() -> None:
        para(document, "{{ project.problem }}")
        tag(document, "if project.strategy")
        runs(document, [(T("Links to") + ": ", True), ("{{ project.strategy|list }}.", False)])
        tag(document, "endif")
        tag(document, "if pitch.concerns")
        runs(
            document,
            [(T("Your concerns it addresses") + ": ", True), ("{{ pitch.concerns|list }}.", False)],
        )
        tag(document, "endif")

    section(document, T("The problem, as the organisation sees it"), None, problem)

    def change() -> None:
        para(document, "{{ project.change }}")
        tag(document, "if project.evidence")
        runs(
            document, [(T("Evidence so far") + ": ", True), ("{{ project.evidence|list }}.", False)]
        )
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
        tag(document, "if funding.whole_team")
        para(
            document,
            T(
                "At this level of funding we will also brief the whole executive team, "
                "and we would value your help in doing so."
            ),
        )
        tag(document, "endif")

    section(document, T("Funding and timeline"), "funding.text or timeline", funding)

    document.add_heading(T("Contact"), level=1)
    runs(
        document,
        [
            ("{{ lead.name }}", True),
            ("{% if lead.role %}, {{ lead.role }}{% endif %}", False),
            ("{% if lead.email %} · {{ lead.email }}{% endif %}", False),
            ("{% if lead.phone %} · {{ lead.phone }}{% endif %}", False),
        ],
    )
    tag(document, "if pitch.sources")
    para(document, T("Unit costs used") + ": {{ pitch.sources|join('; ') }}.", "Small Print")
    tag(document, "endif")
    return document


BUILDERS: dict[str, Callable[[], Document]] = {"brief": build_brief}


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
