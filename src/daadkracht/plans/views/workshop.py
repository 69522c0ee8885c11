"""Workshop mode: scoring rounds that participants join on their own device, and their results.

The pages for participants are public: the round's secret join code in the URL is the key.
They live outside `/<municipality>/` (whose pages need a membership) and activate the round's
municipality themselves, so that every query stays inside it.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from daadkracht.common.forms import add_service_errors
from daadkracht.common.listing import SortOption, apply_sort, export_format, export_response
from daadkracht.plans.forms.priorities import (
    EnterCodeForm,
    JoinForm,
    RoundActionForm,
    ScoringRoundForm,
)
from daadkracht.plans.models import Action, Criterion, RoundParticipant, ScoringRound
from daadkracht.plans.selectors.actions import ActionFilter, filtered_actions, open_actions
from daadkracht.plans.selectors.plan import current_plan
from daadkracht.plans.selectors.priorities import (
    MAX_SCORE,
    RESULT_SORTS,
    RoundResults,
    Spread,
    participant_scores,
    round_results,
    rounds_of,
)
from daadkracht.plans.services import priorities as services
from daadkracht.plans.views.priorities import filter_context, no_plan
from daadkracht.tenancy.decorators import TenantRequest, tenant_view
from daadkracht.tenancy.models import Membership
from daadkracht.tenancy.roles import Permission, Role
from daadkracht.tenancy.scoping import tenant_scope

ROUND_SORTS = [
    SortOption("created", gettext_lazy("Opened"), ("created_at",)),
    SortOption("title", gettext_lazy("Title"), ("title", "created_at")),
    SortOption("state", gettext_lazy("State"), ("state", "created_at")),
    SortOption("participants", gettext_lazy("Participants"), ("participant_count", "title")),
]
DEFAULT_ROUND_SORT = "-created"  # the latest round first

SESSION_KEY = "workshop_participants"


# --- The coordinator's side ----------------------------------------------------------------


def with_default_sort(request: HttpRequest, default: str) -> HttpRequest:
    """The request as sorting sees it: `?sort=` falls back to `default` (which may descend)."""
    if request.GET.get("sort"):
        return request
    query = request.GET.copy()
    query["sort"] = default
    sorting = HttpRequest()
    sorting.GET = cast(Any, query)
    return sorting


@tenant_view()
def rounds(request: TenantRequest) -> HttpResponse:
    plan = current_plan()
    if plan is None:
        return no_plan(request)
    state = request.GET.get("state", "")
    search = request.GET.get("q", "").strip()
    queryset = rounds_of(plan)
    if state in ScoringRound.State.values:
        queryset = queryset.filter(state=state)
    if search:
        queryset = queryset.filter(title__icontains=search)
    queryset, sort = apply_sort(
        with_default_sort(request, DEFAULT_ROUND_SORT), queryset, ROUND_SORTS
    )
    fmt = export_format(request)
    if fmt:
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
                for r in queryset
            ),
        )
    return render(
        request,
        "plans/priorities/rounds.html",
        {
            "rounds": queryset,
            "state": state,
            "search": search,
            "sort": sort,
            "states": ScoringRound.State.choices,
        },
    )


@tenant_view(Permission.EDIT_ALL)
def round_create(request: TenantRequest) -> HttpResponse:
    plan = current_plan()
    if plan is None:
        return no_plan(request)
    filters = ActionFilter.from_query(request.GET)
    candidates = (
        open_actions(filtered_actions(filters, plan))
        .select_related("lead_department")
        .order_by("identifier")
    )
    form = ScoringRoundForm(
        request.POST or None,
        criteria=Criterion.objects.filter(plan=plan).order_by("position", "id"),
        actions=candidates,
    )
    if request.method == "POST" and form.is_valid():
        try:
            scoring_round = services.scoring_round_create(
                actor=request.user,
                plan=plan,
                title=form.cleaned_data["title"],
                actions=form.chosen_actions(),
                criteria=list(form.cleaned_data["criteria"]),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Round %(title)s is open. Show the code below to the participants.")
                % {"title": scoring_round.title},
            )
            return redirect(
                "plans:round_detail",
                municipality=request.tenant.municipality.slug,
                pk=scoring_round.pk,
            )
    return render(
        request,
        "plans/priorities/round_form.html",
        {"form": form, "candidate_count": candidates.count(), **filter_context(filters)},
    )


def join_urls(request: HttpRequest, scoring_round: ScoringRound) -> dict[str, str]:
    return {
        "join_url": request.build_absolute_uri(
            reverse("workshop:join", kwargs={"join_code": scoring_round.join_code})
        ),
        "enter_url": request.build_absolute_uri(reverse("workshop:enter")),
    }


@tenant_view()
def round_detail(request: TenantRequest, pk: int) -> HttpResponse:
    """The page for the projector: the join code, and who has joined so far."""
    scoring_round = get_object_or_404(ScoringRound.objects, pk=pk)
    participants = list(
        RoundParticipant.objects.filter(scoring_round=scoring_round)
        .select_related("department")
        .order_by("created_at", "id")
    )
    context = {
        "round": scoring_round,
        "participants": participants,
        "actions": list(scoring_round.actions.order_by("identifier")),
        "criteria": list(scoring_round.criteria.order_by("position", "id")),
        "can_see_results": _may_see_results(request, scoring_round),
        **join_urls(request, scoring_round),
    }
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "plans/priorities/round_detail.html#participants", context)
    return render(request, "plans/priorities/round_detail.html", context)


def _may_see_results(request: TenantRequest, scoring_round: ScoringRound) -> bool:
    """Editors take part in rounds: they see the results once the round is closed, so that
    the scores of others do not steer theirs."""
    return request.tenant.role != Role.EDITOR or scoring_round.state == ScoringRound.State.CLOSED


@dataclass(frozen=True)
class Box:
    """A box plot drawn on a 0-`BOX_WIDTH` axis."""

    minimum: float
    q1: float
    median: float
    q3: float
    maximum: float

    @property
    def box_width(self) -> float:
        return round(max(self.q3 - self.q1, 2.0), 1)

    @property
    def box_x(self) -> float:
        """Where the box starts: a box narrower than 2 units is centred, so it stays visible."""
        return round(self.q1 - (self.box_width - (self.q3 - self.q1)) / 2, 1)


BOX_WIDTH = 300


def box(values: Spread | None, scale_max: float) -> Box | None:
    if values is None:
        return None

    def at(value: float) -> float:
        return round(value / scale_max * BOX_WIDTH, 1)

    return Box(
        at(values.minimum), at(values.q1), at(values.median), at(values.q3), at(values.maximum)
    )


ROW_HEIGHT = 26


def _result_rows(results: RoundResults) -> list[dict[str, Any]]:
    return [
        {
            "result": result,
            "box": box(result.overall, 100),
            "criteria": [
                (c, box(c.spread, MAX_SCORE), 8 + n * ROW_HEIGHT)
                for n, c in enumerate(result.criteria)
            ],
            "criteria_height": 8 + len(result.criteria) * ROW_HEIGHT + 24,
        }
        for result in results.actions
    ]


@tenant_view()
def round_results_view(request: TenantRequest, pk: int) -> HttpResponse:
    scoring_round = get_object_or_404(ScoringRound.objects, pk=pk)
    if not _may_see_results(request, scoring_round):
        raise PermissionDenied
    sort = request.GET.get("sort", "")
    sort = sort if sort in RESULT_SORTS else RESULT_SORTS[0]
    results = round_results(scoring_round, sort=sort)
    fmt = export_format(request)
    if fmt:
        return _export_results(results, fmt)
    context = {
        "round": scoring_round,
        "results": results,
        "rows": _result_rows(results),
        "sort": sort,
        "box_width": BOX_WIDTH,
        "axis": [(n, round(n / MAX_SCORE * BOX_WIDTH, 1)) for n in range(MAX_SCORE + 1)],
        "percent_axis": [(n, round(n / 100 * BOX_WIDTH, 1)) for n in range(0, 101, 20)],
    }
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "plans/priorities/round_results.html#results", context)
    return render(request, "plans/priorities/round_results.html", context)


def _export_results(results: RoundResults, fmt: str) -> HttpResponse:
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


@tenant_view(Permission.EDIT_ALL)
def round_close(request: TenantRequest, pk: int) -> HttpResponse:
    scoring_round = get_object_or_404(ScoringRound.objects, pk=pk)
    if request.method == "POST":
        services.scoring_round_close(actor=request.user, scoring_round=scoring_round)
        messages.success(
            request,
            _("Round %(title)s is closed. You can now adopt its medians as the actions' scores.")
            % {"title": scoring_round.title},
        )
        return redirect("plans:round_results", municipality=request.tenant.municipality.slug, pk=pk)
    return render(request, "plans/priorities/round_close.html", {"round": scoring_round})


@tenant_view(Permission.EDIT_ALL)
def round_adopt(request: TenantRequest, pk: int) -> HttpResponse:
    scoring_round = get_object_or_404(ScoringRound.objects, pk=pk)
    error = None
    if request.method == "POST":
        try:
            written = services.scoring_round_adopt(actor=request.user, scoring_round=scoring_round)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(
                request,
                _("%(count)d scores adopted from the round %(title)s.")
                % {"count": written, "title": scoring_round.title},
            )
            return redirect("plans:priorities", municipality=request.tenant.municipality.slug)
    return render(
        request, "plans/priorities/round_adopt.html", {"round": scoring_round, "error": error}
    )


# --- The participants' side (public, reached with the join code) ----------------------------


@contextmanager
def round_scope(join_code: str) -> Iterator[ScoringRound]:
    """Find the round by its code and activate its municipality (404 for an unknown code)."""
    scoring_round = get_object_or_404(
        ScoringRound.unscoped.select_related("municipality"), join_code=join_code
    )
    with tenant_scope(scoring_round.municipality):
        yield scoring_round


def _membership(request: HttpRequest) -> Membership | None:
    """The visitor's membership in the active municipality, if they are a logged-in member."""
    if not request.user.is_authenticated:
        return None
    return Membership.objects.filter(user=request.user).select_related("department").first()


