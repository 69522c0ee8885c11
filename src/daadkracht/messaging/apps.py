"""App configuration for messages to the network: bodies, event participants, theme mailings."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    name = "daadkracht.messaging"
    label = "messaging"
    verbose_name = _("Messages to the network")
