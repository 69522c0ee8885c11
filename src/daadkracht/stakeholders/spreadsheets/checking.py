"""Checking a network spreadsheet: what it would create or change, its row errors, and the
organisations it names that may already be in the network.

One read of the municipality's organisations, their themes, its contact persons and themes
serves every row: a check costs the same few queries for ten rows or five thousand.
"""

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

from daadkracht.common.sheets import Sheet
from daadkracht.plans.models import Theme
from daadkracht.stakeholders.models import (
    Contact,
    Language,
    Organisation,
    OrganisationKind,
    OrganisationTheme,
)
from daadkracht.stakeholders.spreadsheets.columns import (
    SPECS,
    Key,
    header_key,
    kind_of,
    language_of,
)
from daadkracht.stakeholders.spreadsheets.names import NameIndex, name_key, plain

NEW = "new"


@dataclass
class RowError:
    row: int
    column: str  # the column as the file names it ("C “E-mail”"), or "" for the whole file
    message: str


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class ExistingOrganisation:
    pk: int
    name: str
    kind: str
    website: str
    notes: str
    version: int
    themes: set[int] = field(default_factory=set)


@dataclass
class ExistingContact:
    pk: int
    full_name: str
    email: str
    organisation_id: int | None
    function: str
    phone: str
    language: str
    version: int


class Outcome(StrEnum):
    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    MERGED = "merged"  # the same organisation as another name in the file or the network
    UNDECIDED = "undecided"


@dataclass
class OrganisationDraft:
    """An organisation as the file names it, in one or more rows."""

    index: int
    key: str
    name: str
    rows: list[int]
    kind: str | None = None
    website: str | None = None
    notes: str | None = None
    themes: set[int] = field(default_factory=set)
    exact: list[ExistingOrganisation] = field(default_factory=list)
    similar: list[ExistingOrganisation] = field(default_factory=list)
    similar_in_file: list["OrganisationDraft"] = field(default_factory=list)
    choice: str = ""
    root: "OrganisationDraft | None" = None  # the draft whose organisation this one becomes
    target: ExistingOrganisation | None = None
    changes: list[Change] = field(default_factory=list)
    outcome: Outcome = Outcome.UNDECIDED

    @property
    def field_name(self) -> str:
        return f"organisation_{self.index}"

    @property
    def asks(self) -> bool:
        """Whether the preview asks what this name is: it resembles another one."""
        return bool(self.similar or self.similar_in_file or len(self.exact) > 1)

    @property
    def options(self) -> list[tuple[str, str]]:
        options = [
            (
                f"org-{existing.pk}",
                _("The existing organisation “%(name)s”") % {"name": existing.name},
            )
            for existing in [*self.exact, *self.similar]
        ]
        options += [
            (
                f"file-{other.index}",
                _("The same as “%(name)s” (row %(row)s of this file)")
                % {"name": other.name, "row": other.rows[0]},
            )
            for other in self.similar_in_file
        ]
        options.append((NEW, _("A new organisation")))
        return options

    @property
    def kind_label(self) -> str:
        kind = self.kind or (self.target.kind if self.target else OrganisationKind.OTHER)
        return str(dict(OrganisationKind.choices).get(kind, ""))

    @property
    def default_choice(self) -> str:
        if len(self.exact) == 1:
            return f"org-{self.exact[0].pk}"
        return "" if self.asks else NEW


@dataclass
class ContactDraft:
    row: int
    full_name: str
    organisation: OrganisationDraft | None
    function: str | None = None
    email: str | None = None
    phone: str | None = None
    language: str | None = None
    existing: ExistingContact | None = None
    changes: list[Change] = field(default_factory=list)

    @property
    def outcome(self) -> Outcome:
        if self.existing is None:
            return Outcome.NEW
        return Outcome.UPDATED if self.changes else Outcome.UNCHANGED


