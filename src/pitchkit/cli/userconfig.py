r"""Each user's own defaults: template, output folder, language and LibreOffice.

People run pitchkit on their own laptops, usually with the same house
template and the same notes folder each time. Those defaults live in one
small TOML file in the user's configuration folder (``platformdirs``:
``~/.config/pitchkit/config.toml`` on Linux,
``%LOCALAPPDATA%\\pitchkit\\config.toml`` on Windows,
``~/Library/Application Support/pitchkit/config.toml`` on macOS), or
wherever ``$PITCHKIT_CONFIG`` points::

    template = "~/Documents/house-brief.docx"
    update_template = "~/Documents/house-update.docx"
    out = "~/Documents/Sponsor notes"
    locale = "cy_GB"
    libreoffice = "~/Applications/LibreOffice.app/Contents/MacOS/soffice"

An option given on the command line always wins over the file. Relative
paths are read from the file's own folder, and ``~`` is the home folder.
"""

from __future__ import annotations

import json
import os
import posixpath
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pitchkit.errors import InputError
from pitchkit.i18n.messages import Located, Message, Renderable
from pitchkit.i18n.translation import N_

#: Environment variable naming the configuration file to use instead.
CONFIG_ENV = "PITCHKIT_CONFIG"
#: The settings a user may keep, each with what it is for.
SETTINGS: dict[str, Message] = {
    "template": Message("your own Word template for briefing notes (--template)"),
    "update_template": Message("your own Word template for progress updates (--template)"),
    "out": Message("the folder notes are written in (--out)"),
    "locale": Message("the language of notes and messages: en_GB or cy_GB (--locale)"),
    "libreoffice": Message("the LibreOffice program used for PDFs and page counts"),
}
PATH_SETTINGS = frozenset({"template", "update_template", "out", "libreoffice"})
#: A configuration file is a few lines; anything bigger is not one.
MAX_BYTES = 64_000
_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
_KEY_LINE = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")


@dataclass
class UserConfig:
    """The settings read from the user's file (empty when there is none)."""

    path: Path
    values: dict[str, str] = field(default_factory=dict)
    found: bool = False

    @property
    def exists(self) -> bool:
        """Whether the file was there to read."""
        return self.found

    def get(self, name: str) -> str | None:
        """The setting as written, or ``None``."""
        return self.values.get(name)

    def path_for(self, name: str) -> Path | None:
        """A path setting, with ``~`` expanded and relative to the file's folder."""
        value = self.values.get(name)
        if value is None:
            return None
        path = Path(value).expanduser()
        return path if path.is_absolute() else self.path.parent / path


def config_path(environ: dict[str, str] | None = None) -> Path:
    """Where this user's configuration file is (it need not exist)."""
    env = os.environ if environ is None else environ
    chosen = env.get(CONFIG_ENV, "").strip()
    if chosen:
        return Path(chosen).expanduser()
    linux = _linux_config_dir(os.environ)
    if linux is not None:
        return Path(linux) / "pitchkit" / "config.toml"
    from platformdirs import user_config_dir

    return Path(user_config_dir("pitchkit", appauthor=False)) / "config.toml"


def _linux_config_dir(env: Mapping[str, str]) -> str | None:
    """The user's configuration folder as ``platformdirs`` gives it on Linux, in the usual case.

    That is ``$XDG_CONFIG_HOME`` when it is an absolute path, else
    ``~/.config`` with an absolute ``$HOME``. Anything else (another
    system, Android, a relative or missing ``$HOME``) gives ``None``, and
    the caller asks ``platformdirs`` itself. Importing it (and the
    ``tempfile`` and ``random`` it loads) is about 3 ms of every command;
    ``tests/test_config.py`` checks that both give the same folder.
    """
    if sys.platform != "linux" or hasattr(sys, "getandroidapilevel") or "ANDROID_DATA" in env:
        return None
    chosen = env.get("XDG_CONFIG_HOME", "")
    if posixpath.isabs(chosen):
        return chosen
    home = env.get("HOME")
    if home is None or not posixpath.isabs(home):
        return None
    return home.rstrip("/") + "/.config"


