"""``pitchkit link``: the links pitchkit proposes, and the lead's answers written back.

:func:`candidates` lists every link the lead has not yet decided on
(neither in ``supports`` nor in ``excludes``), confident ones first, each
with the reason pitchkit found it. :func:`decided_text` returns the facts
file's text with accepted links added to ``supports`` and rejected ones to
``excludes``: a ruamel.yaml round trip, so comments and layout are kept, and
validated before anything is written.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString
from ruamel.yaml.tokens import CommentToken

from pitchkit.errors import InputError
from pitchkit.facts.schema import Director, Facts, Impact, Objective
from pitchkit.facts.validation import Team, did_you_mean
from pitchkit.i18n.messages import Message
from pitchkit.recast.align import Link, offer_order
from pitchkit.recast.pitch import recast

#: The order candidates are shown in.
_CONFIDENCE_ORDER = {"confident": 0, "possible": 1}


@dataclass(frozen=True)
class Candidate:
    """A link the lead may accept (into ``supports``) or reject (into ``excludes``)."""

    impact: Impact
    director: Director
    objective: Objective
    link: Link

    @property
    def ref(self) -> str:
        """How ``supports`` and ``excludes`` name the objective: ``director.objective``."""
        return f"{self.director.id}.{self.objective.id}"

    @property
    def key(self) -> str:
        """How ``--accept`` and ``--reject`` name the link: ``impact:director.objective``."""
        return f"{self.impact.id}:{self.ref}"


@dataclass(frozen=True)
class Decision:
    """One answer: add ``ref`` to the impact's ``supports`` (accept) or ``excludes``."""

    impact: str
    ref: str
    accept: bool


def candidates(facts: Facts) -> list[Candidate]:
    """Links not yet decided on, likeliest first, then by director and impact order.

    Confident links come first; possible ones follow by the learned scorer's chance that
    they are right (:func:`offer_order`), likeliest first.
    """
    found: list[tuple[int, float, int, int, Candidate]] = []
    impacts = {impact.id: (n, impact) for n, impact in enumerate(facts.impacts)}
    for number, director in enumerate(facts.directors):
        pitch = recast(facts, director)
        objectives = {o.id: o for o in pitch.objectives}
        for link in pitch.links:
            if link.confidence == "explicit":
                continue
            order, impact = impacts[link.impact]
            candidate = Candidate(impact, director, objectives[link.objective], link)
            found.append(
                (_CONFIDENCE_ORDER[link.confidence], offer_order(link), number, order, candidate)
            )
    return [candidate for *_, candidate in sorted(found, key=lambda item: item[:4])]


def decision(text: str, facts: Facts, *, accept: bool) -> Decision:
    """Read ``IMPACT:DIRECTOR.OBJECTIVE`` from ``--accept`` or ``--reject``.

    Raises :class:`InputError` naming the nearest impact or objective when
    either is unknown.
    """
    option = "--accept" if accept else "--reject"
    impact_id, colon, ref = text.strip().partition(":")
    director_id, dot, objective_id = ref.partition(".")
    if not colon or not dot or not impact_id or not objective_id:
        raise InputError(
            Message(
                "{option} {value}: write IMPACT:DIRECTOR.OBJECTIVE, e.g. antibiotics:md.shmi",
                option=option,
                value=repr(text),
            )
        )
    impact_ids = [impact.id for impact in facts.impacts]
    if impact_id not in impact_ids:
        raise InputError(
            Message(
                "{option} {value}: no impact has the id '{wanted}'{hint}",
                option=option,
                value=repr(text),
                wanted=impact_id,
                hint=did_you_mean(impact_id, impact_ids),
            )
        )
    director = facts.director(director_id)
    refs = [f"{d.id}.{o.id}" for d in facts.directors for o in _objectives(d, facts)]
    if director is None or objective_id not in {o.id for o in _objectives(director, facts)}:
        raise InputError(
            Message(
                "{option} {value}: no director has the objective '{wanted}'{hint}",
                option=option,
                value=repr(text),
                wanted=ref,
                hint=did_you_mean(ref, refs),
            )
        )
    return Decision(impact_id, f"{director.id}.{objective_id}", accept)


def _objectives(director: Director, facts: Facts) -> tuple[Objective, ...]:
    """The director's objectives as the recast reads them (its lens found from English)."""
    from pitchkit.recast.english import english_director
    from pitchkit.recast.lenses import lens_for, objectives_for

    return objectives_for(director, lens_for(english_director(director, facts.english)))


