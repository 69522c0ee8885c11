"""The list of statuses a new plan starts with, and their names in the reader's language."""

from functools import cache

from django.conf import settings
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from daadkracht.plans.models import StatusCategory

# A slate violet, apart from the greys of "not started" and "cancelled"; 6:1 against white.
UNKNOWN_STATUS_COLOUR = "#6a5d7b"

# (name, category, colour)
DEFAULT_STATUSES = [
    (_("not started"), StatusCategory.NOT_STARTED, "#5c6670"),
    (_("in preparation"), StatusCategory.ACTIVE, "#1f6fb5"),
    (_("on track"), StatusCategory.ACTIVE, "#1d7a46"),
    (_("delayed"), StatusCategory.DELAYED, "#b3261e"),
    (_("completed"), StatusCategory.DONE, "#0b5d3b"),
    (_("postponed"), StatusCategory.PAUSED, "#8a5a00"),
    (_("cancelled"), StatusCategory.CANCELLED, "#6b6b6b"),
    # Where the source does not say how far an action is (an empty status cell on import).
    (_("unknown"), StatusCategory.UNKNOWN, UNKNOWN_STATUS_COLOUR),
]


@cache
def _default_names() -> dict[str, Promise]:
    """Each default status's name, as any interface language writes it, to its translation."""
    names: dict[str, Promise] = {}
    for language, _label in settings.LANGUAGES:
        with translation.override(language):
            for name, _category, _colour in DEFAULT_STATUSES:
                names[str(name).casefold()] = name
    return names


def default_status_label(name: str) -> str | None:
    """The reader's word for a status still named as a new plan names it; None for a status the
    municipality renamed or added, whose name is its own."""
    default = _default_names().get(name.strip().casefold())
    return str(default) if default is not None else None
