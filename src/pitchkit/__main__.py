"""Allow ``python -m pitchkit``."""

from pitchkit.cli import main

main()
