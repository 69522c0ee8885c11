"""The public list of support offers and an offer's page."""

import csv
import io

from django.test import Client
from django.urls import reverse

from daadkracht.offers.models import OfferType, TargetGroup
from daadkracht.practices.models import PracticeTheme
from daadkracht.testing.factories import OfferFactory, ProviderFactory

LIST = "/aanbod/"


def test_the_list_and_an_offers_page_are_public(ecolife):
    client = Client()
    page = client.get(LIST)
    assert page.status_code == 200
    assert "Klimaatplan: van woord naar daad" in page.content.decode()
    offer_page = client.get(reverse("offers:detail", args=[ecolife.offer.pk]))
    html = offer_page.content.decode()
    assert "Ecolife faciliteert de dienstoverschrijdende samenwerking." in html
    assert "Projectinhoud en -verloop" in html
    assert "Het intakegesprek" in html
    assert "De lunchgesprekken" in html
    assert "De gemeente is zelf verantwoordelijk voor" in html
    assert "Eén aanspreekpunt." in html
    assert "exclusief btw" in html
    assert "016 22 21 03" in html
    assert "Tina Baert" in html
    # Nobody is offered to ask for it without a coordinator's membership.
    assert "Aanvragen voor" not in html


def test_a_hidden_offer_is_neither_listed_nor_shown(ecolife):
    ecolife.offer.published = False
    ecolife.offer.save()
    client = Client()
    assert "Klimaatplan: van woord naar daad" not in client.get(LIST).content.decode()
    assert client.get(reverse("offers:detail", args=[ecolife.offer.pk])).status_code == 404


def test_filters_by_theme_type_target_group_and_lekp(ecolife):
    provider = ProviderFactory(name="Fietsberaad")
    OfferFactory(
        provider=provider,
        title="Fietsvorming voor scholen",
        theme=PracticeTheme.MOBILITY,
        kind=OfferType.TRAINING,
        target_group=TargetGroup.SCHOOLS,
    )
    client = Client()

    def titles(query):
        html = client.get(f"{LIST}?{query}").content.decode()
        return {t for t in ("Klimaatplan: van woord naar daad", "Fietsvorming") if t in html}

    assert titles("theme=mobility") == {"Fietsvorming"}
    assert titles("type=guidance") == {"Klimaatplan: van woord naar daad"}
    assert titles("group=schools") == {"Fietsvorming"}
    assert titles("lekp=1") == {"Klimaatplan: van woord naar daad"}
    assert titles("q=fietsberaad") == {"Fietsvorming"}
    assert titles("theme=unknown&type=%00&group=") == {
        "Klimaatplan: van woord naar daad",
        "Fietsvorming",
    }
    empty = client.get(f"{LIST}?theme=food").content.decode()
    assert "Geen aanbod voldoet aan deze filters." in empty


def test_the_empty_list_says_so(world):
    assert "Nog geen ondersteuningsaanbod." in Client().get(LIST).content.decode()


def test_sorting_by_price(ecolife):
    OfferFactory(provider=ecolife.provider, title="Goedkope opstart", price=500)
    html = Client().get(f"{LIST}?sort=price").content.decode()
    assert html.index("Goedkope opstart") < html.index("Klimaatplan: van woord naar daad")
    html = Client().get(f"{LIST}?sort=-price").content.decode()
    assert html.index("Goedkope opstart") > html.index("Klimaatplan: van woord naar daad")


def test_export_as_csv_and_xlsx(ecolife):
    OfferFactory(provider=ecolife.provider, title="=HYPERLINK(1)")
    download = Client().get(f"{LIST}?export=csv&theme=energy")
    assert download["Content-Disposition"].startswith("attachment")
    rows = list(csv.reader(io.StringIO(download.getvalue().decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Aanbod"
    titles = [row[0] for row in rows[1:]]
    assert "Klimaatplan: van woord naar daad" in titles
    assert "'=HYPERLINK(1)" in titles
    assert rows[1 + titles.index("Klimaatplan: van woord naar daad")][1] == "Ecolife"
    xlsx = Client().get(f"{LIST}?export=xlsx")
    assert xlsx["Content-Disposition"].endswith('.xlsx"')


def test_the_list_reads_a_fixed_number_of_queries(ecolife, django_assert_max_num_queries):
    client = Client()
    client.get(LIST)
    for number in range(15):
        OfferFactory(provider=ProviderFactory(name=f"Aanbieder {number}"))
    with django_assert_max_num_queries(6):
        assert client.get(LIST).status_code == 200


def test_the_list_pages(ecolife):
    for number in range(25):
        OfferFactory(provider=ecolife.provider, title=f"Aanbod {number:02}")
    client = Client()
    first = client.get(LIST).content.decode()
    assert "Pagina 1 van 2" in first
    second = client.get(f"{LIST}?page=2").content.decode()
    assert "Aanbod 24" in second or "Klimaatplan: van woord naar daad" in second
