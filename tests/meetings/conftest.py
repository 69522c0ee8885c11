"""Helpers for the meetings tests: URLs in municipality A and planning a meeting there."""

from datetime import date, timedelta
from http import HTTPStatus

import pytest
from django.urls import reverse

from daadkracht.meetings.models import Meeting, Method


@pytest.fixture(autouse=True)
def _methods(method_catalogue) -> None:
    """Every meetings test may plan a meeting after one of the catalogue's methods."""


def url(name: str, world, **kwargs) -> str:
    return reverse(name, kwargs={"municipality": world.a.slug, **kwargs})


def next_week() -> date:
    return date.today() + timedelta(days=7)


@pytest.fixture
def plan_meeting(world, django_capture_on_commit_callbacks):
    """Plan a meeting through the page as `who`, with the mails sent; the stored meeting."""

    def plan(who: str = "coordinator", **changes) -> Meeting:
        data = {
            "title": "Lunchgesprek met de dienst Mobiliteit",
            "kind": "method",
            "method": Method.objects.get(key="lunch-talk").pk,
            "date": next_week().isoformat(),
            "start_time": "12:00",
            "end_time": "13:30",
            "place": "Vergaderzaal 2, administratief centrum",
            "departments": [world.department_a.pk, world.other_department_a.pk],
            "attendees": [world.users["editor"].pk, world.users["viewer"].pk],
            "agenda": "",
            "notes": "",
            "decisions": "",
            **changes,
        }
        with django_capture_on_commit_callbacks(execute=True):
            response = world.client_for(who).post(url("meetings:create", world), data)
        assert response.status_code == HTTPStatus.FOUND, (
            response.context and response.context["form"].errors
        )
        return Meeting.unscoped.latest("created_at")

    return plan
