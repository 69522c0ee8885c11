"""The interaction log and the commitments register, as lists and per organisation."""

from datetime import date
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from daadkracht.engagement.models import Commitment, CommitmentStatus, Interaction


def interaction_list(
    *,
    organisation: int | None = None,
    kind: str = "",
    theme: int | None = None,
    open_follow_up: bool = False,
    owner: Any = None,
) -> QuerySet[Interaction]:
    queryset = Interaction.objects.select_related(
        "organisation", "contact", "by", "theme", "follow_up_owner"
    )
    if organisation is not None:
        queryset = queryset.filter(organisation_id=organisation)
    if kind:
        queryset = queryset.filter(kind=kind)
    if theme is not None:
        queryset = queryset.filter(Q(theme_id=theme) | Q(theme__parent_id=theme))
    if open_follow_up:
        queryset = queryset.exclude(follow_up="").filter(follow_up_done_at__isnull=True)
    if owner is not None:
        queryset = queryset.filter(follow_up_owner=owner)
    return queryset


def commitment_list(
    *,
    organisation: int | None = None,
    status: str = "",
    direction: str = "",
    overdue: bool = False,
    today: date | None = None,
) -> QuerySet[Commitment]:
    queryset = Commitment.objects.select_related("organisation", "theme", "action", "owner")
    if organisation is not None:
        queryset = queryset.filter(organisation_id=organisation)
    if status:
        queryset = queryset.filter(status=status)
    if direction:
        queryset = queryset.filter(direction=direction)
    if overdue:
        queryset = queryset.exclude(status=CommitmentStatus.CLOSED).filter(
            due_on__lt=today or timezone.localdate()
        )
    return queryset
