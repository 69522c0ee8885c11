"""Pages of support offers: the public list and offer page, a coordinator's requests, and the
provider's pages (its offers, its inbox and the answer to a request)."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from daadkracht.access.entry import provider_view, public_view
from daadkracht.common.exporting import export_format, export_response
from daadkracht.common.forms import add_service_errors, edit_versioned
from daadkracht.common.listing import SortOption, apply_sort, page_of
from daadkracht.offers import selectors, services
from daadkracht.offers.forms import (
    AnswerForm,
    InboxQuery,
    OfferForm,
    OfferListQuery,
    OfferRequestForm,
)
from daadkracht.offers.models import (
    Offer,
    OfferRequest,
    OfferType,
    Provider,
    RequestStatus,
    TargetGroup,
)
from daadkracht.offers.policies import can_request_offers
from daadkracht.practices.models import PracticeTheme
from daadkracht.tenancy.decorators import TenantRequest, tenant_view

PAGE_SIZE = 20

OFFER_SORTS = [
    SortOption("title", gettext_lazy("Offer"), ("title", "pk")),
    SortOption("provider", gettext_lazy("Provider"), ("provider__name", "title")),
    SortOption("theme", gettext_lazy("Theme"), ("theme", "title")),
    SortOption("price", gettext_lazy("Indicative price"), ("price", "title")),
]


# --- Public ----------------------------------------------------------------------------------


@public_view
def offer_list(request: HttpRequest) -> Any:  # a page, or a FileResponse to download
    """The support offers for municipalities, to filter, sort, page and download."""
    filters = OfferListQuery(request.GET).values()
    offers = selectors.published_offers(
        theme=filters["theme"],
        kind=filters["type"],
        group=filters["group"],
        lekp=filters["lekp"],
        search=filters["q"],
    )
    offers, sort = apply_sort(request, offers, OFFER_SORTS)
    fmt = export_format(request)
    if fmt:
        return export_response(
            name=_("Support offers"),
            fmt=fmt,
            headers=[
                _("Offer"),
                _("Provider"),
                _("Target group"),
                _("Theme"),
                _("Type"),
                _("Indicative price excluding VAT (€)"),
                _("Counts for the LEKP"),
                _("Contact person"),
                _("Phone"),
                _("Page"),
            ],
            rows=(
                [
                    offer.title,
                    offer.provider.name,
                    offer.get_target_group_display(),
                    offer.get_theme_display(),
                    offer.get_kind_display(),
                    offer.price,
                    _("yes") if offer.counts_for_lekp else _("no"),
                    offer.contact_name,
                    offer.contact_phone,
                    request.build_absolute_uri(reverse("offers:detail", args=[offer.pk])),
                ]
                for offer in offers
            ),
        )
    return render(
        request,
        "offers/offer_list.html",
        {
            "page": page_of(request, offers, PAGE_SIZE),
            "filters": filters,
            "filtered": any(filters.values()),
            "sort": sort,
            "themes": PracticeTheme.choices,
            "types": OfferType.choices,
            "groups": TargetGroup.choices,
        },
    )


@public_view
def offer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """An offer's page: what it is, its course, what the municipality does itself, the price
    and whom to call; a coordinator asks for it from here."""
    offer = selectors.offer_page(pk)
    if offer is None:
        raise Http404
    user = request.user
    return render(
        request,
        "offers/offer_detail.html",
        {
            "offer": offer,
            "steps": list(offer.steps.all()),
            "coordinator_of": selectors.coordinator_memberships(user),
            "may_edit": user.is_authenticated
            and offer.provider.managers.filter(pk=user.pk).exists(),
        },
    )


# --- A coordinator's requests ----------------------------------------------------------------


@tenant_view(can_request_offers)
def request_create(request: TenantRequest, pk: int) -> HttpResponse:
    """Ask the provider for the offer, with a message; the page shows what will be sent."""
    offer = selectors.offer_page(pk)
    if offer is None:
        raise Http404
    municipality = request.tenant.municipality
    existing = services.open_request_for(offer)
    form = OfferRequestForm(request.POST or None)
    if request.method == "POST" and existing is None and form.is_valid():
        try:
            services.offer_request_create(
                actor=request.user, offer=offer, message=form.cleaned_data["message"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Your request for %(offer)s was sent to %(provider)s.")
                % {"offer": offer.title, "provider": offer.provider.name},
            )
            return redirect("offer_requests:list", municipality=municipality.slug)
    return render(
        request,
        "offers/request_form.html",
        {
            "offer": offer,
            "form": form,
            "existing": existing,
            "snapshot": services.municipality_context(municipality, request.user),
        },
    )


@tenant_view(can_request_offers)
def request_list(request: TenantRequest) -> HttpResponse:
    """The municipality's requests for offers, with their status and answer."""
    return render(
        request,
        "offers/request_list.html",
        {"requests": list(selectors.requests_of_municipality())},
    )


@tenant_view(can_request_offers)
@require_POST
def request_withdraw(request: TenantRequest, pk: int) -> HttpResponse:
    offer_request = get_object_or_404(OfferRequest.objects.select_related("offer"), pk=pk)
    try:
        services.offer_request_withdraw(actor=request.user, offer_request=offer_request)
    except services.RequestAlreadyDecided:
        messages.error(request, _("This request was answered or withdrawn in the meantime."))
    else:
        messages.success(
            request,
            _("Your request for %(offer)s is withdrawn.") % {"offer": offer_request.offer.title},
        )
    return redirect("offer_requests:list", municipality=request.tenant.municipality.slug)


