"""The fields a service may change: each service declares them, and nothing else gets through."""

from collections.abc import Collection, Mapping
from typing import Any

# What ties a row to its place (its municipality, its plan), its identity, its optimistic lock
# and its trash state: a service sets these itself, never from a bag of values a caller passes.
NEVER_CHANGEABLE = frozenset(
    {
        "id",
        "pk",
        "municipality",
        "municipality_id",
        "plan",
        "plan_id",
        "version",
        "deleted_at",
        "created_at",
        "updated_at",
    }
)


def allowlist(*names: str) -> tuple[str, ...]:
    """The fields a service may change, in the order its form shows them.

    Refuses, when the module is imported, a list that names a field no service may take from
    its caller.
    """
    refused = NEVER_CHANGEABLE.intersection(names)
    if refused:
        raise ValueError(f"A service never takes these fields from its caller: {sorted(refused)}")
    return names


def only_fields(
    values: Mapping[str, Any], allowed: Collection[str], *, service: str
) -> dict[str, Any]:
    """`values` as a dict, or TypeError naming every key that `allowed` does not list."""
    unknown = sorted(set(values) - set(allowed))
    if unknown:
        raise TypeError(f"{service}() may not change: {', '.join(unknown)}")
    return dict(values)
