"""A target moved more than once: ``target_was`` takes a list of earlier targets.

newuser26's admissions target went 80 → 75 with one ``target_was``. A lead
whose target moved twice in a year (80 → 78 → 75) could not say so. Each
period is now read against the target in force in it, and ``check`` warns
about an ``until`` the log cannot use or a list out of order.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from documenttext import document_text
from fixedday import pin_today

Cli = Callable[..., Result]

PROJECT = Path(__file__).parent / "data" / "fixnew26"
TODAY = dt.date(2026, 12, 6)
ADMISSIONS_TARGET = "    baseline: 95\n    target: 75\n"
ULCERS_TARGET = "    baseline: 38\n    target: 30\n"
TWICE = (
    ADMISSIONS_TARGET + "    target_was:\n"
    "      - {value: 80, until: 2026-06}\n"
    "      - {value: 78, until: 2026-10}\n"
)


@pytest.fixture(autouse=True)
def _fixed_day(monkeypatch: pytest.MonkeyPatch) -> None:
    pin_today(monkeypatch, TODAY)


def project(folder: Path, old: str = ADMISSIONS_TARGET, new: str = TWICE) -> Path:
    """newuser26's project in ``folder``, with ``old`` in its facts replaced by ``new``."""
    for name in ("facts.yaml", "log.xlsx", "team.xlsx"):
        shutil.copy(PROJECT / name, folder / name)
    facts = folder / "facts.yaml"
    text = facts.read_text(encoding="utf-8")
    assert text.count(old) == 1
    facts.write_text(text.replace(old, new), encoding="utf-8")
    return facts


def words(path: Path) -> str:
    return " ".join(document_text(path.read_bytes()).split())


