"""Pages that show many actions at once: the list with its quick updates, the board and the
timeline."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import Count, F, QuerySet, Window
from django.db.models.functions import RowNumber
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.html import format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from daadkracht.common.concurrency import ConcurrentEditError
from daadkracht.common.forms import add_service_errors
from daadkracht.common.listing import SortOption, apply_sort
from daadkracht.plans.models import Action, ActionStatus, Phase, Plan, Priority, Tag, Theme
from daadkracht.plans.permissions import can_edit_action
from daadkracht.plans.selectors.actions import (
    ActionFilter,
    filtered_actions,
    is_overdue,
    is_stale,
    query_for,
    with_list_data,
)
from daadkracht.plans.selectors.plan import current_plan
from daadkracht.plans.services.updates import status_update_post
from daadkracht.tenancy.context import TenantContext
from daadkracht.tenancy.decorators import TenantRequest, tenant_view
from daadkracht.tenancy.models import Department
from daadkracht.tenancy.roles import Permission

LIST_PAGE_SIZE = 50
TIMELINE_PAGE_SIZE = 50
BOARD_CARDS_PER_COLUMN = 20

ACTION_SORTS = [
    SortOption("identifier", gettext_lazy("Identifier"), ("identifier",)),
    SortOption("title", gettext_lazy("Title"), ("title", "identifier")),
    SortOption("status", gettext_lazy("Status"), ("status__position", "identifier")),
    SortOption("deadline", gettext_lazy("Deadline"), ("deadline", "identifier")),
    SortOption("progress", gettext_lazy("Progress"), ("progress", "identifier")),
    SortOption(
        "department", gettext_lazy("Lead department"), ("lead_department__name", "identifier")
    ),
    SortOption("updated", gettext_lazy("Last update"), ("last_update_at", "identifier")),
]


# --- What the three pages share ------------------------------------------------------------


@dataclass(frozen=True)
class ActionRow:
    """An action as a row or card shows it, with the flags worked out once."""

    action: Action
    overdue: bool
    stale: bool
    can_edit: bool


def _rows(actions: list[Action], plan: Plan, tenant: TenantContext) -> list[ActionRow]:
    today, now = timezone.localdate(), timezone.now()
    return [
        ActionRow(
            action=action,
            overdue=is_overdue(action, today),
            stale=is_stale(action, plan, now),
            can_edit=can_edit_action(tenant, action),
        )
        for action in actions
    ]


def _url(request: TenantRequest, name: str, **kwargs: Any) -> str | None:
    """The URL of a page in this municipality, or None if that page is not installed."""
    try:
        return reverse(name, kwargs={"municipality": request.tenant.municipality.slug, **kwargs})
    except NoReverseMatch:
        return None


def _theme_options(themes: list[Theme]) -> list[tuple[int, str]]:
    """Themes in tree order, sub-themes indented under their parent."""
    children: dict[int | None, list[Theme]] = {}
    for theme in themes:
        children.setdefault(theme.parent_id, []).append(theme)
    known = {theme.pk for theme in themes}
    roots = [t for t in themes if t.parent_id is None or t.parent_id not in known]
    options: list[tuple[int, str]] = []

    def walk(theme: Theme, depth: int) -> None:
        options.append((theme.pk, "— " * depth + str(theme)))
        for child in children.get(theme.pk, []):
            walk(child, depth + 1)

    for root in roots:
        walk(root, 0)
    return options


def _filter_context(request: TenantRequest, plan: Plan) -> dict[str, Any]:
    """The filters read from the query string and the choices the filter form offers."""
    filters = ActionFilter.from_query(request.GET)
    statuses = list(ActionStatus.objects.filter(plan=plan))
    return {
        "plan": plan,
        "filters": filters,
        "statuses": statuses,
        "theme_options": _theme_options(list(Theme.objects.filter(plan=plan))),
        "departments": list(Department.objects.all()),
        "tags": list(Tag.objects.all()),
        "phases": Phase.choices,
        "priorities": Priority.choices,
        "detail_exists": _url(request, "plans:action_detail", pk=0) is not None,
    }


def _no_plan(request: TenantRequest, template: str) -> HttpResponse:
    return render(
        request, template, {"plan": None, "settings_url": _url(request, "plans:settings")}
    )


def _start_links(request: TenantRequest) -> dict[str, str | None]:
    """Where a municipality without actions can start, as far as those pages exist."""
    tenant = request.tenant
    can_create = tenant.has(Permission.EDIT_OWN_DEPARTMENT)
    can_import = tenant.has(Permission.EDIT_ALL)
    return {
        "create_url": _url(request, "plans:action_create") if can_create else None,
        "import_url": _url(request, "plans:actions_import") if can_import else None,
        "template_url": _url(request, "plans:actions_import_template") if can_import else None,
    }


def _is_htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))


def _back_to_list(request: TenantRequest) -> str:
    """The list page (with its filters) that a quick update returns to."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate.startswith("/") and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("plans:actions", kwargs={"municipality": request.tenant.municipality.slug})


