"""Two-factor in a real browser: turn it on from the account page, log out, log back in with the
app's code, then with a recovery code, which works once only."""

import os
import re
import time
from pathlib import Path

import pyotp
import pytest
from django.urls import reverse

from core.twofactor.models import TOTPDevice
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

# Set SCREENSHOT_DIR to keep the pages as PNGs at phone and desktop widths.
SCREENSHOT_DIR = os.environ.get("SCREENSHOT_DIR")
WIDTHS = (390, 1280)


def look(page, name):
    """The page fits a phone's width; with SCREENSHOT_DIR set, it is kept at both widths."""
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{name} is {overflow}px wider than a {width}px window"
        if SCREENSHOT_DIR:
            Path(SCREENSHOT_DIR).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=f"{SCREENSHOT_DIR}/{name}-{width}.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def log_in_with_password(page):
    page.goto(reverse("accounts:login"))
    page.get_by_label("Email").fill("ada@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def messages(page):
    return page.locator(".messages").inner_text()


def test_turn_on_two_factor_then_log_in_with_a_code_and_with_a_recovery_code_once(page):
    user = UserFactory(email="ada@example.com")
    log_in_with_password(page)
    page.goto(reverse("accounts:manage"))
    page.get_by_role("link", name="Two-factor authentication").click()
    look(page, "twofactor-off")
    page.get_by_role("link", name="Turn on two-factor").click()

    assert page.get_by_role("img", name="QR code").is_visible()
    secret = page.locator("code.secret").inner_text().replace(" ", "")
    totp = pyotp.TOTP(secret)
    look(page, "twofactor-setup")
    page.get_by_label("Code from the app").fill(totp.now())
    page.get_by_role("button", name="Turn on two-factor").click()
    assert "Two-factor authentication is on." in messages(page)
    codes = page.locator(".recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    look(page, "twofactor-recovery-codes")
    page.get_by_role("link", name="I have saved my codes").click()
    look(page, "twofactor-on")

    page.get_by_role("button", name="Log out").click()
    log_in_with_password(page)
    assert page.locator("h1").inner_text() == "Enter your code"
    assert page.get_by_role("link", name="Log in").is_visible()  # not logged in yet
    look(page, "twofactor-login")
    # The setup used the current step's code, which never works twice: wait for the app's next one.
    used = TOTPDevice.objects.get(user=user).last_used_step
    while totp.timecode(time.time()) <= used:
        time.sleep(0.5)
    page.get_by_label("Code").fill(totp.now())
    page.get_by_role("button", name="Log in").click()
    assert "You are now logged in." in messages(page)

    page.get_by_role("button", name="Log out").click()
    log_in_with_password(page)
    page.get_by_label("Code").fill(codes[0])
    page.get_by_role("button", name="Log in").click()
    assert re.search(r"You used a recovery code; 9 left\.", messages(page))
    assert page.get_by_role("button", name="Log out").is_visible()

    page.get_by_role("button", name="Log out").click()
    log_in_with_password(page)
    page.get_by_label("Code").fill(codes[0])
    page.get_by_role("button", name="Log in").click()
    assert "This code is not right, or was already used." in page.locator("form").inner_text()
    assert page.locator("h1").inner_text() == "Enter your code"
    look(page, "twofactor-login-error")
