"""The note as it will read, shown in the terminal without writing a file.

:func:`make_preview` fills the real template (built-in or the user's own,
with the one-page trimming the built-in brief gets) and reads the filled
document back paragraph by paragraph, so the preview holds exactly the text
the Word file would. :func:`rich_preview` turns that into rich renderables
for a terminal and :func:`plain_preview` into plain text for a pipe or a
file; both end with the guide's check findings.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import docx
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table as RichTable
from rich.text import Text

from pitchkit.advice import RULES, UPDATE_RULES, Finding, check
from pitchkit.facts.project import Project
from pitchkit.facts.schema import Director
from pitchkit.i18n.translation import N_, Language
from pitchkit.notes.brief import make_brief_note
from pitchkit.notes.context import note_heading
from pitchkit.notes.fit import Cut

BlockKind = Literal["header", "title", "heading", "lead", "bullet", "paragraph", "small", "footer"]
PICTURE_TAG = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}drawing"


@dataclass(frozen=True)
class Run:
    """A stretch of text with its emphasis."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Block:
    """One paragraph of the note, or a table (``rows``), or a picture."""

    kind: BlockKind
    runs: tuple[Run, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    picture: bool = False

    @property
    def text(self) -> str:
        """The paragraph's text, as Word would show it."""
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class Preview:
    """A filled note read back, what was cut to fit, and the check findings."""

    kind: str
    blocks: tuple[Block, ...]
    cuts: tuple[Cut, ...]
    findings: tuple[Finding, ...]
    notes: tuple[str, ...] = ()
    checked: bool = True
    detail: bool = False
    #: What the note is, as its header says ("Sponsor briefing note", "Briefing note");
    #: empty for the kind's usual name.
    heading: str = ""


# ---------------------------------------------------------------- reading a document

_STYLE_KINDS: dict[str, BlockKind] = {
    "title": "title",
    "lead": "lead",
    "small print": "small",
    "subtitle": "lead",
}


def _kind_of(paragraph: Paragraph) -> BlockKind:
    """What a paragraph is, from its style name (built-in names, and users' usual ones)."""
    name = (paragraph.style.name if paragraph.style is not None else "").casefold()
    if name.startswith("heading"):
        return "heading"
    if name.startswith("list"):
        return "bullet"
    return _STYLE_KINDS.get(name, "paragraph")


def _runs(paragraph: Paragraph) -> tuple[Run, ...]:
    """The paragraph's runs, neighbours with the same emphasis joined."""
    joined: list[Run] = []
    for run in _word_runs(paragraph):
        # A non-breaking space keeps a date or a figure and its unit on one line in Word; a
        # terminal wraps on its own, and a pipe or a file gets plain spaces.
        text = run.text.replace("\u00a0", " ")
        if not text:
            continue
        bold, italic = bool(run.bold), bool(run.italic)
        if joined and (joined[-1].bold, joined[-1].italic) == (bold, italic):
            joined[-1] = Run(joined[-1].text + text, bold, italic)
        else:
            joined.append(Run(text, bold, italic))
    if not joined and paragraph.text:
        joined.append(Run(paragraph.text.replace("\u00a0", " ")))
    return tuple(joined)


def _word_runs(paragraph: Paragraph) -> Iterator[Any]:
    """The paragraph's runs in order, those inside links (an e-mail address) included."""
    for item in paragraph.iter_inner_content():
        if hasattr(item, "runs"):  # a hyperlink holds runs of its own
            yield from item.runs
        else:
            yield item


def _cell_text(cell: _Cell) -> str:
    return "\n".join(p.text for p in cell.paragraphs).strip()


def _table_rows(table: Table) -> tuple[tuple[str, ...], ...]:
    """Each row's cell texts, a merged cell read once."""
    rows = []
    for row in table._tbl.tr_lst:
        cells = tuple(_cell_text(_Cell(tc, table)) for tc in row.tc_lst)
        if any(cells):
            rows.append(cells)
    return tuple(rows)


def _blocks(items: Iterator[Paragraph | Table], kind: BlockKind | None = None) -> Iterator[Block]:
    for item in items:
        if isinstance(item, Table):
            rows = _table_rows(item)
            if rows:
                yield Block("paragraph", rows=rows)
            continue
        picture = any(True for _ in item._p.iter(PICTURE_TAG))
        runs = _runs(item)
        if runs or picture:
            yield Block(kind or _kind_of(item), runs, picture=picture)


def read_document(data: bytes) -> tuple[Block, ...]:
    """The blocks of a .docx in reading order: header, body (paragraphs, tables), footer."""
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    found = list(_blocks(section.header.iter_inner_content(), "header"))
    found.extend(_blocks(document.iter_inner_content()))
    found.extend(_blocks(section.footer.iter_inner_content(), "footer"))
    return tuple(found)


# ---------------------------------------------------------------- findings


def check_findings(
    project: Project, director: Director, *, today: dt.date, kind: str = "brief"
) -> tuple[Finding, ...]:
    """The guide's advice for ``director``'s note of ``kind`` as findings, most serious first.

    An update is checked only by the rules that apply to one
    (:data:`~pitchkit.advice.UPDATE_RULES`): a brief's word budgets and
    page, its pitch and asks say nothing of a progress report.
    """
    rules = UPDATE_RULES if kind == "update" else RULES
    found = check(
        project.loaded, director_id=director.id, today=today, lang=project.lang, rules=rules
    )
    return tuple(found)


# ---------------------------------------------------------------- making the preview


def make_preview(
    project: Project,
    director: Director,
    *,
    kind: str = "brief",
    period: str | None = None,
    template: Path | None = None,
    today: dt.date | None = None,
    checks: bool = True,
    detail: bool = False,
) -> Preview:
    """Fill the note for ``director`` in memory and read it back, with the check findings.

    ``checks`` false leaves the findings out; ``detail`` shows where each
    finding is and its evidence as well as the fix.
    """
    today = today or dt.date.today()
    findings = check_findings(project, director, today=today, kind=kind) if checks else ()
    if kind == "update":
        from pitchkit.notes.update import make_update

        data, info = make_update(project, director, period=period, template=template, today=today)
        notes: tuple[str, ...] = ()
        if info.fill_in:
            notes = (
                project.lang.gettext(
                    "The progress log has no entry for {period}, so this is the fill-in "
                    "template: the parts in [square brackets] are for you to write."
                ).format(period=info.period_label),
            )
        return Preview("update", read_document(data), (), findings, notes, checks, detail)
    note = make_brief_note(project, director, template=template, today=today)
    heading = note_heading(note.pitch, project.lang)
    return Preview(
        "brief", read_document(note.data), note.cuts, findings, (), checks, detail, heading
    )


# ---------------------------------------------------------------- showing it

_SEVERITY_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}
SEVERITY_WORDS = {"error": N_("error"), "warning": N_("warning"), "info": N_("note")}


