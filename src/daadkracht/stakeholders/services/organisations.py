"""Organisations of the network: adding, changing (with their themes) and deleting them."""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from daadkracht.common.concurrency import save_if_version
from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import RelatedIds, Snapshot, audit_record, snapshot
from daadkracht.plans.models import Theme
from daadkracht.stakeholders.models import Organisation, OrganisationKind
from daadkracht.stakeholders.policies import can_manage_stakeholders
from daadkracht.tenancy.policies import enforce

FIELDS = ["name", "kind", "website", "notes"]


def _themes_snapshot(organisation: Organisation) -> Snapshot:
    themes = list(organisation.themes.order_by("position", "code", "name"))
    return Snapshot(
        {"themes": ", ".join(str(theme) for theme in themes)},
        {"themes": RelatedIds(Theme, tuple(str(theme.pk) for theme in themes))},
    )


def _check(values: dict[str, Any]) -> dict[str, Any]:
    errors: dict[str, Any] = {}
    name = str(values.get("name", "")).strip()
    if not name:
        errors["name"] = _("Give the organisation a name.")
    if values.get("kind") not in OrganisationKind.values:
        errors["kind"] = _("Choose a type.")
    if errors:
        raise ValidationError(errors)
    return {**values, "name": name}


def _check_themes(themes: Iterable[Theme]) -> list[Theme]:
    chosen = list(themes)
    known = set(Theme.objects.filter(pk__in=[t.pk for t in chosen]).values_list("pk", flat=True))
    if any(theme.pk not in known for theme in chosen):
        raise ValidationError({"themes": _("Choose themes of this municipality's plan.")})
    return chosen


def organisation_create(
    *,
    actor: Any,
    name: str,
    kind: str,
    website: str = "",
    notes: str = "",
    themes: Iterable[Theme] = (),
    source: ChangeSource = ChangeSource.FORM,
) -> Organisation:
    """A new organisation of the network; `source` says where it was made (a form, an
    import naming a partner)."""
    enforce(can_manage_stakeholders)
    values = _check({"name": name, "kind": kind, "website": website, "notes": notes})
    chosen = _check_themes(themes)
    organisation = Organisation(**values)
    with transaction.atomic():
        organisation.save()
        organisation.themes.set(chosen)
        audit_record(
            actor=actor,
            instance=organisation,
            action=AuditAction.CREATED,
            source=source,
            after=snapshot(organisation).merged(_themes_snapshot(organisation)),
        )
    return organisation


def organisation_update(
    *,
    actor: Any,
    organisation: Organisation,
    expected_version: int,
    name: str,
    kind: str,
    website: str,
    notes: str,
    themes: Iterable[Theme],
) -> Organisation:
    """Save the edit unless someone saved in between (ConcurrentEditError)."""
    enforce(can_manage_stakeholders)
    values = _check({"name": name, "kind": kind, "website": website, "notes": notes})
    chosen = _check_themes(themes)
    with transaction.atomic():
        stored = Organisation.objects.get(pk=organisation.pk)
        before = snapshot(stored).merged(_themes_snapshot(stored))
        for field, value in values.items():
            setattr(organisation, field, value)
        save_if_version(organisation, expected_version=expected_version, fields=FIELDS)
        organisation.themes.set(chosen)
        audit_record(
            actor=actor,
            instance=organisation,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
            after=snapshot(organisation).merged(_themes_snapshot(organisation)),
        )
    return organisation


def organisation_delete(*, actor: Any, organisation: Organisation) -> None:
    """Delete an organisation; its contact persons stay, without an organisation."""
    enforce(can_manage_stakeholders)
    with transaction.atomic():
        audit_record(
            actor=actor,
            instance=organisation,
            action=AuditAction.REMOVED,
            source=ChangeSource.FORM,
        )
        organisation.delete()
