"""Server time of the collaboration diagnosis: 40 departments answering in three rounds.

    .venv/bin/python bench/diagnosis.py [--db postgres] [--departments 40] [--actions 300]

Builds one municipality with the region generator (its dashboard is measured beside the
diagnosis, to compare with on the same machine at the same moment), adds `--departments`
departments and three rounds a year apart in which every department rates every other one (the
second round with one department missing, each round with more and stronger ties), then
requests the round list, a round's page, its results (matrix, network, figures, maturity), the
comparison with the first round and the Excel export as the coordinator, with Django's test
client: 3 warm-ups, then 30 timed requests each. Prints a table and writes
bench/results/<db>-diagnosis-<date>.json; exit status 1 when a page misses its target or is
slower than the dashboard.
"""

import argparse
import json
import random
import sys
from dataclasses import asdict
from datetime import date
from typing import Any

import benchenv
import generate
from run import TARGET_MS, Page, analyze, context_for, environment, measure, print_table

THEMES = ("culture", "structure", "model", "political", "dashboard")


def build_rounds(slug: str, departments: int) -> dict[str, Any]:
    """The departments and three answered rounds (made once); the ids the pages need."""
    from django.utils import timezone

    from daadkracht.access.context import platform_scope
    from daadkracht.diagnosis.models import MaturityAnswer, Respondent, SurveyRound, TieAnswer
    from daadkracht.tenancy.models import Department, Municipality

    with platform_scope():
        municipality = Municipality.objects.get(slug=slug)
        rounds = list(SurveyRound.objects.filter(municipality=municipality).order_by("opens_on"))
        if rounds:
            return {"first": rounds[0].pk, "last": rounds[-1].pk}
        made = Department.objects.bulk_create(
            Department(municipality=municipality, name=f"Samenwerkingsdienst {n:02d}")
            for n in range(1, departments + 1)
        )
        chance = random.Random(40)
        for index, year in enumerate((2025, 2026, 2027)):
            taking_part = made if index != 1 else made[:-1]
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
                    email=f"dienst{department.pk}@{slug}.test",
                    invited_at=timezone.now(),
                    answered_at=timezone.now() if chance.random() < 0.85 else None,
                )
                for department in taking_part
            )
            ties, maturity = [], []
            for respondent in respondents:
                if respondent.answered_at is None:
                    continue
                for other in taking_part:
                    if other.pk != respondent.department_id:
                        level = min(5, max(0, int(chance.gauss(1 + index * 0.6, 1.3))))
                        ties.append(
                            TieAnswer(
                                municipality=municipality,
                                respondent=respondent,
                                other=other,
                                level=level,
                            )
                        )
                maturity.extend(
                    MaturityAnswer(
                        municipality=municipality,
                        respondent=respondent,
                        theme=theme,
                        score=chance.randint(1 + index, 5) if index < 3 else 5,
                        comment="" if chance.random() < 0.8 else "Meer overleg nodig.",
                    )
                    for theme in THEMES
                )
            TieAnswer.objects.bulk_create(ties, batch_size=2000)
            MaturityAnswer.objects.bulk_create(maturity)
            rounds.append(survey_round)
    return {"first": rounds[0].pk, "last": rounds[-1].pk}


def pages(ids: dict[str, Any]) -> list[Page]:
    last = {"pk": ids["last"]}
    return [
        Page("dashboard (reference)", "tenancy:home"),
        Page("diagnosis rounds", "diagnosis:rounds"),
        Page("round page", "diagnosis:round_detail", kwargs=lambda c: last),
        Page("results (matrix, network)", "diagnosis:round_results", kwargs=lambda c: last),
        Page(
            "comparison with the first round",
            "diagnosis:round_results",
            kwargs=lambda c: last,
            query=lambda c: f"?vergelijk={ids['first']}",
        ),
        Page(
            "export XLSX",
            "diagnosis:round_results",
            kwargs=lambda c: last,
            query=lambda c: "?export=xlsx",
            target_ms=None,
        ),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--departments", type=int, default=40)
    parser.add_argument("--actions", type=int, default=300)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--warmups", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep the database (reuse it later)")
    parser.add_argument("--reuse", action="store_true", help="continue in a kept database")
    args = parser.parse_args()

    url = benchenv.database_url(args.db, sqlite_name="diagnosis")
    benchenv.prepare_database(url, fresh=not args.reuse)
    try:
        benchenv.start_django(url)
        from django.conf import settings
        from django.db import connections
        from django.utils import timezone

        settings.DEBUG = False  # as in production
        print(f"Building a municipality of {args.actions} actions ...", flush=True)
        region = generate.build_region(municipalities=1, actions=args.actions, report_every=0)
        slug = generate.REGION_SLUG.format(1)
        print(f"Adding {args.departments} departments and three answered rounds ...", flush=True)
        ids = build_rounds(slug, args.departments)
        analyze(args.db)
        ctx = context_for(slug)
        results = measure(pages(ids), ctx, requests=args.requests, warmups=args.warmups)
        print_table(f"diagnosis, {args.departments} departments x 3 rounds on {args.db}", results)
        dashboard = results[0].p95_ms or 0.0
        slower = [
            r.label
            for r in results[1:]
            if r.target_ms is not None and (r.p95_ms or 0.0) > max(dashboard, 0.0)
        ]
        report = {
            "command": " ".join([".venv/bin/python bench/diagnosis.py", *sys.argv[1:]]),
            "db": args.db,
            "date": timezone.localdate().isoformat(),
            "target_p95_ms": TARGET_MS,
            "departments": args.departments,
            "rounds": 3,
            "actions": args.actions,
            "generator": asdict(region),
            "pages": [asdict(r) | {"verdict": r.verdict} for r in results],
            "slower_than_dashboard": slower,
            "environment": environment(args.db),
        }
        path = benchenv.RESULTS / f"{args.db}-diagnosis-{report['date']}.json"
        path.write_text(json.dumps(report, indent=2, default=str) + "\n")
        print(f"\nWritten to {path.relative_to(benchenv.ROOT)}")
        if slower:
            print("Slower than the dashboard: " + ", ".join(slower))
        connections.close_all()
        verdicts = [r.verdict for r in results]
        return 1 if "FAIL" in verdicts or "FAILED" in verdicts or slower else 0
    finally:
        if not args.keep:
            benchenv.remove_database(url)


if __name__ == "__main__":
    sys.exit(main())
