"""reader20's notes read by the directors they are for (fixread20b).

#3: a director the project plainly touches is not told it "does not yet link to
your objectives": the examples confirm the links their directors would accept and
give each director asks and advice meant for them (``for:``), and a note with only
an unconfirmed map link names that objective for the director to confirm. #5: the
Welsh example's notes read in Welsh. #6: a run chart has no limits, so a measure
whose chart names an improvement trend is not "within normal variation" in the
table beside it: it is *holding at the improved level*. #7: "Siartiau rhediad",
with no soft mutation after a plural noun. The commands are run as a user runs
them and their text read back.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from documenttext import document_text


def _text(path: Path) -> str:
    [docx] = sorted(path.glob("*.docx")) if path.is_dir() else [path]
    return document_text(docx.read_bytes())


def _row(text: str, measure: str) -> list[str]:
    [row] = [line for line in text.splitlines() if line.startswith(measure) and " | " in line]
    return row.split(" | ")


def test_welsh_update_direction_agrees_with_the_run_charts(
    tmp_path: Path, cli: Callable[..., Any], example: Callable[[str], Path]
) -> None:
    facts = example("ysbyty-cymunedol")
    out = tmp_path / "cy"
    result = cli("update", str(facts), "-d", "dpcmh", "--out", str(out) + "/", "-q")
    assert result.exit_code == 0, result.stderr
    text = _text(out)
    # The charts below read "tuedd o 7 mis yn gostwng (gwelliant)" and "8 mis yn codi".
    assert "tuedd o 7 mis yn gostwng (gwelliant)" in text
    for start in ("Presenoldebau yn yr adran achosion brys", "Ceisiadau brys yr un diwrnod"):
        cells = _row(text, start)
        assert cells[-1] == "yn aros ar y lefel well", cells
    assert "o fewn amrywiad arferol, ar y lefel well" not in text
    assert "Siartiau rhediad (unwaith y cofnodir 8 ffigur)" in text
    assert "Siartiau rediad" not in text


def test_english_update_direction_agrees_with_the_run_charts(
    tmp_path: Path, cli: Callable[..., Any], example: Callable[[str], Path]
) -> None:
    facts = example("ysbyty-cymunedol")
    out = tmp_path / "en"
    result = cli(
        "update", str(facts), "-d", "dpcmh", "--locale", "en_GB", "--out", str(out) + "/", "-q"
    )
    assert result.exit_code == 0, result.stderr
    text = _text(out)
    assert "a trend of 7 months falling (improvement)" in text
    for start in ("Emergency department attendances", "Urgent same-day requests"):
        assert _row(text, start)[-1] == "holding at the improved level"
    assert "within normal variation, at the improved level" not in text


DEMO_NOTES = ("Helen Marsh", "Tom Okafor", "Ruth Adeyemi", "Dr James Whitfield")


def test_every_demo_note_links_to_its_director_with_asks_meant_for_them(
    tmp_path: Path, cli: Callable[..., Any]
) -> None:
    out = tmp_path / "demo"
    result = cli("demo", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    texts = {
        name: document_text(next(out.glob(f"* - {name}.docx")).read_bytes()) for name in DEMO_NOTES
    }
    for name, text in texts.items():
        assert "does not yet link to your objectives" not in text, name
    nurse = texts["Ruth Adeyemi"]
    assert "will help you increase harm-free care on the medical wards" in nurse
    assert "deconditioning caused by a hospital stay is itself a hospital-acquired harm" in nurse
    assert "Name a senior nurse to join the virtual ward's weekly review" in nurse
    # The finance director's asks and advice stay in the finance director's note.
    for name in ("Tom Okafor", "Ruth Adeyemi", "Dr James Whitfield"):
        assert "cost improvement programme should the released" not in texts[name], name
        assert "counted in the 2027/28 cost improvement programme" not in texts[name], name
    assert "counted in the 2027/28 cost improvement programme" in texts["Helen Marsh"]
    assert "acute medicine rota" in texts["Dr James Whitfield"]
    assert "escalation beds close first" in texts["Tom Okafor"]


def test_a_note_with_only_a_map_link_to_confirm_names_the_objective(
    tmp_path: Path, cli: Callable[..., Any], example: Callable[[str], Path]
) -> None:
    # Without the Chief Nurse's confirmed link, the measure map still takes bed days to
    # harm-free care (through deconditioning) as a possible link: the note names that
    # objective for her to confirm, and claims no figure for it.
    facts = tmp_path / "facts.yaml"
    text = example("frailty-virtual-ward").read_text(encoding="utf-8")
    text = text.replace("supports: [coo.occupancy, don.harm-free]", "supports: [coo.occupancy]")
    facts.write_text(text, encoding="utf-8")
    english = cli("preview", str(facts), "-d", "don").stdout
    assert (
        "The frailty virtual ward may help with this objective of yours, a link we ask you "
        "to confirm:\n“Increase harm-free care on the medical wards”"
    ) in english
    assert "does not yet link" not in english
    assert "1,600 fewer a year" not in english
    welsh = cli("preview", str(facts), "-d", "don", "--locale", "cy_GB").stdout
    assert (
        "Gallai'r prosiect “Frailty virtual ward” gyfrannu at yr amcan hwn sydd gennych, "
        "cysylltiad y gofynnwn i chi ei gadarnhau:"
    ) in welsh
    check = cli("check", str(facts), "--director", "don").stdout
    assert "until then the note claims no link to their objectives" in " ".join(check.split())


def test_the_welsh_example_reads_in_welsh(
    tmp_path: Path, cli: Callable[..., Any], example: Callable[[str], Path]
) -> None:
    facts = example("ysbyty-cymunedol")
    for director in ("dpcmh", "dof", "don"):
        out = tmp_path / f"{director}.docx"
        result = cli("brief", str(facts), "-d", director, "--out", str(out), "--strict")
        assert result.exit_code == 0, result.stderr
        assert "Saesneg" not in result.stderr
        text = document_text(out.read_bytes())
        assert "does not yet link" not in text
        assert "cysylltu â'ch amcanion eto" not in text
        for english in ("Be our executive sponsor", "The five practices", "A same-day care hub"):
            assert english not in text, (director, english)
        assert "Hoffem i chi fod yn noddwr gweithredol i ni" in text
        assert "Ni all y pum practis yng nghlwstwr Dyffryn" in text
    update = tmp_path / "update.docx"
    result = cli("update", str(facts), "-d", "dpcmh", "--out", str(update), "--strict")
    assert result.exit_code == 0, result.stderr
    text = document_text(update.read_bytes())
    assert "Ceisiadau brys yr un diwrnod i bractisau'r clwstwr" in text
    assert "Gwelwyd 383 o bobl yn yr hyb" in text
    # English as it was, for an English note.
    english = tmp_path / "en.docx"
    result = cli("brief", str(facts), "-d", "dpcmh", "--locale", "en_GB", "--out", str(english))
    assert result.exit_code == 0, result.stderr
    text = document_text(english.read_bytes())
    assert "executive sponsor and support the Regional Integration Fund bid by 9 December" in text
    assert "The five practices in the Dyffryn cluster cannot meet demand" in text
