"""Repeated failed logins lock an e-mail, or an address, out for a while (django-axes)."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.tokens import default_token_generator
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from core.accounts.lockout import client_ip
from core.invites.tokens import encode_uid
from tests.factories import PASSWORD, AdminFactory, UserFactory

pytestmark = pytest.mark.django_db


def log_in(client, email, password=PASSWORD, address="127.0.0.1"):
    return client.post(
        reverse("accounts:login"), {"username": email, "password": password}, REMOTE_ADDR=address
    )


def fail(client, email, times, address="127.0.0.1"):
    for _ in range(times):
        response = log_in(client, email, "wrong password", address)
    return response


@pytest.fixture(autouse=True)
def _limit(settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)


def test_failures_below_the_limit_only_show_the_form_error(client):
    UserFactory(email="ada@example.com")
    response = fail(client, "ada@example.com", times=2)
    assert response.status_code == HTTPStatus.OK
    assert "Please enter a correct e-mail and password." in response.text


def test_reaching_the_limit_shows_the_lockout_page(client):
    UserFactory(email="ada@example.com")
    response = fail(client, "ada@example.com", times=3)
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "Too many failed logins" in response.text
    assert "after 3 failed attempts" in response.text
    assert "Try again in 15 minutes." in response.text


def test_a_locked_out_email_is_refused_even_with_the_right_password(client):
    UserFactory(email="ada@example.com")
    fail(client, "ada@example.com", times=3)
    response = log_in(client, "ada@example.com")
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "_auth_user_id" not in client.session


def test_failures_from_many_addresses_do_not_lock_the_owner_out_of_their_own(client):
    AdminFactory(email="ada@example.com")
    for number in range(6):
        fail(client, "ada@example.com", times=2, address=f"10.0.0.{number}")
    response = log_in(client, "ada@example.com", address="10.0.0.99")
    assert response.status_code == HTTPStatus.FOUND
    assert client.session["_auth_user_id"]


def test_an_email_is_locked_out_from_the_address_its_failures_come_from(client):
    UserFactory(email="ada@example.com")
    fail(client, "ada@example.com", times=3, address="10.0.0.1")
    assert log_in(client, "ada@example.com", address="10.0.0.1").status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert log_in(client, "ada@example.com", address="10.0.0.2").status_code == HTTPStatus.FOUND


def test_a_completed_password_reset_clears_the_failures_against_the_email(client):
    user = UserFactory(email="ada@example.com")
    fail(client, "ada@example.com", times=3, address="10.0.0.1")
    link = reverse(
        "accounts:password_reset_confirm", args=[encode_uid(user), default_token_generator.make_token(user)]
    )
    form_page = client.get(link, follow=True).redirect_chain[-1][0]
    new_password = "a brand new passphrase"
    client.post(form_page, {"new_password1": new_password, "new_password2": new_password})
    response = log_in(client, "ada@example.com", password=new_password, address="10.0.0.1")
    assert response.status_code == HTTPStatus.FOUND
    assert not AccessAttempt.objects.filter(username="ada@example.com").exists()


def test_the_lockout_page_says_what_is_paused_and_what_a_reset_does(client):
    UserFactory(email="ada@example.com")
    page = fail(client, "ada@example.com", times=3).text
    assert "Logging in from this address is paused after 3 failed attempts." in page
    assert "a new password also clears the failed attempts counted against your email" in page


def test_failures_count_the_email_without_case(client):
    UserFactory(email="ada@example.com")
    fail(client, "ADA@example.com", times=2, address="10.0.0.1")
    fail(client, "Ada@Example.com", times=1, address="10.0.0.1")
    assert AccessAttempt.objects.get().failures_since_start == 3


def test_an_address_is_locked_out_whatever_emails_it_tries(client):
    UserFactory(email="ada@example.com")
    for number in range(3):
        fail(client, f"guess{number}@example.com", times=1, address="10.0.0.7")
    response = log_in(client, "ada@example.com", address="10.0.0.7")
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS


def test_other_emails_from_other_addresses_are_not_locked_out(client):
    UserFactory(email="ada@example.com")
    UserFactory(email="grace@example.com")
    fail(client, "ada@example.com", times=3, address="10.0.0.1")
    assert log_in(client, "grace@example.com", address="10.0.0.2").status_code == HTTPStatus.FOUND


def test_unknown_emails_are_locked_out_like_known_ones(client):
    response = fail(client, "nobody@example.com", times=3)
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS


def test_the_lockout_ends_after_the_cool_off_time(client):
    UserFactory(email="ada@example.com")
    fail(client, "ada@example.com", times=3)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert log_in(client, "ada@example.com").status_code == HTTPStatus.FOUND


def test_a_successful_login_resets_the_failure_count(client):
    UserFactory(email="ada@example.com")
    fail(client, "ada@example.com", times=2)
    assert log_in(client, "ada@example.com").status_code == HTTPStatus.FOUND
    client.post(reverse("accounts:logout"))
    response = fail(client, "ada@example.com", times=2)
    assert response.status_code == HTTPStatus.OK


def test_client_address_is_the_connection_when_no_proxy_is_trusted(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6")
    assert client_ip(request) == "10.0.0.1"


def test_client_address_is_read_through_the_trusted_proxies_only(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # The client forged the first entry; the one proxy appended the address it really saw.
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9")
    assert client_ip(request) == "203.0.113.9"


def test_logging_into_another_account_does_not_clear_the_failures_against_this_one(client):
    UserFactory(email="ada@example.com")
    UserFactory(email="mallory@example.com")
    fail(client, "ada@example.com", times=2, address="10.0.0.7")
    assert log_in(client, "mallory@example.com", address="10.0.0.8").status_code == HTTPStatus.FOUND
    client.post(reverse("accounts:logout"))
    response = fail(client, "ada@example.com", times=1, address="10.0.0.7")
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS


def test_the_test_clients_login_still_works(client):
    UserFactory(email="ada@example.com")
    assert client.login(email="ada@example.com", password=PASSWORD) is True
    assert client.get(reverse("accounts:manage")).status_code == HTTPStatus.OK
