"""Worker processes that make notes and flush them to disk, each taking the next when free.

A batch forks its workers once the main process has made the first note
(see :func:`pitchkit.batch.making.make_notes`), so each starts with the
template compiled and the notes' shared work done. :class:`Team` then
leaves the main process out of handing out work:

- the notes to make are in one list every worker holds, and a number in
  shared memory says which is next: a free worker takes it (under a lock
  held for a few microseconds) without waiting for the main process, which
  may be waiting on the disk to move notes into place;
- a worker flushes each note it makes to a temporary file beside the note's
  place (:func:`~pitchkit.output.files.stage_atomic`), in a thread of its
  own so that it makes the next note meanwhile, and then tells the main
  process where it is: a few hundred bytes through a pipe rather than the
  note itself;
- the main process moves each flushed note into place and records it, in
  the order the workers report them (see
  :func:`pitchkit.batch.making.make_notes`).

Asked to stop (:meth:`Team.stop`), each worker finishes the note it is
making, flushes it and reports it, and takes no more: every note made is
still written whole. A worker that ends unexpectedly (killed, or a crash
in a library) loses only the notes it had taken; they are reported as not
made and the other workers carry on. A worker whose main process has gone
(killed outright) stops after its current note.
"""

from __future__ import annotations

import concurrent.futures as futures
import contextlib
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from pitchkit.errors import OutputError
from pitchkit.i18n.messages import Message, Renderable
from pitchkit.output.files import StagedWrite, remove_temporaries_of, stage_atomic

#: What a note was cut to fit one page: (field, how), in order.
Cuts = tuple[tuple[str, Renderable | str], ...]
#: A note as its maker gives it: its position in the batch, its bytes (``None``: it could
#: not be made), why not, and its cuts.
MadeNote = tuple[int, bytes | None, Renderable | str, Cuts]
#: A note a worker made and flushed: as :data:`MadeNote`, but with the flushed file (or the
#: reason flushing failed, raised as :class:`OutputError` by ``result()``) for its bytes.
FlushedNote = tuple[int, "futures.Future[StagedWrite] | None", Renderable | str, Cuts]

#: Notes a worker may have made but not yet flushed; past this it waits for the disk, so
#: memory does not grow with the batch when the disk is slower than the notes.
_UNFLUSHED = 8
#: Threads in each worker flushing its notes: a flush waits on the disk (the file system's
#: journal), and with one thread the notes waited on each other's.
_FLUSHING = 4
#: How long the main process waits for a worker's report while throwing the rest away.
_POLL_SECONDS = 0.2
_DONE = "done"
_NOTE = "note"
_RAISED = "raised"
STOPPED_UNEXPECTEDLY = Message("the worker process making this note stopped unexpectedly")


class Team:
    """Forked worker processes making the notes ``todo`` (positions in the batch).

    ``make(index)`` makes one note; each worker calls it in its own copy
    of this process, and flushes the bytes to ``paths[index]``'s temporary
    file (replacing a file there only with ``force``). Use as a context
    manager: leaving it stops the workers and waits for them.
    """

    def __init__(
        self,
        workers: int,
        make: Callable[[int], MadeNote],
        paths: Sequence[Path],
        todo: Sequence[int],
        *,
        force: bool,
    ) -> None:
        context = multiprocessing.get_context("fork")
        self._todo = tuple(todo)
        self._folders = sorted({path.parent for path in paths})
        #: The position in ``todo`` of the next note to take, shared by the workers.
        self._next: Any = context.Value("q", 0)
        #: Set (to 1) when the workers are to take no more notes.
        self._stop: Any = context.RawValue("b", 0)
        #: Each worker's end of the pipe it reports on, while it is open, and its process.
        self._workers: dict[Connection, Any] = {}
        #: The workers that said they were done.
        self._finished: set[Connection] = set()
        #: The notes reported, by position, and their flushed files.
        self._received: set[int] = set()
        self._flushed: set[Path] = set()
        #: What a worker raised that was not a problem with a note (a bug).
        self._raised: BaseException | None = None
        for stream in (sys.stdout, sys.stderr):  # or each worker would write it out again
            with contextlib.suppress(Exception):
                stream.flush()
        for _ in range(workers):
            reader, writer = context.Pipe(duplex=False)
            work = _Work(make, paths, self._todo, self._next, self._stop, writer, force=force)
            work.others = [*self._workers, reader]
            # Not a daemon: a worker fills a user's template in a child process of its own,
            # under the time and memory limits (see pitchkit.word.limits).
            process = context.Process(target=work.run, name="pitchkit-worker")
            process.start()
            writer.close()  # so that the reader sees the pipe end when the worker does
            self._workers[reader] = process
        self._processes = list(self._workers.values())

    def __enter__(self) -> Team:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def working(self) -> bool:
        """Whether any worker may still report a note."""
        return bool(self._workers)

    def stop(self) -> None:
        """Ask the workers to take no more notes; those being made are still reported."""
        self._stop.value = 1

    def reported(self, timeout: float) -> list[FlushedNote]:
        """The notes reported since last asked, waiting up to ``timeout`` seconds for one.

        Raises what a worker raised that was not a problem with a note (a
        bug), once every note reported with it is thrown away.
        """
        notes: list[FlushedNote] = []
        for reader in wait(list(self._workers), timeout):
            assert isinstance(reader, Connection)
            try:
                while True:
                    notes.extend(self._read(reader))
                    if not reader.poll():
                        break
            except EOFError:  # the worker has ended
                self._ended(reader)
        if self._raised is not None:
            _discard(notes)
            raise self._raised
        return notes

    def _read(self, reader: Connection) -> list[FlushedNote]:
        """One message from a worker: a note, that it is done, or what it raised."""
        message = reader.recv()
        kind = message[0]
        if kind == _DONE:
            self._finished.add(reader)
            return []
        if kind == _RAISED:
            self._raised = self._raised or message[1]
            return []
        _, index, staged, problem, error, cuts = message
        self._received.add(index)
        flushed: futures.Future[StagedWrite] | None = None
        if staged is not None or problem is not None:
            flushed = futures.Future()
            if problem is None:
                flushed.set_result(staged)
                self._flushed.add(staged.temp)
            else:
                flushed.set_exception(OutputError(problem))
        return [(index, flushed, error, cuts)]

    def _ended(self, reader: Connection) -> None:
        """A worker's pipe has closed: if it did not say it was done, tidy up after it.

        Once it has ended, a temporary file of its own that it never
        reported (a note it was flushing when it ended) is removed.
        """
        process = self._workers.pop(reader)
        reader.close()
        if reader in self._finished:
            return
        process.join()
        for folder in self._folders:
            remove_temporaries_of(folder, process.pid, keep=self._flushed)

    def lost(self) -> list[FlushedNote]:
        """Once the workers have ended, the notes they will never report.

        A note taken by a worker that ended unexpectedly is lost; so are the
        notes no worker took, when every worker ended before the batch was
        asked to stop. Each is reported as not made, saying why.
        """
        taken = min(self._next.value, len(self._todo))
        missed = [index for index in self._todo[:taken] if index not in self._received]
        if not self._stop.value:
            missed += self._todo[taken:]
        return [(index, None, STOPPED_UNEXPECTEDLY, ()) for index in missed]

    def close(self) -> None:
        """Stop the workers, throw away any note they report from now on, and wait for them."""
        self.stop()
        while self._workers:
            try:
                _discard(self.reported(_POLL_SECONDS))
            except Exception:  # raised already, or the batch is ending because of another
                self._raised = None
        for process in self._processes:
            process.join()


