"""The one place that scopes reads and guards writes of tenant data.

Every `TenantModel.objects` query is filtered to the rows the current audience may read (see
`access.reach`): for members, workers and API clients the rows of the active municipality (on a
coach's overview, of the municipalities the coach follows); for the public only what the model
marks public; for the platform everything. The filter is decided
when the SQL is compiled, not when the queryset is built, so that querysets made at import time
(form fields) are scoped to the request that runs them. Without an access context such a query
raises instead of returning everything, so a forgotten scope fails loudly.

Writes are guarded the same way, on the scoped and the unscoped manager alike: a row is created
in the active municipality, and a save, update, delete or bulk operation that names another
municipality raises `CrossTenantWrite`.
"""

from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

from django.db import models
from django.db.models import F
from django.db.models.expressions import ExpressionList
from django.db.models.lookups import Lookup
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from daadkracht.access.context import AccessRefused, TenantNotActive, require
from daadkracht.access.reach import TENANT_DEFAULT, ReadAccess, Span

__all__ = ["AccessRefused", "CrossTenantWrite", "TenantModel", "TenantNotActive"]

MUNICIPALITY_FIELDS = frozenset({"municipality", "municipality_id"})


class CrossTenantWrite(RuntimeError):
    """A write named another municipality than the active one."""


def guard_municipality(municipality_id: int | None) -> int | None:
    """The municipality a row may be written for; the active one when none is named."""
    context = require()
    if context.spans_municipalities:
        return municipality_id
    active = context.municipality_id
    if active is None:
        raise TenantNotActive("Tenant data written without an active municipality.")
    if municipality_id is not None and municipality_id != active:
        raise CrossTenantWrite(
            f"A write for municipality {municipality_id} while {active} is active."
        )
    return active


def guard_stored_municipality(model: type[models.Model], municipality_id: int | None) -> None:
    """Refuse a change to a stored row of another municipality.

    Where a model allows rows of no municipality (shared or platform data), such a row is the
    platform's to change: `guard_municipality` would claim it for the active municipality.
    Elsewhere None only means the column was not loaded.
    """
    nullable = model._meta.get_field("municipality").null
    if municipality_id is None and nullable and not require().spans_municipalities:
        raise CrossTenantWrite("A row of no municipality is changed by the platform only.")
    guard_municipality(municipality_id)


class ReadableRows(Lookup):
    """The rows of a model that the current audience may read, decided at SQL compile time."""

    lookup_name = "readable_rows"
    prepare_rhs = False

    def __init__(self, model: type["TenantModel"]) -> None:
        self.model = model
        self.where_fields = sorted(
            {name for reach in model.read_access.values() for name in reach.where}
            | {r.portal_column for r in model.read_access.values() if r.portal_column}
            | {r.provider_column for r in model.read_access.values() if r.provider_column}
        )
        columns = [F("municipality_id"), F("pk"), *(F(name) for name in self.where_fields)]
        super().__init__(ExpressionList(*columns), None)

    def as_sql(self, compiler: Any, connection: Any) -> Any:
        context = require()
        reach = self.model.read_access.get(context.audience)
        if reach is None:
            raise AccessRefused(
                f"{self.model._meta.label} declares nothing for the {context.audience} audience."
            )
        if reach.span is Span.NOTHING:
            return "1 = 0", []
        columns = dict(
            zip(
                ["municipality_id", "pk", *self.where_fields],
                self.lhs.get_source_expressions(),
                strict=True,
            )
        )
        parts: list[str] = []
        params: list[Any] = []

        def equals(name: str, value: Any) -> str:
            sql, column_params = compiler.compile(columns[name])
            params.extend([*column_params, value])
            return f"{sql} = %s"

        def within(name: str, values: list[Any]) -> str:
            if not values:
                return "1 = 0"
            sql, column_params = compiler.compile(columns[name])
            params.extend([*column_params, *values])
            return f"{sql} IN ({', '.join(['%s'] * len(values))})"

        if reach.span is Span.OWN:
            if context.municipality_id is None and context.followed is not None:
                parts.append(within("municipality_id", sorted(context.followed)))
            else:
                parts.append(equals("municipality_id", self._active_id(context)))
        if reach.granted_only:
            grant = context.grant
            if grant is None or grant.model_label != self.model._meta.label:
                return "1 = 0", []
            parts.append(equals("pk", grant.object_id))
        if reach.portal_model:
            portal = context.portal
            if portal is None:
                return "1 = 0", []
            ids = sorted(portal.ids(reach.portal_model))
            parts.append(within(reach.portal_column, ids))
        if reach.provider_column:
            parts.append(within(reach.provider_column, sorted(context.providers or ())))
        for name, value in reach.where.items():
            field = self.model._meta.get_field(name)
            assert isinstance(field, models.Field)
            if isinstance(value, list | tuple | frozenset):
                parts.append(within(name, [field.get_db_prep_value(v, connection) for v in value]))
            else:
                parts.append(equals(name, field.get_db_prep_value(value, connection)))
        if not parts:
            return "1 = 1", []
        condition = " AND ".join(parts)
        if reach.or_own and context.municipality_id is not None:
            condition = f"({condition}) OR {equals('municipality_id', context.municipality_id)}"
        elif reach.or_own and context.followed is not None:
            condition = f"({condition}) OR {within('municipality_id', sorted(context.followed))}"
        return f"({condition})", params

    @staticmethod
    def _active_id(context: Any) -> int:
        if context.municipality_id is None:
            raise TenantNotActive("Tenant data queried without an active municipality.")
        return int(context.municipality_id)


