"""Governance bodies: the list, a body's page, adding and editing one, and proposing the light
structure of a climate alliance with one click."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from daadkracht.bodies.forms.bodies import BodyForm, BodyListQuery
from daadkracht.bodies.models import BodyKind, GovernanceBody
from daadkracht.bodies.policies import can_manage_bodies
from daadkracht.bodies.selectors import bodies as selectors
from daadkracht.bodies.services import bodies as services
from daadkracht.common.exporting import export_format, export_response
from daadkracht.common.forms import add_service_errors, edit_versioned
from daadkracht.plans.models import Theme
from daadkracht.tenancy.decorators import TenantRequest, tenant_view


def _themes() -> list[Theme]:
    return list(Theme.objects.order_by("position", "code", "name"))


def _when(value: object) -> str:
    return timezone.localtime(value).strftime("%d/%m/%Y %H:%M") if value else ""  # type: ignore[arg-type]


@tenant_view()
def body_list(request: TenantRequest) -> HttpResponseBase:
    filters = BodyListQuery(request.GET).values()
    queryset = selectors.body_list(kind=filters["kind"], theme=filters["theme"]).order_by(
        "kind", "name", "pk"
    )
    fmt = export_format(request)
    if fmt:
        return export_response(
            name=_("Governance bodies"),
            fmt=fmt,
            headers=[
                _("Name"),
                _("Type"),
                _("Themes"),
                _("Current members"),
                _("How often it meets"),
                _("Next meeting"),
                _("Mandate"),
            ],
            rows=(
                [
                    body.name,
                    str(body.get_kind_display()),
                    ", ".join(str(theme) for theme in body.themes.all()),
                    body.member_count,  # type: ignore[attr-defined]
                    body.meets,
                    _when(body.next_meeting_at),  # type: ignore[attr-defined]
                    body.mandate,
                ]
                for body in queryset
            ),
        )
    bodies = list(queryset)
    filtered = any(value not in (None, "") for value in filters.values())
    return render(
        request,
        "bodies/body_list.html",
        {
            "bodies": bodies,
            "filters": filters,
            "filtered": filtered,
            "kinds": BodyKind.choices,
            "themes": _themes(),
            "can_manage": can_manage_bodies(request.tenant.membership),
            "workbench_themes": [t for t in _themes() if t.parent_id is None],
        },
    )


@tenant_view(can_manage_bodies)
@require_POST
def structure_propose(request: TenantRequest) -> HttpResponse:
    made = services.structure_propose(actor=request.user)
    if made:
        messages.success(
            request,
            _(
                "The structure is proposed: %(count)s bodies. Fill in their mandates and add "
                "their members."
            )
            % {"count": len(made)},
        )
    else:
        messages.info(request, _("The municipality has bodies already; nothing was added."))
    return redirect("bodies:list", municipality=request.tenant.municipality.slug)


@tenant_view(can_manage_bodies)
def body_create(request: TenantRequest) -> HttpResponse:
    form = BodyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            body = services.body_create(actor=request.user, **form.service_values())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Body %(name)s added.") % {"name": body.name})
            return redirect(
                "bodies:detail", municipality=request.tenant.municipality.slug, pk=body.pk
            )
    return render(request, "bodies/body_form.html", {"form": form})


@tenant_view()
def body_detail(request: TenantRequest, pk: int) -> HttpResponse:
    body = get_object_or_404(GovernanceBody.objects, pk=pk)
    can_manage = can_manage_bodies(request.tenant.membership)
    return render(
        request,
        "bodies/body_detail.html",
        {
            "body": body,
            "themes": list(body.themes.order_by("position", "code", "name")),
            "composition": selectors.body_composition(body),
            "meetings": selectors.body_meetings(body),
            "can_manage": can_manage,
            # Names of people are personal data: only for who manages the network.
            "show_people": can_manage,
        },
    )


@tenant_view(can_manage_bodies)
def body_edit(request: TenantRequest, pk: int) -> HttpResponse:
    body = get_object_or_404(GovernanceBody.objects, pk=pk)
    edit = edit_versioned(
        request,
        instance=body,
        build=lambda data, obj: BodyForm(data, instance=obj),
        reload=lambda: get_object_or_404(GovernanceBody.objects, pk=pk),
        save=lambda form, version: services.body_update(
            actor=request.user,
            body=form.instance,
            expected_version=version,
            **form.service_values(),
        ),
    )
    if edit.saved is not None:
        messages.success(request, _("Body %(name)s saved.") % {"name": edit.saved.name})
        return redirect("bodies:detail", municipality=request.tenant.municipality.slug, pk=pk)
    return render(request, "bodies/body_form.html", {"form": edit.form, "body": body})
