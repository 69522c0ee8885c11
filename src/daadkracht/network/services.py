"""The Open Network's work: the public page's text, signing up, confirming, leaving, and
deleting the sign-ups nobody confirmed.

The person who signs up has no account: their sign-up passes the public form's guards
(`network.guard`) and their confirmation the signed link (`network.tokens`). Once those checks
are done, the network records the person through the stakeholders services on their behalf, as
the platform (`_on_behalf`): a person is never stored twice, and their consent and lawful basis
are kept where every other consent is.
"""

import secrets
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from daadkracht.access.context import Audience, LinkGrant, require, tenant_scope
from daadkracht.access.links import link_use_up
from daadkracht.common.concurrency import save_if_version
from daadkracht.common.email import send_templated_email
from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import audit_record, snapshot
from daadkracht.network.models import SIGNUP_DAYS, MemberTheme, NetworkMember, NetworkPage, SignUp
from daadkracht.network.selectors import active_consent, member_contact
from daadkracht.network.tokens import confirm_path
from daadkracht.plans.models import Theme
from daadkracht.stakeholders.models import (
    ConsentChannel,
    ConsentText,
    Contact,
    Language,
    Purpose,
)
from daadkracht.stakeholders.policies import can_manage_stakeholders
from daadkracht.stakeholders.services.consents import consent_give, consent_text_publish
from daadkracht.stakeholders.services.contacts import contact_create
from daadkracht.stakeholders.tokens import consent_withdraw_path
from daadkracht.tenancy.policies import enforce

INTRO_MAX_LENGTH = 3000


def default_intro() -> str:
    with translation.override("nl"):
        return _(
            "The Open Network brings together everyone who wants to help make our municipality "
            "climate-proof: residents, associations, schools and businesses. Members hear "
            "first about meetings, workshops and calls on the themes they choose, and can "
            "join in. Joining is free and you can leave at any time."
        )


def default_consent_text() -> str:
    with translation.override("nl"):
        return _(
            "I agree that the municipality keeps my name, e-mail address, organisation, "
            "preferred language and chosen themes to inform me by e-mail about the Open "
            "Network: meetings, workshops and calls on those themes. My data is not passed "
            "on to others. I can withdraw this consent at any time with the link in every "
            "mail."
        )


@contextmanager
def _on_behalf() -> Iterator[None]:
    """Work for the person who signed up, as the platform, in the active municipality."""
    municipality = require().municipality
    if municipality is None:
        raise PermissionDenied
    with tenant_scope(municipality):
        yield


def _mail_language(language: str) -> str:
    available = {code for code, _name in settings.LANGUAGES}
    return language if language in available else Language.NL


def page_intro() -> str:
    page = NetworkPage.objects.first()
    return page.intro if page is not None else default_intro()


def intro_save(*, actor: Any, intro: str, expected_version: int | None) -> NetworkPage:
    """Save the text of the public page (ConcurrentEditError if someone saved in between)."""
    enforce(can_manage_stakeholders)
    intro = intro.strip()
    if not intro:
        raise ValidationError({"intro": _("Write what the Open Network is.")})
    if len(intro) > INTRO_MAX_LENGTH:
        raise ValidationError({"intro": _("Keep the text under 3000 characters.")})
    with transaction.atomic():
        page = NetworkPage.objects.select_for_update().first()
        if page is None:
            page = NetworkPage(intro=intro)
            page.save()
            audit_record(
                actor=actor, instance=page, action=AuditAction.CREATED, source=ChangeSource.FORM
            )
            return page
        before = snapshot(page)
        page.intro = intro
        save_if_version(page, expected_version=expected_version or 0, fields=["intro"])
        audit_record(
            actor=actor,
            instance=page,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )
    return page


def current_consent_text() -> ConsentText:
    """The latest consent text for the Open Network; a default one is published if none is."""
    with _on_behalf():
        text = ConsentText.objects.filter(purpose=Purpose.OPEN_NETWORK).order_by("-version").first()
        if text is None:
            text = consent_text_publish(
                actor=None, purpose=Purpose.OPEN_NETWORK, text=default_consent_text()
            )
    return text


def consent_text_version(version: int | None) -> ConsentText | None:
    """The Open Network's consent text of this version (the one a form showed), if it exists."""
    if version is None:
        return None
    with _on_behalf():
        return ConsentText.objects.filter(purpose=Purpose.OPEN_NETWORK, version=version).first()


def signup_themes(signup: SignUp) -> list[Theme]:
    return list(Theme.objects.filter(pk__in=signup.theme_ids).order_by("position", "code", "name"))


def _withdraw_url(consent: Any) -> str:
    return consent_withdraw_path(consent)


