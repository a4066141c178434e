"""Commands for your own Word templates: ``template export`` and ``template check``."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Annotated

import typer

from pitchkit.cli.common import (
    app,
    emit_json,
    fail,
    say,
    speak,
    user_errors,
    warn,
    words,
)
from pitchkit.cli.options import (
    ForceOpt,
    JsonOpt,
    MemoryLimitOpt,
    MessagesLocaleOpt,
    TimeLimitOpt,
)
from pitchkit.i18n.messages import Located, Message
from pitchkit.i18n.translation import language

template_app = typer.Typer(
    help="Use your own Word template: export a built-in one to restyle, or check yours.",
    no_args_is_help=True,
)

app.add_typer(template_app, name="template", rich_help_panel="Your own templates")

KindArg = Annotated[
    str, typer.Argument(help="Which template: brief or update.", show_default=False)
]


def speak_locale(locale: str | None) -> None:
    """Report in ``locale`` (an unknown one is an error); English when it is not given."""
    if locale is not None:
        speak(language(locale))


@template_app.command("export")
@user_errors
def template_export(
    kind: KindArg,
    path: Annotated[
        Path, typer.Argument(help="The .docx file (or folder) to write.", show_default=False)
    ],
    force: ForceOpt = False,
    locale: MessagesLocaleOpt = None,
) -> None:
    """Save a built-in template as a .docx you can restyle in Word.

    Example: pitchkit template export brief our-brief.docx
    """
    from pitchkit.api import TemplateExportRequest, export_template

    speak_locale(locale)
    written = export_template(TemplateExportRequest(kind, path, force=force))
    say(Message("Wrote {path}", path=written))
    say(
        Message(
            "Restyle it in Word, then use it with: pitchkit {kind} FACTS --template {path}",
            kind=kind,
            path=shlex.quote(str(written)),
        )
    )


@template_app.command("check")
@user_errors
def template_check(
    path: Annotated[Path, typer.Argument(help="Your Word template (.docx).", show_default=False)],
    kind: Annotated[
        str | None,
        typer.Option("--kind", "-k", help="brief or update (default: update if it uses 'update')."),
    ] = None,
    time_limit: TimeLimitOpt = None,
    memory_limit: MemoryLimitOpt = None,
    locale: MessagesLocaleOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """List the variables a template uses and check it can be filled.

    Exits 1 when the template cannot be filled; warnings alone exit 0.
    Example: pitchkit template check our-brief.docx
    Example: pitchkit template check our-brief.docx --json
    """
    from pitchkit.api import TemplateCheckRequest, check_template
    from pitchkit.authoring.check import part_name

    speak_locale(locale)
    request = TemplateCheckRequest(path, kind, time_limit, memory_limit, locale)
    result = check_template(request)
    report = result.report
    if report.kind == "brief":
        checked = Message("checked as a briefing note template")
    else:
        checked = Message("checked as a progress update template")
    say(Located(str(path), checked))
    say(Message("Variables used ({n}):", n=len(report.variables)))
    width = max((len(u.path) for u in report.variables), default=0)
    for usage in report.variables:
        places = ", ".join(words(part_name(place)) for place in usage.places)
        say(f"  {usage.path.ljust(width)}  {places}")
    for finding in report.findings:
        if finding.level == "warning":
            warn(finding.message)
    errors = [f.message for f in report.findings if f.level == "error"]
    for message in errors:
        fail(message)
    if as_json:
        emit_json(result.to_json())
    if errors:
        raise typer.Exit(1)
    say(Message("It fills correctly with the example project's facts."))
