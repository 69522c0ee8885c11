"""What the practice pages share: sending a stored file."""

from typing import cast

from django.http import FileResponse, HttpResponse

from daadkracht.practices.models import PracticeFile, PracticeFileKind


def file_response(row: PracticeFile) -> HttpResponse:
    """The stored file, under the name it was uploaded with; a document is downloaded, never
    shown inline, and no browser may guess another type."""
    name = row.original_name
    if row.kind == PracticeFileKind.PHOTO:
        name = name.rsplit(".", 1)[0] + ".jpg"  # re-encoded as JPEG whatever it came as
    response = FileResponse(
        row.file.open("rb"),
        content_type=row.content_type,
        as_attachment=row.kind == PracticeFileKind.DOCUMENT,
        filename=name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=3600"
    # The entry points are typed for pages; a streamed file passes through them alike.
    return cast(HttpResponse, response)
