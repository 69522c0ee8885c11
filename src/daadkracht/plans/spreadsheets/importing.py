"""Importing actions from an XLSX or CSV file: read it, check every row against the plan, show
what would change, and apply everything at once — or nothing.

A row whose identifier exists in the plan updates that action, so that an exported file can be
edited and imported again; other rows add actions. Columns left out of the file are not touched,
and actions left out of the file are never deleted. A new action whose row gives no status gets
the plan's "unknown" status; whether it is mitigation or adaptation, when its row does not say,
is chosen once for the whole import (see `kinds`).
"""

import hashlib
import time
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from daadkracht.common.sheets import RawCell
from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import (
    AuditDraft,
    RelatedIds,
    Snapshot,
    audit_draft,
    audit_record,
    audit_save,
    diff,
    snapshot,
)
from daadkracht.plans.models import (
    Action,
    ActionDepartment,
    ActionTag,
    ActionTheme,
    DepartmentRole,
    Plan,
    Tag,
    Theme,
    UpdateSource,
)
from daadkracht.plans.policies import can_manage_plan
from daadkracht.plans.selectors.themes import in_tree_order
from daadkracht.plans.services.plan import theme_create
from daadkracht.plans.services.updates import Course, timeline_changes_record
from daadkracht.plans.spreadsheets.cells import (
    KEEP,
    CellError,
    choice_labels,
    normalise,
)
from daadkracht.plans.spreadsheets.columns import COLUMNS_BY_KEY, RELATION_KEYS, Column
from daadkracht.plans.spreadsheets.columns.values import NOTE_LENGTH
from daadkracht.plans.spreadsheets.errors import ErrorGroup, ErrorGroups
from daadkracht.plans.spreadsheets.extras import IMPORT_EXTRAS, ExtraOutcome, extra_outcomes
from daadkracht.plans.spreadsheets.kinds import KindChoice, kind_for_new_action, theme_kinds
from daadkracht.plans.spreadsheets.missing import Kind, apply_resolutions, cell_names
from daadkracht.plans.spreadsheets.reading import Table
from daadkracht.plans.spreadsheets.records import ActionRecord, Lookups, action_records
from daadkracht.tenancy.models import Department
from daadkracht.tenancy.policies import enforce
from daadkracht.tenancy.services import department_create
from daadkracht.tenancy.trash import live_only

BATCH_SIZE = 500


class ImportOutdatedError(Exception):
    """The plan's actions changed between the preview and the confirmation."""


# Checking the rows ------------------------------------------------------------------------------


class RowKind(StrEnum):
    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass
class Change:
    column: Column
    old: str
    new: str


@dataclass
class RowPlan:
    """What one valid row will do."""

    row: int
    identifier: str
    title: str
    values: dict[str, Any]
    record: ActionRecord | None = None
    changes: list[Change] = field(default_factory=list)
    created: Action | None = None
    # A new row: its status and kind as the preview shows them, and where they come from.
    status_text: str = ""
    status_unknown: bool = False  # the row gave no status: the plan's "unknown" one
    kind_text: str = ""
    kind_chosen: bool = False  # the row gave no kind: the import's choice

    @property
    def action(self) -> Action | None:
        """The existing action the row updates, or the one it created."""
        return self.record.action if self.record else self.created

    @property
    def kind(self) -> RowKind:
        if self.record is None:
            return RowKind.NEW
        return RowKind.UPDATED if self.changes else RowKind.UNCHANGED