class TenantQuerySet(models.QuerySet[Any]):
    """Bulk writes refuse other municipalities; updates and deletes stay inside the active one."""

    def _inside_active(self) -> "TenantQuerySet":
        context = require()
        if context.spans_municipalities:
            return self
        municipality_id = guard_municipality(None)
        return self.filter(municipality_id=municipality_id)

    def update(self, **kwargs: Any) -> int:
        if MUNICIPALITY_FIELDS & kwargs.keys() and not require().spans_municipalities:
            raise CrossTenantWrite("Rows cannot be moved to another municipality.")
        return super(TenantQuerySet, self._inside_active()).update(**kwargs)

    def delete(self) -> tuple[int, dict[str, int]]:
        return super(TenantQuerySet, self._inside_active()).delete()

    def bulk_create(self, objs: Iterable[Any], *args: Any, **kwargs: Any) -> list[Any]:
        objs = list(objs)
        for obj in objs:
            obj.municipality_id = guard_municipality(obj.named_municipality_id())
        return super().bulk_create(objs, *args, **kwargs)

    def bulk_update(  # type: ignore[override]
        self, objs: Iterable[Any], fields: Sequence[str], *args: Any, **kw: Any
    ) -> int:
        objs = list(objs)
        if MUNICIPALITY_FIELDS & set(fields) and not require().spans_municipalities:
            raise CrossTenantWrite("Rows cannot be moved to another municipality.")
        for obj in objs:
            guard_stored_municipality(self.model, obj.municipality_id)
        return super().bulk_update(objs, fields, *args, **kw)


class UnscopedManager(models.Manager[Any]):
    """Rows of every municipality, for the places the lint test allows; writes stay guarded."""

    def get_queryset(self) -> models.QuerySet[Any]:
        return TenantQuerySet(self.model, using=self._db)


class TenantManager(models.Manager[Any]):
    """Returns only the rows the current audience may read."""

    def get_queryset(self) -> models.QuerySet[Any]:
        return TenantQuerySet(self.model, using=self._db).filter(ReadableRows(self.model))


# The trash filter is a property of the class, not of the instance, because Django builds the
# related managers (`action.themes`) by instantiating the default manager's class anew.
class LiveTenantManager(TenantManager):
    """Readable rows that are not in the trash."""

    def get_queryset(self) -> models.QuerySet[Any]:
        return super().get_queryset().filter(deleted_at__isnull=True)


class TrashedTenantManager(TenantManager):
    """Readable rows that are in the trash."""

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

    # What each audience may read; a model that shows something to the public or to link
    # holders says so with `access.reach.declare(...)`.
    read_access: ClassVar[ReadAccess] = TENANT_DEFAULT
    # A row made without a municipality (a link row made by `action.themes.add()` as the
    # platform) takes the one of this foreign key's row.
    belongs_to: ClassVar[str] = ""

    unscoped = UnscopedManager()
    objects = TenantManager()

    class Meta:
        abstract = True
        default_manager_name = "objects"
        base_manager_name = "unscoped"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not self._state.adding:
            guard_stored_municipality(type(self), self._stored_municipality_id())
        self.municipality_id = guard_municipality(self.named_municipality_id())  # type: ignore[assignment]
        super().save(*args, **kwargs)

    def named_municipality_id(self) -> int | None:
        """The municipality the row names, or the one of the row it belongs to (`belongs_to`)."""
        if self.municipality_id is None and self.belongs_to:
            parent = getattr(self, self.belongs_to)
            return parent.municipality_id if parent is not None else None
        return self.municipality_id

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        guard_stored_municipality(type(self), self._stored_municipality_id())
        return super().delete(*args, **kwargs)

    def _stored_municipality_id(self) -> int | None:
        # Without a query: the value the row was loaded with (see from_db).
        return getattr(self, "_loaded_municipality_id", self.municipality_id)

    @classmethod
    def from_db(cls, db: Any, field_names: Any, values: Any, **kwargs: Any) -> Any:
        instance = super().from_db(db, field_names, values, **kwargs)
        instance._loaded_municipality_id = instance.__dict__.get("municipality_id")  # type: ignore[attr-defined]
        return instance


class OptionalTenantModel(TenantModel):
    """Data of one municipality, or of none (shared and platform data, such as their history).

    A row of no municipality is read and changed by the platform only: a municipality's
    audiences read the rows of their own municipality, and `guard_stored_municipality` keeps
    them from changing it.
    """

    municipality = models.ForeignKey(  # type: ignore[assignment]  # nullable, unlike the base
        "tenancy.Municipality",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("municipality"),
    )

    class Meta:
        abstract = True
        default_manager_name = "objects"
        base_manager_name = "unscoped"


class SoftDeletableTenantModel(TenantModel):
    """Tenant data that goes to the trash first, so that it can be restored."""

    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True, editable=False)

    unscoped = UnscopedManager()  # type: ignore[misc]
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
