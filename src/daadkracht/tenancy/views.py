"""Pages for entering a municipality, adding one to the platform, and managing its departments
and members."""

from typing import Any, cast

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from daadkracht.access.entry import platform_view
from daadkracht.accounts.models import Invitation
from daadkracht.accounts.services import invitation_cancel, invitation_create, invitation_resend
from daadkracht.common.exporting import export_format, export_response
from daadkracht.common.forms import add_service_errors, edit_versioned
from daadkracht.common.listing import SortOption, apply_sort
from daadkracht.dashboard.views import home_context
from daadkracht.tenancy import platform, selectors, services
from daadkracht.tenancy.access import memberships_of
from daadkracht.tenancy.decorators import TenantRequest, tenant_view
from daadkracht.tenancy.forms import (
    CoordinatorInvitationForm,
    DepartmentForm,
    DepartmentListQuery,
    InvitationForm,
    MemberListQuery,
    MembershipForm,
    MunicipalityCreateForm,
)
from daadkracht.tenancy.models import Department, Membership, Municipality
from daadkracht.tenancy.policies import can_manage_departments, can_manage_members
from daadkracht.tenancy.roles import Role


def home(request: HttpRequest) -> HttpResponse:
    """Send the user to their municipality, or let them choose one.

    A coach lands on the overview of the municipalities they follow, even while that is one:
    the page where they compare them, and that grows as they follow more. A platform
    administrator lands here in any case: on the municipalities of the platform and the way to
    add one.
    """
    memberships = list(memberships_of(request.user))
    is_platform = request.user.is_superuser
    if not is_platform and any(m.role == Role.COACH for m in memberships):
        return redirect("coach_overview")
    if len(memberships) == 1 and not is_platform:
        return redirect("tenancy:home", municipality=memberships[0].municipality.slug)
    # A member of a body with a portal account (and no membership) lands on the portal.
    from daadkracht.portal.access import portal_accesses_of

    portals = portal_accesses_of(request.user) if not memberships and not is_platform else []
    if len(portals) == 1:
        return redirect("portal:home", municipality=portals[0].municipality.slug)
    # A support provider's manager (without membership or portal) lands on its offers.
    if not memberships and not portals and not is_platform:
        from daadkracht.offers.access import managed_providers

        provider = managed_providers(request.user).first()
        if provider is not None:
            return redirect("provider:offers", provider=provider.slug)
    context: dict[str, Any] = {"memberships": memberships, "portals": portals}
    if is_platform:
        # The municipalities themselves are platform data, readable without a scope.
        context["municipalities"] = Municipality.objects.order_by("name")
    return render(request, "tenancy/choose.html", context)


@platform_view
def municipality_create(request: HttpRequest) -> HttpResponse:
    """Add a municipality and invite its first coordinator, in one step (superusers only)."""
    form = MunicipalityCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            municipality, invitation = platform.municipality_create(
                actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "%(municipality)s is on the platform, at /%(slug)s/, and %(email)s has been "
                    "invited to become its climate coordinator."
                )
                % {
                    "municipality": municipality.name,
                    "slug": municipality.slug,
                    "email": invitation.email,
                },
            )
            return redirect("home")
    return render(
        request,
        "tenancy/municipality_create.html",
        {"form": form, "invitation_days": settings.INVITATION_MAX_AGE.days},
    )


@platform_view
def coordinator_invite(request: HttpRequest, address: str) -> HttpResponse:
    """Invite a climate coordinator of a municipality, for instance when the first invitation
    went to a wrong address (superusers only)."""
    municipality = get_object_or_404(Municipality, slug=address)
    form = CoordinatorInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = platform.coordinator_invite(
                actor=request.user, municipality=municipality, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(email)s has been invited to become a climate coordinator of %(municipality)s.")
                % {"email": invitation.email, "municipality": municipality.name},
            )
            return redirect("home")
    return render(
        request,
        "tenancy/coordinator_invite.html",
        {
            "form": form,
            "municipality": municipality,
            "invitation_days": settings.INVITATION_MAX_AGE.days,
        },
    )


@tenant_view()
def municipality_home(request: TenantRequest) -> HttpResponse:
    """The municipality's home: its dashboard, and the first steps while it is being set up."""
    return render(request, "tenancy/home.html", home_context(request))


@tenant_view(can_manage_departments)
@require_POST
def checklist(request: TenantRequest) -> HttpResponse:
    """Hide the getting-started checklist on one's home page, or show it again."""
    hidden = request.POST.get("checklist") != "show"
    services.membership_checklist_hide(membership=request.tenant.membership, hidden=hidden)
    if hidden:
        messages.success(
            request,
            _(
                "The checklist is put aside. Until every step is done, you can bring it back "
                "from the bottom of this page."
            ),
        )
    return redirect("tenancy:home", municipality=request.tenant.municipality.slug)


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


@tenant_view(can_manage_departments)
def department_create(request: TenantRequest) -> HttpResponse:
    form = DepartmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            department = services.department_create(
                actor=request.user,
                municipality=request.tenant.municipality,
                **form.service_values(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Department %(name)s added.") % {"name": department})
            return redirect("tenancy:departments", municipality=request.tenant.municipality.slug)
    return render(request, "tenancy/department_form.html", {"form": form})


@tenant_view(can_manage_departments)
def department_edit(request: TenantRequest, pk: int) -> HttpResponse:
    department = get_object_or_404(Department.objects, pk=pk)
    edit = edit_versioned(
        request,
        instance=department,
        build=lambda data, obj: DepartmentForm(data, instance=obj),
        reload=lambda: get_object_or_404(Department.objects, pk=pk),
        save=lambda form, version: services.department_update(
            actor=request.user,
            department=form.instance,
            expected_version=version,
            **form.service_values(),
        ),
    )
    if edit.saved is not None:
        messages.success(request, _("Department %(name)s saved.") % {"name": edit.saved})
        return redirect("tenancy:departments", municipality=request.tenant.municipality.slug)
    return render(
        request, "tenancy/department_form.html", {"form": edit.form, "department": department}
    )


@tenant_view(can_manage_departments)
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


@tenant_view(can_manage_departments)
def department_trash(request: TenantRequest) -> HttpResponse:
    return render(
        request,
        "tenancy/department_trash.html",
        {"departments": Department.trash.order_by("-deleted_at")},
    )


@tenant_view(can_manage_departments)
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


@tenant_view(can_manage_members)
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


@tenant_view(can_manage_members)
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


@tenant_view(can_manage_members)
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


@tenant_view(can_manage_members)
def member_edit(request: TenantRequest, pk: int) -> HttpResponse:
    membership = get_object_or_404(Membership.objects.select_related("user"), pk=pk)
    edit = edit_versioned(
        request,
        instance=membership,
        build=lambda data, obj: MembershipForm(data, instance=obj),
        reload=lambda: get_object_or_404(Membership.objects.select_related("user"), pk=pk),
        save=lambda form, version: services.membership_update(
            actor=request.user,
            membership=form.instance,
            expected_version=version,
            role=form.cleaned_data["role"],
            department=form.cleaned_data["department"],
        ),
    )
    if edit.saved is not None:
        messages.success(request, _("%(name)s saved.") % {"name": membership.user})
        return redirect("tenancy:members", municipality=request.tenant.municipality.slug)
    return render(
        request, "tenancy/member_form.html", {"form": edit.form, "membership": membership}
    )


@tenant_view(can_manage_members)
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
