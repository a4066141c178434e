"""The user's own templates: the ``check_template`` and ``export_template`` use cases."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pitchkit.api.base import Result
from pitchkit.api.requests import Checked
from pitchkit.i18n.messages import Renderable
from pitchkit.i18n.translation import Language, language

if TYPE_CHECKING:
    from pitchkit.authoring.check import CheckReport


@dataclass(frozen=True)
class TemplateCheckRequest(Checked):
    """Check the template at ``path`` as a ``kind`` (brief or update; default: guessed)."""

    path: Path
    kind: str | None = None
    #: ``--time-limit`` and ``--memory-limit`` as given (default: the environment's or built in).
    time_limit: str | None = None
    memory_limit: str | None = None
    #: The language to report in.
    locale: str | None = None


@dataclass(frozen=True)
class TemplateCheckResult(Result):
    """What checking a template found: the variables it uses and what is wrong with it."""

    lang: Language
    report: CheckReport

    @property
    def ok(self) -> bool:
        """Whether the template can be filled (it has no error; warnings alone leave it ok)."""
        return self.report.ok

    @property
    def warnings(self) -> tuple[Renderable | str, ...]:
        """The findings that do not stop the template being filled, as the CLI warns of them."""
        return tuple(f.message for f in self.report.findings if f.level == "warning")

    def to_json(self) -> dict[str, Any]:
        """The result as ``pitchkit template check --json`` prints it (docs/json.md)."""
        from pitchkit.api.json_output import template_check_json

        return template_check_json(self)


def check_template(request: TemplateCheckRequest) -> TemplateCheckResult:
    """List the variables a template uses and check it can be filled with the example's facts."""
    from pitchkit.authoring.check import check_template as check_file
    from pitchkit.word.limits import chosen_limits

    lang = language(request.locale)
    limits = chosen_limits(request.time_limit, request.memory_limit)
    report = check_file(request.path, kind=request.kind, limits=limits)
    return TemplateCheckResult(lang, report)


@dataclass(frozen=True)
class TemplateExportRequest(Checked):
    """Save the built-in ``kind`` template at ``path`` (a file or a folder)."""

    kind: str
    path: Path
    force: bool = False


def export_template(request: TemplateExportRequest) -> Path:
    """Save a built-in template as a .docx to restyle; return where it went."""
    from pitchkit.authoring.check import export_template as export_file

    return export_file(request.kind, request.path, force=request.force)
