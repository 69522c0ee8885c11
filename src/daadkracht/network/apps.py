"""App configuration for the Open Network: anyone may join the municipality's climate network."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "daadkracht.network"
    label = "network"
    verbose_name = _("Open Network")
