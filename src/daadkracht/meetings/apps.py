"""App configuration for meetings: the methods catalogue, meetings and work agreements."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "daadkracht.meetings"
    label = "meetings"
    verbose_name = _("Meetings and work agreements")
