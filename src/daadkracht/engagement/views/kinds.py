"""The three kinds of record and the words on their pages."""

from django.utils.translation import gettext_lazy as _

from daadkracht.engagement.forms import CommitmentForm, EngagementForm, InteractionForm
from daadkracht.engagement.models import Commitment, Engagement, Interaction
from daadkracht.engagement.services import commitments, engagements, interactions
from daadkracht.engagement.views.records import Kind

ENGAGEMENT = Kind(
    model=Engagement,
    form=EngagementForm,
    create=engagements.engagement_create,
    update=engagements.engagement_update,
    delete=engagements.engagement_delete,
    list_url="engagement:list",
    delete_url="engagement:delete",
    title_new=_("Record an engagement"),
    title_edit=_("Change the engagement"),
    saved=_("Engagement saved."),
    deleted=_("Engagement removed."),
    delete_question=_("Remove this engagement? Its history stays."),
)
INTERACTION = Kind(
    model=Interaction,
    form=InteractionForm,
    create=interactions.interaction_create,
    update=interactions.interaction_update,
    delete=interactions.interaction_delete,
    list_url="engagement:interactions",
    delete_url="engagement:interaction_delete",
    title_new=_("Log a contact"),
    title_edit=_("Change the contact"),
    saved=_("Contact saved."),
    deleted=_("Contact removed."),
    delete_question=_("Remove this contact from the log? Its history stays."),
)
COMMITMENT = Kind(
    model=Commitment,
    form=CommitmentForm,
    create=commitments.commitment_create,
    update=commitments.commitment_update,
    delete=commitments.commitment_delete,
    list_url="engagement:commitments",
    delete_url="engagement:commitment_delete",
    title_new=_("Record a commitment"),
    title_edit=_("Change the commitment"),
    saved=_("Commitment saved."),
    deleted=_("Commitment removed."),
    delete_question=_("Remove this commitment from the register? Its history stays."),
)
