"""For members: the municipality's own practices, writing and submitting one, its files,
updating and withdrawing a published one."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from daadkracht.common.concurrency import ConcurrentEditError
from daadkracht.common.exporting import export_format, export_response
from daadkracht.common.forms import add_service_errors, edit_versioned
from daadkracht.common.listing import SortOption, apply_sort, page_of
from daadkracht.common.navigation import tenant_url
from daadkracht.practices import selectors
from daadkracht.practices.forms import PracticeFileForm, PracticeForm, WithdrawForm
from daadkracht.practices.models import Practice, PracticeFile, PracticeStatus
from daadkracht.practices.policies import can_edit_practice, can_share_practice
from daadkracht.practices.presentation import practice_context
from daadkracht.practices.services import files as file_services
from daadkracht.practices.services import workflow
from daadkracht.practices.services.rules import EDITABLE, PracticeStateChanged
from daadkracht.practices.views.common import file_response
from daadkracht.tenancy.decorators import TenantRequest, tenant_view

PAGE_SIZE = 50
SORTS = [
    SortOption("updated", gettext_lazy("Last changed"), ("updated_at", "id")),
    SortOption("title", gettext_lazy("Title"), ("title", "id")),
    SortOption("status", gettext_lazy("Status"), ("status", "title", "id")),
]


def _own(pk: int) -> Practice:
    """A practice (or an update of one) of the active municipality; the member reach also reads
    others' published practices, which only their own municipality changes."""
    return get_object_or_404(
        selectors.own_practices_and_updates().select_related("author", "revision_of"), pk=pk
    )


def _changeable(request: TenantRequest, pk: int) -> Practice:
    """An own practice the member may change (the author, or who may change everything)."""
    practice = _own(pk)
    if not can_edit_practice(request.tenant.membership, practice):
        raise PermissionDenied
    return practice


@tenant_view(can_share_practice)
def practice_list(request: TenantRequest) -> HttpResponseBase:
    practices = selectors.own_practices()
    status = request.GET.get("status", "")
    if status in PracticeStatus.values:
        practices = practices.filter(status=status)
    practices, sort = apply_sort(request, practices, SORTS, default="-updated")
    fmt = export_format(request)
    if fmt:
        return export_response(
            name=_("Our practices"),
            fmt=fmt,
            headers=[_("Title"), _("Status"), _("Year it started"), _("Published"), _("Author")],
            rows=(
                [
                    p.title,
                    p.get_status_display(),
                    p.started_year,
                    p.published_at.date() if p.published_at else "",
                    str(p.author or ""),
                ]
                for p in practices
            ),
        )
    page = page_of(request, practices, PAGE_SIZE)
    counts = selectors.adoption_counts(p.pk for p in page)
    for practice in page:
        practice.adoption_total = counts.get(practice.pk, 0)  # type: ignore[attr-defined]
    return render(
        request,
        "practices/our_list.html",
        {
            "page": page,
            "sort": sort,
            "sorts": SORTS,
            "status": status,
            "statuses": PracticeStatus.choices,
            "has_any": selectors.own_practices().exists(),
        },
    )


