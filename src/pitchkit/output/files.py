"""Safe file names and atomic, no-clobber writes for the documents pitchkit makes.

Names come from directors' names, which users type and which may hold
anything: path separators, Windows device names, right-to-left overrides.
:func:`safe_stem` turns such a name into a stem that is valid on Windows,
macOS and Linux; :func:`inside` checks the final path stays in the output
folder; :func:`write_atomic` writes through a temporary file so a reader
never sees half a document and an existing file is never replaced unless
the user said ``--force``.

Missing parent folders are created, both for ``--out DIR`` and for the
folder of an ``--out FILE``: a user asking for ``reports/2025/note.docx``
wants the folders made, and refusing would only send them back to mkdir.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import signal
import stat
import threading
import time
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path

from pitchkit.errors import OutputError
from pitchkit.i18n.messages import Message, Renderable

#: Characters Windows or macOS refuse in names, plus both path separators.
_FORBIDDEN = re.compile(r'[<>:"/\\|?*]+')
#: Forbidden characters ending or starting a word ("Follow-up: outpatients", '"Quoted"'):
#: dropped, so the words stay as they were ("Follow-up outpatients").
_FORBIDDEN_AT_WORD_EDGE = re.compile(
    r'(?<=\S)[<>:"/\\|?*]+(?=\s|$)|(?:^|(?<=\s))[<>:"/\\|?*]+(?=\S)'
)
_WHITESPACE = re.compile(r"\s+")
_HYPHENS = re.compile(r"-{2,}")
#: Stripped from both ends: Windows drops trailing dots and spaces, a leading
#: dot hides the file (and ``..`` climbs out), a leading hyphen reads as an option.
_EDGES = " .-"
#: Unicode categories dropped: controls, format characters (bidi overrides,
#: zero-width joiners, marks such as U+200E) and lone surrogates.
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs"})
_DEVICE_NAMES = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"{port}{n}" for port in ("com", "lpt") for n in [*"123456789", "¹", "²", "³"]}
)
_MIN_BYTES = 16
_FINAL_FALLBACK = "note"
_TEMP_PREFIX = ".~pitchkit-"
_TEMP_SUFFIX = ".tmp"
#: pitchkit's temporary files: ``.~pitchkit-PID-HEX.tmp`` (and, from older versions, no PID).
_TEMP_NAME = re.compile(r"\.~pitchkit-(?:(?P<pid>[0-9]{1,10})-)?[0-9a-f]{16}\.tmp")
#: A temporary file without a process id is stale after this long.
_STALE_SECONDS = 600
_DAY_SECONDS = 86_400
#: Folders this process has already cleaned of stale temporaries.
_CLEANED: set[str] = set()
_CREATE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
#: errno values for which a path counts as holding nothing (as ``Path.is_dir`` and
#: ``os.path.lexists`` take them).
_NOTHING_THERE = frozenset({errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP})
#: errno values meaning "this file system cannot make hard links".
_NO_LINKS = frozenset(
    {errno.EPERM, errno.EXDEV, errno.EMLINK, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP}
)


def safe_stem(name: str, *, fallback: str, max_bytes: int = 200) -> str:
    """Return a file-name stem, safe on Windows, macOS and Linux, for ``name``.

    The result has no path separators, control or direction characters,
    leading or trailing dots and spaces, and is not a Windows device name;
    it is at most ``max_bytes`` bytes in UTF-8. When nothing usable is left
    (an empty name, ``..``), ``fallback`` (usually the director id) is
    cleaned the same way and used; if that is empty too, ``"note"``.
    """
    if max_bytes < _MIN_BYTES:
        raise ValueError(f"max_bytes must be at least {_MIN_BYTES}, not {max_bytes}")
    return _clean(name, max_bytes) or _clean(fallback, max_bytes) or _FINAL_FALLBACK


def _clean(name: str, max_bytes: int) -> str:
    """Sanitise ``name`` into a stem, or return ``""`` when nothing is left."""
    text = unicodedata.normalize("NFC", name)
    text = _WHITESPACE.sub(" ", text)  # before dropping controls, so a tab still parts words
    text = "".join(ch for ch in text if unicodedata.category(ch) not in _DROPPED_CATEGORIES)
    text = _FORBIDDEN_AT_WORD_EDGE.sub("", text)
    text = _FORBIDDEN.sub("-", text)
    text = _HYPHENS.sub("-", _WHITESPACE.sub(" ", text))
    text = _avoid_device_name(text.strip(_EDGES))
    return _avoid_device_name(_cap_bytes(text, max_bytes).strip(_EDGES))


def _cap_bytes(text: str, max_bytes: int) -> str:
    """Cut ``text`` to at most ``max_bytes`` UTF-8 bytes without splitting a character."""
    encoded = text.encode("utf-8")
    if len(encoded) <= max_bytes:
        return text
    return encoded[:max_bytes].decode("utf-8", errors="ignore")


def _avoid_device_name(stem: str) -> str:
    """Add ``_`` after a Windows device name (``CON``, ``aux.txt``) so Windows accepts it."""
    base, dot, rest = stem.partition(".")
    if base.rstrip(" ").casefold() in _DEVICE_NAMES:
        return f"{base.rstrip(' ')}_{dot}{rest}"
    return stem


def _fold(name: str) -> str:
    """Return the key under which two names count as the same file on a case-blind disk."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).casefold())


