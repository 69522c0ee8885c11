"""Sharing a practice: writing it, submitting it, the editors' decision, updating and
withdrawing it. The author hears of every decision by e-mail; the editors of every submission.

Editors are no members of the municipality whose practice they decide on: a decision is written
in that municipality's scope, for that one step, after the editorial door let them in.
"""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from daadkracht.access.context import Audience, require, tenant_scope
from daadkracht.common.concurrency import save_if_version
from daadkracht.common.email import send_templated_email
from daadkracht.common.plain_text import plain_line, plain_text
from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import audit_record, snapshot
from daadkracht.plans.models import Action
from daadkracht.practices.models import (
    Practice,
    PracticeAction,
    PracticeEvent,
    PracticeEventKind,
    PracticeFile,
    PracticeStatus,
    PracticeTheme,
    PracticeThemeTag,
)
from daadkracht.practices.policies import can_edit_practice, can_share_practice
from daadkracht.practices.search.index import practice_reindex
from daadkracht.practices.selectors import adoption_counts
from daadkracht.practices.services.files import discard_stored
from daadkracht.practices.services.rules import (
    SECTIONS,
    PracticeStateChanged,
    check_complete,
    check_editable,
)
from daadkracht.tenancy.models import Membership
from daadkracht.tenancy.policies import enforce

TEXT_FIELDS = ("summary", *SECTIONS)
LINE_FIELDS = {
    "title": 200,
    "street_address": 200,
    "postcode": 10,
    "place": 100,
    "subsidy_sources": 300,
    "other_results": 300,
    "contact_name": 150,
    "contact_phone": 40,
}
OTHER_FIELDS = (
    "total_cost",
    "own_share",
    "subsidies",
    "trees_planted",
    "hedges_metres",
    "unsealed_m2",
    "water_buffered_m3",
    "co2_avoided_tonnes",
    "lekp_werf",
    "contact_email",
    "started_year",
    "finished_year",
)
CONTENT_FIELDS = [*TEXT_FIELDS, *LINE_FIELDS, *OTHER_FIELDS]
MESSAGE_LIMIT = 4000


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    unknown = set(values) - set(CONTENT_FIELDS)
    if unknown:
        raise TypeError(f"practice services take no {sorted(unknown)}")
    clean = dict(values)
    for name in TEXT_FIELDS:
        if name in clean:
            limit = 2000 if name == "summary" else 10000
            clean[name] = plain_text(name, clean[name], max_length=limit)
    for name, limit in LINE_FIELDS.items():
        if name in clean:
            needed = _("Give the practice a title.") if name == "title" else None
            clean[name] = plain_line(name, clean[name], max_length=limit, required_message=needed)
    return clean


def _validate(practice: Practice) -> None:
    practice.full_clean(exclude=["municipality", "author", "revision_of"])
    if practice.finished_year is not None and practice.finished_year < practice.started_year:
        raise ValidationError({"finished_year": _("The practice cannot end before it started.")})


def _set_related(practice: Practice, *, themes: Iterable[str], actions: Iterable[Action]) -> None:
    wanted = set(themes)
    if wanted - set(PracticeTheme.values):
        raise ValidationError({"themes": _("Choose themes of the practice database.")})
    PracticeThemeTag.objects.filter(practice=practice).exclude(theme__in=wanted).delete()
    have = set(PracticeThemeTag.objects.filter(practice=practice).values_list("theme", flat=True))
    PracticeThemeTag.objects.bulk_create(
        [PracticeThemeTag(practice=practice, theme=theme) for theme in sorted(wanted - have)]
    )
    action_ids = {action.pk for action in actions}
    # Only actions of the own plan: the scoped manager reads no other municipality's.
    own = set(Action.objects.filter(pk__in=action_ids).values_list("pk", flat=True))
    if own != action_ids:
        raise ValidationError({"actions": _("Choose actions of your own plan.")})
    PracticeAction.objects.filter(practice=practice).exclude(action_id__in=own).delete()
    linked = set(
        PracticeAction.objects.filter(practice=practice).values_list("action_id", flat=True)
    )
    PracticeAction.objects.bulk_create(
        [PracticeAction(practice=practice, action_id=pk) for pk in sorted(own - linked)]
    )


