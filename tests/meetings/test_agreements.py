"""Work agreements: made from a meeting or on their own, overviews per municipality and per
department with filters and exports, state updates by the departments bound, and the short list
on the dashboards."""

from datetime import date, timedelta
from http import HTTPStatus

import pytest
from django.core.exceptions import PermissionDenied

from daadkracht.access.context import tenant_scope
from daadkracht.history.models import AuditEntry
from daadkracht.meetings.models import WorkAgreement, WorkAgreementAction, WorkAgreementParty
from daadkracht.meetings.services.agreements import work_agreement_create
from daadkracht.testing.factories import DepartmentFactory
from tests.meetings.conftest import url

pytestmark = pytest.mark.django_db


def agreement_in_a(world, *, title: str, departments=None, **values) -> WorkAgreement:
    departments = departments or [world.department_a, world.other_department_a]
    with world.as_member("coordinator"):
        return work_agreement_create(
            actor=world.users["coordinator"],
            title=title,
            parties=[(d, f"{d.name} doet mee") for d in departments],
            **values,
        )


def form_data(world, **changes) -> dict:
    return {
        "title": "Mobiliteit toetst elk nieuw straatplan samen met Omgeving",
        "description": "Afgesproken tijdens het lunchgesprek.",
        "due_date": "2027-03-31",
        "status": "agreed",
        "review_date": "2027-01-15",
        "meeting": "",
        "actions": [world.action_a.pk],
        "party_1_department": world.department_a.pk,
        "party_1_commitment": "Legt elk ontwerp voor",
        "party_2_department": world.other_department_a.pk,
        "party_2_commitment": "Geeft advies binnen twee weken",
        **changes,
    }


def test_from_a_meeting_the_agreement_is_prefilled_and_links_back(world, plan_meeting):
    meeting = plan_meeting()
    client = world.client_for("coordinator")
    page = client.get(url("meetings:detail", world, pk=meeting.pk)).content.decode()
    assert f'/alfa/werkafspraken/nieuw/?meeting={meeting.pk}">Werkafspraak toevoegen<' in page

    form = client.get(url("agreements:create", world) + f"?meeting={meeting.pk}").context["form"]
    assert form.initial["meeting"] == meeting
    assert {form.initial["party_1_department"], form.initial["party_2_department"]} == {
        world.department_a,
        world.other_department_a,
    }

    response = client.post(url("agreements:create", world), form_data(world, meeting=meeting.pk))
    assert response.status_code == HTTPStatus.FOUND
    agreement = WorkAgreement.unscoped.get()
    assert agreement.meeting == meeting
    assert list(WorkAgreementAction.unscoped.values_list("action", flat=True)) == [
        world.action_a.pk
    ]
    parties = dict(WorkAgreementParty.unscoped.values_list("department__name", "commitment"))
    assert parties == {
        "Mobiliteit": "Legt elk ontwerp voor",
        "Groendienst": "Geeft advies binnen twee weken",
    }
    meeting_page = client.get(url("meetings:detail", world, pk=meeting.pk)).content.decode()
    assert agreement.title in meeting_page
    assert AuditEntry.unscoped.filter(object_id=agreement.pk).exists()


def test_one_department_is_not_an_agreement(world):
    data = form_data(world, party_2_department="", party_2_commitment="")

    response = world.client_for("coordinator").post(url("agreements:create", world), data)

    assert response.status_code == HTTPStatus.OK
    assert "minstens twee diensten" in response.content.decode()
    assert "Legt elk ontwerp voor" in response.content.decode()
    assert not WorkAgreement.unscoped.exists()


def test_the_same_department_twice_is_refused(world):
    data = form_data(world, party_2_department=world.department_a.pk)

    response = world.client_for("coordinator").post(url("agreements:create", world), data)

    assert "elke dienst maar één keer" in response.content.decode()
    assert not WorkAgreement.unscoped.exists()


def test_a_department_of_another_municipality_cannot_be_a_party(world):
    data = form_data(world, party_2_department=world.department_b.pk)

    response = world.client_for("coordinator").post(url("agreements:create", world), data)

    assert response.status_code == HTTPStatus.OK
    assert not WorkAgreement.unscoped.exists()


def test_the_overviews_filter_per_department_and_status_and_export(world):
    third = DepartmentFactory(municipality=world.a, name="Financiën")
    agreement_in_a(world, title="Fietsstraten samen plannen", status="agreed")
    agreement_in_a(
        world,
        title="Budget voor zonnepanelen",
        departments=[world.other_department_a, third],
        status="done",
    )
    client = world.client_for("viewer")

    mobility = client.get(url("agreements:department", world, department=world.department_a.pk))
    text = mobility.content.decode()
    assert "Fietsstraten samen plannen" in text
    assert "Budget voor zonnepanelen" not in text
    done = client.get(url("agreements:list", world) + "?status=done").content.decode()
    assert "Budget voor zonnepanelen" in done
    assert "Fietsstraten samen plannen" not in done
    export = client.get(url("agreements:list", world) + "?export=csv")
    content = b"".join(export.streaming_content).decode()
    assert "Mobiliteit: Mobiliteit doet mee" in content
    assert "Financiën" in content


