"""The query parameters of the network map."""

from daadkracht.common.query import FlagField, IdField, KeyField, QueryForm
from daadkracht.stakeholders.models import OrganisationKind

NODE_KINDS = ("organisation", "body", "theme")


class NetworkMapQuery(QueryForm):
    """`?theme=` a theme's id (its neighbourhood); `?kind=` a type of organisation; the kinds of
    node shown as tick boxes (`organisations=1`, `bodies=1`, `themes=1`), read only when the
    form says it sent them (`shown=1`): without it, everything is shown."""

    theme = IdField()
    kind = KeyField(OrganisationKind.values)
    shown = FlagField()
    organisations = FlagField()
    bodies = FlagField()
    themes = FlagField()

    def node_kinds(self) -> set[str]:
        if not self.value("shown"):
            return set(NODE_KINDS)
        ticked = {
            "organisation": self.value("organisations"),
            "body": self.value("bodies"),
            "theme": self.value("themes"),
        }
        return {kind for kind, on in ticked.items() if on}
