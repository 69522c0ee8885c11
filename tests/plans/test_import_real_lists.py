"""Three lists shaped like those cities publish go into a new municipality's plan, untouched.

Each file goes through the pages a coordinator uses: the upload, the matching of its columns
(nothing corrected by hand: the matching found is confirmed), one decision per unknown theme,
department and status, the preview, the confirmation. Then every row must be in, every text
kept, and the dashboard's figures must be what the file says — no more.
"""

from decimal import Decimal
from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from daadkracht.access.context import tenant_scope
from daadkracht.plans.models import Action, ActionStatus, StatusCategory
from daadkracht.plans.services.plan import plan_create
from daadkracht.tenancy.models import Municipality
from daadkracht.tenancy.roles import Role
from daadkracht.testing.factories import MembershipFactory, MunicipalityFactory, UserFactory
from daadkracht.testing.real_lists import RealList, all_lists

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def uploads_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _new_municipality(name: str) -> tuple[Municipality, Client]:
    """A municipality just created: a plan without themes, departments or actions."""
    municipality = MunicipalityFactory(name=f"Gemeente {name}", slug=name.lower())
    user = UserFactory(email=f"coordinator@{name.lower()}.test")
    MembershipFactory(user=user, municipality=municipality, role=Role.COORDINATOR)
    with tenant_scope(municipality):
        plan_create(
            actor=None,
            municipality=municipality,
            name=f"Klimaatplan {name}",
            start_year=2021,
            end_year=2030,
            baseline_year=2011,
            baseline_emissions=Decimal(200000),
        )
    client = Client()
    client.force_login(user)
    return municipality, client


def _confirm_columns(client: Client, base: str, page) -> object:
    """The columns page sent as the coordinator finds it: the matching found, confirmed."""
    form = page.context["form"]
    data = {"header_row": form.initial["header_row"]}
    for name in form.column_names:
        data[name] = form.initial.get(name) or ""
    return client.post(f"{base}kolommen/", data)


def _decide(client: Client, municipality: Municipality, real: RealList) -> object:
    """One decision per unknown value: themes and departments are created, a status the list
    words its own way is matched to the plan's status that means the same."""
    base = f"/{municipality.slug}/plan/acties/import/"
    with tenant_scope(municipality):
        statuses = {s.name: s.pk for s in ActionStatus.objects.all()}
    page = client.get(f"{base}ontbrekend/")
    form = page.context["form"]
    data = {}
    for item, choice, use in form.items:
        data[choice] = "create"
        data[use] = ""
        if item.kind == "status":
            data[choice] = "use"
            data[use] = str(statuses[real.statuses[item.name]])
    return client.post(f"{base}ontbrekend/", data)


@pytest.mark.parametrize("real", all_lists(), ids=lambda real: real.name)
def test_a_published_list_goes_in_as_it_is_and_the_dashboard_says_what_it_says(real):
    municipality, client = _new_municipality(real.name)
    base = f"/{municipality.slug}/plan/acties/import/"

    uploaded = client.post(
        base, {"file": SimpleUploadedFile(real.filename, real.content, "application/octet-stream")}
    )
    assert uploaded.status_code == HTTPStatus.FOUND, "any file as it is: a title row, own headers"
    columns = client.get(uploaded["Location"])
    form = columns.context["form"]
    assert form.initial["header_row"] == 3, "the title and the empty row above are skipped"
    matched = [form.initial.get(name) for name in form.column_names]
    assert None not in matched, f"every column of the list is matched: {matched}"

    to_missing = _confirm_columns(client, base, columns)
    assert to_missing.status_code == HTTPStatus.FOUND
    preview_page = _decide(client, municipality, real)
    preview = preview_page.context["preview"]
    assert preview.errors == [], "no row refused: free text is kept, not an error"
    assert preview.counts["new"] == len(real.rows)

    done = client.post(
        f"{base}bevestigen/",
        {"token": preview_page.context["pending"].token, "fingerprint": preview.fingerprint},
    )
    assert done.status_code == HTTPStatus.FOUND

    with tenant_scope(municipality):
        actions = {
            a.title: a
            for a in Action.objects.prefetch_related("themes", "involvements__department")
            .select_related("status", "lead_department")
            .all()
        }
        assert sorted(actions) == sorted(row.title for row in real.rows), "every row is in"
        for row in real.rows:
            action = actions[row.title]
            assert action.identifier, "an identifier is given where the list has none"
            assert action.description == row.description
            assert [t.name for t in action.themes.all()] == list(row.themes)
            assert action.lead_department.name == row.lead
            assert sorted(i.department.name for i in action.involvements.all()) == sorted(
                row.involved
            )
            assert action.responsible_note == row.responsible
            assert action.deadline == row.deadline
            assert (action.budget_planned, action.budget_note) == (row.budget, row.budget_text)
            assert (action.co2_reduction, action.co2_note) == (row.co2, row.co2_text)
            if row.status:
                assert action.status.name == real.statuses.get(row.status, row.status.casefold())
            else:
                assert action.status.category == StatusCategory.UNKNOWN, (
                    "a status the list does not give stays unknown"
                )
            page = client.get(f"/{municipality.slug}/plan/acties/{action.pk}/").content.decode()
            for text in (row.budget_text, row.co2_text, row.responsible):
                assert text in page, f"{text!r} is shown on the action"

    home = client.get(f"/{municipality.slug}/")
    dashboard = home.context["dashboard"]
    assert dashboard.action_count == len(real.rows)
    assert dashboard.budget.planned == real.budget_total, "only amounts the file gives are summed"
    assert dashboard.budget.planned_as_text == sum(1 for r in real.rows if r.budget_text), (
        "the dashboard says how many budgets it could not count"
    )
    assert dashboard.co2_as_text == sum(1 for r in real.rows if r.co2_text)
    done_rows = [r for r in real.rows if real.statuses.get(r.status) == "afgerond"]
    assert dashboard.done_count == len(done_rows)
    assert dashboard.co2.expected == real.co2_total
    assert dashboard.never_updated == len(real.rows) - len(done_rows), (
        "no action has had an update yet, and the dashboard says so"
    )
    unknown = sum(s.count for s in dashboard.statuses if s.status.category == "unknown")
    assert unknown == sum(1 for r in real.rows if not r.status)
    text = home.content.decode()
    if dashboard.budget.planned_as_text > 1:
        assert (
            f"{dashboard.budget.planned_as_text} acties geven hun budget alleen als tekst" in text
        )
