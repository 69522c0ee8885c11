"""Writes of the governance bodies: the bodies, their members and their meetings."""
