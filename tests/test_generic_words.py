"""Small and generic words never make a link alone, in Welsh as in English.

"o fewn" (within), "yn ystod" (during), "ar gyfer" (for) and "gyda" (with)
are Welsh's small words: an impact and an objective that share only them
are not offered as a link. Nor is a discharge experience score offered to
a bed occupancy or flow objective: discharge is not another name for flow.
Read back from ``pitchkit directors --json``, as ``link`` and ``check`` show it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

#: The ``directors_json`` fixture (conftest.py): ``pitchkit directors --json`` read as JSON.
DirectorsJson = Callable[..., Any]

WELSH = """\
project:
  title: Hwb lles staff
  organisation: Bwrdd Iechyd Prifysgol Enghreifftiol
  lead: {name: Elin Morgan, role: Pennaeth Lles Staff}
  problem: Mae gormod o nyrsys newydd yn gadael o fewn blwyddyn.
  change: Hwb lles staff ym mhob ysbyty mawr, gyda chymorth cyflym i staff.
  start: 2026-01-05
  end: 2027-12-31
impacts:
  - id: leavers
    measure: Nyrsys newydd sy'n gadael o fewn blwyddyn
    unit: nyrsys
    per: year
    baseline: 85
    target: 60
    better: lower
  - id: seen-fast
    measure: Staff a welwyd o fewn pum diwrnod gwaith yn ystod y flwyddyn
    unit: "%"
    baseline: 40
    target: 90
  - id: calls
    measure: Galwadau ar gyfer cymorth gyda straen
    unit: galwadau
    per: month
    baseline: 120
    target: 200
asks:
  - Noddi'r cais i'r elusen erbyn 31 Ionawr 2027
directors:
  - id: md
    name: Dr Nia Roberts
    role: Cyfarwyddwr Meddygol
    objectives:
      - id: hsmr
        text: Cadw HSMR o fewn yr ystod ddisgwyliedig
      - id: rota
        text: Cynllun ar gyfer rota meddygon gyda llai o fylchau
settings: {locale: cy_GB}
"""


ENGLISH = """\
project:
  title: Discharge lounge open from 8am
  organisation: Example Hospitals NHS Trust
  lead: {name: Sam Hale, role: Discharge Lounge Manager}
  problem: Patients wait on wards for transport home.
  change: A discharge lounge open from 8am.
  start: 2026-01-05
  end: 2027-03-31
impacts:
  - id: experience
    measure: Patients rating their discharge as good or very good
    unit: "%"
    baseline: 61
    target: 80
asks:
  - Sponsor the lounge's second year
directors:
  - id: coo
    name: Mark Ellison
    role: Chief Operating Officer
    objectives:
      - id: occupancy
        text: Keep general and acute bed occupancy at or below 92%
      - id: flow-team
        text: Build one site-wide flow team
"""


def links(directors_json: DirectorsJson, text: str) -> list[str]:
    """Every link ``directors --json`` lists, as ``impact -> director.objective``."""
    return [
        f"{link['impact']} -> {director['id']}.{link['objective']}"
        for director in directors_json(text)["directors"]
        for link in director["links"]
    ]


def test_welsh_small_words_make_no_link(directors_json: DirectorsJson) -> None:
    """ "o fewn", "yn ystod", "ar gyfer" and "gyda" are all the two sides share: no link."""
    assert links(directors_json, WELSH) == []


def test_a_discharge_experience_score_is_not_offered_for_beds_or_flow(
    directors_json: DirectorsJson,
) -> None:
    assert links(directors_json, ENGLISH) == []


def test_a_shared_telling_word_still_offers_a_link(directors_json: DirectorsJson) -> None:
    """The same Welsh project, sharing a word that means something, is offered the link."""
    found = links(directors_json, WELSH.replace("rota meddygon", "galwadau straen meddygon"))
    assert found == ["calls -> md.rota"], found
