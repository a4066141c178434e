"""Turn Word documents into PDFs with LibreOffice, several in one run.

Starting LibreOffice costs seconds, so :func:`convert_to_pdf` converts a
list in as few headless runs as it can (:data:`PER_RUN` documents each)
with a fresh, private profile (so it neither clashes with a LibreOffice the
user has open nor leaves settings behind). LibreOffice exits 0 even when it
cannot load a file, or when it leaves documents out, so each document counts
as converted only if its whole PDF really appeared; those without one are
tried once more before they are reported.

LibreOffice fetches nothing while converting: the profile blocks linked
content (pictures linked to a web address or a local file are left out),
never updates links, runs no macros and sends any web request to a proxy
that is not there; on Linux, where ``unshare`` can give it a network of
its own, it runs with no network at all.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from pitchkit.errors import ConversionError, OutputError
from pitchkit.i18n.messages import Joined, Message, Plural, Renderable
from pitchkit.output.files import check_writable, write_atomic
from pitchkit.output.soffice import SOFFICE_ENV as SOFFICE_ENV
from pitchkit.output.soffice import find_soffice as find_soffice
from pitchkit.output.soffice import install_hint as install_hint
from pitchkit.output.soffice import usual_places as usual_places

_NEW_GROUP: int = getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)


#: Settings of LibreOffice's private profile: ``(path, name, value)``. Linked
#: content from untrusted places (every document here) is not loaded, links are
#: never updated, macros never run, and web requests go to a proxy that is not there.
PROFILE_SETTINGS = (
    ("/org.openoffice.Office.Common/Security/Scripting", "BlockUntrustedRefererLinks", "true"),
    ("/org.openoffice.Office.Common/Security/Scripting", "DisableMacrosExecution", "true"),
    ("/org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel", "3"),
    ("/org.openoffice.Office.Writer/Content/Update", "Link", "0"),
    ("/org.openoffice.Inet/Settings", "ooInetProxyType", "2"),
    ("/org.openoffice.Inet/Settings", "ooInetNoProxy", ""),
    ("/org.openoffice.Inet/Settings", "ooInetHTTPProxyName", "127.0.0.1"),
    ("/org.openoffice.Inet/Settings", "ooInetHTTPProxyPort", "9"),
    ("/org.openoffice.Inet/Settings", "ooInetHTTPSProxyName", "127.0.0.1"),
    ("/org.openoffice.Inet/Settings", "ooInetHTTPSProxyPort", "9"),
    ("/org.openoffice.Inet/Settings", "ooInetFTPProxyName", "127.0.0.1"),
    ("/org.openoffice.Inet/Settings", "ooInetFTPProxyPort", "9"),
)


#: The most documents one LibreOffice run is given. LibreOffice (7.4 measured) reads only
#: the first 253 arguments of its command line and quietly leaves out the rest, exiting 0:
#: one run over 695 documents converted the first 243 (pitchkit's own options are the other
#: ten). 200 leaves room for that, and for Windows' 32,767-character command line.
PER_RUN = 200

#: How many runs in the second round may stop with an error before the rest are given up.
MAX_STOPS = 3


@dataclass(frozen=True)
class ConversionResult:
    """What became of one document: its PDF, or why there is none."""

    docx: Path
    pdf: Path | None
    error: Renderable | None

    @property
    def ok(self) -> bool:
        """Whether the PDF was written."""
        return self.error is None


def convert_to_pdf(
    docx_paths: Sequence[Path],
    *,
    out_dir: Path | None = None,
    timeout: float = 120,
    force: bool = False,
    should_stop: Callable[[], bool] | None = None,
    per_run: int = PER_RUN,
) -> list[ConversionResult]:
    """Convert each .docx in ``docx_paths`` to a PDF, ``per_run`` to a LibreOffice run.

    Each PDF is written beside its document (or into ``out_dir``) with the
    same stem, atomically, and never over an existing file unless ``force``.
    Returns one result per input, in order; a document that could not be
    converted carries an ``error`` and the others still convert. Raises
    :class:`ConversionError` when LibreOffice is missing, cannot start, or
    runs past ``timeout`` seconds (for all its runs together). A document
    left without a PDF is tried once more, in a later run, before it is
    given up.

    ``should_stop`` is asked several times a second while LibreOffice runs
    (a batch asks whether it was interrupted): once it says so, LibreOffice
    and its helpers are killed, the PDFs already whole are kept, and every
    other document carries :data:`STOPPED`.
    """
    if not docx_paths:
        return []
    soffice = find_soffice()
    targets = [(out_dir or docx.parent) / f"{docx.stem}.pdf" for docx in docx_paths]
    problems = [
        _problem(docx, pdf, force=force) for docx, pdf in zip(docx_paths, targets, strict=True)
    ]
    with tempfile.TemporaryDirectory(prefix="pitchkit-pdf-", ignore_cleanup_errors=True) as work:
        folder = Path(work)
        inputs = _stage_inputs(folder, docx_paths, problems)
        with _terminate_ends_conversion():
            codes = _run_all(soffice, folder, inputs, timeout, should_stop, per_run)
        if codes is None:
            problems = [
                problem if problem is not None or _whole_pdf(folder, index) else STOPPED
                for index, problem in enumerate(problems)
            ]
        else:
            problems = [
                problem
                if problem is not None or _whole_pdf(folder, index)
                else _lost(docx, codes.get(index, 0))
                for index, (docx, problem) in enumerate(zip(docx_paths, problems, strict=True))
            ]
        return [
            _place(folder, index, docx, pdf, problem, force=force)
            for index, (docx, pdf, problem) in enumerate(
                zip(docx_paths, targets, problems, strict=True)
            )
        ]


def _run_all(
    soffice: str,
    folder: Path,
    inputs: list[Path],
    timeout: float,
    should_stop: Callable[[], bool] | None,
    per_run: int,
) -> dict[int, int] | None:
    """Convert ``inputs`` ``per_run`` at a time, then once more those left without a PDF.

    In that second round a run that stops with an error code is taken to have
    stopped at the first of its documents it did not finish: that one is
    given up, and those after it are tried in the next run (up to
    :data:`MAX_STOPS` times, so that a LibreOffice that always fails is not
    started once a document). Returns the exit code of the last run that was
    given each input (by its index), or ``None`` once the conversion was
    stopped.
    """
    deadline = time.monotonic() + timeout
    codes: dict[int, int] = {}
    per_run = max(1, per_run)

    def run(part: list[Path]) -> int | None:
        try:
            code = _run_soffice(soffice, folder, part, deadline, should_stop)
        except subprocess.TimeoutExpired:
            raise ConversionError(
                Plural(
                    "LibreOffice took more than {seconds} seconds to convert {n} document "
                    "and was stopped: close any stuck LibreOffice and try again",
                    "LibreOffice took more than {seconds} seconds to convert {n} documents "
                    "and was stopped: close any stuck LibreOffice and try again",
                    len(inputs),
                    seconds=format(timeout, "g"),
                )
            ) from None
        if code is not None:
            codes.update((_index(path), code) for path in part)
        return code

    for start in range(0, len(inputs), per_run):
        if run(inputs[start : start + per_run]) is None:
            return None
    left = [path for path in inputs if not _whole_pdf(folder, _index(path))]
    stops = 0
    while left:
        part, left = left[:per_run], left[per_run:]
        code = run(part)
        if code is None:
            return None
        unfinished = [path for path in part if not _whole_pdf(folder, _index(path))]
        if code != 0 and unfinished and stops < MAX_STOPS:
            stops += 1
            left = unfinished[1:] + left
    return codes


def _index(staged: Path) -> int:
    """The input index of a staged document (they are named by it)."""
    return int(staged.stem)


def _lost(docx: Path, code: int) -> Renderable:
    """Why LibreOffice made no PDF of ``docx``, twice, its last run ending with ``code``."""
    if code != 0:
        return Message(
            "LibreOffice stopped (exit code {code}) before it made a PDF of {docx}: "
            "try converting it on its own",
            code=code,
            docx=docx,
        )
    return Message(
        "LibreOffice could not convert {docx}: it may be damaged; check that it opens in Word",
        docx=docx,
    )


#: Why a document has no PDF when the conversion was stopped before reaching it.
STOPPED = Message("not made: the conversion was stopped")
#: How often, in seconds, a running conversion asks whether to stop.
POLL_SECONDS = 0.2


def _whole_pdf(folder: Path, index: int) -> bool:
    """Whether LibreOffice finished the PDF of input ``index`` (it ends with ``%%EOF``)."""
    made = folder / "out" / f"{index:05d}.pdf"
    try:
        with made.open("rb") as file:
            size = file.seek(0, os.SEEK_END)
            file.seek(max(0, size - 1024))
            return b"%%EOF" in file.read()
    except OSError:
        return False


def _problem(docx: Path, pdf: Path, *, force: bool) -> Renderable | None:
    """Return why ``docx`` cannot be converted to ``pdf`` before trying, or ``None``."""
    if not docx.is_file():
        return Message("{docx} does not exist: check the path", docx=docx)
    if not _looks_like_docx(docx):
        return Message(
            "{docx} is not a Word document (.docx): open it in Word and save it again", docx=docx
        )
    try:
        check_writable(pdf, force=force)
    except OutputError as error:
        return _renderable(error.text)
    return None


def _renderable(text: Renderable | str) -> Renderable:
    """``text`` as something that renders, for an error that was given as plain text."""
    return text if isinstance(text, Renderable) else Joined((text,))


def _looks_like_docx(path: Path) -> bool:
    """Say whether ``path`` is a zip package with the part every .docx has.

    Checked because LibreOffice would otherwise read a damaged file as
    plain text and happily print its bytes into a PDF.
    """
    try:
        with zipfile.ZipFile(path) as package:
            return "[Content_Types].xml" in package.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


def _stage_inputs(
    folder: Path, docx_paths: Sequence[Path], problems: Sequence[Renderable | None]
) -> list[Path]:
    """Copy the documents worth converting into ``folder`` under plain numbered names.

    Plain names keep LibreOffice away from odd characters, and stop two
    inputs with the same stem from writing the same PDF.
    """
    staged = folder / "in"
    staged.mkdir()
    inputs: list[Path] = []
    for index, (docx, problem) in enumerate(zip(docx_paths, problems, strict=True)):
        if problem is None:
            inputs.append(staged / f"{index:05d}.docx")
            try:
                shutil.copyfile(docx, inputs[-1])
            except OSError as error:
                raise ConversionError(
                    Message(
                        "could not copy {docx} to a temporary folder for LibreOffice: {error}",
                        docx=docx,
                        error=error,
                    )
                ) from None
    return inputs


def _run_soffice(
    soffice: str,
    folder: Path,
    inputs: list[Path],
    deadline: float,
    should_stop: Callable[[], bool] | None = None,
) -> int | None:
    """Run one headless LibreOffice over ``inputs``, writing PDFs to ``folder/out``.

    LibreOffice starts helper processes, so it runs in its own process group
    and the whole group is killed if it runs past ``deadline`` (by
    :func:`time.monotonic`; :class:`subprocess.TimeoutExpired` is raised),
    when ``should_stop`` says so, or when anything (Ctrl-C in ``brief``)
    ends the wait: LibreOffice never outlives pitchkit. Returns its exit
    code, or ``None`` when it was stopped before it finished. Later runs in
    the same ``folder`` share its profile and its log.
    """
    profile = folder / "profile"
    if not profile.exists():
        write_profile(profile)
    command = [
        *no_network(),
        soffice,
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--nodefault",
        "--nologo",
        f"-env:UserInstallation={profile.as_uri()}",
        "--convert-to",
        "pdf",
        "--outdir",
        str(folder / "out"),
        *map(str, inputs),
    ]
    log = folder / "soffice.log"
    # LibreOffice's own temporary files go in the work folder too, so that they are
    # removed with it even when LibreOffice is killed before it can clean up.
    scratch = folder / "tmp"
    scratch.mkdir(exist_ok=True)
    env = {**os.environ, "TMPDIR": str(scratch), "TMP": str(scratch), "TEMP": str(scratch)}
    # Set as soon as LibreOffice has started, so that a signal arriving at any later
    # point (even before the wait begins) still ends its process group.
    process: subprocess.Popen[bytes] | None = None
    try:
        try:
            with log.open("ab") as output:
                process = subprocess.Popen(
                    command,
                    stdin=subprocess.DEVNULL,
                    stdout=output,
                    stderr=subprocess.STDOUT,
                    env=env,
                    start_new_session=os.name != "nt",
                    creationflags=_NEW_GROUP if os.name == "nt" else 0,
                )
        except OSError as error:
            if process is not None:
                raise  # closing the log failed: LibreOffice is killed below
            raise ConversionError(
                Message(
                    "could not start LibreOffice ({soffice}): {reason}",
                    soffice=soffice,
                    reason=error.strerror,
                )
            ) from None
        code = _wait(process, max(0.0, deadline - time.monotonic()), should_stop)
    except BaseException:
        if process is not None:
            _kill_group(process)
        raise
    if code is None:
        return None
    if code != 0 and not any((folder / "out").glob("*.pdf")):
        raise ConversionError(
            Message(
                "LibreOffice ({soffice}) failed with exit code {code}: {last}",
                soffice=soffice,
                code=code,
                last=_last_line(log),
            )
        )
    return code


@contextlib.contextmanager
def _terminate_ends_conversion() -> Iterator[None]:
    """Let SIGTERM end pitchkit while LibreOffice runs, killing LibreOffice first.

    LibreOffice runs in a session of its own (so Ctrl-C reaches pitchkit
    alone), and Python's default SIGTERM would end pitchkit and leave it
    running. While it runs, SIGTERM raises :class:`SystemExit` (128 plus the
    signal, as shells report it), which kills its process group on the way
    out. A handler set by the caller (a batch stops cleanly) is left alone.
    """
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL
    ):
        yield
        return

    def end(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, end)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _wait(
    process: subprocess.Popen[bytes], timeout: float, should_stop: Callable[[], bool] | None
) -> int | None:
    """Wait for ``process`` to end and return its exit code; ``None`` once it was stopped.

    Raises :class:`subprocess.TimeoutExpired` past ``timeout`` seconds.
    """
    if should_stop is None:
        return process.wait(timeout=timeout)
    deadline = time.monotonic() + timeout
    while True:
        if should_stop():
            _kill_group(process)
            return None
        left = deadline - time.monotonic()
        if left <= 0:
            raise subprocess.TimeoutExpired(process.args, timeout)
        try:
            return process.wait(timeout=min(POLL_SECONDS, left))
        except subprocess.TimeoutExpired:
            continue


def write_profile(profile: Path) -> None:
    """Start LibreOffice's private profile with :data:`PROFILE_SETTINGS`."""
    items = "".join(
        f'<item oor:path="{path}"><prop oor:name="{name}" oor:op="fuse">'
        f"<value>{value}</value></prop></item>\n"
        for path, name, value in PROFILE_SETTINGS
    )
    user = profile / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        f"{items}</oor:items>\n",
        encoding="utf-8",
    )


