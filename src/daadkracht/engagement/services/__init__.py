"""Writes of engagement: levels per organisation, interactions and commitments."""
