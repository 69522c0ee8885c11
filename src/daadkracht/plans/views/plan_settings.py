"""The plan's settings: the plan itself (created here first), its themes and its statuses.

Every member reads the settings; only coordinators change them.
"""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from daadkracht.common.forms import add_service_errors, edit_versioned
from daadkracht.plans.forms.filters import NewThemeQuery
from daadkracht.plans.forms.plan import PlanForm, StatusForm, ThemeForm
from daadkracht.plans.models import ActionStatus, Plan, StatusCategory, Theme
from daadkracht.plans.policies import can_manage_plan
from daadkracht.plans.selectors.plan import current_plan
from daadkracht.plans.selectors.themes import ThemeNode, arrange_themes, main_themes
from daadkracht.plans.services import plan as services
from daadkracht.plans.views.common import with_plan
from daadkracht.tenancy.decorators import TenantRequest, tenant_view
from daadkracht.tenancy.trash import live_count


def _settings_url(request: TenantRequest, anchor: str = "") -> str:
    url = reverse("plans:settings", kwargs={"municipality": request.tenant.municipality.slug})
    return f"{url}#{anchor}" if anchor else url


def _no_plan_yet(request: TenantRequest) -> HttpResponse:
    messages.info(request, _("Set up the climate plan first."))
    return redirect(_settings_url(request))


def _theme_tree(plan: Plan) -> list[ThemeNode]:
    """Main themes with their sub-themes, each with its number of live actions (one query)."""
    themes = (
        Theme.objects.filter(plan=plan)
        .annotate(action_count=live_count("actions"))
        # A grouped query does not apply the model's ordering by itself.
        .order_by("position", "code", "name")
    )
    return main_themes(arrange_themes(themes))


PLAN_DEFAULTS = {"baseline_year": 2011, "end_year": 2030}


@tenant_view()
def plan_settings(request: TenantRequest) -> HttpResponse:
    plan = current_plan()
    can_manage = can_manage_plan(request.tenant.membership)
    if plan is None:
        form = (
            PlanForm(initial={**PLAN_DEFAULTS, "start_year": timezone.localdate().year})
            if can_manage
            else None
        )
        return render(
            request, "plans/settings.html", {"plan": None, "form": form, "can_manage": can_manage}
        )
    statuses = (
        ActionStatus.objects.filter(plan=plan)
        .annotate(action_count=live_count("actions"))
        .order_by("position", "id")
    )
    return render(
        request,
        "plans/settings.html",
        {
            "plan": plan,
            "can_manage": can_manage,
            "theme_tree": _theme_tree(plan),
            "trashed_themes": list(
                Theme.trash.filter(plan=plan).select_related("parent").order_by("-deleted_at")
            )
            if can_manage
            else [],
            "statuses": list(statuses),
        },
    )


# ---------------------------------------------------------------------------------------------
# The plan


