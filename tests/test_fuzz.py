"""Hostile values on every page: a bad query parameter or form value is ignored or refused, never
a server error, on SQLite and on PostgreSQL.

Every page gets hostile values in every query parameter it reads (QUERY_PARAMETERS; a test
compares the list with what the views really read), and every form on the pages gets hostile
values in every field, posted where the form posts: first each named value (values.NAMED) in
every parameter or field at once, then hypothesis's mixtures of hostile and valid values. Each
request runs in a savepoint that is rolled back, with the visitor's cookies put back, so that
every request meets the same world. An exception that escapes a view fails as a 500 does.

A deeper search: `DAADKRACHT_FUZZ_EXAMPLES=200 pytest tests/test_fuzz.py`. A probe that counts
every server error instead of stopping at the first, and adds the figures (requests, errors,
per page) to a file: `DAADKRACHT_FUZZ_PROBE=/tmp/fuzz.json pytest -n 0 --hypothesis-seed=0
tests/test_fuzz.py`.
"""

import csv
import io
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import override_settings
from django.urls import get_resolver, resolve
from django.utils.datastructures import MultiValueDict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import build_world
from tests.fuzzing.html import PageForm, parse_page
from tests.fuzzing.requests import PROBE, TALLY, check, send
from tests.fuzzing.values import NAMED, RAW_QUERY, hostile
from tests.fuzzing.world import FuzzWorld, furnish
from tests.test_authorization import DELEGATED_NAMESPACES, url_names

