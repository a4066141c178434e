"""Facts: the project facts file, its team file and how both are read and checked."""
