"""Writes for prioritising: criteria and weights, scores of actions, and workshop scoring rounds."""

import secrets
import statistics
from collections import defaultdict
from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from daadkracht.common.concurrency import ConcurrentEditError
from daadkracht.common.fields import allowlist, only_fields
from daadkracht.history.models import AuditAction
from daadkracht.history.services import audit_record, snapshot
from daadkracht.plans.models import Action, Plan
from daadkracht.plans.policies import can_manage_plan, can_score
from daadkracht.plans.selectors.priorities import (
    CO2_KEY,
    COST_KEY,
    MAX_SCORE,
    figure_suggestions,
    scores_fingerprint,
)
from daadkracht.prioritisation.models import (
    ActionScore,
    Criterion,
    RoundParticipant,
    RoundScore,
    ScoringRound,
)
from daadkracht.tenancy.models import Department
from daadkracht.tenancy.policies import enforce

CRITERION_FIELDS = allowlist("name", "description", "weight")
MAX_ROUND_ACTIONS = 100

# Letters and digits that cannot be mistaken for one another on a projector.
JOIN_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def _check_score(value: int | None, field: str) -> None:
    if value is not None and not 0 <= value <= MAX_SCORE:
        raise ValidationError({field: _("A score runs from 0 to 5.")})


# Criteria --------------------------------------------------------------------------------------


def _name_taken(plan: Plan, name: str, *, exclude: Sequence[int] = ()) -> bool:
    return (
        Criterion.objects.filter(plan=plan, name__iexact=name.strip()).exclude(pk__in=exclude)
    ).exists()


def criterion_create(
    *, actor: Any, plan: Plan, name: str, weight: Decimal, description: str = ""
) -> Criterion:
    enforce(can_manage_plan)
    if _name_taken(plan, name):
        raise ValidationError({"name": _("A criterion with this name exists already.")})
    with transaction.atomic():
        last = Criterion.objects.filter(plan=plan).order_by("-position").first()
        criterion = Criterion(
            municipality_id=plan.municipality_id,
            plan=plan,
            name=name.strip(),
            description=description.strip(),
            weight=weight,
            position=(last.position + 1) if last else 0,
        )
        criterion.full_clean(exclude=["municipality"], validate_constraints=False)
        criterion.save()
        audit_record(actor=actor, instance=criterion, action=AuditAction.CREATED)
    return criterion


def criteria_update(
    *, actor: Any, plan: Plan, changes: Sequence[tuple[Criterion, Mapping[str, Any]]]
) -> int:
    """Rename and reweight several criteria at once; returns how many changed."""
    enforce(can_manage_plan)
    changes = [
        (criterion, only_fields(values, CRITERION_FIELDS, service="criteria_update"))
        for criterion, values in changes
    ]
    names = [str(values.get("name", c.name)).strip().lower() for c, values in changes]
    if len(set(names)) != len(names):
        raise ValidationError({"name": _("Two criteria cannot have the same name.")})
    ids = [c.pk for c, _values in changes]
    for criterion, values in changes:
        if criterion.plan_id != plan.pk:
            raise ValidationError(_("This criterion does not belong to the plan."))
        if _name_taken(plan, str(values.get("name", criterion.name)), exclude=ids):
            raise ValidationError({"name": _("A criterion with this name exists already.")})
    changed = 0
    try:
        with transaction.atomic():
            for criterion, values in changes:
                stored = Criterion.objects.get(pk=criterion.pk)
                before = snapshot(stored)
                for name in CRITERION_FIELDS:
                    if name in values:
                        value = values[name]
                        setattr(stored, name, value.strip() if isinstance(value, str) else value)
                stored.full_clean(exclude=["municipality"], validate_constraints=False)
                if snapshot(stored) == before:
                    continue
                stored.save()
                audit_record(
                    actor=actor, instance=stored, action=AuditAction.UPDATED, before=before
                )
                changed += 1
    except IntegrityError as error:
        raise ValidationError({"name": _("Two criteria cannot have the same name.")}) from error
    return changed


def criterion_delete(*, actor: Any, criterion: Criterion) -> None:
    """Delete one of the plan's own criteria together with its scores."""
    enforce(can_manage_plan)
    if criterion.key:
        raise ValidationError(
            _("The default criteria stay; give this one weight 0 if it does not matter to you.")
        )
    with transaction.atomic():
        audit_record(actor=actor, instance=criterion, action=AuditAction.REMOVED)
        criterion.delete()


