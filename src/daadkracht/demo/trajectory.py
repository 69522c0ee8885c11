"""The demo's collaboration trajectory: halfway, with the intake, the diagnosis, the workshops
and the plan of approach behind it, the chosen methods under way, and the administrative
collaboration model the departments agreed on."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from daadkracht.accounts.models import User
from daadkracht.demo.approach import build_plan_of_approach
from daadkracht.tenancy.models import Department, Municipality
from daadkracht.trajectory.collaboration_services import (
    BodyChange,
    ContactChoice,
    climate_contacts_save,
    collaboration_bodies_save,
    collaboration_model_update,
)
from daadkracht.trajectory.models import (
    BodyKind,
    ChecklistItem,
    CollaborationModel,
    MeetingFrequency,
    Party,
    Phase,
    PhaseKind,
    PhaseState,
    ReportingRhythm,
)
from daadkracht.trajectory.selectors import climate_contacts_basis
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

COLLABORATION_MODEL = {
    "mandate": (
        "Bereidt het klimaatplan voor en volgt het op met de diensten, roept de klimaatteams "
        "samen en legt hun voorstellen aan de stuurgroep voor. Mag de diensthoofden vragen om "
        "een klimaataanspreekpunt en om input voor de opvolging."
    ),
    "decision_route": "\n".join(
        [
            "Klimaatteam",
            "Stuurgroep klimaat",
            "Managementteam",
            "College van burgemeester en schepenen",
        ]
    ),
    "reporting_rhythm": ReportingRhythm.QUARTERLY,
    "reporting_note": (
        "Kwartaalnota aan het college; jaarlijks voortgangsrapport aan de gemeenteraad"
    ),
    "notes": "Afgesproken in de tweede workshop met de vertegenwoordigers van de diensten.",
}

# (name, kind, how often, when exactly, chair, who takes part, what it decides)
BODIES = [
    (
        "Klimaatteam gebouwen",
        BodyKind.CLIMATE_TEAM,
        MeetingFrequency.MONTHLY,
        "tweede dinsdag van de maand",
        "Sofie Van den Broucke",
        "Gebouwen en Facilitair Beheer, Milieu en Duurzaamheid, Financiën, Aankoop",
        "Stelt renovaties en energieprojecten voor en volgt ze op",
    ),
    (
        "Klimaatteam mobiliteit",
        BodyKind.CLIMATE_TEAM,
        MeetingFrequency.MONTHLY,
        "laatste donderdag van de maand",
        "Pieter Declercq",
        "Mobiliteit, Openbaar Domein, Ruimtelijke Planning, Milieu en Duurzaamheid",
        "Stelt fiets-, parkeer- en deelmobiliteitsacties voor en volgt ze op",
    ),
    (
        "Stuurgroep klimaat",
        BodyKind.STEERING_GROUP,
        MeetingFrequency.QUARTERLY,
        "",
        "Schepen Hilde Goethals",
        "Schepen van Klimaat, algemeen directeur, klimaatcoördinator, trekkers van de klimaatteams",
        "Legt prioriteiten vast en bereidt de beslissingen van het college voor",
    ),
    (
        "Managementteam",
        BodyKind.MANAGEMENT_TEAM,
        MeetingFrequency.FORTNIGHTLY,
        "klimaat elk kwartaal op de agenda",
        "Algemeen directeur",
        "Algemeen directeur, financieel directeur en de diensthoofden",
        "Geeft de diensten de ruimte en de middelen voor de klimaatacties",
    ),
]

# Contacts without an account on the platform; Onderwijs and Cultuur en Erfgoed have none yet.
CONTACTS_WITHOUT_ACCOUNT = {
    "Ruimtelijke Planning": "Katrien Vandamme",
    "Communicatie": "Dries Vanneste",
    "Aankoop": "Griet Desmet",
    "Personeel en Organisatie": "Stijn Verhaeghe",
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
    build_collaboration_model(municipality, coordinator=contact)
    build_plan_of_approach(municipality, trajectory)


def build_collaboration_model(municipality: Municipality, *, coordinator: User) -> None:
    """The collaboration model agreed in the workshops: the climate coordinator coordinates,
    two climate teams meet monthly, a steering group quarterly, and most departments have a
    climate contact."""
    department = Department.objects.filter(
        municipality_id=municipality.pk, memberships__user=coordinator
    ).first()
    collaboration_model_update(
        actor=None,
        collaboration_model=CollaborationModel(municipality_id=municipality.pk),
        expected_version=0,
        coordinator=coordinator,
        coordinating_department=department,
        **COLLABORATION_MODEL,
    )
    model = CollaborationModel.objects.get(municipality_id=municipality.pk)
    collaboration_bodies_save(
        actor=None,
        municipality=municipality,
        expected_version=model.version,
        changes=[
            BodyChange(
                None,
                {
                    "name": name,
                    "kind": kind,
                    "frequency": frequency,
                    "frequency_note": note,
                    "chair": chair,
                    "participants": participants,
                    "decides": decides,
                },
            )
            for name, kind, frequency, note, chair, participants, decides in BODIES
        ],
    )
    departments = Department.objects.filter(municipality_id=municipality.pk)
    climate_contacts_save(
        actor=None,
        municipality=municipality,
        expected_basis=climate_contacts_basis(municipality),
        contacts={
            d.pk: ContactChoice(member=d.climate_contact, name=CONTACTS_WITHOUT_ACCOUNT[d.name])
            for d in departments
            if d.name in CONTACTS_WITHOUT_ACCOUNT and d.climate_contact_id is None
        },
    )
