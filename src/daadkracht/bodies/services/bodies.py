"""Governance bodies: adding and changing them (with their themes), and proposing the light
structure of a climate alliance in one go."""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from daadkracht.bodies.models import BodyKind, GovernanceBody
from daadkracht.bodies.policies import can_manage_bodies
from daadkracht.common.concurrency import save_if_version
from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import RelatedIds, Snapshot, audit_record, snapshot
from daadkracht.plans.models import Theme
from daadkracht.tenancy.policies import enforce

FIELDS = ["name", "kind", "mandate", "meets", "notes"]


def _themes_snapshot(body: GovernanceBody) -> Snapshot:
    themes = list(body.themes.order_by("position", "code", "name"))
    return Snapshot(
        {"themes": ", ".join(str(theme) for theme in themes)},
        {"themes": RelatedIds(Theme, tuple(str(theme.pk) for theme in themes))},
    )


def _check(values: dict[str, Any], themes: Iterable[Theme]) -> tuple[dict[str, Any], list[Theme]]:
    errors: dict[str, Any] = {}
    name = str(values.get("name", "")).strip()
    if not name:
        errors["name"] = _("Give the body a name.")
    if values.get("kind") not in BodyKind.values:
        errors["kind"] = _("Choose a type.")
    chosen = list(themes)
    known = set(Theme.objects.filter(pk__in=[t.pk for t in chosen]).values_list("pk", flat=True))
    if any(theme.pk not in known for theme in chosen):
        errors["themes"] = _("Choose themes of this municipality's plan.")
    elif values.get("kind") == BodyKind.WORKBENCH and not chosen:
        errors["themes"] = _("A climate workbench works on at least one theme: choose it.")
    if errors:
        raise ValidationError(errors)
    return {**values, "name": name}, chosen


def body_create(
    *,
    actor: Any,
    name: str,
    kind: str,
    mandate: str = "",
    meets: str = "",
    notes: str = "",
    themes: Iterable[Theme] = (),
) -> GovernanceBody:
    enforce(can_manage_bodies)
    values, chosen = _check(
        {"name": name, "kind": kind, "mandate": mandate, "meets": meets, "notes": notes}, themes
    )
    body = GovernanceBody(**values)
    with transaction.atomic():
        body.save()
        body.themes.set(chosen)
        audit_record(
            actor=actor,
            instance=body,
            action=AuditAction.CREATED,
            source=ChangeSource.FORM,
            after=snapshot(body).merged(_themes_snapshot(body)),
        )
    return body


def body_update(
    *,
    actor: Any,
    body: GovernanceBody,
    expected_version: int,
    name: str,
    kind: str,
    mandate: str,
    meets: str,
    notes: str,
    themes: Iterable[Theme],
) -> GovernanceBody:
    """Save the edit unless someone saved in between (ConcurrentEditError)."""
    enforce(can_manage_bodies)
    values, chosen = _check(
        {"name": name, "kind": kind, "mandate": mandate, "meets": meets, "notes": notes}, themes
    )
    with transaction.atomic():
        stored = GovernanceBody.objects.get(pk=body.pk)
        before = snapshot(stored).merged(_themes_snapshot(stored))
        for field, value in values.items():
            setattr(body, field, value)
        save_if_version(body, expected_version=expected_version, fields=FIELDS)
        body.themes.set(chosen)
        audit_record(
            actor=actor,
            instance=body,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
            after=snapshot(body).merged(_themes_snapshot(body)),
        )
    return body


def structure_propose(*, actor: Any, themes: Iterable[Theme] | None = None) -> list[GovernanceBody]:
    """The light structure of a climate alliance, to fill in: a policy group, a sounding board,
    a climate workbench per theme (of the plan's themes, or of `themes`) and an open network.
    Only while the municipality has no bodies yet; then nothing is made."""
    enforce(can_manage_bodies)
    if GovernanceBody.objects.exists():
        return []
    chosen = (
        list(themes)
        if themes is not None
        else list(Theme.objects.filter(parent__isnull=True).order_by("position", "code", "name"))
    )
    made = [
        body_create(
            actor=actor,
            name=_("Policy group"),
            kind=BodyKind.POLICY_GROUP,
            mandate=_(
                "Steers the climate plan with its partners: the responsible aldermen, the "
                "intermunicipal partnerships, the port, the grid operator and a delegate of the "
                "sounding board."
            ),
            meets=_("twice a year"),
        ),
        body_create(
            actor=actor,
            name=_("Sounding board"),
            kind=BodyKind.SOUNDING_BOARD,
            mandate=_(
                "Local experts from civil society, poverty organisations and business advise "
                "on the climate plan and delegate a member to the policy group."
            ),
            meets=_("four times a year"),
        ),
    ]
    for theme in chosen:
        made.append(
            body_create(
                actor=actor,
                name=_("Climate workbench %(theme)s") % {"theme": theme.name},
                kind=BodyKind.WORKBENCH,
                mandate=_("Works out and follows up the actions of this theme with its partners."),
                meets=_("when the work asks for it"),
                themes=[theme],
            )
        )
    made.append(
        body_create(
            actor=actor,
            name=_("Open Network"),
            kind=BodyKind.OPEN_NETWORK,
            mandate=_(
                "Everyone who wants to follow or help the climate plan: informed and invited."
            ),
            meets=_("once a year"),
        )
    )
    return made
