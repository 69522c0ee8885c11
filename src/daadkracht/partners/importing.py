"""The "Partners" column of the action import: organisations of the network by name, each with
its role.

A cell lists organisations separated by semicolons (or on lines of their own), each optionally
followed by its role in brackets in Dutch, French or English: "Fluvius (trekker); IVBO
(co-financier)". A comma belongs to the name ("Stad Brugge, dienst Milieu" is one organisation).
Without a role a partner is a supporter, the role that claims least. A name is matched the way
the network import matches names (`stakeholders.spreadsheets.names`): the same normal form is
that organisation; a similar name, or none, is a question for the user — use the existing
organisation, create a new one (of a type the user chooses) or leave the partner out. Nothing
is created without that answer.

The list replaces the action's partners: links still listed stay as they are (with their note),
the others are removed, the new ones added. An empty cell removes them all; a file without the
column leaves them alone.
"""

import re
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import audit_draft, audit_save, diff, snapshot
from daadkracht.partners.models import ActionPartner, PartnerRole
from daadkracht.plans.spreadsheets.cells import CellError, choice_labels, split_list
from daadkracht.plans.spreadsheets.extras import ExtraOutcome, ExtraQuestion
from daadkracht.stakeholders.models import Organisation, OrganisationKind
from daadkracht.stakeholders.services.organisations import organisation_create
from daadkracht.stakeholders.spreadsheets.names import NameIndex, name_key, plain

DEFAULT_ROLE = PartnerRole.SUPPORTER
QUESTION_PREFIX = "partner:"
USE = "use:"
CREATE = "create"
LEAVE = "leave"
SIMILAR_SHOWN = 5
BATCH_SIZE = 500
NAME_MAX_LENGTH = 200

WITH_ROLE = re.compile(r"^(?P<name>.*?)\s*\((?P<role>[^()]*)\)\s*$")

# The words lists use for the roles, beside the labels in every interface language.
ROLE_WORDS: dict[str, tuple[str, ...]] = {
    PartnerRole.LEAD_PARTNER: (
        "trekker",
        "trekkende partner",
        "lead",
        "lead partner",
        "chef de file",
        "partenaire principal",
        "pilote",
    ),
    PartnerRole.CO_FINANCER: (
        "co-financier",
        "cofinancier",
        "medefinancier",
        "co-financer",
        "cofinancer",
        "co-funder",
        "cofinanceur",
        "co-financeur",
    ),
    PartnerRole.EXECUTOR: ("uitvoerder", "executor", "exécutant", "executant", "exécuteur"),
    PartnerRole.SUPPORTER: ("supporter", "ondersteuner", "steun", "soutien", "support"),
}


def role_lookup() -> dict[str, str]:
    """Every accepted role word, without case, accents or punctuation → the role's code."""
    from django.conf import settings
    from django.utils import translation

    lookup: dict[str, str] = {}
    for role, words in ROLE_WORDS.items():
        for word in words:
            lookup.setdefault(plain(word), role)
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            for role, label in PartnerRole.choices:
                lookup.setdefault(plain(str(label)), role)
    for role in PartnerRole.values:
        lookup.setdefault(plain(role), role)
    return lookup


@dataclass
class Placeholder:
    """An organisation the user chose to create: made when the import is written."""

    pk: int
    name: str
    kind: str


@dataclass
class PartnersPlan:
    """What `partners_apply` writes: per row the links it should end with, (organisation id or
    placeholder id, role), for the rows whose partners change."""

    rows: dict[int, tuple[tuple[int, str], ...]] = field(default_factory=dict)
    to_create: list[Placeholder] = field(default_factory=list)


def _question(key: str, name: str, similar: list[Organisation]) -> ExtraQuestion:
    kinds = [("", "—"), *((str(v), str(label)) for v, label in OrganisationKind.choices)]
    choices = [
        (f"{USE}{organisation.pk}", _("Use the existing “%(name)s”") % {"name": organisation.name})
        for organisation in similar
    ]
    choices += [
        (CREATE, _("Create a new organisation “%(name)s”") % {"name": name}),
        (LEAVE, _("Leave this partner out")),
    ]
    help_text = (
        _("The network has an organisation with a similar name.")
        if similar
        else _("The network has no organisation by this name.")
    )
    if "," in name:
        help_text += " " + _(
            "If these are several organisations, separate them with semicolons in the file."
        )
    return ExtraQuestion(
        key=QUESTION_PREFIX + key,
        heading=_("Partner “%(name)s”") % {"name": name},
        name=name,
        choices=choices,
        initial=choices[0][0] if similar else "",
        help=help_text,
        detail_for=CREATE,
        detail_label=_("Type of the new organisation"),
        detail_choices=kinds,
    )


