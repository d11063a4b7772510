"""The home page: a landing page for visitors, the user's own home once signed in."""

import re
from http import HTTPStatus

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_visitors_get_a_landing_page_that_says_what_the_app_is_and_how_to_start(client):
    response = client.get(reverse("pages:home"))
    assert response.status_code == HTTPStatus.OK
    assert "A Django starter with accounts, roles, an admin area" in response.text
    assert f'<a class="button" href="{reverse("accounts:register")}">Create an account</a>' in response.text
    assert "How to start" in response.text


def test_signed_in_users_see_their_account_status_and_next_steps(client):
    client.force_login(UserFactory(first_name="Ada", email="ada@example.com"))
    response = client.get(reverse("pages:home"))
    assert "Hello, Ada" in response.text
    assert "ada@example.com" in response.text
    assert '<span class="badge badge-ok">Confirmed</span>' in response.text
    assert re.search(r"<dt>Role</dt>\s*<dd>\s*User\s*</dd>", response.text)
    assert f'href="{reverse("accounts:password_change")}">Change your password' in response.text
    assert reverse("adminarea:dashboard") not in response.text


def test_administrators_home_links_to_the_admin_area(client, administrator):
    client.force_login(administrator)
    response = client.get(reverse("pages:home"))
    assert f'href="{reverse("adminarea:dashboard")}">Go to the dashboard' in response.text
    assert f'href="{reverse("adminarea:invite")}">Invite someone' in response.text


def test_the_menu_marks_the_page_being_shown(client):
    response = client.get(reverse("accounts:login"))
    assert f'<a href="{reverse("accounts:login")}" aria-current="page">Log in</a>' in response.text
    assert f'<a href="{reverse("accounts:register")}">Register</a>' in response.text


def test_the_admin_tabs_mark_the_page_being_shown(admin_client):
    response = admin_client.get(reverse("adminarea:users"))
    assert f'<a href="{reverse("adminarea:users")}" aria-current="page">Users</a>' in response.text
    assert f'<a href="{reverse("adminarea:invite")}">Invite</a>' in response.text
    assert response.text.count('aria-current="page"') == 1
