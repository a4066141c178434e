"""Write the advance widths pitchkit.notes.layout lays the built-in brief out with.

The built-in templates set every paragraph in Arial. LibreOffice lays Arial
out with Liberation Sans where Arial is not installed; the two fonts have
the same advance widths and line heights by design, so one table serves
both. This reads them from Liberation Sans (regular and bold) with
fontTools and writes ``src/pitchkit/notes/arialwidths.json``: for each
style, each block of characters as a list of widths in the font's units
(0 where the font has no glyph), and the font's units per em and line
height (ascender, descender and line gap).

    python scripts/font_widths.py [FONT_FOLDER]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "pitchkit" / "notes" / "arialwidths.json"
FOLDER = Path("/usr/share/fonts/truetype/liberation2")
FILES = {"regular": "LiberationSans-Regular.ttf", "bold": "LiberationSans-Bold.ttf"}
#: Blocks of characters kept: Latin (with Welsh ŵ and ŷ), Welsh ẁ ẃ ẅ and ỳ (and their
#: capitals) from Latin Extended Additional, punctuation, currency, symbols.
BLOCKS = (
    (0x20, 0x250),
    (0x1E80, 0x1E86),
    (0x1EF2, 0x1EF4),
    (0x2000, 0x2070),
    (0x20A0, 0x20D0),
    (0x2100, 0x2200),
)


def main(folder: Path) -> int:
    table: dict[str, object] = {}
    for style, name in FILES.items():
        font = TTFont(folder / name)
        cmap = font.getBestCmap()
        metrics = font["hmtx"]
        hhea = font["hhea"]
        table["units_per_em"] = font["head"].unitsPerEm
        table["line_height"] = hhea.ascent - hhea.descent + hhea.lineGap
        table[style] = {
            str(start): [
                metrics[cmap[code]][0] if code in cmap else 0 for code in range(start, end)
            ]
            for start, end in BLOCKS
        }
    OUT.write_text(json.dumps(table, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else FOLDER))
