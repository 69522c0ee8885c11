"""The lists and their exports read a fixed number of queries: as many for 5,000 people in
1,000 organisations as for a network of a few."""

from http import HTTPStatus

from django.db import connection
from django.test.utils import CaptureQueriesContext

from daadkracht.access.context import tenant_scope
from daadkracht.plans.models import Theme
from daadkracht.testing.stakeholders import bulk_network
from tests.stakeholders.conftest import url


def _queries(client, target: str) -> int:
    client.get(target)  # warm the session and content type caches
    with CaptureQueriesContext(connection) as context:
        response = client.get(target)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
    assert response.status_code == HTTPStatus.OK
    return len(context.captured_queries)


PAGES = [
    ("stakeholders:organisations", ""),
    ("stakeholders:organisations", "?sort=-contacts&page=3&kind=port"),
    ("stakeholders:organisations", "?q=Fluvius&export=xlsx"),
    ("stakeholders:contacts", ""),
    ("stakeholders:contacts", "?sort=organisation&page=4&purpose=newsletter&kind=port"),
    ("stakeholders:contacts", "?q=Peeters&export=csv"),
    ("stakeholders:contacts", "?export=xlsx"),
    ("stakeholders:contacts", "?organisation=1&theme=1"),
]


def test_the_lists_and_exports_use_as_many_queries_for_5000_people_as_for_20(world):
    with tenant_scope(world.a):
        for code, name in (("E", "Energie"), ("M", "Mobiliteit"), ("W", "Wonen")):
            Theme.objects.create(plan=world.plan_a, code=code, name=name)
    client = world.client_for("coordinator")
    counts: dict[tuple[str, str], list[int]] = {page: [] for page in PAGES}
    for organisations, contacts in ((5, 20), (995, 4980)):
        with tenant_scope(world.a):
            bulk_network(world.a, organisations=organisations, contacts=contacts)
        for name, query in PAGES:
            counts[(name, query)].append(_queries(client, url(name, world) + query))
    different = {page: pair for page, pair in counts.items() if pair[0] != pair[1]}
    assert different == {}
    assert max(pair[1] for pair in counts.values()) <= 12
