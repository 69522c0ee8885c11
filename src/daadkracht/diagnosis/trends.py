"""The trend of the collaboration in many municipalities at once: strong ties in the latest two
closed rounds, on the departments both rounds share.

The same figure as the comparison of those two rounds (`results.comparison`, its networks'
`strong_ties`), read in three queries whatever the number of municipalities: their closed rounds,
the departments taking part in the latest two, and only the answers of level `STRONG_LEVEL` or
more (a pair is a strong tie as soon as one side says so).
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from daadkracht.diagnosis.models import Respondent, SurveyRound, TieAnswer
from daadkracht.diagnosis.scales import STRONG_LEVEL


@dataclass(frozen=True)
class StrongTieTrend:
    """A municipality's closed rounds as the overview shows them."""

    latest: SurveyRound
    previous: SurveyRound | None  # None: one closed round, nothing to compare with yet
    before: int | None  # strong ties in the previous round, on the shared departments
    after: int | None  # the same in the latest round

    @property
    def change(self) -> int | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


def _strong_pairs(answers: Iterable[tuple[int, int]], shared: set[int]) -> int:
    return len(
        {
            (source, target) if source < target else (target, source)
            for source, target in answers
            if source in shared and target in shared and source != target
        }
    )


def strong_tie_trends(municipality_ids: Iterable[int]) -> dict[int, StrongTieTrend]:
    """Per municipality id with at least one closed round, its trend."""
    rounds: dict[int, list[SurveyRound]] = defaultdict(list)
    closed = (
        SurveyRound.objects.filter(
            municipality_id__in=list(municipality_ids), state=SurveyRound.State.CLOSED
        )
        .only("pk", "municipality_id", "name", "opens_on")
        .order_by("municipality_id", "-opens_on", "-pk")
    )
    for survey_round in closed:
        if len(rounds[survey_round.municipality_id]) < 2:
            rounds[survey_round.municipality_id].append(survey_round)
    compared = [pair for pair in rounds.values() if len(pair) == 2]
    round_ids = [r.pk for pair in compared for r in pair]
    taking_part: dict[int, set[int]] = defaultdict(set)
    strong: dict[int, list[tuple[int, int]]] = defaultdict(list)
    if round_ids:
        for round_id, department_id in Respondent.objects.filter(
            survey_round_id__in=round_ids
        ).values_list("survey_round_id", "department_id"):
            taking_part[round_id].add(department_id)
        for round_id, source, target in TieAnswer.objects.filter(
            respondent__survey_round_id__in=round_ids,
            respondent__answered_at__isnull=False,
            level__gte=STRONG_LEVEL,
        ).values_list("respondent__survey_round_id", "respondent__department_id", "other_id"):
            strong[round_id].append((source, target))
    trends = {}
    for municipality_id, pair in rounds.items():
        if len(pair) == 1:
            trends[municipality_id] = StrongTieTrend(pair[0], None, None, None)
            continue
        latest, previous = pair
        shared = taking_part[latest.pk] & taking_part[previous.pk]
        trends[municipality_id] = StrongTieTrend(
            latest,
            previous,
            _strong_pairs(strong[previous.pk], shared),
            _strong_pairs(strong[latest.pk], shared),
        )
    return trends
