"""The register of commitments made to or by the organisations of the network."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from daadkracht.engagement.models import Commitment, CommitmentStatus, Direction
from daadkracht.engagement.policies import can_manage_engagement
from daadkracht.engagement.services.common import (
    check_references,
    create,
    delete,
    required,
    update,
    validate,
)
from daadkracht.tenancy.policies import enforce

FIELDS = (
    "organisation",
    "direction",
    "description",
    "theme",
    "action",
    "made_on",
    "due_on",
    "owner",
    "status",
    "note",
)


def _check(values: dict[str, Any]) -> dict[str, Any]:
    required(values, "organisation", "direction", "description", "made_on")
    errors: dict[str, str] = {}
    if values["direction"] not in Direction.values:
        errors["direction"] = _("Say who made the commitment.")
    if values.get("status") in (None, ""):
        values["status"] = CommitmentStatus.OPEN
    if values["status"] not in CommitmentStatus.values:
        errors["status"] = _("Choose a status.")
    due = values.get("due_on")
    if due is not None and due < values["made_on"]:
        errors["due_on"] = _("The due date cannot lie before the day it was made.")
    if errors:
        raise ValidationError(errors)
    check_references(values, people=("owner",))
    values["description"] = values["description"].strip()
    values["note"] = str(values.get("note") or "").strip()
    return values


def _closing(values: dict[str, Any], current: Commitment | None) -> dict[str, Any]:
    """A closed commitment keeps the day it was closed; reopening it clears that day."""
    if values["status"] == CommitmentStatus.CLOSED:
        kept = current.closed_on if current is not None else None
        values["closed_on"] = kept or timezone.localdate()
    else:
        values["closed_on"] = None
    return values


def commitment_create(*, actor: Any, **values: Any) -> Commitment:
    enforce(can_manage_engagement)
    commitment = Commitment(**_closing(_check({n: values.get(n) for n in FIELDS}), None))
    validate(commitment)
    with transaction.atomic():
        create(actor=actor, record=commitment)
    return commitment


def commitment_update(
    *, actor: Any, commitment: Commitment, expected_version: int, **values: Any
) -> Commitment:
    enforce(can_manage_engagement)
    checked = _closing(_check({n: values.get(n) for n in FIELDS}), commitment)
    with transaction.atomic():
        update(actor=actor, record=commitment, expected_version=expected_version, values=checked)
    return commitment


def commitment_delete(*, actor: Any, commitment: Commitment) -> None:
    enforce(can_manage_engagement)
    with transaction.atomic():
        delete(actor=actor, record=commitment)
