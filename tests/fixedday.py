"""Commands run as if on a fixed day, whatever the calendar says."""

from __future__ import annotations

import datetime as dt
import types

import pytest


def pin_today(monkeypatch: pytest.MonkeyPatch, day: dt.date) -> None:
    """Make every command write its notes and updates on ``day``.

    The API modules read the day through their own ``dt`` (``dt.date.today()``),
    and an update through :func:`pitchkit.api.update.written_on`; both are
    replaced for the test only.
    """

    class _Today(dt.date):
        @classmethod
        def today(cls) -> dt.date:
            return day

    shim = types.SimpleNamespace(**{**vars(dt), "date": _Today})
    for module in ("pitchkit.api.notes", "pitchkit.api.batch"):
        monkeypatch.setattr(f"{module}.dt", shim)
    monkeypatch.setattr("pitchkit.api.update.written_on", lambda: day)
