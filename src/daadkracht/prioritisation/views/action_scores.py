"""Scoring one action on the plan's criteria, with suggestions derived from its figures."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from daadkracht.common.concurrency import ConcurrentEditError
from daadkracht.common.forms import add_service_errors, conflict_form
from daadkracht.plans.views.common import live_action
from daadkracht.prioritisation.forms.scores import ActionScoresForm
from daadkracht.prioritisation.models import ActionScore
from daadkracht.prioritisation.policies import can_score
from daadkracht.prioritisation.selectors.scores import criteria_of, explain, scores_fingerprint
from daadkracht.prioritisation.selectors.suggestions import figure_suggestions
from daadkracht.prioritisation.services import scores as services
from daadkracht.tenancy.decorators import TenantRequest, tenant_view
from daadkracht.tenancy.roles import Permission


@tenant_view(Permission.EDIT_OWN_DEPARTMENT)
def action_scores(request: TenantRequest, pk: int) -> HttpResponse:
    action = live_action(pk)
    if not can_score(request.tenant.membership, action):
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
                form = conflict_form(
                    ActionScoresForm,
                    request.POST,
                    error,
                    basis=scores_fingerprint(action),
                    basis_field="fingerprint",
                    **kwargs,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request, _("Scores of %(action)s saved.") % {"action": action.identifier}
                )
                url = reverse(
                    "prioritisation:priorities",
                    kwargs={"municipality": request.tenant.municipality.slug},
                )
                return redirect(f"{url}#action-{action.pk}")
    else:
        form = ActionScoresForm(initial={"fingerprint": scores_fingerprint(action)}, **kwargs)
    return render(
        request,
        "prioritisation/action_scores.html",
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
