"""Organisations of the local network, their contact persons, and what the municipality may do
with each person's data: the lawful basis per purpose, consents and how long data is kept.

Erasing a person keeps the `Contact` row (so that counts, consents and links stay), blanks every
personal field and sets `erased_at`; the history is scrubbed by the person's id.
"""

from typing import ClassVar

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from daadkracht.access.reach import GRANTED, OWN, declare, portal
from daadkracht.common.concurrency import VersionedModel
from daadkracht.common.models import TimeStampedModel
from daadkracht.tenancy.roles import Permission
from daadkracht.tenancy.scoping import TenantModel


class OrganisationKind(models.TextChoices):
    INTERMUNICIPAL = "intermunicipal", _("intermunicipal partnership")
    GRID_OPERATOR = "grid_operator", _("grid operator")
    PORT = "port", _("port")
    CIVIL_SOCIETY = "civil_society", _("civil society organisation")
    POVERTY = "poverty", _("poverty organisation")
    BUSINESS = "business", _("business or federation")
    KNOWLEDGE = "knowledge", _("knowledge institution")
    CITIZEN_GROUP = "citizen_group", _("citizen group")
    SCHOOL = "school", _("school")
    OTHER = "other", _("other")


class Language(models.TextChoices):
    NL = "nl", _("Dutch")
    FR = "fr", _("French")
    EN = "en", _("English")
    DE = "de", _("German")


class Purpose(models.TextChoices):
    GOVERNANCE = "governance", _("membership of a governance body")
    OPEN_NETWORK = "open_network", _("open network")
    NEWSLETTER = "newsletter", _("newsletter")
    EVENTS = "events", _("events")
    PARTNERSHIP = "partnership", _("contact for a partner on an action")


class LawfulBasis(models.TextChoices):
    PUBLIC_TASK = "public_task", _("public task")
    CONSENT = "consent", _("consent")
    LEGITIMATE_INTEREST = "legitimate_interest", _("legitimate interest")


class ConsentChannel(models.TextChoices):
    WEB_FORM = "web_form", _("web form")
    EMAIL_CONFIRMATION = "email_confirmation", _("confirmation by e-mail")
    PAPER = "paper", _("on paper")
    IN_PERSON = "in_person", _("in person")


class WithdrawalChannel(models.TextChoices):
    CONTACT_PAGE = "contact_page", _("by the municipality, on request")
    SIGNED_LINK = "signed_link", _("by the person, through the link in a mail")
    EMAIL = "email", _("by e-mail")
    PAPER = "paper", _("on paper")
    IN_PERSON = "in_person", _("in person")


