"""Reads of prioritisation that views share, one module per subject."""
