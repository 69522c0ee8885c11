"""Writes of support offers: a provider's offers, a municipality's requests for them, and the
provider's answer.

A coordinator asks for an offer in the municipality's name; the request carries a snapshot of
the municipality's context, and the provider's managers hear of it by mail. A manager of the
provider accepts or declines it from the provider's pages (the provider audience); the answer
is written in the asking municipality's scope, for that step only. Accepting may make one of
the provider's coaches a coach of the municipality and start its collaboration trajectory.
"""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from daadkracht.access.context import require, tenant_scope
from daadkracht.common.concurrency import save_if_version
from daadkracht.common.email import send_templated_email
from daadkracht.common.fields import allowlist, only_fields
from daadkracht.common.plain_text import plain_text
from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import audit_record, snapshot
from daadkracht.offers.models import (
    MESSAGE_LENGTH,
    Offer,
    OfferRequest,
    OfferStep,
    Provider,
    RequestStatus,
)
from daadkracht.offers.policies import can_request_offers, provider_may_answer
from daadkracht.plans.models import Action, Plan
from daadkracht.tenancy.models import Membership, Municipality
from daadkracht.tenancy.policies import enforce
from daadkracht.tenancy.roles import Role
from daadkracht.trajectory.models import Trajectory
from daadkracht.trajectory.services import trajectory_start

OFFER_FIELDS = allowlist(
    "title",
    "target_group",
    "theme",
    "kind",
    "introduction",
    "course_note",
    "responsibilities",
    "price",
    "price_note",
    "counts_for_lekp",
    "contact_name",
    "contact_phone",
    "contact_email",
)


class RequestAlreadyDecided(Exception):
    """The request was answered or withdrawn in the meantime."""


def _plain(field: str, text: str, *, required: bool, max_length: int = MESSAGE_LENGTH) -> str:
    needed = _("Write a short message.") if required else None
    return plain_text(field, text, max_length=max_length, required_message=needed)


# --- The provider's offers -----------------------------------------------------------------


def _require_manager(provider: Provider, actor: Any) -> None:
    if not provider_may_answer(provider.pk, actor):
        raise PermissionDenied


def parse_steps(text: str) -> list[tuple[str, list[str]]]:
    """Steps from a textarea: one step a line; a line that starts with a space, a tab or a
    hyphen is a sub-point of the step above it."""
    steps: list[tuple[str, list[str]]] = []
    for raw in (text or "").replace("\r\n", "\n").split("\n"):
        if not raw.strip():
            continue
        is_sub = raw[:1] in (" ", "\t") or raw.lstrip()[:1] in ("-", "•")
        line = raw.strip().lstrip("-•").strip()
        if not line:
            continue
        if is_sub and steps:
            steps[-1][1].append(line)
        else:
            steps.append((line, []))
    return steps


def steps_text(offer: Offer) -> str:
    """The offer's steps as the edit form's textarea shows them."""
    lines = []
    for step in offer.steps.all():
        lines.append(step.text)
        lines.extend(f"  - {point}" for point in step.sub_point_lines())
    return "\n".join(lines)


def _write_steps(offer: Offer, steps: list[tuple[str, list[str]]]) -> None:
    offer.steps.all().delete()
    OfferStep.objects.bulk_create(
        OfferStep(offer=offer, position=position, text=text, sub_points="\n".join(points))
        for position, (text, points) in enumerate(steps)
    )


def _clean_offer(offer: Offer, values: dict[str, Any]) -> None:
    for name, value in values.items():
        setattr(offer, name, value.strip() if isinstance(value, str) else value)
    offer.full_clean(exclude=["provider"])


def offer_create(*, actor: Any, provider: Provider, steps: str = "", **values: Any) -> Offer:
    """A new offer of the provider, published at once."""
    values = only_fields(values, OFFER_FIELDS, service="offer_create")
    _require_manager(provider, actor)
    offer = Offer(provider=provider)
    _clean_offer(offer, values)
    with transaction.atomic():
        offer.save()
        _write_steps(offer, parse_steps(steps))
    return offer


