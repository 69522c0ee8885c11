"""Photos and documents of a practice: checked, photos re-encoded without their metadata,
served to who may read the practice only."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from daadkracht.practices.models import PracticeFile
from tests.practices.conftest import jpeg_bytes, write_practice
from tests.practices.test_workflow import own_url, publish


def upload(world, practice, name, content, kind="photo", description="Geveltuin in bloei"):
    client = world.client_for("editor")
    return client.post(
        own_url(world, "files", pk=practice.pk),
        {
            "kind": kind,
            "description": description,
            "file": SimpleUploadedFile(name, content),
        },
    )


def test_a_photo_is_re_encoded_without_its_metadata(world):
    practice = write_practice(world)
    response = upload(world, practice, "IMG_2041.JPG", jpeg_bytes((4000, 3000), exif=True))
    assert response.status_code == 302
    row = PracticeFile.unscoped.get(practice=practice)
    assert row.original_name == "IMG_2041.JPG"
    assert max(row.width, row.height) == 2400
    stored = row.file.read()
    with Image.open(io.BytesIO(stored)) as image:
        assert image.format == "JPEG"
        assert not image.getexif()  # no camera, no position, no orientation
        assert image.size == (1800, 2400)  # turned upright as the camera meant it
    assert row.file.name.endswith(".jpg")
    assert "IMG_2041" not in row.file.name


def test_something_that_only_claims_to_be_a_photo_is_refused(world):
    practice = write_practice(world)
    response = upload(world, practice, "foto.jpg", b"<script>alert(1)</script>")
    assert response.status_code == 200
    assert "Dit is geen foto die we kunnen lezen." in response.content.decode()
    assert not PracticeFile.unscoped.exists()


def test_a_photo_that_declares_too_many_pixels_is_refused(world):
    practice = write_practice(world)
    # A tiny PNG whose header claims 20,000 x 20,000 pixels.
    out = io.BytesIO()
    Image.new("1", (20000, 20000)).save(out, format="PNG")
    response = upload(world, practice, "bom.png", out.getvalue())
    assert "De foto heeft te veel pixels." in response.content.decode()
    assert not PracticeFile.unscoped.exists()


def test_a_document_must_be_a_pdf(world):
    practice = write_practice(world)
    response = upload(world, practice, "plan.pdf", b"MZ\x90\x00", kind="document")
    assert "Laad het document op als pdf-bestand." in response.content.decode()
    response = upload(
        world,
        practice,
        "plan.pdf",
        b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\n",
        kind="document",
        description="Plan van aanpak",
    )
    assert response.status_code == 302
    assert PracticeFile.unscoped.get().content_type == "application/pdf"


def test_a_photo_needs_a_description_and_the_form_keeps_it(world):
    practice = write_practice(world)
    response = upload(world, practice, "foto.jpg", jpeg_bytes(), description="")
    assert response.status_code == 200
    assert not PracticeFile.unscoped.exists()


def test_files_of_a_draft_are_not_public_until_it_is_published(world, editor):
    practice = write_practice(world)
    upload(world, practice, "foto.jpg", jpeg_bytes())
    row = PracticeFile.unscoped.get()
    public_url = reverse("practices:public_file", kwargs={"pk": practice.pk, "file_pk": row.pk})
    assert Client().get(public_url).status_code == 404
    own = world.client_for("viewer").get(own_url(world, "file", pk=practice.pk, file_pk=row.pk))
    assert own.status_code == 200
    assert own["Content-Type"] == "image/jpeg"
    publish(world, editor, practice)
    response = Client().get(public_url)
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    page = Client().get(reverse("practices:public_detail", kwargs={"pk": practice.pk}))
    assert 'alt="Geveltuin in bloei"' in page.content.decode()


def test_removing_a_file_asks_first(world):
    practice = write_practice(world)
    upload(world, practice, "foto.jpg", jpeg_bytes())
    row = PracticeFile.unscoped.get()
    client = world.client_for("editor")
    url = own_url(world, "file_remove", pk=practice.pk, file_pk=row.pk)
    assert "Dit bestand verwijderen?" in client.get(url).content.decode()
    assert PracticeFile.unscoped.exists()
    client.post(url)
    assert not PracticeFile.unscoped.exists()
