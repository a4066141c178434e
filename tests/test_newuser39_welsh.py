"""newuser39 #9: the Welsh brief's request and money line, as a Welsh-speaking director reads them.

- "Hoffem i chi noddi'r prosiect hwn. Rydym hefyd yn gofyn i chi: cadeirio …" read as a form:
  the ask is now joined by "a", with the aspirate mutation ("a chadeirio"), "ac" before a
  vowel ("ac arwain"); an ask that does not open with a verb-noun is quoted instead.
- "(heb ei ad-dalu o'r arian parod yn unig …)" had no clear subject: now "(ni fyddai'r arian
  parod ar ei ben ei hun yn ad-dalu'r cyllid o fewn oes y prosiect, …)".
- "ac £833,000" stays: the figure is read "wyth cant …", and "wy" opens with a vowel, as in
  "mwy nag wythnos" (pitchkit's rule, i18n.fmt.welsh_figure_has_vowel).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from documenttext import document_text
from pitchkit.cli import app
from pitchkit.i18n.translation import language
from pitchkit.notes.wording import ask_sentence

DATA = Path(__file__).resolve().parent / "data" / "newuser39"


def test_the_welsh_brief_asks_as_a_welsh_speaker_would(tmp_path: Path) -> None:
    for name in ("facts.yaml", "team.xlsx", "figures.csv"):
        shutil.copy(DATA / name, tmp_path / name)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app,
        [
            "brief", str(tmp_path / "facts.yaml"), "--directors", str(tmp_path / "team.xlsx"),
            "-d", "don", "--locale", "cy_GB", "--today", "2026-12-07", "--out", str(out),
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    (written,) = out.glob("*.docx")
    text = " ".join(document_text(written.read_bytes()).split())
    assert (
        "Hoffem i chi noddi'r prosiect hwn a chadeirio bwrdd prosiect rhyddhau cynnar â chymorth "
        "ar ôl strôc bob chwarter." in text
    )
    assert "Rydym hefyd yn gofyn i chi" not in text
    assert (
        "yn erbyn cyllid o £640,000 (ni fyddai'r arian parod ar ei ben ei hun yn ad-dalu'r "
        "cyllid o fewn oes y prosiect, ar y gyfradd a gyflawnwyd hyd yma)." in text
    )
    assert "heb ei ad-dalu" not in text
    # fixnu39a (#6): the plan's cash says the log shows none of it so far.
    assert (
        "£211,000 o arian parod y flwyddyn yn y cynllun (nid yw'r cofnod cynnydd yn dangos dim "
        "ohono hyd yma) ac £833,000 o gapasiti"
    ) in text


@pytest.mark.parametrize(
    ("ask", "said"),
    [
        ("Cadeirio'r bwrdd", "Hoffem i chi noddi'r prosiect hwn a chadeirio'r bwrdd."),
        ("Trafod y cais", "Hoffem i chi noddi'r prosiect hwn a thrafod y cais."),
        ("Pennu'r gyllideb", "Hoffem i chi noddi'r prosiect hwn a phennu'r gyllideb."),
        ("Arwain y bwrdd", "Hoffem i chi noddi'r prosiect hwn ac arwain y bwrdd."),
        ("Cefnogi ein cais", "Hoffem i chi noddi'r prosiect hwn a chefnogi ein cais."),
        ("Bod yn gadeirydd", "Hoffem i chi noddi'r prosiect hwn a bod yn gadeirydd."),
        (
            "Cyllid o £40,000 gan yr elusen",
            "Hoffem i chi noddi'r prosiect hwn, a gwneud hyn:\n“Cyllid o £40,000 gan yr elusen”",
        ),
    ],
)
def test_a_welsh_ask_is_joined_by_a_with_its_mutation(ask: str, said: str) -> None:
    assert ask_sentence([ask], language("cy_GB")) == said
