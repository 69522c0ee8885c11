"""The action page: everything about one action, its tasks and its timeline; adding and editing
actions; the trash."""

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from daadkracht.common.concurrency import ConcurrentEditError
from daadkracht.common.forms import add_service_errors
from daadkracht.common.listing import export_format, export_response
from daadkracht.history.models import AuditEntry
from daadkracht.history.services import snapshot
from daadkracht.plans.forms.action import ActionForm, BaseInvolvementFormSet, involvement_formset
from daadkracht.plans.forms.task import TaskForm
from daadkracht.plans.forms.update import StatusUpdateForm
from daadkracht.plans.models import (
    Action,
    DepartmentRole,
    Plan,
    StatusUpdate,
    Task,
    UpdateKind,
)
from daadkracht.plans.models.covenant import CoBenefit
from daadkracht.plans.permissions import can_edit_action
from daadkracht.plans.selectors.plan import current_plan
from daadkracht.plans.services import actions as action_services
from daadkracht.plans.services import tasks as task_services
from daadkracht.plans.services.updates import status_update_post
from daadkracht.tenancy.decorators import TenantRequest, tenant_view
from daadkracht.tenancy.roles import Permission

# ---------------------------------------------------------------------------------------------
# Reading


def _action(pk: int) -> Action:
    """The live action with what its header shows; 404 for other municipalities or the trash."""
    return get_object_or_404(
        Action.objects.select_related("plan", "status", "lead_department", "responsible"), pk=pk
    )


def _editable_action(request: TenantRequest, pk: int) -> Action:
    action = _action(pk)
    if not can_edit_action(request.tenant, action):
        raise PermissionDenied
    return action


def _detail_url(request: TenantRequest, action: Action, anchor: str = "") -> str:
    url = reverse(
        "plans:action_detail",
        kwargs={"municipality": request.tenant.municipality.slug, "pk": action.pk},
    )
    return f"{url}#{anchor}" if anchor else url


def _list_url(request: TenantRequest) -> str:
    """The action list when it exists, the municipality's home otherwise."""
    slug = request.tenant.municipality.slug
    try:
        return reverse("plans:actions", kwargs={"municipality": slug})
    except NoReverseMatch:
        return reverse("tenancy:home", kwargs={"municipality": slug})


@dataclass(frozen=True)
class BudgetBar:
    label: str
    value: Any
    width: int
    css: str
    y: int


BUDGET_CHART_WIDTH = 320


def _budget_bars(action: Action) -> list[BudgetBar]:
    """Planned, committed and spent budget as bars on one scale, for a small SVG chart."""
    rows = [
        (_("Planned"), action.budget_planned, "bar--planned"),
        (_("Committed"), action.budget_committed, "bar--committed"),
        (_("Spent"), action.budget_spent, "bar--spent"),
    ]
    largest = max((value for _label, value, _css in rows if value), default=None)
    if not largest:
        return []
    return [
        BudgetBar(
            label,
            value,
            round(float((value or 0) / largest) * BUDGET_CHART_WIDTH),
            css,
            index * 26,
        )
        for index, (label, value, css) in enumerate(rows)
    ]


def _timeline(action: Action, query: QueryDict) -> tuple[list[StatusUpdate], str, str]:
    """The action's updates and decisions, newest first unless asked otherwise."""
    kind = query.get("kind", "")
    order = "oldest" if query.get("order") == "oldest" else "newest"
    updates = action.updates.select_related("author", "previous_status", "new_status")
    if kind in UpdateKind.values:
        updates = updates.filter(kind=kind)
    else:
        kind = ""
    if order == "oldest":
        updates = updates.order_by("date", "created_at", "id")
    return list(updates), kind, order


