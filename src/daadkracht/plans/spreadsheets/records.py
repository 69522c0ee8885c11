"""The plan's actions and reference values as the spreadsheet columns read and compare them."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import QuerySet
from django.utils import translation

from daadkracht.plans.models import (
    Action,
    ActionDepartment,
    ActionStatus,
    ActionTag,
    ActionTheme,
    Plan,
    Tag,
    Theme,
)
from daadkracht.plans.selectors.themes import theme_tree
from daadkracht.plans.spreadsheets.cells import choice_lookup, normalise
from daadkracht.tenancy.models import Department
from daadkracht.tenancy.selectors import member_users
from daadkracht.tenancy.trash import live_only


@dataclass
class ActionRecord:
    """An action with the related rows its spreadsheet row shows."""

    action: Action
    themes: list[Theme] = field(default_factory=list)
    tags: list[Tag] = field(default_factory=list)
    involvements: list[ActionDepartment] = field(default_factory=list)
    # What other apps add for the export's information-only columns, by column key.
    extra: dict[str, Any] = field(default_factory=dict)


# Other apps register here what they add to the export (e.g. an action's partners): a function
# of the chosen actions' ids (a `values("pk")` queryset) → {action id: value}, one query each.
RecordExtra = Callable[[QuerySet[Any]], dict[int, Any]]
RECORD_EXTRAS: dict[str, RecordExtra] = {}


def register_record_extra(key: str, loader: RecordExtra) -> None:
    RECORD_EXTRAS[key] = loader


def action_records(
    queryset: QuerySet[Action], *, lock: bool = False, extras: bool = False
) -> list[ActionRecord]:
    """The actions, in the queryset's order, with their themes, tags and involved departments,
    in four queries (and one per registered extra, with `extras`).

    The related rows are read through the link tables directly: cheaper than a prefetch,
    which builds a scoped queryset per action.
    """
    chosen = queryset.values("pk")
    if lock:
        queryset = queryset.select_for_update(of=("self",))
    actions = list(queryset.select_related("status", "lead_department", "responsible"))
    records = {action.pk: ActionRecord(action) for action in actions}
    if not records:
        return []
    theme_links = ActionTheme.objects.filter(
        live_only("theme"), action_id__in=chosen
    ).select_related("theme__parent")
    for theme_link in theme_links:
        records[theme_link.action_id].themes.append(theme_link.theme)
    tag_links = ActionTag.objects.filter(action_id__in=chosen).select_related("tag")
    for tag_link in tag_links:
        records[tag_link.action_id].tags.append(tag_link.tag)
    involvements = (
        ActionDepartment.objects.filter(live_only("department"), action_id__in=chosen)
        .select_related("department")
        .order_by("pk")
    )
    for involvement in involvements:
        records[involvement.action_id].involvements.append(involvement)
    if extras:
        for key, loader in RECORD_EXTRAS.items():
            for action_id, value in loader(chosen).items():
                if action_id in records:
                    records[action_id].extra[key] = value
    return list(records.values())


class _LeaveEmpty:
    """Stands in the lookups for a name whose cells are left empty, as the user chose."""

    pk = None

    def __repr__(self) -> str:
        return "LEAVE_EMPTY"


LEAVE_EMPTY: Any = _LeaveEmpty()


class Lookups:
    """The plan's own values that cells are matched against, read once per file."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.departments = list(Department.objects.all())
        self.statuses = list(ActionStatus.objects.filter(plan=plan))
        self.themes = [node.theme for node in theme_tree(plan)]
        self.members = {normalise(u.email): u for u in member_users().only("id", "email")}
        self.tags = {normalise(t.name): t for t in Tag.objects.all()}
        # A trashed department is still known by name, so that an action it leads re-imports
        # unchanged; choosing it anew is an error (see `trashed_choice`).
        self.trashed_departments = list(Department.trash.all())
        known = [*self.trashed_departments, *self.departments]  # the live name wins
        self.department_by_name = {normalise(d.name): d for d in known}
        self.department_by_id = {d.pk: d for d in known}
        self.status_by_name = {normalise(s.name): s for s in self.statuses}
        # A status the plan kept from its start is known by its name in every language too
        # ("not started", "pas commencée"): lists are written in any of them.
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                for status in self.statuses:
                    self.status_by_name.setdefault(normalise(status.display_name), status)
        self.status_by_id = {s.pk: s for s in self.statuses}
        self.theme_by_id = {t.pk: t for t in self.themes}
        # A cell names a theme by its key (unique in the plan) or by its name; a name that more
        # than one theme carries means no theme (None), and the cell gets an error, not a guess.
        self.theme_by_key: dict[str, Theme | None] = {normalise(t.key): t for t in self.themes}
        named: dict[str, list[Theme]] = {}
        for theme in self.themes:
            named.setdefault(normalise(theme.name), []).append(theme)
        for name, themes in named.items():
            if name not in self.theme_by_key:
                self.theme_by_key[name] = themes[0] if len(themes) == 1 else None
        self.user_by_id = {u.pk: u for u in self.members.values()}
        # Themes and departments the user chose to create (placeholders with negative ids).
        self.to_create: list[Any] = []
        # Names a file gives as departments that are organisations outside the municipality:
        # kept as text with the action's responsible (normalised name → name as written).
        self.external_names: dict[str, str] = {}
        self._choices: dict[type[models.TextChoices], dict[str, str]] = {}

    def choices(self, choices: type[models.TextChoices]) -> dict[str, str]:
        if choices not in self._choices:
            self._choices[choices] = choice_lookup(choices)
        return self._choices[choices]

    @property
    def unknown_status(self) -> ActionStatus | None:
        """The status a new action gets when its row does not say one: the plan's first status
        meaning "unknown", never "not started", which would claim what the source does not."""
        unknown = [s for s in self.statuses if s.is_unknown]
        return min(unknown, key=lambda s: (s.position, s.pk), default=None)
