"""Compare the update's page estimate (notes.update.pages) with LibreOffice's layout.

Makes the progress updates of the bundled examples (every director, English
and Welsh, the latest period and the fill-in) and of the test facts files that
log updates (the first directors of each), with measuring off, then lays each
out with LibreOffice twice: as written (its page count) and on one very tall
page (where its last line ends, so the body's full height with no page break).
The estimate's height of each part (paragraph text, table rows, bullets,
charts, headings) is written beside LibreOffice's, one row per update, to a
CSV for fitting.

    PITCHKIT_MEASURE=0 PYTHONPATH=src .venv/bin/python scripts/page_error.py out.csv
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from lxml import etree  # type: ignore[import-untyped]

from pitchkit.facts.project import open_project
from pitchkit.notes.update import make_update
from pitchkit.notes.update import pages as P
from pitchkit.output.pagecount import pdf_page_count
from pitchkit.output.pdf import convert_to_pdf

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2028, 4, 10)
#: The tall page: three A4 pages' height, in twips.
TALL = 16838 * 3
PARTS = ("para", "bullet", "heading", "row", "chart")


def _parts(
    document: bytes,
) -> tuple[dict[str, float], int, int, list[tuple[str, float, float, str]]]:
    """The estimate's height by part, its page counts (full pages, cautious) and its blocks."""
    xml = zipfile.ZipFile(io.BytesIO(document)).read("word/document.xml")
    body = etree.fromstring(xml).find(f"{P._W}body")
    labels: list[tuple[str, str, float]] = []
    for element in body:
        if element.tag == f"{P._W}p":
            name, _style = P._named_style(element)
            part = (
                "heading"
                if name and name.startswith("Heading")
                else "bullet"
                if name == "ListBullet"
                else "para"
            )
            body_height = P._paragraph(element, _style, P.TEXT_WIDTH - _style.indent)[0]
            labels.append((part, _anchor(element), body_height))
        elif element.tag == f"{P._W}tbl":
            widths = [
                float(col.get(f"{P._W}w", "0")) / 20 for col in element.iter(f"{P._W}gridCol")
            ]
            labels += [
                ("row", _anchor(row.find(f"{P._W}tc")), P._row(row, widths))
                for row in element.findall(f"{P._W}tr")
            ]
    made = P._blocks(body)
    assert len(made) == len(labels)
    heights = dict.fromkeys(PARTS, 0.0)
    blocks = []
    for (part, anchor, body_height), block in zip(labels, made, strict=True):
        if part == "para" and block.whole:
            part = "chart"
        heights[part] += block.height
        blocks.append((part, block.height - body_height, body_height, anchor))
    guess = P.estimate(document)
    assert guess is not None
    return heights, guess.pages, guess.cautious, blocks


def _anchor(element: etree._Element | None) -> str:
    """The first letters of an element's text, spaces left out, to find it in the PDF."""
    if element is None:
        return ""
    text = "".join(t.text or "" for t in element.iter(f"{P._W}t"))
    return re.sub(r"\s+", "", text)[:12]


def _lines(pdf: Path) -> list[tuple[float, str]]:
    """The tall page's lines, top to bottom: each line's top and its text, spaces left out."""
    html = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    found = []
    for top, inner in re.findall(
        r'<line xMin="[^"]+" yMin="([^"]+)"[^>]*>(.*?)</line>', html, re.S
    ):
        words = re.findall(r"<word[^>]*>([^<]*)</word>", inner)
        text = "".join(words).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
        found.append((float(top), text.replace("&#39;", "'").replace("&quot;", '"')))
    return sorted(found)


def _segments(
    blocks: list[tuple[str, float, float, str]], lines: list[tuple[float, str]]
) -> list[tuple[str, float, float]]:
    """Each anchored block to the next: its parts, the estimate's height, LibreOffice's."""
    anchors: list[tuple[int, float]] = []
    cursor = 0
    for index, (_part, _space, _height, anchor) in enumerate(blocks):
        if len(anchor) < 4:
            continue
        for at in range(cursor, len(lines)):
            if lines[at][1].startswith(anchor):
                anchors.append((index, lines[at][0]))
                cursor = at + 1
                break
    segments = []
    for (first, top), (last, bottom) in itertools.pairwise(anchors):
        parts = "+".join(sorted({blocks[i][0] for i in range(first, last)}))
        estimate = sum(blocks[i][2] for i in range(first, last)) + sum(
            blocks[i][1] for i in range(first + 1, last + 1)
        )
        segments.append((parts, estimate, bottom - top))
    return segments


