"""Values a hostile tester types into a query string or a form field."""

from collections.abc import Iterable

from hypothesis import strategies as st

# Sent in every parameter and every field of every page, one value at a time.
NAMED = [
    "²",
    "-1",
    "0",
    "9" * 30,
    "9223372036854775808",
    "1e999",
    "NaN",
    "\x00",
    "0001-01-01",
    "9999-12-31",
    "x" * 5000,
    "<script>alert(1)</script>",
    "",
]

# Drawn from at random, with the named ones.
HOSTILE = [
    *NAMED,
    "١٢",
    "00",
    "1.5",
    "1_000",
    " 1",
    "2147483648",
    "9223372036854775807",
    "-9223372036854775809",
    "-1e999",
    "Infinity",
    "1\x00",
    "a\x00b",
    "2024-02-30",
    "31/12/2030",
    "' OR 1=1 --",
    "%",
    "\u202e",
    "\ufffd",
    "🌍",
    " ",
    "-",
    "--score",
    "true",
    "on",
    "csv",
    "xlsx",
]

# Pieces of a raw query string that no browser sends: broken escapes, bytes that are not UTF-8.
RAW_QUERY = ["%ff%fe", "%", "%zz", "&&", "=", "a=%00", "%C0%AF", "page=%F0%9F"]


def hostile(extra: Iterable[str] = ()) -> st.SearchStrategy[str]:
    """One hostile value, or one of `extra` (real ids, the page's own choices)."""
    strategies = [
        st.sampled_from(HOSTILE),
        st.integers().map(str),
        st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
    ]
    known = sorted(set(extra))
    if known:
        strategies.append(st.sampled_from(known))
    return st.one_of(*strategies)
