"""The measure map in Welsh: each concept's name and each edge's reason.

``measures_cy.yaml`` beside this module gives, for each concept id of
``measures.yaml``, its name in Welsh (``name``) and, for each of its
"contributes to" edges, the reason in Welsh (``why``, by the target's id). It
is a file of its own, so the map can change without waiting for its Welsh.

It is read only when a Welsh text explains a chain (a Welsh note's reasons,
``check``, ``directors`` and ``link`` in Welsh), from its compiled JSON copy
when that is current. A concept or an edge with no Welsh is never an error at
run time: the chain is given in the map's English, quoted and labelled as
such, as it was before the Welsh existed. ``tests/test_measures_cy.py`` lists
whatever lacks Welsh.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

from pitchkit.recast.datafile import compile_data_file, read_data_file

if TYPE_CHECKING:
    from pitchkit.i18n.translation import Language
    from pitchkit.recast.measures import Chain

#: The Welsh companion of ``measures.yaml``.
WELSH_FILE = "measures_cy.yaml"
#: ``measures_cy.yaml`` saved as JSON, remade by ``make lenses``.
WELSH_COMPILED = "measures_cy.json"


class WelshMap(NamedTuple):
    """The map's Welsh: names by concept id, reasons by (source id, target id)."""

    names: Mapping[str, str]
    reasons: Mapping[tuple[str, str], str]


def _welsh_map(data: Mapping[str, Any]) -> WelshMap:
    names: dict[str, str] = {}
    reasons: dict[tuple[str, str], str] = {}
    for concept_id, item in (data.get("concepts") or {}).items():
        item = item or {}
        name = str(item.get("name") or "").strip()
        if name:
            names[str(concept_id)] = name
        for target, why in (item.get("why") or {}).items():
            said = str(why or "").strip()
            if said:
                reasons[(str(concept_id), str(target))] = said
    return WelshMap(MappingProxyType(names), MappingProxyType(reasons))


@cache
def welsh_map() -> WelshMap:
    """The contents of ``measures_cy.yaml``, read once and only when a Welsh text needs them."""
    return _welsh_map(read_data_file(WELSH_FILE, WELSH_COMPILED))


@cache
def _group_names() -> Mapping[str, str]:
    data = read_data_file(WELSH_FILE, WELSH_COMPILED)
    groups = data.get("who_and_where") or {}
    return MappingProxyType({str(k): str(v).strip() for k, v in groups.items() if v})


def group_name(label: str, lang: Language) -> str:
    """A ``who_and_where`` group of the map (:mod:`pitchkit.recast.whowhere`) in ``lang``.

    Its English label in English; in Welsh, from ``measures_cy.yaml``, else the English
    label quoted, as a chain with no Welsh is.
    """
    if lang.lang != "cy":
        return label
    return _group_names().get(label) or f"“{label}”"


def compile_welsh_file() -> str:
    """The JSON copy of ``measures_cy.yaml`` that :func:`welsh_map` prefers."""
    return compile_data_file(WELSH_FILE)


def chain_words(chain: Chain, lang: Language) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The chain's concept names and its steps' reasons in ``lang``: ``None`` when it has none.

    English is the map's own language. In Welsh every name and every reason
    must have its Welsh, so that a chain is never half in one language and
    half in the other; without it (a concept or edge added to the map since),
    ``None``, and the caller gives the map's English as it says it is.
    """
    if lang.lang == "en":
        return chain.labels(), tuple(step.why for step in chain.steps)
    if lang.lang != "cy":
        return None
    welsh = welsh_map()
    ids = (chain.start, *(step.target for step in chain.steps))
    names = tuple(welsh.names.get(concept_id) for concept_id in ids)
    reasons = tuple(welsh.reasons.get((step.source, step.target)) for step in chain.steps)
    if any(name is None for name in names) or any(why is None for why in reasons):
        return None
    return tuple(filter(None, names)), tuple(filter(None, reasons))


def missing_welsh(map_data: Mapping[str, Any], welsh: WelshMap) -> list[str]:
    """What in the measure map (``measures.yaml``'s contents) has no Welsh, one line each."""
    found: list[str] = []
    for item in map_data.get("concepts") or ():
        concept_id = str(item.get("id"))
        if concept_id not in welsh.names:
            found.append(f"{concept_id}: no Welsh name")
        for edge in item.get("to") or ():
            if (concept_id, str(edge.get("id"))) not in welsh.reasons:
                found.append(f"{concept_id} -> {edge.get('id')}: no Welsh reason")
    return found


def unknown_welsh(map_data: Mapping[str, Any], welsh: WelshMap) -> list[str]:
    """What ``measures_cy.yaml`` names that the measure map does not have, one line each."""
    concepts = {str(item.get("id")) for item in map_data.get("concepts") or ()}
    edges = {
        (str(item.get("id")), str(edge.get("id")))
        for item in map_data.get("concepts") or ()
        for edge in item.get("to") or ()
    }
    found = [
        f"{concept_id}: no such concept" for concept_id in welsh.names if concept_id not in concepts
    ]
    found += [
        f"{source} -> {target}: no such edge"
        for source, target in welsh.reasons
        if (source, target) not in edges
    ]
    return found


if __name__ == "__main__":  # python -m pitchkit.recast.measures_cy: remake the compiled copy
    target = Path(__file__).with_name(WELSH_COMPILED)
    target.write_text(compile_welsh_file(), encoding="utf-8")
    print(f"wrote {target}")
