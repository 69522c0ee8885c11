"""Server time of the main pages at realistic scale: p50 and p95 against a 150 ms target.

    .venv/bin/python bench/run.py [--db postgres] [--region]

Builds one large municipality (1,000 actions, 5,000 tasks, 20,000 status updates) in a
throwaway database (bench/results/bench.sqlite3, or the PostgreSQL database daadkracht_bench on
127.0.0.1, created and dropped by this script), then requests every page as its coordinator
with Django's test client: 3 warm-ups, then 30 timed requests per page. With --region, it then
adds 300 municipalities of 300 actions each and measures one of them (and the large one again).
Prints a table and writes bench/results/<db>[-region]-<date>.json. Exit status 1 when a page
misses its target or fails. Server time is wall-clock time in the Django process; the CPU time
of that process is reported beside it, which stays meaningful on a busy machine (on SQLite it
includes the database's work, on PostgreSQL not), and so is the time spent executing SQL.
"""

import argparse
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import timedelta
from typing import Any

import benchenv
import generate

TARGET_MS = 150.0

# Static files are not collected for a benchmark; pages only link to them.
warnings.filterwarnings("ignore", message="No directory at")


@dataclass
class Page:
    label: str
    url_name: str
    kwargs: Callable[[dict[str, Any]], dict[str, Any]] = lambda ctx: {}
    query: Callable[[dict[str, Any]], str] = lambda ctx: ""
    target_ms: float | None = TARGET_MS  # None: measured for information only
    public: bool = False  # a page outside the municipalities, requested without logging in


PAGES = [
    Page("dashboard", "tenancy:home"),
    Page(
        "dashboard, changes since 30 days", "tenancy:home", query=lambda c: f"?sinds={c['since']}"
    ),
    Page("action list, first page", "plans:actions"),
    Page(
        "action list, filtered",
        "plans:actions",
        query=lambda c: f"?status={c['status']}&q=fiets",
    ),
    Page(
        "action list, overdue by deadline",
        "plans:actions",
        query=lambda c: "?overdue=1&sort=deadline",
    ),
    Page("action list, stale", "plans:actions", query=lambda c: "?stale=1"),
    Page(
        "action detail (long timeline)",
        "plans:action_detail",
        kwargs=lambda c: {"pk": c["heavy_action"]},
    ),
    Page("board", "plans:board"),
    Page("timeline", "plans:timeline"),
    Page("priorities", "prioritisation:priorities"),
    Page("cost curve", "prioritisation:mac_curve"),
    Page("department dashboard", "dashboard:department", kwargs=lambda c: {"pk": c["department"]}),
    Page("needs attention", "dashboard:attention"),
    Page("overdue tasks", "dashboard:overdue_tasks"),
    Page(
        "export CSV (all actions)",
        "plans:actions_export",
        query=lambda c: "?format=csv",
        target_ms=None,
    ),
    Page("export XLSX (all actions)", "plans:actions_export", target_ms=None),
]

REGION_PAGES = [
    Page("dashboard", "tenancy:home"),
    Page("action list, first page", "plans:actions"),
    Page(
        "action list, filtered",
        "plans:actions",
        query=lambda c: f"?status={c['status']}&q=fiets",
    ),
]


@dataclass
class Result:
    label: str
    url: str
    target_ms: float | None
    status: int | None = None
    queries: int | None = None
    p50_ms: float | None = None
    p95_ms: float | None = None
    min_ms: float | None = None
    max_ms: float | None = None
    kilobytes: float | None = None
    cpu_p50_ms: float | None = None
    cpu_p95_ms: float | None = None
    db_p50_ms: float | None = None
    note: str = ""
    timings_ms: list[float] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        if self.note and self.p95_ms is None:
            return "skipped" if self.status is None else "FAILED"
        if self.target_ms is None:
            return "info"
        return "pass" if self.p95_ms is not None and self.p95_ms < self.target_ms else "FAIL"


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


