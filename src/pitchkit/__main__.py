"""Allow ``python -m pitchkit``."""

from pitchkit.cli import app

app(prog_name="pitchkit")
