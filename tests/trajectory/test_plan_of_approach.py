"""The plan of approach: its page with the diagnosis, the methods, the timeline and the
responsibilities; its PDF; drawing it up and editing it; who may do what."""

import io
from datetime import datetime, timedelta
from http import HTTPStatus

import pypdfium2 as pdfium
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from daadkracht.access.context import tenant_scope
from daadkracht.meetings.catalogue import CLIMATE_TEAM, KICK_OFF_DAY, LUNCH_TALK, WORKSHOP
from daadkracht.meetings.models import (
    ClimateTeam,
    ClimateTeamMember,
    Meeting,
    MeetingKind,
    Method,
    TeamRole,
)
from daadkracht.testing.factories import DepartmentFactory
from daadkracht.testing.trajectory import (
    closed_round,
    drawn_up_plan,
    proposed_collaboration_model,
    started_trajectory,
)
from daadkracht.trajectory.models import (
    ChosenMethod,
    Party,
    PlanOfApproach,
    PlanStatus,
    Trajectory,
)
from daadkracht.trajectory.pdf import StaticOnlyFetcher
from tests.html_forms import posted_form

KICK_OFF_REASON = "Veel diensten werken naast elkaar; ze leren elkaar kennen op één dag."
TEAM_REASON = "Gebouwen wegen het zwaarst op de uitstoot van de gemeente."


def url(world, name: str, **kwargs) -> str:
    return reverse(f"trajectory:{name}", kwargs={"municipality": world.a.slug, **kwargs})


def text_of(response) -> str:
    return response.content.decode()


def _departments(world, count: int) -> list:
    extra = ["Omgeving", "Patrimonium", "Financiën", "Communicatie", "Wonen", "Economie"]
    made = [
        DepartmentFactory(
            municipality=world.a, name=extra[i % len(extra)] + ("" if i < 6 else f" {i}")
        )
        for i in range(count - 2)
    ]
    return [world.department_a, world.other_department_a, *made]


def _trajectory(world) -> Trajectory:
    trajectory = started_trajectory(world.a)
    with tenant_scope(world.a):
        Trajectory.objects.filter(pk=trajectory.pk).update(
            alderman="Schepen Annelies Claes", contact_person=world.users["coordinator"]
        )
    trajectory.refresh_from_db()
    return trajectory


def _diagnosed(world, *, size: int = 4) -> list:
    """Four departments: the first two work closely together, the last two answer nothing."""
    departments = _departments(world, size)
    closed_round(
        world.a,
        departments,
        levels={(0, 1): 4, (1, 0): 2, (0, 2): 1, (2, 0): 1},
        name="Nulmeting 2026",
        silent=departments[-2:],
        maturity={"culture": 2, "structure": 2, "model": 1, "political": 4, "dashboard": 3},
    )
    return departments


def _planned(world, trajectory: Trajectory) -> PlanOfApproach:
    plan = drawn_up_plan(
        world.a,
        trajectory,
        methods=[(KICK_OFF_DAY, KICK_OFF_REASON), (CLIMATE_TEAM, TEAM_REASON)],
    )
    with tenant_scope(world.a):
        ChosenMethod.objects.filter(plan=plan, method__key=CLIMATE_TEAM).update(
            title="Klimaatteam gebouwen", period="voorjaar 2027", lead=Party.COACH
        )
        PlanOfApproach.objects.filter(pk=plan.pk).update(
            introduction="Het klimaatplan vraagt dat alle diensten samenwerken."
        )
    return plan


def _team(world) -> ClimateTeam:
    with world.as_member("coordinator"):
        team = ClimateTeam.objects.create(name="Klimaatteam mobiliteit")
        ClimateTeamMember.objects.create(team=team, user=world.users["editor"], role=TeamRole.CHAIR)
    return team