def _tall(document: bytes) -> bytes:
    """The document on one page three A4 pages tall."""
    source = zipfile.ZipFile(io.BytesIO(document))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = re.sub(rb'(<w:pgSz [^>]*w:h=")\d+"', rb'\g<1>%d"' % TALL, data)
            target.writestr(item, data)
    return out.getvalue()


def _last_line(pdf: Path) -> float:
    """Where the body's last line ends on the tall page, in points from the body's top."""
    html = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    top, bottom = 850 / 20, (TALL - 794) / 20
    ends = [
        float(y)
        for y in re.findall(r'<line xMin="[^"]+" yMin="[^"]+" xMax="[^"]+" yMax="([^"]+)"', html)
    ]
    body = [y for y in ends if top + 1 < y < bottom - 1]
    return max(body) - top


def _documents() -> list[tuple[str, bytes]]:
    made: list[tuple[str, bytes]] = []
    examples = sorted((ROOT / "examples").glob("*/facts.yaml"))
    tests = sorted(
        path
        for path in (ROOT / "tests" / "data").rglob("*.yaml")
        if "documents" not in path.parts
        and (
            (path.parent / "log.csv").exists()
            or re.search(r"^(updates|log):", path.read_text(encoding="utf-8"), re.M)
        )
    )
    for facts in examples + tests:
        example = facts in examples
        for locale in ("en", "cy") if example else (None,):
            try:
                project = open_project(facts, locale=locale)
            except Exception:  # not a facts file, or one that cannot be read
                continue
            logged = project.facts.updates
            if not logged:
                continue
            directors = project.facts.directors if example else project.facts.directors[:2]
            for director in directors:
                periods = [logged[-1].period, "2030-01"] if example else [logged[-1].period]
                for period in periods:
                    try:
                        data, _info = make_update(project, director, period=period, today=TODAY)
                    except Exception as error:
                        print(f"skip {facts} {director.id}: {error}", file=sys.stderr)
                        continue
                    lang = locale or project.lang.code
                    name = f"{facts.relative_to(ROOT)}|{lang}|{director.id}|{period}"
                    made.append((name, data))
    return made


def main() -> None:
    """Write one row per update: the estimate's parts and pages, LibreOffice's."""
    out = Path(sys.argv[1])
    documents = _documents()
    print(f"{len(documents)} updates", file=sys.stderr)
    rows: list[dict[str, object]] = []
    segments: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        paths, talls = [], []
        for index, (_name, data) in enumerate(documents):
            path = folder / f"u{index}.docx"
            path.write_bytes(data)
            paths.append(path)
            tall = folder / f"t{index}.docx"
            tall.write_bytes(_tall(data))
            talls.append(tall)
        normal = convert_to_pdf(paths, out_dir=folder, timeout=1200)
        tall_pdfs = convert_to_pdf(talls, out_dir=folder, timeout=1200)
        for (name, data), result, tall in zip(documents, normal, tall_pdfs, strict=True):
            if result.pdf is None or tall.pdf is None:
                continue
            heights, pages, cautious, blocks = _parts(data)
            for parts, guess, real in _segments(blocks, _lines(tall.pdf)):
                segments.append(
                    {
                        "name": name,
                        "parts": parts,
                        "estimate": round(guess, 2),
                        "lo": round(real, 2),
                    }
                )
            rows.append(
                {
                    "name": name,
                    **{k: round(v, 2) for k, v in heights.items()},
                    "estimate": round(sum(heights.values()), 2),
                    "est_pages": pages,
                    "est_cautious": cautious,
                    "lo_pages": pdf_page_count(result.pdf.read_bytes()),
                    "lo_tall_pages": pdf_page_count(tall.pdf.read_bytes()),
                    "lo_height": round(_last_line(tall.pdf), 2),
                }
            )
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    with out.with_suffix(".segments.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(segments[0]))
        writer.writeheader()
        writer.writerows(segments)
    print(f"wrote {len(rows)} rows to {out}, {len(segments)} segments", file=sys.stderr)


if __name__ == "__main__":
    main()
