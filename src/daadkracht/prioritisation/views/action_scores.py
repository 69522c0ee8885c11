"""Scoring one action on the plan's criteria, with suggestions derived from its figures."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from daadkracht.common.forms import edit_versioned
from daadkracht.plans.models import Action
from daadkracht.plans.views.common import live_action
from daadkracht.prioritisation.forms.scores import ActionScoresForm, stored_scores
from daadkracht.prioritisation.policies import can_score, can_score_actions
from daadkracht.prioritisation.selectors.scores import criteria_of, explain
from daadkracht.prioritisation.selectors.suggestions import figure_suggestions
from daadkracht.prioritisation.services import scores as services
from daadkracht.tenancy.decorators import TenantRequest, tenant_view


@tenant_view(can_score_actions)
def action_scores(request: TenantRequest, pk: int) -> HttpResponse:
    action = live_action(pk)
    if not can_score(request.tenant.membership, action):
        raise PermissionDenied
    plan = action.plan
    criteria_list = criteria_of(plan)
    stored = stored_scores(action)
    figures = figure_suggestions(plan).get(action.pk, {})
    suggested = {c.pk: figures[c.key] for c in criteria_list if c.key in figures}
    fillable = any(criterion_id not in stored for criterion_id in suggested)

    def build(data: QueryDict | None, obj: Action) -> ActionScoresForm:
        scores = stored if obj is action else stored_scores(obj)
        return ActionScoresForm(data, action=obj, criteria=criteria_list, stored=scores)

    filled = False
    if request.method == "POST" and "fill" in request.POST:
        data = request.POST.copy()
        for criterion_id, value in suggested.items():
            if not data.get(f"score_{criterion_id}"):
                data[f"score_{criterion_id}"] = str(value)
                filled = True
                if not data.get(f"note_{criterion_id}"):
                    data[f"note_{criterion_id}"] = _("Derived from the figures.")
        form = build(data, action)
        form.is_valid()
    else:
        edit = edit_versioned(
            request,
            instance=action,
            build=build,
            reload=lambda: live_action(pk),
            save=lambda form, fingerprint: services.action_scores_save(
                actor=request.user,
                action=form.action,
                scores=form.scores(),
                expected_fingerprint=str(fingerprint),
            ),
        )
        if edit.saved is not None:
            messages.success(
                request, _("Scores of %(action)s saved.") % {"action": action.identifier}
            )
            url = reverse(
                "prioritisation:priorities",
                kwargs={"municipality": request.tenant.municipality.slug},
            )
            return redirect(f"{url}#action-{action.pk}")
        form = edit.form
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
            "explanation": explain(action, criteria_list),
        },
    )
