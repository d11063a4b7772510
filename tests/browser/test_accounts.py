"""Accounts end to end: a real browser follows the links a real worker mailed."""

import pytest
from django.urls import reverse

from core.models import User
from tests.factories import PASSWORD, UserFactory
from tests.support import body, first_link

pytestmark = pytest.mark.django_db(transaction=True)

NEW_PASSWORD = "a brand new passphrase 42"


def mailed_link(mailbox, address):
    [message] = mailbox.to(address)
    return first_link(body(message))


def test_register_confirm_by_the_mailed_link_then_log_in(page, deliver_mail):
    page.goto(reverse("pages:home"))
    page.get_by_role("link", name="Register").click()
    page.get_by_label("First name").fill("Ada")
    page.get_by_label("Last name").fill("Lovelace")
    page.get_by_label("Email").fill("ada@example.com")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.get_by_role("button", name="Create the account").click()
    assert "A confirmation link has been sent to ada@example.com." in page.locator(".messages").inner_text()

    page.goto(mailed_link(deliver_mail(), "ada@example.com"))
    page.get_by_role("button", name="Confirm the account").click()
    assert "Your account is confirmed. You can log in now." in page.locator(".messages").inner_text()
    assert User.objects.get(email="ada@example.com").confirmed is True

    page.get_by_label("Email").fill("ada@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Password").press("Enter")
    assert "You are now logged in." in page.locator(".messages").inner_text()
    assert page.get_by_role("button", name="Log out").is_visible()


def test_reset_a_forgotten_password_by_the_mailed_link(page, deliver_mail):
    UserFactory(email="ada@example.com")
    page.goto(reverse("accounts:login"))
    page.get_by_role("link", name="Forgot your password?").click()
    page.get_by_label("Email").fill("ada@example.com")
    page.get_by_role("button", name="Send the reset link").click()
    assert "a link to reset its password is on its way" in page.locator(".messages").inner_text()

    page.goto(mailed_link(deliver_mail(), "ada@example.com"))
    page.get_by_label("New password", exact=False).first.fill(NEW_PASSWORD)
    page.get_by_label("New password confirmation").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Set the password").click()
    assert "Your password has been reset." in page.locator(".messages").inner_text()

    page.get_by_label("Email").fill("ada@example.com")
    page.get_by_label("Password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    assert "You are now logged in." in page.locator(".messages").inner_text()


def test_a_signed_in_user_logs_out_with_the_nav_button(page, live_server):
    UserFactory(email="ada@example.com")
    page.goto(reverse("accounts:login"))
    page.get_by_label("Email").fill("ada@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Remember me").check()
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("button", name="Log out").click()
    assert "You have been logged out." in page.locator(".messages").inner_text()
    assert page.get_by_role("link", name="Log in").is_visible()