def severity_word(severity: str, lang: Language) -> str:
    """The word shown before a finding: error, warning or note."""
    return lang.gettext(SEVERITY_WORDS.get(severity, severity))


def _styled(block: Block) -> Text:
    text = Text()
    for run in block.runs:
        style = " ".join(s for s, on in (("bold", run.bold), ("italic", run.italic)) if on)
        text.append(run.text, style=style or None)
    return text


def _rich_block(block: Block, lang: Language) -> RenderableType:
    if block.rows:
        return _rich_table(block.rows)
    if block.picture and not block.text:
        return Text(lang.gettext("[picture]"), style="dim")
    text = _styled(block)
    if block.kind == "title":
        text.stylize("bold")
        return Text.assemble("\n", text)
    if block.kind == "heading":
        text.stylize("bold cyan")
        return Text.assemble("\n", text)
    if block.kind == "bullet":
        grid = RichTable.grid(padding=(0, 1))
        grid.add_column(width=3, justify="right")
        grid.add_column()
        grid.add_row("•", text)
        return grid
    if block.kind in ("small", "header", "footer"):
        text.stylize("dim")
    if block.kind == "lead":
        text.stylize("bold")
    if _picture_below(block):  # a chart under its title, in the title's paragraph
        text.rstrip()
        text.append("\n")
        text.append(lang.gettext("[picture]"), style="dim")
    return text


def _picture_below(block: Block) -> bool:
    """Whether ``block`` ends with a picture on a line of its own, after its text."""
    return block.picture and block.text.endswith("\n") and bool(block.text.strip())


def _rich_table(rows: tuple[tuple[str, ...], ...]) -> RichTable:
    width = max(len(row) for row in rows)
    header = rows[0] if len(rows) > 1 else ()
    table = RichTable(show_header=bool(header), header_style="bold", expand=False)
    for column in range(width):
        table.add_column(header[column] if column < len(header) else "")
    for row in rows[1:] if header else rows:
        table.add_row(*(row + ("",) * (width - len(row))))
    return table


