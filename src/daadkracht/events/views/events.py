"""Network events for the coordinators: the list, planning and editing an event, its page with
the registrations and the waiting list, attendance, registering a known contact, the closing
report and the event's calendar file. Members read the events; who registered is for those who
manage the network only."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from daadkracht.common.exporting import download_name, export_format, export_response
from daadkracht.common.forms import add_service_errors, edit_versioned
from daadkracht.common.listing import SortOption, apply_sort, page_of
from daadkracht.events.calendar import event_ics
from daadkracht.events.forms.events import (
    AttendanceForm,
    EventForm,
    EventListQuery,
    RegisterContactForm,
    themes_available,
)
from daadkracht.events.models import EventKind, NetworkEvent, Registration, RegistrationState
from daadkracht.events.policies import can_manage_events
from daadkracht.events.selectors.events import (
    closing_report,
    event_list,
    event_registrations,
)
from daadkracht.events.services import events as services
from daadkracht.events.services import registrations as registering
from daadkracht.tenancy.decorators import TenantRequest, tenant_view

PAGE_SIZE = 50
EVENT_SORTS = [
    SortOption("date", gettext_lazy("Date"), ("starts_at", "id")),
    SortOption("title", gettext_lazy("Title"), ("title", "starts_at", "id")),
    SortOption("place", gettext_lazy("Place"), ("place", "starts_at", "id")),
    SortOption("registered", gettext_lazy("Registered"), ("registered_count", "starts_at", "id")),
]


def _detail(request: TenantRequest, pk: int) -> HttpResponse:
    return redirect("events:detail", municipality=request.tenant.municipality.slug, pk=pk)


def _themes(event: NetworkEvent) -> str:
    return ", ".join(str(link.theme) for link in event.theme_links.all())


@tenant_view()
def events(request: TenantRequest) -> HttpResponseBase:
    query = EventListQuery(request.GET)
    filters = query.values()
    period = filters["period"] or "upcoming"
    queryset = event_list(
        period=period, kind=filters["kind"], theme=filters["theme"], search=filters["q"]
    )
    default = "date" if period == "upcoming" else "-date"
    queryset, sort = apply_sort(request, queryset, EVENT_SORTS, default=default)
    fmt = export_format(request)
    if fmt:
        return export_response(
            name=_("Events"),
            fmt=fmt,
            headers=[
                _("Title"),
                _("Type"),
                _("Start"),
                _("End"),
                _("Place"),
                _("Places"),
                _("Registered"),
                _("Waiting list"),
                _("Themes"),
                _("Cancelled"),
            ],
            rows=(
                [
                    e.title,
                    str(e.get_kind_display()),
                    e.starts_at,
                    e.ends_at,
                    e.place,
                    e.capacity,
                    getattr(e, "registered_count", 0),
                    getattr(e, "waiting_count", 0),
                    _themes(e),
                    e.cancelled_at or "",
                ]
                for e in queryset
            ),
        )
    page = page_of(request, queryset, PAGE_SIZE)
    return render(
        request,
        "events/event_list.html",
        {
            "page": page,
            "events": page.object_list,
            "filters": filters,
            "period": period,
            "filtered": any(filters[name] for name in ("kind", "theme", "q")),
            "sort": sort,
            "kinds": EventKind.choices,
            "themes": themes_available(),
            "can_manage": can_manage_events(request.tenant.membership),
        },
    )


@tenant_view(can_manage_events)
def event_create(request: TenantRequest) -> HttpResponse:
    form = EventForm(request.POST or None, initial={"organiser": request.user.pk})
    if request.method == "POST" and form.is_valid():
        try:
            event = services.event_create(actor=request.user, **form.service_values())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Event %(title)s planned.") % {"title": event.title})
            return _detail(request, event.pk)
    return render(request, "events/event_form.html", {"form": form})


def _get_event(pk: int) -> NetworkEvent:
    return get_object_or_404(NetworkEvent.objects.select_related("organiser"), pk=pk)


@tenant_view(can_manage_events)
def event_edit(request: TenantRequest, pk: int) -> HttpResponse:
    event = _get_event(pk)
    if event.is_cancelled:
        messages.error(request, _("A cancelled event can no longer be changed."))
        return _detail(request, pk)
    edit = edit_versioned(
        request,
        instance=event,
        build=lambda data, obj: EventForm(data, instance=obj),
        reload=lambda: _get_event(pk),
        save=lambda form, version: services.event_update(
            actor=request.user,
            event=form.instance,
            expected_version=version,
            **form.service_values(),
        ),
    )
    if edit.saved is not None:
        messages.success(request, _("Event %(title)s saved.") % {"title": edit.saved.title})
        return _detail(request, pk)
    return render(request, "events/event_form.html", {"form": edit.form, "event": event})


def _event_page(
    request: TenantRequest,
    event: NetworkEvent,
    *,
    register_form: RegisterContactForm | None = None,
    status: int = 200,
) -> HttpResponse:
    can_manage = can_manage_events(request.tenant.membership)
    context: dict[str, object] = {
        "event": event,
        "themes": [link.theme for link in event.theme_links.select_related("theme")],
        "can_manage": can_manage,
        "public_url": request.build_absolute_uri(registering.event_public_path(event)),
    }
    if can_manage:
        registrations = event_registrations(event)
        registered = [r for r in registrations if r.state == RegistrationState.REGISTERED]
        waiting = sorted(
            (r for r in registrations if r.state == RegistrationState.WAITING),
            key=lambda r: (r.waiting_position or 0, r.pk),
        )
        context.update(
            registered=registered,
            waiting=waiting,
            cancelled=[r for r in registrations if r.state == RegistrationState.CANCELLED],
            places_left=max(event.capacity - len(registered), 0),
            register_form=register_form or RegisterContactForm(),
            attendance_form=AttendanceForm(
                initial={"present": [r.pk for r in registered if r.attended]},
                registrations=registered,
            ),
            has_consent_text=registering.latest_consent_text() is not None,
        )
    else:
        context["registered_count"] = registering.counts(event).registered
    return render(request, "events/event_detail.html", context, status=status)


@tenant_view()
def event_detail(request: TenantRequest, pk: int) -> HttpResponse:
    return _event_page(request, _get_event(pk))


@tenant_view(can_manage_events)
@require_POST
def event_register(request: TenantRequest, pk: int) -> HttpResponse:
    """The coordinator registers a known contact person (on the waiting list when full)."""
    event = _get_event(pk)
    form = RegisterContactForm(request.POST)
    if form.is_valid():
        contact = form.cleaned_data["contact"]
        try:
            registration = registering.registration_add(
                actor=request.user, event=event, contact=contact
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if registration.state == RegistrationState.WAITING:
                messages.warning(
                    request,
                    _(
                        "The event is full: %(name)s is on the waiting list, at place "
                        "%(position)s. They move up when someone cancels."
                    )
                    % {"name": contact, "position": registration.waiting_position},
                )
            else:
                messages.success(
                    request, _("%(name)s is registered and gets a mail.") % {"name": contact}
                )
            return _detail(request, pk)
    return _event_page(request, event, register_form=form, status=400)


@tenant_view(can_manage_events)
@require_POST
def registration_cancel(request: TenantRequest, pk: int, registration: int) -> HttpResponse:
    event = _get_event(pk)
    row = get_object_or_404(
        Registration.objects.select_related("contact"), pk=registration, event=event
    )
    registering.registration_cancel(actor=request.user, registration=row, by_link=False)
    messages.success(
        request, _("The registration of %(name)s is cancelled.") % {"name": row.contact}
    )
    return _detail(request, pk)


@tenant_view(can_manage_events)
def event_cancel(request: TenantRequest, pk: int) -> HttpResponse:
    event = _get_event(pk)
    if request.method == "POST":
        try:
            registering.event_cancel(actor=request.user, event=event)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Event %(title)s is cancelled; everyone who registered has been told.")
                % {"title": event.title},
            )
        return _detail(request, pk)
    counts = registering.counts(event)
    return render(
        request,
        "events/event_cancel.html",
        {"event": event, "people": counts.registered + counts.waiting},
    )


@tenant_view(can_manage_events)
@require_POST
def event_attendance(request: TenantRequest, pk: int) -> HttpResponse:
    event = _get_event(pk)
    registered = [r for r in event_registrations(event) if r.state == RegistrationState.REGISTERED]
    form = AttendanceForm(request.POST, registrations=registered)
    if not form.is_valid():
        messages.error(request, _("Tick the people who attended."))
    else:
        present = services.attendance_record(
            actor=request.user, event=event, present=form.cleaned_data["present"]
        )
        messages.success(
            request,
            _("Attendance saved: %(present)s of %(total)s attended.")
            % {"present": present, "total": len(registered)},
        )
    return _detail(request, pk)


@tenant_view(can_manage_events)
def event_report(request: TenantRequest, pk: int) -> HttpResponseBase:
    """The closing report: attendance and the organisations present; as CSV with `?export=`."""
    event = _get_event(pk)
    registrations = event_registrations(event)
    report = closing_report(registrations)
    fmt = export_format(request)
    if fmt:
        rate = f"{report.rate}%" if report.rate is not None else ""
        figures: list[list[object]] = [
            [_("Registered"), report.registered],
            [_("Attended"), report.attended],
            [_("Absent"), report.absent],
            [_("Attendance not recorded"), report.unknown],
            [_("Attendance rate"), rate],
            [_("On the waiting list"), report.waiting],
            [_("Cancelled"), report.cancelled],
            *([_("Present: %(name)s") % {"name": o.name}, o.people] for o in report.organisations),
        ]
        return export_response(
            name=_("Closing report %(title)s") % {"title": event.title},
            fmt=fmt,
            headers=[_("Figure"), _("Value")],
            rows=figures,
        )
    return render(request, "events/event_report.html", {"event": event, "report": report})


@tenant_view()
def event_calendar(request: TenantRequest, pk: int) -> HttpResponse:
    """The event as a calendar file to open in one's own calendar."""
    event = _get_event(pk)
    url = request.build_absolute_uri(registering.event_public_path(event))
    response = HttpResponse(event_ics(event, url=url), content_type="text/calendar; charset=utf-8")
    filename = download_name(event.title) + ".ics"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