# --- The action list ----------------------------------------------------------------------


@tenant_view()
def action_list(request: TenantRequest) -> HttpResponse:
    plan = current_plan()
    if plan is None:
        return _no_plan(request, "plans/action_list.html")
    context = _filter_context(request, plan)
    filters: ActionFilter = context["filters"]
    actions, sort = apply_sort(
        request, with_list_data(filtered_actions(filters, plan)), ACTION_SORTS
    )
    page = Paginator(actions, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    shared_query = query_for(filters, sort=sort if sort != ACTION_SORTS[0].key else "")
    list_url = reverse("plans:actions", kwargs={"municipality": request.tenant.municipality.slug})
    export_url = _url(request, "plans:actions_export")
    context.update(
        {
            "page": page,
            "rows": _rows(list(page.object_list), plan, request.tenant),
            "sort": sort,
            "back": request.get_full_path(),
            "share_url": request.build_absolute_uri(
                f"{list_url}?{shared_query}" if shared_query else list_url
            ),
            "exports": [
                (label, f"{export_url}?{query_for(filters, format=fmt, sort=sort)}")
                for fmt, label in (("csv", "CSV"), ("xlsx", "Excel"))
            ]
            if export_url
            else [],
            "plan_has_actions": page.paginator.count > 0
            or (filters.is_active and Action.objects.filter(plan=plan).exists()),
            "quick_updates": request.tenant.has(Permission.EDIT_OWN_DEPARTMENT),
            **_start_links(request),
        }
    )
    return render(request, "plans/action_list.html", context)


# --- Quick update, inline in the list -----------------------------------------------------


class QuickUpdateForm(forms.Form):
    """A short status update: status, progress, deadline and a line of text."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    new_status = forms.ModelChoiceField(
        label=gettext_lazy("Status"), queryset=ActionStatus.objects.none(), empty_label=None
    )
    new_progress = forms.IntegerField(
        label=gettext_lazy("Progress (%)"),
        min_value=0,
        max_value=100,
        widget=forms.NumberInput(attrs={"step": 5}),
    )
    new_deadline = forms.DateField(
        label=gettext_lazy("Deadline"),
        required=False,
        input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    text = forms.CharField(
        label=gettext_lazy("What happened?"),
        max_length=1000,
        help_text=gettext_lazy("One or two sentences; they appear in the action's timeline."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, action: Action, inline: bool = False, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", f"quick-{action.pk}-%s")
        super().__init__(*args, **kwargs)
        status_field = self.fields["new_status"]
        assert isinstance(status_field, forms.ModelChoiceField)
        status_field.queryset = ActionStatus.objects.filter(plan_id=action.plan_id)
        if inline:
            status_field.widget.attrs["autofocus"] = True
        if not self.is_bound:
            self.initial = {
                "version": action.version,
                "new_status": action.status_id,
                "new_progress": action.progress,
                "new_deadline": action.deadline,
            }


def _editable_action(request: TenantRequest, pk: int) -> Action:
    action = get_object_or_404(with_list_data(Action.objects.all()), pk=pk)
    if not can_edit_action(request.tenant, action):
        raise PermissionDenied
    return action


def _row_response(request: TenantRequest, action: Action, *, saved: bool = False) -> HttpResponse:
    """One refreshed row of the action list; keyboard focus returns to its quick-update button."""
    fresh = with_list_data(Action.objects.filter(pk=action.pk)).get()
    plan = fresh.plan
    context = {
        "row": _rows([fresh], plan, request.tenant)[0],
        "back": _back_to_list(request),
        "quick_updates": request.tenant.has(Permission.EDIT_OWN_DEPARTMENT),
        "detail_exists": _url(request, "plans:action_detail", pk=0) is not None,
        "saved": saved,
        "refocus": True,
    }
    response = render(request, "plans/_action_row.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@tenant_view(Permission.EDIT_OWN_DEPARTMENT)
def action_quick_update(request: TenantRequest, pk: int) -> HttpResponse:
    action = _editable_action(request, pk)
    inline = _is_htmx(request)
    back = _back_to_list(request)
    form = QuickUpdateForm(request.POST or None, action=action, inline=inline)
    current = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            status_update_post(
                actor=request.user,
                action=action,
                text=data["text"],
                new_status=data["new_status"],
                new_progress=data["new_progress"],
                new_deadline=data["new_deadline"] or action.deadline,
                expected_version=data["version"],
            )
        except ConcurrentEditError as error:
            current = with_list_data(Action.objects.filter(pk=pk)).get()
            values = request.POST.copy()
            values["version"] = str(current.version)
            form = QuickUpdateForm(values, action=current, inline=inline)
            form.is_valid()
            form.add_error(None, str(error.message))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if inline:
                return _row_response(request, action, saved=True)
            messages.success(
                request, _("Update of %(action)s saved.") % {"action": action.identifier}
            )
            return redirect(back)
    context = {"form": form, "action": action, "current": current, "back": back, "inline": inline}
    template = "plans/_quick_update_row.html" if inline else "plans/action_list_quick_update.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@tenant_view()
def action_row(request: TenantRequest, pk: int) -> HttpResponse:
    """One row of the list, to put back when an inline quick update is cancelled."""
    action = get_object_or_404(Action.objects, pk=pk)
    return _row_response(request, action)


# --- The board ----------------------------------------------------------------------------


@dataclass(frozen=True)
class BoardColumn:
    status: ActionStatus
    count: int
    cards: list[ActionRow]
    # The <option>s of the cards' "move to" menus, with this column's status chosen: the same
    # for every card of the column, so rendered once rather than per card.
    move_options: str = ""

    @property
    def hidden(self) -> int:
        return self.count - len(self.cards)


def _board_columns(
    request: TenantRequest, plan: Plan, filters: ActionFilter, statuses: list[ActionStatus]
) -> list[BoardColumn]:
    """One column per status, with at most BOARD_CARDS_PER_COLUMN cards: two queries in all."""
    matching = filtered_actions(filters, plan)
    counts = {
        entry["status_id"]: entry["n"]
        for entry in matching.order_by().values("status_id").annotate(n=Count("id"))
    }
    ranked = (
        matching.select_related("status", "lead_department")
        .annotate(
            board_rank=Window(
                RowNumber(),
                partition_by=[F("status_id")],
                order_by=[F("deadline").asc(nulls_last=True), F("identifier").asc()],
            )
        )
        .filter(board_rank__lte=BOARD_CARDS_PER_COLUMN)
        .order_by(F("deadline").asc(nulls_last=True), "identifier")
    )
    by_status: dict[int, list[ActionRow]] = {}
    for row in _rows(list(ranked), plan, request.tenant):
        by_status.setdefault(row.action.status_id, []).append(row)
    return [
        BoardColumn(
            status=status,
            count=counts.get(status.pk, 0),
            cards=by_status.get(status.pk, []),
            move_options=format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                (
                    (option.pk, mark_safe(" selected") if option.pk == status.pk else "", option)
                    for option in statuses
                ),
            ),
        )
        for status in statuses
    ]


@tenant_view()
def board(request: TenantRequest) -> HttpResponse:
    plan = current_plan()
    if plan is None:
        return _no_plan(request, "plans/board.html")
    context = _filter_context(request, plan)
    columns = _board_columns(request, plan, context["filters"], context["statuses"])
    total = sum(column.count for column in columns)
    context.update(
        {
            "columns": columns,
            "total": total,
            "back": request.get_full_path(),
            "list_url": reverse(
                "plans:actions", kwargs={"municipality": request.tenant.municipality.slug}
            ),
            "plan_has_actions": total > 0 or Action.objects.filter(plan=plan).exists(),
            **_start_links(request),
        }
    )
    return render(request, "plans/board.html", context)


def _back_to_board(request: TenantRequest, anchor: str = "") -> str:
    board_url = reverse("plans:board", kwargs={"municipality": request.tenant.municipality.slug})
    candidate = request.POST.get("next", "")
    if not (
        candidate.startswith(board_url)
        and url_has_allowed_host_and_scheme(candidate, allowed_hosts={request.get_host()})
    ):
        candidate = board_url
    return f"{candidate}#{anchor}" if anchor else candidate


@tenant_view(Permission.EDIT_OWN_DEPARTMENT)
@require_POST
def board_move(request: TenantRequest, pk: int) -> HttpResponse:
    """Move a card to another column: a status update with a generated text."""
    action = _editable_action(request, pk)
    status_id = request.POST.get("status", "")
    new_status = (
        ActionStatus.objects.filter(plan_id=action.plan_id, pk=int(status_id)).first()
        if status_id.isdigit()
        else None
    )
    if new_status is None:
        messages.error(request, _("Choose one of the plan's statuses."))
        return redirect(_back_to_board(request, f"card-{action.pk}"))
    if new_status.pk == action.status_id:
        messages.info(
            request,
            _("%(action)s already has the status “%(status)s”.")
            % {"action": action.identifier, "status": new_status},
        )
        return redirect(_back_to_board(request, f"card-{action.pk}"))
    old_status = action.status
    status_update_post(
        actor=request.user,
        action=action,
        text=_("Status changed on the board from “%(old)s” to “%(new)s”.")
        % {"old": old_status, "new": new_status},
        new_status=new_status,
    )
    messages.success(
        request,
        _("%(action)s moved to “%(status)s”.")
        % {"action": action.identifier, "status": new_status},
    )
    return redirect(_back_to_board(request, f"card-{action.pk}"))


# --- The timeline -------------------------------------------------------------------------


# Sizes in SVG user units; the chart scales to the width of the page.
LABEL_WIDTH, CHART_WIDTH, ROW_HEIGHT, BAR_HEIGHT, AXIS_HEIGHT = 250, 700, 26, 14, 30


@dataclass(frozen=True)
class TimelineItem:
    """One action on the timeline, with its coordinates in the SVG.

    It has a bar when both dates are known, a diamond (`marker_x`) when only one is, and
    neither without dates.
    """

    row: ActionRow
    y: int
    label: str
    bar_x: float | None = None
    bar_width: float | None = None
    marker_x: float | None = None

    @property
    def middle_y(self) -> int:
        return self.y + ROW_HEIGHT // 2

    @property
    def bar_y(self) -> int:
        return self.y + (ROW_HEIGHT - BAR_HEIGHT) // 2

    @property
    def text_y(self) -> int:
        return self.y + ROW_HEIGHT // 2 + 4

    @property
    def end_x(self) -> float:
        if self.bar_x is not None and self.bar_width is not None:
            return round(self.bar_x + self.bar_width + 9, 1)
        return round((self.marker_x or 0.0) + 15, 1)


@dataclass(frozen=True)
class TimelineYear:
    year: int
    x: float
    label_x: float


@dataclass(frozen=True)
class TimelineChart:
    width: int
    height: int
    chart_x: int
    chart_right: int
    axis_y: int
    row_height: int
    bar_height: int
    years: list[TimelineYear]
    today_x: float | None
    items: list[TimelineItem]


def timeline_chart(
    rows: list[ActionRow], *, start_year: int, end_year: int, today: date
) -> TimelineChart:
    """Coordinates of the timeline: one bar per action from its start date to its deadline.

    The plan period runs from 1 January of the first year to 31 December of the last; dates
    outside it are drawn at its edge (the table beside the chart gives the exact dates).
    """
    first = date(start_year, 1, 1)
    after_last = date(max(end_year, start_year) + 1, 1, 1)
    span = (after_last - first).days

    def x(day: date) -> float:
        clipped = min(max(day, first), after_last)
        return round(LABEL_WIDTH + (clipped - first).days / span * CHART_WIDTH, 1)

    items = []
    for index, row in enumerate(rows):
        action = row.action
        y = AXIS_HEIGHT + index * ROW_HEIGHT
        label = Truncator(f"{action.identifier} {action.title}").chars(36)
        start, end = action.start_date, action.deadline
        if start and end:
            low, high = min(start, end), max(start, end)
            bar_x = x(low)
            width = max(round(x(high) - bar_x, 1), 3.0)
            items.append(TimelineItem(row, y, label, bar_x=bar_x, bar_width=width))
        elif start or end:
            day = start or end
            assert day is not None
            items.append(TimelineItem(row, y, label, marker_x=x(day)))
        else:
            items.append(TimelineItem(row, y, label))
    years = [
        TimelineYear(
            year=year,
            x=x(date(year, 1, 1)),
            label_x=round((x(date(year, 1, 1)) + x(date(year + 1, 1, 1))) / 2, 1),
        )
        for year in range(first.year, after_last.year)
    ]
    return TimelineChart(
        width=LABEL_WIDTH + CHART_WIDTH + 30,
        height=AXIS_HEIGHT + max(len(rows), 1) * ROW_HEIGHT + 4,
        chart_x=LABEL_WIDTH,
        chart_right=LABEL_WIDTH + CHART_WIDTH,
        axis_y=AXIS_HEIGHT,
        row_height=ROW_HEIGHT,
        bar_height=BAR_HEIGHT,
        years=years,
        today_x=x(today) if first <= today < after_last else None,
        items=items,
    )


TIMELINE_ORDER = ("start_date", "deadline", "identifier")


def _timeline_queryset(filters: ActionFilter, plan: Plan) -> QuerySet[Action]:
    return (
        filtered_actions(filters, plan)
        .select_related("status", "lead_department")
        .order_by(*(F(name).asc(nulls_last=True) for name in TIMELINE_ORDER))
    )


@tenant_view()
def timeline(request: TenantRequest) -> HttpResponse:
    plan = current_plan()
    if plan is None:
        return _no_plan(request, "plans/timeline.html")
    context = _filter_context(request, plan)
    filters: ActionFilter = context["filters"]
    page: Page[Action] = Paginator(_timeline_queryset(filters, plan), TIMELINE_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    today = timezone.localdate()
    rows = _rows(list(page.object_list), plan, request.tenant)
    chart = timeline_chart(rows, start_year=plan.start_year, end_year=plan.end_year, today=today)
    context.update(
        {
            "page": page,
            "chart": chart,
            "today": today,
            "plan_has_actions": page.paginator.count > 0
            or Action.objects.filter(plan=plan).exists(),
            **_start_links(request),
        }
    )
    return render(request, "plans/timeline.html", context)
