"""Pages for prioritising: the ranked list, criteria and weights, scoring an action and the
marginal abatement cost curve."""

import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import F, QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from daadkracht.common.concurrency import ConcurrentEditError
from daadkracht.common.forms import add_service_errors
from daadkracht.common.listing import SortOption, apply_sort, export_format, export_response
from daadkracht.plans.forms.priorities import ActionScoresForm, CriterionForm, CriterionFormSet
from daadkracht.plans.models import Action, ActionScore, Criterion
from daadkracht.plans.permissions import can_edit_action
from daadkracht.plans.selectors.actions import ActionFilter
from daadkracht.plans.selectors.plan import current_plan, statuses, themes
from daadkracht.plans.selectors.priorities import (
    MacCurve,
    criteria_of,
    explain,
    figure_suggestions,
    mac_curve,
    ranked_actions,
    scores_fingerprint,
    with_scores,
)
from daadkracht.plans.services import priorities as services
from daadkracht.tenancy.decorators import TenantRequest, tenant_view
from daadkracht.tenancy.models import Department
from daadkracht.tenancy.roles import Permission

PAGE_SIZE = 50

RANK_SORTS = [
    SortOption("score", gettext_lazy("Score"), ("weighted_score", "identifier")),
    SortOption("identifier", gettext_lazy("Identifier"), ("identifier",)),
    SortOption("title", gettext_lazy("Title"), ("title", "identifier")),
    SortOption(
        "department", gettext_lazy("Lead department"), ("lead_department__name", "identifier")
    ),
    SortOption("status", gettext_lazy("Status"), ("status__position", "identifier")),
    SortOption("scored", gettext_lazy("Criteria scored"), ("scored_count", "identifier")),
]


# --- Shared by the pages of this area -------------------------------------------------------


def url_or_none(request: TenantRequest, name: str) -> str | None:
    """A page of another area, if this installation has it."""
    try:
        return reverse(name, kwargs={"municipality": request.tenant.municipality.slug})
    except NoReverseMatch:
        return None


def no_plan(request: TenantRequest) -> HttpResponse:
    """The empty state before the municipality has a plan."""
    return render(
        request,
        "plans/priorities/no_plan.html",
        {"settings_url": url_or_none(request, "plans:settings")},
    )


def filter_context(filters: ActionFilter) -> dict[str, Any]:
    theme_options = []
    for theme in themes():
        label = str(theme)
        theme_options.append((theme.pk, f"— {label}" if theme.parent_id else label))
    return {
        "filters": filters,
        "theme_options": theme_options,
        "departments": list(Department.objects.all()),
        "statuses": list(statuses()),
    }


@dataclass(frozen=True)
class WeightShare:
    criterion: Criterion
    share: float  # of the total weight, 0-100
    width: float  # of the bar, in the chart's units


def weight_shares(criteria: list[Criterion]) -> list[WeightShare]:
    total = sum((c.weight for c in criteria), Decimal(0))
    return [
        WeightShare(
            c,
            float(c.weight / total * 100) if total else 0.0,
            float(c.weight / max(c.weight for c in criteria) * 200) if total else 0.0,
        )
        for c in criteria
    ]


# --- The ranked list -----------------------------------------------------------------------


def sort_ranking(request: TenantRequest, ranked: QuerySet[Action]) -> tuple[QuerySet[Action], str]:
    """Best score first unless asked otherwise; equal scores in the order of their identifier."""
    requested = request.GET.get("sort") or "-score"
    if requested.lstrip("-") == "score":
        score = F("weighted_score")
        first = score.asc(nulls_last=True) if requested == "score" else score.desc(nulls_last=True)
        return ranked.order_by(first, "identifier"), requested
    return apply_sort(request, ranked, RANK_SORTS)