def test_the_page_shows_each_section_with_the_trajectorys_own_data(world):
    trajectory = _trajectory(world)
    _diagnosed(world)
    _planned(world, trajectory)
    _team(world)

    page = world.client_for("viewer").get(url(world, "plan"))

    body = text_of(page)
    assert page.status_code == HTTPStatus.OK
    # 1. Why: the introduction and the intake's alderman and contact person.
    assert "Het klimaatplan vraagt dat alle diensten samenwerken." in body
    assert "Schepen Annelies Claes" in body
    assert str(world.users["coordinator"]) in body
    # 2. The diagnosis: response, provisional mark, figures in words, the network and matrix.
    assert "Nulmeting 2026" in body
    assert "2 van de 4 diensten" in body
    assert "voorlopig" in body
    assert "2 van de 6 paren diensten" in body
    assert 'class="network-chart"' in body
    assert 'class="matrix"' in body
    # 3. The methods, why, and what the catalogue says they are for.
    assert KICK_OFF_REASON in body
    assert "Klimaatteam gebouwen" in body
    with translation.override("nl"):
        purpose = str(Method.objects.get(key=KICK_OFF_DAY).text.purpose)
    assert escape(purpose) in body
    # 4. The timeline with every phase.
    assert "Diagnose van de samenwerking" in body
    assert "Evalueren en bijsturen" in body
    # 5. The climate teams and their members; the collaboration model is not described yet.
    assert "Klimaatteam mobiliteit" in body
    assert str(world.users["editor"]) in body
    assert "Hoe een beslissing bij het college komt" in body
    assert "De weg van een beslissing is nog niet beschreven." in body
    # 6. The municipality's responsibilities and the coach's.
    assert "Eén contactpersoon aanduiden" in body or "aanspreekpunt" in body.casefold()
    assert "train-the-trainer" in body
    # A viewer reads; the edit links are not offered.
    assert url(world, "plan_edit") not in body
    assert url(world, "plan_pdf") in body


def test_the_plan_shows_the_collaboration_model_once_described(world):
    trajectory = _trajectory(world)
    _planned(world, trajectory)
    proposed_collaboration_model(world.a)

    body = text_of(world.client_for("viewer").get(url(world, "plan")))

    assert "Stuurgroep" in body
    assert 'class="decision-route"' in body
    assert "De weg van een beslissing is nog niet beschreven." not in body


def test_a_second_closed_round_is_compared_in_one_sentence(world):
    trajectory = _trajectory(world)
    departments = _diagnosed(world)
    closed_round(
        world.a,
        departments,
        levels={(0, 1): 4, (1, 0): 4, (0, 2): 3, (2, 0): 3, (1, 2): 2, (2, 1): 2},
        name="Opvolgingsmeting 2027",
        opens_on=timezone.localdate() - timedelta(days=5),
    )
    _planned(world, trajectory)

    body = text_of(world.client_for("coordinator").get(url(world, "plan")))

    assert "Opvolgingsmeting 2027" in body
    assert "Vergeleken met Nulmeting 2026" in body
    assert "van 33% naar 50%" in body


def test_without_a_plan_the_page_offers_to_draw_it_up_from_the_meetings_so_far(world):
    trajectory = _trajectory(world)
    starts = timezone.make_aware(datetime(2026, 10, 6, 12, 0))
    with world.as_member("coordinator"):
        for key, title in [(LUNCH_TALK, "Lunch met Mobiliteit"), (WORKSHOP, "Workshop dashboard")]:
            Meeting.objects.create(
                title=title,
                kind=MeetingKind.METHOD,
                method=Method.objects.get(key=key),
                starts_at=starts,
                ends_at=starts + timedelta(hours=1),
            )
    client = world.client_for("coach")

    page = client.get(url(world, "plan"))

    body = text_of(page)
    assert page.status_code == HTTPStatus.OK
    assert "Het plan van aanpak is nog niet opgemaakt." in body
    assert url(world, "plan_start") in body
    # The trajectory's own data already shows.
    assert "Schepen Annelies Claes" in body

    response = client.post(url(world, "plan_start"), follow=True)

    plan = PlanOfApproach.unscoped.get(municipality=world.a)
    assert plan.trajectory == trajectory
    chosen = ChosenMethod.unscoped.filter(plan=plan)
    assert {c.method.key for c in chosen} == {LUNCH_TALK, WORKSHOP}
    assert all(c.period == "vanaf oktober 2026" for c in chosen)
    assert "nog te schrijven" in text_of(response)
    # Drawing it up twice keeps the one plan.
    client.post(url(world, "plan_start"))
    assert PlanOfApproach.unscoped.filter(municipality=world.a).count() == 1


def test_before_the_trajectory_starts_the_page_says_so_and_there_is_no_pdf(world):
    client = world.client_for("coordinator")

    page = client.get(url(world, "plan"))

    assert page.status_code == HTTPStatus.OK
    assert url(world, "overview") in text_of(page)
    assert client.get(url(world, "plan_pdf")).status_code == HTTPStatus.NOT_FOUND
    assert client.post(url(world, "plan_start")).status_code == HTTPStatus.NOT_FOUND


def _pdf_text(content: bytes) -> tuple[int, str]:
    document = pdfium.PdfDocument(io.BytesIO(content))
    pages = len(document)
    text = "\n".join(page.get_textpage().get_text_range() for page in document)
    document.close()
    return pages, text


