"""For members: inviting a body's member to the portal, revoking it, and deciding on the
updates proposed there."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from daadkracht.common.forms import add_service_errors
from daadkracht.common.navigation import tenant_url
from daadkracht.portal import selectors
from daadkracht.portal.forms import DeclineForm
from daadkracht.portal.models import PortalAccess, UpdateProposal
from daadkracht.portal.policies import can_decide_proposal, can_manage_portal, can_see_proposals
from daadkracht.portal.services.access import portal_invite, portal_revoke
from daadkracht.portal.services.proposals import (
    ProposalAlreadyDecided,
    proposal_accept,
    proposal_decline,
)
from daadkracht.stakeholders.models import Contact
from daadkracht.tenancy.decorators import TenantRequest, tenant_view


def _back(request: TenantRequest, default: str) -> str:
    """Back to the page the button was on (a body or a contact), if it is one of ours."""
    back = str(request.POST.get("next", ""))
    prefix = f"/{request.tenant.municipality.slug}/"
    if back.startswith(prefix) and "//" not in back and "\\" not in back:
        return back
    return default


@tenant_view(can_manage_portal)
def accesses(request: TenantRequest) -> HttpResponse:
    """Who has (or was invited to) the portal, with a button to revoke."""
    rows = list(PortalAccess.objects.select_related("contact__organisation", "user"))
    return render(request, "portal/access_list.html", {"accesses": rows})


@tenant_view(can_manage_portal)
@require_POST
def invite(request: TenantRequest, contact: int) -> HttpResponse:
    person = get_object_or_404(Contact.objects.filter(erased_at=None), pk=contact)
    default = tenant_url(request, "stakeholders:contact", pk=person.pk)
    try:
        portal_invite(actor=request.user, contact=person)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        messages.success(
            request,
            _("%(name)s has been invited to the portal at %(email)s.")
            % {"name": person.full_name or person.email, "email": person.email},
        )
    return redirect(_back(request, default))


@tenant_view(can_manage_portal)
@require_POST
def revoke(request: TenantRequest, pk: int) -> HttpResponse:
    access = get_object_or_404(PortalAccess, pk=pk)
    portal_revoke(actor=request.user, access=access)
    messages.success(
        request, _("The portal access of %(email)s has been revoked.") % {"email": access.email}
    )
    return redirect(_back(request, tenant_url(request, "portal_access:list")))


@tenant_view(can_see_proposals)
def proposals(request: TenantRequest) -> HttpResponse:
    """Proposed updates waiting for a decision: those the member may decide on first."""
    membership = request.tenant.membership
    pending = selectors.pending_proposals()
    mine = [p for p in pending if can_decide_proposal(membership, p.action)]
    others = [p for p in pending if not can_decide_proposal(membership, p.action)]
    return render(
        request,
        "portal/proposal_list.html",
        {"mine": mine, "others": others, "decided": selectors.recent_decided()},
    )


@tenant_view(can_see_proposals)
def decide(request: TenantRequest, pk: int) -> HttpResponse:
    proposal = get_object_or_404(
        UpdateProposal.objects.select_related("action", "organisation", "suggested_status"),
        pk=pk,
    )
    may_decide = can_decide_proposal(request.tenant.membership, proposal.action)
    form = DeclineForm(request.POST if request.POST.get("decision") == "decline" else None)
    action_page = tenant_url(request, "plans:action_detail", pk=proposal.action_id)
    if request.method == "POST" and may_decide:
        decision = request.POST.get("decision")
        try:
            if decision == "accept":
                proposal_accept(actor=request.user, proposal=proposal)
                messages.success(request, _("The proposal is accepted and on the timeline."))
                return redirect(action_page)
            if decision == "decline" and form.is_valid():
                proposal_decline(
                    actor=request.user, proposal=proposal, reason=form.cleaned_data["reason"]
                )
                messages.success(request, _("The proposal is declined; the proposer is told why."))
                return redirect(action_page)
        except ProposalAlreadyDecided as error:
            messages.error(request, str(error.message))
            return redirect(action_page)
        except ValidationError as error:
            add_service_errors(form, error)
    elif request.method == "POST":
        return render(request, "403.html", status=403)
    return render(
        request,
        "portal/proposal_decide.html",
        {"proposal": proposal, "form": form, "may_decide": may_decide},
    )
