"""Belgian date and number formats for every interface language."""
