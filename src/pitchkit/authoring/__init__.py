"""Authoring: helping people write and check their own Word templates."""
