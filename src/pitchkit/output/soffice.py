"""Finding LibreOffice: ``$PITCHKIT_SOFFICE``, the PATH, or where it installs itself.

Kept apart from :mod:`pitchkit.output.pdf`, which runs LibreOffice, so that a
command that only asks whether LibreOffice is there (a brief deciding whether
its page count can be checked, the user's defaults naming the program) loads
neither ``subprocess`` nor the conversion code. :mod:`pitchkit.output.pdf`
gives the same names.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Mapping
from pathlib import Path

from pitchkit.errors import ConversionError
from pitchkit.i18n.messages import Message

#: Environment variable naming the LibreOffice program to use.
SOFFICE_ENV = "PITCHKIT_SOFFICE"
#: The settings file ``$PITCHKIT_SOFFICE`` was filled from (``pitchkit config set
#: libreoffice``), with the value it put there: a bad value is then blamed on the setting.
FROM_SETTINGS: dict[str, str] = {}
_PROGRAM_NAMES = ("soffice", "libreoffice")


def usual_places(
    platform: str | None = None,
    environ: Mapping[str, str] | None = None,
    home: Path | None = None,
) -> list[str]:
    """Where LibreOffice installs itself on ``platform`` when it is not on the PATH.

    Per-user installs come first (no admin rights needed), then the
    machine-wide ones. ``platform`` is ``sys.platform``'s value.
    """
    platform = sys.platform if platform is None else platform
    env = os.environ if environ is None else environ
    home = Path.home() if home is None else home
    if platform == "win32":
        roots = [
            env.get("LOCALAPPDATA", str(home / "AppData" / "Local")) + r"\Programs",
            env.get("ProgramFiles", r"C:\Program Files"),
            env.get("ProgramFiles(x86)", r"C:\Program Files (x86)"),
            env.get("ProgramW6432", r"C:\Program Files"),
        ]
        places = [root + r"\LibreOffice\program\soffice.exe" for root in roots]
        return list(dict.fromkeys(places))
    if platform == "darwin":
        bundle = "LibreOffice.app/Contents/MacOS/soffice"
        return [str(home / "Applications" / bundle), f"/Applications/{bundle}"]
    flatpak = "flatpak/exports/bin/org.libreoffice.LibreOffice"
    return [
        str(home / ".local" / "share" / flatpak),
        *sorted(str(p) for p in Path("/opt").glob("libreoffice*/program/soffice")),
        "/var/lib/" + flatpak,
        "/snap/bin/libreoffice",
    ]


def install_hint(platform: str | None = None) -> Message:
    """How to get LibreOffice on ``platform`` (``sys.platform``'s value)."""
    platform = sys.platform if platform is None else platform
    if platform == "win32":
        return Message(
            "install it with winget install TheDocumentFoundation.LibreOffice, or from "
            "https://www.libreoffice.org/download; if it is somewhere unusual, run "
            "pitchkit config set libreoffice PATH-TO-soffice.exe"
        )
    if platform == "darwin":
        return Message(
            "install it with brew install --cask libreoffice, or from "
            "https://www.libreoffice.org/download; if it is somewhere unusual, run "
            "pitchkit config set libreoffice PATH-TO-soffice"
        )
    return Message(
        "install it from your distribution (Debian or Ubuntu: sudo apt-get install "
        "libreoffice-writer; Fedora: sudo dnf install libreoffice-writer), or from "
        "https://www.libreoffice.org/download"
    )


def find_soffice() -> str:
    """Return the LibreOffice program to run.

    Looks at ``$PITCHKIT_SOFFICE`` first, then ``soffice`` and
    ``libreoffice`` on the PATH, then the usual install places on macOS,
    Windows and Linux. Raises :class:`ConversionError` with an install hint
    when none is found.
    """
    chosen = os.environ.get(SOFFICE_ENV, "").strip()
    if chosen:
        found = shutil.which(chosen)
        if found is None and FROM_SETTINGS.get("value") == chosen:
            raise ConversionError(
                Message(
                    "your settings file ({path}) sets libreoffice to {chosen}, which is not a "
                    "program that can be run: pitchkit config set libreoffice PATH-TO-soffice, "
                    "or pitchkit config unset libreoffice (to get LibreOffice, {hint})",
                    path=FROM_SETTINGS.get("file", ""),
                    chosen=repr(chosen),
                    hint=install_hint(),
                )
            )
        if found is None:
            raise ConversionError(
                Message(
                    "{variable} is set to {chosen}, which is not a program that can be run: "
                    "point it at LibreOffice's soffice program, or unset it (to get "
                    "LibreOffice, {hint})",
                    variable=SOFFICE_ENV,
                    chosen=repr(chosen),
                    hint=install_hint(),
                )
            )
        return found
    for name in _PROGRAM_NAMES:
        found = shutil.which(name)
        if found is not None:
            return found
    for place in usual_places():
        if os.access(place, os.X_OK):
            return place
    raise ConversionError(
        Message(
            "LibreOffice is needed to make PDFs but was not found; {hint}",
            hint=install_hint(),
        )
    )
