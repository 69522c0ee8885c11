"""App configuration for engagement: how far each organisation of the network is engaged per
theme or action, what was said to whom, and what was promised."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    name = "daadkracht.engagement"
    label = "engagement"
    verbose_name = _("Engagement of the network")