@dataclass
class NetworkPreview:
    organisations: list[OrganisationDraft]
    contacts: list[ContactDraft]
    errors: list[RowError]
    ignored_columns: list[str]
    unknown_kinds: dict[str, list[int]]
    themes: dict[int, Theme]
    fingerprint: str

    @property
    def is_valid(self) -> bool:
        return not self.errors

    @property
    def undecided(self) -> list[OrganisationDraft]:
        return [o for o in self.organisations if o.outcome == Outcome.UNDECIDED]

    @property
    def asked(self) -> list[OrganisationDraft]:
        return [o for o in self.organisations if o.asks]

    def organisations_of(self, outcome: Outcome) -> list[OrganisationDraft]:
        return [o for o in self.organisations if o.outcome == outcome]

    def contacts_of(self, outcome: Outcome) -> list[ContactDraft]:
        return [c for c in self.contacts if c.outcome == outcome]

    @property
    def counts(self) -> dict[str, int]:
        counts = {f"organisations_{o.value}": 0 for o in Outcome}
        counts.update({f"contacts_{o.value}": 0 for o in Outcome})
        for organisation in self.organisations:
            counts[f"organisations_{organisation.outcome.value}"] += 1
        for contact in self.contacts:
            counts[f"contacts_{contact.outcome.value}"] += 1
        return counts


class _Lookups:
    """The municipality's network and themes, read once."""

    def __init__(self) -> None:
        self.organisations = [
            ExistingOrganisation(**values)
            for values in Organisation.objects.order_by("pk").values(
                "pk", "name", "kind", "website", "notes", "version"
            )
        ]
        self.by_pk = by_pk = {o.pk: o for o in self.organisations}
        for organisation_id, theme_id in OrganisationTheme.objects.values_list(
            "organisation_id", "theme_id"
        ):
            if organisation_id in by_pk:
                by_pk[organisation_id].themes.add(theme_id)
        self.by_key: dict[str, list[ExistingOrganisation]] = {}
        self.index = NameIndex()
        for organisation in self.organisations:
            key = name_key(organisation.name)
            self.by_key.setdefault(key, []).append(organisation)
            self.index.add(key)
        self.contacts = [
            ExistingContact(**values)
            for values in Contact.objects.filter(erased_at__isnull=True)
            .order_by("pk")
            .values(
                "pk",
                "full_name",
                "email",
                "organisation_id",
                "function",
                "phone",
                "language",
                "version",
            )
        ]
        self.contact_by_email: dict[str, ExistingContact] = {}
        self.contact_by_name: dict[tuple[str, int | None], ExistingContact] = {}
        for contact in self.contacts:
            if contact.email:
                self.contact_by_email.setdefault(contact.email.lower(), contact)
            self.contact_by_name.setdefault(
                (plain(contact.full_name), contact.organisation_id), contact
            )
        self.themes = {theme.pk: theme for theme in Theme.objects.order_by("pk")}
        self.theme_by_words: dict[str, int] = {}
        for theme in self.themes.values():
            for words in (str(theme), theme.name, theme.code):
                if plain(words):
                    self.theme_by_words.setdefault(plain(words), theme.pk)

    def fingerprint(self, sheet_digest: str) -> str:
        """A digest of the network as the check saw it, to notice changes before the import."""
        digest = hashlib.sha256(sheet_digest.encode())
        for o in self.organisations:
            digest.update(repr((o.pk, o.version, o.name, sorted(o.themes))).encode())
        for c in self.contacts:
            digest.update(repr((c.pk, c.version, c.email, c.full_name)).encode())
        digest.update(repr(sorted((pk, str(t)) for pk, t in self.themes.items())).encode())
        return digest.hexdigest()


def _column_name(index: int, header: str) -> str:
    return f"{get_column_letter(index + 1)} “{header}”" if header else get_column_letter(index + 1)


