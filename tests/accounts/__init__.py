"""Behaviour tests for the accounts app."""
