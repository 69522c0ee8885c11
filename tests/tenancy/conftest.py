"""Fixtures for the municipality pages: logged-in clients per role."""

import pytest
from django.test import Client


@pytest.fixture
def coordinator(world) -> Client:
    return world.client_for("coordinator")
