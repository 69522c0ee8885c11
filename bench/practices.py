"""Server time of the public practice list: 5,000 published practices of 300 municipalities.

    .venv/bin/python bench/practices.py [--db postgres] [--municipalities 300] [--practices 5000]

Builds the municipalities (each with a province and a number of inhabitants) and the practices
in bulk: realistic Dutch titles and sections (about 2,000 characters each) on two dozen topics
such as heat networks, cycle streets, unsealing or facade gardens, with one to three themes, a
LEKP werf for half of them and a year; then rebuilds the search index as `practices_reindex`
does and requests the list at /praktijken/ without logging in, as the public does: the first
page, a later page, a single word, two words, a stemmed plural, a broad word sorted by
relevance and by recency, a search filtered by theme, province and size, a search without
results, and the CSV download. Django's test client: 3 warm-ups, then 30 timed requests each.
Prints a table and writes bench/results/<db>-practices-<date>.json; exit status 1 when a page
misses its target.
"""

import argparse
import json
import random
import sys
import time
from dataclasses import asdict
from typing import Any

import benchenv
from run import TARGET_MS, Page, analyze, environment, measure, print_table

SLUG = "praktijkgemeente-{:03d}"
PROVINCES = ["antwerpen", "limburg", "oost-vlaanderen", "vlaams-brabant", "west-vlaanderen"]

