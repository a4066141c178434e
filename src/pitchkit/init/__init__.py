"""Guided set-up: plain-language questions that become a commented facts file.

The questions are asked through an ``ask`` callable that receives a
:class:`Question` and returns the answer as typed, so the same flow runs in
a terminal (see ``pitchkit init``) and in tests (:func:`scripted`). Every
answer is checked as it comes; a wrong one is asked again with a friendly
``problem`` on the question. Nothing is written here: :func:`new_facts_text`
and :func:`extended_facts_text` return the YAML text, already validated
with :func:`pitchkit.facts.schema.load_facts`, for the caller to write atomically.

The parts live by stage: :mod:`~pitchkit.init.answers` (reading what is
typed), :mod:`~pitchkit.init.interview` (asking and re-asking),
:mod:`~pitchkit.init.questions` (the questions, section by section),
:mod:`~pitchkit.init.yamlfile` (the commented YAML) and
:mod:`~pitchkit.init.extend` (adding to a file with ``--from``).
"""

from __future__ import annotations

import datetime as dt

from pitchkit.i18n.translation import Language
from pitchkit.init.answers import parse_date, parse_number, role_id, slug, tidy
from pitchkit.init.extend import extended_facts_text
from pitchkit.init.interview import Ask, Question, scripted
from pitchkit.init.questions import interview_facts
from pitchkit.init.yamlfile import Written, facts_yaml, suggested_director, validated

__all__ = [
    "Ask",
    "Question",
    "Written",
    "extended_facts_text",
    "facts_yaml",
    "interview_facts",
    "new_facts_text",
    "parse_date",
    "parse_number",
    "role_id",
    "scripted",
    "slug",
    "suggested_director",
    "tidy",
    "validated",
]


def new_facts_text(
    ask: Ask, lang: Language, *, file_name: str, today: dt.date, locale: str | None = None
) -> Written:
    """Interview the user and return a commented, validated facts file."""
    data = interview_facts(ask, lang, locale=locale)
    text = facts_yaml(data, lang, file_name=file_name, today=today)
    return Written(validated(text, file_name), suggested_director(data))
