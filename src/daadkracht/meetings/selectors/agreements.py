"""Reads of work agreements: the overviews, and those that ask for attention on the dashboards."""

from collections.abc import Iterable
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from daadkracht.meetings.models import OPEN_AGREEMENT_STATUSES, WorkAgreement, WorkAgreementParty


def _with_parties(queryset: QuerySet[WorkAgreement]) -> QuerySet[WorkAgreement]:
    return queryset.select_related("meeting").prefetch_related(
        Prefetch(
            "parties",
            queryset=WorkAgreementParty.objects.select_related("department").order_by(
                "department__name"
            ),
        )
    )


def attention_filter(today: date) -> Q:
    """Open agreements past their date, or whose review is due."""
    return Q(status__in=OPEN_AGREEMENT_STATUSES) & (
        Q(due_date__lt=today) | Q(review_date__lte=today)
    )


def agreement_list(
    *,
    status: str = "",
    department: int | None = None,
    attention: str = "",
    search: str = "",
    today: date | None = None,
) -> QuerySet[WorkAgreement]:
    today = today or timezone.localdate()
    queryset = WorkAgreement.objects.all()
    if status:
        queryset = queryset.filter(status=status)
    if department is not None:
        queryset = queryset.filter(parties__department_id=department)
    if attention == "any":
        queryset = queryset.filter(attention_filter(today))
    elif attention == "overdue":
        queryset = queryset.filter(status__in=OPEN_AGREEMENT_STATUSES, due_date__lt=today)
    elif attention == "review":
        queryset = queryset.filter(status__in=OPEN_AGREEMENT_STATUSES, review_date__lte=today)
    if search:
        queryset = queryset.filter(Q(title__icontains=search) | Q(description__icontains=search))
    return _with_parties(queryset.distinct())


def agreements_needing_attention(
    *, department: int | None = None, limit: int = 5, today: date | None = None
) -> tuple[list[WorkAgreement], int]:
    """Overdue agreements and those due for review, the longest waiting first, and how many
    there are in all: one query when there are none, else one for their parties, and one to
    count them when there are more than `limit`."""
    today = today or timezone.localdate()
    queryset = WorkAgreement.objects.filter(attention_filter(today))
    if department is not None:
        queryset = queryset.filter(parties__department_id=department).distinct()
    ordered = queryset.order_by("due_date", "review_date", "title")
    # One query when nothing asks for attention, which is the usual case.
    items = list(_with_parties(ordered)[:limit])
    total = len(items) if len(items) < limit else queryset.count()
    return items, total


def overdue_agreement_counts(municipality_ids: Iterable[int], today: date) -> dict[int, int]:
    """Per municipality id, its open agreements past their date (the list's `?attention=overdue`),
    in one query for all of them; municipalities without any are left out."""
    rows = (
        WorkAgreement.objects.filter(
            municipality_id__in=list(municipality_ids),
            status__in=OPEN_AGREEMENT_STATUSES,
            due_date__lt=today,
        )
        .values("municipality_id")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return {row["municipality_id"]: row["count"] for row in rows}
