"""The shape in which the demo's actions are written out by hand.

Figures, dates and people are invented. Dates are written as seen on `DATA_AS_OF`; the demo
command moves them by whole months along with today's date, so that late and stale actions
stay late and stale.
Departments are named by the short keys of `data.BRUGES_DEPARTMENT_KEYS` (or the small town's),
statuses by the keys of `STATUS_KEYS`.
"""

from dataclasses import dataclass
from datetime import date

DATA_AS_OF = date(2026, 11, 1)

# The default status list of a new plan, by position (see plans/defaults.py).
STATUS_KEYS = [
    "not_started",
    "preparation",
    "on_track",
    "delayed",
    "completed",
    "postponed",
    "cancelled",
    "unknown",
]


@dataclass(frozen=True)
class Step:
    """One entry of an action's timeline written out by hand (routine updates are generated)."""

    days_ago: int
    text: str
    decision: bool = False
    status: str = ""
    progress: int | None = None
    deadline_from: str = ""  # the deadline before this step moved it to the action's deadline


@dataclass(frozen=True)
class DemoAction:
    """An action as it stands today; its timeline of the past year ends in this state."""

    identifier: str
    title: str
    lead: str  # department key
    state: tuple[str, int]  # (status key, progress %)
    period: tuple[str, str]  # (start, deadline) as "YYYY-MM"
    budget: tuple[int, str]  # (planned in thousands of euros, funding source)
    impact: tuple[int, int, int] = (0, 0, 0)  # t CO2/yr, MWh saved/yr, MWh renewable/yr
    covenant: tuple[str, str, str] = ("other", "other", "not_applicable")  # sector, area, tool
    kind: str = "mitigation"
    sub: str = ""  # code of a sub-theme under the Bridge
    involved: tuple[tuple[str, str], ...] = ()  # (department key, role)
    benefits: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    priority: str = "normal"
    public: bool = True
    spent: int | None = None  # thousands of euros; follows progress when not given
    stale: bool = False  # no update for longer than the plan's stale period
    description: str = ""
    tasks: tuple[tuple[str, str, bool], ...] = ()  # (title, due "YYYY-MM", milestone)
    board_decision: str = ""  # what the executive board has to decide before it can go on
    story: tuple[Step, ...] = ()

    @property
    def status(self) -> str:
        return self.state[0]

    @property
    def progress(self) -> int:
        return self.state[1]

    @property
    def start(self) -> str:
        return self.period[0]

    @property
    def deadline(self) -> str:
        return self.period[1]

    @property
    def budget_k(self) -> int:
        return self.budget[0]

    @property
    def funding(self) -> str:
        return self.budget[1]

    @property
    def co2(self) -> int:
        return self.impact[0]

    @property
    def saved(self) -> int:
        return self.impact[1]

    @property
    def renewable(self) -> int:
        return self.impact[2]

    @property
    def bridge(self) -> str:
        return self.identifier.split(".")[0]
