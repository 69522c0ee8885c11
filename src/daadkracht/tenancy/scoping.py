"""The one place that scopes queries of tenant data to the active municipality.

A request for `/<municipality>/...` activates that municipality (see `middleware.py`); every
`TenantModel.objects` query is then filtered to it. The filter is bound when the SQL is
compiled, not when the queryset is built, so that querysets made at import time (form fields)
are scoped to the request that runs them. Without an active municipality such a query raises
instead of returning everything, so a forgotten scope fails loudly. Platform work (the admin,
the demo command) opts in to all municipalities explicitly with `platform_scope()`.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, Final

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from daadkracht.tenancy.models import Municipality


class _AllMunicipalities:
    def __repr__(self) -> str:
        return "ALL_MUNICIPALITIES"


ALL_MUNICIPALITIES: Final = _AllMunicipalities()

_active: ContextVar["Municipality | _AllMunicipalities | None"] = ContextVar(
    "active_municipality", default=None
)


class TenantNotActive(RuntimeError):
    """A query of tenant data ran while no municipality was active."""


def active_municipality() -> "Municipality | None":
    value = _active.get()
    return None if value is None or value is ALL_MUNICIPALITIES else value  # type: ignore[return-value]


@contextmanager
def tenant_scope(municipality: "Municipality") -> Iterator[None]:
    token = _active.set(municipality)
    try:
        yield
    finally:
        _active.reset(token)


@contextmanager
def platform_scope() -> Iterator[None]:
    """Lift the scope: for platform administration and commands that span municipalities."""
    token = _active.set(ALL_MUNICIPALITIES)
    try:
        yield
    finally:
        _active.reset(token)


class ActiveMunicipalityId(models.Expression):
    """The id of the active municipality, read when the query is compiled."""

    def __init__(self, column: Any = None) -> None:
        super().__init__(output_field=models.BigIntegerField())
        self.column = column if column is not None else models.F("municipality_id")

    def get_source_expressions(self) -> list[Any]:
        return [self.column]

    def set_source_expressions(self, exprs: Any) -> None:
        (self.column,) = exprs

    def as_sql(self, compiler: Any, connection: Any) -> Any:
        scope = _active.get()
        if scope is None:
            raise TenantNotActive(
                "Tenant data queried without an active municipality; "
                "use tenant_scope() or platform_scope()."
            )
        if scope is ALL_MUNICIPALITIES:
            # Comparing the column with itself keeps every row (the column is never null).
            return compiler.compile(self.column)
        return "%s", (scope.pk,)  # type: ignore[union-attr]


class TenantManager(models.Manager[Any]):
    """Returns only rows of the active municipality."""

    def get_queryset(self) -> models.QuerySet[Any]:
        return super().get_queryset().filter(municipality_id=ActiveMunicipalityId())


# The trash filter is a property of the class, not of the instance, because Django builds the
# related managers (`action.themes`) by instantiating the default manager's class anew.
class LiveTenantManager(TenantManager):
    """Rows of the active municipality that are not in the trash."""

    def get_queryset(self) -> models.QuerySet[Any]:
        return super().get_queryset().filter(deleted_at__isnull=True)


class TrashedTenantManager(TenantManager):
    """Rows of the active municipality that are in the trash."""

    def get_queryset(self) -> models.QuerySet[Any]:
        return super().get_queryset().filter(deleted_at__isnull=False)


class TenantModel(models.Model):
    """Data that belongs to one municipality."""

    municipality = models.ForeignKey(
        "tenancy.Municipality",
        on_delete=models.CASCADE,
        related_name="+",
        editable=False,
        verbose_name=_("municipality"),
    )

    unscoped = models.Manager()
    objects = TenantManager()

    class Meta:
        abstract = True
        default_manager_name = "objects"
        base_manager_name = "unscoped"


class SoftDeletableTenantModel(TenantModel):
    """Tenant data that goes to the trash first, so that it can be restored."""

    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True, editable=False)

    unscoped = models.Manager()  # type: ignore[misc]
    objects = LiveTenantManager()  # type: ignore[misc]
    trash = TrashedTenantManager()

    class Meta:
        abstract = True
        default_manager_name = "objects"
        base_manager_name = "unscoped"

    def mark_deleted(self) -> None:
        self.deleted_at = timezone.now()

    def mark_restored(self) -> None:
        self.deleted_at = None
