"""App configuration for network events: open network moments and climate workbench sessions."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "daadkracht.events"
    label = "events"
    verbose_name = _("Network events")
