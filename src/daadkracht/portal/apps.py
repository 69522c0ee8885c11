"""App configuration for the stakeholders' portal: invitations, the portal and proposed updates."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "daadkracht.portal"
    label = "portal"
    verbose_name = _("Stakeholder portal")
