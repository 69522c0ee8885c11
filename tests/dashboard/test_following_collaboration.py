"""The coach's overview beside the actions: each municipality's next meeting, the trend of its
collaboration diagnosis and its late work agreements, as the municipality's own pages give them;
sorted, filtered and exported."""

import csv
import io
import re
from datetime import date, datetime, time, timedelta
from http import HTTPStatus
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from daadkracht.access.context import tenant_scope
from daadkracht.diagnosis import results
from daadkracht.diagnosis.models import SurveyRound
from daadkracht.meetings.models import MeetingKind, WorkAgreement
from daadkracht.meetings.selectors.meetings import next_meetings
from daadkracht.meetings.services.agreements import work_agreement_create
from daadkracht.meetings.services.meetings import meeting_cancel, meeting_create
from daadkracht.tenancy.roles import Role
from daadkracht.testing.factories import (
    DepartmentFactory,
    MembershipFactory,
    MunicipalityFactory,
    SurveyRoundFactory,
    survey_answers_give,
)

OVERVIEW = reverse("coach_overview")
BRUSSELS = ZoneInfo("Europe/Brussels")


def at_noon(day: date, hour: int = 12) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=BRUSSELS)


def plan(world, title: str, day: date, hour: int = 12):
    with world.as_member("coordinator"):
        return meeting_create(
            actor=world.users["coordinator"],
            kind=MeetingKind.OTHER,
            method=None,
            title=title,
            starts_at=at_noon(day, hour),
            ends_at=at_noon(day, hour + 1),
            departments=[world.department_a, world.other_department_a],
        )


def agree(world, title: str, **values) -> WorkAgreement:
    with world.as_member("coordinator"):
        return work_agreement_create(
            actor=world.users["coordinator"],
            title=title,
            parties=[(d, "") for d in (world.department_a, world.other_department_a)],
            **values,
        )


def closed_round(municipality, name: str, year: int, departments, state=SurveyRound.State.CLOSED):
    return SurveyRoundFactory(
        municipality=municipality,
        name=name,
        opens_on=date(year, 3, 1),
        closes_on=date(year, 3, 21),
        state=state,
        departments=departments,
    )


@pytest.fixture
def collaboration(world):
    """The coach follows Alfa and Beta; Alfa meets, agrees and measured its collaboration twice,
    Beta closed one round and plans nothing; Gamma, not followed, has a meeting of its own."""
    MembershipFactory(user=world.users["coach"], municipality=world.b, role=Role.COACH)
    today = timezone.localdate()
    # Alfa's meetings: a past one, a cancelled one sooner than the next, the next, a later one.
    plan(world, "Intake met de schepenen", today - timedelta(days=20))
    cancelled = plan(world, "Afgelast overleg", today + timedelta(days=2))
    with world.as_member("coordinator"):
        meeting_cancel(actor=world.users["coordinator"], meeting=cancelled)
    plan(world, "Lunchgesprek met Mobiliteit", today + timedelta(days=6), hour=12)
    plan(world, "Klimaatteam gebouwen", today + timedelta(days=30))
    # Alfa's agreements: two open past their date, one done past it, one due later.
    agree(world, "Laadpalen afstemmen", status="agreed", due_date=today - timedelta(days=3))
    agree(world, "Groenplan delen", status="in_progress", due_date=today - timedelta(days=1))
    agree(world, "Al afgerond", status="done", due_date=today - timedelta(days=9))
    agree(world, "Fietsstraten", status="agreed", due_date=today + timedelta(days=9))
    # Alfa's diagnosis: Patrimonium took part in the first round only, Financiën in the second.
    mobiliteit, groen = world.department_a, world.other_department_a
    omgeving = DepartmentFactory(municipality=world.a, name="Omgeving")
    patrimonium = DepartmentFactory(municipality=world.a, name="Patrimonium")
    financien = DepartmentFactory(municipality=world.a, name="Financiën")
    first = closed_round(
        world.a, "Nulmeting 2025", 2025, [mobiliteit, groen, omgeving, patrimonium]
    )
    survey_answers_give(first, mobiliteit, {groen: 3, patrimonium: 5, omgeving: 0})
    survey_answers_give(first, groen, {omgeving: 1})
    survey_answers_give(first, patrimonium, {omgeving: 4})
    second = closed_round(world.a, "Meting 2026", 2026, [mobiliteit, groen, omgeving, financien])
    survey_answers_give(second, mobiliteit, {groen: 4, financien: 5})
    survey_answers_give(second, omgeving, {groen: 3, mobiliteit: 3})
    survey_answers_give(second, groen, {mobiliteit: 1})
    # Rounds not closed are no part of the trend.
    under_way = closed_round(
        world.a, "Meting 2027", 2027, [mobiliteit, groen], state=SurveyRound.State.OPEN
    )
    survey_answers_give(under_way, mobiliteit, {groen: 0})
    closed_round(world.a, "Concept 2028", 2028, [mobiliteit, groen], state=SurveyRound.State.DRAFT)
    beta_round = closed_round(world.b, "Nulmeting Beta", 2026, [world.department_b])
    gamma = MunicipalityFactory(name="Gemeente Gamma", slug="gamma")
    MembershipFactory(user=world.users["coach"], municipality=gamma, role=Role.VIEWER)
    return {"first": first, "second": second, "beta_round": beta_round}


