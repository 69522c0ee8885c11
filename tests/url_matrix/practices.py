"""URL matrix rows: the practice database.

A municipality's own practices are for its members (any member shares one; the author and the
coordinator change it); the public pages of a published practice are for everyone; the editors'
moderation answers a 404 to everyone in this matrix, who are none of them platform editors.
"""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from daadkracht.access.context import editorial_scope, member_scope
from daadkracht.practices.models import Practice, PracticeFile, PracticeStatus
from daadkracht.practices.services.files import practice_file_add
from daadkracht.practices.services.workflow import (
    practice_create,
    practice_publish,
    practice_submit,
)
from daadkracht.tenancy.models import Membership
from daadkracht.testing.factories import UserFactory
from tests.url_matrix.rows import (
    ALL_MEMBERS,
    FORBIDDEN,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    everyone,
    logged_in,
    tenant,
)

TEXT = {
    "summary": "Samen met de buren.",
    "what_happened": "Wat er gebeurde.",
    "why": "Waarom.",
    "intended_result": "Het resultaat.",
    "challenges": "De uitdagingen.",
    "success_factors": "De succesfactoren.",
    "tips": "De tips.",
    "started_year": 2022,
    "contact_email": "klimaat@alfa.test",
}
AUTHOR_OR_COORDINATOR = tenant(OK, OK, FORBIDDEN, FORBIDDEN)
POST_ONLY = tenant(NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED)
EDITORS_ONLY = logged_in(NOT_FOUND)
# Adopting municipality B's practice into A's plan: for who adds actions to A's plan.
ADOPT = tenant(OK, OK, FORBIDDEN, FORBIDDEN)


def _practice(world, title: str) -> Practice:
    found = Practice.unscoped.filter(municipality=world.a, title=title).first()
    if found is None:
        with world.as_member("editor"):
            found = practice_create(
                actor=world.users["editor"], title=title, themes=["energy"], **TEXT
            )
            out = io.BytesIO()
            Image.new("RGB", (40, 30)).save(out, format="JPEG")
            practice_file_add(
                actor=world.users["editor"],
                practice=found,
                kind="photo",
                upload=SimpleUploadedFile("zon.jpg", out.getvalue()),
                description="Zonnepanelen op het dak",
            )
    return found


def _draft(world) -> dict:
    return {"pk": _practice(world, "Ontwerp van een praktijk").pk}


def _published(world) -> Practice:
    practice = _practice(world, "Gepubliceerde praktijk")
    if practice.status == PracticeStatus.DRAFT:
        with world.as_member("editor"):
            practice_submit(actor=world.users["editor"], practice=practice)
        editor = UserFactory(email="redactie@matrix.test", is_platform_editor=True)
        with editorial_scope(actor=editor):
            practice = practice_publish(actor=editor, practice=Practice.objects.get(pk=practice.pk))
    return practice


def _published_elsewhere(world) -> Practice:
    """A published practice of municipality B, for A to adopt (made once per world)."""
    found = Practice.unscoped.filter(municipality=world.b).first()
    if found is None:
        coordinator = world.users["other_municipality"]
        membership = Membership.unscoped.select_related("municipality").get(
            user=coordinator, municipality=world.b
        )
        with member_scope(membership, actor=coordinator):
            found = practice_create(
                actor=coordinator, title="Praktijk van Beta", themes=["mobility"], **TEXT
            )
            practice_submit(actor=coordinator, practice=found)
        editor = UserFactory(email="redactie-beta@matrix.test", is_platform_editor=True)
        with editorial_scope(actor=editor):
            found = practice_publish(actor=editor, practice=Practice.objects.get(pk=found.pk))
    return found


def _file_of(practice: Practice) -> dict:
    return {
        "pk": practice.pk,
        "file_pk": PracticeFile.unscoped.filter(practice=practice).values_list("pk", flat=True)[0],
    }


EXPECTED = {
    "our_practices:list": ALL_MEMBERS,
    "our_practices:create": ALL_MEMBERS,
    "our_practices:detail": ALL_MEMBERS,
    "our_practices:edit": AUTHOR_OR_COORDINATOR,
    "our_practices:submit": POST_ONLY,
    "our_practices:start_update": POST_ONLY,
    "our_practices:withdraw": AUTHOR_OR_COORDINATOR,
    "our_practices:delete": AUTHOR_OR_COORDINATOR,
    "our_practices:files": ALL_MEMBERS,
    "our_practices:file": ALL_MEMBERS,
    "our_practices:file_remove": AUTHOR_OR_COORDINATOR,
    "our_practices:adopt": ADOPT,
    "practices:public_list": everyone(OK),
    "practices:public_detail": everyone(OK),
    "practices:public_file": everyone(OK),
    "practices:moderation": EDITORS_ONLY,
    "practices:review": EDITORS_ONLY,
    "practices:review_file": EDITORS_ONLY,
}

SAMPLE_KWARGS = {
    "our_practices:detail": _draft,
    "our_practices:edit": _draft,
    "our_practices:submit": _draft,
    "our_practices:start_update": lambda world: {"pk": _published(world).pk},
    "our_practices:withdraw": lambda world: {"pk": _published(world).pk},
    "our_practices:delete": _draft,
    "our_practices:files": _draft,
    "our_practices:file": lambda world: _file_of(Practice.unscoped.get(pk=_draft(world)["pk"])),
    "our_practices:file_remove": lambda world: _file_of(
        Practice.unscoped.get(pk=_draft(world)["pk"])
    ),
    "our_practices:adopt": lambda world: {"pk": _published_elsewhere(world).pk},
    "practices:public_detail": lambda world: {"pk": _published(world).pk},
    "practices:public_file": lambda world: _file_of(_published(world)),
    "practices:review": lambda world: {"pk": _published(world).pk},
    "practices:review_file": lambda world: _file_of(_published(world)),
}
