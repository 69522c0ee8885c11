"""The stakeholder's pages: their bodies and meetings, the actions their organisation partners
in, and proposing an update. Every page runs in the stakeholder audience (`stakeholder_view`):
what the grant does not list cannot be read, whatever the view asks."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _

from daadkracht.access.entry import stakeholder_view
from daadkracht.common.forms import add_service_errors
from daadkracht.meetings.models import Meeting
from daadkracht.portal import selectors
from daadkracht.portal.forms import ProposalForm
from daadkracht.portal.models import PortalAccess
from daadkracht.portal.services.proposals import proposal_submit


def _base(access: PortalAccess) -> dict[str, object]:
    return {"portal_access": access, "municipality": access.municipality}


@stakeholder_view
def home(request: HttpRequest, access: PortalAccess) -> HttpResponse:
    upcoming, past = selectors.portal_meetings()
    return render(
        request,
        "portal/home.html",
        {
            **_base(access),
            "seats": selectors.portal_seats(),
            "upcoming": upcoming,
            "past": past,
            "actions": selectors.portal_actions(),
            "proposals": selectors.portal_proposals()[:10],
        },
    )


def _meeting(pk: int) -> Meeting:
    meeting = Meeting.objects.select_related("body_link__body").filter(pk=pk).first()
    if meeting is None:
        raise Http404
    return meeting


@stakeholder_view
def meeting(request: HttpRequest, access: PortalAccess, pk: int) -> HttpResponse:
    return render(request, "portal/meeting.html", {**_base(access), "meeting": _meeting(pk)})


@stakeholder_view
def meeting_agenda(request: HttpRequest, access: PortalAccess, pk: int) -> HttpResponse:
    """The meeting's agenda (and, once held, its decisions) as a text file."""
    found = _meeting(pk)
    lines = [found.title, f"{found.starts_at:%d/%m/%Y %H:%M}", found.place, "", _("Agenda"), ""]
    lines.append(found.agenda or "—")
    if found.is_past and found.decisions:
        lines += ["", _("Decisions"), "", found.decisions]
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    name = slugify(f"{found.starts_at:%Y-%m-%d} {found.title}") or "agenda"
    response["Content-Disposition"] = f'attachment; filename="{name}.txt"'
    return response


@stakeholder_view
def action(request: HttpRequest, access: PortalAccess, pk: int) -> HttpResponse:
    found = selectors.portal_action(pk)
    if found is None:
        raise Http404
    form = ProposalForm(request.POST if request.method == "POST" else None, action=found.action)
    if request.method == "POST" and form.is_valid():
        try:
            proposal_submit(
                actor=request.user,
                access=access,
                action=found.action,
                text=form.cleaned_data["text"],
                suggested_status=form.cleaned_data["suggested_status"],
                suggested_progress=form.cleaned_data["suggested_progress"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Thank you. Your proposal has been sent to the lead department of this action."),
            )
            return redirect("portal:action", municipality=access.municipality.slug, pk=pk)
    return render(
        request,
        "portal/action.html",
        {
            **_base(access),
            "item": found,
            "timeline": selectors.portal_timeline(found.action),
            "proposals": selectors.portal_proposals(found.action),
            "form": form,
        },
    )
