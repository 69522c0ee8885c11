"""A world with a little of everything, so that every page shows its forms and choices."""

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.contrib.auth.tokens import default_token_generator
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from daadkracht.access.context import tenant_scope
from daadkracht.accounts.tokens import invitation_token
from daadkracht.bodies.models import BodyMembership
from daadkracht.diagnosis.models import Respondent
from daadkracht.diagnosis.tokens import respondent_token
from daadkracht.events.models import Registration
from daadkracht.events.tokens import cancel_token
from daadkracht.meetings.models import EvaluationResponse
from daadkracht.meetings.tokens import response_token
from daadkracht.plans.models import Action, ActionStatus, StatusCategory, Tag, Theme
from daadkracht.plans.services.actions import action_delete
from daadkracht.plans.services.plan import theme_delete
from daadkracht.plans.services.updates import timeline_update_post
from daadkracht.portal.models import PortalAccess
from daadkracht.portal.tokens import portal_invitation_token
from daadkracht.prioritisation.models import Criterion, ScoringRound
from daadkracht.prioritisation.services.criteria import criterion_create
from daadkracht.prioritisation.services.scores import action_scores_save
from daadkracht.stakeholders.models import Consent, Contact
from daadkracht.stakeholders.tokens import consent_withdraw_token
from daadkracht.tenancy.models import Department, Membership
from daadkracht.tenancy.services import department_delete
from daadkracht.testing.factories import (
    ActionFactory,
    DepartmentFactory,
    OfferFactory,
    PracticeFactory,
    as_platform,
)
from daadkracht.testing.trajectory import started_trajectory
from daadkracht.trajectory.models import ChecklistItem, Phase
from tests.test_authorization import TENANT_NAMESPACES
from tests.url_matrix import SAMPLE_KWARGS
from tests.url_matrix.actions import _task
from tests.url_matrix.diagnosis import _survey_round
from tests.url_matrix.events import _registration, with_consent_text
from tests.url_matrix.meetings import _held_meeting
from tests.url_matrix.offers import sample_request
from tests.url_matrix.plan_settings import _theme
from tests.url_matrix.prioritisation import _round
from tests.url_matrix.stakeholders import _consent
from tests.url_matrix.trajectory import _started

# Who visits a page; every other page is visited by the coordinator, who may do the most.
VISITORS = {
    "accounts:login": "anonymous",
    "accounts:password_reset": "anonymous",
    "accounts:password_reset_done": "anonymous",
    "accounts:password_reset_confirm": "resetter",
    "accounts:password_reset_complete": "anonymous",
    "accounts:invitation": "anonymous",
    "workshop:enter": "anonymous",
    "event_public:register": "anonymous_registrant",
    "event_public:cancel": "anonymous_registrant",
    "workshop:join": "anonymous",
    "workshop:score": "participant",
    "coach_overview": "coach",
    "respondent:answer": "anonymous",
    "evaluation:answer": "anonymous",
    "network_link:withdraw": "anonymous",
    "portal:home": "stakeholder",
    "portal:meeting": "stakeholder",
    "portal:meeting_agenda": "stakeholder",
    "portal:action": "stakeholder",
    "portal_invitation:accept": "anonymous",
    "provider:offers": "provider",
    "provider:offer_create": "provider",
    "provider:offer_edit": "provider",
    "provider:offer_toggle": "provider",
    "provider:inbox": "provider",
    "provider:request": "provider",
}


@dataclass
class FuzzWorld:
    """The shared test world with more: an open round a guest joined and a closed one, a task,
    a tag, a status update, a score, a criterion of our own, sub-themes, an action, a theme and
    a department in the trash, an import waiting to be confirmed, a password-reset link opened,
    an invitation link, and both municipalities' trajectories."""

    world: Any
    clients: dict[str, Client]
    kwargs: dict[str, Callable[[Any], dict[str, Any]]]
    ids: list[str]  # real ids of both municipalities' rows
    export_csv: bytes
    pages: dict[str, Any] = field(default_factory=dict)  # pages as first seen, by URL

    def url(self, name: str, **changed: Any) -> str:
        kwargs = self.kwargs[name](self.world) if name in self.kwargs else {}
        if name.split(":")[0] in TENANT_NAMESPACES:
            kwargs = {"municipality": self.world.a.slug, **kwargs}
        return reverse(name, kwargs={**kwargs, **changed} or None)

    def client(self, name: str) -> Client:
        return self.clients[VISITORS.get(name, "coordinator")]


