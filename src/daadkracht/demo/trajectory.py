"""The demo's collaboration trajectory: halfway, with the intake, the diagnosis, the workshops
and the plan of approach behind it and the chosen methods under way."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from daadkracht.accounts.models import User
from daadkracht.tenancy.models import Municipality
from daadkracht.trajectory.models import ChecklistItem, Party, Phase, PhaseKind, PhaseState
from daadkracht.trajectory.services import (
    checklist_item_create,
    trajectory_start,
    trajectory_update_agreements,
)

# Started some fourteen months ago, a year before the follow-up measurement of the diagnosis.
STARTED_WEEKS_AGO = 62
# The chosen methods took longer than the first schedule: they run ten more weeks.
METHODS_WEEKS_LEFT = 10
DONE = (PhaseKind.INTAKE, PhaseKind.DIAGNOSIS, PhaseKind.WORKSHOPS, PhaseKind.PLAN)

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
        ("Intakegesprek plannen met de schepen en de coach", Party.MUNICIPALITY, -415, True),
        ("Verslag van de intake rondsturen", Party.COACH, -400, True),
    ],
    PhaseKind.DIAGNOSIS: [
        ("Per dienst één vertegenwoordiger aanduiden", Party.MUNICIPALITY, -402, True),
        ("Vragenlijst naar de vertegenwoordigers sturen", Party.COACH, -400, True),
        ("Herinnering sturen aan de diensten die nog niet antwoordden", Party.COACH, -390, True),
        ("Resultaten van de diagnose bespreken met de schepen", Party.MUNICIPALITY, -360, True),
    ],
    PhaseKind.WORKSHOPS: [
        ("Data van de drie workshops vastleggen", Party.MUNICIPALITY, -345, True),
        ("Moderatoren van de stad voorbereiden met de coach", Party.COACH, -335, True),
    ],
    PhaseKind.PLAN: [
        ("Plan van aanpak voorleggen aan het college", Party.MUNICIPALITY, -245, True),
    ],
    PhaseKind.METHODS: [
        (
            "Doorstartdag organiseren met één vertegenwoordiger per dienst",
            Party.MUNICIPALITY,
            -185,
            True,
        ),
        ("Drie lunchgesprekken houden", Party.MUNICIPALITY, -20, True),
        ("Lunchgesprek met de Groendienst plannen", Party.MUNICIPALITY, 20, False),
        ("Klimaatteam mobiliteit op gang brengen", Party.COACH, 10, False),
        ("Werkafspraken opvolgen in het dashboard", Party.MUNICIPALITY, -5, False),
    ],
    PhaseKind.EVALUATION: [
        ("Opvolgingsmeting bespreken met de diensten", Party.COACH, 80, False),
    ],
}

# Which of the municipality's responsibilities are done already.
RESPONSIBILITIES_DONE = {
    "contact-person",
    "internal-communication",
    "political-support",
    "preparation",
    "logistics",
    "ownership",
}


def _done_at(due: date) -> datetime:
    return timezone.make_aware(datetime.combine(due - timedelta(days=2), time(16)))


def build_trajectory(municipality: Municipality, *, contact: User) -> None:
    """The municipality's trajectory, halfway; run by the demo command as the platform."""
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
    Phase.objects.filter(pk__in=[phases[kind].pk for kind in DONE]).update(state=PhaseState.DONE)
    Phase.objects.filter(pk=phases[PhaseKind.INTAKE].pk).update(
        notes="Intake in het stadhuis met de schepen, de klimaatcoördinator en de coach."
    )
    methods_end = today + timedelta(weeks=METHODS_WEEKS_LEFT)
    Phase.objects.filter(pk=phases[PhaseKind.METHODS].pk).update(
        state=PhaseState.UNDER_WAY,
        planned_end=methods_end,
        notes="Doorstartdag en drie lunchgesprekken gehouden; de klimaatteams gebouwen en "
        "mobiliteit komen geregeld samen.",
    )
    Phase.objects.filter(pk=phases[PhaseKind.EVALUATION].pk).update(
        planned_start=methods_end + timedelta(days=1),
        planned_end=methods_end + timedelta(weeks=8),
    )
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
