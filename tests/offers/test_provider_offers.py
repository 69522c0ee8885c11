"""A provider's managers keep its offers: add, edit with steps and responsibilities, hide."""

from django.urls import reverse

from daadkracht.offers.models import Offer
from daadkracht.offers.services import parse_steps

VALID = {
    "title": "Warmteplan op maat",
    "target_group": "local_government",
    "theme": "energy",
    "kind": "guidance",
    "introduction": "We tekenen samen het warmteplan van de gemeente.",
    "steps": "Een verkenning\n- Kaarten van de warmtevraag\n  - Gesprekken met de netbeheerder\n"
    "Een workshop met de diensten",
    "course_note": "",
    "responsibilities": "Eén aanspreekpunt.\n\nDe gegevens van het patrimonium.",
    "price": "3500",
    "price_note": "per gemeente",
    "counts_for_lekp": "on",
    "contact_name": "Tina Baert",
    "contact_phone": "016 22 21 03",
    "contact_email": "tina@ecolife.test",
}


def url(name, **kwargs):
    return reverse(f"provider:{name}", kwargs={"provider": "ecolife", **kwargs})


def test_steps_are_lines_with_sub_points():
    assert parse_steps("Eerste\n - a\n• b\n\nTweede\n\t c") == [
        ("Eerste", ["a", "b"]),
        ("Tweede", ["c"]),
    ]
    assert parse_steps("- zonder stap ervoor") == [("zonder stap ervoor", [])]


def test_adding_an_offer_with_its_steps(world, ecolife):
    response = ecolife.client().post(url("offer_create"), VALID)
    assert response.status_code == 302
    offer = Offer.objects.get(title="Warmteplan op maat")
    assert offer.provider == ecolife.provider
    assert offer.published
    steps = list(offer.steps.all())
    assert [s.text for s in steps] == ["Een verkenning", "Een workshop met de diensten"]
    assert steps[0].sub_point_lines() == [
        "Kaarten van de warmtevraag",
        "Gesprekken met de netbeheerder",
    ]
    assert offer.responsibility_lines() == [
        "Eén aanspreekpunt.",
        "De gegevens van het patrimonium.",
    ]
    page = ecolife.client().get(reverse("offers:detail", args=[offer.pk])).content.decode()
    assert "Kaarten van de warmtevraag" in page


def test_the_form_keeps_the_input_on_an_error(world, ecolife):
    data = {**VALID, "price": "-5", "title": "Bijna goed"}
    response = ecolife.client().post(url("offer_create"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Bijna goed"' in html
    assert "Kaarten van de warmtevraag" in html
    assert not Offer.objects.filter(title="Bijna goed").exists()


def test_editing_shows_the_steps_and_saves_them(world, ecolife):
    client = ecolife.client()
    page = client.get(url("offer_edit", pk=ecolife.offer.pk)).content.decode()
    assert "Het intakegesprek\n  - De doorstartdag" in page
    data = {**VALID, "title": "Klimaatplan: van woord naar daad", "version": ecolife.offer.version}
    response = client.post(url("offer_edit", pk=ecolife.offer.pk), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    ecolife.offer.refresh_from_db()
    assert ecolife.offer.price == 3500
    assert ecolife.offer.steps.first().text == "Een verkenning"


def test_a_concurrent_edit_is_not_overwritten(world, ecolife):
    client = ecolife.client()
    version = ecolife.offer.version
    Offer.objects.filter(pk=ecolife.offer.pk).update(title="Door een collega", version=version + 1)
    data = {**VALID, "title": "Mijn titel", "version": version}
    client.post(url("offer_edit", pk=ecolife.offer.pk), data)
    ecolife.offer.refresh_from_db()
    # The colleague changed the title too: the page asks which one stays.
    assert ecolife.offer.title == "Door een collega"


def test_hiding_and_showing_an_offer(world, ecolife):
    client = ecolife.client()
    assert client.get(url("offer_toggle", pk=ecolife.offer.pk)).status_code == 405
    client.post(url("offer_toggle", pk=ecolife.offer.pk))
    ecolife.offer.refresh_from_db()
    assert not ecolife.offer.published
    listing = client.get(url("offers")).content.decode()
    assert "Klimaatplan: van woord naar daad" in listing
    client.post(url("offer_toggle", pk=ecolife.offer.pk))
    ecolife.offer.refresh_from_db()
    assert ecolife.offer.published


def test_another_providers_offer_cannot_be_edited(world, ecolife):
    from daadkracht.testing.factories import OfferFactory, ProviderFactory

    foreign = OfferFactory(provider=ProviderFactory(name="Andere"))
    client = ecolife.client()
    assert client.get(url("offer_edit", pk=foreign.pk)).status_code == 404
    assert client.post(url("offer_toggle", pk=foreign.pk)).status_code == 404
    foreign.refresh_from_db()
    assert foreign.published


def test_the_user_menu_leads_managers_to_their_provider(world, ecolife):
    home = ecolife.client().get("/aanbod/").content.decode()
    assert url("offers") in home
    assert url("offers") not in world.client_for("coordinator").get("/aanbod/").content.decode()


def test_provider_pages_read_a_fixed_number_of_queries(
    world, ecolife, django_assert_max_num_queries
):
    client = ecolife.client()
    with django_assert_max_num_queries(12):
        client.get(url("inbox"))
    with django_assert_max_num_queries(12):
        client.get(url("offers"))


def test_a_manager_without_membership_lands_on_the_providers_offers(world, ecolife):
    from django.test import Client

    from daadkracht.testing.factories import UserFactory

    manager = UserFactory(email="beheer@ecolife.test")
    ecolife.provider.managers.add(manager)
    client = Client()
    client.force_login(manager)
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == url("offers")


def test_the_offer_page_leads_its_managers_to_editing_it(world, ecolife):
    detail = reverse("offers:detail", args=[ecolife.offer.pk])
    edit = url("offer_edit", pk=ecolife.offer.pk)
    assert edit in ecolife.client().get(detail).content.decode()
    assert edit not in world.client_for("coordinator").get(detail).content.decode()
