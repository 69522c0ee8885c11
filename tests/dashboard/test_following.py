"""The coach's overview: one row per followed municipality, with its dashboard's own figures;
sorted, filtered and exported; never a municipality the coach does not follow."""

import csv
import io
from datetime import date, timedelta
from decimal import Decimal
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from daadkracht.access.context import platform_scope, tenant_scope
from daadkracht.dashboard.selectors.municipality import municipality_dashboard
from daadkracht.diagnosis.models import SurveyRound
from daadkracht.meetings.models import AgreementStatus, Meeting, MeetingKind, WorkAgreement
from daadkracht.plans.models import Action, Plan, StatusCategory
from daadkracht.plans.services.actions import action_delete
from daadkracht.plans.services.plan import plan_create
from daadkracht.plans.services.updates import timeline_update_post
from daadkracht.tenancy.models import Department
from daadkracht.tenancy.roles import Role
from daadkracht.testing.bulk import bulk_plan
from daadkracht.testing.factories import (
    ActionFactory,
    MembershipFactory,
    MunicipalityFactory,
    SurveyRoundFactory,
    UserFactory,
    survey_answers_give,
)
from tests.dashboard.conftest import age, status

OVERVIEW = reverse("coach_overview")


@pytest.fixture
def followed(world, situation):
    """The coach follows Alfa (the dashboard's constructed situation) and Beta (a late action
    waiting for a decision); Gamma, with a plan of its own, they do not follow."""
    MembershipFactory(user=world.users["coach"], municipality=world.b, role=Role.COACH)
    today = timezone.localdate()
    ActionFactory.create(
        plan=world.plan_b,
        identifier="B2.01",
        title="Warmtenet Beta",
        status=status(world.plan_b, StatusCategory.ACTIVE),
        deadline=today - timedelta(days=3),
        decision_needed=True,
        decision_question="Welk tracé?",
        last_update_at=timezone.now(),
    )
    gamma = MunicipalityFactory(name="Gemeente Gamma", slug="gamma")
    with tenant_scope(gamma):
        plan_c = plan_create(
            actor=None,
            municipality=gamma,
            name="Klimaatplan Gamma",
            start_year=2021,
            end_year=2030,
            baseline_year=2011,
            baseline_emissions=Decimal(30000),
        )
    late_c = ActionFactory.create(
        plan=plan_c,
        identifier="G1.01",
        title="Geheime actie van Gamma",
        status=status(plan_c, StatusCategory.ACTIVE),
        deadline=today - timedelta(days=40),
        decision_needed=True,
    )
    with platform_scope():
        age(late_c, 400)
    MembershipFactory(user=UserFactory(), municipality=gamma, role=Role.COORDINATOR)
    return world


def rows_of(response):
    assert response.status_code == HTTPStatus.OK
    return response.context["rows"]


def by_slug(response) -> dict:
    return {row.municipality.slug: row for row in rows_of(response)}


def csv_rows(response) -> list[list[str]]:
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig")), delimiter=";"))


# --- Landing ---------------------------------------------------------------------------------


def test_a_coach_lands_on_the_overview(followed):
    response = followed.client_for("coach").get(reverse("home"))

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == OVERVIEW


def test_a_coach_of_one_municipality_lands_on_the_overview_too(world):
    response = world.client_for("coach").get(reverse("home"))

    assert response.url == OVERVIEW
    page = world.client_for("coach").get(OVERVIEW)
    assert [row.municipality for row in rows_of(page)] == [world.a]


def test_a_member_of_several_municipalities_who_is_no_coach_still_chooses(world):
    MembershipFactory(user=world.users["editor"], municipality=world.b, role=Role.VIEWER)

    response = world.client_for("editor").get(reverse("home"))

    assert response.status_code == HTTPStatus.OK
    assert response.templates[0].name == "tenancy/choose.html"


def test_the_header_leads_a_coach_back_to_the_overview(followed):
    page = followed.client_for("coach").get("/alfa/").content.decode()
    assert f'href="{OVERVIEW}"' in page
    other = followed.client_for("coordinator").get("/alfa/").content.decode()
    assert f'href="{OVERVIEW}"' not in other


# --- Rows and figures ------------------------------------------------------------------------


def test_each_row_says_what_the_municipality_dashboard_says(followed, situation):
    rows = by_slug(followed.client_for("coach").get(OVERVIEW))

    assert set(rows) == {"alfa", "beta"}
    today = timezone.localdate()
    for municipality, plan in ((followed.a, followed.plan_a), (followed.b, followed.plan_b)):
        with tenant_scope(municipality):
            dashboard = municipality_dashboard(plan=plan, since=today, today=today)
        row = rows[municipality.slug]
        assert row.plan_name == plan.name
        assert row.action_count == dashboard.action_count
        assert row.late == dashboard.late.total
        assert row.stale == dashboard.stale.total
        assert row.decisions == len(dashboard.decisions)
    # What the constructed situations hold: in Alfa one late and one silent action (the
    # cancelled one is neither), in Beta one late action waiting for the executive board.
    assert (rows["alfa"].late, rows["alfa"].stale, rows["alfa"].decisions) == (1, 1, 0)
    assert (rows["beta"].late, rows["beta"].stale, rows["beta"].decisions) == (1, 0, 1)
    assert rows["alfa"].action_count == Action.unscoped.filter(plan=followed.plan_a).count()


