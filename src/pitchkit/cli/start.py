"""Commands for getting started: ``init`` and ``preview``."""

from __future__ import annotations

import datetime as dt
import shlex
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from pitchkit.cli.common import (
    Terminal,
    UserDefaults,
    Verbosity,
    app,
    emit_json,
    err_console,
    escape,
    out_console,
    say,
    user_errors,
)
from pitchkit.cli.common import stopped as say_stopped
from pitchkit.cli.flags import given_day
from pitchkit.cli.options import (
    DirectorOpt,
    DirectorsOpt,
    FactsArg,
    JsonOpt,
    LocaleOpt,
    MeasuresOpt,
    MemoryLimitOpt,
    PeriodOpt,
    TemplateOpt,
    TimeLimitOpt,
    TodayOpt,
)
from pitchkit.errors import InputError, OutputError, PitchkitError
from pitchkit.i18n.messages import Message, Plural
from pitchkit.i18n.translation import Language

if TYPE_CHECKING:
    from pitchkit.facts.validation import Team
    from pitchkit.init.yamlfile import Written


def ask_in_terminal(question: Any) -> str:
    """Show one question of ``pitchkit init`` (its hint, choices or problem) and read the answer.

    Hints are hidden with --quiet; --verbose also names the field the answer fills.
    """
    if question.problem:
        err_console.print(f"  [yellow]{escape(question.problem)}[/]")
    elif question.hint and Verbosity.level >= 1:
        out_console.print(f"[dim]{escape(question.hint)}[/]")
    if question.choices and not question.problem:
        for number, choice in enumerate(question.choices, start=1):
            out_console.print(f"  [cyan]{number:>2}[/]  {escape(choice)}")
    text = question.text
    if Verbosity.level >= 2:
        text = f"{text} ({question.key})"
    suffix = " " if text.endswith(("?", ".", ":", ")")) else ": "
    answer = typer.prompt(
        text, default=question.default, show_default=bool(question.default), prompt_suffix=suffix
    )
    return str(answer)


def confirm_in_terminal(question: str, *, default: bool) -> bool:
    """Ask a yes/no question in the terminal (Enter takes ``default``)."""
    return bool(typer.confirm(question, default=default))


class KeptAnswers:
    """Every answer of ``pitchkit init`` so far, so that an interrupted run loses none.

    Answers from an ``--answers`` file are given first, without asking; the
    terminal is asked after them. Called like an ``ask`` (newuser34 #1).
    """

    def __init__(self, replay: list[str]) -> None:
        self.replay = list(replay)
        self.given: list[str] = []

    def __call__(self, question: Any) -> str:
        """The next kept answer to ``question``, else the one typed in the terminal."""
        if self.replay:
            answer = self.replay.pop(0)
            answer = answer if answer != "" else str(question.default)
        else:
            answer = ask_in_terminal(question)
        self.given.append(answer)
        return answer


def kept_path(target: Path, number: int = 1) -> Path:
    """Where an interrupted ``init`` for ``target`` keeps its answers (the ``number``-th file)."""
    suffix = ".answers.txt" if number == 1 else f".answers-{number}.txt"
    return target.with_name(target.name + suffix)


def _kept_here(path: Path, target: Path) -> bool:
    """Whether ``path`` is one of the files :func:`kept_path` names for ``target``."""
    name, stem = path.name, target.name + ".answers"
    middle = name.removeprefix(stem).removesuffix(".txt")
    return (
        path.resolve().parent == target.resolve().parent
        and name.startswith(stem)
        and name.endswith(".txt")
        and (middle == "" or (middle.startswith("-") and middle[1:].isdigit()))
    )


def _free_kept_path(target: Path, given: list[str], resumed: Path | None) -> Path:
    """The file to keep ``given`` in: never one holding another run's answers (newuser38 #12).

    The answers file being resumed from (``resumed``) is replaced, as ``given``
    begins with its answers; so is one holding only the start of ``given``. Any
    other answers file beside ``target`` is another ``init``'s (``init --from``
    stopped early once overwrote the answers the first ``init`` kept), so the
    next free number is taken.
    """
    number = 1
    while True:
        path = kept_path(target, number)
        if not path.exists():
            return path
        if resumed is not None and path.resolve() == resumed.resolve():
            return path
        try:
            earlier = path.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError):
            earlier = None
        if earlier is not None and earlier == given[: len(earlier)]:
            return path
        number += 1


