"""Behaviour tests for the history app."""
