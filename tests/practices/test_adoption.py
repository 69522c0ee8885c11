"""Adopting another municipality's practice: a new action in the own plan, prefilled and
linked back, counted on the public page."""

from django.test import Client
from django.urls import reverse

from daadkracht.plans.models import Action
from daadkracht.practices.models import Adoption
from tests.practices.conftest import write_practice
from tests.practices.test_workflow import publish


def adopt_url(world, practice, municipality=None):
    return reverse(
        "our_practices:adopt",
        kwargs={"municipality": (municipality or world.b).slug, "pk": practice.pk},
    )


def test_another_municipality_adopts_a_published_practice(world, editor):
    practice = publish(world, editor, write_practice(world))
    client = world.client_for("other_municipality")
    form = client.get(adopt_url(world, practice)).content.decode()
    assert 'value="Klimaatalliantie met lokale stakeholders"' in form
    assert "Overgenomen van de praktijk" in form
    response = client.post(
        adopt_url(world, practice),
        {
            "identifier": "B7.09",
            "title": "Klimaatalliantie Beta",
            "description": "Naar het voorbeeld van Alfa.",
            "lead_department": world.department_b.pk,
        },
    )
    action = Action.unscoped.get(identifier="B7.09")
    assert response.url == reverse(
        "plans:action_detail", kwargs={"municipality": world.b.slug, "pk": action.pk}
    )
    assert action.municipality == world.b
    assert Adoption.unscoped.get().action == action
    page = Client().get(reverse("practices:public_detail", kwargs={"pk": practice.pk}))
    assert "overgenomen door 1 gemeente" in page.content.decode()


def test_a_practice_is_adopted_once_per_municipality(world, editor):
    practice = publish(world, editor, write_practice(world))
    client = world.client_for("other_municipality")
    data = {"identifier": "B7.09", "title": "Alliantie", "lead_department": world.department_b.pk}
    client.post(adopt_url(world, practice), data)
    again = client.get(adopt_url(world, practice)).content.decode()
    assert "Je gemeente nam deze praktijk al over, als actie B7.09." in again
    client.post(adopt_url(world, practice), {**data, "identifier": "B7.10"})
    assert Action.unscoped.filter(municipality=world.b).count() == 2  # action_b and B7.09


def test_drafts_and_the_own_practices_cannot_be_adopted(world, editor):
    draft = write_practice(world)
    client = world.client_for("other_municipality")
    assert client.get(adopt_url(world, draft)).status_code == 404
    published = publish(world, editor, write_practice(world, title="Eigen praktijk"))
    own = world.client_for("coordinator").get(adopt_url(world, published, world.a))
    assert own.status_code == 302
    assert not Adoption.unscoped.exists()


def test_the_public_page_offers_adoption_to_members_who_add_actions(world, editor):
    practice = publish(world, editor, write_practice(world))
    url = reverse("practices:public_detail", kwargs={"pk": practice.pk})
    assert "Overnemen voor Gemeente Beta" in (
        world.client_for("other_municipality").get(url).content.decode()
    )
    assert "Overnemen voor" not in Client().get(url).content.decode()
    assert "Overnemen voor" not in world.client_for("viewer").get(url).content.decode()
