"""Template helpers: links inside the active municipality, sortable column headers, amounts,
the fields to correct in a form."""

from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms, template
from django.http import QueryDict
from django.urls import reverse

from daadkracht.common.numbers import format_euro, format_percent

register = template.Library()


@register.simple_tag(takes_context=True)
def turl(context: template.Context, name: str, *args: Any, **kwargs: Any) -> str:
    """`{% turl 'tenancy:departments' %}`: a URL inside the active municipality."""
    slug = context["request"].tenant.municipality.slug
    if args:
        return reverse(name, args=[slug, *args])
    return reverse(name, kwargs={"municipality": slug, **kwargs})


@register.simple_tag(takes_context=True)
def query_with(context: template.Context, **changes: Any) -> str:
    """The current query string with some parameters replaced (empty values removed)."""
    query: QueryDict = context["request"].GET.copy()
    for key, value in changes.items():
        query.pop(key, None)
        if value not in (None, ""):
            query[key] = value
    if "page" not in changes:
        query.pop("page", None)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.inclusion_tag("includes/sort_header.html", takes_context=True)
def sort_header(context: template.Context, key: str, label: str) -> dict[str, Any]:
    current = str(context.get("sort") or "")
    active = current.lstrip("-") == key
    descending = active and current.startswith("-")
    next_sort = key if descending or not active else f"-{key}"
    return {
        "label": label,
        "href": query_with(context, sort=next_sort),
        "aria_sort": ("descending" if descending else "ascending") if active else "none",
        "active": active,
        "descending": descending,
    }


@register.filter
def euro(value: Any, places: int = 0) -> str:
    """`{{ budget|euro }}`: an amount in euro as the reader's language writes it (€ 1.250,
    1 250 €, €1,250); empty for no amount."""
    if value is None or value == "":
        return ""
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return ""
    return format_euro(amount, int(places))


@register.filter
def percent(value: Any, places: int = 0) -> str:
    """`{{ share|percent }}`: a percentage as the reader's language writes it (45%, 45 %)."""
    if value is None or value == "":
        return ""
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return ""
    return format_percent(number, int(places))


@register.filter
def invalid_fields(form: forms.BaseForm) -> list[dict[str, Any]]:
    """The visible fields of `form` that have errors: label, first error and the id of the
    control that a link to it should focus (the first option of a group of radios or boxes)."""
    invalid = []
    for field in form.visible_fields():
        if not field.errors:
            continue
        target = field.id_for_label or (f"{field.auto_id}_0" if field.auto_id else "")
        invalid.append({"label": field.label, "error": field.errors[0], "target": target})
    return invalid
