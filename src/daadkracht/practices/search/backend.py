"""The two databases' own full-text search, fed and queried with stems prepared in Python.

PostgreSQL stores a tsvector per practice (title weighted A, the rest D) written as a literal,
and is asked with a tsquery literal: neither goes through a text-search parser, so what matches
is exactly what SQLite's FTS5 table matches with the same stems.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection

from daadkracht.practices.search.text import PREFIX_LENGTH, SECOND, Term

TABLE = "practices_search"
# A title counts this much more than a word of the body, as PostgreSQL's weight A over D does.
SQLITE_TITLE_WEIGHT = 5.0
# tsvector keeps at most 256 positions per lexeme and positions up to 16383.
MAX_POSITIONS = 256
MAX_POSITION = 16383
# Up to this many matches, PostgreSQL gets the ids of the matching practices as an array.
ARRAY_IDS = 1000


def _vendor() -> str:
    return connection.vendor


def _tsvector(title: Sequence[str], body: Sequence[str]) -> str:
    positions: dict[str, list[str]] = defaultdict(list)
    number = 0
    for index, word in enumerate([*title, *body]):
        kept = positions[word]
        # A second stem only needs to be there: it matches, the first stem ranks.
        if word.startswith(SECOND):
            continue
        number += 1
        if len(kept) < MAX_POSITIONS:
            weight = "A" if index < len(title) else ""
            kept.append(f"{min(number, MAX_POSITION)}{weight}")
    # Terms hold letters, digits and the second stem's mark only: quoting needs no escapes.
    return " ".join(
        f"'{word}':{','.join(kept)}" if kept else f"'{word}'" for word, kept in positions.items()
    )


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


def _query(terms: Sequence[Term], *, any_word: bool, prefix: bool = True) -> str:
    """The database's query for the terms of a query: all of its words (or any, with
    `any_word`); a word is found by its stem, a long stem also as the start of a longer word
    (unless not `prefix`), or by its second stem."""
    postgres = _vendor() == "postgresql"
    words = []
    for stem, second in terms:
        starts = prefix and len(stem) >= PREFIX_LENGTH
        if postgres:
            words.append(f"('{stem}'{':*' if starts else ''} | '{second}')")
        else:
            words.append(f'("{stem}"{"*" if starts else ""} OR "{second}")')
    if postgres:
        return (" | " if any_word else " & ").join(words)
    return (" OR " if any_word else " AND ").join(words)


def matching_sql(terms: Sequence[Term]) -> tuple[str, list[Any]]:
    """A subquery of the ids of the practices that hold every word, for `pk__in=RawSQL(...)`.

    A page filters and counts the matches in several queries. SQLite's FTS5 answers the
    subquery at once each time; PostgreSQL would scan every document again, so it is asked
    once here and the ids go into the page's queries as one array.
    """
    query = _query(terms, any_word=False)
    if _vendor() == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT practice_id FROM {TABLE} WHERE document @@ %s::tsquery", [query]
            )
            ids = [pk for (pk,) in cursor.fetchall()]
        if len(ids) <= ARRAY_IDS:
            return "SELECT unnest(%s::bigint[])", [ids]
        # Most documents match: scanning them again costs less than passing all their ids.
        return f"SELECT practice_id FROM {TABLE} WHERE document @@ %s::tsquery", [query]
    return (f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s", [query])


def scores(
    terms: Sequence[Term], *, any_word: bool = False, prefix: bool = True, limit: int | None = None
) -> dict[int, float]:
    """The practices that hold every word (or any, with `any_word`) and how well they match
    (higher is better), best first, at most `limit` of them; with `prefix`, a long stem also
    matches longer words that start with it."""
    if not terms:
        return {}
    query = _query(terms, any_word=any_word, prefix=prefix)
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
