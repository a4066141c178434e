"""Fitting an update to two pages starts LibreOffice as few times as it can.

Each LibreOffice run starts afresh, and the start is most of its time. An
update the estimate cannot settle near the edge used to be counted one
fitting step at a time: the falls example's update for its chief nurse
started LibreOffice four times. The steps still to come are now counted in
the run that counts the first unsettled one, so it starts at most twice (the
first count, and the rest of the ladder; a third time only to bring back a
stranded last page, which this update does not have), and the update it makes is the one
counting step by step made: LibreOffice's count of it is two pages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import pytest

from docchecks import docx_text
from pitchkit.facts.project import open_project, pick_director
from pitchkit.notes.update import make_update
from pitchkit.output import pagecount

FALLS = Path(__file__).resolve().parent.parent / "examples" / "falls-prevention" / "facts.yaml"
TODAY = dt.date(2028, 4, 8)


def test_an_update_cut_in_several_steps_starts_libreoffice_at_most_twice(
    soffice: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(pagecount.MEASURE_ENV, "1")
    runs: list[int] = []
    real_count = pagecount.count_pages

    def counted(documents: Sequence[bytes], *, timeout: float = 120) -> list[int | None]:
        runs.append(len(documents))
        return real_count(documents, timeout=timeout)

    monkeypatch.setattr(pagecount, "count_pages", counted)
    project = open_project(FALLS)
    data, info = make_update(project, pick_director(project.facts, "don"), today=TODAY)
    # The update was cut (its charts fewer than it has) and LibreOffice counted more than
    # one version of it, all in at most two runs.
    assert info.charts < len(project.facts.impacts)
    assert sum(runs) >= 2
    assert len(runs) <= 2
    assert (info.pages, info.pages_measured) == (2, True)
    monkeypatch.setattr(pagecount, "count_pages", real_count)
    assert pagecount.count_pages([data]) == [2]
    path = tmp_path / "update.docx"
    path.write_bytes(data)
    assert "Charts are shown for" in " ".join(docx_text(path).split())
