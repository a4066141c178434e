"""Safe file names and atomic, no-clobber writes (pitchkit.output.files)."""

from __future__ import annotations

import errno
import os
import re
import signal
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pitchkit.errors import OutputError
from pitchkit.output import files as output
from pitchkit.output.files import check_writable, inside, safe_stem, unique_names, write_atomic

HOSTILE = [
    "../../x",
    "CON",
    " AUX",
    "..",
    "...",
    "a/b",
    "\u202eexe.txt",
    "é" * 300,
    "Dr 😀 Okafor",
    "",
    "a\\b",
    "nul.txt",
    "LPT9 ",
    'what?<>:"|*',
    "\t\x00\x1f",
    "Zoë\u200b Ng\u2066",
]
FORBIDDEN = set('<>:"/\\|?*')
DEVICES = {"con", "prn", "aux", "nul"} | {f"{p}{n}" for p in ("com", "lpt") for n in range(1, 10)}


def assert_safe(stem: str, max_bytes: int = 200) -> None:
    assert stem
    assert len(stem.encode("utf-8")) <= max_bytes
    assert not FORBIDDEN & set(stem)
    assert stem == stem.strip(" ."), "no leading or trailing dots and spaces"
    assert not stem.startswith("-")
    assert all(unicodedata.category(ch) not in {"Cc", "Cf", "Cs"} for ch in stem)
    assert stem.partition(".")[0].rstrip().casefold() not in DEVICES
    assert stem == unicodedata.normalize("NFC", stem)


def test_hostile_names_give_distinct_safe_stems_inside_the_folder(tmp_path: Path) -> None:
    stems = unique_names(
        [safe_stem(name, fallback=f"director-{i}") for i, name in enumerate(HOSTILE)]
    )

    for stem in stems:
        assert_safe(stem)
    assert len({stem.casefold() for stem in stems}) == len(HOSTILE)
    for stem in stems:
        path = inside(tmp_path, f"{stem}.docx")
        write_atomic(path, b"note")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{s}.docx" for s in stems)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../x", "x"),
        ("CON", "CON_"),
        (" AUX", "AUX_"),
        ("con.txt", "con_.txt"),
        ("..", "d7"),
        ("...", "d7"),
        ("", "d7"),
        ("a/b", "a-b"),
        ("a / b", "a - b"),
        ("\u202eexe.txt", "exe.txt"),
        ("Dr 😀 Okafor", "Dr 😀 Okafor"),
        ("Dr\tSiân  Lloyd\n", "Dr Siân Lloyd"),
        ("Sia\u0301n", "Sián"),
        ("-rf", "rf"),
    ],
)
def test_safe_stem_examples(name: str, expected: str) -> None:
    assert safe_stem(name, fallback="d7") == expected


def test_long_names_are_capped_without_splitting_characters() -> None:
    stem = safe_stem("é" * 300, fallback="d1")

    assert stem == "é" * 100
    assert safe_stem("a" + "é" * 300, fallback="d1") == "a" + "é" * 99
    assert safe_stem("😀" * 100, fallback="d1", max_bytes=30) == "😀" * 7


def test_fallback_is_sanitised_too_and_note_is_the_last_resort() -> None:
    assert safe_stem("..", fallback="../CON") == "CON_"
    assert safe_stem("..", fallback="...") == "note"


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(name=st.text(), max_bytes=st.integers(min_value=16, max_value=255))
def test_any_text_gives_a_safe_stem(name: str, max_bytes: int) -> None:
    stem = safe_stem(name, fallback="id", max_bytes=max_bytes)

    assert_safe(stem, max_bytes)
    assert stem == safe_stem(name, fallback="id", max_bytes=max_bytes)


def test_unique_names_resolves_case_and_composition_collisions_in_order() -> None:
    stems = ["Dr Smith", "DR SMITH", "Zoë", "Zoe\u0308", "dr smith", "Ng"]

    assert unique_names(stems) == [
        "Dr Smith",
        "DR SMITH (2)",
        "Zoë",
        "Zoe\u0308 (2)",
        "dr smith (3)",
        "Ng",
    ]


def test_unique_names_never_takes_a_name_used_later() -> None:
    assert unique_names(["a", "A", "a (2)"]) == ["a", "A (3)", "a (2)"]


def test_inside_refuses_paths_that_leave_the_folder(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "link.docx").symlink_to(outside / "x.docx")

    assert inside(folder, "note.docx") == folder.resolve() / "note.docx"
    for name in ["../x.docx", "/etc/passwd", "..", ".", "link.docx"]:
        with pytest.raises(OutputError, match="outside"):
            inside(folder, name)


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_write_atomic_writes_a_new_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "nested" / "deeper" / "note.docx"

    assert write_atomic(target, b"first") == target
    assert target.read_bytes() == b"first"
    assert files_in(target.parent) == ["note.docx"]


def test_write_atomic_gives_the_usual_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    os.umask(umask)

    write_atomic(tmp_path / "note.docx", b"x")

    assert (tmp_path / "note.docx").stat().st_mode & 0o777 == 0o666 & ~umask


