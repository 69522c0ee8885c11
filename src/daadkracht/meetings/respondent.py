"""The participant's evaluation page, opened by their signed link.

The link opens one participant's evaluation of one meeting and nothing else: the meeting's
title and date, the questions, their own earlier answers. A forged or expired link, and a closed
evaluation, get a page that changes nothing.
"""

from http import HTTPStatus

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from daadkracht.access.context import LinkGrant
from daadkracht.access.entry import signed_link_view
from daadkracht.common.forms import add_service_errors
from daadkracht.meetings.catalogue import evaluation_form
from daadkracht.meetings.forms.evaluations import EvaluationForm
from daadkracht.meetings.models import EvaluationResponse, MeetingEvaluation
from daadkracht.meetings.services.evaluations import evaluation_answer_save
from daadkracht.meetings.tokens import EVALUATION_LINK, response_version

INVALID = "meetings/evaluation_invalid.html"


@signed_link_view(EVALUATION_LINK, invalid_template=INVALID, version=response_version)
@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, response: EvaluationResponse, grant: LinkGrant) -> HttpResponse:
    evaluation = MeetingEvaluation.objects.select_related("meeting__method").get(
        pk=response.evaluation_id
    )
    meeting = evaluation.meeting
    if not evaluation.is_open():
        status = HTTPStatus.GONE if request.method == "POST" else HTTPStatus.OK
        return render(
            request, "meetings/evaluation_closed.html", {"meeting": meeting}, status=status
        )
    questions = evaluation_form(meeting.method.key if meeting.method is not None else None)
    form = EvaluationForm(request.POST or None, questions=questions, initial=dict(response.answers))
    if request.method == "POST" and form.is_valid():
        try:
            evaluation_answer_save(response=response, answers=form.answers())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Thank you, your evaluation is saved. You can change it until it closes."),
            )
            return redirect(request.path)
    return render(
        request,
        "meetings/evaluation_answer.html",
        {
            "meeting": meeting,
            "evaluation": evaluation,
            "form": form,
            "answered": response.answered_at is not None,
        },
    )
