"""Reads of organisations: the filtered list and an organisation's page."""

from django.db.models import Count, Prefetch, Q, QuerySet

from daadkracht.plans.models import Theme
from daadkracht.stakeholders.models import Contact, Organisation


def organisation_list(
    *, search: str = "", kind: str = "", theme: int | None = None
) -> QuerySet[Organisation]:
    """The organisations with their number of contact persons and their themes (prefetched: a
    fixed number of queries however many there are)."""
    queryset = Organisation.objects.annotate(
        contact_count=Count("contacts", filter=Q(contacts__erased_at__isnull=True), distinct=True)
    ).prefetch_related(
        Prefetch("themes", queryset=Theme.objects.order_by("position", "code", "name"))
    )
    if search:
        queryset = queryset.filter(Q(name__icontains=search) | Q(notes__icontains=search))
    if kind:
        queryset = queryset.filter(kind=kind)
    if theme is not None:
        queryset = queryset.filter(theme_links__theme_id=theme)
    return queryset


def organisation_contacts(organisation: Organisation) -> list[Contact]:
    return list(
        Contact.objects.filter(organisation=organisation, erased_at__isnull=True).order_by(
            "full_name", "pk"
        )
    )


def organisation_contact_count(organisation: Organisation) -> int:
    return Contact.objects.filter(organisation=organisation, erased_at__isnull=True).count()