def rows_of(response) -> dict:
    assert response.status_code == HTTPStatus.OK
    return {row.municipality.slug: row for row in response.context["rows"]}


def order(client, query: str) -> list[str]:
    response = client.get(f"{OVERVIEW}?{query}")
    assert response.status_code == HTTPStatus.OK
    return [row.municipality.slug for row in response.context["rows"]]


def test_the_new_columns_say_what_the_municipality_pages_say(world, collaboration):
    client = world.client_for("coach")
    rows = rows_of(client.get(OVERVIEW))
    alfa, beta = rows["alfa"], rows["beta"]

    # The next meeting: the first of the municipality's own list of coming meetings.
    with tenant_scope(world.a):
        assert alfa.next_meeting == next_meetings(limit=1)[0]
    assert alfa.next_meeting.title == "Lunchgesprek met Mobiliteit"
    assert beta.next_meeting is None

    # Late work agreements: as many as the agreements' list filtered on "past their date".
    listed = world.client_for("coordinator").get("/alfa/werkafspraken/?attention=overdue")
    assert listed.status_code == HTTPStatus.OK
    assert alfa.late_agreements == len(listed.context["agreements"]) == 2
    assert beta.late_agreements == 0

    # Strong ties: the figures of the comparison of the two closed rounds.
    with tenant_scope(world.a):
        comparison = results.comparison(
            results.round_answers(collaboration["first"]),
            results.round_answers(collaboration["second"]),
        )
    trend = alfa.diagnosis
    assert (trend.previous, trend.latest) == (collaboration["first"], collaboration["second"])
    assert (trend.before, trend.after) == (
        comparison.network_before.strong_ties,
        comparison.network_after.strong_ties,
    )
    assert (trend.before, trend.after) == (1, 3)
    page = client.get(
        f"/alfa/samenwerking/rondes/{collaboration['second'].pk}/resultaten/"
        f"?vergelijk={collaboration['first'].pk}"
    ).content.decode()
    assert re.search(r"Sterke banden</th><td>1</td><td>3</td>", page)
    assert beta.diagnosis is not None
    assert (beta.diagnosis.latest, beta.diagnosis.previous) == (collaboration["beta_round"], None)


def test_the_page_shows_when_and_where_to_look(world, collaboration):
    content = world.client_for("coach").get(OVERVIEW).content.decode()
    meeting = rows_of(world.client_for("coach").get(OVERVIEW))["alfa"].next_meeting

    # The meeting in Brussels time, linked to its page.
    local = timezone.localtime(meeting.starts_at, BRUSSELS)
    assert local.hour == 12
    assert f'href="/alfa/overleg/{meeting.pk}/"' in content
    assert f'datetime="{local.isoformat()}"' in content
    assert re.search(r">\d+ \w+\.? \d{4}, 12:00</time> Lunchgesprek met Mobiliteit</a>", content)
    assert "Geen gepland" in content  # Beta
    assert "Afgelast overleg" not in content
    # The trend, with its words for screen readers, linked to the comparison.
    first, second = collaboration["first"], collaboration["second"]
    assert (
        f'href="/alfa/samenwerking/rondes/{second.pk}/resultaten/?vergelijk={first.pk}"' in content
    )
    assert '<span aria-hidden="true">↑ 1 → 3</span>' in content
    assert "Sterke banden stegen van 1 naar 3" in content
    assert "Eén afgesloten ronde: nog niets om mee te vergelijken" in content  # Beta
    # The late agreements, linked to the list that shows them.
    assert 'href="/alfa/werkafspraken/?attention=overdue">2<' in content
    # The coach may open each of these links.
    client = world.client_for("coach")
    for link in (
        f"/alfa/overleg/{meeting.pk}/",
        f"/alfa/samenwerking/rondes/{second.pk}/resultaten/?vergelijk={first.pk}",
        "/alfa/werkafspraken/?attention=overdue",
        f"/beta/samenwerking/rondes/{collaboration['beta_round'].pk}/resultaten/",
    ):
        assert client.get(link).status_code == HTTPStatus.OK, link


