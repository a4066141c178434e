"""Commands that plan the approach: ``directors``, ``check`` and ``link``."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, Any

import typer

from pitchkit.cli.common import (
    Terminal,
    UserDefaults,
    Verbosity,
    app,
    escape,
    out_console,
    say,
    user_errors,
    warn,
)
from pitchkit.cli.flags import given_day
from pitchkit.cli.options import DirectorsOpt, FactsArg, MeasuresOpt, ReportLocaleOpt, TodayOpt
from pitchkit.cli.running import SEVERITY_COLOURS
from pitchkit.i18n.translation import N_, Language

if TYPE_CHECKING:
    from pitchkit.advice import Finding
    from pitchkit.advice.ranking import Place, Ranking
    from pitchkit.api.link import Answer
    from pitchkit.init.linkedit import Candidate


def role_and_lens(place: Place, lang: Language) -> str:
    """The director's role as written, and the lens it is read as only when that says more.

    ``Chief Nurse (read as: Director of Nursing)``. A lens whose words the
    role already holds ("Director of Nursing and Quality" read as Director of
    Nursing) adds nothing, and the general lens (a role no lens names) says
    nothing of the role: the role alone, as the team file writes it
    (newuser14 P7).
    """
    from pitchkit.advice.ranking import lens_title

    role = place.director.role
    if place.pitch.lens.lens.id == GENERAL_LENS:
        return role
    lens = lens_title(place, lang)
    if _words(lens) <= _words(role) or _same_title(role, lens):
        return role
    return lang.gettext("{role} (read as: {lens})").format(role=role, lens=lens)


#: The lens for a role no other lens names.
GENERAL_LENS = "general"
#: Words that say nothing of a role's meaning (English and Welsh).
_ROLE_FILLER = frozenset({"of", "and", "the", "for", "a", "y", "yr", "ac", "a'r", "&"})


def _words(title: str) -> frozenset[str]:
    """The words of a title that carry its meaning, lower-cased."""
    words = re.findall(r"[\w'&]+", title.casefold())
    return frozenset(word for word in words if word not in _ROLE_FILLER)


def _same_title(role: str, lens: str) -> bool:
    """Whether two job titles differ only in case, accents or word endings.

    "Cyfarwyddwr Therapïau a Gwyddorau Iechyd" and the lens's "Cyfarwyddwr
    Therapïau a Gwyddor Iechyd" are one title: shown once, not twice side by
    side (newuser15 #8).
    """
    import unicodedata

    def words(text: str) -> list[str]:
        plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
        return "".join(c if c.isalnum() else " " for c in plain.casefold()).split()

    def alike(one: str, other: str) -> bool:
        if one.startswith(other) or other.startswith(one):
            return True
        common = next(
            (i for i, (a, b) in enumerate(zip(one, other, strict=False)) if a != b),
            min(len(one), len(other)),
        )
        return common >= max(4, min(len(one), len(other)) - 2)

    mine, theirs = words(role), words(lens)
    return len(mine) == len(theirs) and all(alike(a, b) for a, b in zip(mine, theirs, strict=True))


#: The ranking table's first columns (the last two are wider).
RANKING_COLUMNS = ("#", N_("Director"), N_("Role"), N_("Score"), N_("Objectives"))
#: The narrowest terminal the ranking is shown as a table in: below it, "Why linked"
#: would be under 40 characters wide (at 80, a word or two a line), so each director
#: is shown as a block instead, their reasons under them at the terminal's width.
TABLE_WIDTH = 200


def objective_lines(place: Place, lang: Language) -> list[str]:
    """Every objective of the director, each after the id to type into ``supports:``.

    Those the project serves are marked, so the ones still unlinked stand out.
    """
    from pitchkit.advice.ranking import objective_label

    served = {o.id for o in place.pitch.served}
    lines = []
    for objective in place.pitch.objectives:
        line = f"{place.director.id}.{objective.id}: {objective_label(objective, lang)}"
        if objective.id in served:
            line += " " + lang.gettext("(served)")
        lines.append(line)
    return lines


def reason_lines(place: Place, lang: Language) -> list[str]:
    """Why each link was made: one line for each, impact → objective: reason."""
    from pitchkit.advice.ranking import link_reason

    return [
        f"{found.impact} → {found.objective}: "
        f"{link_reason(found, lang, director_id=place.director.id)}"
        for found in place.pitch.links
    ]


def ranking_table(ranking: Ranking, lang: Language) -> Any:
    """The ranked directors as a rich table."""
    from rich.table import Table

    from pitchkit.advice.ranking import order_note, statement_text

    table = Table(show_lines=True, expand=False)
    for column in RANKING_COLUMNS:
        table.add_column(lang.gettext(column), overflow="fold")
    table.add_column(lang.gettext("Strongest statement"), overflow="fold", ratio=2)
    table.add_column(lang.gettext("Why linked"), overflow="fold", ratio=2)
    for place in ranking.places:
        table.add_row(
            str(place.rank),
            escape(f"{place.director.name} ({place.director.id})"),
            escape(role_and_lens(place, lang)),
            # Out of 100, said: "66" alone reads as anything (newuser37 #13).
            escape(
                "\n".join(
                    part
                    for part in (
                        lang.gettext("{score}/100").format(score=place.pitch.score),
                        order_note(ranking, place, lang),
                    )
                    if part
                )
            ),
            escape("\n".join(objective_lines(place, lang)) or "-"),
            escape(statement_text(place, lang) or "-"),
            escape("\n".join(reason_lines(place, lang)) or lang.gettext("no objective served")),
        )
    return table


def ranking_blocks(ranking: Ranking, lang: Language, width: int) -> list[str]:
    """The ranked directors one after another, for a terminal too narrow for the table.

    Each director's line is followed by their score, objectives, strongest
    statement and why each link was made, indented and wrapped to ``width``.
    """
    from pitchkit.advice.ranking import order_note, statement_text

    lines: list[str] = []
    for place in ranking.places:
        heading = f"{place.rank}. {place.director.name} ({place.director.id}), "
        lines += wrapped(heading + role_and_lens(place, lang), "", width)
        score = lang.gettext("{score} out of 100").format(score=place.pitch.score)
        if note := order_note(ranking, place, lang):
            score = f"{score} ({note})"
        lines += wrapped(f"{lang.gettext('Score')}: {score}", "   ", width)
        # The lens's defaults are never shown as the director's own.
        listed = (
            lang.gettext("Objectives")
            if place.director.objectives
            else lang.gettext("Objectives a director in this role usually holds")
        )
        lines.append(f"   {listed}:")
        for line in objective_lines(place, lang) or ["-"]:
            lines += wrapped(line, "     ", width)
        statement = statement_text(place, lang) or "-"
        lines += wrapped(f"{lang.gettext('Strongest statement')}: {statement}", "   ", width)
        lines.append(f"   {lang.gettext('Why linked')}:")
        for line in reason_lines(place, lang) or [lang.gettext("no objective served")]:
            lines += wrapped(line, "     ", width)
        lines.append("")
    return lines


def wrapped(text: str, indent: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` (40 at least), the first after ``indent``.

    Later lines are indented two more spaces. A word is never broken, nor
    an id at its hyphens: ``coo.four-hour`` stays whole, to be copied.
    """
    import textwrap

    return textwrap.wrap(
        text,
        max(width, 40),
        initial_indent=indent,
        subsequent_indent=indent + "  ",
        break_long_words=False,
        break_on_hyphens=False,
    ) or [indent.rstrip()]


def welsh_only_warning(ranking: Ranking) -> None:
    """Warn that the measure map cannot read the measures or objectives given in Welsh only.

    A text in the facts file is named by its field, with the ``{en: ..., cy: ...}``
    fix; an objective from a team sheet by its row and column, with the sheet's fix
    (an ``objectives_en`` column), since a cell does not read YAML.
    """
    from pitchkit.facts.directors import sheet_place
    from pitchkit.facts.yamlsource import dotted
    from pitchkit.i18n.messages import Located, Message
    from pitchkit.recast.english import welsh_only

    fields: list[str] = []
    for loc, text in welsh_only(ranking.facts):
        place = sheet_place(ranking.facts, loc)
        if place is None:
            fields.append(dotted(loc))
            continue
        warn(
            Located(
                place,
                Message(
                    "'{text}' is in Welsh only, so the measure map cannot read it and links "
                    "to it rest on shared words: add a column objectives_en to the sheet with "
                    "the English of each objective in this row, in the same order, separated "
                    "by ';'",
                    text=text,
                ),
            )
        )
    if fields:
        warn(
            Message(
                "the measure map cannot read text in Welsh only ({fields}), so links to it "
                "rest on shared words: give each as {{en: ..., cy: ...}} to link on the English",
                fields=", ".join(fields),
            )
        )


@app.command(rich_help_panel="Plan and check")
@user_errors
def directors(
    facts: FactsArg,
    directors: DirectorsOpt = None,
    measures: MeasuresOpt = None,
    locale: ReportLocaleOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the ranking as JSON.")] = False,
    today: TodayOpt = None,
) -> None:
    """Rank the directors by how well the project serves them, and say whom to approach first.

    Example: pitchkit directors facts.yaml --directors team.xlsx
    """
    from pitchkit.advice.ranking import recommendation_lines
    from pitchkit.api import RankRequest, rank

    result = rank(
        RankRequest(
            facts,
            directors,
            locale,
            default_locale=UserDefaults.locale,
            measures=measures,
            today=given_day(today),
        ),
        Terminal(),
    )
    ranking, lang = result.ranking, result.lang
    welsh_only_warning(ranking)
    if as_json:
        typer.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return
    if out_console.width >= TABLE_WIDTH:
        out_console.print(ranking_table(ranking, lang))
        out_console.print()
    else:
        for line in ranking_blocks(ranking, lang, out_console.width):
            out_console.print(escape(line))
    heading = lang.gettext("Recommendation")
    out_console.print(f"[bold]{escape(heading)}[/]")
    for paragraph in recommendation_lines(ranking, lang):
        if out_console.width >= TABLE_WIDTH:
            out_console.print(escape(paragraph))
            continue
        for line in wrapped(paragraph, "", out_console.width):
            out_console.print(escape(line))


SEVERITY_HEADINGS = {"error": N_("Errors"), "warning": N_("Warnings"), "info": N_("Notes")}


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
            # A fix of several lines (one 'supports:' line per impact) keeps its lines.
            first, *more = finding.fix.split("\n")
            fix = lang.gettext("fix: {fix}").format(fix=first)
            out_console.print(f"    {escape(fix)}")
            for line in more:
                out_console.print(f"      {escape(line)}", overflow="ignore", crop=False)
        out_console.print()


def quiet_findings(findings: Sequence[Finding]) -> tuple[Finding, ...]:
    """``findings`` as the verbosity shows them: with --quiet, the warnings and errors only."""
    if Verbosity.level >= 1:
        return tuple(findings)
    return tuple(finding for finding in findings if finding.severity != "info")


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
    measures: MeasuresOpt = None,
    locale: ReportLocaleOpt = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 when any warning or error is found.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the findings as JSON.")] = False,
    today: TodayOpt = None,
) -> None:
    """Check the pitch against the guide's advice on winning an executive sponsor.

    Findings are advice on a facts file that can be read, so even an error
    finding exits 0 and the notes can still be written; with --strict any
    warning or error exits 1 (for scripts and CI). A facts file that cannot
    be read exits 1, as for every command. With -q the guide's notes are
    left out; its warnings and errors never are.

    Example: pitchkit check facts.yaml --director dof --strict
    """
    from pitchkit.api import CheckRequest, check

    result = check(
        CheckRequest(
            facts,
            director,
            directors,
            locale,
            default_locale=UserDefaults.locale,
            measures=measures,
            today=given_day(today),
        ),
        Terminal(),
    )
    if as_json:
        typer.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    elif shown := quiet_findings(result.findings):
        print_findings(list(shown), result.lang)
    elif not result.findings:
        print_findings([], result.lang)
    if strict and result.has_warnings:
        raise typer.Exit(1)


