"""Writes of workshop rounds: opening, joining, scoring, closing and adopting the medians."""

import secrets
import statistics
from collections import defaultdict
from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import audit_record, snapshot
from daadkracht.plans.models import Action, Plan
from daadkracht.prioritisation.models import (
    ActionScore,
    Criterion,
    RoundParticipant,
    RoundScore,
    ScoringRound,
)
from daadkracht.prioritisation.policies import can_manage_prioritisation
from daadkracht.prioritisation.services.common import check_score, scorer
from daadkracht.tenancy.models import Department
from daadkracht.tenancy.policies import enforce

MAX_ROUND_ACTIONS = 100

# Letters and digits that cannot be mistaken for one another on a projector.
JOIN_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


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
    enforce(can_manage_prioritisation)
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
            created_by=scorer(actor),
        )
        scoring_round.full_clean(exclude=["municipality"], validate_constraints=False)
        scoring_round.save()
        scoring_round.actions.set(actions)
        scoring_round.criteria.set(criteria)
        audit_record(
            actor=actor,
            instance=scoring_round,
            action=AuditAction.CREATED,
            source=ChangeSource.FORM,
        )
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
    user = scorer(user)
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
        check_score(score, f"c{criterion_id}")
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
    enforce(can_manage_prioritisation)
    with transaction.atomic():
        stored = ScoringRound.objects.select_for_update().get(pk=scoring_round.pk)
        if stored.state == ScoringRound.State.CLOSED:
            return stored
        before = snapshot(stored)
        stored.state = ScoringRound.State.CLOSED
        stored.closed_at = timezone.now()
        stored.save(update_fields=["state", "closed_at", "updated_at"])
        audit_record(
            actor=actor,
            instance=stored,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )
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
    enforce(can_manage_prioritisation)
    if scoring_round.state != ScoringRound.State.CLOSED:
        raise ValidationError(_("Close the round before adopting its medians."))
    given: dict[tuple[int, int], list[int]] = defaultdict(list)
    for action_id, criterion_id, score in RoundScore.objects.filter(
        participant__scoring_round=scoring_round,
        action__in=scoring_round.actions.all(),
        criterion__in=scoring_round.criteria.all(),
    ).values_list("action_id", "criterion_id", "score"):
        given[(action_id, criterion_id)].append(score)
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
            text = ngettext(
                "Score of %(count)s participant in the round “%(round)s”.",
                "Median of %(count)s participants in the round “%(round)s”.",
                len(values),
            ) % {"count": len(values), "round": scoring_round.title}
            existing = stored.get((action_id, criterion_id))
            if existing is None:
                created = ActionScore.objects.create(
                    municipality_id=scoring_round.municipality_id,
                    action_id=action_id,
                    criterion_id=criterion_id,
                    score=median,
                    note=text[:300],
                    scored_by=scorer(actor),
                )
                audit_record(
                    actor=actor,
                    instance=created,
                    action=AuditAction.CREATED,
                    source=ChangeSource.FORM,
                )
            else:
                before = snapshot(existing)
                existing.score, existing.note = median, text[:300]
                existing.scored_by = scorer(actor)
                existing.save(update_fields=["score", "note", "scored_by", "updated_at"])
                audit_record(
                    actor=actor,
                    instance=existing,
                    action=AuditAction.UPDATED,
                    source=ChangeSource.FORM,
                    before=before,
                )
            written += 1
    return written
