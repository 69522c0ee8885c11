"""Error pages speak the visitor's language, keep the site's layout and offer a way back."""

from http import HTTPStatus

import pytest
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import path


def _broken(request):
    raise RuntimeError("a fault on our side")


def _fine(request):
    return HttpResponse("ok")


urlpatterns = [path("kapot/", _broken), path("", _fine, name="home")]


def test_a_missing_page_in_dutch_with_a_way_back(world):
    response = world.client_for("coordinator").get("/alfa/bestaat-niet/")

    assert response.status_code == HTTPStatus.NOT_FOUND
    page = response.content.decode()
    assert "Deze pagina bestaat niet" in page
    assert 'class="skip-link"' in page, "in the site's layout"
    assert 'href="/"' in page


def test_a_page_one_s_role_does_not_allow(world):
    response = world.client_for("viewer").get("/alfa/plan/instellingen/plan/")

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert "Uw rol in deze gemeente" in response.content.decode()


def test_an_expired_form(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["coordinator"])

    response = client.post("/alfa/plan/acties/import/", {})

    assert response.status_code == HTTPStatus.FORBIDDEN
    page = response.content.decode()
    assert "Het formulier is verlopen" in page
    assert "Er werd niets bewaard" in page


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
@pytest.mark.django_db
def test_a_server_error_says_so_in_dutch_without_details():
    client = Client(raise_request_exception=False)

    response = client.get("/kapot/")

    assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
    page = response.content.decode()
    assert "Er liep iets mis" in page
    assert "a fault on our side" not in page