def _discard(notes: Sequence[FlushedNote]) -> None:
    """Remove the flushed files of ``notes``, which will not be placed."""
    for _, flushed, _, _ in notes:
        if flushed is not None and flushed.exception() is None:
            flushed.result().discard()


class _Work:
    """What one worker process does: take the next note, make it, flush it, report it."""

    def __init__(
        self,
        make: Callable[[int], MadeNote],
        paths: Sequence[Path],
        todo: Sequence[int],
        position: Any,
        stop: Any,
        channel: Connection,
        *,
        force: bool,
    ) -> None:
        self.make = make
        self.paths = paths
        self.todo = todo
        self.position = position
        self.stop = stop
        self.channel = channel
        self.force = force
        self.parent = os.getpid()
        #: Set when the main process can no longer be told anything.
        self.unheard = False
        #: Held while a message is sent: the flushing threads report their notes through it.
        self.sending = threading.Lock()
        #: The main process's ends of the workers' pipes, which this worker inherits and closes:
        #: when the main process ends, the pipe is then closed, and sending fails at once.
        self.others: list[Connection] = []

    def run(self) -> None:
        """In the worker: make notes until none is left or the batch stops, then say so.

        Interrupts are the main process's to handle: it asks the workers to
        stop (see :meth:`Team.stop`).
        """
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        for other in self.others:
            other.close()
        room = threading.BoundedSemaphore(_UNFLUSHED)
        flushing = futures.ThreadPoolExecutor(_FLUSHING, thread_name_prefix="pitchkit-flush")
        try:
            with flushing:
                while True:
                    index = self._take()
                    if index is None:
                        break
                    note = self.make(index)
                    room.acquire()
                    flushing.submit(self._flush, note, room)
        except Exception as error:  # a bug: the main process raises it
            self._send((_RAISED, _picklable(error)))
            return
        self._send((_DONE,))
        self.channel.close()

    def _take(self) -> int | None:
        """The next note to make, or ``None`` when there is none or the batch stops."""
        if self.stop.value or self.unheard or os.getppid() != self.parent:
            return None
        with self.position.get_lock():
            at = self.position.value
            if at >= len(self.todo):
                return None
            self.position.value = at + 1
        return int(self.todo[at])

    def _flush(self, note: MadeNote, room: threading.BoundedSemaphore) -> None:
        """In the worker's flushing thread: flush a made note, then report it."""
        try:
            index, data, error, cuts = note
            staged: StagedWrite | None = None
            problem: Renderable | str | None = None
            if data is not None:
                try:
                    staged = stage_atomic(self.paths[index], data, force=self.force)
                except OutputError as failure:
                    problem = failure.text
            if not self._send((_NOTE, index, staged, problem, error, cuts)) and staged is not None:
                staged.discard()  # nobody will place it
        except Exception as failure:  # a bug: the main process raises it
            self._send((_RAISED, _picklable(failure)))
        finally:
            room.release()

    def _send(self, message: tuple[Any, ...]) -> bool:
        """Send ``message`` to the main process; whether it could be."""
        try:
            with self.sending:
                self.channel.send(message)
        except OSError:  # the main process has gone
            self.unheard = True
            return False
        return True


def _picklable(error: BaseException) -> BaseException:
    """``error`` if it can be sent to the main process, else a RuntimeError telling of it."""
    import pickle

    try:
        pickle.dumps(error)
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error