@dataclass
class ImportPreview:
    """The outcome of checking a file: the rows' plans, or the errors, and a fingerprint."""

    rows: list[RowPlan]
    errors: list[str]
    columns: list[Column]
    new_tags: list[str]
    fingerprint: str
    seconds: float = 0.0
    # Themes and departments the import creates (placeholders until it is written).
    to_create: list[Any] = field(default_factory=list)
    # The errors once per kind, each with all its rows.
    error_groups: list[ErrorGroup] = field(default_factory=list)
    # Mitigation or adaptation of the new rows that do not say it (see `kinds`).
    kind_choice: KindChoice = KindChoice.THEME
    # Columns other apps read and write (see `extras`), checked, by column key.
    extras: dict[str, ExtraOutcome] = field(default_factory=dict)

    @property
    def extra_notes(self) -> list[str]:
        return [note for outcome in self.extras.values() for note in outcome.notes]

    @property
    def extra_questions(self) -> int:
        """How many choices the user made for the columns other apps read."""
        return sum(len(outcome.questions) for outcome in self.extras.values())

    @property
    def has_kind_column(self) -> bool:
        return any(column.key == "com_kind" for column in self.columns)

    @property
    def kind_chosen_rows(self) -> int:
        """New rows whose kind comes from the import's choice."""
        return sum(row.kind_chosen for row in self.rows if row.kind == RowKind.NEW)

    @property
    def unknown_status_rows(self) -> int:
        """New rows that get the "unknown" status."""
        return sum(row.status_unknown for row in self.rows if row.kind == RowKind.NEW)

    @property
    def is_valid(self) -> bool:
        return not self.errors

    def of_kind(self, kind: RowKind) -> list[RowPlan]:
        return [row for row in self.rows if row.kind == kind]

    @property
    def counts(self) -> dict[str, int]:
        return {kind.value: len(self.of_kind(kind)) for kind in RowKind}


def check(
    table: Table,
    plan: Plan,
    *,
    lock: bool = False,
    resolutions: dict[str, list[str]] | None = None,
    kind: KindChoice = KindChoice.THEME,
) -> tuple[ImportPreview, Lookups]:
    """Check every row and work out what importing it would change; writes nothing.

    `resolutions` say what to do with themes and departments the plan does not have yet
    (see `missing`): those to create are created only when the import is written. `kind` is
    what new rows without mitigation or adaptation of their own get."""
    started = time.perf_counter()
    lookups = Lookups(plan)
    apply_resolutions(lookups, plan, resolutions or {})
    kinds = theme_kinds(plan, lookups.themes) if kind == KindChoice.THEME else {}
    by_identifier: dict[str, ActionRecord] = {}
    for record in action_records(Action.objects.filter(plan=plan), lock=lock):
        by_identifier.setdefault(record.action.identifier, record)
        by_identifier.setdefault(normalise(record.action.identifier), record)
    present = table.present
    errors: list[str] = []
    groups = ErrorGroups()
    rows: list[RowPlan] = []
    first_row: dict[str, int] = {}
    existing: dict[int, int] = {}  # row number → the action it updates
    for number, cells in table.rows:
        values: dict[str, Any] = {}
        row_errors: list[CellError] = []
        for column, raw in zip(table.columns, cells, strict=True):
            if column is None or not column.importable or column.key in IMPORT_EXTRAS:
                continue
            try:
                values[column.key] = column.parse(raw, lookups)
            except CellError as error:
                row_errors.append(error)
        if lookups.external_names:
            _keep_external_names(table, cells, values, lookups)
        identifier = values.get("identifier", "")
        matched = None
        if identifier:
            matched = by_identifier.get(identifier) or by_identifier.get(normalise(identifier))
        row_errors = (
            _row_errors(number, identifier, values, matched, lookups, first_row) + row_errors
        )
        new_row: dict[str, Any] = {}
        if matched is None:
            new_row = _new_row_defaults(values, lookups, kind, kinds, row_errors)
        if identifier:
            first_row.setdefault(normalise(identifier), number)
        if matched is not None:
            existing[number] = matched.action.pk
        if row_errors:
            for problem in row_errors:
                errors.append(problem.format(number))
                groups.add(number, problem)
            continue
        plan_row = RowPlan(number, identifier, values.get("title", ""), values, matched, **new_row)
        if matched is not None:
            plan_row.identifier = matched.action.identifier
            plan_row.changes = _changes(matched, values, present, lookups)
        rows.append(plan_row)
    extras, wrong = _check_extras(table, resolutions or {}, existing, errors, groups)
    if extras:
        rows = _with_extra_changes(rows, extras, wrong)
    new_tags = sorted(
        {
            normalise(name): name
            for row in rows
            for name in row.values.get("tags", ())
            if normalise(name) not in lookups.tags
        }.values(),
        key=normalise,
    )
    if not errors:
        _assign_identifiers(rows, plan, lookups)
    preview = ImportPreview(
        rows, errors, present, new_tags, _fingerprint(rows, extras), kind_choice=kind
    )
    preview.extras = extras
    preview.error_groups = groups.groups()
    preview.to_create = list(lookups.to_create)
    preview.seconds = time.perf_counter() - started
    return preview, lookups


