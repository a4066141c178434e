"""The theatre staffing hub's facts file, head only: what newuser32's update tests share.

A hub booking theatre shifts from the bank instead of agencies, one impact (agency
shifts, cash at £410 a shift) and a Director of Finance; each test adds its own
progress log. ``LOCALE`` is replaced by the locale the test writes in.
"""

from __future__ import annotations

HEAD = """\
version: 1.1
project:
  title: Theatre staffing hub
  organisation: Riverside Hospitals NHS Trust
  lead: {name: Priya Shah, role: Theatres Matron}
  problem: Theatre lists are staffed at short notice through agencies at premium rates.
  change: A central staffing hub books theatre shifts six weeks ahead from the trust's bank.
  start: 2026-09-01
  end: 2027-08-31
  funding: {amount: 60000, source: Workforce transformation fund, status: agreed}
asks:
  - Agree that the hub keeps its two coordinators after March
meeting: {date: 2026-12-10, director: dof}
settings: {locale: LOCALE}
directors:
  - id: dof
    name: Owen Price
    role: Director of Finance
    objectives:
      - {id: agency, text: Cut agency spend by a quarter against 2025/26, kind: organisational}
impacts:
  - id: agency-shifts
    measure: Agency theatre nurse shifts
    unit: shifts
    per: month
    baseline: 43
    target: 20
    better: lower
    value: {amount: 410, source: "Agency framework rate per shift, 2026/27", price_year: 2026/27}
    releases: cash
    supports: [dof.agency]
"""