def _detail_context(
    request: TenantRequest,
    action: Action,
    *,
    task_form: TaskForm | None = None,
    update_form: StatusUpdateForm | None = None,
) -> dict[str, Any]:
    tenant = request.tenant
    can_edit = can_edit_action(tenant, action)
    today = timezone.localdate()
    tasks = list(action.tasks.select_related("owner"))
    updates, kind, order = _timeline(action, request.GET)
    has_history = tenant.has(Permission.VIEW_HISTORY) and (
        AuditEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Action), object_id=str(action.pk)
        ).exists()
    )
    if can_edit:
        task_form = task_form or TaskForm(prefix="task")
        update_form = update_form or StatusUpdateForm(prefix="update", plan=action.plan)
    return {
        "action": action,
        "plan": action.plan,
        "can_edit": can_edit,
        "can_delete": tenant.has(Permission.EDIT_ALL),
        "today": today,
        "is_late": bool(
            action.deadline and action.deadline < today and not action.status.is_closed
        ),
        "themes": list(action.themes.filter(deleted_at__isnull=True)),
        "tags": list(action.tags.all()),
        "involvements": list(action.involvements.select_related("department")),
        "co_benefits": [CoBenefit(value).label for value in action.co_benefits or []],
        "budget_bars": _budget_bars(action),
        "budget_chart_width": BUDGET_CHART_WIDTH,
        "tasks": tasks,
        "tasks_done": sum(1 for task in tasks if task.is_done),
        "updates": updates,
        "timeline_kind": kind,
        "timeline_order": order,
        "update_kinds": UpdateKind.choices,
        "has_history": has_history,
        "task_form": task_form,
        "update_form": update_form,
    }


@tenant_view()
def action_detail(request: TenantRequest, pk: int) -> HttpResponse:
    action = _action(pk)
    fmt = export_format(request)
    if fmt:
        updates, _kind, _order = _timeline(action, request.GET)
        return export_response(
            name=_("Timeline %(identifier)s") % {"identifier": action.identifier},
            fmt=fmt,
            headers=[
                _("Date"),
                _("Kind"),
                _("Author"),
                _("Text"),
                _("Status before"),
                _("Status after"),
                _("Progress before (%)"),
                _("Progress after (%)"),
                _("Deadline before"),
                _("Deadline after"),
            ],
            rows=(
                [
                    u.date,
                    u.get_kind_display(),
                    str(u.author or ""),
                    u.text,
                    str(u.previous_status or "") if u.new_status else "",
                    str(u.new_status or ""),
                    u.previous_progress if u.new_progress is not None else None,
                    u.new_progress,
                    u.previous_deadline if u.new_deadline else None,
                    u.new_deadline,
                ]
                for u in updates
            ),
        )
    return render(request, "plans/action_detail.html", _detail_context(request, action))


# ---------------------------------------------------------------------------------------------
# Adding and editing actions


def _conflicts(form: ActionForm, formset: BaseInvolvementFormSet, current: Action) -> list[Any]:
    """The fields where the stored action differs from what the user typed."""
    mine, theirs = snapshot(form.instance), snapshot(current)
    rows = [
        {"label": form[name].label, "theirs": theirs[name], "mine": mine[name]}
        for name in ActionForm.Meta.fields
        if mine[name] != theirs[name]
    ]
    data = form.cleaned_data
    benefit_labels = dict(CoBenefit.choices)
    involvements = current.involvements.select_related("department").order_by("department__name")
    related = [
        (
            "themes",
            sorted(str(t) for t in current.themes.filter(deleted_at__isnull=True)),
            sorted(str(t) for t in data["themes"]),
        ),
        ("tags", sorted(t.name for t in current.tags.all()), sorted(data["tags"])),
        (
            "co_benefits",
            [str(benefit_labels.get(v, v)) for v in current.co_benefits or []],
            [str(benefit_labels.get(v, v)) for v in data["co_benefits"]],
        ),
    ]
    for name, stored, typed in related:
        if sorted(stored) != sorted(typed):
            rows.append(
                {"label": form[name].label, "theirs": ", ".join(stored), "mine": ", ".join(typed)}
            )
    stored_departments = sorted(str(i) for i in involvements)
    typed_departments = sorted(
        f"{i.department} ({DepartmentRole(i.role).label})" for i in formset.involvements()
    )
    if stored_departments != typed_departments:
        rows.append(
            {
                "label": _("Involved departments"),
                "theirs": ", ".join(stored_departments),
                "mine": ", ".join(typed_departments),
            }
        )
    return rows


def _with_version(data: QueryDict, version: int) -> QueryDict:
    data = data.copy()
    data["version"] = str(version)
    return data


