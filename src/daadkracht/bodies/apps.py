"""App configuration for governance bodies: the policy group, the sounding board, the climate
workbenches and the open network of the local network."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BodiesConfig(AppConfig):
    name = "daadkracht.bodies"
    label = "bodies"
    verbose_name = _("Governance bodies")
