"""The Making Data Count icons pitchkit draws, and their words."""

from __future__ import annotations

import io

from PIL import Image

from pitchkit.i18n.translation import language
from pitchkit.notes.update import icons
from pitchkit.notes.update.spc import analyse

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