def unique_names(stems: Sequence[str]) -> list[str]:
    """Return ``stems`` in order, renaming repeats to ``"name (2)"``, ``"name (3)"``.

    Names that differ only in case or Unicode composition count as repeats,
    because Windows and macOS would store them as the same file. A renamed
    stem never takes a name that appears later in the list.
    """
    taken_later = {_fold(stem) for stem in stems}
    used: set[str] = set()
    result: list[str] = []
    for stem in stems:
        candidate, number = stem, 1
        while _fold(candidate) in used or (candidate != stem and _fold(candidate) in taken_later):
            number += 1
            candidate = f"{stem} ({number})"
        used.add(_fold(candidate))
        result.append(candidate)
    return result


def inside(folder: Path, name: str) -> Path:
    """Return the resolved path of ``name`` in ``folder``, refusing any escape.

    Raises :class:`OutputError` when ``name`` is absolute, climbs out with
    ``..``, or is a link that points outside ``folder``.
    """
    return inside_all(folder, [name])[0]


def inside_all(folder: Path, names: Sequence[str]) -> list[Path]:
    """:func:`inside` for each of ``names``, resolving ``folder`` once."""
    root = folder.resolve()
    found: list[Path] = []
    for name in names:
        target = root / name
        if not _resolves_to_itself(target, name):  # links, "..", separators: resolve to be sure
            target = target.resolve()
        if target == root or not target.is_relative_to(root):
            raise OutputError(
                Message(
                    "{name} would be written outside {folder}: choose a plain file name",
                    name=repr(name),
                    folder=folder,
                )
            )
        found.append(target)
    return found


def _resolves_to_itself(target: Path, name: str) -> bool:
    """Whether ``name`` is one plain component and ``target`` (in a resolved folder) no link.

    Then resolving ``target`` would give it back as it is: there is no
    link to follow and nothing to climb out with. (On Windows, where
    resolving an existing file also gives its name as the disk spells it,
    only a name with nothing there yet is taken as it is.)
    """
    separators = {os.sep, os.altsep or os.sep, "/"}
    if name in ("", ".", "..") or any(separator in name for separator in separators):
        return False
    try:
        mode = os.lstat(target).st_mode
    except OSError:
        return True  # nothing there (or nothing that can be read): as lexists says
    return os.name != "nt" and not stat.S_ISLNK(mode)


def check_writable(path: Path, *, force: bool, option: str = "--out") -> None:
    """Refuse early, before any rendering, a ``path`` that :func:`write_atomic` would refuse.

    Raises :class:`OutputError` when ``path`` is a folder, exists and
    ``force`` is false, or lies under something that is not a folder.
    ``option`` is the one that named ``path``, for the message (``--pack``).
    """
    try:
        _check_writable(path, force=force, option=option)
    except OSError as error:
        raise OutputError(_failure_message(path, error)) from None


