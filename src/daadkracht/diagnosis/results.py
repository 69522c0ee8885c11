"""Reads of a round's answers: response rate, matrix, network figures, maturity and comparison.

A round's answers are read in three queries whatever its size (`round_answers`); everything else
is computed from them in memory, so that the result pages keep a fixed number of queries.
"""

import hashlib
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from fractions import Fraction

import networkx as nx
from django.core.cache import cache

from daadkracht.diagnosis.layout import force_layout
from daadkracht.diagnosis.models import MaturityAnswer, Respondent, SurveyRound, TieAnswer
from daadkracht.diagnosis.scales import (
    DISCUSS_GAP,
    MATURITY_MAX,
    MATURITY_MIN,
    MATURITY_THEMES,
    STRONG_LEVEL,
    Theme,
)
from daadkracht.tenancy.models import Department

# Under this share of departments answering, a round's results are provisional.
PROVISIONAL_BELOW = Fraction(2, 3)


@dataclass(frozen=True)
class RoundAnswers:
    survey_round: SurveyRound
    departments: list[Department]  # ordered by name
    respondents: dict[int, Respondent]  # by department id
    levels: dict[tuple[int, int], int]  # (department, other department) -> level
    maturity: list[tuple[str, int, str]]  # theme, score, comment

    @property
    def answered(self) -> set[int]:
        return {d for d, r in self.respondents.items() if r.answered_at is not None}

    def restricted(self, department_ids: set[int]) -> "RoundAnswers":
        """The same answers among these departments only (for a comparison of two rounds)."""
        return RoundAnswers(
            self.survey_round,
            [d for d in self.departments if d.pk in department_ids],
            {d: r for d, r in self.respondents.items() if d in department_ids},
            {
                pair: level
                for pair, level in self.levels.items()
                if pair[0] in department_ids and pair[1] in department_ids
            },
            self.maturity,
        )


def round_answers(survey_round: SurveyRound) -> RoundAnswers:
    respondents = list(
        Respondent.objects.filter(survey_round=survey_round).select_related("department")
    )
    departments = sorted((r.department for r in respondents), key=lambda d: (d.name.lower(), d.pk))
    ties = TieAnswer.objects.filter(
        respondent__survey_round=survey_round, respondent__answered_at__isnull=False
    ).values_list("respondent__department_id", "other_id", "level")
    maturity = MaturityAnswer.objects.filter(
        respondent__survey_round=survey_round, respondent__answered_at__isnull=False
    ).values_list("theme", "score", "comment")
    return RoundAnswers(
        survey_round=survey_round,
        departments=departments,
        respondents={r.department_id: r for r in respondents},
        levels={(source, target): level for source, target, level in ties},
        maturity=list(maturity),
    )


@dataclass(frozen=True)
class ResponseRate:
    answered: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.answered / self.total) if self.total else 0

    @property
    def provisional(self) -> bool:
        return self.total == 0 or Fraction(self.answered, self.total) < PROVISIONAL_BELOW


def response_rate(answers: RoundAnswers) -> ResponseRate:
    return ResponseRate(len(answers.answered), len(answers.respondents))


def non_respondents(answers: RoundAnswers) -> list[Respondent]:
    return [
        answers.respondents[d.pk]
        for d in answers.departments
        if answers.respondents[d.pk].answered_at is None
    ]


# --- Matrix -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    other: Department
    level: int | None  # None: not answered (or the department itself)
    is_self: bool = False
    discuss: bool = False


@dataclass(frozen=True)
class MatrixRow:
    department: Department
    answered: bool
    cells: list[Cell]


@dataclass(frozen=True)
class Disagreement:
    first: Department
    second: Department
    first_says: int
    second_says: int


@dataclass(frozen=True)
class Matrix:
    departments: list[Department]
    rows: list[MatrixRow]
    disagreements: list[Disagreement]


