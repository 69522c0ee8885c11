"""Geometry of the prioritisation pages' server-rendered SVG charts: numbers in, coordinates out."""