def _columns(sheet: Sheet, errors: list[RowError]) -> tuple[dict[Key, int], list[str]]:
    """The column of every known field, and the names of the columns not imported."""
    found: list[tuple[int, Key | None]] = [
        (index, header_key(header)) for index, header in enumerate(sheet.headers)
    ]
    keys = {key for _index, key in found}
    # "Naam" next to a column for the organisation is the person's name; alone, the organisation's.
    name_means = Key.CONTACT if Key.ORGANISATION in keys else Key.ORGANISATION
    columns: dict[Key, int] = {}
    ignored: list[str] = []
    for index, key in found:
        if key == Key.NAME:
            key = name_means if name_means not in keys else None
        if key is None:
            if sheet.headers[index]:
                ignored.append(_column_name(index, sheet.headers[index]))
            continue
        if key == Key.IGNORED:
            continue
        if key in columns:
            errors.append(
                RowError(
                    1,
                    _column_name(index, sheet.headers[index]),
                    _("Two columns hold the same field: %(first)s and this one. Keep one.")
                    % {"first": _column_name(columns[key], sheet.headers[columns[key]])},
                )
            )
            continue
        columns[key] = index
    if Key.ORGANISATION not in columns and Key.CONTACT not in columns:
        errors.append(
            RowError(
                1,
                "",
                _(
                    "The first row names no column for the organisation or the contact person."
                    " Start from the template, or name the columns “Organisatie” and"
                    " “Contactpersoon”."
                ),
            )
        )
    return columns, ignored


_url = URLValidator()


def _website(text: str) -> str | None:
    if "://" not in text:
        text = f"https://{text}"
    try:
        _url(text)
    except ValidationError:
        return None
    return text


def check(
    sheet: Sheet, *, sheet_digest: str = "", choices: Mapping[str, str] | None = None
) -> NetworkPreview:
    """What importing `sheet` would do, with the user's `choices` for similar names (form field
    name → option); nothing is written."""
    lookups = _Lookups()
    errors: list[RowError] = []
    columns, ignored = _columns(sheet, errors)
    drafts: dict[str, OrganisationDraft] = {}
    contacts: list[ContactDraft] = []
    unknown_kinds: dict[str, list[int]] = {}
    seen_emails: dict[str, ContactDraft] = {}
    seen_people: set[tuple[str, str]] = set()
    file_index = NameIndex()
    if errors:
        columns = {}

    for row, cells in sheet.rows:
        values: dict[Key, str] = {}
        too_long = False
        for key, index in columns.items():
            text = cells[index].text if index < len(cells) else ""
            if len(text) > SPECS[key].max_length:
                errors.append(
                    RowError(
                        row,
                        _column_name(index, sheet.headers[index]),
                        _("This cell holds more than %(count)s characters.")
                        % {"count": SPECS[key].max_length},
                    )
                )
                too_long = True
            values[key] = " ".join(text.split()) if key != Key.NOTES else text.strip()

        if too_long:
            continue

        def error(key: Key, message: str, row: int = row) -> None:
            index = columns[key]
            errors.append(RowError(row, _column_name(index, sheet.headers[index]), message))

        organisation_name = values.get(Key.ORGANISATION, "")
        person = values.get(Key.CONTACT, "")
        if not organisation_name and not person:
            if any(values.values()):
                errors.append(
                    RowError(
                        row,
                        "",
                        _("This row names no organisation and no contact person."),
                    )
                )
            continue
        draft = None
        if organisation_name:
            draft = _organisation_row(
                row, organisation_name, values, drafts, lookups, file_index, error, unknown_kinds
            )
        elif any(values.get(k) for k in (Key.KIND, Key.WEBSITE, Key.THEMES, Key.NOTES)):
            error(
                Key.KIND if values.get(Key.KIND) else Key.WEBSITE,
                _("This row describes an organisation without naming it."),
            )
        contact_values = {k: values.get(k, "") for k in (Key.FUNCTION, Key.EMAIL, Key.PHONE)}
        if not person:
            if any(contact_values.values()):
                given = next(k for k, v in contact_values.items() if v)
                error(given, _("Give the name of the person these contact details belong to."))
            continue
        contact = ContactDraft(
            row,
            person,
            draft,
            function=contact_values[Key.FUNCTION] or None,
            phone=contact_values[Key.PHONE] or None,
        )
        email = contact_values[Key.EMAIL]
        if email:
            try:
                validate_email(email)
            except ValidationError:
                error(Key.EMAIL, _("“%(value)s” is not an e-mail address.") % {"value": email})
            else:
                contact.email = email
        language = values.get(Key.LANGUAGE, "")
        if language:
            found = language_of(language)
            if found is None:
                error(
                    Key.LANGUAGE,
                    _("“%(value)s” is not a language: write NL, FR, EN or DE.")
                    % {"value": language},
                )
            else:
                contact.language = found.value
        if contact.email:
            earlier = seen_emails.get(contact.email.lower())
            if earlier is not None:
                if plain(earlier.full_name) != plain(person):
                    error(
                        Key.EMAIL,
                        _("Row %(row)s gives this e-mail address to another person.")
                        % {"row": earlier.row},
                    )
                continue
            seen_emails[contact.email.lower()] = contact
        else:
            person_key = (plain(person), draft.key if draft else "")
            if person_key in seen_people:
                continue
            seen_people.add(person_key)
        contacts.append(contact)

    organisations = list(drafts.values())
    _resolve(organisations, choices or {})
    _organisation_changes(organisations, lookups)
    for contact in contacts:
        _contact_match(contact, lookups)
    return NetworkPreview(
        organisations=organisations,
        contacts=contacts,
        errors=sorted(errors, key=lambda e: e.row),
        ignored_columns=ignored,
        unknown_kinds=unknown_kinds,
        themes=lookups.themes,
        fingerprint=lookups.fingerprint(sheet_digest),
    )


