"""The home page sends a logged-in member to their municipality."""

from http import HTTPStatus


def test_member_lands_in_municipality(world):
    response = world.client_for("coordinator").get("/", follow=True)
    assert response.status_code == HTTPStatus.OK
    assert b"Gemeente Alfa" in response.content