def offer_update(
    *, actor: Any, offer: Offer, expected_version: int, steps: str = "", **values: Any
) -> Offer:
    """Save the edit of an offer and its steps, unless someone else saved in between
    (ConcurrentEditError)."""
    values = only_fields(values, OFFER_FIELDS, service="offer_update")
    _require_manager(offer.provider, actor)
    _clean_offer(offer, values)
    with transaction.atomic():
        offer.updated_at = timezone.now()
        save_if_version(offer, expected_version=expected_version, fields=[*values, "updated_at"])
        _write_steps(offer, parse_steps(steps))
    return offer


def offer_set_published(*, actor: Any, offer: Offer, published: bool) -> Offer:
    """Show the offer on the public list again, or hide it (requests already sent stay)."""
    _require_manager(offer.provider, actor)
    Offer.objects.filter(pk=offer.pk).update(published=published, updated_at=timezone.now())
    offer.published = published
    return offer


# --- A municipality's requests -------------------------------------------------------------


def municipality_context(municipality: Municipality, requester: Any) -> dict[str, Any]:
    """What the provider learns of the municipality with a request, as it is now."""
    plan = Plan.objects.order_by("pk").first()
    return {
        "municipality": municipality.name,
        "population": municipality.population,
        "province": municipality.get_province_display() if municipality.province else "",
        "plan": plan.name if plan is not None else "",
        "actions": Action.objects.count(),
        "trajectory": Trajectory.objects.exists(),
        "coordinator": getattr(requester, "full_name", "") or str(requester),
        "coordinator_email": getattr(requester, "email", ""),
    }


def open_request_for(offer: Offer) -> OfferRequest | None:
    """The municipality's request for the offer that waits for an answer, if any."""
    return OfferRequest.objects.filter(offer=offer, status=RequestStatus.REQUESTED).first()


def _already_asked() -> ValidationError:
    return ValidationError(
        _(
            "Your municipality already asked for this offer and waits for an answer. You can "
            "withdraw that request in the list of requests."
        )
    )


def offer_request_create(*, actor: Any, offer: Offer, message: str) -> OfferRequest:
    """Ask the offer's provider for it in the active municipality's name; its managers hear of
    it by mail, with the municipality's context."""
    enforce(can_request_offers)
    municipality = require().municipality
    assert municipality is not None
    if not offer.published:
        raise ValidationError(_("This offer is no longer offered."))
    clean_message = _plain("message", message, required=False)
    if open_request_for(offer) is not None:
        raise _already_asked()
    offer_request = OfferRequest(
        offer=offer,
        provider_id=offer.provider_id,
        requested_by=actor,
        message=clean_message,
        context=municipality_context(municipality, actor),
    )
    try:
        with transaction.atomic():
            offer_request.save()
            audit_record(
                actor=actor,
                instance=offer_request,
                action=AuditAction.CREATED,
                source=ChangeSource.FORM,
            )
    except IntegrityError:  # asked at the same moment by a colleague
        raise _already_asked() from None
    _announce(offer_request, municipality)
    return offer_request


def _announce(offer_request: OfferRequest, municipality: Municipality) -> None:
    provider = offer_request.offer.provider
    path = reverse("provider:request", kwargs={"provider": provider.slug, "pk": offer_request.pk})
    for manager in provider.managers.filter(is_active=True).order_by("pk"):
        send_templated_email(
            template="offers/email/request_new",
            context={
                "offer_request": offer_request,
                "offer": offer_request.offer,
                "provider": provider,
                "municipality": municipality,
                "manager": manager,
                "path": path,
            },
            to=[manager.email],
            language=manager.language or None,
        )


def _locked_open(offer_request: OfferRequest) -> OfferRequest:
    locked = (
        OfferRequest.objects.select_for_update(of=("self",))
        .select_related("offer", "provider", "requested_by")
        .get(pk=offer_request.pk)
    )
    if locked.status != RequestStatus.REQUESTED:
        raise RequestAlreadyDecided()
    return locked


