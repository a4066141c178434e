"""Time and memory limits for filling a Word template someone else wrote.

Jinja's sandbox stops a template reaching Python internals, but not
``{{ 'x' * 10**9 }}`` or a loop that never ends. A user's template is
therefore rendered by :func:`run_limited`:

- On Linux in a forked child process whose address space may grow by at
  most ``memory_bytes`` beyond what pitchkit already uses (``RLIMIT_AS``),
  and which is killed when it has not finished after ``seconds``.
- On macOS and Windows in a fresh (spawned) child process, killed at the
  same deadline. Its memory is not capped: macOS refuses ``RLIMIT_AS`` and
  Windows has no such limit; a template that exhausts memory ends its own
  process, not pitchkit. :func:`isolation` and :func:`memory_capped` say
  which applies.
- Only where no child process can be started, in a thread with the same
  deadline, which pitchkit stops waiting for but cannot stop.

Either way the caller gets the bytes or a :class:`RenderLimitError` with a
one-line message, and nothing is written. The defaults (30 seconds, 1 GiB)
can be changed with the ``PITCHKIT_TIME_LIMIT`` (seconds) and
``PITCHKIT_MEMORY_LIMIT`` (``512M``, ``2G``, or bytes) environment
variables, by passing :class:`Limits` explicitly, or, for a whole command,
with its ``--time-limit`` and ``--memory-limit`` options
(:func:`chosen_limits`, :func:`limits_in_force`).
"""

from __future__ import annotations

import contextlib
import functools
import os
import pickle
import re
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from pitchkit.errors import InputError, PitchkitError, RenderLimitError, TemplateError
from pitchkit.i18n.messages import Located, Message, Plural, Renderable

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

T = TypeVar("T")

try:  # not on Windows
    import resource
except ImportError:  # pragma: no cover - exercised on Windows only
    resource = None  # type: ignore[assignment]

DEFAULT_SECONDS = 30.0
DEFAULT_MEMORY_BYTES = 1 << 30
TIME_ENV = "PITCHKIT_TIME_LIMIT"
MEMORY_ENV = "PITCHKIT_MEMORY_LIMIT"


@functools.cache
def _size() -> re.Pattern[str]:
    return re.compile(r"\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*", re.IGNORECASE)


_UNITS = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}
#: Below this a Python child cannot even start rendering.
_MIN_MEMORY = 32 << 20
#: The longest time limit: a day. Longer ones are typing mistakes, and waiting
#: functions refuse timeouts past about 2**31 milliseconds.
MAX_SECONDS = 86_400.0
#: The largest memory limit: 1 TiB, far beyond any machine that fills notes.
MAX_MEMORY_BYTES = 1 << 40


@dataclass
class Limits:
    """How long, and how much memory, filling one user template may take."""

    seconds: float = DEFAULT_SECONDS
    memory_bytes: int = DEFAULT_MEMORY_BYTES

    def __post_init__(self) -> None:
        if not self.seconds > 0:
            raise InputError(
                Message(
                    "time limit {seconds} s: give a number of seconds above 0",
                    seconds=format(self.seconds, "g"),
                )
            )
        if self.seconds > MAX_SECONDS:
            raise InputError(
                Message(
                    "time limit {seconds} s: give at most 86400 seconds (one day)",
                    seconds=format(self.seconds, "g"),
                )
            )
        if self.memory_bytes < _MIN_MEMORY:
            raise InputError(
                Message(
                    "memory limit {size}: give at least 32M",
                    size=describe_size(self.memory_bytes),
                )
            )
        if self.memory_bytes > MAX_MEMORY_BYTES:
            raise InputError(
                Message(
                    "memory limit {size}: give at most 1T (1 TiB)",
                    size=describe_size(self.memory_bytes),
                )
            )

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> Limits:
        """Limits from ``PITCHKIT_TIME_LIMIT`` and ``PITCHKIT_MEMORY_LIMIT``, else defaults."""
        values = os.environ if environ is None else environ
        seconds = values.get(TIME_ENV, "").strip()
        memory = values.get(MEMORY_ENV, "").strip()
        return cls(
            seconds=parse_seconds(seconds, TIME_ENV) if seconds else DEFAULT_SECONDS,
            memory_bytes=parse_size(memory, MEMORY_ENV) if memory else DEFAULT_MEMORY_BYTES,
        )

    def describe(self) -> Renderable:
        """``30 s and 1 GiB``: for messages (the memory only where it is enforced)."""
        if not memory_capped():
            return Message(
                "{seconds} s (memory is not capped on this system)",
                seconds=format(self.seconds, "g"),
            )
        return Message(
            "{seconds} s and {size}",
            seconds=format(self.seconds, "g"),
            size=describe_size(self.memory_bytes),
        )


