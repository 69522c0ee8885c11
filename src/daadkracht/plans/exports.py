"""The timeline of an action as CSV or Excel."""

from collections.abc import Iterable

from django.http import FileResponse
from django.utils.translation import gettext as _

from daadkracht.common.exporting import export_response
from daadkracht.plans.models import Action, StatusUpdate


def action_timeline_export(
    action: Action, updates: Iterable[StatusUpdate], fmt: str
) -> FileResponse:
    return export_response(
        name=_("Timeline %(identifier)s") % {"identifier": action.identifier},
        fmt=fmt,
        headers=[
            _("Date"),
            _("Kind"),
            _("Source"),
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
                u.get_source_display(),
                str(u.author or ""),
                u.shown_text,
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
