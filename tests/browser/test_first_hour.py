"""The walkthrough of docs/first-hour.md, step by step in a real browser, taking its screenshots.

Every run checks that the walkthrough still works; `make screenshots` runs it alone with
FIRST_HOUR_SCREENSHOTS=docs/screenshots to refresh the committed pictures (1280 x 800, 256 colours).
"""

import os
import re
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import expect

from core.models import User

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.screenshots]

ADMIN_EMAIL, ADMIN_PASSWORD = "admin@example.com", "password"
NEW_USER_PASSWORD = "a long and memorable passphrase"
VIEWPORT = {"width": 1280, "height": 800}


@pytest.fixture
def screenshots(tmp_path):
    """Save the window as `name`.png in 256 colours: under 40 % of the size, the same look."""
    folder = Path(os.environ.get("FIRST_HOUR_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)

    def take(page, name):
        path = folder / f"{name}.png"
        page.screenshot(path=path)
        with Image.open(path) as picture:
            small = picture.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
        small.save(path, optimize=True)
        return path

    return take


@pytest.fixture
def private_window(browser, live_server):
    """A second browser window with its own cookies, as a private window is; no console errors either."""
    context = browser.new_context(base_url=live_server.url, viewport=VIEWPORT)
    context.set_default_timeout(10_000)
    errors = []
    window = context.new_page()
    window.on("console", lambda message: message.type == "error" and errors.append(message.text))
    yield window
    context.close()
    assert errors == [], f"the browser reported errors: {errors}"


def test_the_first_hour_walkthrough(page, private_window, screenshots, settings, deliver_mail):
    # `make run`: no REDIS_URL, so e-mails go out inline while the page is answered.
    settings.JOBS_RUN_INLINE = True
    settings.MAIL_VIEWER = True
    User.objects.ensure_administrator(ADMIN_EMAIL, ADMIN_PASSWORD)
    page.set_viewport_size(VIEWPORT)

    page.goto("/")
    expect(page.locator("h1")).to_have_text(settings.SITE_NAME)
    screenshots(page, "01-home")

    # Log in as the administrator that `make run` created.
    page.get_by_role("link", name="Log in").first.click()
    page.locator("#id_username").fill(ADMIN_EMAIL)
    page.locator("#id_password").fill(ADMIN_PASSWORD)
    screenshots(page, "02-log-in")
    page.get_by_role("button", name="Log in").click()
    expect(page.locator(".messages")).to_contain_text("You are now logged in.")
    expect(page).to_have_url(re.compile(r"/admin/$"))
    screenshots(page, "03-admin-dashboard")

    # Register a user in a private window, and follow the mailed link.
    private_window.goto("/account/register/")
    private_window.get_by_label("First name").fill("Ada")
    private_window.get_by_label("Last name").fill("Lovelace")
    private_window.locator("#id_email").fill("ada@example.com")
    private_window.locator("#id_password1").fill(NEW_USER_PASSWORD)
    private_window.locator("#id_password2").fill(NEW_USER_PASSWORD)
    screenshots(private_window, "04-register")
    private_window.locator(".form-card button[type=submit]").click()
    expect(private_window.locator(".messages")).to_contain_text("A confirmation link has been sent")

    private_window.goto("/dev/mail/")
    screenshots(private_window, "05-mail-viewer")
    private_window.get_by_role("link", name=f"Confirm your {settings.SITE_NAME} account").click()
    screenshots(private_window, "06-confirmation-mail")
    private_window.frame_locator("iframe.mail-html").locator("a[href*='/account/confirm/']").click()
    private_window.get_by_role("button", name="Confirm the account").click()
    expect(private_window.locator(".messages")).to_contain_text("Your account is confirmed.")
    assert User.objects.get(email="ada@example.com").confirmed

    # Invite someone from the admin area.
    page.get_by_role("link", name="Invite a user").click()
    page.locator("#id_email").fill("grace@example.com")
    page.locator("#id_first_name").fill("Grace")
    page.locator("#id_last_name").fill("Hopper")
    screenshots(page, "07-invite")
    page.locator(".form-card button[type=submit]").click()
    expect(page.locator(".messages")).to_have_text("Invite sent to grace@example.com.")

    # With REDIS_URL set, e-mails wait in the outbox for a worker: the viewer shows them pending, then sent.
    settings.JOBS_RUN_INLINE = False
    page.goto(f"/admin/users/{User.objects.get(email='grace@example.com').pk}/")
    page.get_by_role("button", name="Send the invite again").click()
    page.goto("/dev/mail/")
    expect(page.locator("tbody tr").first).to_contain_text("pending")
    screenshots(page, "08-waiting-for-a-worker")
    [invite] = deliver_mail().to("grace@example.com")
    page.reload()
    expect(page.locator("tbody tr").first).to_contain_text("sent")
