"""Daadkracht: from climate plan to deeds."""
