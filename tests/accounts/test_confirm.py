"""Confirming an account by the mailed link: it works once, and only for seven days."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from core.accounts.tokens import CONFIRM_ACCOUNT_SALT, make_confirmation_token
from tests.factories import UserFactory
from tests.support import SignedAt

pytestmark = pytest.mark.django_db


def confirmation_link_made(user, ago):
    token = SignedAt(timezone.now() - ago, salt=CONFIRM_ACCOUNT_SALT).sign_object(
        {"user": user.pk, "email": user.email}
    )
    return reverse("accounts:confirm", args=[token])


def test_opening_the_link_asks_for_a_click_and_confirms_nothing_yet(client):
    user = UserFactory(confirmed=False)
    response = client.get(reverse("accounts:confirm", args=[make_confirmation_token(user)]))
    assert "Confirm the account" in response.text
    user.refresh_from_db()
    assert user.confirmed is False


def test_confirming_by_the_link_confirms_the_account_and_sends_to_login(client):
    user = UserFactory(confirmed=False)
    response = client.post(reverse("accounts:confirm", args=[make_confirmation_token(user)]), follow=True)
    user.refresh_from_db()
    assert user.confirmed is True
    assert response.redirect_chain == [(reverse("accounts:login"), HTTPStatus.FOUND)]
    assert "Your account is confirmed. You can log in now." in response.text


def test_confirming_while_signed_in_goes_to_the_role_home(client):
    user = UserFactory(confirmed=False)
    client.force_login(user)
    response = client.post(reverse("accounts:confirm", args=[make_confirmation_token(user)]), follow=True)
    assert response.redirect_chain == [(reverse("pages:home"), HTTPStatus.FOUND)]
    assert "Your account is confirmed. Welcome!" in response.text


def test_confirmation_link_works_once(client):
    user = UserFactory(confirmed=False)
    link = reverse("accounts:confirm", args=[make_confirmation_token(user)])
    client.post(link)
    response = client.post(link)
    assert "This confirmation link is invalid, has expired or has already been used." in response.text


def test_confirmation_link_still_works_after_six_days(client):
    user = UserFactory(confirmed=False)
    client.post(confirmation_link_made(user, ago=timedelta(days=6, hours=23)))
    user.refresh_from_db()
    assert user.confirmed is True


def test_confirmation_link_expires_after_seven_days(client):
    user = UserFactory(confirmed=False)
    response = client.post(confirmation_link_made(user, ago=timedelta(days=7, minutes=1)))
    assert "has expired" in response.text
    user.refresh_from_db()
    assert user.confirmed is False


def test_confirmation_link_signed_without_the_site_secret_is_refused(client):
    user = UserFactory(confirmed=False)
    token = signing.dumps({"user": user.pk, "email": user.email}, salt=CONFIRM_ACCOUNT_SALT, key="forged")
    response = client.post(reverse("accounts:confirm", args=[token]))
    assert "This confirmation link is invalid" in response.text
    user.refresh_from_db()
    assert user.confirmed is False


def test_a_link_for_an_address_the_account_no_longer_has_is_refused(client):
    user = UserFactory(confirmed=False, email="old@example.com")
    link = reverse("accounts:confirm", args=[make_confirmation_token(user)])
    user.email = "new@example.com"
    user.save()
    response = client.post(link)
    assert "This confirmation link is invalid" in response.text
