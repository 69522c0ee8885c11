"""Scoring rounds on the coordinator's side: the list, opening, the projector page, results."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from daadkracht.common.exporting import export_format
from daadkracht.common.forms import add_service_errors
from daadkracht.common.listing import SortOption, apply_sort
from daadkracht.common.qr_code import qr_code_svg
from daadkracht.plans.models import Plan
from daadkracht.plans.selectors.actions import ActionFilter, filtered_actions, open_actions
from daadkracht.plans.views.common import with_plan
from daadkracht.prioritisation.charts.box_plot import BOX_WIDTH, axis, result_rows
from daadkracht.prioritisation.exports import round_results_export, rounds_export
from daadkracht.prioritisation.forms.lists import ResultsQuery, RoundListQuery
from daadkracht.prioritisation.forms.rounds import ScoringRoundForm
from daadkracht.prioritisation.models import Criterion, RoundParticipant, ScoringRound
from daadkracht.prioritisation.policies import can_manage_prioritisation
from daadkracht.prioritisation.selectors.rounds import RESULT_SORTS, round_results, rounds_of
from daadkracht.prioritisation.selectors.scores import MAX_SCORE
from daadkracht.prioritisation.services import rounds as services
from daadkracht.prioritisation.views.common import NO_PLAN_TEMPLATE, filter_context
from daadkracht.tenancy.decorators import TenantRequest, tenant_view
from daadkracht.tenancy.roles import Role

ROUND_SORTS = [
    SortOption("created", gettext_lazy("Opened"), ("created_at",)),
    SortOption("title", gettext_lazy("Title"), ("title", "created_at")),
    SortOption("state", gettext_lazy("State"), ("state", "created_at")),
    SortOption("participants", gettext_lazy("Participants"), ("participant_count", "title")),
]
DEFAULT_ROUND_SORT = "-created"  # the latest round first


@tenant_view()
@with_plan(NO_PLAN_TEMPLATE)
def rounds(request: TenantRequest, plan: Plan) -> HttpResponseBase:
    query = RoundListQuery(request.GET)
    state, search = query.value("state"), query.value("q")
    queryset = rounds_of(plan)
    if state:
        queryset = queryset.filter(state=state)
    if search:
        queryset = queryset.filter(title__icontains=search)
    queryset, sort = apply_sort(request, queryset, ROUND_SORTS, default=DEFAULT_ROUND_SORT)
    fmt = export_format(request)
    if fmt:
        return rounds_export(queryset, fmt)
    return render(
        request,
        "prioritisation/rounds.html",
        {
            "rounds": queryset,
            "state": state,
            "search": search,
            "sort": sort,
            "states": ScoringRound.State.choices,
        },
    )


@tenant_view(can_manage_prioritisation)
@with_plan(NO_PLAN_TEMPLATE)
def round_create(request: TenantRequest, plan: Plan) -> HttpResponse:
    filters = ActionFilter.from_query(request.GET)
    candidates = (
        open_actions(filtered_actions(filters, plan))
        .select_related("lead_department")
        .order_by("identifier")
    )
    form = ScoringRoundForm(
        request.POST or None,
        criteria=Criterion.objects.filter(plan=plan).order_by("position", "id"),
        actions=candidates,
    )
    if request.method == "POST" and form.is_valid():
        try:
            scoring_round = services.scoring_round_create(
                actor=request.user,
                plan=plan,
                title=form.cleaned_data["title"],
                actions=form.chosen_actions(),
                criteria=list(form.cleaned_data["criteria"]),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Round %(title)s is open. Show the code below to the participants.")
                % {"title": scoring_round.title},
            )
            return redirect(
                "prioritisation:round_detail",
                municipality=request.tenant.municipality.slug,
                pk=scoring_round.pk,
            )
    return render(
        request,
        "prioritisation/round_form.html",
        {"form": form, "candidate_count": candidates.count(), **filter_context(filters, plan)},
    )


def join_urls(request: HttpRequest, scoring_round: ScoringRound) -> dict[str, str]:
    return {
        "join_url": request.build_absolute_uri(
            reverse("workshop:join", kwargs={"join_code": scoring_round.join_code})
        ),
        "enter_url": request.build_absolute_uri(reverse("workshop:enter")),
    }


def join_qr_code(join_url: str) -> str:
    """The join link as a QR code, for phones in the room."""
    return qr_code_svg(
        join_url,
        label=_("QR code to join the workshop at %(url)s") % {"url": join_url},
    )


@tenant_view()
def round_detail(request: TenantRequest, pk: int) -> HttpResponse:
    """The page for the projector: the join code, and who has joined so far."""
    scoring_round = get_object_or_404(ScoringRound.objects, pk=pk)
    participants = list(
        RoundParticipant.objects.filter(scoring_round=scoring_round)
        .select_related("department")
        .order_by("created_at", "id")
    )
    context = {
        "round": scoring_round,
        "participants": participants,
        "actions": list(scoring_round.actions.order_by("identifier")),
        "criteria": list(scoring_round.criteria.order_by("position", "id")),
        "can_see_results": _may_see_results(request, scoring_round),
        **join_urls(request, scoring_round),
    }
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "prioritisation/round_detail.html#participants", context)
    if scoring_round.state == ScoringRound.State.OPEN:
        context["join_qr_code"] = join_qr_code(context["join_url"])
    return render(request, "prioritisation/round_detail.html", context)


def _may_see_results(request: TenantRequest, scoring_round: ScoringRound) -> bool:
    """Editors take part in rounds: they see the results once the round is closed, so that
    the scores of others do not steer theirs."""
    return request.tenant.role != Role.EDITOR or scoring_round.state == ScoringRound.State.CLOSED


@tenant_view()
def round_results_view(request: TenantRequest, pk: int) -> HttpResponseBase:
    scoring_round = get_object_or_404(ScoringRound.objects, pk=pk)
    if not _may_see_results(request, scoring_round):
        raise PermissionDenied
    sort = ResultsQuery(request.GET).value("sort") or RESULT_SORTS[0]
    results = round_results(scoring_round, sort=sort)
    fmt = export_format(request)
    if fmt:
        return round_results_export(results, fmt)
    context = {
        "round": scoring_round,
        "results": results,
        "rows": result_rows(results),
        "sort": sort,
        "box_width": BOX_WIDTH,
        "axis": axis(range(MAX_SCORE + 1), MAX_SCORE),
        "percent_axis": axis(range(0, 101, 20), 100),
    }
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "prioritisation/round_results.html#results", context)
    return render(request, "prioritisation/round_results.html", context)


@tenant_view(can_manage_prioritisation)
def round_close(request: TenantRequest, pk: int) -> HttpResponse:
    scoring_round = get_object_or_404(ScoringRound.objects, pk=pk)
    if request.method == "POST":
        services.scoring_round_close(actor=request.user, scoring_round=scoring_round)
        messages.success(
            request,
            _("Round %(title)s is closed. You can now adopt its medians as the actions' scores.")
            % {"title": scoring_round.title},
        )
        return redirect(
            "prioritisation:round_results", municipality=request.tenant.municipality.slug, pk=pk
        )
    return render(request, "prioritisation/round_close.html", {"round": scoring_round})


@tenant_view(can_manage_prioritisation)
def round_adopt(request: TenantRequest, pk: int) -> HttpResponse:
    scoring_round = get_object_or_404(ScoringRound.objects, pk=pk)
    error = None
    if request.method == "POST":
        try:
            written = services.scoring_round_adopt(actor=request.user, scoring_round=scoring_round)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)d score adopted from the round %(title)s.",
                    "%(count)d scores adopted from the round %(title)s.",
                    written,
                )
                % {"count": written, "title": scoring_round.title},
            )
            return redirect(
                "prioritisation:priorities", municipality=request.tenant.municipality.slug
            )
    return render(
        request, "prioritisation/round_adopt.html", {"round": scoring_round, "error": error}
    )
