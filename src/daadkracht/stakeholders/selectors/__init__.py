"""Reads of the network for its pages and exports."""
