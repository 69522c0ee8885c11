"""Server time of a coach's overview: a coach following 40 municipalities of 150 actions each.

    .venv/bin/python bench/coach.py [--db postgres] [--municipalities 40] [--actions 150]

Builds the municipalities with the region generator (tasks, status updates, scores and
involved departments as real data has them), each with two closed diagnosis rounds, meetings and
work agreements, in a throwaway database (bench/results/coach.sqlite3,
or the PostgreSQL database daadkracht_bench), makes one coach follow all of them, then requests
the overview (as shown, sorted by a figure, filtered by name, and exported) with Django's test
client: 3 warm-ups, then 30 timed requests each; one followed municipality's dashboard is
measured beside it, to compare with on a busy machine. Prints a table and writes
bench/results/<db>-coach-<date>.json; exit status 1 when a page misses the 150 ms target.
"""

import argparse
import json
import statistics
import sys
import time
from dataclasses import asdict
from typing import Any

import benchenv
import generate
from run import (
    TARGET_MS,
    DatabaseTimer,
    Result,
    analyze,
    environment,
    fetch,
    percentile,
    print_table,
)

PAGES = [
    ("overview", ""),
    ("overview, most late first", "?sort=-late"),
    ("overview, filtered by name", "?q=regiogemeente 01"),
    ("overview, late work agreements", "?show=late_agreements&sort=-agreements"),
    ("overview, by diagnosis trend", "?sort=-diagnosis"),
    ("overview, export XLSX", "?export=xlsx"),
]
# For comparison, on the same machine at the same moment: one followed municipality's dashboard.
REFERENCE = ("one municipality's dashboard", "tenancy:home")
COACH_EMAIL = "coach@bench.test"


def follow_all(municipalities: int) -> Any:
    """The coach, with a coach's membership in each region municipality (made once)."""
    from daadkracht.access.context import platform_scope
    from daadkracht.tenancy.models import Membership, Municipality
    from daadkracht.tenancy.roles import Role
    from daadkracht.testing.factories import MembershipFactory, UserFactory

    with platform_scope():
        from daadkracht.accounts.models import User

        coach = User.objects.filter(email=COACH_EMAIL).first() or UserFactory.create(
            email=COACH_EMAIL, full_name="Coach Bench", password=None
        )
        slugs = [generate.REGION_SLUG.format(n) for n in range(1, municipalities + 1)]
        followed = set(
            Membership.objects.filter(user=coach).values_list("municipality__slug", flat=True)
        )
        for municipality in Municipality.objects.filter(slug__in=slugs):
            if municipality.slug not in followed:
                MembershipFactory.create(user=coach, municipality=municipality, role=Role.COACH)
    return coach


def collaborate(municipalities: int, departments: int = 15) -> None:
    """In each municipality (made once): two closed diagnosis rounds in which up to
    `departments` departments rate each other, a past, a cancelled and three coming meetings, and
    six work agreements of which two are late, so that every column of the overview has data."""
    import random
    from datetime import date, timedelta

    from django.utils import timezone

    from daadkracht.access.context import platform_scope
    from daadkracht.diagnosis.models import Respondent, SurveyRound, TieAnswer
    from daadkracht.meetings.models import (
        AgreementStatus,
        Meeting,
        MeetingKind,
        WorkAgreement,
        WorkAgreementParty,
    )
    from daadkracht.tenancy.models import Department, Municipality

    chance = random.Random(7)
    now, today = timezone.now(), timezone.localdate()
    slugs = [generate.REGION_SLUG.format(n) for n in range(1, municipalities + 1)]
    with platform_scope():
        for municipality in Municipality.objects.filter(slug__in=slugs):
            if SurveyRound.objects.filter(municipality=municipality).exists():
                continue
            taking_part = list(Department.objects.filter(municipality=municipality)[:departments])
            for index, year in enumerate((2025, 2026)):
                survey_round = SurveyRound.objects.create(
                    municipality=municipality,
                    name=f"Samenwerkingsbevraging {year}",
                    opens_on=date(year, 3, 1),
                    closes_on=date(year, 3, 21),
                    state=SurveyRound.State.CLOSED,
                )
                survey_round.departments.set(taking_part)
                respondents = Respondent.objects.bulk_create(
                    Respondent(
                        municipality=municipality,
                        survey_round=survey_round,
                        department=department,
                        name=f"Vertegenwoordiger {department.name}",
                        email=f"dienst{department.pk}@{municipality.slug}.test",
                        answered_at=now if chance.random() < 0.85 else None,
                    )
                    for department in taking_part
                )
                TieAnswer.objects.bulk_create(
                    TieAnswer(
                        municipality=municipality,
                        respondent=respondent,
                        other=other,
                        level=min(5, max(0, int(chance.gauss(1.5 + index * 0.6, 1.3)))),
                    )
                    for respondent in respondents
                    if respondent.answered_at is not None
                    for other in taking_part
                    if other.pk != respondent.department_id
                )
            for days, cancelled in ((-20, False), (2, True), (6, False), (20, False), (40, False)):
                Meeting.objects.create(
                    municipality=municipality,
                    title=f"Klimaatteam {municipality.name}",
                    kind=MeetingKind.OTHER,
                    starts_at=now + timedelta(days=days),
                    ends_at=now + timedelta(days=days, hours=2),
                    cancelled_at=now if cancelled else None,
                )
            for days, status in enumerate(
                [AgreementStatus.AGREED, AgreementStatus.IN_PROGRESS, AgreementStatus.DONE] * 2
            ):
                agreement = WorkAgreement.objects.create(
                    municipality=municipality,
                    title=f"Werkafspraak {days + 1}",
                    status=status,
                    due_date=today + timedelta(days=days * 10 - 25),
                )
                WorkAgreementParty.objects.bulk_create(
                    WorkAgreementParty(
                        municipality=municipality, agreement=agreement, department=department
                    )
                    for department in taking_part[:2]
                )


