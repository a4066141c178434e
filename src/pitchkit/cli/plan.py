"""Commands that plan the approach: ``directors`` and ``check``."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import TYPE_CHECKING, Annotated, Any

import typer

from pitchkit.cli.common import (
    DirectorsOpt,
    FactsArg,
    LocaleOpt,
    QuietOpt,
    VerboseOpt,
    app,
    escape,
    load_project,
    out_console,
    say,
    user_errors,
    warn,
)
from pitchkit.errors import PitchkitError
from pitchkit.i18n.messages import Message
from pitchkit.i18n.translation import N_, Language

if TYPE_CHECKING:
    from pitchkit.advice import Finding
    from pitchkit.advice.ranking import Place, Ranking
    from pitchkit.facts.schema import LoadedFacts
    from pitchkit.init.linkedit import Candidate


def role_and_lens(place: Place, lang: Language) -> str:
    """``Chief Nurse / Director of Nursing``; the role alone when the lens says the same."""
    from pitchkit.advice.ranking import lens_title

    lens = lens_title(place, lang)
    role = place.director.role
    return role if role.casefold() == lens.casefold() else f"{role} / {lens}"


#: The ranking table's first columns (the last two are wider).
RANKING_COLUMNS = ("#", N_("Director"), N_("Role / lens"), N_("Score"), N_("Objectives served"))


def ranking_table(ranking: Ranking, lang: Language) -> Any:
    """The ranked directors as a rich table."""
    from rich.table import Table

    from pitchkit.advice.ranking import link_reason, objective_label, statement_text

    table = Table(show_lines=True, expand=False)
    for column in RANKING_COLUMNS:
        table.add_column(lang.gettext(column), overflow="fold")
    table.add_column(lang.gettext("Strongest statement"), overflow="fold", ratio=2)
    table.add_column(lang.gettext("Why linked"), overflow="fold", ratio=2)
    for place in ranking.places:
        pitch = place.pitch
        reasons = [
            f"{found.impact} → {found.objective}: "
            f"{link_reason(found, lang, director_id=place.director.id)}"
            for found in pitch.links
        ]
        table.add_row(
            str(place.rank),
            escape(f"{place.director.name} ({place.director.id})"),
            escape(role_and_lens(place, lang)),
            str(pitch.score),
            escape("\n".join(objective_label(o, lang) for o in pitch.served) or "-"),
            escape(statement_text(place, lang) or "-"),
            escape("\n".join(reasons) or lang.gettext("no objective served")),
        )
    return table


@app.command(rich_help_panel="Plan and check")
@user_errors
def directors(
    facts: FactsArg,
    directors: DirectorsOpt = None,
    locale: LocaleOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the ranking as JSON.")] = False,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Rank the directors by how well the project serves them, and say whom to approach first.

    Example: pitchkit directors facts.yaml --directors team.xlsx
    """
    from pitchkit.advice.ranking import rank_directors, ranking_json, recommendation_lines, team_for

    project = load_project(facts, locale)
    team = team_for(project.loaded, directors)
    for line in team.warnings:
        warn(line)
    ranking = rank_directors(team.loaded.facts, project.lang)
    if as_json:
        typer.echo(json.dumps(ranking_json(ranking, project.lang), ensure_ascii=False, indent=2))
        return
    out_console.print(ranking_table(ranking, project.lang))
    out_console.print()
    heading = project.lang.gettext("Recommendation")
    out_console.print(f"[bold]{escape(heading)}[/]")
    for line in recommendation_lines(ranking, project.lang):
        out_console.print(escape(line))


SEVERITY_HEADINGS = {"error": N_("Errors"), "warning": N_("Warnings"), "info": N_("Notes")}
#: The word before each finding in the advice after a note is written.
SEVERITY_WORDS = {"error": N_("error"), "warning": N_("warning"), "info": N_("note")}
SEVERITY_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


def print_findings(findings: list[Finding], lang: Language) -> None:
    """Findings grouped by severity, each with where, evidence and fix."""
    from pitchkit.advice import SEVERITIES

    if not findings:
        out_console.print(lang.gettext("No findings: the pitch follows the guide's advice."))
        return
    for severity in SEVERITIES:
        group = [f for f in findings if f.severity == severity]
        if not group:
            continue
        colour = SEVERITY_COLOURS[severity]
        heading = lang.gettext(SEVERITY_HEADINGS[severity])
        out_console.print(f"[bold {colour}]{escape(heading)} ({len(group)})[/]")
        for finding in group:
            out_console.print(f"  [{colour}]{finding.rule}[/]: {escape(finding.message)}")
            if finding.where:
                where = lang.gettext("where: {where}").format(where=finding.where)
                out_console.print(f"    {escape(where)}")
            evidence = lang.gettext("evidence: {evidence}").format(evidence=finding.evidence)
            out_console.print(f"    {escape(evidence)}")
            fix = lang.gettext("fix: {fix}").format(fix=finding.fix)
            out_console.print(f"    {escape(fix)}")
        out_console.print()


def brief_findings(loaded: LoadedFacts, director_id: str, lang: Language) -> list[Finding]:
    """The guide's findings for a note just written; a problem is a warning, never a failure."""
    from pitchkit.advice import check
    from pitchkit.advice.length import LENGTH_RULES

    try:
        findings = check(loaded, director_id=director_id, today=dt.date.today(), lang=lang)
        return [finding for finding in findings if finding.rule not in LENGTH_RULES]
    except PitchkitError as error:
        warn(Message("the pitch could not be checked against the guide: {why}", why=error.text))
        return []