def _check_extras(
    table: Table,
    resolutions: dict[str, list[str]],
    existing: dict[int, int],
    errors: list[str],
    groups: ErrorGroups,
) -> tuple[dict[str, ExtraOutcome], set[int]]:
    """The columns other apps read (see `extras`), with their row errors added; a question
    not yet answered is an error of each of its rows, so that nothing is written without it."""
    extras = extra_outcomes(table, resolutions, existing)
    wrong: set[int] = set()
    for outcome in extras.values():
        problems = list(outcome.errors)
        for question in outcome.unresolved():
            problem = CellError(
                _("Row %(row)s: choose first what the import does with “%(value)s”."),
                value=question.name,
            )
            problems += [(number, problem) for number in question.rows]
        for number, problem in sorted(problems, key=lambda item: item[0]):
            errors.append(problem.format(number))
            groups.add(number, problem)
            wrong.add(number)
    return extras, wrong


def _with_extra_changes(
    rows: list["RowPlan"], extras: dict[str, ExtraOutcome], wrong: set[int]
) -> list["RowPlan"]:
    """The valid rows without those an extra column found wrong, each existing one with the
    changes of the extra columns."""
    kept = [row for row in rows if row.row not in wrong]
    for row in kept:
        if row.record is None:
            continue
        for key, outcome in extras.items():
            if row.row in outcome.changes:
                old, new = outcome.changes[row.row]
                row.changes.append(Change(COLUMNS_BY_KEY[key], old, new))
    return kept


def _keep_external_names(
    table: Table, cells: list[RawCell], values: dict[str, Any], lookups: Lookups
) -> None:
    """Organisations outside the municipality that a row names as its department or among the
    involved ones ("imec") are kept as text with its responsible, beside a name given there."""
    names: list[str] = []
    for column, raw in zip(table.columns, cells, strict=True):
        for kind, written in cell_names(column.key, raw.text) if column is not None else []:
            name = lookups.external_names.get(normalise(written))
            if kind == Kind.DEPARTMENT and name and name not in names:
                names.append(name)
    if not names:
        return
    given = values.get("responsible")
    member, note = given if isinstance(given, tuple) else (None, "")
    kept = dict.fromkeys(part for part in [note, *names] if part)
    values["responsible"] = (member, ", ".join(kept)[:NOTE_LENGTH])


def _new_row_defaults(
    values: dict[str, Any],
    lookups: Lookups,
    kind: KindChoice,
    kinds: dict[int, str],
    row_errors: list[CellError],
) -> dict[str, Any]:
    """Fill in the status and the kind of a new row that does not give them; say how, for the
    preview (or add an error when the plan has no "unknown" status to give)."""
    shown: dict[str, Any] = {}
    if values.get("status", KEEP) is KEEP:
        unknown = lookups.unknown_status
        if unknown is None:
            row_errors.append(
                CellError(
                    _(
                        "Row %(row)s: the status is empty and the plan has no status meaning"
                        " “unknown” to give it; fill in a status, or add a status with that"
                        " meaning in the plan settings."
                    )
                )
            )
        else:
            values["status"] = unknown.pk
            shown["status_unknown"] = True
    if values.get("com_kind", KEEP) is KEEP:
        values["com_kind"] = kind_for_new_action(
            kind, values.get("themes", ()), lookups.theme_by_id, kinds
        )
        shown["kind_chosen"] = True
    status = lookups.status_by_id.get(values.get("status"))
    shown["status_text"] = status.name if status else ""
    shown["kind_text"] = COLUMNS_BY_KEY["com_kind"].display(values["com_kind"], lookups)
    return shown


