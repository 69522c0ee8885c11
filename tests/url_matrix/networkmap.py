"""URL matrix rows: the network map, which every member reads (it names no person)."""

from tests.url_matrix.rows import ALL_MEMBERS

EXPECTED = {
    "networkmap:map": ALL_MEMBERS,
}

SAMPLE_KWARGS: dict = {}
