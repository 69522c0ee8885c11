"""For platform editors: what waits for moderation, and deciding on one practice."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _

from daadkracht.access.entry import editorial_view
from daadkracht.common.concurrency import ConcurrentEditError
from daadkracht.common.forms import add_service_errors
from daadkracht.practices import selectors
from daadkracht.practices.forms import DecisionForm
from daadkracht.practices.models import Practice, PracticeFile
from daadkracht.practices.presentation import practice_context
from daadkracht.practices.services import workflow
from daadkracht.practices.services.rules import PracticeStateChanged
from daadkracht.practices.views.common import file_response

DONE = {
    DecisionForm.PUBLISH: _("The practice is published; the author is told."),
    DecisionForm.CHANGES: _("The practice is back with its author, with your message."),
    DecisionForm.REJECT: _("The practice is rejected; the author is told why."),
}


@editorial_view
def queue(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "practices/moderation_queue.html",
        {
            "waiting": list(selectors.moderation_queue()),
            "decided": selectors.recently_decided(),
        },
    )


@editorial_view
def review(request: HttpRequest, pk: int) -> HttpResponse:
    practice = get_object_or_404(
        Practice.objects.select_related("municipality", "author", "revision_of"), pk=pk
    )
    form = DecisionForm(request.POST or None, initial={"version": practice.version})
    if request.method == "POST" and form.is_valid():
        decision, message = form.cleaned_data["decision"], form.cleaned_data["message"]
        try:
            if form.cleaned_data["version"] != practice.version:
                raise PracticeStateChanged()
            if decision == DecisionForm.PUBLISH:
                workflow.practice_publish(actor=request.user, practice=practice, message=message)
            elif decision == DecisionForm.CHANGES:
                workflow.practice_request_changes(
                    actor=request.user, practice=practice, message=message
                )
            else:
                workflow.practice_reject(actor=request.user, practice=practice, message=message)
        except (PracticeStateChanged, ConcurrentEditError) as error:
            messages.error(request, str(error.message))
            return redirect("practices:moderation")
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, str(DONE[decision]))
            return redirect("practices:moderation")
    return render(
        request,
        "practices/review.html",
        {
            **practice_context(practice),
            "practice": practice,
            "events": selectors.practice_events(practice),
            "form": form,
            "published": practice.revision_of,
        },
    )


@editorial_view
def review_file(request: HttpRequest, pk: int, file_pk: int) -> HttpResponse:
    practice = get_object_or_404(Practice.objects, pk=pk)
    row = get_object_or_404(PracticeFile.objects.filter(practice=practice), pk=file_pk)
    return file_response(row)
