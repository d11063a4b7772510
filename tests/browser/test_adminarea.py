"""The admin area in a real browser, with a real worker delivering the invite."""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from core.models import User
from tests.factories import AdminFactory
from tests.support import body

NEW_PASSWORD = "a long and fresh passphrase"


def sign_in(page, live_server, user):
    """Give the browser the session cookie of `user` (made by the test client's force_login)."""
    client = Client()
    client.force_login(user)
    name = settings.SESSION_COOKIE_NAME
    page.context.add_cookies([{"name": name, "value": client.cookies[name].value, "url": live_server.url}])


@pytest.mark.django_db(transaction=True)
def test_an_invited_user_follows_the_mailed_link_sets_a_password_and_lands_on_the_home_page(
    page, live_server, deliver_mail
):
    sign_in(page, live_server, AdminFactory())
    page.goto(reverse("adminarea:dashboard"))
    page.get_by_role("link", name="Invite a user").click()
    page.locator("#id_email").fill("ada@example.com")
    page.locator("#id_first_name").fill("Ada")
    page.locator("#id_last_name").fill("Lovelace")
    page.get_by_role("button", name="Send the invite").click()
    expect(page.locator(".messages")).to_have_text("Invite sent to ada@example.com.")

    [message] = deliver_mail().to("ada@example.com")
    link = re.search(r"http://\S+", body(message)).group(0)
    assert link.startswith(f"{live_server.url}/invite/")

    page.context.clear_cookies()
    page.goto(link)
    expect(page.locator("h1")).to_have_text("Join django-base")
    page.locator("#id_new_password1").fill(NEW_PASSWORD)
    page.locator("#id_new_password2").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Set the password").click()

    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.locator(".messages")).to_have_text("Welcome to django-base! Your password is set.")
    expect(page.locator(".nav-user")).to_have_text("Ada")
    assert User.objects.get(email="ada@example.com").confirmed
