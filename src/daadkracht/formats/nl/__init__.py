"""Belgian formats."""
