"""Behaviour tests for the settings and the security of every response."""
