"""Actions to and from spreadsheets: export, the import template, and the import itself."""
