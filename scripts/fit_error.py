"""How far pitchkit's height estimates are from LibreOffice's layout, over many notes.

For every facts file given (default: every bundled example, the test
pitches, the long test files and the link-evaluation projects), in English
and in Welsh, for every director, the built-in brief is filled with each
fit ``pitchkit brief`` tries when it measures (fitted to the estimate's page
and to each page height of :data:`pitchkit.notes.brief.MEASURED_PAGES`),
and with nothing cut; all the notes are laid out by LibreOffice, and each
note's height is compared with the real one (read from the PDF as
``scripts/calibrate_fit.py`` does) by both estimates: the fitting estimate
(:func:`pitchkit.notes.fit.estimate_height`, from the context) and the
layout (:func:`pitchkit.notes.layout.body_height`, from the filled
document). For the layout it also compares, line by line, where it puts
each line's baseline with where LibreOffice did (``pdftotext
-bbox-layout``), and reports the difference at the last line: the one that
says whether a note ends inside the page, free of the glyph heights that
the lowest word's box adds. Prints each error's distribution, and what the
layout decides with :data:`pitchkit.notes.brief.ONE_PAGE_MARGIN` and
:data:`pitchkit.notes.brief.OVER_MARGIN` against LibreOffice's own choice,
director by director. Needs LibreOffice and poppler's pdftotext; takes a
few minutes.

With ``--grow``, it tests the margins where they matter, at the page's
end: each director's note (all, or the first ``--directors N`` of each
file), fitted to a few page heights, is grown a word at a time in its ask,
its headline and its last bullet (three paragraph styles), and the grown
notes that end within 6 pt either side of the page body are laid out by
LibreOffice (the first and the last at each laid-out height); it prints the
highest laid-out height on one page, the lowest on two, the baseline error
and what the margins decide, note by note. ``--count`` only counts them.

    python scripts/fit_error.py [--save errors.json] [--grow [--directors N]] [FACTS ...]
    python scripts/fit_error.py --load errors.json [--grow]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import re
import statistics
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from calibrate_fit import real_height

from pitchkit.errors import PitchkitError
from pitchkit.facts.project import Project, open_project
from pitchkit.notes import layout
from pitchkit.notes.brief import (
    BODY_HEIGHT,
    MEASURED_PAGES,
    ONE_PAGE_MARGIN,
    OVER_MARGIN,
    BriefParts,
    _words_shown,
    builtin_template,
    properties,
    surely_one_page,
    surely_over,
)
from pitchkit.notes.context import brief_context
from pitchkit.notes.fit import PAGE_HEIGHT, estimate_height, fit_note
from pitchkit.notes.layout import body_height
from pitchkit.output.pagecount import pdf_page_count
from pitchkit.output.pdf import convert_to_pdf
from pitchkit.recast.localise import localise_pitch
from pitchkit.recast.pitch import recast
from pitchkit.word.render import render

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 12, 3)
LOCALES = ("en_GB", "cy_GB")


#: The template's top margin in points (850 twips).
TOP = 850 / 20
_LINE = re.compile(r'<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">')


def layout_baselines(document: bytes) -> list[float]:
    """Where the layout puts each line's baseline on one long page, in points from its top.

    The same walk as :func:`pitchkit.notes.layout.body_height`; within a line,
    the font's ascent and line gap come above the baseline.
    """
    xml = zipfile.ZipFile(io.BytesIO(document)).read("word/document.xml")
    body = layout.etree.fromstring(xml).find(f"{layout._W}body")
    font = layout._font()
    top, previous, found = TOP, None, []
    for element in body:
        if element.tag != f"{layout._W}p":
            continue
        name = layout._style_name(element)
        style = layout.STYLES[name]
        if previous is not None and not (name == previous[0] and name in layout.CONTEXTUAL):
            top += max(previous[1].after, style.before)
        lines = layout._lines(
            layout._characters(element, style), style, layout.TEXT_WIDTH - style.indent
        )
        height = style.size * font.line_height * style.line
        ascent = (1854 + 67) / 2048 * style.size  # Liberation Sans: ascender and line gap
        found.extend(top + line * height + ascent for line in range(lines))
        top += lines * height
        previous = (name, style)
    return found


def libreoffice_baselines(pdf: Path) -> list[float]:
    """The baseline of each line of the body on the PDF's first page, in points.

    poppler gives each line's box as its baseline less 0.95 and plus 0.35 of
    the font size (its defaults for a font without those metrics), so the
    baseline is the box's bottom less 0.35 / 1.3 of its height; a bullet and
    its text, on one baseline, are one line.
    """
    html = subprocess.run(
        ["pdftotext", "-bbox-layout", "-l", "1", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found: set[float] = set()
    for y_min, y_max in _LINE.findall(html):
        bottom, size = float(y_max), (float(y_max) - float(y_min)) / 1.3
        baseline = round(bottom - 0.35 * size, 1)
        if TOP < baseline < TOP + BODY_HEIGHT + 1:
            found.add(baseline)
    return sorted(found)


def baseline_error(document: bytes, pdf: Path) -> float | None:
    """LibreOffice's last baseline less the layout's, in points (``None`` if lines differ)."""
    ours, theirs = layout_baselines(document), libreoffice_baselines(pdf)
    if not ours or len(ours) != len(theirs):
        return None
    return theirs[-1] - ours[-1]


def default_files() -> list[Path]:
    """Every bundled example and the test facts files that make a brief."""
    data = ROOT / "tests" / "data"
    return [
        *sorted(ROOT.glob("examples/*/facts.yaml")),
        ROOT / "src" / "pitchkit" / "demo" / "facts.yaml",
        *sorted((data / "pitch").glob("*.yaml")),
        *sorted((data / "long").glob("*.yaml")),
        *sorted(data.glob("linkeval*/*/facts.yaml")),
        data / "sepsis_project.yaml",
    ]


def projects(files: list[Path]) -> Iterator[tuple[Path, str, Project]]:
    """Each facts file opened in each locale, with a line on stderr for one that will not open."""
    for path in files:
        for locale in LOCALES:
            try:
                yield path, locale, open_project(path, locale=locale)
            except PitchkitError as error:
                print(f"skipped {path} {locale}: {error}", file=sys.stderr)


def notes(files: list[Path], folder: Path) -> list[dict[str, object]]:
    """Each note tried, written to ``folder``: its label, fit and estimated height."""
    made: list[dict[str, object]] = []
    template = builtin_template("brief")
    for path, locale, project in projects(files):
        for director in project.facts.directors:
            pitch = localise_pitch(recast(project.facts, director, today=TODAY), project.lang)
            context = brief_context(pitch, project.lang, today=TODAY)
            props = properties(pitch, project.lang, "brief", TODAY)
            tried = []
            seen: set[tuple[Any, ...]] = set()
            for share in (1.0, *MEASURED_PAGES):
                fit = fit_note(context, project.lang, page=PAGE_HEIGHT * share)
                if fit.cuts not in seen:  # as make_brief_note, each fit once
                    seen.add(fit.cuts)
                    tried.append((f"{share:g}", fit.context, fit.height))
            if tried[0][1] != context:  # and the note with nothing cut, for the errors
                tried.append(("none", context, estimate_height(context)))
            for label, filled, height in tried:
                docx = folder / f"{len(made)}.docx"
                data = render(template, filled, lang=project.lang, properties=props)
                docx.write_bytes(data)
                made.append(
                    {
                        "facts": str(path.relative_to(ROOT)),
                        "locale": locale,
                        "director": director.id,
                        "fit": label,
                        "estimate": round(height, 2),
                        "layout": body_height(data),
                        "shown": _words_shown(BriefParts(pitch, filled, (), props)),
                        "docx": str(docx),
                    }
                )
    return made


#: Words a grown paragraph is lengthened with, one at a time.
GROWTH = ("more", "and", "care", "the", "wards", "of", "staff")
#: How near the page body's end a grown note must end to be laid out, in points.
NEAR = 6.0
#: How far under the page body's end a fitted note may end to be grown, in points.
FROM = 120.0
#: Paragraphs a note is grown in, one at a time, each in another of the template's
#: styles: the ask (Lead), the headline (Normal) and the last bullet of the asks,
#: advice or gains (ListBullet).
GROWN = ("ask", "headline", "bullet")


def _grow(context: dict[str, Any], field: str, extra: str) -> dict[str, Any] | None:
    """``context`` with ``extra`` added to the end of ``field``'s paragraph (``None``: no such)."""
    if field in ("ask", "headline"):
        pitch = context["pitch"]
        return {**context, "pitch": {**pitch, field: f"{pitch[field]} {extra}"}}
    if len(context.get("asks") or []) > 1:
        return {**context, "asks": [*context["asks"][:-1], f"{context['asks'][-1]} {extra}"]}
    if context.get("advice"):
        return {**context, "advice": [*context["advice"][:-1], f"{context['advice'][-1]} {extra}"]}
    gains = context["pitch"].get("gains")
    if gains:
        longer = [*gains[:-1], f"{gains[-1]} {extra}"]
        return {**context, "pitch": {**context["pitch"], "gains": longer}}
    return None


