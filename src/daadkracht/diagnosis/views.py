"""The coordinator's and coach's pages: rounds, sending and reminding, closing, and the results."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_POST

from daadkracht.common.forms import add_service_errors
from daadkracht.common.listing import SortOption, apply_sort
from daadkracht.diagnosis import results
from daadkracht.diagnosis.charts import (
    changes_body,
    disagreements_list,
    matrix_body,
    maturity_svg,
    network_svg,
    ties_body,
)
from daadkracht.diagnosis.exports import round_export
from daadkracht.diagnosis.forms import LEVEL_GUIDE, ResultsQuery, SurveyRoundForm
from daadkracht.diagnosis.models import Respondent, SurveyRound
from daadkracht.diagnosis.policies import can_manage_diagnosis, can_see_brokerage
from daadkracht.diagnosis.scales import MORE_IS_NOT_ALWAYS_BETTER
from daadkracht.diagnosis.services import (
    survey_round_close,
    survey_round_create,
    survey_round_open,
    survey_round_remind,
)
from daadkracht.tenancy.decorators import TenantRequest, tenant_view
from daadkracht.tenancy.models import Department

ROUND_SORTS = [
    SortOption("opens", gettext_lazy("Opens on"), ("opens_on", "id")),
    SortOption("name", gettext_lazy("Name"), ("name", "id")),
    SortOption("state", gettext_lazy("State"), ("state", "opens_on")),
    SortOption("answered", gettext_lazy("Answered"), ("answered_count", "opens_on")),
]


@tenant_view(can_manage_diagnosis)
def rounds(request: TenantRequest) -> HttpResponse:
    queryset = SurveyRound.objects.annotate(
        respondent_count=Count("respondents", distinct=True),
        answered_count=Count(
            "respondents", filter=Q(respondents__answered_at__isnull=False), distinct=True
        ),
    )
    queryset, sort = apply_sort(request, queryset, ROUND_SORTS, default="-opens")
    return render(request, "diagnosis/rounds.html", {"rounds": queryset, "sort": sort})


@tenant_view(can_manage_diagnosis)
@require_http_methods(["GET", "POST"])
def round_create(request: TenantRequest) -> HttpResponse:
    departments = list(Department.objects.select_related("climate_contact").order_by("name"))
    form = SurveyRoundForm(request.POST or None, departments=departments)
    if request.method == "POST" and form.is_valid():
        try:
            survey_round = survey_round_create(
                actor=request.user,
                municipality_id=request.tenant.municipality.pk,
                name=form.cleaned_data["name"],
                opens_on=form.cleaned_data["opens_on"],
                closes_on=form.cleaned_data["closes_on"],
                representatives=form.representatives(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Round %(name)s is ready. Check the representatives, then send the links.")
                % {"name": survey_round.name},
            )
            return redirect(
                "diagnosis:round_detail",
                municipality=request.tenant.municipality.slug,
                pk=survey_round.pk,
            )
    return render(request, "diagnosis/round_form.html", {"form": form, "departments": departments})


def _round(pk: int) -> SurveyRound:
    return get_object_or_404(SurveyRound.objects, pk=pk)


@tenant_view(can_manage_diagnosis)
def round_detail(request: TenantRequest, pk: int) -> HttpResponse:
    survey_round = _round(pk)
    respondents = list(
        Respondent.objects.filter(survey_round=survey_round)
        .select_related("department")
        .order_by("department__name", "id")
    )
    answered = sum(1 for r in respondents if r.answered_at is not None)
    rate = results.ResponseRate(answered, len(respondents))
    return render(
        request,
        "diagnosis/round_detail.html",
        {"round": survey_round, "respondents": respondents, "rate": rate},
    )


def _after(request: TenantRequest, survey_round: SurveyRound) -> HttpResponseBase:
    return redirect(
        "diagnosis:round_detail",
        municipality=request.tenant.municipality.slug,
        pk=survey_round.pk,
    )


@tenant_view(can_manage_diagnosis)
@require_POST
def round_open(request: TenantRequest, pk: int) -> HttpResponseBase:
    survey_round = _round(pk)
    try:
        sent = survey_round_open(actor=request.user, survey_round=survey_round)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            ngettext(
                "The round is open: %(count)d representative got their link by e-mail.",
                "The round is open: %(count)d representatives got their link by e-mail.",
                sent,
            )
            % {"count": sent},
        )
    return _after(request, survey_round)


@tenant_view(can_manage_diagnosis)
@require_POST
def round_remind(request: TenantRequest, pk: int) -> HttpResponseBase:
    survey_round = _round(pk)
    try:
        sent = survey_round_remind(actor=request.user, survey_round=survey_round)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if sent:
            messages.success(
                request,
                ngettext(
                    "A reminder went to %(count)d representative.",
                    "A reminder went to %(count)d representatives.",
                    sent,
                )
                % {"count": sent},
            )
        else:
            messages.info(request, _("Everyone has answered; no reminder was needed."))
    return _after(request, survey_round)


@tenant_view(can_manage_diagnosis)
@require_http_methods(["GET", "POST"])
def round_close(request: TenantRequest, pk: int) -> HttpResponseBase:
    """Closing asks first: after it, nobody can answer or change an answer."""
    survey_round = _round(pk)
    if request.method == "POST":
        try:
            survey_round_close(actor=request.user, survey_round=survey_round)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The round is closed. The results are final."))
        return _after(request, survey_round)
    answered = Respondent.objects.filter(
        survey_round=survey_round, answered_at__isnull=False
    ).count()
    total = Respondent.objects.filter(survey_round=survey_round).count()
    return render(
        request,
        "diagnosis/round_close.html",
        {"round": survey_round, "rate": results.ResponseRate(answered, total)},
    )


@tenant_view(can_manage_diagnosis)
def round_results(request: TenantRequest, pk: int) -> HttpResponseBase:
    survey_round = _round(pk)
    query = ResultsQuery(request.GET)
    answers = results.round_answers(survey_round)
    if query.value("export"):
        return round_export(answers, query.value("export"))
    show_brokerage = can_see_brokerage(request.tenant.membership)
    network = results.network(answers, brokerage=show_brokerage)
    others = list(results.rounds_to_compare(survey_round))
    compare_with = next((r for r in others if r.pk == query.value("vergelijk")), None)
    comparison = None
    if compare_with is not None:
        other_answers = results.round_answers(compare_with)
        first = min(compare_with, survey_round, key=lambda r: (r.opens_on, r.pk))
        pair = (answers, other_answers) if first == survey_round else (other_answers, answers)
        comparison = results.comparison(*pair)
    themes = results.maturity(answers)
    grid = results.matrix(answers)
    return render(
        request,
        "diagnosis/round_results.html",
        {
            "round": survey_round,
            "rate": results.response_rate(answers),
            "missing": results.non_respondents(answers),
            "matrix": grid,
            "matrix_body": matrix_body(grid),
            "disagreements": disagreements_list(grid),
            "ties_body": ties_body(network),
            "network": network,
            "network_svg": network_svg(network),
            "themes": themes,
            "maturity_svg": maturity_svg(themes),
            "levels": LEVEL_GUIDE,
            "more_is_not_better": MORE_IS_NOT_ALWAYS_BETTER,
            "show_brokerage": show_brokerage,
            "changes_body": changes_body(comparison) if comparison else "",
            "others": others,
            "comparison": comparison,
        },
    )
