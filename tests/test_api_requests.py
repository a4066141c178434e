"""A developer's wrong input to pitchkit.api: converted as the CLI would read it, or refused.

A request is checked as it is made: a value the command line would accept
in words (a path as ``str``, a date written ``2027-01-31``, ``"dof,coo"``
for ``only``) is converted; anything else is one
:class:`~pitchkit.errors.InputError` line naming the request's field and
what to give, never an ``AttributeError`` from deep inside pitchkit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from docchecks import docx_text
from pitchkit.api import (
    BatchRequest,
    BriefRequest,
    CheckRequest,
    LinkRequest,
    RankRequest,
    TemplateCheckRequest,
    UpdateRequest,
    write_batch,
    write_brief,
)
from pitchkit.errors import InputError, PitchkitError

FRAILTY = "frailty-virtual-ward"


def test_a_date_written_as_text_gives_the_same_note_as_a_date(
    tmp_path: Path, example: Callable[[str], Path]
) -> None:
    facts = example(FRAILTY)
    as_text = write_brief(BriefRequest(facts, "dof", tmp_path / "text.docx", today="2027-01-01"))
    as_date = write_brief(
        BriefRequest(facts, "dof", tmp_path / "date.docx", today=dt.date(2027, 1, 1))
    )
    at_noon = write_brief(
        BriefRequest(facts, "dof", tmp_path / "noon.docx", today=dt.datetime(2027, 1, 1, 12))
    )

    text = docx_text(tmp_path / "text.docx")
    assert text == docx_text(tmp_path / "date.docx") == docx_text(tmp_path / "noon.docx")
    assert as_text.findings == as_date.findings == at_noon.findings


def test_paths_and_ids_written_as_text_are_read_as_the_command_line_reads_them(
    tmp_path: Path, example: Callable[[str], Path]
) -> None:
    outcome = write_batch(BatchRequest(str(example(FRAILTY)), str(tmp_path), only="dof, coo"))

    assert outcome.written == 2
    assert [item.director_id for item in outcome.batch.items] == ["dof", "coo"]
    assert (tmp_path / "manifest.csv").is_file()


@pytest.mark.parametrize(
    ("make", "field", "how"),
    [
        (lambda f: BriefRequest(f, "dof", today="01/02/2027"), "BriefRequest.today", "YYYY-MM-DD"),
        (lambda f: UpdateRequest(f, "dof", today=20270101), "UpdateRequest.today", "YYYY-MM-DD"),
        (lambda f: BriefRequest(f, "dof", force="no"), "BriefRequest.force", "give a bool"),
        (lambda f: BriefRequest(f, "dof", out=3), "BriefRequest.out", "pathlib.Path"),
        (lambda f: BriefRequest(f, director=7), "BriefRequest.director", "give a str"),
        (lambda f: BriefRequest(None), "BriefRequest.facts", "pathlib.Path"),
        (lambda f: BriefRequest(""), "BriefRequest.facts", "pathlib.Path"),
        (lambda f: BatchRequest(f, Path("out"), jobs=0), "BatchRequest.jobs", "1 or more"),
        (lambda f: BatchRequest(f, Path("out"), jobs=-3), "BatchRequest.jobs", "1 or more"),
        (lambda f: BatchRequest(f, Path("out"), jobs=2.5), "BatchRequest.jobs", "give an int"),
        (lambda f: BatchRequest(f, Path("out"), jobs=True), "BatchRequest.jobs", "give an int"),
        (lambda f: BatchRequest(f, Path("out"), only=3), "BatchRequest.only", "tuple of str"),
        (lambda f: CheckRequest(f, today="yesterday"), "CheckRequest.today", "YYYY-MM-DD"),
        (lambda f: RankRequest(f, locale=["cy_GB"]), "RankRequest.locale", "give a str"),
        (lambda f: LinkRequest(f, all_confident=1), "LinkRequest.all_confident", "give a bool"),
        (lambda f: TemplateCheckRequest(b"x.docx"), "TemplateCheckRequest.path", "pathlib.Path"),
    ],
)
def test_a_wrongly_typed_value_is_refused_in_one_line_naming_its_field(
    tmp_path: Path,
    example: Callable[[str], Path],
    make: Callable[[Path], object],
    field: str,
    how: str,
) -> None:
    with pytest.raises(InputError) as raised:
        make(example(FRAILTY))

    message = str(raised.value)
    assert message.startswith(f"{field}: ")
    assert how in message
    assert "\n" not in message
    assert not list(tmp_path.iterdir())


def test_a_batch_asked_to_make_no_notes_at_once_writes_nothing(
    tmp_path: Path, example: Callable[[str], Path]
) -> None:
    out = tmp_path / "notes"
    with pytest.raises(PitchkitError, match=r"^BatchRequest\.jobs: 0 notes at once is too few"):
        write_batch(BatchRequest(example(FRAILTY), out, jobs=0))
    assert not out.exists()


def test_requests_stay_frozen_and_keep_what_they_were_given(
    example: Callable[[str], Path],
) -> None:
    facts = example(FRAILTY)
    request = BriefRequest(str(facts), "dof", today="2027-01-31")

    assert request.facts == facts
    assert request.today == dt.date(2027, 1, 31)
    assert request == BriefRequest(facts, "dof", today=dt.date(2027, 1, 31))
    with pytest.raises(AttributeError):
        request.force = True  # type: ignore[misc]
