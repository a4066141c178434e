"""pitchkit's use cases: what each command does, with typed requests and results.

Each use case takes a frozen request and returns a frozen result that the
command line only prints and that ``to_json()`` turns into plain data::

    from pitchkit.api import BriefRequest, write_brief

    result = write_brief(BriefRequest(Path("facts.yaml"), director="dof", out=Path("notes")))
    result.written, result.cuts, result.findings, result.to_json()

A :class:`Listener` passed beside the request hears the language the use
case works in and each warning as it is noticed. Importing this package
is cheap: each use case loads the parts of pitchkit it needs when it runs.
"""

from pitchkit.api.base import Heard, Listener, Result
from pitchkit.api.batch import BatchOutcome, BatchRequest, open_batch, write_batch
from pitchkit.api.notes import (
    BriefRequest,
    BriefResult,
    PeriodStatus,
    UpdateRequest,
    UpdateResult,
    write_brief,
    write_update,
)
from pitchkit.api.plan import CheckRequest, CheckResult, RankRequest, RankResult, check, rank
from pitchkit.api.templates import (
    TemplateCheckRequest,
    TemplateCheckResult,
    TemplateExportRequest,
    check_template,
    export_template,
)

__all__ = [
    "BatchOutcome",
    "BatchRequest",
    "BriefRequest",
    "BriefResult",
    "CheckRequest",
    "CheckResult",
    "Heard",
    "Listener",
    "PeriodStatus",
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
    "export_template",
    "open_batch",
    "rank",
    "write_batch",
    "write_brief",
    "write_update",
]
