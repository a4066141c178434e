"""Render the page images for docs/getting-started.md from the bundled example.

Writes the frailty virtual ward's briefing note (for the Director of
Finance) and its latest progress update (for the Chief Operating Officer)
as .docx, turns them into PDF with LibreOffice, and each page into a small
PNG with pdftoppm (then a 32-colour palette with Pillow), under docs/images/.
For docs/spc.md it also writes the charts page of the latest update for the
Director of Finance, a little larger, as update-spc.png.
The date printed on the documents is fixed, so running it again gives the
same pictures.

Usage: .venv/bin/python scripts/make_doc_images.py [--resolution 60]
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

from pitchkit.facts.project import open_project, pick_director
from pitchkit.notes.brief import make_brief_note
from pitchkit.notes.update import make_update
from pitchkit.output.pdf import convert_to_pdf

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "examples" / "frailty-virtual-ward" / "facts.yaml"
IMAGES = ROOT / "docs" / "images"
TODAY = dt.date(2026, 11, 26)
UPDATE_DAY = dt.date(2028, 4, 6)


def documents(folder: Path) -> dict[str, Path]:
    """Write the example brief and update into ``folder``; return them by image name."""
    project = open_project(FACTS)
    director = pick_director(project.facts, "dof")
    note = make_brief_note(project, director, today=TODAY, measure=True)  # as brief does
    brief = folder / "brief.docx"
    brief.write_bytes(note.data)
    data, _info = make_update(project, pick_director(project.facts, "coo"), today=UPDATE_DAY)
    update = folder / "update.docx"
    update.write_bytes(data)
    data, _info = make_update(project, pick_director(project.facts, "dof"), today=UPDATE_DAY)
    charts = folder / "charts.docx"
    charts.write_bytes(data)
    return {"brief-dof": brief, "update-coo": update, "update-spc": charts}


def shrink(page: Path, target: Path) -> None:
    """Save ``page`` as ``target`` with a 32-colour palette: a fraction of the size, still crisp."""
    with Image.open(page) as image:
        small = image.convert("RGB").quantize(colors=32, method=Image.Quantize.MEDIANCUT)
        small.save(target, optimize=True)


#: Images of one page only, larger: the page to show and its resolution.
SINGLE_PAGES = {"update-spc": (2, 90)}


def page_images(pdf: Path, name: str, resolution: int) -> list[Path]:
    """Each page of ``pdf`` as ``docs/images/NAME-N.png`` (a single page as ``NAME.png``)."""
    with tempfile.TemporaryDirectory() as scratch:
        prefix = Path(scratch) / name
        pages_wanted: list[str] = []
        if name in SINGLE_PAGES:
            page, resolution = SINGLE_PAGES[name]
            pages_wanted = ["-f", str(page), "-l", str(page)]
        subprocess.run(
            ["pdftoppm", "-png", "-r", str(resolution), *pages_wanted, str(pdf), str(prefix)],
            check=True,
            timeout=120,
        )
        pages = sorted(Path(scratch).glob(f"{name}-*.png"))
        written = []
        for number, page in enumerate(pages, start=1):
            target = IMAGES / (f"{name}.png" if len(pages) == 1 else f"{name}-{number}.png")
            shrink(page, target)
            written.append(target)
    return written


def main(argv: list[str]) -> int:
    """Make every image; print the paths and sizes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resolution", type=int, default=60, help="pixels per inch (50-70)")
    resolution = parser.parse_args(argv).resolution
    if shutil.which("pdftoppm") is None:
        print("pdftoppm is missing: install poppler-utils", file=sys.stderr)
        return 1
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        made = documents(Path(folder))
        results = convert_to_pdf(list(made.values()))
        for (name, _docx), result in zip(made.items(), results, strict=True):
            if result.pdf is None:
                print(f"{name}: no PDF: {result.error}", file=sys.stderr)
                return 1
            for image in page_images(result.pdf, name, resolution):
                print(f"{image.relative_to(ROOT)}  {image.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
