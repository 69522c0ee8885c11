"""Builds benchmark data: one large municipality, and a region of many municipalities.

    .venv/bin/python bench/generate.py large  [--db postgres] [--actions 1000 ...]
    .venv/bin/python bench/generate.py region [--db postgres] [--municipalities 300 ...]

Data goes into the benchmark database (bench/results/generated.sqlite3, or the PostgreSQL
database daadkracht_bench), which is created and migrated when missing and kept afterwards.
Both builds are resumable: what exists is skipped, and each municipality is written in one
transaction, so an interrupted run continues where it stopped. Prints rows per second and
the peak memory of the process.
"""

import argparse
import time
import tracemalloc
from dataclasses import asdict, dataclass
from typing import Any

import benchenv

LARGE_SLUG = "bench-groot"
REGION_SLUG = "bench-regio-{:03d}"


@dataclass
class BuildReport:
    what: str
    municipalities: int
    skipped: int
    rows: int
    seconds: float
    rows_per_second: float
    peak_rss_mb: float
    peak_traced_mb: float | None = None

    def line(self) -> str:
        traced = f", traced peak {self.peak_traced_mb:.0f} MB" if self.peak_traced_mb else ""
        return (
            f"{self.what}: {self.municipalities} municipalities built, {self.skipped} skipped, "
            f"{self.rows:,} rows in {self.seconds:.1f} s = {self.rows_per_second:,.0f} rows/s; "
            f"peak memory {self.peak_rss_mb:.0f} MB{traced}"
        )


def table_rows() -> int:
    """All rows of the project's tables (to count what a build wrote)."""
    from django.apps import apps

    total = 0
    for model in apps.get_models(include_auto_created=True):
        if model._meta.app_label in {"tenancy", "plans", "accounts", "history"}:
            total += model._base_manager.count()
    return total


def _users(slug: str, editors: int) -> list[Any]:
    """A coordinator and some editors (they log in by force_login, so no password)."""
    from daadkracht.testing.factories import UserFactory

    coordinator = UserFactory.create(
        email=f"coordinator@{slug}.test", full_name=f"Coördinator {slug}", password=None
    )
    return [coordinator] + [
        UserFactory.create(
            email=f"bewerker{n + 1}@{slug}.test", full_name=f"Bewerker {n + 1}", password=None
        )
        for n in range(editors)
    ]


def _memberships(municipality: Any, people: list[Any], departments: list[Any]) -> None:
    """The first person coordinates; the others edit for a department each."""
    from daadkracht.tenancy.roles import Role
    from daadkracht.testing.factories import MembershipFactory

    coordinator, *editors = people
    MembershipFactory.create(user=coordinator, municipality=municipality, role=Role.COORDINATOR)
    for n, editor in enumerate(editors):
        MembershipFactory.create(
            user=editor,
            municipality=municipality,
            role=Role.EDITOR,
            department=departments[n % len(departments)],
        )


def large_exists() -> bool:
    from daadkracht.tenancy.models import Municipality

    return Municipality.objects.filter(slug=LARGE_SLUG).exists()


def build_large(
    *, actions: int = 1000, tasks: int = 5000, updates: int = 20000, detail_updates: int = 100
) -> BuildReport:
    """One municipality with `actions` actions, `tasks` tasks and `updates` status updates.

    Every action has involved departments, tags, scores on every criterion and updates with
    authors and status changes; the first action has `detail_updates` more updates.
    """
    from django.db import transaction

    from daadkracht.access.context import platform_scope
    from daadkracht.tenancy.models import Municipality
    from daadkracht.testing.bulk import bulk_plan
    from daadkracht.testing.factories import MunicipalityFactory

    started = time.perf_counter()
    with platform_scope():
        if large_exists():
            return BuildReport("large", 0, 1, 0, 0.0, 0.0, benchenv.peak_memory_mb())
        before = table_rows()
        with transaction.atomic():
            municipality = MunicipalityFactory.create(name="Bench Grootstad", slug=LARGE_SLUG)
            people = _users(LARGE_SLUG, editors=15)
            built = bulk_plan(
                municipality=municipality,
                actions=actions,
                tasks_per_action=tasks // actions,
                updates_per_action=updates // actions,
                themes=7,
                departments=15,
                involvements_per_action=2,
                tags=12,
                scores=True,
                detailed_updates=True,
                extra_updates_on_first=detail_updates,
                spread_in_time=True,
                seed=1000,
                people=people,
            )
            _memberships(municipality, people, built.departments)
        rows = table_rows() - before
    assert Municipality.objects.filter(slug=LARGE_SLUG).exists()
    seconds = time.perf_counter() - started
    return BuildReport("large", 1, 0, rows, seconds, rows / seconds, benchenv.peak_memory_mb())


