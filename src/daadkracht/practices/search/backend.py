"""The two databases' own full-text search, fed and queried with stems prepared in Python.

PostgreSQL stores a tsvector per practice (title weighted A, the rest D) written as a literal,
and is asked with a tsquery literal: neither goes through a text-search parser, so what matches
is exactly what SQLite's FTS5 table matches with the same stems.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence

from django.db import connection

from daadkracht.practices.search.text import PREFIX_LENGTH

TABLE = "practices_search"
# A title counts this much more than a word of the body, as PostgreSQL's weight A over D does.
SQLITE_TITLE_WEIGHT = 5.0
# tsvector keeps at most 256 positions per lexeme and positions up to 16383.
MAX_POSITIONS = 256
MAX_POSITION = 16383


def _vendor() -> str:
    return connection.vendor


def _tsvector(title: Sequence[str], body: Sequence[str]) -> str:
    positions: dict[str, list[str]] = defaultdict(list)
    for number, word in enumerate([*title, *body], start=1):
        kept = positions[word]
        if len(kept) < MAX_POSITIONS:
            weight = "A" if number <= len(title) else ""
            kept.append(f"{min(number, MAX_POSITION)}{weight}")
    # Stems hold letters and digits only, so quoting them needs no escapes.
    return " ".join(f"'{word}':{','.join(kept)}" for word, kept in positions.items())


def write(rows: Iterable[tuple[int, Sequence[str], Sequence[str]]]) -> None:
    """Store (practice id, title stems, body stems), replacing what was stored for the id."""
    rows = list(rows)
    if not rows:
        return
    with connection.cursor() as cursor:
        if _vendor() == "postgresql":
            cursor.executemany(
                f"INSERT INTO {TABLE} (practice_id, document) VALUES (%s, %s::tsvector) "
                "ON CONFLICT (practice_id) DO UPDATE SET document = EXCLUDED.document",
                [(pk, _tsvector(title, body)) for pk, title, body in rows],
            )
        else:
            cursor.executemany(f"DELETE FROM {TABLE} WHERE rowid = %s", [(pk,) for pk, *_ in rows])
            cursor.executemany(
                f"INSERT INTO {TABLE} (rowid, title, body) VALUES (%s, %s, %s)",
                [(pk, " ".join(title), " ".join(body)) for pk, title, body in rows],
            )


def delete(ids: Iterable[int]) -> None:
    """Forget the practices with these ids."""
    column = "practice_id" if _vendor() == "postgresql" else "rowid"
    with connection.cursor() as cursor:
        cursor.executemany(f"DELETE FROM {TABLE} WHERE {column} = %s", [(pk,) for pk in ids])


def clear() -> None:
    """Forget every practice."""
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")


def _query(stems: Sequence[str], *, any_word: bool, prefix: bool = True) -> str:
    """The database's query for the stems: all of them (or any, with `any_word`), each long
    stem also as the start of a longer word (unless not `prefix`)."""
    if _vendor() == "postgresql":
        terms = [f"'{s}':*" if prefix and len(s) >= PREFIX_LENGTH else f"'{s}'" for s in stems]
        return (" | " if any_word else " & ").join(terms)
    terms = [f'"{s}"*' if prefix and len(s) >= PREFIX_LENGTH else f'"{s}"' for s in stems]
    return (" OR " if any_word else " AND ").join(terms)


def matching_sql(stems: Sequence[str]) -> tuple[str, list[str]]:
    """A subquery of the ids of the practices that hold every stem, for `pk__in=RawSQL(...)`."""
    if _vendor() == "postgresql":
        return (
            f"SELECT practice_id FROM {TABLE} WHERE document @@ %s::tsquery",
            [_query(stems, any_word=False)],
        )
    return (f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s", [_query(stems, any_word=False)])


def scores(
    stems: Sequence[str], *, any_word: bool = False, prefix: bool = True, limit: int | None = None
) -> dict[int, float]:
    """The practices that hold every stem (or any, with `any_word`) and how well they match
    (higher is better), best first, at most `limit` of them; with `prefix`, a long stem also
    matches longer words that start with it."""
    if not stems:
        return {}
    query = _query(stems, any_word=any_word, prefix=prefix)
    if _vendor() == "postgresql":
        sql = (
            f"SELECT practice_id, ts_rank(document, %s::tsquery) AS score FROM {TABLE} "
            "WHERE document @@ %s::tsquery ORDER BY score DESC, practice_id DESC"
        )
        params: list[str | int] = [query, query]
    else:
        sql = (
            f"SELECT rowid, -bm25({TABLE}, {SQLITE_TITLE_WEIGHT}, 1.0) AS score FROM {TABLE} "
            f"WHERE {TABLE} MATCH %s ORDER BY score DESC, rowid DESC"
        )
        params = [query]
    if limit is not None:
        sql += " LIMIT %s"
        params.append(limit)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {int(pk): float(score) for pk, score in cursor.fetchall()}
