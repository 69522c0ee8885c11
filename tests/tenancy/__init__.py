"""Behaviour tests for the tenancy app."""