def _assign_identifiers(rows: list[RowPlan], plan: Plan, lookups: Lookups) -> None:
    """New rows without an identifier get the next free one of their first theme (B3.07), or of
    the plan (A.12) when the theme has no code; the preview shows them."""
    # Trashed actions keep their identifier, so that restoring one never clashes.
    stored = [
        *Action.objects.filter(plan=plan).values_list("identifier", flat=True),
        *Action.trash.filter(plan=plan).values_list("identifier", flat=True),
    ]
    taken = {normalise(identifier) for identifier in stored} | {
        normalise(row.identifier) for row in rows if row.identifier
    }
    next_number: dict[str, int] = {}
    for row in rows:
        if row.identifier or row.record is not None:
            continue
        themes = [lookups.theme_by_id[pk] for pk in row.values.get("themes", ())]
        themes.sort(key=lambda t: (t.position, t.pk))
        prefix = themes[0].code if themes and themes[0].code else "A"
        number = next_number.get(prefix, 1)
        while normalise(f"{prefix}.{number:02d}") in taken:
            number += 1
        row.identifier = f"{prefix}.{number:02d}"
        row.values["identifier"] = row.identifier
        taken.add(normalise(row.identifier))
        next_number[prefix] = number + 1


def _row_errors(
    number: int,
    identifier: str,
    values: dict[str, Any],
    record: ActionRecord | None,
    lookups: Lookups,
    first_row: dict[str, int],
) -> list[CellError]:
    action = record.action if record else None
    errors: list[CellError] = []
    if identifier and normalise(identifier) in first_row:
        errors.append(
            CellError(
                _(
                    "Row %(row)s: the identifier “%(value)s” is used in row %(first)s too;"
                    " an action can appear only once."
                ),
                value=identifier,
                first=first_row[normalise(identifier)],
            )
        )
    if ("title" in values or record is None) and not values.get("title"):
        errors.append(CellError(_("Row %(row)s: the title is empty; every action needs one.")))
    start = values.get("start_date", action.start_date if action else None)
    deadline = values.get("deadline", action.deadline if action else None)
    if start and deadline and deadline < start:
        errors.append(
            CellError(
                _("Row %(row)s: the deadline %(deadline)s comes before the start date %(start)s."),
                deadline=deadline.strftime("%d/%m/%Y"),
                start=start.strftime("%d/%m/%Y"),
            )
        )
    lead = values.get("lead_department", action.lead_department_id if action else None)
    trashed = {d.pk for d in lookups.trashed_departments}
    current_lead = action.lead_department_id if action else None
    chosen: set[int] = {lead} if lead is not None and lead != current_lead else set()
    chosen |= set(dict(values.get("involvements", ()))) - {
        i.department_id for i in (record.involvements if record else [])
    }
    for department_id in sorted(chosen & trashed):
        errors.append(
            CellError(
                _(
                    "Row %(row)s: the department %(department)s is in the trash; restore it"
                    " first or choose another one."
                ),
                department=lookups.department_by_id[department_id].name,
            )
        )
    if "involvements" in values:
        involved = dict(values["involvements"])
    elif record is not None:
        involved = {i.department_id: i.role for i in record.involvements}
    else:
        involved = {}
    if lead is not None and lead in involved:
        errors.append(
            CellError(
                _(
                    "Row %(row)s: %(department)s leads the action; do not list it again as an"
                    " involved department."
                ),
                department=lookups.department_by_id[lead].name,
            )
        )
    return errors


def _changes(
    record: ActionRecord, values: dict[str, Any], present: list[Column], lookups: Lookups
) -> list[Change]:
    changes = []
    for column in present:
        if column.key not in values:
            continue  # a column another app reads (see `extras`)
        new = values[column.key]
        if new is KEEP:
            continue
        old = column.current(record)
        if old != new and not (old is None and new == "") and not (old == "" and new is None):
            changes.append(
                Change(column, column.display(old, lookups), column.display(new, lookups))
            )
    return changes


