"""Sending a meeting's evaluation, reminding the participants and closing it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from daadkracht.meetings.models import Meeting, MeetingEvaluation
from daadkracht.meetings.policies import can_manage_meetings
from daadkracht.meetings.services import evaluations as services
from daadkracht.tenancy.decorators import TenantRequest, tenant_view


def _back(request: TenantRequest, pk: int) -> HttpResponse:
    return redirect("meetings:detail", municipality=request.tenant.municipality.slug, pk=pk)


@tenant_view(can_manage_meetings)
@require_POST
def evaluation_send(request: TenantRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects.select_related("method"), pk=pk)
    try:
        mailed = services.meeting_evaluation_send(actor=request.user, meeting=meeting)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if mailed:
            messages.success(
                request,
                ngettext(
                    "The evaluation is on its way to %(count)d participant.",
                    "The evaluation is on its way to %(count)d participants.",
                    mailed,
                )
                % {"count": mailed},
            )
        else:
            messages.info(request, _("Every participant has answered already; nobody was mailed."))
    return _back(request, pk)


@tenant_view(can_manage_meetings)
@require_POST
def evaluation_close(request: TenantRequest, pk: int) -> HttpResponse:
    evaluation = get_object_or_404(MeetingEvaluation.objects, meeting_id=pk)
    try:
        services.meeting_evaluation_close(actor=request.user, evaluation=evaluation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The evaluation is closed; the answers can no longer change."))
    return _back(request, pk)
