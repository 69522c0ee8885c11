"""App configuration for prioritisation."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrioritisationConfig(AppConfig):
    name = "daadkracht.prioritisation"
    label = "prioritisation"
    verbose_name = _("Prioritisation")