def chosen_limits(
    time_limit: str | None,
    memory_limit: str | None,
    environ: Mapping[str, str] | None = None,
) -> Limits:
    """The limits of ``--time-limit`` and ``--memory-limit``; each one not given as before.

    An option not given falls back to its environment variable, then to the default.
    """
    values = os.environ if environ is None else environ
    if time_limit:
        seconds = parse_seconds(time_limit)
    elif values.get(TIME_ENV, "").strip():
        seconds = parse_seconds(values[TIME_ENV].strip(), TIME_ENV)
    else:
        seconds = DEFAULT_SECONDS
    if memory_limit:
        memory_bytes = parse_size(memory_limit)
    elif values.get(MEMORY_ENV, "").strip():
        memory_bytes = parse_size(values[MEMORY_ENV].strip(), MEMORY_ENV)
    else:
        memory_bytes = DEFAULT_MEMORY_BYTES
    return Limits(seconds=seconds, memory_bytes=memory_bytes)


@contextlib.contextmanager
def limits_in_force(time_limit: str | None, memory_limit: str | None) -> Iterator[Limits]:
    """While the block runs, fill users' templates under the limits a command was given.

    The options are read as ``template check`` reads them (a wrong one raises
    :class:`InputError` before anything is done) and handed on through
    ``PITCHKIT_TIME_LIMIT`` and ``PITCHKIT_MEMORY_LIMIT``, which every filling
    of a user's template reads, in batch worker processes too. The variables
    are put back as they were afterwards.
    """
    limits = chosen_limits(time_limit, memory_limit)
    wanted = {
        TIME_ENV: repr(limits.seconds) if time_limit else None,
        MEMORY_ENV: str(limits.memory_bytes) if memory_limit else None,
    }
    before = {name: os.environ.get(name) for name, value in wanted.items() if value is not None}
    try:
        for name, value in wanted.items():
            if value is not None:
                os.environ[name] = value
        yield limits
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def parse_seconds(text: str, where: str = "--time-limit") -> float:
    """Read a time limit such as ``30`` or ``2.5`` (seconds)."""
    try:
        value = float(text.strip().removesuffix("s").strip())
    except ValueError:
        raise InputError(
            Message(
                "{where} {text}: give a number of seconds, such as 30", where=where, text=repr(text)
            )
        ) from None
    if not value > 0 or value != value or value == float("inf"):
        raise InputError(
            Message(
                "{where} {text}: give a number of seconds above 0, such as 30",
                where=where,
                text=repr(text),
            )
        )
    if value > MAX_SECONDS:
        raise InputError(
            Message(
                "{where} {text}: give at most 86400 seconds (one day)", where=where, text=repr(text)
            )
        )
    return value


def parse_size(text: str, where: str = "--memory-limit") -> int:
    """Read a memory size such as ``1G``, ``512M``, ``1GiB`` or a number of bytes."""
    match = _size().fullmatch(text)
    if match is None:
        raise InputError(
            Message("{where} {text}: give a size such as 512M or 2G", where=where, text=repr(text))
        )
    number, unit = match.groups()
    size = float(number) * _UNITS[unit.lower()]
    if size > MAX_MEMORY_BYTES:
        raise InputError(
            Message("{where} {text}: give at most 1T (1 TiB)", where=where, text=repr(text))
        )
    return int(size)


