"""Reading partners: those of one action, the actions of one organisation, and the export's."""

from typing import Any

from django.db.models import QuerySet

from daadkracht.partners.models import ActionPartner, PartnerRole
from daadkracht.plans.models import Action
from daadkracht.stakeholders.models import Organisation
from daadkracht.tenancy.trash import live_only

ROLE_ORDER = {role: position for position, role in enumerate(PartnerRole.values)}


def _by_role(links: list[ActionPartner], *, key: Any) -> list[ActionPartner]:
    return sorted(links, key=lambda link: (ROLE_ORDER.get(link.role, 99), key(link)))


def action_partners(action: Action) -> list[ActionPartner]:
    """The action's partners, lead partner first, in one query."""
    links = list(ActionPartner.objects.filter(action=action).select_related("organisation"))
    return _by_role(links, key=lambda link: (link.organisation.name.lower(), link.pk))


def organisation_actions(organisation: Organisation) -> list[ActionPartner]:
    """The live actions the organisation partners in, with its role, in one query."""
    links = list(
        ActionPartner.objects.filter(live_only("action"), organisation=organisation)
        .select_related("action__status")
        .order_by("action__identifier", "action__title", "pk")
    )
    return links


def partner_names_by_action(action_ids: QuerySet[Any]) -> dict[int, list[tuple[str, Any]]]:
    """{action id: [(organisation name, role label)]} for the export, by name, in one query;
    the labels are lazy, so that the export writes them in its own language."""
    labels = dict(PartnerRole.choices)
    result: dict[int, list[tuple[str, Any]]] = {}
    links = ActionPartner.objects.filter(action_id__in=action_ids).select_related("organisation")
    ordered = sorted(
        links,
        key=lambda link: (link.organisation.name.lower(), ROLE_ORDER.get(link.role, 99), link.pk),
    )
    for link in ordered:
        result.setdefault(link.action_id, []).append((link.organisation.name, labels[link.role]))
    return result
