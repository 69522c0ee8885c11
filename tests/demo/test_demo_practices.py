"""The demo's practice database: Bruges' seed practice in its real words, about twenty
published practices of other demo municipalities, work for the editors, and its log-in."""

from collections import Counter
from http import HTTPStatus
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from daadkracht.access.context import editorial_scope, member_scope, platform_scope, public_scope
from daadkracht.accounts.models import User
from daadkracht.practices.models import (
    Adoption,
    LekpWerf,
    Practice,
    PracticeEvent,
    PracticeEventKind,
    PracticeStatus,
    PracticeTheme,
    PracticeThemeTag,
)
from daadkracht.tenancy.models import Membership, Municipality, Province
from daadkracht.testing.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db

SEED_TITLE = "Klimaatalliantie BruggeNaarMorgen"


def run_demo() -> str:
    out = StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


@pytest.fixture
def output() -> str:
    return run_demo()


def test_the_seed_practice_is_bruges_with_its_real_title_address_and_sections(output):
    with platform_scope():
        practice = Practice.objects.select_related("municipality").get(title=SEED_TITLE)
        themes = list(practice.theme_tags.values_list("theme", flat=True))

    assert practice.municipality.slug == "brugge-demo"
    assert practice.status == PracticeStatus.PUBLISHED
    assert practice.is_demo
    assert practice.summary.startswith("Het klimaatplan 2030 BruggeNaarMorgen bevat 7 thematische")
    assert practice.address_lines == ["Burg 12", "8000 Brugge"]
    assert practice.what_happened.startswith(
        "Er werd bij de opmaak van het klimaatplan een participatietraject uitgewerkt"
    )
    assert practice.why.startswith(
        "Er is gekozen voor een lichte structuur met een (1) beleidsgroep"
    )
    assert "andere lokale \u2018stadsmakers\u2019 actiever" in practice.intended_result
    assert practice.challenges.startswith("Een tijds- en arbeidsintensief proces")
    assert practice.success_factors.startswith("Goesting, momentum, politieke ambitie/draagvlak")
    assert practice.tips == (
        "Bouw aan je eigen verhaal en durf groeitraject te benoemen als een samen zoeken, neem "
        "partners mee, maar vergeet niet beslissingen te nemen die leiden tot concrete "
        "ontmoeting, durf een agenda maken met blik op volgende jaren."
    )
    assert themes == [PracticeTheme.PARTICIPATION]


def test_about_twenty_published_demo_practices_of_other_municipalities(output):
    with platform_scope():
        others = list(
            Practice.objects.filter(status=PracticeStatus.PUBLISHED)
            .exclude(municipality__slug__in=["brugge-demo", "damme-demo"])
            .select_related("municipality")
        )
        themes = set(PracticeThemeTag.objects.values_list("theme", flat=True))
        published_events = PracticeEvent.objects.filter(kind=PracticeEventKind.PUBLISHED)
        events_per_practice = Counter(published_events.values_list("practice", flat=True))

    towns = {p.municipality for p in others}
    assert 18 <= len(others) <= 24
    assert len(towns) >= 12
    assert all(p.is_demo and p.published_at is not None for p in others)
    assert all(p.published_at <= timezone.now() for p in others)
    assert len({p.published_at.year for p in others}) >= 4  # spread over the years
    assert all(t.is_demo and t.name.endswith("(demo)") for t in towns)
    assert all(t.province and t.population for t in towns)
    assert {t.province for t in towns} >= {
        Province.ANTWERP,
        Province.LIMBURG,
        Province.EAST_FLANDERS,
        Province.FLEMISH_BRABANT,
        Province.WEST_FLANDERS,
    }
    assert not Membership.unscoped.filter(municipality__in=towns).exists()
    assert themes == set(PracticeTheme.values)
    assert {p.lekp_werf for p in others} >= set(LekpWerf.values)
    assert min(p.started_year for p in others) <= 2018
    assert max(p.started_year for p in others) >= 2025
    for practice in others:
        sections = [
            practice.what_happened,
            practice.why,
            practice.intended_result,
            practice.challenges,
            practice.success_factors,
            practice.tips,
        ]
        assert all(section.count(". ") >= 2 for section in sections), practice.title
        assert practice.contact_email.endswith("@example.org"), practice.title
        assert practice.contact_phone.startswith("0"), practice.title
        assert events_per_practice[practice.pk] == 1, practice.title
    titles = " ".join(p.title + " " + p.summary for p in others)
    assert "Warmtenet" in titles
    assert any("energie-efficiëntie" in p.summary + p.why for p in others)


