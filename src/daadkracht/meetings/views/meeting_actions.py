"""A new action of the plan from a meeting: the plan's action form, proposed from the meeting."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from daadkracht.common.forms import add_service_errors
from daadkracht.common.navigation import tenant_url
from daadkracht.meetings.models import Meeting
from daadkracht.meetings.services.meeting_actions import meeting_action_create
from daadkracht.plans.forms.action import ActionForm
from daadkracht.plans.models import Action, DepartmentRole, Plan
from daadkracht.plans.policies import can_add_actions, can_edit_actions, chooses_any_lead
from daadkracht.plans.selectors.plan import current_plan
from daadkracht.plans.services.actions import Involvement
from daadkracht.tenancy.decorators import TenantRequest, tenant_view


def _proposed_form(request: TenantRequest, meeting: Meeting, plan: Plan) -> ActionForm:
    """The action form, filled from the meeting when first shown: its first department leads
    (or the editor's own, who add actions for their department only), the others contribute,
    and the theme is the one of the meeting's climate team."""
    who = request.tenant.membership
    initial: dict[str, object] = {}
    departments = [
        link.department for link in meeting.department_links.order_by("department__name")
    ]
    if chooses_any_lead(who) and departments:
        lead_id: int | None = departments[0].pk
        initial["lead_department"] = lead_id
    else:
        lead_id = who.own_department_id
    involvements = [
        Involvement(department, DepartmentRole.CONTRIBUTES)
        for department in departments
        if department.pk != lead_id
    ]
    theme = meeting.team.theme if meeting.team is not None else None
    if theme is not None and theme.plan_id == plan.pk:
        initial["themes"] = [theme.pk]
    data = request.POST if request.method == "POST" else None
    return ActionForm(
        data,
        instance=Action(plan=plan),
        who=who,
        plan=plan,
        initial=initial,
        involvements=involvements,
    )


@tenant_view(can_edit_actions)
def meeting_action_new(request: TenantRequest, pk: int) -> HttpResponse:
    """Whoever may add actions to the plan, and so sees the meeting, adds one from it."""
    meeting = get_object_or_404(Meeting.objects.select_related("team__theme"), pk=pk)
    meeting_url = tenant_url(request, "meetings:detail", pk=meeting.pk)
    if meeting.is_cancelled:
        messages.error(request, _("A cancelled meeting can no longer be changed."))
        return redirect(meeting_url)
    plan = current_plan()
    if plan is None:
        messages.info(request, _("Set up the climate plan first; then add its actions."))
        return redirect("plans:settings", municipality=request.tenant.municipality.slug)
    if not can_add_actions(request.tenant.membership):
        raise PermissionDenied
    form = _proposed_form(request, meeting, plan)
    if request.method == "POST" and form.is_valid():
        try:
            action = meeting_action_create(
                actor=request.user, meeting=meeting, plan=plan, **form.service_arguments()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Action %(action)s saved, as created at this meeting.") % {"action": action},
            )
            return redirect(meeting_url)
    held_on = timezone.localdate(meeting.starts_at)
    return render(
        request,
        "plans/action_form.html",
        {
            "form": form,
            "formset": form.involvement_forms,
            "action": None,
            "plan": plan,
            "origin_note": _("Created at the meeting %(title)s of %(date)s.")
            % {"title": meeting.title, "date": date_format(held_on, "SHORT_DATE_FORMAT")},
            "cancel_url": meeting_url,
        },
    )
