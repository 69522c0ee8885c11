"""What the prioritisation services share: checking a score, and recording who gave it."""

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from daadkracht.prioritisation.selectors.scores import MAX_SCORE


def check_score(value: int | None, field: str) -> None:
    if value is not None and not 0 <= value <= MAX_SCORE:
        raise ValidationError({field: _("A score runs from 0 to 5.")})


def scorer(actor: Any) -> Any:
    """The user to record as having scored: the actor if it is a logged-in user, else nobody."""
    return actor if getattr(actor, "is_authenticated", False) else None
