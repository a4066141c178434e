"""Role lenses: how each kind of executive director reads a project.

A lens holds what a role cares about (theme weights, the themes a note
should lead with), the words it uses, groups of words that mean the same
thing to it, default objectives and what a sponsor in that role gains. The
data lives in ``lenses.yaml`` beside this module.

The word handling that role matching shares with
:mod:`pitchkit.recast.align` is in :mod:`pitchkit.recast.words`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal, NamedTuple

from pitchkit.errors import DirectorsError
from pitchkit.facts.schema import THEMES, Director, Objective
from pitchkit.i18n.messages import Message
from pitchkit.recast.datafile import compile_data_file, read_data_file
from pitchkit.recast.words import _TOKEN, PhraseMatcher, Token, _normal, phrase, stem

GENERAL = "general"

# --------------------------------------------------------------------------
# Lenses


@dataclass(frozen=True)
class Lens:
    """How one kind of director reads a project."""

    id: str
    title: str
    themes: Mapping[str, float] = field(hash=False)
    vocabulary: tuple[str, ...]
    synonyms: tuple[frozenset[str], ...]
    objectives: tuple[Objective, ...] = field(hash=False)
    gains: tuple[str, ...]
    leads_with: tuple[str, ...]
    #: Questions for a director of this role, asked when the project has none meant for them.
    advice: tuple[str, ...] = ()
    #: Words that mark an ask, question or offer as this role's business.
    business: tuple[str, ...] = ()


@dataclass
class LensMatch:
    """The lens chosen for a director, how, and the words that decided it."""

    lens: Lens
    how: Literal["forced", "role", "fallback"]
    matched: str


#: The parts of a project a gain's setting may be looked for in (``in:`` in ``lenses.yaml``).
PROJECT_PARTS = ("title", "problem", "change", "measures", "lead", "funding")


class GainSetting(NamedTuple):
    """The words a project must use for a typical gain to suit it, and where they count."""

    words: tuple[str, ...]
    #: The parts of the project read (:data:`PROJECT_PARTS`): all but its funding by default.
    parts: tuple[str, ...] = ("title", "problem", "change", "measures", "lead")


def _gain_setting(raw: Any) -> GainSetting:
    """One entry of ``gain_settings``: a list of words, or ``{in: [parts], words: [...]}``."""
    if isinstance(raw, Mapping):
        parts = tuple(raw["in"])
        unknown = set(parts) - set(PROJECT_PARTS)
        if unknown:
            raise ValueError(f"gain_settings: unknown parts {sorted(unknown)}")
        return GainSetting(words=tuple(raw["words"]), parts=parts)
    return GainSetting(words=tuple(raw))


class LensData(NamedTuple):
    """Everything in ``lenses.yaml``: the lenses and the shared word tables."""

    lenses: Mapping[str, Lens]
    roles: Mapping[tuple[str, ...], tuple[str, float]]
    abbreviations: Mapping[str, str]
    discounts: frozenset[str]
    synonyms: tuple[frozenset[str], ...]
    theme_words: Mapping[str, tuple[str, ...]]
    stop_words: frozenset[str]
    weak_words: frozenset[str]
    broad_terms: frozenset[tuple[str, ...]]
    #: A word of a typical gain, and the words a project must use for the gain to suit it.
    gain_settings: Mapping[str, GainSetting]
    #: For a lens, the lenses whose role words it wins over when a title names both (``over``).
    over: Mapping[str, frozenset[str]] = MappingProxyType({})


#: ``lenses.yaml`` read once and saved as JSON, which loads in a millisecond
#: where the YAML takes a quarter of a second on every start; remade by
#: ``make lenses`` (``python -m pitchkit.recast.lenses``), checked by a test.
COMPILED = "lenses.json"


def read_lens_file() -> dict[str, Any]:
    """The contents of ``lenses.yaml``: from its compiled copy when that is current."""
    return read_data_file("lenses.yaml", COMPILED)


def compile_lens_file() -> str:
    """The JSON copy of ``lenses.yaml`` that :func:`read_lens_file` prefers."""
    return compile_data_file("lenses.yaml")


@cache
def lens_data() -> LensData:
    """Read ``lenses.yaml`` once."""
    raw = read_lens_file()
    lenses = {item["id"]: _lens(item) for item in raw["lenses"]}
    roles: dict[tuple[str, ...], tuple[str, float]] = {}
    for item in raw["lenses"]:
        for pattern in item.get("roles") or ():
            roles.setdefault(phrase(pattern), (item["id"], 1.0))
        for pattern in item.get("weak_roles") or ():
            roles.setdefault(phrase(pattern), (item["id"], 0.5))
        for pattern in item.get("org_roles") or ():
            roles.setdefault(phrase(pattern), (item["id"], 0.25))
    return LensData(
        lenses=MappingProxyType(lenses),
        roles=MappingProxyType(roles),
        abbreviations=MappingProxyType(dict(raw["role_abbreviations"])),
        discounts=frozenset(stem(word) for word in raw["role_discounts"]),
        synonyms=tuple(frozenset(group) for group in raw["synonyms"]),
        theme_words=MappingProxyType(
            {theme: tuple(words) for theme, words in raw["theme_words"].items()}
        ),
        stop_words=frozenset(
            stem(word) for word in (*raw["stop_words"], *(raw.get("stop_words_cy") or ()))
        ),
        weak_words=frozenset(
            stem(word) for word in (*raw["weak_words"], *(raw.get("weak_words_cy") or ()))
        ),
        broad_terms=frozenset(phrase(term) for term in raw["broad_terms"]),
        gain_settings=MappingProxyType(
            {word: _gain_setting(needs) for word, needs in (raw.get("gain_settings") or {}).items()}
        ),
        over=MappingProxyType(
            {item["id"]: frozenset(item["over"]) for item in raw["lenses"] if item.get("over")}
        ),
    )


def _lens(item: Mapping[str, Any]) -> Lens:
    """Build one :class:`Lens` from its YAML mapping."""
    themes = {theme: float(item["themes"].get(theme, 0.0)) for theme in THEMES}
    unknown = set(item["themes"]) - set(THEMES) or set(item["leads_with"]) - set(THEMES)
    if unknown:
        raise ValueError(f"lenses.yaml: lens {item['id']!r} names unknown themes {unknown}")
    return Lens(
        id=item["id"],
        title=item["title"],
        themes=MappingProxyType(themes),
        vocabulary=tuple(item.get("vocabulary") or ()),
        synonyms=tuple(frozenset(group) for group in item.get("synonyms") or ()),
        objectives=tuple(Objective.model_validate(o) for o in item.get("objectives") or ()),
        gains=tuple(item.get("gains") or ()),
        leads_with=tuple(item["leads_with"]),
        advice=tuple(item.get("advice") or ()),
        business=tuple(item.get("business") or ()),
    )


def all_lenses() -> Mapping[str, Lens]:
    """Every lens by id, ``general`` last."""
    return lens_data().lenses


# --------------------------------------------------------------------------
# Choosing a lens


@cache
def _role_matcher() -> PhraseMatcher:
    data = lens_data()
    return PhraseMatcher({words: frozenset({lens}) for words, (lens, _) in data.roles.items()})


def _role_tokens(role: str) -> tuple[Token, ...]:
    """Tokens of a job title with abbreviations (CFO, OD, AHPs) spelt out."""
    expanded: list[Token] = []
    abbreviations = lens_data().abbreviations
    for match in _TOKEN.finditer(role):
        long_form = abbreviations.get(match.group().casefold())
        words = phrase(long_form) if long_form else (stem(_normal(match.group())),)
        expanded.extend(Token(word, match.start(), match.end()) for word in words)
    return tuple(expanded)


@lru_cache(maxsize=1024)
def match_role(role: str) -> tuple[str, str] | None:
    """The lens id a job title points to and the words that decided it.

    The strongest pattern found wins; a pattern straight after "deputy" or
    "assistant" counts half; among equals the one written first wins, so
    "Director of Finance and Performance" is finance, unless another's lens is
    marked to win over it (``over`` in ``lenses.yaml``): "Director of Strategy and
    Commissioning" is a commissioner. Remembered for the
    last 1,024 titles: a note asks for its director's lens several times.
    """
    found = _role_tokens(role)
    data = lens_data()
    hits: list[tuple[float, int, str, str]] = []
    for hit in _role_matcher().find(found):
        lens_id, score = data.roles[tuple(t.stem for t in found[hit.first : hit.last + 1])]
        if hit.first > 0 and found[hit.first - 1].stem in data.discounts:
            score /= 2
        words = role[found[hit.first].start : found[hit.last].end]
        hits.append((-score, hit.first, lens_id, words))
    if not hits:
        return None
    best = min(hits)
    for candidate in sorted(hits):
        # A lens whose role words win over the best's ("commissioning" over "strategy" in
        # "Director of Strategy and Commissioning"), named as strongly, is the one.
        if candidate[0] == best[0] and best[2] in data.over.get(candidate[2], frozenset()):
            best = candidate
            break
    return best[2], best[3]


def lens_for(director: Director) -> LensMatch:
    """Choose the lens for ``director``: forced, from the role, or general.

    Raises :class:`DirectorsError` when ``director.lens`` names no known
    lens, suggesting the nearest ones.
    """
    lenses = all_lenses()
    if director.lens:
        return LensMatch(_forced(director, lenses), "forced", director.lens)
    matched = match_role(director.role)
    if matched is not None:
        return LensMatch(lenses[matched[0]], "role", matched[1])
    return LensMatch(lenses[GENERAL], "fallback", "")


def _forced(director: Director, lenses: Mapping[str, Lens]) -> Lens:
    """The lens a director names, or a helpful error."""
    assert director.lens is not None
    wanted = lens_key(director.lens)
    if wanted in lenses:
        return lenses[wanted]
    raise DirectorsError(
        Message(
            "director {id}: {problem}",
            id=repr(director.id),
            problem=unknown_lens_message(director.lens),
        )
    )


def lens_key(name: str) -> str:
    """The lens id ``name`` stands for: "Medical_Director " → "medical-director"."""
    return re.sub(r"[\s_]+", "-", name.strip().casefold())


def unknown_lens_message(name: str) -> Message | None:
    """Why ``name`` is no lens pitchkit has, with the nearest ones; ``None`` if it is one."""
    lenses = all_lenses()
    wanted = lens_key(name)
    if wanted in lenses:
        return None
    import difflib  # only for a lens pitchkit lacks: it takes about 1 ms to load

    guesses = difflib.get_close_matches(wanted, list(lenses), n=2, cutoff=0.6)
    by_role = match_role(name)
    if by_role and by_role[0] not in guesses:
        guesses.insert(0, by_role[0])
    hint: Message | str = ""
    if len(guesses) == 1:
        hint = Message("did you mean {first}? ", first=repr(guesses[0]))
    elif guesses:
        hint = Message(
            "did you mean {first} or {second}? ", first=repr(guesses[0]), second=repr(guesses[1])
        )
    return Message(
        "unknown lens {lens}: {hint}use one of {lenses}, or leave 'lens' out to match the role",
        lens=repr(name),
        hint=hint,
        lenses=", ".join(lenses),
    )


def objectives_for(director: Director, match: LensMatch) -> tuple[Objective, ...]:
    """The director's own objectives, or the lens's defaults when none are listed."""
    if director.objectives:
        return tuple(director.objectives)
    return match.lens.objectives


if __name__ == "__main__":  # python -m pitchkit.recast.lenses: remake the compiled copy
    target = Path(__file__).with_name(COMPILED)
    target.write_text(compile_lens_file(), encoding="utf-8")
    print(f"wrote {target}")
