"""Private pages and downloads are never kept by a cache; the project's static files may be."""

import pytest


@pytest.mark.parametrize(
    "path",
    [
        "/alfa/",
        "/alfa/plan/acties/",
        "/alfa/plan/acties/export/?format=csv",
        "/alfa/plan/acties/export/?format=xlsx",
        "/alfa/plan/prioriteiten/?export=xlsx",
        "/alfa/plan/acties/import/sjabloon/",
    ],
)
def test_member_pages_and_downloads_are_private_and_not_stored(world, path):
    response = world.client_for("coordinator").get(path)

    assert response.status_code == 200, path
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives


def test_the_log_in_page_and_a_refusal_are_not_stored_either(client, world):
    for response in (client.get("/account/aanmelden/"), client.get("/alfa/plan/acties/")):
        assert "no-store" in response["Cache-Control"]
