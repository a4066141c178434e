"""newuser13 #5, #6, #8, #10: what check, directors and preview tell a lead, read back as shown.

An ICB's AF anticoagulation review and a mental health trust's crisis home
treatment, cut down from the new-user trial's own files. Each test runs the
command line and reads what the user sees.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

Cli = Callable[..., Result]

#: The ICB's project: its strategy names cardiovascular disease and a prescribing BAF risk,
#: and both the ICB's strategy and the CFO's objectives say "ICB".
ICB = """\
project:
  title: AF anticoagulation review across GP practices
  organisation: NHS North Ridings Integrated Care Board
  lead: {name: Dr Priya Nair, role: Clinical Lead for Cardiovascular Prevention}
  problem: Only 78% of people with AF and a CHA2DS2-VASc score of 2 or more are anticoagulated.
  change: Practice pharmacists review everyone with AF and switch warfarin to a DOAC.
  strategy:
    - "ICB Joint Forward Plan 2025-30, priority 3: prevent cardiovascular disease"
    - "ICB Board Assurance Framework risk BAF-07: the prescribing budget is overspent"
  start: 2027-04-01
  end: 2029-03-31
  funding: {amount: 210000, source: ICB prescribing efficiency reinvestment fund}
impacts:
  - id: people-atrial-fibrillation
    measure: >-
      People with atrial fibrillation and a CHA2DS2-VASc score of 2 or more who are
      anticoagulated
    unit: "%"
    baseline: 78
    target: 90
  - id: strokes-people-known
    measure: Strokes in people with known atrial fibrillation
    unit: strokes
    per: year
    baseline: 140
    target: 110
    value: {amount: 13452, source: "NHS cost of a stroke, 2014/15", price_year: 2014/15}
    releases: capacity
  - id: inr-monitoring-appointments
    measure: INR monitoring appointments in general practice for people on warfarin
    unit: appointments
    per: year
    baseline: 21000
    target: 7000
    value: {amount: 38, source: "PSSRU 2024, nurse appointment", price_year: 2023/24}
    releases: capacity
  - id: spend-doacs-warfarin
    measure: Spend on DOACs and warfarin in GP prescribing
    unit: £
    per: year
    baseline: 9600000
    target: 9000000
    releases: cash
asks: [Sponsor the bid at the finance and performance committee]
meeting: {date: 2026-12-17, director: cmo}
directors:
  - id: cmo
    name: Dr Samuel Osei
    role: Chief Medical Officer
    objectives:
      - {id: mortality, text: Reduce avoidable mortality}
      - id: strokes-better
        text: >-
          Reduce strokes through better detection and treatment of atrial fibrillation
          and hypertension
      - id: unwarranted-variation
        text: Cut unwarranted variation in prescribing between practices
  - id: cfo
    name: Graham Whitlock
    role: Chief Finance Officer
    objectives:
      - Bring the primary care prescribing budget back into balance by March 2028
      - Deliver the ICB's £28m efficiency programme
      - Get value for money from every contract
settings: {locale: en_GB}
"""

#: The mental health trust's out-of-area beds (its cash, at its spot-purchase price) said to
#: overlap its out-of-hours admissions (capacity).
MH = """\
project:
  title: 24/7 home treatment for people in mental health crisis
  organisation: Pennine Vale Mental Health NHS Foundation Trust
  lead: {name: Jo Ackroyd, role: Service Improvement Lead}
  problem: We place around 10 people a day in out-of-area beds at £600 a night.
  change: Extend the crisis resolution and home treatment team to 24 hours a day.
  start: 2027-04-01
  end: 2029-03-31
  funding: {amount: 320000, source: Mental health investment standard}