def _event(practice: Practice, kind: str, actor: Any, message: str = "") -> PracticeEvent:
    return PracticeEvent.objects.create(
        practice=practice,
        kind=kind,
        actor=actor if getattr(actor, "pk", None) else None,
        message=message,
    )


def practice_create(
    *,
    actor: Any,
    themes: Iterable[str] = (),
    actions: Iterable[Action] = (),
    **values: Any,
) -> Practice:
    """A new practice of the active municipality, as a draft only its members see."""
    enforce(can_share_practice)
    practice = Practice(**_clean(values), author=actor)
    _validate(practice)
    with transaction.atomic():
        practice.save()
        _set_related(practice, themes=themes, actions=actions)
        audit_record(
            actor=actor, instance=practice, action=AuditAction.CREATED, source=ChangeSource.FORM
        )
    return practice


def practice_update(
    *,
    actor: Any,
    practice: Practice,
    expected_version: int,
    themes: Iterable[str],
    actions: Iterable[Action],
    **values: Any,
) -> Practice:
    """Save the edit of a practice that is still the municipality's own (see `check_editable`);
    refused when someone saved in between (ConcurrentEditError)."""
    enforce(can_edit_practice, practice)
    check_editable(practice)
    clean = _clean(values)
    with transaction.atomic():
        before = snapshot(Practice.objects.get(pk=practice.pk))
        for name, value in clean.items():
            setattr(practice, name, value)
        _validate(practice)
        save_if_version(practice, expected_version=expected_version, fields=list(clean))
        _set_related(practice, themes=themes, actions=actions)
        audit_record(
            actor=actor,
            instance=practice,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )
    return practice


def _locked(practice: Practice, *, expected: Iterable[str]) -> Practice:
    locked = Practice.objects.select_for_update(of=("self",)).filter(pk=practice.pk).first()
    if locked is None or locked.status not in set(expected):
        raise PracticeStateChanged()
    return locked


def _page_for_author(practice: Practice) -> str:
    slug = require().municipality.slug  # type: ignore[union-attr]
    return reverse("our_practices:detail", kwargs={"municipality": slug, "pk": practice.pk})


def _tell_author(practice: Practice, kind: str, message: str = "", *, author: Any = None) -> None:
    author = author or practice.author
    if author is None or not author.is_active:
        return
    if not Membership.objects.filter(user=author).exists():
        return  # no longer a member: the practice's page is closed to them
    send_templated_email(
        template="practices/email/step",
        context={
            "practice": practice,
            "kind": kind,
            "message": message,
            "path": _page_for_author(practice),
            "public_path": reverse("practices:public_detail", kwargs={"pk": practice.pk}),
        },
        to=[author.email],
        language=author.language or None,
    )


def _tell_editors(practice: Practice) -> None:
    from daadkracht.accounts.models import User

    path = reverse("practices:review", kwargs={"pk": practice.pk})
    for editor in User.objects.filter(is_platform_editor=True, is_active=True).order_by("pk"):
        send_templated_email(
            template="practices/email/to_moderate",
            context={"practice": practice, "path": path, "municipality": require().municipality},
            to=[editor.email],
            language=editor.language or None,
        )


def practice_submit(*, actor: Any, practice: Practice) -> Practice:
    """Hand the practice to the editors, once it is complete; they and the author are mailed."""
    enforce(can_edit_practice, practice)
    check_editable(practice)
    with transaction.atomic():
        locked = _locked(practice, expected=[practice.status])
        check_complete(locked, PracticeThemeTag.objects.filter(practice=locked).count())
        locked.status = PracticeStatus.SUBMITTED
        locked.submitted_at = timezone.now()
        save_if_version(locked, expected_version=locked.version, fields=["status", "submitted_at"])
        _event(locked, PracticeEventKind.SUBMITTED, actor)
        _tell_author(locked, PracticeEventKind.SUBMITTED)
        _tell_editors(locked)
    return locked


