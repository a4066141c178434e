"""Word: filling Word templates with a note's words, and the built-in templates."""

from pathlib import Path

#: The built-in templates and what is shipped prepared for them.
TEMPLATE_FOLDER = Path(__file__).parent / "templates"
