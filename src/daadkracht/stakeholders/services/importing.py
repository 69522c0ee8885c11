"""Importing organisations and contact persons from a checked spreadsheet: all rows, or none.

Every record written gets its history entry (source "import"); every new contact person gets
the lawful basis the user chose for the import. An import never records a consent: consent is
given by the person, not by a spreadsheet.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from daadkracht.common.sheets import Sheet
from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import (
    AuditDraft,
    RelatedIds,
    Snapshot,
    audit_draft,
    audit_save,
    diff,
    snapshot,
)
from daadkracht.plans.models import Theme
from daadkracht.stakeholders.models import (
    Contact,
    Language,
    LawfulBasis,
    Organisation,
    OrganisationKind,
    OrganisationTheme,
    ProcessingBasis,
    Purpose,
)
from daadkracht.stakeholders.policies import can_manage_stakeholders
from daadkracht.stakeholders.spreadsheets.checking import NetworkPreview, Outcome, check
from daadkracht.tenancy.policies import enforce

BATCH_SIZE = 500

# The purposes an import may hold people for, each with its lawful basis. Never consent.
IMPORT_BASES: dict[str, tuple[Purpose, LawfulBasis, Any]] = {
    "partnership": (
        Purpose.PARTNERSHIP,
        LawfulBasis.LEGITIMATE_INTEREST,
        gettext_lazy("Contact for a partner on an action (legitimate interest)"),
    ),
    "governance": (
        Purpose.GOVERNANCE,
        LawfulBasis.PUBLIC_TASK,
        gettext_lazy("Membership of a governance body (public task)"),
    ),
    "events": (
        Purpose.EVENTS,
        LawfulBasis.LEGITIMATE_INTEREST,
        gettext_lazy("Invitations to events of the network (legitimate interest)"),
    ),
}


class NetworkImportOutdatedError(Exception):
    """The network changed between the preview and the confirmation."""


@dataclass
class NetworkImportResult:
    organisations_created: int
    organisations_updated: int
    contacts_created: int
    contacts_updated: int


def _themes_snapshot(themes: list[Theme]) -> Snapshot:
    ordered = sorted(themes, key=lambda t: (t.position, t.code, t.name))
    return Snapshot(
        {"themes": ", ".join(str(theme) for theme in ordered)},
        {"themes": RelatedIds(Theme, tuple(str(theme.pk) for theme in ordered))},
    )


def network_import(
    *,
    actor: Any,
    sheet: Sheet,
    sheet_digest: str,
    choices: dict[str, str],
    purpose: str,
    expected_fingerprint: str,
    filename: str = "",
) -> NetworkImportResult:
    """Apply a checked file in one transaction. Raises ValidationError when the file has errors
    or names still to decide, NetworkImportOutdatedError when the network changed since the
    preview was checked."""
    enforce(can_manage_stakeholders)
    if purpose not in IMPORT_BASES:
        raise ValidationError(_("Choose why the municipality holds these people's data."))
    with transaction.atomic():
        # Lock the network's organisations while the file is checked again and written.
        list(Organisation.objects.select_for_update().values_list("pk", flat=True))
        preview = check(sheet, sheet_digest=sheet_digest, choices=choices)
        if not preview.is_valid or preview.undecided:
            raise ValidationError(_("The file has problems or names still to decide."))
        if preview.fingerprint != expected_fingerprint:
            raise NetworkImportOutdatedError()
        return _apply(actor, preview, IMPORT_BASES[purpose], filename)


def _apply(
    actor: Any, preview: NetworkPreview, basis: tuple[Purpose, LawfulBasis, Any], filename: str
) -> NetworkImportResult:
    drafts: list[AuditDraft] = []
    now = timezone.now()

    # Organisations: the new ones in bulk, the changed ones one by one (a few at most).
    new = preview.organisations_of(Outcome.NEW)
    created = [
        Organisation(
            name=d.name,
            kind=d.kind or OrganisationKind.OTHER,
            website=d.website or "",
            notes=d.notes or "",
        )
        for d in new
    ]
    Organisation.objects.bulk_create(created, batch_size=BATCH_SIZE)
    organisation_of: dict[int, Organisation] = {}  # draft index → organisation
    links = []
    for draft, organisation in zip(new, created, strict=True):
        organisation_of[draft.index] = organisation
        themes = [preview.themes[t] for t in sorted(draft.themes)]
        links += [OrganisationTheme(organisation=organisation, theme=t) for t in themes]
        after = snapshot(organisation).merged(_themes_snapshot(themes))
        drafts.append(
            audit_draft(
                actor=actor,
                instance=organisation,
                action=AuditAction.CREATED,
                source=ChangeSource.IMPORT,
                changes=diff({}, after),
                after=after,
            )
        )
    linked = [d for d in preview.organisations if d.target is not None and d.root is d]
    existing = Organisation.objects.in_bulk([d.target.pk for d in linked if d.target])
    for draft in linked:
        assert draft.target is not None
        organisation = existing[draft.target.pk]
        organisation_of[draft.index] = organisation
        if draft.outcome != Outcome.UPDATED:
            continue
        old_themes = [preview.themes[t] for t in sorted(draft.target.themes)]
        before = snapshot(organisation).merged(_themes_snapshot(old_themes))
        for attribute in ("kind", "website", "notes"):
            if getattr(draft, attribute) is not None:
                setattr(organisation, attribute, getattr(draft, attribute))
        organisation.version += 1
        organisation.updated_at = now
        organisation.save(update_fields=["kind", "website", "notes", "version", "updated_at"])
        added = sorted(draft.themes - draft.target.themes)
        links += [OrganisationTheme(organisation=organisation, theme_id=t) for t in added]
        new_themes = [preview.themes[t] for t in sorted(draft.themes | draft.target.themes)]
        after = snapshot(organisation).merged(_themes_snapshot(new_themes))
        drafts.append(
            audit_draft(
                actor=actor,
                instance=organisation,
                action=AuditAction.UPDATED,
                source=ChangeSource.IMPORT,
                changes=diff(before, after),
                before=before,
                after=after,
            )
        )
    OrganisationTheme.objects.bulk_create(links, batch_size=BATCH_SIZE)

    def organisation_for(contact_draft: Any) -> Organisation | None:
        draft = contact_draft.organisation
        if draft is None or draft.root is None:
            return None
        return organisation_of[draft.root.index]

    # Contact persons, each new one with the lawful basis chosen for the import.
    purpose, lawful_basis, _label = basis
    note = _("Imported from %(file)s") % {"file": filename} if filename else _("Imported")
    new_contacts = preview.contacts_of(Outcome.NEW)
    people = [
        Contact(
            full_name=c.full_name,
            organisation=organisation_for(c),
            function=c.function or "",
            email=c.email or "",
            phone=c.phone or "",
            language=c.language or Language.NL,
        )
        for c in new_contacts
    ]
    Contact.objects.bulk_create(people, batch_size=BATCH_SIZE)
    today = date.today()
    bases = [
        ProcessingBasis(
            contact=person, purpose=purpose, basis=lawful_basis, since=today, note=note[:300]
        )
        for person in people
    ]
    changed = [c for c in preview.contacts if c.outcome == Outcome.UPDATED and c.existing]
    stored = Contact.objects.select_related("organisation").in_bulk(
        [c.existing.pk for c in changed if c.existing]
    )
    for person_draft in changed:
        assert person_draft.existing is not None
        person = stored[person_draft.existing.pk]
        before = snapshot(person)
        person.full_name = person_draft.full_name
        for attribute in ("function", "phone", "language"):
            if getattr(person_draft, attribute) is not None:
                setattr(person, attribute, getattr(person_draft, attribute))
        if person_draft.organisation is not None:
            person.organisation = organisation_for(person_draft)
        person.version += 1
        person.updated_at = now
        person.save(
            update_fields=[
                "full_name",
                "function",
                "phone",
                "language",
                "organisation",
                "version",
                "updated_at",
            ]
        )
        after = snapshot(person)
        drafts.append(
            audit_draft(
                actor=actor,
                instance=person,
                action=AuditAction.UPDATED,
                source=ChangeSource.IMPORT,
                changes=diff(before, after),
                before=before,
                after=after,
            )
        )
    # People already known get the import's basis too when they have none for its purpose.
    known = [c.existing.pk for c in preview.contacts if c.existing is not None]
    with_basis = set(
        ProcessingBasis.objects.filter(contact_id__in=known, purpose=purpose).values_list(
            "contact_id", flat=True
        )
    )
    for pk in sorted(set(known) - with_basis):
        bases.append(
            ProcessingBasis(
                contact_id=pk, purpose=purpose, basis=lawful_basis, since=today, note=note[:300]
            )
        )
    ProcessingBasis.objects.bulk_create(bases, batch_size=BATCH_SIZE)
    for person in people:
        after = snapshot(person)
        drafts.append(
            audit_draft(
                actor=actor,
                instance=person,
                action=AuditAction.CREATED,
                source=ChangeSource.IMPORT,
                changes=diff({}, after),
                after=after,
            )
        )
    for row in bases:
        after = snapshot(row)
        drafts.append(
            audit_draft(
                actor=actor,
                instance=row,
                action=AuditAction.CREATED,
                source=ChangeSource.IMPORT,
                changes=diff({}, after),
                after=after,
            )
        )
    audit_save(drafts=drafts, batch_size=BATCH_SIZE)
    return NetworkImportResult(
        organisations_created=len(created),
        organisations_updated=len(preview.organisations_of(Outcome.UPDATED)),
        contacts_created=len(people),
        contacts_updated=len(changed),
    )
