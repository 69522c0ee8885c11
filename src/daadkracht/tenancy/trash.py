"""Leaving the trash out where the managers cannot: across relations, in joins and aggregates.

A soft-deletable model's manager hides its trashed rows, but a join from another model (a
count of a department's actions, a theme's actions, a round's scores) reaches every row. Every
such condition and aggregate is built here, so that the trash never counts in a figure.
"""

from collections.abc import Sequence

from django.db.models import Count, Q


def live_only(*relations: str) -> Q:
    """The rows that each relation path leads to (e.g. "action", "scores__action") are live."""
    return Q(*(Q(**{f"{relation}__deleted_at__isnull": True}) for relation in relations))


def live_count(
    relation: str, *, live: Sequence[str] | None = None, distinct: bool = False
) -> Count:
    """Count the related rows along `relation` that are not in the trash.

    `live` names the soft-deletable paths that must be live for a row to count; by default
    `relation` itself. A score counts only while its action is live: `live=["scores__action"]`.
    """
    paths = [relation] if live is None else list(live)
    return Count(relation, filter=live_only(*paths), distinct=distinct)