def test_a_municipality_without_any_of_it_says_so(world):
    newcomer = MunicipalityFactory(name="Gemeente Nieuw", slug="nieuw")
    MembershipFactory(user=world.users["coach"], municipality=newcomer, role=Role.COACH)

    response = world.client_for("coach").get(OVERVIEW)

    row = rows_of(response)["nieuw"]
    assert (row.next_meeting, row.diagnosis, row.late_agreements) == (None, None, 0)
    content = response.content.decode()
    assert "Geen ronde" in content
    assert "Geen gepland" in content


def test_fewer_strong_ties_show_an_arrow_down(world, collaboration):
    mobiliteit, groen = world.department_a, world.other_department_a
    later = closed_round(world.a, "Meting 2029", 2029, [mobiliteit, groen])
    survey_answers_give(later, mobiliteit, {groen: 2})

    content = world.client_for("coach").get(OVERVIEW).content.decode()

    assert '<span aria-hidden="true">↓ 1 → 0</span>' in content
    assert "Sterke banden daalden van 1 naar 0" in content


def test_sorting_and_filtering_by_the_new_columns(world, collaboration):
    client = world.client_for("coach")
    newcomer = MunicipalityFactory(name="Gemeente Nieuw", slug="nieuw")
    MembershipFactory(user=world.users["coach"], municipality=newcomer, role=Role.COACH)

    # Municipalities without a meeting or a comparison come last either way.
    assert order(client, "sort=meeting") == ["alfa", "beta", "nieuw"]
    assert order(client, "sort=-meeting") == ["alfa", "beta", "nieuw"]
    assert order(client, "sort=-diagnosis") == ["alfa", "beta", "nieuw"]
    assert order(client, "sort=-agreements") == ["alfa", "beta", "nieuw"]
    assert order(client, "sort=agreements") == ["beta", "nieuw", "alfa"]

    assert order(client, "show=late_agreements") == ["alfa"]
    assert order(client, "show=no_meeting&sort=-name") == ["nieuw", "beta"]
    assert order(client, "show=fewer_ties") == []
    empty = client.get(f"{OVERVIEW}?show=fewer_ties").content.decode()
    assert "Geen enkele gemeente die u volgt, past bij deze filters." in empty
    assert order(client, "show=nonsense") == ["alfa", "beta", "nieuw"]
    page = client.get(f"{OVERVIEW}?show=no_meeting").content.decode()
    assert '<option value="no_meeting" selected>' in page


def test_the_export_holds_the_new_columns(world, collaboration):
    client = world.client_for("coach")
    response = client.get(f"{OVERVIEW}?export=csv")
    assert response.status_code == HTTPStatus.OK
    lines = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig")), delimiter=";"))

    assert lines[0][-3:] == ["Volgend overleg", "Sterke banden (diagnose)", "Te late werkafspraken"]
    by_name = {line[0]: line for line in lines[1:]}
    meeting_day = timezone.localdate() + timedelta(days=6)
    assert by_name["Gemeente Alfa"][-3:] == [
        f"{meeting_day.isoformat()} 12:00 Lunchgesprek met Mobiliteit",
        "Sterke banden stegen van 1 naar 3",
        "2",
    ]
    assert by_name["Gemeente Beta"][-3:] == [
        "",
        "Eén afgesloten ronde: nog niets om mee te vergelijken",
        "0",
    ]
