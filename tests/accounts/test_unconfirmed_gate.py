"""Signed-in users who have not confirmed their account see the "unconfirmed" page, not the app."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from tests.support import link_mailed_to, outbox_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def unconfirmed(client):
    user = UserFactory(confirmed=False, email="ada@example.com")
    client.force_login(user)
    return user


@pytest.mark.parametrize(
    "path",
    [
        reverse("pages:home"),
        reverse("accounts:manage"),
        reverse("accounts:password_change"),
        reverse("accounts:change_email"),
    ],
)
def test_unconfirmed_user_is_sent_to_the_unconfirmed_page(client, unconfirmed, path):
    response = client.get(path)
    assert response.headers["Location"] == reverse("accounts:unconfirmed")


def test_unconfirmed_page_names_the_address_and_offers_a_resend_button(client, unconfirmed):
    page = client.get(reverse("accounts:unconfirmed")).text
    assert "ada@example.com" in page
    assert f'<form method="post" action="{reverse("accounts:resend_confirmation")}"' in page
    assert '<button type="submit">Send a new confirmation link</button>' in page


def test_resend_mails_a_new_confirmation_link_with_a_message(client, unconfirmed):
    response = client.post(reverse("accounts:resend_confirmation"), follow=True)
    assert len(outbox_to("ada@example.com")) == 1
    assert link_mailed_to("ada@example.com").startswith(
        reverse("accounts:confirm", args=["token"]).removesuffix("token/")
    )
    assert "A new confirmation link has been sent to ada@example.com." in response.text


def test_the_resent_link_confirms_the_account(client, unconfirmed):
    client.post(reverse("accounts:resend_confirmation"))
    client.post(link_mailed_to("ada@example.com"))
    unconfirmed.refresh_from_db()
    assert unconfirmed.confirmed is True
    assert client.get(reverse("pages:home")).status_code == HTTPStatus.OK


def test_resend_by_get_is_refused(client, unconfirmed):
    assert client.get(reverse("accounts:resend_confirmation")).status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert outbox_to("ada@example.com") == []


def test_unconfirmed_user_can_still_log_out(client, unconfirmed):
    client.post(reverse("accounts:logout"))
    assert "_auth_user_id" not in client.session


def test_unconfirmed_user_can_still_reset_the_password(client, unconfirmed):
    assert client.get(reverse("accounts:password_reset")).status_code == HTTPStatus.OK


def test_confirmed_user_sees_the_app(client):
    client.force_login(UserFactory(confirmed=True))
    assert client.get(reverse("pages:home")).status_code == HTTPStatus.OK


def test_unconfirmed_page_sends_confirmed_users_home(client):
    client.force_login(UserFactory(confirmed=True))
    assert client.get(reverse("accounts:unconfirmed")).headers["Location"] == reverse("pages:home")


def test_unconfirmed_page_asks_visitors_to_log_in(client):
    response = client.get(reverse("accounts:unconfirmed"))
    assert response.headers["Location"].startswith(reverse("accounts:login"))


def test_logging_in_unconfirmed_ends_on_the_unconfirmed_page(client):
    UserFactory(confirmed=False, email="ada@example.com")
    response = client.post(
        reverse("accounts:login"),
        {"username": "ada@example.com", "password": "correct horse battery staple"},
        follow=True,
    )
    assert response.redirect_chain[-1] == (reverse("accounts:unconfirmed"), HTTPStatus.FOUND)
    assert "Confirm your account" in response.text
