"""Pages for entering a municipality and managing its departments and members."""

from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from daadkracht.accounts.models import Invitation
from daadkracht.accounts.services import invitation_cancel, invitation_create, invitation_resend
from daadkracht.common.concurrency import ConcurrentEditError
from daadkracht.common.exporting import export_format, export_response
from daadkracht.common.forms import add_service_errors, conflict_form
from daadkracht.common.listing import SortOption, apply_sort
from daadkracht.dashboard.views import home_context
from daadkracht.tenancy import selectors, services
from daadkracht.tenancy.access import memberships_of
from daadkracht.tenancy.decorators import TenantRequest, tenant_view
from daadkracht.tenancy.forms import (
    DepartmentForm,
    DepartmentListQuery,
    InvitationForm,
    MemberListQuery,
    MembershipForm,
)
from daadkracht.tenancy.models import Department, Membership
from daadkracht.tenancy.roles import Permission, Role


def home(request: HttpRequest) -> HttpResponse:
    """Send the user to their municipality, or let them choose one."""
    memberships = list(memberships_of(request.user))
    if len(memberships) == 1:
        return redirect("tenancy:home", municipality=memberships[0].municipality.slug)
    return render(request, "tenancy/choose.html", {"memberships": memberships})


@tenant_view()
def municipality_home(request: TenantRequest) -> HttpResponse:
    """The municipality's home: its dashboard, and the first steps while it is being set up."""
    return render(request, "tenancy/home.html", home_context(request))


DEPARTMENT_SORTS = [
    SortOption("name", gettext_lazy("Name"), ("name",)),
    SortOption("head", gettext_lazy("Head of department"), ("head__full_name", "name")),
    SortOption("members", gettext_lazy("Members"), ("member_count", "name")),
]


@tenant_view()
def department_list(request: TenantRequest) -> HttpResponseBase:
    search = DepartmentListQuery(request.GET).value("q")
    departments, sort = apply_sort(
        request, selectors.department_list(search=search), DEPARTMENT_SORTS
    )
    fmt = export_format(request)
    if fmt:
        return export_response(
            name=_("Departments"),
            fmt=fmt,
            headers=[
                _("Name"),
                _("Description"),
                _("Head of department"),
                _("Climate contact person"),
                _("Members"),
            ],
            rows=(
                [
                    d.name,
                    d.description,
                    str(d.head or ""),
                    str(d.climate_contact or ""),
                    d.member_count,
                ]
                for d in departments
            ),
        )
    return render(
        request,
        "tenancy/department_list.html",
        {
            "departments": departments,
            "search": search,
            "sort": sort,
            "sorts": DEPARTMENT_SORTS,
            "trash_count": Department.trash.count(),
        },
    )


