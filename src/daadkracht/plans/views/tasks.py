"""An action's tasks and milestones: adding, ticking off, editing and deleting them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from daadkracht.common.forms import add_service_errors, edit_versioned
from daadkracht.plans.forms.task import TaskForm
from daadkracht.plans.models import Action, Task
from daadkracht.plans.policies import can_edit_actions
from daadkracht.plans.services import tasks as task_services
from daadkracht.plans.views.action_detail import detail_context, detail_url
from daadkracht.plans.views.common import editable_action
from daadkracht.tenancy.decorators import TenantRequest, tenant_view


def _task(action: Action, task_pk: int) -> Task:
    return get_object_or_404(Task.objects.select_related("owner"), pk=task_pk, action=action)


@tenant_view(can_edit_actions)
@require_POST
def task_create(request: TenantRequest, pk: int) -> HttpResponse:
    action = editable_action(request, pk)
    form = TaskForm(request.POST, prefix="task")
    if form.is_valid():
        values = form.service_values()
        try:
            task = task_services.task_create(actor=request.user, action=action, **values)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if request.htmx:  # type: ignore[attr-defined]
                context = detail_context(request, action)
                context["added_task"] = task
                return render(request, "plans/_tasks.html", context)
            messages.success(request, _("Task %(task)s added.") % {"task": task})
            return redirect(detail_url(request, action, "tasks"))
    context = detail_context(request, action, task_form=form)
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "plans/_tasks.html", context)
    return render(request, "plans/action_detail.html", context)


@tenant_view(can_edit_actions)
@require_POST
def task_toggle(request: TenantRequest, pk: int, task_pk: int) -> HttpResponse:
    action = editable_action(request, pk)
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
    return redirect(detail_url(request, action, f"task-{task.pk}"))


@tenant_view(can_edit_actions)
def task_edit(request: TenantRequest, pk: int, task_pk: int) -> HttpResponse:
    action = editable_action(request, pk)
    task = _task(action, task_pk)
    edit = edit_versioned(
        request,
        instance=task,
        build=lambda data, obj: TaskForm(data, instance=obj),
        reload=lambda: _task(action, task_pk),
        save=lambda form, version: task_services.task_update(
            actor=request.user,
            task=form.instance,
            expected_version=version,
            **form.service_values(),
        ),
    )
    if edit.saved is not None:
        messages.success(request, _("Task %(task)s saved.") % {"task": edit.saved})
        return redirect(detail_url(request, action, f"task-{task.pk}"))
    return render(
        request,
        "plans/action_detail_task_edit.html",
        {"action": action, "task": task, "form": edit.form},
    )


@tenant_view(can_edit_actions)
def task_delete(request: TenantRequest, pk: int, task_pk: int) -> HttpResponse:
    action = editable_action(request, pk)
    task = _task(action, task_pk)
    if request.method == "POST":
        task_services.task_delete(actor=request.user, task=task)
        messages.success(request, _("Task %(task)s deleted.") % {"task": task})
        return redirect(detail_url(request, action, "tasks"))
    return render(request, "plans/action_detail_task_delete.html", {"action": action, "task": task})