# Scores of actions -----------------------------------------------------------------------------


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
        _check_score(score, f"score_{criterion_id}")
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
                    audit_record(actor=actor, instance=existing, action=AuditAction.REMOVED)
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
                    scored_by=_user(actor),
                )
                audit_record(actor=actor, instance=created, action=AuditAction.CREATED)
                changed += 1
            elif existing.score != score or existing.note != note:
                before = snapshot(existing)
                existing.score, existing.note, existing.scored_by = score, note, _user(actor)
                existing.save(update_fields=["score", "note", "scored_by", "updated_at"])
                audit_record(
                    actor=actor, instance=existing, action=AuditAction.UPDATED, before=before
                )
                changed += 1
    return changed


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def scores_fill_from_figures(*, actor: Any, plan: Plan, action: Action | None = None) -> int:
    """Fill missing CO2-impact and cost-per-tonne scores from the figures; never overwrites.

    Without `action`, for every action of the plan. Returns the number of scores added.
    """
    if action is None:
        enforce(can_manage_plan)
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
                scored_by=_user(actor),
            )
            for action_id, suggestion in suggestions.items()
            for key, score in suggestion.items()
            if key in criteria and (action_id, criteria[key].pk) not in present
        ]
        created = ActionScore.objects.bulk_create(new)
        for score in created:
            audit_record(actor=actor, instance=score, action=AuditAction.CREATED)
    return len(created)


# Workshop rounds -------------------------------------------------------------------------------


def new_short_join_code() -> str:
    """Twelve characters in groups of four (about 60 bits): easy to read aloud, hard to guess."""
    raw = "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(12))
    return "-".join(raw[i : i + 4] for i in range(0, 12, 4))


def normalize_join_code(text: str) -> str:
    """What a participant typed, in the form the codes are stored in."""
    raw = "".join(ch for ch in text.upper() if ch.isalnum())
    if len(raw) == 12:
        return "-".join(raw[i : i + 4] for i in range(0, 12, 4))
    return text.strip()


def scoring_round_create(
    *,
    actor: Any,
    plan: Plan,
    title: str,
    actions: Sequence[Action],
    criteria: Sequence[Criterion],
) -> ScoringRound:
    enforce(can_manage_plan)
    if not title.strip():
        raise ValidationError({"title": _("Give the round a title.")})
    if not actions:
        raise ValidationError({"actions": _("Choose at least one action.")})
    if len(actions) > MAX_ROUND_ACTIONS:
        raise ValidationError(
            {
                "actions": _(
                    "A round can hold at most %(max)d actions; narrow the filter or split "
                    "the workshop into several rounds."
                )
                % {"max": MAX_ROUND_ACTIONS}
            }
        )
    if not criteria:
        raise ValidationError({"criteria": _("Choose at least one criterion.")})
    if any(a.plan_id != plan.pk for a in actions) or any(c.plan_id != plan.pk for c in criteria):
        raise ValidationError(_("Only actions and criteria of the plan can be scored."))
    with transaction.atomic():
        scoring_round = ScoringRound(
            municipality_id=plan.municipality_id,
            plan=plan,
            title=title.strip(),
            join_code=new_short_join_code(),
            created_by=_user(actor),
        )
        scoring_round.full_clean(exclude=["municipality"], validate_constraints=False)
        scoring_round.save()
        scoring_round.actions.set(actions)
        scoring_round.criteria.set(criteria)
        audit_record(actor=actor, instance=scoring_round, action=AuditAction.CREATED)
    return scoring_round


def _ensure_open(scoring_round: ScoringRound) -> None:
    if scoring_round.state != ScoringRound.State.OPEN:
        raise ValidationError(_("This round is closed; scores can no longer be given or changed."))


def round_participant_join(
    *,
    scoring_round: ScoringRound,
    name: str,
    department: Department | None = None,
    user: Any = None,
) -> RoundParticipant:
    """Add someone to an open round; a member who joined before gets their earlier place back."""
    _ensure_open(scoring_round)
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Fill in your name, so that others recognise you.")})
    if len(name) > 120:
        raise ValidationError({"name": _("Keep your name under 120 characters.")})
    if department is not None and department.municipality_id != scoring_round.municipality_id:
        raise ValidationError({"department": _("Choose a department of this municipality.")})
    user = _user(user)
    with transaction.atomic():
        if user is not None:
            existing = RoundParticipant.objects.filter(
                scoring_round=scoring_round, user=user
            ).first()
            if existing is not None:
                existing.name, existing.department = name, department
                existing.save(update_fields=["name", "department", "updated_at"])
                return existing
        return RoundParticipant.objects.create(
            municipality_id=scoring_round.municipality_id,
            scoring_round=scoring_round,
            name=name,
            department=department,
            user=user,
        )


