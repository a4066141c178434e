"""Charts drawn in a second process, which loads matplotlib while the update is worked out.

``pitchkit update`` starts the drawing process first (Linux only); the
pictures it draws must be the very bytes drawn in-process, and anything
that goes wrong there must end as it would have without it: the drawing is
done again here, and its error, if any, raised here.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from pathlib import Path

import pytest

from pitchkit.facts.project import open_project, pick_director
from pitchkit.notes import drawing
from pitchkit.notes.update import make_update, situate
from pitchkit.notes.update.spc import Rules

ROOT = Path(__file__).resolve().parent.parent
FRAILTY = ROOT / "examples" / "frailty-virtual-ward" / "facts.yaml"
#: A day after the example's last logged month.
LATER = dt.date(2029, 1, 1)

forking = pytest.mark.skipif(
    not drawing._can_fork(), reason="the drawing process is forked, on Linux only"
)


def which_process() -> bytes:
    return str(os.getpid()).encode()


def refuse() -> bytes:
    raise ValueError("no picture for you")


def die_unless_in(pid: int) -> bytes:
    if os.getpid() != pid:
        os._exit(3)
    return b"drawn here"


def parts(document: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(document)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@forking
def test_an_update_drawn_ahead_is_the_same_document() -> None:
    project = open_project(FRAILTY)
    director = pick_director(project.facts, "dof")
    here, info = make_update(project, director, period="2028-03")
    with drawing.drawing_ahead():
        ahead, _ = make_update(project, director, period="2028-03")
        drawer = drawing._ahead
        assert drawer is not None
        # Each chart started before the rest of the update was worked out, and sent once.
        assert drawer._sent == 3
        assert not drawer._asked
    assert info.charts == 3
    assert parts(ahead) == parts(here)


@forking
def test_pictures_are_drawn_in_the_second_process_until_the_block_ends() -> None:
    with drawing.drawing_ahead():
        drawer = drawing._ahead
        assert drawer is not None
        assert drawing.draw_png(which_process) != which_process()
    assert drawing._ahead is None
    assert not drawer._process.is_alive()
    assert drawing.draw_png(which_process) == which_process()


@forking
def test_a_picture_started_early_is_collected_not_drawn_again() -> None:
    with drawing.drawing_ahead():
        drawing.draw_soon(which_process)
        drawing.draw_soon(which_process)
        drawer = drawing._ahead
        assert drawer is not None
        assert drawer._sent == 1
        there = drawing.draw_png(which_process)
        assert there != which_process()
        assert drawer._sent == 1
        # Asked again once collected, it is drawn again.
        assert drawing.draw_png(which_process) == there
        assert drawer._sent == 2


@forking
def test_a_drawing_that_fails_fails_here() -> None:
    with drawing.drawing_ahead(), pytest.raises(ValueError, match="no picture for you"):
        drawing.draw_png(refuse)


@forking
def test_a_drawing_process_that_dies_leaves_the_drawing_to_this_one() -> None:
    with drawing.drawing_ahead():
        assert drawing.draw_png(die_unless_in, os.getpid()) == b"drawn here"
        # Once it has failed, nothing more is sent there.
        assert drawing.draw_png(which_process) == which_process()


def test_nothing_is_drawn_ahead_when_not_enabled() -> None:
    with drawing.drawing_ahead(enabled=False):
        assert drawing._ahead is None


def test_the_drawing_process_is_started_only_when_a_chart_may_come() -> None:
    assert Rules().min_run_points == drawing.FEWEST_POINTS
    project = open_project(FRAILTY)
    director = pick_director(project.facts, "dof")
    logged = [update.period for update in project.facts.updates]
    for period in [*logged, None]:
        situation = situate(project.facts, director, project.lang, period=period, today=LATER)
        charted = any(c.analysis.kind != "none" for c in situation.claims.values())
        # Never "no" for an update that draws a chart.
        assert drawing.may_chart(project.facts, period) or not charted, period
    assert not drawing.may_chart(project.facts, "2027-03")
    assert drawing.may_chart(project.facts, "2028-03")
    assert not drawing.may_chart(project.facts, "not a period")
