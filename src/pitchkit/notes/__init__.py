"""Notes: the words of a sponsor brief or a progress update, ready for a template."""