def matrix(answers: RoundAnswers) -> Matrix:
    """Rows: what each department said about the others (columns); wide gaps marked."""
    levels = answers.levels
    answered = answers.answered
    pairs = [(d, d.pk) for d in answers.departments]  # ids read once: 40 x 40 cells
    disagreements: list[Disagreement] = []
    rows = []
    for department, own in pairs:
        cells = []
        for other, other_id in pairs:
            if other_id == own:
                cells.append(Cell(other, None, is_self=True))
                continue
            said = levels.get((own, other_id))
            heard = levels.get((other_id, own))
            discuss = said is not None and heard is not None and abs(said - heard) >= DISCUSS_GAP
            cells.append(Cell(other, said, discuss=discuss))
        rows.append(MatrixRow(department, own in answered, cells))
    for i, (first, first_id) in enumerate(pairs):
        for second, second_id in pairs[i + 1 :]:
            a, b = levels.get((first_id, second_id)), levels.get((second_id, first_id))
            if a is not None and b is not None and abs(a - b) >= DISCUSS_GAP:
                disagreements.append(Disagreement(first, second, a, b))
    return Matrix(answers.departments, rows, disagreements)


# --- Network ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tie:
    """A pair of departments with at least one side reporting some collaboration."""

    first: Department
    second: Department
    first_says: int | None  # None: the first department did not answer
    second_says: int | None
    # The higher of the two reported levels; set once, read for every line, row and change.
    strength: int = field(init=False)
    # Both sides answered and both report a tie.
    mutual: bool = field(init=False)

    def __post_init__(self) -> None:
        first, second = self.first_says or 0, self.second_says or 0
        object.__setattr__(self, "strength", max(first, second))
        object.__setattr__(self, "mutual", bool(first) and bool(second))


@dataclass(frozen=True)
class Broker:
    department: Department
    betweenness: float


@dataclass
class Network:
    departments: list[Department]
    answered: set[int]
    ties: list[Tie]
    density: float  # ties / possible pairs
    reciprocity: float | None  # mutual ties / ties between two departments that both answered
    isolates: list[Department]
    strong_ties: int
    brokers: list[Broker] = field(default_factory=list)
    positions: dict[int, tuple[float, float]] = field(default_factory=dict)


def network(answers: RoundAnswers, *, layout: bool = True, brokerage: bool = False) -> Network:
    departments = answers.departments
    levels = answers.levels
    ties: list[Tie] = []
    pairs = [(d, d.pk) for d in departments]
    for i, (first, first_id) in enumerate(pairs):
        for second, second_id in pairs[i + 1 :]:
            a, b = levels.get((first_id, second_id)), levels.get((second_id, first_id))
            if (a or 0) > 0 or (b or 0) > 0:
                ties.append(Tie(first, second, a, b))
    n = len(departments)
    possible = n * (n - 1) // 2
    answered = answers.answered
    both_answered = [t for t in ties if t.first.pk in answered and t.second.pk in answered]
    linked = {t.first.pk for t in ties} | {t.second.pk for t in ties}
    result = Network(
        departments=departments,
        answered=answered,
        ties=ties,
        density=len(ties) / possible if possible else 0.0,
        reciprocity=(
            sum(1 for t in both_answered if t.mutual) / len(both_answered)
            if both_answered
            else None
        ),
        isolates=[d for d in departments if d.pk not in linked],
        strong_ties=sum(1 for t in ties if t.strength >= STRONG_LEVEL),
    )
    # The graph serves the brokers and the drawing only: a comparison needs neither.
    if not (brokerage and n > 2) and not (layout and n):
        return result
    graph = nx.Graph()
    graph.add_nodes_from(d.pk for d in departments)
    graph.add_edges_from((t.first.pk, t.second.pk, {"weight": t.strength}) for t in ties)
    if brokerage and n > 2:
        by_id = {d.pk: d for d in departments}
        centrality = nx.betweenness_centrality(graph)
        result.brokers = sorted(
            (Broker(by_id[pk], value) for pk, value in centrality.items() if value > 0),
            key=lambda b: (-b.betweenness, b.department.name.lower()),
        )[:5]
    if layout and n:
        # Fixed seed and nodes added in a fixed order: the same answers give the same drawing.
        result.positions = _layout(graph, ties)
    return result


LAYOUT_SECONDS = 24 * 60 * 60


