"""The public page of a published practice and its files, readable without log-in."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from daadkracht.access.entry import public_view
from daadkracht.practices import selectors
from daadkracht.practices.models import Practice, PracticeFile, PracticeStatus
from daadkracht.practices.presentation import practice_context
from daadkracht.practices.views.common import file_response


def _published(pk: int) -> Practice:
    # The public reach reads published practices only; an update under moderation is a draft.
    return get_object_or_404(
        Practice.objects.select_related("municipality").filter(
            status=PracticeStatus.PUBLISHED, revision_of=None
        ),
        pk=pk,
    )


@public_view
def public_detail(request: HttpRequest, pk: int) -> HttpResponse:
    practice = _published(pk)
    return render(
        request,
        "practices/public_detail.html",
        {
            **practice_context(practice),
            "practice": practice,
            "adoption_count": selectors.adoption_counts([practice.pk]).get(practice.pk, 0),
            "adopt_links": selectors.adopt_links(request.user, practice),
            "share_links": selectors.share_links(request.user),
        },
    )


@public_view
def public_file(request: HttpRequest, pk: int, file_pk: int) -> HttpResponse:
    practice = _published(pk)
    row = get_object_or_404(PracticeFile.objects.filter(practice=practice), pk=file_pk)
    return file_response(row)