def grown(files: list[Path], folder: Path, directors: int | None = None) -> list[dict[str, object]]:
    """Notes grown a word at a time to end near the page's end, written to ``folder``.

    Each director's note (the first ``directors`` of each file, or all) is
    fitted to a few page heights and grown in each paragraph of :data:`GROWN`
    in turn; of the grown notes that end within :data:`NEAR` points of the
    page body's end, the first and the last at each laid-out height are kept
    (the same height with its last line least and most full).
    """
    from pitchkit.word.fastrender import CompiledTemplate

    made: list[dict[str, object]] = []
    for path, locale, project in projects(files):
        print(f"growing {path.relative_to(ROOT)} {locale}: {len(made)} so far", file=sys.stderr)
        template = CompiledTemplate(builtin_template("brief"), lang=project.lang)
        for director in project.facts.directors[:directors]:
            pitch = localise_pitch(recast(project.facts, director, today=TODAY), project.lang)
            whole = brief_context(pitch, project.lang, today=TODAY)
            props = properties(pitch, project.lang, "brief", TODAY)
            for share in (1.0, 0.96, 0.9):
                context = fit_note(whole, project.lang, page=PAGE_HEIGHT * share).context
                start = body_height(template.fill(context, properties=props))
                if start is None or not BODY_HEIGHT - FROM < start < BODY_HEIGHT - NEAR:
                    continue
                for field in GROWN:
                    kept: dict[float, list[tuple[int, bytes]]] = {}
                    count, height = 0, start
                    while count < 400:
                        # Far from the end, a few words at a time; near it, one.
                        count += 6 if height < BODY_HEIGHT - NEAR - 14 else 1
                        words = (GROWTH[(i + len(made)) % len(GROWTH)] for i in range(count))
                        longer = _grow(context, field, " ".join(words))
                        if longer is None:
                            break
                        data = template.fill(longer, properties=props)
                        laid = body_height(data)
                        if laid is None or laid > BODY_HEIGHT + NEAR:
                            break
                        height = laid
                        if height >= BODY_HEIGHT - NEAR:
                            same = kept.setdefault(height, [])
                            same[1:] = [(count, data)]
                    for height, same in kept.items():
                        for count, data in same:
                            docx = folder / f"{len(made)}.docx"
                            docx.write_bytes(data)
                            made.append(
                                {
                                    "facts": str(path.relative_to(ROOT)),
                                    "locale": locale,
                                    "director": director.id,
                                    "fit": f"{share:g}",
                                    "grown": field,
                                    "words": count,
                                    "layout": height,
                                    "docx": str(docx),
                                }
                            )
    return made


