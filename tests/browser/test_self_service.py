"""A person's own account pages in a real browser: edit the name, download the data, delete it all."""

import json

import pytest
from django.urls import reverse

from core.models import User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_edit_your_name(page, sign_in):
    sign_in(UserFactory(first_name="Ada", last_name="Byron", email="ada@example.com"))
    page.goto(reverse("accounts:manage"))
    page.get_by_role("link", name="Change your name").click()
    page.get_by_label("First name").fill("Augusta")
    page.get_by_label("Last name").fill("Lovelace")
    page.get_by_role("button", name="Save the name").click()
    assert "Your name has been saved." in page.locator(".messages").inner_text()
    assert "Augusta Lovelace" in page.locator("dl").inner_text()


def test_download_your_data(page, sign_in):
    sign_in(UserFactory(email="ada@example.com"))
    page.goto(reverse("accounts:manage"))
    with page.expect_download() as download:
        page.get_by_role("link", name="Download your data").click()
    assert download.value.suggested_filename == "my-data.json"
    data = json.loads(download.value.path().read_text())
    assert data["profile"]["email"] == "ada@example.com"


def test_delete_your_account_after_typing_your_password(page, sign_in, redis_db):
    sign_in(UserFactory(email="ada@example.com"))
    page.goto(reverse("accounts:manage"))
    page.get_by_role("link", name="Delete your account").click()
    page.get_by_label("Your password").fill("not my password")
    page.get_by_role("button", name="Delete the account").click()
    assert "The password is not correct." in page.locator(".form-card").inner_text()

    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_role("button", name="Delete the account").click()
    messages = page.locator(".messages").inner_text()
    assert "Your account has been deleted. A note went to ada@example.com." in messages
    assert not User.objects.filter(email="ada@example.com").exists()
    assert page.get_by_role("link", name="Log in").first.is_visible()
