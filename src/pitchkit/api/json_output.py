"""What ``--json`` prints: one JSON object per command, for scripts.

Each command's object has the same first keys (``schema_version``,
``command``, ``ok``, ``locale``, ``warnings``) and then its own; the JSON
Schemas in ``pitchkit/api/schemas/`` describe them, one file a command,
and ``docs/json.md`` shows each with an example. Keys are snake_case and
stable: a key is only ever added, and a change that could break a script
raises :data:`SCHEMA_VERSION`.

Texts meant for people (warnings, findings, reasons) are in the command's
language; ids, statuses, kinds and paths are never translated.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pitchkit.errors import (
    ConversionError,
    DirectorsError,
    FactsError,
    InputError,
    LocaleError,
    OutputError,
    PitchkitError,
    RenderLimitError,
    TemplateError,
)
from pitchkit.i18n.messages import Located, Renderable, render
from pitchkit.i18n.translation import Language

if TYPE_CHECKING:
    from pitchkit.advice import Finding
    from pitchkit.api.batch import BatchOutcome
    from pitchkit.api.notes import BriefResult
    from pitchkit.api.previewing import PreviewResult
    from pitchkit.api.templates import TemplateCheckResult
    from pitchkit.api.update import PeriodStatus, UpdateResult
    from pitchkit.notes.fit import Cut

#: Raised when a key is renamed or removed, or its meaning changes (adding keys keeps it).
SCHEMA_VERSION = 1

#: The commands with ``--json`` output described here, each with its schema's file name.
SCHEMAS = {
    "brief": "brief.json",
    "update": "update.json",
    "batch": "batch.json",
    "preview": "preview.json",
    "template check": "template-check.json",
}

#: The kind of each error, as ``error.kind`` names it (most specific class first).
ERROR_KINDS: tuple[tuple[type[PitchkitError], str], ...] = (
    (FactsError, "facts"),
    (DirectorsError, "directors"),
    (RenderLimitError, "limit"),
    (TemplateError, "template"),
    (OutputError, "output"),
    (ConversionError, "conversion"),
    (LocaleError, "locale"),
    (InputError, "input"),
)


def schema_file(command: str) -> Path:
    """Where the JSON Schema of ``command``'s ``--json`` output is, inside the package."""
    return Path(str(resources.files("pitchkit.api") / "schemas" / SCHEMAS[command]))


