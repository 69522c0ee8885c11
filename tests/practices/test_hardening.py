"""The practice database against files and sequences nobody plans: damaged photos, phone
photos with several pictures, deleting what others adopted, an update of a practice whose
linked action went to the trash, a double click, a title with an ampersand."""

import base64
import io

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from PIL import Image

from daadkracht.access.context import tenant_scope
from daadkracht.plans.services.actions import action_delete
from daadkracht.practices.models import Adoption, Practice, PracticeFile, PracticeStatus
from daadkracht.practices.services.workflow import practice_start_update
from tests.practices.conftest import reload, write_practice
from tests.practices.test_files import upload
from tests.practices.test_workflow import decide, own_url, publish, submit

# A small PNG with two flipped bits, on which Pillow's decoder fails with a SyntaxError.
DAMAGED_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAIAAAAlC+aJAAAAQklEQVR4nO3PMQ0AIADAMODEvyhkIYKjIVkVbPPsPX62"
    "dMCrBrQGtAa0BrQGtAa0BrQGtAa0BrQGtAa0BrQGtAa0BrQGtAa0BrQGtAa0BrQGtAa0BrQGtAakBrQGtAa0BrQLuWEB"
    "XEbEbpUAAAAASUVORK5CYII="
)


def test_a_damaged_photo_is_refused_with_a_message(world):
    practice = write_practice(world)
    response = upload(world, practice, "kapot.png", DAMAGED_PNG)
    assert response.status_code == 200
    assert "Dit is geen foto die we kunnen lezen." in response.content.decode()
    assert not PracticeFile.unscoped.exists()


def test_a_phone_photo_with_several_pictures_is_accepted(world):
    practice = write_practice(world)
    out = io.BytesIO()
    first, second = Image.new("RGB", (300, 200)), Image.new("RGB", (100, 50))
    first.save(out, format="MPO", save_all=True, append_images=[second])
    response = upload(world, practice, "telefoon.jpg", out.getvalue())
    assert response.status_code == 302
    row = PracticeFile.unscoped.get()
    assert (row.width, row.height) == (300, 200)
    assert row.file.name.startswith(f"practices/{world.a.pk}/")


def test_a_practice_others_adopted_is_not_deleted(world, editor):
    practice = publish(world, editor, write_practice(world))
    world.client_for("other_municipality").post(
        own_url(world, "adopt", pk=practice.pk).replace("/alfa/", "/beta/"),
        {"identifier": "B7.09", "title": "Alliantie", "lead_department": world.department_b.pk},
    )
    client = world.client_for("editor")
    client.post(own_url(world, "withdraw", pk=practice.pk), {"message": ""})
    client.post(own_url(world, "delete", pk=practice.pk))
    assert Practice.unscoped.filter(pk=practice.pk).exists()
    assert Adoption.unscoped.filter(practice=practice).count() == 1


def test_an_update_leaves_out_actions_in_the_trash(world, editor):
    practice = write_practice(world, actions=[world.action_a])
    practice = publish(world, editor, practice)
    with world.as_member("coordinator"):
        action_delete(actor=world.users["coordinator"], action=world.action_a)
    client = world.client_for("editor")
    client.post(own_url(world, "start_update", pk=practice.pk))
    revision = Practice.unscoped.get(revision_of=practice)
    submit(world, revision)
    decide(editor, revision, "publish", "")
    assert not Practice.unscoped.filter(pk=revision.pk).exists()
    assert reload(practice).status == PracticeStatus.PUBLISHED


def test_a_double_click_on_update_makes_one_update(world, editor):
    practice = publish(world, editor, write_practice(world))
    with world.as_member("editor"):
        first = practice_start_update(actor=world.users["editor"], practice=reload(practice))
        second = practice_start_update(actor=world.users["editor"], practice=reload(practice))
    assert first.pk == second.pk
    assert Practice.unscoped.filter(revision_of=practice).count() == 1


def test_a_title_with_an_ampersand_reads_well_in_the_subject(
    world, editor, django_capture_on_commit_callbacks
):
    practice = write_practice(world, title="Zon & wind op 't dak")
    with django_capture_on_commit_callbacks(execute=True):
        submit(world, practice)
    subjects = [message.subject for message in mail.outbox]
    assert any("Zon & wind op 't dak" in subject for subject in subjects)
    assert not any("&amp;" in subject or "&#x27;" in subject for subject in subjects)


def test_a_former_member_gets_no_mail_about_the_practice(
    world, editor, django_capture_on_commit_callbacks
):
    practice = write_practice(world)
    submit(world, practice)
    with tenant_scope(world.a):
        world.membership("editor").delete()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        decide(editor, practice, "changes", "Graag een foto.")
    assert [m.to for m in mail.outbox] == []


def test_a_service_call_with_an_unknown_theme_changes_nothing(world):
    with pytest.raises(ValidationError):
        write_practice(world, themes=["energy", "<script>"])
    assert not Practice.unscoped.exists()


def test_another_municipality_s_action_cannot_be_linked(world):
    response = world.client_for("editor").post(
        own_url(world, "create"),
        {
            "title": "Fietsstraten",
            "summary": "Samen met de school.",
            "started_year": "2022",
            "actions": [str(world.action_b.pk)],
            "version": "",
        },
    )
    assert response.status_code == 200
    assert 'value="Fietsstraten"' in response.content.decode()
    assert not Practice.unscoped.exists()