def _action_form(request: TenantRequest, *, plan: Plan, action: Action | None) -> HttpResponse:
    tenant = request.tenant
    data = request.POST if request.method == "POST" else None
    instance = action if action is not None else Action(plan=plan)
    form = ActionForm(data, instance=instance, tenant=tenant, plan=plan)
    formset = involvement_formset(data, action=action)
    current, conflicts = None, []
    if request.method == "POST":
        form_valid = form.is_valid()
        if form_valid and formset.is_valid():
            values = {**form.service_values(), "co_benefits": form.cleaned_data["co_benefits"]}
            related = {
                "themes": list(form.cleaned_data["themes"]),
                "tag_names": form.cleaned_data["tags"],
                "involvements": formset.involvements(),
            }
            try:
                if action is None:
                    saved = action_services.action_create(
                        actor=request.user, plan=plan, **related, **values
                    )
                else:
                    saved = action_services.action_update(
                        actor=request.user,
                        action=action,
                        expected_version=form.cleaned_data["version"] or 0,
                        **related,
                        **values,
                    )
            except ConcurrentEditError as error:
                assert action is not None
                current = _action(action.pk)
                conflicts = _conflicts(form, formset, current)
                form = ActionForm(
                    _with_version(request.POST, current.version),
                    instance=_action(action.pk),
                    tenant=tenant,
                    plan=plan,
                )
                form.is_valid()
                form.add_error(None, str(error.message))
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Action %(action)s saved.") % {"action": saved})
                return redirect(_detail_url(request, saved))
        elif not formset.is_valid():
            form.add_error(None, _("Check the involved departments below."))
    return render(
        request,
        "plans/action_form.html",
        {
            "form": form,
            "formset": formset,
            "action": action,
            "plan": plan,
            "current": current,
            "conflicts": conflicts,
        },
    )


@tenant_view(Permission.EDIT_OWN_DEPARTMENT)
def action_create(request: TenantRequest) -> HttpResponse:
    plan = current_plan()
    if plan is None:
        messages.info(request, _("Set up the climate plan first; then add its actions."))
        return redirect("plans:settings", municipality=request.tenant.municipality.slug)
    tenant = request.tenant
    if not tenant.has(Permission.EDIT_ALL) and tenant.membership.department_id is None:
        # An editor adds actions for their department; without one there is nothing to add.
        raise PermissionDenied
    return _action_form(request, plan=plan, action=None)


@tenant_view(Permission.EDIT_OWN_DEPARTMENT)
def action_edit(request: TenantRequest, pk: int) -> HttpResponse:
    action = _editable_action(request, pk)
    return _action_form(request, plan=action.plan, action=action)


@tenant_view(Permission.EDIT_ALL)
def action_delete(request: TenantRequest, pk: int) -> HttpResponse:
    action = _action(pk)
    if request.method == "POST":
        action_services.action_delete(actor=request.user, action=action)
        messages.success(
            request,
            _("Action %(action)s moved to the trash. You can restore it from there.")
            % {"action": action},
        )
        return redirect(_list_url(request))
    counts = {
        "tasks": action.tasks.count(),
        "updates": action.updates.count(),
    }
    return render(request, "plans/action_delete.html", {"action": action, **counts})


@tenant_view(Permission.EDIT_ALL)
def action_trash(request: TenantRequest) -> HttpResponse:
    return render(
        request,
        "plans/action_trash.html",
        {
            "actions": Action.trash.select_related("status", "lead_department").order_by(
                "-deleted_at"
            ),
            "list_url": _list_url(request),
        },
    )


@tenant_view(Permission.EDIT_ALL)
@require_POST
def action_restore(request: TenantRequest, pk: int) -> HttpResponse:
    action = get_object_or_404(Action.trash, pk=pk)
    try:
        action_services.action_restore(actor=request.user, action=action)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("plans:action_trash", municipality=request.tenant.municipality.slug)
    messages.success(request, _("Action %(action)s restored.") % {"action": action})
    return redirect(_detail_url(request, action))


# ---------------------------------------------------------------------------------------------
# Tasks and milestones


