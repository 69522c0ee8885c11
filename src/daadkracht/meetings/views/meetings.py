"""Meetings: the list, planning one, its page, editing, cancelling, attendance and its .ics."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from daadkracht.common.exporting import download_name, export_format, export_response
from daadkracht.common.forms import add_service_errors, edit_versioned
from daadkracht.common.listing import SortOption, apply_sort
from daadkracht.meetings.calendar import PUBLISH, meeting_ics
from daadkracht.meetings.forms.meetings import (
    TYPE_KEYS,
    AttendanceForm,
    MeetingForm,
    MeetingListQuery,
    MeetingNewQuery,
    MeetingUpdateForm,
)
from daadkracht.meetings.models import ClimateTeam, Meeting, MeetingAttendee, MeetingKind, Method
from daadkracht.meetings.policies import can_manage_meetings
from daadkracht.meetings.selectors.evaluations import evaluation_panel
from daadkracht.meetings.selectors.meetings import actions_created_at, meeting_list
from daadkracht.meetings.services import meetings as services
from daadkracht.plans.models import Action
from daadkracht.plans.policies import CONTRIBUTING_ROLES, can_add_actions, can_post_updates
from daadkracht.tenancy.decorators import TenantRequest, tenant_view
from daadkracht.tenancy.models import Membership
from daadkracht.tenancy.roles import Permission

MEETING_SORTS = [
    SortOption("date", gettext_lazy("Date"), ("starts_at",)),
    SortOption("title", gettext_lazy("Title"), ("title", "starts_at")),
    SortOption("place", gettext_lazy("Place"), ("place", "starts_at")),
    SortOption("participants", gettext_lazy("Participants"), ("attendee_count", "starts_at")),
]
DEFAULT_MEETING_SORT = "-date"


def type_choices() -> list[tuple[str, str]]:
    names = {m.key: str(m) for m in Method.objects.all()}
    labels = {
        MeetingKind.INTAKE.value: str(MeetingKind.INTAKE.label),
        MeetingKind.OTHER.value: str(MeetingKind.OTHER.label),
    }
    return [(key, names.get(key) or labels.get(key, key)) for key in TYPE_KEYS]


@tenant_view()
def meetings(request: TenantRequest) -> HttpResponseBase:
    query = MeetingListQuery(request.GET)
    filters = query.values()
    queryset = meeting_list(
        type_key=filters["type"],
        period=filters["period"],
        start=filters["from"],
        until=filters["until"],
        search=filters["q"],
        team_id=filters["team"],
    )
    queryset, sort = apply_sort(request, queryset, MEETING_SORTS, default=DEFAULT_MEETING_SORT)
    fmt = export_format(request)
    if fmt:
        return export_response(
            name=_("Meetings"),
            fmt=fmt,
            headers=[
                _("Title"),
                _("Type"),
                _("Climate team"),
                _("Start"),
                _("End"),
                _("Place"),
                _("Departments"),
                _("Participants"),
                _("Cancelled"),
            ],
            rows=(
                [
                    m.title,
                    m.type_label(),
                    m.team.name if m.team else "",
                    timezone.localtime(m.starts_at).replace(tzinfo=None),
                    timezone.localtime(m.ends_at).replace(tzinfo=None),
                    m.place,
                    m.department_count,  # type: ignore[attr-defined]
                    m.attendee_count,  # type: ignore[attr-defined]
                    _("yes") if m.is_cancelled else "",
                ]
                for m in queryset
            ),
        )
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "meetings": queryset,
            "filters": filters,
            "filtered": any(filters.values()),
            "sort": sort,
            "types": type_choices(),
            "teams": list(ClimateTeam.objects.order_by("name").values_list("pk", "name")),
            "periods": [
                ("upcoming", _("Upcoming")),
                ("past", _("Held")),
                ("cancelled", _("Cancelled")),
            ],
            "now": timezone.now(),
        },
    )


@tenant_view(can_manage_meetings)
def meeting_create(request: TenantRequest) -> HttpResponse:
    initial: dict[str, object] = {"kind": MeetingKind.OTHER}
    query = MeetingNewQuery(request.GET)
    method = Method.objects.filter(key=query.value("method")).first()
    if method is not None and method.text is not None:
        initial.update(kind=MeetingKind.METHOD, method=method, title=str(method.text.name))
        template = method.text.agenda(query.value("agenda")) or (
            method.text.agendas[0] if method.text.agendas else None
        )
        if template is not None:
            initial.update(title=f"{method.text.name}: {template.title}")
            initial["agenda"] = template.as_text()
    team_id = query.value("team")
    if team_id is not None:
        initial["team"] = ClimateTeam.objects.filter(pk=team_id).first()
    form = MeetingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(actor=request.user, **form.service_values())
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
    return render(request, "meetings/meeting_form.html", {"form": form})


@tenant_view()
def meeting_detail(request: TenantRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(
        Meeting.objects.select_related("method", "organiser", "team"), pk=pk
    )
    attendees = list(
        MeetingAttendee.objects.filter(meeting=meeting)
        .select_related("user")
        .order_by("user__full_name")
    )
    departments = [
        link.department
        for link in meeting.department_links.select_related("department").order_by(
            "department__name"
        )
    ]
    can_manage = can_manage_meetings(request.tenant.membership)
    context = {
        "meeting": meeting,
        "attendees": attendees,
        "departments": departments,
        "can_manage": can_manage,
        "agreements": list(meeting.agreements.order_by("due_date", "title")),
        "today": timezone.localdate(),
        "updates": [
            link.update
            for link in meeting.update_links.select_related(
                "update__action", "update__author"
            ).order_by("update__created_at")
        ],
        "can_post": can_post_updates(request.tenant.membership),
        "created_actions": actions_created_at(meeting),
        "can_create_action": can_add_actions(request.tenant.membership),
        # The evaluation's results are for those who manage meetings only.
        "evaluation": evaluation_panel(meeting, attendees) if can_manage else None,
    }
    if can_manage and not meeting.is_cancelled:
        context["attendance_form"] = AttendanceForm(
            initial={"present": [a.user_id for a in attendees if a.attended]},
            people=[a.user for a in attendees],
        )
    return render(request, "meetings/meeting_detail.html", context)


@tenant_view(can_manage_meetings)
def meeting_edit(request: TenantRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects, pk=pk)
    if meeting.is_cancelled:
        messages.error(request, _("A cancelled meeting can no longer be changed."))
        return redirect("meetings:detail", municipality=request.tenant.municipality.slug, pk=pk)
    edit = edit_versioned(
        request,
        instance=meeting,
        build=lambda data, obj: MeetingForm(data, instance=obj),
        reload=lambda: get_object_or_404(Meeting.objects, pk=pk),
        save=lambda form, version: services.meeting_update(
            actor=request.user,
            meeting=form.instance,
            expected_version=version,
            **form.service_values(),
        ),
    )
    if edit.saved is not None:
        messages.success(request, _("Meeting %(title)s saved.") % {"title": edit.saved.title})
        return redirect("meetings:detail", municipality=request.tenant.municipality.slug, pk=pk)
    return render(request, "meetings/meeting_form.html", {"form": edit.form, "meeting": meeting})


@tenant_view(can_manage_meetings)
def meeting_cancel(request: TenantRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects, pk=pk)
    if request.method == "POST":
        try:
            services.meeting_cancel(actor=request.user, meeting=meeting)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Meeting %(title)s is cancelled; the participants have been told.")
                % {"title": meeting.title},
            )
        return redirect("meetings:detail", municipality=request.tenant.municipality.slug, pk=pk)
    return render(
        request,
        "meetings/meeting_cancel.html",
        {"meeting": meeting, "attendee_count": meeting.attendees.count()},
    )


@tenant_view(can_manage_meetings)
@require_POST
def meeting_attendance(request: TenantRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects, pk=pk)
    people = services.meeting_people(meeting)
    form = AttendanceForm(request.POST, people=people)
    if not form.is_valid():
        messages.error(request, _("Tick the participants who attended."))
    else:
        present = services.meeting_attendance_record(
            actor=request.user, meeting=meeting, present=form.cleaned_data["present"]
        )
        messages.success(
            request,
            _("Attendance saved: %(present)s of %(total)s attended.")
            % {"present": present, "total": len(people)},
        )
    return redirect("meetings:detail", municipality=request.tenant.municipality.slug, pk=pk)


@tenant_view()
def meeting_calendar(request: TenantRequest, pk: int) -> HttpResponse:
    """The meeting as a calendar file to open in one's own calendar."""
    meeting = get_object_or_404(Meeting.objects.select_related("organiser"), pk=pk)
    url = request.build_absolute_uri(services.meeting_path(meeting))
    ics = meeting_ics(
        meeting,
        method=PUBLISH,
        url=url,
        attendees=services.meeting_people(meeting),
        organiser=meeting.organiser,
    )
    response = HttpResponse(ics, content_type="text/calendar; charset=utf-8")
    filename = download_name(meeting.title) + ".ics"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def postable_actions(who: Membership) -> QuerySet[Action]:
    """The actions `who` may post on: all for a coordinator, else those their department leads
    or contributes to."""
    actions = Action.objects.order_by("identifier")
    if who.has(Permission.EDIT_ALL):
        return actions
    department = who.own_department_id
    if department is None:
        return actions.none()
    return actions.filter(
        Q(lead_department_id=department)
        | Q(
            involvements__department_id=department,
            involvements__role__in=CONTRIBUTING_ROLES,
        )
    ).distinct()


@tenant_view(can_post_updates)
def meeting_update_post(request: TenantRequest, pk: int) -> HttpResponse:
    """Post a status update or decision on an action, from the meeting where it was said."""
    meeting = get_object_or_404(Meeting.objects, pk=pk)
    form = MeetingUpdateForm(
        request.POST or None, actions=postable_actions(request.tenant.membership)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_update_post(
                actor=request.user,
                meeting=meeting,
                action=form.cleaned_data["action"],
                text=form.cleaned_data["text"],
                kind=form.cleaned_data["kind"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Posted on the timeline of %(action)s.")
                % {"action": form.cleaned_data["action"]},
            )
            return redirect("meetings:detail", municipality=request.tenant.municipality.slug, pk=pk)
    return render(request, "meetings/meeting_update.html", {"form": form, "meeting": meeting})