def report_advice(findings: list[Finding], lang: Language) -> None:
    """The findings in brief, one line each, after a note is written."""
    if not findings:
        return
    say(lang.gettext("Advice from the guide (run 'pitchkit check' for the evidence and fixes):"))
    for finding in findings:
        say(f"  {lang.gettext(SEVERITY_WORDS[finding.severity])}: {finding.message}")


def has_warnings(findings: list[Finding]) -> bool:
    """Whether any finding is a warning or an error."""
    return any(f.severity in ("warning", "error") for f in findings)


@app.command(name="check", rich_help_panel="Plan and check")
@user_errors
def check_command(
    facts: FactsArg,
    director: Annotated[
        str | None,
        typer.Option(
            "--director",
            "-d",
            help="Id of the director the pitch is for (default: the meeting's director).",
        ),
    ] = None,
    directors: DirectorsOpt = None,
    locale: LocaleOpt = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 when any warning or error is found.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the findings as JSON.")] = False,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Check the pitch against the guide's advice on winning an executive sponsor.

    Findings never change the exit code unless --strict is given.

    Example: pitchkit check facts.yaml --director dof --strict
    """
    from pitchkit.advice import check
    from pitchkit.advice.ranking import team_for

    project = load_project(facts, locale)
    team = team_for(project.loaded, directors) if directors else None
    for line in team.warnings if team else ():
        warn(line)
    loaded = team.loaded if team else project.loaded
    findings = check(loaded, director_id=director, today=dt.date.today(), lang=project.lang)
    if as_json:
        data = {"findings": [dataclasses.asdict(f) for f in findings]}
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print_findings(findings, project.lang)
    if strict and has_warnings(findings):
        raise typer.Exit(1)


def _ask_about(candidate: Candidate, lang: Language) -> str:
    """Show one proposed link with its reason and read the lead's answer (y, n, s or q)."""
    from pitchkit.advice.ranking import link_reason

    found = candidate.link
    out_console.print(
        f"[bold]{escape(candidate.impact.measure)}[/] → "
        f"{escape(candidate.director.name)}: {escape(candidate.objective.text)}"
    )
    reason = link_reason(found, lang, director_id=candidate.director.id)
    out_console.print(f"  {escape(reason)}")
    question = lang.gettext(
        "Does '{impact}' serve {ref}? y = yes (supports), n = no (excludes), s = skip, q = stop"
    ).format(impact=candidate.impact.id, ref=candidate.ref)
    while True:
        answer = str(typer.prompt(question, default="s")).strip().casefold()[:1]
        if answer in ANSWERS:
            return ANSWERS[answer]
        out_console.print(lang.gettext("Answer y, n, s or q."))


#: Answers to the link question, in English and Welsh (ie = yes, na = no, hepgor, stop).
ANSWERS = {"y": "y", "i": "y", "n": "n", "s": "s", "h": "s", "q": "q"}


@app.command(name="link", rich_help_panel="Plan and check")
@user_errors
def link_command(
    facts: FactsArg,
    accept: Annotated[
        list[str] | None,
        typer.Option(
            "--accept",
            metavar="IMPACT:DIRECTOR.OBJECTIVE",
            help="Confirm a link (adds it to supports:), e.g. antibiotics:md.shmi. Repeatable.",
        ),
    ] = None,
    reject: Annotated[
        list[str] | None,
        typer.Option(
            "--reject",
            metavar="IMPACT:DIRECTOR.OBJECTIVE",
            help="Rule out a link (adds it to excludes:), e.g. antibiotics:cn.voice. Repeatable.",
        ),
    ] = None,
    all_confident: Annotated[
        bool,
        typer.Option("--all-confident", help="Accept every link the measure map is sure of."),
    ] = False,
    locale: LocaleOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Confirm or rule out the links pitchkit found, writing 'supports:' and 'excludes:'.

    With no options, each proposed link is shown with its reason and you are
    asked about it. Comments in the facts file are kept.

    Example: pitchkit link facts.yaml --accept antibiotics:md.shmi --reject antibiotics:cn.voice
    """
    from pitchkit.init.linkedit import Decision, candidates, decided_text, decision
    from pitchkit.output.files import write_atomic

    project = load_project(facts, locale)
    lang = project.lang
    loaded = project.loaded
    proposed = candidates(loaded.facts)
    decisions: list[Decision] = []
    if accept or reject or all_confident:
        decisions += [decision(text, loaded.facts, accept=True) for text in accept or ()]
        decisions += [decision(text, loaded.facts, accept=False) for text in reject or ()]
        if all_confident:
            decided = {(d.impact, d.ref.casefold()) for d in decisions}
            decisions += [
                Decision(c.impact.id, c.ref, True)
                for c in proposed
                if c.link.confidence == "confident"
                and (c.impact.id, c.ref.casefold()) not in decided
            ]
    elif not proposed:
        say(lang.gettext("No links to decide: every link pitchkit found is settled already."))
        return
    else:
        try:
            for candidate in proposed:
                answer = _ask_about(candidate, lang)
                if answer == "q":
                    break
                if answer in ("y", "n"):
                    decisions.append(Decision(candidate.impact.id, candidate.ref, answer == "y"))
        except typer.Abort:
            warn(Message("the questions ended early, so nothing was written"))
            raise typer.Exit(1) from None
    if not decisions:
        say(lang.gettext("Nothing was written."))
        return
    text = decided_text(loaded.path, decisions)
    write_atomic(loaded.path, text.encode("utf-8"), force=True)
    accepted = sum(d.accept for d in decisions)
    say(
        lang.gettext(
            "Wrote {accepted} to 'supports:' and {rejected} to 'excludes:' in {path}."
        ).format(accepted=accepted, rejected=len(decisions) - accepted, path=loaded.path)
    )