def _task(action: Action, task_pk: int) -> Task:
    return get_object_or_404(Task.objects.select_related("owner"), pk=task_pk, action=action)


@tenant_view(Permission.EDIT_OWN_DEPARTMENT)
@require_POST
def task_create(request: TenantRequest, pk: int) -> HttpResponse:
    action = _editable_action(request, pk)
    form = TaskForm(request.POST, prefix="task")
    if form.is_valid():
        values = form.service_values()
        try:
            task = task_services.task_create(actor=request.user, action=action, **values)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if request.htmx:  # type: ignore[attr-defined]
                context = _detail_context(request, action)
                context["added_task"] = task
                return render(request, "plans/_tasks.html", context)
            messages.success(request, _("Task %(task)s added.") % {"task": task})
            return redirect(_detail_url(request, action, "tasks"))
    context = _detail_context(request, action, task_form=form)
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "plans/_tasks.html", context)
    return render(request, "plans/action_detail.html", context)


@tenant_view(Permission.EDIT_OWN_DEPARTMENT)
@require_POST
def task_toggle(request: TenantRequest, pk: int, task_pk: int) -> HttpResponse:
    action = _editable_action(request, pk)
    task = _task(action, task_pk)
    done = request.POST.get("done") == "1"
    task_services.task_set_done(actor=request.user, task=task, done=done)
    if request.htmx:  # type: ignore[attr-defined]
        tasks = list(action.tasks.all())
        return render(
            request,
            "plans/_task_item.html",
            {
                "action": action,
                "task": task,
                "can_edit": True,
                "today": timezone.localdate(),
                "tasks": tasks,
                "tasks_done": sum(1 for t in tasks if t.is_done),
                "oob_count": True,
            },
        )
    return redirect(_detail_url(request, action, f"task-{task.pk}"))


@tenant_view(Permission.EDIT_OWN_DEPARTMENT)
def task_edit(request: TenantRequest, pk: int, task_pk: int) -> HttpResponse:
    action = _editable_action(request, pk)
    task = _task(action, task_pk)
    form = TaskForm(request.POST or None, instance=task)
    current = None
    if request.method == "POST" and form.is_valid():
        try:
            task_services.task_update(
                actor=request.user,
                task=task,
                expected_version=form.cleaned_data["version"] or 0,
                **form.service_values(),
            )
        except ConcurrentEditError as error:
            current = _task(action, task_pk)
            form = TaskForm(
                _with_version(request.POST, current.version), instance=_task(action, task_pk)
            )
            form.is_valid()
            form.add_error(None, str(error.message))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Task %(task)s saved.") % {"task": task})
            return redirect(_detail_url(request, action, f"task-{task.pk}"))
    return render(
        request,
        "plans/action_detail_task_edit.html",
        {"action": action, "task": task, "form": form, "current": current},
    )


@tenant_view(Permission.EDIT_OWN_DEPARTMENT)
def task_delete(request: TenantRequest, pk: int, task_pk: int) -> HttpResponse:
    action = _editable_action(request, pk)
    task = _task(action, task_pk)
    if request.method == "POST":
        task_services.task_delete(actor=request.user, task=task)
        messages.success(request, _("Task %(task)s deleted.") % {"task": task})
        return redirect(_detail_url(request, action, "tasks"))
    return render(request, "plans/action_detail_task_delete.html", {"action": action, "task": task})


# ---------------------------------------------------------------------------------------------
# Status updates and decisions


@tenant_view(Permission.EDIT_OWN_DEPARTMENT)
@require_POST
def update_create(request: TenantRequest, pk: int) -> HttpResponse:
    action = _editable_action(request, pk)
    form = StatusUpdateForm(request.POST, prefix="update", plan=action.plan)
    if form.is_valid():
        try:
            status_update_post(actor=request.user, action=action, **form.service_values())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            kind = form.cleaned_data["kind"]
            messages.success(
                request,
                _("Decision added to the timeline.")
                if kind == UpdateKind.DECISION
                else _("Status update added to the timeline."),
            )
            return redirect(_detail_url(request, action, "timeline"))
    return render(
        request,
        "plans/action_detail.html",
        _detail_context(request, action, update_form=form),
    )