def test_bruges_and_damme_have_their_province_and_size(output):
    bruges = Municipality.objects.get(slug="brugge-demo")
    damme = Municipality.objects.get(slug="damme-demo")

    assert (bruges.province, bruges.population) == (Province.WEST_FLANDERS, 119_000)
    assert (damme.province, damme.population) == (Province.WEST_FLANDERS, 11_000)


def test_only_published_practices_are_public_and_the_editors_see_the_waiting_one(output):
    bruges = Municipality.objects.get(slug="brugge-demo")
    editor = User.objects.get(email="redactie@daadkracht.demo")
    with platform_scope():
        own = dict(Practice.objects.filter(municipality=bruges).values_list("status", "title"))
    with public_scope(None):
        public = set(Practice.objects.values_list("title", flat=True))
    with editorial_scope(actor=editor):
        moderated = set(Practice.objects.values_list("status", flat=True))
    damme_coordinator = Membership.unscoped.get(user__email="coordinator@damme.demo")
    with member_scope(damme_coordinator, damme_coordinator.user):
        seen_by_damme = set(Practice.objects.values_list("title", flat=True))

    assert set(own) == {PracticeStatus.PUBLISHED, PracticeStatus.DRAFT, PracticeStatus.SUBMITTED}
    assert SEED_TITLE in public
    assert own[PracticeStatus.DRAFT] not in public
    assert own[PracticeStatus.SUBMITTED] not in public
    assert len(public) >= 19
    assert PracticeStatus.SUBMITTED in moderated
    assert PracticeStatus.DRAFT not in moderated
    assert seen_by_damme == public


def test_some_practices_are_adopted_by_other_municipalities(output):
    with platform_scope():
        adoptions = list(Adoption.objects.select_related("practice"))
        per_practice = Counter(a.practice.title for a in adoptions)

    assert per_practice[SEED_TITLE] >= 2
    assert sum(1 for n in per_practice.values() if n >= 2) >= 3
    assert all(a.municipality_id != a.practice.municipality_id for a in adoptions)
    assert all(a.action_id is None for a in adoptions)


def test_the_platform_editor_logs_in_with_the_printed_log_in(output):
    assert "redactie@daadkracht.demo" in output
    editor = User.objects.get(email="redactie@daadkracht.demo")
    assert editor.full_name == "Redactie Praktijkendatabank"
    assert editor.is_platform_editor
    assert not editor.is_staff
    assert not Membership.unscoped.filter(user=editor).exists()
    response = Client().post(
        reverse("accounts:login"),
        {"username": "redactie@daadkracht.demo", "password": DEFAULT_PASSWORD},
    )
    assert response.status_code == HTTPStatus.FOUND


def test_running_the_demo_again_gives_the_same_practice_database(output):
    def counts() -> tuple[int, ...]:
        with platform_scope():
            return (
                Municipality.objects.filter(is_demo=True).count(),
                Practice.objects.filter(status=PracticeStatus.PUBLISHED).count(),
                Practice.objects.count(),
                PracticeThemeTag.objects.count(),
                PracticeEvent.objects.count(),
                Adoption.objects.count(),
                User.objects.count(),
            )

    first = counts()

    run_demo()

    assert counts() == first
    with platform_scope():
        assert Practice.objects.filter(title=SEED_TITLE).count() == 1


def test_the_published_demo_practices_are_searchable(output):
    client = Client()
    everything = client.get(reverse("practices:public_list"), {"page": 1})
    found = client.get(reverse("practices:public_list"), {"q": "klimaatalliantie brugge"})
    with public_scope(None):
        published = Practice.objects.filter(status=PracticeStatus.PUBLISHED).count()
    assert everything.status_code == HTTPStatus.OK
    assert f"{published} praktijken" in everything.content.decode()
    assert "Klimaatalliantie" in found.content.decode()
    assert "BruggeNaarMorgen" in found.content.decode()
