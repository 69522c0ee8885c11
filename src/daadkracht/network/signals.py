"""When a person is erased (`stakeholders.services.privacy.contact_erase`), the organisation
they typed when they joined the Open Network goes too: it is their own words about themselves."""

from typing import Any

from daadkracht.network.models import NetworkMember
from daadkracht.stakeholders.models import Contact


def forget_erased_member(sender: Any, instance: Contact, **kwargs: Any) -> None:
    if instance.erased_at is None:
        return
    NetworkMember.objects.filter(contact_id=instance.pk).exclude(organisation_name="").update(
        organisation_name=""
    )
