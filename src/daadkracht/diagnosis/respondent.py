"""The respondent's page: a department's representative answers through their signed link.

The link opens one respondent and nothing else: no other answers, no navigation into the
municipality. A forged or expired link, and a closed round, get a page that changes nothing.
"""

from http import HTTPStatus

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from daadkracht.access.context import LinkGrant
from daadkracht.access.entry import signed_link_view
from daadkracht.common.forms import add_service_errors
from daadkracht.diagnosis.forms import LEVEL_GUIDE, AnswerForm
from daadkracht.diagnosis.models import MaturityAnswer, Respondent, SurveyRound, TieAnswer
from daadkracht.diagnosis.scales import MORE_IS_NOT_ALWAYS_BETTER
from daadkracht.diagnosis.services import survey_answers_save
from daadkracht.diagnosis.tokens import SURVEY_LINK, respondent_version

INVALID = "diagnosis/survey_invalid.html"


@signed_link_view(SURVEY_LINK, invalid_template=INVALID, version=respondent_version)
@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, respondent: Respondent, grant: LinkGrant) -> HttpResponse:
    survey_round = SurveyRound.objects.get(pk=respondent.survey_round_id)
    if survey_round.state != SurveyRound.State.OPEN:
        status = HTTPStatus.GONE if request.method == "POST" else HTTPStatus.OK
        return render(
            request, "diagnosis/survey_closed.html", {"round": survey_round}, status=status
        )
    others = list(
        survey_round.departments.exclude(pk=respondent.department_id).order_by("name", "id")
    )
    initial = {
        f"level_{other_id}": level
        for other_id, level in TieAnswer.objects.filter(respondent=respondent).values_list(
            "other_id", "level"
        )
    }
    for theme, score, comment in MaturityAnswer.objects.filter(respondent=respondent).values_list(
        "theme", "score", "comment"
    ):
        initial[f"score_{theme}"] = score
        initial[f"comment_{theme}"] = comment
    form = AnswerForm(request.POST or None, others=others, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            survey_answers_save(
                respondent=respondent, levels=form.levels(), maturity=form.maturity()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Thank you, your answers are saved. You can change them until the round closes."),
            )
            return redirect(request.path)
    return render(
        request,
        "diagnosis/survey_answer.html",
        {
            "respondent": respondent,
            "department": respondent.department,
            "round": survey_round,
            "form": form,
            "levels": LEVEL_GUIDE,
            "more_is_not_better": MORE_IS_NOT_ALWAYS_BETTER,
        },
    )
