"""The batch as it goes: each director's outcome so far, and whether to stop.

:class:`Run` is shared by the stages of :func:`pitchkit.batch.run_batch`:
making the notes (:mod:`~pitchkit.batch.making`) records each outcome in
it, and the PDFs and the pack (:mod:`~pitchkit.batch.finish`) read which
notes were written. :func:`interrupts` turns Ctrl-C or SIGTERM into a
request to stop, which every stage checks before handing out more work.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from pitchkit.errors import OutputError
from pitchkit.output.files import StagedWrite
from pitchkit.output.manifest import BatchItem

Progress = Callable[[BatchItem, int, int], None]


@dataclass
class Run:
    """The batch as it goes: items by position, and whether to stop."""

    items: list[BatchItem]
    done: int = 0
    stop: bool = False
    #: The signal that asked the batch to stop (the first, if more came), or 0.
    stopped_by: int = 0
    on_progress: Progress | None = None
    paths: dict[int, Path] = field(default_factory=dict)
    #: Called after each outcome is stored: the batch rewrites its manifest, so that
    #: even a batch killed outright leaves a manifest listing every note it finished.
    on_record: Callable[[], None] | None = None
    #: The manifest's path and bytes as they will be once ``items`` are recorded: a batch
    #: flushes each version to disk ahead, while the note it lists is still being made.
    listing: Callable[[Sequence[BatchItem]], tuple[Path, bytes]] | None = None
    #: The first manifest being written in the background while the first note is made;
    #: it is in place before any note or later manifest is (see :meth:`opened`).
    opening: threading.Thread | None = None

    def opened(self) -> None:
        """Wait until the first manifest, if still being written, is in place."""
        if self.opening is not None:
            self.opening.join()
            self.opening = None

    def record(
        self,
        index: int,
        item: BatchItem,
        listed: StagedWrite | None = None,
        *,
        sync_folder: bool = True,
    ) -> None:
        """Store the outcome of item ``index``, save the record, and report progress.

        ``listed`` is the manifest with this outcome (and every one before
        it) already flushed to a temporary file: it is moved into place
        instead of the record being written again, unless that fails. With
        ``sync_folder=False`` the caller flushes its folder afterwards.
        """
        self.opened()
        self.items[index] = item
        self.done += 1
        placed = False
        if listed is not None:
            with contextlib.suppress(OutputError):
                listed.place(sync_folder=sync_folder)
                placed = True
        if not placed and self.on_record is not None:
            self.on_record()
        if self.on_progress is not None:
            self.on_progress(item, self.done, len(self.items))


@contextlib.contextmanager
def interrupts(run: Run) -> Iterator[None]:
    """While the batch runs, turn SIGINT and SIGTERM into a request to stop cleanly.

    The signal is kept in :attr:`Run.stopped_by`, so the command can exit
    with 128 plus its number, as shells do: 130 for Ctrl-C, 143 for SIGTERM.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        if not run.stop:
            run.stop, run.stopped_by = True, signum

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
