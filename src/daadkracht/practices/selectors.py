"""Reads of the practice database that several pages share."""

from collections.abc import Iterable
from typing import Any

from django.db.models import Count, QuerySet

from daadkracht.access.context import require
from daadkracht.practices.models import (
    Adoption,
    Practice,
    PracticeEvent,
    PracticeFile,
    PracticeFileKind,
    PracticeStatus,
)
from daadkracht.practices.policies import can_adopt_practice, can_share_practice


def own_practices_and_updates() -> QuerySet[Practice]:
    """Every practice of the active municipality, the open updates of published ones included."""
    return Practice.objects.filter(municipality_id=require().municipality_id)


def own_practices() -> QuerySet[Practice]:
    """The active municipality's practices (not the updates of published ones), with the number
    of open updates. The member reach also reads other municipalities' published practices."""
    return (
        own_practices_and_updates()
        .filter(revision_of=None)
        .select_related("author")
        .prefetch_related("theme_tags")
    )


def adoption_counts(practice_ids: Iterable[int]) -> dict[int, int]:
    """How many municipalities adopted each practice. Adoptions are rows of the adopting
    municipalities, which no visitor may read one by one; only their number is shown."""
    rows = (
        Adoption.unscoped.filter(practice_id__in=list(practice_ids))
        .values("practice_id")
        .annotate(total=Count("municipality_id", distinct=True))
    )
    return {row["practice_id"]: row["total"] for row in rows}


def practice_files(practice: Practice) -> tuple[list[PracticeFile], list[PracticeFile]]:
    files = list(PracticeFile.objects.filter(practice=practice))
    photos = [f for f in files if f.kind == PracticeFileKind.PHOTO]
    documents = [f for f in files if f.kind == PracticeFileKind.DOCUMENT]
    return photos, documents


def practice_events(practice: Practice) -> list[PracticeEvent]:
    return list(PracticeEvent.objects.filter(practice=practice).select_related("actor"))


def moderation_queue() -> QuerySet[Practice]:
    """What waits for an editor: submitted practices and updates, oldest first."""
    return (
        Practice.objects.filter(status=PracticeStatus.SUBMITTED)
        .select_related("municipality", "author", "revision_of")
        .order_by("submitted_at", "pk")
    )


def recently_decided(limit: int = 20) -> list[PracticeEvent]:
    from daadkracht.practices.models import PracticeEventKind

    return list(
        PracticeEvent.objects.filter(
            kind__in=[
                PracticeEventKind.PUBLISHED,
                PracticeEventKind.CHANGES_REQUESTED,
                PracticeEventKind.REJECTED,
            ]
        )
        .select_related("practice__municipality", "actor")
        .order_by("-at", "-pk")[:limit]
    )


def adopt_links(user: Any, practice: Practice) -> list[dict[str, str]]:
    """For a logged-in visitor: the municipalities they may adopt the practice into (those
    where they add actions, other than the practice's own), each with the page to do it."""
    from django.urls import reverse

    from daadkracht.tenancy.access import memberships_of

    if not getattr(user, "is_authenticated", False):
        return []
    return [
        {
            "municipality": membership.municipality.name,
            "url": reverse(
                "our_practices:adopt",
                kwargs={"municipality": membership.municipality.slug, "pk": practice.pk},
            ),
        }
        for membership in memberships_of(user)
        if membership.municipality_id != practice.municipality_id and can_adopt_practice(membership)
    ]


def share_links(user: Any) -> list[dict[str, str]]:
    """For a logged-in visitor: the municipalities they share practices for, with the form."""
    from django.urls import reverse

    from daadkracht.tenancy.access import memberships_of

    if not getattr(user, "is_authenticated", False):
        return []
    return [
        {
            "municipality": membership.municipality.name,
            "url": reverse(
                "our_practices:create", kwargs={"municipality": membership.municipality.slug}
            ),
        }
        for membership in memberships_of(user)
        if can_share_practice(membership)
    ]
