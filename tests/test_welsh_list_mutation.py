"""A lead's Welsh words after "a" (and) in a list take the aspirate mutation (welsh26).

The bundled Welsh example's June 2027 update listed its measures without a
chart as "… â phractisau Dyffryn a ceisiadau brys …": "a" takes the
aspirate mutation (c → ch, p → ph, t → th), for a word of the lead's as for
pitchkit's own. A word pitchkit does not know as Welsh is left as written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from docchecks import docx_text
from pitchkit.api import UpdateRequest, write_update
from pitchkit.i18n.fmt import join_list
from pitchkit.i18n.translation import language

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ysbyty-cymunedol" / "facts.yaml"
WELSH = language("cy_GB")


@pytest.mark.parametrize(
    ("items", "joined"),
    [
        (["apwyntiadau", "ceisiadau brys"], "apwyntiadau a cheisiadau brys"),
        (
            ["derbyniadau", "presenoldebau", "triniaethau"],
            "derbyniadau, presenoldebau a thriniaethau",
        ),
        (["apwyntiadau", "Prosiectau"], "apwyntiadau a Phrosiectau"),
        (["apwyntiadau", "cynnydd"], "apwyntiadau a chynnydd"),  # pitchkit's own word, as before
    ],
)
def test_a_known_welsh_word_after_and_is_mutated(items: list[str], joined: str) -> None:
    assert join_list(items, WELSH) == joined


@pytest.mark.parametrize("word", ["pitchkit", "cancer", "CT scans", "chemotherapy", "PROMs"])
def test_a_word_not_known_as_welsh_is_left_as_written(word: str) -> None:
    assert join_list(["apwyntiadau", word], WELSH) == f"apwyntiadau a {word}"


def test_the_welsh_example_s_update_mutates_the_lead_s_measure(tmp_path: Path) -> None:
    [path] = write_update(UpdateRequest(EXAMPLE, "dpcmh", tmp_path, period="2027-06")).written
    text = docx_text(path)
    assert "â phractisau Dyffryn a cheisiadau brys yr un diwrnod" in text
    assert " a ceisiadau" not in text