class DatabaseTimer:
    """Time spent executing SQL (the first rows included; later fetches are not)."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started


def fetch(client: Any, url: str) -> tuple[int, bytes]:
    """Request a page and read all of it (a streamed export is generated while read)."""
    response = client.get(url)
    if response.streaming:
        return response.status_code, b"".join(response.streaming_content)
    return response.status_code, response.content


def context_for(slug: str) -> dict[str, Any]:
    """The objects the pages of one municipality are requested for."""
    from django.db.models import Count
    from django.utils import timezone

    from daadkracht.access.context import tenant_scope
    from daadkracht.accounts.models import User
    from daadkracht.plans.models import Action, ActionStatus
    from daadkracht.tenancy.models import Department, Municipality

    municipality = Municipality.objects.get(slug=slug)
    with tenant_scope(municipality):
        heavy = Action.objects.annotate(n=Count("updates")).order_by("-n", "pk").first()
        assert heavy is not None
        return {
            "slug": slug,
            "user": User.objects.get(email=f"coordinator@{slug}.test"),
            "heavy_action": heavy.pk,
            "heavy_updates": heavy.n,  # type: ignore[attr-defined]
            "status": ActionStatus.objects.order_by("position")[2].pk,
            "department": Department.objects.order_by("pk").first().pk,  # type: ignore[union-attr]
            "since": (timezone.localdate() - timedelta(days=30)).isoformat(),
        }


def measure(pages: list[Page], ctx: dict[str, Any], *, requests: int, warmups: int) -> list[Result]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import NoReverseMatch, reverse

    from daadkracht.config.runtime import tune_garbage_collector

    # As the WSGI and ASGI entry points do once the application is loaded.
    tune_garbage_collector()
    client = Client()
    if ctx.get("user") is not None:
        client.force_login(ctx["user"])
    anonymous = Client()
    results = []
    for page in pages:
        try:
            if page.public:
                url = reverse(page.url_name, kwargs=page.kwargs(ctx) or None) + page.query(ctx)
            else:
                url = reverse(
                    page.url_name, kwargs={"municipality": ctx["slug"], **page.kwargs(ctx)}
                ) + page.query(ctx)
        except NoReverseMatch:
            results.append(
                Result(page.label, page.url_name, page.target_ms, note="page does not exist yet")
            )
            continue
        result = Result(page.label, url, page.target_ms)
        results.append(result)
        visitor = anonymous if page.public else client
        cpu_ms: list[float] = []
        db_ms: list[float] = []
        try:
            for _ in range(warmups):
                fetch(visitor, url)
            with CaptureQueriesContext(connection) as captured:
                status, content = fetch(visitor, url)
            result.status = status
            result.queries = len(captured)
            result.kilobytes = round(len(content) / 1024, 1)
            if status != 200:
                result.note = f"status {status}"
                continue
            for _ in range(requests):
                timer = DatabaseTimer()
                with connection.execute_wrapper(timer):
                    started, cpu_started = time.perf_counter(), time.process_time()
                    fetch(visitor, url)
                    result.timings_ms.append((time.perf_counter() - started) * 1000)
                    cpu_ms.append((time.process_time() - cpu_started) * 1000)
                db_ms.append(timer.seconds * 1000)
        except Exception as error:  # a broken page is reported, not fatal to the benchmark
            result.status = result.status or 500
            result.note = f"{type(error).__name__}: {error}"[:200]
            continue
        result.cpu_p50_ms = round(statistics.median(cpu_ms), 1)
        result.cpu_p95_ms = round(percentile(cpu_ms, 0.95), 1)
        result.db_p50_ms = round(statistics.median(db_ms), 1)
        result.p50_ms = round(statistics.median(result.timings_ms), 1)
        result.p95_ms = round(percentile(result.timings_ms, 0.95), 1)
        result.min_ms = round(min(result.timings_ms), 1)
        result.max_ms = round(max(result.timings_ms), 1)
        print(f"  {page.label:<36} p95 {result.p95_ms:7.1f} ms", flush=True)
    return results


def print_table(title: str, results: list[Result]) -> None:
    print(f"\n{title}")
    print(
        f"{'page':<36} {'queries':>7} {'KB':>7} {'p50 ms':>8} {'p95 ms':>8} {'cpu p95':>8}  result"
    )
    for r in results:
        numbers = (
            f"{r.queries if r.queries is not None else '-':>7} "
            f"{r.kilobytes if r.kilobytes is not None else '-':>7} "
            f"{r.p50_ms if r.p50_ms is not None else '-':>8} "
            f"{r.p95_ms if r.p95_ms is not None else '-':>8} "
            f"{r.cpu_p95_ms if r.cpu_p95_ms is not None else '-':>8} "
            f"{r.db_p50_ms if r.db_p50_ms is not None else '-':>7}"
        )
        note = f"  ({r.note})" if r.note else ""
        print(f"{r.label:<36} {numbers}  {r.verdict}{note}")


def environment(db: str) -> dict[str, Any]:
    import django
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT version()" if db == "postgres" else "SELECT sqlite_version()")
        version = cursor.fetchone()[0]
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            cwd=benchenv.ROOT,
            check=False,
        ).stdout.strip()
    except OSError:
        commit = ""
    return {
        "python": platform.python_version(),
        "django": django.get_version(),
        "database": version.split(" on ")[0],
        "cpus": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "commit": commit,
    }


def analyze(db: str) -> None:
    """PostgreSQL's autovacuum would analyze the freshly loaded tables within a minute."""
    if db == "postgres":
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--region", action="store_true", help="also 300 municipalities x 300")
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--warmups", type=int, default=3)
    parser.add_argument("--actions", type=int, default=1000)
    parser.add_argument("--municipalities", type=int, default=300, help="of the region")
    parser.add_argument("--region-actions", type=int, default=300)
    parser.add_argument("--keep", action="store_true", help="keep the database (reuse it later)")
    parser.add_argument("--reuse", action="store_true", help="continue in a kept database")
    parser.add_argument("--debug", action="store_true", help="measure with DEBUG on")
    args = parser.parse_args()

    url = benchenv.database_url(args.db)
    benchenv.prepare_database(url, fresh=not args.reuse)
    exit_status = 0
    try:
        benchenv.start_django(url)
        from django.conf import settings
        from django.db import connections
        from django.utils import timezone

        # Production runs without DEBUG (no query log, no template debugging).
        settings.DEBUG = args.debug
        report: dict[str, Any] = {
            "command": " ".join([".venv/bin/python bench/run.py", *sys.argv[1:]]),
            "db": args.db,
            "date": timezone.localdate().isoformat(),
            "target_p95_ms": TARGET_MS,
            "requests_per_page": args.requests,
            "warmups": args.warmups,
        }
        print(f"Building the large municipality ({args.actions:,} actions) ...", flush=True)
        large = generate.build_large(
            actions=args.actions, tasks=args.actions * 5, updates=args.actions * 20
        )
        print(large.line(), flush=True)
        analyze(args.db)
        ctx = context_for(generate.LARGE_SLUG)
        report["generator"] = {"large": asdict(large)}
        print(f"Measuring (the detail page's action has {ctx['heavy_updates']} updates) ...")
        results = measure(PAGES, ctx, requests=args.requests, warmups=args.warmups)
        report["large"] = [asdict(r) | {"verdict": r.verdict} for r in results]
        print_table(f"{args.actions:,} actions on {args.db}", results)
        verdicts = [r.verdict for r in results]

        if args.region:
            print(
                f"\nBuilding the region ({args.municipalities} x {args.region_actions} actions, "
                "resumable) ...",
                flush=True,
            )
            region = generate.build_region(
                municipalities=args.municipalities, actions=args.region_actions
            )
            print(region.line(), flush=True)
            analyze(args.db)
            report["generator"]["region"] = asdict(region)
            middle = generate.REGION_SLUG.format(max(1, args.municipalities // 2))
            region_results = measure(
                REGION_PAGES, context_for(middle), requests=args.requests, warmups=args.warmups
            )
            large_again = measure(REGION_PAGES, ctx, requests=args.requests, warmups=args.warmups)
            report["region"] = {
                "municipality": middle,
                "pages": [asdict(r) | {"verdict": r.verdict} for r in region_results],
                "large_municipality_pages": [
                    asdict(r) | {"verdict": r.verdict} for r in large_again
                ],
            }
            print_table(f"one region municipality ({middle}) among the region", region_results)
            print_table("the large municipality, with the region present", large_again)
            verdicts += [r.verdict for r in region_results + large_again]

        report["environment"] = environment(args.db)
        suffix = "-region" if args.region else ""
        path = benchenv.RESULTS / f"{args.db}{suffix}-{report['date']}.json"
        path.write_text(json.dumps(report, indent=2, default=str) + "\n")
        print(f"\nWritten to {path.relative_to(benchenv.ROOT)}")
        print(f"load average: {report['environment']['load_average']}")
        if "FAIL" in verdicts or "FAILED" in verdicts:
            exit_status = 1
        connections.close_all()
    finally:
        if not args.keep:
            benchenv.remove_database(url)
    return exit_status


if __name__ == "__main__":
    sys.exit(main())
