"""Municipalities (the tenants), their departments, memberships with roles, and query scoping."""
