"""The query parameters of the organisation and contact lists."""

from daadkracht.common.query import IdField, KeyField, QueryForm, TextField
from daadkracht.stakeholders.models import OrganisationKind, Purpose


class OrganisationListQuery(QueryForm):
    """`?q=` searches names and notes; `?kind=` a type; `?theme=` a theme's id."""

    q = TextField()
    kind = KeyField(OrganisationKind.values)
    theme = IdField()


class ContactListQuery(OrganisationListQuery):
    """As the organisations, and `?organisation=` an organisation's id, `?purpose=` a purpose
    the person has a lawful basis for."""

    organisation = IdField()
    purpose = KeyField(Purpose.values)


class ContactNewQuery(QueryForm):
    """`?organisation=` the organisation a new contact person works for."""

    organisation = IdField()