@tenant_view(can_manage_plan)
def plan_create(request: TenantRequest) -> HttpResponse:
    if current_plan() is not None:
        return redirect("plans:plan_edit", municipality=request.tenant.municipality.slug)
    form = PlanForm(
        request.POST or None,
        initial={**PLAN_DEFAULTS, "start_year": timezone.localdate().year},
    )
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.plan_create(
                actor=request.user,
                municipality=request.tenant.municipality,
                **form.service_values(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Plan %(plan)s created with a default list of statuses. Next: add its themes.")
                % {"plan": plan},
            )
            return redirect(_settings_url(request, "themes"))
    return render(request, "plans/settings_plan_form.html", {"form": form, "plan": None})


@tenant_view(can_manage_plan)
@with_plan(_no_plan_yet)
def plan_edit(request: TenantRequest, plan: Plan) -> HttpResponse:
    edit = edit_versioned(
        request,
        instance=plan,
        build=lambda data, obj: PlanForm(data, instance=obj),
        reload=lambda: Plan.objects.get(pk=plan.pk),
        save=lambda form, version: services.plan_update(
            actor=request.user,
            plan=form.instance,
            expected_version=version,
            **form.service_values(),
        ),
    )
    if edit.saved is not None:
        messages.success(request, _("Plan %(plan)s saved.") % {"plan": edit.saved})
        return redirect(_settings_url(request))
    return render(request, "plans/settings_plan_form.html", {"form": edit.form, "plan": plan})


# ---------------------------------------------------------------------------------------------
# Themes


def _theme(plan: Plan, pk: int) -> Theme:
    return get_object_or_404(Theme.objects.select_related("parent"), pk=pk, plan=plan)


@tenant_view(can_manage_plan)
@with_plan(_no_plan_yet)
def theme_create(request: TenantRequest, plan: Plan) -> HttpResponse:
    parent = NewThemeQuery(request.GET).value("parent")
    form = ThemeForm(request.POST or None, plan=plan, initial={"parent": parent})
    if request.method == "POST" and form.is_valid():
        try:
            theme = services.theme_create(actor=request.user, plan=plan, **form.service_values())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Theme %(theme)s added.") % {"theme": theme})
            return redirect(_settings_url(request, f"theme-{theme.pk}"))
    return render(request, "plans/theme_form.html", {"form": form, "theme": None})


@tenant_view(can_manage_plan)
@with_plan(_no_plan_yet)
def theme_edit(request: TenantRequest, plan: Plan, pk: int) -> HttpResponse:
    theme = _theme(plan, pk)
    edit = edit_versioned(
        request,
        instance=theme,
        build=lambda data, obj: ThemeForm(data, instance=obj, plan=plan),
        reload=lambda: _theme(plan, pk),
        save=lambda form, version: services.theme_update(
            actor=request.user,
            theme=form.instance,
            expected_version=version,
            **form.service_values(),
        ),
    )
    if edit.saved is not None:
        messages.success(request, _("Theme %(theme)s saved.") % {"theme": edit.saved})
        return redirect(_settings_url(request, f"theme-{theme.pk}"))
    return render(request, "plans/theme_form.html", {"form": edit.form, "theme": theme})


@tenant_view(can_manage_plan)
@require_POST
@with_plan(_no_plan_yet)
def theme_move(request: TenantRequest, plan: Plan, pk: int) -> HttpResponse:
    theme = _theme(plan, pk)
    try:
        services.theme_reorder(
            actor=request.user, theme=theme, direction=request.POST.get("direction", "")
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(_settings_url(request, f"theme-{theme.pk}"))


@tenant_view(can_manage_plan)
@with_plan(_no_plan_yet)
def theme_delete(request: TenantRequest, plan: Plan, pk: int) -> HttpResponse:
    theme = _theme(plan, pk)
    if request.method == "POST":
        trashed = services.theme_delete(actor=request.user, theme=theme)
        messages.success(
            request,
            _("Theme %(theme)s moved to the trash. You can restore it from there.")
            % {"theme": theme}
            if len(trashed) == 1
            else ngettext(
                "Theme %(theme)s and its %(count)d sub-theme moved to the trash. "
                "You can restore them from there.",
                "Theme %(theme)s and its %(count)d sub-themes moved to the trash. "
                "You can restore them from there.",
                len(trashed) - 1,
            )
            % {"theme": theme, "count": len(trashed) - 1},
        )
        return redirect(_settings_url(request, "themes"))
    children = list(Theme.objects.filter(parent=theme))
    actions = theme.actions.count()
    return render(
        request,
        "plans/theme_delete.html",
        {"theme": theme, "children": children, "action_count": actions},
    )


@tenant_view(can_manage_plan)
@require_POST
@with_plan(_no_plan_yet)
def theme_restore(request: TenantRequest, plan: Plan, pk: int) -> HttpResponse:
    theme = get_object_or_404(Theme.trash, pk=pk, plan=plan)
    try:
        services.theme_restore(actor=request.user, theme=theme)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(_settings_url(request, "themes"))
    messages.success(request, _("Theme %(theme)s restored.") % {"theme": theme})
    return redirect(_settings_url(request, f"theme-{theme.pk}"))


# ---------------------------------------------------------------------------------------------
# Statuses


def _status(plan: Plan, pk: int) -> ActionStatus:
    return get_object_or_404(ActionStatus.objects, pk=pk, plan=plan)


@tenant_view(can_manage_plan)
@with_plan(_no_plan_yet)
def status_create(request: TenantRequest, plan: Plan) -> HttpResponse:
    form = StatusForm(
        request.POST or None, initial={"category": StatusCategory.ACTIVE, "colour": "#4a5560"}
    )
    if request.method == "POST" and form.is_valid():
        try:
            status = services.action_status_create(
                actor=request.user, plan=plan, **form.service_values()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Status %(status)s added.") % {"status": status})
            return redirect(_settings_url(request, "statuses"))
    return render(request, "plans/status_form.html", {"form": form, "status": None})


@tenant_view(can_manage_plan)
@with_plan(_no_plan_yet)
def status_edit(request: TenantRequest, plan: Plan, pk: int) -> HttpResponse:
    status = _status(plan, pk)
    form = StatusForm(request.POST or None, instance=status)
    if request.method == "POST" and form.is_valid():
        try:
            services.action_status_update(
                actor=request.user, status=status, **form.service_values()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Status %(status)s saved.") % {"status": status})
            return redirect(_settings_url(request, "statuses"))
    return render(request, "plans/status_form.html", {"form": form, "status": status})


@tenant_view(can_manage_plan)
@require_POST
@with_plan(_no_plan_yet)
def status_move(request: TenantRequest, plan: Plan, pk: int) -> HttpResponse:
    status = _status(plan, pk)
    try:
        services.action_status_reorder(
            actor=request.user, status=status, direction=request.POST.get("direction", "")
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(_settings_url(request, "statuses"))


@tenant_view(can_manage_plan)
@with_plan(_no_plan_yet)
def status_delete(request: TenantRequest, plan: Plan, pk: int) -> HttpResponse:
    status = _status(plan, pk)
    error = None
    if request.method == "POST":
        try:
            services.action_status_delete(actor=request.user, status=status)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, _("Status %(status)s deleted.") % {"status": status})
            return redirect(_settings_url(request, "statuses"))
    context: dict[str, Any] = {
        "status": status,
        "error": error,
        "blocker": error or services.action_status_delete_blocker(status),
    }
    return render(request, "plans/status_delete.html", context, status=400 if error else 200)
