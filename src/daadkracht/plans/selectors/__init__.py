"""Reads of the climate plan shared by pages, exports and the dashboard."""