def _participant(request: HttpRequest, scoring_round: ScoringRound) -> RoundParticipant | None:
    key = request.session.get(SESSION_KEY, {}).get(str(scoring_round.pk))
    participants = RoundParticipant.objects.filter(scoring_round=scoring_round)
    if key:
        found = participants.filter(key=key).first()
        if found is not None:
            return found
    if request.user.is_authenticated:
        return participants.filter(user=request.user).first()
    return None


def _remember(request: HttpRequest, participant: RoundParticipant) -> None:
    known = dict(request.session.get(SESSION_KEY, {}))
    known[str(participant.scoring_round_id)] = participant.key
    request.session[SESSION_KEY] = known


@login_not_required
@require_http_methods(["GET", "POST"])
def workshop_enter(request: HttpRequest) -> HttpResponse:
    """Type the code shown on the projector."""
    form = EnterCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        typed = form.cleaned_data["code"]
        for candidate in (services.normalize_join_code(typed), typed.strip()):
            if ScoringRound.unscoped.filter(join_code=candidate).exists():
                return redirect("workshop:join", join_code=candidate)
        form.add_error("code", _("No round has this code. Check the code on the screen."))
    return render(request, "plans/priorities/workshop_enter.html", {"form": form})


@login_not_required
@require_http_methods(["GET", "POST"])
def workshop_join(request: HttpRequest, join_code: str) -> HttpResponse:
    with round_scope(join_code) as scoring_round:
        participant = _participant(request, scoring_round)
        if participant is not None and request.method == "GET":
            _remember(request, participant)
            return redirect("workshop:score", join_code=join_code)
        membership = _membership(request)
        initial = {}
        if membership is not None:
            initial = {
                "name": getattr(request.user, "full_name", "") or str(request.user),
                "department": membership.department_id,
            }
        is_open = scoring_round.state == ScoringRound.State.OPEN
        form = JoinForm(request.POST if request.method == "POST" else None, initial=initial)
        if request.method == "POST" and is_open and form.is_valid():
            try:
                participant = services.round_participant_join(
                    scoring_round=scoring_round,
                    name=form.cleaned_data["name"],
                    department=form.cleaned_data["department"],
                    user=request.user if membership is not None else None,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                _remember(request, participant)
                return redirect("workshop:score", join_code=join_code)
        return render(
            request,
            "plans/priorities/workshop_join.html",
            {
                "round": scoring_round,
                "form": form,
                "is_open": is_open,
                "membership": membership,
                "municipality": scoring_round.municipality,
            },
            status=200 if is_open or request.method == "GET" else 409,
        )


def _score_cards(
    scoring_round: ScoringRound,
    participant: RoundParticipant,
    actions: list[Action],
    criteria: list[Criterion],
) -> list[dict[str, Any]]:
    given = participant_scores(participant)
    cards = []
    for action in actions:
        scores = given.get(action.pk, {})
        form = RoundActionForm(
            action=action,
            criteria=criteria,
            initial={f"c{c}": str(s) for c, s in scores.items()},
            disabled=scoring_round.state != ScoringRound.State.OPEN,
        )
        cards.append(
            {
                "action": action,
                "form": form,
                "done": all(c.pk in scores for c in criteria),
                "given": len(scores),
            }
        )
    return cards


@login_not_required
@require_http_methods(["GET", "POST"])
def workshop_score(request: HttpRequest, join_code: str) -> HttpResponse:
    with round_scope(join_code) as scoring_round:
        participant = _participant(request, scoring_round)
        if participant is None:
            return redirect("workshop:join", join_code=join_code)
        participant.scoring_round = scoring_round
        criteria = list(scoring_round.criteria.order_by("position", "id"))
        actions = list(scoring_round.actions.order_by("identifier"))
        is_open = scoring_round.state == ScoringRound.State.OPEN
        if request.method == "POST":
            return _save_scores(request, scoring_round, participant, actions, criteria)
        cards = _score_cards(scoring_round, participant, actions, criteria)
        return render(
            request,
            "plans/priorities/workshop_score.html",
            {
                "round": scoring_round,
                "participant": participant,
                "cards": cards,
                "is_open": is_open,
                "done_count": sum(1 for card in cards if card["done"]),
                "action_count": len(cards),
                "municipality": scoring_round.municipality,
            },
        )


def _save_scores(
    request: HttpRequest,
    scoring_round: ScoringRound,
    participant: RoundParticipant,
    actions: list[Action],
    criteria: list[Criterion],
) -> HttpResponse:
    action = next((a for a in actions if str(a.pk) == request.POST.get("action")), None)
    if action is None:
        raise Http404
    form = RoundActionForm(request.POST, action=action, criteria=criteria)
    error = None
    saved = False
    if form.is_valid():
        try:
            services.round_scores_submit(
                participant=participant, action=action, scores=form.scores()
            )
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            saved = True
    else:
        error = _("Choose a score from 0 to 5.")
    is_open = scoring_round.state == ScoringRound.State.OPEN and not (
        error and not saved and _closed_now(scoring_round)
    )
    if request.htmx:  # type: ignore[attr-defined]
        scores = form.scores() if form.is_valid() else {}
        card = {
            "action": action,
            "form": form,
            "done": all(scores.get(c.pk) is not None for c in criteria),
            "given": sum(1 for v in scores.values() if v is not None),
            "saved": saved,
            "error": error,
        }
        given = participant_scores(participant)
        context = {
            "card": card,
            "round": scoring_round,
            "is_open": is_open,
            "oob": True,
            "done_count": sum(
                1 for a in actions if all(c.pk in given.get(a.pk, {}) for c in criteria)
            ),
            "action_count": len(actions),
        }
        card_html = render_to_string(
            "plans/priorities/workshop_score.html#card", context, request=request
        )
        progress_html = render_to_string(
            "plans/priorities/workshop_score.html#progress", context, request=request
        )
        # The card replaces itself; the progress line above the cards follows out of band.
        return HttpResponse(card_html + progress_html)
    if saved:
        messages.success(request, _("Your scores for %(action)s are saved.") % {"action": action})
    else:
        messages.error(request, error or _("Your scores could not be saved."))
    url = reverse("workshop:score", kwargs={"join_code": scoring_round.join_code})
    return redirect(f"{url}#action-{action.pk}")


def _closed_now(scoring_round: ScoringRound) -> bool:
    scoring_round.refresh_from_db(fields=["state"])
    return scoring_round.state != ScoringRound.State.OPEN
