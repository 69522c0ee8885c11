"""The demo's practice database: Bruges' seed practice, about twenty practices of other demo
municipalities, one Bruges draft and one Bruges practice waiting for the editors, and adoptions."""

from datetime import datetime, timedelta

from django.utils import timezone

from daadkracht.accounts.models import User
from daadkracht.demo.practice_texts import (
    ADOPTIONS,
    BRUGES,
    BRUGES_DRAFT,
    BRUGES_SUBMITTED,
    DAMME,
    OTHER_PRACTICES,
    SEED_PRACTICE,
    TOWNS,
    DemoTown,
    PracticeText,
)
from daadkracht.practices.models import (
    Adoption,
    Practice,
    PracticeEvent,
    PracticeEventKind,
    PracticeStatus,
    PracticeThemeTag,
)
from daadkracht.practices.search.index import practice_reindex
from daadkracht.tenancy.models import Municipality
from daadkracht.testing.factories import MunicipalityFactory

BRUGES_AUTHOR = "coordinator@brugge.demo"


def build_practices(
    bruges: Municipality, damme: Municipality, *, editor: User | None = None
) -> list[Practice]:
    """Fill the practice database (as the platform, in the demo's build); returns the published
    practices. `editor` is the platform editor who published them."""
    _describe(bruges, BRUGES)
    _describe(damme, DAMME)
    towns = {"brugge": bruges} | {key: _town(town) for key, town in TOWNS.items()}
    author = User.objects.filter(email=BRUGES_AUTHOR).first()
    now = timezone.now()

    published: dict[str, Practice] = {}
    texts = [("brugge", SEED_PRACTICE), *OTHER_PRACTICES]
    for position, (town_key, text) in enumerate(texts):
        municipality = towns[town_key]
        practice = _practice(
            municipality,
            text,
            status=PracticeStatus.PUBLISHED,
            author=author if municipality == bruges else None,
        )
        practice.published_at = _published_at(text, position, now)
        practice.submitted_at = practice.published_at - timedelta(days=6 + position % 9)
        practice.save(update_fields=["published_at", "submitted_at"])
        _event(practice, PracticeEventKind.SUBMITTED, practice.submitted_at, actor=practice.author)
        _event(practice, PracticeEventKind.PUBLISHED, practice.published_at, actor=editor)
        published[text.key] = practice

    # Something in the making and something for the editors' moderation queue.
    _practice(bruges, BRUGES_DRAFT, status=PracticeStatus.DRAFT, author=author)
    waiting = _practice(bruges, BRUGES_SUBMITTED, status=PracticeStatus.SUBMITTED, author=author)
    waiting.submitted_at = now - timedelta(days=2)
    waiting.save(update_fields=["submitted_at"])
    _event(waiting, PracticeEventKind.SUBMITTED, waiting.submitted_at, actor=author)

    for practice_key, adopters in ADOPTIONS:
        practice = published[practice_key]
        for days, town_key in enumerate(adopters, start=1):
            adoption = Adoption.objects.create(municipality=towns[town_key], practice=practice)
            # Adopted some time after the practice was published, never in the future.
            assert practice.published_at is not None
            adopted_at = min(practice.published_at + timedelta(days=40 * days), now)
            Adoption.objects.filter(pk=adoption.pk).update(adopted_at=adopted_at)

    practices = list(published.values())
    for practice in practices:
        _index(practice)
    return practices


def _index(practice: Practice) -> None:
    """Put a demo practice in the search index: the demo writes its practices directly, past
    the workflow that would index them on publication."""
    practice_reindex(practice)


def _describe(municipality: Municipality, town: DemoTown) -> None:
    municipality.province = town.province
    municipality.population = town.population
    municipality.save(update_fields=["province", "population"])


def _town(town: DemoTown) -> Municipality:
    """A demo municipality that only shares practices: no members, no plan."""
    return MunicipalityFactory.create(
        name=town.name,
        slug=town.slug,
        is_demo=True,
        province=town.province,
        population=town.population,
    )


def _practice(
    municipality: Municipality, text: PracticeText, *, status: str, author: User | None
) -> Practice:
    practice = Practice.objects.create(
        municipality=municipality,
        title=text.title,
        summary=text.summary,
        street_address=text.street_address,
        postcode=text.postcode,
        place=text.place,
        what_happened=text.what_happened,
        why=text.why,
        intended_result=text.intended_result,
        challenges=text.challenges,
        success_factors=text.success_factors,
        tips=text.tips,
        lekp_werf=text.lekp_werf,
        contact_name=text.contact_name,
        contact_email=text.contact_email,
        contact_phone=text.contact_phone,
        started_year=text.started_year,
        finished_year=text.finished_year,
        status=status,
        author=author,
        is_demo=True,
        **text.figures,
    )
    for theme in text.themes:
        PracticeThemeTag.objects.create(municipality=municipality, practice=practice, theme=theme)
    return practice


def _published_at(text: PracticeText, position: int, now: datetime) -> datetime:
    """Published the year after the practice ended, or three years into a running one, spread
    over the months; never later than a few days per position before now."""
    default_year = text.finished_year + 1 if text.finished_year else text.started_year + 3
    year, month = text.published or (default_year, 0)
    month = month or 1 + (position * 5) % 12
    when = timezone.make_aware(datetime(year, month, 3 + position % 25, 10, 0))
    return min(when, now - timedelta(days=3 * (position + 1)))


def _event(practice: Practice, kind: str, at: datetime, *, actor: User | None) -> None:
    event = PracticeEvent.objects.create(
        municipality=practice.municipality, practice=practice, kind=kind, actor=actor
    )
    # The step happened when the practice says, not when the demo was built.
    PracticeEvent.objects.filter(pk=event.pk).update(at=at)
