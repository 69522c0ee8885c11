"""Django's own interface texts that its catalogues do not translate yet, kept in ours."""

from django.utils.translation import gettext_noop

# The empty choice of a select (django.db.models.fields.BLANK_CHOICE_LABEL, new in Django 6.1).
BLANK_CHOICE = gettext_noop("- Select an option -")
