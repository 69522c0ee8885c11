"""Column matchings kept for the next file with the same column names."""

from collections.abc import Sequence
from typing import Any

from daadkracht.plans.models import ImportMapping
from daadkracht.plans.policies import can_manage_plan
from daadkracht.plans.spreadsheets.mapping import signature
from daadkracht.tenancy.policies import enforce


def mapping_for(headers: Sequence[str]) -> ImportMapping | None:
    """The municipality's saved matching for files with these column names, if any."""
    return ImportMapping.objects.filter(signature=signature(headers)).first()


def mapping_save(
    *,
    actor: Any,
    name: str,
    header_row: int,
    headers: Sequence[str],
    keys: Sequence[str | None],
) -> ImportMapping:
    """Keep (or replace) the matching for files with these column names."""
    enforce(can_manage_plan)
    mapping, _created = ImportMapping.objects.update_or_create(
        signature=signature(headers),
        defaults={
            "name": name[:200],
            "header_row": header_row,
            "headers": list(headers),
            "keys": list(keys),
            "saved_by": actor if getattr(actor, "is_authenticated", False) else None,
        },
    )
    return mapping
