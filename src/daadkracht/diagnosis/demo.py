"""The demo municipalities' diagnosis: two closed rounds a year apart, the second stronger."""

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from daadkracht.diagnosis.models import MaturityAnswer, Respondent, SurveyRound, TieAnswer
from daadkracht.diagnosis.scales import THEME_KEYS
from daadkracht.tenancy.models import Department, Municipality

# What representatives write beside their scores, per theme: (zero measurement, a year later).
COMMENTS: dict[str, tuple[list[str], list[str]]] = {
    "culture": (
        [
            "We horen pas laat van projecten van andere diensten.",
            "Klimaat wordt gezien als iets van de dienst Milieu.",
            "Collega's helpen graag, maar niemand neemt het voortouw.",
        ],
        [
            "Sinds de lunchgesprekken bellen we elkaar sneller op.",
            "Klimaat staat nu ook op ons eigen teamoverleg.",
        ],
    ),
    "structure": (
        [
            "Er is geen vast overleg over klimaat tussen de diensten.",
            "Het is niet duidelijk wie van onze dienst naar welke vergadering gaat.",
        ],
        [
            "Het klimaatteam gebouwen werkt goed; mobiliteit moet nog op gang komen.",
            "Eén aanspreekpunt per dienst maakt het veel eenvoudiger.",
        ],
    ),
    "model": (
        [
            "Voorstellen blijven hangen tussen het managementteam en het college.",
            "Wie beslist over de klimaatbudgetten?",
        ],
        [
            "De stuurgroep rapporteert nu elk kwartaal aan het college.",
        ],
    ),
    "political": (
        [
            "De schepen steunt het plan, maar in de andere beleidsdomeinen leeft het minder.",
        ],
        [
            "Het college vraagt nu zelf naar de voortgang van de acties.",
            "Bij de begroting kreeg klimaat meer aandacht dan vroeger.",
        ],
    ),
    "dashboard": (
        [
            "Het dashboard wordt vooral door de duurzaamheidsambtenaar bijgehouden.",
            "We wisten niet dat we onze acties zelf konden bijwerken.",
        ],
        [
            "De maandelijkse herinnering helpt om de acties bij te werken.",
            "Handig om te zien welke acties van andere diensten bij de onze aansluiten.",
        ],
    ),
}


def _moment(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10, 0)))


def build_demo_rounds(municipality: Municipality, departments: list[Department], seed: int) -> None:
    """The zero measurement (one department did not answer) and the follow-up a year later."""
    if len(departments) < 3:
        return
    chance = random.Random(seed)
    today = timezone.localdate()
    ordered = sorted(departments, key=lambda d: d.name)
    # How closely each pair works together, as both sides would roughly say it: the
    # sustainability department sits in the middle, most other pairs hardly meet on climate.
    hub = next((d for d in ordered if "uurzaam" in d.name), ordered[0])
    shared: dict[frozenset[int], int] = {}
    for a in ordered:
        for b in ordered:
            if a.pk < b.pk:
                if hub in (a, b):
                    level = round(chance.gauss(2.4, 0.9))
                elif chance.random() < 0.55:
                    level = 0
                else:
                    level = round(chance.gauss(1.4, 0.8))
                shared[frozenset((a.pk, b.pk))] = max(0, min(5, level))
    # A year of working together: more and stronger ties, mostly where there were some.
    grown = {
        pair: min(5, level + chance.choice([0, 1, 1, 2]))
        if level
        else (chance.choice([1, 2]) if chance.random() < 0.35 else 0)
        for pair, level in shared.items()
    }
    for index, (name, opens_on) in enumerate(
        [
            ("Nulmeting samenwerking", today - timedelta(days=400)),
            ("Opvolgingsmeting samenwerking", today - timedelta(days=35)),
        ]
    ):
        survey_round = SurveyRound.objects.create(
            municipality=municipality,
            name=name,
            opens_on=opens_on,
            closes_on=opens_on + timedelta(days=21),
            state=SurveyRound.State.CLOSED,
            opened_at=_moment(opens_on),
            closed_at=_moment(opens_on + timedelta(days=21)),
        )
        survey_round.departments.set(ordered)
        silent = ordered[-1].pk if index == 0 else None
        respondents = Respondent.objects.bulk_create(
            Respondent(
                municipality=municipality,
                survey_round=survey_round,
                department=department,
                name=f"Vertegenwoordiger {department.name}",
                email=f"dienst{department.pk}@{municipality.slug}.demo",
                invited_at=_moment(opens_on),
                reminded_at=_moment(opens_on + timedelta(days=10)) if index == 0 else None,
                answered_at=(
                    None
                    if department.pk == silent
                    else _moment(opens_on + timedelta(days=chance.randint(1, 20)))
                ),
            )
            for department in ordered
        )
        ties, maturity = [], []
        remarks = {theme: list(COMMENTS.get(theme, ([], []))[index]) for theme in THEME_KEYS}
        for respondent in respondents:
            if respondent.answered_at is None:
                continue
            for other in ordered:
                if other.pk == respondent.department_id:
                    continue
                pair = frozenset((respondent.department_id, other.pk))
                # Each side sees the tie a little differently now and then.
                level = (grown if index else shared)[pair]
                if level and chance.random() < 0.2:
                    level = max(1, min(5, level + chance.choice([-1, 1])))
                elif not level and chance.random() < 0.06:
                    level = 1
                ties.append(
                    TieAnswer(
                        municipality=municipality, respondent=respondent, other=other, level=level
                    )
                )
            for theme in THEME_KEYS:
                score = min(5, chance.randint(1, 3) + index)
                # Each remark once per round, from a few of the respondents.
                unused = remarks[theme]
                comment = unused.pop() if unused and chance.random() < 0.25 else ""
                maturity.append(
                    MaturityAnswer(
                        municipality=municipality,
                        respondent=respondent,
                        theme=theme,
                        score=score,
                        comment=comment,
                    )
                )
        TieAnswer.objects.bulk_create(ties)
        MaturityAnswer.objects.bulk_create(maturity)
