"""Roles in a municipality and what each may do."""

from enum import StrEnum
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    EDITOR = "editor", _("Editor")
    VIEWER = "viewer", _("Viewer")
    COACH = "coach", _("Coach")


class Permission(StrEnum):
    VIEW_INTERNAL = "view_internal"
    EDIT_OWN_DEPARTMENT = "edit_own_department"
    EDIT_ALL = "edit_all"
    EDIT_TRAJECTORY = "edit_trajectory"
    MANAGE_MEMBERS = "manage_members"
    MANAGE_DEPARTMENTS = "manage_departments"
    VIEW_HISTORY = "view_history"
    # Criteria and weights, scoring rounds (the workshop) and every action's scores.
    MANAGE_PRIORITISATION = "manage_prioritisation"
    # Collaboration diagnosis rounds: sending them, reminding, closing, and reading the answers.
    MANAGE_DIAGNOSIS = "manage_diagnosis"
    # Planning meetings and their invitations, and making work agreements for any department.
    MANAGE_MEETINGS = "manage_meetings"
    # Contact persons of the network: reading and changing their personal data, their lawful
    # bases and consents, exporting and erasing everything about a person.
    MANAGE_STAKEHOLDERS = "manage_stakeholders"


ROLE_PERMISSIONS: dict[str, frozenset[Permission]] = {
    Role.COORDINATOR: frozenset(Permission),
    Role.EDITOR: frozenset({Permission.VIEW_INTERNAL, Permission.EDIT_OWN_DEPARTMENT}),
    Role.VIEWER: frozenset({Permission.VIEW_INTERNAL}),
    Role.COACH: frozenset(
        {
            Permission.VIEW_INTERNAL,
            Permission.EDIT_TRAJECTORY,
            Permission.VIEW_HISTORY,
            Permission.MANAGE_PRIORITISATION,
            Permission.MANAGE_DIAGNOSIS,
            Permission.MANAGE_MEETINGS,
        }
    ),
}

# An editor edits the actions of their own department: without one there is nothing to edit.
EDITOR_NEEDS_DEPARTMENT = _(
    "An editor edits the actions of their own department, so choose that department. Someone "
    "who only needs to read the plan can be invited as a viewer."
)


def needs_department(role: str, department: object | None) -> bool:
    """Whether a membership with `role` lacks the department it cannot work without."""
    return role == Role.EDITOR and department is None


ROLE_DESCRIPTIONS: dict[str, Any] = {
    Role.COORDINATOR: _("runs the plan and manages members and departments"),
    Role.EDITOR: _("edits what belongs to their department"),
    Role.VIEWER: _("reads everything internal, for example aldermen"),
    Role.COACH: _(
        "follows several municipalities, reads all, edits trajectory items, runs scoring "
        "workshops and edits priorities"
    ),
}
