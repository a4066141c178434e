"""The Making Data Count icons pitchkit draws, and their words."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from pitchkit.i18n.translation import language
from pitchkit.notes.update import icons
from pitchkit.notes.update.icondrawing import IconKey, draw_icons, every_icon
from pitchkit.notes.update.spc import analyse

ROOT = Path(__file__).resolve().parent.parent

PNG = b"\x89PNG\r\n\x1a\n"


def size(data: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(data)) as image:
        return image.size


def test_each_variation_and_assurance_has_its_own_picture() -> None:
    drawn = {
        (variation, assurance): icons.icons(variation, assurance, high=False, size_cm=0.6)
        for variation in ("common", "improvement", "concern", "special")
        for assurance in ("pass", "fail", "hit_and_miss", None)
    }
    assert all(data.startswith(PNG) for data in drawn.values())
    assert len(set(drawn.values())) == len(drawn)
    # Two icons side by side are twice as wide as one.
    one = size(drawn[("common", None)])
    two = size(drawn[("common", "pass")])
    assert two[0] == 2 * one[0]
    assert two[1] == one[1]
    high = icons.icons("improvement", None, high=True, size_cm=0.6)
    assert high != drawn[("improvement", None)]


def test_the_icons_are_described_in_words() -> None:
    lang = language("en_GB")
    shift = analyse([6, 8, 6, 8, 6, 8, 6, 4, 5, 4, 5, 4, 5, 4], better="lower", target=12)
    picture = icons.icon_picture(shift, lang)
    assert not isinstance(picture, str)
    assert picture.description == (
        "Latest point: special cause variation: improvement. "
        "Assurance: the target will be met consistently."
    )
    assert picture.width_cm == 2 * icons.ICON_CM
    neither = analyse([6, 8, 6, 8, 6, 8, 6, 4, 5, 4, 5, 4, 5, 4], better=None)
    assert icons.icons_words(neither, lang) == "Latest point: special cause variation."
    few = analyse([1, 2, 3], better="lower")
    assert icons.icon_picture(few, lang) == ""
    assert icons.icons_words(few, lang) == ""
    welsh = icons.icons_words(shift, language("cy_GB"))
    assert welsh.startswith("Y pwynt diweddaraf: amrywiad achos arbennig: gwelliant.")


def test_the_shipped_icons_are_what_the_drawing_code_draws() -> None:
    # matplotlib's PNGs are byte-stable (no time stamp, no software name), so a
    # shipped file that differs is stale: `make icons` draws them again. matplotlib
    # is a build tool (the dev extra), not something pitchkit needs to run.
    pytest.importorskip("matplotlib")
    keys = list(every_icon())
    shipped = {path.name for path in icons.FOLDER.glob("*.png")}
    assert shipped == {key.file_name for key in keys}
    for key in keys:
        assert (icons.FOLDER / key.file_name).read_bytes() == draw_icons(key), key.file_name


def test_every_icon_an_update_can_ask_for_is_shipped() -> None:
    for variation in ("common", "improvement", "concern", "special"):
        for assurance in ("pass", "fail", "hit_and_miss", None):
            for high in (False, True):
                for size_cm in (icons.ICON_CM, icons.TABLE_ICON_CM):
                    data = icons.icons(variation, assurance, high=high, size_cm=size_cm)
                    key = IconKey(variation, assurance, high and variation != "common", size_cm)
                    assert data == (icons.FOLDER / key.file_name).read_bytes()
    # Common cause looks the same whichever side the latest point is on.
    assert icons.icons("common", None, high=True, size_cm=0.6) == icons.icons(
        "common", None, high=False, size_cm=0.6
    )
    # A size no update uses is scaled from the shipped picture.
    odd = icons.icons("concern", "fail", high=False, size_cm=1.0)
    shipped = icons.icons("concern", "fail", high=False, size_cm=0.6)
    assert size(odd) == (round(size(shipped)[0] * 1.0 / 0.6), round(size(shipped)[1] * 1.0 / 0.6))


#: Writes an update for ``sys.argv[1]`` (a period) and says how many pictures it holds,
#: whether matplotlib was loaded, and how many processes it started.
UPDATE_AND_SAY = """
import os, sys, zipfile
from pitchkit.__main__ import main
started = []
fork = os.fork
os.fork = lambda: started.append(1) or fork()
facts = "examples/frailty-virtual-ward/facts.yaml"
period, out = sys.argv[1:3]
sys.argv = ["pitchkit", "update", facts, "-d", "dof", "-p", period, "-o", out, "-f", "-q"]
try:
    main()
except SystemExit as stop:
    assert not stop.code, stop.code
pictures = [n for n in zipfile.ZipFile(out).namelist() if n.startswith("word/media/")]
print(len(pictures), "matplotlib" in sys.modules, len(started))
"""


def update_loads(period: str, out: Path) -> tuple[int, bool, int]:
    """An update's pictures; whether it loaded matplotlib; how many processes it forked."""
    result = subprocess.run(
        [sys.executable, "-c", UPDATE_AND_SAY, period, str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PITCHKIT_MEASURE": "0"},
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    count, loaded, forked = result.stdout.split()
    return int(count), loaded == "True", int(forked)


def test_an_update_never_loads_matplotlib(tmp_path: Path) -> None:
    # At 2027-03 the example's measures have three points each: no chart and no icon.
    assert update_loads("2027-03", tmp_path / "early.docx") == (0, False, 0)
    # At 2028-03 three charts (drawn with Pillow, here) and their icons (shipped pictures).
    count, loaded, forked = update_loads("2028-03", tmp_path / "charts.docx")
    assert count > 3
    assert (loaded, forked) == (False, 0)