def offer_request_withdraw(*, actor: Any, offer_request: OfferRequest) -> OfferRequest:
    """Withdraw a request that waits for an answer."""
    enforce(can_request_offers)
    with transaction.atomic():
        locked = _locked_open(offer_request)
        before = snapshot(locked)
        locked.status = RequestStatus.WITHDRAWN
        locked.save(update_fields=["status", "updated_at"])
        audit_record(
            actor=actor,
            instance=locked,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )
    return locked


# --- The provider's answer -----------------------------------------------------------------


@dataclass(frozen=True)
class Answered:
    """What an answer did: the request, and for an acceptance what it set up."""

    request: OfferRequest
    coach_added: bool = False
    trajectory_started: bool = False
    trajectory_existed: bool = False


def _decide(
    *,
    actor: Any,
    offer_request: OfferRequest,
    status: RequestStatus,
    answer: str,
    coach: Any = None,
    start_trajectory: bool = False,
) -> Answered:
    provider = offer_request.provider
    _require_manager(provider, actor)
    if coach is not None and not provider.coaches.filter(pk=coach.pk).exists():
        raise ValidationError({"coach": _("Choose one of your organisation's coaches.")})
    if start_trajectory and coach is None:
        raise ValidationError({"coach": _("Choose the coach who guides the trajectory.")})
    municipality = Municipality.objects.get(pk=offer_request.municipality_id)
    # The provider writes in the asking municipality, for this step only.
    with tenant_scope(municipality, actor=actor), transaction.atomic():
        locked = _locked_open(offer_request)
        before = snapshot(locked)
        locked.status = status
        locked.answer = answer
        locked.decided_by = actor
        locked.decided_at = timezone.now()
        locked.coach = coach
        coach_added = existed = started = False
        if start_trajectory and coach is not None:
            coach_added = _make_coach(actor, coach)
            existed = Trajectory.objects.exists()
            if not existed:
                trajectory_start(
                    actor=actor, municipality=municipality, started_on=timezone.localdate()
                )
                started = True
        locked.trajectory_started = started
        locked.save()
        audit_record(
            actor=actor,
            instance=locked,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )
        _tell_requester(locked, municipality)
    return Answered(locked, coach_added, started, existed)


def _make_coach(actor: Any, coach: Any) -> bool:
    """Make `coach` a coach of the active municipality unless they are a member already."""
    if Membership.objects.filter(user=coach).exists():
        return False
    membership = Membership.objects.create(user=coach, role=Role.COACH)
    audit_record(
        actor=actor, instance=membership, action=AuditAction.CREATED, source=ChangeSource.FORM
    )
    return True


def offer_request_accept(
    *,
    actor: Any,
    offer_request: OfferRequest,
    answer: str,
    coach: Any = None,
    start_trajectory: bool = False,
) -> Answered:
    """Accept the request; with `start_trajectory`, `coach` (one of the provider's coaches)
    becomes a coach of the municipality and its trajectory starts, unless it runs already."""
    return _decide(
        actor=actor,
        offer_request=offer_request,
        status=RequestStatus.ACCEPTED,
        answer=_plain("answer", answer, required=False),
        coach=coach,
        start_trajectory=start_trajectory,
    )


def offer_request_decline(*, actor: Any, offer_request: OfferRequest, answer: str) -> Answered:
    """Decline the request with a message the requester reads."""
    return _decide(
        actor=actor,
        offer_request=offer_request,
        status=RequestStatus.DECLINED,
        answer=_plain("answer", answer, required=True),
    )


def _tell_requester(offer_request: OfferRequest, municipality: Municipality) -> None:
    requester = offer_request.requested_by
    if requester is None or not requester.is_active or not requester.email:
        return
    slug = municipality.slug
    trajectory_path = (
        reverse("trajectory:overview", kwargs={"municipality": slug})
        if offer_request.trajectory_started
        else ""
    )
    send_templated_email(
        template="offers/email/request_decided",
        context={
            "offer_request": offer_request,
            "offer": offer_request.offer,
            "provider": offer_request.provider,
            "municipality": municipality,
            "requester": requester,
            "path": reverse("offer_requests:list", kwargs={"municipality": slug}),
            "trajectory_path": trajectory_path,
        },
        to=[requester.email],
        language=requester.language or None,
    )
