"""App configuration for the network map: organisations, bodies and themes and their links."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkMapConfig(AppConfig):
    name = "daadkracht.networkmap"
    label = "networkmap"
    verbose_name = _("Network map")
