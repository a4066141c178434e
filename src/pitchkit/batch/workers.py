"""Worker processes that make notes, each taking the next when free.

A batch forks its workers once the main process has made the first note
(see :func:`pitchkit.batch.making.make_notes`), so each starts with the
template compiled and the notes' shared work done. :class:`Team` then
leaves the main process out of handing out work:

- the notes to make are in one list every worker holds, and a number in
  shared memory says which is next: a free worker takes it (under a lock
  held for a few microseconds) without waiting for the main process, which
  may be waiting on the disk to move notes into place;
- a worker sends each note it makes down a pipe of its own, and a thread
  of the main process reads every pipe as notes come, so a worker never
  waits for the main process to be free to read either;
- the main process flushes each note and moves it into place, in the
  order the notes come (see :func:`pitchkit.batch.making.make_notes`).

Asked to stop (:meth:`Team.stop`), each worker finishes and sends the note
it is making, and takes no more: every note made is still written whole. A
worker that ends unexpectedly (killed, or a crash in a library) loses only
the note it was making; it is reported as not made and the other workers
carry on. A worker whose main process has gone (killed outright) stops
after its current note.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import queue
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection, wait
from typing import Any

from pitchkit.i18n.messages import Message, Renderable

#: What a note was cut to fit one page: (field, how), in order.
Cuts = tuple[tuple[str, Renderable | str], ...]
#: A made note: its position in the batch, its bytes (``None``: it could not be made),
#: why not, and its cuts.
MadeNote = tuple[int, bytes | None, Renderable | str, Cuts]

#: How long the main process waits for a note while throwing the rest away.
_POLL_SECONDS = 0.2
_DONE = "done"
_NOTE = "note"
_RAISED = "raised"
STOPPED_UNEXPECTEDLY = Message("the worker process making this note stopped unexpectedly")


class Team:
    """Forked worker processes making the notes ``todo`` (positions in the batch).

    ``make(index)`` makes one note; each worker calls it in its own copy
    of this process. Use as a context manager: leaving it stops the
    workers and waits for them.
    """

    def __init__(self, workers: int, make: Callable[[int], MadeNote], todo: Sequence[int]) -> None:
        context = multiprocessing.get_context("fork")
        self._todo = tuple(todo)
        #: The position in ``todo`` of the next note to take, shared by the workers.
        self._next: Any = context.Value("q", 0)
        #: Set (to 1) when the workers are to take no more notes.
        self._stop: Any = context.RawValue("b", 0)
        #: Each worker's end of the pipe it sends on, while it is open, and its process.
        self._workers: dict[Connection, Any] = {}
        #: The positions of the notes received.
        self._received: set[int] = set()
        #: What a worker raised that was not a problem with a note (a bug).
        self._raised: BaseException | None = None
        for stream in (sys.stdout, sys.stderr):  # or each worker would write it out again
            with contextlib.suppress(Exception):
                stream.flush()
        for _ in range(workers):
            reader, writer = context.Pipe(duplex=False)
            work = _Work(make, self._todo, self._next, self._stop, writer)
            work.others = [*self._workers, reader]
            # Not a daemon: a worker fills a user's template in a child process of its own,
            # under the time and memory limits (see pitchkit.word.limits).
            process = context.Process(target=work.run, name="pitchkit-worker")
            process.start()
            writer.close()  # so that the reader sees the pipe end when the worker does
            self._workers[reader] = process
        self._processes = list(self._workers.values())
        #: Messages as the reading thread received them: (pipe, message, or None at its end).
        self._inbox: queue.SimpleQueue[tuple[Connection, Any]] = queue.SimpleQueue()
        self._reading = threading.Thread(target=self._read_pipes, name="pitchkit-receive")
        self._reading.start()

    def __enter__(self) -> Team:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def working(self) -> bool:
        """Whether any worker may still send a note."""
        return bool(self._workers)

    def stop(self) -> None:
        """Ask the workers to take no more notes; those being made are still sent."""
        self._stop.value = 1

    def _read_pipes(self) -> None:
        """In a thread of its own: read every message as it comes, so no worker waits to send."""
        readers = list(self._workers)
        while readers:
            for reader in wait(readers):
                assert isinstance(reader, Connection)
                try:
                    self._inbox.put((reader, reader.recv()))
                except EOFError:  # the worker has ended
                    readers.remove(reader)
                    self._inbox.put((reader, None))
                except Exception as error:  # a message that could not be read
                    self._inbox.put((reader, (_RAISED, error)))

    def made(self, timeout: float) -> list[MadeNote]:
        """The notes made since last asked, waiting up to ``timeout`` seconds for one.

        Raises what a worker raised that was not a problem with a note (a bug).
        """
        notes: list[MadeNote] = []
        try:
            item = self._inbox.get(timeout=timeout)
        except queue.Empty:
            return notes
        while True:
            reader, message = item
            if message is None:
                self._workers.pop(reader).join()
                reader.close()
            elif message[0] == _NOTE:
                _, index, data, error, cuts = message
                self._received.add(index)
                notes.append((index, data, error, cuts))
            elif message[0] == _RAISED:
                self._raised = self._raised or message[1]
            try:
                item = self._inbox.get_nowait()
            except queue.Empty:
                break
        if self._raised is not None:
            raise self._raised
        return notes

    def lost(self) -> list[MadeNote]:
        """Once the workers have ended, the notes they will never send.

        A note taken by a worker that ended unexpectedly is lost; so are the
        notes no worker took, when every worker ended before the batch was
        asked to stop. Each is given as not made, saying why.
        """
        taken = min(self._next.value, len(self._todo))
        missed = [index for index in self._todo[:taken] if index not in self._received]
        if not self._stop.value:
            missed += self._todo[taken:]
        return [(index, None, STOPPED_UNEXPECTEDLY, ()) for index in missed]

    def close(self) -> None:
        """Stop the workers, throw away any note they send from now on, and wait for them."""
        self.stop()
        while self._workers:
            try:
                self.made(_POLL_SECONDS)
            except Exception:  # raised already, or the batch is ending because of another
                self._raised = None
        self._reading.join()
        for process in self._processes:
            process.join()


class _Work:
    """What one worker process does: take the next note, make it, send it."""

    def __init__(
        self,
        make: Callable[[int], MadeNote],
        todo: Sequence[int],
        position: Any,
        stop: Any,
        channel: Connection,
    ) -> None:
        self.make = make
        self.todo = todo
        self.position = position
        self.stop = stop
        self.channel = channel
        self.parent = os.getpid()
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
        try:
            while True:
                index = self._take()
                if index is None:
                    break
                if not self._send((_NOTE, *self.make(index))):
                    return  # the main process has gone
        except Exception as error:  # a bug: the main process raises it
            self._send((_RAISED, _picklable(error)))
            return
        self._send((_DONE,))
        self.channel.close()

    def _take(self) -> int | None:
        """The next note to make, or ``None`` when there is none or the batch stops."""
        if self.stop.value or os.getppid() != self.parent:
            return None
        with self.position.get_lock():
            at = self.position.value
            if at >= len(self.todo):
                return None
            self.position.value = at + 1
        return int(self.todo[at])

    def _send(self, message: tuple[Any, ...]) -> bool:
        """Send ``message`` to the main process; whether it could be."""
        try:
            self.channel.send(message)
        except OSError:  # the main process has gone
            return False
        return True


def _picklable(error: BaseException) -> BaseException:
    """``error`` if it can be sent to the main process, else a RuntimeError telling of it."""
    try:
        pickle.dumps(error)
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error
