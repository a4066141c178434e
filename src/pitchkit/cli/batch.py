"""The ``batch`` command: notes for several directors at once (see :mod:`pitchkit.cli.batching`)."""

from __future__ import annotations

from pitchkit.cli.common import app, user_errors
from pitchkit.cli.options import (
    BatchOutOpt,
    DirectorsOpt,
    FactsArg,
    ForceOpt,
    JobsOpt,
    JsonOpt,
    KindOpt,
    LocaleOpt,
    MeasuresOpt,
    MemoryLimitOpt,
    NoCutsOpt,
    OnlyOpt,
    PackOpt,
    PdfOpt,
    PeriodOpt,
    ResumeOpt,
    StrictOpt,
    TemplateOpt,
    TimeLimitOpt,
    TodayOpt,
)


@app.command(rich_help_panel="Write notes")
@user_errors
def batch(
    facts: FactsArg,
    out: BatchOutOpt = None,
    directors: DirectorsOpt = None,
    kind: KindOpt = "brief",
    only: OnlyOpt = None,
    period: PeriodOpt = None,
    measures: MeasuresOpt = None,
    template: TemplateOpt = None,
    locale: LocaleOpt = None,
    force: ForceOpt = False,
    resume: ResumeOpt = False,
    pdf: PdfOpt = False,
    pack: PackOpt = None,
    jobs: JobsOpt = None,
    no_cuts: NoCutsOpt = False,
    strict: StrictOpt = False,
    today: TodayOpt = None,
    time_limit: TimeLimitOpt = None,
    memory_limit: MemoryLimitOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Write a note for each director at once, with a manifest of what was done.

    Example: pitchkit batch facts.yaml --directors team.xlsx --out notes/ --pack pack.docx
    Example: pitchkit batch facts.yaml --out notes/ --json
    Example: pitchkit batch facts.yaml --out notes/ --resume   (after a batch was stopped)
    """
    from pitchkit.cli.batching import run_batch

    run_batch(
        facts,
        out=out,
        directors=directors,
        kind=kind,
        only=only,
        period=period,
        measures=measures,
        template=template,
        locale=locale,
        force=force,
        resume=resume,
        pdf=pdf,
        pack=pack,
        jobs=jobs,
        no_cuts=no_cuts,
        strict=strict,
        today=today,
        time_limit=time_limit,
        memory_limit=memory_limit,
        as_json=as_json,
    )
