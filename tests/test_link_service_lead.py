"""A wait for a therapy or psychology service is not a consultant-led RTT wait.

The fourteenth pass (docs/linking-evaluation.md, "The fourteenth pass (branch
linkpass32)"): referral to treatment counts waits for consultant-led care only, so a
wait for physiotherapy, psychology or the community dental service does not move an
RTT objective. Such a claim is offered as possible with both groups named (the measure
map's `who_and_where` family "service lead"), while an outpatient wait in a
consultant-led specialty stays claimed, and so does a therapy wait against an
objective on therapy waits.
"""

from __future__ import annotations

from pathlib import Path

from linkcases import links_listed, project_with_all
from pitchkit.recast.whowhere import apart

IMPACTS = [
    {"id": "physio", "measure": "Wait from referral to first pelvic health physiotherapy "
     "appointment", "unit": "weeks", "baseline": 30, "target": 12},
    {"id": "gynae", "measure": "Wait from referral to first gynaecology outpatient appointment",
     "unit": "weeks", "baseline": 30, "target": 12},
]  # fmt: skip
OBJECTIVES = [
    {"id": "rtt", "text": "Cut the gynaecology RTT waiting list by 15% by March 2027"},
]


def project(tmp_path: Path) -> Path:
    return project_with_all(tmp_path, IMPACTS, OBJECTIVES, role="Chief Operating Officer")


def test_the_two_services_are_told_apart() -> None:
    rtt = "92% of RTT pathways under 18 weeks by March 2027"
    found = apart("Median wait from referral to first psycho-oncology appointment", rtt)
    assert found is not None
    assert found.family == "service lead"
    assert apart("Wait from referral to first urology outpatient appointment", rtt) is None
    # An objective on the therapy service's own waits names the same group.
    assert (
        apart(
            "Wait from routine referral to first hand therapy appointment",
            "No one waiting more than 18 weeks for hand therapy or physiotherapy",
        )
        is None
    )


def test_directors_offers_the_therapy_wait_and_keeps_the_clinic_wait(tmp_path: Path) -> None:
    links = links_listed(project(tmp_path))
    held = links[("physio", "rtt")]
    assert held["confidence"] == "possible"
    assert held["doubt"] == "who"
    assert "not led by a consultant" in held["explanation"]
    assert "consultant-led care (referral to treatment)" in held["explanation"]
    assert links[("gynae", "rtt")]["confidence"] in {"explicit", "confident"}
    welsh = links_listed(project(tmp_path), locale="cy")[("physio", "rtt")]
    assert welsh["confidence"] == "possible"
    assert "dan arweiniad ymgynghorydd" in welsh["explanation"]