class Organisation(TenantModel, VersionedModel, TimeStampedModel):
    """An organisation of the local network: an intermunicipal partnership, the port, a school…"""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=OrganisationKind.choices)
    website = models.URLField(_("website"), blank=True)
    themes = models.ManyToManyField(
        "plans.Theme",
        through="OrganisationTheme",
        blank=True,
        related_name="organisations",
        verbose_name=_("themes of interest"),
    )
    notes = models.TextField(_("notes"), blank=True)

    # In the stakeholder portal: their own organisation's name.
    read_access = declare(stakeholder=portal("stakeholders.Organisation"))

    class Meta(TenantModel.Meta):
        ordering = ["name", "id"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        indexes = [models.Index(fields=["municipality", "name"], name="stakeholder_org_name")]

    def __str__(self) -> str:
        return self.name


class OrganisationTheme(TenantModel):
    """A theme an organisation is interested in."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="theme_links"
    )
    theme = models.ForeignKey(
        "plans.Theme", on_delete=models.CASCADE, related_name="organisation_links"
    )

    belongs_to = "organisation"

    class Meta(TenantModel.Meta):
        verbose_name = _("theme of an organisation")
        verbose_name_plural = _("themes of organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "theme"], name="organisation_theme_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} → {self.theme_id}"


class Contact(TenantModel, VersionedModel, TimeStampedModel):
    """A contact person. Their personal data is shown only to members who manage stakeholders."""

    # The fields that hold personal data: blanked when the person is erased.
    PERSONAL_FIELDS = ("full_name", "function", "email", "phone", "notes")

    full_name = models.CharField(_("name"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contacts",
        verbose_name=_("organisation"),
    )
    function = models.CharField(_("function"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(
        _("preferred language"), max_length=2, choices=Language.choices, default=Language.NL
    )
    notes = models.TextField(_("notes"), blank=True)
    erased_at = models.DateTimeField(_("erased"), null=True, blank=True, editable=False)

    # Its history names a person: only who manages stakeholders reads it.
    history_readers: ClassVar[Permission] = Permission.MANAGE_STAKEHOLDERS

    class Meta(TenantModel.Meta):
        ordering = ["full_name", "id"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        indexes = [
            models.Index(fields=["municipality", "full_name"], name="stakeholder_contact_name")
        ]

    def __str__(self) -> str:
        if self.erased_at is not None:
            return str(_("Erased person #%(id)s") % {"id": self.pk})
        return self.full_name

    @property
    def is_erased(self) -> bool:
        return self.erased_at is not None


class ProcessingBasis(TenantModel, TimeStampedModel):
    """The lawful basis on which the municipality processes a person's data for one purpose."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="bases")
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    basis = models.CharField(_("lawful basis"), max_length=20, choices=LawfulBasis.choices)
    since = models.DateField(_("since"))
    # The day the basis ended (a mandate ended, a consent withdrawn); the retention period runs
    # from then.
    until = models.DateField(_("until"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    belongs_to = "contact"

    # Its history names a person: only who manages stakeholders reads it.
    history_readers: ClassVar[Permission] = Permission.MANAGE_STAKEHOLDERS

    class Meta(TenantModel.Meta):
        ordering = ["purpose"]
        verbose_name = _("lawful basis")
        verbose_name_plural = _("lawful bases")
        constraints = [
            models.UniqueConstraint(
                fields=["contact", "purpose"], name="processing_basis_contact_purpose_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()}: {self.get_basis_display()}"


class ConsentText(TenantModel, TimeStampedModel):
    """A version of the text a person is shown when asked for consent for a purpose."""

    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    version = models.PositiveIntegerField(_("version"))
    text = models.TextField(_("text"))
    published_at = models.DateTimeField(_("published"))

    # The withdrawal page shows the text the person agreed to.
    read_access = declare(signed_link=OWN)

    class Meta(TenantModel.Meta):
        ordering = ["purpose", "-version"]
        verbose_name = _("consent text")
        verbose_name_plural = _("consent texts")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "purpose", "version"], name="consent_text_version_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} v{self.version}"


class Consent(TenantModel, TimeStampedModel):
    """A consent a person gave for a purpose, with the text shown, when and how; and its
    withdrawal."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    # A text that a consent refers to cannot be deleted on its own; it goes with its
    # municipality.
    consent_text = models.ForeignKey(
        ConsentText,
        on_delete=models.RESTRICT,
        related_name="consents",
        verbose_name=_("text shown"),
    )
    given_at = models.DateTimeField(_("given"))
    given_how = models.CharField(_("given how"), max_length=20, choices=ConsentChannel.choices)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawn_how = models.CharField(
        _("withdrawn how"), max_length=20, choices=WithdrawalChannel.choices, blank=True
    )

    belongs_to = "contact"
    # The withdrawal link opens its one consent.
    read_access = declare(signed_link=GRANTED)

    # Its history names a person: only who manages stakeholders reads it.
    history_readers: ClassVar[Permission] = Permission.MANAGE_STAKEHOLDERS

    class Meta(TenantModel.Meta):
        ordering = ["-given_at", "-id"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} ({self.given_at:%Y-%m-%d})"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None


class RetentionRule(TenantModel, VersionedModel, TimeStampedModel):
    """How long a person's data is kept for a purpose after its basis ended or the last activity."""

    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    months = models.PositiveSmallIntegerField(
        _("retention period in months"),
        validators=[MinValueValidator(1), MaxValueValidator(240)],
    )

    class Meta(TenantModel.Meta):
        ordering = ["purpose"]
        verbose_name = _("retention period")
        verbose_name_plural = _("retention periods")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "purpose"], name="retention_rule_purpose_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()}: {self.months}"
