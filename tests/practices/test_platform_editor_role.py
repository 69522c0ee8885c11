"""The platform editor is a role the platform administration gives in the user admin."""

from django.test import Client
from django.urls import reverse

from daadkracht.testing.factories import UserFactory


def test_the_user_admin_gives_and_shows_the_platform_editor_role(world):
    admin = UserFactory(email="beheer@platform.test", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(admin)
    person = world.users["viewer"]
    page = client.get(reverse("admin:accounts_user_change", args=[person.pk])).content.decode()
    assert 'name="is_platform_editor"' in page
    listing = client.get(reverse("admin:accounts_user_changelist") + "?is_platform_editor__exact=1")
    assert listing.status_code == 200


def test_a_municipality_s_province_and_size_are_kept_in_its_admin(world):
    admin = UserFactory(email="beheer@platform.test", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(admin)
    page = client.get(reverse("admin:tenancy_municipality_change", args=[world.a.pk]))
    assert 'name="province"' in page.content.decode()
    assert 'name="population"' in page.content.decode()
