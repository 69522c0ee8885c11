"""Keeping the search index equal to the published practices: one practice, or all of them."""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import QuerySet
from django.utils import translation

from daadkracht.practices.models import Practice, PracticeStatus
from daadkracht.practices.search import backend
from daadkracht.practices.search.text import index_terms
from daadkracht.practices.services.rules import SECTIONS

# The parts of a practice that are searched besides its title, in the order of its page.
BODY_FIELDS = ("summary", *SECTIONS, "other_results", "subsidy_sources", "place")
BATCH = 500


def body_text(practice: Practice, theme_labels: Iterable[str] = ()) -> str:
    """The searched text of a practice besides its title: its sections, where it happened and
    its themes' names, so that "Gent" or "mobiliteit" find it."""
    parts = [getattr(practice, field) for field in BODY_FIELDS]
    parts.append(practice.municipality.name)
    parts.extend(theme_labels)
    return "\n".join(part for part in parts if part)


def _theme_labels(practice: Practice) -> list[str]:
    # Theme names are searched in Dutch, the language practices are written in.
    with translation.override("nl"):
        return [str(tag.get_theme_display()) for tag in practice.theme_tags.all()]


def _entry(practice: Practice) -> tuple[int, list[str], list[str]]:
    title = index_terms(practice.title)
    return practice.pk, title, index_terms(body_text(practice, _theme_labels(practice)))


def is_searchable(practice: Practice) -> bool:
    """Only a published practice is found (an update under moderation is a draft row)."""
    return practice.status == PracticeStatus.PUBLISHED and practice.revision_of_id is None


def practice_reindex(practice: Practice) -> None:
    """Store the practice's current text in the index if it is published, forget it otherwise.

    Call it after every change of a practice's text, themes or status, in the same transaction.
    """
    if is_searchable(practice):
        backend.write([_entry(practice)])
    else:
        backend.delete([practice.pk])


def practice_unindex(practice_id: int) -> None:
    """Forget a practice (before or after it is deleted)."""
    backend.delete([practice_id])


def practices_index_rebuild(practices: QuerySet[Practice]) -> int:
    """Replace the whole index with the searchable ones of `practices`; returns how many."""
    written = 0
    with transaction.atomic():
        backend.clear()
        queryset = (
            practices.filter(status=PracticeStatus.PUBLISHED, revision_of__isnull=True)
            .select_related("municipality")
            .prefetch_related("theme_tags")
            .order_by("pk")
        )
        batch = []
        for practice in queryset.iterator(chunk_size=BATCH):
            batch.append(_entry(practice))
            if len(batch) >= BATCH:
                backend.write(batch)
                written += len(batch)
                batch = []
        backend.write(batch)
        written += len(batch)
    return written
