"""Messages to the network, for coordinators: the list, writing one (with a preview of who
receives it and who is left out), its page with the progress and the log of what was sent to
whom, and the mailing list of an audience. The public unsubscribe page opened from a mail."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from daadkracht.access.context import LinkGrant, active_municipality
from daadkracht.access.entry import signed_link_view
from daadkracht.common.exporting import export_format, export_response
from daadkracht.common.forms import add_service_errors
from daadkracht.common.listing import page_of
from daadkracht.messaging.forms import AudienceForm, MessageForm
from daadkracht.messaging.models import DeliveryStatus, Message, MessageDelivery, MessageState
from daadkracht.messaging.selectors import (
    audience_of,
    delivery_progress,
    mailing_list_rows,
    message_deliveries,
    message_list,
)
from daadkracht.messaging.services import delivery_unsubscribe, message_check, message_send
from daadkracht.messaging.tokens import UNSUBSCRIBE_LINK
from daadkracht.stakeholders.policies import can_manage_stakeholders
from daadkracht.tenancy.decorators import TenantRequest, tenant_view

PAGE_SIZE = 50
LOG_PAGE_SIZE = 100
SECTION = "messages"


# What the mailing list of the previewed audience needs, and nothing else of the form.
AUDIENCE_FIELDS = ("audience", "body", "event", "include_waiting", "theme", "min_level")


def _audience_query(request: TenantRequest) -> str:
    return urlencode(
        [(name, request.POST[name]) for name in AUDIENCE_FIELDS if request.POST.get(name)]
    )


@tenant_view(can_manage_stakeholders)
@require_GET
def message_index(request: TenantRequest) -> HttpResponseBase:
    queryset = (
        message_list()
        .annotate(
            sent_count=Count("deliveries", filter=Q(deliveries__status=DeliveryStatus.SENT)),
            to_send_count=Count("deliveries", filter=~Q(deliveries__status=DeliveryStatus.SKIPPED)),
        )
        .order_by("-created_at", "-id")
    )
    return render(
        request,
        "messaging/message_list.html",
        {"messages_page": page_of(request, queryset, PAGE_SIZE), "section": SECTION},
    )


@tenant_view(can_manage_stakeholders)
@require_http_methods(["GET", "POST"])
def message_compose(request: TenantRequest) -> HttpResponseBase:
    audience = None
    if request.method == "POST":
        form = MessageForm(request.POST)
        if form.is_valid():
            choice = form.choice()
            try:
                if "send" in request.POST:
                    message = message_send(actor=request.user, choice=choice, **form.texts())
                    messages.success(
                        request, _("The message is being sent. This page shows how far it is.")
                    )
                    return redirect(
                        "messaging:detail",
                        municipality=request.tenant.municipality.slug,
                        pk=message.pk,
                    )
                message_check(choice=choice, **form.texts())
                audience = audience_of(choice)
            except ValidationError as error:
                add_service_errors(form, error)
                audience = None
    else:
        form = MessageForm(initial={"audience": "body"})
    return render(
        request,
        "messaging/message_form.html",
        {
            "form": form,
            "audience": audience,
            "mailing_list_query": _audience_query(request) if audience is not None else "",
            "section": SECTION,
        },
    )


@tenant_view(can_manage_stakeholders)
@require_GET
def message_detail(request: TenantRequest, pk: int) -> HttpResponseBase:
    message = get_object_or_404(Message.objects.select_related("sent_by"), pk=pk)
    deliveries = message_deliveries(message)
    fmt = export_format(request)
    if fmt:
        return export_response(
            name=_("Sent to"),
            fmt=fmt,
            headers=[
                _("Name"),
                _("E-mail address"),
                _("Language"),
                _("Basis"),
                _("Status"),
                _("Reason"),
                _("Sent"),
                _("Unsubscribed"),
            ],
            rows=(
                [
                    str(row.contact) if row.contact is not None else "",
                    row.email,
                    row.language,
                    row.get_basis_display() if row.basis else "",
                    row.get_status_display(),
                    row.get_reason_display() if row.reason else row.error,
                    row.sent_at,
                    row.unsubscribed_at,
                ]
                for row in deliveries.iterator(chunk_size=500)
            ),
        )
    context = {
        "message": message,
        "progress": delivery_progress(message),
        "busy": message.state != MessageState.DONE,
        "section": SECTION,
    }
    if request.headers.get("HX-Request"):
        return render(request, "messaging/_progress.html", context)
    context["deliveries"] = page_of(request, deliveries, LOG_PAGE_SIZE)
    return render(request, "messaging/message_detail.html", context)


@tenant_view(can_manage_stakeholders)
@require_GET
def mailing_list(request: TenantRequest) -> HttpResponseBase:
    form = AudienceForm(request.GET or None)
    if form.is_bound and form.is_valid():
        choice = form.choice()
        return export_response(
            name=_("Mailing list %(audience)s") % {"audience": choice.label()},
            fmt=export_format(request) or "csv",
            headers=[_("Name"), _("E-mail address"), _("Organisation"), _("Language"), _("Basis")],
            rows=mailing_list_rows(audience_of(choice)),
        )
    return render(request, "messaging/mailing_list.html", {"form": form, "section": SECTION})


# --- public: the unsubscribe link -----------------------------------------------------------

INVALID = "messaging/unsubscribe_invalid.html"
ONE_CLICK = "List-Unsubscribe=One-Click"


@csrf_exempt
@signed_link_view(UNSUBSCRIBE_LINK, invalid_template=INVALID)
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, delivery: MessageDelivery, grant: LinkGrant) -> HttpResponse:
    """GET asks to confirm; POST unsubscribes, from the page's button or from the mail program
    (RFC 8058 one-click: a POST with `List-Unsubscribe=One-Click`, no page to show). The link's
    signature is what protects it, as no CSRF token can travel in a mail."""
    if request.method == "POST":
        delivery_unsubscribe(delivery=delivery)
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse(
                _("You are unsubscribed."), content_type="text/plain; charset=utf-8"
            )
        return redirect(request.path)
    return render(
        request,
        "messaging/unsubscribe.html",
        {"delivery": delivery, "municipality": active_municipality()},
    )