def _layout(graph: nx.Graph, ties: list[Tie]) -> dict[int, tuple[float, float]]:
    """The drawing's positions, kept in the cache for the same nodes and weighted ties."""
    # The ties come in a fixed order (by department pair), so they describe the edges as well
    # as the graph's own sorted list does, without sorting and walking its adjacency again.
    edges = sorted((t.first.pk, t.second.pk, t.strength) for t in ties)
    shape = repr((list(graph.nodes), edges))
    key = "diagnosis:layout:" + hashlib.sha256(shape.encode()).hexdigest()
    cached = cache.get(key)
    if cached is not None:
        return {int(node): (float(x), float(y)) for node, (x, y) in cached.items()}
    positions: dict[int, tuple[float, float]] = force_layout(graph)
    cache.set(key, positions, LAYOUT_SECONDS)
    return positions


# --- Maturity ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ThemeResult:
    theme: Theme
    counts: dict[int, int]  # score -> number of answers
    mean: float | None
    comments: list[str]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def spread(self) -> tuple[int, int] | None:
        given = [score for score, count in self.counts.items() if count]
        return (min(given), max(given)) if given else None


def maturity(answers: RoundAnswers) -> list[ThemeResult]:
    scores: dict[str, list[int]] = {theme.key: [] for theme in MATURITY_THEMES}
    comments: dict[str, list[str]] = {theme.key: [] for theme in MATURITY_THEMES}
    for theme_key, score, comment in answers.maturity:
        if theme_key in scores:
            scores[theme_key].append(score)
            if comment:
                comments[theme_key].append(comment)
    return [
        ThemeResult(
            theme,
            {s: scores[theme.key].count(s) for s in range(MATURITY_MIN, MATURITY_MAX + 1)},
            statistics.fmean(scores[theme.key]) if scores[theme.key] else None,
            sorted(comments[theme.key]),
        )
        for theme in MATURITY_THEMES
    ]


# --- Comparison -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PairChange:
    first: Department
    second: Department
    before: int
    after: int


@dataclass(frozen=True)
class Comparison:
    before: SurveyRound
    after: SurveyRound
    departments: list[Department]
    rate_before: ResponseRate
    rate_after: ResponseRate
    network_before: Network
    network_after: Network
    maturity_before: list[ThemeResult]
    maturity_after: list[ThemeResult]
    changes: list[PairChange]  # pairs whose strength changed
    left_out: list[Department]  # in one round only

    @property
    def maturity_pairs(self) -> list[tuple[ThemeResult, ThemeResult]]:
        return list(zip(self.maturity_before, self.maturity_after, strict=True))


def _strengths(net: Network) -> dict[tuple[int, int], int]:
    return {(t.first.pk, t.second.pk): t.strength for t in net.ties}


def comparison(before: RoundAnswers, after: RoundAnswers) -> Comparison:
    """Two rounds on the departments they share; the departments in one round only are named."""
    common = set(before.respondents) & set(after.respondents)
    everyone = {d.pk: d for d in [*before.departments, *after.departments]}
    left_out = sorted(
        (everyone[pk] for pk in set(everyone) - common), key=lambda d: (d.name.lower(), d.pk)
    )
    old, new = before.restricted(common), after.restricted(common)
    net_old, net_new = network(old, layout=False), network(new, layout=False)
    strengths_old, strengths_new = _strengths(net_old), _strengths(net_new)
    by_id = {d.pk: d for d in new.departments}
    changes = []
    for i, first in enumerate(new.departments):
        for second in new.departments[i + 1 :]:
            pair = (first.pk, second.pk)
            a, b = strengths_old.get(pair, 0), strengths_new.get(pair, 0)
            if a != b:
                changes.append(PairChange(by_id[first.pk], by_id[second.pk], a, b))
    changes.sort(key=lambda c: (-(c.after - c.before), c.first.name.lower(), c.second.name.lower()))
    return Comparison(
        before=before.survey_round,
        after=after.survey_round,
        departments=new.departments,
        rate_before=response_rate(old),
        rate_after=response_rate(new),
        network_before=net_old,
        network_after=net_new,
        maturity_before=maturity(before),
        maturity_after=maturity(after),
        changes=changes,
        left_out=left_out,
    )


def rounds_to_compare(survey_round: SurveyRound) -> Iterable[SurveyRound]:
    """The other rounds of the municipality that have answers to compare with."""
    return SurveyRound.objects.exclude(pk=survey_round.pk).exclude(state=SurveyRound.State.DRAFT)
