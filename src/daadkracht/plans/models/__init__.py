"""Models of the climate plan, split by concern."""

from daadkracht.plans.models.action import (
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
    Visibility,
)
from daadkracht.plans.models.plan import (
    CLOSED_CATEGORIES,
    ActionStatus,
    Plan,
    StatusCategory,
    Theme,
)
from daadkracht.plans.models.priorities import (
    ActionScore,
    Criterion,
    RoundParticipant,
    RoundScore,
    ScoringRound,
)

__all__ = [
    "CLOSED_CATEGORIES",
    "Action",
    "ActionDepartment",
    "ActionScore",
    "ActionStatus",
    "ActionTag",
    "ActionTheme",
    "Criterion",
    "DepartmentRole",
    "FundingSource",
    "Phase",
    "Plan",
    "Priority",
    "RoundParticipant",
    "RoundScore",
    "ScoringRound",
    "StatusCategory",
    "StatusUpdate",
    "Tag",
    "Task",
    "Theme",
    "UpdateKind",
    "Visibility",
]