impacts:
  - id: ooh-admissions
    measure: Out-of-hours admissions to adult acute mental health beds
    unit: admissions
    per: month
    baseline: 22
    target: 12
    value: {amount: 13800, source: "National Cost Collection 2021/22", price_year: 2021/22}
    releases: capacity
  - id: oap-bed-days
    measure: Inappropriate out-of-area placement bed days
    unit: bed days
    per: month
    baseline: 310
    target: 100
    value: {amount: 600, source: "Trust spot-purchase price, 2025/26", price_year: 2025/26}
    releases: cash
    overlaps: [ooh-admissions]
asks: [Sponsor the case to make the night team permanent]
directors:
  - id: dof
    name: Martin Hale
    role: Director of Finance
    objectives: [Deliver the £9.5m cost improvement programme]
settings: {locale: en_GB}
"""


def write(tmp_path: Path, text: str, name: str = "facts.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def flat(text: str) -> str:
    """The text with its line breaks and runs of spaces as single spaces."""
    return " ".join(text.split())


def test_a_cash_impact_said_to_overlap_capacity_keeps_its_cash(cli: Cli, tmp_path: Path) -> None:
    """#5: 'overlaps: [capacity]' on the cash impact no longer reads "no cash" to the DoF."""
    facts = write(tmp_path, MH)
    preview = cli("preview", str(facts), "-d", "dof")
    assert preview.exit_code == 0, preview.output
    shown = flat(preview.stdout)
    assert "no cash" not in shown
    assert "cash for the financial plan: £" in shown
    assert "(210 fewer bed days a month)" in shown
    assert (
        "Not counted again: 10 fewer admissions a month, within 210 fewer bed days a month "
        "(the cash saving includes it)." in shown
    )
    assert "beds close" not in shown
    check = cli("check", str(facts), "-d", "dof")
    said = flat(check.stdout)
    assert "Nothing to do" not in said
    assert (
        "'overlaps: [ooh-admissions]' on 'oap-bed-days' would leave out its cash and count only "
        "capacity; pitchkit counts the cash 'oap-bed-days' in every total" in said
    )
    assert (
        "fix: Say it that way round: take 'overlaps: [ooh-admissions]' off 'oap-bed-days' and "
        "put 'overlaps: [oap-bed-days]' on 'ooh-admissions'." in said
    )
    # Said that way round, it is the lead's own word again: nothing to do.
    turned = MH.replace("    overlaps: [ooh-admissions]\n", "").replace(
        "    releases: capacity\n", "    releases: capacity\n    overlaps: [oap-bed-days]\n"
    )
    again = cli("check", str(write(tmp_path, turned)), "-d", "dof")
    assert "Nothing to do: 'overlaps:' in the facts file already says so." in flat(again.stdout)
    shown = flat(cli("preview", str(tmp_path / "facts.yaml"), "-d", "dof").stdout)
    assert "cash for the financial plan: £" in shown
    assert "no cash" not in shown
    assert "Not counted again: 10 fewer admissions a month, within 210 fewer bed days" in shown


def test_the_recommendation_quotes_no_strategy_line_that_does_not_name_the_worry(
    cli: Cli, tmp_path: Path
) -> None:
    """#6: "ICB Joint Forward Plan ...: prevent cardiovascular disease" is not about efficiency."""
    facts = write(tmp_path, ICB)
    result = cli("directors", str(facts))
    assert result.exit_code == 0, result.output
    said = flat(result.stdout)
    # The strokes are the Chief Medical Officer's, now claimed (linknew13), and the meeting
    # is with him; whoever goes first, no reason quotes a line that does not name it.
    assert "the project's strategy names it" not in said
    assert "already worries about" not in said
    # A strategy line that does name the objective's subject is still quoted.
    named = ICB.replace(
        '"ICB Joint Forward Plan 2025-30, priority 3: prevent cardiovascular disease"',
        '"BAF risk 4: the efficiency programme is not delivered"',
    ).replace("director: cmo}", "director: cfo}")
    said = flat(cli("directors", str(write(tmp_path, named))).stdout)
    assert (
        "Deliver the ICB's £28m efficiency programme (the project's strategy names it: "
        '"BAF risk 4: the efficiency programme is not delivered")' in said
    )


