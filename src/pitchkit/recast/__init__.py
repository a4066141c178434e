"""Recast: the facts restated for each director, through the lens of their objectives."""