@as_platform
def _more_rows(world: Any) -> None:
    tag = Tag.unscoped.create(municipality=world.a, name="fietsen")
    world.action_a.tags.add(tag)
    live = Theme.unscoped.create(municipality=world.a, plan=world.plan_a, name="Mobiliteit")
    Theme.unscoped.create(municipality=world.a, plan=world.plan_a, name="Fiets", parent=live)
    world.action_a.themes.add(live)
    Theme.unscoped.create(municipality=world.a, plan=world.plan_a, name="Oud thema")
    ActionFactory.create(plan=world.plan_a, identifier="B9.99", title="Weg", deadline="2020-01-01")
    DepartmentFactory(municipality=world.a, name="Oude dienst")
    # A published practice, so that a search finds something to mark and to rank.
    PracticeFactory(
        municipality=world.b,
        title="Warmtenet voor de school",
        summary="Een warmtenet met <b>restwarmte</b> & zonnepanelen op het dak.",
        themes=["energy"],
    )


def _history_and_trash(world: Any) -> None:
    actor = world.users["coordinator"]
    with tenant_scope(world.a, actor=actor):
        timeline_update_post(
            actor=actor,
            action=Action.objects.get(pk=world.action_a.pk),
            text="Eerste stap gezet",
            new_status=ActionStatus.objects.filter(plan=world.plan_a, category="active").first(),
        )
        criterion = Criterion.objects.filter(plan=world.plan_a).first()
        assert criterion is not None
        action_scores_save(actor=actor, action=world.action_a, scores={criterion.pk: (4, "")})
        criterion_create(actor=actor, plan=world.plan_a, name="Draagvlak", weight=Decimal(2))
        action_delete(actor=actor, action=Action.objects.get(identifier="B9.99"))
        theme_delete(actor=actor, theme=Theme.objects.get(name="Oud thema"))
        department_delete(actor=actor, department=Department.objects.get(name="Oude dienst"))


def _closed_round(coordinator: Client, world: Any) -> dict[str, int]:
    """A round that a guest scored and the coordinator closed: its medians can be adopted."""
    criteria = Criterion.unscoped.filter(plan=world.plan_a).values_list("pk", flat=True)
    coordinator.post(
        reverse("prioritisation:round_create", args=[world.a.slug]),
        {
            "title": "Gesloten ronde",
            "criteria": list(criteria),
            "selection": "ticked",
            "actions": [world.action_a.pk, world.other_action_a.pk],
        },
    )
    scoring_round = ScoringRound.unscoped.get(title="Gesloten ronde")
    codes = {"join_code": scoring_round.join_code}
    guest = Client()
    guest.post(reverse("workshop:join", kwargs=codes), {"name": "Gast", "department": ""})
    scores = {"action": world.action_a.pk}
    scores.update({f"a{world.action_a.pk}-c{pk}": "3" for pk in criteria})
    guest.post(reverse("workshop:score", kwargs=codes), scores)
    coordinator.post(reverse("prioritisation:round_close", args=[world.a.slug, scoring_round.pk]))
    return {"pk": scoring_round.pk}


@as_platform
def _ids(world: Any) -> list[str]:
    """Real ids of both municipalities' rows, as a tester finds them in one URL and tries them
    in another."""
    ids: set[int] = set()
    for model in (
        Action,
        ActionStatus,
        Tag,
        Theme,
        Department,
        Membership,
        Criterion,
        Phase,
        ChecklistItem,
    ):
        ids.update(model.unscoped.values_list("pk", flat=True))  # type: ignore[attr-defined]
    ids.update(user.pk for user in world.users.values())
    return sorted(str(pk) for pk in ids)


def _open_portal_invitation(world: Any) -> str:
    jan = world.stakeholder()
    with tenant_scope(world.a):
        contact = Contact.objects.create(
            full_name="Els De Smet", organisation=jan.organisation, email="els@fluvius.test"
        )
        BodyMembership.objects.create(body=jan.body, contact=contact, starts_on="2025-03-01")
        access = PortalAccess.objects.create(contact=contact, email=contact.email)
        return portal_invitation_token(access)