EXAMPLES = int(os.environ.get("DAADKRACHT_FUZZ_EXAMPLES", "8"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# The filters every list of actions reads.
ACTION_FILTER = (
    "q",
    "theme",
    "department",
    "status",
    "phase",
    "priority",
    "tag",
    "partner",
    "overdue",
    "stale",
)

# The query parameters each page reads; a page not listed gets a few it should ignore.
QUERY_PARAMETERS: dict[str, tuple[str, ...]] = {
    "accounts:login": ("next",),
    "tenancy:home": ("sinds",),
    "bodies:list": ("kind", "theme", "export"),
    "coach_overview": ("q", "show", "sort", "export"),
    "tenancy:departments": ("q", "sort", "export"),
    "tenancy:members": ("q", "role", "department", "sort", "export"),
    "history:recent": ("q", "actor", "page"),
    "plans:actions": (*ACTION_FILTER, "sort", "page"),
    "plans:action_quick_update": ("next",),
    "plans:action_row": ("next",),
    "plans:board": ACTION_FILTER,
    "plans:timeline": (*ACTION_FILTER, "page"),
    "plans:action_detail": ("kind", "order", "export"),
    "plans:actions_export": (*ACTION_FILTER, "sort", "format"),
    "plans:actions_import": ("voorbeeld",),
    "plans:theme_create": ("parent",),
    "prioritisation:priorities": (*ACTION_FILTER, "sort", "page", "export"),
    "prioritisation:mac_curve": (*ACTION_FILTER, "export"),
    "prioritisation:rounds": ("state", "q", "sort", "export"),
    "prioritisation:round_create": ACTION_FILTER,
    "prioritisation:round_results": ("sort", "export"),
    "dashboard:department": ("sort", "export"),
    "dashboard:department_choose": ("dienst",),
    "dashboard:attention": (*ACTION_FILTER, "kind", "sort", "page", "export"),
    "dashboard:overdue_tasks": ("department", "sort", "page", "export"),
    "diagnosis:rounds": ("sort",),
    "diagnosis:round_results": ("vergelijk", "export"),
    "meetings:list": ("type", "period", "from", "until", "team", "q", "sort", "export"),
    "meetings:create": ("method", "agenda", "team"),
    "network:members": ("theme", "page", "export"),
    "agreements:list": ("status", "department", "attention", "q", "sort", "export"),
    "agreements:department": ("status", "department", "attention", "q", "sort", "export"),
    "agreements:create": ("meeting", "team"),
    "trajectory:collaboration_model": ("export",),
    "stakeholders:organisations": ("q", "kind", "theme", "sort", "page", "export"),
    "stakeholders:contacts": (
        "q",
        "kind",
        "theme",
        "organisation",
        "purpose",
        "sort",
        "page",
        "export",
    ),
    "stakeholders:contact_create": ("organisation",),
    "networkmap:map": (
        "theme",
        "kind",
        "shown",
        "organisations",
        "bodies",
        "themes",
        "sort",
        "page",
        "export",
    ),
    "events:list": ("period", "kind", "theme", "q", "sort", "page", "export"),
    "events:report": ("export",),
    "engagement:list": ("theme", "kind", "organisation", "behind", "sort", "page", "export"),
    "engagement:coverage": ("kind", "export"),
    "engagement:interactions": (
        "organisation",
        "kind",
        "theme",
        "open",
        "mine",
        "sort",
        "page",
        "export",
    ),
    "engagement:commitments": (
        "organisation",
        "status",
        "direction",
        "overdue",
        "sort",
        "page",
        "export",
    ),
    "engagement:create": ("organisation", "theme", "action", "from"),
    "engagement:edit": ("from",),
    "engagement:delete": ("from",),
    "engagement:interaction_create": ("organisation", "theme", "action", "from"),
    "engagement:interaction_edit": ("from",),
    "engagement:interaction_delete": ("from",),
    "engagement:commitment_create": ("organisation", "theme", "action", "from"),
    "engagement:commitment_edit": ("from",),
    "engagement:commitment_delete": ("from",),
    "messaging:list": ("page",),
    "our_practices:list": ("status", "sort", "page", "export"),
    "practices:public_list": (
        "q",
        "theme",
        "werf",
        "province",
        "size",
        "year",
        "sort",
        "page",
        "export",
    ),
    "messaging:detail": ("page", "export"),
    "messaging:mailing_list": (
        "audience",
        "body",
        "event",
        "theme",
        "include_waiting",
        "min_level",
        "export",
    ),
    "offers:list": ("q", "theme", "type", "group", "lekp", "sort", "page", "export"),
    "provider:inbox": ("status", "page"),
}
UNREAD = ("page", "sort", "q", "export")

# The pages whose forms are posted, with the queries that show them.
FORM_PAGES: dict[str, tuple[str, ...]] = {
    "accounts:login": ("",),
    "accounts:password_reset": ("",),
    "accounts:password_reset_confirm": ("",),
    "accounts:password_change": ("",),
    "accounts:invitation": ("",),
    "accounts:profile": ("",),
    "tenancy:department_create": ("",),
    "tenancy:department_edit": ("",),
    "tenancy:department_delete": ("",),
    "tenancy:department_trash": ("",),
    "tenancy:members": ("",),
    "tenancy:member_invite": ("",),
    "tenancy:member_edit": ("",),
    "tenancy:member_remove": ("",),
    "plans:action_quick_update": ("",),
    "plans:board": ("",),
    "plans:action_detail": ("",),
    "plans:action_create": ("",),
    "plans:action_edit": ("",),
    "plans:action_delete": ("",),
    "plans:action_trash": ("",),
    "plans:task_edit": ("",),
    "plans:task_delete": ("",),
    "partners:add": ("",),
    "partners:remove": ("",),
    "plans:settings": ("",),
    "plans:plan_edit": ("",),
    "plans:theme_create": ("",),
    "plans:theme_edit": ("",),
    "plans:theme_delete": ("",),
    "plans:status_create": ("",),
    "plans:status_edit": ("",),
    "plans:status_delete": ("",),
    "plans:actions_import": ("", "voorbeeld=1"),
    "prioritisation:priorities": ("",),
    "prioritisation:criteria": ("",),
    "prioritisation:criterion_delete": ("",),
    "prioritisation:action_scores": ("",),
    "prioritisation:round_create": ("",),
    "prioritisation:round_close": ("",),
    "prioritisation:round_adopt": ("",),
    "workshop:enter": ("",),
    "workshop:join": ("",),
    "workshop:score": ("",),
    "trajectory:overview": ("",),
    "trajectory:agreements_edit": ("",),
    "trajectory:phase": ("",),
    "trajectory:phase_edit": ("",),
    "trajectory:item_edit": ("",),
    "trajectory:item_delete": ("",),
    "trajectory:collaboration_model": ("",),
    "trajectory:collaboration_model_edit": ("",),
    "trajectory:collaboration_bodies_edit": ("",),
    "trajectory:collaboration_contacts_edit": ("",),
    "trajectory:plan_edit": ("",),
    "trajectory:method_add": ("",),
    "trajectory:method_edit": ("",),
    "trajectory:method_delete": ("",),
    "diagnosis:round_create": ("",),
    "diagnosis:round_detail": ("",),
    "diagnosis:round_close": ("",),
    "respondent:answer": ("",),
    "evaluation:answer": ("",),
    "network:page_edit": ("",),
    "open_network:join": ("",),
    "open_network:leave": ("",),
    "meetings:create": ("", "method=workshop&agenda=actions-dashboard"),
    "bodies:create": ("",),
    "bodies:edit": ("",),
    "bodies:member_add": ("",),
    "bodies:member_end": ("",),
    "bodies:meeting_create": ("",),
    "meetings:detail": ("",),
    "meetings:edit": ("",),
    "meetings:cancel": ("",),
    "meetings:update_post": ("",),
    "meetings:action_create": ("",),
    "meetings:team_create": ("",),
    "meetings:team": ("",),
    "meetings:team_edit": ("",),
    "meetings:team_member_remove": ("",),
    "agreements:create": ("",),
    "agreements:edit": ("",),
    "agreements:state": ("",),
    "agreements:delete": ("",),
    "stakeholders:organisation_create": ("",),
    "stakeholders:organisation_edit": ("",),
    "stakeholders:organisation_delete": ("",),
    "stakeholders:contact_create": ("",),
    "stakeholders:contact": ("",),
    "stakeholders:contact_edit": ("",),
    "stakeholders:contact_delete": ("",),
    "stakeholders:consent_withdraw": ("",),
    "stakeholders:contact_erase": ("",),
    "stakeholders:privacy": ("",),
    "network_link:withdraw": ("",),
    "events:create": ("",),
    "events:edit": ("",),
    "events:cancel": ("",),
    "events:detail": ("",),
    "event_public:register": ("",),
    "event_public:cancel": ("",),
    "messaging:compose": ("",),
    "stakeholders:import": ("",),
    "engagement:create": ("", "organisation=1&from=organisation"),
    "engagement:edit": ("",),
    "engagement:delete": ("",),
    "engagement:interaction_create": ("",),
    "engagement:interaction_edit": ("",),
    "engagement:interaction_delete": ("",),
    "engagement:commitment_create": ("",),
    "engagement:commitment_edit": ("",),
    "engagement:commitment_delete": ("",),
    "portal:action": ("",),
    "portal_invitation:accept": ("",),
    "portal_access:list": ("",),
    "proposals:decide": ("",),
    "offer_requests:create": ("",),
    "offer_requests:list": ("",),
    "provider:offers": ("",),
    "provider:offer_create": ("",),
    "provider:offer_edit": ("",),
    "provider:request": ("",),
    "our_practices:create": ("",),
    "our_practices:detail": ("",),
    "our_practices:edit": ("",),
    "our_practices:withdraw": ("",),
    "our_practices:delete": ("",),
    "our_practices:files": ("",),
    "our_practices:file_remove": ("",),
    "our_practices:adopt": ("",),
}
# Forms every page carries are posted from one page only.
PAGE_WIDE_FORMS = {"set_language": "accounts:profile", "accounts:logout": "accounts:profile"}
# Routes that read a POST without a form on any page to post it.
POST_WITHOUT_FORM = {
    "our_practices:start_update": "its button shows on a published practice's page (the fuzzed"
    " one is a draft); it reads no field: tests/practices/test_workflow.py posts it",
    "engagement:follow_up": "its button shows beside a contact with a follow-up (the fuzzed world"
    " has none listed); crafted posts are sent in tests/engagement/test_engagement.py",
    "diagnosis:round_open": "its button shows on a draft round's page; the fuzzed round is open;"
    " crafted posts are sent in tests/diagnosis/test_views.py",
    "plans:plan_create": "the plan exists; its creation page sends the coordinator to editing",
    "plans:action_row": "a cancelled quick update's row: it reads where the list was, as it does",
    "tenancy:checklist": "its button shows while set-up steps remain; any value but 'show' hides",
    "plans:actions_import_columns": "shown for a file waiting to be imported; hostile choices are"
    " posted in tests/plans/test_import_mapping.py",
    "plans:actions_import_missing": "shown for a file naming unknown themes, departments or"
    " partners; hostile choices are posted in tests/plans/test_import_mapping.py and, for"
    " partners, tests/partners/test_import.py",
    "trajectory:start": "shown before the trajectory starts (the world's has started); hostile"
    " start dates are posted in tests/trajectory/test_views.py",
    "trajectory:plan_start": "shown before the plan of approach is drawn up (the world's is); it"
    " reads no field: tests/trajectory/test_plan_of_approach.py posts it",
    "bodies:propose": "shown while the municipality has no bodies (the fuzzed world has one); it"
    " reads no field: tests/bodies/test_pages.py posts it",
    "plans:actions_import_kind": "shown on a preview with new actions (the fuzzed file has none);"
    " crafted choices are posted in tests/plans/test_import_unknown_and_kind.py",
}


@pytest.fixture(scope="module")
def furnished(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[FuzzWorld]:
    """The world is built once for the file, in a transaction rolled back at its end; each test
    runs inside it, and each request in a savepoint of its own."""
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        cache.clear()
        yield furnish(build_world())
        transaction.set_rollback(True)


@pytest.fixture
def fuzz_world(furnished, db) -> FuzzWorld:
    return furnished


@pytest.fixture(scope="module", autouse=True)
def probe_figures() -> Iterator[None]:
    yield
    if PROBE:
        TALLY.write(Path(PROBE))


def _pages() -> list[str]:
    return sorted(n for n in url_names() if n.split(":")[0] not in DELEGATED_NAMESPACES)


@dataclass(frozen=True)
class Page:
    """A page as its visitor first sees it: its status, its forms and the values it offers."""

    status: int
    forms: list[PageForm]
    choices: dict[str, list[str]]


def _page(fuzz: FuzzWorld, name: str, query: str = "") -> Page:
    url = fuzz.url(name) + (f"?{query}" if query else "")
    if url not in fuzz.pages:
        outcome = send(fuzz.client(name), "get", url)
        check(name, outcome, "get", url)
        is_html = outcome.status == 200 and "html" in outcome.content_type
        parsed = parse_page(outcome.body.decode() if is_html else "", url)
        choices: dict[str, list[str]] = {}
        for form in parsed.forms:
            for item in form.fields.values():
                choices.setdefault(item.name, []).extend(item.options + item.values)
        queries = [urlsplit(form.action).query for form in parsed.forms] + parsed.queries
        for key, value in (pair for query in queries for pair in parse_qsl(query)):
            choices.setdefault(key, []).append(value)
        fuzz.pages[url] = Page(outcome.status or 500, parsed.forms, choices)
    return fuzz.pages[url]


def _route(path: str) -> str:
    return resolve(urlsplit(path).path).view_name


def _headers(data: Any) -> dict[str, str]:
    return {"HX-Request": "true"} if data.draw(st.booleans(), label="htmx") else {}


# --- Query parameters ----------------------------------------------------------------------


def _patterns(patterns: list[Any] | None = None, ns: str = "") -> Iterator[tuple[str, Any]]:
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if hasattr(entry, "url_patterns"):
            inner = f"{ns}{entry.namespace}:" if entry.namespace else ns
            yield from _patterns(entry.url_patterns, inner)
        elif entry.name:
            yield f"{ns}{entry.name}", entry.pattern


def _id_kwargs(name: str) -> list[str]:
    """The URL's integer arguments (`<int:pk>`)."""
    pattern = dict(_patterns())[name]
    converters = getattr(pattern, "converters", {})
    return [key for key, converter in converters.items() if converter.regex == "[0-9]+"]


def _get(fuzz: FuzzWorld, name: str, url: str, pairs: list[tuple[str, str]], **kwargs: Any):
    target = f"{url}?{urlencode(pairs)}" if pairs else url
    check(name, send(fuzz.client(name), "get", target, **kwargs), "get", target, kwargs)


@pytest.mark.parametrize("name", _pages())
def test_named_values_in_every_query_parameter(fuzz_world, name):
    if _page(fuzz_world, name).status == 405:
        return
    url = fuzz_world.url(name)
    keys = QUERY_PARAMETERS.get(name, UNREAD)
    for value in NAMED:
        _get(fuzz_world, name, url, [(key, value) for key in keys])
    _get(fuzz_world, name, url, [(key, value) for key in keys for value in NAMED])
    for key in _id_kwargs(name):
        _get(fuzz_world, name, fuzz_world.url(name, **{key: "9" * 30}), [])


@pytest.mark.parametrize("name", _pages())
@FUZZ
@given(data=st.data())
def test_hostile_query_parameters(fuzz_world, name, data):
    page = _page(fuzz_world, name)
    if page.status == 405:
        return
    path_ids = st.sampled_from(["0", "9223372036854775808", *fuzz_world.ids])
    changed = {key: data.draw(path_ids, label=key) for key in _id_kwargs(name)}
    url = fuzz_world.url(name, **data.draw(st.sampled_from([{}, changed]), label="path"))
    pairs = []
    for key in QUERY_PARAMETERS.get(name, UNREAD):
        values = hostile([*page.choices.get(key, []), *fuzz_world.ids])
        pairs.extend((key, value) for value in data.draw(st.lists(values, max_size=3), label=key))
    pairs += data.draw(st.lists(st.tuples(hostile(), hostile()), max_size=1), label="unknown")
    query = "&".join(
        part
        for part in [urlencode(pairs), *data.draw(st.lists(st.sampled_from(RAW_QUERY), max_size=1))]
        if part
    )
    target = f"{url}?{query}"
    headers = _headers(data)
    outcome = send(fuzz_world.client(name), "get", target, headers=headers)
    check(name, outcome, "get", target, headers)


# --- Forms -------------------------------------------------------------------------------


def _posted_forms(fuzz: FuzzWorld, name: str) -> list[PageForm]:
    """The page's forms that post, one of each kind (one card's move, one theme's move)."""
    seen, forms = set(), []
    for query in FORM_PAGES[name]:
        for form in _page(fuzz, name, query).forms:
            route = _route(form.action)
            kind = (route, tuple(sorted(form.names)))
            posted_here = form.method == "post" and PAGE_WIDE_FORMS.get(route, name) == name
            if posted_here and kind not in seen:
                seen.add(kind)
                forms.append(form)
    return forms


def _changed_csv(export: bytes, row: int, column: int, value: str) -> bytes:
    """The exported CSV with one cell changed."""
    rows = list(csv.reader(io.StringIO(export.decode("utf-8-sig")), delimiter=";"))
    cells = rows[row % len(rows)]
    if cells:
        cells[column % len(cells)] = value
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows(rows)
    return out.getvalue().encode()


def _uploads(fuzz: FuzzWorld) -> st.SearchStrategy[SimpleUploadedFile]:
    def changed(row: int, column: int, value: str) -> SimpleUploadedFile:
        return SimpleUploadedFile("acties.csv", _changed_csv(fuzz.export_csv, row, column, value))

    names = st.sampled_from(["acties.xlsx", "acties.csv", "acties.txt"])
    return st.one_of(
        st.builds(changed, st.integers(0, 50), st.integers(0, 50), hostile()),
        st.builds(SimpleUploadedFile, names, st.binary(max_size=500)),
    )


def _named_payload(form: PageForm, value: str) -> dict[str, Any]:
    """Every field holds `value`; the first button is pressed."""
    payload: dict[str, Any] = {name: [value] for name in form.fields}
    for name, item in form.fields.items():
        if item.kind == "file":
            payload[name] = SimpleUploadedFile("acties.csv", value.encode())
    if form.buttons:
        button, pressed = form.buttons[0]
        payload[button] = [pressed]
    return payload


def _payload(data: Any, fuzz: FuzzWorld, form: PageForm) -> dict[str, Any]:
    """Per field: the page's own value, hostile values, a valid choice, or nothing."""
    payload: dict[str, Any] = {}
    for item in form.fields.values():
        if item.kind == "file":
            upload = data.draw(st.one_of(st.none(), _uploads(fuzz)), label=item.name)
            if upload is not None:
                payload[item.name] = upload
            continue
        strategies = [
            st.just(list(item.values)),
            st.lists(hostile([*item.options, *item.values, *fuzz.ids]), min_size=1, max_size=3),
            st.just([]),
        ]
        if item.options:
            strategies.append(st.lists(st.sampled_from(item.options), max_size=3))
        values = data.draw(st.one_of(*strategies), label=item.name)
        if values:
            payload[item.name] = values
    if form.buttons:
        for button, value in data.draw(st.lists(st.sampled_from(form.buttons), max_size=2)):
            payload.setdefault(button, []).append(value)
    for key, value in data.draw(st.lists(st.tuples(hostile(), hostile()), max_size=1)):
        if key:
            payload.setdefault(key, []).append(value)
    return payload


def _post(fuzz: FuzzWorld, name: str, form: PageForm, payload: dict[str, Any], **kwargs: Any):
    outcome = send(fuzz.client(name), "post", form.action, data=payload, **kwargs)
    check(_route(form.action), outcome, "post", form.action, payload)


@pytest.mark.parametrize("name", sorted(FORM_PAGES))
def test_named_values_in_every_form_field(fuzz_world, name):
    for form in _posted_forms(fuzz_world, name):
        for value in NAMED:
            _post(fuzz_world, name, form, _named_payload(form, value))


@pytest.mark.parametrize("name", sorted(FORM_PAGES))
@FUZZ
@given(data=st.data())
def test_hostile_form_values(fuzz_world, name, data):
    for form in _posted_forms(fuzz_world, name):
        _post(fuzz_world, name, form, _payload(data, fuzz_world, form), headers=_headers(data))


# --- The fuzz reaches what the pages read and where they post --------------------------------


@contextmanager
def reads_recorded() -> Iterator[dict[int, set[str]]]:
    """The keys read from each query dict (by its id) while the block runs."""
    read: dict[int, set[str]] = {}
    originals = {
        name: getattr(MultiValueDict, name) for name in ("__getitem__", "_getlist", "__contains__")
    }

    def recording(original: Callable[..., Any]) -> Callable[..., Any]:
        def reading(self: MultiValueDict, key: Any, *args: Any, **kwargs: Any) -> Any:
            read.setdefault(id(self), set()).add(key)
            return original(self, key, *args, **kwargs)

        return reading

    for name, original in originals.items():
        setattr(MultiValueDict, name, recording(original))
    try:
        yield read
    finally:
        for name, original in originals.items():
            setattr(MultiValueDict, name, original)


def test_every_query_parameter_a_page_reads_is_fuzzed(fuzz_world):
    unlisted = {}
    for name in _pages():
        with reads_recorded() as read:
            outcome = send(fuzz_world.client(name), "get", fuzz_world.url(name))
        if outcome.request is not None:
            keys = read.get(id(outcome.request.GET), set())
            if keys - set(QUERY_PARAMETERS.get(name, ())):
                unlisted[name] = sorted(keys - set(QUERY_PARAMETERS.get(name, ())))
    assert unlisted == {}, "list these in QUERY_PARAMETERS"


def test_every_filter_form_sends_only_fuzzed_parameters(fuzz_world):
    unlisted = {}
    for name in _pages():
        for form in _page(fuzz_world, name).forms:
            target = _route(form.action)
            missing = form.names - set(QUERY_PARAMETERS.get(target, ()))
            if form.method == "get" and missing:
                unlisted[target] = sorted(missing)
    assert unlisted == {}, "list these in QUERY_PARAMETERS"


def test_every_route_that_takes_a_post_is_fuzzed_through_a_form(fuzz_world):
    """A route takes a POST when only a POST reaches it, when a page's form posts to it, or
    when its view reads what is posted."""
    takes_post = set()
    for name in _pages():
        page = _page(fuzz_world, name)
        if page.status == 405:
            takes_post.add(name)
        takes_post.update(_route(form.action) for form in page.forms if form.method == "post")
        with reads_recorded() as read:
            outcome = send(fuzz_world.client(name), "post", fuzz_world.url(name), data={"x": "1"})
        if outcome.request is not None and read.get(id(outcome.request.POST)):
            takes_post.add(name)
    reached = {
        _route(form.action) for name in FORM_PAGES for form in _posted_forms(fuzz_world, name)
    }
    assert takes_post - reached - POST_WITHOUT_FORM.keys() == set()


def test_every_form_page_holds_a_form_that_posts(fuzz_world):
    assert [name for name in FORM_PAGES if not _posted_forms(fuzz_world, name)] == []
