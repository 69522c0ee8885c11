"""Models of the climate plan, split by concern."""

from daadkracht.plans.models.action import (
    WRITTEN_SOURCES,
    Action,
    ActionDepartment,
    ActionTag,
    ActionTheme,
    DepartmentRole,
    FundingSource,
    Phase,
    Priority,
    StatusUpdate,
    Tag,
    Task,
    UpdateKind,
    UpdateSource,
    Visibility,
)
from daadkracht.plans.models.imports import ImportMapping
from daadkracht.plans.models.plan import (
    CLOSED_CATEGORIES,
    ActionStatus,
    Plan,
    StatusCategory,
    Theme,
)

__all__ = [
    "CLOSED_CATEGORIES",
    "WRITTEN_SOURCES",
    "Action",
    "ActionDepartment",
    "ActionStatus",
    "ActionTag",
    "ActionTheme",
    "DepartmentRole",
    "FundingSource",
    "ImportMapping",
    "Phase",
    "Plan",
    "Priority",
    "StatusCategory",
    "StatusUpdate",
    "Tag",
    "Task",
    "Theme",
    "UpdateKind",
    "UpdateSource",
    "Visibility",
]