def _notes(preview: Preview, lang: Language) -> list[str]:
    """What the preview says about the note itself: fill-in parts and what was cut to fit."""
    lines = list(preview.notes)
    if preview.cuts:
        shown = "; ".join(f"{cut.field} ({cut.detail.render(lang)})" for cut in preview.cuts)
        lines.append(
            lang.gettext(
                "To fit one page the note shortens {shown}. Your facts file is unchanged: "
                "shorten those texts there for a note that reads exactly as you wrote it."
            ).format(shown=shown)
        )
    return lines


def _finding_lines(finding: Finding, lang: Language, *, detail: bool) -> list[str]:
    """A finding's message, then (in detail) where and the evidence, then the fix, indented."""
    lines = [finding.message]
    if detail and finding.where:
        lines.append("    " + lang.gettext("where: {where}").format(where=finding.where))
    if detail and finding.evidence:
        lines.append(
            "    " + lang.gettext("evidence: {evidence}").format(evidence=finding.evidence)
        )
    if finding.fix:
        first, *more = finding.fix.split("\n")
        lines.append("    " + lang.gettext("fix: {fix}").format(fix=first))
        lines += ["      " + line for line in more]
    return lines


def _heading_for(preview: Preview, lang: Language) -> str:
    if preview.heading:
        return preview.heading
    return (
        lang.gettext("Sponsor briefing note")
        if preview.kind == "brief"
        else lang.gettext("Progress update")
    )


def rich_preview(preview: Preview, lang: Language) -> RenderableType:
    """The note in a panel, then what was cut and the check findings, for a terminal."""
    page = Panel(
        Group(*(_rich_block(b, lang) for b in preview.blocks)),
        title=_heading_for(preview, lang),
        subtitle=lang.gettext("preview: no file written"),
        padding=(0, 2),
        expand=False,
        width=96,
    )
    parts: list[RenderableType] = [page]
    parts.extend(Text(note, style="cyan") for note in _notes(preview, lang))
    if not preview.checked:
        return Group(*parts)
    parts.append(Rule(lang.gettext("Checks"), align="left", style="dim"))
    for finding in preview.findings:
        first, *rest = _finding_lines(finding, lang, detail=preview.detail)
        style = _SEVERITY_STYLES.get(finding.severity, "cyan")
        parts.append(Text.assemble((f"{severity_word(finding.severity, lang)}: ", style), first))
        parts.extend(Text(line, style="dim") for line in rest)
    if not preview.findings:
        parts.append(Text(_no_findings(lang), style="green"))
    return Group(*parts)


def _no_findings(lang: Language) -> str:
    return lang.gettext("No findings: the pitch follows the guide's advice.")


def _plain_block(block: Block, lang: Language) -> list[str]:
    if block.rows:
        return ["  " + " | ".join(cell.replace("\n", " / ") for cell in row) for row in block.rows]
    text = block.text or (lang.gettext("[picture]") if block.picture else "")
    if _picture_below(block):  # a chart under its title, in the title's paragraph
        text = text.rstrip() + "\n" + lang.gettext("[picture]")
    if block.kind in ("title", "heading"):
        return ["", text, ("=" if block.kind == "title" else "-") * min(len(text), 80)]
    if block.kind == "bullet":
        return [f"  • {text}"]
    return [text]


def plain_preview(preview: Preview, lang: Language) -> str:
    """The note as plain text (headings underlined, bullets, tables as rows), then the checks."""
    unwritten = lang.gettext("preview: no file written")
    lines = [f"[{_heading_for(preview, lang)}: {unwritten}]"]
    for block in preview.blocks:
        lines.extend(_plain_block(block, lang))
    lines.append("")
    lines.extend(_notes(preview, lang))
    if not preview.checked:
        return "\n".join(lines) + "\n"
    title = lang.gettext("Checks")
    lines.extend(["", title, "-" * len(title)])
    for finding in preview.findings:
        first, *rest = _finding_lines(finding, lang, detail=preview.detail)
        lines.append(f"{severity_word(finding.severity, lang)}: {first}")
        lines.extend(rest)
    if not preview.findings:
        lines.append(_no_findings(lang))
    return "\n".join(lines) + "\n"
