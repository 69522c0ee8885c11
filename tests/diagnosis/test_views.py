"""The coordinator's pages: a round is made, sent, reminded and closed; answers come back."""

from http import HTTPStatus

from django.core import mail
from django.test import Client
from django.utils import timezone

from daadkracht.access.context import tenant_scope
from daadkracht.diagnosis.models import Respondent, SurveyRound
from daadkracht.testing.factories import DepartmentFactory, UserFactory
from tests.diagnosis.conftest import THEMES, survey_links

BASE = "/alfa/samenwerking/"


def _form(world, **changes) -> dict[str, str]:
    data = {
        "name": "Nulmeting 2026",
        "opens_on": "2026-12-01",
        "closes_on": "2026-12-15",
        f"take_{world.department_a.pk}": "on",
        f"name_{world.department_a.pk}": "An Peeters",
        f"email_{world.department_a.pk}": "an@alfa.test",
        f"take_{world.other_department_a.pk}": "on",
        f"name_{world.other_department_a.pk}": "Bart Claes",
        f"email_{world.other_department_a.pk}": "bart@alfa.test",
    }
    data.update(changes)
    return data


def test_the_climate_contact_is_proposed_as_representative(world):
    contact = UserFactory(email="lies@alfa.test", full_name="Lies Janssens")
    with tenant_scope(world.a):
        world.department_a.climate_contact = contact
        world.department_a.save()
    page = world.client_for("coordinator").get(BASE + "rondes/nieuw/")
    assert b'value="Lies Janssens"' in page.content
    assert b'value="lies@alfa.test"' in page.content
    # The date fields start at today, in the form a browser's date picker reads.
    assert f'value="{timezone.localdate().isoformat()}"' in page.content.decode()


def test_a_round_is_sent_reminded_answered_and_closed(world, django_capture_on_commit_callbacks):
    coordinator = world.client_for("coordinator")
    created = coordinator.post(BASE + "rondes/nieuw/", _form(world))
    assert created.status_code == HTTPStatus.FOUND
    detail = created.url
    with tenant_scope(world.a):
        survey_round = SurveyRound.objects.get()
    assert "Open de ronde en verstuur de links" in coordinator.get(detail).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        coordinator.post(f"{BASE}rondes/{survey_round.pk}/versturen/")
    links = survey_links()
    assert set(links) == {"an@alfa.test", "bart@alfa.test"}

    # Bart answers on his phone, without an account.
    data = {f"level_{world.department_a.pk}": "3"}
    data.update({f"score_{key}": str(score) for key, score in THEMES.items()})
    assert Client().post(links["bart@alfa.test"], data).status_code == HTTPStatus.FOUND

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reminded = coordinator.post(f"{BASE}rondes/{survey_round.pk}/herinneren/", follow=True)
    assert "Er ging een herinnering naar 1 vertegenwoordiger." in reminded.content.decode()
    assert [m.to for m in mail.outbox] == [["an@alfa.test"]]
    page = coordinator.get(detail).content.decode()
    assert "Respons: 1 van 2 diensten (50%)" in page

    confirm = coordinator.get(f"{BASE}rondes/{survey_round.pk}/sluiten/")
    assert "Dit kan niet ongedaan gemaakt worden" in confirm.content.decode()
    coordinator.post(f"{BASE}rondes/{survey_round.pk}/sluiten/")
    survey_round.refresh_from_db()
    assert survey_round.state == SurveyRound.State.CLOSED
    assert "Deze bevraging is gesloten" in Client().get(links["an@alfa.test"]).content.decode()


def test_a_form_with_mistakes_keeps_what_was_typed(world):
    coordinator = world.client_for("coordinator")
    page = coordinator.post(
        BASE + "rondes/nieuw/",
        _form(world, **{f"email_{world.other_department_a.pk}": "geen-adres"}),
    )
    assert page.status_code == HTTPStatus.OK
    assert b'value="geen-adres"' in page.content
    assert b'value="An Peeters"' in page.content
    with tenant_scope(world.a):
        assert not SurveyRound.objects.exists()


def test_a_department_of_another_municipality_cannot_be_slipped_in(world):
    coordinator = world.client_for("coordinator")
    crafted = _form(world)
    crafted.update(
        {
            f"take_{world.department_b.pk}": "on",
            f"name_{world.department_b.pk}": "Spion",
            f"email_{world.department_b.pk}": "spion@beta.test",
        }
    )
    coordinator.post(BASE + "rondes/nieuw/", crafted)
    with tenant_scope(world.a):
        assert not Respondent.objects.filter(department=world.department_b).exists()


def test_editors_and_viewers_cannot_send_or_close(world, diagnosis):
    pk = diagnosis.survey_round.pk
    for who in ("editor", "viewer"):
        client = world.client_for(who)
        for action in ("versturen", "herinneren", "sluiten"):
            assert client.post(f"{BASE}rondes/{pk}/{action}/").status_code == HTTPStatus.FORBIDDEN
    diagnosis.survey_round.refresh_from_db()
    assert diagnosis.survey_round.state == SurveyRound.State.OPEN
    assert mail.outbox == []


def test_a_deleted_department_is_not_offered(world):
    gone = DepartmentFactory(municipality=world.a, name="Opgeheven dienst")
    with tenant_scope(world.a):
        gone.deleted_at = timezone.now()
        gone.save()
    page = world.client_for("coordinator").get(BASE + "rondes/nieuw/")
    assert b"Opgeheven dienst" not in page.content