def _organisation_row(
    row: int,
    name: str,
    values: dict[Key, str],
    drafts: dict[str, OrganisationDraft],
    lookups: _Lookups,
    file_index: NameIndex,
    error: Any,
    unknown_kinds: dict[str, list[int]],
) -> OrganisationDraft:
    key = name_key(name)
    draft = drafts.get(key)
    if draft is None:
        draft = OrganisationDraft(index=len(drafts), key=key, name=name, rows=[])
        exact = lookups.by_key.get(key, [])
        draft.exact = list(exact)
        draft.similar = [
            existing
            for other in lookups.index.similar_to(key)
            for existing in lookups.by_key[other]
        ]
        draft.similar_in_file = [drafts[other] for other in file_index.similar_to(key)]
        drafts[key] = draft
        file_index.add(key)
    draft.rows.append(row)

    def take(attribute: str, column: Key, value: str | None) -> None:
        if value is None:
            return
        current = getattr(draft, attribute)
        if current is None:
            setattr(draft, attribute, value)
        elif current != value:
            error(
                column,
                _("Row %(row)s gives this organisation another value here.")
                % {"row": draft.rows[0]},
            )

    kind_text = values.get(Key.KIND, "")
    if kind_text:
        kind = kind_of(kind_text)
        if kind is None:
            unknown_kinds.setdefault(kind_text, []).append(row)
        take("kind", Key.KIND, kind.value if kind else None)
    website_text = values.get(Key.WEBSITE, "")
    if website_text:
        website = _website(website_text)
        if website is None or len(website) > 200:
            error(Key.WEBSITE, _("“%(value)s” is not a web address.") % {"value": website_text})
        take("website", Key.WEBSITE, website)
    notes = values.get(Key.NOTES, "")
    if notes and draft.notes is None:
        draft.notes = notes
    for word in _theme_words(values.get(Key.THEMES, "")):
        theme_id = lookups.theme_by_words.get(plain(word))
        if theme_id is None:
            error(
                Key.THEMES,
                _("The plan has no theme “%(value)s”.") % {"value": word},
            )
        else:
            draft.themes.add(theme_id)
    return draft


def _theme_words(text: str) -> list[str]:
    for separator in (";", "\n", ","):
        if separator in text:
            return [word.strip() for word in text.split(separator) if word.strip()]
    return [text.strip()] if text.strip() else []


