"""Adding a partner to an action and removing one; the action page shows them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from daadkracht.common.forms import add_service_errors
from daadkracht.common.navigation import tenant_url
from daadkracht.partners import services
from daadkracht.partners.forms import PartnerForm
from daadkracht.partners.models import ActionPartner
from daadkracht.partners.policies import can_edit_partners
from daadkracht.plans.views.common import editable_action
from daadkracht.tenancy.decorators import TenantRequest, tenant_view


def _action_page(request: TenantRequest, pk: int) -> str:
    return tenant_url(request, "plans:action_detail", pk=pk) + "#partners"


@tenant_view(can_edit_partners)
def partner_add(request: TenantRequest, pk: int) -> HttpResponse:
    action = editable_action(request, pk)
    form = PartnerForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            link = services.partner_add(actor=request.user, action=action, **form.service_values())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(organisation)s added as %(role)s.")
                % {"organisation": link.organisation.name, "role": link.get_role_display()},
            )
            return redirect(_action_page(request, action.pk))
    return render(request, "partners/partner_form.html", {"form": form, "action": action})


@tenant_view(can_edit_partners)
def partner_remove(request: TenantRequest, pk: int, link: int) -> HttpResponse:
    action = editable_action(request, pk)
    partner = get_object_or_404(
        ActionPartner.objects.select_related("organisation"), pk=link, action=action
    )
    if request.method == "POST":
        services.partner_remove(actor=request.user, link=partner)
        messages.success(
            request,
            _("%(organisation)s is no longer a partner as %(role)s.")
            % {"organisation": partner.organisation.name, "role": partner.get_role_display()},
        )
        return redirect(_action_page(request, action.pk))
    return render(request, "partners/partner_remove.html", {"partner": partner, "action": action})
