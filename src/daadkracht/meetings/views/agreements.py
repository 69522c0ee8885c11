"""Work agreements: the overviews, making one (also from a meeting), its page, editing it,
updating its state and removing it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from daadkracht.common.exporting import export_format, export_response
from daadkracht.common.forms import add_service_errors, edit_versioned
from daadkracht.common.listing import SortOption, apply_sort
from daadkracht.meetings.forms.agreements import (
    AgreementListQuery,
    AgreementNewQuery,
    AgreementStateForm,
    WorkAgreementForm,
)
from daadkracht.meetings.models import AgreementStatus, ClimateTeam, Meeting, WorkAgreement
from daadkracht.meetings.policies import (
    can_manage_meetings,
    can_update_agreement,
    can_update_agreements,
)
from daadkracht.meetings.selectors.agreements import agreement_list
from daadkracht.meetings.services import agreements as services
from daadkracht.tenancy.decorators import TenantRequest, tenant_view
from daadkracht.tenancy.models import Department

AGREEMENT_SORTS = [
    SortOption("due", gettext_lazy("By when"), ("due_date", "title")),
    SortOption("title", gettext_lazy("What"), ("title",)),
    SortOption("status", gettext_lazy("Status"), ("status", "due_date")),
    SortOption("review", gettext_lazy("Next review"), ("review_date", "title")),
]


def _parties_text(agreement: WorkAgreement) -> str:
    return "; ".join(
        f"{p.department.name}: {p.commitment}" if p.commitment else p.department.name
        for p in agreement.parties.all()
    )


@tenant_view()
def agreements(request: TenantRequest, department: int | None = None) -> HttpResponseBase:
    """The municipality's work agreements, or those of one department."""
    chosen = get_object_or_404(Department.objects, pk=department) if department else None
    filters = AgreementListQuery(request.GET).values()
    department_id = chosen.pk if chosen else filters["department"]
    queryset = agreement_list(
        status=filters["status"],
        department=department_id,
        attention=filters["attention"],
        search=filters["q"],
    )
    queryset, sort = apply_sort(request, queryset, AGREEMENT_SORTS)
    fmt = export_format(request)
    if fmt:
        name = (
            _("Work agreements of %(department)s") % {"department": chosen.name}
            if chosen
            else _("Work agreements")
        )
        return export_response(
            name=name,
            fmt=fmt,
            headers=[
                _("What"),
                _("Departments and their part"),
                _("By when"),
                _("Status"),
                _("Next review"),
                _("Meeting"),
                _("Actions"),
            ],
            rows=(
                [
                    a.title,
                    _parties_text(a),
                    a.due_date,
                    a.get_status_display(),
                    a.review_date,
                    a.meeting.title if a.meeting else "",
                    ", ".join(str(action) for action in a.actions.all()),
                ]
                for a in queryset.prefetch_related("actions")
            ),
        )
    return render(
        request,
        "meetings/agreement_list.html",
        {
            "agreements": queryset,
            "department": chosen,
            "filters": filters,
            "filtered": any(v not in (None, "") for v in filters.values()),
            "sort": sort,
            "statuses": AgreementStatus.choices,
            "departments": Department.objects.all(),
            "today": timezone.localdate(),
        },
    )


@tenant_view(can_manage_meetings)
def agreement_create(request: TenantRequest) -> HttpResponse:
    meeting = None
    query = AgreementNewQuery(request.GET)
    meeting_id = query.value("meeting")
    if meeting_id is not None:
        meeting = Meeting.objects.select_related("team").filter(pk=meeting_id).first()
    initial: dict[str, object] = {}
    team_id = query.value("team")
    if team_id is not None:
        initial["team"] = ClimateTeam.objects.filter(pk=team_id).first()
    if meeting is not None:
        initial["meeting"] = meeting
        initial["team"] = initial.get("team") or meeting.team
        departments = [link.department for link in meeting.department_links.order_by("pk")]
        for number, department in enumerate(departments[:6], 1):
            initial[f"party_{number}_department"] = department
    form = WorkAgreementForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            agreement = services.work_agreement_create(actor=request.user, **form.service_values())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Work agreement %(title)s added.") % {"title": agreement.title}
            )
            return redirect(
                "agreements:detail",
                municipality=request.tenant.municipality.slug,
                pk=agreement.pk,
            )
    return render(request, "meetings/agreement_form.html", {"form": form, "meeting": meeting})


