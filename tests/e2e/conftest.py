"""Browser tests: one headless Chromium per test session, a fresh browser context per test."""

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from daadkracht.accounts.models import User

# Playwright's sync API keeps an asyncio loop running in this thread; Django would then refuse
# the ORM calls the tests make to arrange their data.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("DAADKRACHT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
RESULTS_DIR = Path(__file__).resolve().parents[2] / "test-results"


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser: Browser, live_server) -> Iterator[BrowserContext]:
    # A Dutch-speaking browser, so that the language follows the application's default.
    browser_context = browser.new_context(
        base_url=live_server.url, locale="nl-BE", viewport={"width": 1280, "height": 800}
    )
    browser_context.set_default_timeout(10_000)
    yield browser_context
    browser_context.close()


@pytest.fixture
def page(context: BrowserContext) -> Iterator[Page]:
    """A tab that, at the end of the test, must not have met a missing file or a console error.

    Console errors include Content-Security-Policy violations, such as an inline style.
    """
    tab = context.new_page()
    problems: list[str] = []
    tab.on(
        "response",
        lambda response: (
            problems.append(f"HTTP {response.status}: {response.url}")
            if response.status >= 400 and "/static/" in response.url
            else None
        ),
    )
    tab.on(
        "console",
        lambda message: problems.append(message.text) if message.type == "error" else None,
    )
    yield tab
    assert problems == [], "the page met missing files or console errors"


@pytest.fixture
def log_in(context: BrowserContext, live_server) -> Callable[[User], None]:
    """Give the browser a session of `user` without going through the log-in form."""

    def _log_in(user: User) -> None:
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])

    return _log_in


@pytest.fixture
def results_dir() -> Path:
    RESULTS_DIR.mkdir(exist_ok=True)
    return RESULTS_DIR
