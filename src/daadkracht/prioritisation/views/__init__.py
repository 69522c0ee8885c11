"""Prioritisation pages: the ranking, criteria, scoring an action, the cost curve and rounds."""
