"""Withdrawal links: every mail sent on the basis of a consent carries a signed link with which
the person withdraws that consent in one click, without an account."""

from django.urls import reverse

from daadkracht.access.links import LinkPurpose, link_token
from daadkracht.stakeholders.models import Consent

# A link in a mail keeps working for years: people unsubscribe from old mails too.
WITHDRAW_LINK_MAX_AGE = 5 * 365 * 24 * 60 * 60

WITHDRAW_LINK = LinkPurpose(
    name="stakeholders_consent_withdraw",
    model_label="stakeholders.Consent",
    max_age=lambda: WITHDRAW_LINK_MAX_AGE,
)


def consent_version(consent: Consent) -> str:
    # A withdrawn consent still opens its page, which says it is withdrawn.
    return ""


def consent_withdraw_token(consent: Consent) -> str:
    return link_token(
        WITHDRAW_LINK,
        municipality_id=consent.municipality_id,
        object_id=consent.pk,
        version=consent_version(consent),
    )


def consent_withdraw_path(consent: Consent) -> str:
    """The path of the consent's withdrawal page; mails put the site's address in front."""
    return reverse("network_link:withdraw", kwargs={"token": consent_withdraw_token(consent)})
