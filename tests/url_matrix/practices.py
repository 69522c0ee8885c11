"""URL matrix rows: the public pages of the practice database."""

from tests.url_matrix.rows import OK, everyone

EXPECTED = {
    # Public: published practices are searched by anyone, logged in or not.
    "practices:public_list": everyone(OK),
}

SAMPLE_KWARGS: dict = {}
