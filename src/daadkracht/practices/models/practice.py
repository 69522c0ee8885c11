"""A practice: what a municipality did, why, how it went and what others can learn from it.

A practice belongs to the municipality that shares it, but once published it is read by
everyone: other municipalities' members and the public. A draft is its own municipality's only.
An update of a published practice is a second row (`revision_of`) that goes through moderation
while the published text stays online; accepting it copies it onto the published row.
"""

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from daadkracht.access.context import Audience
from daadkracht.access.reach import ALL, NOTHING, Reach, Span, declare, shared_where
from daadkracht.common.concurrency import VersionedModel
from daadkracht.common.models import TimeStampedModel
from daadkracht.tenancy.scoping import TenantModel

MONEY: dict[str, Any] = {
    "max_digits": 12,
    "decimal_places": 2,
    "null": True,
    "blank": True,
    "validators": [MinValueValidator(Decimal(0))],
}
COUNT: dict[str, Any] = {"null": True, "blank": True}


class PracticeStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted for moderation")
    CHANGES_REQUESTED = "changes_requested", _("changes asked")
    PUBLISHED = "published", _("published")
    REJECTED = "rejected", _("rejected")
    WITHDRAWN = "withdrawn", _("withdrawn")


# What a platform editor sees: everything that was ever submitted, never a draft in the making.
MODERATED = [
    PracticeStatus.SUBMITTED,
    PracticeStatus.CHANGES_REQUESTED,
    PracticeStatus.PUBLISHED,
    PracticeStatus.REJECTED,
    PracticeStatus.WITHDRAWN,
]


class PracticeTheme(models.TextChoices):
    """The themes of the practice database, the same for every municipality."""

    ENERGY = "energy", _("Energy")
    BUILDINGS = "buildings", _("Buildings and renovation")
    MOBILITY = "mobility", _("Mobility")
    ADAPTATION = "adaptation", _("Climate adaptation and water")
    GREENERY = "greenery", _("Greenery and biodiversity")
    CIRCULAR = "circular", _("Circular economy and waste")
    FOOD = "food", _("Food and agriculture")
    PARTICIPATION = "participation", _("Participation and stakeholders")
    ORGANISATION = "organisation", _("Internal organisation and collaboration")


class LekpWerf(models.TextChoices):
    """The four werven of the Local Energy and Climate Pact."""

    GREENING = "greening", _("Greening (trees, hedges, facade gardens)")
    RENOVATION = "renovation", _("Renovation and energy")
    MOBILITY = "mobility", _("Mobility (shared mobility, cycle paths)")
    WATER = "water", _("Water (unsealing, infiltration, buffering)")


