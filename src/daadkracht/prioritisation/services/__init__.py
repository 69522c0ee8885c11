"""Writes of prioritisation, one module per subject."""
