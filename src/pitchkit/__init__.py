"""pitchkit: sponsor briefing notes and progress updates for NHS improvement projects."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("pitchkit")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0"

__all__ = ["__version__"]
