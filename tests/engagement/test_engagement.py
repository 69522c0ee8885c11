"""The coordinator records how far organisations are engaged, logs contacts with their follow-up
and keeps the register of commitments; every member reads them; the coverage view shows where
nobody is engaged."""

from datetime import date, timedelta
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from daadkracht.access.context import tenant_scope
from daadkracht.engagement.models import (
    Commitment,
    CommitmentStatus,
    Engagement,
    Interaction,
    Level,
    Weight,
    suggested_level,
)
from daadkracht.engagement.selectors.coverage import coverage
from daadkracht.history.models import AuditEntry
from daadkracht.plans.models import Theme
from daadkracht.stakeholders.models import Contact, Organisation, OrganisationKind


def url(world, name: str, **kwargs) -> str:
    return reverse(name, kwargs={"municipality": world.a.slug, **kwargs})


@pytest.fixture
def network(world):
    with tenant_scope(world.a):
        heat = Theme.objects.create(plan=world.plan_a, code="B1", name="Fossielvrij verwarmen")
        food = Theme.objects.create(plan=world.plan_a, code="B5", name="Gezond en lokaal eten")
        networks = Theme.objects.create(
            plan=world.plan_a, code="B1.B", name="Warmtenetten", parent=heat
        )
        fluvius = Organisation.objects.create(name="Fluvius", kind=OrganisationKind.GRID_OPERATOR)
        ivbo = Organisation.objects.create(name="IVBO", kind=OrganisationKind.INTERMUNICIPAL)
        school = Organisation.objects.create(name="Sint-Lodewijks", kind=OrganisationKind.SCHOOL)
        school.themes.add(food)
        els = Contact.objects.create(full_name="Els Vandamme", organisation=fluvius)
    with tenant_scope(world.b):
        other = Organisation.objects.create(name="Eandis Gent", kind=OrganisationKind.GRID_OPERATOR)
    return {
        "heat": heat,
        "food": food,
        "networks": networks,
        "fluvius": fluvius,
        "ivbo": ivbo,
        "school": school,
        "els": els,
        "other": other,
    }


def test_the_grid_suggests_more_engagement_for_more_influence_and_interest():
    assert suggested_level(interest=Weight.LOW, influence=Weight.LOW) == Level.INFORM
    assert suggested_level(interest=Weight.HIGH, influence=Weight.LOW) == Level.INVOLVE
    assert suggested_level(interest=Weight.LOW, influence=Weight.HIGH) == Level.CONSULT
    assert suggested_level(interest=Weight.HIGH, influence=Weight.HIGH) == Level.EMPOWER
    for interest in Weight:
        levels = [suggested_level(interest=interest, influence=i) for i in Weight]
        assert levels == sorted(levels)


