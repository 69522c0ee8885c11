"""Climate teams: the list, a team's page with its members, making and editing a team, adding
and removing members."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from daadkracht.common.forms import add_service_errors, edit_versioned
from daadkracht.meetings.forms.teams import ClimateTeamForm, TeamMemberForm
from daadkracht.meetings.models import ClimateTeam, ClimateTeamMember
from daadkracht.meetings.policies import can_manage_meetings
from daadkracht.meetings.selectors.teams import team_overview
from daadkracht.meetings.services import teams as services
from daadkracht.tenancy.decorators import TenantRequest, tenant_view


@tenant_view()
def teams(request: TenantRequest) -> HttpResponse:
    queryset = (
        ClimateTeam.objects.select_related("theme")
        .annotate(member_count=Count("members"))
        .order_by("name")
    )
    return render(request, "meetings/team_list.html", {"teams": queryset})


@tenant_view(can_manage_meetings)
def team_create(request: TenantRequest) -> HttpResponse:
    form = ClimateTeamForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            team = services.climate_team_create(
                actor=request.user,
                name=form.cleaned_data["name"],
                theme=form.cleaned_data["theme"],
                description=form.cleaned_data["description"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Climate team %(name)s added.") % {"name": team.name})
            return redirect(
                "meetings:team", municipality=request.tenant.municipality.slug, pk=team.pk
            )
    return render(request, "meetings/team_form.html", {"form": form})


def _team_page(
    request: TenantRequest, team: ClimateTeam, member_form: TeamMemberForm | None = None
) -> HttpResponse:
    can_manage = can_manage_meetings(request.tenant.membership)
    if can_manage and member_form is None:
        member_form = TeamMemberForm()
    return render(
        request,
        "meetings/team_detail.html",
        {
            "team": team,
            "overview": team_overview(team),
            "today": timezone.localdate(),
            "can_manage": can_manage,
            "member_form": member_form,
        },
    )


@tenant_view()
def team_detail(request: TenantRequest, pk: int) -> HttpResponse:
    return _team_page(
        request, get_object_or_404(ClimateTeam.objects.select_related("theme"), pk=pk)
    )


@tenant_view(can_manage_meetings)
def team_edit(request: TenantRequest, pk: int) -> HttpResponse:
    team = get_object_or_404(ClimateTeam.objects, pk=pk)
    edit = edit_versioned(
        request,
        instance=team,
        build=lambda data, obj: ClimateTeamForm(data, instance=obj),
        reload=lambda: get_object_or_404(ClimateTeam.objects, pk=pk),
        save=lambda form, version: services.climate_team_update(
            actor=request.user,
            team=form.instance,
            expected_version=version,
            name=form.cleaned_data["name"],
            theme=form.cleaned_data["theme"],
            description=form.cleaned_data["description"],
        ),
    )
    if edit.saved is not None:
        messages.success(request, _("Climate team %(name)s saved.") % {"name": edit.saved.name})
        return redirect("meetings:team", municipality=request.tenant.municipality.slug, pk=pk)
    return render(request, "meetings/team_form.html", {"form": edit.form, "team": team})


@tenant_view(can_manage_meetings)
@require_POST
def team_member_add(request: TenantRequest, pk: int) -> HttpResponse:
    team = get_object_or_404(ClimateTeam.objects.select_related("theme"), pk=pk)
    form = TeamMemberForm(request.POST)
    if form.is_valid():
        try:
            services.climate_team_member_add(
                actor=request.user,
                team=team,
                user=form.cleaned_data["user"],
                role=form.cleaned_data["role"],
                starts_on=form.cleaned_data["starts_on"],
                ends_on=form.cleaned_data["ends_on"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(person)s joined %(team)s.")
                % {"person": form.cleaned_data["user"], "team": team.name},
            )
            return redirect("meetings:team", municipality=request.tenant.municipality.slug, pk=pk)
    return _team_page(request, team, form)


@tenant_view(can_manage_meetings)
def team_member_remove(request: TenantRequest, pk: int, member: int) -> HttpResponse:
    team = get_object_or_404(ClimateTeam.objects, pk=pk)
    membership = get_object_or_404(
        ClimateTeamMember.objects.select_related("user"), pk=member, team=team
    )
    if request.method == "POST":
        services.climate_team_member_remove(actor=request.user, member=membership)
        messages.success(
            request,
            _("%(person)s is no longer on %(team)s.")
            % {"person": membership.user, "team": team.name},
        )
        return redirect("meetings:team", municipality=request.tenant.municipality.slug, pk=pk)
    return render(request, "meetings/team_member_remove.html", {"team": team, "member": membership})