class Practice(TenantModel, VersionedModel, TimeStampedModel):
    """A practice shared in the practice database, in the structure of its public page."""

    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(
        _("introduction"),
        max_length=2000,
        help_text=_("Two or three sentences that tell what the practice is about."),
    )
    street_address = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    place = models.CharField(_("place"), max_length=100, blank=True)

    what_happened = models.TextField(_("What happened?"), max_length=10000, blank=True)
    why = models.TextField(_("Why?"), max_length=10000, blank=True)
    intended_result = models.TextField(_("The intended result"), max_length=10000, blank=True)
    challenges = models.TextField(_("What were the challenges?"), max_length=10000, blank=True)
    success_factors = models.TextField(_("The success factors"), max_length=10000, blank=True)
    tips = models.TextField(_("Tips for other municipalities"), max_length=10000, blank=True)

    total_cost = models.DecimalField(_("total cost (€)"), **MONEY)
    own_share = models.DecimalField(_("own share (€)"), **MONEY)
    subsidies = models.DecimalField(_("subsidies (€)"), **MONEY)
    subsidy_sources = models.CharField(
        _("subsidies from"),
        max_length=300,
        blank=True,
        help_text=_("For example: LEKP, Vlaams Energie- en Klimaatagentschap, Europese fondsen."),
    )
    trees_planted = models.PositiveIntegerField(_("trees planted"), **COUNT)
    hedges_metres = models.PositiveIntegerField(_("hedges planted (m)"), **COUNT)
    unsealed_m2 = models.PositiveIntegerField(_("surface unsealed (m²)"), **COUNT)
    water_buffered_m3 = models.PositiveIntegerField(
        _("water buffered or infiltrated (m³)"), **COUNT
    )
    co2_avoided_tonnes = models.PositiveIntegerField(_("CO2 avoided (tonnes a year)"), **COUNT)
    other_results = models.CharField(
        _("other results"),
        max_length=300,
        blank=True,
        help_text=_("Results that have no field above, such as 40 families renovated."),
    )
    lekp_werf = models.CharField(
        _("counts for LEKP werf"), max_length=20, choices=LekpWerf.choices, blank=True
    )

    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact e-mail address"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)

    started_year = models.PositiveSmallIntegerField(
        _("year it started"), validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    finished_year = models.PositiveSmallIntegerField(
        _("year it ended"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text=_("Leave empty while it is still running."),
    )

    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PracticeStatus.choices,
        default=PracticeStatus.DRAFT,
        editable=False,
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("author"),
    )
    # An update of a published practice, moderated while the published text stays online.
    revision_of = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        editable=False,
        related_name="revisions",
        verbose_name=_("update of"),
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True, editable=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)
    is_demo = models.BooleanField(_("demo practice"), default=False, editable=False)

    read_access = {
        **declare(
            member=shared_where(status=PracticeStatus.PUBLISHED),
            public=shared_where(status=PracticeStatus.PUBLISHED),
        ),
        Audience.EDITORIAL: Reach(Span.ALL, {"status": MODERATED}),
    }

    class Meta(TenantModel.Meta):
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("practice")
        verbose_name_plural = _("practices")
        indexes = [models.Index(fields=["status", "published_at"])]
        constraints = [
            # One open update of a published practice at a time.
            models.UniqueConstraint(
                fields=["revision_of"],
                condition=models.Q(revision_of__isnull=False),
                name="practice_one_open_update",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def address_lines(self) -> list[str]:
        town = " ".join(part for part in (self.postcode, self.place) if part)
        return [line for line in (self.street_address, town) if line]


class PracticeThemeTag(TenantModel):
    """One theme of a practice (a practice has one or more)."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="theme_tags")
    theme = models.CharField(_("theme"), max_length=20, choices=PracticeTheme.choices)

    belongs_to = "practice"
    # A theme says nothing a published practice does not; read with the practice it tags.
    read_access = {
        **declare(member=ALL, public=ALL),
        Audience.EDITORIAL: ALL,
    }

    class Meta(TenantModel.Meta):
        verbose_name = _("theme of a practice")
        verbose_name_plural = _("themes of practices")
        constraints = [
            models.UniqueConstraint(fields=["practice", "theme"], name="practice_theme_unique")
        ]

    def __str__(self) -> str:
        return self.get_theme_display()


class PracticeFileKind(models.TextChoices):
    PHOTO = "photo", _("photo")
    DOCUMENT = "document", _("document")


def practice_file_path(instance: "PracticeFile", filename: str) -> str:
    # The stored name is the service's; the name people gave the file is kept in a column.
    return f"practices/{instance.municipality_id}/{filename}"


class PracticeFile(TenantModel, TimeStampedModel):
    """A photo (re-encoded on upload) or a PDF document of a practice."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(_("kind"), max_length=10, choices=PracticeFileKind.choices)
    file = models.FileField(_("file"), upload_to=practice_file_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    description = models.CharField(
        _("description"),
        max_length=300,
        help_text=_("What the photo shows, for people who cannot see it; or the document's title."),
    )
    content_type = models.CharField(max_length=60, editable=False)
    size = models.PositiveIntegerField(_("size in bytes"), editable=False)
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # Kept equal to the practice being published, so that the reach below needs no join.
    is_public = models.BooleanField(default=False, editable=False)

    belongs_to = "practice"
    read_access = {
        **declare(member=shared_where(is_public=True), public=shared_where(is_public=True)),
        Audience.EDITORIAL: ALL,
    }

    class Meta(TenantModel.Meta):
        ordering = ["kind", "created_at", "pk"]
        verbose_name = _("file of a practice")
        verbose_name_plural = _("files of practices")

    def __str__(self) -> str:
        return self.original_name


class PracticeAction(TenantModel):
    """An action of the municipality's own plan that the practice describes."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="action_links")
    action = models.ForeignKey(
        "plans.Action", on_delete=models.CASCADE, related_name="practice_links"
    )

    belongs_to = "practice"
    read_access = {**declare(), Audience.EDITORIAL: NOTHING}

    class Meta(TenantModel.Meta):
        verbose_name = _("action described by a practice")
        verbose_name_plural = _("actions described by practices")
        constraints = [
            models.UniqueConstraint(fields=["practice", "action"], name="practice_action_unique")
        ]


class PracticeEventKind(models.TextChoices):
    SUBMITTED = "submitted", _("submitted for moderation")
    CHANGES_REQUESTED = "changes_requested", _("changes asked")
    PUBLISHED = "published", _("published")
    REJECTED = "rejected", _("rejected")
    WITHDRAWN = "withdrawn", _("withdrawn")
    UPDATE_STARTED = "update_started", _("update started")


class PracticeEvent(TenantModel):
    """A step in a practice's moderation, with the editor's message to the author."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("step"), max_length=20, choices=PracticeEventKind.choices)
    message = models.TextField(_("message"), max_length=4000, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)

    belongs_to = "practice"
    read_access = {**declare(), Audience.EDITORIAL: ALL}

    class Meta(TenantModel.Meta):
        ordering = ["at", "pk"]
        verbose_name = _("moderation step")
        verbose_name_plural = _("moderation steps")
