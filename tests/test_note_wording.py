"""Wording and validation a new user tripped over, each read back as they would see it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from docchecks import docx_text
from pitchkit.cli import app
from pitchkit.i18n import fmt
from pitchkit.i18n.translation import language
from pitchkit.notes.wording import is_plural, share_of_target_text

EN = language("en_GB")
CY = language("cy_GB")

SMALL_FACTS = """\
project:
  title: Agency staffing
  organisation: Example NHS Trust
  lead: {{name: Sam Lee, role: Improvement lead}}
  change: A staff bank for nights
  problem: Agency shifts are costly
impacts:
  - id: agency
    measure: Spend on agency staff
    unit: "£"
    per: year
    baseline: {baseline}
    target: {target}
    better: {better}
    themes: [finance]
directors:
  - id: dof
    name: Helen Marsh
    role: Director of Finance
settings:
  locale: {locale}
"""


def facts(tmp_path: Path, **values: object) -> Path:
    """A small facts file with the given figures."""
    fields = {"baseline": 2_500_000, "target": 1_750_000, "better": "lower", "locale": "en_GB"}
    fields.update(values)
    path = tmp_path / "facts.yaml"
    path.write_text(SMALL_FACTS.format(**fields), encoding="utf-8")
    return path


def run(*args: str | Path) -> tuple[int, str, str]:
    """Run pitchkit; return the exit code, stdout and stderr."""
    result = CliRunner().invoke(app, [str(arg) for arg in args])
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


def test_a_share_of_a_target_is_shown_honestly() -> None:
    assert share_of_target_text(0.0004, "£12m", EN) == "less than 0.1% of your £12m target"
    assert share_of_target_text(0.002, "£12m", EN) == "0.2% of your £12m target"
    assert share_of_target_text(0.0152, "£14m", EN) == "1.5% of your £14m target"
    assert share_of_target_text(0.25, "£12m", EN) == "25% of your £12m target"
    assert share_of_target_text(0.998, "£12m", EN) == "more than 99% of your £12m target"
    assert share_of_target_text(0.0004, "£12m", CY) == "llai na 0.1% o'ch targed o £12m"


def test_money_on_one_line_adds_up(tmp_path: Path) -> None:
    note = tmp_path / "note.docx"
    code, _, stderr = run("brief", facts(tmp_path), "--out", note)
    assert code == 0, stderr
    text = docx_text(note)
    assert "from £2.5m to £1.75m" in text
    assert "£750,000 less" in text
    assert fmt.money(1_250_000, EN) == "£1.25m"


def test_a_welsh_unit_cost_line_does_not_put_a_plural_after_bob(tmp_path: Path) -> None:
    example = Path(__file__).resolve().parents[1] / "examples" / "ysbyty-cymunedol" / "facts.yaml"
    # The lead confirms the link for the impact with a unit cost (since issue 14 only a
    # possible one), so the note shows its cost line.
    path = tmp_path / "facts.yaml"
    # Since reader20 #3 the example links this impact to the DoF's value-based objective; the
    # lead adds the dpcmh link to that list.
    confirmed = "    supports: [dof.value-based]\n"
    text = example.read_text(encoding="utf-8")
    assert text.count(confirmed) == 1
    path.write_text(
        text.replace(confirmed, "    supports: [dof.value-based, dpcmh.access]\n"),
        encoding="utf-8",
    )
    note = tmp_path / "nodyn.docx"
    code, _, stderr = run("brief", path, "--out", note)
    assert code == 0, stderr
    text = docx_text(note)
    # "am bob" (per) only before a singular: "£148 am bob presenoldeb" (newuser25 #9).
    assert re.search(r"£[\d,]+ am bob presenoldeb ym mhrisiau", text)  # reader26 #11
    assert not re.search(r"am bob \w+(?:au|iau|ion)\b", text)


@pytest.mark.parametrize(
    ("better", "baseline", "target"), [("lower", 10, 12), ("higher", 80, 75.5)]
)
def test_a_target_worse_than_the_baseline_is_refused_where_it_is_written(
    tmp_path: Path, better: str, baseline: float, target: float
) -> None:
    path = facts(tmp_path, baseline=baseline, target=target, better=better)
    code, _, stderr = run("check", path)
    assert code == 1
    [line] = stderr.splitlines()
    assert line.startswith(f"error: {path}:")
    assert re.search(r":\d+:\d+: impacts\[0\]: the target \(", line)
    assert f"is worse than the baseline ({baseline:g}) when {better} is better" in line


def test_an_unknown_locale_in_the_facts_file_is_located(tmp_path: Path) -> None:
    path = facts(tmp_path, locale="de_DE")
    code, _, stderr = run("brief", path, "--out", tmp_path / "note.docx")
    assert code == 1
    [line] = stderr.splitlines()
    assert re.match(rf"error: {re.escape(str(path))}:\d+:\d+: settings\.locale: ", line)
    assert "unknown locale 'de_DE'" in line
    assert "cy_GB" in line
    assert not (tmp_path / "note.docx").exists()


def test_a_welsh_locale_written_loosely_is_accepted(tmp_path: Path) -> None:
    note = tmp_path / "note.docx"
    code, _, stderr = run("brief", facts(tmp_path, locale="cy"), "--out", note)
    assert code == 0, stderr
    assert "Beth rydym yn ei ofyn" in docx_text(note)


WORKFORCE = """\
project:
  title: Staff wellbeing hub
  organisation: Bwrdd Iechyd Prifysgol Enghraifft
  problem: Sickness absence is high
  change: A wellbeing hub for staff
impacts:
  - id: sick
    measure: Sickness absence
    unit: "%"
    baseline: 6.5
    target: 5.5
    themes: [workforce]
directors:
  - id: wod
    name: Gwyn Price
    role: Director of Workforce and OD
settings:
  locale: cy_GB
"""


def test_directors_in_welsh_words_a_roles_default_objectives_in_welsh(tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(WORKFORCE, encoding="utf-8")
    code, stdout, _ = run("directors", path)
    assert code == 0
    assert "Argymhelliad" in stdout
    assert "Recommendation" not in stdout
    assert "Lleihau absenoldeb salwch" in stdout
    assert "Reduce sickness absence" not in stdout
    code, stdout, _ = run("directors", path, "--json")
    assert "Lleihau absenoldeb salwch" in stdout
    code, stdout, _ = run("directors", path, "--locale", "en_GB")
    assert "Reduce sickness absence" in stdout


def test_what_a_role_typically_gains_starts_with_a_capital(tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(WORKFORCE.replace("locale: cy_GB", "locale: en_GB"), encoding="utf-8")
    note = tmp_path / "note.docx"
    code, _, stderr = run("brief", path, "--out", note)
    assert code == 0, stderr
    lines = docx_text(note).splitlines()
    start = lines.index("What is in it for you")
    gains = lines[start + 1 : start + 4]
    assert len(gains) == 3
    assert all(line[:1].isupper() for line in gains), gains


@pytest.mark.parametrize(
    ("phrase", "plural"),
    [
        ("out-of-hours admissions", True),
        ("Out-of-hours admissions to adult acute beds", True),
        ("follow-ups in rheumatology", True),
        ("day-case rate", False),
        ("people in our care", True),
        ("cost improvement", False),
    ],
)
def test_a_hyphenated_word_does_not_end_the_phrase_before_its_head(
    phrase: str, plural: bool
) -> None:
    """The "of" inside "out-of-hours" is part of a word, not the start of what follows."""
    assert is_plural(phrase) is plural
