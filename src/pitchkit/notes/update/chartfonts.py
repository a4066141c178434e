"""The typeface the charts are lettered in: found on this computer, never missing.

Charts are lettered in Liberation Sans or Arial (the same widths as the
update's own text) when the computer has one, else in DejaVu Sans, else in
the sans serif Pillow carries inside itself (``ImageFont.load_default``,
Pillow 10.1 or later), which needs no file. Fonts are looked for in the
usual folders of Debian and Ubuntu, Fedora, Windows and macOS, by file name,
without asking the operating system; nothing is shipped with pitchkit.

A font is only taken if it has the Welsh letters (ŵ, ŷ and the other
circumflexed vowels). Pillow's own font has none of them: text drawn in it
loses the accent of a letter it lacks (``w`` for ``ŵ``) rather than showing
an empty box.
"""

from __future__ import annotations

import functools
import math
import os
import sys
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL.ImageFont import FreeTypeFont

#: Font file names in order of preference, regular and bold: metric twins of Arial first.
REGULAR = (
    "LiberationSans-Regular.ttf",
    "Arial.ttf",
    "arial.ttf",
    "Arimo-Regular.ttf",
    "DejaVuSans.ttf",
)
BOLD = (
    "LiberationSans-Bold.ttf",
    "Arial Bold.ttf",
    "arialbd.ttf",
    "Arimo-Bold.ttf",
    "DejaVuSans-Bold.ttf",
)
#: Letters a chart's words may hold in Welsh, beyond plain ASCII.
WELSH = "âêîôûŵŷÂÊÎÔÛŴŶäëïöüÿáéíóúàèìòù"
#: A character no font draws: what a missing glyph looks like in a font.
_NOWHERE = "\U0010fffd"


def font_folders() -> list[Path]:
    """Where this computer keeps fonts, most likely first (folders that do not exist are fine)."""
    home = Path.home()
    if sys.platform == "win32":
        windows = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        return [windows / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [
            Path("/System/Library/Fonts/Supplemental"),
            Path("/Library/Fonts"),
            home / "Library" / "Fonts",
            Path("/System/Library/Fonts"),
        ]
    data = os.environ.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share"
    roots = [home / ".local" / "share" / "fonts", home / ".fonts"]
    roots += [Path(folder) / "fonts" for folder in data.split(os.pathsep) if folder]
    # The folders Debian, Ubuntu and Fedora packages install these fonts into, then the rest.
    known = [
        "truetype/liberation2",
        "truetype/liberation",
        "liberation-sans",
        "liberation-sans-fonts",
        "truetype/msttcorefonts",
        "truetype/croscore",
        "truetype/dejavu",
        "dejavu-sans-fonts",
        "dejavu",
        "TTF",
    ]
    return [root / sub for root in roots for sub in known] + roots


@functools.lru_cache(maxsize=1)
def find_font_files() -> dict[str, Path]:
    """Each wanted font file name, lower-cased, with the first place it is found."""
    wanted = {name.lower() for name in (*REGULAR, *BOLD)}
    found: dict[str, Path] = {}
    for folder in font_folders():
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            key = name.lower()
            if key in wanted and key not in found:
                found[key] = folder / name
    if not any(name.lower() in found for name in REGULAR):
        # None in the usual places: look through every font folder's subfolders, once.
        walked: set[str] = set()
        for root in font_folders():
            for place, _, files in os.walk(root):
                if place in walked:
                    continue
                walked.add(place)
                for name in files:
                    key = name.lower()
                    if key in wanted and key not in found:
                        found[key] = Path(place) / name
    return found


def has_glyphs(font: FreeTypeFont, text: str) -> bool:
    """Whether ``font`` draws every letter of ``text`` (rather than its missing-glyph box)."""
    return all(_has_glyph(font, c) for c in set(text) if not c.isspace())


@functools.lru_cache(maxsize=1024)
def _has_glyph(font: FreeTypeFont, letter: str) -> bool:
    return _glyph(font, letter) != _glyph(font, _NOWHERE)


@functools.lru_cache(maxsize=1024)
def _glyph(font: FreeTypeFont, letter: str) -> bytes:
    from PIL import Image, ImageDraw

    left, top, right, bottom = (math.ceil(edge) for edge in font.getbbox(letter))
    picture = Image.new("L", (max(right - left, 1), max(bottom - top, 1)))
    ImageDraw.Draw(picture).text((-left, -top), letter, font=font, fill=255)
    return repr(picture.size).encode() + picture.tobytes()


@functools.lru_cache(maxsize=8)
def chart_font(size_px: int, *, bold: bool = False) -> FreeTypeFont:
    """The chart typeface at ``size_px`` pixels: the first preferred font with Welsh letters.

    Never fails: without a usable font file it is Pillow's own (see :func:`drawable`).
    """
    from PIL import ImageFont

    files = find_font_files()
    for name in BOLD if bold else REGULAR:
        path = files.get(name.lower())
        if path is None:
            continue
        try:
            font = ImageFont.truetype(str(path), size_px, layout_engine=ImageFont.Layout.BASIC)
        except OSError:
            continue
        if has_glyphs(font, WELSH):
            return font
    if bold:
        return chart_font(size_px)
    fallback = ImageFont.load_default(size=size_px)
    if isinstance(fallback, ImageFont.FreeTypeFont):
        return fallback
    raise RuntimeError("Pillow 10.1 or later is needed to letter the charts")  # pragma: no cover


def drawable(font: FreeTypeFont, text: str) -> str:
    """``text`` with each letter ``font`` lacks replaced by its unaccented letter, if it has it."""
    if has_glyphs(font, text):
        return text
    letters = []
    for letter in text:
        if not letter.isspace() and not _has_glyph(font, letter):
            base = unicodedata.normalize("NFD", letter)[0]
            letter = base if _has_glyph(font, base) else letter
        letters.append(letter)
    return "".join(letters)