def test_an_editor_of_a_party_updates_the_state(world):
    agreement = agreement_in_a(world, title="Fietsstraten samen plannen", status="agreed")
    client = world.client_for("editor")  # of Mobiliteit, a party

    response = client.post(
        url("agreements:state", world, pk=agreement.pk),
        {"status": "in_progress", "review_date": "2027-02-01", "version": agreement.version},
    )

    assert response.status_code == HTTPStatus.FOUND
    agreement.refresh_from_db()
    assert agreement.status == "in_progress"
    assert agreement.review_date == date(2027, 2, 1)


def test_an_editor_of_another_department_cannot(world):
    third = DepartmentFactory(municipality=world.a, name="Financiën")
    agreement = agreement_in_a(
        world, title="Budget", departments=[world.other_department_a, third], status="agreed"
    )
    client = world.client_for("editor")

    page = client.get(url("agreements:detail", world, pk=agreement.pk)).content.decode()
    assert url("agreements:state", world, pk=agreement.pk) not in page
    client.post(
        url("agreements:state", world, pk=agreement.pk),
        {"status": "done", "review_date": "", "version": agreement.version},
    )

    agreement.refresh_from_db()
    assert agreement.status == "agreed"


@pytest.mark.parametrize("who", ["editor", "viewer"])
def test_editors_and_viewers_do_not_edit_or_remove(world, who):
    agreement = agreement_in_a(world, title="Fietsstraten samen plannen")
    client = world.client_for(who)

    assert client.post(url("agreements:delete", world, pk=agreement.pk)).status_code == 403
    assert client.get(url("agreements:edit", world, pk=agreement.pk)).status_code == 403
    assert WorkAgreement.unscoped.filter(pk=agreement.pk).exists()


def test_removing_asks_first(world):
    agreement = agreement_in_a(world, title="Per vergissing toegevoegd")
    client = world.client_for("coordinator")

    question = client.get(url("agreements:delete", world, pk=agreement.pk)).content.decode()
    assert "beter gemarkeerd als geschrapt" in question
    assert WorkAgreement.unscoped.filter(pk=agreement.pk).exists()
    client.post(url("agreements:delete", world, pk=agreement.pk))
    assert not WorkAgreement.unscoped.filter(pk=agreement.pk).exists()


def test_editing_keeps_a_change_made_in_between(world):
    agreement = agreement_in_a(world, title="Fietsstraten samen plannen", status="agreed")
    client = world.client_for("coordinator")
    form = client.get(url("agreements:edit", world, pk=agreement.pk)).context["form"]
    data = {name: form[name].value() for name in form.fields}
    data = {k: ("" if v is None else v) for k, v in data.items()}
    data["actions"] = []
    # Meanwhile the department reports progress.
    client.post(
        url("agreements:state", world, pk=agreement.pk),
        {"status": "in_progress", "review_date": "", "version": agreement.version},
    )

    response = client.post(
        url("agreements:edit", world, pk=agreement.pk), dict(data, due_date="2027-06-30")
    )

    assert response.status_code == HTTPStatus.FOUND
    agreement.refresh_from_db()
    assert agreement.status == "in_progress"
    assert agreement.due_date == date(2027, 6, 30)


def test_another_municipality_sees_none_of_them(world):
    agreement = agreement_in_a(world, title="Fietsstraten samen plannen")
    outsider = world.client_for("other_municipality")

    assert outsider.get(url("agreements:detail", world, pk=agreement.pk)).status_code == 404
    own = outsider.get(f"/{world.b.slug}/werkafspraken/").content.decode()
    assert "Fietsstraten" not in own
    assert outsider.get(f"/{world.b.slug}/werkafspraken/{agreement.pk}/").status_code == 404


def test_late_agreements_and_reviews_show_on_both_dashboards(world):
    today = date.today()
    agreement_in_a(
        world, title="Laadpalen afstemmen", status="agreed", due_date=today - timedelta(days=3)
    )
    agreement_in_a(world, title="Groenplan herbekijken", status="in_progress", review_date=today)
    agreement_in_a(world, title="Al afgerond", status="done", due_date=today - timedelta(days=9))
    third = DepartmentFactory(municipality=world.a, name="Financiën")
    agreement_in_a(
        world,
        title="Budget voor zonnepanelen",
        departments=[world.other_department_a, third],
        status="agreed",
        due_date=today - timedelta(days=1),
    )
    client = world.client_for("viewer")

    home = client.get(f"/{world.a.slug}/").content.decode()
    assert "3 werkafspraken om op te volgen" in home
    assert "Laadpalen afstemmen" in home
    assert "Groenplan herbekijken" in home
    assert "Al afgerond" not in home
    department = client.get(
        f"/{world.a.slug}/dashboard/dienst/{world.department_a.pk}/"
    ).content.decode()
    assert "2 werkafspraken om op te volgen" in department
    assert "Budget voor zonnepanelen" not in department


def test_the_empty_overview_says_how_to_start(world):
    page = world.client_for("coordinator").get(url("agreements:list", world)).content.decode()

    assert "Voeg de eerste werkafspraak toe" in page


def test_the_service_refuses_a_viewer(world):
    with world.as_member("viewer"), pytest.raises(PermissionDenied):
        work_agreement_create(
            actor=world.users["viewer"],
            title="Stiekem",
            parties=[(world.department_a, ""), (world.other_department_a, "")],
        )
    with tenant_scope(world.a):
        assert not WorkAgreement.objects.exists()