@functools.cache
def no_network() -> tuple[str, ...]:
    """The command that runs a program with no network, where this system has one; else ``()``.

    On Linux, ``unshare -rn`` gives the program a network namespace of its
    own with nothing in it. It is tried once: systems that forbid
    unprivileged namespaces refuse it, and LibreOffice then runs as it is,
    relying on its profile (:data:`PROFILE_SETTINGS`).
    """
    unshare = shutil.which("unshare") if sys.platform.startswith("linux") else None
    if unshare is None:
        return ()
    try:
        done = subprocess.run(
            [unshare, "-rn", "true"],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return ()
    return (unshare, "-rn") if done.returncode == 0 else ()


def _last_line(log: Path) -> Renderable | str:
    """Return the last non-empty line LibreOffice printed, as a hint to what went wrong."""
    lines = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    return lines[-1].strip() if lines else Message("it printed nothing")


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    """Kill ``process`` and every helper it started, then reap it."""
    with contextlib.suppress(OSError):
        if os.name == "nt":
            process.kill()
        else:
            os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _place(
    folder: Path, index: int, docx: Path, pdf: Path, problem: Renderable | None, *, force: bool
) -> ConversionResult:
    """Move LibreOffice's PDF for input ``index`` to ``pdf``, or say why there is none."""
    if problem is not None:
        return ConversionResult(docx=docx, pdf=None, error=problem)
    made = folder / "out" / f"{index:05d}.pdf"
    if not made.is_file() or made.stat().st_size == 0:
        return ConversionResult(
            docx=docx,
            pdf=None,
            error=Message(
                "LibreOffice could not convert {docx}: it may be damaged; "
                "check that it opens in Word",
                docx=docx,
            ),
        )
    try:
        write_atomic(pdf, made.read_bytes(), force=force)
    except OutputError as error:
        return ConversionResult(docx=docx, pdf=None, error=_renderable(error.text))
    return ConversionResult(docx=docx, pdf=pdf, error=None)
