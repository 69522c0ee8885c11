"""A new coordinator's home page: a checklist ticked from the data, and no empty state that
contradicts the dashboard's figures."""

import re
from datetime import timedelta
from decimal import Decimal
from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from daadkracht.access.context import platform_scope, tenant_scope
from daadkracht.accounts.models import Invitation
from daadkracht.history.models import AuditEntry
from daadkracht.plans.services.plan import plan_create, theme_create
from daadkracht.tenancy.models import Membership, Municipality
from daadkracht.tenancy.roles import Role
from daadkracht.testing.factories import (
    ActionFactory,
    DepartmentFactory,
    InvitationFactory,
    MembershipFactory,
    MunicipalityFactory,
    UserFactory,
)

NO_ACTIONS = "Het plan heeft nog geen acties."
SLUG = "zonnedorp"


def url(name: str, **kwargs) -> str:
    return reverse(name, kwargs={"municipality": SLUG, **kwargs})


@pytest.fixture
def town(db) -> Municipality:
    return MunicipalityFactory(name="Gemeente Zonnedorp", slug=SLUG)


def member(town: Municipality, role: Role, email: str) -> Client:
    user = UserFactory(email=email)
    MembershipFactory(user=user, municipality=town, role=role)
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def coordinator(town) -> Client:
    return member(town, Role.COORDINATOR, "klimaat@zonnedorp.test")


def add_plan(town: Municipality):
    with tenant_scope(town):
        return plan_create(
            actor=None,
            municipality=town,
            name="Klimaatplan Zonnedorp 2030",
            start_year=2025,
            end_year=2030,
            baseline_year=2011,
            baseline_emissions=Decimal(80000),
        )


def add_theme(plan) -> None:
    with tenant_scope(plan.municipality):
        theme_create(actor=None, plan=plan, name="Zonnedorp verwarmt fossielvrij")


def checklist_items(content: str) -> list[tuple[bool, str]]:
    """Each item of the checklist: whether it is ticked, and where its first link goes."""
    match = re.search(r'<ol class="checklist">(.*?)</ol>', content, re.S)
    assert match, "no checklist on the page"
    items = re.findall(r"<li( class=\"done\")?>\s*<a href=\"([^\"]+)\"", match.group(1))
    return [(bool(done), href) for done, href in items]


def test_a_new_coordinator_s_first_page_is_the_checklist(town, coordinator):
    page = coordinator.get(url("tenancy:home"))

    content = page.content.decode()
    assert page.status_code == HTTPStatus.OK
    assert checklist_items(content) == [
        (False, url("plans:plan_create")),
        (False, url("plans:settings")),  # the themes come after the plan
        (False, url("tenancy:department_create")),
        (False, url("plans:actions_import")),
        (False, url("tenancy:member_invite")),
    ]
    assert "0 van 5 stappen gedaan" in content
    assert NO_ACTIONS not in content
    # Done and to do differ in more than colour: a tick and words for screen readers.
    assert "(afgerond)" not in content


def test_each_step_is_ticked_from_the_data_and_links_on(town, coordinator):
    def ticks() -> list[bool]:
        return [
            done
            for done, _href in checklist_items(
                coordinator.get(url("tenancy:home")).content.decode()
            )
        ]

    plan = add_plan(town)
    assert ticks() == [True, False, False, False, False]
    items = checklist_items(coordinator.get(url("tenancy:home")).content.decode())
    assert items[0][1] == url("plans:settings")
    assert items[1][1] == url("plans:theme_create")

    add_theme(plan)
    assert ticks() == [True, True, False, False, False]

    department = DepartmentFactory(municipality=town, name="Milieu")
    assert ticks() == [True, True, True, False, False]

    ActionFactory(plan=plan, lead_department=department)
    assert ticks() == [True, True, True, True, False]

    InvitationFactory(municipality=town, email="schepen@zonnedorp.test", role=Role.VIEWER)
    home = coordinator.get(url("tenancy:home"))
    content = home.content.decode()
    assert 'class="checklist"' not in content  # all done: the list goes away
    assert 'id="themes"' in content  # the dashboard is there
    assert home.context["checklist"].done


def test_only_a_colleague_or_an_invitation_that_can_still_be_accepted_counts(town, coordinator):
    def colleagues_ticked() -> bool:
        return checklist_items(coordinator.get(url("tenancy:home")).content.decode())[4][0]

    expired = InvitationFactory(municipality=town, email="laat@zonnedorp.test")
    cancelled = InvitationFactory(municipality=town, email="weg@zonnedorp.test")
    with platform_scope():
        Invitation.unscoped.filter(pk=expired.pk).update(
            sent_at=timezone.now() - timedelta(days=30)
        )
        Invitation.unscoped.filter(pk=cancelled.pk).update(cancelled_at=timezone.now())
    other_town = MunicipalityFactory(name="Gemeente Elders", slug="elders")
    MembershipFactory(municipality=other_town, role=Role.EDITOR)
    assert not colleagues_ticked()

    member(town, Role.EDITOR, "mobiliteit@zonnedorp.test")
    assert colleagues_ticked()


def test_the_checklist_can_be_put_aside_and_brought_back(town, coordinator):
    colleague = member(town, Role.COORDINATOR, "milieu@zonnedorp.test")
    membership = Membership.unscoped.get(user__email="klimaat@zonnedorp.test")
    entries = AuditEntry.unscoped.count()

    hidden = coordinator.post(url("tenancy:checklist"), {"checklist": "hide"}, follow=True)

    content = hidden.content.decode()
    assert 'class="checklist"' not in content
    assert "Toon de checklist om te starten opnieuw (1 van 5 stappen gedaan)" in content
    assert "Er is hier nog geen klimaatplan." in content
    # A preference of this coordinator only: no history, no new version, the colleague keeps it.
    assert AuditEntry.unscoped.count() == entries
    assert Membership.unscoped.get(pk=membership.pk).version == membership.version
    assert 'class="checklist"' in colleague.get(url("tenancy:home")).content.decode()

    shown = coordinator.post(url("tenancy:checklist"), {"checklist": "show"}, follow=True)
    assert 'class="checklist"' in shown.content.decode()


def test_only_coordinators_have_the_checklist(town):
    viewer = member(town, Role.VIEWER, "schepen@zonnedorp.test")

    content = viewer.get(url("tenancy:home")).content.decode()

    assert 'class="checklist"' not in content
    assert viewer.post(url("tenancy:checklist")).status_code == HTTPStatus.FORBIDDEN


@pytest.mark.parametrize("actions", [0, 1, 60])
@pytest.mark.parametrize("who", ["coordinator", "hidden", "editor", "viewer"])
def test_no_actions_yet_is_never_said_beside_a_count_of_actions(town, coordinator, actions, who):
    """Colleagues invited while the coordinator is still setting up: 60 actions, no themes,
    no departments, and no "the plan has no actions yet" above the figure."""
    plan = add_plan(town)
    ActionFactory.create_batch(actions, plan=plan)
    if who == "coordinator":
        client = coordinator
    elif who == "hidden":
        client = coordinator
        client.post(url("tenancy:checklist"), {"checklist": "hide"})
    else:
        client = member(town, Role(who), f"{who}@zonnedorp.test")

    page = client.get(url("tenancy:home"))

    content = page.content.decode()
    figure = re.search(
        r'<span class="stat__value">(\d+)</span> <span class="stat__label">acties?</span>',
        content,
    )
    if actions:
        assert figure
        assert int(figure.group(1)) == actions
        assert NO_ACTIONS not in content
    else:
        assert figure is None
        assert (NO_ACTIONS in content) == (who != "coordinator")  # the checklist says it there