def furnish(world: Any) -> FuzzWorld:
    _more_rows(world)
    _history_and_trash(world)
    coordinator = world.client_for("coordinator")
    # The department's history page needs an entry.
    coordinator.post(
        reverse("tenancy:department_edit", args=[world.a.slug, world.department_a.pk]),
        {"name": "Mobiliteit en Verkeer", "version": world.department_a.version},
    )
    _task(world)
    _started(world)
    started_trajectory(world.b)
    opened = _round(world)
    join_code = ScoringRound.unscoped.get(**opened).join_code
    participant = Client()
    participant.post(
        reverse("workshop:join", kwargs={"join_code": join_code}),
        {"name": "Gast", "department": ""},
    )
    # Opening the link puts the token in the session, as for someone who clicked the e-mail.
    resetter = Client()
    user = world.users["viewer"]
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    resetter.get(reverse("accounts:password_reset_confirm", args=[uid, token]))
    export_url = reverse("plans:actions_export", args=[world.a.slug])
    export_csv = coordinator.get(f"{export_url}?format=csv").getvalue()
    coordinator.post(
        reverse("plans:actions_import", args=[world.a.slug]),
        {"file": SimpleUploadedFile("acties.csv", export_csv)},
    )
    closed = _closed_round(coordinator, world)
    with tenant_scope(world.a):
        # The plan's only "unknown" status stays (the import needs it): another one goes.
        unused = (
            ActionStatus.objects.filter(plan=world.plan_a, actions=None)
            .exclude(category=StatusCategory.UNKNOWN)
            .last()
        )
        own_criterion = Criterion.objects.get(name="Draagvlak")
    assert unused is not None
    invitation = invitation_token(world.invitation_a)
    survey = _survey_round(world)
    with tenant_scope(world.a):
        survey_token = respondent_token(Respondent.objects.get(department=world.department_a))
    # A meeting held last week whose evaluation was sent: its page shows the evaluation's
    # buttons, and the editor's link opens the evaluation form.
    held = _held_meeting(world)
    coordinator.post(reverse("meetings:evaluation_send", args=[world.a.slug, held["pk"]]))
    with tenant_scope(world.a):
        evaluation_token = response_token(
            EvaluationResponse.objects.get(evaluation__meeting_id=held["pk"])
        )
    # A contact person's consent: the person's withdrawal link opens its page.
    consent = _consent(world)
    with tenant_scope(world.a):
        withdraw_token = consent_withdraw_token(Consent.objects.get(pk=consent["consent"]))
    # An event with a registration: its page shows attendance, and the person's cancel link
    # opens; the public page shows its form once a consent text for events is published.
    with_consent_text(world)
    registration = _registration(world)
    with tenant_scope(world.a):
        cancel = cancel_token(Registration.objects.get(pk=registration["registration"]))
    # A portal visitor, and an open invitation to the portal for a second member of the body.
    portal_invitation = _open_portal_invitation(world)
    # A support offer that municipality A asked for: the provider's manager answers it.
    asked = sample_request(world)
    # A second offer of the provider, not asked for yet: its request form shows.
    unasked = OfferFactory(provider=asked.provider, title="Vorming klimaatteams")
    kwargs: dict[str, Callable[[Any], dict[str, Any]]] = {
        **SAMPLE_KWARGS,
        "portal_invitation:accept": lambda w: {"token": portal_invitation},
        "offer_requests:create": lambda w: {"pk": unasked.pk},
        "event_public:cancel": lambda w: {"token": cancel},
        "plans:task_edit": _task,
        "plans:task_delete": _task,
        "plans:task_toggle": _task,
        "plans:theme_edit": _theme,
        "plans:status_delete": lambda w: {"pk": unused.pk},
        "prioritisation:criterion_delete": lambda w: {"pk": own_criterion.pk},
        "prioritisation:round_detail": lambda w: opened,
        "prioritisation:round_close": lambda w: opened,
        "prioritisation:round_results": lambda w: closed,
        "prioritisation:round_adopt": lambda w: closed,
        "workshop:join": lambda w: {"join_code": join_code},
        "workshop:score": lambda w: {"join_code": join_code},
        "accounts:password_reset_confirm": lambda w: {"uidb64": uid, "token": "set-password"},
        "accounts:invitation": lambda w: {"token": invitation},
        "respondent:answer": lambda w: {"token": survey_token},
        "evaluation:answer": lambda w: {"token": evaluation_token},
        "network_link:withdraw": lambda w: {"token": withdraw_token},
        "meetings:detail": lambda w: held,
        "diagnosis:round_detail": lambda w: survey,
    }
    clients = {
        "coordinator": coordinator,
        "anonymous": Client(),
        "participant": participant,
        "resetter": resetter,
        "coach": world.client_for("coach"),
        "anonymous_registrant": Client(),
        "stakeholder": world.client_for("stakeholder"),
        "provider": world.client_for("provider"),
    }
    return FuzzWorld(world, clients, kwargs, _ids(world), export_csv)