def _fingerprint(rows: list[RowPlan], extras: dict[str, ExtraOutcome] | None = None) -> str:
    """A digest of exactly what will be written, to notice changes made after the preview."""
    digest = hashlib.sha256()
    for key, outcome in sorted((extras or {}).items()):
        digest.update(repr((key, outcome.fingerprint)).encode())
    for row in rows:
        if row.record is None:
            digest.update(repr(("new", row.identifier, sorted(row.values.items()))).encode())
        else:
            changes = [(c.column.key, c.old, c.new) for c in row.changes]
            digest.update(repr(("existing", row.record.action.pk, changes)).encode())
    return digest.hexdigest()


# Applying --------------------------------------------------------------------------------------


@dataclass
class ImportResult:
    created: int
    updated: int
    unchanged: int
    seconds: float


def actions_import(
    *,
    actor: Any,
    plan: Plan,
    table: Table,
    expected_fingerprint: str,
    resolutions: dict[str, list[str]] | None = None,
    kind: KindChoice = KindChoice.THEME,
) -> ImportResult:
    """Apply a checked file in one transaction: every row, or nothing.

    The table, as read for the preview, is checked again under a lock; if the outcome differs
    from the preview the user confirmed (someone changed the actions meanwhile),
    ImportOutdatedError is raised and nothing is written.
    """
    enforce(can_manage_plan)
    started = time.perf_counter()
    with transaction.atomic():
        preview, lookups = check(table, plan, lock=True, resolutions=resolutions, kind=kind)
        if not preview.is_valid:
            raise ValidationError(preview.errors)
        if preview.fingerprint != expected_fingerprint:
            raise ImportOutdatedError()
        _apply(actor=actor, plan=plan, preview=preview, lookups=lookups)
    counts = preview.counts
    return ImportResult(
        created=counts[RowKind.NEW],
        updated=counts[RowKind.UPDATED],
        unchanged=counts[RowKind.UNCHANGED],
        seconds=time.perf_counter() - started,
    )


def _apply(*, actor: Any, plan: Plan, preview: ImportPreview, lookups: Lookups) -> None:
    """Write every row with a fixed number of statements per batch, not one per action.

    The actions are locked since they were checked, so versions cannot move underneath: each
    changed action simply gets the next version, which makes edit forms opened before the
    import report a conflict instead of undoing it.
    """
    _create_missing(actor=actor, plan=plan, preview=preview, lookups=lookups)
    tags = _ensure_tags(actor=actor, plan=plan, preview=preview, lookups=lookups)
    now = timezone.now()
    new_rows = preview.of_kind(RowKind.NEW)
    created = []
    for row in new_rows:
        # `check` gave every new row a status: its own, or the plan's "unknown" one.
        action = Action(municipality_id=plan.municipality_id, plan=plan)
        _set_fields(action, row.values, lookups)
        created.append(action)
    Action.objects.bulk_create(created, batch_size=BATCH_SIZE)
    for row, action in zip(new_rows, created, strict=True):
        row.created = action
    # Rows whose only changes are in columns other apps write (partners) leave the action row,
    # its version and its history alone: those apps record their own changes.
    updated_rows = [
        row
        for row in preview.of_kind(RowKind.UPDATED)
        if any(change.column.key not in IMPORT_EXTRAS for change in row.changes)
    ]
    befores = {}
    courses = []
    changed_fields = {"version", "updated_at"}
    for row in updated_rows:
        assert row.record is not None
        action = row.record.action
        befores[action.pk] = (snapshot(action), _related_text(lookups, record=row.record))
        courses.append((action, Course.of(action)))
        fields = [
            c.column.key
            for c in row.changes
            if c.column.key not in RELATION_KEYS and c.column.key not in IMPORT_EXTRAS
        ]
        _set_fields(action, {key: row.values[key] for key in fields}, lookups)
        action.version += 1
        action.updated_at = now
        changed_fields.update(fields)
        changed_fields.update(_note_fields(fields))
    Action.objects.bulk_update(
        [row.record.action for row in updated_rows if row.record],
        sorted(changed_fields),
        batch_size=BATCH_SIZE,
    )
    timeline_changes_record(actor=actor, source=UpdateSource.IMPORT, changes=courses)
    _write_relations(new_rows, updated_rows, tags)
    drafts = [
        _history_entry(actor, row.created, AuditAction.CREATED, lookups, row.values, tags)
        for row in new_rows
        if row.created
    ] + [
        _history_entry(
            actor,
            row.record.action,
            AuditAction.UPDATED,
            lookups,
            row.values,
            tags,
            *befores[row.record.action.pk],
        )
        for row in updated_rows
        if row.record
    ]
    audit_save(drafts=drafts, batch_size=BATCH_SIZE)
    written = {row.row: row.action for row in preview.rows if row.action is not None}
    for key, outcome in preview.extras.items():
        IMPORT_EXTRAS[key].apply(actor, outcome, written)


