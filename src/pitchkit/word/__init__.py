"""Word: filling Word templates with a note's words, and the built-in templates."""
