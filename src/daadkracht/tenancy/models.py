"""Municipality, department and membership."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from daadkracht.access.reach import OWN, declare
from daadkracht.common.concurrency import VersionedModel
from daadkracht.common.models import TimeStampedModel
from daadkracht.tenancy.roles import ROLE_PERMISSIONS, Permission, Role
from daadkracht.tenancy.scoping import SoftDeletableTenantModel, TenantModel


class Province(models.TextChoices):
    ANTWERP = "antwerpen", "Antwerpen"
    LIMBURG = "limburg", "Limburg"
    EAST_FLANDERS = "oost-vlaanderen", "Oost-Vlaanderen"
    FLEMISH_BRABANT = "vlaams-brabant", "Vlaams-Brabant"
    WEST_FLANDERS = "west-vlaanderen", "West-Vlaanderen"
    BRUSSELS = "brussel", _("Brussels-Capital Region")
    WALLONIA = "wallonie", _("Wallonia")


class Municipality(TimeStampedModel):
    """The tenant: a municipality or city with its own plan, people and data."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(
        _("short name in the web address"),
        max_length=60,
        unique=True,
        help_text=_(
            "The municipality's pages are at /<short name>/ on this site. People save and share "
            "links that contain it."
        ),
    )
    is_demo = models.BooleanField(_("demo municipality"), default=False)
    # Shown with the municipality's practices, and what the practice database filters on.
    province = models.CharField(_("province"), max_length=20, choices=Province.choices, blank=True)
    population = models.PositiveIntegerField(_("number of inhabitants"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name


class Department(SoftDeletableTenantModel, VersionedModel, TimeStampedModel):
    """A department (dienst) of the municipal administration."""

    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    head = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("head of department"),
    )
    climate_contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("climate contact person"),
    )

    # Lead departments are named on public actions; participants pick theirs.
    read_access = declare(public=OWN, signed_link=OWN)

    class Meta(SoftDeletableTenantModel.Meta):
        ordering = ["name"]
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "name"],
                condition=Q(deleted_at__isnull=True),
                name="department_unique_live_name",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Membership(TenantModel, VersionedModel, TimeStampedModel):
    """A person's place in a municipality: a role and, for most, a department."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    department = models.ForeignKey(
        Department,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("department"),
    )
    # The member put the getting-started checklist on their home page aside (a preference).
    checklist_hidden_at = models.DateTimeField(_("checklist hidden"), null=True, blank=True)

    class Meta(TenantModel.Meta):
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "municipality"], name="membership_unique_user")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"

    def has(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]

    @property
    def own_department_id(self) -> int | None:
        """The department the member acts for: none while that department is in the trash."""
        if self.department_id is None:
            return None
        department = self.department  # read through the base manager: the trash included
        return None if department is None or department.deleted_at is not None else department.pk