@tenant_view()
def priorities(request: TenantRequest) -> HttpResponse:
    plan = current_plan()
    if plan is None:
        return no_plan(request)
    filters = ActionFilter.from_query(request.GET)
    criteria = criteria_of(plan)
    ranked, sort = sort_ranking(request, ranked_actions(filters, plan))
    ranked = with_scores(ranked.select_related("lead_department", "status"))
    fmt = export_format(request)
    if fmt:
        return _export_ranking(ranked, criteria, fmt)
    page = Paginator(ranked, PAGE_SIZE).get_page(request.GET.get("page"))
    tenant = request.tenant
    rows = [
        {
            "action": action,
            "explanation": explain(action, criteria),
            "can_score": can_edit_action(tenant, action),
        }
        for action in page
    ]
    context = {
        "plan": plan,
        "page": page,
        "rows": rows,
        "criteria": criteria,
        "shares": weight_shares(criteria),
        "sort": sort,
        "has_actions": Action.objects.filter(plan=plan).exists(),
        "scored_count": ActionScore.objects.filter(action__plan=plan).count(),
        **filter_context(filters),
    }
    return render(request, "plans/priorities/ranking.html", context)


def _export_ranking(ranked: QuerySet[Action], criteria: list[Criterion], fmt: str) -> HttpResponse:
    headers: list[Any] = [
        _("Rank"),
        _("Identifier"),
        _("Title"),
        _("Lead department"),
        _("Status"),
        _("Score (0-100)"),
        _("Criteria scored"),
        *[
            _("%(criterion)s (weight %(weight)s)") % {"criterion": c.name, "weight": c.weight}
            for c in criteria
        ],
        _("Not scored on"),
    ]

    def rows() -> Any:
        for action in ranked:
            explanation = explain(action, criteria)
            value = explanation.value
            yield [
                action.rank if value is not None else None,  # type: ignore[attr-defined]
                action.identifier,
                action.title,
                str(action.lead_department or ""),
                str(action.status),
                round(value, 1) if value is not None else None,
                explanation.scored_count,
                *[part.score for part in explanation.parts],
                ", ".join(c.name for c in explanation.missing),
            ]

    return export_response(name=_("Priorities"), fmt=fmt, headers=headers, rows=rows())


@tenant_view(Permission.EDIT_ALL)
@require_POST
def scores_fill(request: TenantRequest) -> HttpResponse:
    """Fill in the missing CO2-impact and cost-per-tonne scores of every action."""
    plan = current_plan()
    if plan is None:
        return no_plan(request)
    added = services.scores_fill_from_figures(actor=request.user, plan=plan)
    if added:
        messages.success(
            request,
            _("%(count)d scores filled in from the figures. Existing scores were kept.")
            % {"count": added},
        )
    else:
        messages.info(
            request,
            _(
                "Nothing to fill in: every action with a CO2 reduction and budget already has "
                "these scores, or no action has figures yet."
            ),
        )
    return redirect("plans:priorities", municipality=request.tenant.municipality.slug)


# --- Criteria and weights ------------------------------------------------------------------


@tenant_view(Permission.EDIT_ALL)
def criteria(request: TenantRequest) -> HttpResponse:
    plan = current_plan()
    if plan is None:
        return no_plan(request)
    stored = Criterion.objects.filter(plan=plan).order_by("position", "id")
    saving = request.method == "POST" and "save" in request.POST
    adding = request.method == "POST" and "add" in request.POST
    formset = CriterionFormSet(request.POST if saving else None, queryset=stored, prefix="c")
    new_form = CriterionForm(request.POST if adding else None, prefix="new")
    slug = request.tenant.municipality.slug
    save_errors: list[str] = []
    if saving and formset.is_valid():
        changes = [
            (form.instance, {name: form.cleaned_data[name] for name in CriterionForm.Meta.fields})
            for form in formset.forms
            if form.instance.pk
        ]
        try:
            changed = services.criteria_update(actor=request.user, plan=plan, changes=changes)
        except ValidationError as error:
            save_errors = error.messages
        else:
            if changed:
                messages.success(request, _("%(count)d criteria saved.") % {"count": changed})
            else:
                messages.info(request, _("Nothing changed."))
            return redirect("plans:criteria", municipality=slug)
    if adding and new_form.is_valid():
        try:
            criterion = services.criterion_create(
                actor=request.user,
                plan=plan,
                name=new_form.cleaned_data["name"],
                weight=new_form.cleaned_data["weight"],
                description=new_form.cleaned_data["description"],
            )
        except ValidationError as error:
            add_service_errors(new_form, error)
        else:
            messages.success(request, _("Criterion %(name)s added.") % {"name": criterion.name})
            return redirect("plans:criteria", municipality=slug)
    criteria_list = list(stored)
    return render(
        request,
        "plans/priorities/criteria.html",
        {
            "plan": plan,
            "formset": formset,
            "new_form": new_form,
            "save_errors": save_errors,
            "shares": weight_shares(criteria_list),
        },
    )


