"""Reads of contact persons: the filtered list, a person's page and everything held about them."""

from collections.abc import Iterator
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from daadkracht.history.selectors import entries_mentioning
from daadkracht.stakeholders.models import (
    Consent,
    Contact,
    Language,
    LawfulBasis,
    Organisation,
    ProcessingBasis,
    Purpose,
)


def contact_list(
    *,
    search: str = "",
    kind: str = "",
    theme: int | None = None,
    organisation: int | None = None,
    purpose: str = "",
) -> QuerySet[Contact]:
    """The people who are not erased, with their organisation and lawful bases (prefetched: a
    fixed number of queries however many there are)."""
    queryset = (
        Contact.objects.filter(erased_at__isnull=True)
        .select_related("organisation")
        .prefetch_related(Prefetch("bases", queryset=ProcessingBasis.objects.order_by("purpose")))
    )
    if search:
        queryset = queryset.filter(
            Q(full_name__icontains=search)
            | Q(email__icontains=search)
            | Q(function__icontains=search)
            | Q(organisation__name__icontains=search)
        )
    if kind:
        queryset = queryset.filter(organisation__kind=kind)
    if theme is not None:
        queryset = queryset.filter(organisation__theme_links__theme_id=theme)
    if organisation is not None:
        queryset = queryset.filter(organisation_id=organisation)
    if purpose:
        queryset = queryset.filter(
            Exists(ProcessingBasis.objects.filter(contact=OuterRef("pk"), purpose=purpose))
        )
    return queryset


# The organisation filter is a drop-down up to this many organisations; beyond, the search
# finds people by their organisation's name and the organisation's page links to its people.
ORGANISATION_CHOICES = 200


def organisation_choices() -> list[tuple[int, str]] | None:
    """The organisations to choose from in the filter, or None when there are too many for a
    drop-down (one query either way)."""
    rows = list(
        Organisation.objects.order_by("name", "pk").values_list("pk", "name")[
            : ORGANISATION_CHOICES + 1
        ]
    )
    return rows if len(rows) <= ORGANISATION_CHOICES else None


def contact_export_rows(queryset: QuerySet[Contact]) -> Iterator[list[Any]]:
    """The rows of the contact list's export, read as plain values: two queries for any
    number of people."""
    purposes = dict(Purpose.choices)
    bases = dict(LawfulBasis.choices)
    languages = dict(Language.choices)
    per_contact: dict[int, list[str]] = {}
    for contact_id, purpose, basis in (
        ProcessingBasis.objects.filter(contact__in=queryset.values("pk"))
        .order_by("purpose")
        .values_list("contact_id", "purpose", "basis")
    ):
        per_contact.setdefault(contact_id, []).append(
            f"{purposes.get(purpose, purpose)} ({bases.get(basis, basis)})"
        )
    rows = queryset.values_list(
        "pk", "full_name", "organisation__name", "function", "email", "phone", "language"
    )
    for pk, name, organisation, function, email, phone, language in rows:
        yield [
            name,
            organisation or "",
            function,
            email,
            phone,
            str(languages.get(language, language)),
            ", ".join(per_contact.get(pk, [])),
        ]


def contact_bases(contact: Contact) -> list[ProcessingBasis]:
    return list(ProcessingBasis.objects.filter(contact=contact).order_by("purpose"))


def contact_consents(contact: Contact) -> list[Consent]:
    return list(
        Consent.objects.filter(contact=contact)
        .select_related("consent_text")
        .order_by("-given_at", "-pk")
    )


def _when(value: Any) -> str | None:
    return timezone.localtime(value).isoformat() if value is not None else None


def person_data(contact: Contact) -> dict[str, Any]:
    """Everything the municipality holds about the person, as plain data (for the JSON file and
    the readable page): the person, their lawful bases, their consents with the text they were
    shown, and the history of changes that mention them."""
    organisation = contact.organisation
    history = [
        {
            "when": _when(entry.created_at),
            "object": entry.object_repr,
            "type": str(entry.content_type.model_class()._meta.verbose_name)  # type: ignore[union-attr]
            if entry.content_type.model_class() is not None
            else entry.content_type.model,
            "action": str(entry.get_action_display()),
            "by": str(entry.actor) if entry.actor is not None else "",
            "changes": {name: list(pair) for name, pair in (entry.changes or {}).items()},
        }
        for entry in entries_mentioning(obj=contact).order_by("created_at", "pk")
    ]
    return {
        "person": {
            "id": contact.pk,
            "name": contact.full_name,
            "organisation": organisation.name if organisation is not None else "",
            "function": contact.function,
            "email": contact.email,
            "phone": contact.phone,
            "language": contact.language,
            "notes": contact.notes,
            "created": _when(contact.created_at),
            "updated": _when(contact.updated_at),
            "erased": _when(contact.erased_at),
        },
        "lawful_bases": [
            {
                "purpose": basis.purpose,
                "purpose_label": str(basis.get_purpose_display()),
                "basis": basis.basis,
                "basis_label": str(basis.get_basis_display()),
                "since": basis.since.isoformat(),
                "until": basis.until.isoformat() if basis.until else None,
                "note": basis.note,
            }
            for basis in contact_bases(contact)
        ],
        "consents": [
            {
                "purpose": consent.purpose,
                "purpose_label": str(consent.get_purpose_display()),
                "text_version": consent.consent_text.version,
                "text": consent.consent_text.text,
                "given_at": _when(consent.given_at),
                "given_how": consent.given_how,
                "given_how_label": str(consent.get_given_how_display()),
                "withdrawn_at": _when(consent.withdrawn_at),
                "withdrawn_how": consent.withdrawn_how,
            }
            for consent in contact_consents(contact)
        ],
        "history": history,
    }
