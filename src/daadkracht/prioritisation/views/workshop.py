"""Workshop mode for participants: joining a scoring round on their own device and scoring.

The pages need no log-in: the round's secret join code in the URL is the key. They live outside
`/<municipality>/` (whose pages need a membership); the code's entry point (`code_view`) opens
the round's municipality for the holder of the code, so that every query stays inside it.
"""

from http import HTTPStatus
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_htmx.http import HttpResponseClientRefresh

from daadkracht.access.context import current
from daadkracht.access.entry import code_view, public_view, too_many
from daadkracht.access.throttle import record_miss, too_many_misses
from daadkracht.common.forms import add_service_errors
from daadkracht.plans.models import Action
from daadkracht.prioritisation.forms.workshop import EnterCodeForm, JoinForm, RoundActionForm
from daadkracht.prioritisation.models import Criterion, RoundParticipant, ScoringRound
from daadkracht.prioritisation.selectors.rounds import participant_scores
from daadkracht.prioritisation.services import rounds as services
from daadkracht.tenancy.models import Membership

SESSION_KEY = "workshop_participants"


def _round_by_code(join_code: str) -> tuple[Any, int] | None:
    """The municipality and id of the round with this join code (the code is the key)."""
    found = (
        ScoringRound.unscoped.select_related("municipality")
        .filter(join_code=join_code)
        .only("pk", "municipality")
        .first()
    )
    return (found.municipality, found.pk) if found is not None else None


WORKSHOP = "workshop"

workshop_round = code_view(
    WORKSHOP, "prioritisation.ScoringRound", _round_by_code, url_kwarg="join_code"
)


def _closed(request: HttpRequest) -> HttpResponse:
    """A closed round tells a code holder only that: not whose round, nor what it was about."""
    if request.htmx:  # type: ignore[attr-defined]
        return HttpResponseClientRefresh()
    return render(request, "prioritisation/workshop_closed.html", status=HTTPStatus.GONE)


def _membership() -> Membership | None:
    """The visitor's membership in the round's municipality, if they are a logged-in member."""
    context = current()
    return context.membership if context is not None else None


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


@public_view
@require_http_methods(["GET", "POST"])
def workshop_enter(request: HttpRequest) -> HttpResponse:
    """Type the code shown on the projector."""
    form = EnterCodeForm(request.POST or None)
    if request.method == "POST" and too_many_misses(request, WORKSHOP):
        return too_many(request)
    if request.method == "POST" and form.is_valid():
        typed = form.cleaned_data["code"]
        for candidate in (services.normalize_join_code(typed), typed.strip()):
            if ScoringRound.unscoped.filter(join_code=candidate).exists():
                return redirect("workshop:join", join_code=candidate)
        record_miss(request, WORKSHOP)
        form.add_error("code", _("No round has this code. Check the code on the screen."))
    return render(request, "prioritisation/workshop_enter.html", {"form": form})


@workshop_round
@require_http_methods(["GET", "POST"])
def workshop_join(request: HttpRequest, scoring_round: ScoringRound) -> HttpResponse:
    if scoring_round.state != ScoringRound.State.OPEN:
        return _closed(request)
    join_code = scoring_round.join_code
    participant = _participant(request, scoring_round)
    if participant is not None and request.method == "GET":
        _remember(request, participant)
        return redirect("workshop:score", join_code=join_code)
    membership = _membership()
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
        "prioritisation/workshop_join.html",
        {
            "round": scoring_round,
            "form": form,
            "is_open": is_open,
            "membership": membership,
            "municipality": scoring_round.municipality,
        },
        status=200 if is_open or request.method == "GET" else 409,
    )


def _card(
    action: Action, form: RoundActionForm, scores: dict[int, Any], criteria: list[Criterion]
) -> dict[str, Any]:
    """One action's score card; `scores` maps criterion ids to the scores given (None: not)."""
    given = {pk for pk, score in scores.items() if score is not None}
    return {
        "action": action,
        "form": form,
        "done": all(c.pk in given for c in criteria),
        "given": len(given),
    }


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
        cards.append(_card(action, form, scores, criteria))
    return cards


@workshop_round
@require_http_methods(["GET", "POST"])
def workshop_score(request: HttpRequest, scoring_round: ScoringRound) -> HttpResponse:
    if scoring_round.state != ScoringRound.State.OPEN:
        return _closed(request)
    join_code = scoring_round.join_code
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
        "prioritisation/workshop_score.html",
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
        card = {**_card(action, form, scores, criteria), "saved": saved, "error": error}
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
            "prioritisation/workshop_score.html#card", context, request=request
        )
        progress_html = render_to_string(
            "prioritisation/workshop_score.html#progress", context, request=request
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
