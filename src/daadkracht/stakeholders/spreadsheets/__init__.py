"""Importing organisations and contact persons from a spreadsheet: reading the columns, finding
likely duplicates, and the preview of what an import would write."""
