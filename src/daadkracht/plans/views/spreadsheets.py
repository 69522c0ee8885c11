"""Pages for exporting the actions to a spreadsheet and for the import's template."""

from django.contrib import messages
from django.http import HttpResponseBase
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from daadkracht.common.exporting import download, workbook_download
from daadkracht.common.listing import apply_sort
from daadkracht.common.navigation import tenant_url
from daadkracht.plans.forms.filters import SpreadsheetQuery
from daadkracht.plans.selectors.actions import ActionFilter, filtered_actions
from daadkracht.plans.selectors.plan import current_plan
from daadkracht.plans.spreadsheets.export import (
    actions_sheet,
    export_filename,
    spreadsheet_action_rows,
)
from daadkracht.plans.spreadsheets.records import action_records
from daadkracht.plans.spreadsheets.template import template_workbook
from daadkracht.plans.views.action_list import ACTION_SORTS
from daadkracht.tenancy.decorators import TenantRequest, tenant_view


@tenant_view()
def actions_export(request: TenantRequest) -> HttpResponseBase:
    """All actions that match the list's filters, as XLSX (default) or CSV."""
    plan = current_plan()
    records = []
    if plan is not None:
        # The same selection and order as the action list the user exported from.
        actions = filtered_actions(ActionFilter.from_query(request.GET), plan)
        records = action_records(apply_sort(request, actions, ACTION_SORTS)[0], extras=True)
    rows = spreadsheet_action_rows(records)
    fmt = SpreadsheetQuery(request.GET).value("format") or "xlsx"
    return download(
        actions_sheet(rows), fmt=fmt, filename=export_filename(request.tenant.municipality.slug)
    )


@tenant_view()
def actions_import_template(request: TenantRequest) -> HttpResponseBase:
    plan = current_plan()
    if plan is None:
        messages.info(
            request, _("Set up the climate plan first; then the template lists its values.")
        )
        return redirect(tenant_url(request, "plans:settings"))
    return workbook_download(
        template_workbook(plan), f"sjabloon-acties-{request.tenant.municipality.slug}"
    )
