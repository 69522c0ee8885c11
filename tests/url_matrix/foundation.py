"""Accounts, municipality, departments, members and history."""

from daadkracht.tenancy.models import Membership
from tests.url_matrix.rows import (
    ALL_MEMBERS,
    COORDINATOR_ONLY,
    FORBIDDEN,
    GONE,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    REDIRECT,
    everyone,
    logged_in,
    row,
    tenant,
)


def _membership(world):
    return {"pk": Membership.unscoped.get(user=world.users["editor"]).pk}


EXPECTED = {
    # The stakeholder lands on their portal.
    "home": row(REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, OK, REDIRECT),
    "set_language": everyone(NOT_ALLOWED),
    # Whoever is logged in: a coach's overview; anyone else finds it empty.
    "coach_overview": logged_in(OK),
    "accounts:login": row(OK, *[REDIRECT] * 6),
    "accounts:logout": logged_in(NOT_ALLOWED),
    "accounts:password_reset": everyone(OK),
    "accounts:password_reset_done": everyone(OK),
    "accounts:password_reset_confirm": everyone(OK),
    "accounts:password_reset_complete": everyone(OK),
    "accounts:password_change": logged_in(OK),
    "accounts:password_change_done": logged_in(OK),
    "accounts:invitation": everyone(GONE),
    "accounts:profile": logged_in(OK),
    # Superusers only; everyone else finds nothing there (tests/tenancy/test_new_municipality.py).
    "platform:municipality_create": row(REDIRECT, *[NOT_FOUND] * 6),
    "platform:coordinator_invite": row(REDIRECT, *[NOT_FOUND] * 6),
    # The demo mailbox exists in debug mode only (tests/demo/test_mailbox.py); tests run without.
    "demo:mailbox": everyone(NOT_FOUND),
    "demo:mail": everyone(NOT_FOUND),
    "tenancy:home": ALL_MEMBERS,
    "tenancy:checklist": tenant(NOT_ALLOWED, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    "tenancy:departments": ALL_MEMBERS,
    "tenancy:department_create": COORDINATOR_ONLY,
    "tenancy:department_trash": COORDINATOR_ONLY,
    "tenancy:department_edit": COORDINATOR_ONLY,
    "tenancy:department_delete": COORDINATOR_ONLY,
    "tenancy:department_restore": tenant(NOT_ALLOWED, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    "tenancy:members": COORDINATOR_ONLY,
    "tenancy:member_invite": COORDINATOR_ONLY,
    "tenancy:member_edit": COORDINATOR_ONLY,
    "tenancy:member_remove": COORDINATOR_ONLY,
    "tenancy:invitation_resend": tenant(NOT_ALLOWED, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    "tenancy:invitation_cancel": tenant(NOT_ALLOWED, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    "history:recent": tenant(OK, FORBIDDEN, FORBIDDEN, OK),
    "history:object": tenant(OK, FORBIDDEN, FORBIDDEN, OK),
}

SAMPLE_KWARGS = {
    "accounts:password_reset_confirm": lambda w: {"uidb64": "MQ", "token": "set-password"},
    "accounts:invitation": lambda w: {"token": "not-a-valid-token"},
    "platform:coordinator_invite": lambda w: {"address": w.a.slug},
    "demo:mail": lambda w: {"key": "20261128T120000000000-0a1b2c3d"},
    "tenancy:department_edit": lambda w: {"pk": w.department_a.pk},
    "tenancy:department_delete": lambda w: {"pk": w.department_a.pk},
    "tenancy:department_restore": lambda w: {"pk": w.department_a.pk},
    "tenancy:member_edit": _membership,
    "tenancy:member_remove": _membership,
    "tenancy:invitation_resend": lambda w: {"pk": w.invitation_a.pk},
    "tenancy:invitation_cancel": lambda w: {"pk": w.invitation_a.pk},
    "history:object": lambda w: {
        "model_label": "tenancy.department",
        "object_id": w.department_a.pk,
    },
}