def _as_editor() -> Any:
    context = require()
    actor = context.actor
    if context.audience != Audience.EDITORIAL or not getattr(actor, "is_platform_editor", False):
        raise PermissionDenied
    return actor


def _message(message: str, *, required: bool) -> str:
    needed = _("Tell the author what to change, or why.") if required else None
    return plain_text("message", message, max_length=MESSAGE_LIMIT, required_message=needed)


def _decide(practice: Practice, kind: str, message: str) -> Practice:
    """An editor's decision that returns the practice to its municipality."""
    actor = _as_editor()
    with tenant_scope(practice.municipality, actor=actor), transaction.atomic():
        locked = _locked(practice, expected=[PracticeStatus.SUBMITTED])
        locked.status = (
            PracticeStatus.CHANGES_REQUESTED
            if kind == PracticeEventKind.CHANGES_REQUESTED
            else PracticeStatus.REJECTED
        )
        save_if_version(locked, expected_version=locked.version, fields=["status"])
        _event(locked, kind, actor, message)
        _tell_author(locked, kind, message)
    return locked


def practice_request_changes(*, actor: Any, practice: Practice, message: str) -> Practice:
    """Return the practice to its author with what to change."""
    return _decide(practice, PracticeEventKind.CHANGES_REQUESTED, _message(message, required=True))


def practice_reject(*, actor: Any, practice: Practice, message: str) -> Practice:
    """Refuse the practice for the database, with the reason."""
    return _decide(practice, PracticeEventKind.REJECTED, _message(message, required=True))


def practice_publish(*, actor: Any, practice: Practice, message: str = "") -> Practice:
    """Publish a submitted practice; for an update, the published practice takes its content
    (same address, same adoptions) and the update itself is gone."""
    editor = _as_editor()
    text = _message(message, required=False)
    with tenant_scope(practice.municipality, actor=editor), transaction.atomic():
        if practice.revision_of_id is not None:
            # The published practice first, as a withdrawal locks it before its update.
            _locked(Practice(pk=practice.revision_of_id), expected=[PracticeStatus.PUBLISHED])
        locked = _locked(practice, expected=[PracticeStatus.SUBMITTED])
        author = locked.author
        if locked.revision_of_id is not None:
            published = _apply_revision(locked)
        else:
            locked.status = PracticeStatus.PUBLISHED
            locked.published_at = timezone.now()
            save_if_version(
                locked, expected_version=locked.version, fields=["status", "published_at"]
            )
            PracticeFile.objects.filter(practice=locked).update(is_public=True)
            published = locked
        _event(published, PracticeEventKind.PUBLISHED, editor, text)
        _tell_author(published, PracticeEventKind.PUBLISHED, text, author=author)
        practice_reindex(published)
    return published


def _live_links(practice: Practice) -> Any:
    """The practice's links to actions that are not in the trash."""
    return PracticeAction.objects.select_related("action").filter(
        practice=practice, action__deleted_at__isnull=True
    )


def _apply_revision(revision: Practice) -> Practice:
    original = Practice.objects.get(pk=revision.revision_of_id)  # locked by the caller
    before = snapshot(original)
    for name in CONTENT_FIELDS:
        setattr(original, name, getattr(revision, name))
    save_if_version(original, expected_version=original.version, fields=CONTENT_FIELDS)
    _set_related(
        original,
        themes=PracticeThemeTag.objects.filter(practice=revision).values_list("theme", flat=True),
        actions=[link.action for link in _live_links(revision)],
    )
    old_names = list(PracticeFile.objects.filter(practice=original).values_list("file", flat=True))
    PracticeFile.objects.filter(practice=original).delete()
    PracticeFile.objects.filter(practice=revision).update(practice=original, is_public=True)
    audit_record(
        actor=require().actor,
        instance=original,
        action=AuditAction.UPDATED,
        source=ChangeSource.FORM,
        before=before,
    )
    # The update's own steps move to the practice, so its history tells the whole story.
    PracticeEvent.objects.filter(practice=revision).update(practice=original)
    revision.delete()
    transaction.on_commit(lambda: discard_stored(old_names))
    return original


