"""Prioritisation's lists as CSV or Excel: the ranking, the cost curve, rounds and round results."""

from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet
from django.http import FileResponse
from django.utils.translation import gettext as _

from daadkracht.common.exporting import export_response
from daadkracht.plans.models import Action
from daadkracht.prioritisation.models import Criterion, ScoringRound
from daadkracht.prioritisation.selectors.mac_curve import MacCurve
from daadkracht.prioritisation.selectors.rounds import RoundResults, Spread
from daadkracht.prioritisation.selectors.scores import explain


def ranking_export(ranked: QuerySet[Action], criteria: list[Criterion], fmt: str) -> FileResponse:
    headers: list[Any] = [
        _("Rank"),
        _("Identifier"),
        _("Title"),
        _("Lead department"),
        _("Status"),
        _("Score (0-100)"),
        _("Criteria scored"),
        *[
            _("%(criterion)s (weight %(weight)s)") % {"criterion": c.name, "weight": c.weight}
            for c in criteria
        ],
        _("Not scored on"),
    ]

    def rows() -> Any:
        for action in ranked:
            explanation = explain(action, criteria)
            value = explanation.value
            yield [
                action.rank if value is not None else None,  # type: ignore[attr-defined]
                action.identifier,
                action.title,
                str(action.lead_department or ""),
                str(action.status),
                round(value, 1) if value is not None else None,
                explanation.scored_count,
                *[part.score for part in explanation.parts],
                ", ".join(c.name for c in explanation.missing),
            ]

    return export_response(name=_("Priorities"), fmt=fmt, headers=headers, rows=rows())


def cost_curve_export(curve: MacCurve, fmt: str) -> FileResponse:
    headers = [
        _("Order"),
        _("Identifier"),
        _("Title"),
        _("Lead department"),
        _("CO2 reduction (t/yr)"),
        _("Budget planned (€)"),
        _("Cost per tonne (€ per t CO2/yr)"),
        _("Cumulative CO2 reduction (t/yr)"),
    ]
    rows = [
        [
            n,
            bar.action.identifier,
            bar.action.title,
            str(bar.action.lead_department or ""),
            bar.co2,
            bar.budget,
            bar.cost_per_tonne,
            bar.end,
        ]
        for n, bar in enumerate(curve.bars, start=1)
    ]
    return export_response(name=_("Cost curve"), fmt=fmt, headers=headers, rows=rows)


def rounds_export(rounds: Iterable[ScoringRound], fmt: str) -> FileResponse:
    return export_response(
        name=_("Scoring rounds"),
        fmt=fmt,
        headers=[_("Title"), _("State"), _("Opened"), _("Actions"), _("Participants")],
        rows=(
            [
                r.title,
                r.get_state_display(),
                r.created_at.date(),
                r.action_count,  # type: ignore[attr-defined]
                r.participant_count,  # type: ignore[attr-defined]
            ]
            for r in rounds
        ),
    )


def round_results_export(results: RoundResults, fmt: str) -> FileResponse:
    headers = [
        _("Identifier"),
        _("Title"),
        _("Criterion"),
        _("Participants"),
        _("Median"),
        _("Lowest"),
        _("First quartile"),
        _("Third quartile"),
        _("Highest"),
        _("Interquartile range"),
    ]

    def numbers(values: Spread | None) -> list[Any]:
        if values is None:
            return [0, None, None, None, None, None, None]
        return [
            values.count,
            *(
                round(v, 2)
                for v in (
                    values.median,
                    values.minimum,
                    values.q1,
                    values.q3,
                    values.maximum,
                    values.iqr,
                )
            ),
        ]

    rows = []
    for result in results.actions:
        action = result.action
        rows.append(
            [action.identifier, action.title, _("Weighted score (0-100)"), *numbers(result.overall)]
        )
        for item in result.criteria:
            rows.append(
                [action.identifier, action.title, item.criterion.name, *numbers(item.spread)]
            )
    return export_response(name=_("Round results"), fmt=fmt, headers=headers, rows=rows)