def signup_submit(
    *,
    full_name: str,
    email: str,
    organisation_name: str,
    language: str,
    themes: Sequence[Theme],
    consent_text: ConsentText,
) -> SignUp | None:
    """A sign-up from the public page: a confirmation mail, or for a person who is already a
    member a mail that says so. The page answers the same either way; None for a member."""
    municipality = require().municipality
    with _on_behalf():
        contact = member_contact(email)
        if contact is not None:
            consent = active_consent(contact)
            send_templated_email(
                template="network/email/already_member",
                context={
                    "name": contact.full_name,
                    "municipality": municipality,
                    "withdraw_path": _withdraw_url(consent),
                },
                to=[contact.email],
                language=_mail_language(contact.language),
            )
            return None
        signup = SignUp(
            full_name=full_name,
            email=email,
            organisation_name=organisation_name,
            language=language,
            theme_ids=sorted(theme.pk for theme in themes),
            consent_text=ConsentText.objects.get(pk=consent_text.pk),
            key=secrets.token_hex(16),
        )
        with transaction.atomic():
            signup.save()
        send_templated_email(
            template="network/email/confirm",
            context={
                "name": full_name,
                "municipality": municipality,
                "confirm_path": confirm_path(signup),
                "days": SIGNUP_DAYS,
            },
            to=[email],
            language=_mail_language(language),
        )
    return signup


def _check_grant(signup: SignUp, grant: LinkGrant) -> None:
    context = require()
    if (
        context.audience != Audience.SIGNED_LINK
        or context.grant != grant
        or grant.model_label != SignUp._meta.label
        or grant.object_id != signup.pk
    ):
        raise PermissionDenied


def signup_confirm(*, signup: SignUp, grant: LinkGrant) -> NetworkMember:
    """The person opened their confirmation link and confirmed: they join the network.

    The link is used up; the person is found by e-mail address (or added), their consent to the
    text they were shown is recorded with the channel "confirmation by e-mail", and the sign-up's
    personal data is blanked.
    """
    _check_grant(signup, grant)
    municipality = require().municipality
    now = timezone.now()
    with transaction.atomic():
        link_use_up(grant)
        with _on_behalf():
            signup = SignUp.objects.select_for_update().get(pk=signup.pk)
            if signup.confirmed_at is not None or not signup.email:
                raise ValidationError(_("This sign-up was confirmed already."))
            contact = (
                Contact.objects.filter(erased_at__isnull=True, email__iexact=signup.email)
                .order_by("pk")
                .first()
            )
            if contact is None:
                contact = contact_create(
                    actor=None,
                    full_name=signup.full_name,
                    email=signup.email,
                    language=signup.language,
                )
            consent = active_consent(contact)
            rejoins = consent is None
            if consent is None:
                consent = consent_give(
                    actor=None,
                    contact=contact,
                    consent_text=signup.consent_text,
                    given_at=now,
                    given_how=ConsentChannel.EMAIL_CONFIRMATION,
                )
            member = _member_join(contact, signup, now, rejoins=rejoins)
            signup.full_name = signup.email = signup.organisation_name = ""
            signup.theme_ids = []
            signup.key = secrets.token_hex(16)
            signup.confirmed_at = now
            signup.save(
                update_fields=[
                    "full_name",
                    "email",
                    "organisation_name",
                    "theme_ids",
                    "key",
                    "confirmed_at",
                    "updated_at",
                ]
            )
            send_templated_email(
                template="network/email/welcome",
                context={
                    "name": contact.full_name,
                    "municipality": municipality,
                    "withdraw_path": _withdraw_url(consent),
                    "themes": [str(t) for t in member.themes.order_by("position", "code", "name")],
                },
                to=[contact.email],
                language=_mail_language(contact.language),
            )
    return member


def _member_join(contact: Contact, signup: SignUp, now: Any, *, rejoins: bool) -> NetworkMember:
    """Make the person a member, or for a member add the chosen themes; who joins again after
    leaving joins anew (from now)."""
    member = NetworkMember.objects.filter(contact=contact).first()
    if member is None:
        member = NetworkMember(
            contact=contact, organisation_name=signup.organisation_name, joined_at=now
        )
        member.save()
        audit_record(
            actor=None, instance=member, action=AuditAction.CREATED, source=ChangeSource.FORM
        )
    else:
        before = snapshot(member)
        if rejoins:
            member.joined_at = now
        if signup.organisation_name:
            member.organisation_name = signup.organisation_name
        member.save(update_fields=["joined_at", "organisation_name", "updated_at"])
        audit_record(
            actor=None,
            instance=member,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )
    known = set(MemberTheme.objects.filter(member=member).values_list("theme_id", flat=True))
    chosen = Theme.objects.filter(pk__in=signup.theme_ids).exclude(pk__in=known)
    MemberTheme.objects.bulk_create(
        [
            MemberTheme(member=member, theme=theme, municipality_id=member.municipality_id)
            for theme in chosen
        ]
    )
    return member


def leave_request(*, email: str) -> None:
    """Someone asks to leave: a member gets a mail with their one-click withdrawal link. The
    page answers the same for anyone else, so that it tells nobody who is a member."""
    municipality = require().municipality
    with _on_behalf():
        contact = member_contact(email)
        if contact is None:
            return
        send_templated_email(
            template="network/email/leave",
            context={
                "name": contact.full_name,
                "municipality": municipality,
                "withdraw_path": _withdraw_url(active_consent(contact)),
            },
            to=[contact.email],
            language=_mail_language(contact.language),
        )


def signups_purge() -> int:
    """Delete the sign-ups not confirmed within `SIGNUP_DAYS` days; the number deleted."""
    enforce(can_manage_stakeholders)
    cutoff = timezone.now() - timedelta(days=SIGNUP_DAYS)
    deleted, _rows = SignUp.objects.filter(
        confirmed_at__isnull=True, created_at__lt=cutoff
    ).delete()
    return deleted