def load_config(path: Path | None = None) -> UserConfig:
    """Read and check the configuration file; a missing file means no settings.

    Raises :class:`InputError` with the file, line and column of the first
    problem and how to fix it.
    """
    path = config_path() if path is None else path
    text = _read(path)
    if text is None:
        return UserConfig(path)
    import tomllib  # only with a file to read: most commands run without one

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InputError(_syntax_problem(path, str(error), text)) from None
    values: dict[str, str] = {}
    for name, value in data.items():
        where = _where(path, text, name)
        if name not in SETTINGS:
            raise InputError(Located(where, _unknown(name)))
        if not isinstance(value, str) or not value.strip():
            raise InputError(
                Located(
                    where,
                    Message(
                        '{name} must be text in quotes, such as {name} = "{example}"',
                        name=name,
                        example=EXAMPLES[name],
                    ),
                )
            )
        values[name] = value.strip()
    config = UserConfig(path, values, found=True)
    _check_locale(config, text)
    return config


def set_value(path: Path, name: str, value: str | None) -> str:
    """The file's text with ``name`` set to ``value`` (or removed when ``None``).

    A name that is not a setting may only be removed, when the file has it.

    Other lines, comments included, stay exactly as they were, and so do
    the file's line endings (CRLF from a Windows editor stays CRLF) and its
    byte-order mark, when it has one (Notepad's "UTF-8 with BOM").
    """
    from pitchkit.facts.textlayout import layout_of

    text = _read(path)
    written = text is not None and any(_key_of(line) == name for line in text.splitlines())
    # A line pitchkit does not know may still be removed: that is how the file is mended.
    if name not in SETTINGS and not (value is None and written):
        raise InputError(_unknown(name))
    if text is None:
        text = _HEADER
    newline = layout_of(text).newline
    entry = None if value is None else f"{name} = {json.dumps(value, ensure_ascii=False)}"
    kept: list[str] = []
    for line in text.splitlines():
        if _key_of(line) != name:
            kept.append(line)
        elif entry is not None:
            kept.append(entry)  # in the place of the first one
            entry = None
    if entry is not None:
        kept.append(entry)
    mark = "\ufeff" if _has_mark(path) else ""
    return mark + newline.join(kept) + newline


def _has_mark(path: Path) -> bool:
    """Whether the file at ``path`` starts with a UTF-8 byte-order mark."""
    try:
        with path.open("rb") as handle:
            return handle.read(3) == b"\xef\xbb\xbf"
    except OSError:
        return False


_HEADER = (
    "# pitchkit settings for you alone; an option on the command line always wins.\n"
    "# Change them with: pitchkit config set NAME VALUE\n"
)
EXAMPLES = {
    "template": "~/Documents/house-brief.docx",
    "update_template": "~/Documents/house-update.docx",
    "out": "~/Documents/Sponsor notes",
    "locale": "cy_GB",
    "libreoffice": "/usr/bin/soffice",
}


def _key_of(line: str) -> str | None:
    match = _KEY_LINE.match(line)
    return match.group(1) if match else None


