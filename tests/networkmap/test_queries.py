"""The map reads a fixed number of queries: as many for 1,000 organisations in a dozen bodies as
for a handful."""

from http import HTTPStatus

from daadkracht.access.context import tenant_scope
from daadkracht.plans.models import Theme
from daadkracht.testing.network_map import bulk_links
from daadkracht.testing.stakeholders import bulk_network
from tests.networkmap.conftest import map_url

QUERIES = ["", "?theme={theme}", "?kind=port&sort=-bodies", "?export=csv", "?export=xlsx"]


def _count(client, url: str, django_assert_max_num_queries, limit: int) -> None:
    with django_assert_max_num_queries(limit):
        response = client.get(url)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
    assert response.status_code == HTTPStatus.OK


def test_the_map_reads_as_many_queries_for_1000_organisations_as_for_5(
    world, django_assert_max_num_queries
):
    with tenant_scope(world.a):
        themes = [
            Theme.objects.create(plan=world.plan_a, code=code, name=name)
            for code, name in (("E", "Energie"), ("M", "Mobiliteit"), ("W", "Wonen"))
        ]
        world.action_a.themes.add(themes[0])
        world.other_action_a.themes.add(themes[1])
    client = world.client_for("viewer")
    limit = 17
    for organisations in (5, 995):
        with tenant_scope(world.a):
            bulk_network(world.a, organisations=organisations, contacts=organisations)
            bulk_links(world.a, bodies=3)
        for query in QUERIES:
            url = map_url(world, query.format(theme=themes[0].pk))
            client.get(url)  # warm the session
            _count(client, url, django_assert_max_num_queries, limit)