def _ask_about(candidate: Candidate, lang: Language) -> Answer:
    """Show one proposed link with its reason and read the lead's answer (y, n, s or q)."""
    from pitchkit.advice.ranking import offer_reason

    found = candidate.link
    out_console.print(
        f"[bold]{escape(candidate.impact.measure)}[/] → "
        f"{escape(candidate.director.name)}: {escape(candidate.objective.text)}"
    )
    out_console.print(f"  {escape(offer_reason(found, lang))}")
    question = lang.gettext(
        "Does '{impact}' serve {ref}? y = yes (supports), n = no (excludes), s = skip, q = stop"
    ).format(impact=candidate.impact.id, ref=candidate.ref)
    # The default is shown as the key the question lists: "h" (hepgor) in Welsh (newuser31 #5).
    skip = "h" if lang.lang == "cy" else "s"
    while True:
        answer = str(typer.prompt(question, default=skip)).strip().casefold()[:1]
        if answer in ANSWERS:
            return ANSWERS[answer]
        out_console.print(lang.gettext("Answer y, n, s or q."))


#: Answers to the link question, in English and Welsh (ie = yes, na = no, hepgor, stop).
ANSWERS: dict[str, Answer] = {"y": "y", "i": "y", "n": "n", "s": "s", "h": "s", "q": "q"}


