"""Server time of the network: 5,000 contact persons in 1,000 organisations.

    .venv/bin/python bench/stakeholders.py [--db postgres] [--organisations 1000] [--contacts 5000]

Builds one municipality with the region generator (its dashboard is measured beside the
network, to compare with on the same machine at the same moment), adds the network with
`daadkracht.testing.stakeholders.bulk_network` (organisations of every type with one or two
themes, people with a lawful basis, half of them with a consent for the newsletter) and its
links with `daadkracht.testing.network_map.bulk_links` (a dozen bodies with their members,
engagement and partners on actions), then requests the organisation and contact lists (first
page, filtered, sorted, a later page), an organisation's page, a person's page, the engagement list
and the coverage of the themes, the network map
(its layout cached after the warm-ups, as for a second visitor; the uncached layout is timed on
its own beside) and the CSV and Excel exports as the coordinator, with
Django's test client: 3 warm-ups, then 30 timed requests each. Prints a table and writes
bench/results/<db>-stakeholders-<date>.json; exit status 1 when a page misses its target.
"""

import argparse
import json
import sys
from dataclasses import asdict
from typing import Any

import benchenv
import generate
from run import TARGET_MS, Page, analyze, context_for, environment, measure, print_table


def build_network(slug: str, organisations: int, contacts: int) -> dict[str, Any]:
    """The network (made once); the ids the pages need."""
    from daadkracht.access.context import platform_scope
    from daadkracht.plans.models import Theme
    from daadkracht.stakeholders.models import Contact, Organisation
    from daadkracht.tenancy.models import Municipality
    from daadkracht.testing.network_map import bulk_links
    from daadkracht.testing.stakeholders import bulk_network

    with platform_scope():
        municipality = Municipality.objects.get(slug=slug)
        if not Organisation.objects.filter(municipality=municipality).exists():
            bulk_network(municipality, organisations=organisations, contacts=contacts)
            bulk_links(municipality)
        busiest = Organisation.objects.filter(municipality=municipality).order_by("pk").first()
        person = Contact.objects.filter(municipality=municipality).order_by("pk").first()
        theme = Theme.objects.filter(municipality=municipality).order_by("pk").first()
        assert busiest is not None
        assert person is not None
        assert theme is not None
        return {"organisation": busiest.pk, "contact": person.pk, "theme": theme.pk}


def measure_layout(slug: str, *, theme: int, runs: int = 5) -> dict[str, float]:
    """The server time of reading and laying out the map without the layout cache (the first
    visit after the network changed), in milliseconds: the median of `runs`."""
    import statistics
    import time

    from django.core.cache import cache

    from daadkracht.access.context import tenant_scope
    from daadkracht.networkmap.drawing import map_svg
    from daadkracht.networkmap.selectors import network_map
    from daadkracht.tenancy.models import Municipality

    municipality = Municipality.objects.get(slug=slug)
    timings: dict[str, float] = {}
    with tenant_scope(municipality):
        for label, filters in (("whole network", {}), ("a theme", {"theme": theme})):
            read, drawn = [], []
            for _ in range(runs):
                cache.clear()
                started = time.perf_counter()
                net = network_map(**filters)
                middle = time.perf_counter()
                map_svg(net, municipality=slug)
                read.append((middle - started) * 1000)
                drawn.append((time.perf_counter() - middle) * 1000)
            timings[f"{label}: read (ms)"] = round(statistics.median(read), 1)
            timings[f"{label}: layout and SVG, uncached (ms)"] = round(statistics.median(drawn), 1)
            timings[f"{label}: nodes drawn"] = len(net.nodes)
            timings[f"{label}: organisations left out"] = net.left_out
    for label, value in timings.items():
        print(f"  map {label:<48} {value}")
    return timings


