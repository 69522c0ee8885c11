"""Pages that show the history of a municipality's data."""

from django.http import Http404, HttpResponse
from django.shortcuts import render

from daadkracht.common.listing import page_of
from daadkracht.common.query import IdField, QueryForm, TextField
from daadkracht.history import selectors
from daadkracht.history.policies import can_read_history
from daadkracht.tenancy.decorators import TenantRequest, tenant_view
from daadkracht.tenancy.selectors import member_users


class HistoryQuery(QueryForm):
    """`?q=` searches the changed objects' names, `?actor=id` shows one person's changes."""

    q = TextField()
    actor = IdField()


@tenant_view(can_read_history)
def recent(request: TenantRequest) -> HttpResponse:
    query = HistoryQuery(request.GET)
    search, actor = query.value("q"), query.value("actor")
    hidden = selectors.hidden_models(request.tenant.has)
    page = page_of(request, selectors.recent_entries(search=search, actor=actor, hidden=hidden), 50)
    for entry in page.object_list:
        entry.readable = selectors.readable_changes(entry)  # type: ignore[attr-defined]
    return render(
        request,
        "history/recent.html",
        {"page": page, "search": search, "actor": actor, "people": member_users()},
    )


@tenant_view(can_read_history)
def object_history(request: TenantRequest, model_label: str, object_id: str) -> HttpResponse:
    hidden = {model._meta.label_lower for model in selectors.hidden_models(request.tenant.has)}
    if model_label.lower() in hidden:
        raise Http404
    entries = list(selectors.entries_for_object(model_label=model_label, object_id=object_id))
    if not entries:
        raise Http404
    for entry in entries:
        entry.readable = selectors.readable_changes(entry)  # type: ignore[attr-defined]
    return render(
        request, "history/object.html", {"entries": entries, "object_repr": entries[0].object_repr}
    )