# --- The provider's pages ----------------------------------------------------------------------


def _provider_offer(provider: Provider, pk: int) -> Offer:
    return get_object_or_404(Offer.objects.filter(provider=provider), pk=pk)


@provider_view
def provider_offers(request: HttpRequest, provider: Provider) -> HttpResponse:
    """The provider's offers, shown and hidden, and how many requests wait."""
    return render(
        request,
        "offers/provider_offers.html",
        {
            "provider": provider,
            "offers": list(provider.offers.order_by("title")),
            "waiting": OfferRequest.objects.filter(status=RequestStatus.REQUESTED).count(),
        },
    )


@provider_view
def offer_create(request: HttpRequest, provider: Provider) -> HttpResponse:
    form = OfferForm(request.POST or None, instance=Offer(provider=provider))
    if request.method == "POST" and form.is_valid():
        try:
            offer = services.offer_create(
                actor=request.user, provider=provider, **form.service_values()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Offer %(title)s added.") % {"title": offer.title})
            return redirect("provider:offers", provider=provider.slug)
    return render(request, "offers/offer_form.html", {"provider": provider, "form": form})


@provider_view
def offer_edit(request: HttpRequest, provider: Provider, pk: int) -> HttpResponse:
    offer = _provider_offer(provider, pk)

    def save(form: OfferForm, version: Any) -> Offer:
        return services.offer_update(
            actor=request.user,
            offer=form.instance,
            expected_version=version,
            **form.service_values(),
        )

    edit = edit_versioned(
        request,
        instance=offer,
        build=lambda data, obj: OfferForm(data, instance=obj),
        reload=lambda: _provider_offer(provider, pk),
        save=save,
    )
    if edit.saved is not None:
        messages.success(request, _("Offer %(title)s saved.") % {"title": edit.saved.title})
        return redirect("provider:offers", provider=provider.slug)
    return render(
        request,
        "offers/offer_form.html",
        {"provider": provider, "form": edit.form, "offer": offer},
    )


@provider_view
@require_POST
def offer_toggle(request: HttpRequest, provider: Provider, pk: int) -> HttpResponse:
    """Hide the offer from the public list, or show it again."""
    offer = _provider_offer(provider, pk)
    services.offer_set_published(actor=request.user, offer=offer, published=not offer.published)
    if offer.published:
        messages.success(request, _("%(title)s is shown again.") % {"title": offer.title})
    else:
        messages.success(request, _("%(title)s is hidden.") % {"title": offer.title})
    return redirect("provider:offers", provider=provider.slug)


@provider_view
def inbox(request: HttpRequest, provider: Provider) -> HttpResponse:
    """The requests municipalities sent the provider, newest first, by status."""
    status = InboxQuery(request.GET).value("status")
    return render(
        request,
        "offers/inbox.html",
        {
            "provider": provider,
            "requests": page_of(request, selectors.requests_to_provider(status=status), PAGE_SIZE),
            "status": status,
            "statuses": RequestStatus.choices,
        },
    )


@provider_view
def request_detail(request: HttpRequest, provider: Provider, pk: int) -> HttpResponse:
    """A request with the municipality's context, and the answer to it."""
    offer_request = get_object_or_404(selectors.requests_to_provider(), pk=pk)
    coaches = provider.coaches.filter(is_active=True).order_by("full_name")
    form = AnswerForm(request.POST or None, coaches=coaches)
    if request.method == "POST" and offer_request.is_open and form.is_valid():
        data = form.cleaned_data
        try:
            if data["decision"] == "accept":
                answered = services.offer_request_accept(
                    actor=request.user,
                    offer_request=offer_request,
                    answer=data["answer"],
                    coach=data["coach"],
                    start_trajectory=data["start_trajectory"],
                )
            else:
                answered = services.offer_request_decline(
                    actor=request.user, offer_request=offer_request, answer=data["answer"]
                )
        except services.RequestAlreadyDecided:
            messages.error(request, _("This request was answered or withdrawn in the meantime."))
            return redirect("provider:request", provider=provider.slug, pk=pk)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            _answered_message(request, answered)
            return redirect("provider:request", provider=provider.slug, pk=pk)
    return render(
        request,
        "offers/request_detail.html",
        {
            "provider": provider,
            "offer_request": offer_request,
            "form": form,
            "has_coaches": coaches.exists(),
        },
    )


def _answered_message(request: HttpRequest, answered: services.Answered) -> None:
    municipality = answered.request.context.get("municipality", "")
    if answered.request.status == RequestStatus.DECLINED:
        messages.success(
            request, _("You declined the request of %(name)s.") % {"name": municipality}
        )
        return
    messages.success(request, _("You accepted the request of %(name)s.") % {"name": municipality})
    if answered.trajectory_started:
        messages.success(request, _("Its collaboration trajectory has started."))
    elif answered.trajectory_existed:
        messages.info(
            request,
            _(
                "Its collaboration trajectory was already running, so no second one was "
                "started; the coach follows the running one."
            ),
        )