def read_answers(path: Path) -> list[str]:
    """The answers in a file ``init`` kept: one a line, a blank line for Enter."""
    from pitchkit.errors import InputError

    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(
            Message("could not read the answers in {path}: {reason}", path=path, reason=error)
        ) from None
    return text.splitlines()


def keep_answers(
    kept: KeptAnswers, target: Path, command: list[str], resumed: Path | None = None
) -> Plural | None:
    """Write the answers so far beside ``target``; the line that says where, or ``None``.

    ``resumed`` is the ``--answers`` file the run began from. An answers file of
    another run is left as it is, and the line says so (:func:`_free_kept_path`).
    """
    if not kept.given:
        return None
    path = _free_kept_path(target, kept.given, resumed)
    try:
        path.write_text("".join(f"{answer}\n" for answer in kept.given), encoding="utf-8")
    except OSError:
        return None
    again = shlex.join(["pitchkit", "init", *command, "--answers", str(path)])
    if path != kept_path(target):
        return Plural(
            "Your {n} answer so far is kept in {path}, as {earlier} holds an earlier run's "
            "answers, left as they were; to carry on from the next question, run: {command}",
            "Your {n} answers so far are kept in {path}, as {earlier} holds an earlier run's "
            "answers, left as they were; to carry on from the next question, run: {command}",
            len(kept.given),
            path=path,
            earlier=kept_path(target),
            command=again,
        )
    return Plural(
        "Your {n} answer so far is kept in {path}; to carry on from the next question, run: "
        "{command}",
        "Your {n} answers so far are kept in {path}; to carry on from the next question, run: "
        "{command}",
        len(kept.given),
        path=path,
        command=again,
    )


def stopped(
    kept: KeptAnswers, target: Path, command: list[str], resumed: Path | None = None
) -> typer.Exit:
    """Say that ``init`` stopped before the end, and where its answers so far are kept.

    No facts file is written; the answers go to :func:`kept_path`, and the
    command that carries on from them is shown. Returns the exit to raise.
    """
    where = keep_answers(kept, target, command, resumed)
    if where is None:
        say_stopped(Message("the questions ended early, so no file was written"))
    else:
        say_stopped(
            Message("the questions ended early, so no facts file was written. {kept}", kept=where)
        )
    return typer.Exit(1)


def may_replace(path: Path, *, force: bool, lang: Language) -> bool:
    """Whether ``path`` may be replaced: --force, or the user says so; refuse otherwise."""
    from pitchkit.output.files import folder_message

    if force or not path.exists():
        return force
    if path.is_dir():
        raise OutputError(folder_message(path))
    question = lang.gettext("{path} already exists. Replace it when the questions are done?")
    if confirm_in_terminal(question.format(path=path), default=False):
        return True
    raise OutputError(
        Message(
            "{path} already exists and was left as it is: give another PATH, "
            "or add --force to replace it",
            path=path,
        )
    )


def next_steps(
    path: Path,
    director: str | None,
    lang: Language,
    team: Path | None = None,
    *,
    wrote: bool = True,
) -> None:
    """Tell the user what to run next: commands that work on the file just written.

    ``director`` is an id the file (or ``team``, the ``--directors`` file) lists; with
    none, the user is shown how to add one. The path is quoted where a shell needs
    it, and the team file given along, so each command pastes and runs as it is.
    ``wrote`` is false when only the team file changed (``path`` is as it was).
    """
    if wrote:
        say(lang.gettext("Wrote {path}").format(path=path))
    pasted = shlex.quote(str(path))
    if team is not None:
        pasted += " --directors " + shlex.quote(str(team))
    if director is None:
        say(
            lang.gettext(
                "The file lists no directors yet; add one with: pitchkit init --from {path}"
            ).format(path=pasted)
        )
    else:
        say(
            lang.gettext("Next, see the note:   pitchkit preview {path} --director {id}").format(
                path=pasted, id=director
            )
        )
        say(
            lang.gettext("Then write it:        pitchkit brief {path} --director {id}").format(
                path=pasted, id=director
            )
        )
    say(
        lang.gettext("Check it against the guide: pitchkit check {path}").format(path=pasted),
        level=2,
    )