def build_region(
    *,
    municipalities: int = 300,
    actions: int = 300,
    tasks_per_action: int = 1,
    updates_per_action: int = 2,
    report_every: int = 25,
) -> BuildReport:
    """`municipalities` municipalities of `actions` actions each; existing ones are skipped."""
    from django.db import transaction

    from daadkracht.access.context import platform_scope
    from daadkracht.tenancy.models import Municipality
    from daadkracht.testing.bulk import bulk_plan
    from daadkracht.testing.factories import MunicipalityFactory

    started = time.perf_counter()
    built_count = skipped = 0
    with platform_scope():
        before = table_rows()
        existing = set(
            Municipality.objects.filter(slug__startswith="bench-regio-").values_list(
                "slug", flat=True
            )
        )
        for n in range(1, municipalities + 1):
            slug = REGION_SLUG.format(n)
            if slug in existing:
                skipped += 1
                continue
            with transaction.atomic():
                municipality = MunicipalityFactory.create(name=f"Regiogemeente {n:03d}", slug=slug)
                people = _users(slug, editors=2)
                built = bulk_plan(
                    municipality=municipality,
                    actions=actions,
                    tasks_per_action=tasks_per_action,
                    updates_per_action=updates_per_action,
                    departments=8,
                    involvements_per_action=1,
                    tags=5,
                    scores=True,
                    detailed_updates=True,
                    spread_in_time=True,
                    seed=n,
                    people=people,
                )
                _memberships(municipality, people, built.departments)
            built_count += 1
            if report_every and built_count % report_every == 0:
                elapsed = time.perf_counter() - started
                print(f"  {n}/{municipalities} municipalities, {elapsed:.0f} s", flush=True)
        rows = table_rows() - before
    seconds = time.perf_counter() - started
    return BuildReport(
        "region",
        built_count,
        skipped,
        rows,
        seconds,
        rows / seconds if seconds else 0.0,
        benchenv.peak_memory_mb(),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("what", choices=["large", "region"])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--actions", type=int, help="actions (per municipality for a region)")
    parser.add_argument("--tasks", type=int, default=5000, help="tasks of the large one")
    parser.add_argument("--updates", type=int, default=20000, help="updates of the large one")
    parser.add_argument("--municipalities", type=int, default=300)
    parser.add_argument("--fresh", action="store_true", help="start from an empty database")
    parser.add_argument(
        "--trace-memory", action="store_true", help="also trace Python allocations (slower)"
    )
    args = parser.parse_args()

    url = benchenv.database_url(args.db, sqlite_name="generated")
    benchenv.prepare_database(url, fresh=args.fresh)
    benchenv.start_django(url)
    if args.trace_memory:
        tracemalloc.start()
    if args.what == "large":
        report = build_large(actions=args.actions or 1000, tasks=args.tasks, updates=args.updates)
    else:
        report = build_region(municipalities=args.municipalities, actions=args.actions or 300)
    if args.trace_memory:
        report.peak_traced_mb = tracemalloc.get_traced_memory()[1] / 1024 / 1024
    print(report.line())
    print(f"database: {url}")
    print(asdict(report))


if __name__ == "__main__":
    main()
