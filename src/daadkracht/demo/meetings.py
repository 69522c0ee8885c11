"""The demo's meetings, work agreements and climate teams: the workshops behind it, a kick-off
day and three lunch talks held, the next meetings planned, a dozen agreements in every state."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone, translation

from daadkracht.accounts.models import User
from daadkracht.meetings.catalogue import CLIMATE_TEAM, KICK_OFF_DAY, LUNCH_TALK, WORKSHOP
from daadkracht.meetings.models import (
    AgreementStatus,
    ClimateTeam,
    ClimateTeamMember,
    EvaluationResponse,
    Meeting,
    MeetingAttendee,
    MeetingDepartment,
    MeetingEvaluation,
    MeetingKind,
    Method,
    TeamRole,
    WorkAgreement,
    WorkAgreementAction,
    WorkAgreementParty,
)
from daadkracht.plans.models import Action, Theme
from daadkracht.tenancy.models import Department, Municipality
from daadkracht.trajectory.models import CollaborationBody

SUSTAINABILITY = "Milieu en Duurzaamheid"


@dataclass(frozen=True)
class DemoMeeting:
    key: str
    title: str
    kind: str
    method: str | None
    days: int  # from today; negative lies in the past
    hours: tuple[int, int]
    place: str
    departments: tuple[str, ...]
    people: tuple[str, ...]  # e-mail addresses of the members invited
    agenda: str | None = None  # the key of the method's agenda template
    notes: str = ""
    decisions: str = ""
    absent: tuple[str, ...] = ()
    team: str | None = None  # the theme code of the climate team that meets


STAFF = (
    "coordinator@brugge.demo",
    "mobiliteit@brugge.demo",
    "gebouwen@brugge.demo",
    "groen@brugge.demo",
    "financien@brugge.demo",
    "wonen@brugge.demo",
    "economie@brugge.demo",
    "openbaardomein@brugge.demo",
    "welzijn@brugge.demo",
)

MEETINGS = [
    DemoMeeting(
        "intake",
        "Intakegesprek samenwerkingstraject",
        MeetingKind.INTAKE,
        None,
        -410,
        (10, 12),
        "Stadhuis, Burg 12 — schepenzaal",
        (SUSTAINABILITY,),
        ("coordinator@brugge.demo", "schepen@brugge.demo", "coach@ecolife.demo"),
        notes="Afspraken over verloop, timing en taakverdeling gemaakt; Lotte is het "
        "aanspreekpunt voor de coach.",
        decisions="De diagnose start in de eerste week van de volgende maand.",
    ),
    DemoMeeting(
        "workshop-culture",
        "Workshop 1: samenwerkingscultuur en -structuur",
        MeetingKind.METHOD,
        WORKSHOP,
        -330,
        (9, 12),
        "'t Pand, zaal Van Eyck",
        (
            SUSTAINABILITY,
            "Gebouwen en Facilitair Beheer",
            "Mobiliteit",
            "Financiën",
            "Wonen",
            "Groendienst",
        ),
        (*STAFF[:6], "coach@ecolife.demo"),
        agenda="culture-structure",
        notes="De diensten herkennen het beeld van de nulmeting: veel losse contacten, weinig "
        "gedeelde planning.",
        decisions="Klimaatteams per thema oprichten, te beginnen met gebouwen en mobiliteit.",
    ),
    DemoMeeting(
        "workshop-model",
        "Workshop 2: het bestuurlijk samenwerkingsmodel",
        MeetingKind.METHOD,
        WORKSHOP,
        -310,
        (9, 12),
        "'t Pand, zaal Van Eyck",
        (SUSTAINABILITY, "Financiën", "Personeel en Organisatie", "Communicatie"),
        ("coordinator@brugge.demo", "financien@brugge.demo", "coach@ecolife.demo"),
        agenda="collaboration-model",
        decisions="Een stuurgroep klimaat rapporteert elk kwartaal aan het college.",
    ),
    DemoMeeting(
        "workshop-dashboard",
        "Workshop 3: het dashboard klimaatacties",
        MeetingKind.METHOD,
        WORKSHOP,
        -290,
        (13, 16),
        "Stadhuis, Burg 12 — raadzaal",
        (SUSTAINABILITY, "Mobiliteit", "Gebouwen en Facilitair Beheer", "Openbaar Domein"),
        (*STAFF[:4], "openbaardomein@brugge.demo", "coach@ecolife.demo"),
        agenda="actions-dashboard",
        decisions="Elke dienst werkt zijn acties maandelijks bij in het dashboard.",
    ),
    DemoMeeting(
        "kick-off",
        "Doorstartdag klimaatplan",
        MeetingKind.METHOD,
        KICK_OFF_DAY,
        -180,
        (9, 16),
        "Concertgebouw, Zaal Roel Van Kerckhove",
        (),  # every department
        (*STAFF, "schepen@brugge.demo", "coach@ecolife.demo"),
        agenda="kick-off-day",
        notes="Veertien van de vijftien diensten waren vertegenwoordigd. Per beleidsdomein "
        "werden de acties van het klimaatplan overlopen en concreet gemaakt.",
        decisions="Drie lunchgesprekken plannen: mobiliteit, financiën en wonen.",
        absent=("economie@brugge.demo",),
    ),
    DemoMeeting(
        "lunch-mobility",
        "Lunchgesprek Duurzaamheid en Mobiliteit",
        MeetingKind.METHOD,
        LUNCH_TALK,
        -120,
        (12, 13),
        "Cafetaria stadhuis",
        (SUSTAINABILITY, "Mobiliteit"),
        ("coordinator@brugge.demo", "mobiliteit@brugge.demo"),
        agenda="lunch-talk",
        notes="Win-win: de schoolstraten en de luchtkwaliteitsmetingen versterken elkaar.",
        decisions="Gezamenlijke communicatie over schoolstraten; metingen aan vijf scholen.",
    ),
    DemoMeeting(
        "lunch-finance",
        "Lunchgesprek Duurzaamheid en Financiën",
        MeetingKind.METHOD,
        LUNCH_TALK,
        -70,
        (12, 13),
        "Cafetaria stadhuis",
        (SUSTAINABILITY, "Financiën"),
        ("coordinator@brugge.demo", "financien@brugge.demo"),
        agenda="lunch-talk",
        notes="Financiën wil de klimaatacties herkennen in het meerjarenplan.",
        decisions="Een klimaatlabel voor de acties in het meerjarenplan uitwerken.",
    ),
    DemoMeeting(
        "lunch-housing",
        "Lunchgesprek Duurzaamheid en Wonen",
        MeetingKind.METHOD,
        LUNCH_TALK,
        -21,
        (12, 13),
        "Woonwinkel, Werfstraat",
        (SUSTAINABILITY, "Wonen"),
        ("coordinator@brugge.demo", "wonen@brugge.demo"),
        agenda="lunch-talk",
        notes="Renovatiebegeleiding en energiearmoede komen bij dezelfde gezinnen uit.",
        decisions="Eén loket voor renovatieadvies en energiepremies onderzoeken.",
    ),
    DemoMeeting(
        "team-buildings",
        "Klimaatteam gebouwen — overleg",
        MeetingKind.METHOD,
        CLIMATE_TEAM,
        -35,
        (14, 16),
        "Stadhuis, Burg 12 — vergaderzaal 2",
        (SUSTAINABILITY, "Gebouwen en Facilitair Beheer", "Financiën"),
        ("coordinator@brugge.demo", "gebouwen@brugge.demo", "financien@brugge.demo"),
        agenda="climate-team",
        team="B1",
        notes="Renovatieplanning van de stedelijke gebouwen overlopen.",
        decisions="Eerst de drie gebouwen met het hoogste verbruik aanpakken.",
    ),
    DemoMeeting(
        "team-mobility",
        "Klimaatteam mobiliteit — overleg",
        MeetingKind.METHOD,
        CLIMATE_TEAM,
        6,
        (14, 16),
        "Stadhuis, Burg 12 — vergaderzaal 2",
        (SUSTAINABILITY, "Mobiliteit", "Openbaar Domein", "Ruimtelijke Planning"),
        ("coordinator@brugge.demo", "mobiliteit@brugge.demo", "openbaardomein@brugge.demo"),
        agenda="climate-team",
        team="B3",
    ),
    DemoMeeting(
        "lunch-green",
        "Lunchgesprek Duurzaamheid en Groendienst",
        MeetingKind.METHOD,
        LUNCH_TALK,
        20,
        (12, 13),
        "Cafetaria stadhuis",
        (SUSTAINABILITY, "Groendienst"),
        ("coordinator@brugge.demo", "groen@brugge.demo"),
        agenda="lunch-talk",
    ),
]


@dataclass(frozen=True)
class DemoAgreement:
    title: str
    meeting: str | None
    status: str
    due_days: int | None
    review_days: int | None
    parties: tuple[tuple[str, str], ...]  # (department, what it does)
    themes: tuple[str, ...] = ()  # actions of these themes it serves (the first two)


AGREEMENTS = [
    DemoAgreement(
        "Schoolstraten samen aankondigen",
        "lunch-mobility",
        AgreementStatus.DONE,
        -60,
        None,
        (
            ("Mobiliteit", "Kiest de scholen en regelt de verkeersborden"),
            (SUSTAINABILITY, "Schrijft de tekst over luchtkwaliteit"),
            ("Communicatie", "Verspreidt de campagne"),
        ),
        ("B3.A",),
    ),
    DemoAgreement(
        "Luchtkwaliteit meten aan vijf scholen",
        "lunch-mobility",
        AgreementStatus.IN_PROGRESS,
        45,
        10,
        (
            (SUSTAINABILITY, "Plaatst en leest de sensoren"),
            ("Mobiliteit", "Bespreekt de resultaten met de scholen"),
            ("Onderwijs", "Betrekt de leerlingen"),
        ),
        ("B3.A",),
    ),
    DemoAgreement(
        "Klimaatlabel in het meerjarenplan",
        "lunch-finance",
        AgreementStatus.IN_PROGRESS,
        -12,
        -5,
        (
            ("Financiën", "Voegt het label toe in de budgettering"),
            (SUSTAINABILITY, "Duidt per actie aan of ze bijdraagt"),
        ),
    ),
    DemoAgreement(
        "Subsidiedossiers LEKP samen opvolgen",
        "lunch-finance",
        AgreementStatus.AGREED,
        30,
        14,
        (
            ("Financiën", "Houdt de termijnen van de subsidies bij"),
            (SUSTAINABILITY, "Levert de inhoudelijke rapportage"),
        ),
    ),
    DemoAgreement(
        "Eén loket voor renovatieadvies en energiepremies",
        "lunch-housing",
        AgreementStatus.PROPOSED,
        120,
        30,
        (
            ("Wonen", "Werkt een voorstel voor het loket uit"),
            ("Welzijn en Sociale Zaken", "Brengt de noden van kwetsbare gezinnen in"),
            (SUSTAINABILITY, "Koppelt het aan het renovatieadvies"),
        ),
        ("B1",),
    ),
    DemoAgreement(
        "Energiescans bij gezinnen in energiearmoede",
        "lunch-housing",
        AgreementStatus.AGREED,
        75,
        None,
        (
            ("Welzijn en Sociale Zaken", "Selecteert de gezinnen"),
            ("Wonen", "Voert de scans uit"),
        ),
        ("B1",),
    ),
    DemoAgreement(
        "Renovatievolgorde stedelijke gebouwen",
        "team-buildings",
        AgreementStatus.IN_PROGRESS,
        90,
        21,
        (
            ("Gebouwen en Facilitair Beheer", "Stelt de volgorde op basis van het verbruik op"),
            ("Financiën", "Plant de budgetten in"),
        ),
        ("B1",),
    ),
    DemoAgreement(
        "Maandelijkse update van de acties in het dashboard",
        "workshop-dashboard",
        AgreementStatus.IN_PROGRESS,
        None,
        -2,
        (
            (SUSTAINABILITY, "Stuurt een herinnering op de eerste werkdag"),
            ("Mobiliteit", "Werkt de mobiliteitsacties bij"),
            ("Gebouwen en Facilitair Beheer", "Werkt de gebouwenacties bij"),
            ("Openbaar Domein", "Werkt de acties voor openbaar domein bij"),
        ),
    ),
    DemoAgreement(
        "Ontharding meenemen in elke heraanleg van straten",
        "kick-off",
        AgreementStatus.AGREED,
        -20,
        None,
        (
            ("Openbaar Domein", "Neemt ontharding op in het ontwerp"),
            ("Groendienst", "Adviseert over groen en infiltratie"),
        ),
        ("B6.A",),
    ),
    DemoAgreement(
        "Duurzaamheidscriteria in overheidsopdrachten",
        "kick-off",
        AgreementStatus.DONE,
        -40,
        None,
        (
            ("Aankoop", "Neemt de criteria op in de modelbestekken"),
            (SUSTAINABILITY, "Levert de criteria aan"),
        ),
    ),
    DemoAgreement(
        "Deelwagens voor de dienstverplaatsingen",
        "kick-off",
        AgreementStatus.DROPPED,
        -30,
        None,
        (
            ("Mobiliteit", "Vraagt offertes op"),
            ("Personeel en Organisatie", "Past het reglement dienstverplaatsingen aan"),
        ),
        ("B3.B",),
    ),
    DemoAgreement(
        "Klimaatnieuws in de personeelsnieuwsbrief",
        "workshop-culture",
        AgreementStatus.AGREED,
        None,
        40,
        (
            ("Communicatie", "Reserveert elke maand een rubriek"),
            (SUSTAINABILITY, "Levert het nieuws aan"),
            ("Personeel en Organisatie", "Verspreidt de nieuwsbrief"),
        ),
    ),
]

# What participants answered in the evaluation after a meeting: per meeting, one dict of answers
# per participant who answered (the others did not), by question key of `evaluation_form`.
EVALUATIONS: dict[str, list[dict[str, object]]] = {
    "kick-off": [
        {
            "worked": "Eindelijk zaten alle diensten samen rond de acties.",
            "change": "Minder uitleg vooraf, meer tijd in de groepjes.",
            "usefulness": 5,
            "own-actions": "yes",
            "first-action": "Schoolstraten rond de stedelijke scholen.",
        },
        {
            "worked": "De tafels per beleidsdomein.",
            "change": "De lijst met acties vooraf rondsturen.",
            "usefulness": 4,
            "own-actions": "yes",
            "first-action": "De renovatievolgorde van onze gebouwen.",
        },
        {
            "worked": "Collega's van andere diensten leren kennen.",
            "change": "",
            "usefulness": 4,
            "own-actions": "partly",
            "first-action": "",
        },
        {
            "worked": "Concrete afspraken op het einde van de dag.",
            "change": "Een kortere dag: de namiddag was lang.",
            "usefulness": 3,
            "own-actions": "partly",
            "first-action": "Subsidiedossiers samen opvolgen.",
        },
        {
            "worked": "",
            "change": "Ook de schepenen uitnodigen voor het slot.",
            "usefulness": 4,
            "own-actions": "yes",
            "first-action": "Ontharding bij de heraanleg van straten.",
        },
        {
            "worked": "De moderatie door onze eigen collega's.",
            "change": "",
            "usefulness": 5,
            "own-actions": "yes",
            "first-action": "Energiescans bij kwetsbare gezinnen.",
        },
    ],
    "lunch-mobility": [
        {
            "worked": "Informeel, zonder agenda vol punten.",
            "change": "",
            "usefulness": 5,
            "win-win": "yes",
            "together": "Luchtkwaliteit meten aan de schoolstraten.",
        },
        {
            "worked": "We zagen dat we hetzelfde doel hebben.",
            "change": "Iets meer tijd: een uur is krap.",
            "usefulness": 4,
            "win-win": "yes",
            "together": "Schoolstraten samen aankondigen.",
        },
    ],
    "lunch-finance": [
        {
            "worked": "Financiën begrijpt nu waarom we een klimaatlabel vragen.",
            "change": "",
            "usefulness": 4,
            "win-win": "partly",
            "together": "Een klimaatlabel in het meerjarenplan.",
        },
    ],
    "lunch-housing": [
        {
            "worked": "Dezelfde gezinnen komen bij ons allebei langs.",
            "change": "Welzijn de volgende keer ook uitnodigen.",
            "usefulness": 5,
            "win-win": "yes",
            "together": "Eén loket voor renovatieadvies en premies.",
        },
    ],
    "team-buildings": [
        {
            "worked": "De cijfers van het verbruik per gebouw.",
            "change": "De agenda een week vooraf.",
            "usefulness": 4,
            "right-people": "partly",
            "next-meeting": "Aankoop erbij halen voor de bestekken.",
        },
        {
            "worked": "Snel beslist welke gebouwen eerst.",
            "change": "",
            "usefulness": 4,
            "right-people": "yes",
            "next-meeting": "Planning van de eerste renovatie.",
        },
    ],
}

# Climate teams: (name, theme code, description, members (e-mail, role, months ago started)).
TEAMS = [
    (
        "Klimaatteam gebouwen",
        "B1",
        "Diensthoofden en experts van de diensten die aan de stedelijke gebouwen en de "
        "renovatie van woningen werken; komt maandelijks samen.",
        [
            ("gebouwen@brugge.demo", TeamRole.CHAIR, 7),
            ("coordinator@brugge.demo", TeamRole.MEMBER, 7),
            ("financien@brugge.demo", TeamRole.MEMBER, 7),
            ("wonen@brugge.demo", TeamRole.EXPERT, 6),
        ],
    ),
    (
        "Klimaatteam mobiliteit",
        "B3",
        "De diensten die over verplaatsingen beslissen: mobiliteit, openbaar domein en "
        "ruimtelijke planning; komt om de twee maanden samen.",
        [
            ("mobiliteit@brugge.demo", TeamRole.CHAIR, 7),
            ("openbaardomein@brugge.demo", TeamRole.MEMBER, 7),
            ("coordinator@brugge.demo", TeamRole.EXPERT, 7),
        ],
    ),
]


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _meeting(
    spec: DemoMeeting,
    municipality: Municipality,
    departments: dict[str, Department],
    people: dict[str, User],
    methods: dict[str, Method],
    teams: dict[str, ClimateTeam],
    today: date,
) -> Meeting:
    day = today + timedelta(days=spec.days)
    method = methods[spec.method] if spec.method else None
    agenda = ""
    if method is not None and method.text is not None and spec.agenda:
        template = method.text.agenda(spec.agenda)
        agenda = template.as_text() if template else ""
    meeting = Meeting.objects.create(
        municipality=municipality,
        title=spec.title,
        kind=spec.kind,
        method=method,
        starts_at=_at(day, spec.hours[0]),
        ends_at=_at(day, spec.hours[1]),
        place=spec.place,
        agenda=agenda,
        notes=spec.notes,
        decisions=spec.decisions,
        organiser=people["coordinator@brugge.demo"],
        team=teams[spec.team] if spec.team else None,
    )
    names = spec.departments or tuple(departments)
    MeetingDepartment.objects.bulk_create(
        MeetingDepartment(municipality=municipality, meeting=meeting, department=departments[n])
        for n in names
    )
    held = spec.days < 0
    MeetingAttendee.objects.bulk_create(
        MeetingAttendee(
            municipality=municipality,
            meeting=meeting,
            user=people[email],
            attended=(email not in spec.absent) if held else None,
        )
        for email in spec.people
    )
    return meeting


def _served_actions(municipality: Municipality, codes: tuple[str, ...]) -> list[Action]:
    themes = Theme.objects.filter(municipality=municipality, code__in=codes)
    return list(
        Action.objects.filter(municipality=municipality, themes__in=themes)
        .distinct()
        .order_by("identifier")[:2]
    )


def build_meetings(municipality: Municipality) -> None:
    """The municipality's meetings, agreements and teams; run by the demo command as the
    platform, so nothing is sent."""
    today = timezone.localdate()
    departments = {d.name: d for d in Department.objects.filter(municipality=municipality)}
    people = {u.email: u for u in User.objects.filter(memberships__municipality=municipality)}
    methods = {m.key: m for m in Method.objects.all()}
    teams = {}
    for name, code, description, members in TEAMS:
        team = teams[code] = ClimateTeam.objects.create(
            municipality=municipality,
            name=name,
            theme=Theme.objects.filter(municipality=municipality, code=code).first(),
            description=description,
        )
        ClimateTeamMember.objects.bulk_create(
            ClimateTeamMember(
                municipality=municipality,
                team=team,
                user=people[email],
                role=role,
                starts_on=today - timedelta(days=30 * months),
            )
            for email, role, months in members
        )
        # The collaboration model's body of the same name is this team.
        CollaborationBody.objects.filter(municipality=municipality, name=name).update(
            climate_team=team
        )
    with translation.override("nl"):
        meetings = {
            spec.key: _meeting(spec, municipality, departments, people, methods, teams, today)
            for spec in MEETINGS
        }
    for key, answers in EVALUATIONS.items():
        _evaluation(meetings[key], answers)
    for spec in AGREEMENTS:
        meeting = meetings[spec.meeting] if spec.meeting else None
        agreement = WorkAgreement.objects.create(
            municipality=municipality,
            title=spec.title,
            status=spec.status,
            due_date=None if spec.due_days is None else today + timedelta(days=spec.due_days),
            review_date=(
                None if spec.review_days is None else today + timedelta(days=spec.review_days)
            ),
            meeting=meeting,
            team=meeting.team if meeting else None,
        )
        WorkAgreementParty.objects.bulk_create(
            WorkAgreementParty(
                municipality=municipality,
                agreement=agreement,
                department=departments[name],
                commitment=commitment,
            )
            for name, commitment in spec.parties
        )
        WorkAgreementAction.objects.bulk_create(
            WorkAgreementAction(municipality=municipality, agreement=agreement, action=action)
            for action in _served_actions(municipality, spec.themes)
        )


def _evaluation(meeting: Meeting, answers: list[dict[str, object]]) -> None:
    """The evaluation sent the day after the meeting, answered by the first participants who
    attended and closed a month later."""
    sent = meeting.ends_at + timedelta(days=1)
    closes = meeting.ends_at + timedelta(days=30)
    evaluation = MeetingEvaluation.objects.create(
        municipality_id=meeting.municipality_id,
        meeting=meeting,
        sent_at=sent,
        sent_by=meeting.organiser,
        closes_at=closes,
        closed_at=closes if closes < timezone.now() else None,
    )
    present = MeetingAttendee.objects.filter(meeting=meeting).exclude(attended=False)
    people = [a.user for a in present.select_related("user").order_by("user__email")]
    EvaluationResponse.objects.bulk_create(
        EvaluationResponse(
            municipality_id=meeting.municipality_id,
            evaluation=evaluation,
            user=person,
            answers=answers[index] if index < len(answers) else {},
            answered_at=sent + timedelta(hours=3 + index) if index < len(answers) else None,
        )
        for index, person in enumerate(people)
    )