def round_scores_submit(
    *, participant: RoundParticipant, action: Action, scores: Mapping[int, int | None]
) -> None:
    """A participant's scores of one action per criterion id; None withdraws a score."""
    scoring_round = participant.scoring_round
    _ensure_open(scoring_round)
    if not scoring_round.actions.filter(pk=action.pk).exists():
        raise ValidationError(_("This action is not part of the round."))
    allowed = set(scoring_round.criteria.values_list("pk", flat=True))
    for criterion_id, score in scores.items():
        if criterion_id not in allowed:
            raise ValidationError(_("This criterion is not part of the round."))
        _check_score(score, f"c{criterion_id}")
    with transaction.atomic():
        locked = ScoringRound.objects.select_for_update().get(pk=scoring_round.pk)
        _ensure_open(locked)  # closed by the coordinator a moment ago
        withdrawn = [c for c, s in scores.items() if s is None]
        RoundScore.objects.filter(
            participant=participant, action=action, criterion_id__in=withdrawn
        ).delete()
        for criterion_id, score in scores.items():
            if score is not None:
                RoundScore.objects.update_or_create(
                    participant=participant,
                    action=action,
                    criterion_id=criterion_id,
                    defaults={"score": score},
                    create_defaults={
                        "score": score,
                        "municipality_id": participant.municipality_id,
                    },
                )


def scoring_round_close(*, actor: Any, scoring_round: ScoringRound) -> ScoringRound:
    enforce(can_manage_plan)
    with transaction.atomic():
        stored = ScoringRound.objects.select_for_update().get(pk=scoring_round.pk)
        if stored.state == ScoringRound.State.CLOSED:
            return stored
        before = snapshot(stored)
        stored.state = ScoringRound.State.CLOSED
        stored.closed_at = timezone.now()
        stored.save(update_fields=["state", "closed_at", "updated_at"])
        audit_record(actor=actor, instance=stored, action=AuditAction.UPDATED, before=before)
    scoring_round.state, scoring_round.closed_at = stored.state, stored.closed_at
    return stored


def _rounded_median(values: list[int]) -> int:
    median = Decimal(str(statistics.median(values)))
    return int(median.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def scoring_round_adopt(*, actor: Any, scoring_round: ScoringRound) -> int:
    """Make the participants' median per action and criterion the action's agreed score.

    Only for a closed round; a median halfway between two scores is rounded up. Criteria that
    nobody scored keep their earlier score. Returns the number of scores written.
    """
    enforce(can_manage_plan)
    if scoring_round.state != ScoringRound.State.CLOSED:
        raise ValidationError(_("Close the round before adopting its medians."))
    given: dict[tuple[int, int], list[int]] = defaultdict(list)
    for action_id, criterion_id, score in RoundScore.objects.filter(
        participant__scoring_round=scoring_round,
        action__in=scoring_round.actions.all(),
        criterion__in=scoring_round.criteria.all(),
    ).values_list("action_id", "criterion_id", "score"):
        given[(action_id, criterion_id)].append(score)
    note = _("Median of %(count)s participants in the round “%(round)s”.")
    written = 0
    with transaction.atomic():
        stored = {
            (s.action_id, s.criterion_id): s
            for s in ActionScore.objects.filter(
                action__in=scoring_round.actions.all(), criterion__in=scoring_round.criteria.all()
            )
        }
        for (action_id, criterion_id), values in sorted(given.items()):
            median = _rounded_median(values)
            text = note % {"count": len(values), "round": scoring_round.title}
            existing = stored.get((action_id, criterion_id))
            if existing is None:
                created = ActionScore.objects.create(
                    municipality_id=scoring_round.municipality_id,
                    action_id=action_id,
                    criterion_id=criterion_id,
                    score=median,
                    note=text[:300],
                    scored_by=_user(actor),
                )
                audit_record(actor=actor, instance=created, action=AuditAction.CREATED)
            else:
                before = snapshot(existing)
                existing.score, existing.note, existing.scored_by = median, text[:300], _user(actor)
                existing.save(update_fields=["score", "note", "scored_by", "updated_at"])
                audit_record(
                    actor=actor, instance=existing, action=AuditAction.UPDATED, before=before
                )
            written += 1
    return written