# Each topic: title variants, sentences about it, its themes and its LEKP werf ("" for none).
TOPICS: list[tuple[list[str], list[str], list[str], str]] = [
    (
        ["Warmtenet voor {place}", "Een warmtenet met restwarmte in {place}"],
        [
            "De gemeente legde een warmtenet aan dat restwarmte naar woningen en scholen brengt.",
            "Warmtenetten vragen een lange adem en goede afspraken met de netbeheerder.",
            "Het warmtenet vervangt de gasketels van drie appartementsblokken.",
        ],
        ["energy", "buildings"],
        "renovation",
    ),
    (
        ["Fietsstraten rond de scholen van {place}", "Een netwerk van fietsstraten in {place}"],
        [
            "Rond de scholen werden straten fietsstraat: auto's zijn er te gast.",
            "De fietsstraten sluiten aan op de fietssnelweg en de schoolroutes.",
            "Ouders melden dat hun kinderen vaker alleen met de fiets naar school gaan.",
        ],
        ["mobility"],
        "mobility",
    ),
    (
        ["Schoolstraat in {place}", "Een autovrije schoolomgeving in {place}"],
        [
            "Bij het begin en het einde van de schooldag gaat de schoolstraat dicht voor auto's.",
            "De schoolomgeving werd veiliger en rustiger.",
        ],
        ["mobility"],
        "",
    ),
    (
        ["Elektrische deelwagens in {place}", "Autodelen in de deelgemeenten van {place}"],
        [
            "De gemeente plaatste elektrische deelwagens met laadpalen op de dorpspleinen.",
            "Inwoners delen hun eigen wagen via een platform voor autodelen.",
            "Een deelwagen vervangt volgens de aanbieder vijf tot tien private wagens.",
        ],
        ["mobility"],
        "mobility",
    ),
    (
        ["Ontharding van het plein in {place}", "Van asfalt naar groen in {place}"],
        [
            "We braken asfalt uit en plantten bomen; regenwater infiltreert nu in de bodem.",
            "De ontharding van speelplaatsen en parkings maakt de gemeente klimaatbestendiger.",
            "Onthard oppervlak helpt tegen wateroverlast en hittestress.",
        ],
        ["adaptation", "greenery"],
        "water",
    ),
    (
        ["Geveltuinen in {place}", "Gratis geveltuinen voor de inwoners van {place}"],
        [
            "Bewoners vragen een geveltuin aan en de technische dienst haalt de stoeptegels weg.",
            "Geveltuinen brengen groen in straten waar geen plaats is voor bomen.",
        ],
        ["greenery"],
        "greening",
    ),
    (
        ["Haagplantactie in {place}", "Hagen en bomen langs de akkers van {place}"],
        [
            "Landbouwers en inwoners plantten samen kilometers hagen en honderden bomen.",
            "Het plantgoed kwam van een lokale kwekerij en de gemeente gaf een premie.",
        ],
        ["greenery", "food"],
        "greening",
    ),
    (
        ["Energiecoaching voor gezinnen in {place}", "Een energiecoach aan huis in {place}"],
        [
            "Een energiecoach komt aan huis, meet het verbruik en geeft tips om te besparen.",
            "Kwetsbare gezinnen besparen zo gemiddeld tweehonderd euro per jaar.",
        ],
        ["energy", "buildings"],
        "renovation",
    ),
    (
        ["Renovatiebegeleiding in {place}", "Het energieloket van {place} begeleidt renovaties"],
        [
            "Het energieloket begeleidt eigenaars bij renovatie: dakisolatie, ramen, warmtepomp.",
            "Een renovatiecoach maakt een stappenplan en vraagt de premies aan.",
        ],
        ["buildings"],
        "renovation",
    ),
    (
        ["Zonnepanelen op de scholen van {place}", "Zonnepanelen op de sporthal van {place}"],
        [
            "Op de daken van de schoolgebouwen liggen nu honderden zonnepanelen.",
            "Inwoners kochten aandelen in de coöperatie die de zonnepanelen legde.",
            "De leerlingen volgen de opbrengst van de panelen in de klas.",
        ],
        ["energy"],
        "renovation",
    ),
    (
        ["Een intern klimaatteam in {place}", "Klimaatambassadeurs in elke dienst van {place}"],
        [
            "Elke dienst heeft een klimaatambassadeur; het klimaatteam komt maandelijks samen.",
            "Het klimaatteam volgt het klimaatplan op en bereidt de beslissingen voor.",
        ],
        ["organisation"],
        "",
    ),
    (
        ["Burgerbudget voor klimaatacties in {place}", "Inwoners kiezen klimaatacties in {place}"],
        [
            "Inwoners dienden voorstellen in; de buurt stemde over de klimaatactie met het budget.",
            "Het burgerbudget bracht nieuwe mensen samen rond het klimaat.",
        ],
        ["participation"],
        "",
    ),
    (
        ["Regenwater opvangen in {place}", "Een premie voor regentonnen in {place}"],
        [
            "De gemeente geeft een premie om regenwater op te vangen of te laten infiltreren.",
            "Regentonnen en wadi's bufferen het water bij hevige buien.",
        ],
        ["adaptation"],
        "water",
    ),
    (
        ["Hitteplan voor {place}", "Koele plekken tijdens hittegolven in {place}"],
        [
            "Tijdens hittegolven opent de gemeente koele plekken in bibliotheken en kerken.",
            "Een kaart toont waar de hittestress het grootst is.",
        ],
        ["adaptation"],
        "",
    ),
    (
        ["Voedselstrategie van {place}", "Korte keten in de schoolmaaltijden van {place}"],
        [
            "De voedselstrategie brengt boeren uit de streek en de centrale keuken samen.",
            "De schoolmaaltijden gebruiken groenten uit de korte keten.",
        ],
        ["food"],
        "",
    ),
    (
        [
            "Circulaire aanbesteding in {place}",
            "Hergebruikt meubilair voor het gemeentehuis van {place}",
        ],
        [
            "De gemeente kocht gerecupereerd meubilair via een circulaire aanbesteding.",
            "Het bestek gaf punten voor hergebruik en herstelbaarheid.",
        ],
        ["circular", "organisation"],
        "",
    ),
    (
        ["Repair café in {place}", "Een herstelpremie in {place}"],
        [
            "Vrijwilligers herstellen elke maand toestellen van inwoners.",
            "Wie een toestel laat herstellen bij een vakman krijgt een herstelpremie.",
        ],
        ["circular", "participation"],
        "",
    ),
    (
        ["Ledverlichting in {place}", "Slimme openbare verlichting in {place}"],
        [
            "De energie-efficiëntie van de gemeentelijke gebouwen steeg dankzij ledverlichting.",
            "De openbare verlichting dimt 's nachts met sensoren.",
        ],
        ["energy", "buildings"],
        "renovation",
    ),
    (
        ["Trage wegen in {place}", "Trage wegen opnieuw open in {place}"],
        [
            "Verdwenen trage wegen werden opnieuw opengesteld voor wandelaars en fietsers.",
            "Een vrijwilligersgroep onderhoudt de paden.",
        ],
        ["mobility", "greenery"],
        "mobility",
    ),
]
FILLER = [
    "Het college keurde het plan goed na een bespreking in de gemeenteraad.",
    "We werkten samen met de buurgemeenten en de intercommunale.",
    "De inwoners werden geïnformeerd via het infoblad, de website en een infoavond.",
    "Een projectgroep met de betrokken diensten kwam elke maand samen.",
    "De kosten vielen lager uit dan geraamd dankzij subsidies van de Vlaamse overheid.",
    "De eerste fase liep vertraging op door de vergunningsprocedure.",
    "Achteraf bekeken hadden we de buurt nog vroeger moeten betrekken.",
    "Een duidelijke trekker binnen de administratie maakte het verschil.",
    "Het project telt mee voor het Lokaal Energie- en Klimaatpact.",
    "We meten de resultaten jaarlijks en rapporteren erover aan de gemeenteraad.",
    "De lokale handelaars waren eerst kritisch maar zijn nu tevreden.",
    "Andere gemeenten kunnen de aanpak makkelijk overnemen.",
    "Communicatie met beelden van het resultaat overtuigde twijfelaars.",
    "De werken werden gecombineerd met de heraanleg van de riolering.",
    "De provincie gaf advies en ondersteuning bij de uitvoering.",
    "Een evaluatie na één jaar leidde tot enkele bijsturingen.",
]
SECTIONS = ["what_happened", "why", "intended_result", "challenges", "success_factors", "tips"]


def _text(rng: random.Random, sentences: list[str], count: int) -> str:
    return " ".join(rng.choice(sentences) for _ in range(count))


