"""scripts/label_agreement.py: the agreement arithmetic on a made-up pair of label files."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from scriptmodules import load_script

ROOT = Path(__file__).resolve().parent.parent


la = load_script("label_agreement")

FACTS = """\
project: {title: Made up}
impacts:
  - {id: a, measure: A}
  - {id: b, measure: B}
directors:
  - id: d
    objectives:
      - {id: x, text: X}
      - {id: y, text: Y}
  - id: e
    objectives:
      - {id: z, text: Z}
"""
# Six pairs. Labeller 1: a-d.x, a-d.y, b-e.z. Labeller 2: a-d.x, b-d.y.
FIRST = """\
a:
  - {link: d.x, why: one}
  - {link: d.y, why: two}
b:
  - {link: e.z, why: three}
"""
SECOND = """\
a:
  - {link: d.x, why: one}
b:
  - {link: d.y, why: four}
"""


def made_up(tmp_path: Path, second: str = SECOND) -> Path:
    folder = tmp_path / "set" / "domain"
    folder.mkdir(parents=True)
    (folder / "facts.yaml").write_text(FACTS, encoding="utf-8")
    (folder / "labels.yaml").write_text(FIRST, encoding="utf-8")
    (folder / "labels-second.yaml").write_text(second, encoding="utf-8")
    return folder


def test_two_by_two_and_kappa(tmp_path: Path) -> None:
    a = la.compare(la.load(made_up(tmp_path)))
    assert (a.pairs, a.first, a.second, a.both) == (6, 3, 2, 1)
    # Agree on a-d.x (both yes) and a-e.z, b-d.x (both no): 3 of 6.
    assert a.agreed == 3
    assert a.agreement == pytest.approx(0.5)
    chance = 0.5 * (2 / 6) + 0.5 * (4 / 6)
    assert a.kappa == pytest.approx((0.5 - chance) / (1 - chance))
    assert a.precision == pytest.approx(0.5)
    assert a.recall == pytest.approx(1 / 3)


def test_identical_labels_agree_fully(tmp_path: Path) -> None:
    a = la.compare(la.load(made_up(tmp_path, second=FIRST)))
    assert a.agreement == 1.0
    assert math.isclose(a.kappa, 1.0)
    assert a.precision == a.recall == 1.0


def test_pooling_adds_the_tables() -> None:
    total = la.Agreement(6, 3, 2, 1) + la.Agreement(4, 1, 1, 1)
    assert total == la.Agreement(10, 4, 3, 2)


def test_unknown_objective_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown objective"):
        la.load(made_up(tmp_path, second="a:\n  - {link: d.w, why: no}\nb: []\n"))


def test_main_prints_pooled_row_and_disagreements(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    made_up(tmp_path)
    assert la.main([str(tmp_path / "set"), "--disagreements"]) == 0
    out = capsys.readouterr().out
    assert "| **pooled** | 6 | 3 | 2 | 1 | 0.500 |" in out
    assert "domain\t2 only\tb -> d.y\tfour" in out
    assert "domain\t1 only\ta -> d.y\ttwo" in out