@tenant_view(Permission.MANAGE_DEPARTMENTS)
def department_create(request: TenantRequest) -> HttpResponse:
    form = DepartmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        values = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            department = services.department_create(
                actor=request.user, municipality=request.tenant.municipality, **values
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Department %(name)s added.") % {"name": department})
            return redirect("tenancy:departments", municipality=request.tenant.municipality.slug)
    return render(request, "tenancy/department_form.html", {"form": form})


@tenant_view(Permission.MANAGE_DEPARTMENTS)
def department_edit(request: TenantRequest, pk: int) -> HttpResponse:
    department = get_object_or_404(Department.objects, pk=pk)
    form = DepartmentForm(request.POST or None, instance=department)
    current = None
    if request.method == "POST" and form.is_valid():
        values = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            services.department_update(
                actor=request.user,
                department=department,
                expected_version=form.cleaned_data["version"] or 0,
                **values,
            )
        except ConcurrentEditError as error:
            current = Department.objects.get(pk=pk)
            form = conflict_form(
                DepartmentForm, request.POST, error, basis=current.version, instance=form.instance
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Department %(name)s saved.") % {"name": department})
            return redirect("tenancy:departments", municipality=request.tenant.municipality.slug)
    return render(
        request,
        "tenancy/department_form.html",
        {"form": form, "department": department, "current": current},
    )


@tenant_view(Permission.MANAGE_DEPARTMENTS)
def department_delete(request: TenantRequest, pk: int) -> HttpResponse:
    department = get_object_or_404(Department.objects, pk=pk)
    if request.method == "POST":
        services.department_delete(actor=request.user, department=department)
        messages.success(
            request,
            _("Department %(name)s moved to the trash. You can restore it from there.")
            % {"name": department},
        )
        return redirect("tenancy:departments", municipality=request.tenant.municipality.slug)
    return render(request, "tenancy/department_delete.html", {"department": department})


@tenant_view(Permission.MANAGE_DEPARTMENTS)
def department_trash(request: TenantRequest) -> HttpResponse:
    return render(
        request,
        "tenancy/department_trash.html",
        {"departments": Department.trash.order_by("-deleted_at")},
    )


@tenant_view(Permission.MANAGE_DEPARTMENTS)
@require_POST
def department_restore(request: TenantRequest, pk: int) -> HttpResponse:
    department = get_object_or_404(Department.trash, pk=pk)
    try:
        services.department_restore(actor=request.user, department=department)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("tenancy:department_trash", municipality=request.tenant.municipality.slug)
    messages.success(request, _("Department %(name)s restored.") % {"name": department})
    return redirect("tenancy:departments", municipality=request.tenant.municipality.slug)


MEMBER_SORTS = [
    SortOption("name", gettext_lazy("Name"), ("user__full_name",)),
    SortOption("role", gettext_lazy("Role"), ("role", "user__full_name")),
    SortOption("department", gettext_lazy("Department"), ("department__name", "user__full_name")),
]


@tenant_view(Permission.MANAGE_MEMBERS)
def member_list(request: TenantRequest) -> HttpResponseBase:
    filters = MemberListQuery(request.GET).values()
    members, sort = apply_sort(
        request,
        selectors.membership_list(
            search=filters["q"], role=filters["role"], department=filters["department"]
        ),
        MEMBER_SORTS,
    )
    fmt = export_format(request)
    if fmt:
        return export_response(
            name=_("Members"),
            fmt=fmt,
            headers=[_("Name"), _("E-mail address"), _("Role"), _("Department")],
            rows=(
                [m.user.full_name, m.user.email, m.get_role_display(), str(m.department or "")]
                for m in members
            ),
        )
    return render(
        request,
        "tenancy/member_list.html",
        {
            "members": members,
            "filters": filters,
            "sort": sort,
            "sorts": MEMBER_SORTS,
            "roles": Role.choices,
            "departments": Department.objects.all(),
            "invitations": Invitation.objects.filter(
                accepted_at=None, cancelled_at=None
            ).select_related("department", "invited_by"),
        },
    )


@tenant_view(Permission.MANAGE_MEMBERS)
def member_invite(request: TenantRequest) -> HttpResponse:
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = invitation_create(
                actor=cast(Any, request.user),
                municipality=request.tenant.municipality,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                department=form.cleaned_data["department"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Invitation sent to %(email)s.") % {"email": invitation.email}
            )
            return redirect("tenancy:members", municipality=request.tenant.municipality.slug)
    return render(request, "tenancy/member_invite.html", {"form": form})


@tenant_view(Permission.MANAGE_MEMBERS)
@require_POST
def invitation_action(request: TenantRequest, pk: int, action: str) -> HttpResponse:
    invitation = get_object_or_404(Invitation.objects, pk=pk, accepted_at=None, cancelled_at=None)
    if action == "resend":
        invitation_resend(actor=cast(Any, request.user), invitation=invitation)
        messages.success(request, _("Invitation sent again to %(email)s.") % {"email": invitation})
    else:
        invitation_cancel(actor=cast(Any, request.user), invitation=invitation)
        messages.success(request, _("Invitation for %(email)s cancelled.") % {"email": invitation})
    return redirect("tenancy:members", municipality=request.tenant.municipality.slug)


@tenant_view(Permission.MANAGE_MEMBERS)
def member_edit(request: TenantRequest, pk: int) -> HttpResponse:
    membership = get_object_or_404(Membership.objects.select_related("user"), pk=pk)
    form = MembershipForm(request.POST or None, instance=membership)
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_update(
                actor=request.user,
                membership=membership,
                expected_version=form.cleaned_data["version"] or 0,
                role=form.cleaned_data["role"],
                department=form.cleaned_data["department"],
            )
        except ConcurrentEditError as error:
            stored = Membership.objects.get(pk=pk)
            form = conflict_form(
                MembershipForm, request.POST, error, basis=stored.version, instance=form.instance
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("%(name)s saved.") % {"name": membership.user})
            return redirect("tenancy:members", municipality=request.tenant.municipality.slug)
    return render(request, "tenancy/member_form.html", {"form": form, "membership": membership})


@tenant_view(Permission.MANAGE_MEMBERS)
def member_remove(request: TenantRequest, pk: int) -> HttpResponse:
    membership = get_object_or_404(Membership.objects.select_related("user"), pk=pk)
    error = None
    if request.method == "POST":
        try:
            services.membership_remove(actor=request.user, membership=membership)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(
                request,
                _("%(name)s no longer has access to %(municipality)s.")
                % {"name": membership.user, "municipality": request.tenant.municipality},
            )
            return redirect("tenancy:members", municipality=request.tenant.municipality.slug)
    return render(request, "tenancy/member_remove.html", {"membership": membership, "error": error})
