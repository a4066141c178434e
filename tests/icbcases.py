"""newuser29's ICB project cut to what its tests need: winter respiratory hubs.

One impact (emergency admissions) and a Chief Medical Officer, written as the
lead wrote them; the tests add an ask, a strategy director or a progress log.
"""

from __future__ import annotations

HUBS = """\
project:
  title: Winter respiratory infection hubs
  organisation: {organisation}
  lead:
    name: Sam Patel
    role: Head of Urgent Care Transformation
  problem: Respiratory infections fill the emergency department every winter.
  change: Same-day respiratory infection hubs in six primary care networks.
  start: {start}
impacts:
  - id: admissions
    measure: Emergency admissions for acute respiratory infection
    unit: admissions
    per: month
    baseline: 190
    target: 175
    better: lower
asks:
  - {ask}
directors:
  - id: cmo
    name: Dr Rafiq Hussain
    role: Chief Medical Officer
    objectives:
      - id: admissions
        text: Reduce emergency admissions
"""

#: A strategy director whose lens counts "ICB" as its business, and the meeting with the CMO.
STRATEGY = """\
  - id: dst
    name: Mark Ellison
    role: Director of Strategy and Transformation
    objectives:
      - id: plan
        text: Deliver the joint forward plan
meeting:
  director: cmo
"""


def hubs(
    *,
    organisation: str = "NHS Northshire Integrated Care Board",
    start: str = "2026-10-01",
    ask: str = "Sponsor the hubs at the ICB executive",
    more: str = "",
) -> str:
    """The hubs project's facts file, with ``more`` (YAML) after its directors."""
    return HUBS.format(organisation=organisation, start=start, ask=ask) + more
