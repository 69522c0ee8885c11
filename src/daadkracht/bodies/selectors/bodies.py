"""Reads of the bodies: the filtered list, a body's members, delegations and meetings."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from daadkracht.bodies.models import BodyMeeting, BodyMembership, GovernanceBody
from daadkracht.meetings.models import Meeting
from daadkracht.plans.models import Theme


def running(today: date) -> Q:
    """Memberships that run on `today`."""
    return Q(starts_on__lte=today) & (Q(ends_on__isnull=True) | Q(ends_on__gte=today))


def body_list(*, kind: str = "", theme: int | None = None) -> QuerySet[GovernanceBody]:
    """The bodies with their number of current members, their next meeting and their themes (a
    fixed number of queries however many there are)."""
    today = timezone.localdate()
    next_meeting = (
        Meeting.objects.filter(
            body_link__body=OuterRef("pk"), starts_at__gte=timezone.now(), cancelled_at__isnull=True
        )
        .order_by("starts_at")
        .values("starts_at")[:1]
    )
    queryset = GovernanceBody.objects.annotate(
        member_count=Count(
            "memberships",
            filter=Q(memberships__starts_on__lte=today)
            & (Q(memberships__ends_on__isnull=True) | Q(memberships__ends_on__gte=today)),
            distinct=True,
        ),
        next_meeting_at=Subquery(next_meeting),
    ).prefetch_related(
        Prefetch("themes", queryset=Theme.objects.order_by("position", "code", "name"))
    )
    if kind:
        queryset = queryset.filter(kind=kind)
    if theme is not None:
        queryset = queryset.filter(theme_links__theme_id=theme)
    return queryset


def _memberships() -> QuerySet[BodyMembership]:
    return BodyMembership.objects.select_related(
        "contact", "contact__organisation", "organisation", "delegated_to", "body"
    ).order_by("role", "starts_on", "pk")


@dataclass(frozen=True)
class Composition:
    current: list[BodyMembership]
    future: list[BodyMembership]
    past: list[BodyMembership]
    # Members of this body delegated to another, and members of others delegated to this one.
    delegations_out: list[BodyMembership]
    delegations_in: list[BodyMembership]


def body_composition(body: GovernanceBody) -> Composition:
    today = timezone.localdate()
    own = list(_memberships().filter(body=body))
    current = [m for m in own if m.starts_on <= today and (m.ends_on is None or m.ends_on >= today)]
    future = [m for m in own if m.starts_on > today]
    past = sorted(
        (m for m in own if m.ends_on is not None and m.ends_on < today),
        key=lambda m: (m.ends_on, m.pk),
        reverse=True,
    )
    delegations_in = list(
        _memberships().filter(running(today), delegated_to=body).order_by("body__name", "pk")
    )
    return Composition(
        current=current,
        future=future,
        past=past,
        delegations_out=[m for m in current if m.delegated_to_id is not None],
        delegations_in=delegations_in,
    )


@dataclass(frozen=True)
class BodyMeetings:
    upcoming: list[Meeting]
    past: list[Meeting]


def body_meetings(body: GovernanceBody) -> BodyMeetings:
    now = timezone.now()
    meetings = list(
        Meeting.objects.filter(
            pk__in=BodyMeeting.objects.filter(body=body).values("meeting_id")
        ).order_by("starts_at", "pk")
    )
    return BodyMeetings(
        upcoming=[m for m in meetings if m.ends_at >= now],
        past=[m for m in meetings if m.ends_at < now][::-1],
    )


def other_bodies(body: GovernanceBody | None = None) -> QuerySet[GovernanceBody]:
    queryset = GovernanceBody.objects.order_by("name", "pk")
    return queryset.exclude(pk=body.pk) if body is not None else queryset