def test_the_pdf_is_the_plan_for_the_executive_board(world):
    trajectory = _trajectory(world)
    _diagnosed(world)
    _planned(world, trajectory)

    response = world.client_for("viewer").get(url(world, "plan_pdf"))

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert "plan-van-aanpak-gemeente-alfa.pdf" in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")
    pages, text = _pdf_text(response.content)
    assert pages >= 2
    flat = " ".join(text.split())
    assert "Gemeente Alfa" in flat
    assert "Plan van aanpak" in flat
    assert "Klimaatteam gebouwen" in flat
    assert "Ontwerp" in flat  # the status on the cover
    # No navigation nor edit buttons in the document.
    assert "Methodiek toevoegen" not in flat
    assert "Overslaan" not in flat


def test_the_pdf_reads_the_projects_static_files_and_nothing_else():
    fetcher = StaticOnlyFetcher()

    stylesheet = fetcher.fetch("https://daadkracht.invalid/static/css/plan-print.css")

    assert b"@page" in stylesheet.read()
    for address in [
        "https://fonts.example.com/static/css/plan-print.css",
        "https://daadkracht.invalid/static/../config/settings.py",
        "file:///etc/passwd",
        "https://daadkracht.invalid/media/upload.svg",
        "https://daadkracht.invalid/static/css/nothing-here.css",
    ]:
        with pytest.raises(ValueError, match="static files"):
            fetcher.fetch(address)


@pytest.mark.parametrize("role", ["editor", "viewer"])
def test_editors_and_viewers_read_the_plan_but_cannot_change_it(world, role):
    trajectory = _trajectory(world)
    plan = _planned(world, trajectory)
    chosen = ChosenMethod.unscoped.filter(plan=plan).first()
    client = world.client_for(role)

    assert client.get(url(world, "plan")).status_code == HTTPStatus.OK
    assert client.get(url(world, "plan_edit")).status_code == HTTPStatus.FORBIDDEN
    assert client.get(url(world, "method_add")).status_code == HTTPStatus.FORBIDDEN
    response = client.post(url(world, "method_edit", pk=chosen.pk), {"reason": "Anders"})
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert client.post(url(world, "method_delete", pk=chosen.pk)).status_code == 403
    assert client.post(url(world, "plan_start")).status_code == HTTPStatus.FORBIDDEN
    chosen.refresh_from_db()
    assert chosen.reason == KICK_OFF_REASON


def test_another_municipality_sees_nothing_of_this_plan(world):
    trajectory = _trajectory(world)
    plan = _planned(world, trajectory)
    chosen = ChosenMethod.unscoped.filter(plan=plan).first()
    started_trajectory(world.b)
    outsider = world.client_for("other_municipality")
    beta = {"municipality": world.b.slug}

    assert outsider.get(url(world, "plan")).status_code == HTTPStatus.NOT_FOUND
    assert outsider.get(url(world, "plan_pdf")).status_code == HTTPStatus.NOT_FOUND
    own_url = reverse("trajectory:method_edit", kwargs={**beta, "pk": chosen.pk})
    assert outsider.get(own_url).status_code == HTTPStatus.NOT_FOUND
    delete = reverse("trajectory:method_delete", kwargs={**beta, "pk": chosen.pk})
    assert outsider.post(delete).status_code == HTTPStatus.NOT_FOUND
    # B's own plan page knows nothing of A's plan.
    page = outsider.get(reverse("trajectory:plan", kwargs=beta))
    assert KICK_OFF_REASON not in text_of(page)
    assert ChosenMethod.unscoped.filter(pk=chosen.pk).exists()


def test_the_coordinator_adds_edits_and_takes_out_a_method(world):
    trajectory = _trajectory(world)
    _planned(world, trajectory)
    client = world.client_for("coordinator")
    lunch = Method.objects.get(key=LUNCH_TALK)

    refused = client.post(
        url(world, "method_add"),
        {"method": lunch.pk, "title": "Lunchgesprekken", "reason": " ", "lead": Party.MUNICIPALITY},
    )
    assert refused.status_code == HTTPStatus.OK
    assert 'value="Lunchgesprekken"' in text_of(refused)
    added = client.post(
        url(world, "method_add"),
        {
            "method": lunch.pk,
            "title": "Lunchgesprekken",
            "reason": "Mobiliteit en Groendienst zien hun samenwerking heel anders.",
            "finding": "Mobiliteit zegt 4, Groendienst zegt 2.",
            "period": "januari tot april 2027",
            "lead": Party.MUNICIPALITY,
        },
    )
    chosen = ChosenMethod.unscoped.get(method=lunch)
    assert added.status_code == HTTPStatus.FOUND
    assert added["Location"].endswith(f"#method-{chosen.pk}")

    form = posted_form(client.get(url(world, "method_edit", pk=chosen.pk)))
    form.update({"period": "februari tot mei 2027"})
    assert client.post(url(world, "method_edit", pk=chosen.pk), form).status_code == 302
    chosen.refresh_from_db()
    assert chosen.period == "februari tot mei 2027"
    page = text_of(client.get(url(world, "plan")))
    assert "Mobiliteit zegt 4, Groendienst zegt 2." in page

    confirm = client.get(url(world, "method_delete", pk=chosen.pk))
    assert confirm.status_code == HTTPStatus.OK
    assert client.post(url(world, "method_delete", pk=chosen.pk)).status_code == 302
    assert not ChosenMethod.unscoped.filter(pk=chosen.pk).exists()


