"""Reads of the Open Network: its members (a fixed number of queries however many there are),
whether an address belongs to a member, and the sign-ups waiting for confirmation."""

from django.db.models import Exists, OuterRef, Prefetch, QuerySet

from daadkracht.network.models import NetworkMember, SignUp
from daadkracht.plans.models import Theme
from daadkracht.stakeholders.models import Consent, Contact, Purpose


def _active_consents() -> QuerySet[Consent]:
    return Consent.objects.filter(purpose=Purpose.OPEN_NETWORK, withdrawn_at__isnull=True)


def active_consent(contact: Contact) -> Consent | None:
    """The person's consent for the Open Network that holds (the latest), if any."""
    return _active_consents().filter(contact=contact).order_by("-given_at", "-pk").first()


def member_contact(email: str) -> Contact | None:
    """The person with this address (in any case) who is a member of the Open Network."""
    if not email:
        return None
    return (
        Contact.objects.filter(erased_at__isnull=True, email__iexact=email)
        .filter(Exists(_active_consents().filter(contact=OuterRef("pk"))))
        .filter(Exists(NetworkMember.objects.filter(contact=OuterRef("pk"))))
        .order_by("pk")
        .first()
    )


def member_list(*, theme: int | None = None, include_left: bool = False) -> QuerySet[NetworkMember]:
    """The members with their person, themes and Open Network consents; those who left (their
    consent withdrawn) only with `include_left`, erased people never."""
    queryset = (
        NetworkMember.objects.filter(contact__erased_at__isnull=True)
        .select_related("contact")
        .annotate(is_active=Exists(_active_consents().filter(contact=OuterRef("contact_id"))))
        .prefetch_related(
            Prefetch("themes", queryset=Theme.objects.order_by("position", "code", "name")),
            Prefetch(
                "contact__consents",
                queryset=Consent.objects.filter(purpose=Purpose.OPEN_NETWORK)
                .select_related("consent_text")
                .order_by("-given_at", "-pk"),
                to_attr="network_consents",
            ),
        )
        .order_by("contact__full_name", "pk")
    )
    if not include_left:
        queryset = queryset.filter(is_active=True)
    if theme is not None:
        queryset = queryset.filter(theme_links__theme_id=theme)
    return queryset


def pending_signup_count() -> int:
    return SignUp.objects.filter(confirmed_at__isnull=True).count()