def _resolve(
    question: ExtraQuestion,
    answer: list[str],
    by_id: dict[int, Organisation],
    placeholders: dict[str, Placeholder],
) -> int | bool | None:
    """The organisation id (or placeholder id) an answer stands for, None to leave the partner
    out, or False when the answer is not a valid one."""
    choice = str(answer[0]) if answer else ""
    if choice == LEAVE:
        return None
    if choice.startswith(USE) and choice[len(USE) :].isdecimal():
        organisation = by_id.get(int(choice[len(USE) :]))
        return organisation.pk if organisation is not None else False
    kind = choice[len(CREATE) + 1 :] if choice.startswith(CREATE + ":") else ""
    if kind in OrganisationKind.values:
        placeholder = placeholders.setdefault(
            question.key, Placeholder(-(len(placeholders) + 1), question.name, kind)
        )
        return placeholder.pk
    return False


def _links_text(links: Any, names: dict[int, str]) -> str:
    labels = choice_labels(PartnerRole)
    return "; ".join(sorted(f"{names.get(pk, '?')} ({labels[role]})" for pk, role in links))


def partners_check(
    cells: list[tuple[int, str]], resolutions: dict[str, list[str]], existing: dict[int, int]
) -> ExtraOutcome:
    """Read the column's cells and work out the links each row ends with; writes nothing.
    Two queries: the municipality's organisations and the partners of the updated actions."""
    organisations = list(Organisation.objects.order_by("pk").only("pk", "name", "kind"))
    by_id = {organisation.pk: organisation for organisation in organisations}
    by_key: dict[str, Organisation] = {}
    index = NameIndex()
    for organisation in organisations:
        key = name_key(organisation.name)
        if key and key not in by_key:
            by_key[key] = organisation
            index.add(key)
    roles = role_lookup()
    outcome = ExtraOutcome()
    parsed: dict[int, list[tuple[str, str, str]]] = {}
    questions: dict[str, ExtraQuestion] = {}
    for number, text in cells:
        parts: list[tuple[str, str, str]] = []
        for part in split_list(text):
            name, role = part, str(DEFAULT_ROLE)
            match = WITH_ROLE.match(part)
            if match and plain(match["role"]) not in roles and name_key(part) in by_key:
                match = None  # brackets that belong to the name: "Agentschap (VEKA)"
            if match:
                name = match["name"].strip(" ,")
                found = roles.get(plain(match["role"]))
                if found is None:
                    outcome.errors.append((number, _unknown_role(match["role"])))
                    break
                role = found
            key = name_key(name)
            if not key:
                outcome.errors.append(
                    (
                        number,
                        CellError(_("Row %(row)s: a partner “%(value)s” has no name."), value=part),
                    )
                )
                break
            if len(name) > NAME_MAX_LENGTH:
                outcome.errors.append(
                    (
                        number,
                        CellError(
                            _("Row %(row)s: the partner name “%(value)s…” is too long."),
                            value=name[:40],
                        ),
                    )
                )
                break
            parts.append((key, name, role))
            if key not in by_key:
                if key not in questions:
                    similar = [by_key[k] for k in index.similar_to(key)[:SIMILAR_SHOWN]]
                    questions[key] = _question(key, name, similar)
                if number not in questions[key].rows:
                    questions[key].rows.append(number)
        parsed[number] = parts
    outcome.questions = list(questions.values())
    wrong = {number for number, _error in outcome.errors}

    # The answers: an organisation, a placeholder to create, or left out.
    placeholders: dict[str, Placeholder] = {}
    chosen: dict[str, int | None] = {}
    for key, question in sorted(questions.items()):
        if question.key not in resolutions:
            continue
        resolved = _resolve(question, resolutions[question.key], by_id, placeholders)
        if resolved is not False:
            chosen[key] = resolved
            outcome.answered.add(question.key)
    names = {organisation.pk: organisation.name for organisation in organisations}
    names.update({p.pk: p.name for p in placeholders.values()})

    current: dict[int, set[tuple[int, str]]] = {}
    for action_id, organisation_id, role in ActionPartner.objects.filter(
        action_id__in=[existing[n] for n in parsed if n in existing]
    ).values_list("action_id", "organisation_id", "role"):
        current.setdefault(action_id, set()).add((organisation_id, role))
        names.setdefault(
            organisation_id, by_id[organisation_id].name if organisation_id in by_id else "?"
        )

    plan = PartnersPlan()
    added = removed = 0
    for number, parts in parsed.items():
        if number in wrong:
            continue
        links: set[tuple[int, str]] = set()
        for key, _name, role in parts:
            target = by_key[key].pk if key in by_key else chosen.get(key)
            if target is not None:
                links.add((target, role))
        before = current.get(existing[number], set()) if number in existing else set()
        if links == before:
            continue
        plan.rows[number] = tuple(sorted(links))
        added += len(links - before)
        removed += len(before - links)
        if number in existing:
            outcome.changes[number] = (
                _links_text(before, names) or "—",
                _change_text(links, before, names),
            )
    plan.to_create = sorted(placeholders.values(), key=lambda p: -p.pk)
    outcome.state = plan
    outcome.fingerprint = (
        sorted(plan.rows.items()),
        [(p.pk, p.name, p.kind) for p in plan.to_create],
    )
    outcome.notes = _notes(plan, added, removed, chosen, questions)
    return outcome


