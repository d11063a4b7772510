"""End-to-end fixtures: Debian's Chromium driven by Playwright against pytest-django's live server,
with a real worker delivering the e-mails that the pages ask for."""

import os

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import sync_playwright

# Playwright's sync API runs an event loop in this thread; Django's ORM calls here are still sync.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    executable = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not os.path.exists(executable):
        pytest.exit(f"Chromium is missing at {executable}: run 'make browser' (apt-get install chromium).", 3)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser tab whose relative URLs go to the live server.

    Any console error (a Content-Security-Policy violation, a missing asset) fails the test; the
    error status of a page itself (a 404 page the test opens on purpose) is for the test to check.
    """
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(10_000)
    page = context.new_page()
    console_errors, error_pages = [], set()
    page.on("console", lambda message: message.type == "error" and console_errors.append(message))
    page.on(
        "response",
        lambda response: (
            response.status >= 400
            and response.request.is_navigation_request()
            and error_pages.add(response.url)
        ),
    )
    yield page
    context.close()
    errors = [
        message.text
        for message in console_errors
        if not (
            message.text.startswith("Failed to load resource") and message.location.get("url") in error_pages
        )
    ]
    assert errors == [], f"the browser reported errors: {errors}"


@pytest.fixture
def deliver_mail(worker, mailbox):
    """Let a real worker drain the queue, then return the mailbox it delivered into."""

    def deliver():
        worker()
        return mailbox

    return deliver


@pytest.fixture
def sign_in(page, live_server):
    """Give the browser the session cookie of `user` (made by the test client's force_login)."""

    def sign_in_as(user):
        client = Client()
        client.force_login(user)
        name = settings.SESSION_COOKIE_NAME
        page.context.add_cookies(
            [{"name": name, "value": client.cookies[name].value, "url": live_server.url}]
        )

    return sign_in_as
