"""Geometry of the plan pages' server-rendered SVG charts: numbers in, coordinates out."""