def _check_writable(path: Path, *, force: bool, option: str = "--out") -> None:
    """Do the checks of :func:`check_writable`; the file system may raise ``OSError``."""
    try:
        mode: int | None = os.lstat(path).st_mode
    except OSError as error:
        if error.errno not in _NOTHING_THERE:
            raise
        mode = None
    if mode is not None and (stat.S_ISDIR(mode) or (stat.S_ISLNK(mode) and path.is_dir())):
        raise OutputError(folder_message(path))
    if mode is not None:
        lock = word_lock(path)
        if lock is not None:  # even with force: Word would keep, and save over, its own copy
            raise OutputError(
                Message(
                    "{path} is open in Word: close it and run again (if Word is not running, "
                    "delete {lock}, the lock file it left)",
                    path=path,
                    lock=lock.name,
                )
            )
        lock = libreoffice_lock(path)
        if lock is not None:  # LibreOffice, which getting-started suggests, keeps one too
            raise OutputError(
                Message(
                    "{path} is open in LibreOffice: close it and run again (if LibreOffice is "
                    "not running, delete {lock}, the lock file it left)",
                    path=path,
                    lock=lock.name,
                )
            )
    if mode is not None and not force:
        raise OutputError(_exists_message(path, option))
    ancestor = path.parent
    while not ancestor.exists() and ancestor != ancestor.parent:
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        raise OutputError(
            Message(
                "cannot write {path}: {ancestor} is a file, not a folder",
                path=path,
                ancestor=ancestor,
            )
        )


#: The documents Word opens, and marks as open with an owner file beside them.
_WORD_SUFFIXES = frozenset({".docx", ".docm", ".dotx", ".dotm", ".doc", ".dot", ".rtf"})


def word_lock(path: Path) -> Path | None:
    """The lock file Word keeps beside ``path`` while it has it open, if there is one.

    Word names it ``~$`` and the document's name; for a long name, ``~$``
    takes the place of its first one or two characters (``~$cument1.docx`` for
    ``Document1.docx``). None when ``path`` is not a Word document or has none
    (newuser35: a note replaced under Word, with --force, was lost on its next save).
    """
    if path.suffix.lower() not in _WORD_SUFFIXES:
        return None
    name = path.name
    stem = len(path.stem)
    names = ["~$" + name]
    if stem == 7:
        names.append("~$" + name[1:])
    elif stem >= 8:
        names.append("~$" + name[2:])
    for candidate in names:
        lock = path.with_name(candidate)
        if lock.is_file():
            return lock
    return None


def libreoffice_lock(path: Path) -> Path | None:
    """The lock file LibreOffice keeps beside ``path`` while it has it open, if there is one.

    LibreOffice names it ``.~lock.`` and the document's name and ``#`` (newuser36 #10:
    a note open in LibreOffice was replaced with --force, where Word's was caught).
    """
    if path.suffix.lower() not in _WORD_SUFFIXES:
        return None
    lock = path.with_name(f".~lock.{path.name}#")
    return lock if lock.is_file() else None


def write_atomic(path: Path, data: bytes, *, force: bool = False, sync_folder: bool = True) -> Path:
    """Write ``data`` to ``path`` in one step and return ``path``.

    The bytes go to a hidden temporary file in the same folder, are flushed
    to disk, then moved into place: readers see the old file or the whole
    new one, never part. Without ``force`` an existing file is never
    replaced and stays exactly as it was. Missing parent folders are made.
    The temporary file is removed whatever happens. Raises
    :class:`OutputError` with a one-line reason on any failure.

    The folder is flushed too, so the new name survives a power cut;
    ``sync_folder=False`` leaves that to the caller, who flushes the
    folder (:func:`flush_folder`) once for the names it has just moved
    into place: a batch, for its notes and their manifests.
    :func:`stage_atomic` does the same in two steps.

    Ctrl-C (or a polite kill) that arrives while the file is written waits
    until it is in place or cleaned away: stopped at any other moment, a
    temporary file could be left beside the note.
    """
    with signals_held():
        return stage_atomic(path, data, force=force).place(sync_folder=sync_folder)


