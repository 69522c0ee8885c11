"""Adding, changing and removing an engagement, an interaction or a commitment: one form page
and one confirmation page, shared by the three."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from daadkracht.common.forms import add_service_errors, edit_versioned
from daadkracht.common.navigation import tenant_url
from daadkracht.common.query import parse_id
from daadkracht.tenancy.decorators import TenantRequest


@dataclass(frozen=True)
class Kind:
    """One kind of record: its model, form, services and the words on its pages."""

    model: type[models.Model]
    form: Callable[..., Any]
    create: Callable[..., Any]
    update: Callable[..., Any]
    delete: Callable[..., Any]
    list_url: str
    delete_url: str
    title_new: Any
    title_edit: Any
    saved: Any
    deleted: Any
    delete_question: Any


def _back(request: TenantRequest, kind: Kind, organisation_id: int | None) -> str:
    """Back to the organisation the record belongs to when the form came from there."""
    if request.GET.get("from") == "organisation" and organisation_id:
        return tenant_url(request, "stakeholders:organisation", pk=organisation_id) + "#engagement"
    return tenant_url(request, kind.list_url)


def _initial(request: TenantRequest) -> dict[str, Any]:
    initial: dict[str, Any] = {}
    for name in ("organisation", "theme", "action"):
        value = parse_id(request.GET.get(name))
        if value is not None:
            initial[name] = value
    return initial


def create_page(request: TenantRequest, kind: Kind, **extra_initial: Any) -> HttpResponse:
    form = kind.form(request.POST or None, initial={**_initial(request), **extra_initial})
    if request.method == "POST" and form.is_valid():
        try:
            record = kind.create(actor=request.user, **form.service_values())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, kind.saved)
            return redirect(_back(request, kind, record.organisation_id))
    return render(
        request,
        "engagement/record_form.html",
        {"form": form, "title": kind.title_new, "cancel": _back(request, kind, None)},
    )


def edit_page(request: TenantRequest, kind: Kind, pk: int) -> HttpResponse:
    record = get_object_or_404(kind.model._default_manager, pk=pk)
    edit = edit_versioned(
        request,
        instance=record,
        build=lambda data, obj: kind.form(data, instance=obj),
        reload=lambda: get_object_or_404(kind.model._default_manager, pk=pk),
        save=lambda form, version: kind.update(
            actor=request.user,
            expected_version=version,
            **{kind.model._meta.model_name or "": form.instance},
            **form.service_values(),
        ),
    )
    back = _back(request, kind, record.organisation_id)  # type: ignore[attr-defined]
    if edit.saved is not None:
        messages.success(request, kind.saved)
        return redirect(back)
    return render(
        request,
        "engagement/record_form.html",
        {
            "form": edit.form,
            "title": kind.title_edit,
            "cancel": back,
            "delete_url": tenant_url(request, kind.delete_url, pk=pk)
            + (f"?{request.GET.urlencode()}" if request.GET else ""),
        },
    )


def delete_page(request: TenantRequest, kind: Kind, pk: int) -> HttpResponse:
    record = get_object_or_404(kind.model._default_manager, pk=pk)
    back = _back(request, kind, record.organisation_id)  # type: ignore[attr-defined]
    if request.method == "POST":
        kind.delete(actor=request.user, **{kind.model._meta.model_name or "": record})
        messages.success(request, kind.deleted)
        return redirect(back)
    return render(
        request,
        "engagement/record_delete.html",
        {"record": record, "question": kind.delete_question, "cancel": back},
    )
