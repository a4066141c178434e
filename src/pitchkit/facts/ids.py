"""How ids are compared: one rule for every director, objective and link (newuser34 #3).

The README says ``dof``, ``DoF`` and ``DOF`` are one id. Every comparison of
a director's id (a team sheet's, ``supports:``, ``excludes:``, ``-d``,
``meeting.director``) goes through :func:`id_key`, so no place can treat
them as two.
"""

from __future__ import annotations

from collections.abc import Sequence


def id_key(text: str) -> str:
    """``text`` as ids are compared: without case or spaces around it (``DOF`` is ``dof``)."""
    return text.strip().casefold()


def same_id(first: str, second: str) -> bool:
    """Whether two ids are the same id, case aside."""
    return id_key(first) == id_key(second)


def link_director(link: str) -> str:
    """The director a ``supports:`` or ``excludes:`` link names, as compared (``DOF.cip``: dof)."""
    return id_key(link.partition(".")[0])


#: The short ids people give a director, by the lens (:mod:`pitchkit.recast.lenses`) of the
#: role they stand for: ``cfo``, ``dof`` and ``fd`` are all a finance director, whatever id a
#: team sheet gave theirs. A suggestion for an unknown ``-d`` prefers a director whose role
#: one of these names over an id a letter away (``cfo`` is not ``coo``; newuser34 #2).
ROLE_IDS: dict[str, str] = {
    **dict.fromkeys(("cfo", "dof", "fd", "df", "dfin", "finance"), "finance"),
    **dict.fromkeys(("cno", "don", "cn", "dn", "dnq", "dnmahp", "nursing", "nurse"), "nursing"),
    **dict.fromkeys(("md", "cmo", "mdir", "dmd", "medical"), "medical"),
    **dict.fromkeys(("coo", "doo", "ops", "dops", "operations"), "operations"),
    **dict.fromkeys(("ceo", "ce", "chief-executive", "chiefexec"), "chief-executive"),
    **dict.fromkeys(
        ("dop", "cpo", "dow", "dwod", "dpod", "hrd", "dhr", "dwf", "people", "workforce", "hr"),
        "workforce",
    ),
    **dict.fromkeys(("dos", "dsp", "dosp", "strategy"), "strategy"),
    **dict.fromkeys(("cdio", "cio", "cdo", "cido", "dod", "digital"), "digital"),
    **dict.fromkeys(("dpc", "dpcc", "primary-care"), "primary-community"),
    **dict.fromkeys(("dph", "public-health"), "public-health"),
    **dict.fromkeys(("cahp", "ahp", "dot", "dahp", "therapies"), "therapies"),
}


def role_matches(wanted: str, roles: Sequence[tuple[str, str]]) -> list[str] | None:
    """The ids (of ``roles``, each an id and a role) whose role the short id ``wanted`` names.

    ``None`` when ``wanted`` is no id people give a role (then only the
    spelling can suggest one); an empty list when it names a role no one has.
    """
    from pitchkit.recast.lenses import match_role

    lens = ROLE_IDS.get(id_key(wanted))
    if lens is None:
        return None
    found: list[str] = []
    for ident, role in roles:
        matched = match_role(role)
        if matched is not None and matched[0] == lens:
            found.append(ident)
    return found
