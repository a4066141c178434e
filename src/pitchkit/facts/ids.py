"""How ids are compared: one rule for every director, objective and link (newuser34 #3).

The README says ``dof``, ``DoF`` and ``DOF`` are one id. Every comparison of
a director's id (a team sheet's, ``supports:``, ``excludes:``, ``-d``,
``meeting.director``) goes through :func:`id_key`, so no place can treat
them as two.
"""

from __future__ import annotations


def id_key(text: str) -> str:
    """``text`` as ids are compared: without case or spaces around it (``DOF`` is ``dof``)."""
    return text.strip().casefold()


def same_id(first: str, second: str) -> bool:
    """Whether two ids are the same id, case aside."""
    return id_key(first) == id_key(second)


def link_director(link: str) -> str:
    """The director a ``supports:`` or ``excludes:`` link names, as compared (``DOF.cip``: dof)."""
    return id_key(link.partition(".")[0])
