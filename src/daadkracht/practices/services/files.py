"""Photos and documents of a practice: checked, photos re-encoded, stored under a new name.

An upload is never stored as it came. A photo is opened by Pillow (refused when it is no JPEG,
PNG or WebP, or when it declares more pixels than a camera makes), turned upright, scaled down
and saved anew as JPEG, which drops its metadata (a phone's GPS position among them). A
document must be a PDF. Files are stored under a random name; the name people gave is a column.
"""

import io
import secrets
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from daadkracht.common.plain_text import plain_line
from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import audit_record
from daadkracht.practices.models import Practice, PracticeFile, PracticeFileKind
from daadkracht.practices.policies import can_edit_practice
from daadkracht.practices.services.rules import check_editable
from daadkracht.tenancy.policies import enforce

MAX_PHOTO_BYTES = 10 * 1024 * 1024
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 60_000_000  # more than any camera or phone makes; a larger claim is a bomb
LONGEST_SIDE = 2400
MAX_PHOTOS = 12
MAX_DOCUMENTS = 10
# MPO: the JPEG with several pictures in it that many phone cameras write.
PHOTO_FORMATS = frozenset({"JPEG", "MPO", "PNG", "WEBP"})
NAME_LENGTH = PracticeFile._meta.get_field("original_name").max_length or 200


def _read(upload: UploadedFile, limit: int) -> bytes:
    if upload.size is not None and upload.size > limit:
        raise ValidationError({"file": _too_large(limit)})
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise ValidationError({"file": _too_large(limit)})
    if not data:
        raise ValidationError({"file": _("The file is empty.")})
    return data


def _too_large(limit: int) -> str:
    return _("The file is larger than %(megabytes)s MB.") % {"megabytes": limit // (1024 * 1024)}


def reencode_photo(data: bytes) -> tuple[bytes, int, int]:
    """The photo as a new JPEG, upright and at most LONGEST_SIDE pixels, without metadata."""
    refused = ValidationError(
        {"file": _("This is not a photo we can read. Upload a JPEG, PNG or WebP image.")}
    )
    too_many = ValidationError(
        {"file": _("The photo has too many pixels. Upload a smaller version.")}
    )
    try:
        # verify() checks the file's structure (a PNG's checksums) whatever decoding allows:
        # WeasyPrint lets Pillow load truncated images, for the whole process.
        with Image.open(io.BytesIO(data)) as probe:
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            if image.format not in PHOTO_FORMATS:
                raise refused
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise too_many
            image.load()
            upright = ImageOps.exif_transpose(image) or image
            if upright.mode in ("RGBA", "LA", "P"):
                rgba = upright.convert("RGBA")
                flat = Image.new("RGB", rgba.size, (255, 255, 255))
                flat.paste(rgba, mask=rgba.getchannel("A"))
                upright = flat
            elif upright.mode != "RGB":
                upright = upright.convert("RGB")
            upright.thumbnail((LONGEST_SIDE, LONGEST_SIDE))
            out = io.BytesIO()
            upright.save(out, format="JPEG", quality=85, optimize=True)
            return out.getvalue(), upright.width, upright.height
    except Image.DecompressionBombError:
        raise too_many from None
    except ValidationError:
        raise
    except Exception:
        raise refused from None


def _check_pdf(data: bytes) -> None:
    if not data.startswith(b"%PDF-"):
        raise ValidationError({"file": _("Upload the document as a PDF file.")})


def _clean_name(name: str) -> str:
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if c.isprintable()).strip() or "bestand"
    return name[:NAME_LENGTH]


def practice_file_add(
    *,
    actor: Any,
    practice: Practice,
    kind: str,
    upload: UploadedFile,
    description: str,
) -> PracticeFile:
    """Add a photo or a PDF to a practice that may still be changed."""
    enforce(can_edit_practice, practice)
    check_editable(practice)
    if kind not in PracticeFileKind.values:
        raise ValidationError({"kind": _("Choose a photo or a document.")})
    description = plain_line(
        "description",
        description,
        max_length=300,
        required_message=_("Describe the file: what the photo shows, or the document's title."),
    )
    count = PracticeFile.objects.filter(practice=practice, kind=kind).count()
    most = MAX_PHOTOS if kind == PracticeFileKind.PHOTO else MAX_DOCUMENTS
    if count >= most:
        raise ValidationError(
            {"file": _("A practice has at most %(count)s files of this kind.") % {"count": most}}
        )
    width = height = None
    if kind == PracticeFileKind.PHOTO:
        content, width, height = reencode_photo(_read(upload, MAX_PHOTO_BYTES))
        extension, content_type = "jpg", "image/jpeg"
    else:
        content = _read(upload, MAX_DOCUMENT_BYTES)
        _check_pdf(content)
        extension, content_type = "pdf", "application/pdf"
    row = PracticeFile(
        municipality_id=practice.municipality_id,
        practice=practice,
        kind=kind,
        original_name=_clean_name(upload.name or ""),
        description=description,
        content_type=content_type,
        size=len(content),
        width=width,
        height=height,
    )
    row.file.save(f"{secrets.token_hex(16)}.{extension}", ContentFile(content), save=False)
    stored = str(row.file.name)
    try:
        with transaction.atomic():
            row.save()
            audit_record(
                actor=actor, instance=row, action=AuditAction.CREATED, source=ChangeSource.FORM
            )
    except BaseException:
        row.file.storage.delete(stored)  # nothing names it: the row was not written
        raise
    return row


def practice_file_remove(*, actor: Any, practice_file: PracticeFile) -> None:
    """Remove a file from a practice that may still be changed; the stored file goes when no
    other version of the practice still shows it."""
    practice = practice_file.practice
    enforce(can_edit_practice, practice)
    check_editable(practice)
    with transaction.atomic():
        audit_record(
            actor=actor,
            instance=practice_file,
            action=AuditAction.REMOVED,
            source=ChangeSource.FORM,
        )
        name = str(practice_file.file.name)
        practice_file.delete()
        transaction.on_commit(lambda: discard_stored([name]))


def discard_stored(names: list[str]) -> None:
    """Delete stored files that no row names any more (a revision shares its files' storage
    with the published practice until it is accepted)."""
    if not names:
        return
    still_named = set(PracticeFile.objects.filter(file__in=names).values_list("file", flat=True))
    storage = PracticeFile._meta.get_field("file").storage
    for name in names:
        if name not in still_named:
            storage.delete(name)