def test_the_status_approved_needs_the_date_of_the_executive_board(world):
    trajectory = _trajectory(world)
    plan = _planned(world, trajectory)
    client = world.client_for("coach")
    form = posted_form(client.get(url(world, "plan_edit")))
    form.update({"status": PlanStatus.APPROVED, "approved_on": "", "aim": "Samen plannen."})

    refused = client.post(url(world, "plan_edit"), form)

    assert refused.status_code == HTTPStatus.OK
    assert "Samen plannen." in text_of(refused)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT
    approved_on = timezone.localdate() - timedelta(days=2)
    form.update({"approved_on": approved_on.isoformat()})
    assert client.post(url(world, "plan_edit"), form).status_code == HTTPStatus.FOUND
    plan.refresh_from_db()
    assert (plan.status, plan.approved_on, plan.aim) == (
        PlanStatus.APPROVED,
        approved_on,
        "Samen plannen.",
    )
    _pages, text = _pdf_text(client.get(url(world, "plan_pdf")).content)
    assert "Goedgekeurd door het college" in " ".join(text.split())


def test_a_concurrent_edit_of_the_plan_is_merged_and_a_conflict_asked(world):
    trajectory = _trajectory(world)
    _planned(world, trajectory)
    coordinator, coach = world.client_for("coordinator"), world.client_for("coach")
    edit = url(world, "plan_edit")
    mine = posted_form(coordinator.get(edit))
    theirs = posted_form(coach.get(edit))
    theirs.update(
        {"aim": "Elke dienst trekt zijn eigen klimaatacties.", "introduction": "Van de coach."}
    )
    assert coach.post(edit, theirs).status_code == HTTPStatus.FOUND

    mine.update({"introduction": "Van de coördinator.", "coach_responsibilities": "Voorbereiden."})
    response = coordinator.post(edit, mine)

    # Both changed the introduction: asked. The coach's aim stays; nothing else is saved yet.
    assert response.status_code == HTTPStatus.OK
    assert "Van de coach." in text_of(response)
    plan = PlanOfApproach.unscoped.get(municipality=world.a)
    assert plan.introduction == "Van de coach."
    assert plan.aim == "Elke dienst trekt zijn eigen klimaatacties."
    assert plan.coach_responsibilities != "Voorbereiden."


# The session, the membership, the trajectory, the plan and its methods, the phases and
# checklist, the two latest closed rounds with their answers (three queries each), the climate
# teams with their members, the collaboration model with its bodies and climate contacts, and
# the navigation.
PLAN_QUERIES = 21


@pytest.mark.parametrize("size", [3, 12])
def test_the_page_queries_the_same_for_a_small_and_a_large_plan(world, size):
    trajectory = _trajectory(world)
    departments = [world.department_a, world.other_department_a]
    departments += [
        DepartmentFactory(municipality=world.a, name=f"Dienst {n}") for n in range(size)
    ]
    levels = {(i, j): (i + j) % 6 for i in range(len(departments)) for j in range(len(departments))}
    for year in (2025, 2026):
        closed_round(
            world.a,
            departments,
            levels=levels,
            name=f"Meting {year}",
            opens_on=timezone.localdate().replace(year=year, month=3, day=1),
            silent=departments[-1:],
        )
    plan = _planned(world, trajectory)
    keys = [LUNCH_TALK, WORKSHOP, CLIMATE_TEAM] * size
    with world.as_member("coordinator"):
        for key in keys[:size]:
            ChosenMethod.objects.create(
                plan=plan, method=Method.objects.get(key=key), reason="Uit de diagnose."
            )
    for _ in range(size // 3):
        _team(world)
    client = world.client_for("viewer")

    with CaptureQueriesContext(connection) as queries:
        page = client.get(url(world, "plan"))

    assert page.status_code == HTTPStatus.OK
    assert "Vergeleken met Meting 2025" in text_of(page)
    assert len(queries) == PLAN_QUERIES
