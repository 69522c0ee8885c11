"""Reads of the plan of approach: the plan with its chosen methods, and everything its page and
PDF bring together from the trajectory, the diagnosis and the meetings.

The page and the PDF show the same document; it is read here in a fixed number of queries, so
that neither grows with the number of departments, methods or climate teams.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Min, Prefetch
from django.utils import timezone
from django.utils.safestring import SafeString

from daadkracht.diagnosis import results
from daadkracht.diagnosis.charts import matrix_body, network_svg
from daadkracht.diagnosis.models import SurveyRound
from daadkracht.meetings.models import ClimateTeam, ClimateTeamMember, Meeting, Method
from daadkracht.trajectory.models import (
    ChecklistItem,
    ChosenMethod,
    Party,
    Phase,
    PlanOfApproach,
    Trajectory,
)


def plan_current() -> PlanOfApproach | None:
    """The active municipality's plan of approach."""
    return PlanOfApproach.objects.first()


def chosen_methods(plan: PlanOfApproach) -> list[ChosenMethod]:
    return list(ChosenMethod.objects.filter(plan=plan).select_related("method"))


@dataclass(frozen=True)
class MethodUse:
    """A method of the catalogue as the municipality's meetings used it so far."""

    method: Method
    meetings: int
    first: date


def methods_used_in_meetings(municipality_id: int) -> list[MethodUse]:
    """The methods of the municipality's meetings so far (cancelled ones left out), in the
    order they were first used. The municipality is named, as the service drawing up a plan
    may run in a wider scope than one municipality's (the demo's)."""
    rows = (
        Meeting.objects.filter(
            municipality_id=municipality_id, cancelled_at__isnull=True, method__isnull=False
        )
        .values("method_id")
        .annotate(used=Count("id"), first=Min("starts_at"))
        .order_by()
    )
    counts = {row["method_id"]: (row["used"], row["first"]) for row in rows}
    methods = Method.objects.filter(pk__in=counts) if counts else Method.objects.none()
    uses = [
        MethodUse(method, counts[method.pk][0], timezone.localdate(counts[method.pk][1]))
        for method in methods
    ]
    return sorted(uses, key=lambda u: (u.first, u.method.position))


@dataclass(frozen=True)
class DiagnosisSummary:
    """The latest closed round of the diagnosis, in the words and drawings of the plan."""

    survey_round: SurveyRound
    rate: results.ResponseRate
    network: results.Network
    matrix: results.Matrix
    themes: list[results.ThemeResult]
    network_svg: SafeString
    matrix_body: SafeString
    comparison: results.Comparison | None

    @property
    def pairs(self) -> int:
        n = len(self.network.departments)
        return n * (n - 1) // 2

    @property
    def density_percent(self) -> int:
        return round(100 * self.network.density)

    @property
    def reciprocity_percent(self) -> int | None:
        value = self.network.reciprocity
        return None if value is None else round(100 * value)

    @property
    def scored_themes(self) -> list[results.ThemeResult]:
        return [t for t in self.themes if t.mean is not None]

    @property
    def weakest_theme(self) -> results.ThemeResult | None:
        scored = self.scored_themes
        return min(scored, key=lambda t: (t.mean, str(t.theme.name))) if scored else None

    @property
    def strongest_theme(self) -> results.ThemeResult | None:
        scored = self.scored_themes
        return max(scored, key=lambda t: (t.mean, str(t.theme.name))) if scored else None


def diagnosis_summary(*, opened_before: date | None = None) -> DiagnosisSummary | None:
    """The latest closed round with its figures, compared with the closed round before it;
    with `opened_before`, the latest of the rounds that opened before that day."""
    rounds = SurveyRound.objects.filter(state=SurveyRound.State.CLOSED)
    if opened_before is not None:
        rounds = rounds.filter(opens_on__lt=opened_before)
    closed = list(rounds.order_by("-opens_on", "-id")[:2])
    if not closed:
        return None
    latest = closed[0]
    answers = results.round_answers(latest)
    net = results.network(answers)
    grid = results.matrix(answers)
    comparison = None
    if len(closed) > 1:
        comparison = results.comparison(results.round_answers(closed[1]), answers)
    return DiagnosisSummary(
        survey_round=latest,
        rate=results.response_rate(answers),
        network=net,
        matrix=grid,
        themes=results.maturity(answers),
        network_svg=network_svg(net),
        matrix_body=matrix_body(grid),
        comparison=comparison,
    )


@dataclass(frozen=True)
class TeamRow:
    team: ClimateTeam
    members: list[ClimateTeamMember]


def climate_teams(today: date) -> list[TeamRow]:
    """The climate teams with their current members, chairs first."""
    members = ClimateTeamMember.objects.select_related("user")
    teams = ClimateTeam.objects.select_related("theme").prefetch_related(
        Prefetch("members", queryset=members)
    )
    return [TeamRow(team, [m for m in team.members.all() if m.is_current(today)]) for team in teams]


@dataclass
class PlanDocument:
    """Everything the plan of approach shows, in the order of its sections."""

    trajectory: Trajectory
    plan: PlanOfApproach | None
    methods: list[ChosenMethod]
    diagnosis: DiagnosisSummary | None
    phases: list[Phase]
    responsibilities: list[ChecklistItem]
    coach_items: list[ChecklistItem]
    teams: list[TeamRow] = field(default_factory=list)

    @property
    def methods_by_lead(self) -> dict[str, list[ChosenMethod]]:
        grouped: dict[str, list[ChosenMethod]] = {party: [] for party in Party.values}
        for chosen in self.methods:
            grouped[chosen.lead].append(chosen)
        return grouped


def plan_document(trajectory: Trajectory, today: date) -> PlanDocument:
    plan = plan_current()
    phases = list(Phase.objects.filter(trajectory=trajectory))
    responsibilities, coach_items = [], []
    for item in ChecklistItem.objects.filter(trajectory=trajectory).select_related("phase"):
        if item.phase_id is None:
            responsibilities.append(item)
        elif item.owner == Party.COACH and not item.is_done:
            coach_items.append(item)
    coach_items.sort(key=lambda i: (i.due_date is None, i.due_date or date.min))
    return PlanDocument(
        trajectory=trajectory,
        plan=plan,
        methods=chosen_methods(plan) if plan else [],
        diagnosis=diagnosis_summary(),
        phases=phases,
        responsibilities=responsibilities,
        coach_items=coach_items,
        teams=climate_teams(today),
    )