def describe_size(size: int) -> Renderable | str:
    """``1 GiB``, ``512 MiB``, ``100 bytes``: a size for people."""
    for suffix, scale in (("TiB", 1 << 40), ("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if size >= scale:
            return f"{size / scale:g} {suffix}"
    return Plural("{n} byte", "{n} bytes", size)


def isolation(platform: str | None = None) -> str:
    """How a template is filled apart on ``platform`` (``sys.platform``'s value).

    ``fork`` on Linux: a copy of this process, started at once, whose memory
    can be capped. ``spawn`` on macOS and Windows: a fresh Python process,
    slower to start, that the time limit can stop (macOS forbids capping its
    address space, and forking there is unsafe). ``thread`` only where
    neither exists.
    """
    import multiprocessing  # only for a user's template: not loaded to fill a built-in one

    platform = sys.platform if platform is None else platform
    methods = multiprocessing.get_all_start_methods()
    if platform.startswith("linux") and "fork" in methods and resource is not None:
        return "fork"
    return "spawn" if "spawn" in methods else "thread"


def memory_capped(platform: str | None = None) -> bool:
    """Whether the memory limit is enforced on ``platform``: on Linux only.

    Elsewhere the time limit still stops a template, and a template that
    exhausts memory ends its own process, not pitchkit.
    """
    platform = sys.platform if platform is None else platform
    return platform.startswith("linux") and resource is not None


def run_limited(
    work: Callable[[], T], *, limits: Limits, name: str, isolate: bool | str | None = None
) -> T:
    """Run ``work`` under ``limits`` and return what it returns (bytes, or anything that pickles).

    ``name`` (the template) starts every message. A :class:`TemplateError`
    raised by ``work`` reaches the caller unchanged; running out of time or
    memory raises :class:`RenderLimitError`. ``isolate`` chooses how (see
    :func:`isolation`): ``False`` forces the thread fallback, or name
    ``"fork"``, ``"spawn"`` or ``"thread"``. A ``spawn`` child needs ``work``
    to pickle; work that cannot runs in a thread with the same deadline.
    """
    if isolate is None or isolate is True:
        how = isolation()
    elif isolate is False:
        how = "thread"
    else:
        how = isolate
    if how == "spawn" and not _picklable(work):
        how = "thread"
    if how == "thread":
        return _run_in_thread(work, limits, name)
    return _run_in_child(work, limits, name, how)


def _picklable(work: Callable[[], Any]) -> bool:
    try:
        pickle.dumps(work)
    except Exception:  # closures, lambdas, compiled templates: any reason means no
        return False
    return True


# ---------------------------------------------------------------- child process


def _time_message(name: str, limits: Limits) -> Renderable:
    """The message for a template that ran out of time."""
    return Located(
        name,
        Message(
            "filling the template took longer than {seconds} s and was stopped: "
            "look for a loop that never ends, or raise the limit with --time-limit",
            seconds=format(limits.seconds, "g"),
        ),
    )


def _memory_message(name: str, limits: Limits) -> Renderable:
    """The message for a template that ran out of memory."""
    return Located(
        name,
        Message(
            "filling the template needed more than {size} of memory and was stopped: "
            "look for a huge repeated string or loop, or raise the limit with --memory-limit",
            size=describe_size(limits.memory_bytes),
        ),
    )


def portable(message: Renderable | str) -> Renderable | str:
    """``message`` if it can be sent between processes, else its English text."""
    return _portable(message)


def _portable(message: Renderable | str) -> Renderable | str:
    """``message`` if it can be sent to the parent process, else its English."""
    try:
        pickle.dumps(message)
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return str(message)
    return message


def _address_space() -> int:
    """Bytes of address space this process maps now (0 when unknown)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[0])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _cap_memory(memory_bytes: int) -> None:
    """In the child: let the address space grow by at most ``memory_bytes``."""
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = _address_space() + memory_bytes
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))


def _child(work: Callable[[], Any], limits: Limits, sender: Connection) -> None:
    """Body of the child process: render, send ``(kind, payload)``, exit."""
    try:
        if memory_capped():
            _cap_memory(limits.memory_bytes)
        result: tuple[str, Any] = ("ok", work())
    except MemoryError:
        result = ("memory", None)
    except TemplateError as error:
        result = ("error", (type(error).__name__, _portable(error.text)))
    except PitchkitError as error:
        result = ("error", ("TemplateError", _portable(error.text)))
    except BaseException:  # a bug: let the parent show the traceback
        import traceback  # only for a bug: it takes about 1 ms to load

        result = ("bug", traceback.format_exc())
    try:
        sender.send(result)
    except MemoryError:
        sender.send(("memory", None))
    sender.close()


def _run_in_child(work: Callable[[], T], limits: Limits, name: str, how: str = "fork") -> T:
    import multiprocessing

    context: Any = multiprocessing.get_context(how)
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(work, limits, sender), daemon=True)
    process.start()
    sender.close()
    try:
        if not receiver.poll(limits.seconds):
            raise RenderLimitError(_time_message(name, limits))
        try:
            kind, payload = receiver.recv()
        except EOFError:
            raise RenderLimitError(
                Located(
                    name,
                    Message(
                        "filling the template stopped unexpectedly (exit code {code}), "
                        "most likely out of memory: "
                        "look for a huge repeated string or loop, or raise --memory-limit",
                        code=str(_exit_code(process)),
                    ),
                )
            ) from None
    finally:
        receiver.close()
        _stop(process)
    result: T = _unpack(kind, payload, name, limits)
    return result


def _exit_code(process: Any) -> object:
    process.join(1)
    return process.exitcode


def _stop(process: Any) -> None:
    if process.is_alive():
        process.kill()
    process.join()
    process.close()


_ERRORS: dict[str, type[TemplateError]] = {
    "TemplateError": TemplateError,
    "RenderLimitError": RenderLimitError,
}


def _unpack(kind: str, payload: Any, name: str, limits: Limits) -> Any:
    if kind == "ok":
        return payload
    if kind == "memory":
        raise RenderLimitError(_memory_message(name, limits))
    if kind == "error":
        class_name, message = payload
        raise _ERRORS.get(class_name, TemplateError)(message)
    raise RuntimeError(f"rendering {name} failed in the child process:\n{payload}")


# ---------------------------------------------------------------- thread fallback


def _run_in_thread(work: Callable[[], T], limits: Limits, name: str) -> T:
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["data"] = work()
        except MemoryError:
            outcome["error"] = RenderLimitError(_memory_message(name, limits))
        except BaseException as error:  # handed to the caller below
            outcome["error"] = error

    thread = threading.Thread(target=target, name="pitchkit-render", daemon=True)
    thread.start()
    thread.join(limits.seconds)
    if thread.is_alive():
        raise RenderLimitError(_time_message(name, limits))
    if "error" in outcome:
        raise outcome["error"]
    data: T = outcome["data"]
    return data
