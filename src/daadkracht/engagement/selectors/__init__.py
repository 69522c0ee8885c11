"""Reads of engagement: the lists, the grid, the coverage matrix and an organisation's block."""
