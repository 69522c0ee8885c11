"""Prioritisation: weighted criteria, scores of actions, the cost curve and workshop rounds."""
