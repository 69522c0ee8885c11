"""The search index of published practices: a tsvector with a GIN index on PostgreSQL, an FTS5
table on SQLite. Both hold stems prepared in Python (see practices/search/text.py)."""

from typing import Any

from django.db import migrations

# A practice's tsvector is a few kilobytes: kept in the row (not out of line, as from 2 kB),
# reading it costs no detour, and the planner sees the table's true size beside the index.
POSTGRES_CREATE = [
    """
    CREATE TABLE practices_search (
        practice_id bigint PRIMARY KEY,
        document tsvector NOT NULL
    ) WITH (toast_tuple_target = 8160)
    """,
    "CREATE INDEX practices_search_document ON practices_search USING gin (document)",
]
SQLITE_CREATE = [
    # The text is stems separated by spaces; the tokenizer only has to split them again, keeping
    # the mark of the second stemmer's stems ("_") in the word.
    "CREATE VIRTUAL TABLE practices_search USING fts5("
    "title, body, tokenize = \"unicode61 tokenchars '_'\")",
]
DROP = ["DROP TABLE IF EXISTS practices_search"]


def _run(schema_editor: Any, statements: dict[str, list[str]]) -> None:
    for statement in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def create(apps: Any, schema_editor: Any) -> None:
    _run(schema_editor, {"postgresql": POSTGRES_CREATE, "sqlite": SQLITE_CREATE})


def drop(apps: Any, schema_editor: Any) -> None:
    _run(schema_editor, {"postgresql": DROP, "sqlite": DROP})


class Migration(migrations.Migration):
    dependencies = [("practices", "0001_initial")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
