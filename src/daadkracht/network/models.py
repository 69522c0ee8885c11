"""The Open Network: anyone may join a municipality's climate network through a public page.

A sign-up is only a request until the person opens the link in the confirmation mail (double
opt-in): the `SignUp` holds what they typed, and nothing else. Confirming makes (or finds, by
e-mail address) the `stakeholders.Contact`, records the consent for the purpose `open_network`
through the stakeholders services, and makes the person a `NetworkMember` with the themes they
care about. The personal data of a sign-up is blanked once it is confirmed, and an unconfirmed
sign-up is deleted after `SIGNUP_DAYS` days.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from daadkracht.access.reach import GRANTED, OWN, declare
from daadkracht.common.concurrency import VersionedModel
from daadkracht.common.models import TimeStampedModel
from daadkracht.stakeholders.models import Language
from daadkracht.tenancy.scoping import TenantModel

# How long a sign-up waits for its confirmation before its data is deleted.
SIGNUP_DAYS = 7


class NetworkPage(TenantModel, VersionedModel, TimeStampedModel):
    """What the public page says about the Open Network, as the coordinator wrote it."""

    intro = models.TextField(_("what the Open Network is"), max_length=3000)

    read_access = declare(public=OWN)

    class Meta(TenantModel.Meta):
        verbose_name = _("Open Network page")
        verbose_name_plural = _("Open Network pages")
        constraints = [models.UniqueConstraint(fields=["municipality"], name="network_page_unique")]

    def __str__(self) -> str:
        return str(_("Open Network page"))


class SignUp(TenantModel, TimeStampedModel):
    """A request to join, waiting for the confirmation by e-mail."""

    full_name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    language = models.CharField(
        _("preferred language"), max_length=2, choices=Language.choices, default=Language.NL
    )
    # The ids of the plan's themes the person chose.
    theme_ids = models.JSONField(_("themes of interest"), default=list, blank=True)
    consent_text = models.ForeignKey(
        "stakeholders.ConsentText",
        on_delete=models.PROTECT,
        related_name="network_signups",
        verbose_name=_("text shown"),
    )
    # Changes when the sign-up is confirmed or its data deleted: older links stop working.
    key = models.CharField(max_length=32)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    # The confirmation link opens its one sign-up.
    read_access = declare(signed_link=GRANTED)

    class Meta(TenantModel.Meta):
        ordering = ["-created_at", "-id"]
        verbose_name = _("sign-up for the Open Network")
        verbose_name_plural = _("sign-ups for the Open Network")
        indexes = [
            models.Index(fields=["municipality", "confirmed_at"], name="network_signup_pending")
        ]

    def __str__(self) -> str:
        return str(_("Sign-up #%(id)s") % {"id": self.pk})


class NetworkMember(TenantModel, TimeStampedModel):
    """A person who joined the Open Network; whether they still are is their consent's say."""

    contact = models.OneToOneField(
        "stakeholders.Contact",
        on_delete=models.CASCADE,
        related_name="network_membership",
        verbose_name=_("contact person"),
    )
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    joined_at = models.DateTimeField(_("joined"))
    themes = models.ManyToManyField(
        "plans.Theme",
        through="MemberTheme",
        blank=True,
        related_name="network_members",
        verbose_name=_("themes of interest"),
    )

    belongs_to = "contact"

    class Meta(TenantModel.Meta):
        ordering = ["-joined_at", "-id"]
        verbose_name = _("member of the Open Network")
        verbose_name_plural = _("members of the Open Network")

    def __str__(self) -> str:
        return str(self.contact)


class MemberTheme(TenantModel):
    """A theme a member of the Open Network is interested in."""

    member = models.ForeignKey(NetworkMember, on_delete=models.CASCADE, related_name="theme_links")
    theme = models.ForeignKey(
        "plans.Theme", on_delete=models.CASCADE, related_name="network_member_links"
    )

    belongs_to = "member"

    class Meta(TenantModel.Meta):
        verbose_name = _("theme of a network member")
        verbose_name_plural = _("themes of network members")
        constraints = [
            models.UniqueConstraint(fields=["member", "theme"], name="network_member_theme_unique")
        ]

    def __str__(self) -> str:
        return f"{self.member_id} → {self.theme_id}"