@tenant_view(Permission.EDIT_ALL)
def criterion_delete(request: TenantRequest, pk: int) -> HttpResponse:
    criterion = get_object_or_404(Criterion.objects, pk=pk)
    error = None
    if request.method == "POST":
        try:
            services.criterion_delete(actor=request.user, criterion=criterion)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(
                request, _("Criterion %(name)s and its scores deleted.") % {"name": criterion}
            )
            return redirect("plans:criteria", municipality=request.tenant.municipality.slug)
    return render(
        request,
        "plans/priorities/criterion_delete.html",
        {
            "criterion": criterion,
            "score_count": criterion.scores.count(),
            "error": error,
        },
    )


# --- Scoring one action --------------------------------------------------------------------


@tenant_view(Permission.EDIT_OWN_DEPARTMENT)
def action_scores(request: TenantRequest, pk: int) -> HttpResponse:
    action = get_object_or_404(
        Action.objects.select_related("plan", "lead_department", "status"), pk=pk
    )
    if not can_edit_action(request.tenant, action):
        raise PermissionDenied
    plan = action.plan
    criteria_list = criteria_of(plan)
    stored = {s.criterion_id: s for s in ActionScore.objects.filter(action=action)}
    figures = figure_suggestions(plan).get(action.pk, {})
    suggested = {c.pk: figures[c.key] for c in criteria_list if c.key in figures}
    fillable = any(criterion_id not in stored for criterion_id in suggested)
    kwargs: dict[str, Any] = {"criteria": criteria_list, "stored": stored}
    current = None
    filled = False
    if request.method == "POST" and "fill" in request.POST:
        data = request.POST.copy()
        for criterion_id, value in suggested.items():
            if not data.get(f"score_{criterion_id}"):
                data[f"score_{criterion_id}"] = str(value)
                filled = True
                if not data.get(f"note_{criterion_id}"):
                    data[f"note_{criterion_id}"] = _("Derived from the figures.")
        form = ActionScoresForm(data, **kwargs)
        form.is_valid()
    elif request.method == "POST":
        form = ActionScoresForm(request.POST, **kwargs)
        if form.is_valid():
            try:
                services.action_scores_save(
                    actor=request.user,
                    action=action,
                    scores=form.scores(),
                    expected_fingerprint=form.cleaned_data["fingerprint"] or None,
                )
            except ConcurrentEditError as error:
                current = {
                    s.criterion_id: s
                    for s in ActionScore.objects.filter(action=action).select_related("criterion")
                }
                data = request.POST.copy()
                data["fingerprint"] = scores_fingerprint(action)
                form = ActionScoresForm(data, **kwargs)
                form.is_valid()
                form.add_error(None, str(error.message))
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request, _("Scores of %(action)s saved.") % {"action": action.identifier}
                )
                url = reverse(
                    "plans:priorities", kwargs={"municipality": request.tenant.municipality.slug}
                )
                return redirect(f"{url}#action-{action.pk}")
    else:
        form = ActionScoresForm(initial={"fingerprint": scores_fingerprint(action)}, **kwargs)
    return render(
        request,
        "plans/priorities/action_scores.html",
        {
            "action": action,
            "form": form,
            "suggested": suggested,
            "fillable": fillable,
            "score_rows": [
                (criterion, score, note, suggested.get(criterion.pk))
                for criterion, score, note in form.rows()
            ],
            "filled": filled,
            "current": current,
            "current_rows": [(c, current.get(c.pk)) for c in criteria_list] if current else [],
            "explanation": explain(action, criteria_list),
        },
    )


# --- The marginal abatement cost curve -----------------------------------------------------


@dataclass(frozen=True)
class Tick:
    value: float
    position: float


@dataclass(frozen=True)
class BarShape:
    x: float
    y: float
    width: float
    height: float
    label_x: float
    show_label: bool
    within_target: bool


