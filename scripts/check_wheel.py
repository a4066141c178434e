"""Build pitchkit's wheel, install it in a clean virtual environment and use it.

This is what a user without admin rights does (``pipx install`` or
``uv tool install`` from the wheel do the same): nothing from the source
checkout is importable there, so a file missing from the wheel (a template,
the Welsh catalog, the lenses) shows up as a failing demo here.

    python scripts/check_wheel.py            # builds into build/wheel/
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: Files a working install cannot do without, or would be slower without (the prepared
#: template code and Babel's merged locale data, which ``make prepared`` ships).
NEEDED = (
    "pitchkit/word/templates/brief.docx",
    "pitchkit/word/templates/update.docx",
    "pitchkit/word/templates/prepared.json",
    "pitchkit/word/templates/packed.json",
    "pitchkit/word/templates/prepared.code",
    "pitchkit/i18n/babel-en_GB.pickle.z",
    "pitchkit/i18n/babel-cy_GB.pickle.z",
    "pitchkit/recast/linkweights.json",
    "pitchkit/recast/edgetrust.json",
    "pitchkit/demo/facts.yaml",
    "pitchkit/i18n/locale/cy/LC_MESSAGES/pitchkit.mo",
    "pitchkit/recast/lenses.json",
    "pitchkit/recast/measures.json",
    "pitchkit/recast/measures_cy.json",
    "pitchkit/recast/stems.json",
    "pitchkit/recast/priceindex.json",
    "pitchkit/notes/arialwidths.json",
    "pitchkit/api/schemas/brief.json",
    "pitchkit/api/schemas/batch.json",
    "pitchkit/py.typed",
    "pitchkit/notes/update/icon-pictures/common-none-60.png",
)
#: The Making Data Count icons drawn by `make icons`: the wheel must hold every one.
ICONS = ROOT / "src" / "pitchkit" / "notes" / "update" / "icon-pictures"


def run(*args: str | Path, cwd: Path | None = None) -> str:
    """Run a command, stopping the check with its output if it fails."""
    result = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, cwd=cwd, check=False
    )
    if result.returncode != 0:
        sys.exit(f"check_wheel: {' '.join(map(str, args))} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def main() -> None:
    out = ROOT / "build" / "wheel"
    shutil.rmtree(out, ignore_errors=True)
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", out, ROOT)
    (wheel,) = out.glob("pitchkit-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    needed = [
        *NEEDED,
        *(f"pitchkit/notes/update/icon-pictures/{p.name}" for p in ICONS.glob("*.png")),
    ]
    missing = [name for name in needed if not any(n.endswith(name) for n in names)]
    if missing:
        sys.exit(f"check_wheel: {wheel.name} lacks {', '.join(missing)}")
    with tempfile.TemporaryDirectory(prefix="pitchkit-wheel-") as folder:
        home = Path(folder)
        env_dir = home / "venv"
        run(sys.executable, "-m", "venv", env_dir)
        bin_dir = env_dir / ("Scripts" if sys.platform == "win32" else "bin")
        run(bin_dir / "python", "-m", "pip", "install", "--quiet", wheel)
        work = home / "work"
        work.mkdir()  # away from the checkout, so only the installed wheel can be imported
        run(bin_dir / "pitchkit", "demo", "--out", "demo", "-q", cwd=work)
        demo = sorted(p.name for p in (work / "demo").glob("*.docx"))
        if not demo:
            sys.exit("check_wheel: pitchkit demo wrote no notes from the installed wheel")
        facts = work / "demo" / "facts.yaml"  # the demo's copy of its example
        run(bin_dir / "pitchkit", "brief", facts, "--out", "brief.docx", "-q", cwd=work)
        if not (work / "brief.docx").is_file():
            sys.exit("check_wheel: pitchkit brief wrote nothing from the installed wheel")
        where = run(bin_dir / "python", "-c", "import pitchkit; print(pitchkit.__file__)", cwd=work)
        if str(ROOT) in where:
            sys.exit(f"check_wheel: the installed pitchkit came from the checkout ({where})")
    print(f"check_wheel: {wheel.name} installs cleanly; demo wrote {len(demo)} notes; brief ok")


if __name__ == "__main__":
    main()
