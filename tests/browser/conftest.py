"""End-to-end fixtures: Debian's Chromium driven by Playwright against pytest-django's live server,
with a real worker delivering the e-mails that the pages ask for."""

import os

import pytest
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

    Any console error (a Content-Security-Policy violation, a missing asset) fails the test.
    """
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(10_000)
    page = context.new_page()
    console_errors = []
    page.on("console", lambda message: message.type == "error" and console_errors.append(message.text))
    yield page
    context.close()
    assert console_errors == [], f"the browser reported errors: {console_errors}"


@pytest.fixture
def deliver_mail(worker, mailbox):
    """Let a real worker drain the queue, then return the mailbox it delivered into."""

    def deliver():
        worker()
        return mailbox

    return deliver