def test_the_coordinator_records_an_engagement_and_the_grid_fills_in_the_intended_level(
    world, network
):
    client = world.client_for("coordinator")
    response = client.post(
        url(world, "engagement:create")
        + f"?organisation={network['fluvius'].pk}&from=organisation",
        {
            "organisation": network["fluvius"].pk,
            "theme": network["heat"].pk,
            "influence": Weight.HIGH,
            "interest": Weight.MEDIUM,
            "intended": "",
            "actual": Level.CONSULT,
            "note": "Netverzwaring per wijk",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].endswith(
        f"/netwerk/organisaties/{network['fluvius'].pk}/#engagement"
    )
    with tenant_scope(world.a):
        engagement = Engagement.objects.get()
        assert engagement.intended == Level.COLLABORATE
        assert engagement.gap == 2
        assert AuditEntry.objects.filter(object_id=str(engagement.pk)).exists()
    page = client.get(url(world, "stakeholders:organisation", pk=network["fluvius"].pk))
    text = page.content.decode()
    assert "Fossielvrij verwarmen" in text
    assert "Samen uitvoeren" in text or "samen uitvoeren" in text
    listing = client.get(url(world, "engagement:list")).content.decode()
    assert "2 niveaus te kort" in listing


def test_bad_engagement_input_is_refused_and_nothing_is_stored(world, network):
    client = world.client_for("coordinator")
    base = {
        "organisation": network["fluvius"].pk,
        "influence": Weight.HIGH,
        "interest": Weight.HIGH,
        "note": "<script>alert(1)</script>",
    }
    # Both a theme and an action missing: one of them is needed.
    page = client.post(url(world, "engagement:create"), base)
    assert page.status_code == HTTPStatus.OK
    assert "Kies een thema of een actie, niet allebei." in page.content.decode()
    # Another municipality's organisation is not offered and not accepted.
    page = client.post(
        url(world, "engagement:create"),
        {**base, "organisation": network["other"].pk, "theme": network["heat"].pk},
    )
    assert page.status_code == HTTPStatus.OK
    # Twice the same organisation and theme: change the first instead.
    ok = client.post(url(world, "engagement:create"), {**base, "theme": network["heat"].pk})
    assert ok.status_code == HTTPStatus.FOUND
    again = client.post(url(world, "engagement:create"), {**base, "theme": network["heat"].pk})
    assert again.status_code == HTTPStatus.OK
    assert "al geregistreerd" in again.content.decode()
    assert (
        "&lt;script&gt;" not in again.content.decode()
        or "<script>alert" not in again.content.decode()
    )
    with tenant_scope(world.a):
        assert Engagement.objects.count() == 1


def test_only_the_coordinator_records_engagement(world, network):
    for role in ("editor", "viewer", "coach"):
        client = world.client_for(role)
        response = client.post(
            url(world, "engagement:create"),
            {
                "organisation": network["fluvius"].pk,
                "theme": network["heat"].pk,
                "influence": Weight.HIGH,
                "interest": Weight.HIGH,
            },
        )
        assert response.status_code == HTTPStatus.FORBIDDEN
        assert client.get(url(world, "engagement:coverage")).status_code == HTTPStatus.OK
    with tenant_scope(world.a):
        assert not Engagement.objects.exists()


def test_a_concurrent_edit_of_an_engagement_is_detected(world, network):
    with tenant_scope(world.a):
        engagement = Engagement.objects.create(
            organisation=network["fluvius"],
            theme=network["heat"],
            influence=Weight.HIGH,
            interest=Weight.HIGH,
            intended=Level.EMPOWER,
        )
    client = world.client_for("coordinator")
    form = client.get(url(world, "engagement:edit", pk=engagement.pk))
    base = form.context["form"].initial["base"]
    values = {
        "organisation": network["fluvius"].pk,
        "theme": network["heat"].pk,
        "influence": Weight.HIGH,
        "interest": Weight.HIGH,
        "intended": Level.EMPOWER,
        "version": engagement.version,
        "base": base,
    }
    first = client.post(
        url(world, "engagement:edit", pk=engagement.pk),
        {**values, "actual": Level.CONSULT, "note": "eerste"},
    )
    assert first.status_code == HTTPStatus.FOUND
    second = client.post(
        url(world, "engagement:edit", pk=engagement.pk),
        {**values, "actual": Level.INVOLVE, "note": "tweede"},
    )
    assert second.status_code == HTTPStatus.OK
    assert "tweede" in second.content.decode()
    with tenant_scope(world.a):
        assert Engagement.objects.get().note == "eerste"


def test_coverage_shows_the_gaps_and_counts_sub_themes_and_actions_for_their_main_theme(
    world, network
):
    with tenant_scope(world.a):
        Engagement.objects.create(
            organisation=network["fluvius"],
            theme=network["networks"],
            influence=Weight.HIGH,
            interest=Weight.MEDIUM,
            intended=Level.COLLABORATE,
            actual=Level.INVOLVE,
        )
        world.action_a.themes.add(network["heat"])
        Engagement.objects.create(
            organisation=network["ivbo"],
            action=world.action_a,
            influence=Weight.HIGH,
            interest=Weight.HIGH,
            intended=Level.EMPOWER,
            actual=Level.COLLABORATE,
        )
        # Meant to be engaged on food, not reached yet: still a gap, counted as planned.
        Engagement.objects.create(
            organisation=network["school"],
            theme=network["food"],
            influence=Weight.LOW,
            interest=Weight.MEDIUM,
            intended=Level.INFORM,
        )
        matrix = coverage()
    rows = {row.theme.code: row for row in matrix.rows}
    assert set(rows) == {"B1", "B5"}
    kinds = [value for value, _label in matrix.kinds]
    heat = rows["B1"].cells
    assert heat[kinds.index("grid_operator")].level == Level.INVOLVE
    assert heat[kinds.index("intermunicipal")].level == Level.COLLABORATE
    assert heat[kinds.index("school")].is_gap
    assert rows["B5"].is_gap
    assert rows["B5"].cells[kinds.index("school")].planned_only == 1
    assert matrix.gap_themes == [network["food"]]

    page = world.client_for("viewer").get(url(world, "engagement:coverage")).content.decode()
    assert "Op 1 thema is niemand betrokken" in page
    assert "Gezond en lokaal eten" in page
    assert page.count('class="coverage__gap"') == matrix.empty_cells
    export = world.client_for("viewer").get(url(world, "engagement:coverage") + "?export=csv")
    assert export.status_code == HTTPStatus.OK
    assert "niemand" in b"".join(export.streaming_content).decode("utf-8-sig")


def test_the_coverage_of_a_municipality_never_counts_another(world, network):
    with tenant_scope(world.b):
        theme = Theme.objects.create(plan=world.plan_b, code="B1", name="Warmte Gent")
        Engagement.objects.create(
            organisation=network["other"],
            theme=theme,
            influence=Weight.HIGH,
            interest=Weight.HIGH,
            intended=Level.EMPOWER,
            actual=Level.EMPOWER,
        )
    page = world.client_for("coordinator").get(url(world, "engagement:coverage")).content.decode()
    assert "Warmte Gent" not in page
    assert (
        "Op 2 thema&#x27;s is niemand betrokken" in page
        or "Op 2 thema's is niemand betrokken" in page
    )


def test_a_contact_is_logged_with_a_follow_up_that_can_be_ticked_off(world, network):
    client = world.client_for("coordinator")
    today = timezone.localdate()
    response = client.post(
        url(world, "engagement:interaction_create"),
        {
            "organisation": network["fluvius"].pk,
            "contact": network["els"].pk,
            "kind": "meeting",
            "happened_on": today.isoformat(),
            "summary": "Warmtezonering besproken; kaart volgt.",
            "follow_up": "Kaart met netverzwaringen bezorgen",
            "follow_up_owner": world.users["coordinator"].pk,
            "follow_up_due": (today - timedelta(days=2)).isoformat(),
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    listing = client.get(url(world, "engagement:interactions") + "?open=1").content.decode()
    assert "Kaart met netverzwaringen bezorgen" in listing
    assert "te laat" in listing
    assert "Els Vandamme" in listing
    # Names of contact persons are for the coordinator only.
    viewer = world.client_for("viewer").get(url(world, "engagement:interactions")).content.decode()
    assert "Warmtezonering besproken" in viewer
    assert "Els Vandamme" not in viewer
    viewer_export = world.client_for("viewer").get(
        url(world, "engagement:interactions") + "?export=csv"
    )
    assert "Els Vandamme" not in b"".join(viewer_export.streaming_content).decode("utf-8-sig")
    with tenant_scope(world.a):
        interaction = Interaction.objects.get()
    done = client.post(
        url(world, "engagement:follow_up", pk=interaction.pk),
        {"done": "1", "next": "//evil.example"},
    )
    assert done.status_code == HTTPStatus.FOUND
    assert "evil" not in done["Location"]
    for sneaky in ("/\\evil.example", "/\t/evil.example", "https://evil.example/"):
        again = client.post(
            url(world, "engagement:follow_up", pk=interaction.pk), {"done": "1", "next": sneaky}
        )
        assert "evil" not in again["Location"]
    with tenant_scope(world.a):
        assert Interaction.objects.get().follow_up_done_at is not None
    assert (
        "Kaart met netverzwaringen"
        not in client.get(url(world, "engagement:interactions") + "?open=1").content.decode()
    )


def test_a_contact_without_summary_or_with_another_organisations_person_is_refused(world, network):
    client = world.client_for("coordinator")
    values = {
        "organisation": network["ivbo"].pk,
        "contact": network["els"].pk,
        "kind": "call",
        "happened_on": "2026-03-02",
        "summary": "Restwarmte",
    }
    page = client.post(url(world, "engagement:interaction_create"), values)
    assert "Kies een contactpersoon van deze organisatie" in page.content.decode()
    page = client.post(
        url(world, "engagement:interaction_create"), {**values, "contact": "", "summary": "  "}
    )
    assert page.status_code == HTTPStatus.OK
    page = client.post(
        url(world, "engagement:interaction_create"),
        {**values, "contact": "", "happened_on": "1850-01-01"},
    )
    assert page.status_code == HTTPStatus.OK
    assert 'value="Restwarmte"' in page.content.decode() or "Restwarmte" in page.content.decode()
    with tenant_scope(world.a):
        assert not Interaction.objects.exists()


def test_the_commitments_register_marks_overdue_ones_and_keeps_the_closing_day(world, network):
    client = world.client_for("coordinator")
    today = timezone.localdate()
    response = client.post(
        url(world, "engagement:commitment_create"),
        {
            "organisation": network["fluvius"].pk,
            "direction": "by_stakeholder",
            "description": "Netverzwaringen per wijk aanleveren",
            "made_on": (today - timedelta(days=40)).isoformat(),
            "due_on": (today - timedelta(days=5)).isoformat(),
            "status": "open",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    listing = client.get(url(world, "engagement:commitments") + "?overdue=1").content.decode()
    assert "Netverzwaringen per wijk aanleveren" in listing
    assert "te laat" in listing
    with tenant_scope(world.a):
        commitment = Commitment.objects.get()
    form = client.get(url(world, "engagement:commitment_edit", pk=commitment.pk))
    closed = client.post(
        url(world, "engagement:commitment_edit", pk=commitment.pk),
        {
            "organisation": network["fluvius"].pk,
            "direction": "by_stakeholder",
            "description": "Netverzwaringen per wijk aanleveren",
            "made_on": (today - timedelta(days=40)).isoformat(),
            "due_on": (today - timedelta(days=5)).isoformat(),
            "status": "closed",
            "version": commitment.version,
            "base": form.context["form"].initial["base"],
        },
    )
    assert closed.status_code == HTTPStatus.FOUND
    with tenant_scope(world.a):
        commitment = Commitment.objects.get()
    assert commitment.status == CommitmentStatus.CLOSED
    assert commitment.closed_on == today
    assert (
        "Netverzwaringen"
        not in client.get(url(world, "engagement:commitments") + "?overdue=1").content.decode()
    )
    # A due date before the day it was made is refused.
    page = client.post(
        url(world, "engagement:commitment_create"),
        {
            "organisation": network["fluvius"].pk,
            "direction": "by_municipality",
            "description": "Antwoord sturen",
            "made_on": today.isoformat(),
            "due_on": date(2020, 1, 1).isoformat(),
        },
    )
    assert page.status_code == HTTPStatus.OK
    with tenant_scope(world.a):
        assert Commitment.objects.count() == 1


def test_lists_export_and_keep_a_fixed_number_of_queries(
    world, network, django_assert_max_num_queries
):
    with tenant_scope(world.a):
        themes = [
            Theme.objects.create(plan=world.plan_a, code=f"T{i}", name=f"Thema {i}")
            for i in range(5)
        ]
        organisations = Organisation.objects.bulk_create(
            Organisation(municipality=world.a, name=f"Org {i:03}", kind=OrganisationKind.BUSINESS)
            for i in range(60)
        )
        Engagement.objects.bulk_create(
            Engagement(
                municipality=world.a,
                organisation=o,
                theme=themes[i % 5],
                influence=Weight.MEDIUM,
                interest=Weight.MEDIUM,
                intended=Level.INVOLVE,
                actual=Level.CONSULT if i % 2 else None,
            )
            for i, o in enumerate(organisations)
        )
        Interaction.objects.bulk_create(
            Interaction(
                municipality=world.a,
                organisation=o,
                kind="call",
                happened_on=date(2026, 1, 1),
                summary="Gesprek",
                follow_up="Opvolgen",
            )
            for o in organisations
        )
    client = world.client_for("coordinator")
    for name in (
        "engagement:list",
        "engagement:coverage",
        "engagement:interactions",
        "engagement:commitments",
    ):
        with django_assert_max_num_queries(16):
            assert client.get(url(world, name)).status_code == HTTPStatus.OK
        export = client.get(url(world, name) + "?export=xlsx")
        assert export.status_code == HTTPStatus.OK
    with django_assert_max_num_queries(30):
        client.get(url(world, "stakeholders:organisation", pk=organisations[0].pk))