def test_the_page_shows_the_figures_and_links_to_each_dashboard(followed):
    content = followed.client_for("coach").get(OVERVIEW).content.decode()

    assert "Klimaatplan Alfa" in content
    assert "Klimaatplan Beta" in content
    assert 'href="/alfa/"' in content
    assert 'href="/beta/"' in content
    assert 'href="/beta/dashboard/aandacht/?kind=late"' in content
    assert 'href="/beta/#decisions"' in content
    assert 'scope="row"' in content


def test_last_activity_is_the_latest_status_update(followed, situation):
    with tenant_scope(followed.b):
        action = Action.objects.get(identifier="B2.01")
    long_ago = timezone.now() - timedelta(days=60)
    with platform_scope():
        Action.unscoped.filter(plan=followed.plan_b).update(
            updated_at=long_ago, last_update_at=long_ago
        )
        Plan.unscoped.filter(pk=followed.plan_b.pk).update(updated_at=long_ago)
    before = by_slug(followed.client_for("coach").get(OVERVIEW))["beta"].last_activity
    assert before is not None
    assert timezone.now() - before > timedelta(days=59)

    with tenant_scope(followed.b):
        timeline_update_post(
            actor=followed.users["other_municipality"], action=action, text="Tracé gekozen."
        )

    after = by_slug(followed.client_for("coach").get(OVERVIEW))["beta"].last_activity
    assert after is not None
    assert timezone.now() - after < timedelta(minutes=1)


def test_a_municipality_without_a_plan_says_so(world):
    newcomer = MunicipalityFactory(name="Gemeente Nieuw", slug="nieuw")
    MembershipFactory(user=world.users["coach"], municipality=newcomer, role=Role.COACH)

    response = world.client_for("coach").get(OVERVIEW)

    row = by_slug(response)["nieuw"]
    assert row.plan is None
    assert (row.action_count, row.late, row.stale, row.decisions) == (0, 0, 0, 0)
    assert row.last_activity is None
    assert "Nog geen klimaatplan" in response.content.decode()


# --- Isolation -------------------------------------------------------------------------------


def test_a_coach_never_sees_a_municipality_they_do_not_follow(followed):
    client = followed.client_for("coach")
    page = client.get(OVERVIEW)
    exported = client.get(OVERVIEW + "?export=csv").getvalue().decode("utf-8-sig")
    searched = client.get(OVERVIEW + "?q=gamma")

    assert "gamma" not in by_slug(page)
    for text in (page.content.decode(), exported, searched.content.decode()):
        assert "Gamma" not in text
    assert rows_of(searched) == []
    assert client.get("/gamma/").status_code == HTTPStatus.NOT_FOUND


def test_other_roles_in_a_municipality_are_not_rows_of_the_overview(followed):
    """A coach who is also a viewer elsewhere finds that municipality below, not as a row."""
    gamma = type(followed.a).objects.get(slug="gamma")
    MembershipFactory(user=followed.users["coach"], municipality=gamma, role=Role.VIEWER)

    response = followed.client_for("coach").get(OVERVIEW)

    assert set(by_slug(response)) == {"alfa", "beta"}
    assert [m.municipality for m in response.context["other_memberships"]] == [gamma]


@pytest.mark.parametrize("who", ["coordinator", "editor", "no_membership"])
def test_without_a_municipality_to_follow_the_page_says_how_to_get_one(followed, who):
    response = followed.client_for(who).get(OVERVIEW)

    assert rows_of(response) == []
    content = response.content.decode()
    assert "U volgt nog geen enkele gemeente." in content
    assert "Klimaatplan" not in content


def test_the_overview_needs_a_log_in(world):
    response = world.client_for("anonymous").get(OVERVIEW)
    assert response.status_code == HTTPStatus.FOUND
    assert "/account/aanmelden/" in response.url


# --- Sorting, filtering, export --------------------------------------------------------------


def test_sorting_by_each_column(followed):
    client = followed.client_for("coach")

    def order(sort: str) -> list[str]:
        return [row.municipality.slug for row in rows_of(client.get(f"{OVERVIEW}?sort={sort}"))]

    assert order("name") == ["alfa", "beta"]
    assert order("-name") == ["beta", "alfa"]
    assert order("-actions") == ["alfa", "beta"]
    assert order("actions") == ["beta", "alfa"]
    assert order("-decisions") == ["beta", "alfa"]
    assert order("stale") == ["beta", "alfa"]
    assert order("not-a-column") == ["alfa", "beta"]


def test_sortable_headers_say_how_the_table_is_sorted(followed):
    content = followed.client_for("coach").get(f"{OVERVIEW}?sort=-late").content.decode()

    assert 'aria-sort="descending"><a href="?sort=late">' in content
    assert 'aria-sort="none"><a href="?sort=name">' in content


