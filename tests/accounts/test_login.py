"""Logging in by email, "remember me", the safe `next`, and logging out by POST only."""

from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import PASSWORD, AdminFactory, UserFactory, turn_on_two_factor

pytestmark = pytest.mark.django_db


def log_in(client, email, password=PASSWORD, **extra):
    return client.post(reverse("accounts:login"), {"username": email, "password": password, **extra})


def test_login_page_has_labelled_email_and_password_fields(client):
    page = client.get(reverse("accounts:login")).text
    assert '<label for="id_username">Email</label>' in page
    assert 'type="email" name="username" autofocus autocapitalize="none" autocomplete="email"' in page
    assert 'autocomplete="current-password"' in page
    assert '<label for="id_remember_me">Remember me</label>' in page


def test_login_by_email_and_password_goes_to_the_role_home_with_a_message(client):
    UserFactory(email="ada@example.com")
    response = client.post(
        reverse("accounts:login"), {"username": "ada@example.com", "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain == [(reverse("pages:home"), HTTPStatus.FOUND)]
    assert response.context["user"].email == "ada@example.com"
    assert "You are now logged in." in response.text


def user_reads(queries):
    tables = ('"core_user"', '"core_role"', '"core_totpdevice"')
    return [query["sql"] for query in queries if any(table in query["sql"] for table in tables)]


def test_each_page_after_login_reads_the_user_role_and_two_factor_device_in_one_query(client):
    UserFactory(email="ada@example.com")
    log_in(client, "ada@example.com")

    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("pages:home"))
    assert page.context["user"].email == "ada@example.com"
    reads = user_reads(queries)
    assert len(reads) == 1, reads
    assert 'FROM "core_user" INNER JOIN "core_role"' in reads[0]
    assert 'LEFT OUTER JOIN "core_totpdevice"' in reads[0]


def test_the_admin_two_factor_gate_asks_no_query_of_its_own(client, settings):
    settings.TWO_FACTOR_REQUIRED_FOR_ADMINS = True
    admin = AdminFactory(email="grace@example.com")
    turn_on_two_factor(admin)
    client.force_login(admin)

    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("adminarea:dashboard"))
    assert page.status_code == HTTPStatus.OK
    assert not [sql for sql in user_reads(queries) if 'FROM "core_totpdevice"' in sql], user_reads(queries)


def test_an_unconfirmed_user_is_not_told_they_are_logged_in_above_the_confirmation_request(client):
    UserFactory(email="ada@example.com", confirmed=False)
    response = client.post(
        reverse("accounts:login"), {"username": "ada@example.com", "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1] == (reverse("accounts:unconfirmed"), HTTPStatus.FOUND)
    assert "_auth_user_id" in client.session
    assert "Not confirmed yet" in response.text
    assert "You are now logged in." not in response.text


def test_login_accepts_the_email_in_any_case(client):
    UserFactory(email="ada@example.com")
    response = log_in(client, "  ADA@Example.com")
    assert response.status_code == HTTPStatus.FOUND
    assert "_auth_user_id" in client.session


def test_wrong_password_shows_an_error_and_keeps_the_email(client):
    UserFactory(email="ada@example.com")
    response = log_in(client, "ada@example.com", "not the password")
    assert response.status_code == HTTPStatus.OK
    assert "Please enter a correct email and password." in response.text
    assert 'value="ada@example.com"' in response.text
    assert "_auth_user_id" not in client.session


def test_inactive_account_cannot_log_in(client):
    UserFactory(email="ada@example.com", is_active=False)
    response = log_in(client, "ada@example.com")
    assert response.status_code == HTTPStatus.OK
    assert "_auth_user_id" not in client.session


def test_login_goes_to_next_when_it_points_inside_the_site(client):
    UserFactory(email="ada@example.com")
    response = log_in(client, "ada@example.com", next=reverse("accounts:password_change"))
    assert response.headers["Location"] == reverse("accounts:password_change")


@pytest.mark.parametrize(
    "unsafe_next",
    ["https://evil.example/", "//evil.example/", "http://testserver.evil.example/", "javascript:alert(1)"],
)
def test_login_ignores_next_pointing_off_the_site(client, unsafe_next):
    UserFactory(email="ada@example.com")
    response = log_in(client, "ada@example.com", next=unsafe_next)
    assert response.headers["Location"] == reverse("pages:home")


def test_login_page_passes_a_safe_next_on_to_the_form(client):
    page = client.get(reverse("accounts:login"), {"next": reverse("accounts:manage")}).text
    assert f'<input type="hidden" name="next" value="{reverse("accounts:manage")}">' in page


def test_login_page_drops_an_unsafe_next(client):
    page = client.get(reverse("accounts:login"), {"next": "https://evil.example/"}).text
    assert "evil.example" not in page


def test_without_remember_me_the_session_ends_when_the_browser_closes(client):
    UserFactory(email="ada@example.com")
    log_in(client, "ada@example.com")
    assert client.session.get_expire_at_browser_close() is True


def test_with_remember_me_the_session_outlives_the_browser(client):
    UserFactory(email="ada@example.com")
    log_in(client, "ada@example.com", remember_me="on")
    assert client.session.get_expire_at_browser_close() is False
    assert client.cookies["sessionid"]["max-age"] == client.session.get_expiry_age()


def test_signed_in_user_opening_the_login_page_goes_home(client):
    client.force_login(UserFactory())
    response = client.get(reverse("accounts:login"))
    assert response.headers["Location"] == reverse("pages:home")


def test_logout_by_post_signs_out_with_a_message(client):
    client.force_login(UserFactory())
    response = client.post(reverse("accounts:logout"), follow=True)
    assert "_auth_user_id" not in client.session
    assert "You have been logged out." in response.text


def test_logout_by_get_only_shows_the_button_and_keeps_the_user_signed_in(client):
    client.force_login(UserFactory())
    response = client.get(reverse("accounts:logout"))
    assert response.status_code == HTTPStatus.OK  # the page with the Log out button (test_logout.py)
    assert "_auth_user_id" in client.session


def test_nav_offers_register_and_login_to_visitors(client):
    page = client.get(reverse("pages:home")).text
    assert f'href="{reverse("accounts:register")}">Register</a>' in page
    assert f'href="{reverse("accounts:login")}">Log in</a>' in page
    assert "Log out" not in page


def test_nav_offers_account_settings_and_a_logout_button_to_signed_in_users(client):
    client.force_login(UserFactory())
    page = client.get(reverse("pages:home")).text
    assert f'href="{reverse("accounts:manage")}">Account</a>' in page
    assert f'<form method="post" action="{reverse("accounts:logout")}">' in page
    assert f'href="{reverse("accounts:login")}"' not in page
    assert f'href="{reverse("adminarea:dashboard")}"' not in page


def test_account_page_shows_the_user_and_links_to_the_changes(client):
    client.force_login(UserFactory(email="ada@example.com", first_name="Ada", last_name="Lovelace"))
    page = client.get(reverse("accounts:manage")).text
    assert "Ada Lovelace" in page
    assert "ada@example.com" in page
    assert f'href="{reverse("accounts:password_change")}"' in page
    assert f'href="{reverse("accounts:change_email")}"' in page


def test_account_page_asks_visitors_to_log_in(client):
    response = client.get(reverse("accounts:manage"))
    assert response.headers["Location"] == f"{reverse('accounts:login')}?next={reverse('accounts:manage')}"


def test_login_page_shows_the_site_name(client, settings):
    settings.SITE_NAME = "Acme Volunteers"
    assert "Log in · Acme Volunteers" in client.get(reverse("accounts:login")).text