def report_grown(rows: list[dict[str, Any]]) -> None:
    """Print where grown notes turn onto a second page, and what the margins decide."""
    one = [row for row in rows if row["pages"] == 1]
    over = [row for row in rows if row["pages"] != 1]
    notes = {(row["facts"], row["locale"], row["director"]) for row in rows}
    print(f"grown notes laid out by LibreOffice: {len(rows)} (from {len(notes)} directors' notes)")
    if one:
        print(
            f"  on one page: laid out up to {max(row['layout'] for row in one) - BODY_HEIGHT:+.2f}"
            " pt from the body's end"
        )
    if over:
        print(
            f"  over a page: laid out from {min(row['layout'] for row in over) - BODY_HEIGHT:+.2f}"
            " pt from the body's end"
        )
    lined = [row["baseline"] for row in one if row.get("baseline") is not None]
    if len(lined) > 1:
        spread("  LibreOffice's last baseline - the layout's, one-page notes", lined)
    wrong = [
        row
        for row in rows
        if (surely_one_page(row["layout"]) and row["pages"] != 1)
        or (surely_over(row["layout"]) and row["pages"] == 1)
    ]
    left = sum(
        not surely_one_page(row["layout"]) and not surely_over(row["layout"]) for row in rows
    )
    print(
        f"with margins of {ONE_PAGE_MARGIN:g} and {OVER_MARGIN:g} pt: "
        f"{len(rows) - left - len(wrong)} decided as LibreOffice laid them out, {left} left to "
        f"LibreOffice, {len(wrong)} decided otherwise"
    )
    for row in wrong:
        print(f"  decided otherwise: {row['facts']} {row['locale']} {row['director']} {row}")


