"""The work agreement pages belong to the meetings section, and the party lines stay compact."""

import re
from http import HTTPStatus

import pytest

from daadkracht.meetings.models import WorkAgreement
from tests.meetings.conftest import url

pytestmark = pytest.mark.django_db


def current_tabs(page: str) -> list[str]:
    """The current entries of the main navigation and of the collaboration row under it."""
    return re.findall(r'<a href="[^"]*" aria-current="page">([^<]+)</a>', page)


def test_work_agreement_pages_highlight_the_meetings_tab(world):
    client = world.client_for("viewer")

    listed = client.get(url("agreements:list", world)).content.decode()
    assert current_tabs(listed)[:2] == ["Samenwerking", "Overleg"]
    coordinator = world.client_for("coordinator")
    created = coordinator.get(url("agreements:create", world)).content.decode()
    assert current_tabs(created)[:2] == ["Samenwerking", "Overleg"]


def shown_lines(page: str) -> int:
    return len(re.findall(r'<tr class="party-line">', page))


def test_a_new_agreement_shows_two_lines_and_offers_more(world):
    page = world.client_for("coordinator").get(url("agreements:create", world)).content.decode()

    assert shown_lines(page) == 2
    assert page.count("data-spare-line") == 4  # hidden until asked for, or after saving
    assert "Nog een dienst toevoegen" in page
    assert '<label class="visually-hidden" for="id_party_1_department">Dienst 1</label>' in page


def test_after_a_submit_the_filled_lines_come_back_with_two_empty_ones(world):
    response = world.client_for("coordinator").post(
        url("agreements:create", world),
        {
            "title": "",  # missing: the form comes back
            "status": "agreed",
            "party_1_department": world.department_a.pk,
            "party_2_department": world.other_department_a.pk,
        },
    )

    assert response.status_code == HTTPStatus.OK
    assert shown_lines(response.content.decode()) == 4
    assert not WorkAgreement.unscoped.exists()