def practice_start_update(*, actor: Any, practice: Practice) -> Practice:
    """An update of a published practice: a copy to change and submit while the published
    text stays online. Continues the open update if there is one."""
    enforce(can_edit_practice, practice)
    if practice.status != PracticeStatus.PUBLISHED:
        raise ValidationError(_("Only a published practice is updated this way."))
    with transaction.atomic():
        # Locked, so that a double click or a withdrawal at the same moment makes no second
        # update (the database refuses one as well).
        practice = _locked(practice, expected=[PracticeStatus.PUBLISHED])
        open_update = Practice.objects.filter(revision_of=practice).first()
        if open_update is not None:
            return open_update
        revision = Practice(
            **{name: getattr(practice, name) for name in CONTENT_FIELDS},
            author=actor,
            revision_of=practice,
        )
        revision.save()
        PracticeThemeTag.objects.bulk_create(
            PracticeThemeTag(practice=revision, theme=tag.theme)
            for tag in PracticeThemeTag.objects.filter(practice=practice)
        )
        PracticeAction.objects.bulk_create(
            PracticeAction(practice=revision, action_id=link.action_id)
            for link in _live_links(practice)
        )
        PracticeFile.objects.bulk_create(
            PracticeFile(
                practice=revision,
                **{
                    name: getattr(row, name)
                    for name in (
                        "kind",
                        "file",
                        "original_name",
                        "description",
                        "content_type",
                        "size",
                        "width",
                        "height",
                    )
                },
            )
            for row in PracticeFile.objects.filter(practice=practice)
        )
        _event(practice, PracticeEventKind.UPDATE_STARTED, actor)
        audit_record(
            actor=actor, instance=revision, action=AuditAction.CREATED, source=ChangeSource.FORM
        )
    return revision


def practice_withdraw(*, actor: Any, practice: Practice, message: str = "") -> Practice:
    """Take a published practice offline; it can be submitted again later. An open update
    of it is dropped."""
    enforce(can_edit_practice, practice)
    text = _message(message, required=False)
    with transaction.atomic():
        locked = _locked(practice, expected=[PracticeStatus.PUBLISHED])
        for revision in Practice.objects.filter(revision_of=locked):
            _delete(revision)
        locked.status = PracticeStatus.WITHDRAWN
        save_if_version(locked, expected_version=locked.version, fields=["status"])
        PracticeFile.objects.filter(practice=locked).update(is_public=False)
        _event(locked, PracticeEventKind.WITHDRAWN, actor, text)
        practice_reindex(locked)
    return locked


def _delete(practice: Practice) -> None:
    names = list(PracticeFile.objects.filter(practice=practice).values_list("file", flat=True))
    practice.delete()
    transaction.on_commit(lambda: discard_stored(names))


def practice_delete(*, actor: Any, practice: Practice) -> None:
    """Delete a practice that is not published (a draft, a withdrawn one, an update)."""
    enforce(can_edit_practice, practice)
    if practice.status in (PracticeStatus.PUBLISHED, PracticeStatus.SUBMITTED):
        raise ValidationError(
            _("A published or submitted practice cannot be deleted; withdraw it first.")
        )
    if adoption_counts([practice.pk]):
        # The adoptions are other municipalities' rows: they keep their link to the practice.
        raise ValidationError(
            _(
                "Other municipalities adopted this practice, so it stays in the database "
                "(offline). You can change it and submit it again."
            )
        )
    with transaction.atomic():
        audit_record(
            actor=actor, instance=practice, action=AuditAction.REMOVED, source=ChangeSource.FORM
        )
        _delete(practice)
