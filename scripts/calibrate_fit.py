"""Compare pitchkit.notes.fit's height estimate with LibreOffice's real layout.

For each facts file and director, the brief is filled without any fitting,
converted to PDF by LibreOffice, and the body's real height is read from the
PDF (pdftotext -bbox: the lowest word above the footer, on the last page).
Prints the estimate, the real height and their ratio, so the constants in
pitchkit.notes.fit (PAGE_HEIGHT, LINE_FACTOR) can be checked after a template
change. Needs LibreOffice and poppler's pdftotext.

    python scripts/calibrate_fit.py examples/*/facts.yaml tests/data/long/*.yaml
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from pitchkit.facts.project import open_project
from pitchkit.notes.brief import builtin_template, properties
from pitchkit.notes.context import brief_context
from pitchkit.notes.fit import estimate_height
from pitchkit.output.pdf import convert_to_pdf
from pitchkit.recast.localise import localise_pitch
from pitchkit.recast.pitch import recast
from pitchkit.word.render import render

TOP = 1.5 / 2.54 * 72  # the template's top margin in points
BOTTOM = 1.4 / 2.54 * 72
PAGE = 841.9
BODY = PAGE - TOP - BOTTOM
_WORD = re.compile(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">')


def real_height(pdf: Path) -> float:
    """The body height LibreOffice used, over all pages, in points."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = html.split("<page ")[1:]
    last = pages[-1]
    lowest = max(
        (float(y_max) for y_min, y_max in _WORD.findall(last) if float(y_min) < PAGE - BOTTOM),
        default=TOP,
    )
    return (len(pages) - 1) * BODY + lowest - TOP


def main(paths: list[str]) -> int:
    today = dt.date(2026, 12, 3)
    with tempfile.TemporaryDirectory() as folder:
        made: list[tuple[str, float, Path]] = []
        for name in paths:
            project = open_project(name)
            for director in project.facts.directors:
                pitch = localise_pitch(recast(project.facts, director), project.lang)
                context = brief_context(pitch, project.lang, today=today)
                data = render(
                    builtin_template("brief"),
                    context,
                    lang=project.lang,
                    properties=properties(pitch, project.lang, "brief", today),
                )
                path = Path(folder) / f"{len(made)}.docx"
                path.write_bytes(data)
                made.append((f"{name} {director.id}", estimate_height(context), path))
        results = convert_to_pdf([path for _label, _estimate, path in made])
        ratios = []
        for (label, estimate, _path), result in zip(made, results, strict=True):
            assert result.pdf is not None, result.error
            real = real_height(result.pdf)
            ratios.append(real / estimate)
            ratio = real / estimate
            print(f"{label:60} estimate {estimate:7.1f}  real {real:7.1f}  ratio {ratio:.3f}")
    print(f"body height {BODY:.1f} pt; ratio min {min(ratios):.3f} max {max(ratios):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
