"""What the plan pages' query-count tests share: a logged-in coordinator of a generated plan."""

from django.test import Client

from daadkracht.tenancy.roles import Role
from daadkracht.testing.bulk import bulk_plan
from daadkracht.testing.factories import MembershipFactory, MunicipalityFactory, UserFactory


def coordinator_client_with_actions(count: int) -> tuple[Client, str]:
    """A coordinator of a new municipality whose plan has `count` actions."""
    municipality = MunicipalityFactory.create(name=f"Gemeente {count}", slug=f"gemeente-{count}")
    user = UserFactory.create(email=f"coordinator{count}@example.test")
    MembershipFactory.create(user=user, municipality=municipality, role=Role.COORDINATOR)
    bulk_plan(municipality=municipality, actions=count, departments=5)
    client = Client()
    client.force_login(user)
    return client, municipality.slug
