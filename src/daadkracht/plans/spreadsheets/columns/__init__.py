"""The columns of the action spreadsheet: the one definition of the headers and of how each
value is written to a file and read back from one.

The headers are Dutch and fixed, like the columns of a form that municipalities exchange: a
file exported in any interface language can be imported again. Cell values of lists (statuses,
phases…) are written in Dutch; on import the code and the label in every interface language are
accepted, case and spacing ignored.
"""

from daadkracht.plans.spreadsheets.columns.base import Column
from daadkracht.plans.spreadsheets.columns.definitions import (
    COLUMNS,
    COLUMNS_BY_KEY,
    RELATION_KEYS,
    REQUIRED_COLUMNS,
    header_lookup,
)

__all__ = [
    "COLUMNS",
    "COLUMNS_BY_KEY",
    "RELATION_KEYS",
    "REQUIRED_COLUMNS",
    "Column",
    "header_lookup",
]
