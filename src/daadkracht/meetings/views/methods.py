"""The methods catalogue: the list of methods and a page per method."""

from django.http import Http404, HttpResponse
from django.shortcuts import render

from daadkracht.meetings.models import Method
from daadkracht.tenancy.decorators import TenantRequest, tenant_view


@tenant_view()
def catalogue(request: TenantRequest) -> HttpResponse:
    methods = [m for m in Method.objects.order_by("position", "key") if m.text is not None]
    return render(request, "meetings/catalogue.html", {"methods": methods})


@tenant_view()
def method_detail(request: TenantRequest, key: str) -> HttpResponse:
    method = Method.objects.filter(key=key).first()
    if method is None or method.text is None:
        raise Http404
    return render(request, "meetings/method_detail.html", {"method": method, "text": method.text})