@app.command(name="link", rich_help_panel="Plan and check")
@user_errors
def link_command(
    facts: FactsArg,
    accept: Annotated[
        list[str] | None,
        typer.Option(
            "--accept",
            metavar="IMPACT:DIRECTOR.OBJECTIVE",
            help="Confirm a link (adds it to supports:), e.g. antibiotics:md.shmi. Repeatable, "
            "or give several separated by commas.",
        ),
    ] = None,
    reject: Annotated[
        list[str] | None,
        typer.Option(
            "--reject",
            metavar="IMPACT:DIRECTOR.OBJECTIVE",
            help="Rule out a link (adds it to excludes:), e.g. antibiotics:cn.voice. Repeatable, "
            "or give several separated by commas.",
        ),
    ] = None,
    all_confident: Annotated[
        bool,
        typer.Option("--all-confident", help="Accept every link the measure map is sure of."),
    ] = False,
    directors: DirectorsOpt = None,
    locale: ReportLocaleOpt = None,
) -> None:
    """Confirm or rule out the links pitchkit found, writing 'supports:' and 'excludes:'.

    With no options, each proposed link is shown with its reason and you are
    asked about it. Comments in the facts file are kept.

    Example: pitchkit link facts.yaml --accept antibiotics:md.shmi --reject antibiotics:cn.voice
    Example: pitchkit link facts.yaml --directors team.xlsx
    """
    from pitchkit.api import LinkRequest, decide_links
    from pitchkit.i18n.messages import Message

    request = LinkRequest(
        facts,
        tuple(accept or ()),
        tuple(reject or ()),
        all_confident,
        locale,
        default_locale=UserDefaults.locale,
        directors=directors,
    )
    try:
        result = decide_links(request, Terminal(), ask=_ask_about)
    except typer.Abort:
        warn(Message("the questions ended early, so nothing was written"))
        raise typer.Exit(1) from None
    lang = result.lang
    for kept in result.already:
        say(
            lang.gettext("{link} is already in '{list}:', so it is left as it is.").format(
                link=f"{kept.impact}:{kept.ref}", list="supports" if kept.accept else "excludes"
            )
        )
    for moved in result.moved:
        say(
            lang.gettext("{link} moves from '{old}:' to '{new}:'.").format(
                link=f"{moved.impact}:{moved.ref}",
                old="excludes" if moved.accept else "supports",
                new="supports" if moved.accept else "excludes",
            )
        )
    for written, meant in result.corrected:
        say(
            lang.gettext("Corrected {link} to '{meant}', the objective's id in the team.").format(
                link=written, meant=meant
            )
        )
    if result.dropped:
        say(
            lang.ngettext(
                "Took out {links}: it named no objective of the team.",
                "Took out {links}: none of them named an objective of the team.",
                len(result.dropped),
            ).format(links=", ".join(result.dropped))
        )
    if not result.proposed and not request.answered:
        say(lang.gettext("No links to decide: every link pitchkit found is settled already."))
        return
    if not result.written and all_confident and not result.decisions and not result.already:
        # Nothing confident was left: say what is, rather than a bare "Nothing was written".
        say(
            lang.ngettext(
                "No confident link is waiting, so nothing was written: {n} possible link is "
                "left to answer one at a time with 'pitchkit link'.",
                "No confident link is waiting, so nothing was written: {n} possible links are "
                "left to answer one at a time with 'pitchkit link'.",
                result.proposed,
            ).format(n=result.proposed)
            if result.proposed
            else lang.gettext("No links to decide: every link pitchkit found is settled already.")
        )
        return
    if not result.written:
        say(lang.gettext("Nothing was written."))
        return
    if result.decisions:
        wrote = lang.ngettext(
            "Wrote {accepted} link to 'supports:' and {rejected} to 'excludes:' in {path}.",
            "Wrote {accepted} links to 'supports:' and {rejected} to 'excludes:' in {path}.",
            result.accepted,
        ).format(accepted=result.accepted, rejected=result.rejected, path=result.path)
        from pitchkit.i18n.fmt import settled

        say(settled(wrote, lang))  # "ac 8 i 'excludes:'" in Welsh
    elif result.dropped and result.corrected:
        say(
            lang.gettext("Took out and corrected the links above in {path}; added none.").format(
                path=result.path
            )
        )
    elif result.corrected:
        say(
            lang.ngettext(
                "Corrected {n} link in {path}; added none.",
                "Corrected {n} links in {path}; added none.",
                len(result.corrected),
            ).format(n=len(result.corrected), path=result.path)
        )
    else:
        # Nothing decided and nothing corrected: the file was written to take links out.
        say(
            lang.ngettext(
                "Took out {n} link from {path}; added none.",
                "Took out {n} links from {path}; added none.",
                len(result.dropped),
            ).format(n=len(result.dropped), path=result.path)
        )