def _create_missing(*, actor: Any, plan: Plan, preview: ImportPreview, lookups: Lookups) -> None:
    """Create the themes and departments the user chose to create, and put their real ids in
    the rows where their placeholders stood."""
    real: dict[int, int] = {}
    for placeholder in lookups.to_create:
        if isinstance(placeholder, Theme):
            made: Any = theme_create(
                actor=actor, plan=plan, name=placeholder.name, source=ChangeSource.IMPORT
            )
            lookups.theme_by_id[made.pk] = made
        else:
            made = department_create(
                actor=actor,
                municipality=plan.municipality,
                name=placeholder.name,
                source=ChangeSource.IMPORT,
            )
            lookups.department_by_id[made.pk] = made
        real[placeholder.pk] = made.pk
    if not real:
        return
    for row in preview.rows:
        values = row.values
        if "themes" in values:
            values["themes"] = tuple(real.get(pk, pk) for pk in values["themes"])
        if values.get("lead_department") in real:
            values["lead_department"] = real[values["lead_department"]]
        if "involvements" in values:
            values["involvements"] = tuple(
                (real.get(pk, pk), role) for pk, role in values["involvements"]
            )


def _ensure_tags(
    *, actor: Any, plan: Plan, preview: ImportPreview, lookups: Lookups
) -> dict[str, Tag]:
    tags = dict(lookups.tags)
    new = Tag.objects.bulk_create(
        Tag(municipality_id=plan.municipality_id, name=name) for name in preview.new_tags
    )
    for tag in new:
        tags[normalise(tag.name)] = tag
        audit_record(
            actor=actor, instance=tag, action=AuditAction.CREATED, source=ChangeSource.IMPORT
        )
    return tags


def _set_fields(action: Action, values: dict[str, Any], lookups: Lookups) -> None:
    for key, given in values.items():
        if given is KEEP or key in RELATION_KEYS:
            continue
        value = given
        note_field = _note_field(key)
        if note_field is not None:
            value, note = given
            setattr(action, note_field, note)
        if key == "status":
            action.status = lookups.status_by_id[value]
        elif key == "lead_department":
            action.lead_department = lookups.department_by_id.get(value)
        elif key == "responsible":
            action.responsible = lookups.user_by_id.get(value)
        elif key == "co_benefits":
            action.co_benefits = list(value)
        else:
            setattr(action, key, value)


def _note_field(key: str) -> str | None:
    """The field that keeps a column's text as the source says it, beside its value, if any."""
    return getattr(COLUMNS_BY_KEY.get(key), "note_field", None)


def _note_fields(keys: list[str]) -> list[str]:
    return [field for field in map(_note_field, keys) if field]


def _saved(row: "RowPlan") -> Action:
    """The action a row was written to (rows are written before their relations)."""
    assert row.action is not None
    return row.action


