"""The demo's collaboration trajectory: halfway, the intake done and the diagnosis under way."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from daadkracht.accounts.models import User
from daadkracht.demo.approach import build_plan_of_approach
from daadkracht.tenancy.models import Municipality
from daadkracht.trajectory.models import ChecklistItem, Party, Phase, PhaseKind, PhaseState
from daadkracht.trajectory.services import (
    checklist_item_create,
    trajectory_start,
    trajectory_update_agreements,
)

# Ten weeks ago: the intake (four weeks) is behind, the diagnosis (eight weeks) nearly so.
STARTED_WEEKS_AGO = 10

AGREEMENTS = {
    "course": (
        "Intakegesprek met de dienst Milieu en Duurzaamheid en de schepen; een diagnose van "
        "de samenwerking bij alle diensten; drie workshops met hun vertegenwoordigers; daarna "
        "een plan van aanpak met een doorstartdag en lunchgesprekken."
    ),
    "timing": "Diagnose vóór de zomer, workshops in het najaar, plan van aanpak tegen december.",
    "task_division": (
        "De stad nodigt uit, zorgt voor de zalen en het materiaal en trekt de sessies; de "
        "coach bereidt mee voor, geeft tips aan de moderatoren en evalueert na elke sessie."
    ),
    "alderman": "Hilde Goethals, schepen van Klimaat",
}

# Per phase: (text, carried by, due in days from today, done) — negative days lie in the past.
ITEMS: dict[PhaseKind, list[tuple[str, Party, int, bool]]] = {
    PhaseKind.INTAKE: [
        ("Intakegesprek plannen met de schepen en de coach", Party.MUNICIPALITY, -60, True),
        ("Verslag van de intake rondsturen", Party.COACH, -45, True),
    ],
    PhaseKind.DIAGNOSIS: [
        ("Per dienst één vertegenwoordiger aanduiden", Party.MUNICIPALITY, -30, True),
        ("Vragenlijst naar de vertegenwoordigers sturen", Party.COACH, -20, True),
        ("Herinnering sturen aan de diensten die nog niet antwoordden", Party.COACH, -3, False),
        ("Resultaten van de diagnose bespreken met de schepen", Party.MUNICIPALITY, 14, False),
    ],
    PhaseKind.WORKSHOPS: [
        ("Data van de drie workshops vastleggen", Party.MUNICIPALITY, 21, False),
    ],
}

# Which of the municipality's responsibilities are done already.
RESPONSIBILITIES_DONE = {"contact-person", "internal-communication"}


def _done_at(due: date) -> datetime:
    return timezone.make_aware(datetime.combine(due - timedelta(days=2), time(16)))


def build_trajectory(municipality: Municipality, *, contact: User) -> None:
    """The municipality's trajectory, halfway, with its plan of approach drawn up; run by the
    demo command as the platform."""
    today = timezone.localdate()
    trajectory = trajectory_start(
        actor=None,
        municipality=municipality,
        started_on=today - timedelta(weeks=STARTED_WEEKS_AGO),
    )
    trajectory_update_agreements(
        actor=None,
        trajectory=trajectory,
        expected_version=trajectory.version,
        contact_person=contact,
        **AGREEMENTS,
    )
    phases = {p.kind: p for p in Phase.objects.filter(trajectory=trajectory)}
    Phase.objects.filter(pk=phases[PhaseKind.INTAKE].pk).update(
        state=PhaseState.DONE,
        notes="Intake op 't Pand met de schepen, de klimaatcoördinator en de coach.",
    )
    Phase.objects.filter(pk=phases[PhaseKind.DIAGNOSIS].pk).update(state=PhaseState.UNDER_WAY)
    for kind, items in ITEMS.items():
        for text, owner, days, done in items:
            due = today + timedelta(days=days)
            item = checklist_item_create(
                actor=None,
                trajectory=trajectory,
                phase=phases[kind],
                text=text,
                owner=owner,
                due_date=due,
            )
            if done:
                ChecklistItem.objects.filter(pk=item.pk).update(done_at=_done_at(due))
    for item in ChecklistItem.objects.filter(trajectory=trajectory, phase=None):
        if item.key in RESPONSIBILITIES_DONE and item.due_date is not None:
            ChecklistItem.objects.filter(pk=item.pk).update(done_at=_done_at(item.due_date))
    build_plan_of_approach(municipality, trajectory)