def _unknown_role(word: str) -> CellError:
    labels = choice_labels(PartnerRole)
    known = ", ".join(str(labels[role]) for role in PartnerRole.values)
    return CellError(
        _(
            "Row %(row)s: “%(value)s” is not a partner role; write one of these in brackets"
            " after the name: %(known)s."
        ),
        value=word.strip(),
        known=known,
    )


def _change_text(
    links: set[tuple[int, str]], before: set[tuple[int, str]], names: dict[int, str]
) -> str:
    parts = [_links_text(links, names) or "—"]
    if links - before:
        parts.append(_("added: %(partners)s") % {"partners": _links_text(links - before, names)})
    if before - links:
        parts.append(_("removed: %(partners)s") % {"partners": _links_text(before - links, names)})
    return " — ".join(parts)


def _notes(
    plan: PartnersPlan,
    added: int,
    removed: int,
    chosen: dict[str, int | None],
    questions: dict[str, ExtraQuestion],
) -> list[str]:
    notes = [
        _(
            "Partners: %(added)s added and %(removed)s removed, on %(actions)s actions. A partner"
            " without a role in brackets is added as supporter."
        )
        % {"added": added, "removed": removed, "actions": len(plan.rows)}
    ]
    kinds = dict(OrganisationKind.choices)
    for placeholder in plan.to_create:
        notes.append(
            _("The import also creates the organisation “%(name)s” (%(kind)s).")
            % {"name": placeholder.name, "kind": kinds[placeholder.kind]}
        )
    left = sorted(questions[key].name for key, target in chosen.items() if target is None)
    if left:
        notes.append(_("Left out, as you chose: %(names)s.") % {"names": ", ".join(left)})
    return notes


def partners_apply(actor: Any, outcome: ExtraOutcome, written: dict[int, Any]) -> None:
    """Create the organisations the user chose to create, then make each changed row's
    partners what the file lists: the links still listed stay, the others go, new ones come."""
    plan: PartnersPlan = outcome.state
    real: dict[int, int] = {}
    for placeholder in plan.to_create:
        made = organisation_create(
            actor=actor, name=placeholder.name, kind=placeholder.kind, source=ChangeSource.IMPORT
        )
        real[placeholder.pk] = made.pk
    wanted: dict[int, set[tuple[int, str]]] = {}
    actions: dict[int, Any] = {}
    for number, links in plan.rows.items():
        action = written.get(number)
        if action is None:
            continue
        actions[action.pk] = action
        wanted[action.pk] = {(real.get(pk, pk), role) for pk, role in links}
    if not wanted:
        return
    drafts = []
    gone = []
    have: dict[int, set[tuple[int, str]]] = {}
    for link in ActionPartner.objects.filter(action_id__in=list(wanted)).select_related(
        "organisation", "action"
    ):
        pair = (link.organisation_id, link.role)
        have.setdefault(link.action_id, set()).add(pair)
        if pair not in wanted[link.action_id]:
            gone.append(link.pk)
            drafts.append(
                audit_draft(
                    actor=actor,
                    instance=link,
                    action=AuditAction.REMOVED,
                    source=ChangeSource.IMPORT,
                    changes=diff(snapshot(link), {}),
                    before=snapshot(link),
                )
            )
    ActionPartner.objects.filter(pk__in=gone).delete()
    # The history names the organisation and the action: give the links both, read at once.
    organisations = Organisation.objects.in_bulk(
        {organisation_id for pairs in wanted.values() for organisation_id, _role in pairs}
    )
    new_links = [
        ActionPartner(
            municipality_id=actions[action_id].municipality_id,
            action=actions[action_id],
            organisation=organisations[organisation_id],
            role=role,
        )
        for action_id, pairs in wanted.items()
        for organisation_id, role in sorted(pairs - have.get(action_id, set()))
    ]
    ActionPartner.objects.bulk_create(new_links, batch_size=BATCH_SIZE)
    drafts += [
        audit_draft(
            actor=actor,
            instance=link,
            action=AuditAction.CREATED,
            source=ChangeSource.IMPORT,
            changes=diff({}, snapshot(link)),
            after=snapshot(link),
        )
        for link in new_links
    ]
    audit_save(drafts=drafts, batch_size=BATCH_SIZE)