def test_filtering_by_name(followed):
    client = followed.client_for("coach")

    assert [r.municipality.slug for r in rows_of(client.get(f"{OVERVIEW}?q=BETA"))] == ["beta"]
    empty = client.get(f"{OVERVIEW}?q=Zeta")
    assert rows_of(empty) == []
    assert "Geen enkele gemeente die u volgt, past bij deze naam." in empty.content.decode()


def test_export_csv_and_xlsx_hold_the_rows_as_shown(followed):
    client = followed.client_for("coach")
    shown = rows_of(client.get(f"{OVERVIEW}?sort=-late&q=e"))

    rows = csv_rows(client.get(f"{OVERVIEW}?sort=-late&q=e&export=csv"))
    assert rows[0] == [
        "Gemeente",
        "Klimaatplan",
        "Acties",
        "Te laat",
        "Stilgevallen",
        "Beslissing nodig",
        "Laatste activiteit",
        "Fase van het traject",
        "Open punten op de checklist",
        "Volgend overleg",
        "Sterke banden (diagnose)",
        "Te late werkafspraken",
    ]
    assert [r[0] for r in rows[1:]] == [row.name for row in shown]
    for line, row in zip(rows[1:], shown, strict=True):
        assert line[1:6] == [
            row.plan_name,
            str(row.action_count),
            str(row.late),
            str(row.stale),
            str(row.decisions),
        ]
        assert line[6] == timezone.localdate(row.last_activity).isoformat()
        # Neither municipality has started its trajectory, planned a meeting, closed a
        # diagnosis round or made a work agreement.
        assert line[7:] == ["Niet gestart", "", "", "Nog geen afgesloten ronde", "0"]

    alfa = by_slug(client.get(OVERVIEW))["alfa"]
    response = client.get(f"{OVERVIEW}?export=xlsx")
    assert response.status_code == HTTPStatus.OK
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    values = list(sheet.values)
    assert len(values) == 3
    assert values[1][:6] == (
        "Gemeente Alfa",
        "Klimaatplan Alfa",
        alfa.action_count,
        alfa.late,
        alfa.stale,
        alfa.decisions,
    )


# --- Queries ---------------------------------------------------------------------------------


def coach_of(count: int, user) -> None:
    """Municipalities with a plan, two closed diagnosis rounds, a coming meeting and a late work
    agreement each."""
    now = timezone.now()
    for n in range(count):
        municipality = MunicipalityFactory(
            name=f"Volggemeente {count}-{n}", slug=f"volg-{count}-{n}"
        )
        bulk_plan(municipality=municipality, actions=20 + n, seed=n, departments=2, themes=2)
        MembershipFactory(user=user, municipality=municipality, role=Role.COACH)
        with platform_scope():
            first, second = Department.objects.filter(municipality=municipality)[:2]
            for year in (2025, 2026):
                survey_round = SurveyRoundFactory(
                    municipality=municipality,
                    opens_on=date(year, 3, 1),
                    state=SurveyRound.State.CLOSED,
                    departments=[first, second],
                )
                survey_answers_give(survey_round, first, {second: year - 2023})
            Meeting.objects.create(
                municipality=municipality,
                title="Klimaatteam",
                kind=MeetingKind.OTHER,
                starts_at=now + timedelta(days=n + 1),
                ends_at=now + timedelta(days=n + 1, hours=1),
            )
            WorkAgreement.objects.create(
                municipality=municipality,
                title="Laadpalen afstemmen",
                status=AgreementStatus.AGREED,
                due_date=timezone.localdate() - timedelta(days=n + 1),
            )


def test_queries_do_not_grow_with_the_municipalities(db, client, django_assert_max_num_queries):
    """Session, user, the followed municipalities, their plans, their actions' figures, their
    trajectories, their next meetings, their late work agreements, their closed diagnosis rounds
    with the departments and strong ties of the latest two, the memberships the page and its
    header list, and the support providers the user menu lists."""
    counts = {}
    for followed in (2, 6):
        coach = UserFactory(email=f"coach{followed}@example.test")
        coach_of(followed, coach)
        client.force_login(coach)
        client.get(OVERVIEW)
        with django_assert_max_num_queries(14) as captured:
            rows = rows_of(client.get(OVERVIEW + "?sort=-stale&q=volg"))
        assert len(rows) == followed
        assert all(r.next_meeting and r.late_agreements == 1 for r in rows)
        assert all(r.diagnosis and r.diagnosis.change == 1 for r in rows)
        counts[followed] = len(captured)
        with django_assert_max_num_queries(12):
            client.get(OVERVIEW + "?export=xlsx")

    assert counts[2] == counts[6]


def test_actions_in_the_trash_are_not_counted(followed, situation):
    client = followed.client_for("coach")
    before = by_slug(client.get(OVERVIEW))["alfa"]

    with tenant_scope(followed.a):
        action_delete(actor=followed.users["coordinator"], action=situation.late)

    after = by_slug(client.get(OVERVIEW))["alfa"]
    assert (after.action_count, after.late) == (before.action_count - 1, before.late - 1)
