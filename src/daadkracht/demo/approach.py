"""The demo's plan of approach: the methods Bruges chose after its diagnosis, and why."""

from datetime import timedelta

from django.utils import timezone

from daadkracht.access.context import tenant_scope
from daadkracht.demo.approach_texts import (
    AIM,
    INTRODUCTION,
    METHODS,
)
from daadkracht.meetings.models import Method
from daadkracht.tenancy.models import Municipality
from daadkracht.trajectory.approach import DiagnosisSummary, diagnosis_summary
from daadkracht.trajectory.approach_services import (
    chosen_method_add,
    plan_of_approach_create,
    plan_of_approach_update,
)
from daadkracht.trajectory.models import PlanStatus, Trajectory

# The executive board approved the plan some eight months ago, after the workshops.
APPROVED_DAYS_AGO = 240


def _decimal(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def _findings(summary: DiagnosisSummary | None) -> dict[str, str]:
    """What the latest round of the diagnosis showed, in the words of each chosen method."""
    if summary is None:
        return {}
    net = summary.network
    names = {d.pk: d.name for d in net.departments}
    by_name = {name: pk for pk, name in names.items()}
    strength = dict.fromkeys(names, 0)
    for tie in net.ties:
        strength[tie.first.pk] += tie.strength
        strength[tie.second.pk] += tie.strength
    loneliest = sorted(names, key=lambda pk: (strength[pk], names[pk]))[:3]
    weakest = summary.weakest_theme

    def level(first: str, second: str) -> str:
        tie = next(
            (
                t
                for t in net.ties
                if {t.first.pk, t.second.pk} == {by_name.get(first), by_name.get(second)}
            ),
            None,
        )
        return "geen samenwerking" if tie is None else f"niveau {tie.strength} van 5"

    return {
        "kick-off": (
            f"Van de {summary.pairs} paren diensten stemmen er {net.strong_ties} hun werk echt "
            "af (niveau 3 of hoger); het minst verbonden zijn "
            + ", ".join(names[pk] for pk in loneliest)
            + "."
        ),
        "lunch": (
            f"{len(summary.matrix.disagreements)} paren diensten kijken heel verschillend naar "
            "hun samenwerking: gespreksstof voor een gesprek onder vier ogen."
        ),
        "buildings": (
            "Milieu en Duurzaamheid en Gebouwen en Facilitair Beheer: "
            + level("Milieu en Duurzaamheid", "Gebouwen en Facilitair Beheer")
            + "."
        ),
        "mobility": (
            "Mobiliteit en Openbaar Domein: "
            + level("Mobiliteit", "Openbaar Domein")
            + "; Mobiliteit en Ruimtelijke Planning: "
            + level("Mobiliteit", "Ruimtelijke Planning")
            + "."
        ),
        "dashboard": (
            f"Het laagst scorende thema is „{weakest.theme.name}” "
            f"(gemiddeld {_decimal(weakest.mean)} op 5)."
            if weakest is not None and weakest.mean is not None
            else ""
        ),
    }


def build_plan_of_approach(municipality: Municipality, trajectory: Trajectory) -> None:
    """Bruges's plan of approach, approved by the executive board some eight months ago."""
    with tenant_scope(municipality):
        plan = plan_of_approach_create(actor=None, trajectory=trajectory)
        plan = plan_of_approach_update(
            actor=None,
            plan=plan,
            expected_version=plan.version,
            introduction=INTRODUCTION,
            aim=AIM,
            status=PlanStatus.APPROVED,
            approved_on=timezone.localdate() - timedelta(days=APPROVED_DAYS_AGO),
        )
        findings = _findings(diagnosis_summary(opened_before=plan.approved_on))
        methods = {m.key: m for m in Method.objects.all()}
        for spec in METHODS:
            chosen_method_add(
                actor=None,
                plan=plan,
                method=methods[spec.method],
                title=spec.title,
                reason=spec.reason,
                finding=findings.get(spec.key, ""),
                period=spec.period(timezone.localdate()),
                lead=spec.lead,
            )
