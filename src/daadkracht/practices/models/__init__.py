"""The practice database: practices shared between municipalities, their files and adoptions."""

from daadkracht.practices.models.adoption import Adoption
from daadkracht.practices.models.practice import (
    LekpWerf,
    Practice,
    PracticeAction,
    PracticeEvent,
    PracticeEventKind,
    PracticeFile,
    PracticeFileKind,
    PracticeStatus,
    PracticeTheme,
    PracticeThemeTag,
)

__all__ = [
    "Adoption",
    "LekpWerf",
    "Practice",
    "PracticeAction",
    "PracticeEvent",
    "PracticeEventKind",
    "PracticeFile",
    "PracticeFileKind",
    "PracticeStatus",
    "PracticeTheme",
    "PracticeThemeTag",
]
