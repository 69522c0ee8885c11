"""App configuration for messages to the network: bodies, event participants, theme mailings."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    name = "daadkracht.messaging"
    label = "messaging"
    verbose_name = _("Messages to the network")

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from daadkracht.messaging.signals import forget_erased_recipient

        post_save.connect(
            forget_erased_recipient,
            sender="stakeholders.Contact",
            dispatch_uid="messaging_erased",
        )
