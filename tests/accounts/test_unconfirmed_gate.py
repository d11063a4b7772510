"""Signed-in users who have not confirmed their account see the "unconfirmed" page, not the app."""

from http import HTTPStatus

import pytest

from tests.factories import UserFactory
from tests.support import link_mailed_to, outbox_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def unconfirmed(client):
    user = UserFactory(confirmed=False, email="ada@example.com")
    client.force_login(user)
    return user


@pytest.mark.parametrize("path", ["/", "/account/", "/account/password/change/", "/account/email/change/"])
def test_unconfirmed_user_is_sent_to_the_unconfirmed_page(client, unconfirmed, path):
    response = client.get(path)
    assert response.headers["Location"] == "/account/unconfirmed/"


def test_unconfirmed_page_names_the_address_and_offers_a_resend_button(client, unconfirmed):
    page = client.get("/account/unconfirmed/").text
    assert "ada@example.com" in page
    assert '<form method="post" action="/account/unconfirmed/resend/"' in page
    assert '<button type="submit">Send a new confirmation link</button>' in page


def test_resend_mails_a_new_confirmation_link_with_a_message(client, unconfirmed):
    response = client.post("/account/unconfirmed/resend/", follow=True)
    assert len(outbox_to("ada@example.com")) == 1
    assert link_mailed_to("ada@example.com").startswith("/account/confirm/")
    assert "A new confirmation link has been sent to ada@example.com." in response.text


def test_the_resent_link_confirms_the_account(client, unconfirmed):
    client.post("/account/unconfirmed/resend/")
    client.post(link_mailed_to("ada@example.com"))
    unconfirmed.refresh_from_db()
    assert unconfirmed.confirmed is True
    assert client.get("/").status_code == HTTPStatus.OK


def test_resend_by_get_is_refused(client, unconfirmed):
    assert client.get("/account/unconfirmed/resend/").status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert outbox_to("ada@example.com") == []


def test_unconfirmed_user_can_still_log_out(client, unconfirmed):
    client.post("/account/logout/")
    assert "_auth_user_id" not in client.session


def test_unconfirmed_user_can_still_reset_the_password(client, unconfirmed):
    assert client.get("/account/password/reset/").status_code == HTTPStatus.OK


def test_confirmed_user_sees_the_app(client):
    client.force_login(UserFactory(confirmed=True))
    assert client.get("/").status_code == HTTPStatus.OK


def test_unconfirmed_page_sends_confirmed_users_home(client):
    client.force_login(UserFactory(confirmed=True))
    assert client.get("/account/unconfirmed/").headers["Location"] == "/"


def test_unconfirmed_page_asks_visitors_to_log_in(client):
    response = client.get("/account/unconfirmed/")
    assert response.headers["Location"].startswith("/account/login/")


def test_logging_in_unconfirmed_ends_on_the_unconfirmed_page(client):
    UserFactory(confirmed=False, email="ada@example.com")
    response = client.post(
        "/account/login/",
        {"username": "ada@example.com", "password": "correct horse battery staple"},
        follow=True,
    )
    assert response.redirect_chain[-1] == ("/account/unconfirmed/", HTTPStatus.FOUND)
    assert "Confirm your account" in response.text