def _keep_mode(path: Path, temp: Path) -> None:
    """Give ``temp`` the permissions of the file it is to replace, if there is one.

    A note the lead made read-only stays read-only when ``--force`` writes it
    again: the new bytes take the old file's place, not its permissions' default.
    """
    with contextlib.suppress(FileNotFoundError):
        shutil.copymode(path, temp)


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM back until the block ends, then let them through.

    Each is caught and kept while the block runs (whichever thread the
    system hands it to), and raised again, to the handler there was before,
    once the block is over. Only the main thread may set handlers, so
    elsewhere the block runs as it is.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []

    def keep(number: int, frame: object) -> None:
        caught.append(number)

    before = {number: signal.signal(number, keep) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for held, handler in before.items():
            signal.signal(held, signal.SIG_DFL if handler is None else handler)
        for number in dict.fromkeys(caught):
            signal.raise_signal(number)


class StagedWrite:
    """A file written and flushed to a temporary name, waiting to be moved into place.

    :meth:`place` finishes :func:`write_atomic`'s work; :meth:`discard`
    removes the temporary file instead. A batch stages each note's bytes
    (the slow flush to disk) in a background thread while the previous
    note is recorded, then places them in order.
    """

    def __init__(self, path: Path, temp: Path, made: list[Path], *, force: bool) -> None:
        self.path = path
        self.temp: Path | None = temp
        self._made = made
        self._force = force

    def place(self, *, sync_folder: bool = True) -> Path:
        """Move the staged bytes to :attr:`path` (see :func:`write_atomic`) and return it."""
        temp, path = self.temp, self.path
        if temp is None:
            raise ValueError("this write was placed or discarded already")
        done = False
        try:
            if self._force:
                _keep_mode(path, temp)
                os.replace(temp, path)
                self.temp = None  # moved: nothing is left to remove
            else:
                _place_exclusively(temp, path)
            if sync_folder:
                flush_folder(path.parent)
            done = True
        except OSError as error:
            raise OutputError(_failure_message(path, error)) from None
        finally:
            self._finish(remove_folders=not done)
        return path

    def discard(self) -> None:
        """Remove the staged bytes and any folders made for them; the target is untouched."""
        if self.temp is not None:
            self._finish(remove_folders=True)

    def _finish(self, *, remove_folders: bool) -> None:
        if self.temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.temp)
            self.temp = None
        if remove_folders:
            _remove_empty(self._made)


def stage_atomic(path: Path, data: bytes, *, force: bool = False) -> StagedWrite:
    """The first step of :func:`write_atomic`: ``data`` flushed to a temporary file beside ``path``.

    Raises :class:`OutputError` as :func:`write_atomic` does, leaving no
    temporary file; otherwise the caller must :meth:`~StagedWrite.place`
    or :meth:`~StagedWrite.discard` the result.
    """
    check_writable(path, force=force)
    temp: Path | None = None
    made = _missing_folders(path.parent)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp, fd = _open_temp(path.parent)
        try:
            _write_all(fd, data)
        finally:
            os.close(fd)
    except OSError as error:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        _remove_empty(made)
        raise OutputError(_failure_message(path, error)) from None
    return StagedWrite(path, temp, made, force=force)


def _missing_folders(folder: Path) -> list[Path]:
    """The folders that ``mkdir(parents=True)`` would make for ``folder``, deepest first."""
    missing: list[Path] = []
    while not os.path.lexists(folder) and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    return missing


def _remove_empty(folders: list[Path]) -> None:
    """Remove ``folders`` (deepest first) that a failed write made, if still empty."""
    for folder in folders:
        with contextlib.suppress(OSError):
            folder.rmdir()


def remove_stale_temporaries(folder: Path, *, now: float | None = None) -> list[Path]:
    """Remove temporary files an earlier, killed pitchkit left in ``folder``; return them.

    Only files of pitchkit's own naming are touched: ``.~pitchkit-PID-HEX.tmp``
    whose process PID no longer runs (or, where that cannot be asked, that
    are over a day old), and files of the older naming without a PID
    (``.~pitchkit-HEX.tmp``) more than :data:`_STALE_SECONDS` old. A run
    killed outright (``kill -9``, power loss) cannot remove its own; the
    next run writing to the same folder does.
    """
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        match = _TEMP_NAME.fullmatch(name)
        if match is None:
            continue
        path = folder / name
        try:
            age = now - path.lstat().st_mtime
        except OSError:
            continue
        pid = match.group("pid")
        if pid is None:
            stale = age > _STALE_SECONDS
        else:
            stale = age > _DAY_SECONDS or not _running(int(pid))
        if stale:
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