def test_replacing_a_note_keeps_its_permissions(tmp_path: Path) -> None:
    # A note the lead made read-only stays read-only when --force writes it again
    # (newuser18 #12); a note with the usual permissions keeps those.
    shared = tmp_path / "shared.docx"
    shared.write_bytes(b"old")
    shared.chmod(0o444)
    mine = tmp_path / "mine.docx"
    mine.write_bytes(b"old")
    mine.chmod(0o640)

    write_atomic(shared, b"new", force=True)
    write_atomic(mine, b"new", force=True)

    assert shared.read_bytes() == b"new"
    assert shared.stat().st_mode & 0o777 == 0o444
    assert mine.stat().st_mode & 0o777 == 0o640
    assert sorted(files_in(tmp_path)) == ["mine.docx", "shared.docx"]


def test_write_atomic_refuses_to_replace_and_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    target = tmp_path / "note.docx"
    target.write_bytes(b"precious \x00 bytes")

    with pytest.raises(OutputError) as caught:
        write_atomic(target, b"new")

    assert str(caught.value) == (
        f"{target} already exists: pass --force to replace it, or choose another --out"
    )
    assert target.read_bytes() == b"precious \x00 bytes"
    assert files_in(tmp_path) == ["note.docx"]


def test_the_link_itself_refuses_a_file_that_appears_after_the_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "note.docx"
    target.write_bytes(b"arrived meanwhile")
    monkeypatch.setattr(output, "check_writable", lambda path, *, force: None)

    with pytest.raises(OutputError, match="already exists"):
        write_atomic(target, b"new")

    assert target.read_bytes() == b"arrived meanwhile"
    assert files_in(tmp_path) == ["note.docx"]


def test_write_atomic_with_force_replaces(tmp_path: Path) -> None:
    target = tmp_path / "note.docx"
    target.write_bytes(b"old")

    write_atomic(target, b"new", force=True)

    assert target.read_bytes() == b"new"
    assert files_in(tmp_path) == ["note.docx"]


def test_write_atomic_copies_when_the_disk_cannot_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(src: object, dst: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "note.docx"

    write_atomic(target, b"copied")

    assert target.read_bytes() == b"copied"
    assert files_in(tmp_path) == ["note.docx"]


def test_a_folder_in_the_way_is_refused(tmp_path: Path) -> None:
    (tmp_path / "note.docx").mkdir()

    for force in (False, True):
        with pytest.raises(OutputError, match=r"note\.docx is a folder"):
            write_atomic(tmp_path / "note.docx", b"x", force=force)
    assert files_in(tmp_path) == ["note.docx"]


def test_a_file_where_a_folder_should_be_is_refused(tmp_path: Path) -> None:
    (tmp_path / "report").write_bytes(b"a file")

    with pytest.raises(OutputError, match="is a file, not a folder"):
        write_atomic(tmp_path / "report" / "sub" / "note.docx", b"x")
    assert files_in(tmp_path) == ["report"]


@pytest.mark.parametrize("force", [False, True])
def test_a_name_too_long_is_refused(tmp_path: Path, force: bool) -> None:
    with pytest.raises(OutputError, match="name is too long"):
        write_atomic(tmp_path / ("x" * 300 + ".docx"), b"data", force=force)
    assert files_in(tmp_path) == []


@pytest.mark.parametrize("force", [False, True])
def test_a_failure_after_writing_removes_the_temporary(
    tmp_path: Path, force: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Skipping the early check lets the real rename or link fail on the long name.
    monkeypatch.setattr(output, "check_writable", lambda path, *, force: None)

    with pytest.raises(OutputError, match="name is too long"):
        write_atomic(tmp_path / ("x" * 300 + ".docx"), b"data", force=force)
    assert files_in(tmp_path) == []


def test_a_full_disk_fails_cleanly_and_removes_the_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)

    with pytest.raises(OutputError) as caught:
        write_atomic(tmp_path / "note.docx", b"data")

    assert str(caught.value) == (
        f"cannot write {tmp_path / 'note.docx'}: the disk is full: free some space and try again"
    )
    assert files_in(tmp_path) == []


def test_an_interrupt_removes_the_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(src: object, dst: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "link", interrupted)

    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "note.docx", b"data")
    assert files_in(tmp_path) == []


def test_check_writable_refuses_early(tmp_path: Path) -> None:
    existing = tmp_path / "note.docx"
    existing.write_bytes(b"x")
    (tmp_path / "file").write_bytes(b"x")

    with pytest.raises(OutputError, match=re.escape(f"{existing} already exists")):
        check_writable(existing, force=False)
    check_writable(existing, force=True)
    check_writable(tmp_path / "new" / "folders" / "note.docx", force=False)
    with pytest.raises(OutputError, match="not a folder"):
        check_writable(tmp_path / "file" / "note.docx", force=False)
    with pytest.raises(OutputError, match="is a folder"):
        check_writable(tmp_path, force=True)


def test_ctrl_c_while_a_note_is_written_waits_until_it_is_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A real SIGINT while the bytes go to disk leaves the whole note and no temporary file."""
    write_all = output._write_all

    def interrupted(fd: int, data: bytes) -> None:
        os.kill(os.getpid(), signal.SIGINT)
        write_all(fd, data)

    monkeypatch.setattr(output, "_write_all", interrupted)
    target = tmp_path / "out" / "note.docx"

    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"a whole note")

    assert sorted(path.name for path in target.parent.iterdir()) == ["note.docx"]
    assert target.read_bytes() == b"a whole note"