def laid_out(paths: list[Path], chunk: int = 40) -> list[Path]:
    """Each document's PDF, converted by LibreOffice a few dozen at a time.

    A document LibreOffice fails on in a long run (it happens, rarely) is
    converted again on its own.
    """
    pdfs: list[Path] = []
    for start in range(0, len(paths), chunk):
        part = paths[start : start + chunk]
        for path, result in zip(part, convert_to_pdf(part, force=True), strict=True):
            if result.pdf is None:
                [result] = convert_to_pdf([path], force=True)
            if result.pdf is None:
                raise SystemExit(f"LibreOffice could not lay out {path}: {result.error}")
            pdfs.append(result.pdf)
        print(f"laid out {len(pdfs)} of {len(paths)}", file=sys.stderr)
    return pdfs


def quantile(values: list[float], share: float) -> float:
    """The value below which ``share`` of ``values`` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))]


def spread(label: str, values: list[float]) -> None:
    """Print the distribution of ``values``."""
    print(f"{label} ({len(values)} notes):")
    cuts = "  ".join(
        f"{share:.0%} {quantile(values, share):.4g}"
        for share in (0.0, 0.01, 0.05, 0.5, 0.95, 0.99, 1.0)
    )
    print(f"  {cuts}  (mean {statistics.mean(values):.4g}, sd {statistics.stdev(values):.3g})")


def report(rows: list[dict[str, Any]]) -> None:
    """Print both estimates' errors, and what the layout's margin decides."""
    one = [row for row in rows if row["pages"] == 1]
    over = [row for row in rows if row["pages"] != 1]
    notes = {(row["facts"], row["locale"], row["director"]) for row in rows}
    print(f"notes laid out by LibreOffice: {len(rows)} ({len(notes)} directors' notes, each fit")
    print(f"tried once), {len(one)} on one page and {len(over)} over; body {BODY_HEIGHT:.1f} pt")
    print()
    print("the fitting estimate (pitchkit.notes.fit.estimate_height):")
    spread("  real / estimate, one-page notes", [row["real"] / row["estimate"] for row in one])
    print(
        f"  estimates of one-page notes reach {max(row['estimate'] for row in one):.1f} pt; "
        f"of notes over a page, from {min(row['estimate'] for row in over):.1f} pt"
    )
    print()
    print("the layout (pitchkit.notes.layout.body_height):")
    laid = [row for row in one if row["layout"] is not None]
    spread(
        "  real - layout in points, one-page notes", [row["real"] - row["layout"] for row in laid]
    )
    lined = [row["baseline"] for row in one if row.get("baseline") is not None]
    spread("  LibreOffice's last baseline - the layout's, one-page notes", lined)
    print(
        f"  ({len(one) - len(lined)} one-page notes left out: LibreOffice broke their lines "
        "differently, or the lowest word is not on the last line)"
    )
    unread = sum(row["layout"] is None for row in rows)
    print(
        f"  layouts of one-page notes reach {max(row['layout'] for row in laid):.1f} pt; of "
        f"notes over a page, from {min(row['layout'] for row in over if row['layout']):.1f} pt; "
        f"{unread} notes the layout could not read"
    )
    print()
    decide(rows)


def decide(rows: list[dict[str, Any]]) -> None:
    """What the layout decides with its margin, note by note, against LibreOffice's choice."""
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for row in rows:
        if row["fit"] != "none":
            groups.setdefault((row["facts"], row["locale"], row["director"]), []).append(row)
    order = [f"{share:g}" for share in (1.0, *MEASURED_PAGES)]
    outcome = {"decided as LibreOffice would": 0, "measured": 0, "decided otherwise": 0}
    for key, tried in groups.items():
        tried.sort(key=lambda row: order.index(row["fit"]))
        preference = sorted(range(len(tried)), key=lambda i: (-tried[i]["shown"], i))
        one_page = [i for i in preference if tried[i]["pages"] == 1]
        libreoffice = one_page[0] if one_page else None
        chosen = None
        for index in preference:
            height = tried[index]["layout"]
            if height is not None and surely_over(height):
                continue
            if height is not None and surely_one_page(height):
                chosen = index
            break
        if chosen is None:
            outcome["measured"] += 1
        elif chosen == libreoffice:
            outcome["decided as LibreOffice would"] += 1
        else:
            outcome["decided otherwise"] += 1
            print(f"  decided otherwise: {key}")
    print(
        f"with margins of {ONE_PAGE_MARGIN:g} and {OVER_MARGIN:g} pt (one page at most "
        f"{BODY_HEIGHT - ONE_PAGE_MARGIN:.1f} pt, over at least "
        f"{BODY_HEIGHT + OVER_MARGIN:.1f} pt), over {len(groups)} notes:"
    )
    for what, count in outcome.items():
        print(f"  {what}: {count}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("facts", nargs="*", type=Path)
    parser.add_argument("--save", type=Path, help="write every note's figures here (JSON)")
    parser.add_argument("--load", type=Path, help="report on figures saved before")
    parser.add_argument("--grow", action="store_true", help="grow notes across the page's end")
    parser.add_argument(
        "--directors", type=int, help="with --grow: the first N directors of each file (all)"
    )
    parser.add_argument("--count", action="store_true", help="with --grow: count, lay out none")
    args = parser.parse_args()
    show = report_grown if args.grow else report
    if args.load:
        show(json.loads(args.load.read_text(encoding="utf-8")))
        return 0
    files = [path.resolve() for path in args.facts] or default_files()
    with tempfile.TemporaryDirectory(prefix="pitchkit-fit-error-") as name:
        folder = Path(name)
        rows = grown(files, folder, args.directors) if args.grow else notes(files, folder)
        if args.count:
            print(f"{len(rows)} notes", file=sys.stderr)
            return 0
        for row, pdf in zip(rows, laid_out([Path(str(row["docx"])) for row in rows]), strict=True):
            if not args.grow:
                row["real"] = round(real_height(pdf), 2)
            row["baseline"] = baseline_error(Path(str(row["docx"])).read_bytes(), pdf)
            row["pages"] = pdf_page_count(pdf.read_bytes())
            del row["docx"]
    if args.save:
        args.save.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    show(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
