"""A body's members and meetings: adding a member, ending a membership (with confirmation) and
planning a meeting of the body."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from daadkracht.bodies.forms.members import BodyMeetingForm, EndMembershipForm, MembershipForm
from daadkracht.bodies.models import BodyMembership, GovernanceBody
from daadkracht.bodies.policies import can_manage_bodies
from daadkracht.bodies.services.meetings import body_meeting_create
from daadkracht.bodies.services.members import membership_add, membership_end
from daadkracht.common.forms import add_service_errors
from daadkracht.tenancy.decorators import TenantRequest, tenant_view


def _to_body(request: TenantRequest, body: GovernanceBody) -> HttpResponse:
    return redirect("bodies:detail", municipality=request.tenant.municipality.slug, pk=body.pk)


@tenant_view(can_manage_bodies)
def member_add(request: TenantRequest, pk: int) -> HttpResponse:
    body = get_object_or_404(GovernanceBody.objects, pk=pk)
    form = MembershipForm(request.POST or None, body=body)
    if request.method == "POST" and form.is_valid():
        try:
            membership_add(actor=request.user, body=body, **form.service_values())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Member added to %(body)s.") % {"body": body.name})
            return _to_body(request, body)
    return render(request, "bodies/member_form.html", {"form": form, "body": body})


@tenant_view(can_manage_bodies)
def member_end(request: TenantRequest, pk: int, membership: int) -> HttpResponse:
    body = get_object_or_404(GovernanceBody.objects, pk=pk)
    row = get_object_or_404(
        BodyMembership.objects.select_related("contact", "organisation", "contact__organisation"),
        pk=membership,
        body=body,
    )
    form = EndMembershipForm(request.POST or None, membership=row)
    if request.method == "POST" and form.is_valid():
        try:
            membership_end(actor=request.user, membership=row, ends_on=form.cleaned_data["ends_on"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The membership ends; it stays under past members."))
            return _to_body(request, body)
    return render(
        request, "bodies/member_end.html", {"form": form, "body": body, "membership": row}
    )


@tenant_view(can_manage_bodies)
def meeting_create(request: TenantRequest, pk: int) -> HttpResponse:
    body = get_object_or_404(GovernanceBody.objects, pk=pk)
    form = BodyMeetingForm(request.POST or None, initial={"title": body.name})
    if request.method == "POST" and form.is_valid():
        try:
            meeting = body_meeting_create(actor=request.user, body=body, **form.service_values())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Meeting %(title)s is planned and the invitations are on their way.")
                % {"title": meeting.title},
            )
            return redirect(
                "meetings:detail", municipality=request.tenant.municipality.slug, pk=meeting.pk
            )
    return render(request, "bodies/meeting_form.html", {"form": form, "body": body})