def _resolve(drafts: list[OrganisationDraft], choices: Mapping[str, str]) -> None:
    """Which organisation each name becomes: an existing one, another name of the file, a new
    one, or (for a similar name without a choice) still to be decided."""
    roots: dict[int, OrganisationDraft] = {}  # existing organisation id → the draft that holds it
    for draft in drafts:
        offered = {value for value, _label in draft.options}
        chosen = choices.get(draft.field_name, "")
        draft.choice = chosen if chosen in offered else draft.default_choice
        if draft.choice == NEW:
            draft.outcome = Outcome.NEW
            draft.root = draft
        elif draft.choice.startswith("org-"):
            pk = int(draft.choice[4:])
            draft.target = next(e for e in [*draft.exact, *draft.similar] if e.pk == pk)
            if pk in roots:
                draft.root = roots[pk]
                draft.outcome = Outcome.MERGED
            else:
                roots[pk] = draft.root = draft
                draft.outcome = Outcome.UNCHANGED  # or UPDATED, once its changes are known
        elif draft.choice.startswith("file-"):
            other = drafts[int(draft.choice[5:])]  # always an earlier name: already resolved
            draft.root = other.root
            draft.outcome = Outcome.MERGED if other.root else Outcome.UNDECIDED
        else:
            draft.outcome = Outcome.UNDECIDED
        if draft.outcome == Outcome.MERGED and draft.root is not None:
            root = draft.root
            root.rows.extend(draft.rows)
            for attribute in ("kind", "website", "notes"):
                if getattr(root, attribute) is None:
                    setattr(root, attribute, getattr(draft, attribute))
            root.themes |= draft.themes


def _organisation_changes(drafts: list[OrganisationDraft], lookups: _Lookups) -> None:
    kinds = dict(OrganisationKind.choices)
    for draft in drafts:
        target = draft.target
        if target is None or draft.root is not draft:
            continue
        changes = []
        if draft.kind is not None and draft.kind != target.kind:
            changes.append(
                Change(_("Type"), str(kinds.get(target.kind, "")), str(kinds[draft.kind]))
            )
        if draft.website is not None and draft.website != target.website:
            changes.append(Change(_("Website"), target.website, draft.website))
        if draft.notes is not None and draft.notes != target.notes:
            changes.append(Change(_("Notes"), target.notes, draft.notes))
        added = draft.themes - target.themes
        if added:
            changes.append(
                Change(
                    _("Themes"),
                    ", ".join(str(lookups.themes[t]) for t in sorted(target.themes)),
                    ", ".join(str(lookups.themes[t]) for t in sorted(target.themes | added)),
                )
            )
        draft.changes = changes
        draft.outcome = Outcome.UPDATED if changes else Outcome.UNCHANGED


def _contact_match(contact: ContactDraft, lookups: _Lookups) -> None:
    """The same e-mail address in the network is the same person; without an address, the same
    name at the same organisation."""
    root = contact.organisation.root if contact.organisation else None
    organisation_id = root.target.pk if root and root.target else None
    existing = None
    if contact.email:
        existing = lookups.contact_by_email.get(contact.email.lower())
    elif root is None or root.target is not None:
        existing = lookups.contact_by_name.get((plain(contact.full_name), organisation_id))
    contact.existing = existing
    if existing is None:
        return
    languages = dict(Language.choices)
    changes = []
    if contact.full_name != existing.full_name:
        changes.append(Change(_("Name"), existing.full_name, contact.full_name))
    for label, new, old in (
        (_("Function"), contact.function, existing.function),
        (_("Phone"), contact.phone, existing.phone),
    ):
        if new is not None and new != old:
            changes.append(Change(label, old, new))
    if contact.language is not None and contact.language != existing.language:
        changes.append(
            Change(
                _("Preferred language"),
                str(languages.get(existing.language, "")),
                str(languages[contact.language]),
            )
        )
    if root is not None and (root.target is None or root.target.pk != existing.organisation_id):
        previous = lookups.by_pk.get(existing.organisation_id or 0)
        old_name = previous.name if previous else ""
        new_name = root.target.name if root.target else root.name
        changes.append(Change(_("Organisation"), old_name, new_name))
    contact.changes = changes