def _read(path: Path) -> str | None:
    """The file's text, or ``None`` when there is no file."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        raise InputError(
            Located(
                str(path),
                Message(
                    "cannot read your settings file ({reason}): check its permissions, or set "
                    "{variable} to another file",
                    reason=error.strerror,
                    variable=CONFIG_ENV,
                ),
            )
        ) from None
    if len(raw) > MAX_BYTES:
        raise InputError(
            Located(
                str(path),
                Message(
                    "this is too big to be pitchkit's settings file: a settings file is a few "
                    'lines, such as template = "house-brief.docx"'
                ),
            )
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(
            Located(str(path), Message("save the settings file as UTF-8 text"))
        ) from None


def _syntax_problem(path: Path, reason: str, text: str) -> Located:
    """A TOML syntax error at the line and column it is on.

    Python's reader reports where it noticed the problem: for a value left
    open ("Unclosed array", "Unterminated string") that is after it, on the
    next line or at the end of the file, so ``locale = [1,2`` on line 1 came
    out at line 2 (newuser19 #10). Such an error is put at the value that
    was left open, on the line that starts its setting.
    """
    match = _POSITION.search(reason)
    detail = _POSITION.sub("", reason).replace("(at end of document)", "").strip()
    line, column = (int(match.group(1)), int(match.group(2))) if match else (0, 0)
    if detail.startswith(("Unclosed", "Unterminated")) or not match:
        line, column = _opened_at(text, line or len(text.splitlines()) + 1, column)
    where = f"{path}:{line}:{column}" if line and column else str(path)
    return Located(
        where,
        Message(
            'this line is not a setting pitchkit can read ({detail}): write NAME = "VALUE", '
            "with the value in double quotes",
            detail=detail,
        ),
    )


def _opened_at(text: str, line: int, column: int) -> tuple[int, int]:
    """Where the setting open at ``line``, ``column`` begins: its line, and its value's column.

    The setting is the last line up to there that starts ``NAME =``; with
    none, the position is kept as it was.
    """
    lines = text.splitlines()
    for number in range(min(line, len(lines)), 0, -1):
        if number == line and column <= 1:
            continue  # the problem was noticed at this line's start: it is above it
        found = _KEY_LINE.match(lines[number - 1])
        if found:
            rest = lines[number - 1][found.end() :]
            return number, found.end() + 1 + len(rest) - len(rest.lstrip())
    return line, column


def _where(path: Path, text: str, name: str) -> str:
    for number, line in enumerate(text.splitlines(), start=1):
        if _key_of(line) == name:
            return f"{path}:{number}:1"
    return str(path)


def _unknown(name: str) -> Renderable:
    from pitchkit.facts.validation import did_you_mean

    hint = did_you_mean(name, list(SETTINGS))
    # "did you mean 'locale'?; the settings are ..." read badly (newuser38 #12).
    text = (
        N_("there is no setting called {name}{hint} The settings are {known}")
        if isinstance(hint, Message) and hint.text.endswith("?")
        else N_("there is no setting called {name}{hint}; the settings are {known}")
    )
    return Message(text, name=repr(name), hint=hint, known=", ".join(SETTINGS))


def check_setting(config: UserConfig, name: str) -> None:
    """Refuse a path setting that cannot be what it names, located at its line in the file.

    Cheap checks only (it exists; a template is a .docx; LibreOffice can be run), so that
    a mistake kept in the settings is named as the setting, not as the user's input.
    """
    path = config.path_for(name)
    if path is None:
        return
    problem = path_problem(name, path)
    if problem is None:
        return
    text = _read(config.path) or ""
    raise InputError(
        Located(
            _where(config.path, text, name),
            Message(
                "your settings file sets {name} to {value}: {problem}: pitchkit config set "
                "{name} {example}, or pitchkit config unset {name}",
                name=name,
                value=repr(str(path)),
                problem=problem,
                example=EXAMPLES[name],
            ),
        )
    )


def path_problem(name: str, path: Path) -> Message | None:
    """Why ``path`` cannot be the setting ``name``, from a cheap look, else ``None``."""
    import zipfile

    if name == "out":
        if path.exists() and not path.is_dir():
            return Message("that is a file, not a folder")
        return None  # a folder not made yet is made by the first note written there
    if not path.exists():
        return Message("there is no such file")
    if name == "libreoffice":
        if path.is_dir() or not os.access(path, os.X_OK):
            return Message("that is not a program that can be run")
        return None
    if path.is_dir():
        return Message("that is a folder, not a Word .docx file")
    if path.suffix.casefold() != ".docx" or not zipfile.is_zipfile(path):
        return Message("that is not a Word .docx file")
    return None


def _check_locale(config: UserConfig, text: str) -> None:
    locale = config.get("locale")
    if locale is None:
        return
    from pitchkit.errors import LocaleError
    from pitchkit.i18n.translation import language

    try:
        language(locale)
    except LocaleError:
        raise InputError(
            Located(
                _where(config.path, text, "locale"),
                Message(
                    "'{code}' is not a language pitchkit writes in: "
                    "use en_GB (English) or cy_GB (Welsh)",
                    code=locale,
                ),
            )
        ) from None