def build_practices(municipalities: int, practices: int, *, seed: int = 2030) -> dict[str, Any]:
    """The municipalities and their published practices in bulk, then the index (made once)."""
    from datetime import UTC, datetime, timedelta

    from daadkracht.access.context import platform_scope
    from daadkracht.practices.models import Practice, PracticeStatus, PracticeThemeTag
    from daadkracht.practices.search.index import practices_index_rebuild
    from daadkracht.tenancy.models import Municipality

    rng = random.Random(seed)
    started = time.perf_counter()
    with platform_scope():
        if not Practice.objects.exists():
            towns = Municipality.objects.bulk_create(
                Municipality(
                    name=f"Praktijkgemeente {number:03d}",
                    slug=SLUG.format(number),
                    province=PROVINCES[number % len(PROVINCES)],
                    population=int(min(max(rng.lognormvariate(9.9, 0.7), 4_000), 500_000)),
                )
                for number in range(1, municipalities + 1)
            )
            first_day = datetime(2022, 1, 1, tzinfo=UTC)
            rows, tags = [], []
            for number in range(practices):
                town = towns[number % len(towns)]
                titles, sentences, themes, werf = rng.choice(TOPICS)
                place = rng.choice(["het centrum", "de wijk", "de deelgemeenten", town.name])
                pool = sentences + FILLER
                practice = Practice(
                    municipality=town,
                    title=rng.choice(titles).format(place=place),
                    summary=_text(rng, sentences, 2),
                    started_year=rng.randint(2015, 2025),
                    lekp_werf=werf if rng.random() < 0.5 else "",
                    status=PracticeStatus.PUBLISHED,
                    published_at=first_day + timedelta(hours=number * 5),
                    **{section: _text(rng, pool, rng.randint(2, 4)) for section in SECTIONS},
                )
                rows.append(practice)
                tags.append(themes[: rng.randint(1, len(themes))])
            Practice.unscoped.bulk_create(rows, batch_size=500)
            PracticeThemeTag.unscoped.bulk_create(
                (
                    PracticeThemeTag(
                        municipality=practice.municipality, practice=practice, theme=theme
                    )
                    for practice, themes in zip(rows, tags, strict=True)
                    for theme in themes
                ),
                batch_size=1000,
            )
        indexed = practices_index_rebuild(Practice.objects.all())
    seconds = time.perf_counter() - started
    print(f"  {indexed:,} practices built and indexed in {seconds:.1f} s", flush=True)
    return {"indexed": indexed, "seconds": round(seconds, 1)}


def pages() -> list[Page]:
    def public(label: str, query: str, **kwargs: Any) -> Page:
        return Page(label, "practices:public_list", query=lambda c: query, public=True, **kwargs)

    return [
        public("all practices, first page", ""),
        public("all practices, page 50", "?page=50"),
        public("one word", "?q=warmtenet"),
        public("two words", "?q=fietsstraat+school"),
        public("a stemmed plural", "?q=geveltuinen"),
        public("a broad word, by relevance", "?q=gemeente"),
        public("a broad word, recent first", "?q=gemeente&sort=recent"),
        public(
            "filtered: theme, province, size",
            "?q=ontharding&theme=adaptation&province=limburg&size=s&size=m",
        ),
        public("facets only, two themes and years", "?theme=energy&theme=mobility&year=2021"),
        public("no results", "?q=kernfusiecentrale"),
        public("export CSV of a search", "?q=zonnepanelen&export=csv", target_ms=None),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--municipalities", type=int, default=300)
    parser.add_argument("--practices", type=int, default=5000)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--warmups", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep the database (reuse it later)")
    parser.add_argument("--reuse", action="store_true", help="continue in a kept database")
    args = parser.parse_args()

    # Its own PostgreSQL database, so that it runs beside the other benchmarks.
    benchenv.POSTGRES_NAME = "daadkracht_bench_practices"
    url = benchenv.database_url(args.db, sqlite_name="practices")
    benchenv.prepare_database(url, fresh=not args.reuse)
    try:
        benchenv.start_django(url)
        from django.conf import settings
        from django.db import connections
        from django.utils import timezone

        settings.DEBUG = False  # as in production
        # One address asks hundreds of times a minute here; the public limit would refuse it.
        settings.PUBLIC_REQUESTS_PER_MINUTE = 1_000_000
        print(
            f"Building {args.practices} practices of {args.municipalities} municipalities ...",
            flush=True,
        )
        built = build_practices(args.municipalities, args.practices)
        analyze(args.db)
        results = measure(pages(), {}, requests=args.requests, warmups=args.warmups)
        print_table(
            f"practice list, {args.practices} practices of {args.municipalities} "
            f"municipalities on {args.db}",
            results,
        )
        report = {
            "command": " ".join([".venv/bin/python bench/practices.py", *sys.argv[1:]]),
            "db": args.db,
            "date": timezone.localdate().isoformat(),
            "target_p95_ms": TARGET_MS,
            "municipalities": args.municipalities,
            "practices": args.practices,
            "build": built,
            "pages": [asdict(r) | {"verdict": r.verdict} for r in results],
            "environment": environment(args.db),
        }
        path = benchenv.RESULTS / f"{args.db}-practices-{report['date']}.json"
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