def _team_with(team: Path | None, written: Written) -> bytes | None:
    """The team file ``team`` with the directors ``init`` asked for added, checked; or None."""
    if team is None or not written.team_added:
        return None
    from pitchkit.init.teamrow import checked, with_directors

    data = with_directors(team, written.team_added)
    return checked(team, data, [str(d["id"]) for d in written.team_added])


def _team_question(written: Written, target: Path, team: Path, lang: Language) -> str:
    """The question before the team file (and the facts file, if it changed) is written."""
    names = ", ".join(str(director["name"]) for director in written.team_added)
    if written.facts_changed:
        return lang.gettext("Save the additions to {path}, and add {names} to {team}?").format(
            path=target, names=names, team=team
        )
    return lang.gettext("Add {names} to {team}?").format(names=names, team=team)


def read_team(path: Path | None) -> Team | None:
    """The ``--directors`` file's directors and objective ids; its own error if unreadable."""
    if path is None:
        return None
    from pitchkit.api.base import team_ids
    from pitchkit.facts.directors import load_directors

    load_directors(path)  # says what is wrong with the file, before any question
    return team_ids(path)


FromOpt = Annotated[
    Path | None,
    typer.Option(
        "--from",
        help="An existing facts file to add an impact or a director to.",
        show_default=False,
    ),
]


