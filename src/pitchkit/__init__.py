"""pitchkit: sponsor briefing notes and progress updates for NHS improvement projects."""

from __future__ import annotations

__all__ = ["__version__"]


def __getattr__(name: str) -> str:
    """Look the version up only when asked, to keep start-up light."""
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("pitchkit")
        except PackageNotFoundError:  # running from a source tree without installing
            return "0.0.0"
    raise AttributeError(f"module 'pitchkit' has no attribute {name!r}")