def measure(coach: Any, *, requests: int, warmups: int) -> list[Result]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    client = Client()
    client.force_login(coach)
    results = []
    first = generate.REGION_SLUG.format(1)
    pages = [(label, reverse("coach_overview") + query) for label, query in PAGES]
    pages.append((REFERENCE[0], reverse(REFERENCE[1], kwargs={"municipality": first})))
    for label, url in pages:
        result = Result(label, url, None if "export" in url else TARGET_MS)
        results.append(result)
        for _ in range(warmups):
            fetch(client, url)
        with CaptureQueriesContext(connection) as captured:
            status, content = fetch(client, url)
        result.status, result.queries = status, len(captured)
        result.kilobytes = round(len(content) / 1024, 1)
        if status != 200:
            result.note = f"status {status}"
            continue
        cpu_ms: list[float] = []
        db_ms: list[float] = []
        for _ in range(requests):
            timer = DatabaseTimer()
            with connection.execute_wrapper(timer):
                started, cpu_started = time.perf_counter(), time.process_time()
                fetch(client, url)
                result.timings_ms.append((time.perf_counter() - started) * 1000)
                cpu_ms.append((time.process_time() - cpu_started) * 1000)
            db_ms.append(timer.seconds * 1000)
        result.p50_ms = round(statistics.median(result.timings_ms), 1)
        result.p95_ms = round(percentile(result.timings_ms, 0.95), 1)
        result.min_ms = round(min(result.timings_ms), 1)
        result.max_ms = round(max(result.timings_ms), 1)
        result.cpu_p50_ms = round(statistics.median(cpu_ms), 1)
        result.cpu_p95_ms = round(percentile(cpu_ms, 0.95), 1)
        result.db_p50_ms = round(statistics.median(db_ms), 1)
        print(f"  {label:<36} p95 {result.p95_ms:7.1f} ms", flush=True)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--municipalities", type=int, default=40)
    parser.add_argument("--actions", type=int, default=150, help="per municipality")
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--warmups", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep the database (reuse it later)")
    parser.add_argument("--reuse", action="store_true", help="continue in a kept database")
    args = parser.parse_args()

    url = benchenv.database_url(args.db, sqlite_name="coach")
    benchenv.prepare_database(url, fresh=not args.reuse)
    try:
        benchenv.start_django(url)
        from django.conf import settings
        from django.db import connections
        from django.utils import timezone

        settings.DEBUG = False  # as in production
        print(
            f"Building {args.municipalities} municipalities x {args.actions} actions ...",
            flush=True,
        )
        region = generate.build_region(
            municipalities=args.municipalities, actions=args.actions, report_every=10
        )
        print(region.line(), flush=True)
        coach = follow_all(args.municipalities)
        collaborate(args.municipalities)
        analyze(args.db)
        print(f"Measuring the overview of a coach following {args.municipalities} ...")
        results = measure(coach, requests=args.requests, warmups=args.warmups)
        print_table(
            f"coach's overview, {args.municipalities} x {args.actions} actions on {args.db}",
            results,
        )
        report = {
            "command": " ".join([".venv/bin/python bench/coach.py", *sys.argv[1:]]),
            "db": args.db,
            "date": timezone.localdate().isoformat(),
            "target_p95_ms": TARGET_MS,
            "municipalities": args.municipalities,
            "actions_per_municipality": args.actions,
            "generator": asdict(region),
            "pages": [asdict(r) | {"verdict": r.verdict} for r in results],
            "environment": environment(args.db),
        }
        path = benchenv.RESULTS / f"{args.db}-coach-{report['date']}.json"
        path.write_text(json.dumps(report, indent=2, default=str) + "\n")
        print(f"\nWritten to {path.relative_to(benchenv.ROOT)}")
        print(f"load average: {report['environment']['load_average']}")
        connections.close_all()
        verdicts = [r.verdict for r in results]
        return 1 if "FAIL" in verdicts or "FAILED" in verdicts else 0
    finally:
        if not args.keep:
            benchenv.remove_database(url)


if __name__ == "__main__":
    sys.exit(main())
