"""The getting-started checklist of a municipality's home page, ticked from the data itself."""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import F, Func, IntegerField, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from daadkracht.accounts.models import Invitation
from daadkracht.plans.models import Plan, Theme
from daadkracht.tenancy.models import Department, Membership


@dataclass(frozen=True)
class SetupChecklist:
    """What a municipality has of the five things its plan needs to run on the platform.

    `action_count` is the figure the dashboard shows, so that the checklist, the empty state
    and the dashboard never disagree about whether the plan has actions.
    """

    plan: Plan | None
    theme_count: int
    department_count: int
    departments_without_contact: int
    action_count: int
    colleague_count: int
    open_invitation_count: int

    @property
    def steps_done(self) -> list[bool]:
        return [
            self.plan is not None,
            self.theme_count > 0,
            self.department_count > 0,
            self.action_count > 0,
            self.colleague_count + self.open_invitation_count > 0,
        ]

    @property
    def done_count(self) -> int:
        return sum(self.steps_done)

    @property
    def step_count(self) -> int:
        return len(self.steps_done)

    @property
    def done(self) -> bool:
        return all(self.steps_done)


def _count(queryset: QuerySet[Any]) -> Coalesce:
    """The number of rows of `queryset`, as a subquery of another query."""
    counted = queryset.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def open_invitations() -> QuerySet[Invitation]:
    """Invitations of the active municipality that can still be accepted."""
    return Invitation.objects.filter(
        accepted_at=None,
        cancelled_at=None,
        sent_at__gt=timezone.now() - settings.INVITATION_MAX_AGE,
    )


def setup_checklist(
    *,
    plan: Plan | None,
    departments: list[Department],
    action_count: int,
    member: Membership,
) -> SetupChecklist:
    """The checklist of the active municipality, its counts read in one query."""
    themes = Theme.objects.filter(plan=plan) if plan is not None else Theme.objects.none()
    counts = (
        Membership.objects.filter(pk=member.pk)
        .annotate(
            theme_count=_count(themes),
            colleague_count=_count(Membership.objects.exclude(pk=member.pk)),
            open_invitation_count=_count(open_invitations()),
        )
        .values("theme_count", "colleague_count", "open_invitation_count")
        .get()
    )
    return SetupChecklist(
        plan=plan,
        department_count=len(departments),
        departments_without_contact=sum(d.climate_contact_id is None for d in departments),
        action_count=action_count,
        **counts,
    )