@dataclass
class MacChart:
    width: int
    height: int
    left: int
    top: int
    plot_width: int
    plot_height: int
    bars: list[tuple[Any, BarShape]]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    target_x: float | None
    target_beyond: bool = False

    @property
    def bottom(self) -> int:
        return self.top + self.plot_height

    @property
    def right(self) -> int:
        return self.left + self.plot_width


TARGET_ZOOM_LIMIT = 3


def nice_step(span: float, steps: int = 5) -> float:
    """A round step (1, 2 or 5 x 10^n) that divides `span` into about `steps` parts."""
    if span <= 0:
        return 1.0
    raw = span / steps
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * magnitude:
            return float(factor * magnitude)
    return float(10 * magnitude)


def mac_chart(curve: MacCurve) -> MacChart:
    left, top, plot_width, plot_height = 80, 20, 660, 300
    # A target far beyond what the actions reach would squeeze every bar into a sliver:
    # then the chart keeps to the actions and points at the target beyond its edge.
    target = float(curve.target_reduction)
    target_on_chart = 0 < target <= float(curve.total) * TARGET_ZOOM_LIMIT
    x_max_raw = max(float(curve.total), target) if target_on_chart else float(curve.total)
    x_max_raw = x_max_raw * 1.05 or 1.0
    x_step = nice_step(x_max_raw)
    x_max = math.ceil(x_max_raw / x_step) * x_step
    y_step = nice_step(float(curve.max_cost) or 1.0)
    y_max = max(math.ceil(float(curve.max_cost) / y_step), 1) * y_step

    def x_at(value: float) -> float:
        return round(left + value / x_max * plot_width, 2)

    def y_at(value: float) -> float:
        return round(top + plot_height - value / y_max * plot_height, 2)

    bars = []
    for bar in curve.bars:
        x, width = x_at(float(bar.start)), float(bar.co2) / x_max * plot_width
        height = max(float(bar.cost_per_tonne) / y_max * plot_height, 1.5)
        bars.append(
            (
                bar,
                BarShape(
                    x=x,
                    y=round(top + plot_height - height, 2),
                    width=round(max(width, 0.5), 2),
                    height=round(height, 2),
                    label_x=round(x + width / 2, 2),
                    show_label=width >= 44,
                    within_target=bar.start < curve.target_reduction,
                ),
            )
        )
    x_ticks = [Tick(i * x_step, x_at(i * x_step)) for i in range(round(x_max / x_step) + 1)]
    y_ticks = [Tick(i * y_step, y_at(i * y_step)) for i in range(round(y_max / y_step) + 1)]
    return MacChart(
        width=left + plot_width + 20,
        height=top + plot_height + 60,
        left=left,
        top=top,
        plot_width=plot_width,
        plot_height=plot_height,
        bars=bars,
        x_ticks=x_ticks,
        y_ticks=y_ticks,
        target_x=x_at(target) if target_on_chart else None,
        target_beyond=target > 0 and not target_on_chart,
    )


@tenant_view()
def mac_curve_view(request: TenantRequest) -> HttpResponse:
    plan = current_plan()
    if plan is None:
        return no_plan(request)
    filters = ActionFilter.from_query(request.GET)
    curve = mac_curve(filters, plan)
    fmt = export_format(request)
    if fmt:
        return _export_curve(curve, fmt)
    return render(
        request,
        "plans/priorities/mac_curve.html",
        {
            "plan": plan,
            "curve": curve,
            "chart": mac_chart(curve) if curve.bars else None,
            **filter_context(filters),
        },
    )


def _export_curve(curve: MacCurve, fmt: str) -> HttpResponse:
    headers = [
        _("Order"),
        _("Identifier"),
        _("Title"),
        _("Lead department"),
        _("CO2 reduction (t/yr)"),
        _("Budget planned (€)"),
        _("Cost per tonne (€ per t CO2/yr)"),
        _("Cumulative CO2 reduction (t/yr)"),
    ]
    rows = [
        [
            n,
            bar.action.identifier,
            bar.action.title,
            str(bar.action.lead_department or ""),
            bar.co2,
            bar.budget,
            bar.cost_per_tonne,
            bar.end,
        ]
        for n, bar in enumerate(curve.bars, start=1)
    ]
    return export_response(name=_("Cost curve"), fmt=fmt, headers=headers, rows=rows)