def pages(ids: dict[str, Any]) -> list[Page]:
    return [
        Page("dashboard (reference)", "tenancy:home"),
        Page("organisations, first page", "stakeholders:organisations"),
        Page(
            "organisations, filtered and sorted",
            "stakeholders:organisations",
            query=lambda c: f"?theme={ids['theme']}&sort=-contacts",
        ),
        Page(
            "organisations, page 10",
            "stakeholders:organisations",
            query=lambda c: "?page=10",
        ),
        Page(
            "organisation page",
            "stakeholders:organisation",
            kwargs=lambda c: {"pk": ids["organisation"]},
        ),
        Page("contacts, first page", "stakeholders:contacts"),
        Page(
            "contacts, searched and sorted",
            "stakeholders:contacts",
            query=lambda c: "?q=Peeters&sort=organisation",
        ),
        Page(
            "contacts, by purpose and theme",
            "stakeholders:contacts",
            query=lambda c: f"?purpose=newsletter&theme={ids['theme']}&page=20",
        ),
        Page("contact page", "stakeholders:contact", kwargs=lambda c: {"pk": ids["contact"]}),
        Page("engagement, first page", "engagement:list"),
        Page(
            "engagement, a theme, below the intended level",
            "engagement:list",
            query=lambda c: f"?theme={ids['theme']}&behind=1&sort=-intended",
        ),
        Page("coverage of the themes", "engagement:coverage"),
        Page(
            "engagement export CSV",
            "engagement:list",
            query=lambda c: "?export=csv",
            target_ms=None,
        ),
        Page("network map", "networkmap:map"),
        Page(
            "network map, a theme's neighbourhood",
            "networkmap:map",
            query=lambda c: f"?theme={ids['theme']}",
        ),
        Page(
            "network map export CSV",
            "networkmap:map",
            query=lambda c: "?export=csv",
            target_ms=None,
        ),
        Page(
            "organisations export CSV",
            "stakeholders:organisations",
            query=lambda c: "?export=csv",
            target_ms=None,
        ),
        Page(
            "contacts export CSV",
            "stakeholders:contacts",
            query=lambda c: "?export=csv",
            target_ms=None,
        ),
        Page(
            "contacts export XLSX",
            "stakeholders:contacts",
            query=lambda c: "?export=xlsx",
            target_ms=None,
        ),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--organisations", type=int, default=1000)
    parser.add_argument("--contacts", type=int, default=5000)
    parser.add_argument("--actions", type=int, default=300)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--warmups", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep the database (reuse it later)")
    parser.add_argument("--reuse", action="store_true", help="continue in a kept database")
    args = parser.parse_args()

    url = benchenv.database_url(args.db, sqlite_name="stakeholders")
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
        print(
            f"Adding {args.organisations} organisations and {args.contacts} contact persons ...",
            flush=True,
        )
        ids = build_network(slug, args.organisations, args.contacts)
        analyze(args.db)
        ctx = context_for(slug)
        results = measure(pages(ids), ctx, requests=args.requests, warmups=args.warmups)
        layout = measure_layout(slug, theme=ids["theme"])
        print_table(
            f"network, {args.contacts} people in {args.organisations} organisations on {args.db}",
            results,
        )
        report = {
            "command": " ".join([".venv/bin/python bench/stakeholders.py", *sys.argv[1:]]),
            "db": args.db,
            "date": timezone.localdate().isoformat(),
            "target_p95_ms": TARGET_MS,
            "organisations": args.organisations,
            "contacts": args.contacts,
            "actions": args.actions,
            "generator": asdict(region),
            "pages": [asdict(r) | {"verdict": r.verdict} for r in results],
            "network_map": layout,
            "environment": environment(args.db),
        }
        path = benchenv.RESULTS / f"{args.db}-stakeholders-{report['date']}.json"
        path.write_text(json.dumps(report, indent=2, default=str) + "\n")
        print(f"\nWritten to {path.relative_to(benchenv.ROOT)}")
        connections.close_all()
        verdicts = [r.verdict for r in results]
        return 1 if "FAIL" in verdicts or "FAILED" in verdicts else 0
    finally:
        if not args.keep:
            benchenv.remove_database(url)


if __name__ == "__main__":
    sys.exit(main())