def test_checks_fix_gives_one_supports_line_per_impact_each_id_once(
    cli: Cli, tmp_path: Path
) -> None:
    """#8: three possible links of three impacts, not one merged list with ids twice.

    The strokes impact is ruled out of the strokes objective (which the linker now
    claims), so the Chief Medical Officer has only possible links, from three impacts.
    """
    unlinked = ICB.replace(
        "  - id: strokes-people-known\n",
        "  - id: strokes-people-known\n    excludes: [cmo.strokes-better]\n",
    )
    facts = write(tmp_path, unlinked)
    result = cli("check", str(facts), "-d", "cmo")
    lines = result.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if "fix: For each link that holds" in line)
    assert lines[at].strip() == (
        "fix: For each link that holds, give its impact the 'supports:' line below, in place "
        "of any it has (or run 'pitchkit link'); rule out the rest with 'excludes:'."
    )
    assert [line.strip() for line in lines[at + 1 : at + 4]] == [
        "impact 'people-atrial-fibrillation': supports: [cmo.strokes-better]",
        "impact 'inr-monitoring-appointments': supports: [cmo.unwarranted-variation]",
        "impact 'spend-doacs-warfarin': supports: [cmo.unwarranted-variation]",
    ]
    # Pasted as written, each under its impact, the three links are the lead's own.
    text = unlinked
    for line in lines[at + 1 : at + 4]:
        impact, _, supports = line.strip().removeprefix("impact '").partition("': ")
        text = text.replace(f"  - id: {impact}\n", f"  - id: {impact}\n    {supports}\n")
    pasted = cli("check", str(write(tmp_path, text)), "-d", "cmo")
    assert pasted.exit_code == 0, pasted.output
    assert "director-unaligned" not in pasted.stdout
    # An impact that already links to another director keeps that link on the line.
    linked = unlinked.replace(
        "    releases: cash\n", "    releases: cash\n    supports: [cfo.icbs-efficiency]\n"
    )
    result = cli("check", str(write(tmp_path, linked)), "-d", "cmo")
    assert result.exit_code == 0, result.output
    # The line gives the objective's current id: "the ICB's" plan is icb-efficiency now, and
    # the old id still reads (newuser17 #8).
    assert (
        "impact 'spend-doacs-warfarin': supports: [cfo.icb-efficiency, "
        "cmo.unwarranted-variation]" in result.stdout
    )


def merged_header_team(path: Path) -> Path:
    """A team sheet with a merged title row, and its header's name cell merged over role's."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["North Ridings system: executives 2027/28"])
    sheet.merge_cells("A1:F1")
    sheet.append([])
    sheet.append(["id", "name", None, "salutation", "concerns", "objectives"])
    sheet.merge_cells("B3:C3")
    sheet.append(["cfo", "Graham Whitlock", "Chief Finance Officer", "Graham", "", "Balance"])
    workbook.save(path)
    return path


def test_a_merged_header_cell_is_named_not_the_title_row(cli: Cli, tmp_path: Path) -> None:
    """#10: row 3 has most of the header; C3 is merged into B3, so 'role' is missing."""
    facts = write(tmp_path, ICB)
    team = merged_header_team(tmp_path / "team.xlsx")
    result = cli("directors", str(facts), "--directors", str(team))
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"error: {team}:row 3: the header row needs the column role (found: id, name, "
        # concerns_en and concerns_cy: the concerns in the other language (newuser37 #2).
        "salutation, concerns, objectives): name the columns id, name, role, salutation, "
        "concerns, concerns_en, concerns_cy, objectives, objectives_en, objectives_cy, themes, "
        "lens, email, role_cy; C3 is "
        "merged into B3: unmerge them and write 'role' in C3"
    )
