"""The query parameters of the rounds' list and of a round's results."""

from daadkracht.common.query import KeyField, QueryForm, TextField
from daadkracht.prioritisation.models import ScoringRound
from daadkracht.prioritisation.selectors.rounds import RESULT_SORTS


class RoundListQuery(QueryForm):
    """`?state=open` or `?state=closed`, and `?q=` to search the titles."""

    state = KeyField(ScoringRound.State.values)
    q = TextField()


class ResultsQuery(QueryForm):
    """`?sort=` one of the results' orders."""

    sort = KeyField(RESULT_SORTS)
