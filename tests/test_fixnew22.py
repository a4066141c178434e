"""newuser21's wound-care project (ledger money in £k): figures that add up, Welsh, file names.

tests/data/newuser21 is that trial's facts file and monthly log. Each test runs the
command and reads back what a user sees, in English and Welsh.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from docchecks import docx_text
from pitchkit.i18n import fmt
from pitchkit.i18n.translation import language

DATA = Path(__file__).resolve().parent / "data" / "newuser21"
FACTS = str(DATA / "a.yaml")


def _preview(cli: Callable[..., Result], *args: str) -> str:
    result = cli("preview", FACTS, "-d", "dof", *args)
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())


def test_a_money_line_adds_up_as_shown(cli: Callable[..., Result]) -> None:
    # 412.5 £k is £412,500: not £413,000 beside a gain of £82,500.
    text = _preview(cli)
    assert "from £412,500 to £330,000 a month: £82,500 less a month" in text
    assert "412.5 is £412,500" in text
    welsh = _preview(cli, "--locale", "cy_GB")
    assert "o £412,500 i £330,000 y mis: £82,500 yn llai y mis" in welsh
    assert "£413,000" not in text + welsh


def test_the_update_table_rounds_a_rows_money_together(cli: Callable[..., Result]) -> None:
    for lang in ("en_GB", "cy_GB"):
        text = _preview(cli, "--kind", "update", "--period", "2026-11", "--locale", lang)
        assert "£412,500" in text
        assert "£336,200" in text
        assert "£413,000" not in text


def test_figures_rounded_together_add_up() -> None:
    en = language("en_GB")
    assert fmt.money_together([412_500, 330_000, 82_500], en, adding_up=True) == [
        "£412,500", "£330,000", "£82,500",
    ]  # fmt: skip
    # Computed figures keep their band, made finer only until they add up.
    shown = fmt.money_together([96_612.34, 50_000, 46_612.34], en, adding_up=True)
    assert shown == ["£96,600", "£50,000", "£46,600"]
    assert fmt.money_together([2_500_000, 1_750_000, 750_000], en, adding_up=True) == [
        "£2.5m", "£1.75m", "£750,000",
    ]  # fmt: skip
    for baseline, target in ((1_590.5, 1_000), (123_456, 98_765), (41_830.6, 30_000)):
        first, second, gap = (
            int(text.strip("£").replace(",", "").split(".")[0])
            for text in fmt.money_together(
                [baseline, target, baseline - target], en, adding_up=True
            )
        )
        assert first - second == gap


def test_welsh_and_before_twelve_and_the_capacity_caveat(cli: Callable[..., Result]) -> None:
    welsh = _preview(cli, "--locale", "cy_GB")
    assert "1,200 ymweliad yn llai y mis a 12 derbyniad yn llai y mis" in welsh
    assert "ac 12" not in welsh
    # Two conditions, each a clause of its own (newuser31).
    assert (
        "dim ond yn troi'n arian pan na thelir mwyach am y sifftiau banc neu'r swyddi sy'n "
        "gwneud yr ymweliadau hynny a phan fydd gwelyau neu gapasiti uwchgyfeirio'n cau."
    ) in welsh
    assert "yn arian dim ond" not in welsh


def test_a_bilingual_file_name_reads_in_both_languages(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    result = cli("brief", FACTS, "-d", "dof", "--bilingual", "-o", str(tmp_path) + "/")
    assert result.exit_code == 0, result.output
    (made,) = tmp_path.glob("*.docx")
    assert made.name == (
        "Clinigau clwyfau cymunedol a fformiwlari gofal clwyfau ar draws y bwrdd - nodyn "
        "briffio - Community wound clinics and a board-wide wound care formulary - brief - "
        "Rhodri Pugh.docx"
    )
    assert "£412,500" in " ".join(docx_text(made).split())