@tenant_view()
def agreement_detail(request: TenantRequest, pk: int) -> HttpResponse:
    agreement = get_object_or_404(
        WorkAgreement.objects.select_related("meeting", "team").prefetch_related("actions"), pk=pk
    )
    parties = list(agreement.parties.select_related("department").order_by("department__name"))
    may_update = can_update_agreement(request.tenant.membership, agreement)
    return render(
        request,
        "meetings/agreement_detail.html",
        {
            "agreement": agreement,
            "parties": parties,
            "can_manage": can_manage_meetings(request.tenant.membership),
            "state_form": AgreementStateForm(instance=agreement) if may_update else None,
            "today": timezone.localdate(),
        },
    )


@tenant_view(can_manage_meetings)
def agreement_edit(request: TenantRequest, pk: int) -> HttpResponse:
    agreement = get_object_or_404(WorkAgreement.objects, pk=pk)
    edit = edit_versioned(
        request,
        instance=agreement,
        build=lambda data, obj: WorkAgreementForm(data, instance=obj),
        reload=lambda: get_object_or_404(WorkAgreement.objects, pk=pk),
        save=lambda form, version: services.work_agreement_update(
            actor=request.user,
            agreement=form.instance,
            expected_version=version,
            **form.service_values(),
        ),
    )
    if edit.saved is not None:
        messages.success(
            request, _("Work agreement %(title)s saved.") % {"title": edit.saved.title}
        )
        return redirect("agreements:detail", municipality=request.tenant.municipality.slug, pk=pk)
    return render(
        request, "meetings/agreement_form.html", {"form": edit.form, "agreement": agreement}
    )


@tenant_view(can_update_agreements)
def agreement_state(request: TenantRequest, pk: int) -> HttpResponse:
    """The state and next review, for the departments bound by the agreement."""
    agreement = get_object_or_404(WorkAgreement.objects, pk=pk)
    if not can_update_agreement(request.tenant.membership, agreement):
        messages.error(
            request,
            _("Only the departments bound by this agreement update its state."),
        )
        return redirect("agreements:detail", municipality=request.tenant.municipality.slug, pk=pk)
    edit = edit_versioned(
        request,
        instance=agreement,
        build=lambda data, obj: AgreementStateForm(data, instance=obj),
        reload=lambda: get_object_or_404(WorkAgreement.objects, pk=pk),
        save=lambda form, version: services.work_agreement_update_state(
            actor=request.user,
            agreement=form.instance,
            expected_version=version,
            status=form.cleaned_data["status"],
            review_date=form.cleaned_data["review_date"],
        ),
    )
    if edit.saved is not None:
        messages.success(
            request,
            _("The state of %(title)s is now: %(status)s.")
            % {"title": edit.saved.title, "status": edit.saved.get_status_display()},
        )
        return redirect("agreements:detail", municipality=request.tenant.municipality.slug, pk=pk)
    return render(
        request, "meetings/agreement_state.html", {"form": edit.form, "agreement": agreement}
    )


@tenant_view(can_manage_meetings)
def agreement_delete(request: TenantRequest, pk: int) -> HttpResponse:
    agreement = get_object_or_404(WorkAgreement.objects, pk=pk)
    if request.method == "POST":
        services.work_agreement_delete(actor=request.user, agreement=agreement)
        messages.success(
            request, _("Work agreement %(title)s removed.") % {"title": agreement.title}
        )
        return redirect("agreements:list", municipality=request.tenant.municipality.slug)
    return render(request, "meetings/agreement_delete.html", {"agreement": agreement})