@tenant_view(can_share_practice)
def practice_create(request: TenantRequest) -> HttpResponse:
    form = PracticeForm(
        request.POST or None,
        initial={
            "contact_name": getattr(request.user, "full_name", ""),
            "contact_email": getattr(request.user, "email", ""),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            practice = workflow.practice_create(actor=request.user, **form.service_values())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Practice saved as a draft. Add photos, then submit it to the editors."),
            )
            return redirect(tenant_url(request, "our_practices:detail", pk=practice.pk))
    return render(request, "practices/practice_form.html", {"form": form})


@tenant_view(can_share_practice)
def practice_detail(request: TenantRequest, pk: int) -> HttpResponse:
    practice = _own(pk)
    return render(
        request,
        "practices/our_detail.html",
        {
            **practice_context(practice),
            "practice": practice,
            "actions": [link.action for link in practice.action_links.select_related("action")],
            "events": selectors.practice_events(practice),
            "open_update": practice.revisions.first(),
            "adoption_count": selectors.adoption_counts([practice.pk]).get(practice.pk, 0),
            "may_edit": can_edit_practice(request.tenant.membership, practice),
            "editable": practice.status in EDITABLE,
        },
    )


@tenant_view(can_share_practice)
def practice_edit(request: TenantRequest, pk: int) -> HttpResponse:
    practice = _changeable(request, pk)
    if practice.status not in EDITABLE:
        messages.error(
            request,
            _("This practice cannot be changed now: it is with the editors or published."),
        )
        return redirect(tenant_url(request, "our_practices:detail", pk=pk))
    edit = edit_versioned(
        request,
        instance=practice,
        build=lambda data, obj: PracticeForm(data, instance=obj),
        reload=lambda: _own(pk),
        save=lambda form, version: workflow.practice_update(
            actor=request.user,
            practice=form.instance,
            expected_version=version,
            **form.service_values(),
        ),
    )
    if edit.saved is not None:
        messages.success(request, _("Practice saved."))
        return redirect(tenant_url(request, "our_practices:detail", pk=pk))
    return render(
        request, "practices/practice_form.html", {"form": edit.form, "practice": practice}
    )


@tenant_view(can_share_practice)
@require_POST
def practice_submit(request: TenantRequest, pk: int) -> HttpResponse:
    practice = _own(pk)
    try:
        workflow.practice_submit(actor=request.user, practice=practice)
    except (PracticeStateChanged, ConcurrentEditError) as error:
        messages.error(request, str(error.message))
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        messages.success(
            request, _("Submitted. The editors read it and you get an e-mail when they decide.")
        )
    return redirect(tenant_url(request, "our_practices:detail", pk=pk))


@tenant_view(can_share_practice)
@require_POST
def practice_start_update(request: TenantRequest, pk: int) -> HttpResponse:
    practice = _own(pk)
    try:
        revision = workflow.practice_start_update(actor=request.user, practice=practice)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
        return redirect(tenant_url(request, "our_practices:detail", pk=pk))
    messages.info(
        request,
        _("Change the update and submit it. The published practice stays online until then."),
    )
    return redirect(tenant_url(request, "our_practices:edit", pk=revision.pk))


@tenant_view(can_share_practice)
def practice_withdraw(request: TenantRequest, pk: int) -> HttpResponse:
    practice = _changeable(request, pk)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            workflow.practice_withdraw(
                actor=request.user, practice=practice, message=form.cleaned_data["message"]
            )
        except (PracticeStateChanged, ConcurrentEditError) as error:
            messages.error(request, str(error.message))
        except ValidationError as error:
            add_service_errors(form, error)
            return render(request, "practices/withdraw.html", {"practice": practice, "form": form})
        else:
            messages.success(
                request,
                _("The practice is offline. You can change it and submit it again."),
            )
        return redirect(tenant_url(request, "our_practices:detail", pk=pk))
    return render(request, "practices/withdraw.html", {"practice": practice, "form": form})


@tenant_view(can_share_practice)
def practice_delete(request: TenantRequest, pk: int) -> HttpResponse:
    practice = _changeable(request, pk)
    if request.method == "POST":
        back = practice.revision_of_id
        try:
            workflow.practice_delete(actor=request.user, practice=practice)
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, text)
            return redirect(tenant_url(request, "our_practices:detail", pk=pk))
        messages.success(request, _("Deleted."))
        if back:
            return redirect(tenant_url(request, "our_practices:detail", pk=back))
        return redirect(tenant_url(request, "our_practices:list"))
    return render(request, "practices/delete.html", {"practice": practice})


@tenant_view(can_share_practice)
def practice_files(request: TenantRequest, pk: int) -> HttpResponse:
    practice = _own(pk)
    form = PracticeFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            file_services.practice_file_add(
                actor=request.user,
                practice=practice,
                kind=form.cleaned_data["kind"],
                upload=form.cleaned_data["file"],
                description=form.cleaned_data["description"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("File added."))
            return redirect(tenant_url(request, "our_practices:files", pk=pk))
    photos, documents = selectors.practice_files(practice)
    return render(
        request,
        "practices/files.html",
        {
            "practice": practice,
            "form": form,
            "photos": photos,
            "documents": documents,
            "editable": practice.status in EDITABLE
            and can_edit_practice(request.tenant.membership, practice),
        },
    )


@tenant_view(can_share_practice)
def practice_file_remove(request: TenantRequest, pk: int, file_pk: int) -> HttpResponse:
    practice = _changeable(request, pk)
    row = get_object_or_404(PracticeFile.objects.filter(practice=practice), pk=file_pk)
    back = tenant_url(request, "our_practices:files", pk=pk)
    if request.method != "POST":
        return render(
            request, "practices/file_remove.html", {"practice": practice, "row": row, "back": back}
        )
    try:
        file_services.practice_file_remove(actor=request.user, practice_file=row)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        messages.success(request, _("File removed."))
    return redirect(back)


@tenant_view(can_share_practice)
def practice_file(request: TenantRequest, pk: int, file_pk: int) -> HttpResponse:
    practice = _own(pk)
    row = get_object_or_404(PracticeFile.objects.filter(practice=practice), pk=file_pk)
    return file_response(row)
