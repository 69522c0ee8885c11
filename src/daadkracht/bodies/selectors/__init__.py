"""Reads of the governance bodies for their pages and exports."""