def _running(pid: int) -> bool:
    """Whether process ``pid`` runs (True when that cannot be known, as on Windows)."""
    if os.name == "nt" or pid == os.getpid():
        return True  # os.kill would end the process there: rely on the age instead
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it runs, as another user
    return True


def _clean_once(folder: Path) -> None:
    """Remove stale temporaries from ``folder`` the first time this process writes there."""
    key = os.path.abspath(folder)
    if key not in _CLEANED:
        _CLEANED.add(key)
        remove_stale_temporaries(folder)


def _open_temp(folder: Path) -> tuple[Path, int]:
    """Create a new hidden temporary file in ``folder``; return its path and descriptor.

    The file is made with ``os.open`` rather than ``tempfile`` so that it
    gets the usual permissions (the umask), not owner-only ones. Its name
    holds this process's id, so a later run can tell it is stale.
    """
    _clean_once(folder)
    for _ in range(100):
        temp = folder / f"{_TEMP_PREFIX}{os.getpid()}-{os.urandom(8).hex()}{_TEMP_SUFFIX}"
        with contextlib.suppress(FileExistsError):
            return temp, os.open(temp, _CREATE_FLAGS, 0o666)
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(folder))


def _write_all(fd: int, data: bytes) -> None:
    """Write every byte of ``data`` to ``fd`` and flush it to disk."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]
    os.fsync(fd)


def _place_exclusively(temp: Path, path: Path) -> None:
    """Give ``temp``'s content the name ``path`` only if ``path`` does not exist.

    A hard link is atomic and fails if the name is taken. Where a file
    system cannot link (some network and FAT drives), create the file
    exclusively and copy, removing it again if the copy fails.
    """
    try:
        os.link(temp, path)
        return
    except FileExistsError:
        raise OutputError(_exists_message(path)) from None
    except OSError as error:
        if error.errno not in _NO_LINKS:
            raise
    try:
        fd = os.open(path, _CREATE_FLAGS, 0o666)
    except FileExistsError:
        raise OutputError(_exists_message(path)) from None
    try:
        _write_all(fd, temp.read_bytes())
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise
    os.close(fd)


def flush_folder(folder: Path) -> None:
    """Flush the folder's entries so new names in it survive a crash (POSIX only)."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def folder_message(path: Path) -> Message:
    """Say that ``path`` is a folder where a file was wanted."""
    return Message("{path} is a folder: give the name of a file to write instead", path=path)


def _exists_message(path: Path, option: str = "--out") -> Message:
    """Say that ``path`` exists and how to proceed (``option``: the one that named it)."""
    return Message(
        "{path} already exists: pass --force to replace it, or choose another {option}",
        path=path,
        option=option,
    )


def _failure_message(path: Path, error: OSError) -> Message:
    """Turn an ``OSError`` from writing ``path`` into one line a user can act on.

    A reason pitchkit does not know is the system's own words, untranslated.
    """
    no_space = Message("the disk is full: free some space and try again")
    no_permission = Message("permission denied: choose a folder you can write to with --out")
    not_a_folder = Message("part of the path is a file, not a folder: check --out")
    reasons: dict[int, Renderable] = {
        errno.ENOSPC: no_space,
        getattr(errno, "EDQUOT", errno.ENOSPC): no_space,
        errno.EACCES: no_permission,
        errno.EPERM: no_permission,
        errno.EROFS: Message("the disk is read-only: choose another folder with --out"),
        errno.ENAMETOOLONG: Message("the name is too long: choose a shorter --out"),
        errno.EISDIR: Message("it is a folder: give a file name instead"),
        # The folder vanished while writing, or is one the system makes no files in (/proc).
        errno.ENOENT: Message(
            "the system cannot make a file there: choose a folder you can write to with --out"
        ),
        errno.ENOTDIR: not_a_folder,
        errno.EEXIST: not_a_folder,
    }
    reason = reasons.get(error.errno or 0, error.strerror or str(error))
    return Message("cannot write {path}: {reason}", path=path, reason=reason)