def _write_relations(
    new_rows: list[RowPlan], updated_rows: list[RowPlan], tags: dict[str, Tag]
) -> None:
    """Themes, tags and involved departments of all rows, in a few bulk statements."""
    replaced: dict[str, list[int]] = {key: [] for key in RELATION_KEYS}
    for row in updated_rows:
        for change in row.changes:
            if change.column.key in RELATION_KEYS:
                assert row.action is not None
                replaced[change.column.key].append(row.action.pk)
    writes: dict[str, list[RowPlan]] = {
        key: [row for row in new_rows if key in row.values]
        + [row for row in updated_rows if row.action and row.action.pk in replaced[key]]
        for key in RELATION_KEYS
    }
    ActionTheme.objects.filter(action_id__in=replaced["themes"]).delete()
    ActionTag.objects.filter(action_id__in=replaced["tags"]).delete()
    ActionDepartment.objects.filter(
        live_only("department"), action_id__in=replaced["involvements"]
    ).delete()
    ActionTheme.objects.bulk_create(
        ActionTheme(
            municipality_id=_saved(row).municipality_id, action_id=_saved(row).pk, theme_id=theme_id
        )
        for row in writes["themes"]
        for theme_id in row.values["themes"]
    )
    ActionTag.objects.bulk_create(
        ActionTag(
            municipality_id=_saved(row).municipality_id,
            action_id=_saved(row).pk,
            tag_id=tags[normalise(name)].pk,
        )
        for row in writes["tags"]
        for name in row.values["tags"]
    )
    ActionDepartment.objects.bulk_create(
        ActionDepartment(
            municipality_id=_saved(row).municipality_id,
            action=_saved(row),
            department_id=department_id,
            role=role,
        )
        for row in writes["involvements"]
        for department_id, role in row.values["involvements"]
    )


def _related_text(
    lookups: Lookups,
    *,
    record: ActionRecord | None = None,
    values: dict[str, Any] | None = None,
    tags: dict[str, Tag] | None = None,
) -> Snapshot:
    """Themes, tags and involved departments as the history shows them elsewhere, with ids."""
    roles = choice_labels(DepartmentRole)
    if record is not None:
        themes = [t.pk for t in record.themes]
        tag_rows = list(record.tags)
        involved = [(i.department_id, i.role) for i in record.involvements]
    else:
        values = values or {}
        themes = list(values.get("themes", ()))
        known = tags or {}
        tag_rows = [known[normalise(name)] for name in values.get("tags", ())]
        involved = list(values.get("involvements", ()))
    theme_rows = in_tree_order(
        (lookups.theme_by_id[pk] for pk in themes if pk in lookups.theme_by_id),
        lookups.theme_by_id,
    )
    tag_rows.sort(key=lambda t: t.name)
    departments = sorted(
        (lookups.department_by_id[pk].name, roles.get(role, role), pk)
        for pk, role in involved
        if pk in lookups.department_by_id
    )
    return Snapshot(
        {
            "themes": ", ".join(str(t) for t in theme_rows),
            "tags": ", ".join(t.name for t in tag_rows),
            "involvements": ", ".join(f"{name} ({role})" for name, role, _pk in departments),
        },
        {
            "themes": RelatedIds(Theme, tuple(str(t.pk) for t in theme_rows)),
            "tags": RelatedIds(Tag, tuple(str(t.pk) for t in tag_rows)),
            "involvements": RelatedIds(Department, tuple(str(pk) for _n, _r, pk in departments)),
        },
    )


def _history_entry(
    actor: Any,
    action: Action,
    kind: AuditAction,
    lookups: Lookups,
    values: dict[str, Any],
    tags: dict[str, Tag],
    before: Snapshot | None = None,
    related_before: Snapshot | None = None,
) -> AuditDraft:
    """The history entry `audit_record` would write, with the themes, tags and departments the
    action service records too; unsaved, so that all entries of an import go in at once."""
    fields_after = snapshot(action)
    changes = diff(before or {}, fields_after)
    after = _related_text(lookups, values=values, tags=tags)
    old = related_before or Snapshot()
    changes.update(
        {
            key: [old.get(key, ""), text]
            for key, text in after.items()
            if (key in values or kind == AuditAction.CREATED) and old.get(key, "") != text
        }
    )
    return audit_draft(
        actor=actor,
        instance=action,
        action=kind,
        source=ChangeSource.IMPORT,
        changes=changes,
        before=(before or Snapshot()).merged(old),
        after=fields_after.merged(after),
    )