@app.command(rich_help_panel="Start here")
@user_errors
def init(
    path: Annotated[
        Path | None,
        typer.Argument(
            help="The facts file to write (default: facts.yaml, or the --from file).",
            show_default=False,
        ),
    ] = None,
    from_file: FromOpt = None,
    directors: Annotated[
        Path | None,
        typer.Option(
            "--directors",
            help="With --from: the team file (.csv, .xlsx or .yaml) the facts file's links "
            "name directors from.",
            show_default=False,
        ),
    ] = None,
    locale: Annotated[
        str | None,
        typer.Option(
            "--locale",
            "-l",
            help="Language of the questions, and of the notes made from the new facts file "
            "(kept as its settings.locale): en_GB or cy_GB.",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", "-f", help="Replace an existing file without asking.")
    ] = False,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help="Answers kept by an init that stopped early (one a line): given first, "
            "then the questions carry on.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Answer plain-language questions and get a commented facts file, ready for a note.

    Nothing is written until the last answer. If the questions stop early
    (Ctrl-C), the answers so far are kept beside PATH for --answers.
    Example: pitchkit init facts.yaml
    Example: pitchkit init --from facts.yaml   (add another director or impact)
    Example: pitchkit init --from facts.yaml --directors team.csv
    """
    from pitchkit.facts.textlayout import read_for_rewrite
    from pitchkit.i18n.translation import language
    from pitchkit.init import extended_facts_text, new_facts_text
    from pitchkit.output.files import write_atomic

    lang = language(locale)
    target = path or from_file or Path("facts.yaml")
    in_place = from_file is not None and path is None
    kept = KeptAnswers(read_answers(answers) if answers is not None else [])
    command = [str(target)] if path is not None or from_file is None else []
    if from_file is not None:
        command += ["--from", str(from_file)]
    if directors is not None:
        if from_file is None:
            raise InputError(
                Message(
                    "--directors goes with --from, to add to a facts file whose directors "
                    "are in a team file; a new file asks for its directors"
                )
            )
        command += ["--directors", str(directors)]
    team = read_team(directors)
    if locale:
        command += ["--locale", locale]
    team_data: bytes | None = None  # the team file with the directors asked for, if any
    try:
        replace = True if in_place else may_replace(target, force=force, lang=lang)
        if from_file is not None:
            written = extended_facts_text(from_file, kept, lang, team)
            if not written.added:  # nothing to save: say so, not "Wrote" (newuser34 #5)
                say(
                    lang.gettext(
                        "Nothing was added, so nothing was written: {path} is unchanged."
                    ).format(path=from_file)
                )
                return
            team_data = _team_with(directors, written)
            question = lang.gettext("Save the additions to {path}?").format(path=target)
            if team_data is not None and directors is not None:
                question = _team_question(written, target, directors, lang)
            asking = in_place or team_data is not None
            if asking and not force and not confirm_in_terminal(question, default=True):
                say(lang.gettext("Nothing was written."))
                return
        else:
            written = new_facts_text(
                kept, lang, file_name=target.name, today=dt.date.today(), locale=locale
            )
    except (typer.Abort, EOFError, KeyboardInterrupt):
        raise stopped(kept, target, command, answers) from None
    except PitchkitError as error:
        # The answers did not make a file that reads: keep them, so none is lost. Not when
        # the request itself cannot be met here (InputError): carrying on would stop again.
        where = (
            None if isinstance(error, InputError) else keep_answers(kept, target, command, answers)
        )
        if where is not None:
            say(where)
        raise
    if team_data is not None and directors is not None:
        write_atomic(directors, team_data, force=True)
        for director in written.team_added:
            say(
                lang.gettext("Added {name} ({id}) to {team}").format(
                    name=director["name"], id=director["id"], team=directors
                )
            )
        if from_file is not None and not written.facts_changed:  # only the team file changed
            next_steps(from_file, written.director, lang, directors, wrote=False)
            return
    data = written.text.encode("utf-8")
    if from_file is not None:  # laid out as the file it came from (CRLF, a byte-order mark)
        data = read_for_rewrite(from_file)[1].encode(written.text)
    write_atomic(target, data, force=replace)
    if answers is not None and _kept_here(answers, target):
        answers.unlink(missing_ok=True)  # kept only until the file was written
    next_steps(target, written.director, lang, directors)


KindOpt = Annotated[str, typer.Option("--kind", "-k", help="Which note: brief or update.")]


@app.command(rich_help_panel="Start here")
@user_errors
def preview(
    facts: FactsArg,
    director: DirectorOpt = None,
    directors: DirectorsOpt = None,
    kind: KindOpt = "brief",
    period: PeriodOpt = None,
    measures: MeasuresOpt = None,
    template: TemplateOpt = None,
    locale: LocaleOpt = None,
    today: TodayOpt = None,
    time_limit: TimeLimitOpt = None,
    memory_limit: MemoryLimitOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Show the note in the terminal exactly as it will read, then the guide's checks.

    Writes no file. Plain text when the output is not a terminal; --quiet
    shows the note and only the checks that are warnings or errors, --verbose
    adds where and why for each finding.
    Example: pitchkit preview facts.yaml --director dof
    Example: pitchkit preview facts.yaml -d dof --kind update --period 2027-Q2
    Example: pitchkit preview facts.yaml -d dof --directors team.xlsx
    """
    from dataclasses import replace

    from pitchkit.api.previewing import PreviewRequest
    from pitchkit.api.previewing import preview as make_preview
    from pitchkit.notes.preview import plain_preview, rich_preview
    from pitchkit.word.limits import limits_in_force

    request = PreviewRequest(
        facts,
        director=director,
        directors=directors,
        kind=kind,
        period=period,
        template=template,
        locale=locale,
        default_locale=UserDefaults.locale,
        measures=measures,
        today=given_day(today),
    )
    with limits_in_force(time_limit, memory_limit):
        result = make_preview(request, Terminal())  # its warnings are printed as they come
    if as_json:
        emit_json(result.to_json())
        return
    shown = replace(result.preview, detail=Verbosity.level >= 2)
    if Verbosity.level < 1:  # --quiet: the note, and only its warnings
        from pitchkit.cli.plan import quiet_findings

        findings = quiet_findings(shown.findings)
        shown = replace(shown, findings=findings, checked=bool(findings))
    if out_console.is_terminal:
        out_console.print(rich_preview(shown, result.lang))
    else:
        typer.echo(plain_preview(shown, result.lang), nl=False)
