"""Logging in with two-factor on: the password alone logs nobody in; the code does, keeping
"remember me" and a safe `next`; wrong codes count towards the lockout."""

import time
from datetime import timedelta
from http import HTTPStatus

import pyotp
import pytest
from django.urls import reverse

from tests.factories import PASSWORD, AdminFactory, UserFactory, turn_on_two_factor

pytestmark = pytest.mark.django_db

CODE_PAGE = reverse("twofactor:login")


def log_in(client, email="ada@example.com", **extra):
    return client.post(reverse("accounts:login"), {"username": email, "password": PASSWORD, **extra})


def enter(client, code, **extra):
    return client.post(CODE_PAGE, {"code": code}, **extra)


@pytest.fixture
def ada():
    user = UserFactory(email="ada@example.com")
    secret, codes = turn_on_two_factor(user)
    return user, pyotp.TOTP(secret), codes


def test_the_right_password_asks_for_the_code_without_logging_in(client, ada):
    response = log_in(client)
    assert response.headers["Location"] == CODE_PAGE
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("accounts:manage")).status_code == HTTPStatus.FOUND  # still anonymous
    page = client.get(CODE_PAGE)
    assert page.status_code == HTTPStatus.OK
    assert 'autocomplete="one-time-code"' in page.text


def test_the_right_code_logs_in_and_goes_to_the_role_home(client, ada):
    user, totp, _ = ada
    log_in(client)
    response = enter(client, totp.now(), follow=True)
    assert response.redirect_chain == [("/", HTTPStatus.FOUND)]
    assert response.context["user"] == user
    assert "You are now logged in." in response.text


def test_a_wrong_code_keeps_the_user_out_with_a_form_error(client, ada):
    log_in(client)
    response = enter(client, "000000" if ada[1].now() != "000000" else "111111")
    assert response.status_code == HTTPStatus.OK
    assert "This code is not right" in response.text
    assert "_auth_user_id" not in client.session


def test_the_code_step_keeps_a_safe_next(client, ada):
    log_in(client, next=reverse("accounts:password_change"))
    assert enter(client, ada[1].now()).headers["Location"] == reverse("accounts:password_change")


def test_the_code_step_drops_an_unsafe_next(client, ada):
    log_in(client, next="https://evil.example/")
    assert enter(client, ada[1].now()).headers["Location"] == "/"


def test_without_remember_me_the_session_ends_with_the_browser(client, ada):
    log_in(client)
    enter(client, ada[1].now())
    assert client.session.get_expire_at_browser_close()


def test_with_remember_me_the_session_outlives_the_browser(client, ada):
    log_in(client, remember_me="on")
    enter(client, ada[1].now())
    assert not client.session.get_expire_at_browser_close()


def test_a_recovery_code_logs_in_once_and_says_how_many_are_left(client, ada):
    _, _, codes = ada
    log_in(client)
    response = enter(client, codes[0], follow=True)
    assert "You used a recovery code; 9 left." in response.text
    client.post(reverse("accounts:logout"))
    log_in(client)
    response = enter(client, codes[0])
    assert response.status_code == HTTPStatus.OK
    assert "_auth_user_id" not in client.session


def test_the_code_page_without_a_password_first_goes_back_to_login(client):
    response = client.get(CODE_PAGE, follow=True)
    assert response.redirect_chain == [(reverse("accounts:login"), HTTPStatus.FOUND)]
    assert "Log in with your email and password first." in response.text


def test_the_code_step_expires(client, ada, settings):
    settings.TWO_FACTOR_LOGIN_TIMEOUT = 60
    log_in(client)
    session = client.session
    session["twofactor_pending"]["since"] = time.time() - 61
    session.save()
    assert enter(client, ada[1].now()).headers["Location"] == reverse("accounts:login")
    assert "_auth_user_id" not in client.session


def test_users_without_two_factor_log_in_with_the_password_alone(client):
    UserFactory(email="bob@example.com")
    response = log_in(client, "bob@example.com")
    assert response.headers["Location"] == "/"
    assert "_auth_user_id" in client.session


def test_wrong_codes_count_towards_the_lockout_and_then_even_the_right_code_is_refused(client, ada, settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)
    log_in(client)
    wrong = "000000" if ada[1].now() != "000000" else "111111"
    responses = [enter(client, wrong) for _ in range(3)]
    assert [r.status_code for r in responses] == [HTTPStatus.OK, HTTPStatus.OK, HTTPStatus.TOO_MANY_REQUESTS]
    assert "Too many failed logins" in responses[-1].text
    response = enter(client, ada[1].now())
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "_auth_user_id" not in client.session


def test_a_successful_code_login_clears_earlier_wrong_codes(client, ada, settings):
    settings.AXES_FAILURE_LIMIT = 3
    log_in(client)
    enter(client, "abc")
    enter(client, "abd")
    enter(client, ada[1].now())
    client.post(reverse("accounts:logout"))
    log_in(client)
    assert enter(client, "abe").status_code == HTTPStatus.OK  # one failure, not three


def test_django_admin_login_goes_through_our_login_page(client):
    response = client.get(f"{reverse('admin:login')}?next={reverse('admin:index')}")
    assert response.headers["Location"] == f"{reverse('accounts:login')}?next={reverse('admin:index')}"


def test_an_administrator_with_two_factor_logs_in_to_the_admin_area_with_a_code(client, settings):
    settings.TWO_FACTOR_REQUIRED_FOR_ADMINS = True
    admin = AdminFactory(email="boss@example.com")
    secret, _ = turn_on_two_factor(admin)
    log_in(client, "boss@example.com")
    response = enter(client, pyotp.TOTP(secret).now(), follow=True)
    assert response.redirect_chain == [(reverse("adminarea:dashboard"), HTTPStatus.FOUND)]
    assert response.status_code == HTTPStatus.OK
