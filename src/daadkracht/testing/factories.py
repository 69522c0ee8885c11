"""Factories for every model; they write as the platform, for whichever municipality is given."""

from collections.abc import Callable
from datetime import timedelta
from functools import wraps
from typing import Any

import factory
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory

from daadkracht.access.context import platform_scope
from daadkracht.accounts.models import Invitation, User
from daadkracht.diagnosis.models import MaturityAnswer, Respondent, SurveyRound, TieAnswer
from daadkracht.offers.models import Offer, OfferStep, OfferType, Provider
from daadkracht.plans.models import Action, ActionStatus, Task
from daadkracht.practices.models import Practice, PracticeStatus, PracticeTheme, PracticeThemeTag
from daadkracht.practices.search.index import practice_reindex
from daadkracht.tenancy.models import Department, Membership, Municipality
from daadkracht.tenancy.roles import Role

DEFAULT_PASSWORD = "demo-daadkracht-2030"


def as_platform[**P, R](function: Callable[P, R]) -> Callable[P, R]:
    """Test data is written as the platform writes it: for the municipality it names."""

    @wraps(function)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> R:
        with platform_scope():
            return function(*args, **kwargs)

    return wrapped


class UnscopedFactory[T](DjangoModelFactory[T]):
    """Tenant rows are made as the platform makes them: for the municipality they name."""

    class Meta:
        abstract = True

    @classmethod
    def _get_manager(cls, model_class: Any) -> Any:
        return getattr(model_class, "unscoped", model_class._default_manager)

    @classmethod
    @as_platform
    def _create(cls, model_class: Any, *args: Any, **kwargs: Any) -> Any:
        return super()._create(model_class, *args, **kwargs)


class MunicipalityFactory(DjangoModelFactory[Municipality]):
    class Meta:
        model = Municipality
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Gemeente {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class UserFactory(DjangoModelFactory[User]):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@example.be")
    full_name = factory.Faker("name", locale="nl_BE")
    language = "nl"
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def _save_password(obj: User, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create:
            obj.save(update_fields=["password"])


class DepartmentFactory(UnscopedFactory[Department]):
    class Meta:
        model = Department

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Dienst {n}")


class MembershipFactory(UnscopedFactory[Membership]):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    municipality = factory.SubFactory(MunicipalityFactory)
    role = Role.EDITOR
    department = None


class InvitationFactory(UnscopedFactory[Invitation]):
    class Meta:
        model = Invitation

    municipality = factory.SubFactory(MunicipalityFactory)
    email = factory.Sequence(lambda n: f"uitgenodigd{n}@example.be")
    role = Role.EDITOR


class ActionFactory(UnscopedFactory[Action]):
    """An action in the given plan, with the plan's first status."""

    class Meta:
        model = Action

    plan: Any = None
    municipality = factory.LazyAttribute(lambda o: o.plan.municipality)
    identifier = factory.Sequence(lambda n: f"A{n:03d}")
    title = factory.Sequence(lambda n: f"Actie {n}")
    status = factory.LazyAttribute(
        lambda o: ActionStatus.unscoped.filter(plan=o.plan).order_by("position").first()
    )


class TaskFactory(UnscopedFactory[Task]):
    class Meta:
        model = Task

    action: Any = None
    municipality = factory.LazyAttribute(lambda o: o.action.municipality)
    title = factory.Sequence(lambda n: f"Taak {n}")


class SurveyRoundFactory(UnscopedFactory[SurveyRound]):
    """A diagnosis round; pass `departments=[...]` to give each a respondent."""

    class Meta:
        model = SurveyRound
        skip_postgeneration_save = True

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Samenwerkingsbevraging {n}")
    opens_on = factory.LazyFunction(lambda: timezone.localdate())
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=14))
    state = SurveyRound.State.OPEN

    @factory.post_generation
    def departments(obj: SurveyRound, create: bool, extracted: Any, **kwargs: Any) -> None:
        if not create or not extracted:
            return
        with platform_scope():
            obj.departments.set(extracted)
            Respondent.unscoped.bulk_create(
                Respondent(
                    municipality_id=obj.municipality_id,
                    survey_round=obj,
                    department=department,
                    name=f"Vertegenwoordiger {department.name}",
                    email=f"{slugify(department.name)}-{department.pk}@example.be",
                    invited_at=timezone.now(),
                )
                for department in extracted
            )


@as_platform
def survey_answers_give(
    survey_round: SurveyRound,
    department: Department,
    levels: dict[Department, int],
    maturity: dict[str, int] | None = None,
) -> Respondent:
    """The answers of one department's respondent, as if given through the link."""
    respondent = Respondent.unscoped.get(survey_round=survey_round, department=department)
    TieAnswer.unscoped.filter(respondent=respondent).delete()
    MaturityAnswer.unscoped.filter(respondent=respondent).delete()
    TieAnswer.unscoped.bulk_create(
        TieAnswer(
            municipality_id=respondent.municipality_id,
            respondent=respondent,
            other=other,
            level=level,
        )
        for other, level in levels.items()
    )
    MaturityAnswer.unscoped.bulk_create(
        MaturityAnswer(
            municipality_id=respondent.municipality_id,
            respondent=respondent,
            theme=theme,
            score=score,
        )
        for theme, score in (maturity or {}).items()
    )
    respondent.answered_at = timezone.now()
    respondent.save(update_fields=["answered_at"])
    return respondent


class ProviderFactory(DjangoModelFactory[Provider]):
    class Meta:
        model = Provider
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Aanbieder {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    email = factory.LazyAttribute(lambda o: f"info@{o.slug}.test")


class OfferFactory(DjangoModelFactory[Offer]):
    class Meta:
        model = Offer

    provider = factory.SubFactory(ProviderFactory)
    title = factory.Sequence(lambda n: f"Aanbod {n}")
    theme = PracticeTheme.ENERGY
    kind = OfferType.GUIDANCE
    introduction = "Wat het aanbod inhoudt."
    responsibilities = "Politiek draagvlak.\nEén aanspreekpunt."
    contact_name = "Tina Baert"
    contact_phone = "016 22 21 03"


class OfferStepFactory(DjangoModelFactory[OfferStep]):
    class Meta:
        model = OfferStep

    offer = factory.SubFactory(OfferFactory)
    position = factory.Sequence(lambda n: n)
    text = factory.Sequence(lambda n: f"Stap {n}")


class PracticeFactory(UnscopedFactory[Practice]):
    """A practice, published unless a `status` is given; `themes=[PracticeTheme...]` tags it.

    A published practice is put in the search index, as publishing does.
    """

    class Meta:
        model = Practice
        skip_postgeneration_save = True

    municipality = factory.SubFactory(MunicipalityFactory)
    title = factory.Sequence(lambda n: f"Praktijk {n}")
    summary = "Een korte inleiding op wat de gemeente deed."
    started_year = 2024
    status = PracticeStatus.PUBLISHED
    published_at = factory.LazyAttribute(
        lambda o: timezone.now() if o.status == PracticeStatus.PUBLISHED else None
    )

    @factory.post_generation
    def themes(obj: Practice, create: bool, extracted: Any, **kwargs: Any) -> None:
        if not create:
            return
        with platform_scope():
            for theme in extracted or ():
                PracticeThemeTagFactory(practice=obj, theme=theme)
            practice_reindex(obj)


class PracticeThemeTagFactory(UnscopedFactory[PracticeThemeTag]):
    class Meta:
        model = PracticeThemeTag

    practice: Any = None
    municipality = factory.LazyAttribute(lambda o: o.practice.municipality)
    theme = "energy"
