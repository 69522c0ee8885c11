"""Adopting another municipality's practice: a new action in the own plan, linked back to it."""

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from daadkracht.access.context import require
from daadkracht.plans.models import Action, Plan, Theme
from daadkracht.plans.services.actions import action_create
from daadkracht.practices.models import Adoption, Practice, PracticeStatus
from daadkracht.practices.policies import can_adopt_practice
from daadkracht.tenancy.models import Department
from daadkracht.tenancy.policies import enforce


def adoption_of(practice: Practice) -> Adoption | None:
    """The active municipality's adoption of `practice`, while its action still exists."""
    return (
        Adoption.objects.select_related("action")
        .filter(practice=practice, action__isnull=False, action__deleted_at__isnull=True)
        .first()
    )


def practice_adopt(
    *,
    actor: Any,
    practice: Practice,
    plan: Plan,
    identifier: str,
    title: str,
    description: str,
    lead_department: Department | None,
    themes: Sequence[Theme] = (),
) -> Action:
    """Copy a published practice of another municipality into the own plan as a new action,
    and record the adoption so that the practice can say how many municipalities took it on."""
    enforce(can_adopt_practice)
    if practice.status != PracticeStatus.PUBLISHED or practice.revision_of_id is not None:
        raise ValidationError(_("Only a published practice can be adopted."))
    if practice.municipality_id == require().municipality_id:
        raise ValidationError(_("This is a practice of your own municipality."))
    existing = adoption_of(practice)
    if existing is not None:
        raise ValidationError(
            _("Your municipality adopted this practice already, as action %(identifier)s.")
            % {"identifier": existing.action.identifier if existing.action else ""}
        )
    with transaction.atomic():
        action = action_create(
            actor=actor,
            plan=plan,
            themes=themes,
            identifier=identifier,
            title=title,
            description=description,
            lead_department=lead_department,
        )
        try:
            with transaction.atomic():
                Adoption.objects.update_or_create(
                    practice=practice, defaults={"action": action, "adopted_by": actor}
                )
        except IntegrityError:
            raise ValidationError(
                _("Your municipality adopted this practice just now; nothing was added.")
            ) from None
    return action
