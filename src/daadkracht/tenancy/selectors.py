"""Reads of departments and members shared by views and other domains."""

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Count, Q, QuerySet

from daadkracht.tenancy.models import Department, Membership


def member_users() -> QuerySet[Any]:
    """Users who are members of the active municipality."""
    return get_user_model().objects.filter(memberships__in=Membership.objects.all()).distinct()


def department_list(*, search: str = "") -> QuerySet[Department]:
    queryset = Department.objects.select_related("head", "climate_contact").annotate(
        member_count=Count("memberships", distinct=True)
    )
    if search:
        queryset = queryset.filter(Q(name__icontains=search) | Q(description__icontains=search))
    return queryset


def membership_list(
    *, search: str = "", role: str = "", department: int | None = None
) -> QuerySet[Membership]:
    queryset = Membership.objects.select_related("user", "department")
    if search:
        queryset = queryset.filter(
            Q(user__full_name__icontains=search) | Q(user__email__icontains=search)
        )
    if role:
        queryset = queryset.filter(role=role)
    if department is not None:
        queryset = queryset.filter(department_id=department)
    return queryset