def load_schema(command: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``command``'s ``--json`` output."""
    data = json.loads(schema_file(command).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def dumps(document: dict[str, Any]) -> str:
    """``document`` as the command prints it: indented UTF-8 text, keys in their order."""
    return json.dumps(document, ensure_ascii=False, indent=2)


def head(
    command: str, *, ok: bool, lang: Language, warnings: Sequence[Renderable | str]
) -> dict[str, Any]:
    """The keys every command's object starts with; the warnings in ``lang``."""
    return {
        "schema_version": SCHEMA_VERSION,
        "command": command,
        "ok": ok,
        "locale": lang.code,
        "warnings": [render(warning, lang) for warning in warnings],
    }


def file_entry(path: Path, kind: str) -> dict[str, str]:
    """A file written: as pitchkit names it (from the options given), absolute, and its kind."""
    return {"kind": kind, "path": str(path), "absolute": str(path.absolute())}


def written_files(paths: Iterable[Path]) -> list[dict[str, str]]:
    """The notes (``docx``) and PDFs (``pdf``) written, in order."""
    return [file_entry(path, "pdf" if path.suffix.lower() == ".pdf" else "docx") for path in paths]


def cut_entries(cuts: Iterable[Cut], lang: Language) -> list[dict[str, str]]:
    """What was cut to fit one page, in the order the cuts were made."""
    return [{"field": cut.field, "detail": render(cut.detail, lang)} for cut in cuts]


def finding_entries(findings: Iterable[Finding]) -> list[dict[str, Any]]:
    """The guide's findings, most serious first, as ``pitchkit check --json`` gives them."""
    return [
        {
            "rule": finding.rule,
            "severity": finding.severity,
            "message": finding.message,
            "where": finding.where,
            "evidence": finding.evidence,
            "fix": finding.fix,
        }
        for finding in findings
    ]


def director_entry(director_id: str, name: str, role: str) -> dict[str, str]:
    """Whom a note is for."""
    return {"id": director_id, "name": name, "role": role}


def period_entry(status: PeriodStatus) -> dict[str, Any]:
    """The period an update reports on, and what to say about it."""
    return {
        "period": status.period,
        "asked": status.asked,
        "after_project_end": status.after_end.isoformat() if status.after_end else None,
        "before_project_start": status.before_start.isoformat() if status.before_start else None,
        "fill_in": status.fill_in,
    }


def languages(lang: Language, *, bilingual: bool) -> list[str]:
    """The languages of the document, in the order it shows them."""
    return ["cy_GB", "en_GB"] if bilingual else [lang.code]


def brief_json(result: BriefResult) -> dict[str, Any]:
    """What ``pitchkit brief --json`` prints, and ``BriefResult.to_json()`` gives."""
    return {
        **head("brief", ok=True, lang=result.lang, warnings=result.warnings),
        "director": director_entry(result.director, result.director_name, result.director_role),
        "languages": languages(result.lang, bilingual=result.bilingual),
        "files": written_files(result.written),
        "cuts": cut_entries(result.cuts, result.lang),
        "pages": result.pages,
        "pages_measured": result.pages_measured,
        "over_words": result.over_words,
        "findings": finding_entries(result.findings),
    }


def update_json(result: UpdateResult) -> dict[str, Any]:
    """What ``pitchkit update --json`` prints, and ``UpdateResult.to_json()`` gives."""
    return {
        **head("update", ok=True, lang=result.lang, warnings=result.warnings),
        "director": director_entry(result.director, result.director_name, result.director_role),
        "languages": languages(result.lang, bilingual=result.bilingual),
        "files": written_files(result.written),
        "period": period_entry(result.period),
        "pages": result.pages,
        "pages_measured": result.pages_measured,
    }


def in_folder(path: Path, folder: Path) -> Path:
    """``path`` named inside ``folder`` as given, when that is where it is (batch notes)."""
    if path.is_absolute() and not folder.is_absolute() and path.parent == folder.resolve():
        return folder / path.name
    return path


def batch_json(outcome: BatchOutcome) -> dict[str, Any]:
    """What ``pitchkit batch --json`` prints, and ``BatchOutcome.to_json()`` gives.

    Each note's outcome and every file written.
    """
    result, lang = outcome.batch, outcome.lang
    notes = []
    files: list[dict[str, str]] = []
    folder = result.manifest.parent
    for item in result.items:
        if item.status == "skipped":
            continue  # a directors-file row, listed under skipped_rows
        note = file_entry(in_folder(item.file, folder), "docx") if item.file else None
        pdf = file_entry(in_folder(item.pdf, folder), "pdf") if item.pdf else None
        notes.append(
            {
                "director": item.director_id,
                "name": item.name,
                "status": item.status,
                "file": note,
                "pdf": pdf,
                "error": render(item.error, lang) or None,
                "cuts": [
                    {"field": field, "detail": render(detail, lang)} for field, detail in item.cuts
                ],
            }
        )
        if item.status == "ok":
            files.extend(entry for entry in (note, pdf) if entry is not None)
    manifest = file_entry(result.manifest, "manifest") if result.manifest.is_file() else None
    pack = file_entry(result.pack, "pack") if result.pack is not None else None
    files.extend(entry for entry in (manifest, pack) if entry is not None)
    return {
        **head("batch", ok=outcome.ok, lang=lang, warnings=outcome.warnings),
        "kind": outcome.kind,
        "languages": [lang.code],
        "files": files,
        "written": outcome.written,
        "total": len(notes),
        "notes": notes,
        "skipped_rows": [render(problem, lang) for problem in outcome.problems],
        "manifest": manifest,
        "pack": pack,
        "pack_error": render(result.pack_error, lang) or None,
        "interrupted": result.interrupted,
        "period": period_entry(outcome.period) if outcome.period is not None else None,
    }


def block_entry(block: Any) -> dict[str, Any]:
    """One paragraph, table or picture of a previewed note."""
    return {
        "kind": block.kind,
        "text": block.text,
        "rows": [list(row) for row in block.rows],
        "picture": block.picture,
    }


def preview_json(result: PreviewResult) -> dict[str, Any]:
    """What ``pitchkit preview --json`` prints, and ``PreviewResult.to_json()``.

    The note's text, what was cut to fit and the guide's findings.
    """
    lang = result.lang
    return {
        **head("preview", ok=True, lang=lang, warnings=result.warnings),
        "kind": result.kind,
        "director": director_entry(result.director, result.director_name, result.director_role),
        "languages": [lang.code],
        "files": [],
        "blocks": [block_entry(block) for block in result.blocks],
        "notes": list(result.notes),
        "cuts": cut_entries(result.cuts, lang),
        "findings": finding_entries(result.findings),
    }


def located(message: Renderable | str, lang: Language) -> tuple[str | None, str]:
    """Where a message applies (when it says) and the message itself, in ``lang``."""
    if isinstance(message, Located):
        where = render(message.where, lang)
        return (where or None), render(message.message, lang)
    return None, render(message, lang)


def template_check_json(result: TemplateCheckResult) -> dict[str, Any]:
    """What ``pitchkit template check --json`` prints, and ``TemplateCheckResult.to_json()``."""
    report, lang = result.report, result.lang
    findings = []
    for finding in report.findings:
        where, message = located(finding.message, lang)
        findings.append({"severity": finding.level, "message": message, "where": where})
    return {
        **head("template check", ok=result.ok, lang=lang, warnings=result.warnings),
        "template": file_entry(report.template, "docx"),
        "kind": report.kind,
        "filled": report.filled,
        "variables": [
            {"name": usage.path, "places": list(usage.places)} for usage in report.variables
        ],
        "findings": findings,
    }


def error_kind(error: BaseException) -> str:
    """The kind of an error, for ``error.kind``."""
    for cls, kind in ERROR_KINDS:
        if isinstance(error, cls):
            return kind
    if isinstance(error, KeyboardInterrupt):
        return "interrupted"
    if isinstance(error, MemoryError):
        return "memory"
    return "error"


def error_json(
    command: str,
    error: BaseException,
    lines: Sequence[str],
    lang: Language,
    warnings: Sequence[str],
) -> dict[str, Any]:
    """What any command prints with ``--json`` when it stops with an error.

    ``lines`` are the error's lines as standard error shows them (a facts
    file with several problems has one a line).
    """
    return {
        **head(command, ok=False, lang=lang, warnings=warnings),
        "error": {
            "kind": error_kind(error),
            "message": lines[0] if lines else "",
            "lines": list(lines),
            "where": error_where(error, lang),
        },
    }


def error_where(error: BaseException, lang: Language) -> str | None:
    """Where the error is (``facts.yaml:3:5``, a field, a row), when its message says."""
    if isinstance(error, FactsError):
        first = error.parts[0] if error.parts else None
    else:
        first = getattr(error, "text", None)
    if isinstance(first, Located):
        return located(first, lang)[0]
    return None