def write(cli: Cli, facts: Path, command: str, director: str, *extra: str) -> str:
    out = facts.parent / f"{command}-{director}-{'-'.join(extra) or 'en'}.docx"
    result = cli(
        command, str(facts), "-d", director, "--directors", str(facts.parent / "team.xlsx"),
        "-o", str(out), "--force", *extra,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return words(out)


def test_each_update_is_read_against_the_target_in_force(cli: Cli, tmp_path: Path) -> None:
    facts = project(tmp_path)
    june = write(cli, facts, "update", "coo", "--period", "2026-06")
    assert "| 95 admissions a month | 80 admissions a month | 95 admissions" in june, june
    assert "(was" not in june
    september = write(cli, facts, "update", "coo", "--period", "2026-09")
    assert "| 78 admissions a month from July 2026 (was 80) |" in september, september
    november = write(cli, facts, "update", "coo", "--period", "2026-11")
    assert "| 75 admissions a month from November 2026 (was 78) |" in november, november
    assert "the target changed from 78 to 75 admissions a month from November 2026" in november
    # The share of the way is against November's target: (95 - 83) / (95 - 75).
    assert "60% of the way to target" in november


def test_the_first_month_of_the_middle_target(cli: Cli, tmp_path: Path) -> None:
    # July has no "Since the last update" (June was before the project's change), but its
    # table names the change into July's target.
    facts = project(tmp_path)
    july = write(cli, facts, "update", "coo", "--period", "2026-07")
    assert "| 78 admissions a month from July 2026 (was 80) | 92 admissions" in july, july


def test_welsh_names_the_change_into_the_period(cli: Cli, tmp_path: Path) -> None:
    facts = project(tmp_path)
    november = write(cli, facts, "update", "coo", "--period", "2026-11", "--locale", "cy_GB")
    assert "75 derbyniad y mis ers Tachwedd 2026 (78 cyn hynny)" in november, november
    september = write(cli, facts, "update", "coo", "--period", "2026-09", "--locale", "cy_GB")
    assert "78 derbyniad y mis ers Gorffennaf 2026 (80 cyn hynny)" in september, september


def test_the_brief_and_the_money_name_the_last_change(cli: Cli, tmp_path: Path) -> None:
    facts = project(tmp_path)
    brief = write(cli, facts, "brief", "coo")
    assert "from 95 to 75 admissions a month (target from November 2026; was 78)" in brief
    money = write(cli, facts, "brief", "dof")
    assert "target from November 2026, was 78)" in money, money


def test_met_since_is_judged_against_each_months_target(cli: Cli, tmp_path: Path) -> None:
    # Pressure ulcers: 31 in September (target 32 then), 29 in October and 30 in November
    # (target 30). Against today's target alone it was met only from October.
    plain = write(cli, project(tmp_path, ULCERS_TARGET, ULCERS_TARGET), "update", "don")
    assert "| 30 pressure ulcers (November 2026) | met since October 2026;" in plain, plain
    moved = ULCERS_TARGET + (
        "    target_was: [{value: 34, until: 2026-07}, {value: 32, until: 2026-09}]\n"
    )
    text = write(cli, project(tmp_path, ULCERS_TARGET, moved), "update", "don")
    assert "| 30 pressure ulcers a month from October 2026 (was 32) |" in text, text
    assert "| 30 pressure ulcers (November 2026) | met since September 2026;" in text


BAD = (
    ADMISSIONS_TARGET + "    target_was:\n"
    "      - {value: 78, until: 2026-10}\n"  # line 75
    "      - {value: 80, until: 2026-06}\n"  # out of order
    "      - {value: 79, until: 2026-06}\n"  # June twice
    "      - {value: 85, until: 2025-06}\n"  # before the log (January 2026)
    "      - {value: 76, until: 2027-02}\n"  # after it (November 2026)
)


def check(cli: Cli, facts: Path, *extra: str) -> Result:
    return cli("check", str(facts), "--directors", str(facts.parent / "team.xlsx"), *extra)


def test_check_warns_where_an_until_is_out_of_place(cli: Cli, tmp_path: Path) -> None:
    facts = project(tmp_path, new=BAD)
    result = check(cli, facts, "--json")
    assert result.exit_code == 0, result.output
    found = [f for f in json.loads(result.stdout)["findings"] if f["rule"].startswith("target-")]
    lines = facts.read_text(encoding="utf-8").splitlines()
    first = lines.index("      - {value: 78, until: 2026-10}") + 1
    at = f"{facts}:{{line}}:28"
    assert [(f["rule"], f["severity"], f["where"]) for f in found] == [
        ("target-was-order", "warning", at.format(line=first + 1)),
        ("target-was-twice", "warning", at.format(line=first + 2)),
        ("target-was-order", "warning", at.format(line=first + 3)),
        ("target-was-before-log", "warning", at.format(line=first + 3)),
        ("target-was-after-log", "warning", at.format(line=first + 4)),
    ]
    assert found[1]["evidence"] == (
        "impacts[2].target_was[2].until is June 2026, as is 'until' of the one at "
        "impacts[2].target_was[1]."
    )
    assert found[3]["evidence"] == (
        "impacts[2].target_was[3]: 85 up to June 2025; the progress log begins in January "
        "2026, so no figure is read against it."
    )
    assert "List the earlier targets oldest first" in found[0]["fix"]
    assert found[4]["evidence"].endswith(
        "the progress log ends in November 2026, so no logged figure is read against the "
        "target that follows it."
    )
    welsh = " ".join(check(cli, facts, "--locale", "cy_GB").output.split())
    assert "Nid yw targedau cynharach" in welsh, welsh
    # "ym mis Ionawr": a month after "yn" is mutated, "ym mis" mutates none (newuser37 #3).
    assert "mae'r log cynnydd yn dechrau ym mis Ionawr 2026" in welsh


def test_a_list_in_order_within_the_log_gives_no_warning(cli: Cli, tmp_path: Path) -> None:
    result = check(cli, project(tmp_path), "--json")
    rules = {f["rule"] for f in json.loads(result.stdout)["findings"]}
    assert not {r for r in rules if r.startswith("target-was")}


def test_a_bad_month_or_a_missing_value_is_an_error_at_its_place(cli: Cli, tmp_path: Path) -> None:
    listed = ADMISSIONS_TARGET + (
        "    target_was:\n      - {value: 80, until: June}\n      - {until: 2026-10}\n"
    )
    facts = project(tmp_path, new=listed)
    result = check(cli, facts)
    assert result.exit_code != 0
    said = result.output
    line = facts.read_text(encoding="utf-8").splitlines().index("      - {value: 80, until: June}")
    assert (
        f"{facts}:{line + 1}:28: impacts[2].target_was[0].until: write the period as YYYY-MM"
        in said
    )
    assert f"{facts}:{line + 2}:9: impacts[2].target_was[1].value: required, but missing" in said
    # One mapping, as before, is named without a list's [0].
    single = ADMISSIONS_TARGET + "    target_was: {until: 2026-13}\n"
    said = check(cli, project(tmp_path, new=single)).output
    assert "impacts[2].target_was.value: required, but missing: add 'value:' here" in said, said
    assert "impacts[2].target_was.until: write the period as YYYY-MM" in said
