"""The query parameters of the dashboard's pages (the action filters are the plan's)."""

from django.utils.translation import gettext_lazy as _

from daadkracht.common.query import DayField, IdField, KeyField, QueryForm
from daadkracht.dashboard.selectors.lists import ATTENTION_KINDS


class SinceQuery(QueryForm):
    """`?sinds=YYYY-MM-DD`: the changes since that day."""

    sinds = DayField()

    def problem(self) -> str:
        """What to tell about a date that was not used, if one was given."""
        codes = {error.code for error in self.errors.as_data().get("sinds", [])}
        if not codes:
            return ""
        if codes == {"out_of_range"}:
            return str(
                _("Choose a date between 1900 and 2100; the changes of the last 30 days are shown.")
            )
        return str(_("That is not a date; the changes of the last 30 days are shown."))


class AttentionQuery(QueryForm):
    """`?kind=late` or `?kind=stale`: only the late or only the stale actions."""

    kind = KeyField(ATTENTION_KINDS)


class DepartmentQuery(QueryForm):
    """`?department=id`: the tasks of one department's actions."""

    department = IdField()


class ChosenDepartmentQuery(QueryForm):
    """`?dienst=id`: the department chosen in the header's chooser."""

    dienst = IdField()
