"""Writes of the agreed scores of actions, given by hand or filled in from the figures."""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from daadkracht.common.concurrency import ConcurrentEditError
from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import audit_record, snapshot
from daadkracht.plans.models import Action, Plan
from daadkracht.prioritisation.defaults import CO2_KEY, COST_KEY
from daadkracht.prioritisation.models import ActionScore, Criterion
from daadkracht.prioritisation.policies import can_manage_prioritisation, can_score
from daadkracht.prioritisation.selectors.scores import scores_fingerprint
from daadkracht.prioritisation.selectors.suggestions import figure_suggestions
from daadkracht.prioritisation.services.common import check_score, scorer
from daadkracht.tenancy.policies import enforce


def action_scores_save(
    *,
    actor: Any,
    action: Action,
    scores: Mapping[int, tuple[int | None, str]],
    expected_fingerprint: str | None = None,
) -> int:
    """Store the action's score and explanation per criterion id; None removes a score.

    With `expected_fingerprint`, refuse (ConcurrentEditError) when someone else changed the
    scores since the form was opened. Returns how many scores changed.
    """
    enforce(can_score, action)
    criteria = {c.pk: c for c in Criterion.objects.filter(plan_id=action.plan_id)}
    for criterion_id, (score, note) in scores.items():
        if criterion_id not in criteria:
            raise ValidationError(_("This criterion does not belong to the plan."))
        check_score(score, f"score_{criterion_id}")
        if len(note) > 300:
            raise ValidationError({f"note_{criterion_id}": _("Keep the explanation short.")})
    changed = 0
    with transaction.atomic():
        Action.objects.select_for_update().filter(pk=action.pk).first()
        if expected_fingerprint is not None and expected_fingerprint != scores_fingerprint(action):
            raise ConcurrentEditError()
        stored = {s.criterion_id: s for s in ActionScore.objects.filter(action=action)}
        for criterion_id, (score, note) in scores.items():
            existing = stored.get(criterion_id)
            note = note.strip()
            if score is None:
                if existing is not None:
                    audit_record(
                        actor=actor,
                        instance=existing,
                        action=AuditAction.REMOVED,
                        source=ChangeSource.FORM,
                    )
                    existing.delete()
                    changed += 1
                continue
            if existing is None:
                created = ActionScore.objects.create(
                    municipality_id=action.municipality_id,
                    action=action,
                    criterion=criteria[criterion_id],
                    score=score,
                    note=note,
                    scored_by=scorer(actor),
                )
                audit_record(
                    actor=actor,
                    instance=created,
                    action=AuditAction.CREATED,
                    source=ChangeSource.FORM,
                )
                changed += 1
            elif existing.score != score or existing.note != note:
                before = snapshot(existing)
                existing.score, existing.note, existing.scored_by = score, note, scorer(actor)
                existing.save(update_fields=["score", "note", "scored_by", "updated_at"])
                audit_record(
                    actor=actor,
                    instance=existing,
                    action=AuditAction.UPDATED,
                    source=ChangeSource.FORM,
                    before=before,
                )
                changed += 1
    return changed


def scores_fill_from_figures(*, actor: Any, plan: Plan, action: Action | None = None) -> int:
    """Fill missing CO2-impact and cost-per-tonne scores from the figures; never overwrites.

    Without `action`, for every action of the plan. Returns the number of scores added.
    """
    if action is None:
        enforce(can_manage_prioritisation)
    else:
        enforce(can_score, action)
    criteria = {c.key: c for c in Criterion.objects.filter(plan=plan, key__in=[CO2_KEY, COST_KEY])}
    if not criteria:
        return 0
    suggestions = figure_suggestions(plan)
    if action is not None:
        suggestions = {action.pk: suggestions[action.pk]} if action.pk in suggestions else {}
    note = _("Suggested from the figures, by fifths of the plan's actions.")
    with transaction.atomic():
        present = set(
            ActionScore.objects.filter(
                criterion__in=criteria.values(), action_id__in=list(suggestions)
            ).values_list("action_id", "criterion_id")
        )
        new = [
            ActionScore(
                municipality_id=plan.municipality_id,
                action_id=action_id,
                criterion=criteria[key],
                score=score,
                note=note,
                scored_by=scorer(actor),
            )
            for action_id, suggestion in suggestions.items()
            for key, score in suggestion.items()
            if key in criteria and (action_id, criteria[key].pk) not in present
        ]
        created = ActionScore.objects.bulk_create(new)
        for score in created:
            audit_record(
                actor=actor, instance=score, action=AuditAction.CREATED, source=ChangeSource.FORM
            )
    return len(created)
