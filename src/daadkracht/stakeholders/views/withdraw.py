"""The person's own withdrawal page, opened by the signed link in every mail sent on a consent.

It shows what the consent was for and the text agreed to, and withdraws it with one button: no
account, no other data of the person or the municipality.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from daadkracht.access.context import LinkGrant, active_municipality
from daadkracht.access.entry import signed_link_view
from daadkracht.stakeholders.models import Consent, ConsentText, WithdrawalChannel
from daadkracht.stakeholders.services.consents import consent_withdraw
from daadkracht.stakeholders.tokens import WITHDRAW_LINK, consent_version

INVALID = "stakeholders/withdraw_invalid.html"


@signed_link_view(WITHDRAW_LINK, invalid_template=INVALID, version=consent_version)
@require_http_methods(["GET", "POST"])
def withdraw(request: HttpRequest, consent: Consent, grant: LinkGrant) -> HttpResponse:
    if request.method == "POST":
        consent_withdraw(actor=None, consent=consent, how=WithdrawalChannel.SIGNED_LINK)
        return redirect(request.path)
    return render(
        request,
        "stakeholders/withdraw.html",
        {
            "consent": consent,
            "text": ConsentText.objects.get(pk=consent.consent_text_id),
            "municipality": active_municipality(),
        },
    )
