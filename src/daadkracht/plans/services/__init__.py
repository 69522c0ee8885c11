"""Writes for the climate plan, one module per concern."""
