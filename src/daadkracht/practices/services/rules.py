"""The rules a practice's text and state must meet before it is saved or submitted."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from daadkracht.practices.models import Practice, PracticeStatus

# A practice is changed while it is the municipality's own: not while an editor reads it, and
# not once it is published (an update of a published practice is a revision of its own).
EDITABLE = frozenset(
    {
        PracticeStatus.DRAFT,
        PracticeStatus.CHANGES_REQUESTED,
        PracticeStatus.REJECTED,
        PracticeStatus.WITHDRAWN,
    }
)

SECTIONS = ("what_happened", "why", "intended_result", "challenges", "success_factors", "tips")
TEXT_LIMIT = 10000


class PracticeStateChanged(Exception):
    """Someone moved the practice on in the meantime (submitted, decided, published)."""

    message = gettext_lazy(
        "This practice was changed in the meantime; nothing was done. Look again."
    )


def check_editable(practice: Practice) -> None:
    if practice.status == PracticeStatus.SUBMITTED:
        raise ValidationError(
            _("The practice is with the editors now; it can be changed when they answer.")
        )
    if practice.status not in EDITABLE:
        raise ValidationError(
            _("A published practice is changed through an update, which the editors read first.")
        )


def check_complete(practice: Practice, theme_count: int) -> None:
    """What an editor needs to read before a practice can be published: every section filled
    in, a theme, and a way to reach the municipality."""
    errors: dict[str, str] = {}
    if not practice.summary.strip():
        errors["summary"] = _("Write a short introduction.")
    for name in SECTIONS:
        if not getattr(practice, name).strip():
            label = Practice._meta.get_field(name).verbose_name  # type: ignore[union-attr]
            errors[name] = _("Fill in “%(section)s” before you submit.") % {"section": label}
    if theme_count == 0:
        errors["themes"] = _("Choose at least one theme.")
    if not (practice.contact_email or practice.contact_phone):
        errors["contact_email"] = _("Give an e-mail address or a phone number for questions.")
    if errors:
        raise ValidationError(errors)
