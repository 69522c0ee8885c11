"""The scales respondents answer on: the levels of collaboration and the maturity themes."""

from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.IntegerChoices):
    """The Levels of Collaboration Scale (Frey et al. 2006, after Hogue), 0 to 5."""

    NONE = 0, _("None")
    NETWORKING = 1, _("Networking")
    COOPERATION = 2, _("Cooperation")
    COORDINATION = 3, _("Coordination")
    COALITION = 4, _("Coalition")
    COLLABORATION = 5, _("Collaboration")


LEVEL_DEFINITIONS: dict[int, Any] = {
    Level.NONE: _("We do not work together on climate."),
    Level.NETWORKING: _("We know each other and pass on information now and then."),
    Level.COOPERATION: _("We help each other when asked and share what we know, each on our own."),
    Level.COORDINATION: _("We agree who does what and tune our plans and timing to each other."),
    Level.COALITION: _("We share ideas and means and take decisions together on joint work."),
    Level.COLLABORATION: _(
        "We work as one team on shared climate goals, with joint decisions and trust."
    ),
}

MORE_IS_NOT_ALWAYS_BETTER = _(
    "A higher level is not always better: what fits depends on what the two departments need "
    "from each other. Answer how it is now, not how it should be."
)

# A tie from this level up counts as strong.
STRONG_LEVEL = Level.COORDINATION
# Two answers about the same pair that differ by this much are a topic for discussion.
DISCUSS_GAP = 2


@dataclass(frozen=True)
class Theme:
    key: str
    name: Any
    question: Any


MATURITY_THEMES: tuple[Theme, ...] = (
    Theme(
        "culture",
        _("Collaboration culture"),
        _("Departments readily involve each other in climate work and feel shared ownership."),
    ),
    Theme(
        "structure",
        _("Structure"),
        _("It is clear who takes part in which climate team or meeting, and how often they meet."),
    ),
    Theme(
        "model",
        _("Administrative collaboration model"),
        _(
            "Everyone knows who coordinates the climate plan and how proposals reach the "
            "executive board."
        ),
    ),
    Theme(
        "political",
        _("Political support"),
        _("Aldermen and the council visibly support the climate plan and free time and means."),
    ),
    Theme(
        "dashboard",
        _("Use of the actions dashboard"),
        _("My department keeps its actions up to date and uses the dashboard to adjust course."),
    ),
)
THEME_KEYS = tuple(theme.key for theme in MATURITY_THEMES)
THEME_CHOICES = [(theme.key, theme.name) for theme in MATURITY_THEMES]

MATURITY_MIN, MATURITY_MAX = 1, 5
MATURITY_LABELS: dict[int, Any] = {
    1: _("not at all"),
    2: _("a little"),
    3: _("partly"),
    4: _("largely"),
    5: _("fully"),
}