def decided_text(
    path: Path,
    decisions: Iterable[Decision],
    *,
    drop: Iterable[tuple[str, str, str]] = (),
    fix: Iterable[tuple[str, str, str, str]] = (),
    team: Team | None = None,
) -> str:
    """``path``'s text with each decision written into its impact's ``supports``/``excludes``.

    A link accepted is added to ``supports`` (and taken out of ``excludes``);
    one rejected, the other way round. Each of ``drop`` (an impact's id,
    ``supports`` or ``excludes``, a link) is taken out first, and each of
    ``fix`` (the same and the link as it should read) is corrected in its
    place. Comments and layout are kept; the text has LF line endings
    (write it back with :func:`~pitchkit.facts.textlayout.read_for_rewrite`'s
    layout to keep the file's own). Raises ``FactsError`` if the result would
    not load (with ``team``, the ``--directors`` file's, beside its own
    directors), so nothing broken is written.
    """
    from pitchkit.facts.textlayout import read_for_rewrite
    from pitchkit.init.extend import round_trip_yaml
    from pitchkit.init.minimaledit import dumped, list_indent, minimal_text
    from pitchkit.init.yamlfile import validated

    yaml = round_trip_yaml()
    text = read_for_rewrite(path)[0]
    indent = list_indent(text)
    if indent is not None:
        # The file's own list indentation, so that a list item added reads as its others.
        yaml.indent(mapping=indent[0], sequence=indent[1], offset=indent[2])
    document = yaml.load(text)
    before = dumped(yaml, document)
    impacts = {str(item.get("id")): item for item in document.get("impacts") or ()}
    for impact_id, key, ref in drop:
        _drop(impacts[impact_id], key, ref)
    for impact_id, key, ref, to in fix:
        _fix(impacts[impact_id], key, ref, to)
    for choice in decisions:
        item = impacts[choice.impact]
        add, remove = ("supports", "excludes") if choice.accept else ("excludes", "supports")
        _drop(item, remove, choice.ref)
        _add(item, add, choice.ref)
    after = dumped(yaml, document)
    # Only the lines the decisions change: the rest of the file stays as the lead wrote it
    # (its folded texts, its comments' spacing), whatever layout the round trip would give.
    kept = minimal_text(text, before, after)
    if kept is not None and _same_data(kept, after):
        return validated(kept, path, team)
    return validated(after, path, team)


def _same_data(one: str, other: str) -> bool:
    """Whether two YAML texts hold the same data (a text that cannot be read holds none)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    reader = YAML(typ="safe", pure=True)
    try:
        return bool(reader.load(one) == reader.load(other))
    except YAMLError:
        return False


def _add(item: Any, key: str, ref: str) -> None:
    """Add ``ref`` to the list under ``key``, made (in flow style, ``[a, b]``) if missing."""
    current = item.get(key)
    if isinstance(current, str):
        current = CommentedSeq([current])
        current.fa.set_flow_style()
        item[key] = current
    if current is None:
        current = CommentedSeq()
        current.fa.set_flow_style()
        _append_key(item, key, current)
    if ref.casefold() not in {str(entry).strip().casefold() for entry in current}:
        current.append(ref)


def _append_key(item: Any, key: str, value: Any) -> None:
    """Add ``key`` at the end of a mapping, right after its last line.

    ruamel.yaml keeps what follows a mapping's last line (blank lines, a
    comment that opens the next section) with the entry that ends it, however
    deep: a text's, a block list's last item, a block mapping's last field.
    That is taken over by the new key, so the key goes in before the gap and
    the comment, and both stay as the lead wrote them. A comment on the last
    line itself stays there.
    """
    last = _last_line(item) if len(item) else None
    item[key] = value
    if last is None:
        return
    comments, at, position, leaf = last
    entry: list[Any] = comments.get(at) or []
    token = entry[position] if len(entry) > position else None
    if token is None or not isinstance(token.value, str):
        return
    if isinstance(leaf, FoldedScalarString | LiteralScalarString):
        own, after = "", token.value  # a block text ends its own last line
    else:
        head, newline, after = token.value.partition("\n")
        own = head + newline if head.strip() else ""
    if not after:
        return
    if own:
        token.value = own
    else:
        entry[position] = None
    # The new key's value is on one line ('[a, b]'): the comment's text starts with its end.
    item.ca.items[key] = [None, None, CommentToken("\n" + after, token.start_mark), None]


def _last_line(node: Any) -> tuple[dict[Any, Any], Any, int, Any]:
    """Where the comment after ``node``'s last line is kept: (comments, key, position, value).

    A mapping keeps it in its field's entry at position 2, a list in its
    item's at position 0; a last value that is itself a block list or
    mapping (not ``[a, b]``) keeps it in its own last line.
    """
    at: Any = list(node.keys())[-1] if isinstance(node, CommentedMap) else len(node) - 1
    value = node[at]
    if isinstance(value, CommentedMap | CommentedSeq) and len(value) and not value.fa.flow_style():
        return _last_line(value)
    return node.ca.items, at, 2 if isinstance(node, CommentedMap) else 0, value


def _fix(item: Any, key: str, ref: str, to: str) -> None:
    """Correct ``ref`` (as written) to ``to`` in the list under ``key``, where it stands.

    When the list already holds ``to``, the entry written another way is
    taken out instead, so the link is not there twice.
    """
    current = item.get(key)
    if isinstance(current, str):
        if current.strip() == ref:
            item[key] = to
        return
    if current is None:
        return
    present = any(str(entry).strip() == to for entry in current)
    for index in reversed(range(len(current))):
        if str(current[index]).strip() == ref:
            if present:
                del current[index]
            else:
                current[index] = to
                present = True


def _drop(item: Any, key: str, ref: str) -> None:
    """Take ``ref`` out of the list under ``key``; remove the key when the list empties."""
    current = item.get(key)
    if current is None:
        return
    entries = [current] if isinstance(current, str) else list(current)
    kept = [entry for entry in entries if str(entry).strip().casefold() != ref.casefold()]
    if len(kept) == len(entries):
        return
    if not kept:
        del item[key]
    elif isinstance(current, str):
        item[key] = kept[0]
    else:
        for index in reversed(range(len(current))):
            if str(current[index]).strip().casefold() == ref.casefold():
                del current[index]
