"""Fixtures of the practice database: a platform editor, stored files in a temporary folder,
and a complete practice of municipality A written by its editor."""

import io

import pytest
from PIL import Image

from daadkracht.access.context import tenant_scope
from daadkracht.practices.models import Practice
from daadkracht.practices.services.workflow import practice_create
from daadkracht.testing.factories import UserFactory

COMPLETE = {
    "title": "Klimaatalliantie met lokale stakeholders",
    "summary": "Een lichte structuur verbindt stakeholders met het klimaatplan.",
    "what_happened": "Na de goedkeuring van het klimaatplan bouwden we een netwerk uit.",
    "why": "Een beleidsgroep, een klankbordgroep en thematische klimaatwerkbanken.",
    "intended_result": "Een groeiend netwerk dat klimaatacties mee uitvoert.",
    "challenges": "Het proces is tijds- en arbeidsintensief.",
    "success_factors": "Goesting, momentum en politiek draagvlak.",
    "tips": "Bouw aan je eigen verhaal en neem partners mee.",
    "started_year": 2021,
    "contact_email": "klimaat@alfa.test",
    "place": "Alfa",
}


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def editor(db):
    return UserFactory(
        email="redactie@platform.test", full_name="Redactie Praktijken", is_platform_editor=True
    )


def write_practice(world, who: str = "editor", **changes) -> Practice:
    with world.as_member(who):
        return practice_create(
            actor=world.users[who],
            themes=changes.pop("themes", ["participation"]),
            **{**COMPLETE, **changes},
        )


def reload(practice: Practice) -> Practice:
    with tenant_scope(practice.municipality):
        return Practice.objects.get(pk=practice.pk)


def jpeg_bytes(size=(800, 600), *, exif: bool = False) -> bytes:
    image = Image.new("RGB", size, (40, 120, 60))
    out = io.BytesIO()
    if exif:
        data = Image.Exif()
        data[0x010F] = "PhoneMaker"  # Make
        data[0x0112] = 6  # Orientation: rotated
        image.save(out, format="JPEG", exif=data)
    else:
        image.save(out, format="JPEG")
    return out.getvalue()
