"""pitchkit's use cases: what each command does, with typed requests and results.

Each use case takes a frozen request and returns a frozen result that the
command line only prints and that ``to_json()`` turns into plain data::

    from pitchkit.api import BriefRequest, write_brief

    result = write_brief(BriefRequest(Path("facts.yaml"), director="dof", out=Path("notes")))
    result.written, result.cuts, result.findings, result.to_json()

A :class:`Listener` passed beside the request hears the language the use
case works in and each warning as it is noticed. Importing this package
is cheap: each use case's module is loaded when one of its names is first
used (a ``brief`` loads neither the batch nor the planning use cases), and
each use case loads the parts of pitchkit it needs when it runs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pitchkit.api.base import Heard, Listener, Result
    from pitchkit.api.batch import BatchOutcome, BatchRequest, open_batch, write_batch
    from pitchkit.api.link import LinkRequest, LinkResult, decide_links
    from pitchkit.api.notes import BriefRequest, BriefResult, write_brief
    from pitchkit.api.plan import CheckRequest, CheckResult, RankRequest, RankResult, check, rank
    from pitchkit.api.previewing import PreviewRequest, PreviewResult, preview
    from pitchkit.api.templates import (
        TemplateCheckRequest,
        TemplateCheckResult,
        TemplateExportRequest,
        check_template,
        export_template,
    )
    from pitchkit.api.update import PeriodStatus, UpdateRequest, UpdateResult, write_update

__all__ = [
    "BatchOutcome",
    "BatchRequest",
    "BriefRequest",
    "BriefResult",
    "CheckRequest",
    "CheckResult",
    "Heard",
    "LinkRequest",
    "LinkResult",
    "Listener",
    "PeriodStatus",
    "PreviewRequest",
    "PreviewResult",
    "RankRequest",
    "RankResult",
    "Result",
    "TemplateCheckRequest",
    "TemplateCheckResult",
    "TemplateExportRequest",
    "UpdateRequest",
    "UpdateResult",
    "check",
    "check_template",
    "decide_links",
    "export_template",
    "open_batch",
    "preview",
    "rank",
    "write_batch",
    "write_brief",
    "write_update",
]

#: The module that defines each name, loaded on first use.
_HOMES = {
    **dict.fromkeys(("Heard", "Listener", "Result"), "base"),
    **dict.fromkeys(("BatchOutcome", "BatchRequest", "open_batch", "write_batch"), "batch"),
    **dict.fromkeys(("LinkRequest", "LinkResult", "decide_links"), "link"),
    **dict.fromkeys(("BriefRequest", "BriefResult", "write_brief"), "notes"),
    **dict.fromkeys(("PeriodStatus", "UpdateRequest", "UpdateResult", "write_update"), "update"),
    **dict.fromkeys(
        ("CheckRequest", "CheckResult", "RankRequest", "RankResult", "check", "rank"), "plan"
    ),
    **dict.fromkeys(("PreviewRequest", "PreviewResult", "preview"), "previewing"),
    **dict.fromkeys(
        (
            "TemplateCheckRequest",
            "TemplateCheckResult",
            "TemplateExportRequest",
            "check_template",
            "export_template",
        ),
        "templates",
    ),
}


def __getattr__(name: str) -> Any:
    """Load the use case module that defines ``name``."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'pitchkit.api' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"pitchkit.api.{home}"), name)
    globals()[name] = value
    return value
