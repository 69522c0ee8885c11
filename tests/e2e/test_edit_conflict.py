"""Two people edit the same action in their own browser; the second decides the one field both
changed, and keeps everything else the first one saved."""

import re
from collections.abc import Iterator
from decimal import Decimal

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Browser, BrowserContext, Page, expect

from daadkracht.access.context import tenant_scope
from daadkracht.accounts.models import User
from daadkracht.plans.models import Action
from daadkracht.plans.services.plan import plan_create
from daadkracht.tenancy.roles import Role
from daadkracht.testing.factories import (
    ActionFactory,
    DepartmentFactory,
    MembershipFactory,
    MunicipalityFactory,
    UserFactory,
)

pytestmark = pytest.mark.e2e


@pytest.fixture
def second_context(browser: Browser, live_server) -> Iterator[BrowserContext]:
    """A colleague's own browser: a separate context, so a separate session."""
    context = browser.new_context(
        base_url=live_server.url, locale="nl-BE", viewport={"width": 1280, "height": 800}
    )
    context.set_default_timeout(10_000)
    yield context
    context.close()


def sign_in(context: BrowserContext, user: User, live_server) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def save(page: Page) -> None:
    page.locator("form.action-form button[type=submit]").click()


def test_the_second_editor_chooses_where_both_changed_the_same_field(
    page: Page, log_in, second_context, live_server, results_dir
):
    town = MunicipalityFactory(name="Gemeente Toetsdorp", slug="toetsdorp")
    mobility = DepartmentFactory(municipality=town, name="Mobiliteit")
    coordinator = UserFactory(email="coordinator@toetsdorp.test", full_name="An Coördinator")
    editor = UserFactory(email="mobiliteit@toetsdorp.test", full_name="Bram Mobiliteit")
    MembershipFactory(user=coordinator, municipality=town, role=Role.COORDINATOR)
    MembershipFactory(user=editor, municipality=town, role=Role.EDITOR, department=mobility)
    with tenant_scope(town):
        plan = plan_create(
            actor=None,
            municipality=town,
            name="Klimaatplan Toetsdorp",
            start_year=2021,
            end_year=2030,
            baseline_year=2011,
            baseline_emissions=Decimal(40000),
        )
    action = ActionFactory.create(
        plan=plan, identifier="B3.01", title="Fietsstraten", lead_department=mobility
    )
    url = reverse("plans:action_edit", kwargs={"municipality": "toetsdorp", "pk": action.pk})
    log_in(coordinator)
    sign_in(second_context, editor, live_server)
    colleague = second_context.new_page()

    # Both open the form; the coordinator saves first.
    colleague.goto(url)
    page.goto(url)
    page.get_by_label("Titel").fill("Fietsstraten in heel de stad")
    page.get_by_label("Omschrijving").fill("Eerst de schoolomgevingen.")
    save(page)
    expect(page).to_have_url(re.compile(rf"/acties/{action.pk}/$"))

    # The editor changed the title too, and the progress.
    colleague.get_by_label("Titel").fill("Fietsstraten rond de scholen")
    colleague.get_by_label("Voortgang (%)").fill("30")
    save(colleague)

    notice = colleague.get_by_role("region", name="Intussen gewijzigd door iemand anders")
    expect(notice).to_be_visible()
    title_choice = notice.get_by_role("group", name="Titel")
    expect(title_choice.get_by_role("radio")).to_have_count(2)
    expect(
        title_choice.get_by_role("radio", name="De bewaarde versie behouden: Fietsstraten in heel")
    ).not_to_be_checked()
    expect(notice.get_by_role("group")).to_have_count(1)
    expect(notice).to_contain_text("omschrijving")
    # The description the coordinator saved is in the form already; the progress is the editor's.
    expect(colleague.get_by_label("Omschrijving")).to_have_value("Eerst de schoolomgevingen.")
    expect(colleague.get_by_label("Voortgang (%)")).to_have_value("30")
    colleague.screenshot(path=str(results_dir / "edit-conflict-choice.png"), full_page=True)

    # Saving without a choice asks again.
    save(colleague)
    expect(title_choice).to_contain_text("Kies welke versie u wilt behouden.")

    title_choice.get_by_role("radio", name=re.compile("^Uw versie gebruiken")).check()
    save(colleague)

    expect(colleague).to_have_url(re.compile(rf"/acties/{action.pk}/$"))
    expect(colleague.get_by_role("heading", level=1)).to_contain_text(
        "Fietsstraten rond de scholen"
    )
    with tenant_scope(town):
        saved = Action.objects.get(pk=action.pk)
    assert saved.title == "Fietsstraten rond de scholen"
    assert saved.description == "Eerst de schoolomgevingen."
    assert saved.progress == 30
